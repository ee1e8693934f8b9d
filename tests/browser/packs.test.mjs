// Packs (schema 4): settled records move into one squeezed value per kind
// and year, and nothing is lost on the way: with two windows sweeping at
// once, an edit racing the move, a clock that once ran ahead, a pack edited
// by hand, storage full of the app's own records, and the lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser, openApp, watch, goto, reload, storage, stored, storedRecords, unpackText, assertClean,
  shiftClock, turnLockOn, turnLockOff, unlock, lockScreen,
} from './harness.mjs';

const env = sharedBrowser();
const DAY = 24 * 60 * 60 * 1000;
const PASSCODE = 'a long enough passcode 4';

/** `count` journal entries as the app stores them, last changed `daysAgo` days ago. */
function oldEntries(count, daysAgo, prefix = 'old') {
  const items = {};
  const base = Date.now() - daysAgo * DAY;
  for (let n = 0; n < count; n += 1) {
    const ms = base + n * 60_000;
    const time = new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    const id = `${prefix}${String(n).padStart(4, '0')}`;
    items[`rekindle/journal/${id}`] = stored(
      { id, created: time, updated: time, kind: 'reflection', text: `Entry ${n} of ${prefix}: the walk by the river.` },
      `${ms}.0.1`,
    );
  }
  return items;
}

async function seed(page, items) {
  await page.evaluate((items) => {
    localStorage.setItem('rekindle/schema', '3');
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, items);
}

const packKeys = (all) => Object.keys(all).filter((k) => k.startsWith('rekindle/pack/journal/'));
const ownKeys = (all) => Object.keys(all).filter((k) => k.startsWith('rekindle/journal/'));

/** Waits until the start-up sweep has moved every seeded entry into packs. */
async function waitForPacked(page, left = 0) {
  await page.waitForFunction(
    (left) => Object.keys(localStorage).some((k) => k.startsWith('rekindle/pack/journal/'))
      && Object.keys(localStorage).filter((k) => k.startsWith('rekindle/journal/old')).length <= left,
    left,
    { timeout: 15000 },
  );
}

/** How many entries the journal holds, as its count says ("70 entries"). */
async function shown(page) {
  await page.locator('.result-count').filter({ hasText: /entr/ }).waitFor();
  return Number((await page.locator('.result-count').textContent()).match(/\d+/)[0]);
}

/** The card of the one entry whose text contains `text` (found by searching: the list shows 20 at a time). */
async function findCard(page, text) {
  await page.locator('#journal-search').fill(text);
  const card = page.locator('ol.entries > li').filter({ hasText: text });
  await card.waitFor();
  return card;
}

async function editEntry(page, from, to) {
  const card = await findCard(page, from);
  const id = await card.getAttribute('id');
  await card.getByRole('button', { name: /^Edit entry from/ }).click();
  await page.locator(`#${id} textarea`).fill(to);
  await page.locator(`#${id}`).getByRole('button', { name: 'Save' }).click();
  await page.locator('#journal-search').fill('');
}

test('settled entries move into their year’s pack, smaller, and every one still reads', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const items = oldEntries(80, 200);
  await seed(page, items);
  const before = Object.entries(items).reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  await reload(page);
  await waitForPacked(page);
  const all = await storage(page);
  assert.equal(all['rekindle/schema'], '4');
  assert.deepEqual(ownKeys(all), [], 'no entry left under its own key');
  const after = packKeys(all).reduce((sum, k) => sum + k.length + all[k].length, 0);
  assert.ok(after * 3 < before, `packs take ${after} characters where the entries took ${before}`);
  // Every record, byte for byte, inside the packs.
  const records = await storedRecords(page, 'journal');
  for (const [key, value] of Object.entries(items)) {
    const id = key.slice('rekindle/journal/'.length);
    const { rev, data } = JSON.parse(value);
    assert.deepEqual(records[id], { v: 3, id, rev, data });
  }
  await reload(page);
  await page.locator('ol.entries .entry-text').first().waitFor();
  await page.getByRole('searchbox').fill('Entry 42 of old');
  await page.locator('ol.entries .entry-text', { hasText: 'Entry 42 of old' }).waitFor();
  assertClean(problems);
  await context.close();
});

test('an entry edited or deleted after its move keeps the change, and a new one stays on its own', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await seed(page, oldEntries(70, 200));
  await reload(page);
  await waitForPacked(page);
  await editEntry(page, 'Entry 3 of old:', 'Entry 3, edited after it was packed.');
  const gone = await findCard(page, 'Entry 5 of old:');
  await gone.getByRole('button', { name: /^Delete entry from/ }).click();
  await page.locator('#journal-search').fill('');
  await page.waitForFunction(() => localStorage.getItem('rekindle/journal/old0003')?.includes('edited after'));
  await page.waitForFunction(() => localStorage.getItem('rekindle/journal/old0005') !== null);
  await reload(page);
  await findCard(page, 'Entry 3, edited after it was packed.');
  await page.locator('#journal-search').fill('');
  assert.equal(await shown(page), 69, 'the deletion holds');
  const records = await storedRecords(page, 'journal');
  assert.equal(records.old0005.data, undefined, 'its tombstone outranks the packed copy');
  assert.match(records.old0003.data.text, /edited after it was packed/);
  assertClean(problems);
  await context.close();
});

test('two windows sweeping at once, one editing while the other moves it: nothing lost', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const first = await context.newPage();
  const problems = watch(first);
  await goto(first, env.server.url + '#/journal');
  await seed(first, oldEntries(90, 400));
  // Both windows start on the same unpacked store and sweep ~3 s later.
  const [a, b] = [first, await context.newPage()];
  const bProblems = watch(b);
  await Promise.all([reload(a), goto(b, env.server.url + '#/journal')]);
  // Window B edits one settled entry and writes a new one while the sweeps run.
  await editEntry(b, 'Entry 10 of old:', 'Entry 10, changed in the other window.');
  await b.locator('#new-text').fill('Written during the move.');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await waitForPacked(a, 1); // the entry just edited stays on its own
  await a.waitForTimeout(1500);
  for (const page of [a, b]) {
    await reload(page);
    await findCard(page, 'Entry 10, changed in the other window.');
    await findCard(page, 'Written during the move.');
    await page.locator('#journal-search').fill('');
    assert.equal(await shown(page), 91);
  }
  const records = await storedRecords(a, 'journal');
  assert.equal(Object.values(records).filter((r) => r.data).length, 91);
  assertClean([...problems, ...bProblems]);
  await context.close();
});

test('a clock once two years ahead packs nothing early, and its entries stay editable', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const ahead = await context.newPage();
  await shiftClock(ahead, 2 * 365 * DAY);
  const problems = watch(ahead);
  await goto(ahead, env.server.url + '#/journal');
  await seed(ahead, oldEntries(70, 200));
  await reload(ahead);
  // By its clock these are 2.5 years old: packed.
  await waitForPacked(ahead);
  await ahead.locator('#new-text').fill('Written with the clock ahead.');
  await ahead.getByRole('button', { name: 'Save entry' }).click();
  await ahead.waitForTimeout(800);
  await ahead.close();
  // Back to the right time: the entry stamped two years ahead stays on its own.
  const page = await context.newPage();
  problems.push(...watch(page));
  await goto(page, env.server.url + '#/journal');
  await page.waitForTimeout(4000); // past the start-up sweep
  const all = await storage(page);
  assert.equal(ownKeys(all).length, 1, 'the future-stamped entry is not packed');
  await editEntry(page, 'Written with the clock ahead.', 'Edited once the clock was right.');
  await page.waitForTimeout(800);
  await reload(page);
  await findCard(page, 'Edited once the clock was right.');
  await page.locator('#journal-search').fill('');
  assert.equal(await shown(page), 71);
  assertClean(problems);
  await context.close();
});

test('a pack damaged by hand is set aside readable; its good entries are kept and packed again', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  // Packs may be plain JSON too (readable, as a person might write one):
  // three entries, one with its text emptied.
  const items = Object.values(oldEntries(3, 500, 'hand')).map((value) => {
    const env = JSON.parse(value);
    return { v: 3, id: env.data.id, rev: env.rev, data: env.data };
  });
  items[1].data.text = ' ';
  const year = new Date(items[0].data.created).getUTCFullYear();
  await page.evaluate(([year, text]) => {
    localStorage.setItem('rekindle/schema', '4');
    localStorage.setItem(`rekindle/pack/journal/${year}`, text);
    localStorage.setItem(`rekindle/pack/journal/${year - 1}`, 'lzw1:\u4000\u4fff\uabcd'); // not a pack at all
  }, [year, JSON.stringify(items)]);
  await reload(page);
  await page.getByRole('alert').filter({ hasText: 'could not be read' }).first().waitFor();
  assert.equal(await shown(page), 2, 'the two good entries are here');
  await page.waitForFunction((year) => localStorage.getItem(`rekindle/pack/journal/${year}`)?.startsWith('lzw1:'), year);
  const all = await storage(page);
  assert.ok(all[`rekindle/recovery/rekindle/pack/journal/${year}`], 'the damaged pack is kept aside');
  assert.ok(all[`rekindle/recovery/rekindle/pack/journal/${year - 1}`], 'the unreadable one too');
  assert.match(unpackText(all[`rekindle/recovery/rekindle/pack/journal/${year}`]), /"text":" "/);
  const records = await storedRecords(page, 'journal');
  assert.deepEqual(Object.keys(records).sort(), ['hand0000', 'hand0002']);
  await reload(page);
  assert.equal(await shown(page), 2);
  assertClean(problems);
  await context.close();
});

test('storage full of the app’s own old entries: the move frees room and a new entry saves', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  // Fill to the last byte with settled entries, as years without packs would.
  const count = await page.evaluate((DAY) => {
    localStorage.setItem('rekindle/schema', '3');
    const base = Date.now() - 300 * DAY;
    const words = 'we walked by the river and talked about the summer and what we want next year ';
    let n = 0;
    for (const size of [2000, 200]) {
      for (;;) {
        const ms = base + n * 60_000;
        const time = new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
        const id = `full${String(n).padStart(6, '0')}`;
        const text = `Entry ${n}. ` + words.repeat(size / words.length);
        const value = JSON.stringify({ v: 3, rev: `${ms}.0.1`, data: { id, created: time, updated: time, kind: 'reflection', text } });
        try {
          localStorage.setItem(`rekindle/journal/${id}`, value);
          n += 1;
        } catch {
          break;
        }
      }
    }
    return n;
  }, DAY);
  await reload(page);
  await page.waitForFunction(
    () => !Object.keys(localStorage).some((k) => k.startsWith('rekindle/journal/full')),
    null,
    { timeout: 60000 },
  );
  await page.locator('#new-text').fill('Room again.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rekindle/journal/')
    && localStorage.getItem(k).includes('Room again.')));
  const records = await storedRecords(page, 'journal');
  assert.equal(Object.values(records).filter((r) => r.data).length, count + 1);
  assertClean(problems);
  await context.close();
});

test('the lock seals packs in their squeezed form and opens them again', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await seed(page, oldEntries(70, 200));
  await reload(page);
  await waitForPacked(page);
  await goto(page, env.server.url + '#/settings');
  await turnLockOn(page, PASSCODE);
  let all = await storage(page);
  const packs = packKeys(all);
  assert.ok(packs.length > 0);
  for (const key of packs) assert.ok(all[key].startsWith('sealed2:'), `${key} sealed, squeezed`);
  assert.ok(!JSON.stringify(all).includes('the walk by the river'), 'no words in the clear');
  await reload(page);
  await lockScreen(page).waitFor();
  await unlock(page, PASSCODE);
  await goto(page, env.server.url + '#/journal');
  assert.equal(await shown(page), 70);
  await turnLockOff(page, PASSCODE);
  all = await storage(page);
  for (const key of packKeys(all)) assert.ok(all[key].startsWith('lzw1:'), `${key} plain again`);
  const records = await storedRecords(page, 'journal');
  assert.equal(Object.keys(records).length, 70);
  assertClean(problems);
  await context.close();
});
