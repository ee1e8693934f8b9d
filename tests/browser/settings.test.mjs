// Settings → Your data: the storage meter, asking to keep the data, and
// erasing everything (only after typing the confirmation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, reload, storage, waitForSavedEntries, assertClean } from './harness.mjs';

const env = sharedBrowser();

test('the storage meter counts Rekindle’s records and the site’s quota', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await page.locator('#new-text').fill('Some words to count. '.repeat(200));
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(page, 1);
  await goto(page, env.server.url + '#/settings');
  const records = page.locator('.figures dd').first();
  await page.waitForFunction(() => !document.querySelector('.figures dd').textContent.includes('…'));
  assert.match(await records.textContent(), /^\d+ KB$/);
  assert.ok(Number((await records.textContent()).split(' ')[0]) >= 8, '4,000 characters are about 8 KB');
  assert.match(await page.locator('.figures dd').nth(1).textContent(), / of \d/);

  await page.getByRole('button', { name: 'Ask the browser to keep my data' }).click();
  await page.getByRole('status').filter({ hasText: /Done|said no|cannot/ }).waitFor();
  assertClean(problems);
  await context.close();
});

test('erase everything needs the typed word, then removes only Rekindle’s data', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await page.locator('#new-text').fill('To be erased.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(page, 1);
  await page.evaluate(() => localStorage.setItem('another-app/setting', 'keep me'));

  await goto(page, env.server.url + '#/settings');
  const erase = page.getByRole('button', { name: 'Erase everything' });
  assert.equal(await erase.isDisabled(), true);
  await page.getByLabel('Type ERASE to confirm').fill('erase?');
  assert.equal(await erase.isDisabled(), true, 'only the exact word unlocks it');
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await Promise.all([page.waitForEvent('load'), erase.click()]);
  await page.locator('main h1').waitFor();

  const stored = await storage(page);
  assert.deepEqual(
    Object.keys(stored).filter((k) => k !== 'rekindle/schema'),
    [],
    'no Rekindle record is left',
  );
  assert.equal(await page.evaluate(() => localStorage.getItem('another-app/setting')), 'keep me');
  await goto(page, env.server.url + '#/journal');
  assert.equal(await page.locator('ol.entries > li').count(), 0);
  await reload(page);
  assert.equal(await page.locator('ol.entries > li').count(), 0);
  assertClean(problems);
  await context.close();
});
