// Service worker: the map opens at once on a repeat visit, keeps working offline after one
// visit, and never hides a new build or dataset behind its cache.
//
// Two kinds of files:
// - The app's own files (boot.js, the wasm and its glue, styles, Leaflet) carry the build's id in
//   their URL (`?v=…`, written into index.html by tools/stamp-build.mjs after each build). Under
//   one URL their content never changes, so they are served from the cache at once.
// - The page itself, the city's configuration and the data: a copy the host still calls fresh
//   (its `Cache-Control: max-age`, counted from when this worker fetched it) is used at once, as
//   the browser's own HTTP cache would use it without asking the host (GitHub Pages: ten
//   minutes). A reload and the editors' workbench ask the host. Otherwise they are network
//   first: whenever the network answers within NETWORK_LIMIT_MS the person gets what is
//   published now (a new page names the new build's URLs), and the cache is refreshed; when it
//   does not answer in time (offline, or a network that accepts connections and never replies),
//   the cached copy is used. So a new build or dataset is never hidden longer than the host
//   allows: not at all where it says `no-cache` (or gives no freshness), within its `max-age`
//   otherwise.
// Raster map tiles (other hosts) are not handled here; vector tiles beside the map have their
// own cache (see the end of this file).

const CACHE = 'hanoi-creative-map-v1';
const CONFIG = 'data/config.json';
/** The page, stored under one key whatever its query string. */
const PAGE = './';
/** The files an offline visit may need beside the page's own versioned ones. */
const SHELL = [
  'qrcode/qrcode.js',
  'manifest.webmanifest',
  'icon.svg',
  'accessibility.html',
  'pages.css',
];
/** The header, on a cached copy, that says when this worker fetched it (ms since the epoch). */
const FETCHED_AT = 'x-sw-fetched-at';
/**
 * How long a request with a cached copy waits for the network before the cache answers. A
 * phone network's answer (150 ms round trips, a new connection: about 0.6 s) comes within it; a
 * network that is slower than this is treated as hung for this visit, and its late answer still
 * refreshes the cache for the next. A hung network costs it once per visit (see `hungUntil`),
 * which leaves the map about 2 s to open from the cache on a phone (issue 13: within 3 s).
 */
const NETWORK_LIMIT_MS = 1000;
/** How long, once the network failed to answer in time, requests go to the cache at once. */
const HUNG_MS = 10_000;
/** How long a refresh in the background may wait for a hung network before giving up. */
const BACKGROUND_LIMIT_MS = 30_000;
/** Until when the network is taken as hung (ms since the epoch). */
let hungUntil = 0;
/**
 * Fresh copies of the configuration and the dataset asked for with the page, by URL: the page
 * asks for them a round trip later, and takes these (once) instead of asking again, so a repeat
 * visit waits for one round trip to the server, not two.
 */
const early = new Map();

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

/**
 * Caches the page, the files its build names, the shell and the files the configuration names,
 * so that the next visit can open with no network.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch(fresh(PAGE));
  if (!page.ok) {
    throw new Error(`the page answered ${page.status}`);
  }
  await cache.put(PAGE, stamped(page.clone()));
  await cacheBuild(cache, await page.text());
  await cache.addAll(SHELL.map(fresh));
  await store(cache, CONFIG);
  await cacheNamedFiles(cache, { refresh: true });
}

/** Fetches `path` from the host and caches it, stamped; a failure is the caller's to handle. */
async function store(cache, path) {
  const response = await fetch(fresh(path));
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  await cache.put(path, stamped(response));
}

/** `response` with the time it was fetched, for `isFresh`. */
function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(FETCHED_AT, String(Date.now()));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Whether the host lets `cached` be used without asking it again (RFC 9111, 4.2): its age, counted
 * on this worker's clock from when it was fetched plus the age it had then, is within its
 * `max-age`. A copy with `no-cache`, `no-store` or no `max-age`, fetched before this worker
 * stamped copies, or from a clock that has gone back, is never fresh.
 */
function isFresh(cached) {
  const control = cached.headers.get('cache-control') ?? '';
  const maxAge = Number(/(?:^|[\s,])max-age=(\d+)/i.exec(control)?.[1] ?? 0);
  const fetchedAt = Number(cached.headers.get(FETCHED_AT) ?? 0);
  const now = Date.now();
  if (/no-cache|no-store/i.test(control) || maxAge <= 0 || fetchedAt <= 0 || now < fetchedAt) {
    return false;
  }
  const date = Date.parse(cached.headers.get('date') ?? '');
  const apparentAge = Number.isNaN(date) ? 0 : Math.max(0, fetchedAt - date);
  const initialAge = Math.max(apparentAge, 1000 * (Number(cached.headers.get('age')) || 0));
  return initialAge + (now - fetchedAt) < 1000 * maxAge;
}

/** A request that revalidates with the server rather than trusting the browser's HTTP cache. */
function fresh(path) {
  return new Request(path, { cache: 'no-cache' });
}

/** The same-origin URLs a page's build names (those with `?v=`), absolute. */
function buildFiles(html) {
  const urls = [...html.matchAll(/(?:src|href)=["']?([^"'\s>]+\?v=[^"'\s>]+)/g)].map((m) => new URL(m[1], self.registration.scope));
  return [...new Set(urls.filter((url) => url.origin === self.location.origin).map((url) => url.href))];
}

/**
 * Caches the files of the build `html` names that are not cached yet (the HTTP cache may hold
 * them already: a versioned URL never changes), and drops those of other builds.
 */
async function cacheBuild(cache, html) {
  const current = new Set(buildFiles(html));
  if (current.size === 0) {
    return; // An unstamped page (a development build): nothing is versioned.
  }
  await Promise.all([...current].map(async (url) => {
    if (!(await cache.match(url))) {
      await cache.add(url);
    }
  }));
  for (const request of await cache.keys()) {
    if (new URL(request.url).searchParams.has('v') && !current.has(request.url)) {
      await cache.delete(request);
    }
  }
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
      await store(cache, path).catch(() => undefined);
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
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (isVectorTile(request)) {
    event.respondWith(cacheFirst(request, TILE_CACHE, dropOldestTiles));
    return;
  }
  event.respondWith(url.searchParams.has('v') ? cacheFirst(request) : networkFirst(request, event));
});

/**
 * A file that never changes under its URL (one build's file, a tile): from the cache `name`, or
 * fetched and kept there; `kept` runs on the cache after a new file is stored.
 */
async function cacheFirst(request, name = CACHE, kept = async () => undefined) {
  const cache = await caches.open(name);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await kept(cache);
  }
  return response;
}

/**
 * The cached copy while the host calls it fresh (unless the person reloads, or the request comes
 * from the editors' workbench); else the network's answer if it comes within the limit, else the
 * cached copy; with no cached copy, the network's answer whenever it comes. A late answer still
 * refreshes the cache.
 */
async function networkFirst(request, event) {
  const cache = await caches.open(CACHE);
  const key = isPage(request) ? PAGE : request;
  const cached = await cache.match(key);
  // Fetched with a reloaded page (below): what is published now, whatever the cache holds.
  const early = takeEarly(request.url);
  const asksHost = ['no-cache', 'reload', 'no-store'].includes(request.cache) || fromWorkbench(request);
  if (!early && cached && !asksHost && isFresh(cached)) {
    return cached;
  }
  const abort = new AbortController();
  if (key === PAGE) {
    event.waitUntil(fetchEarly(cache, abort.signal));
  }
  // Revalidate with the server rather than trusting the browser's HTTP cache.
  const network = early ?? fetch(request, { cache: 'no-cache', signal: abort.signal });
  event.waitUntil(network.then((response) => keep(cache, key, request, response.clone())).catch(() => undefined));
  if (!cached) {
    return network;
  }
  setTimeout(() => abort.abort(), BACKGROUND_LIMIT_MS);
  if (Date.now() < hungUntil) {
    return cached;
  }
  const timedOut = new Promise((resolve) => setTimeout(() => resolve('timeout'), NETWORK_LIMIT_MS));
  const first = await Promise.race([network.catch(() => 'failed'), timedOut]);
  if (first === 'timeout') {
    hungUntil = Date.now() + HUNG_MS;
  }
  return first instanceof Response ? first : cached;
}

/**
 * Whether `request` comes from the editors' workbench, which must start from what is published
 * now: an editor who edited a copy minutes old could publish over a newer one.
 */
function fromWorkbench(request) {
  return request.referrer !== '' && new URL(request.referrer).pathname.endsWith('/edit.html');
}

/** Starts fetching the configuration and the dataset it names, for the page to take. */
async function fetchEarly(cache, signal) {
  let dataset = 'data/spaces.geojson';
  try {
    dataset = (await (await cache.match(CONFIG)).json()).dataset ?? dataset;
  } catch {
    // No or broken configuration: the app's default dataset.
  }
  for (const path of [CONFIG, dataset]) {
    const url = new URL(path, self.registration.scope).href;
    if (url.startsWith(self.location.origin)) {
      const response = fetch(url, { cache: 'no-cache', signal });
      response.catch(() => undefined); // Its failure is the taker's to handle, if any.
      early.set(url, response);
      // Not taken (the page was left at once): forgotten.
      setTimeout(() => early.delete(url), HUNG_MS);
    }
  }
}

/** The early fetch of `url`, once. */
function takeEarly(url) {
  const response = early.get(url);
  early.delete(url);
  return response;
}

/** Whether `request` asks for the page itself (by any query string). */
function isPage(request) {
  const path = new URL(request.url).pathname;
  const scope = new URL(self.registration.scope).pathname;
  return request.mode === 'navigate' && (path === scope || path === `${scope}index.html`);
}

/**
 * Caches a fresh copy, and what it brings with it: a new page, its build's files; a new
 * configuration, the files it names (a background added later).
 */
async function keep(cache, key, request, response) {
  if (!response.ok) {
    return;
  }
  if (key === PAGE) {
    const html = await response.clone().text();
    await cache.put(PAGE, stamped(response));
    await cacheBuild(cache, html);
  } else {
    await cache.put(key, stamped(response));
    if (request.url === new URL(CONFIG, self.registration.scope).href) {
      await cacheNamedFiles(cache, { refresh: false });
    }
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
