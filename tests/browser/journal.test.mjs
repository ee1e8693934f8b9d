// The Journal as a person uses it: write, reload, edit, delete and undo,
// search and filter; hostile text stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, reload, storage, waitForSavedEntries, axeViolations, assertClean } from './harness.mjs';

const env = sharedBrowser();

async function write(page, text, { mood, tags, kind, prompt, forCheckIn } = {}) {
  const form = page.locator('form.editor').first();
  if (prompt) await page.getByLabel('Start from a prompt (optional)').selectOption({ label: prompt });
  await form.locator('textarea').fill(text);
  if (kind) await form.getByRole('radio', { name: kind, exact: true }).check();
  if (mood) await form.getByRole('radio', { name: mood, exact: true }).check();
  if (tags) await page.locator('#new-tags').fill(tags);
  if (forCheckIn) await form.getByRole('checkbox', { name: 'Bring to the next check-in' }).check();
  await form.getByRole('button', { name: 'Save entry' }).click();
}

const entries = (page) => page.locator('ol.entries > li');
const entryTexts = (page) => page.locator('ol.entries .entry-text').allTextContents();

test('an entry written survives a reload, and is stored under the documented key', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'Sam made tea for me without asking.', {
    mood: 'Warm',
    tags: 'Tea, kindness',
    forCheckIn: true,
  });
  assert.deepEqual(await entryTexts(page), ['Sam made tea for me without asking.']);
  assert.equal(await page.locator('#new-text').inputValue(), '', 'the form is emptied after saving');

  await waitForSavedEntries(page, 1);
  await reload(page);
  assert.deepEqual(await entryTexts(page), ['Sam made tea for me without asking.']);
  const card = entries(page).first();
  assert.match(await card.textContent(), /Felt warm/);
  assert.equal((await card.locator('.badge-mood').textContent()).trim(), 'Felt warm', 'a mood is a word, never a number');
  assert.match(await card.textContent(), /For check-in/);
  assert.match(await card.textContent(), /#tea/);
  assert.match(await card.textContent(), /#kindness/);

  const stored = await storage(page);
  assert.equal(stored['rekindle/schema'], '4');
  const keys = Object.keys(stored).filter((k) => k.startsWith('rekindle/journal/'));
  assert.equal(keys.length, 1);
  const record = JSON.parse(stored[keys[0]]);
  assert.equal(record.v, 3);
  assert.equal(keys[0], `rekindle/journal/${record.data.id}`);
  assert.equal(record.data.text, 'Sam made tea for me without asking.');
  assert.equal(record.data.mood, 4);
  assert.deepEqual(record.data.tags, ['tea', 'kindness']);
  assert.equal(record.data.agenda, 'next');
  assertClean(problems);
  await context.close();
});

test('an empty entry is refused with a message, and nothing is saved', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, '   ');
  await page.getByRole('alert').filter({ hasText: 'Write a few words first.' }).waitFor();
  assert.equal(await page.locator('#new-text').getAttribute('aria-invalid'), 'true');
  assert.equal(await entries(page).count(), 0);
  assert.equal(
    await page.evaluate(() => document.activeElement.id),
    'new-text',
    'focus returns to the text so it can be fixed',
  );
  assertClean(problems);
  await context.close();
});

test('editing changes the entry in place and the change is kept', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'First version.', { kind: 'Reflection' });
  await page.getByRole('button', { name: /^Edit entry from/ }).click();
  const editor = entries(page).first().locator('form.editor');
  await editor.locator('textarea').fill('Second version, kinder.');
  await editor.getByRole('radio', { name: 'Unspoken need', exact: true }).check();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  assert.deepEqual(await entryTexts(page), ['Second version, kinder.']);
  assert.match(await entries(page).first().textContent(), /Unspoken need/);

  await page.waitForFunction(() =>
    Object.entries(localStorage).some(([k, v]) => k.startsWith('rekindle/journal/') && v.includes('kinder')),
  );
  await reload(page);
  assert.deepEqual(await entryTexts(page), ['Second version, kinder.']);

  // Cancel leaves the entry as it was.
  await page.getByRole('button', { name: /^Edit entry from/ }).click();
  await entries(page).first().locator('textarea').fill('Not this.');
  await entries(page).first().getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await entryTexts(page), ['Second version, kinder.']);
  assertClean(problems);
  await context.close();
});

test('delete then undo brings the entry back; delete alone removes it for good', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'Keep me.');
  await write(page, 'Let me go.');
  await waitForSavedEntries(page, 2);

  await page.getByRole('button', { name: /^Delete entry from/ }).first().click();
  assert.deepEqual(await entryTexts(page), ['Keep me.']);
  await page.getByText('Entry deleted.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'undo-delete', 'focus moves to Undo');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await entryTexts(page), ['Let me go.', 'Keep me.']);
  await reload(page);
  assert.deepEqual(await entryTexts(page), ['Let me go.', 'Keep me.']);

  await page.getByRole('button', { name: /^Delete entry from/ }).first().click();
  await waitForSavedEntries(page, 1);
  await reload(page);
  assert.deepEqual(await entryTexts(page), ['Keep me.']);
  assertClean(problems);
  await context.close();
});

test('search and filters narrow the list', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'A long walk by the river.', { mood: 'Light', tags: 'walks' });
  await write(page, 'We snapped at each other about money.', { mood: 'Low', tags: 'money' });
  await write(page, 'I need more help with bedtime.', { kind: 'Unspoken need', prompt: "A need I haven't said out loud" });

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('RIVER');
  assert.deepEqual(await entryTexts(page), ['A long walk by the river.']);
  assert.match(await page.locator('.result-count').textContent(), /^1 of 3 entries$/);
  await search.fill('walk money');
  assert.deepEqual(await entryTexts(page), []);
  assert.match(await page.locator('.result-count').textContent(), /No entries match/);
  await search.fill('');

  await page.getByLabel('Mood', { exact: true }).selectOption('2');
  assert.deepEqual(await entryTexts(page), ['We snapped at each other about money.']);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  assert.equal(await entries(page).count(), 3);

  await page.getByLabel('Kind', { exact: true }).selectOption('unspoken_need');
  assert.deepEqual(await entryTexts(page), ['I need more help with bedtime.']);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();

  // A tag on an entry is a shortcut to that tag's filter.
  await page.getByRole('button', { name: 'Show entries tagged walks' }).click();
  assert.deepEqual(await entryTexts(page), ['A long walk by the river.']);
  assert.equal(await page.getByLabel('Tag', { exact: true }).inputValue(), 'walks');
  assertClean(problems);
  await context.close();
});

test('text that looks like HTML is shown as text and runs nothing', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const hostile = '<img src=x onerror=alert(1)>';
  await write(page, hostile, { tags: '<b>bold</b>' });
  await waitForSavedEntries(page, 1);
  await reload(page);
  assert.deepEqual(await entryTexts(page), [hostile]);
  assert.equal(await page.locator('ol.entries img, ol.entries b').count(), 0);
  await page.waitForTimeout(300);
  assertClean(problems); // includes: no alert dialog opened
  await context.close();
});

test('a half-written entry survives a reload', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await page.locator('#new-text').fill('Something I am nervous to share…');
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal')?.includes('nervous'));
  await reload(page);
  assert.equal(await page.locator('#new-text').inputValue(), 'Something I am nervous to share…');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal') === null);
  assertClean(problems);
  await context.close();
});

test('an edit in progress survives a reload, and cancelling it discards it', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'The original words.');
  await page.getByRole('button', { name: /^Edit entry from/ }).click();
  await entries(page).first().locator('textarea').fill('Half-way through rewording');
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal')?.includes('Half-way'));
  await reload(page);
  assert.equal(await entries(page).first().locator('textarea').inputValue(), 'Half-way through rewording');
  await entries(page).first().getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await entryTexts(page), ['The original words.']);
  await page.waitForFunction(() => localStorage.getItem('rekindle/drafts/journal') === null);
  await reload(page);
  assert.deepEqual(await entryTexts(page), ['The original words.']);
  assertClean(problems);
  await context.close();
});

test('the keyboard alone can write, find, edit and delete an entry', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  /** Presses Tab until `predicate` holds for the focused element (at most 60 times). */
  const tabTo = async (describe, predicate) => {
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    assert.fail(`Tab never reached ${describe}`);
  };
  await tabTo('the entry text', () => document.activeElement.id === 'new-text');
  await page.keyboard.type('Typed without a mouse.');
  await tabTo('the Unspoken need choice', () => document.activeElement.value === 'reflection');
  await page.keyboard.press('ArrowRight');
  await tabTo('the Save button', () => document.activeElement.textContent === 'Save entry');
  await page.keyboard.press('Enter');
  assert.deepEqual(await entryTexts(page), ['Typed without a mouse.']);
  assert.match(await entries(page).first().textContent(), /Unspoken need/);

  await tabTo('the search box', () => document.activeElement.id === 'journal-search');
  await page.keyboard.type('mouse');
  assert.match(await page.locator('.result-count').textContent(), /^1 of 1 entry$/);
  await tabTo('the Edit button', () => document.activeElement.textContent === 'Edit');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.matches('ol.entries textarea'));
  await page.keyboard.press('End');
  await page.keyboard.type(' Still no mouse.');
  await tabTo('Save changes', () => document.activeElement.textContent === 'Save changes');
  await page.keyboard.press('Enter');
  assert.deepEqual(await entryTexts(page), ['Typed without a mouse. Still no mouse.']);
  await page.waitForFunction(() => document.activeElement.classList.contains('edit-button'));
  await tabTo('the Delete button', () => document.activeElement.textContent === 'Delete');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // focus is on Undo
  assert.deepEqual(await entryTexts(page), ['Typed without a mouse. Still no mouse.']);
  assertClean(problems);
  await context.close();
});

test('moods are faces and words from heavy to light, and the filters count what each holds', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const scale = page.locator('form.editor').first().locator('.mood-scale label');
  assert.deepEqual(
    (await scale.allTextContents()).map((t) => t.trim()),
    ['–Not set', 'Heavy', 'Low', 'Steady', 'Warm', 'Light'],
    'no numbers on the scale',
  );
  assert.equal(await scale.locator('svg.mood-face').count(), 5);
  assert.equal(await scale.locator('svg[aria-hidden="true"]').count(), 5, 'faces are decoration; the word is the label');
  assert.match(await page.locator('.mood-ends').textContent(), /From heavy to light\./);

  await write(page, 'A heavy day at work.', { mood: 'Heavy' });
  await write(page, 'Dancing in the kitchen.', { mood: 'Light' });
  await write(page, 'Another light one.', { mood: 'Light' });
  const card = entries(page).last();
  assert.equal((await card.locator('.badge-mood').textContent()).trim(), 'Felt heavy');
  const moodOptions = await page.getByLabel('Mood', { exact: true }).locator('option').allTextContents();
  assert.deepEqual(moodOptions, ['Any', 'Heavy (1)', 'Low', 'Steady', 'Warm', 'Light (2)']);
  const kindOptions = await page.getByLabel('Kind', { exact: true }).locator('option').allTextContents();
  assert.deepEqual(kindOptions, ['Any', 'Reflection (3)', 'Unspoken need']);
  await page.getByLabel('Mood', { exact: true }).selectOption({ label: 'Light (2)' });
  assert.equal(await page.locator('.result-count').textContent(), '2 of 3 entries');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});

test('search and filters are still set after leaving the journal and coming back', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  await write(page, 'Walk by the river.', { mood: 'Light', tags: 'walks' });
  await write(page, 'Money talk went badly.', { mood: 'Low', tags: 'money' });
  await write(page, 'Another walk, in the rain.', { mood: 'Steady', tags: 'walks' });
  await page.getByLabel('Tag', { exact: true }).selectOption('walks');
  await page.getByRole('searchbox', { name: 'Search' }).fill('rain');
  assert.deepEqual(await entryTexts(page), ['Another walk, in the rain.']);
  assert.equal(await page.locator('.result-count').textContent(), '1 of 3 entries');

  // Away to Today and back, inside the app (no reload).
  await page.evaluate(() => { location.hash = '#/today'; });
  await page.locator('main h1', { hasText: 'Today' }).waitFor();
  assert.equal(await page.locator('#journal-search').count(), 0, 'the journal really was left');
  await page.evaluate(() => { location.hash = '#/journal'; });
  await page.locator('main h1', { hasText: 'Journal' }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'rain');
  assert.equal(await page.getByLabel('Tag', { exact: true }).inputValue(), 'walks');
  assert.deepEqual(await entryTexts(page), ['Another walk, in the rain.']);
  assert.equal(await page.locator('.result-count').textContent(), '1 of 3 entries');

  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  assert.equal(await page.locator('.result-count').textContent(), '3 entries');
  assertClean(problems);
  await context.close();
});

test('an empty journal shows a drawing and a warm line', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const empty = page.locator('.empty-state');
  await empty.waitFor();
  assert.match(await empty.textContent(), /Nothing written yet/);
  assert.equal(await empty.locator('svg').getAttribute('aria-hidden'), 'true');
  assert.deepEqual(await axeViolations(page), []);
  await write(page, 'The first line.');
  await empty.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.result-count').textContent(), '1 entry');
  assertClean(problems);
  await context.close();
});
