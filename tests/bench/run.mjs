// Browser benchmarks: the release bundle and the baseline page on the same synthetic datasets,
// in one run, in headless Chromium. Median of RUNS runs per measure. Writes the results table
// into BENCHMARKS.md between its markers. Usage: node tests/bench/run.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { writeSection } from './markdown.mjs';
import { timeUntilChange } from './timing.mjs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const SIZES = [1_000, 10_000, 100_000];
const DIST = process.env.DIST_DIR ?? 'dist';
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main() {
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
}

function writeTable(results) {
  const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) + '×' : '—');
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
      rows.push(`| ${label} | ${n.toLocaleString('en')} | ${f(ours)} ms | ${f(base)} ms | ${ratio(ours, base)} |`);
    }
  }
  const chromium = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ${chromium}, headless, median of ${RUNS} runs.`,
    '',
    '| measure | spaces | this map | baseline | ratio |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  writeSection('BENCHMARKS.md', 'browser-results', table);
  console.log(table);
}

await main();
