// The map, end to end: the release bundle served on 127.0.0.1, driven as a person would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './support/server.mjs';
import { sharedBundle } from './support/shared.mjs';
import { openPage, waitForApp, shownCount, unexpectedHosts, tick } from './support/browser.mjs';
import { DIST, expectedCount, features } from './support/dataset.mjs';

const shared = sharedBundle();

/** A view of the whole Hanoi region, so that every space is on screen (singly or grouped). */
const WHOLE_REGION = 'lat=20.98&lon=105.65&z=9';

/** Spaces drawn on the map: single markers plus the counts on group markers. */
const drawnCount = (page) => page.evaluate(() =>
  document.querySelectorAll('.leaflet-marker-icon[data-space-id]').length +
  [...document.querySelectorAll('.leaflet-marker-icon.space-cluster')].reduce((n, e) => n + Number(e.textContent), 0));

test('shows every open space: count and markers agree with the data file', async () => {
  const { page, record } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&${WHOLE_REGION}`);
  await waitForApp(page);
  const expected = expectedCount();
  assert.ok(expected > 0);
  assert.equal(await shownCount(page), expected);
  assert.equal(await drawnCount(page), expected);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.consoleErrors, []);
  await page.close();
});

test('the markers come first: the side panel is built after them, then fills', async () => {
  const page = await shared.browser.context.newPage();
  // What the side panel held when the first marker entered the page.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.leaflet-marker-icon')) {
        window.panelAtFirstMarker = document.getElementById('side-panel')?.childElementCount ?? null;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${shared.server.url}?lang=en`);
  await waitForApp(page);
  await page.locator('.leaflet-marker-icon').first().waitFor();
  assert.equal(await page.evaluate(() => window.panelAtFirstMarker), 0);
  // The Filters button, with the count, comes with the markers; then the panel.
  assert.equal(await page.locator('.panel-toggle').count(), 1);
  await page.locator('#side-panel input[name=discipline]').first().waitFor({ state: 'attached' });
  assert.equal(await shownCount(page), expectedCount());
  await page.close();
});

test('in a browser without a task scheduler (no `scheduler.postTask`), the side panel still fills', async () => {
  const { page, record } = await openPage(shared.browser.context);
  await page.addInitScript(() => delete globalThis.scheduler);
  await page.goto(`${shared.server.url}?lang=en`);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => typeof globalThis.scheduler), 'undefined');
  await page.locator('#side-panel input[name=discipline]').first().waitFor({ state: 'attached' });
  assert.equal(await shownCount(page), expectedCount());
  assert.deepEqual(record.pageErrors, []);
  await page.close();
});

test('a discipline and a type narrow exactly as the data says; a second discipline widens', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&${WHOLE_REGION}`);
  await waitForApp(page);
  await tick(page, 'input[type=checkbox][name=discipline][value=heritage]');
  await tick(page, 'input[type=checkbox][name=space_type][value=museum]');
  const narrow = expectedCount({ disciplines: ['heritage'], types: ['museum'] });
  assert.equal(await shownCount(page), narrow);
  assert.equal(await drawnCount(page), narrow);

  await tick(page, 'input[type=checkbox][name=discipline][value=crafts]');
  const wider = expectedCount({ disciplines: ['heritage', 'crafts'], types: ['museum'] });
  assert.ok(wider >= narrow);
  assert.equal(await shownCount(page), wider);
  assert.equal(await drawnCount(page), wider);
  await page.close();
});

test('each choice shows the count it would give with the other filter as set', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en');
  await waitForApp(page);
  await tick(page, 'input[type=checkbox][name=space_type][value=museum]');
  for (const discipline of ['heritage', 'fine-arts', 'music', 'film']) {
    const label = page.locator('label', { has: page.locator(`input[name=discipline][value=${discipline}]`) });
    const digits = Number((await label.textContent()).replace(/\D+/g, ''));
    assert.equal(digits, expectedCount({ disciplines: [discipline], types: ['museum'] }), discipline);
  }
  await page.close();
});

test('clearing restores the total and unticks everything', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en');
  await waitForApp(page);
  await tick(page, 'input[name=discipline][value=music]');
  await tick(page, 'input[name=space_type][value=theatre]');
  assert.notEqual(await shownCount(page), expectedCount());
  await page.click('[data-testid=clear-filters]');
  assert.equal(await shownCount(page), expectedCount());
  assert.equal(await page.locator('input[name=discipline]:checked, input[name=space_type]:checked').count(), 0);
  await page.close();
});

test('closed spaces appear only with the toggle', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en');
  await waitForApp(page);
  const closed = features().filter((f) => f.properties.status === 'closed').length;
  assert.ok(closed > 0, 'the dataset keeps closed spaces');
  await page.check('input[type=checkbox][name=show_closed]');
  assert.equal(await shownCount(page), expectedCount({ showClosed: true }));
  assert.equal(await shownCount(page), expectedCount() + closed);
  await page.close();
});

test('clicking a marker opens a popup with that space\'s name', async () => {
  const feature = features().find((f) => f.properties.status !== 'closed');
  const [lon, lat] = feature.geometry.coordinates;
  // At the deepest zoom every space stands on its own.
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&lat=${lat}&lon=${lon}&z=19`);
  await waitForApp(page);
  await page.click(`.leaflet-marker-icon[data-space-id="${feature.properties.id}"]`);
  const popup = page.locator('.leaflet-popup-content');
  await popup.waitFor();
  const text = await popup.textContent();
  const { vi, en } = feature.properties.name;
  assert.ok(text.includes(en ?? vi) || text.includes(vi), text);
  await page.close();
});

test('nothing is requested from any host but this one, except map tiles', async () => {
  const { page, record } = await openPage(shared.browser.context, shared.server.url);
  await waitForApp(page);
  await tick(page, 'input[name=discipline][value=design]');
  assert.deepEqual(unexpectedHosts(record), []);
  await page.close();
});

test('the bundle works unchanged under a sub-path', async () => {
  const nested = await serve(DIST, { prefix: '/portal/creative-map/' });
  try {
    const { page, record } = await openPage(shared.browser.context, nested.url + '?lang=en');
    await waitForApp(page);
    assert.equal(await shownCount(page), expectedCount());
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  } finally {
    await nested.close();
  }
});

test('zoomed out, nearby spaces group; choosing a group zooms in until they separate', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&${WHOLE_REGION}`);
  await waitForApp(page);
  const groups = page.locator('.leaflet-marker-icon.space-cluster');
  assert.ok(await groups.count() > 0, 'the old town forms groups at zoom 9');
  // The count sits in the middle of its disc (our styles win over Leaflet's).
  const disc = await groups.first().boundingBox();
  const count = await groups.first().locator('span').boundingBox();
  const middle = (box) => [box.x + box.width / 2, box.y + box.height / 2];
  const [dx, dy] = middle(disc).map((v, i) => Math.abs(v - middle(count)[i]));
  assert.ok(dx < 3 && dy < 3, `count off-centre by ${dx}, ${dy}`);
  const before = await page.evaluate(() => new URL(location.href).searchParams.get('z'));
  await groups.first().click();
  await page.waitForFunction((z) => new URL(location.href).searchParams.get('z') !== z, before);
  assert.ok(Number(new URL(page.url()).searchParams.get('z')) > 9);
  assert.equal(await drawnCount(page) <= expectedCount(), true);
  await page.close();
});
