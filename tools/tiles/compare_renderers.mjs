// Compares the two maintained-enough Leaflet renderers of vector tiles on Hanoi's own tiles, in
// headless Chromium: protomaps-leaflet (what the map uses, with our styles) and
// leaflet.vectorgrid (with equivalent fills and lines; it draws no text at all). For each,
// the time from adding the layer to Leaflet's `load` (every visible tile drawn) at a few
// views, median of RUNS fresh pages, and the script's size, written into BENCHMARKS.md. Not part
// of `make test` or `make bench`:
//
//   npm install --no-save leaflet.vectorgrid@1.3.0 && make dist
//   node tools/tiles/compare_renderers.mjs [runs]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { writeSection } from '../../tests/bench/markdown.mjs';
import { serve } from '../../tests/e2e/support/server.mjs';
import { launch } from '../../tests/e2e/support/browser.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const VIEWS = [['old quarter, z13', 21.0285, 105.848, 13], ['old quarter, z16', 21.0335, 105.851, 16], ['Long Biên, z15', 21.04, 105.89, 15]];
const SCRIPTS = {
  protomaps: ['node_modules/protomaps-leaflet/dist/protomaps-leaflet.js', 'public/vector-tiles.js'],
  vectorgrid: ['node_modules/leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.min.js'],
};

const page = (renderer) => `<!doctype html><meta charset=utf-8>
<link rel=stylesheet href="node_modules/leaflet/dist/leaflet.css"><style>html,body,#map{margin:0;height:100%}</style>
<div id=map></div><script src="node_modules/leaflet/dist/leaflet.js"></script>
${SCRIPTS[renderer].map((s) => `<script src="${s}"></script>`).join('')}
<script src="compare.js"></script>`;

// The page's script: adds the renderer's layer at the view in the query, then records when
// Leaflet says every tile in view is drawn.
const SCRIPT = `
const q = new URLSearchParams(location.search);
const map = L.map('map', { maxZoom: 19, zoomAnimation: false }).setView([+q.get('lat'), +q.get('lon')], +q.get('z'));
fetch('data/config.json').then((r) => r.json()).then(({ tiles }) => {
  const v = tiles.vector;
  const areas = v.areas.map((a) => ({ bounds: [[a.bounds.min_lat, a.bounds.min_lon], [a.bounds.max_lat, a.bounds.max_lon]], maxZoom: a.max_zoom }));
  const t0 = performance.now();
  let layer;
  if (q.get('renderer') === 'protomaps') {
    layer = hcmVectorTiles.layer({ url: v.url, areas, attribution: '', onError() {} });
  } else {
    const line = (color, weight) => ({ color, weight, fill: false });
    const area = (color) => ({ fill: true, fillColor: color, fillOpacity: 1, stroke: false });
    layer = L.vectorGrid.protobuf(v.url, {
      rendererFactory: L.canvas.tile, maxNativeZoom: 14, interactive: false,
      vectorTileLayerStyles: {
        water: area('#aad3df'), park: area('#cfe3c1'), landcover: area('#cfe3c1'), landuse: area('#e9e4dc'),
        building: area('#dcd6cd'), waterway: line('#aad3df', 2), boundary: line('#a08cb4', 1),
        transportation: (p) => line(['primary', 'secondary', 'tertiary', 'trunk', 'motorway'].includes(p.class) ? '#fbe1b0' : '#ffffff', 2),
        transportation_name: [], place: [], poi: [], housenumber: [], water_name: [], aeroway: [], aerodrome_label: [], mountain_peak: [],
      },
    });
  }
  layer.addTo(map);
  // Drawn when every grid layer's tiles in view are loaded (some layers have none in view).
  const grids = layer.getLayers ? layer.getLayers() : [layer];
  const check = () => {
    const tiles = grids.flatMap((g) => Object.values(g._tiles));
    if (tiles.length > 0 && tiles.every((t) => t.loaded)) window.drawn = performance.now() - t0;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
});`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await serve('.', {
  overrides: {
    'protomaps.html': { body: page('protomaps') },
    'vectorgrid.html': { body: page('vectorgrid') },
    'compare.js': { body: SCRIPT },
  },
});
const browser = await launch({ viewport: { width: 1280, height: 800 } });
try {
  const rows = ['| renderer | script (raw / gzip) | view | layer added → all tiles drawn |', '|---|---:|---|---:|'];
  for (const renderer of Object.keys(SCRIPTS)) {
    const bytes = SCRIPTS[renderer].map((s) => readFileSync(s));
    const size = `${bytes.reduce((n, b) => n + b.length, 0).toLocaleString('en')} / ${bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0).toLocaleString('en')} B`;
    for (const [name, lat, lon, z] of VIEWS) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const tab = await browser.context.newPage();
        await tab.goto(`${server.url}${renderer}.html?renderer=${renderer}&lat=${lat}&lon=${lon}&z=${z}`);
        await tab.waitForFunction(() => window.drawn !== undefined, null, { timeout: 60_000 });
        times.push(await tab.evaluate(() => window.drawn));
        await tab.close();
      }
      rows.push(`| ${renderer} | ${size} | ${name} | ${median(times).toFixed(0)} ms |`);
    }
  }
  const chromium = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
  rows.unshift(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model.trim()}, ${chromium}, headless, median of ${RUNS} runs.`, '');
  writeSection('BENCHMARKS.md', 'renderers', rows.join('\n'));
  console.log(rows.join('\n'));
} finally {
  await browser.cleanup();
  await server.close();
}
