// Shared set-up for the browser tests: serve the release build in dist/,
// drive Debian's Chromium with Playwright, and fail on any page error.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { startServer } from '../../tools/serve.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Root can't use Chromium's sandbox; the rest keeps Chromium from calling
// home on a machine with no network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Every file in dist/, as URL paths ("/index.html", …). */
export function distFiles() {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/ is missing: build first (make test does)');
  const walk = (dir, prefix) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
  return walk(DIST, '/');
}

/**
 * One server and browser for all tests in a file: started before the first
 * test, closed after the last. Its fields are filled in by `before`.
 */
export function sharedBrowser() {
  const env = {};
  before(async () => {
    Object.assign(env, await setUp());
  });
  after(async () => {
    await env.close();
  });
  return env;
}

/** A browser with a real (non-incognito) profile in `dir`. */
export function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Starts the server and browser once per test file; `serve` goes to startServer (`{ gzip: true }`). */
export async function setUp(serve = {}) {
  distFiles();
  const server = await startServer(DIST, 0, '127.0.0.1', serve);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh browser profile (empty localStorage) with one page open at `hash`.
 * Page errors and console errors are collected; `assertClean` checks them.
 */
export async function openApp(env, hash = '#/today', options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB', ...options });
  const page = await context.newPage();
  const problems = watch(page);
  await goto(page, env.server.url + hash);
  return { context, page, problems };
}

/** Collects uncaught errors, console errors and dialogs (an alert would mean injected script ran). */
export function watch(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}

/** Navigates and waits until the app has mounted (a page heading exists). */
export async function goto(page, url) {
  await page.goto(url);
  await page.locator('main h1').waitFor();
}

export async function reload(page) {
  await page.reload();
  await page.locator('main h1').waitFor();
}

/** All of Rekindle's localStorage, as an object. */
export function storage(page) {
  return page.evaluate(() => {
    const all = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key.startsWith('rekindle/')) all[key] = localStorage.getItem(key);
    }
    return all;
  });
}

/** A deleted record's tombstone: a revision and no data. */
export const TOMBSTONE = /^\{"v":3,"rev":"[^"]+"\}$/;

/** Waits until the debounced save has written `count` live journal entries (tombstones not counted). */
export async function waitForSavedEntries(page, count) {
  await page.waitForFunction(
    ([n, tombstone]) =>
      Object.keys(localStorage).filter(
        (k) => k.startsWith('rekindle/journal/') && !new RegExp(tombstone).test(localStorage.getItem(k)),
      ).length === n,
    [count, TOMBSTONE.source],
  );
}

/** Waits until `count` live records (not tombstones) are stored under `prefix`. */
export async function waitForLive(page, prefix, count) {
  await page.waitForFunction(
    ([prefix, n, tombstone]) =>
      Object.keys(localStorage).filter((k) => k.startsWith(prefix) && !new RegExp(tombstone).test(localStorage.getItem(k)))
        .length === n,
    [prefix, count, TOMBSTONE.source],
  );
}

/**
 * A stored record in today's form, as Rekindle writes it. By default last
 * changed an hour ago: not yet settled, so it stays under its own key (a
 * record unchanged for 30 days moves into its year's pack: packs.test.mjs).
 */
export const RECENT_REV = `${Date.now() - 60 * 60 * 1000}.0.1`;
export function stored(data, rev = RECENT_REV) {
  return JSON.stringify({ v: 3, rev, data });
}

/** Opens a second window (tab or installed app) of the same browser profile at `hash`. */
export async function anotherWindow(env, context, hash = '#/journal') {
  const page = await context.newPage();
  const problems = watch(page);
  await goto(page, env.server.url + hash);
  return { page, problems };
}

/** Moves this page's clock by `offsetMs` before any script runs (Date and Date.now). */
export async function shiftClock(page, offsetMs) {
  await page.addInitScript((offset) => {
    const RealDate = Date;
    class ShiftedDate extends RealDate {
      constructor(...args) {
        super(...(args.length ? args : [RealDate.now() + offset]));
      }
      static now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = ShiftedDate;
  }, offsetMs);
}

export function assertClean(problems) {
  assert.deepEqual(problems, [], 'the page reported errors');
}

/** Names the partners in Settings (Partner 1 and 2 otherwise). */
export async function nameThePartners(page, first, second) {
  await goto(page, page.url().replace(/#.*$/, '') + '#/settings');
  await page.getByLabel("Partner 1's name").fill(first);
  await page.getByLabel("Partner 2's name").fill(second);
  await page.getByLabel("Partner 2's name").press('Tab');
}

/** The label of a new passcode's field in Settings. */
export const NEW_PASSCODE = 'New passcode (8 characters or more, not only digits)';

/** Writes and saves a journal entry (the Journal page must be open). */
export async function writeEntry(page, text) {
  await page.locator('#new-text').fill(text);
  await page.getByRole('button', { name: 'Save entry' }).click();
}

/** Settings → fills in and submits "Turn the lock on"; the outcome is the caller's to check. */
export async function submitLockOn(page, passcode) {
  await goto(page, page.url().replace(/#.*$/, '') + '#/settings');
  await page.getByLabel(NEW_PASSCODE).fill(passcode);
  await page.getByLabel('The same passcode again').fill(passcode);
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
}

export async function turnLockOn(page, passcode) {
  await submitLockOn(page, passcode);
  await page.getByRole('status').filter({ hasText: 'The lock is on.' }).waitFor({ timeout: 30000 });
}

export async function turnLockOff(page, passcode) {
  await goto(page, page.url().replace(/#.*$/, '') + '#/settings');
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: 'Turn the lock off' }).click();
  await page.getByRole('status').filter({ hasText: 'The lock is off.' }).waitFor({ timeout: 30000 });
}

/** Types the passcode on the lock screen and presses Unlock (the outcome is the caller's to check). */
export async function unlock(page, passcode) {
  await page.getByLabel('Passcode').fill(passcode);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

export const lockScreen = (page) => page.getByRole('heading', { name: 'Rekindle is locked' });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, one line each. */
export async function axeViolations(page) {
  // page.evaluate runs outside the page's CSP, which forbids injected scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * The text of a squeezed pack (`lzw1:` then 15 bits a character, LZW codes
 * of 15 bits: src/domain/squeeze.rs), so tests can read what packs hold.
 * An independent reader: if the app's form drifted, this would fail.
 */
export function unpackText(stored) {
  if (!stored.startsWith('lzw1:')) return stored;
  const chars = [...stored.slice(5)];
  const bytes = [];
  let held = 0;
  let count = 0;
  chars.forEach((ch, index) => {
    const c = ch.codePointAt(0);
    let value;
    let bits;
    if (c >= 0x4000 && c < 0xc000) [value, bits] = [c - 0x4000, 15];
    else if (c >= 0x3f80 && c < 0x4000 && index === chars.length - 1) [value, bits] = [c - 0x3f80, 7];
    else throw new Error(`not a squeezed character: ${c.toString(16)}`);
    held = (held << bits) | value;
    count += bits;
    while (count >= 8) {
      count -= 8;
      bytes.push((held >> count) & 0xff);
    }
    held &= (1 << count) - 1;
  });
  const codes = [];
  for (let i = 0; (i + 1) * 15 <= bytes.length * 8; i += 1) {
    let code = 0;
    for (let b = i * 15; b < i * 15 + 15; b += 1) code = (code << 1) | ((bytes[b >> 3] >> (7 - (b & 7))) & 1);
    codes.push(code);
  }
  const phrases = [];
  for (let i = 0; i < 256; i += 1) phrases.push([i]);
  const out = [];
  let previous = null;
  for (const code of codes) {
    let phrase;
    if (code < phrases.length) phrase = phrases[code];
    else if (code === phrases.length && previous) phrase = [...previous, previous[0]];
    else throw new Error('damaged pack');
    out.push(...phrase);
    if (previous && phrases.length < 32768) phrases.push([...previous, phrase[0]]);
    previous = phrase;
  }
  return new TextDecoder().decode(new Uint8Array(out));
}

/**
 * Every stored record of `kind` ("journal", "appreciation", …), whether under
 * its own key or in a pack, as `{ id: envelope }`; the newer revision wins.
 */
export async function storedRecords(page, kind) {
  const all = await storage(page);
  const records = {};
  const revOf = (env) => (env?.rev ?? '0.0.0').split('.').map(Number);
  const newer = (a, b) => {
    const [x, y] = [revOf(a), revOf(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] > y[1];
  };
  const take = (id, env) => {
    if (!records[id] || newer(env, records[id])) records[id] = env;
  };
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(`rekindle/pack/${kind}/`)) {
      for (const item of JSON.parse(unpackText(value))) take(item.id, item);
    } else if (key.startsWith(`rekindle/${kind}/`)) {
      take(key.slice(`rekindle/${kind}/`.length), JSON.parse(value));
    }
  }
  return records;
}

/** Waits until `count` live records of `kind` are stored, under their own keys or in packs. */
export async function waitForStoredRecords(page, kind, count) {
  for (let waited = 0; ; waited += 100) {
    const records = await storedRecords(page, kind);
    if (Object.values(records).filter((r) => r.data).length === count) return records;
    if (waited > 20000) throw new Error(`${kind}: never ${count} live records stored`);
    await page.waitForTimeout(100);
  }
}
