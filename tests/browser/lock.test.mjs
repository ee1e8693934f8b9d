// The passcode lock: with it on, localStorage holds no readable text; the
// app opens to a lock screen; a wrong passcode is refused and harms nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser,
  openApp,
  goto,
  reload,
  storage,
  waitForSavedEntries,
  turnLockOn as lockOn,
  unlock,
  NEW_PASSCODE,
  assertClean,
} from './harness.mjs';

const env = sharedBrowser();
const PHRASE = 'Our secret walk by the harbour';
const DRAFT = 'Half a thought about Sunday';
const PASSCODE = 'correct horse';

/** Every value Rekindle stored, as one string to search. */
const everything = async (page) => JSON.stringify(await storage(page));

const turnLockOn = (page, passcode = PASSCODE) => lockOn(page, passcode);

test('lock on: nothing readable is stored; wrong passcode refused; right one opens', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await page.locator('#new-text').fill(PHRASE);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(page, 1);
  await page.locator('#new-text').fill(DRAFT);
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal') !== null);
  assert.ok((await everything(page)).includes(PHRASE), 'the drill can see plain text before the lock');

  await turnLockOn(page);
  const sealed = await everything(page);
  assert.ok(!sealed.includes('harbour'), 'no entry text in storage');
  assert.ok(!sealed.includes('Sunday'), 'no draft text in storage');
  const stored = await storage(page);
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'rekindle/schema' || key === 'rekindle/lock') continue;
    assert.match(value, /^sealed1:[A-Za-z0-9+/]+=*$/, `${key} is sealed`);
  }
  const lock = JSON.parse(stored['rekindle/lock']);
  assert.equal(lock.kdf, 'pbkdf2-sha256');
  assert.ok(lock.iterations >= 600000);

  // Writing with the lock on stays sealed, each write with a fresh nonce.
  await goto(page, env.server.url + '#/journal');
  await page.locator('#new-text').fill('Another private line');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(page, 2);
  await page.locator('#new-text').fill(DRAFT);
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal') !== null);
  assert.ok(!(await everything(page)).includes('private line'));
  assert.ok(!(await everything(page)).includes('Sunday'));

  await reload(page);
  await page.getByRole('heading', { name: 'Rekindle is locked' }).waitFor();
  assert.equal(await page.locator('ol.entries').count(), 0, 'nothing shown while locked');
  const before = await storage(page);

  await unlock(page, 'not the passcode');
  const refusal = page.getByRole('alert').filter({ hasText: 'That passcode is not right.' });
  await refusal.waitFor({ timeout: 15000 });
  assert.deepEqual(await storage(page), before, 'a wrong passcode changes nothing');
  assert.equal(await page.getByLabel('Passcode').inputValue(), '', 'the field is cleared for another try');

  await unlock(page, PASSCODE);
  await page.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 15000 });
  assert.deepEqual(
    (await page.locator('ol.entries .entry-text').allTextContents()).sort(),
    ['Another private line', PHRASE].sort(),
  );
  assert.equal(await page.locator('#new-text').inputValue(), DRAFT, 'the sealed draft came back');
  assertClean(problems);
  await context.close();
});

test('changing the passcode, then turning the lock off, keeps every entry', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await page.locator('#new-text').fill(PHRASE);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(page, 1);
  await turnLockOn(page);
  const firstLock = (await storage(page))['rekindle/lock'];

  await page.getByLabel('Current passcode').fill('wrong one');
  await page.getByLabel(NEW_PASSCODE).fill('second passcode');
  await page.getByLabel('The new passcode again').fill('second passcode');
  await page.getByRole('button', { name: 'Change passcode' }).click();
  await page.getByRole('alert').filter({ hasText: 'That passcode is not right.' }).waitFor({ timeout: 15000 });
  assert.equal((await storage(page))['rekindle/lock'], firstLock, 'a wrong current passcode changes nothing');

  await page.getByLabel('Current passcode').fill(PASSCODE);
  await page.getByLabel(NEW_PASSCODE).fill('second passcode');
  await page.getByLabel('The new passcode again').fill('second passcode');
  await page.getByRole('button', { name: 'Change passcode' }).click();
  await page.getByRole('status').filter({ hasText: 'Passcode changed.' }).waitFor({ timeout: 15000 });
  assert.notEqual((await storage(page))['rekindle/lock'], firstLock, 'the data key is wrapped anew');

  await reload(page);
  await unlock(page, PASSCODE);
  await page.getByRole('alert').filter({ hasText: 'That passcode is not right.' }).waitFor({ timeout: 15000 });
  await unlock(page, 'second passcode');
  await page.locator('main h1', { hasText: 'Settings' }).waitFor({ timeout: 15000 });

  await page.getByLabel('Passcode', { exact: true }).fill('second passcode');
  await page.getByRole('button', { name: 'Turn the lock off' }).click();
  await page.getByRole('status').filter({ hasText: 'The lock is off.' }).waitFor({ timeout: 15000 });
  const stored = await storage(page);
  assert.equal(stored['rekindle/lock'], undefined);
  assert.ok(JSON.stringify(stored).includes(PHRASE), 'plain again');
  await reload(page);
  await goto(page, env.server.url + '#/journal');
  assert.deepEqual(await page.locator('ol.entries .entry-text').allTextContents(), [PHRASE]);
  assertClean(problems);
  await context.close();
});

test('a second tab follows when the lock is turned on, and sealed saves from tabs merge', async () => {
  const { context, page: a, problems } = await openApp(env, '#/journal');
  const b = await context.newPage();
  await goto(b, env.server.url + '#/journal');
  await turnLockOn(a);
  // The other tab drops what it knew and asks for the passcode.
  await b.getByRole('heading', { name: 'Rekindle is locked' }).waitFor();
  await unlock(b, PASSCODE);
  await b.locator('main h1', { hasText: 'Journal' }).waitFor({ timeout: 15000 });
  await goto(a, env.server.url + '#/journal');
  await a.locator('#new-text').fill('Written in tab A');
  await a.getByRole('button', { name: 'Save entry' }).click();
  await b.locator('ol.entries .entry-text', { hasText: 'Written in tab A' }).waitFor();
  await b.locator('#new-text').fill('Written in tab B');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await a.locator('ol.entries .entry-text', { hasText: 'Written in tab B' }).waitFor();
  await waitForSavedEntries(a, 2);
  assert.ok(!(await everything(a)).includes('Written in tab'));
  assertClean(problems);
  await context.close();
});
