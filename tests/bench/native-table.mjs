// Turns `cargo bench --bench core` output into the native table of BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { writeSection } from './markdown.mjs';

const output = readFileSync(process.argv[2], 'utf8');
const rows = [];
for (const match of output.matchAll(/core\/([^/\n]+)\/(\d+)\s+time:\s+\[[^\]]*?([\d.]+ \S+) ([\d.]+ \S+) ([\d.]+ \S+)\]/g)) {
  const [, name, n, , median] = match;
  rows.push(`| ${name} | ${Number(n).toLocaleString('en')} | ${median} |`);
}
const table = ['| operation | spaces | time (median estimate) |', '|---|---:|---:|', ...rows].join('\n');
writeSection('BENCHMARKS.md', 'native-results', table);
console.log(table);
