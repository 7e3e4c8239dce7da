// The editors' workbench (edit.html), driven as an editor would: open, see the problems, fix,
// move, add, take a visitor's suggestion, reload, undo, save, and read the file back with the
// data check. Each test serves the bundle on its own port, so its browser storage starts empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { launch, openPage, unexpectedHosts } from './support/browser.mjs';
import { DIST, features } from './support/dataset.mjs';

const BROKEN = readFileSync('tests/fixtures/editor/broken.geojson');
let browser;
let scratch;

before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'hcm-editor-'));
});

after(async () => {
  await browser?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * Serves the bundle (with `dataset` as the published data when given), opens edit.html and
 * waits until the workbench is ready. Confirmations are accepted (an editor saying yes).
 */
async function openWorkbench(dataset) {
  const overrides = dataset ? { 'data/spaces.geojson': { body: dataset } } : {};
  const server = await serve(DIST, { overrides });
  const { page, record } = await openPage(browser.context);
  page.removeAllListeners('dialog');
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.message());
    dialog.accept();
  });
  await page.goto(`${server.url}edit.html`);
  await page.waitForSelector('.workbench[data-state=ready]');
  return {
    page,
    record,
    async close() {
      await page.close();
      await server.close();
    },
  };
}

/** The `data-feature-id` of every problem listed. */
async function problemIds(page) {
  return page.locator('[data-testid=editor-problems] li').evaluateAll((items) => items.map((li) => li.dataset.featureId));
}

/** Saves the GeoJSON as the editor would and returns its text. */
async function download(page, testid = 'editor-download') {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Runs the data check on `path`: its exit status and report. */
function checkData(path) {
  try {
    const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'check-data', '--', '--config', 'data/config.json', path], { encoding: 'utf8' });
    return { status: 0, out };
  } catch (error) {
    return { status: error.status, out: `${error.stdout}${error.stderr}` };
  }
}

/** Chooses the space `id` in the table; its form opens. */
async function choose(page, id) {
  await page.fill('[data-testid=editor-search]', id);
  await page.click(`tr[data-edit-id="${id}"]`);
  await page.waitForSelector('[data-testid=editor-form] input[name=id]');
  assert.equal(await page.inputValue('[data-testid=editor-form] input[name=id]'), id);
}

test('the published dataset opens and saves back byte for byte', async () => {
  const { page, record, close } = await openWorkbench();
  try {
    assert.equal(await page.locator('tr[data-edit-id]').count(), Math.min(features().length, 200));
    assert.equal(await page.locator('[data-testid=editor-problems] li').count(), 0);
    assert.ok(await page.isVisible('[data-testid=editor-no-changes]'));
    const saved = await download(page);
    assert.equal(saved.name, 'spaces.geojson');
    assert.ok(saved.text === readFileSync(join(DIST, 'data', 'spaces.geojson'), 'utf8'), 'byte-identical');
    assert.deepEqual(record.dialogs, [], 'a file without errors saves without asking');
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(unexpectedHosts(record), []);
  } finally {
    await close();
  }
});

test('a broken file opens with every problem listed; fixing a field clears its problem', async () => {
  const { page, record, close } = await openWorkbench(BROKEN);
  try {
    assert.equal(await page.locator('tr[data-edit-id]').count(), 4, 'every readable space is in the table');
    assert.deepEqual((await problemIds(page)).sort(), ['bad-website', 'bad-website', 'typo-type']);
    const text = await page.textContent('[data-testid=editor-problems]');
    assert.match(text, /"musuem" is not a known code\. Did you mean "museum"\?/);
    assert.match(text, /features\[3\] \(id "bad-website"\), field "id": this id is already used by features\[1\]/);

    await choose(page, 'typo-type');
    const typeField = page.locator('[data-field=space_type]');
    assert.match(await typeField.locator('.field-problems').textContent(), /Did you mean "museum"/);
    await page.fill('input[name=space_type]', 'museum');
    await page.waitForFunction(() => !document.querySelector('[data-testid=editor-problems] li[data-feature-id="typo-type"]'));
    assert.equal(await typeField.locator('.field-problems li').count(), 0, 'the message beside the field goes too');
    assert.deepEqual((await problemIds(page)).sort(), ['bad-website', 'bad-website']);
    assert.equal(await page.inputValue('input[name=updated]'), await page.evaluate(() => {
      const now = new Date(Date.now() + 7 * 3600 * 1000);
      return now.toISOString().slice(0, 10);
    }), 'updated is set to today (Hanoi)');

    // Saving a file that still has errors asks first, and says so.
    const saved = await download(page);
    assert.equal(record.dialogs.length, 1);
    assert.match(record.dialogs[0], /2 errors/);
    const check = checkData(saved.path);
    assert.equal(check.status, 1, check.out);
    assert.match(check.out, /2 errors/);
    assert.doesNotMatch(check.out, /musuem/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await close();
  }
});

test('dragging a space moves it: its coordinates follow', async () => {
  const { page, close } = await openWorkbench(BROKEN);
  try {
    await choose(page, 'good-gallery');
    const before = [await page.inputValue('input[name=lat]'), await page.inputValue('input[name=lon]')];
    const marker = page.locator('.leaflet-marker-icon.leaflet-marker-draggable');
    await marker.waitFor();
    const box = await marker.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height - 4];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y + 20, { steps: 8 });
    await page.mouse.move(x + 80, y + 40, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((lat) => document.querySelector('input[name=lat]')?.value !== lat, before[0]);
    const after = [Number(await page.inputValue('input[name=lat]')), Number(await page.inputValue('input[name=lon]'))];
    assert.ok(after[0] < Number(before[0]), `dragged south: ${before} → ${after}`);
    assert.ok(after[1] > Number(before[1]), `dragged east: ${before} → ${after}`);
    assert.match(await page.textContent('[data-summary=changed]'), /good-gallery/);
  } finally {
    await close();
  }
});

test('a space moved into Hoàn Kiếm Lake is warned of, beside its position and in the list', async () => {
  const { page, close } = await openWorkbench();
  try {
    const id = features()[0].properties.id;
    await choose(page, id);
    await page.fill('input[name=lat]', '21.0287');
    await page.fill('input[name=lon]', '105.8524');
    await page.press('input[name=lon]', 'Tab');
    const warnings = page.locator(`[data-testid=editor-problems] li[data-feature-id="${id}"]`);
    await warnings.first().waitFor();
    const texts = await warnings.allTextContents();
    assert.ok(texts.some((text) => text.includes('Hồ Hoàn Kiếm')), texts.join('\n'));
    assert.ok(texts.every((text) => text.startsWith('Warning')), 'a warning, not an error');
    assert.match(await page.textContent('[data-field=lat] .field-problems'), /Hồ Hoàn Kiếm/);
  } finally {
    await close();
  }
});

test("a visitor's suggestion is shown field by field and accepted", async () => {
  const { page, close } = await openWorkbench();
  try {
    const feature = structuredClone(features()[3]);
    const { id } = feature.properties;
    feature.properties.website = 'https://example.org/suggested';
    feature.properties.phone = '+84 24 3933 0113';
    const text = `I work there: the website and the phone changed.\n\n${JSON.stringify(feature, null, 2)}\n`;
    await page.click('.bench-suggestions summary');
    await page.fill('[data-testid=editor-suggestion-text]', text);
    await page.click('[data-testid=editor-suggestion-read]');
    const proposal = page.locator('[data-testid=editor-proposal]');
    await proposal.waitFor();
    assert.match(await proposal.textContent(), new RegExp(id));
    assert.match(await proposal.textContent(), /I work there/);
    const rows = await proposal.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.field));
    assert.deepEqual(rows.sort(), ['phone', 'website']);
    // Accept the website, reject the phone.
    await page.uncheck('input[name="accept-phone"]');
    await page.click('[data-testid=editor-accept]');
    await page.waitForSelector('[data-testid=editor-form] input[name=website]');
    assert.equal(await page.inputValue('input[name=website]'), 'https://example.org/suggested');
    assert.notEqual(await page.inputValue('input[name=phone]'), '+84 24 3933 0113');
    assert.match(await page.textContent('[data-summary=changed]'), new RegExp(id));
  } finally {
    await close();
  }
});

test('a reload restores the session with a notice; undo and redo; the file saved passes the data check', async () => {
  const { page, close } = await openWorkbench();
  try {
    const id = features()[5].properties.id;
    const original = features()[5].properties.name.en;
    await choose(page, id);
    await page.fill('input[name="name.en"]', 'Renamed by an editor');
    await page.reload();
    await page.waitForSelector('.workbench[data-state=ready]');
    assert.match(await page.textContent('[data-testid=editor-notice]'), /restored \(1 changes\)/);
    await choose(page, id);
    assert.equal(await page.inputValue('input[name="name.en"]'), 'Renamed by an editor');

    await page.click('[data-testid=editor-undo]');
    await page.waitForFunction((name) => document.querySelector('input[name="name.en"]')?.value === name, original);
    assert.ok(await page.isVisible('[data-testid=editor-no-changes]'));
    await page.click('[data-testid=editor-redo]');
    await page.waitForFunction(() => document.querySelector('input[name="name.en"]')?.value === 'Renamed by an editor');

    const saved = await download(page);
    const check = checkData(saved.path);
    assert.equal(check.status, 0, check.out);
    const published = readFileSync(join(DIST, 'data', 'spaces.geojson'), 'utf8').split('\n');
    const lines = saved.text.split('\n');
    assert.equal(lines.length, published.length);
    const diff = lines.filter((line, i) => line !== published[i] && !line.includes('"updated": '));
    assert.deepEqual(diff.map((line) => line.trim()), ['"en": "Renamed by an editor"'], 'one field, one line (and the date)');
  } finally {
    await close();
  }
});

test('a space added by placing it on the map, then the editors\' CSV imports back', async () => {
  const { page, close } = await openWorkbench();
  try {
    await page.click('[data-testid=editor-add]');
    const map = await page.locator('[data-testid=editor-map]').boundingBox();
    await page.mouse.click(map.x + map.width / 2 + 30, map.y + map.height / 2 + 30);
    await page.waitForSelector('[data-testid=editor-form] input[name=id]');
    assert.equal(await page.inputValue('input[name=id]'), 'new-space-1');
    assert.ok(await page.locator('[data-testid=editor-problems] li[data-feature-id="new-space-1"]').count() > 0, 'a new space asks for its name and kind');
    for (const [name, value] of [['name.vi', 'Xưởng Mới'], ['name.en', '=New Studio'], ['disciplines', 'crafts'], ['space_type', 'art-space'], ['operator', 'individual'], ['address', '5 Hàng Mã, Hoàn Kiếm, Hà Nội']]) {
      await page.fill(`[data-testid=editor-form] [name="${name}"]`, value);
    }
    await page.waitForFunction(() => !document.querySelector('[data-testid=editor-problems] li[data-feature-id="new-space-1"].error'));
    assert.match(await page.textContent('[data-summary=added]'), /new-space-1/);
    const csv = await download(page, 'editor-download-csv');
    assert.ok(csv.text.includes(",'=New Studio,"), 'a formula-like cell is escaped');
    const geojson = execFileSync('cargo', ['run', '--quiet', '--bin', 'import-csv', '--', csv.path], { encoding: 'utf8' });
    const imported = JSON.parse(geojson).features.find((f) => f.properties.id === 'new-space-1');
    assert.equal(imported.properties.name.en, '=New Studio');
    writeFileSync(join(scratch, 'imported.geojson'), geojson);
    assert.equal(checkData(join(scratch, 'imported.geojson')).status, 0);
  } finally {
    await close();
  }
});

test('a local file opens from the picker or dropped on the page, GeoJSON or CSV; the map links here', async () => {
  const { page, record, close } = await openWorkbench();
  try {
    await page.setInputFiles('[data-testid=editor-open]', 'tests/fixtures/editor/broken.geojson');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-edit-id]').length === 4);
    assert.match(await page.textContent('[data-testid=editor-source]'), /broken\.geojson/);
    assert.deepEqual((await problemIds(page)).sort(), ['bad-website', 'bad-website', 'typo-type']);

    const csv = 'id,name_vi,name_en,lon,lat,disciplines,space_type,operator,address,district,website,phone,email,opening_hours,description_vi,description_en,status,membership,location_confidence,source,updated\n'
      + 'xuong-go,Xưởng Gỗ,Wood Workshop,105.85,21.03,crafts,art-space,individual,"3 Hàng Gai, Hoàn Kiếm",Hoàn Kiếm,,\'+84 24 0000 0000,,,,,open,,,,2026-11-24\n'
      + 'lech,Lệch,Off,east,21.03,crafts,art-space,individual,Hà Nội,,,,,,,,open,,,,\n';
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'spaces.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await page.dispatchEvent('.workbench', 'drop', { dataTransfer: dropped });
    await page.waitForFunction(() => document.querySelectorAll('tr[data-edit-id]').length === 2);
    assert.match(await page.textContent('[data-testid=editor-source]'), /spaces\.csv/);
    await choose(page, 'xuong-go');
    assert.equal(await page.inputValue('input[name=phone]'), '+84 24 0000 0000', "the CSV's formula escaping is undone");
    const problems = await page.textContent('[data-testid=editor-problems]');
    assert.match(problems, /CSV line 3: column lon: "east" is not a number/);
    assert.deepEqual(record.pageErrors, []);

    await page.goto(page.url().replace('edit.html', '?lang=en'));
    await page.waitForSelector('[data-load-state=ready]');
    assert.equal(await page.textContent('[data-testid=for-editors]'), 'For editors');
    assert.equal(await page.getAttribute('[data-testid=for-editors]', 'href'), 'edit.html');
  } finally {
    await close();
  }
});

test('axe-core finds no serious or critical violations in the workbench', async () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const { page, close } = await openWorkbench(BROKEN);
  try {
    const check = async (state) => {
      // Injected through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(axe);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
      assert.deepEqual(bad.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    };
    await check('opened');
    await choose(page, 'typo-type');
    await check('form open');
  } finally {
    await close();
  }
});
