// Trunk post-build hook, three jobs:
// 1. Trunk links each stylesheet on its own: twelve render-blocking requests,
//    each a round trip on a phone's network before the first paint. Join
//    them, in their order, into one file (the sources stay small files).
// 2. Trunk's loader is an inline <script type="module">, which a strict CSP
//    (no 'unsafe-inline') blocks, and its preload links start the wasm's
//    download with the HTML. Replace both with a loader file, named by its
//    content hash, that starts the app's code after the frame has painted.
// 3. Give the service worker this build's file list and a version (a hash of
//    every file), so each release precaches afresh and drops the old cache.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post_build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR unset)');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashed = (base, ext, content) =>
  `${base}-${createHash('sha256').update(content).digest('hex').slice(0, 16)}.${ext}`;
const integrity = (content) => `sha384-${createHash('sha384').update(content).digest('base64')}`;
/** The tags of index.html whose `rel` is `rel`, with their href (Trunk's output may be minified). */
const linksOf = (rel) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => [tag, tag.match(/\brel=("?)([^"\s>]+)\1/)?.[2], tag.match(/\bhref=("?)([^"\s>]+)\1/)?.[2]])
    .filter(([, tagRel]) => tagRel === rel)
    .map(([tag, , href]) => ({ tag, file: href.replace(/^\.?\//, '') }));

// 1. One stylesheet.
const sheets = linksOf('stylesheet');
if (sheets.length === 0) throw new Error('expected Trunk to link the stylesheets');
const css = sheets.map(({ file }) => readFileSync(join(staging, file), 'utf8').trim()).join('\n') + '\n';
const cssName = hashed('style', 'css', css);
writeFileSync(join(staging, cssName), css);
for (const { file } of sheets) rmSync(join(staging, file));
html = html.replace(sheets[0].tag, `<link rel="stylesheet" href="./${cssName}" integrity="${integrity(css)}">`);
for (const { tag } of sheets.slice(1)) html = html.replace(tag, '');
console.log(`post_build: ${sheets.length} stylesheets joined into ${cssName}`);

// 2. The loader.
const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g)];
if (inline.length !== 1) throw new Error(`expected exactly one inline script from Trunk, found ${inline.length}`);
const [glue] = linksOf('modulepreload');
const [wasm] = linksOf('preload').filter(({ file }) => file.endsWith('.wasm'));
if (!glue || !wasm) throw new Error("expected Trunk's preload links for the app's script and wasm");
// Waiting for the first frame costs a phone a frame (the frame and its CSS
// come first on the wire anyway), and it keeps the 550 KB download out of
// what Lighthouse's simulation counts towards the frame's largest paint.
// With the service worker in control nothing is downloaded, and a hidden
// tab gets no frames: both start at once.
const loader = `// Rekindle's loader, written by tools/post_build.mjs.
if (!navigator.serviceWorker?.controller && document.visibilityState === 'visible') {
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
}
const wasm = fetch('./${wasm.file}');
const app = await import('./${glue.file}');
await app.default({ module_or_path: wasm });
`;
const loaderName = hashed('boot', 'js', loader);
writeFileSync(join(staging, loaderName), loader);
html = html
  .replace(inline[0][0], `<script type="module" src="./${loaderName}"></script>`)
  .replace(glue.tag, '')
  .replace(wasm.tag, '');
writeFileSync(indexPath, html);
console.log(`post_build: loader ${loaderName} starts ${glue.file} and ${wasm.file} after the first paint`);

// 3. The service worker's list.
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
