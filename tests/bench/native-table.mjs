// Turns `cargo bench --bench core` output into the native table of BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';

const output = readFileSync(process.argv[2], 'utf8');
const rows = [];
for (const match of output.matchAll(/core\/([^/\n]+)\/(\d+)\s+time:\s+\[[^\]]*?([\d.]+ \S+) ([\d.]+ \S+) ([\d.]+ \S+)\]/g)) {
  const [, name, n, , median] = match;
  rows.push(`| ${name} | ${Number(n).toLocaleString('en')} | ${median} |`);
}
const table = ['| operation | spaces | time (median estimate) |', '|---|---:|---:|', ...rows].join('\n');
const file = 'BENCHMARKS.md';
const text = readFileSync(file, 'utf8');
const start = '<!-- native-results:start -->';
const end = '<!-- native-results:end -->';
writeFileSync(file, text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)));
console.log(table);
