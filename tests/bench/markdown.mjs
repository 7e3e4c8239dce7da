// Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in a Markdown file.
import { readFileSync, writeFileSync } from 'node:fs';

export function writeSection(file, name, body) {
  const text = readFileSync(file, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} section`);
  writeFileSync(file, text.slice(0, from + start.length) + '\n' + body + '\n' + text.slice(to));
}
