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
  // Erase cannot reach files already downloaded, and says so before anyone relies on it.
  assert.match(
    await page.locator('section[aria-labelledby="erase-title"]').textContent(),
    /Backups and calendar files you downloaded .* stay in this phone's downloads/,
  );
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

test('names, check-in day and theme are kept, and the theme overrides the device', async () => {
  const { context, page, problems } = await openApp(env, '#/settings', { colorScheme: 'light' });
  await page.getByLabel("Partner 1's name").fill('  Alex ');
  await page.getByLabel("Partner 2's name").fill('Sam');
  await page.getByLabel("Partner 2's name").press('Tab');
  await page.getByLabel('Weekly check-in day').selectOption('Wednesday');
  await page.getByLabel('Dark').check();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await background(), 'rgb(28, 24, 22)', 'dark although the device is light');
  await page.waitForFunction(() => localStorage.getItem('rekindle/settings/couple') !== null);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('rekindle/settings/couple')));
  const { nudges, ...chosen } = stored.data;
  assert.equal(stored.v, 3);
  assert.match(stored.rev, /^\d+\.\d+\.[0-9a-f]+$/, 'a revision decides between copies');
  assert.deepEqual(chosen, { names: ['Alex', 'Sam'], check_in_weekday: 'Wed', theme: 'dark' });
  assert.equal(nudges.nudges.length, 10, 'the starter list of small touches');

  await reload(page);
  await goto(page, env.server.url + '#/settings');
  assert.equal(await page.getByLabel("Partner 1's name").inputValue(), 'Alex');
  assert.equal(await page.getByLabel('Weekly check-in day').inputValue(), 'Wednesday');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.getByLabel('Match this device').check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === undefined);
  assert.equal(await background(), 'rgb(247, 241, 236)');
  assertClean(problems);
  await context.close();
});

test('a settings change in one tab reaches the other without echoing back', async () => {
  const { context, page: a, problems } = await openApp(env, '#/settings');
  const b = await context.newPage();
  await goto(b, env.server.url + '#/settings');
  await a.getByLabel("Partner 1's name").fill('Robin');
  await a.getByLabel("Partner 1's name").press('Tab');
  await a.getByLabel('Dark').check();
  await b.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await b.waitForFunction(() => document.querySelector('#name-first').value === 'Robin');
  // Count writes of the settings key for a while: the other tab must not write it back.
  const writes = await a.evaluate(
    () =>
      new Promise((resolve) => {
        let count = 0;
        addEventListener('storage', (event) => {
          if (event.key === 'rekindle/settings/couple') count += 1;
        });
        setTimeout(() => resolve(count), 1500);
      }),
  );
  assert.equal(writes, 0);
  assertClean(problems);
  await context.close();
});
