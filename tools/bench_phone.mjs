// `make bench`, part two: a first visit like a phone's. The release dist/ is
// served with gzip, as any static host would, then measured twice over:
// Lighthouse 13's mobile run (its own emulation and simulated throttling) on
// the system Chromium, and Playwright with slow 4G and a 4× slower CPU set
// through the DevTools protocol. Not a test: it reports, never fails on a
// slow figure.
//   node tools/bench_phone.mjs
// CHROME_PATH picks another Chromium (default /usr/bin/chromium);
// LIGHTHOUSE_RUNS=n takes the median of n Lighthouse runs (default 1; 0 skips it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { DIST, setUp } from '../tests/browser/harness.mjs';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
const RUNS = 3;
// Slow 4G as Lighthouse and DevTools define it, and a mid-range phone's CPU.
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
// Lighthouse's mobile screen (a Moto G Power), so both halves see one phone.
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
  serviceWorkers: 'allow',
};

// Lighthouse 13 asks for Node 22, whose iterators have map, flatMap, reduce,
// find… (iterator helpers). On Debian's Node 20 three of its insight audits
// fail without them (they weigh nothing in the scores); these plain
// stand-ins let the whole run complete.
const ITERATOR = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof ITERATOR.flatMap !== 'function') {
  const helpers = {
    *map(fn) {
      let i = 0;
      for (const item of this) yield fn(item, i++);
    },
    *filter(fn) {
      let i = 0;
      for (const item of this) if (fn(item, i++)) yield item;
    },
    *flatMap(fn) {
      let i = 0;
      for (const item of this) yield* fn(item, i++);
    },
    *take(limit) {
      let left = limit;
      if (left <= 0) return;
      for (const item of this) {
        yield item;
        if (--left <= 0) return;
      }
    },
    *drop(count) {
      let left = count;
      for (const item of this) if (left > 0) left -= 1;
      else yield item;
    },
    toArray() {
      return [...this];
    },
    forEach(fn) {
      let i = 0;
      for (const item of this) fn(item, i++);
    },
    some(fn) {
      let i = 0;
      for (const item of this) if (fn(item, i++)) return true;
      return false;
    },
    every(fn) {
      let i = 0;
      for (const item of this) if (!fn(item, i++)) return false;
      return true;
    },
    find(fn) {
      let i = 0;
      for (const item of this) if (fn(item, i++)) return item;
      return undefined;
    },
    reduce(fn, ...initial) {
      let i = 0;
      let total = initial[0];
      if (!initial.length) {
        const first = this.next();
        if (first.done) throw new TypeError('Reduce of empty iterator with no initial value');
        total = first.value;
        i = 1;
      }
      for (const item of this) total = fn(total, item, i++);
      return total;
    },
  };
  for (const [name, value] of Object.entries(helpers)) {
    Object.defineProperty(ITERATOR, name, { value, writable: true, configurable: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => (Number.isFinite(value) ? value.toFixed(0) : 'n/a');
const score = (value) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
/** `promise`, or an error after `seconds` (a page that never mounts must not hang the bench). */
const within = (seconds, what, promise) =>
  Promise.race([
    promise,
    new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: nothing after ${seconds} s`)), seconds * 1000).unref()),
  ]);
const rows = [];
const report = (what, value, budget = '') => {
  rows.push([what, value, budget]);
  console.log(`${what.padEnd(58)} ${String(value).padStart(12)}  ${budget}`);
};
let failed = false;
const trouble = (what, error) => {
  failed = true;
  console.log(`${what} could not be measured: ${error?.stack ?? error}`);
};

console.log(
  `\nRekindle on a phone, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0].model}` +
    ` (release dist/ served with gzip; figures vary with the machine's load)\n`,
);
const env = await setUp({ gzip: true });
const url = env.server.url; // the app's own address: a first visit opens the welcome

// Compress every file once before anything is timed (the server caches them).
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
for (const file of walk(DIST)) {
  await (await fetch(new URL(file.slice(DIST.length), url), { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
}

// --- Lighthouse 13, mobile ---------------------------------------------------
async function lighthouseOnce(throttlingMethod = 'simulate') {
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      throttlingMethod,
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    await chrome.kill();
  }
}

async function lighthouseFigures() {
  const runs = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) runs.push(await lighthouseOnce());
  // The median run by performance score, so its figures belong together.
  const lhr = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[
    Math.floor(runs.length / 2)
  ];
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const of = LIGHTHOUSE_RUNS > 1 ? `, median of ${LIGHTHOUSE_RUNS}` : '';
  console.log(`Lighthouse ${lhr.lighthouseVersion}, mobile (${lhr.configSettings.throttlingMethod} throttling), ${url}`);
  report(`Lighthouse mobile: performance${of}`, score(lhr.categories.performance.score), '≥ 0.98');
  report('Lighthouse mobile: largest contentful paint (s)', (audit('largest-contentful-paint') / 1000).toFixed(2), '≤ 1.6');
  report('Lighthouse mobile: first contentful paint (s)', (audit('first-contentful-paint') / 1000).toFixed(2));
  report('Lighthouse mobile: total blocking time (ms)', ms(audit('total-blocking-time')));
  report('Lighthouse mobile: cumulative layout shift', audit('cumulative-layout-shift').toFixed(3));
  report('Lighthouse mobile: accessibility', score(lhr.categories.accessibility.score), '1.00');
  report('Lighthouse mobile: best practices', score(lhr.categories['best-practices'].score), '1.00');
  // Which element the largest paint was, and what keeps a category from 1.00.
  const lcpNode = lhr.audits['lcp-breakdown-insight']?.details?.items?.find((item) => item.type === 'node');
  if (lcpNode) console.log(`  largest contentful paint: ${lcpNode.selector} (${lcpNode.snippet})`);
  for (const id of ['accessibility', 'best-practices']) {
    for (const ref of lhr.categories[id].auditRefs) {
      const found = lhr.audits[ref.id];
      if (ref.weight > 0 && found.score !== null && found.score < 1) console.log(`  ${id}: ${found.id} (${found.title})`);
    }
  }
  // Total blocking time is what the score loses now: name its longest task.
  const longest = lhr.audits['long-tasks']?.details?.items?.[0];
  if (longest) console.log(`  longest task: ${longest.url} (${ms(longest.duration)} ms simulated)`);
  for (const warning of lhr.runWarnings) console.log(`  warning: ${warning}`);
  for (const found of Object.values(lhr.audits)) {
    if (found.errorMessage) console.log(`  audit ${found.id} failed: ${found.errorMessage}`);
  }
}
if (LIGHTHOUSE_RUNS > 0) await lighthouseFigures().catch((error) => trouble('Lighthouse', error));

// Lighthouse's default simulation (Lantern) replays a fast, unthrottled load
// and counts every request that finished before the largest paint as needed
// for it: a wasm preloaded with the HTML was charged to the frame's opening
// line (4.2 s), so the loader asks for it only after the first paint. The
// same run with DevTools throttling applied (observed, not simulated) is the
// cross-check of what a phone sees; both are reported.
async function observedFigures() {
  const lhr = await lighthouseOnce('devtools');
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  report('Lighthouse mobile, DevTools throttling: performance', score(lhr.categories.performance.score), '');
  report('Lighthouse mobile, DevTools throttling: largest contentful paint (s)', (audit('largest-contentful-paint') / 1000).toFixed(2));
  report('Lighthouse mobile, DevTools throttling: first contentful paint (s)', (audit('first-contentful-paint') / 1000).toFixed(2));
  report('Lighthouse mobile, DevTools throttling: total blocking time (ms)', ms(audit('total-blocking-time')));
}
if (LIGHTHOUSE_RUNS > 0) await observedFigures().catch((error) => trouble('Lighthouse (DevTools throttling)', error));

// --- Playwright: slow 4G, 4× CPU ---------------------------------------------
/**
 * A fresh phone-sized context with one page, throttled before it loads
 * anything. The page reports by console messages, read by `heard`: an
 * evaluate while it loads would inject Playwright's helper script into it,
 * about 50 ms of the slowed CPU on the very path being timed.
 */
async function throttledPage() {
  const context = await env.browser.newContext(PHONE);
  // Every document: once the app marks itself interactive, say when, what
  // it shows and where the Journal tab is; then when the Journal's heading
  // appears and when the finger landed. Times in ms since navigation start.
  await context.addInitScript(() => {
    const say = (what, data) => console.debug(`rekindle-bench ${what} ${JSON.stringify(data)}`);
    new PerformanceObserver((list, observer) => {
      const mark = list.getEntriesByName('rekindle:interactive')[0];
      if (!mark) return;
      observer.disconnect();
      let tapped;
      addEventListener('pointerdown', () => (tapped ??= performance.now()), { capture: true, once: true });
      const journal = new MutationObserver(() => {
        if (document.querySelector('main h1')?.textContent.trim() !== 'Journal') return;
        journal.disconnect();
        say('journal', { at: performance.now(), tapped });
      });
      journal.observe(document.body, { childList: true, subtree: true, characterData: true });
      const tab = document.querySelector('.nav-link[href="#/journal"]').getBoundingClientRect();
      say('mounted', {
        at: mark.startTime,
        heading: document.querySelector('main h1')?.textContent.trim(),
        fromWorker: performance.getEntriesByType('navigation')[0]?.workerStart > 0,
        x: tab.x + tab.width / 2,
        y: tab.y + tab.height / 2,
      });
    }).observe({ type: 'mark', buffered: true });
  });
  const page = await context.newPage();
  const said = [];
  const waiting = [];
  page.on('console', (message) => {
    const [tag, what, data] = message.text().match(/^(rekindle-bench) (\w+) (.*)$/)?.slice(1) ?? [];
    if (!tag) return;
    said.push({ what, data: JSON.parse(data) });
    for (const wait of waiting.splice(0)) wait();
  });
  /** The next report of `what` (each is taken once). */
  const heard = async (what) => {
    for (;;) {
      const found = said.findIndex((entry) => entry.what === what);
      if (found >= 0) return said.splice(found, 1)[0].data;
      await new Promise((done) => waiting.push(done));
    }
  };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, heard };
}

/** Mounted, paints, then a tap on the Journal tab: all in ms since navigation start. */
async function firstVisit(page, heard) {
  await page.goto(url, { waitUntil: 'commit' });
  const start = await within(60, 'the first visit never mounted', heard('mounted'));
  // A bare touch where the tab is: no waiting for it to be "stable" first,
  // which takes Playwright several throttled frames.
  await page.touchscreen.tap(start.x, start.y);
  const journal = await within(30, 'the Journal never opened', heard('journal'));
  const paints = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime])),
  );
  return {
    mounted: start.at,
    heading: start.heading,
    journal: journal.at,
    tapped: journal.tapped,
    firstPaint: paints['first-paint'] ?? NaN,
    firstContentfulPaint: paints['first-contentful-paint'] ?? NaN,
  };
}

/** Once the service worker controls the page: reload, still throttled; ms to mounted. */
async function repeatVisit(page, heard) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
  await page.reload({ waitUntil: 'commit' });
  const again = await within(60, 'the repeat visit never mounted', heard('mounted'));
  return { mounted: again.at, fromWorker: again.fromWorker };
}

try {
  const first = [];
  const repeat = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { context, page, heard } = await throttledPage();
    try {
      const visit = await firstVisit(page, heard);
      first.push(visit);
      const again = await repeatVisit(page, heard);
      repeat.push(again);
      console.log(
        `run ${run + 1}: first visit (${visit.heading}) FP ${ms(visit.firstPaint)}, FCP ${ms(visit.firstContentfulPaint)},` +
          ` mounted ${ms(visit.mounted)}, tap at ${ms(visit.tapped)}, Journal ${ms(visit.journal)};` +
          ` repeat visit mounted ${ms(again.mounted)}${again.fromWorker ? ' (service worker)' : ' (NOT from the service worker)'}`,
      );
    } finally {
      await context.close();
    }
  }
  const mid = (key, from = first) => median(from.map((run) => run[key]));
  const label = `slow 4G + ${CPU_SLOWDOWN}× CPU`;
  report(`${label}, first visit: first paint (ms, median of ${RUNS})`, ms(mid('firstPaint')));
  report(`${label}, first visit: first contentful paint (ms)`, ms(mid('firstContentfulPaint')));
  report(`${label}, first visit: mounted (ms)`, ms(mid('mounted')));
  report(`${label}, first visit: Journal open after a tap (ms)`, ms(mid('journal')), '≤ 2000');
  report('  of which the tap to the Journal (ms)', ms(median(first.map((run) => run.journal - run.tapped))));
  report(`${label}, repeat visit (service worker): mounted (ms)`, ms(mid('mounted', repeat)), '≤ 300');
} catch (error) {
  trouble('The throttled visits', error);
}
await env.close();

console.log('\nMarkdown for the README:\n');
console.log('| measure | value | budget |\n| --- | ---: | ---: |');
for (const [what, value, budget] of rows) console.log(`| ${what} | ${value} | ${budget} |`);
// A measurement that could not be taken is an error; a slow one is only a figure.
if (failed) process.exitCode = 1;
