// Broken or hostile data never blanks the map or runs code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { launch, openPage, waitForApp, shownCount } from './support/browser.mjs';
import { DIST } from './support/dataset.mjs';

const BAD = 'tests/fixtures/bad';
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.cleanup();
});

/** Serves the bundle with `body` as its dataset and opens it; the caller closes both. */
async function openWith(body, query = '?lang=en', status = 200) {
  const server = await serve(DIST, { overrides: { 'data/spaces.geojson': { body, status } } });
  const opened = await openPage(browser.context, server.url + query);
  // A handler that markup in the data managed to run would set this.
  await opened.page.addInitScript(() => { window.__pwned = 0; });
  await opened.page.reload();
  return { ...opened, server };
}

const UNUSABLE = ['invalid-json', 'wrong-root', 'features-missing', 'empty-file'];
const VALID_COUNT = {
  'missing-geometry': 1, 'non-point-geometry': 1, 'lat-lon-swapped': 1, 'out-of-range': 1, 'outside-region': 1,
  'nan-and-strings-as-numbers': 1, 'unknown-codes': 3, 'empty-disciplines': 1, 'duplicate-ids': 1,
  'missing-name-vi': 1, 'missing-id': 1, 'id-not-kebab': 1, 'markup-in-text': 2, 'dangerous-urls': 5,
  'bad-email': 2, 'bad-phone': 2, 'bad-date': 2, 'bad-opening-hours': 2, 'unknown-field': 2, 'deep-nesting': 0,
  'utf8-bom': 1, 'invalid-utf8': 2, 'root-not-collection-type': 1, 'mixed': 3,
};

test('the corpus is covered: every fixture has an expected outcome here', () => {
  const names = readdirSync(BAD).map((f) => f.replace(/\.geojson$/, '')).sort();
  assert.deepEqual(names, [...UNUSABLE, ...Object.keys(VALID_COUNT)].sort());
});

for (const [name, valid] of Object.entries(VALID_COUNT)) {
  test(`${name}: every valid space is shown, the rest explained, nothing runs`, async () => {
    const { page, record, server } = await openWith(readFileSync(join(BAD, `${name}.geojson`)));
    try {
      await waitForApp(page);
      assert.equal(await shownCount(page), valid);
      const notice = page.locator('[data-testid=data-notice]');
      const hasErrors = !['markup-in-text', 'unknown-field', 'utf8-bom'].includes(name);
      assert.equal(await notice.count(), hasErrors ? 1 : 0, 'a notice exactly when something was lost');
      if (hasErrors) {
        await notice.locator('summary').click();
        const reasons = await notice.locator('li').allTextContents();
        assert.ok(reasons.length > 0 && reasons.every((r) => r.includes('features[') || r.startsWith('file')), reasons.join('\n'));
      }
      assert.equal(await page.evaluate(() => window.__pwned), 0, 'tripwire');
      assert.deepEqual(record.dialogs, []);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
}

for (const name of UNUSABLE) {
  test(`${name}: a plain message in the current language with a retry, not a blank page`, async () => {
    const { page, record, server } = await openWith(readFileSync(join(BAD, `${name}.geojson`)), '?lang=vi');
    try {
      await waitForApp(page, 'error');
      const message = await page.textContent('[data-testid=load-error]');
      assert.match(message, /Không tải được dữ liệu bản đồ/);
      assert.ok(await page.isVisible('[data-testid=load-error] button'));
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
}

test('a missing dataset (404) says so, and Try again recovers once it is back', async () => {
  let status = 404;
  const good = readFileSync(join(DIST, 'data', 'spaces.geojson'));
  const server = await serve(DIST, {
    overrides: {
      get 'data/spaces.geojson'() {
        return status === 404 ? { status, body: 'not found' } : { body: good };
      },
    },
  });
  try {
    const { page } = await openPage(browser.context, server.url + '?lang=en');
    await waitForApp(page, 'error');
    assert.match(await page.textContent('[data-testid=load-error]'), /error 404/);
    status = 200;
    await page.click('[data-testid=load-error] button');
    await waitForApp(page);
    assert.ok(await shownCount(page) > 0);
    await page.close();
  } finally {
    await server.close();
  }
});

test('markup in every text field appears literally in the list, details, popup and title', async () => {
  const body = readFileSync(join(BAD, 'markup-in-text.geojson'));
  const { page, server } = await openWith(body, '?lang=vi&space=markup-everywhere&lat=21.0285&lon=105.8524&z=19');
  try {
    await waitForApp(page);
    const panel = page.locator('[data-testid=detail-panel]');
    assert.match(await panel.locator('h2').textContent(), /<script>window\.__pwned=1<\/script>/);
    assert.match(await panel.textContent(), /&lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(await page.locator('.result-list [data-space-id="markup-everywhere"]').textContent(), /<img src=x onerror=/);
    assert.equal(await page.locator('.side-panel img, .side-panel svg, .leaflet-popup img, .leaflet-popup svg').count(), 0);
    await page.click('.lang-switch button[lang=en]');
    assert.match(await panel.locator('h2').textContent(), /"><svg onload=/);
    assert.equal(await page.evaluate(() => window.__pwned), 0);
  } finally {
    await page.close();
    await server.close();
  }
});

test('dangerous URLs never become links; the space is still shown', async () => {
  const body = readFileSync(join(BAD, 'dangerous-urls.geojson'));
  const { page, server } = await openWith(body, '?lang=en&space=js-url');
  try {
    await waitForApp(page);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs.filter((h) => /^(javascript|data|vbscript):/i.test(h)), []);
    assert.equal(await shownCount(page), 5);
  } finally {
    await page.close();
    await server.close();
  }
});

test('a file large enough to be validated in parts shows every valid space and names each skipped feature', async () => {
  const good = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.geojson'), 'utf8')).features.find((f) => f.properties.status !== 'closed');
  const features = Array.from({ length: 5_000 }, (_, i) => ({ ...good, properties: { ...good.properties, id: `space-${i}` } }));
  // One bad feature in the first part, one in the middle, one at the very end.
  features[7] = { ...features[7], geometry: null };
  features[2_345] = { ...features[2_345], properties: { ...features[2_345].properties, id: 'Not Kebab' } };
  features[4_999] = { ...features[4_999], geometry: { type: 'Point', coordinates: [21.03, 105.85] } };
  const { page, server } = await openWith(JSON.stringify({ type: 'FeatureCollection', features }));
  try {
    await waitForApp(page);
    assert.equal(await shownCount(page), 4_997);
    const notice = page.locator('[data-testid=data-notice]');
    await notice.locator('summary').click();
    const reasons = (await notice.locator('li').allTextContents()).join('\n');
    for (const index of [7, 2_345, 4_999]) assert.match(reasons, new RegExp(`features\\[${index}\\]`));
    await page.close();
  } finally {
    await server.close();
  }
});

test('a file read in parts keeps every character whole, and names the offset of a byte that is not UTF-8 far into it', async () => {
  // Over 8 MiB (the map reads a file 8 MiB per task), dense with three-byte characters, and
  // shifted so that the first part's last byte falls inside one of them.
  const good = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.geojson'), 'utf8')).features.find((f) => f.properties.status !== 'closed');
  const description = { vi: 'ệ'.repeat(1_900), en: 'A description.' };
  const features = Array.from({ length: 2_000 }, (_, i) => ({ ...good, properties: { ...good.properties, id: `space-${i}`, description } }));
  const text = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
  const PART = 8 << 20;
  const shift = [0, 1, 2].find((k) => (text[PART - k] & 0xc0) === 0x80);
  const body = Buffer.concat([Buffer.from(' '.repeat(shift)), text]);
  assert.equal(body[PART] & 0xc0, 0x80, 'the first part ends inside a character');
  const bad = Buffer.from(body);
  const offset = bad.indexOf('A description.', PART + 1_000) + 2;
  bad[offset] = 0xff;
  for (const [file, problem] of [[body, null], [bad, `first bad byte at offset ${offset}`]]) {
    const { page, server } = await openWith(file);
    try {
      await waitForApp(page);
      assert.equal(await shownCount(page), 2_000);
      const notice = page.locator('[data-testid=data-notice]');
      if (problem === null) {
        assert.equal(await notice.count(), 0, 'no problem read into a whole file');
      } else {
        await notice.locator('summary').click();
        assert.match((await notice.locator('li').allTextContents()).join('\n'), new RegExp(problem));
      }
    } finally {
      await page.close();
      await server.close();
    }
  }
});
