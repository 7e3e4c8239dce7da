// The background map from the bundle's own vector tiles (data/tiles, `tiles.vector` in
// data/config.json), with every other host blocked: what is drawn, in light and dark, offline
// after a visit, on a kiosk, when the tiles cannot load; and a raster city unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { sharedBundle } from './support/shared.mjs';
import { launch, openPage, waitForApp, shownCount, tick } from './support/browser.mjs';
import { DIST, expectedCount } from './support/dataset.mjs';
import { drawn, mapStyle, shownAt, trimTile } from '../../tools/tiles/trim_tiles.mjs';

const shared = sharedBundle();
const CONFIG = JSON.parse(readFileSync(join(DIST, 'data/config.json'), 'utf8'));
const MANIFEST = JSON.parse(readFileSync(join(DIST, 'data/tiles/tiles.json'), 'utf8'));
const TILE_CACHE = 'hanoi-creative-map-tiles-v1';
// Hoàn Kiếm Lake and the old quarter: water, streets of every class, names.
const OLD_QUARTER = '?lang=en&lat=21.0295&lon=105.852&z=16';
// Đường Lâm, 35 km west: tiles of its own box, never seen by the visits before.
const DUONG_LAM = '?lang=en&lat=21.157&lon=105.474&z=16';

/** Waits until the vector background has drawn every tile in view. */
async function waitForBackground(page) {
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('.leaflet-tile-pane canvas.leaflet-tile')];
    return tiles.length > 0 && tiles.every((t) => t.classList.contains('leaflet-tile-loaded'));
  });
}

/**
 * How many pixels of the visible tiles have each colour of the drawn palette: water, the fill
 * of major and minor streets, the labels' text, and the land. Counted in the canvases
 * themselves, as drawn.
 */
async function drawnColours(page) {
  return page.evaluate(() => {
    const palette = window.matchMedia('(prefers-color-scheme: dark)').matches
      ? window.hcmVectorTiles.palettes.dark : window.hcmVectorTiles.palettes.light;
    const wanted = { water: palette.water, major: palette.major, minor: palette.minor, text: palette.text, land: palette.land };
    const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',');
    const keys = Object.fromEntries(Object.entries(wanted).map(([name, hex]) => [rgb(hex), name]));
    const counts = Object.fromEntries(Object.keys(wanted).map((name) => [name, 0]));
    for (const canvas of document.querySelectorAll('.leaflet-tile-pane canvas.leaflet-tile-loaded')) {
      if (canvas.style.visibility === 'hidden') continue;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        const name = keys[`${data[i]},${data[i + 1]},${data[i + 2]}`];
        if (name) counts[name] += 1;
      }
    }
    return counts;
  });
}

/** Asserts that water, streets and labels are drawn, by their colours' pixels. */
function assertMapDrawn(counts, what) {
  assert.ok(counts.water > 5000, `${what}: water drawn (${JSON.stringify(counts)})`);
  assert.ok(counts.major > 2000 && counts.minor > 2000, `${what}: major and minor streets drawn (${JSON.stringify(counts)})`);
  assert.ok(counts.text > 100, `${what}: labels drawn (${JSON.stringify(counts)})`);
  assert.ok(counts.land > 10000, `${what}: land drawn (${JSON.stringify(counts)})`);
}

/** Waits until the service worker's tile cache holds at least `count` tiles. */
async function waitForCachedTiles(page, count) {
  const cached = await page.evaluate(async ({ cacheName, count }) => {
    for (let i = 0; i < 300; i++) {
      const keys = await (await caches.open(cacheName)).keys();
      if (keys.filter((k) => k.url.endsWith('.pbf')).length >= count) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }, { cacheName: TILE_CACHE, count });
  assert.ok(cached, `${count} tiles never cached`);
}

test('streets, water and place and street names are drawn from the bundle’s own tiles, credited', async () => {
  const { page, record } = await openPage(shared.browser.context);
  const tiles = [];
  page.on('request', (request) => request.url().endsWith('.pbf') && tiles.push(new URL(request.url()).pathname));
  const violations = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto(shared.server.url + OLD_QUARTER);
  await waitForApp(page);
  await waitForBackground(page);
  assertMapDrawn(await drawnColours(page), 'light');
  assert.ok(tiles.length > 0 && tiles.every((path) => path.startsWith('/data/tiles/14/')), 'z14 tiles over-zoomed at z16');
  assert.match(await page.textContent('.leaflet-control-attribution'), /© OpenStreetMap contributors, ODbL 1\.0/);
  assert.equal(await page.locator('[data-testid=tiles-notice]').count(), 0, 'no notice: the background is there');
  assert.equal(await page.locator('.leaflet-basemap-pane path').count(), 0, 'and the simplified one is not needed');
  assert.equal(await shownCount(page), expectedCount());
  assert.deepEqual(record.external, [], 'nothing from any other host');
  assert.deepEqual(violations, [], 'the renderer needs nothing the Content-Security-Policy forbids');
  assert.deepEqual([...record.pageErrors, ...record.consoleErrors], []);
  await page.close();
});

test('the background’s scripts download while the first view is built, each once, and run after the markers', async () => {
  const page = await shared.browser.context.newPage();
  const scripts = [];
  page.on('request', (request) => request.url().match(/(vector-tiles|protomaps-leaflet)\.js$/) && scripts.push(new URL(request.url()).pathname));
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.leaflet-marker-icon')) {
        window.firstMarkerAt = performance.now();
        window.rendererRanBefore = window.protomapsL !== undefined;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(shared.server.url + OLD_QUARTER);
  await waitForApp(page);
  await waitForBackground(page);
  const asked = await page.evaluate(() => ['vector-tiles.js', 'protomaps/protomaps-leaflet.js']
    .map((path) => performance.getEntriesByName(new URL(path, location.href).href)[0]?.startTime));
  const firstMarkerAt = await page.evaluate(() => window.firstMarkerAt);
  assert.ok(asked.every((start) => start < firstMarkerAt), `asked at ${asked} ms, the first marker at ${firstMarkerAt} ms`);
  assert.equal(await page.evaluate(() => window.rendererRanBefore), false, 'the renderer runs after the markers');
  assert.deepEqual(scripts.sort(), ['/protomaps/protomaps-leaflet.js', '/vector-tiles.js'], 'downloaded once each');
  await page.close();
});

test('the trimming of the tiles reads the map’s own style: what it draws, from which zoom', () => {
  const { rules, levelDiff } = mapStyle();
  const minor = { class: 'minor', name: 'Phố Hàng Bạc' };
  assert.equal(drawn(rules, 'transportation', minor, 13, 13), false, 'minor streets not at the opening zoom');
  assert.equal(drawn(rules, 'transportation', minor, 14, 14), true);
  assert.equal(drawn(rules, 'transportation', { ...minor, brunnel: 'tunnel' }, 14, Infinity), false);
  assert.equal(drawn(rules, 'transportation', { class: 'primary' }, 11, 11), true);
  assert.equal(drawn(rules, 'building', {}, 14, 14), false);
  assert.equal(drawn(rules, 'building', {}, 15, Infinity), true);
  assert.equal(drawn(rules, 'poi', { class: 'cafe' }, 0, Infinity), false, 'no points of interest: the map has its own');
  // A tile of the urban core is shown at one display zoom, except at its deepest, over-zoomed.
  assert.deepEqual(shownAt([12, 3252, 1803], MANIFEST.areas, levelDiff), [13, 13]);
  assert.deepEqual(shownAt([14, 13009, 7212], MANIFEST.areas, levelDiff), [15, Infinity]);
  assert.deepEqual(shownAt([10, 812, 449], MANIFEST.areas, levelDiff), [11, Infinity], 'the whole region’s deepest');
});

test('the bundle’s tiles hold only what the map draws where each is shown (tools/tiles/trim_tiles.mjs)', () => {
  const { rules, levelDiff } = mapStyle();
  assert.match(MANIFEST.trimmed, /trim_tiles/);
  const untrimmed = MANIFEST.tiles.filter((tile) => {
    const [from, to] = shownAt(tile.split('/').map(Number), MANIFEST.areas, levelDiff);
    const bytes = readFileSync(join(DIST, 'data/tiles', `${tile}.pbf`));
    return trimTile(bytes, (layer, props) => drawn(rules, layer, props, from, to)) !== null;
  });
  assert.deepEqual(untrimmed, []);
});

test('in dark mode the background is drawn in the dark palette', async () => {
  const dark = await launch({ colorScheme: 'dark' });
  try {
    const { page, record } = await openPage(dark.context, shared.server.url + OLD_QUARTER);
    await waitForApp(page);
    await waitForBackground(page);
    const counts = await drawnColours(page);
    assertMapDrawn(counts, 'dark');
    const light = await page.evaluate(() => window.hcmVectorTiles.palettes.light.land);
    assert.notEqual(light, await page.evaluate(() => window.hcmVectorTiles.palettes.dark.land));
    assert.deepEqual(record.external, []);
    await page.close();
  } finally {
    await dark.cleanup();
  }
});

test('a second visit with no network draws the streets seen on the first; elsewhere the simplified background', async () => {
  const visitor = await launch();
  try {
    const { page } = await openPage(visitor.context, shared.server.url + OLD_QUARTER);
    await waitForApp(page);
    await waitForBackground(page);
    const seen = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.pbf')).length);
    // The tiles of the first visit, fetched before the service worker took charge, are kept too.
    await waitForCachedTiles(page, seen);
    await visitor.context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await waitForBackground(page);
    assertMapDrawn(await drawnColours(page), 'offline');
    assert.equal(await page.locator('[data-testid=tiles-notice]').count(), 0);

    // A place never looked at has no tiles offline: the simplified background shows instead.
    await page.goto(shared.server.url + DUONG_LAM);
    await waitForApp(page);
    await page.locator('[data-testid=tiles-notice]', { hasText: 'simplified' }).waitFor();
    assert.ok(await page.locator('.leaflet-basemap-pane path').count() > 0);
    assert.equal(await shownCount(page), expectedCount());
    await page.close();
  } finally {
    await visitor.cleanup();
  }
});

test('a kiosk ("precache": true) keeps every tile of the area after one visit', async () => {
  const kiosk = structuredClone(CONFIG);
  kiosk.tiles.vector.precache = true;
  const server = await serve(DIST, { overrides: { 'data/config.json': { body: JSON.stringify(kiosk) } } });
  const visitor = await launch();
  try {
    const { page } = await openPage(visitor.context, server.url + '?lang=en');
    await waitForApp(page);
    await waitForCachedTiles(page, MANIFEST.tiles.length);
    await visitor.context.setOffline(true);
    await page.goto(server.url + DUONG_LAM);
    await waitForApp(page);
    await waitForBackground(page);
    const counts = await drawnColours(page);
    assert.ok(counts.minor > 2000 && counts.land > 10000, `Đường Lâm's streets drawn offline (${JSON.stringify(counts)})`);
    assert.equal(await page.locator('[data-testid=tiles-notice]').count(), 0);
    await page.close();
  } finally {
    await visitor.cleanup();
    await server.close();
  }
});

test('when the vector tiles cannot load, the simplified background is drawn and the map works', async () => {
  const broken = structuredClone(CONFIG);
  broken.tiles.vector.url = 'data/missing/{z}/{x}/{y}.pbf';
  const server = await serve(DIST, { overrides: { 'data/config.json': { body: JSON.stringify(broken) } } });
  try {
    const { page, record } = await openPage(shared.browser.context, server.url + '?lang=en');
    await waitForApp(page);
    await page.locator('[data-testid=tiles-notice]', { hasText: 'simplified' }).waitFor();
    assert.ok(await page.locator('.leaflet-basemap-pane path').count() > 0);
    const shown = await page.$$eval('.leaflet-tile-pane canvas.leaflet-tile-loaded', (tiles) => tiles.filter((t) => t.style.visibility !== 'hidden').length);
    assert.equal(shown, 0, 'tiles that did not load are not drawn over the simplified background');
    await tick(page, 'input[name=discipline][value=film]');
    assert.equal(await shownCount(page), expectedCount({ disciplines: ['film'] }));
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('a city whose configuration names raster tiles gets raster tiles, and no vector renderer', async () => {
  const town = 'tests/fixtures/cities/fictional-town';
  const file = (name) => ({ body: readFileSync(join(town, name)) });
  const server = await serve(DIST, {
    overrides: { 'data/config.json': file('config.json'), 'data/spaces.geojson': file('spaces.geojson') },
    tiles: readFileSync(join(DIST, 'icon-192.png')),
  });
  try {
    const { page, record } = await openPage(shared.browser.context);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(server.url);
    await waitForApp(page);
    await page.waitForSelector('.leaflet-tile-pane img.leaflet-tile-loaded');
    const sources = await page.$$eval('.leaflet-tile-pane img.leaflet-tile', (tiles) => tiles.map((t) => new URL(t.src).pathname));
    assert.ok(sources.length > 0 && sources.every((path) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(path)), sources.join());
    assert.equal(await page.locator('.leaflet-tile-pane canvas').count(), 0);
    assert.deepEqual(requested.filter((path) => /protomaps|vector-tiles|\.pbf$/.test(path)), []);
    assert.match(await page.textContent('.leaflet-control-attribution'), /Cloud Town \(fictional\)/);
    assert.deepEqual(record.external, []);
    await page.close();
  } finally {
    await server.close();
  }
});
