// Browser benchmark of the background map: the release bundle with its own vector tiles against
// the same bundle with raster tiles, both served from 127.0.0.1, on a desktop window and on a
// phone (390 × 844 at 3× pixels, CPU slowed 4× by Chromium's throttling). Median of RUNS fresh
// pages per measure; the service worker is blocked, so every tile comes from the server.
// Writes the table into BENCHMARKS.md between its markers. Usage: node tests/bench/tiles.mjs [runs]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeSection } from './markdown.mjs';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const DIST = process.env.DIST_DIR ?? 'dist';
const VIEW = '?lang=en&lat=21.0295&lon=105.852&z=15';
const PROFILES = {
  desktop: { viewport: { width: 1280, height: 800 }, throttle: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, throttle: 4 },
};

// Installed before the page's scripts: when the first marker appears and when every tile in
// view is first drawn, and every frame's time.
const PROBE = () => {
  window.__tiles = { firstMarkers: null, drawn: null, frames: [] };
  const check = () => {
    const now = performance.now();
    if (window.__tiles.firstMarkers === null && document.querySelector('.leaflet-marker-icon')) window.__tiles.firstMarkers = now;
    const tiles = [...document.querySelectorAll('.leaflet-tile-pane .leaflet-tile')];
    if (window.__tiles.drawn === null && tiles.length > 0 && tiles.every((t) => t.classList.contains('leaflet-tile-loaded'))) {
      window.__tiles.drawn = now;
    }
    window.__tiles.frames.push(now);
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

/** One raster tile as realistic as the bench can make it: a 256-px PNG of the vector map. */
async function rasterTile(context, url) {
  const page = await context.newPage();
  await page.goto(url + VIEW);
  await page.waitForFunction(() => [...document.querySelectorAll('.leaflet-tile-pane canvas')].some((t) => t.classList.contains('leaflet-tile-loaded')));
  await page.waitForTimeout(1000);
  const png = await page.screenshot({ clip: { x: 600, y: 300, width: 256, height: 256 } });
  await page.close();
  return png;
}

/** Loads the page, waits for the background, then drags the map and zooms in, as a person would. */
async function measure(context, url, throttle) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(PROBE);
  await page.goto(url + VIEW);
  await page.waitForFunction(() => window.__tiles.drawn !== null && window.__tiles.firstMarkers !== null, null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  const map = await page.locator('.map').boundingBox();
  const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
  const start = await page.evaluate(() => performance.now());
  // A 300-px drag in 20 steps, then a zoom in and out with the map's buttons.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(cx - i * 15, cy - i * 6);
  await page.mouse.up();
  await page.click('.leaflet-control-zoom-in');
  await page.waitForTimeout(800);
  await page.click('.leaflet-control-zoom-out');
  await page.waitForTimeout(800);
  const result = await page.evaluate((start) => {
    const frames = window.__tiles.frames.filter((t) => t >= start);
    const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
    return {
      firstMarkers: window.__tiles.firstMarkers,
      drawn: window.__tiles.drawn,
      frameMedian: gaps[Math.floor(gaps.length / 2)],
      frameP95: gaps[Math.floor(gaps.length * 0.95)],
      longestFrame: gaps[gaps.length - 1],
    };
  }, start);
  await page.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const config = JSON.parse(readFileSync(join(DIST, 'data/config.json'), 'utf8'));
  const vector = await serve(DIST);
  const setup = await launch();
  let raster;
  try {
    const png = await rasterTile(setup.context, vector.url);
    const rasterConfig = { ...config, tiles: { url: 'tiles/{z}/{x}/{y}.png', attribution: config.tiles.attribution, max_zoom: 19 } };
    raster = await serve(DIST, { overrides: { 'data/config.json': { body: JSON.stringify(rasterConfig) } }, tiles: png });
  } finally {
    await setup.cleanup();
  }
  const results = {};
  try {
    for (const [profile, { throttle, ...options }] of Object.entries(PROFILES)) {
      const browser = await launch({ ...options, serviceWorkers: 'block' });
      try {
        for (const [kind, server] of [['vector', vector], ['raster', raster]]) {
          const runs = [];
          for (let i = 0; i < RUNS; i++) {
            runs.push(await measure(browser.context, server.url, throttle));
            process.stderr.write('.');
          }
          results[`${profile}/${kind}`] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
          console.error(`\n${profile} ${kind}:`, JSON.stringify(results[`${profile}/${kind}`]));
        }
      } finally {
        await browser.cleanup();
      }
    }
  } finally {
    await vector.close();
    await raster.close();
  }
  writeTable(results);
}

function writeTable(results) {
  const f = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const measures = [
    ['navigation → first markers drawn', 'firstMarkers'],
    ['navigation → every background tile in view drawn', 'drawn'],
    ['drag and zoom: median frame time', 'frameMedian'],
    ['drag and zoom: 95th-percentile frame time', 'frameP95'],
    ['drag and zoom: longest frame', 'longestFrame'],
  ];
  const rows = [];
  for (const profile of Object.keys(PROFILES)) {
    for (const [label, key] of measures) {
      rows.push(`| ${profile} | ${label} | ${f(results[`${profile}/vector`][key])} ms | ${f(results[`${profile}/raster`][key])} ms |`);
    }
  }
  const chromium = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ${chromium}, headless, median of ${RUNS} runs; the old quarter at zoom 15.`,
    '',
    '| profile | measure | vector tiles (ours) | raster tiles |',
    '|---|---|---:|---:|',
    ...rows,
  ].join('\n');
  writeSection('BENCHMARKS.md', 'tiles-results', table);
  console.log(table);
}

await main();
