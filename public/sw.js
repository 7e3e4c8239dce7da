// Service worker: the map keeps working offline after one visit.
//
// Network first, cache as the fallback: whenever the network answers, the person gets the
// newly published app and dataset (and the cache is refreshed); only when it does not, the
// cached copy is used. So a new build or dataset is never hidden behind a stale cache, and no
// version number has to be bumped by hand. Raster map tiles (other hosts) are not handled here;
// vector tiles beside the map have their own cache (see the end of this file).

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
 * Caches the files the city's configuration names: the dataset, the trails, the vector tiles'
 * renderer and the offline background, which is otherwise fetched only once the tiles fail, when there may be no network
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
  const named = [config.dataset ?? 'data/spaces.geojson', config.trails ?? 'data/trails.json', config.basemap?.url,
    ...(config.tiles?.vector ? VECTOR_SCRIPTS : [])];
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
      .then((names) => Promise.all(names.filter((name) => name !== CACHE && name !== TILE_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (isVectorTile(request)) {
    event.respondWith(cachedTile(request));
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

// Vector tiles (`tiles.vector` in the configuration, files ending in .pbf) have a cache of their
// own, kept when the app is updated: cache first, since a tile file never changes under its
// name (republished tiles go in a new folder), so the streets a visitor has seen work offline.
// At most TILE_LIMIT tiles are kept, the oldest cached dropped first: Hanoi's tiles average
// 42 KB, so about 21 MB at most. A kiosk's configuration (`"precache": true`) has the page ask
// for every tile its manifest lists; those are kept whatever the limit.
const TILE_CACHE = 'hanoi-creative-map-tiles-v1';
// Our styles and the renderer they load, which the app loads only for vector tiles.
const VECTOR_SCRIPTS = ['vector-tiles.js', 'protomaps/protomaps-leaflet.js'];
const TILE_LIMIT = 500;

function isVectorTile(request) {
  return new URL(request.url).pathname.endsWith('.pbf');
}

async function cachedTile(request) {
  const cache = await caches.open(TILE_CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await dropOldestTiles(cache);
  }
  return response;
}

/** Keeps the TILE_LIMIT most recently cached tiles (`keys()` lists them oldest first). */
async function dropOldestTiles(cache) {
  const [keys, kiosk] = await Promise.all([cache.keys(), caches.match(PRECACHED)]);
  if (kiosk || keys.length <= TILE_LIMIT) {
    return;
  }
  await Promise.all(keys.slice(0, keys.length - TILE_LIMIT).map((key) => cache.delete(key)));
}

// Marks, in the tile cache, a kiosk whose every tile is kept.
const PRECACHED = 'precached-tiles';

self.addEventListener('message', (event) => {
  if (event.data?.type === 'precache-tiles') {
    event.waitUntil(precacheTiles(event.data.url));
  }
});

/**
 * Fetches every tile listed in the manifest (`tiles.json`, written by
 * tools/tiles/prepare_tiles.py) beside the tiles of `template` that is not cached yet, four at a
 * time. `template` is relative to the page, which lies beside this worker.
 */
async function precacheTiles(template) {
  const folder = template.slice(0, template.indexOf('{z}'));
  const cache = await caches.open(TILE_CACHE);
  const manifest = await (await fetch(fresh(folder + 'tiles.json'))).json();
  const queue = [...manifest.tiles];
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const [z, x, y] = key.split('/');
      const url = template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
      if (!(await cache.match(url))) {
        await cache.add(url).catch(() => undefined);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await cache.put(PRECACHED, new Response(String(manifest.tiles.length)));
}
