// The page's first paint, before the app: the city's title in the visitor's language, so that a
// phone shows what is coming at once instead of a blank page until the app has downloaded and
// started (two seconds and more on a first visit, more than one on a repeat visit). The app
// replaces this header with its own, the same, when it mounts (boot.js). The title is the city's
// configuration's, in the language the app will choose: `?lang=`, else the browser's, else the
// city's default. Nothing is drawn in an embedded map, which has no header.
//
// A classic script that the page runs where it stands, right after the header it fills: a module
// or an async script runs only once the main thread is free, which on a repeat visit is after
// Leaflet and the app's start, when the app paints its own header anyway. So the title is painted
// with the page from the copy this script kept on the last visit (the city's title, subtitle and
// default language, in localStorage), and from the configuration once it arrives on a first visit
// or when the city has changed its configuration since.
(() => {
  const params = new URLSearchParams(location.search);
  // One kept copy per map: two maps under different paths of one host share its storage.
  const KEPT = `hcm-boot-title:${new URL('data/config.json', location.href).pathname}`;
  const screen = document.getElementById('boot-screen');
  const language = (code) => {
    const primary = (code ?? '').split(/[-_]/)[0].toLowerCase();
    return primary === 'vi' || primary === 'en' ? primary : null;
  };
  // Reading or writing localStorage throws where storage is blocked (some iframes, private modes).
  const storage = () => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  /** Shows the title of `config` unless the app has mounted (its header is there). */
  const show = (config) => {
    if (!screen?.isConnected || typeof config?.title !== 'object') return;
    const lang = language(params.get('lang')) ?? language(navigator.language) ?? language(config.default_lang) ?? 'vi';
    const text = (pair) => (typeof pair?.[lang] === 'string' ? pair[lang] : '');
    const [title, subtitle] = [screen.querySelector('h1'), screen.querySelector('.subtitle')];
    // Only what changed, so that a kept title confirmed by the configuration is not painted again.
    if (title.textContent !== text(config.title)) title.textContent = text(config.title);
    if (subtitle.textContent !== text(config.subtitle)) subtitle.textContent = text(config.subtitle);
    document.documentElement.lang = lang;
    screen.hidden = false;
  };

  if (['1', 'true', 'yes'].includes(params.get('embed'))) {
    screen?.remove();
  } else {
    try {
      show(JSON.parse(storage()?.getItem(KEPT) ?? 'null'));
    } catch {
      // A kept copy that is not JSON: the configuration replaces it below.
    }
  }
  // The page preloads the configuration, and only the first request gets the preload: the app
  // takes this download (`hcmBootConfig`: the text, or null) rather than asking the host again.
  globalThis.hcmBootConfig = fetch('data/config.json')
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);
  globalThis.hcmBootConfig.then((text) => {
    try {
      const { title, subtitle, default_lang } = JSON.parse(text);
      show({ title, subtitle, default_lang });
      storage()?.setItem(KEPT, JSON.stringify({ title, subtitle, default_lang }));
    } catch {
      // No configuration or no title: the app tells the person when it starts.
    }
  });
})();
