// Service worker: the map keeps working offline after one visit.
//
// Network first, cache as the fallback: whenever the network answers, the person gets the
// newly published app and dataset (and the cache is refreshed); only when it does not, the
// cached copy is used. So a new build or dataset is never hidden behind a stale cache, and no
// version number has to be bumped by hand. Map tiles (other hosts) are not handled here.

const CACHE = 'hanoi-creative-map-v1';
const SHELL = [
  './',
  'index.html',
  'boot.js',
  'hanoi-creative-map.js',
  'hanoi-creative-map_bg.wasm',
  'style.css',
  'leaflet/leaflet.js',
  'leaflet/leaflet.css',
  'qrcode/qrcode.js',
  'manifest.webmanifest',
  'icon.svg',
  'data/config.json',
  'data/spaces.geojson',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    // Revalidate with the server rather than trusting the browser's HTTP cache.
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) {
      return cached;
    }
    throw offline;
  }
}
