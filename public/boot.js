// Starts the map. A file of its own, not an inline script, so that the page's
// Content-Security-Policy can forbid inline scripts altogether.

// After one visit the service worker lets the map open with no network at all. It is
// registered once the page has loaded, so that on a first visit its caching does not compete
// with the page's own downloads.
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('sw.js').catch((error) => console.warn('offline use unavailable:', error));
  if (document.readyState === 'complete') {
    register();
  } else {
    addEventListener('load', register, { once: true });
  }
}

// The page names this file with the build's id (`?v=…`, tools/stamp-build.mjs); the app's files
// carry the same, so the service worker can serve them from its cache at once.
const build = new URL(import.meta.url).search;
const { default: init } = await import(`./hanoi-creative-map.js${build}`);
await init({ module_or_path: `./hanoi-creative-map_bg.wasm${build}` });
// The app has mounted, with its own header: the page's first one (boot-screen.js) goes.
document.getElementById('boot-screen')?.remove();

// A city with vector tiles: the background's two scripts start downloading now, while the app
// builds its first view (the wasm and the data it waits for have arrived), rather than once the
// markers are drawn, when they are added to the page and run (src/map/leaflet/vector.rs,
// vector-tiles.js), as before. The same URLs, so those requests take these downloads.
try {
  if (JSON.parse((await globalThis.hcmBootConfig) ?? 'null')?.tiles?.vector) {
    for (const href of ['vector-tiles.js', 'protomaps/protomaps-leaflet.js']) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'script', href }));
    }
  }
} catch {
  // A configuration that is not JSON: the app says so, and draws no vector background.
}
