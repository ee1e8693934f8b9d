// The older years: packs of years before last are taken in just after the
// first screen. Until they are, nothing may act on a partial store: a
// backup, another window's edit of an old entry, storage cleared from
// outside and the lock each meet every year, and a pack damaged by hand is
// set aside when it comes in. The drills hold the app's animation frames
// (the take-in waits for one) so that "until" lasts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  sharedBrowser, openApp, anotherWindow, goto, reload, storage, stored, storedRecords,
  waitForStoredRecords, unpackText, assertClean, turnLockOn, unlock, lockScreen,
} from './harness.mjs';

const env = sharedBrowser();
const PASSCODE = 'a long enough passcode 5';
const THIS_YEAR = new Date().getFullYear();

/** `count` entries written in `year` (settled long ago: the sweep packs them). */
function entriesOf(year, count) {
  const items = {};
  for (let n = 0; n < count; n += 1) {
    const ms = Date.UTC(year, 2, 1 + n, 20, 0, 0);
    const time = new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    const id = `y${year}n${String(n).padStart(3, '0')}`;
    items[`rekindle/journal/${id}`] = stored(
      { id, created: time, updated: time, kind: 'reflection', text: `Entry ${n} from ${year}: the long walk home.` },
      `${ms}.0.1`,
    );
  }
  return items;
}

const OLD = { ...entriesOf(2019, 30), ...entriesOf(2021, 30) };
// Last year's pack is read before the first screen.
const RECENT = entriesOf(THIS_YEAR - 1, 2);
const ALL = Object.keys(OLD).length + Object.keys(RECENT).length;

/**
 * A profile whose 2019 and 2021 entries are in their packs, and one page
 * whose app frames are held (`?hold`): its older years wait until `release`.
 */
async function packedProfile() {
  const opened = await openApp(env, '#/journal');
  await opened.page.evaluate((items) => {
    localStorage.setItem('rekindle/schema', '3');
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, { ...OLD, ...RECENT });
  await reload(opened.page);
  await opened.page.waitForFunction(
    (last) => !Object.keys(localStorage).some((k) => k.startsWith('rekindle/journal/'))
      && ['2019', '2021', String(last)].every((y) => localStorage.getItem(`rekindle/pack/journal/${y}`)),
    THIS_YEAR - 1,
    { timeout: 15000 },
  );
  // Frames asked for once the app's code runs (the static frame is gone) wait.
  await opened.context.addInitScript(() => {
    if (!location.search.includes('hold')) return;
    const held = [];
    const ask = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      document.querySelector('[data-frame]') ? ask(callback) : (held.push(callback), held.length);
    window.release = () => {
      window.requestAnimationFrame = ask;
      held.splice(0).forEach((callback) => ask(callback));
    };
  });
  await goto(opened.page, `${env.server.url}?hold#/journal`);
  return opened;
}

async function shown(page) {
  const count = page.locator('.result-count');
  await count.filter({ hasText: /entr/ }).waitFor();
  return Number((await count.textContent()).match(/\d+/)[0]);
}

test('older years wait until after the first screen, then every entry is there', async () => {
  const { context, page, problems } = await packedProfile();
  // Only this year and last are read before the first screen.
  assert.equal(await shown(page), 2, 'the 2019 and 2021 packs wait');
  await page.evaluate(() => window.release());
  await page.locator('.result-count', { hasText: `${ALL} entries` }).waitFor();
  await page.locator('#journal-search').fill('Entry 7 from 2019');
  await page.locator('ol.entries .entry-text', { hasText: 'Entry 7 from 2019' }).waitFor();
  assertClean(problems);
  await context.close();
});

test('a backup made before the older years are in holds every year', async () => {
  const { context, page, problems } = await packedProfile();
  await goto(page, `${env.server.url}?hold#/settings`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const text = JSON.stringify(backup);
  for (const id of ['y2019n000', 'y2019n029', 'y2021n015']) assert.ok(text.includes(id), `${id} is in the backup`);
  assertClean(problems);
  await context.close();
});

test('another window edits an old entry and storage is cleared while the older years wait: nothing lost', async () => {
  const { context, page, problems } = await packedProfile();
  const b = await anotherWindow(env, context, '#/journal');
  await b.page.locator('#journal-search').fill('Entry 3 from 2019');
  const card = b.page.locator('ol.entries > li').filter({ hasText: 'Entry 3 from 2019' });
  const id = await card.getAttribute('id');
  await card.getByRole('button', { name: /^Edit entry from/ }).click();
  await b.page.locator(`#${id} textarea`).fill('Entry 3 from 2019, edited in the other window.');
  await b.page.locator(`#${id}`).getByRole('button', { name: 'Save' }).click();
  await b.page.waitForFunction(() => Object.keys(localStorage).some((k) => k === 'rekindle/journal/y2019n003'));
  await b.page.close();
  // Cleared from outside (another tab's devtools, an extension): the held
  // window writes back everything, its older years and the edit included.
  const c = await anotherWindow(env, context, '#/settings');
  await c.page.evaluate(() => localStorage.clear());
  const records = await waitForStoredRecords(c.page, 'journal', ALL);
  assert.equal(records.y2019n003.data.text, 'Entry 3 from 2019, edited in the other window.');
  await c.page.close();
  await page.evaluate(() => window.release());
  await page.locator('.result-count', { hasText: `${ALL} entries` }).waitFor();
  await page.locator('#journal-search').fill('edited in the other window');
  await page.locator('ol.entries .entry-text', { hasText: 'edited in the other window' }).waitFor();
  assertClean(problems);
  await context.close();
});

test('the lock turned on before the older years are in seals them, and they open again', async () => {
  const { context, page, problems } = await packedProfile();
  await goto(page, `${env.server.url}?hold#/settings`);
  await turnLockOn(page, PASSCODE);
  const all = await storage(page);
  assert.ok(all['rekindle/pack/journal/2019'].startsWith('sealed'), 'the 2019 pack is sealed');
  await page.evaluate(() => window.release());
  // A new document (frames no longer held) opens at the lock screen.
  await page.goto(`${env.server.url}#/journal`);
  await lockScreen(page).waitFor();
  await unlock(page, PASSCODE);
  await page.locator('.result-count', { hasText: `${ALL} entries` }).waitFor();
  assertClean(problems);
  await context.close();
});

test('an older year’s pack damaged by hand is set aside once it comes in; its good entries stay', async () => {
  const { context, page, problems } = await packedProfile();
  // Edited by hand while the app was closed: plain JSON (as a person might
  // write a pack), one entry's text emptied.
  const items = Object.values(entriesOf(2018, 3)).map((value) => {
    const env = JSON.parse(value);
    return { v: 3, id: env.data.id, rev: env.rev, data: env.data };
  });
  items[1].data.text = ' ';
  await page.evaluate((text) => localStorage.setItem('rekindle/pack/journal/2018', text), JSON.stringify(items));
  await page.evaluate(() => window.release());
  await reload(page);
  assert.equal(await shown(page), 2, 'the 2018 pack waits too');
  await page.evaluate(() => window.release());
  await page.getByRole('alert').filter({ hasText: 'could not be read' }).first().waitFor();
  await page.locator('.result-count', { hasText: `${ALL + 2} entries` }).waitFor();
  await page.waitForFunction(() => localStorage.getItem('rekindle/pack/journal/2018')?.startsWith('lzw1:'));
  const all = await storage(page);
  assert.match(unpackText(all['rekindle/recovery/rekindle/pack/journal/2018']), /"text":" "/, 'the damaged pack is kept aside');
  const records = await storedRecords(page, 'journal');
  assert.ok(records.y2018n000 && records.y2018n002 && !records.y2018n001, 'the good entries are stored again');
  assertClean(problems);
  await context.close();
});
