// Starts the map. A file of its own, not an inline script, so that the page's
// Content-Security-Policy can forbid inline scripts altogether.
import init from './hanoi-creative-map.js';

// After one visit the service worker lets the map open with no network at all.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch((error) => console.warn('offline use unavailable:', error));
}

await init({ module_or_path: './hanoi-creative-map_bg.wasm' });
