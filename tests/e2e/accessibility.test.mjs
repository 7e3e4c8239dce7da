// WCAG 2.2 AA in practice: whole journeys by keyboard only, on desktop and phone sizes; the
// names a screen reader hears (Playwright's ARIA snapshot); axe with no violation of any
// impact in both themes; touch targets that never overlap; reflow at 320 px and 200% text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sharedBundle } from './support/shared.mjs';
import { launch, openPage, waitForApp, shownCount, tick, unfold, waitUntilCached } from './support/browser.mjs';
import { expectedCount, features } from './support/dataset.mjs';

const shared = sharedBundle();

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** A view of the whole Hanoi region: the old town forms groups. */
const WHOLE_REGION = 'lat=20.98&lon=105.65&z=9';

/** A short description of the focused element, for messages and checks. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'body';
  return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 60)}"`;
});

const isFocused = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab (or Shift+Tab) until the focus is on `selector`; how many presses it took. */
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(page, selector)) return presses;
  }
  assert.fail(`${selector} not reached in ${max} presses; the focus is on ${await focused(page)}`);
}

const urlParam = (page, name) => new URL(page.url()).searchParams.get(name);

/** Launches a fresh browser (nothing remembered) of the given size, and cleans it up. */
async function withBrowser(options, run) {
  const browser = await launch({ ...options, permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await run(browser.context);
  } finally {
    await browser.cleanup();
  }
}

/**
 * The whole journey by keyboard: find the music spaces with the filters, open one from the list
 * and come back to it, then from the map, copy its link, close it and come back to its marker.
 */
async function keyboardJourney(context, { phone }) {
  const { page, record } = await openPage(context, `${shared.server.url}?lang=en`);
  await waitForApp(page);

  // The first stop is a visible "Skip to the list".
  await page.keyboard.press('Tab');
  assert.ok(await isFocused(page, '[data-testid=skip-to-list]'), await focused(page));
  const skip = await page.locator('[data-testid=skip-to-list]').boundingBox();
  assert.ok(skip.y >= 0 && skip.height >= 24, 'the skip link shows when focused');

  // Filters, by keyboard: unfold Discipline, tick Music.
  if (phone) {
    await tabTo(page, '.panel-toggle');
    await page.keyboard.press('Enter');
  }
  await tabTo(page, 'details[data-group=discipline] > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[name=discipline][value=music]');
  await page.keyboard.press('Space');
  const music = expectedCount({ disciplines: ['music'] });
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').textContent.replace(/\D+/g, '')) === n, music);
  assert.match(await page.textContent('details[data-group=discipline] > summary'), /Discipline\s*1 chosen/);

  // From the list: Enter opens the details with the focus on the name; Escape comes back.
  await tabTo(page, '.result-list button');
  const fromList = await page.evaluate(() => document.activeElement.dataset.spaceId);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=detail-panel]').waitFor();
  assert.ok(await isFocused(page, '#detail-name'), await focused(page));
  assert.equal(urlParam(page, 'space'), fromList);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=detail-panel]').waitFor({ state: 'detached' });
  assert.ok(await isFocused(page, `.result-list [data-space-id="${fromList}"]`), await focused(page));

  // From the map: back to the top, "Skip to the map", then into the markers. A group zooms in
  // on Enter and hands the focus to a marker inside it, until a space stands alone.
  await tabTo(page, '[data-testid=skip-to-map]', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'map');
  await page.keyboard.press('Tab');
  let fromMap;
  for (let step = 0; step < 30 && !fromMap; step += 1) {
    const marker = await page.evaluate(() => {
      const e = document.activeElement;
      return e?.classList.contains('leaflet-marker-icon') ? { id: e.dataset.spaceId ?? null, label: e.getAttribute('aria-label') } : null;
    });
    assert.ok(marker, `the focus is on a marker, not ${await focused(page)}`);
    if (marker.id) {
      fromMap = marker;
    } else {
      assert.match(marker.label, /^\d+ spaces, (zoom in|show the list)$/);
      const zoom = urlParam(page, 'z');
      await page.keyboard.press('Enter');
      if (/show the list/.test(marker.label)) {
        // Spaces at one spot: the list in the popup has the focus; Enter opens the first.
        await page.waitForFunction(() => document.activeElement?.matches('[data-select-space]'));
        fromMap = { id: await page.evaluate(() => document.activeElement.dataset.selectSpace), label: null, listed: true };
        break;
      }
      await page.waitForFunction((z) => new URL(location.href).searchParams.get('z') !== z, zoom);
      await page.waitForFunction(() => document.activeElement?.classList.contains('leaflet-marker-icon'));
    }
  }
  assert.ok(fromMap, 'a single space was reached on the map');
  const feature = features().find((f) => f.properties.id === fromMap.id);
  const name = feature.properties.name.en ?? feature.properties.name.vi;
  if (fromMap.label) assert.match(fromMap.label, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
  await page.keyboard.press(fromMap.listed ? 'Enter' : 'Space');
  await page.locator('[data-testid=detail-panel]').waitFor();
  assert.ok(await isFocused(page, '#detail-name'), await focused(page));
  assert.equal((await page.textContent('#detail-name')).trim(), name);

  // Copy its link with the Share button (no share sheet here: the link is copied).
  await tabTo(page, '[data-testid=detail-panel] .share button');
  await page.keyboard.press('Enter');
  await page.locator('.share-status', { hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).searchParams.get('space'), fromMap.id);

  // Close: the focus is back on the marker (or the list of its spot) it came from.
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=detail-panel]').waitFor({ state: 'detached' });
  const back = await page.evaluate(() => {
    const e = document.activeElement;
    return e?.dataset.spaceId ?? e?.dataset.selectSpace ?? (e?.classList.contains('space-cluster') ? 'group' : e?.tagName);
  });
  assert.ok(back === fromMap.id || back === 'group', `the focus came back to ${back}`);
  assert.deepEqual(record.pageErrors, []);
  await page.close();
}

test('keyboard only, desktop: filters, list, map, copy the link, close, back where one was', async () => {
  await withBrowser(DESKTOP, (context) => keyboardJourney(context, { phone: false }));
});

test('keyboard only, phone size: the same journey through the sheet', async () => {
  await withBrowser(PHONE, (context) => keyboardJourney(context, { phone: true }));
});

test('the results are a few Tabs from the top, not behind every filter choice', async () => {
  await withBrowser(DESKTOP, async (context) => {
    const { page } = await openPage(context, `${shared.server.url}?lang=en`);
    await waitForApp(page);
    const presses = await tabTo(page, '.result-list button', { max: 30 });
    assert.ok(presses <= 16, `${presses} Tab presses to the first result`);
    // "Skip to the list" gets there in two.
    await page.reload();
    await waitForApp(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    await page.keyboard.press('Tab');
    assert.ok(await isFocused(page, '.result-list button'), await focused(page));
  });
});

test('filter groups fold, say how many choices are ticked, and are remembered on the device', async () => {
  await withBrowser(DESKTOP, async (context) => {
    const { page } = await openPage(context, `${shared.server.url}?lang=en&space_type=museum,gallery`);
    await waitForApp(page);
    const types = page.locator('details[data-group=space_type]');
    assert.equal(await types.evaluate((d) => d.open), false, 'groups start folded');
    assert.match(await types.locator('summary').textContent(), /Type of space\s*2 chosen/);
    assert.equal(await page.isVisible('input[name=space_type][value=museum]'), false);
    await types.locator('summary').click();
    assert.equal(await page.isVisible('input[name=space_type][value=museum]'), true);
    await page.reload();
    await waitForApp(page);
    assert.equal(await types.evaluate((d) => d.open), true, 'an unfolded group stays unfolded');
    assert.equal(await page.locator('details[data-group=discipline]').evaluate((d) => d.open), false);
  });
});

test('a group of spaces answers Enter: it zooms in and the focus moves to a marker inside', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&${WHOLE_REGION}`);
  await waitForApp(page);
  const group = page.locator('.leaflet-marker-icon.space-cluster').first();
  const label = await group.getAttribute('aria-label');
  assert.match(label, /^\d+ spaces, zoom in$/);
  await group.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => Number(new URL(location.href).searchParams.get('z')) > 9);
  await page.waitForFunction(() => document.activeElement?.classList.contains('leaflet-marker-icon'));
  await page.close();
});

test('accessible names in the interface language: map, markers, groups, landmarks (ARIA snapshot)', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en&space=temple-of-literature`);
  await waitForApp(page);
  const map = await page.locator('#map').ariaSnapshot();
  assert.match(map, /region "Map of creative spaces"/);
  assert.match(map, /button "Temple of Literature – Imperial Academy, heritage site"/);
  assert.match(map, /button "Zoom in"/);
  const body = await page.locator('body').ariaSnapshot();
  assert.equal(body.match(/^\s*- main\b/gm)?.length, 1, 'one main landmark');
  assert.match(body, /- banner/);
  assert.match(body, /link "Skip to the list"/);
  assert.match(body, /link "Skip to the map"/);
  assert.match(body, /region "Results"/);

  // Vietnamese, switched in place: every marker and control is named again.
  await page.click('.lang-switch button[lang=vi]');
  await page.waitForFunction(() => document.querySelector('#map').getAttribute('aria-label') === 'Bản đồ các không gian sáng tạo');
  const vi = await page.locator('#map').ariaSnapshot();
  assert.match(vi, /region "Bản đồ các không gian sáng tạo"/);
  assert.match(vi, /button "Văn Miếu – Quốc Tử Giám, di tích"/);
  assert.match(vi, /button "Phóng to"/);
  await page.close();

  const { page: region } = await openPage(shared.browser.context, `${shared.server.url}?lang=vi&${WHOLE_REGION}`);
  await waitForApp(region);
  assert.match(await region.locator('#map').ariaSnapshot(), /button "\d+ không gian, phóng to"/);
  await region.close();
});

test('the count and the list are announced once, politely, when typing pauses', async () => {
  const { page } = await openPage(shared.browser.context, `${shared.server.url}?lang=en`);
  await waitForApp(page);
  const announcer = page.locator('[data-testid=announcer]');
  assert.equal(await announcer.getAttribute('aria-live'), 'polite');
  assert.equal(await page.getAttribute('[data-testid=result-count]', 'aria-live'), null, 'the visible count is not read at each change');
  await page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(document.querySelector('[data-testid=announcer]').textContent))
      .observe(document.querySelector('[data-testid=announcer]'), { childList: true, characterData: true, subtree: true });
  });
  await page.focus('input[name=q]');
  await page.keyboard.type('opera');
  await page.waitForFunction(() => window.__said.length > 0);
  const shown = await shownCount(page);
  assert.deepEqual(await page.evaluate(() => window.__said), [`${shown} spaces shown`]);
  await page.close();
});

test('every panel gives the focus back where it was opened: suggest, join, walks, print', async () => {
  const { page } = await openPage(shared.browser.context);
  await page.addInitScript(() => { window.print = () => {}; });
  await page.goto(`${shared.server.url}?lang=en`);
  await waitForApp(page);
  const roundTrip = async (opener, opened, close = () => page.keyboard.press('Escape')) => {
    await page.focus(opener);
    await page.keyboard.press('Enter');
    await page.locator(opened).waitFor();
    assert.ok(!(await isFocused(page, opener)), `${opener}: the focus moved into ${opened}`);
    await close();
    await page.locator(opened).waitFor({ state: 'hidden' });
    assert.ok(await isFocused(page, opener), `${opener}: the focus is back, not on ${await focused(page)}`);
  };
  await roundTrip('[data-testid=suggest]', '[data-testid=suggest-form]');

  // Join: "Apply" opens the form; closing it brings the focus back to "Join the network".
  await page.focus('[data-testid=join]');
  await page.keyboard.press('Enter');
  await page.focus('[data-testid=apply]');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=suggest-form]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=suggest-form]').waitFor({ state: 'detached' });
  assert.ok(await isFocused(page, '[data-testid=join]'), await focused(page));

  // Walks: choosing one draws the section anew; the focus stays on its button.
  await page.click('[data-testid=trails] summary');
  const trail = await page.locator('[data-trail-id]').first().getAttribute('data-trail-id');
  await page.focus(`[data-trail-id="${trail}"]`);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=trail]').waitFor();
  await page.waitForFunction((id) => document.activeElement?.dataset.trailId === id, trail);
  // A stop opens its space; closing gives the focus back to the stop.
  const stop = page.locator('.trail-steps a').first();
  const stopId = await stop.getAttribute('data-space-id');
  await stop.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=detail-panel]').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement?.dataset.spaceId === id, stopId);

  // Print keeps the focus on its button.
  await page.focus('[data-testid=print-list]');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=print-sheet]').waitFor({ state: 'attached' });
  assert.ok(await isFocused(page, '[data-testid=print-list]'), await focused(page));
  await page.close();
});

test('the footer links to the accessibility statement in the interface language; it says how to report a barrier', async () => {
  for (const [lang, report, back] of [['en', /Found a barrier\?.*“Suggest a space”/s, 'Back to the map'], ['vi', /Gặp trở ngại\?.*“Đề xuất một không gian”/s, 'Về bản đồ']]) {
    const { page, record } = await openPage(shared.browser.context, `${shared.server.url}?lang=${lang}`);
    await waitForApp(page);
    await page.focus('[data-testid=a11y-link]');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`accessibility\\.html#${lang}$`));
    const section = page.locator(`section#${lang}`);
    assert.equal(await section.getAttribute('lang'), lang);
    assert.match(await section.textContent(), report);
    // Plain HTML: nothing but the page itself is loaded, and the way back keeps the language.
    await section.getByRole('link', { name: back }).click();
    await waitForApp(page);
    assert.equal(new URL(page.url()).searchParams.get('lang'), lang);
    assert.deepEqual(record.pageErrors, []);
    await page.close();
  }
});

test('after one visit the accessibility statement opens with no network at all', async () => {
  await withBrowser(DESKTOP, async (context) => {
    const { page } = await openPage(context, `${shared.server.url}?lang=en`);
    await waitForApp(page);
    await waitUntilCached(page, 'accessibility.html');
    // Cached is not yet serving: the worker answers navigations once it is active (it then
    // takes control of this page).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.click('[data-testid=a11y-link]');
    await page.waitForURL(/accessibility\.html#en$/);
    assert.match(await page.textContent('section#en'), /Found a barrier\?/);
  });
});

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation of any impact, ${colorScheme} theme, in the main states`, async () => {
    await withBrowser({ ...DESKTOP, colorScheme }, async (context) => {
      const { page } = await openPage(context, `${shared.server.url}?lang=en`);
      await waitForApp(page);
      const axe = axeSource();
      const check = async (state) => {
        // Injected through the DevTools protocol, which the page's CSP does not govern.
        await page.evaluate(axe);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], iframes: false }));
        assert.deepEqual(result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      };
      await check('start');
      await tick(page, 'input[name=discipline][value=music]');
      await unfold(page, 'open');
      await check('filters unfolded and ticked');
      await page.click('.result-list [data-space-id]');
      await page.locator('[data-testid=detail-panel]').waitFor();
      // Leaflet fades popups in; judge contrast once the fade is over.
      await page.waitForFunction(() => [...document.querySelectorAll('.leaflet-popup')].every((p) => getComputedStyle(p).opacity === '1'));
      await check('details open');
      await page.keyboard.press('Escape');
      await page.click('[data-testid=embed-open]');
      await page.waitForURL(/embed\.html\?/);
      await page.locator('[data-testid=embed-preview] iframe').waitFor();
      await check('embed page');
      await page.goBack();
      await waitForApp(page);
      await page.click('[data-testid=a11y-link]');
      await page.waitForURL(/accessibility\.html#en$/);
      await check('accessibility statement');
    });
  });
}

/** The marker targets on screen as boxes, and the pairs that overlap (or are under 24 px). */
const targetProblems = (page) => page.evaluate(() => {
  const boxes = [...document.querySelectorAll('.leaflet-marker-icon')].map((e) => ({
    name: e.getAttribute('aria-label'),
    r: e.getBoundingClientRect(),
  }));
  const problems = [];
  for (const [i, a] of boxes.entries()) {
    if (a.r.width < 24 || a.r.height < 24) problems.push(`${a.name}: ${a.r.width}×${a.r.height}`);
    for (const b of boxes.slice(i + 1)) {
      const gapX = Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right);
      const gapY = Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom);
      if (gapX < 0 && gapY < 0) problems.push(`${a.name} overlaps ${b.name}`);
    }
  }
  return { count: boxes.length, problems };
});

test('phone: marker and group targets are 24 px or more and never overlap, at every zoom', async () => {
  await withBrowser(PHONE, async (context) => {
    for (const view of [WHOLE_REGION, 'lat=21.03&lon=105.85&z=12', 'lat=21.03&lon=105.85&z=14', 'lat=21.0285&lon=105.852&z=16', 'lat=21.0253&lon=105.8545&z=19']) {
      const { page } = await openPage(context, `${shared.server.url}?lang=en&${view}`);
      await waitForApp(page);
      const { count, problems } = await targetProblems(page);
      assert.ok(count > 0, `${view}: markers drawn`);
      assert.deepEqual(problems, [], view);
      await page.close();
    }
  });
});

/**
 * Visible elements of the header and of `panel` (the side panel, or what lies over it) that stick
 * out of the window sideways, or that overlap.
 */
const reflowProblems = (page, panel = '.side-panel') => page.evaluate((panel) => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) problems.push(`page scrolls sideways to ${document.documentElement.scrollWidth}`);
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    // checkVisibility: also false inside a folded <details>, whose content keeps stale boxes.
    return r.width > 0 && r.height > 0 && e.checkVisibility({ visibilityProperty: true }) && !e.closest('.visually-hidden');
  };
  const inPanel = (tags) => tags.map((tag) => `${panel} ${tag}`).join(', ');
  const controls = [...document.querySelectorAll(`.app-header *, ${inPanel(['button', 'summary', 'label', 'input', 'p', 'h2'])}`)].filter(shown);
  for (const e of controls) {
    const r = e.getBoundingClientRect();
    if (r.left < -1 || r.right > width + 1) problems.push(`${e.tagName} "${e.textContent.trim().slice(0, 30)}" spans ${Math.round(r.left)}–${Math.round(r.right)}`);
  }
  const buttons = [...document.querySelectorAll(`.app-header button, ${inPanel(['button', 'summary'])}`)].filter(shown);
  for (const [i, a] of buttons.entries()) {
    for (const b of buttons.slice(i + 1)) {
      if (a.contains(b) || b.contains(a)) continue;
      const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
      if (Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 1 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 1) {
        problems.push(`"${a.textContent.trim().slice(0, 20)}" overlaps "${b.textContent.trim().slice(0, 20)}"`);
      }
    }
  }
  return problems;
}, panel);

for (const colorScheme of ['light', 'dark']) {
  test(`reflow: 320 px wide at 200% text, ${colorScheme} theme: nothing cut off or overlapping`, async () => {
    await withBrowser({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, colorScheme }, async (context) => {
      const { page } = await openPage(context, `${shared.server.url}?lang=vi`);
      await waitForApp(page);
      // The browser's text size at 200% (an inline style set through the CSSOM, which the CSP allows).
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      assert.deepEqual(await reflowProblems(page), [], 'closed sheet');
      await page.click('.panel-toggle');
      await tick(page, 'input[name=discipline][value=music]');
      assert.deepEqual(await reflowProblems(page), [], 'sheet with a group unfolded');
      await page.click('.result-list [data-space-id]');
      await page.locator('[data-testid=detail-panel]').waitFor();
      assert.deepEqual(await reflowProblems(page, '[data-testid=detail-panel]'), [], 'details open');
    });
  });
}
