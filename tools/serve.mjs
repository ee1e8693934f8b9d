// A tiny static file server for dist/: `node tools/serve.mjs dist 8080`.
// The browser tests start it too (on a free port), and it keeps a log of
// every request so a test can prove the app asked for nothing else.
// With `{ gzip: true }` (or `--gzip`) it compresses text and wasm for a
// browser that accepts gzip, as any static host would (tools/bench_phone.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Images are compressed already; everything else is worth gzipping.
const COMPRESSED = new Set(['.png', '.ico']);

export async function startServer(dir, port = 0, host = '127.0.0.1', { gzip = false } = {}) {
  const root = resolve(dir);
  const requests = [];
  // file -> { mtimeMs, size, body }: each file is compressed once per version.
  const gzipped = new Map();
  const compress = (file, info, body) => {
    const cached = gzipped.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.body;
    const fresh = gzipSync(body, { level: 9 });
    gzipped.set(file, { mtimeMs: info.mtimeMs, size: info.size, body: fresh });
    return fresh;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push({ method: req.method, path: url.pathname });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // Always revalidate: a rebuilt dist/ is seen at once.
        'Cache-Control': 'no-cache',
        // A validator, as static hosts give, so a revalidation of an
        // unchanged file (the service worker's precache) costs no body.
        ETag: `W/"${info.size}-${info.mtimeMs}"`,
        'X-Content-Type-Options': 'nosniff',
      };
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers).end();
        return;
      }
      let body = await readFile(file);
      if (gzip && !COMPRESSED.has(extname(file))) {
        headers.Vary = 'Accept-Encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          body = compress(file, info, body);
          headers['Content-Encoding'] = 'gzip';
        }
        headers['Content-Length'] = body.length;
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((done) => server.listen(port, host, done));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    requests,
    close: () =>
      new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const gzip = args.includes('--gzip');
  const [dir = 'dist', port = '8080'] = args.filter((arg) => arg !== '--gzip');
  const { url } = await startServer(dir, Number(port), '127.0.0.1', { gzip });
  console.log(`Rekindle is being served at ${url}${gzip ? ' with gzip' : ''} (Ctrl+C to stop)`);
}
