// The phone profile: the release bundle and the baseline page on Hanoi's own dataset, served
// gzip-compressed with ETags and ten minutes' freshness as a common static host does (and, for a
// repeat visit, with none, as a host that has every file revalidated does; for a first visit,
// Brotli-compressed as a host that serves precompressed files does), to
// headless Chromium with a phone's screen, its CPU throttled 4× and the network emulated at
// 150 ms round trip, 1.6 Mbit/s down, 0.75 Mbit/s up (DevTools protocol). Every other host
// fails at once (no tiles), as offline. Usage: node tests/bench/phone.mjs [runs]
// Returns its figures to run.mjs, which writes them into BENCHMARKS.md.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLAGS } from '../e2e/support/browser.mjs';
import { serve } from '../e2e/support/server.mjs';

export const PHONE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 },
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' },
};

/** Every host but this machine fails at once, as with no network: the tiles fail. */
export const OFFLINE_HOSTS = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

// Records, inside the page, when the first marker appears and when the filters are usable.
const PROBE = ({ usable, notText }) => {
  window.__bench = { firstMarkers: null, usable: null };
  new MutationObserver((_, observer) => {
    const now = performance.now();
    if (window.__bench.firstMarkers === null && document.querySelector('.leaflet-marker-icon')) window.__bench.firstMarkers = now;
    const ready = document.querySelector(usable);
    if (window.__bench.usable === null && ready && ready.textContent !== notText) window.__bench.usable = now;
    if (window.__bench.firstMarkers !== null && window.__bench.usable !== null) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
};

export const PAGES = {
  map: {
    url: (servers) => `${servers.app.url}?lang=en`,
    // The filters are drawn with the count once the data is ready.
    probe: { usable: '[data-load-state=ready] input[name=discipline]', notText: null },
  },
  baseline: {
    url: (servers) => `${servers.root.url}tests/bench/baseline.html?data=/bench-data/spaces.geojson`,
    // The baseline's count leaves 0 once its page is built; its filter works from then.
    probe: { usable: '#count', notText: '0' },
  },
};

/**
 * Puts `page` on the phone profile: CPU and network, the network also for the service worker
 * that answers the page's requests (the page's own emulation does not cover the worker's
 * fetches), attached as it starts.
 */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  let id = 1_000_000;
  const toTarget = (sessionId, method, params = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: id++, method, params }) }).catch(() => undefined);
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
    if (targetInfo.type === 'service_worker') {
      await toTarget(sessionId, 'Network.enable');
      await toTarget(sessionId, 'Network.emulateNetworkConditions', PHONE.network);
    }
    if (waitingForDebugger) await toTarget(sessionId, 'Runtime.runIfWaitingForDebugger');
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
}

/**
 * Opens `url` in a new tab of `context` on the phone profile (unless not `throttled`) and returns
 * the times from navigation start to the first text or image painted, to the first markers and
 * to the filters usable, and what was downloaded.
 */
export async function visit(context, spec, url, { throttled = true } = {}) {
  const page = await context.newPage();
  if (throttled) await throttle(context, page);
  await page.addInitScript(PROBE, spec.probe);
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => window.__bench?.firstMarkers !== null && window.__bench?.usable !== null, null, { timeout: 120_000, polling: 100 });
  const result = await page.evaluate(() => {
    const { firstMarkers, usable } = window.__bench;
    // What came over the network (not from a cache) before the first marker, file by file.
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const files = entries
      .filter((e) => e.responseEnd <= firstMarkers && e.transferSize > 0)
      .map((e) => ({ file: new URL(e.name).pathname.replace(/^\/(tests\/bench\/)?/, '') || 'index.html', bytes: e.transferSize }));
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null;
    return { firstMarkers, usable, fcp, files };
  });
  // Let the page settle: the HTTP cache's writes, and the service worker's install (caching
  // the page, the app and the data) if the page registered one.
  await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 1000));
    if (await navigator.serviceWorker?.getRegistration()) await navigator.serviceWorker.ready;
  });
  await page.close();
  return result;
}

export const median = (values) => {
  const sorted = [...values].filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
};

/** Runs the phone profile `runs` times and returns medians by page and visit, and the bytes. */
export async function phoneBench(dist, runs) {
  const dataset = readFileSync(join(dist, 'data/spaces.geojson'));
  const overrides = { 'bench-data/spaces.geojson': { body: dataset } };
  const servers = { root: await serve('.', { host: true, overrides }) };
  const brotliServers = { root: await serve('.', { host: 'brotli', overrides }) };
  const revalidatingServers = { root: await serve('.', { host: true, maxAge: 0, overrides }) };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...FLAGS, OFFLINE_HOSTS] });
  const times = {};
  const bytes = {};
  const record = (key, result) => {
    (times[key] ??= []).push(result);
  };
  try {
    // The Brotli host compresses what has no precompressed copy (the baseline's files, the
    // data) once, taking seconds at quality 11: not in a measured visit.
    brotliServers.app = await serve(dist, { host: 'brotli' });
    for (const spec of Object.values(PAGES)) {
      const context = await browser.newContext(PHONE.context);
      await visit(context, spec, spec.url(brotliServers), { throttled: false });
      await context.close();
    }
    await brotliServers.app.close();
    for (let i = 0; i < runs; i++) {
      for (const [name, spec] of Object.entries(PAGES)) {
        // A fresh host each run: a new origin, so nothing is left from the run before.
        servers.app = await serve(dist, { host: true });
        const context = await browser.newContext(PHONE.context);
        const url = spec.url(servers);
        const first = await visit(context, spec, url);
        record(`${name}/first`, first);
        bytes[name] ??= first.files;
        record(`${name}/repeat`, await visit(context, spec, url));
        await context.close();
        await servers.app.close();
        // The same from a host that asks for every file to be revalidated (Netlify's
        // `max-age=0, must-revalidate`): nothing cached is fresh, so a repeat visit asks the host
        // for the page and the data (the map) or every file (the baseline).
        revalidatingServers.app = await serve(dist, { host: true, maxAge: 0 });
        const revalidating = await browser.newContext(PHONE.context);
        const revalidatingUrl = spec.url(revalidatingServers);
        record(`${name}/first`, await visit(revalidating, spec, revalidatingUrl));
        record(`${name}/revalidated`, await visit(revalidating, spec, revalidatingUrl));
        if (name === 'map') {
          // The same repeat visit, over a network that accepts connections and never answers.
          revalidatingServers.app.hang();
          record('map/hung', await visit(revalidating, spec, revalidatingUrl));
        }
        await revalidating.close();
        await revalidatingServers.app.close();
        // A first visit again, from a host that serves Brotli.
        brotliServers.app = await serve(dist, { host: 'brotli' });
        const fresh = await browser.newContext(PHONE.context);
        record(`${name}/first-brotli`, await visit(fresh, spec, spec.url(brotliServers)));
        await fresh.close();
        await brotliServers.app.close();
        process.stderr.write('.');
      }
    }
  } finally {
    await browser.close();
    await servers.root.close();
    await brotliServers.root.close();
    await revalidatingServers.root.close();
  }
  const result = {};
  for (const [key, list] of Object.entries(times)) {
    result[key] = Object.fromEntries(['fcp', 'firstMarkers', 'usable'].map((measure) => [measure, median(list.map((r) => r[measure]))]));
  }
  return { times: result, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await phoneBench(process.env.DIST_DIR ?? 'dist', Number(process.argv[2] ?? 3));
  console.log(JSON.stringify(results, null, 1));
}
