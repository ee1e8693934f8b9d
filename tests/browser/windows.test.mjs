// Several windows of one browser (tabs, the installed app beside a tab):
// a lock changed, locked, erased or storage cleared in one never costs the
// others a word, and no window writes with a key that is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser,
  openApp,
  anotherWindow,
  goto,
  reload,
  storage,
  waitForSavedEntries,
  writeEntry as write,
  turnLockOn as lockOn,
  turnLockOff as lockOff,
  unlock,
  lockScreen,
  assertClean,
} from './harness.mjs';

const env = sharedBrowser();
const PASSCODE = 'harbour lights';
const NEW_PASSCODE = 'second harbour';

const turnLockOn = (page, passcode = PASSCODE) => lockOn(page, passcode);
const turnLockOff = (page, passcode = PASSCODE) => lockOff(page, passcode);
const texts = (page) => page.locator('ol.entries .entry-text').allTextContents();

/** Nothing stored is sealed once the lock is off, and nothing was set aside. */
async function assertAllPlain(page) {
  const all = await storage(page);
  for (const [key, value] of Object.entries(all)) {
    assert.ok(!value.startsWith('sealed1:'), `${key} is still sealed with a key nobody has`);
    assert.ok(!key.startsWith('rekindle/recovery/'), `${key} was set aside`);
  }
}

/** A fresh window shows exactly `expected` in the journal. */
async function freshWindowShows(context, expected, passcode) {
  const page = await context.newPage();
  await page.goto(env.server.url + '#/journal');
  if (passcode) {
    await lockScreen(page).waitFor();
    await unlock(page, passcode);
  }
  await page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  await page.locator('ol.entries .entry-text').first().waitFor();
  assert.deepEqual((await texts(page)).sort(), [...expected].sort());
  await page.close();
}

test('finding 1: a window left at the lock screen cannot wipe anything when the lock changes elsewhere', async () => {
  const { context, page: b, problems } = await openApp(env, '#/journal');
  await write(b, 'Written before the lock.');
  await waitForSavedEntries(b, 1);
  await turnLockOn(b);

  // Window A opens and waits at the lock screen.
  const a = await context.newPage();
  const aProblems = [];
  a.on('pageerror', (error) => aProblems.push(error.message));
  await a.goto(env.server.url + '#/journal');
  await lockScreen(a).waitFor();

  // In B the lock is turned off. A must not open with the old key.
  await turnLockOff(b);
  await goto(b, env.server.url + '#/journal');
  await write(b, 'Written after the lock came off.');
  await waitForSavedEntries(b, 2);

  // A has started again from what is stored: no lock screen, both entries.
  await a.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  await a.locator('ol.entries .entry-text', { hasText: 'Written after the lock came off.' }).waitFor();
  await assertAllPlain(b);
  await freshWindowShows(context, ['Written before the lock.', 'Written after the lock came off.']);

  // Off, then on again with a new key: A (at the lock screen again) must
  // not open with the old passcode, and the new one opens everything.
  await turnLockOn(b, PASSCODE);
  await reload(a).catch(() => {});
  await lockScreen(a).waitFor();
  await turnLockOff(b, PASSCODE);
  await turnLockOn(b, NEW_PASSCODE);
  await lockScreen(a).waitFor();
  await unlock(a, PASSCODE);
  await a.getByRole('alert').filter({ hasText: 'That passcode is not right.' }).waitFor({ timeout: 20000 });
  await unlock(a, NEW_PASSCODE);
  await a.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  await freshWindowShows(context, ['Written before the lock.', 'Written after the lock came off.'], NEW_PASSCODE);

  // Erased in B while A waits at the lock screen: A starts afresh, empty.
  await reload(a).catch(() => {});
  await lockScreen(a).waitFor();
  await goto(b, env.server.url + '#/settings');
  await b.getByLabel('Type ERASE to confirm').fill('ERASE');
  await Promise.all([b.waitForEvent('load'), b.getByRole('button', { name: 'Erase everything' }).click()]);
  await a.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  assert.deepEqual(await texts(a), []);
  assert.deepEqual(aProblems, []);
  assertClean(problems);
  await context.close();
});

test('finding 6: a window whose lock was turned off elsewhere never writes with the dropped key', async () => {
  const { context, page: a, problems } = await openApp(env, '#/journal');
  // Enough written that opening it all frees room (sealed text is a third longer).
  // Revisions an hour old: they stay under their own keys (this drill is about a full store).
  await a.evaluate((recent) => {
    for (let n = 0; n < 12; n += 1) {
      const id = `long${n}`;
      const data = { id, created: '2026-11-01T10:00:00Z', updated: '2026-11-01T10:00:00Z', kind: 'reflection', text: `Long entry ${n}. ` + 'words '.repeat(3000) };
      localStorage.setItem(`rekindle/journal/${id}`, JSON.stringify({ v: 3, rev: `${recent}.${n}.1`, data }));
    }
  }, Date.now() - 60 * 60 * 1000);
  await reload(a);
  await turnLockOn(a);
  const b = await anotherWindow(env, context);
  await unlock(b.page, PASSCODE);
  await b.page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });

  // A's next entry cannot be saved yet (storage is full): it waits in A, sealed with A's key.
  await goto(a, env.server.url + '#/journal');
  await a.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`padding/${n}`, chunk);
          n += 1;
        } catch {
          break;
        }
      }
    }
    localStorage.removeItem(`padding/${n - 1}`); // a little room for the lock's own record
  });
  await write(a, 'Waiting in A while the lock came off. '.repeat(200));
  await a.getByRole('alert').filter({ hasText: 'storage for Rekindle is full' }).waitFor();

  // B turns the lock off: everything is plain again, and A must write plain too.
  await turnLockOff(b.page);
  await a.locator('ol.entries .entry-text', { hasText: 'Waiting in A while the lock came off.' }).waitFor({ timeout: 20000 });
  await a.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('Waiting in A while the lock came off.')));
  await a.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('padding/')) localStorage.removeItem(key);
  });
  await assertAllPlain(a);
  const fresh = await context.newPage();
  await fresh.goto(env.server.url + '#/journal');
  await fresh.locator('ol.entries .entry-text', { hasText: 'Waiting in A while the lock came off.' }).waitFor();
  assert.equal(await fresh.locator('ol.entries > li').count(), 13, 'every entry, none set aside');
  assertClean([...problems, ...b.problems]);
  await context.close();
});

test('finding 7: "Lock now" locks every window, and never reloads over a failed save', async () => {
  const { context, page: a, problems } = await openApp(env, '#/journal');
  await write(a, 'Kept through locking.');
  await waitForSavedEntries(a, 1);
  await turnLockOn(a);
  const b = await anotherWindow(env, context);
  await unlock(b.page, PASSCODE);
  await b.page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });

  // Storage full: a change cannot be saved, so "Lock now" must not reload.
  await a.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 1 << 6]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`padding/${n}`, chunk);
          n += 1;
        } catch {
          break;
        }
      }
    }
  });
  await goto(a, env.server.url + '#/journal');
  await write(a, 'Not saved yet: storage is full. '.repeat(20));
  await a.getByRole('alert').filter({ hasText: 'storage for Rekindle is full' }).waitFor();
  await goto(a, env.server.url + '#/settings');
  let reloaded = false;
  a.once('load', () => {
    reloaded = true;
  });
  await a.getByRole('button', { name: 'Lock now' }).click();
  await a.getByRole('alert').filter({ hasText: 'Rekindle did not reload, so nothing is lost' }).waitFor();
  await a.waitForTimeout(500);
  assert.equal(reloaded, false, 'no reload over an unsaved change');
  assert.equal(await lockScreen(b.page).count(), 0, 'no other window was locked either');

  // Room again: the entry saves, and "Lock now" locks both windows.
  await a.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('padding/')) localStorage.removeItem(key);
  });
  await waitForSavedEntries(a, 2);
  await Promise.all([a.waitForEvent('load'), a.getByRole('button', { name: 'Lock now' }).click()]);
  await lockScreen(a).waitFor();
  await lockScreen(b.page).waitFor({ timeout: 20000 });
  await unlock(b.page, PASSCODE);
  await b.page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  assert.equal((await texts(b.page)).length, 2);
  assertClean([...problems, ...b.problems]);
  await context.close();
});

test('finding 11: storage cleared from outside is noticed, and what a window holds is written back', async () => {
  const { context, page: a, problems } = await openApp(env, '#/journal');
  await write(a, 'Must survive a clear().');
  await waitForSavedEntries(a, 1);
  const b = await anotherWindow(env, context);
  await b.page.evaluate(() => localStorage.clear());
  await a.getByRole('alert').filter({ hasText: 'has written it all back' }).waitFor();
  await waitForSavedEntries(a, 1);
  await freshWindowShows(context, ['Must survive a clear().']);

  // With the lock on, the lock record goes back first: everything opens.
  await turnLockOn(a);
  // B restarts by itself when the lock changes elsewhere (reloading it here
  // as well raced that reload): it comes back at the lock screen.
  await b.page.getByRole('heading', { name: 'Rekindle is locked' }).waitFor({ timeout: 20000 });
  await unlock(b.page, PASSCODE);
  await b.page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  await b.page.evaluate(() => localStorage.clear());
  await a.getByRole('alert').filter({ hasText: 'has written it all back' }).waitFor();
  await a.waitForFunction(() => localStorage.getItem('rekindle/lock') !== null);
  await waitForSavedEntries(a, 1);
  await freshWindowShows(context, ['Must survive a clear().'], PASSCODE);
  assertClean(problems);
  await context.close();
});

test('a window restored from the back/forward cache, or opened after "Lock now", asks for the passcode', async () => {
  const { context, page: a, problems } = await openApp(env, '#/journal');
  await write(a, 'Private words.');
  await waitForSavedEntries(a, 1);
  await turnLockOn(a);
  await goto(a, env.server.url + '#/journal');
  const b = await anotherWindow(env, context);
  await unlock(b.page, PASSCODE);
  await b.page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 20000 });
  // A leaves for another page; meanwhile B locks every window.
  await a.goto('about:blank');
  await goto(b.page, env.server.url + '#/settings');
  await Promise.all([b.page.waitForEvent('load'), b.page.getByRole('button', { name: 'Lock now' }).click()]);
  await a.goBack();
  await lockScreen(a).waitFor({ timeout: 20000 });
  assert.equal(await a.locator('ol.entries').count(), 0, 'nothing private shown');
  assertClean([...problems, ...b.problems]);
  await context.close();
});
