// `make bench`: figures for the README, measured on the release dist/.
// Not a test: it prints numbers and never fails on them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);

const files = readdirSync(DIST)
  .filter((name) => !name.startsWith('.') && statSync(join(DIST, name)).isFile())
  .map((name) => {
    const body = readFileSync(join(DIST, name));
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

console.log(`Release build in dist/ (${new Date().toISOString().slice(0, 10)})`);
console.log(`${'file'.padEnd(40)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}`);
for (const file of files) console.log(`${file.name.padEnd(40)}  ${kb(file.raw)}  ${kb(file.gzip)}`);
const total = (key) => files.reduce((sum, file) => sum + file[key], 0);
console.log(`${'total'.padEnd(40)}  ${kb(total('raw'))}  ${kb(total('gzip'))}`);
console.log(`budget: 200 KB gzip in total — ${total('gzip') <= 200 * 1024 ? 'met' : 'MISSED'}`);
