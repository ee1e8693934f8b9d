// A device clock that was once ahead (or a backup from one) never freezes a
// record: every edit moves its revision forward, and the edit is what shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, goto, reload, watch, shiftClock, storage, waitForSavedEntries, assertClean } from './harness.mjs';

const env = sharedBrowser();
const YEAR = 365 * 24 * 3600 * 1000;

const texts = (page) => page.locator('ol.entries .entry-text').allTextContents();

async function editEntry(page, from, to) {
  const id = await page.locator('ol.entries > li').filter({ hasText: from }).getAttribute('id');
  const card = page.locator(`#${id}`);
  await card.getByRole('button', { name: /^Edit entry from/ }).click();
  await card.locator('textarea').fill(to);
  await card.getByRole('button', { name: 'Save changes' }).click();
}

test('finding 5: an entry written while the clock ran a year ahead still takes edits once it is put right', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const ahead = await context.newPage();
  await shiftClock(ahead, YEAR);
  const problems = watch(ahead);
  await goto(ahead, env.server.url + '#/journal');
  await ahead.locator('#new-text').fill('Written with the clock a year ahead.');
  await ahead.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(ahead, 1);
  await ahead.close();

  // The clock is right again: edit, reload, and the edit is there.
  const page = await context.newPage();
  problems.push(...watch(page));
  await goto(page, env.server.url + '#/journal');
  await editEntry(page, 'Written with the clock a year ahead.', 'Edited with the right clock.');
  await page.locator('ol.entries .entry-text', { hasText: 'Edited with the right clock.' }).waitFor();
  await page.waitForFunction(() =>
    Object.entries(localStorage).some(([k, v]) => k.startsWith('rekindle/journal/') && v.includes('Edited with the right clock.')),
  );
  await reload(page);
  assert.deepEqual(await texts(page), ['Edited with the right clock.']);

  // Deleting it works too, and it stays deleted after a reload.
  await page.getByRole('button', { name: /^Delete entry from/ }).click();
  await waitForSavedEntries(page, 0);
  await reload(page);
  assert.deepEqual(await texts(page), []);
  assertClean(problems);
  await context.close();
});

test('finding 5: a backup from a device whose clock ran ahead imports, and its records still take edits', async () => {
  // Make the backup on a device a year ahead.
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const ahead = await context.newPage();
  await shiftClock(ahead, YEAR);
  await goto(ahead, env.server.url + '#/journal');
  await ahead.locator('#new-text').fill('From the device with the fast clock.');
  await ahead.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(ahead, 1);
  await goto(ahead, env.server.url + '#/settings');
  const [download] = await Promise.all([
    ahead.waitForEvent('download'),
    ahead.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  await context.close();

  const other = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await other.newPage();
  const problems = watch(page);
  await goto(page, env.server.url + '#/settings');
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'fast.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('#import-preview').waitFor();
  await page.getByRole('button', { name: 'Merge into what is here' }).click();
  await waitForSavedEntries(page, 1);
  // The year-ahead revision was taken as made now: nothing stored is dated a year on.
  const revs = Object.entries(await storage(page))
    .filter(([k]) => k.startsWith('rekindle/journal/'))
    .map(([, v]) => Number(JSON.parse(v).rev.split('.')[0]));
  assert.ok(revs.every((ms) => ms < Date.now() + 2 * 24 * 3600 * 1000), 'no revision from the future kept');

  await goto(page, env.server.url + '#/journal');
  await editEntry(page, 'From the device with the fast clock.', 'Edited here, on time.');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('Edited here, on time.')));
  await reload(page);
  assert.deepEqual(await texts(page), ['Edited here, on time.']);
  assertClean(problems);
  await other.close();
});
