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
/** The features rustc enables for wasm32, as index.html tells Trunk's own wasm-opt run. */
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];

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
    ...FEATURES.map((feature) => `--enable-${feature}`),
    '--remove-exports',
    `--pass-arg=remove-exports@${UNUSED}`,
    '-Oz',
    wasm,
    '-o',
    wasm,
  ], { stdio: 'inherit' });
  console.log(`prune-wasm: exports ${UNUSED} removed from ${wasm}`);
}
