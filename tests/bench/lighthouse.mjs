// Lighthouse's mobile audit (its defaults: a mid-range phone, simulated 4× CPU and a slow 4G
// network) of the release bundle and the baseline page, served as a static host does, with the
// tiles failing (every host but this machine fails at once). Lighthouse is installed for the
// benchmarks only (tests/bench/tools), not for `make test`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FLAGS } from '../e2e/support/browser.mjs';
import { OFFLINE_HOSTS } from './phone.mjs';

const LIGHTHOUSE = 'tests/bench/tools/node_modules/.bin/lighthouse';

/** The figures kept from one report. */
function figures(report) {
  const audit = (name) => report.audits[name].numericValue;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    tbt: audit('total-blocking-time'),
    lcp: audit('largest-contentful-paint'),
    fcp: audit('first-contentful-paint'),
    bytes: audit('total-byte-weight'),
    bootup: audit('bootup-time'),
  };
}

/** Audits `url` once (the server must keep answering meanwhile, so not synchronously). */
export async function audit(url) {
  const out = mkdtempSync(join(tmpdir(), 'hcm-lighthouse-'));
  try {
    const flags = [...FLAGS, '--headless=new', `"${OFFLINE_HOSTS}"`].join(' ');
    await promisify(execFile)(LIGHTHOUSE, [
      url, '--quiet', '--output=json', `--output-path=${join(out, 'report.json')}`,
      '--only-categories=performance,accessibility', `--chrome-flags=${flags}`,
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 1 << 26 });
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
    return figures(report);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The median of `runs` audits of `url`, figure by figure. */
export async function medianAudit(url, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    all.push(await audit(url));
    process.stderr.write('.');
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(Object.keys(all[0]).map((key) => [key, median(all.map((f) => f[key]))]));
}
