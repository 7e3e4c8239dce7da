// Service worker: the map keeps working offline after one visit.
//
// Network first, cache as the fallback: whenever the network answers, the person gets the
// newly published app and dataset (and the cache is refreshed); only when it does not, the
// cached copy is used. So a new build or dataset is never hidden behind a stale cache, and no
// version number has to be bumped by hand. Map tiles (other hosts) are not handled here.

const CACHE = 'hanoi-creative-map-v1';
const CONFIG = 'data/config.json';
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
  'accessibility.html',
  'accessibility.css',
  CONFIG,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map(fresh)).then(() => cacheNamedFiles(cache, { refresh: true })))
      .then(() => self.skipWaiting()),
  );
});

/** A request that revalidates with the server rather than trusting the browser's HTTP cache. */
function fresh(path) {
  return new Request(path, { cache: 'no-cache' });
}

/**
 * Caches the files the city's configuration names: the dataset, the trails and the offline
 * background, which is otherwise fetched only once the tiles fail, when there may be no network
 * left. The defaults are those of the app's `CityConfig`. A file that is missing (a city with no
 * trails) is skipped rather than failing the install. Without `refresh`, only files not yet
 * cached are fetched: what the app itself loads is refreshed by `networkFirst` anyway.
 */
async function cacheNamedFiles(cache, { refresh }) {
  let config = {};
  try {
    config = await (await cache.match(CONFIG)).json();
  } catch {
    // No or broken configuration: the app uses its defaults, and so does this.
  }
  const named = [config.dataset ?? 'data/spaces.geojson', config.trails ?? 'data/trails.json', config.basemap?.url];
  const relative = named.filter((path) => typeof path === 'string' && !path.includes(':') && !path.startsWith('/'));
  await Promise.all(relative.map(async (path) => {
    if (refresh || !(await cache.match(path))) {
      await cache.add(fresh(path)).catch(() => undefined);
    }
  }));
}

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
  event.respondWith(networkFirst(request, event));
});

async function networkFirst(request, event) {
  const cache = await caches.open(CACHE);
  try {
    // Revalidate with the server rather than trusting the browser's HTTP cache.
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) {
      await cache.put(request, response.clone());
      // A configuration published after this worker was installed may name new files (a
      // background added later): cache those too, without holding up the response.
      if (new URL(request.url).href === new URL(CONFIG, self.location).href) {
        event.waitUntil(cacheNamedFiles(cache, { refresh: false }));
      }
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
