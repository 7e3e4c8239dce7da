// A/B of two or more builds of the app on the phone profile, in one browser, runs interleaved:
// how each change to start-up was measured for BENCHMARKS.md.
// Usage: node tests/bench/ab.mjs [runs] dirA dirB …   (each a built bundle, e.g. copies of dist/)
import { chromium } from 'playwright-core';
import { FLAGS } from '../e2e/support/browser.mjs';
import { serve } from '../e2e/support/server.mjs';
import { OFFLINE_HOSTS, PAGES, PHONE, median, visit } from './phone.mjs';

const [runs, ...dirs] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...FLAGS, OFFLINE_HOSTS] });
const results = Object.fromEntries(dirs.map((dir) => [dir, { first: [], repeat: [], paint: [], repeatPaint: [], usable: [], repeatUsable: [] }]));
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const dir of dirs) {
      const server = await serve(dir, { host: true });
      const context = await browser.newContext(PHONE.context);
      const url = `${server.url}?lang=en`;
      const first = await visit(context, PAGES.map, url);
      results[dir].first.push(first.firstMarkers);
      results[dir].paint.push(first.fcp);
      results[dir].usable.push(first.usable);
      const repeat = await visit(context, PAGES.map, url);
      results[dir].repeat.push(repeat.firstMarkers);
      results[dir].repeatPaint.push(repeat.fcp);
      results[dir].repeatUsable.push(repeat.usable);
      await context.close();
      await server.close();
      process.stderr.write('.');
    }
  }
} finally {
  await browser.close();
}
for (const [dir, { first, repeat, paint, repeatPaint, usable, repeatUsable }] of Object.entries(results)) {
  console.log(`${dir}: first visit ${median(first).toFixed(0)} ms, repeat ${median(repeat).toFixed(0)} ms (first markers, medians of ${runs}; first ${first.map(Math.round).join(' ')}); first paint ${median(paint).toFixed(0)} ms on a first visit, ${median(repeatPaint).toFixed(0)} ms on a repeat visit; filters usable ${median(usable).toFixed(0)} / ${median(repeatUsable).toFixed(0)} ms`);
}
