// A static file server for the tests: 127.0.0.1 only, on a port the OS picks, optionally
// under a path prefix (to prove the bundle works under any sub-path). The test stops it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1.
 * @param {string} root directory to serve
 * @param {{prefix?: string, overrides?: Record<string, {status?: number, body: string|Buffer, type?: string}>,
 *   tiles?: Buffer}} options
 *   `prefix` such as '/portal/creative-map/'; `overrides` maps a path below the prefix
 *   (e.g. 'data/spaces.geojson') to a canned answer, to serve a bad dataset without a rebuild;
 *   `tiles` is an image answered for every `tiles/…` path, as a city hosting its own tiles.
 * @returns {Promise<{url: string, origin: string, close: () => Promise<void>}>}
 */
export async function serve(root, { prefix = '/', overrides = {}, tiles } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let relative = path.slice(prefix.length);
    if (relative in overrides) {
      const { status = 200, body, type = TYPES[extname(relative)] ?? 'application/octet-stream' } = overrides[relative];
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    if (tiles && relative.startsWith('tiles/')) {
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(tiles);
      return;
    }
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
