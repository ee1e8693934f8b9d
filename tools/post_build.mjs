// Trunk post-build hook. Trunk injects its loader as an inline
// <script type="module">, which a strict CSP (no 'unsafe-inline') blocks.
// Move it into its own file, named by its content hash, and load that.
import { readFileSync, writeFileSync } from 'node:fs';
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
