// Expectations computed from the bundle's own data file, independently of the app's code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = process.env.DIST_DIR ?? 'dist';

/** The features of the bundled dataset. */
export function features() {
  return JSON.parse(readFileSync(join(DIST, 'data', 'spaces.geojson'), 'utf8')).features;
}

/**
 * How many spaces the map should show. Within a filter, choices widen (OR); across filters
 * they narrow (AND); closed spaces need the toggle.
 */
export function expectedCount({ disciplines = [], types = [], operators = [], showClosed = false } = {}) {
  return features().filter(({ properties: p }) =>
    (showClosed || p.status !== 'closed') &&
    (disciplines.length === 0 || p.disciplines.some((d) => disciplines.includes(d))) &&
    (types.length === 0 || types.includes(p.space_type)) &&
    (operators.length === 0 || operators.includes(p.operator))).length;
}
