// Trunk post-build hook, two jobs:
// 1. Trunk injects its loader as an inline <script type="module">, which a
//    strict CSP (no 'unsafe-inline') blocks: move it into its own file, named
//    by its content hash, and load that.
// 2. Give the service worker this build's file list and a version (a hash of
//    every file), so each release precaches afresh and drops the old cache.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post_build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR unset)');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  throw new Error(`expected exactly one inline script from Trunk, found ${found.length}`);
}
const [tag, code] = found[0];
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(staging, name), code.trim() + '\n');
html = html.replace(tag, `<script type="module" src="./${name}"></script>`);
writeFileSync(indexPath, html);
console.log(`post_build: loader moved to ${name}`);

const SW = 'sw.js';
const walk = (dir, prefix = '') =>
  readdirSync(join(staging, dir), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
const files = walk('.').filter((file) => file !== SW).sort();
const version = createHash('sha256');
for (const file of files) version.update(file).update(readFileSync(join(staging, file)));
const build = { version: version.digest('hex').slice(0, 16), files: files.map((file) => `./${file}`) };
const swPath = join(staging, SW);
const placeholder = "const BUILD = { version: 'dev', files: [] };";
const worker = readFileSync(swPath, 'utf8');
if (!worker.includes(placeholder)) throw new Error(`${SW} lacks the BUILD placeholder`);
writeFileSync(swPath, worker.replace(placeholder, `const BUILD = ${JSON.stringify(build)};`));
console.log(`post_build: ${SW} precaches ${files.length} files, version ${build.version}`);
