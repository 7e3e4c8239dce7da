// The two ways the map is used outside a normal tab: embedded in a portal's iframe, and from
// static hosting with no network. And any Creative City, by changing files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { sharedBundle } from './support/shared.mjs';
import { launch, openPage, waitForApp, shownCount, unexpectedHosts, tick } from './support/browser.mjs';
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
    await page.locator('[data-testid=tiles-notice]').waitFor();
    await page.fill('input[name=q]', 'opera');
    assert.ok(await shownCount(page) >= 1);
    await page.close();
  } finally {
    await offline.cleanup();
  }
});

test('when tiles cannot load on a first visit, a notice says so and the map still works', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en');
  await waitForApp(page);
  await page.locator('[data-testid=tiles-notice]').waitFor();
  await tick(page, 'input[name=discipline][value=film]');
  assert.equal(await shownCount(page), expectedCount({ disciplines: ['film'] }));
  await page.close();
});

/** Waits until the service worker is active and has `path` in its cache. */
async function waitUntilCached(page, path) {
  const cached = await page.evaluate(async (path) => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100; i++) {
      if (await (await caches.open('hanoi-creative-map-v1')).match(path)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }, path);
  assert.ok(cached, `${path} never cached`);
}

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
 * Cuts the visitor's network and opens a closer view of the town than any visit before, whose
 * tiles were never fetched: the map must draw the cached background instead, and say so.
 */
async function expectBackgroundOffline(visitor, page, town) {
  await visitor.context.setOffline(true);
  await page.goto(town.url + '?lat=10.1045&lon=105.1045&z=16');
  await waitForApp(page);
  await page.locator('[data-testid=tiles-notice]', { hasText: 'showing a simplified one' }).waitFor();
  assert.deepEqual(await backgroundPaths(page), TOWN_BACKGROUND);
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
    await expectBackgroundOffline(visitor, page, town);
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
    await expectBackgroundOffline(visitor, page, town);
    await page.close();
  } finally {
    await visitor.cleanup();
    await town.close();
  }
});

test('the configuration and the dataset download once each, as the page starts', async () => {
  const { page } = await openPage(shared.browser.context);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(shared.server.url + '?lang=en');
  await waitForApp(page);
  const times = (path) => requested.filter((p) => p.endsWith(path)).length;
  // Each is preloaded by the page and the preload is what the app's own request gets.
  assert.equal(times('/data/config.json'), 1);
  assert.equal(times('/data/spaces.geojson'), 1);
  assert.ok(requested.indexOf('/data/spaces.geojson') < requested.indexOf('/hanoi-creative-map_bg.wasm'));
  await page.close();
});

test('the Embed dialog gives the iframe code for the current view', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en&discipline=film');
  await waitForApp(page);
  await page.click('[data-testid=embed-open]');
  const dialog = page.locator('[data-testid=embed-dialog]');
  await dialog.waitFor();
  await dialog.locator('input[name=embed-size][value="0"]').check();
  const code = await page.inputValue('[data-testid=embed-code]');
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?discipline=film&amp;lang=en&amp;embed=1" width="400" height="500"/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.close();
});
