// A/B of two or more builds by the main thread's CPU time (not the clock) from navigation to the
// first markers: on a shared, loaded machine the clock measures the neighbours too, a thread's
// CPU time much less. CPU at full speed, no network emulation; the
// work before the first marker is what start-up changes move.
// Usage: node tests/bench/ab-cpu.mjs [runs] dirA dirB …   (env QUERY: e.g. '&lang=vi')
import { chromium } from 'playwright-core';
import { FLAGS } from '../e2e/support/browser.mjs';
import { serve } from '../e2e/support/server.mjs';
import { OFFLINE_HOSTS, PHONE, median } from './phone.mjs';

const [runs, ...dirs] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...FLAGS, OFFLINE_HOSTS] });

/**
 * Main-thread CPU ms (the DevTools protocol's task durations in thread time) from navigation
 * to the first markers (as soon as the test sees them), and until the page has settled.
 */
async function cpu(url) {
  const context = await browser.newContext(PHONE.context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const taskTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const start = await taskTime();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('.leaflet-marker-icon', { timeout: 60_000 });
  const before = (await taskTime()) - start;
  await page.waitForTimeout(1500);
  const all = (await taskTime()) - start;
  await context.close();
  return { before, all };
}

const results = Object.fromEntries(dirs.map((dir) => [dir, []]));
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const dir of dirs) {
      const server = await serve(dir, { host: true });
      results[dir].push(await cpu(`${server.url}?lang=en${process.env.QUERY ?? ''}`));
      await server.close();
      process.stderr.write('.');
    }
  }
} finally {
  await browser.close();
}
for (const [dir, list] of Object.entries(results)) {
  console.log(`${dir}: main-thread CPU before the first markers ${median(list.map((r) => r.before)).toFixed(0)} ms, in all ${median(list.map((r) => r.all)).toFixed(0)} ms (medians of ${runs})`);
}
