// Settings → Backups: every export re-imports to the same data; a bad file
// is refused with a reason and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, reload, storage, waitForStoredRecords, storedRecords, assertClean } from './harness.mjs';

const env = sharedBrowser();

const record = (id, text, extra = {}) => ({
  v: 2,
  data: {
    id,
    created: '2026-11-01T10:00:00Z',
    updated: '2026-11-01T10:00:00Z',
    kind: 'reflection',
    text,
    ...extra,
  },
});

const SEED = [
  record('aaaa0001', 'First entry, with "quotes" and ünïcode 💛.', { mood: 4, tags: ['us'] }),
  record('aaaa0002', '<img src=x onerror=alert(1)> stays text', { agenda: 'next' }),
  record('aaaa0003', 'Line one\nline two', { kind: 'unspoken_need', prompt: 'unsaid_need' }),
];

async function seeded() {
  const opened = await openApp(env, '#/settings');
  await opened.page.evaluate((seed) => {
    localStorage.setItem('rekindle/schema', '2');
    for (const r of seed) localStorage.setItem(`rekindle/journal/${r.data.id}`, JSON.stringify(r));
  }, SEED);
  await reload(opened.page);
  return opened;
}

async function exportFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  // Making a backup notes its day in the settings: wait for that save to land.
  await page.waitForFunction(() => localStorage.getItem('rekindle/settings/couple')?.includes('"last_backup"'));
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

function choose(page, name, text) {
  return page.getByLabel('Choose a backup file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** The live journal records, under their own keys or in packs, each in its own key's form. */
const journalRecords = async (page) =>
  Object.fromEntries(
    Object.entries(await storedRecords(page, 'journal'))
      .filter(([, env]) => env.data)
      .map(([id, env]) => [`rekindle/journal/${id}`, JSON.stringify({ v: env.v, rev: env.rev, data: env.data })]),
  );

test('an export re-imports to exactly the same records, by merge and by replace', async () => {
  const { context, page, problems } = await seeded();
  const before = await journalRecords(page);
  const file = await exportFile(page);
  assert.match(file.name, /^rekindle-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(file.text).journal.length, 3);

  // Lose one entry and write a new one, then merge the backup back in.
  await page.evaluate(() => localStorage.removeItem('rekindle/journal/aaaa0001'));
  await reload(page);
  await goto(page, env.server.url + '#/journal');
  await page.locator('#new-text').fill('Written after the backup.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForStoredRecords(page, 'journal', 3);
  await goto(page, env.server.url + '#/settings');

  await choose(page, file.name, file.text);
  const preview = page.locator('#import-preview');
  await preview.waitFor();
  assert.match(await preview.textContent(), /3 journal entries:/);
  assert.match(await preview.textContent(), /1 new to this device/);
  assert.match(await preview.textContent(), /2 already here/);
  assert.match(await preview.textContent(), /1 only on this device/);
  assert.deepEqual(Object.keys(await journalRecords(page)).length, 3, 'a preview changes nothing');

  await page.getByRole('button', { name: 'Merge into what is here' }).click();
  await page.getByRole('status').filter({ hasText: 'Merged: this device now holds 4 journal entries.' }).waitFor();
  await waitForStoredRecords(page, 'journal', 4);
  const merged = await journalRecords(page);
  for (const [key, value] of Object.entries(before)) assert.equal(merged[key], value, `${key} came back as it was`);

  // Merging the same file again adds nothing.
  await choose(page, file.name, file.text);
  await page.locator('#import-preview').waitFor();
  assert.match(await page.locator('#import-preview').textContent(), /3 journal entries: 3 already here, 1 only on this device/);
  assert.doesNotMatch(await page.locator('#import-preview').textContent(), /new to this device/);
  await page.getByRole('button', { name: 'Merge into what is here' }).click();
  await page.getByRole('status').filter({ hasText: 'now holds 4' }).waitFor();

  // Replace: exactly the backup, the later entry gone.
  await choose(page, file.name, file.text);
  await page.getByRole('button', { name: 'Replace everything here' }).click();
  await page.getByRole('button', { name: 'Yes, replace everything' }).click();
  await page.getByRole('status').filter({ hasText: "Replaced: this device now holds the backup's 3 journal entries." }).waitFor();
  await waitForStoredRecords(page, 'journal', 3);
  assert.deepEqual(await journalRecords(page), before);

  await goto(page, env.server.url + '#/journal');
  assert.equal(await page.locator('ol.entries > li').count(), 3);
  assertClean(problems);
  await context.close();
});

test('bad backup files are refused with a reason and change nothing', async () => {
  const { context, page, problems } = await seeded();
  const good = (await exportFile(page)).text;
  const before = await storage(page);
  const parsed = JSON.parse(good);
  const withEntry = (change) => {
    const { id, ...data } = change;
    const item = parsed.journal[0];
    return JSON.stringify({ ...parsed, journal: [{ ...item, ...(id ? { id } : {}), data: { ...item.data, ...data, ...(id ? { id } : {}) } }] });
  };
  const cases = [
    ['a photo.json', '\u0089PNG\r\n\u001a\n binary', /not a readable backup/],
    ['truncated.json', good.slice(0, good.length / 2), /not a readable backup/],
    ['other.json', JSON.stringify({ name: 'another app' }), /not a Rekindle backup/],
    ['newer.json', good.replace('"schema":3', '"schema":99'), /newer Rekindle/],
    ['deep.json', '['.repeat(100000) + ']'.repeat(100000), /not shaped like a Rekindle backup/],
    ['path.json', withEntry({ id: '../../etc' }), /damaged/],
    ['empty text.json', withEntry({ text: '   ' }), /damaged/],
    ['mood.json', withEntry({ mood: 77 }), /damaged/],
    ['huge.json', ' '.repeat(20 * 1024 * 1024 + 1), /never near 20 MB/],
  ];
  for (const [name, text, reason] of cases) {
    await choose(page, name, text);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported and nothing changed.' });
    await alert.waitFor();
    assert.match(await alert.textContent(), reason, name);
    assert.equal(await page.locator('#import-preview').count(), 0, `${name}: no preview`);
    assert.deepEqual(await storage(page), before, `${name}: storage untouched`);
  }
  assertClean(problems);
  await context.close();
});
