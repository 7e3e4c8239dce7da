// Trunk's post-build hook (Trunk.toml): gives the app's own files a build id in their URLs, so
// that the service worker can serve them from its cache at once and a new build is still never
// hidden behind the cache: a new build's page names new URLs.
//
// The id is a hash of every file of the build except the data (a dataset is published without a
// rebuild), the page itself and Brotli copies. The page's references to the app's files get
// `?v=<id>`, and boot.js passes its own query on to the wasm and its glue. Run again on a stamped
// build, it replaces the old id. Usage: node tools/stamp-build.mjs [dir] (default: $TRUNK_STAGING_DIR).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files the page names that change only with a build. */
const VERSIONED = [
  'boot.js',
  'boot-screen.js',
  'hanoi-creative-map.js',
  'hanoi-creative-map_bg.wasm',
  'style.css',
  'leaflet/leaflet.js',
  'leaflet/leaflet.css',
];

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  throw new Error('no build directory: pass one, or run as a Trunk hook');
}

/** Every file below `root`, relative, in a stable order. */
function files(root, under = root) {
  return readdirSync(under, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(root, join(under, entry.name)) : [relative(root, join(under, entry.name))]))
    .sort();
}

const hash = createHash('sha256');
// Brotli copies (tools/precompress.mjs, run after this) are the same files again.
for (const file of files(dir).filter((f) => f !== 'index.html' && !f.startsWith('data/') && !f.endsWith('.br'))) {
  hash.update(file).update('\0').update(readFileSync(join(dir, file)));
}
const id = hash.digest('hex').slice(0, 12);

const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
for (const file of VERSIONED) {
  const escaped = file.replace(/[.]/g, '\\.');
  // Quoted or not (the release build minifies the page), with `./` (`make dist`'s relative
  // public URL) or `/` (`make serve`'s) or neither, with or without an earlier id.
  const reference = new RegExp(`((?:src|href)=["']?(?:\\.?/)?)${escaped}(?:\\?v=[0-9a-f]+)?(?=["'\\s>])`, 'g');
  const before = html;
  html = html.replace(reference, `$1${file}?v=${id}`);
  if (html === before) {
    throw new Error(`index.html does not name ${file}`);
  }
}
writeFileSync(page, html);
console.log(`build ${id}: app files versioned in index.html`);
