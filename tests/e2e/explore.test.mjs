// Exploring like a resident or a tourist: search, list and details, deep links, languages,
// near me, phones and keyboards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './support/server.mjs';
import { sharedBundle } from './support/shared.mjs';
import { launch, openPage, waitForApp, shownCount, tick } from './support/browser.mjs';
import { DIST, expectedCount, features } from './support/dataset.mjs';

const shared = sharedBundle();

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
const listIds = (page) => page.locator('.result-list [data-space-id]').evaluateAll((items) => items.map((i) => i.dataset.spaceId));

test('search ignores Vietnamese marks and combines with the filters', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=vi');
  await waitForApp(page);
  // The search index is built after the map is drawn, and says when it is complete.
  await page.locator('.explorer[data-search=ready]').waitFor();
  await page.fill('input[type=search][name=q]', 'van mieu');
  const ids = await listIds(page);
  assert.ok(ids.includes('temple-of-literature'), ids.join());
  assert.equal(await shownCount(page), ids.length);

  await page.fill('input[name=q]', 'bao tang');
  const museums = features().filter((f) => f.properties.status !== 'closed' && fold(f.properties.name.vi).includes('bao tang'));
  const shown = await shownCount(page);
  assert.ok(shown >= museums.length && museums.length > 3, `${shown} vs ${museums.length}`);

  await tick(page, 'input[name=space_type][value=museum]');
  const both = await shownCount(page);
  assert.ok(both <= shown && both > 0);
  for (const id of await listIds(page)) {
    assert.equal(features().find((f) => f.properties.id === id).properties.space_type, 'museum');
  }
  await page.close();
});

test('choosing a list item opens the details, updates the URL; Escape and Back close them', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en&q=temple');
  await waitForApp(page);
  await page.click('.result-list [data-space-id="temple-of-literature"]');
  const panel = page.locator('[data-testid=detail-panel]');
  await panel.waitFor();
  assert.match(await panel.locator('h2').textContent(), /Temple of Literature/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-name');
  assert.match(page.url(), /space=temple-of-literature/);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.doesNotMatch(page.url(), /space=/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.spaceId), 'temple-of-literature');

  await page.fill('input[name=q]', 'opera');
  await page.click('.result-list [data-space-id="hanoi-opera-house"]');
  await panel.waitFor();
  await page.goBack();
  await panel.waitFor({ state: 'detached' });
  await page.close();
});

test('a deep link restores filters, search, open space and language', async () => {
  const url = shared.server.url + '?discipline=heritage,fine-arts&space_type=museum&q=bao%20tang&space=vietnam-national-museum-of-fine-arts&lang=en';
  const { page } = await openPage(shared.browser.context, url);
  await waitForApp(page);
  assert.ok(await page.isChecked('input[name=discipline][value=heritage]'));
  assert.ok(await page.isChecked('input[name=discipline][value=fine-arts]'));
  assert.ok(await page.isChecked('input[name=space_type][value=museum]'));
  assert.equal(await page.inputValue('input[name=q]'), 'bao tang');
  assert.match(await page.locator('[data-testid=detail-panel] h2').textContent(), /Fine Arts/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.close();
});

test('a linked space is drawn on its own, selected, where the map opens, even where its neighbours group', async () => {
  const id = 'vietnam-national-museum-of-fine-arts';
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&space=${id}`);
  await waitForApp(page);
  const pin = page.locator(`.leaflet-marker-icon[data-space-id=${id}]`);
  await pin.waitFor();
  assert.match(await pin.getAttribute('class'), /is-selected/);
  const box = await pin.boundingBox();
  const map = await page.locator('.map').boundingBox();
  const centre = { x: map.x + map.width / 2, y: map.y + map.height / 2 };
  assert.ok(Math.abs(box.x + box.width / 2 - centre.x) < 20 && Math.abs(box.y + box.height - centre.y) < 20, 'its tip at the centre');
  assert.ok(await page.locator('.space-cluster').count() > 0, 'other spaces still group at this zoom');
  // Closing the details lets it rejoin its group.
  await page.locator('[data-testid=detail-panel] button.close').click();
  await pin.waitFor({ state: 'detached' });
  await page.close();
});

test('garbage in the URL is ignored and the map starts with defaults', async () => {
  const url = shared.server.url + '?discipline=<script>,musik&space_type=&lat=NaN&lon=1e999&z=9999&lang=xx&space=../../etc&q=&closed=maybe';
  const { page, record } = await openPage(shared.browser.context, url);
  await waitForApp(page);
  assert.equal(await shownCount(page), expectedCount());
  assert.equal(await page.locator('[data-testid=detail-panel]').count(), 0);
  assert.deepEqual(record.pageErrors, []);
  await page.close();
});

test('the language switch changes every label and <html lang>', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=vi');
  await waitForApp(page);
  assert.match(await page.textContent('.facet-discipline .facet-heading'), /Lĩnh vực/);
  await page.click('.lang-switch button[lang=en]');
  assert.match(await page.textContent('.facet-discipline .facet-heading'), /Discipline/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(page.url(), /lang=en/);
  await page.close();
});

test('near me: refused geolocation gives a plain message and nothing breaks', async () => {
  const { page, record } = await openPage(shared.browser.context, shared.server.url + '?lang=en');
  await waitForApp(page);
  await page.click('[data-testid=locate]');
  await page.locator('.locate-status', { hasText: 'not available' }).waitFor();
  assert.equal(await shownCount(page), expectedCount());
  assert.deepEqual(record.pageErrors, []);
  await page.close();
});

test('near me: a granted position sorts the list by distance and shows distances', async () => {
  const context = shared.browser.context;
  await context.grantPermissions(['geolocation'], { origin: shared.server.origin });
  // Beside the Temple of Literature.
  await context.setGeolocation({ latitude: 21.0284, longitude: 105.8356 });
  const { page, record } = await openPage(context, shared.server.url + '?lang=en');
  await waitForApp(page);
  await page.click('[data-testid=locate]');
  await page.locator('.result-list [data-space-id]').first().locator('.result-meta', { hasText: ' m' }).waitFor();
  const ids = await listIds(page);
  assert.equal(ids[0], 'temple-of-literature');
  // The map shows where the person is, named (leaflet-rs's tooltip binding threw here once,
  // and stopped the list's update when it ran first).
  assert.equal(await page.locator('path.you-are-here').count(), 1);
  assert.equal(await page.getAttribute('[data-testid=locate]', 'aria-pressed'), 'true');
  // Hovered as a pointer would (the markers' pane lies above the paths').
  await page.dispatchEvent('path.you-are-here', 'mouseover');
  await page.locator('.leaflet-tooltip', { hasText: 'Your position' }).waitFor();
  assert.deepEqual(record.pageErrors, []);
  await context.clearPermissions();
  await page.close();
});

test('phone: no horizontal scrolling at 360 px, the panel opens as a sheet', async () => {
  const phone = await launch({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  try {
    const { page } = await openPage(phone.context, shared.server.url + '?lang=vi');
    await waitForApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    assert.equal(await page.isVisible('input[name=q]'), false);
    await page.click('.panel-toggle');
    assert.equal(await page.isVisible('input[name=q]'), true);
    // A sheet at the bottom of the screen; the map keeps its width and all of it shows above.
    const sheet = await page.locator('.side-panel').boundingBox();
    const map = await page.locator('.map').boundingBox();
    assert.equal(Math.round(sheet.y + sheet.height), 740, 'the sheet rests on the bottom edge');
    assert.equal(Math.round(map.width), 360, 'the map keeps its width');
    assert.ok(sheet.y > map.y + 100, 'the map shows above the sheet');
    assert.ok(Math.abs(map.y + map.height - sheet.y) < 1, 'and none of it hides under the sheet');
    const small = await page.locator('.side-panel button:visible, .side-panel label:not(.visually-hidden):visible').evaluateAll(
      (elements) => elements.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.textContent.trim()));
    assert.deepEqual(small, [], 'touch targets at least 44 px high');
  } finally {
    await phone.cleanup();
  }
});

test('keyboard: filters, list and details are reachable and operable', async () => {
  const { page } = await openPage(shared.browser.context, shared.server.url + '?lang=en');
  await waitForApp(page);
  await page.focus('input[name=q]');
  await page.keyboard.type('opera');
  await page.keyboard.press('Tab');
  // The next focusable controls lead to the list; Enter on a list item opens its details.
  await page.focus('.result-list [data-space-id="hanoi-opera-house"]');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=detail-panel]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-name');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.spaceId), 'hanoi-opera-house');
  await page.close();
});

test('opening hours say open or closed now, in Hanoi time', async () => {
  const feature = (id, hours) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [105.85, 21.03] },
    properties: { id, name: { vi: id, en: id }, disciplines: ['music'], space_type: 'cafe', operator: 'private', address: 'Hà Nội', opening_hours: hours },
  });
  const body = JSON.stringify({ type: 'FeatureCollection', features: [feature('always', '24/7'), feature('never', 'Mo-Su off')] });
  const other = await serve(DIST, { overrides: { 'data/spaces.geojson': { body } } });
  try {
    const { page } = await openPage(shared.browser.context, other.url + '?lang=en&space=always');
    await waitForApp(page);
    assert.equal(await page.textContent('[data-testid=open-now]'), 'Open now');
    // The details lie over the list: close them, then choose the other space.
    await page.keyboard.press('Escape');
    await page.click('.result-list [data-space-id="never"]');
    await page.locator('[data-testid=open-now]', { hasText: 'Closed now' }).waitFor();
    await page.close();
  } finally {
    await other.close();
  }
});

test('phone: choosing a space on the map shows its details in the sheet', async () => {
  const phone = await launch({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  try {
    const feature = features().find((f) => f.properties.id === 'hanoi-opera-house');
    const [lon, lat] = feature.geometry.coordinates;
    const { page } = await openPage(phone.context, `${shared.server.url}?lang=en&lat=${lat}&lon=${lon}&z=19`);
    await waitForApp(page);
    await page.tap('.leaflet-marker-icon[data-space-id="hanoi-opera-house"]');
    const heading = page.locator('[data-testid=detail-panel] h2');
    await heading.waitFor({ state: 'visible' });
    assert.match(await heading.textContent(), /Opera House/);
    // The map gives the sheet its space and keeps the chosen space in view above it.
    await page.waitForFunction(() => {
      const pin = document.querySelector('.leaflet-marker-icon[data-space-id="hanoi-opera-house"]')?.getBoundingClientRect();
      const map = document.querySelector('.map').getBoundingClientRect();
      return pin && pin.top >= map.top && pin.bottom <= map.bottom && map.bottom <= document.querySelector('.side-panel').getBoundingClientRect().top + 1;
    });
  } finally {
    await phone.cleanup();
  }
});

test('a dark theme follows prefers-color-scheme', async () => {
  const background = async (colorScheme) => {
    const context = await launch({ colorScheme });
    try {
      const { page } = await openPage(context.context, shared.server.url);
      await waitForApp(page);
      return await page.evaluate(() => getComputedStyle(document.querySelector('.side-panel')).backgroundColor);
    } finally {
      await context.cleanup();
    }
  };
  const light = await background('light');
  const dark = await background('dark');
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((sum, v) => sum + Number(v), 0);
  assert.ok(luminance(dark) < luminance(light) / 2, `${dark} vs ${light}`);
});

test('prefers-reduced-motion: no zoom animation, and opening a space jumps without flying', async () => {
  const proxies = async (reducedMotion) => {
    const context = await launch({ reducedMotion });
    try {
      const { page } = await openPage(context.context, shared.server.url);
      await waitForApp(page);
      // Leaflet creates its zoom-animation proxy only when zoom animation is on.
      return await page.locator('.leaflet-proxy').count();
    } finally {
      await context.cleanup();
    }
  };
  assert.equal(await proxies('no-preference'), 1);
  assert.equal(await proxies('reduce'), 0);
});
