// Leaves out of the city's vector tiles what the map's style never draws where a tile is shown:
// layers it has no rule for (points of interest, house numbers), and features below the zoom its
// rule starts at (minor streets in the tiles of the opening view, buildings before zoom 15).
// A phone decodes every feature of a tile before drawing any, so this is decoding time and bytes
// saved on every visit, and bytes on a kiosk that caches the whole area.
//
// The style is the map's own (`public/vector-tiles.js`, evaluated here with its rules and
// filters), so the two cannot disagree. A data tile at zoom z is shown at display zoom z + 1
// (protomaps' level difference), and at every zoom beyond where it is its area's deepest
// (`max_zoom` in data/config.json: over-zoomed), so what any of those zooms draws is kept.
// Kept features are copied unchanged (id, type, geometry); a layer's keys and values are
// narrowed to those its kept features use. Running it again changes nothing.
//
// Usage: node tools/tiles/trim_tiles.mjs [tiles folder, default data/tiles] (after
// prepare_tiles.py; it updates the folder's tiles.json: its byte count and a note).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/** The map's style: its rules and protomaps' level difference, from the script the map runs. */
export function mapStyle(script = new URL('../../public/vector-tiles.js', import.meta.url)) {
  // protomaps' symbolizers are only constructed here, never drawn.
  const protomapsL = new Proxy({}, { get: () => class Symbolizer {} });
  const window = { protomapsL };
  vm.runInNewContext(readFileSync(script, 'utf8'), { window });
  const { style, palettes, levelDiff } = window.hcmVectorTiles;
  const { paintRules, labelRules } = style(palettes.light);
  return { rules: [...paintRules, ...labelRules], levelDiff };
}

/** Whether some rule draws `props` of `layer` at a display zoom in `[from, to]`. */
export function drawn(rules, layer, props, from, to) {
  return rules.some((rule) => rule.dataLayer === layer
    && (rule.minzoom ?? 0) <= to && (rule.maxzoom ?? Infinity) >= from
    && (!rule.filter || rule.filter(to, { props })));
}

// Protocol buffers, as far as Mapbox Vector Tiles need them.

function readVarint(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at.i++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
}

/** The fields of a message: `[field, wire type, value]`, a length-delimited value as bytes. */
function fields(bytes) {
  const at = { i: 0 };
  const out = [];
  while (at.i < bytes.length) {
    const key = readVarint(bytes, at);
    const [field, type] = [Math.floor(key / 8), key & 7];
    if (type === 0) out.push([field, type, readVarint(bytes, at)]);
    else if (type === 2) {
      const length = readVarint(bytes, at);
      out.push([field, type, bytes.subarray(at.i, at.i + length)]);
      at.i += length;
    } else if (type === 5 || type === 1) {
      const length = type === 5 ? 4 : 8;
      out.push([field, type, bytes.subarray(at.i, at.i + length)]);
      at.i += length;
    } else throw new Error(`wire type ${type} is not in a vector tile`);
  }
  return out;
}

function varint(value) {
  const out = [];
  while (value >= 0x80) {
    out.push((value % 128) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
  return Uint8Array.from(out);
}

/** A message made of `[field, wire type, value]` fields again. */
function message(parts) {
  return Buffer.concat(parts.flatMap(([field, type, value]) => {
    if (type === 0) return [varint(field * 8), varint(value)];
    if (type === 2) return [varint(field * 8 + 2), varint(value.length), value];
    return [varint(field * 8 + type), value];
  }));
}

function packed(bytes) {
  const at = { i: 0 };
  const out = [];
  while (at.i < bytes.length) out.push(readVarint(bytes, at));
  return out;
}

/** A vector tile value: string, number or boolean (Value message, fields 1–7). */
function value(bytes) {
  const [[field, , raw]] = fields(bytes);
  const view = () => new DataView(raw.buffer, raw.byteOffset, raw.length);
  switch (field) {
    case 1: return Buffer.from(raw).toString('utf8');
    case 2: return view().getFloat32(0, true);
    case 3: return view().getFloat64(0, true);
    case 6: return raw % 2 ? -(raw + 1) / 2 : raw / 2;
    case 7: return raw !== 0;
    // int64 stores a negative number as its 64-bit two's complement.
    case 4: return raw >= 2 ** 63 ? raw - 2 ** 64 : raw;
    default: return raw; // uint
  }
}

/**
 * The tile `bytes` without the features `keep(layer, props)` refuses; `null` when nothing is
 * left out (the file stays as it is).
 */
export function trimTile(bytes, keep) {
  let changed = false;
  const layers = [];
  for (const part of fields(bytes)) {
    if (part[0] !== 3) {
      layers.push(part);
      continue;
    }
    const layer = fields(part[2]);
    const name = Buffer.from(layer.find(([f]) => f === 1)[2]).toString('utf8');
    const keys = layer.filter(([f]) => f === 3).map(([, , k]) => Buffer.from(k).toString('utf8'));
    const rawValues = layer.filter(([f]) => f === 4).map(([, , v]) => v);
    const values = rawValues.map(value);
    const features = layer.filter(([f]) => f === 2).map(([, , feature]) => fields(feature));
    const tagsOf = (feature) => packed(feature.find(([f]) => f === 2)?.[2] ?? new Uint8Array());
    const kept = features.filter((feature) => {
      const tags = tagsOf(feature);
      const props = {};
      for (let i = 0; i < tags.length; i += 2) props[keys[tags[i]]] = values[tags[i + 1]];
      return keep(name, props);
    });
    if (kept.length === features.length) {
      layers.push(part);
      continue;
    }
    changed = true;
    if (kept.length === 0) continue;
    // The keys and values the kept features use, in their first order.
    const [keyIndex, valueIndex] = [new Map(), new Map()];
    const renumber = (index, old) => (index.has(old) ? index.get(old) : index.set(old, index.size).get(old));
    const renumbered = kept.map((feature) => {
      const tags = tagsOf(feature).map((old, i) => renumber(i % 2 ? valueIndex : keyIndex, old));
      return message(feature.map((f) => (f[0] === 2 ? [2, 2, Buffer.concat(tags.map(varint))] : f)));
    });
    const encoder = new TextEncoder();
    layers.push([3, 2, message([
      ...layer.filter(([f]) => f !== 2 && f !== 3 && f !== 4),
      ...renumbered.map((feature) => [2, 2, feature]),
      ...[...keyIndex.keys()].map((old) => [3, 2, encoder.encode(keys[old])]),
      ...[...valueIndex.keys()].map((old) => [4, 2, rawValues[old]]),
    ])]);
  }
  return changed ? message(layers) : null;
}

/** The tile columns and rows of `bounds` at `zoom` (as prepare_tiles.py counts them). */
function tileRange({ min_lat, max_lat, min_lon, max_lon }, zoom) {
  const n = 2 ** zoom;
  const column = (lon) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const row = (lat) => {
    const rad = (lat * Math.PI) / 180;
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)));
  };
  return { x: [column(min_lon), column(max_lon)], y: [row(max_lat), row(min_lat)] };
}

/** The display zooms `[from, to]` at which the map shows data tile `z/x/y` of `areas`. */
export function shownAt([z, x, y], areas, levelDiff) {
  const deepest = areas.some((area) => {
    const range = tileRange(area.bounds, z);
    return area.max_zoom === z && range.x[0] <= x && x <= range.x[1] && range.y[0] <= y && y <= range.y[1];
  });
  return [z + levelDiff, deepest ? Infinity : z + levelDiff];
}

/** The note tiles.json carries once its tiles are trimmed. */
export const TRIMMED = 'features that the map\'s style (public/vector-tiles.js) never draws where a tile is shown are left out (tools/tiles/trim_tiles.mjs)';

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] ?? 'data/tiles';
  const manifestPath = join(folder, 'tiles.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const { rules, levelDiff } = mapStyle();
  const byZoom = {};
  let total = 0;
  for (const tile of manifest.tiles) {
    const path = join(folder, `${tile}.pbf`);
    const bytes = readFileSync(path);
    const [from, to] = shownAt(tile.split('/').map(Number), manifest.areas, levelDiff);
    const trimmed = trimTile(bytes, (layer, props) => drawn(rules, layer, props, from, to));
    if (trimmed) writeFileSync(path, trimmed);
    const size = trimmed?.length ?? bytes.length;
    const zoom = (byZoom[tile.split('/')[0]] ??= [0, 0]);
    zoom[0] += bytes.length;
    zoom[1] += size;
    total += size;
  }
  manifest.bytes = total;
  manifest.trimmed = TRIMMED;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  for (const [zoom, [before, after]] of Object.entries(byZoom)) {
    console.log(`zoom ${zoom}: ${before.toLocaleString('en')} → ${after.toLocaleString('en')} bytes`);
  }
  console.log(`${manifest.tiles.length} tiles, ${total.toLocaleString('en')} bytes`);
}
