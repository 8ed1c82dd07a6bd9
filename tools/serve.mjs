// A small static server for dist/ that sends the headers docs/embedding.md asks of a host (`make
// serve`; not shipped). Node only, no dependency. The browser tests' server (tests/browser/lib.mjs)
// takes its headers from `headersFor` here, so what the tests see is what the docs say.
//
//   node tools/serve.mjs DIR [--port 8080] [--host 127.0.0.1]
//
// The headers, per file (see docs/embedding.md, "Hosting"):
//   Access-Control-Allow-Origin: *      every file: the module script, the dynamic import of the
//                                       glue and the fetches of .wasm and .bin are CORS requests
//                                       when the host page is on another origin
//   Content-Type                        .wasm application/wasm (streaming compilation), .bin
//                                       application/octet-stream, .js text/javascript (module
//                                       scripts are refused with any other type), .css text/css
//   Cache-Control                       content-hashed names (name.1a2b3c4d.ext): a year, immutable;
//                                       everything else (the loader, the pages): no-cache, so the
//                                       browser asks again (an ETag makes that a 304)
//   Cross-Origin-Resource-Policy: cross-origin, X-Content-Type-Options: nosniff

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/** A content-hashed file name, as www/build-assets.mjs writes them: `name.<8 hex>.ext`. */
export const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The headers for a file of dist/ (a path relative to it, `/` separated); `cors: false` leaves out
 *  Access-Control-Allow-Origin (what a host that forgot it sends: the browser tests use it). */
export function headersFor(file, { cors = true } = {}) {
  const h = {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'cache-control': HASHED.test(file) ? IMMUTABLE : REVALIDATE,
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'cross-origin',
  };
  if (cors) h['access-control-allow-origin'] = '*';
  return h;
}

/** The file of `dir` a URL path names (a folder's index.html), or null outside `dir`. */
export function resolve(dir, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.join(dir, rel);
  if (file !== dir && !file.startsWith(dir + path.sep)) return null;
  try {
    return fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  } catch {
    return file;
  }
}

/** A request handler serving `dir` with headersFor's headers (GET and HEAD; 304 for a matching ETag). */
export function handler(dir, options = {}) {
  dir = path.resolve(dir);
  return (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD' }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolve(dir, new URL(req.url, 'http://x').pathname);
    let stat;
    try {
      stat = file && fs.statSync(file);
    } catch { /* missing */ }
    if (!stat || !stat.isFile()) {
      // With the CORS header (as nginx's `always`): a page of another origin sees the 404 as a 404.
      const h = { 'content-type': 'text/plain; charset=utf-8' };
      if (options.cors !== false) h['access-control-allow-origin'] = '*';
      res.writeHead(404, h).end('not found\n');
      return;
    }
    const headers = headersFor(path.relative(dir, file).split(path.sep).join('/'), options);
    headers.etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    if (req.headers['if-none-match'] === headers.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['content-length'] = stat.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : fallback;
  };
  const port = Number(flag('--port', 8080));
  const host = flag('--host', '127.0.0.1');
  const dir = args[0] || 'dist';
  if (!fs.existsSync(dir)) {
    console.error(`error: ${dir} does not exist: run 'make dist' first`);
    process.exit(2);
  }
  http.createServer(handler(dir)).listen(port, host, () => {
    console.log(`Serving ${dir} on http://${host}:${port}/ with the headers of docs/embedding.md (Ctrl-C stops it)`);
  }).on('error', (e) => {
    console.error(`error: ${e.message}${e.code === 'EADDRINUSE' ? ` (another server is on port ${port}: make serve PORT=…)` : ''}`);
    process.exit(1);
  });
}
