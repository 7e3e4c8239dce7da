// Browser benchmarks: the release bundle and the baseline page on the same synthetic datasets,
// in one run, in headless Chromium; then the phone profile and Lighthouse on Hanoi's dataset
// (phone.mjs, lighthouse.mjs). Median of RUNS runs per measure. Writes the results tables into
// BENCHMARKS.md between their markers. Usage: node tests/bench/run.mjs [runs]; BENCH=phone,…
// runs only some of desktop, phone, lighthouse.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { writeSection } from './markdown.mjs';
import { timeUntilChange } from './timing.mjs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';
import { phoneBench } from './phone.mjs';
import { medianAudit } from './lighthouse.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const SIZES = [1_000, 10_000, 100_000];
const DIST = process.env.DIST_DIR ?? 'dist';
const PARTS = (process.env.BENCH ?? 'desktop,phone,lighthouse').split(',');
/** Lighthouse audits per page (each takes some 20 s). */
const AUDITS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
/** The offline background Lighthouse sees drawn: Hanoi's own, or the project's reference one. */
const BASEMAP = process.env.BASEMAP ?? [join(DIST, 'data/basemap.geojson'), '/work/shared/reference/basemap/hanoi.geojson'].find(existsSync);
const work = mkdtempSync(join(tmpdir(), 'hcm-bench-'));

// Records, inside the page, when the first marker or cluster appears and every long task.
const PROBE = () => {
  window.__bench = { firstMarkers: null, searchReady: null, longTasks: [] };
  new MutationObserver((_, observer) => {
    if (document.querySelector('.leaflet-marker-icon')) {
      window.__bench.firstMarkers = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  // The map builds its search index after the first draw and says when it is complete.
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-search=ready]')) {
      window.__bench.searchReady = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-search'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

const PAGES = {
  map: {
    url: (servers, n) => `${servers.app[n].url}?lang=en`,
    ready: '[data-load-state=ready] .leaflet-marker-icon',
    searchReady: '[data-search=ready]',
    filter: "document.querySelector('input[name=discipline][value=music]').click()",
    count: '[data-testid=result-count]',
    keystroke: "const q = document.querySelector('input[name=q]'); q.value = 'h'; q.dispatchEvent(new Event('input', { bubbles: true }))",
    list: '.result-list',
  },
  baseline: {
    url: (servers, n) => `${servers.root.url}tests/bench/baseline.html?data=/bench-data/spaces-${n}.geojson`,
    ready: '.leaflet-marker-icon',
    filter: "document.getElementById('music').click()",
    count: '#count',
    keystroke: "const q = document.getElementById('q'); q.value = 'h'; q.dispatchEvent(new Event('input'))",
    list: '#list',
  },
};

async function measure(context, page, spec, url) {
  const tab = await context.newPage();
  await tab.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await tab.addInitScript(PROBE);
  await tab.goto(url);
  await tab.waitForSelector(spec.ready, { timeout: 120_000 });
  // Let chunked loading and any indexing settle before interacting; the map's search index
  // is timed on its own as (5). The baseline's search works as soon as its page is built.
  if (spec.searchReady) await tab.waitForSelector(spec.searchReady, { timeout: 120_000 });
  await tab.waitForTimeout(500);
  const firstMarkers = await tab.evaluate(() => window.__bench.firstMarkers);
  const searchReady = (await tab.evaluate(() => window.__bench.searchReady)) ?? firstMarkers;
  const filter = await timeUntilChange(tab, spec.filter, spec.count);
  await tab.evaluate(spec.filter); // untick again
  await tab.waitForTimeout(200);
  const keystroke = await timeUntilChange(tab, spec.keystroke, spec.list);
  const longest = await tab.evaluate(() => {
    const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint')?.startTime ?? 0;
    return Math.max(0, ...window.__bench.longTasks.filter(([start]) => start >= paint).map(([, d]) => d));
  });
  await tab.close();
  return { firstMarkers, filter, keystroke, longest, searchReady };
}

const f = (ms) => (ms === null ? 'never' : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const ratio = (a, b) => (a !== null && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function desktop() {
  for (const n of SIZES) {
    writeFileSync(join(work, `spaces-${n}.geojson`), execFileSync('target/release/gen-dataset', [String(n)], { maxBuffer: 1 << 30 }));
  }
  const servers = { app: {} };
  for (const n of SIZES) {
    servers.app[n] = await serve(DIST, { overrides: { 'data/spaces.geojson': { body: readFileSync(join(work, `spaces-${n}.geojson`)) } } });
  }
  const overrides = Object.fromEntries(SIZES.map((n) => [`bench-data/spaces-${n}.geojson`, { body: readFileSync(join(work, `spaces-${n}.geojson`)) }]));
  servers.root = await serve('.', { overrides });
  const browser = await launch({ viewport: { width: 1280, height: 800 } });
  const results = {};
  try {
    for (const n of SIZES) {
      for (const [name, spec] of Object.entries(PAGES)) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(await measure(browser.context, name, spec, spec.url(servers, n)));
          process.stderr.write('.');
        }
        results[`${name}/${n}`] = Object.fromEntries(['firstMarkers', 'filter', 'keystroke', 'longest', 'searchReady'].map((k) => [k, median(runs.map((r) => r[k]))]));
        console.error(`\n${name} ${n}:`, JSON.stringify(results[`${name}/${n}`]));
      }
    }
  } finally {
    await browser.cleanup();
    for (const server of [...Object.values(servers.app), servers.root]) await server.close();
    rmSync(work, { recursive: true, force: true });
  }
  writeTable(results);
  return results;
}

function writeTable(results) {
  const rows = [];
  const measures = [
    ['(1) navigation → first markers drawn', 'firstMarkers'],
    ['(2) filter click → map and count updated', 'filter'],
    ['(3) keystroke → list updated', 'keystroke'],
    ['(4) longest main-thread task after first paint', 'longest'],
    ['(5) navigation → search ready (the baseline: its page built)', 'searchReady'],
  ];
  for (const [label, key] of measures) {
    for (const n of SIZES) {
      const ours = results[`map/${n}`][key];
      const base = results[`baseline/${n}`][key];
      rows.push(`| ${label} | ${n.toLocaleString('en')} | ${f(ours)} | ${f(base)} | ${ratio(ours, base)} |`);
    }
  }
  const table = [
    `${measured()}, median of ${RUNS} runs.`,
    '',
    '| measure | spaces | this map | baseline | ratio |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  writeSection('BENCHMARKS.md', 'browser-results', table);
  console.log(table);
}

/** When, where and with what the figures were measured. */
function measured() {
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ${chromium}, headless`;
}

async function phone() {
  const { times, bytes } = await phoneBench(DIST, RUNS);
  found.phone = times;
  console.error('\nphone:', JSON.stringify(times));
  const rows = [];
  for (const [visit, label] of [['first', 'first visit'], ['repeat', 'repeat visit'], ['revalidated', 'repeat visit, host asking to revalidate (max-age=0)'], ['hung', 'repeat visit, host asking to revalidate, network never answers'], ['first-brotli', 'first visit, host serving Brotli']]) {
    for (const [key, measure] of [['fcp', 'navigation → first text painted (the map: its title)'], ['firstMarkers', 'navigation → first markers'], ['usable', 'navigation → filters usable']]) {
      const ours = times[`map/${visit}`][key];
      const base = times[`baseline/${visit}`]?.[key] ?? null;
      rows.push(`| ${label} | ${measure} | ${f(ours)} | ${f(base)} | ${ratio(ours, base)} |`);
    }
  }
  writeSection('BENCHMARKS.md', 'phone-results', [
    `${measured()}, CPU 4× slower, 150 ms round trip, 1.6 Mbit/s down, 0.75 Mbit/s up, median of ${RUNS} runs.`,
    '',
    '| visit | measure | this map | baseline | ratio |',
    '|---|---|---:|---:|---:|',
    ...rows,
  ].join('\n'));
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const list = (files) => files.map((x) => `${x.file} ${kb(x.bytes)}`).join(', ');
  const total = (files) => kb(files.reduce((sum, x) => sum + x.bytes, 0));
  writeSection('BENCHMARKS.md', 'first-visit-bytes', [
    '| page | bytes over the network before the first marker (gzip, with headers) | total |',
    '|---|---|---:|',
    `| this map | ${list(bytes.map)} | ${total(bytes.map)} |`,
    `| baseline | ${list(bytes.baseline)} | ${total(bytes.baseline)} |`,
  ].join('\n'));
}

async function lighthouse() {
  const dataset = readFileSync(join(DIST, 'data/spaces.geojson'));
  const { basemap: hanoiBasemap, ...hanoi } = JSON.parse(readFileSync(join(DIST, 'data/config.json'), 'utf8'));
  // Raster tiles from another host, which fails here as it does offline.
  const failing = { ...hanoi, tiles: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: hanoi.tiles?.attribution ?? '' } };
  const config = (body) => ({ 'data/config.json': { body: JSON.stringify(body) } });
  const servers = {
    // Hanoi as published: its own vector tiles load from the bundle.
    hanoi: await serve(DIST, { host: true }),
    // Tiles failing without an offline background: what a city without one gets offline.
    app: await serve(DIST, { host: true, overrides: config(failing) }),
    root: await serve('.', { host: true, overrides: { 'bench-data/spaces.geojson': { body: dataset } } }),
  };
  if (BASEMAP) {
    const basemap = hanoiBasemap ?? { url: 'data/basemap.geojson', attribution: '© OpenStreetMap contributors, ODbL 1.0' };
    servers.background = await serve(DIST, {
      host: true,
      overrides: { ...config({ ...failing, basemap }), [basemap.url]: { body: readFileSync(BASEMAP) } },
    });
  }
  const pages = [
    ['this map (Hanoi\'s vector tiles)', `${servers.hanoi.url}?lang=en`],
    ['this map (tiles failing, no background)', `${servers.app.url}?lang=en`],
    ...(BASEMAP ? [['this map (tiles failing, offline background drawn)', `${servers.background.url}?lang=en`]] : []),
    ['baseline (tiles failing)', `${servers.root.url}tests/bench/baseline.html?data=/bench-data/spaces.geojson`],
  ];
  const rows = [];
  found.lighthouse = {};
  try {
    for (const [label, url] of pages) {
      const r = await medianAudit(url, AUDITS);
      found.lighthouse[label] = r;
      console.error(`\n${label}:`, JSON.stringify(r));
      rows.push(`| ${label} | ${r.performance} | ${r.accessibility} | ${f(r.tbt)} | ${f(r.lcp)} | ${f(r.fcp)} | ${f(r.bootup)} | ${(r.bytes / 1024).toFixed(0)} KiB |`);
    }
  } finally {
    for (const server of Object.values(servers)) await server.close();
  }
  writeSection('BENCHMARKS.md', 'lighthouse-results', [
    `${measured()}; Lighthouse ${lighthouseVersion()} mobile defaults (simulated), median of ${AUDITS} audits${BASEMAP ? '' : '; no offline background found to draw (set BASEMAP)'}.`,
    '',
    '| page | performance | accessibility | total blocking time | largest contentful paint | first contentful paint | JavaScript execution | bytes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n'));
}

function lighthouseVersion() {
  return JSON.parse(readFileSync('tests/bench/tools/node_modules/lighthouse/package.json', 'utf8')).version;
}

/**
 * Issue 13's goals against the figures just measured: one line per goal whose part ran,
 * printed, and written into BENCHMARKS.md when every part ran.
 */
function goals() {
  const met = (ok) => (ok ? '**met**' : '**not met**');
  const lines = [];
  if (found.desktop) {
    const r = (n, key) => found.desktop[`map/${n}`][key] / found.desktop[`baseline/${n}`][key];
    const at = [1_000, 10_000, 100_000].map((n) => r(n, 'firstMarkers'));
    lines.push(`| (1) first markers ≤ 1.0× the baseline at 1k and 10k, ≤ 0.5× at 100k | ${met(at[0] <= 1 && at[1] <= 1 && at[2] <= 0.5)} (${at.map((x) => `${x.toFixed(2)}×`).join(', ')}) |`);
    const longest = found.desktop['map/100000'].longest;
    lines.push(`| (2) no main-thread task over 200 ms after first paint at 100k | ${met(longest <= 200)} (${f(longest)}) |`);
  }
  if (found.phone) {
    const p = found.phone;
    const first = p['map/first'].firstMarkers / p['baseline/first'].firstMarkers;
    const repeat = p['map/repeat'].firstMarkers / p['baseline/repeat'].firstMarkers;
    lines.push(`| (3) phone, first visit ≤ 1.5× the baseline | ${met(first <= 1.5)} (${first.toFixed(2)}× first markers) |`);
    const brotli = p['map/first-brotli'].firstMarkers / p['baseline/first-brotli'].firstMarkers;
    lines.push(`| (3) phone, first visit ≤ 1.5× the baseline, both from a host serving Brotli | ${met(brotli <= 1.5)} (${brotli.toFixed(2)}× first markers) |`);
    lines.push(`| (3) phone, repeat visit ≤ 1.0× the baseline | ${met(repeat <= 1)} (${repeat.toFixed(2)}× first markers) |`);
    const revalidated = p['map/revalidated'].firstMarkers / p['baseline/revalidated'].firstMarkers;
    lines.push(`| (3) phone, repeat visit ≤ 1.0× the baseline, both from a host asking to revalidate every file | ${met(revalidated <= 1)} (${revalidated.toFixed(2)}× first markers) |`);
    lines.push(`| (3) phone, repeat visit over a network that never answers: the map from the cache within 3 s | ${met(p['map/hung'].firstMarkers <= 3000)} (${f(p['map/hung'].firstMarkers)}) |`);
  }
  if (found.lighthouse) {
    for (const [label, r] of Object.entries(found.lighthouse).filter(([label]) => label.startsWith('this map'))) {
      const ok = r.performance >= 90 && r.accessibility === 100 && r.tbt <= 200 && r.lcp <= 2500;
      lines.push(`| (6) Lighthouse, ${label.replace('this map ', '')}: performance ≥ 90, accessibility 100, TBT ≤ 200 ms, LCP ≤ 2.5 s | ${met(ok)} (${r.performance}, ${r.accessibility}, ${f(r.tbt)}, ${f(r.lcp)}) |`);
    }
  }
  const table = ['| goal (issue 13) | status, as measured |', '|---|---|', ...lines].join('\n');
  console.log(table);
  if (found.desktop && found.phone && found.lighthouse) writeSection('BENCHMARKS.md', 'start-up-goals', table);
}

const found = {};
if (PARTS.includes('desktop')) found.desktop = await desktop();
if (PARTS.includes('phone')) await phone();
if (PARTS.includes('lighthouse')) await lighthouse();
goals();
