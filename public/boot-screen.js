// The page's first paint, before the app: the city's title in the visitor's language, so that
// a phone on a slow network shows what is coming within a second instead of a blank page until
// the app has downloaded (two seconds and more on a first visit). The app replaces this header
// with its own, the same, when it mounts (boot.js). The title is the city's configuration's,
// in the language the app will choose: `?lang=`, else the browser's, else the city's default.
// Nothing is drawn in an embedded map, which has no header.
const params = new URLSearchParams(location.search);
/** Whether the app's own page is there (it mounts beside this screen). */
const mounted = () => document.querySelector('.app:not(#boot-screen)') !== null;
const language = (code) => {
  const primary = (code ?? '').split(/[-_]/)[0].toLowerCase();
  return primary === 'vi' || primary === 'en' ? primary : null;
};

if (!['1', 'true', 'yes'].includes(params.get('embed')) && !mounted()) {
  try {
    // The page preloads the configuration, and only the first request gets the preload: the app
    // takes this download (`hcmBootConfig`: the text, or null) rather than asking the host again.
    globalThis.hcmBootConfig = fetch('data/config.json').then((r) => (r.ok ? r.text() : null)).catch(() => null);
    const config = JSON.parse(await globalThis.hcmBootConfig);
    const lang = language(params.get('lang')) ?? language(navigator.language) ?? config.default_lang ?? 'vi';
    const text = (pair) => pair?.[lang] ?? '';
    const screen = document.getElementById('boot-screen');
    // The app may have mounted while the configuration came.
    if (screen && !mounted()) {
      screen.querySelector('h1').textContent = text(config.title);
      screen.querySelector('.subtitle').textContent = text(config.subtitle);
      document.documentElement.lang = lang;
      screen.hidden = false;
    }
  } catch {
    // No configuration or no title: the app tells the person when it starts.
  }
}
