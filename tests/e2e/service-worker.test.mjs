// The service worker on repeat visits: the app's own files come from its cache, the page and the
// data from the cache while the host calls them fresh and from the network when it answers
// otherwise; a new build and a new dataset are never hidden behind the cache longer than the host
// allows; a network that accepts connections and never answers falls back to the cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { launch, openPage, waitForApp, shownCount, waitUntilCached } from './support/browser.mjs';
import { DIST, expectedCount, features } from './support/dataset.mjs';

/** The build id the page at `dir` names its app files with. */
function buildId(dir) {
  const ids = [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/\?v=([0-9a-f]+)/g)].map((m) => m[1]);
  assert.ok(ids.length >= 4, 'the page names its app files with a build id');
  assert.equal(new Set(ids).size, 1, 'one build id');
  return ids[0];
}

/** The build ids of the app files in the worker's cache. */
async function cachedBuilds(page) {
  return page.evaluate(async () => {
    const keys = await (await caches.open('hanoi-creative-map-v1')).keys();
    return [...new Set(keys.map((k) => new URL(k.url).searchParams.get('v')).filter(Boolean))];
  });
}

/** A first visit that leaves the worker installed with the page, the app and the data cached. */
async function firstVisit(visitor, server) {
  const { page, record } = await openPage(visitor.context, server.url + '?lang=en');
  await waitForApp(page);
  await waitUntilCached(page, 'data/spaces.geojson');
  return { page, record };
}

test('on a repeat visit the app’s files come from the cache, the page and the data from the network', async () => {
  const server = await serve(DIST);
  const visitor = await launch();
  try {
    const { page } = await firstVisit(visitor, server);
    const id = buildId(DIST);
    assert.deepEqual(await cachedBuilds(page), [id]);
    server.requests.length = 0;
    await page.goto(server.url + '?lang=en');
    await waitForApp(page);
    assert.equal(await shownCount(page), expectedCount());
    const asked = server.requests.map((url) => url.split('?')[0]);
    for (const file of ['/boot.js', '/hanoi-creative-map.js', '/hanoi-creative-map_bg.wasm', '/style.css', '/leaflet/leaflet.js']) {
      assert.ok(!asked.includes(file), `${file} comes from the cache`);
    }
    for (const file of ['/', '/data/config.json', '/data/spaces.geojson']) {
      assert.ok(asked.includes(file), `${file} is asked of the network`);
    }
    await page.close();
  } finally {
    await visitor.cleanup();
    await server.close();
  }
});

test('a new build and a new dataset published are shown on the next visit online', async () => {
  const site = mkdtempSync(join(tmpdir(), 'hcm-site-'));
  cpSync(DIST, site, { recursive: true });
  const server = await serve(site);
  const visitor = await launch();
  try {
    const { page, record } = await firstVisit(visitor, server);
    const before = buildId(site);
    const title = () => page.$eval('h1', (h1) => getComputedStyle(h1, '::after').content);
    assert.equal(await title(), 'none');

    // The city publishes a new build (its styles changed) and a dataset of three spaces.
    appendFileSync(join(site, 'style.css'), '\n.app-header h1::after { content: " · new build"; }\n');
    // As Trunk does, the page carries the styles' new integrity hash, then the build's new id.
    const integrity = `sha384-${createHash('sha384').update(readFileSync(join(site, 'style.css'))).digest('base64')}`;
    const html = join(site, 'index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace(/(style\.css[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+/, `$1${integrity}`));
    execFileSync(process.execPath, ['tools/stamp-build.mjs', site]);
    const after = buildId(site);
    assert.notEqual(after, before);
    const three = features().filter((f) => f.properties.status !== 'closed').slice(0, 3);
    writeFileSync(join(site, 'data/spaces.geojson'), JSON.stringify({ type: 'FeatureCollection', features: three }));

    await page.goto(server.url + '?lang=en');
    await waitForApp(page);
    assert.equal(await title(), '" · new build"');
    assert.equal(await shownCount(page), 3);
    // The old build's files leave the cache once the new page has named its own.
    await page.waitForFunction(async (after) => {
      const keys = await (await caches.open('hanoi-creative-map-v1')).keys();
      const builds = new Set(keys.map((k) => new URL(k.url).searchParams.get('v')).filter(Boolean));
      return builds.size === 1 && builds.has(after);
    }, after);
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await visitor.cleanup();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

/**
 * Serves a copy of the bundle as a common host does (`hostOptions` for `serve`), pays it a first
 * visit, publishes a dataset of three open spaces, then runs `visit(page, server)` in a new tab
 * as a visitor has it, with the browser's caches on (`openPage` intercepts requests, which turns
 * the HTTP cache off and makes every request the worker sees a reload); asserts no page errors.
 */
async function afterPublishing(hostOptions, visit) {
  const site = mkdtempSync(join(tmpdir(), 'hcm-site-'));
  cpSync(DIST, site, { recursive: true });
  const server = await serve(site, { host: true, ...hostOptions });
  const visitor = await launch();
  try {
    await firstVisit(visitor, server);
    const three = features().filter((f) => f.properties.status !== 'closed').slice(0, 3);
    writeFileSync(join(site, 'data/spaces.geojson'), JSON.stringify({ type: 'FeatureCollection', features: three }));
    server.requests.length = 0;
    const page = await visitor.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await visit(page, server);
    assert.deepEqual(pageErrors, []);
  } finally {
    await visitor.cleanup();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

test('within the host’s freshness (GitHub Pages: ten minutes) a repeat visit asks the host for nothing, as the browser’s own cache would; a reload asks it', async () => {
  await afterPublishing({}, async (page, server) => {
    await page.goto(server.url + '?lang=en');
    await waitForApp(page);
    assert.equal(await shownCount(page), expectedCount(), 'the dataset kept from the last visit');
    const asked = server.requests.map((url) => url.split('?')[0]);
    for (const file of ['/', '/data/config.json', '/data/spaces.geojson', '/hanoi-creative-map_bg.wasm']) {
      assert.ok(!asked.includes(file), `${file} comes from the cache (asked: ${asked.join(' ')})`);
    }
    await page.reload();
    await waitForApp(page);
    assert.equal(await shownCount(page), 3, 'the dataset published now');
  });
});

test('the editors’ workbench opens the dataset published now, even within the host’s freshness', async () => {
  await afterPublishing({}, async (page, server) => {
    await page.goto(`${server.url}edit.html`);
    await page.waitForSelector('.workbench[data-state=ready]');
    assert.equal(await page.locator('[data-testid=editor-table] tbody tr').count(), 3);
  });
});

test('once the host’s freshness has passed, the next visit shows the dataset published meanwhile', async () => {
  // One second of freshness: the cached copies are stale by the next visit.
  await afterPublishing({ maxAge: 1 }, async (page, server) => {
    await page.waitForTimeout(1500);
    await page.goto(server.url + '?lang=en');
    await waitForApp(page);
    assert.equal(await shownCount(page), 3);
  });
});

test('a repeat visit over a network that accepts connections and never answers opens the map from the cache', async () => {
  const server = await serve(DIST);
  const visitor = await launch();
  try {
    const { page, record } = await firstVisit(visitor, server);
    server.hang();
    await page.goto(server.url + '?lang=en');
    await waitForApp(page);
    assert.equal(await shownCount(page), expectedCount());
    assert.ok(server.hung.includes('/'), 'the page was asked of the network, which never answered');
    await page.fill('input[name=q]', 'opera');
    assert.ok((await shownCount(page)) >= 1);
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await visitor.cleanup();
    await server.close();
  }
});

test('the build id is stamped whatever public URL the page was built for: `make dist`\'s relative one and `make serve`\'s `/`', () => {
  const VERSIONED = ['boot.js', 'hanoi-creative-map.js', 'hanoi-creative-map_bg.wasm', 'style.css', 'leaflet/leaflet.js', 'leaflet/leaflet.css'];
  for (const prefix of ['', './', '/']) {
    const site = mkdtempSync(join(tmpdir(), 'hcm-stamp-'));
    try {
      cpSync(DIST, site, { recursive: true, filter: (source) => !source.includes('/data/') });
      const html = join(site, 'index.html');
      // The page as Trunk writes it for this public URL, before the hook runs.
      let page = readFileSync(html, 'utf8').replace(/\?v=[0-9a-f]+/g, '');
      for (const file of VERSIONED) {
        page = page.replace(new RegExp(`((?:src|href)=["']?)(?:\\.?/)?${file.replace(/[.]/g, '\\.')}(?=["'\\s>])`, 'g'), `$1${prefix}${file}`);
      }
      writeFileSync(html, page);
      execFileSync(process.execPath, ['tools/stamp-build.mjs', site]);
      const stamped = readFileSync(html, 'utf8');
      const id = buildId(site);
      for (const file of VERSIONED) {
        assert.ok(stamped.includes(`${prefix}${file}?v=${id}`), `${prefix}${file} carries the build id`);
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }
});
