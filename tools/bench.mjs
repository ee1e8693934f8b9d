// `make bench`: the figures in the README, measured on the release dist/ in
// headless Chromium on this machine. Not a test: it reports, never fails.
//   node tools/bench.mjs [ten-years.json [ten-years-sealed.json]]
// The data file comes from `cargo run --example ten_years` (make bench makes it);
// the sealed one (the same store with the lock on) from the same example with
// `-- --sealed`, run here when it is not given.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { setUp, goto, watch } from '../tests/browser/harness.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const RUNS = 7;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => value.toFixed(1);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
const report = (what, value, budget = '') => {
  rows.push([what, value, budget]);
  console.log(`${what.padEnd(58)} ${String(value).padStart(12)}  ${budget}`);
};

// --- Transfer size ----------------------------------------------------------
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
const files = walk(DIST)
  .map((path) => {
    const body = readFileSync(path);
    return { name: path.slice(DIST.length), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
console.log(`Rekindle benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0].model}\n`);
console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}`);
for (const file of files) console.log(`${file.name.padEnd(44)}${kb(file.raw).padStart(9)}${kb(file.gzip).padStart(9)}`);
const total = (key) => files.reduce((sum, file) => sum + file[key], 0);
console.log(`${'total'.padEnd(44)}${kb(total('raw')).padStart(9)}${kb(total('gzip')).padStart(9)}\n`);
report('dist/ transfer size, gzip -9, all files (KB)', kb(total('gzip')), '≤ 200');
// Icons and the manifest are fetched only when installing; the first load needs the rest.
const startup = files.filter((f) => !f.name.startsWith('icons/') && !f.name.endsWith('.webmanifest'));
report('  of which a first visit loads (KB)', kb(startup.reduce((sum, f) => sum + f.gzip, 0)));

// --- In the browser ---------------------------------------------------------
const dataFile = process.argv[2];
if (!dataFile) {
  console.log('\n(no ten-year data file given: browser figures skipped)');
  process.exit(0);
}
const tenYears = JSON.parse(readFileSync(dataFile, 'utf8'));
const sealedYears = JSON.parse(
  process.argv[3]
    ? readFileSync(process.argv[3], 'utf8')
    : execFileSync('cargo', ['run', '--quiet', '--example', 'ten_years', '--', '--sealed'], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
);
// JavaScript's length is UTF-16 code units: what the quota counts.
const size = (entries) => entries.reduce((sum, [k, v]) => sum + k.length + v.length, 0);
const chars = size(Object.entries(tenYears));
const env = await setUp();

// --- Years until localStorage is full ----------------------------------------
// Chromium allows 10 MiB per origin (kPerStorageAreaQuota = 10 * 1024 * 1024 in
// components/services/storage/dom_storage/dom_storage_constants.h), counting
// keys and values in UTF-16, two bytes a character: 5,242,880 characters.
// Measured here rather than assumed: fill a fresh origin until it refuses.
const probe = await env.browser.newContext();
const probePage = await probe.newPage();
await goto(probePage, env.server.url + '#/today');
const quota = await probePage.evaluate(() => {
  localStorage.clear();
  let stored = 0;
  for (let n = 0, chunk = 1 << 20; chunk >= 1; ) {
    const key = `q${n}`;
    try {
      localStorage.setItem(key, 'x'.repeat(chunk));
      stored += key.length + chunk;
      n += 1;
    } catch {
      chunk = Math.floor(chunk / 2);
    }
  }
  localStorage.clear();
  return stored;
});
await probe.close();
report('localStorage quota, measured (characters, keys + values)', quota);

// Ten years of use as the app leaves them (examples/ten_years.rs: settled
// records in their years' packs, the last month's on their own keys). The
// rate is the whole store over its ten years: a little high, as the
// settings, the deck places and the last month do not grow with the years.
const YEARS = 10;
function yearsUntilFull(store) {
  const rate = size(Object.entries(store)) / YEARS;
  return { rate, years: quota / rate };
}
const plainYears = yearsUntilFull(tenYears);
const sealedFull = yearsUntilFull(sealedYears);
report(
  'everything store: characters a year, plain / lock on',
  `${Math.round(plainYears.rate)} / ${Math.round(sealedFull.rate)}`,
);
report('years until full (plain)', plainYears.years.toFixed(1), '≥ 20');
report('years until full (lock on)', sealedFull.years.toFixed(1), '≥ 20');

// --- The store in the browser ------------------------------------------------
// All ten years, with 2% to spare for the saves measured below.
const seed = Object.entries(tenYears);
if (size(seed) > quota * 0.98) throw new Error('the ten-year store no longer fits in localStorage');
const held = `${YEARS} of ${YEARS} years`;

/**
 * Reloads `runs` times; medians of first contentful paint, of "interactive"
 * and of every year taken in (`rekindle:all-years`: the packs of years
 * before last are read just after the first screen). Each reload waits for
 * the last, so no run pays for the one before.
 */
async function startTimes(page) {
  const paint = [];
  const interactive = [];
  const allYears = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.reload();
    const times = await page.evaluate(async () => {
      // Paint timings arrive a little after the paint itself.
      for (let waited = 0; waited < 5000; waited += 5) {
        const ready = ['rekindle:interactive', 'first-contentful-paint', 'rekindle:all-years'];
        if (ready.every((name) => performance.getEntriesByName(name).length)) break;
        await new Promise((done) => setTimeout(done, 5));
      }
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return {
        paint: at('first-contentful-paint'),
        interactive: at('rekindle:interactive'),
        allYears: at('rekindle:all-years'),
      };
    });
    paint.push(times.paint);
    interactive.push(times.interactive);
    allYears.push(times.allYears);
  }
  return { paint: median(paint), interactive: median(interactive), allYears: median(allYears) };
}

/** Types `text` into `selector` one character at a time; ms per keystroke until the DOM has updated. */
function keystrokes(page, selector, text) {
  return page.evaluate(
    async ([selector, text]) => {
      const field = document.querySelector(selector);
      field.focus();
      const times = [];
      for (let i = 1; i <= text.length; i += 1) {
        const start = performance.now();
        field.value = text.slice(0, i);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        // Leptos applies changes in microtasks; a message task runs after them
        // (a zero timeout would add Chrome's 4 ms clamp to every figure).
        await new Promise((done) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = done;
          channel.port2.postMessage(0);
        });
        times.push(performance.now() - start);
      }
      return times;
    },
    [selector, text],
  );
}

const empty = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
const emptyPage = await empty.newPage();
await goto(emptyPage, env.server.url + '#/today');
const emptyStart = await startTimes(emptyPage);
report('empty store: first contentful paint (ms, median of 7)', ms(emptyStart.paint));
report('empty store: Today interactive (ms, median of 7)', ms(emptyStart.interactive));
await empty.close();

const full = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
const page = await full.newPage();
await goto(page, env.server.url + '#/today');
const problems = watch(page);
await page.evaluate((data) => {
  localStorage.clear();
  for (const [key, value] of data) localStorage.setItem(key, value);
}, seed);
report(
  `everything store in the browser: keys / characters (${held})`,
  `${seed.length} / ${(size(seed) / 1e6).toFixed(2)} M`,
);
report('  of the ten-year store: keys / characters', `${Object.keys(tenYears).length} / ${(chars / 1e6).toFixed(2)} M`);
const fullStart = await startTimes(page);
report('everything store: first contentful paint (ms, median of 7)', ms(fullStart.paint));
report('everything store: Today interactive (ms, median of 7)', ms(fullStart.interactive), '≤ 150');
report('everything store: all ten years taken in (ms, median of 7)', ms(fullStart.allYears));
// Every record must load: the app sets aside any it cannot use.
const setAside = await page.evaluate(
  () => Object.keys(localStorage).filter((key) => key.startsWith('rekindle/recovery/')).length,
);
report('everything store: records the app set aside / page errors', `${setAside} / ${problems.length}`, '0 / 0');

await page.goto(env.server.url + '#/journal');
await page.locator('#journal-search').waitFor();
const search = await keystrokes(page, '#journal-search', 'walk home tired');
const shown = await page.locator('.result-count').textContent();
console.log('search, ms per keystroke:', search.map(ms).join(' '));
report(`journal search per keystroke, median (ms) [${shown}]`, ms(median(search)), '≤ 16');
report('journal search per keystroke, slowest (ms)', ms(Math.max(...search)), '≤ 16');
await page.locator('#journal-search').fill('');

const typing = await keystrokes(page, '#new-text', 'A few honest words about today');
report('typing in the editor, per keystroke, median (ms)', ms(median(typing)), '');
report('typing in the editor, per keystroke, slowest (ms)', ms(Math.max(...typing)), '');

const saves = [];
for (let run = 0; run < RUNS; run += 1) {
  await page.locator('#new-text').press('End');
  await page.keyboard.type('!');
  await page.waitForTimeout(450); // the store writes 300 ms after the last change
  saves.push(await page.evaluate(() => performance.getEntriesByName('rekindle:save')[0]?.duration ?? NaN));
}
report('one save, draft change, everything store (ms, median of 7)', ms(median(saves)), '≤ 8');
await page.getByRole('button', { name: 'Save entry' }).click();
await page.waitForTimeout(450);
const addSave = await page.evaluate(() => performance.getEntriesByName('rekindle:save')[0]?.duration ?? NaN);
report('one save, new entry, everything store (ms)', ms(addSave), '≤ 8');
for (const problem of problems) console.log(problem);
await full.close();
await env.close();

console.log('\nMarkdown for the README:\n');
console.log('| measure | value | budget |\n| --- | ---: | ---: |');
for (const [what, value, budget] of rows) console.log(`| ${what} | ${value} | ${budget} |`);
