// Headless Debian Chromium driven by playwright-core, as the project's machines run it: no
// browser download, the flags the closed network needs, a fresh profile per launch.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Chromium's flags here: no sandbox in containers, no GPU, nothing fetched behind the tests' back. */
export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Hosts whose requests are expected and simply blocked: the background map tiles. */
export const TILE_HOSTS = ['tile.openstreetmap.org'];

/**
 * Starts Chromium with a fresh profile. `context.close()` ends it; `cleanup()` also removes
 * the profile.
 */
export async function launch({ viewport = { width: 1280, height: 800 }, locale = 'en-US', ...options } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'hcm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport,
    locale,
    ...options,
  });
  return {
    context,
    async cleanup() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records console errors, page errors, dialogs and every request that is not
 * to 127.0.0.1 (those are aborted: the tests run with no network, as a kiosk may).
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const record = { external: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === '127.0.0.1') return route.continue();
    record.external.push(target.href);
    return route.abort();
  });
  page.on('console', (message) => {
    // Aborted tile requests log "Failed to load resource"; they are expected offline.
    if (message.type() === 'error' && !message.text().includes('Failed to load resource')) {
      record.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  if (url) await page.goto(url);
  return { page, record };
}

/** Waits until the app has loaded its data: `ready`, or `error` for an unusable dataset. */
export async function waitForApp(page, state = 'ready') {
  await page.waitForSelector(`[data-load-state="${state}"]`);
}

/** The digits of the result count, as a number. */
export async function shownCount(page) {
  const text = await page.textContent('[data-testid=result-count]');
  return Number(text.replace(/\D+/g, ''));
}

/** External requests other than map tiles. */
export function unexpectedHosts(record) {
  return record.external.filter((url) => !TILE_HOSTS.includes(new URL(url).hostname));
}

/** Waits until the service worker is active and has `path` in its cache. */
export async function waitUntilCached(page, path) {
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

/** Unfolds the filter group `group` (its `data-group`) by its heading, as a person would, if folded. */
export async function unfold(scope, group) {
  const details = scope.locator(`details[data-group="${group}"]`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** Ticks the choice `selector` (a checkbox or radio button), unfolding its filter group first. */
export async function tick(scope, selector) {
  const input = scope.locator(selector);
  const group = await input.evaluate((e) => e.closest('details[data-group]')?.dataset.group);
  if (group) await unfold(scope, group);
  await input.check();
}
