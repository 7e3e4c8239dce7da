// Trunk's post-build hook (Trunk.toml), release builds only: removes from the map's and the
// editors' workbench's wasm the exports nothing calls, then lets wasm-opt drop the code only they
// reached.
//
// They are wasm-streams' classes (IntoUnderlyingSource, IntoUnderlyingSink,
// IntoUnderlyingByteSource), linked in because Leptos turns on server_fn's `browser` feature,
// which streams server functions' bodies; a map rendered in the browser with no server has no
// server function. Exported from the wasm, they cannot be dropped by the linker or wasm-opt:
// 1.6 KB of each gzip bundle. Their glue stays in the JS files, never called.
// Usage: node tools/prune-wasm.mjs [dir] (default: $TRUNK_STAGING_DIR).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  throw new Error('no build directory: pass one, or run as a Trunk hook');
}
const UNUSED = '*intounderlying*';
/**
 * The wasm features wasm-opt must be told about: those index.html gives Trunk's own wasm-opt
 * run (`data-wasm-opt-params`), read from the source page so that there is one list.
 */
const FEATURES = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'index.html'), 'utf8')
  .match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean);
if (!FEATURES?.length) {
  throw new Error('index.html names no data-wasm-opt-params');
}

// A debug build is not optimised by Trunk either; the tests and the budget use release builds.
if (process.argv[2] === undefined && process.env.TRUNK_PROFILE !== 'release') {
  process.exit(0);
}
for (const name of ['hanoi-creative-map', 'hanoi-editor']) {
  const wasm = join(dir, `${name}_bg.wasm`);
  const glue = join(dir, `${name}.js`);
  if (!existsSync(wasm) || !readFileSync(glue, 'utf8').includes('IntoUnderlying')) {
    console.log(`prune-wasm: nothing to remove from ${name}`);
    continue;
  }
  execFileSync('wasm-opt', [
    ...FEATURES,
    '--remove-exports',
    `--pass-arg=remove-exports@${UNUSED}`,
    '-Oz',
    wasm,
    '-o',
    wasm,
  ], { stdio: 'inherit' });
  console.log(`prune-wasm: exports ${UNUSED} removed from ${wasm}`);
}
