// Starts the editors' workbench. A file of its own, not an inline script, so that the page's
// Content-Security-Policy can forbid inline scripts altogether.
import init from './hanoi-editor.js';

// The map's service worker also keeps this page for offline use once it has been opened.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch((error) => console.warn('offline use unavailable:', error));
}

await init({ module_or_path: './hanoi-editor_bg.wasm' });
