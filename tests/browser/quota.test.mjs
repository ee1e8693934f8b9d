// Storage full of the couple's own records: deleting old ones in the app
// makes room (deletions are written first), one kind that cannot be saved
// stops no other, and the waiting change lands by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, reload, storage, TOMBSTONE, assertClean } from './harness.mjs';

const env = sharedBrowser();

const liveEntries = async (page) =>
  Object.entries(await storage(page)).filter(([k, v]) => k.startsWith('rekindle/journal/') && !TOMBSTONE.test(v));

test('finding 3: with storage full of entries, deleting old ones in the app lets the new one save', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  // Fill storage to the last byte with journal entries, as years of use would.
  // Revisions an hour old: these tests are about a full store, not the move into packs.
  const filled = await page.evaluate((recent) => {
    localStorage.setItem('rekindle/schema', '3');
    let n = 0;
    for (const size of [48000, 4000, 400, 40]) {
      for (;;) {
        const id = `old${String(n).padStart(6, '0')}`;
        const value = JSON.stringify({
          v: 3,
          rev: `${recent}.${n}.1`,
          data: {
            id,
            created: '2026-10-01T10:00:00Z',
            updated: '2026-10-01T10:00:00Z',
            kind: 'reflection',
            text: `An old entry (${n}). ` + 'y'.repeat(size),
          },
        });
        try {
          localStorage.setItem(`rekindle/journal/${id}`, value);
          n += 1;
        } catch {
          break;
        }
      }
    }
    return n;
  }, Date.now() - 60 * 60 * 1000);
  assert.ok(filled > 20);
  await reload(page);
  const before = (await liveEntries(page)).length;

  await page.locator('#new-text').fill('Written with storage full. '.repeat(80));
  await page.getByRole('button', { name: 'Save entry' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'storage for Rekindle is full' });
  await alert.waitFor();
  // A small touch ticked meanwhile is another kind: it waits too, but is not lost.
  await goto(page, env.server.url + '#/today');
  await page.locator('.nudges button').first().click();
  await goto(page, env.server.url + '#/journal');

  // The advice works: delete two old entries in the app.
  for (let i = 0; i < 2; i += 1) {
    await page.getByRole('button', { name: /^Delete entry from/ }).nth(1).click();
  }
  await page.waitForFunction(
    () => Object.values(localStorage).some((v) => v.includes('Written with storage full.')),
    null,
    { timeout: 20000 },
  );
  await alert.waitFor({ state: 'detached', timeout: 20000 });
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rekindle/affection/')));
  assert.equal((await liveEntries(page)).length, before - 2 + 1);

  await reload(page);
  assert.match((await page.locator('ol.entries .entry-text').allTextContents())[0], /^Written with storage full\./);
  await goto(page, env.server.url + '#/today');
  assert.equal(await page.locator('.nudges button').first().getAttribute('aria-pressed'), 'true');
  assertClean(problems);
  await context.close();
});
