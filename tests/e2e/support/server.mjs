// A static file server for the tests: 127.0.0.1 only, on a port the OS picks, optionally
// under a path prefix (to prove the bundle works under any sub-path). The test stops it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
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

/** The types a static host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|geo\+json|manifest\+json)|image\/svg)/;

/**
 * Serves `root` on 127.0.0.1.
 * @param {string} root directory to serve
 * @param {{prefix?: string, overrides?: Record<string, {status?: number, body: string|Buffer, type?: string}>,
 *   tiles?: Buffer, host?: boolean}} options
 *   `prefix` such as '/portal/creative-map/'; `overrides` maps a path below the prefix
 *   (e.g. 'data/spaces.geojson') to a canned answer, to serve a bad dataset without a rebuild;
 *   `tiles` is an image answered for every `tiles/…` path, as a city hosting its own tiles;
 *   `host` answers as a common static host does (the benchmarks): gzip for text and wasm, an
 *   ETag, ten minutes of freshness (GitHub Pages' `max-age=600`) and 304 on revalidation.
 *   Otherwise nothing is compressed or cached.
 * @returns {Promise<{url: string, origin: string, requests: string[], hang: () => void, hung: string[],
 *   close: () => Promise<void>}>} `requests` lists the path and query of every request answered;
 *   `hang()` makes the server accept every later request and never answer it, as a network
 *   that is there but does not work (a captive portal, a saturated cell); `hung` lists their paths.
 */
export async function serve(root, { prefix = '/', overrides = {}, tiles, host = false } = {}) {
  const base = resolve(root);
  const [requests, hung] = [[], []];
  let hanging = false;
  const send = (request, response, status, type, body) => {
    if (!host || status !== 200) {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const headers = { 'content-type': type, 'cache-control': 'max-age=600', etag, vary: 'accept-encoding' };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
    } else if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
    } else {
      response.writeHead(200, headers).end(body);
    }
  };
  const server = createServer(async (request, response) => {
    if (hanging) {
      hung.push(new URL(request.url, 'http://x').pathname);
      return;
    }
    requests.push(request.url);
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    let relative = path.slice(prefix.length);
    if (relative in overrides) {
      const { status = 200, body, type = TYPES[extname(relative)] ?? 'application/octet-stream' } = overrides[relative];
      send(request, response, status, type, body);
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
      send(request, response, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    hung,
    hang() {
      hanging = true;
    },
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
