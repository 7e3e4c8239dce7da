// The editors' workbench on synthetic datasets, in headless Chromium: how long until the table
// and the map show every space, and how quickly a search or an edit answers. Median of RUNS
// runs. Writes its table into BENCHMARKS.md. Usage: node tests/bench/editor.mjs [runs]
import { execFileSync } from 'node:child_process';
import { writeSection } from './markdown.mjs';
import { timeUntilChange } from './timing.mjs';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const SIZES = [1_000, 10_000];
const DIST = process.env.DIST_DIR ?? 'dist';

// Records, inside the page, when the table's first rows and the map's last dot appear.
const PROBE = () => {
  window.__bench = { table: null, map: null };
  new MutationObserver((_, observer) => {
    if (!window.__bench.table && document.querySelector('[data-testid=editor-table] tbody tr')) {
      window.__bench.table = performance.now();
    }
    const map = document.querySelector('[data-testid=editor-map]');
    if (!window.__bench.map && map && Number(map.dataset.dots) === window.__expected) {
      window.__bench.map = performance.now();
    }
    if (window.__bench.table && window.__bench.map) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-dots'] });
};

async function measure(context, url, n) {
  const tab = await context.newPage();
  await tab.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  // Empty storage: nothing is restored from an earlier run.
  await tab.addInitScript(`localStorage.clear(); window.__expected = ${n};`);
  await tab.addInitScript(PROBE);
  await tab.goto(url);
  await tab.waitForFunction(() => window.__bench.table && window.__bench.map, null, { timeout: 120_000 });
  const { table, map } = await tab.evaluate(() => window.__bench);
  await tab.waitForTimeout(300);
  const search = await timeUntilChange(
    tab,
    "const q = document.querySelector('[data-testid=editor-search]'); q.value = 'space-12'; q.dispatchEvent(new Event('input', { bubbles: true }))",
    '[data-testid=editor-count]',
  );
  await tab.click('[data-testid=editor-table] tbody tr');
  await tab.waitForSelector('[data-testid=editor-form] input[name=website]');
  const edit = await timeUntilChange(
    tab,
    "const w = document.querySelector('[data-testid=editor-form] input[name=website]'); w.value = 'ftp://x'; w.dispatchEvent(new Event('input', { bubbles: true }))",
    '[data-testid=editor-problems]',
  );
  await tab.close();
  return { table, map, search, edit };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;

async function main() {
  const browser = await launch({ viewport: { width: 1280, height: 800 } });
  const rows = [];
  try {
    for (const n of SIZES) {
      const body = execFileSync('target/release/gen-dataset', [String(n)], { maxBuffer: 1 << 30 });
      const server = await serve(DIST, { overrides: { 'data/spaces.geojson': { body } } });
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        runs.push(await measure(browser.context, `${server.url}edit.html?lang=en`, n));
      }
      await server.close();
      for (const [key, label] of [
        ['table', 'navigation → table drawn'],
        ['map', 'navigation → every space on the map'],
        ['search', 'keystroke in the table search → table updated'],
        ['edit', 'typing in a field → its problem listed'],
      ]) {
        rows.push(`| ${label} | ${n.toLocaleString('en')} | ${ms(median(runs.map((r) => r[key])))} |`);
      }
      console.log(`${n}: ${JSON.stringify(runs)}`);
    }
  } finally {
    await browser.cleanup();
  }
  const body = ['| measure | spaces | median |', '|---|---:|---:|', ...rows].join('\n');
  writeSection('BENCHMARKS.md', 'editor-results', body);
  console.log(body);
}

await main();
