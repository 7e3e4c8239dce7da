// A static file server for the tests: 127.0.0.1 only, on a port the OS picks, optionally
// under a path prefix (to prove the bundle works under any sub-path). The test stops it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Brotli bodies by ETag, shared by every server: quality 11 takes seconds on a wasm. */
const brotliMade = new Map();

/** `body` at Brotli's highest quality, as a host with precompressed files serves it. */
function brotli(etag, body) {
  if (!brotliMade.has(etag)) {
    brotliMade.set(etag, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return brotliMade.get(etag);
}

/**
 * Serves `root` on 127.0.0.1.
 * @param {string} root directory to serve
 * @param {{prefix?: string, overrides?: Record<string, {status?: number, body: string|Buffer, type?: string}>,
 *   tiles?: Buffer, host?: boolean|'brotli', maxAge?: number}} options
 *   `prefix` such as '/portal/creative-map/'; `overrides` maps a path below the prefix
 *   (e.g. 'data/spaces.geojson') to a canned answer, to serve a bad dataset without a rebuild;
 *   `tiles` is an image answered for every `tiles/…` path, as a city hosting its own tiles;
 *   `host` answers as a common static host does (the benchmarks): gzip for text and wasm, an
 *   ETag, ten minutes of freshness (GitHub Pages' `max-age=600`) and 304 on revalidation;
 *   `host: 'brotli'` the same with Brotli for browsers that accept it: a file's precompressed
 *   copy (`file.br`, tools/precompress.mjs) when there is one, else compressed here; `maxAge`
 *   replaces its ten minutes (0: Netlify's `max-age=0, must-revalidate`).
 *   Otherwise nothing is compressed or cached.
 * @returns {Promise<{url: string, origin: string, requests: string[], hang: () => void, hung: string[],
 *   setMaxAge: (seconds: number) => void, close: () => Promise<void>}>} `requests` lists the path and query of every request answered;
 *   `hang()` makes the server accept every later request and never answer it, as a network
 *   that is there but does not work (a captive portal, a saturated cell); `hung` lists their paths;
 *   `setMaxAge` changes the freshness of later answers (with `host`).
 */
export async function serve(root, { prefix = '/', overrides = {}, tiles, host = false, maxAge = 600 } = {}) {
  const base = resolve(root);
  const [requests, hung] = [[], []];
  let hanging = false;
  const send = async (request, response, status, type, body, file = null) => {
    if (!host || status !== 200) {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const control = maxAge > 0 ? `max-age=${maxAge}` : 'max-age=0, must-revalidate';
    const headers = { 'content-type': type, 'cache-control': control, etag, vary: 'accept-encoding' };
    const accepts = (encoding) => new RegExp(`\\b${encoding}\\b`).test(request.headers['accept-encoding'] ?? '');
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
    } else if (COMPRESSIBLE.test(type) && host === 'brotli' && accepts('br')) {
      const packed = file ? await readFile(`${file}.br`).catch(() => null) : null;
      response.writeHead(200, { ...headers, 'content-encoding': 'br' }).end(packed ?? brotli(etag, body));
    } else if (COMPRESSIBLE.test(type) && accepts('gzip')) {
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
      await send(request, response, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), file);
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
    setMaxAge(seconds) {
      maxAge = seconds;
    },
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
