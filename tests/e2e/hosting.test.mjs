// The two ways the map is used outside a normal tab: embedded in a portal's iframe, and from
// static hosting with no network. And any Creative City, by changing files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { serve } from './support/server.mjs';
import { sharedBundle } from './support/shared.mjs';
import { launch, openPage, waitForApp, shownCount, unexpectedHosts, waitUntilCached, tick } from './support/browser.mjs';
import { DIST, expectedCount } from './support/dataset.mjs';

const shared = sharedBundle();

test('embedded in a cross-origin iframe with presets: loads, filters, links to the full map, tells the host', async () => {
  const src = `${shared.server.url}?embed=1&discipline=music&lang=en`;
  const host = await serve(DIST, {
    overrides: {
      'host.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><title>Portal</title><h1>Creative City portal</h1>
          <iframe src="${src}" width="400" height="600" title="Creative spaces"></iframe>
          <script>window.received = []; addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));</script>`,
      },
    },
  });
  try {
    assert.notEqual(host.origin, shared.server.origin, 'the host is another origin');
    const { page, record } = await openPage(shared.browser.context, host.url + 'host.html');
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-load-state=ready]').waitFor();
    assert.equal(await frame.locator('.app-header').count(), 0, 'no page header in embed mode');
    const count = Number((await frame.locator('[data-testid=result-count]').textContent()).replace(/\D+/g, ''));
    assert.equal(count, expectedCount({ disciplines: ['music'] }));

    await frame.locator('.panel-toggle').click();
    await frame.locator('summary', { hasText: 'Filters' }).click();
    await tick(frame, 'input[name=space_type][value=theatre]');
    const narrowed = Number((await frame.locator('[data-testid=result-count]').textContent()).replace(/\D+/g, ''));
    assert.equal(narrowed, expectedCount({ disciplines: ['music'], types: ['theatre'] }));

    const link = frame.locator('[data-testid=full-map-link]');
    assert.equal(await link.getAttribute('target'), '_blank');
    const href = await link.getAttribute('href');
    assert.match(href, /discipline=music/);
    assert.match(href, /space_type=theatre/);
    assert.doesNotMatch(href, /embed=1/);

    await frame.locator('.result-list [data-space-id]').first().click();
    await page.waitForFunction(() => window.received.some((m) => m.data?.type === 'select'));
    const [message] = await page.evaluate(() => window.received.filter((m) => m.data?.type === 'select'));
    assert.equal(message.origin, shared.server.origin);
    assert.equal(message.data.source, 'hanoi-creative-map');
    assert.match(message.data.id, /^[a-z0-9-]+$/);
    assert.deepEqual(unexpectedHosts(record), []);
    await page.close();
  } finally {
    await host.close();
  }
});

test('embedded in a short frame, a space chosen from the list stays in view above the sheet', async () => {
  const frame = await launch({ viewport: { width: 640, height: 420 } });
  try {
    const { page } = await openPage(frame.context, shared.server.url + '?embed=1&discipline=music&lang=en');
    await waitForApp(page);
    await page.click('.panel-toggle');
    const first = page.locator('.result-item').first();
    const id = await first.getAttribute('data-space-id');
    await first.click();
    await page.locator('[data-testid=detail-panel]').waitFor();
    await page.waitForFunction((id) => {
      const pin = document.querySelector(`.leaflet-marker-icon[data-space-id="${id}"]`)?.getBoundingClientRect();
      const map = document.querySelector('.map').getBoundingClientRect();
      return pin && pin.top >= map.top && pin.bottom <= map.bottom;
    }, id);
    await page.close();
  } finally {
    await frame.cleanup();
  }
});

test('the page carries a strict Content-Security-Policy and no inline script, and works under it', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // The release build minifies the page, so attribute order and quoting may vary.
  const meta = html.match(/<meta[^>]*Content-Security-Policy[^>]*>/)?.[0] ?? '';
  const csp = meta.match(/content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta tag present');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /connect-src 'self'/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
  assert.deepEqual(inline.map((m) => m[0]), []);

  const { page, record } = await openPage(shared.browser.context, shared.server.url);
  const violations = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.reload();
  await waitForApp(page);
  assert.equal(await shownCount(page), expectedCount());
  assert.deepEqual(violations, []);
  assert.deepEqual(record.pageErrors, []);
  await page.close();
});

test('a host that serves Brotli sends the build’s precompressed copies, and the map opens from them', async () => {
  for (const file of ['hanoi-creative-map_bg.wasm', 'hanoi-creative-map.js', 'style.css', 'leaflet/leaflet.js']) {
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${file}.br`))).equals(readFileSync(join(DIST, file))), `${file}.br is ${file}`);
  }
  // Editors publish data without a rebuild: a copy made at build time would hide their changes.
  assert.deepEqual(readdirSync(join(DIST, 'data')).filter((f) => f.endsWith('.br')), []);
  assert.ok(!existsSync(join(DIST, 'index.html.br')));

  const server = await serve(DIST, { host: 'brotli' });
  try {
    const { page, record } = await openPage(shared.browser.context, `${server.url}?lang=en`);
    await waitForApp(page);
    assert.equal(await shownCount(page), expectedCount());
    const sent = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('_bg.wasm'))
      .map((e) => e.encodedBodySize));
    assert.deepEqual(sent, [readFileSync(join(DIST, 'hanoi-creative-map_bg.wasm.br')).length], 'the wasm came as its Brotli copy');
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('after one visit the map opens with no network at all (service worker)', async () => {
  const offline = await launch();
  try {
    const { page } = await openPage(offline.context, shared.server.url + '?lang=en');
    await waitForApp(page);
    // The shell is cached with the dataset.
    await waitUntilCached(page, 'data/spaces.geojson');
    await offline.context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    assert.equal(await shownCount(page), expectedCount());
    await page.fill('input[name=q]', 'opera');
    assert.ok(await shownCount(page) >= 1);
    await page.close();
  } finally {
    await offline.cleanup();
  }
});

test('when tiles cannot load on a first visit, a notice says so and the map still works', async () => {
  // A city whose raster tile server cannot be reached (every other host is blocked here).
  const config = JSON.parse(readFileSync(join(DIST, 'data/config.json'), 'utf8'));
  config.tiles = { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' };
  const server = await serve(DIST, { overrides: { 'data/config.json': { body: JSON.stringify(config) } } });
  try {
    const { page } = await openPage(shared.browser.context, server.url + '?lang=en');
    await waitForApp(page);
    await page.locator('[data-testid=tiles-notice]').waitFor();
    await tick(page, 'input[name=discipline][value=film]');
    assert.equal(await shownCount(page), expectedCount({ disciplines: ['film'] }));
    await page.close();
  } finally {
    await server.close();
  }
});

const TOWN = 'tests/fixtures/cities/fictional-town';

/**
 * The fictional town's files served over the bundle: another city, with no rebuild. `basemap`
 * replaces its offline background's text.
 */
function serveTown({ basemap = readFileSync(join(TOWN, 'basemap.geojson')), ...options } = {}) {
  const file = (name) => ({ body: readFileSync(join(TOWN, name)) });
  const overrides = {
    'data/config.json': file('config.json'),
    'data/spaces.geojson': file('spaces.geojson'),
    'data/basemap.geojson': { body: basemap },
  };
  return serve(DIST, { overrides, ...options });
}

/** The offline background's paths by kind, as the town's basemap.geojson has them. */
async function backgroundPaths(page) {
  const pane = page.locator('.leaflet-basemap-pane');
  const count = async (kind) => pane.locator(`path.${kind}`).count();
  return { water: await count('water'), river: await count('river'), boundary: await count('boundary'), road: await count('road') };
}

const TOWN_BACKGROUND = { water: 2, river: 1, boundary: 2, road: 2 };

/**
 * Cuts the visitor's network and opens a closer view than any visit before (`view`, a query
 * string), whose tiles were never fetched: the map must draw the cached background instead, and
 * say so, with `expected` paths of each kind.
 */
async function expectBackgroundOffline(visitor, page, url, view, expected) {
  await visitor.context.setOffline(true);
  await page.goto(url + view);
  await waitForApp(page);
  await page.locator('[data-testid=tiles-notice]', { hasText: 'showing a simplified one' }).waitFor();
  assert.deepEqual(await backgroundPaths(page), expected);
}

const TOWN_VIEW = '?lat=10.1045&lon=105.1045&z=16';

/** Hanoi's background as data/basemap.geojson has it, and a view of Hoàn Kiếm Lake. */
const HANOI_BACKGROUND = { water: 216, river: 15, boundary: 12, road: 161 };
const HOAN_KIEM_LAKE = '?lang=en&lat=21.0288&lon=105.8525&z=16';

/** The water path that holds the middle of the map, with its size on screen. */
async function waterAtMapCentre(page) {
  const map = await page.locator('.map').boundingBox();
  const [x, y] = [map.x + map.width / 2, map.y + map.height / 2];
  for (const path of await page.locator('.leaflet-basemap-pane path.water').all()) {
    const box = await path.boundingBox();
    if (box && box.x < x && x < box.x + box.width && box.y < y && y < box.y + box.height) return box;
  }
  return null;
}

test('another city runs the same bundle by changing files only', async () => {
  const other = await serveTown();
  try {
    const { page, record } = await openPage(shared.browser.context, other.url);
    await waitForApp(page);
    const features = JSON.parse(readFileSync(join(TOWN, 'spaces.geojson'), 'utf8')).features;
    assert.equal(await shownCount(page), features.length);
    assert.match(await page.textContent('h1'), /Cloud Town/);
    assert.match(await page.title(), /fictional/);
    assert.deepEqual(record.external, [], 'the town serves its own tiles');
    await page.close();
  } finally {
    await other.close();
  }
});

test('until the app has downloaded, the page shows the city’s title in the visitor’s language; the app’s header replaces it', async () => {
  for (const [query, title] of [['?lang=vi', 'Bản đồ Sáng tạo Thị trấn Mây (hư cấu)'], ['?lang=en', 'Cloud Town Creative Map (fictional)'], ['?embed=1&lang=en', null]]) {
    // A first visit each time: a new origin, with no service worker to answer at once.
    const other = await serveTown();
    const page = await shared.browser.context.newPage();
    try {
      // The app's wasm held back, as on a slow network.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/hanoi-creative-map_bg.wasm*', async (route) => { await held; await route.continue(); });
      await page.goto(other.url + query, { waitUntil: 'domcontentloaded' });
      const screen = page.locator('#boot-screen');
      if (title) {
        await screen.locator('h1').waitFor();
        assert.equal(await screen.locator('h1').textContent(), title, query);
        assert.equal(await page.locator('[data-load-state]').count(), 0, 'the app has not started');
      } else {
        // An embedded map has no header.
        await page.waitForTimeout(500);
        assert.ok(await screen.isHidden(), query);
      }
      release();
      await waitForApp(page);
      assert.equal(await page.locator('#boot-screen').count(), 0, 'the app removed the first header');
      assert.equal(await page.locator('h1').count(), title ? 1 : 0);
      if (title) assert.equal(await page.locator('h1').textContent(), title);
    } finally {
      await page.close();
      await other.close();
    }
  }
});

test('on a repeat visit the city’s title is painted with the page, before its configuration arrives, and a changed title follows', async () => {
  const town = await serveTown();
  // No service worker: what is tested is the page's own kept copy, not the worker's cache.
  const browser = await launch({ serviceWorkers: 'block' });
  try {
    const first = await browser.context.newPage();
    await first.goto(`${town.url}?lang=en`);
    await waitForApp(first);
    await first.close();

    const page = await browser.context.newPage();
    // The configuration and the app's wasm held back, as on a slow network.
    let answerConfig;
    const config = new Promise((resolve) => { answerConfig = resolve; });
    await page.route('**/data/config.json*', async (route) => (await config)(route));
    let releaseWasm;
    const wasm = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/hanoi-creative-map_bg.wasm*', async (route) => { await wasm; await route.continue(); });
    await page.goto(`${town.url}?lang=en`, { waitUntil: 'domcontentloaded' });
    const heading = page.locator('#boot-screen h1');
    await heading.waitFor();
    assert.equal(await heading.textContent(), 'Cloud Town Creative Map (fictional)', 'the title kept from the last visit');

    // The city renamed itself since: its configuration corrects the kept title.
    const renamed = JSON.parse(readFileSync(join(TOWN, 'config.json'), 'utf8'));
    renamed.title.en = 'Cloud Town Map of Makers';
    answerConfig((route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(renamed) }));
    await page.locator('#boot-screen h1', { hasText: 'Cloud Town Map of Makers' }).waitFor();
    assert.equal(await page.locator('[data-load-state]').count(), 0, 'the app has not started');
    releaseWasm();
    await waitForApp(page);
    assert.equal(await page.locator('#boot-screen').count(), 0, 'the app removed the first header');
    assert.equal(await page.locator('h1').textContent(), 'Cloud Town Map of Makers');
    await page.close();
  } finally {
    await browser.cleanup();
    await town.close();
  }
});

test('when tiles cannot load, the city’s offline background is drawn under the markers and credited', async () => {
  const town = await serveTown();
  try {
    const { page, record } = await openPage(shared.browser.context, town.url);
    await waitForApp(page);
    await page.locator('[data-testid=tiles-notice]', { hasText: 'showing a simplified one' }).waitFor();
    assert.deepEqual(await backgroundPaths(page), TOWN_BACKGROUND);
    const lake = await page.locator('.leaflet-basemap-pane path.water').nth(1).boundingBox();
    const map = await page.locator('.map').boundingBox();
    assert.ok(lake.width > 20 && lake.height > 20, 'the lake is drawn at its size');
    assert.ok(lake.x > map.x && lake.x + lake.width < map.x + map.width, 'and where it lies, in view');
    assert.match(await page.textContent('.leaflet-control-attribution'), /Cloud Town outlines, made up for this example/);
    const z = (pane) => page.$eval(`.leaflet-${pane}-pane`, (el) => Number(getComputedStyle(el).zIndex));
    assert.ok((await z('basemap')) < (await z('tile')), 'tiles that do load cover the background');
    assert.ok((await z('tile')) < (await z('marker')));
    await tick(page, 'input[name=discipline][value=fine-arts]');
    assert.equal(await shownCount(page), 2);
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await town.close();
  }
});

/**
 * Hanoi's own files with its streets from a raster tile server at `url` instead of its vector
 * tiles: a city's choice, and the way to make every tile fail (other hosts are blocked here).
 */
function serveHanoiWithRasterTiles(url, options = {}) {
  const config = JSON.parse(readFileSync('data/config.json', 'utf8'));
  const tiles = { url, attribution: config.tiles.attribution, max_zoom: config.tiles.max_zoom };
  return serve(DIST, { overrides: { 'data/config.json': { body: JSON.stringify({ ...config, tiles }) } }, ...options });
}

test('Hanoi’s own background is drawn under the markers when tiles fail, and credited to OpenStreetMap', async () => {
  const hanoi = await serveHanoiWithRasterTiles('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  try {
    const { page, record } = await openPage(shared.browser.context, hanoi.url + HOAN_KIEM_LAKE);
    await waitForApp(page);
    await page.locator('[data-testid=tiles-notice]', { hasText: 'showing a simplified one' }).waitFor();
    assert.deepEqual(await backgroundPaths(page), HANOI_BACKGROUND);
    // Hoàn Kiếm Lake is about 250 m by 650 m: at zoom 16 (2.2 m a pixel here) about 110 × 290 px.
    const lake = await waterAtMapCentre(page);
    assert.ok(lake, 'the lake is drawn where the map is centred on it');
    assert.ok(lake.width > 70 && lake.width < 180 && lake.height > 200 && lake.height < 400, JSON.stringify(lake));
    assert.match(await page.textContent('.leaflet-control-attribution'), /Background: © OpenStreetMap contributors, ODbL 1\.0/);
    const z = (pane) => page.$eval(`.leaflet-${pane}-pane`, (el) => Number(getComputedStyle(el).zIndex));
    assert.ok((await z('basemap')) < (await z('marker')), 'the markers stand over the background');
    assert.ok((await page.locator('.leaflet-marker-pane > *').count()) > 0, 'spaces around the lake are shown');
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await hanoi.close();
  }
});

test('after one visit with working tiles, Hanoi’s background is there when the network is gone', async () => {
  const hanoi = await serveHanoiWithRasterTiles('tiles/{z}/{x}/{y}.png', { tiles: readFileSync(join(DIST, 'icon-192.png')) });
  const visitor = await launch();
  try {
    const { page } = await openPage(visitor.context, hanoi.url + '?lang=en');
    await waitForApp(page);
    await waitUntilCached(page, 'data/basemap.geojson');
    assert.equal(await page.locator('.leaflet-basemap-pane path').count(), 0, 'tiles load, so no background is drawn');
    await expectBackgroundOffline(visitor, page, hanoi.url, HOAN_KIEM_LAKE, HANOI_BACKGROUND);
    assert.ok(await waterAtMapCentre(page), 'the lake is drawn from the cache');
    await page.close();
  } finally {
    await visitor.cleanup();
    await hanoi.close();
  }
});

test('a background Leaflet cannot draw leaves the plain notice, and the map works', async () => {
  const unknownGeometry = '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Circle"}}]}';
  const noGeometry = '{"type": "Feature", "properties": {"kind": "water"}}';
  for (const basemap of [unknownGeometry, noGeometry]) {
    const town = await serveTown({ basemap });
    try {
      const { page, record } = await openPage(shared.browser.context);
      const refused = page.waitForEvent('console', (message) => message.text().includes('offline background not drawn'));
      await page.goto(town.url);
      await waitForApp(page);
      await refused;
      const notice = await page.textContent('[data-testid=tiles-notice]');
      assert.match(notice, /Every space is still shown/, basemap);
      assert.doesNotMatch(notice, /simplified/, basemap);
      assert.equal(await page.locator('.leaflet-basemap-pane path').count(), 0);
      await tick(page, 'input[name=discipline][value=music]');
      assert.equal(await shownCount(page), 1);
      assert.deepEqual(record.pageErrors, []);
      await page.close();
    } finally {
      await town.close();
    }
  }
});

test('after one visit with working tiles, the offline background is there when the network is gone', async () => {
  const town = await serveTown({ tiles: readFileSync(join(DIST, 'icon-192.png')) });
  const visitor = await launch();
  try {
    const { page } = await openPage(visitor.context, town.url);
    await waitForApp(page);
    // The background is cached at install, though nothing has needed it yet.
    await waitUntilCached(page, 'data/basemap.geojson');
    assert.equal(await page.locator('[data-testid=tiles-notice]').count(), 0, 'the tiles load');
    assert.equal(await page.locator('.leaflet-basemap-pane path').count(), 0, 'so no background is drawn');
    await expectBackgroundOffline(visitor, page, town.url, TOWN_VIEW, TOWN_BACKGROUND);
    assert.equal(await shownCount(page), 5);
    await page.close();
  } finally {
    await visitor.cleanup();
    await town.close();
  }
});

test('a background added to the configuration later is cached on the next visit, for offline use', async () => {
  const config = JSON.parse(readFileSync(join(TOWN, 'config.json'), 'utf8'));
  const { basemap, ...withoutBasemap } = config;
  const overrides = {
    'data/config.json': { body: JSON.stringify(withoutBasemap) },
    'data/spaces.geojson': { body: readFileSync(join(TOWN, 'spaces.geojson')) },
    'data/basemap.geojson': { body: readFileSync(join(TOWN, 'basemap.geojson')) },
  };
  const town = await serve(DIST, { overrides, tiles: readFileSync(join(DIST, 'icon-192.png')) });
  const visitor = await launch();
  try {
    const { page } = await openPage(visitor.context, town.url);
    await waitForApp(page);
    await waitUntilCached(page, 'data/spaces.geojson');
    assert.equal(await page.evaluate(async () => Boolean(await caches.match('data/basemap.geojson'))), false);
    // The operator publishes a configuration with a background.
    overrides['data/config.json'] = { body: JSON.stringify({ ...withoutBasemap, basemap }) };
    await page.reload();
    await waitForApp(page);
    await waitUntilCached(page, 'data/basemap.geojson');
    await expectBackgroundOffline(visitor, page, town.url, TOWN_VIEW, TOWN_BACKGROUND);
    await page.close();
  } finally {
    await visitor.cleanup();
    await town.close();
  }
});

test('on a first visit the configuration and the dataset download once each, as the page starts, before the app', async () => {
  // A first visit: a profile of its own, with no service worker from the tests before. Hanoi as
  // published: the vector tiles' script reads the configuration too, after the markers.
  const visitor = await launch();
  const hanoi = await serve(DIST);
  try {
    const { page } = await openPage(visitor.context);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(hanoi.url + '?lang=en');
    await waitForApp(page);
    await page.locator('.leaflet-tile-loaded').first().waitFor();
    const times = (path) => requested.filter((p) => p.endsWith(path)).length;
    // Each is preloaded by the page; the page's first script takes the configuration's preload
    // and hands it on to the app and the vector tiles' script.
    assert.equal(times('/data/config.json'), 1);
    assert.equal(times('/data/spaces.geojson'), 1);
    assert.equal(times('/hanoi-creative-map_bg.wasm'), 1);
    assert.ok(requested.indexOf('/data/spaces.geojson') < requested.indexOf('/hanoi-creative-map_bg.wasm'));
    await page.close();
  } finally {
    await visitor.cleanup();
    await hanoi.close();
  }
});

test('"Embed this map" opens a page with the iframe code for the map as it is, at the chosen size, and a preview', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en&discipline=film');
  await waitForApp(page);
  await page.click('[data-testid=embed-open]');
  await page.waitForURL(/\/embed\.html\?/);
  const section = page.locator('section[lang=en]');
  assert.ok(await section.isVisible());
  assert.ok(await page.locator('section[lang=vi]').isHidden(), 'only the link\'s language is shown');
  assert.equal(await page.textContent('h1'), 'Embed this map', 'the title in that language alone');
  assert.equal(await page.title(), 'Embed this map');
  // The way back comes before the preview's map, which holds many Tab stops.
  assert.ok(await section.evaluate((s) => Boolean(s.querySelector('[data-back]').compareDocumentPosition(s.querySelector('.preview')) & Node.DOCUMENT_POSITION_FOLLOWING)));
  await section.getByLabel('400 × 500').check();
  const code = await section.locator('[data-testid=embed-code]').inputValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?discipline=film&amp;lang=en&amp;embed=1" width="400" height="500" style="border:0" title="Map of creative spaces"/);

  // The preview is the embedded map itself, filtered as the code says, at the chosen size.
  const frame = section.locator('[data-testid=embed-preview] iframe');
  assert.equal(await frame.getAttribute('width'), '400');
  const preview = page.frameLocator('[data-testid=embed-preview] iframe');
  await preview.locator('[data-load-state=ready]').waitFor();
  const shown = Number((await preview.locator('[data-testid=result-count]').textContent()).replace(/\D+/g, ''));
  assert.equal(shown, expectedCount({ disciplines: ['film'] }));

  // Back to the map as it was, not embedded.
  await section.getByRole('link', { name: 'Back to the map' }).click();
  await waitForApp(page);
  assert.match(page.url(), /\?discipline=film&lang=en$/);
  assert.equal(await shownCount(page), expectedCount({ disciplines: ['film'] }));
  await page.close();
});
