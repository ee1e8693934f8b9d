// Draws Rekindle's app icons (PNG) from SVG with the test browser, then
// reduces them to 32 colours (Pillow: `pip install pillow`), a third of the
// size: `node tools/icons.mjs`. The PNGs are committed; rerun only to change them.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const HEART = 'M32 50c-9-6-16-12-16-21a8 8 0 0 1 16-3 8 8 0 0 1 16 3c0 9-7 15-16 21z';
const EMBER = 'M32 44c-3-3-6-6-6-10 0-3 3-5 6-2 3-3 6-1 6 2 0 4-3 7-6 10z';

// "any": a rounded tile. "maskable": full bleed, the heart inside the 80% safe circle.
const svg = (maskable) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  ${maskable ? '<rect width="64" height="64" fill="#a63d28"/>' : '<rect width="64" height="64" rx="14" fill="#a63d28"/>'}
  <g ${maskable ? 'transform="translate(32 34) scale(0.72) translate(-32 -34)"' : ''}>
    <path d="${HEART}" fill="#fffaf6"/><path d="${EMBER}" fill="#f0977f"/>
  </g></svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [file, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg(maskable)}`);
  writeFileSync(`public/icons/${file}`, await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
execFileSync('python3', [
  '-c',
  `from PIL import Image
import glob
for path in glob.glob('public/icons/*.png'):
    Image.open(path).convert('RGBA').quantize(colors=32, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)`,
]);
console.log('icons written to public/icons/');
