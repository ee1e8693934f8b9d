// Damaged or newer stored data is never silently overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, reload, storage, stored, RECENT_REV } from './harness.mjs';

const env = sharedBrowser();

const GOOD = {
  v: 3,
  rev: RECENT_REV,
  data: {
    id: 'aaaa1111',
    created: '2026-11-01T10:00:00Z',
    updated: '2026-11-01T10:00:00Z',
    kind: 'reflection',
    text: 'A good entry that must survive.',
  },
};

test('a damaged record is moved aside untouched, reported, and the rest loads', async () => {
  const { context, page } = await openApp(env, '#/journal');
  const damaged = '{"v":3,"rev":"1761991200000.0.1","data":{"id":"bbbb2222","text":';
  await page.evaluate(
    ([good, damaged]) => {
      localStorage.setItem('rekindle/journal/aaaa1111', JSON.stringify(good));
      localStorage.setItem('rekindle/journal/bbbb2222', damaged);
    },
    [GOOD, damaged],
  );
  await reload(page);
  await page.getByRole('alert').filter({ hasText: 'One saved record could not be read.' }).waitFor();
  assert.deepEqual(await page.locator('ol.entries .entry-text').allTextContents(), [GOOD.data.text]);
  const stored = await storage(page);
  assert.equal(stored['rekindle/recovery/rekindle/journal/bbbb2222'], damaged, 'kept byte for byte');
  assert.equal(stored['rekindle/journal/bbbb2222'], undefined);
  assert.equal(stored['rekindle/journal/aaaa1111'], JSON.stringify(GOOD), 'good record not rewritten');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable text' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^rekindle-set-aside-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(saved, { 'rekindle/journal/bbbb2222': damaged }, 'the exact text, under its original key');

  await page.getByRole('button', { name: 'Got it' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('data from a newer version opens read-only and is never overwritten', async () => {
  const { context, page } = await openApp(env, '#/journal');
  const newer = JSON.stringify({ v: 5, rev: '1761991200000.0.1', data: { id: 'cccc3333', shape: 'from the future' } });
  await page.evaluate((newer) => {
    localStorage.setItem('rekindle/schema', '5');
    localStorage.setItem('rekindle/journal/cccc3333', newer);
  }, newer);
  await reload(page);
  await page.getByRole('alert').filter({ hasText: 'newer version of Rekindle' }).first().waitFor();

  await page.locator('#new-text').fill('Written while read-only.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.waitForTimeout(800); // longer than the save delay
  const stored = await storage(page);
  assert.equal(stored['rekindle/journal/cccc3333'], newer);
  assert.equal(stored['rekindle/schema'], '5');
  assert.equal(Object.keys(stored).filter((k) => k.startsWith('rekindle/journal/')).length, 1);
  // What was typed is still on screen.
  assert.deepEqual(await page.locator('ol.entries .entry-text').allTextContents(), ['Written while read-only.']);
  await context.close();
});

test('records from an older schema are upgraded in place and keep their meaning', async () => {
  const { context, page } = await openApp(env, '#/journal');
  const fixture = (path) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').trim();
  const v1 = fixture('v1/journal_entry.json');
  const id = JSON.parse(v1).data.id;
  await page.evaluate(([id, v1]) => {
    localStorage.setItem('rekindle/schema', '1');
    localStorage.setItem(`rekindle/journal/${id}`, v1);
  }, [id, v1]);
  await reload(page);
  await page.locator('ol.entries .badge-flag', { hasText: 'For check-in' }).waitFor();
  const stored = await storage(page);
  assert.equal(stored[`rekindle/journal/${id}`], fixture('v3/journal_entry.json'), 'rewritten in the v3 form');
  assert.equal(stored['rekindle/schema'], '4');
  assert.equal(await page.getByRole('alert').count(), 0, 'an upgrade is not a problem to report');
  await context.close();
});

test('a draft kept by schema 1 (bare JSON) still comes back, and is kept with its version', async () => {
  const { context, page } = await openApp(env, '#/journal');
  const old = { new_entry: { kind: 'reflection', text: 'Old half-written words', mood: null, tags: '', prompt: null, for_check_in: false }, editing: null };
  await page.evaluate((old) => localStorage.setItem('rekindle/drafts/journal', JSON.stringify(old)), old);
  await reload(page);
  assert.equal(await page.locator('#new-text').inputValue(), 'Old half-written words');
  await page.locator('#new-text').fill('Old half-written words, and more');
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal').includes('and more'));
  const stored = JSON.parse((await storage(page))['rekindle/drafts/journal']);
  assert.equal(stored.v, 3);
  assert.equal(stored.data.new_entry.text, 'Old half-written words, and more');
  await context.close();
});

test('a full storage quota is reported, keeps what is on screen, and the save lands once there is room', async () => {
  const { context, page } = await openApp(env, '#/journal');
  // Fill this origin's localStorage to the last kilobyte with padding.
  const padded = await page.evaluate(() => {
    let count = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`padding/${count}`, chunk);
          count += 1;
        } catch {
          break;
        }
      }
    }
    return count;
  });
  assert.ok(padded > 3, 'storage was filled');

  await page.locator('#new-text').fill('Written while the storage is full. '.repeat(40));
  await page.getByRole('button', { name: 'Save entry' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'storage for Rekindle is full' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Delete some old entries/);
  assert.equal((await page.locator('ol.entries .entry-text').allTextContents()).length, 1, 'the entry stays on screen');
  assert.equal(Object.keys(await storage(page)).filter((k) => k.startsWith('rekindle/journal/')).length, 0);

  // Make room; the store retries by itself.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('padding/')) localStorage.removeItem(key);
  });
  await page.waitForFunction(
    () => Object.keys(localStorage).some((k) => k.startsWith('rekindle/journal/')),
    null,
    { timeout: 15000 },
  );
  await alert.waitFor({ state: 'detached' });
  await reload(page);
  assert.match((await page.locator('ol.entries .entry-text').allTextContents())[0], /^Written while the storage is full\./);
  await context.close();
});

test('a damaged check-in is moved aside; the good ones still show in history', async () => {
  const { context, page } = await openApp(env, '#/check-in');
  const good = {
    v: 3,
    rev: RECENT_REV,
    data: {
      id: 'dddd4444',
      created: '2026-11-01T19:00:00Z',
      updated: '2026-11-01T19:20:00Z',
      day: '2026-11-01',
      finished: true,
      timer: { limit_secs: 1200, banked_secs: 1100 },
      ratings: [7, 9],
      focus: 'Dinner on the balcony',
    },
  };
  // Valid JSON, impossible content: a rating that is not a number.
  const damaged = JSON.stringify({ ...good, data: { ...good.data, id: 'eeee5555', ratings: ['eleven', null] } });
  await page.evaluate(
    ([good, damaged]) => {
      localStorage.setItem('rekindle/check-in/dddd4444', JSON.stringify(good));
      localStorage.setItem('rekindle/check-in/eeee5555', damaged);
    },
    [good, damaged],
  );
  await reload(page);
  await page.getByRole('alert').filter({ hasText: 'One saved record could not be read.' }).waitFor();
  assert.equal(await page.locator('#check-in-history li').count(), 1);
  assert.match(await page.locator('#check-in-history summary').textContent(), /: Close · .*: Really close$/);
  const stored = await storage(page);
  assert.equal(stored['rekindle/recovery/rekindle/check-in/eeee5555'], damaged, 'kept byte for byte');
  assert.equal(stored['rekindle/check-in/eeee5555'], undefined);
  await context.close();
});
