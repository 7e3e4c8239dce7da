// What no other cultural map does: open now / open at, network membership, download what you
// see, favourites kept on the device, and walks drawn on the map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './support/server.mjs';
import { sharedBundle } from './support/shared.mjs';
import { launch, openPage, waitForApp, shownCount, tick, unfold } from './support/browser.mjs';
import { DIST, expectedCount, features } from './support/dataset.mjs';

const shared = sharedBundle();

const listIds = (page) => page.locator('.result-list [data-space-id]').evaluateAll((items) => items.map((i) => i.dataset.spaceId));
const openSpaces = () => features().filter((f) => f.properties.status !== 'closed');
const withHours = () => openSpaces().filter((f) => f.properties.opening_hours);
const trailsFile = () => JSON.parse(readFileSync(join(DIST, 'data', 'trails.json'), 'utf8')).trails;

/**
 * The spaces with opening hours that are closed on Tuesday 1 December 2026 at 10:00 in Hanoi,
 * read from their hours in data/spaces.geojson: the walking street (Fr-Su evenings), the Museum
 * of Nature (Th-Su) and the Press Museum (Mo,We,Fr). All other spaces with hours are open then.
 */
const CLOSED_TUESDAY_MORNING = ['hoan-kiem-walking-street', 'vietnam-national-museum-of-nature', 'vietnam-press-museum'];

/** How many spaces are open on Tuesday 1 December 2026 at 10:00 in Hanoi. */
function openTuesdayMorning() {
  const ids = withHours().map((feature) => feature.properties.id);
  assert.ok(CLOSED_TUESDAY_MORNING.every((id) => ids.includes(id)), 'the dataset still has these hours');
  return ids.length - CLOSED_TUESDAY_MORNING.length;
}

test('open at a chosen time keeps the spaces open then and says how many have unknown hours', async () => {
  // Monday 30 November 2026, 10:00 in Hanoi: the Museum of Ethnology (Tu-Su) is closed.
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&open=2026-11-30T10:00`);
  await waitForApp(page);
  const monday = await listIds(page);
  assert.ok(monday.includes('temple-of-literature'), monday.join());
  assert.ok(!monday.includes('vietnam-museum-of-ethnology'), monday.join());
  assert.equal(await shownCount(page), monday.length);
  const unknown = openSpaces().length - withHours().length;
  assert.match(await page.textContent('[data-testid=hours-unknown]'), new RegExp(`^${unknown} spaces with unknown opening hours`));
  assert.ok(await page.isChecked('input[name=open][value=at]'));

  // Changing the moment to Tuesday brings the museum back; the spaces closed then stay out.
  await unfold(page, 'open');
  await page.fill('input[name=open_at]', '2026-12-01T10:00');
  await page.dispatchEvent('input[name=open_at]', 'change');
  await page.waitForFunction(() => document.querySelector('[data-space-id="vietnam-museum-of-ethnology"]'));
  assert.equal(await shownCount(page), openTuesdayMorning());
  const tuesday = await listIds(page);
  assert.ok(CLOSED_TUESDAY_MORNING.every((id) => !tuesday.includes(id)), tuesday.join());
  assert.match(page.url(), /open=2026-12-01T10%3A00/);

  // Late evening nothing is open; "any time" shows everything again.
  await page.fill('input[name=open_at]', '2026-12-01T22:30');
  await page.dispatchEvent('input[name=open_at]', 'change');
  await page.waitForFunction(() => /^\D*0\D/.test(document.querySelector('[data-testid=result-count]').textContent));
  await tick(page, 'input[name=open][value=""]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]').textContent.includes(String(n)), expectedCount());
  assert.equal(await page.locator('[data-testid=hours-unknown]').count(), 0);
  assert.doesNotMatch(page.url(), /open=/);
  await page.close();
});

test('open now follows Hanoi time whatever the visitor\'s clock zone; a space without hours says so', async () => {
  const losAngeles = await launch({ timezoneId: 'America/Los_Angeles' });
  const { page } = await openPage(losAngeles.context);
  // 03:00 UTC is 10:00 on Tuesday 1 December in Hanoi (still Monday evening in Los Angeles).
  await page.clock.setFixedTime(new Date('2026-12-01T03:00:00Z'));
  await page.goto(`${shared.server.url}?lang=en`);
  await waitForApp(page);
  await tick(page, 'input[name=open][value=now]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').textContent.replace(/\D+/g, '')) === n, openTuesdayMorning());
  assert.ok((await listIds(page)).includes('vietnam-museum-of-ethnology'));
  assert.match(page.url(), /open=now/);

  await tick(page, 'input[name=open][value=""]');
  await page.fill('input[name=q]', 'Bat Trang Ceramic Village');
  await page.click('.result-list [data-space-id="bat-trang-ceramic-village"]');
  assert.equal(await page.textContent('[data-testid=detail-panel] [data-testid=hours-unknown]'), 'Opening hours unknown');
  await losAngeles.cleanup();
});

test('the network filter counts members and applicants and narrows to them', async () => {
  const data = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.geojson'), 'utf8'));
  const marks = { 'hanoi-museum': 'member', 'vcca': 'member', 'manzi-art-space': 'applicant' };
  for (const f of data.features) {
    if (marks[f.properties.id]) f.properties.membership = marks[f.properties.id];
  }
  const members = await serve(DIST, { overrides: { 'data/spaces.geojson': { body: JSON.stringify(data) } } });
  const { page } = await openPage(shared.browser.context, `${members.url}?lang=en`);
  try {
    await waitForApp(page);
    const count = (value) => page.textContent(`input[name=membership][value=${value}] ~ .facet-count`);
    assert.equal(await count('member'), '2');
    assert.equal(await count('applicant'), '1');
    await tick(page, 'input[name=membership][value=member]');
    assert.equal(await shownCount(page), 2);
    assert.deepEqual((await listIds(page)).sort(), ['hanoi-museum', 'vcca']);
    await page.click('.result-list [data-space-id="vcca"]');
    assert.equal(await page.textContent('[data-testid=detail-panel] .badge.member'), 'Network member');
  } finally {
    await page.close();
    await members.close();
  }
});

test('download what you see: the filtered spaces as GeoJSON and CSV, licence inside, filters in the name', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&discipline=music`);
  await waitForApp(page);
  const expected = expectedCount({ disciplines: ['music'] });
  assert.ok(expected > 0);

  const [geojson] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-geojson]')]);
  assert.equal(geojson.suggestedFilename(), 'hanoi-creative-spaces-map_discipline-music.geojson');
  const collection = JSON.parse(readFileSync(await geojson.path(), 'utf8'));
  assert.equal(collection.type, 'FeatureCollection');
  assert.equal(collection.license, 'CC BY 4.0');
  assert.equal(collection.features.length, expected);
  assert.ok(collection.features.every((f) => f.properties.disciplines.includes('music')));

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
  assert.equal(csv.suggestedFilename(), 'hanoi-creative-spaces-map_discipline-music.csv');
  const lines = readFileSync(await csv.path(), 'utf8').trimEnd().split('\n');
  assert.match(lines[0], /^# Licence: CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/);
  assert.match(lines[1], /^id,name_vi,name_en,lon,lat,disciplines,space_type/);
  const ids = lines.slice(2).map((line) => line.split(',')[0]).sort();
  assert.deepEqual(ids, collection.features.map((f) => f.properties.id).sort());
  await page.close();
});

test('favourites stay on the device across visits and open their space', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&space=hoa-lo-prison-relic`);
  await waitForApp(page);
  const star = page.locator('[data-testid=detail-panel] [data-testid=favourite]');
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.click();
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  await page.close();

  const again = (await openPage(shared.browser.context, `${shared.server.url}?lang=en`)).page;
  await waitForApp(again);
  await again.click('[data-testid=favourites] summary');
  await again.click('[data-testid=favourites] [data-space-id="hoa-lo-prison-relic"]');
  assert.match(await again.textContent('#detail-name'), /Hoa Lo/);
  await again.click('[data-testid=detail-panel] [data-testid=favourite]');
  await again.locator('[data-testid=favourites]').waitFor({ state: 'detached' });
  assert.equal(await again.evaluate(() => localStorage.getItem('hanoi-creative-map.favourites')), '[]');
  await again.close();
});

test('a walk: its stops in order, its line on the map, each stop a link that opens the space', async () => {
  const trail = trailsFile()[0];
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&trail=${trail.id}`);
  await waitForApp(page);
  const steps = page.locator('[data-testid=trail] .trail-steps a');
  await steps.first().waitFor();
  assert.deepEqual(await steps.evaluateAll((links) => links.map((a) => a.dataset.spaceId)), trail.steps.map((s) => s.space));
  assert.equal(await page.textContent('[data-testid=trail] h3'), trail.name.en);
  assert.equal(await page.locator('path.trail-line').count(), 1);
  // Every stop has its dot, even one the filters hide.
  assert.equal(await page.locator('path.trail-stop').count(), trail.steps.length);

  const third = trail.steps[2].space;
  const href = await steps.nth(2).getAttribute('href');
  assert.match(href, new RegExp(`trail=${trail.id}`));
  assert.match(href, new RegExp(`space=${third}`));
  await steps.nth(2).click();
  await page.locator('[data-testid=detail-panel]').waitFor();
  assert.match(page.url(), new RegExp(`space=${third}`));
  assert.match(page.url(), new RegExp(`trail=${trail.id}`));

  // Choosing the trail again hides it and its line.
  await page.click(`[data-trail-id="${trail.id}"]`);
  await page.locator('[data-testid=trail]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('path.trail-line').count(), 0);
  assert.equal(await page.locator('path.trail-stop').count(), 0);
  assert.doesNotMatch(page.url(), /trail=/);
  await page.close();
});

/** The bundled configuration with a channel for suggestions. */
function configWithChannel() {
  const config = JSON.parse(readFileSync(join(DIST, 'data', 'config.json'), 'utf8'));
  config.suggest = { email: 'centre@example.org', issue_url: 'https://example.org/map/issues/new' };
  return JSON.stringify(config);
}

test('suggest a space: the form checks it like the data check and shows exactly what will be sent', async () => {
  const channel = await serve(DIST, { overrides: { 'data/config.json': { body: configWithChannel() } } });
  const { page } = await openPage(shared.browser.context, `${channel.url}?lang=en`);
  try {
    await waitForApp(page);
    await page.click('[data-testid=suggest]');
    const form = page.locator('[data-testid=suggest-form]');
    await form.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'suggest-title');
    // Empty, it cannot be sent, and says why.
    assert.match(await form.locator('[data-testid=suggest-problems]').textContent(), /name\.vi/);
    assert.equal(await form.locator('[data-testid=suggest-mail]').count(), 0);

    await form.locator('input[name=name_vi]').fill('Xưởng Gốm Nhỏ');
    await form.locator('input[name=name_en]').fill('Little Pottery Studio');
    await form.locator('select[name=space_type]').selectOption('art-space');
    await form.locator('input[name=suggest_discipline][value=crafts]').check();
    await form.locator('select[name=operator]').selectOption('individual');
    await form.locator('input[name=address]').fill('12 Hàng Mã, Hoàn Kiếm');
    await form.locator('input[name=website]').fill('javascript:alert(1)');
    assert.match(await form.locator('[data-testid=suggest-problems]').textContent(), /website/);
    await form.locator('input[name=website]').fill('https://example.org/pottery');
    await form.locator('[data-testid=suggest-problems]').waitFor({ state: 'detached' });

    const preview = await form.locator('[data-testid=suggest-preview]').textContent();
    assert.match(preview, /^Suggested new space: Xưởng Gốm Nhỏ/);
    const feature = JSON.parse(preview.slice(preview.indexOf('{')));
    assert.equal(feature.properties.id, 'little-pottery-studio');
    assert.deepEqual(feature.properties.disciplines, ['crafts']);

    const mail = new URL(await form.locator('[data-testid=suggest-mail]').getAttribute('href'));
    assert.equal(mail.protocol, 'mailto:');
    assert.equal(mail.pathname, 'centre@example.org');
    assert.equal(`${mail.searchParams.get('subject')}\n\n${mail.searchParams.get('body')}`, preview);
    const issue = new URL(await form.locator('[data-testid=suggest-issue]').getAttribute('href'));
    assert.equal(issue.origin + issue.pathname, 'https://example.org/map/issues/new');
    assert.equal(issue.searchParams.get('title'), 'Suggested new space: Xưởng Gốm Nhỏ');
  } finally {
    await page.close();
    await channel.close();
  }
});

test('suggest an edit from a space\'s details; without a channel the text is offered to copy', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&space=tadioto`);
  await waitForApp(page);
  await page.click('[data-testid=detail-panel] [data-testid=suggest-edit]');
  const form = page.locator('[data-testid=suggest-form]');
  await form.waitFor();
  assert.equal(await form.locator('input[name=name_vi]').inputValue(), 'Tadioto');
  const preview = await form.locator('[data-testid=suggest-preview]').textContent();
  assert.match(preview, /^Suggested edit: Tadioto/);
  assert.match(preview, /"id": "tadioto"/);
  assert.equal(await form.locator('[data-testid=suggest-problems]').count(), 0);
  assert.equal(await form.locator('a[data-testid^=suggest-]').count(), 0);
  assert.match(await form.textContent(), /no channel for suggestions/);
  await page.close();
});

test('join the network: who can join, what members receive, and an application form', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=vi`);
  await waitForApp(page);
  await page.click('[data-testid=join]');
  const about = page.locator('[data-testid=join-page]');
  assert.match(await about.textContent(), /lớn hay nhỏ, công lập hay độc lập/);
  await page.click('.lang-switch button[lang=en]');
  assert.match(await about.textContent(), /large and small, public and independent/);
  assert.match(await about.textContent(), /Coordination Center/);
  await page.click('[data-testid=apply]');
  const form = page.locator('[data-testid=suggest-form]');
  await form.waitFor();
  assert.ok(await form.locator('input[name=applying]').isChecked());
  await form.locator('input[name=name_vi]').fill('Nhà Sáng Tạo');
  assert.match(await form.locator('[data-testid=suggest-preview]').textContent(), /^Application to join the network: Nhà Sáng Tạo[\s\S]*"membership": "applicant"/);
  await page.close();
});

/** The SVG path the map should draw for `text`'s QR code, computed here with the library. */
function expectedQrPath(text) {
  const qrcode = createRequire(import.meta.url)('qrcode-generator');
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size;) {
      if (!code.isDark(row, col)) { col += 1; continue; }
      const start = col;
      while (col < size && code.isDark(row, col)) col += 1;
      path += `M${start} ${row}h${col - start}v1H${start}z`;
    }
  }
  return path;
}

test('print the list: only the sheet is on paper, each space with a QR code that opens it', async () => {
  const { page } = await openPage(shared.browser.context);
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(`${shared.server.url}?lang=en&discipline=music`);
  await waitForApp(page);
  await page.click('[data-testid=print-list]');
  await page.waitForFunction(() => window.__printed === 1);
  const sheet = page.locator('[data-testid=print-sheet]');
  const printed = await sheet.locator('[data-space-id]').evaluateAll((items) => items.map((i) => i.dataset.spaceId));
  assert.deepEqual(printed, await listIds(page));
  assert.equal(printed.length, expectedCount({ disciplines: ['music'] }));
  // On screen the sheet is hidden; on paper it is all there is.
  assert.equal(await sheet.isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await sheet.isVisible(), true);
  assert.equal(await page.locator('.map').isVisible(), false);
  assert.equal(await page.locator('.side-panel').isVisible(), false);
  const first = sheet.locator('.printed-space').first();
  const d = await first.locator('svg.qr path').getAttribute('d');
  assert.equal(d, expectedQrPath(`${shared.server.url}?space=${printed[0]}&lang=en`));
  await page.emulateMedia({ media: 'screen' });

  // One space, from its details.
  await page.click(`.result-list [data-space-id="${printed[1]}"]`);
  await page.click('[data-testid=detail-panel] [data-testid=print-space]');
  await page.waitForFunction(() => window.__printed === 2);
  assert.deepEqual(await sheet.locator('[data-space-id]').evaluateAll((items) => items.map((i) => i.dataset.spaceId)), [printed[1]]);
  await page.close();
});
