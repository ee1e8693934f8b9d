// Every way in is checked by each kind's own rules: a backup is refused
// whole with the reason, a hand-edited store has the bad record set aside,
// and no stored number can make a screen crash. Replace shows every kind,
// asks first and can be undone; merge never brings back what was deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, reload, storage, stored, waitForSavedEntries, writeEntry as write, assertClean } from './harness.mjs';

const env = sharedBrowser();

const IDEA = {
  id: 'date0001',
  created: '2026-11-01T10:00:00Z',
  updated: '2026-11-01T10:00:00Z',
  title: 'Pottery evening',
  category: 'learning',
  seasons: 15,
  cost: 'medium',
  minutes: 120,
  energy: 'medium',
  memories: [{ day: '2026-11-08', rating: 4, note: 'Clay everywhere.', would_repeat: true }],
};

const CHECK_IN = {
  id: 'chk00001',
  created: '2026-11-01T19:00:00Z',
  updated: '2026-11-01T19:20:00Z',
  day: '2026-11-01',
  finished: true,
  timer: { limit_secs: 1200, banked_secs: 1100 },
  ratings: [7, 9],
  focus: 'A walk on Sunday',
};

async function exportFile(page) {
  await goto(page, env.server.url + '#/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  // Making a backup notes its day in the settings: wait for that save to land.
  await page.waitForFunction(() => localStorage.getItem('rekindle/settings/couple')?.includes('"last_backup"'));
  return readFileSync(await download.path(), 'utf8');
}

function choose(page, name, text) {
  return page.getByLabel('Choose a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('finding 9: a backup with any bad record, of any kind, is refused with the reason', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const settings = stored({ names: ['Alex', 'Sam'], check_in_weekday: 'Sun', theme: 'system' });
  await page.evaluate(
    ([a, b, c]) => {
      localStorage.setItem('rekindle/date/date0001', a);
      localStorage.setItem('rekindle/check-in/chk00001', b);
      localStorage.setItem('rekindle/settings/couple', c);
    },
    [stored(IDEA), stored(CHECK_IN), settings],
  );
  await reload(page);
  const good = JSON.parse(await exportFile(page));
  for (const kind of ['dates', 'check_ins', 'settings']) assert.equal(good[kind].length, 1, `the backup holds ${kind}`);
  const before = await storage(page);
  const withItem = (kind, change) =>
    JSON.stringify({ ...good, [kind]: good[kind].map((item, i) => (i === 0 ? { ...item, data: change(item.data) } : item)) });
  const many = Array.from({ length: 100001 }, (_, i) => ({ v: 3, id: `m${i}`, rev: '1764000000000.0.1' }));
  const cases = [
    ['rating.json', withItem('dates', (d) => ({ ...d, memories: [{ ...d.memories[0], rating: 6 }] })), /date idea date0001: a memory is rated 6/],
    ['title.json', withItem('dates', (d) => ({ ...d, title: '  ' })), /date idea date0001: its name is empty/],
    ['check-in.json', withItem('check_ins', (c) => ({ ...c, ratings: [11, 9] })), /check-in chk00001: a rating is 11/],
    ['answer.json', withItem('check_ins', (c) => ({ ...c, focus: 'x'.repeat(4001) })), /check-in chk00001: its answer is 4001 characters/],
    ['names.json', withItem('settings', (s) => ({ ...s, names: ['n'.repeat(41), ''] })), /settings couple: its name is 41 characters/],
    ['nudges.json', withItem('settings', (s) => ({ ...s, nudges: { nudges: [s.nudges.nudges[0], s.nudges.nudges[0]] } })), /appears twice/],
    ['count.json', JSON.stringify({ ...good, affection: many }), /it holds 100001 affection moments/],
    ['id.json', withItem('dates', (d) => ({ ...d, id: 'another1' })), /carries another id/],
  ];
  for (const [name, text, reason] of cases) {
    await choose(page, name, text);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported and nothing changed.' });
    await alert.waitFor();
    assert.match(await alert.textContent(), reason, name);
    assert.deepEqual(await storage(page), before, `${name}: storage untouched`);
  }
  assertClean(problems);
  await context.close();
});

test('finding 9: a hand-edited store with a date rated 6 sets it aside, and Memories opens', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  const bad = stored({ ...IDEA, memories: [{ ...IDEA.memories[0], rating: 6 }] });
  const outOfRange = stored({ ...CHECK_IN, id: 'chk00002', ratings: [0, 200] });
  const timeOut = stored({ id: 'tout0001', started: '2026-11-01T10:00:00Z', updated: '2026-11-01T10:00:00Z', back_at: '2027-11-01T10:00:00Z' });
  await page.evaluate(
    ([bad, outOfRange, timeOut]) => {
      localStorage.setItem('rekindle/date/date0001', bad);
      localStorage.setItem('rekindle/check-in/chk00002', outOfRange);
      localStorage.setItem('rekindle/time-out/tout0001', timeOut);
    },
    [bad, outOfRange, timeOut],
  );
  await reload(page);
  await page.getByRole('alert').filter({ hasText: '3 saved records could not be read.' }).waitFor();
  await page.getByRole('radio', { name: /Memories/ }).check();
  await page.locator('#memories').waitFor();
  for (const hash of ['#/check-in', '#/progress', '#/talk/time-out', '#/today']) {
    await goto(page, env.server.url + hash);
  }
  const all = await storage(page);
  assert.equal(all['rekindle/recovery/rekindle/date/date0001'], bad, 'kept exactly, readable');
  assert.equal(all['rekindle/date/date0001'], undefined);
  assertClean(problems);
  await context.close();
});

test('finding 10: replace shows every kind, asks first and can be undone; merge never brings back a deleted entry', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'Kept in the backup.');
  await write(page, 'Deleted after the backup.');
  await waitForSavedEntries(page, 2);
  await page.evaluate(([a, b]) => {
    localStorage.setItem('rekindle/date/date0001', a);
    localStorage.setItem('rekindle/check-in/chk00001', b);
  }, [stored(IDEA), stored(CHECK_IN)]);
  await reload(page);
  const file = await exportFile(page);

  // After the backup: one entry deleted, one written, a name set.
  await goto(page, env.server.url + '#/journal');
  const card = page.locator('ol.entries > li').filter({ hasText: 'Deleted after the backup.' });
  await card.getByRole('button', { name: /^Delete entry from/ }).click();
  await write(page, 'Written after the backup.');
  await waitForSavedEntries(page, 2);

  // Merge: the deletion stands.
  await goto(page, env.server.url + '#/settings');
  await choose(page, 'backup.json', file);
  const preview = page.locator('#import-preview');
  await preview.waitFor();
  const text = await preview.textContent();
  assert.match(text, /2 journal entries: 1 already here/);
  assert.match(text, /1 date idea: 1 already here/);
  assert.match(text, /1 check-in: 1 already here/);
  await page.getByRole('button', { name: 'Merge into what is here' }).click();
  await page.waitForTimeout(800);
  await goto(page, env.server.url + '#/journal');
  assert.deepEqual(
    (await page.locator('ol.entries .entry-text').allTextContents()).sort(),
    ['Kept in the backup.', 'Written after the backup.'],
    'the entry deleted since the backup stays deleted',
  );

  // Replace asks first, offers a copy, and can be undone.
  await goto(page, env.server.url + '#/settings');
  await choose(page, 'backup.json', file);
  await page.locator('#import-preview').waitFor();
  await page.getByRole('button', { name: 'Replace everything here' }).click();
  const confirm = page.locator('#confirm-replace');
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /1 record only on this device would be deleted/);
  const [copy] = await Promise.all([
    page.waitForEvent('download'),
    confirm.getByRole('button', { name: 'Download what is here first' }).click(),
  ]);
  assert.ok(readFileSync(await copy.path(), 'utf8').includes('Written after the backup.'));
  await confirm.getByRole('button', { name: 'Yes, replace everything' }).click();
  await page.getByRole('status').filter({ hasText: 'Replaced' }).first().waitFor();
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('Deleted after the backup.')));
  await waitForSavedEntries(page, 2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').filter({ hasText: 'Put back as it was' }).waitFor();
  await page.waitForTimeout(800);
  await reload(page);
  await goto(page, env.server.url + '#/journal');
  assert.deepEqual(
    (await page.locator('ol.entries .entry-text').allTextContents()).sort(),
    ['Kept in the backup.', 'Written after the backup.'],
  );
  assertClean(problems);
  await context.close();
});
