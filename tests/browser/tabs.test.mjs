// Two tabs open on the same device never overwrite each other's work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, watch, goto, reload, storage, waitForSavedEntries, assertClean } from './harness.mjs';

const env = sharedBrowser();

async function twoTabs() {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const tabs = [];
  for (let n = 0; n < 2; n += 1) {
    const page = await context.newPage();
    const problems = watch(page);
    await goto(page, env.server.url + '#/journal');
    tabs.push({ page, problems });
  }
  return { context, a: tabs[0], b: tabs[1] };
}

const texts = (page) => page.locator('ol.entries .entry-text').allTextContents();

async function write(page, text) {
  await page.locator('#new-text').fill(text);
  await page.getByRole('button', { name: 'Save entry' }).click();
}

/** Writes two entries in tab A and waits until both are saved and shown in tab B. */
async function writeTwoInA({ a, b }, first, second) {
  await write(a.page, first);
  await write(a.page, second);
  await b.page.locator('ol.entries .entry-text', { hasText: second }).waitFor();
  await waitForSavedEntries(a.page, 2);
}

async function edit(page, from, to) {
  // By id: once editing, the text sits in a textarea and no longer matches `from`.
  const id = await page.locator('ol.entries > li').filter({ hasText: from }).getAttribute('id');
  const card = page.locator(`#${id}`);
  await card.getByRole('button', { name: /^Edit entry from/ }).click();
  await card.locator('textarea').fill(to);
  await card.getByRole('button', { name: 'Save changes' }).click();
}

test('an entry written in one tab appears in the other', async () => {
  const { context, a, b } = await twoTabs();
  await write(a.page, 'Written in tab A.');
  await b.page.locator('ol.entries .entry-text', { hasText: 'Written in tab A.' }).waitFor();
  await write(b.page, 'Written in tab B.');
  await a.page.locator('ol.entries .entry-text', { hasText: 'Written in tab B.' }).waitFor();
  await waitForSavedEntries(a.page, 2);
  assert.deepEqual((await texts(a.page)).sort(), (await texts(b.page)).sort());
  assertClean([...a.problems, ...b.problems]);
  await context.close();
});

test('two tabs editing different entries at once both keep their edits', async () => {
  const tabs = await twoTabs();
  const { context, a, b } = tabs;
  await writeTwoInA(tabs, 'First entry.', 'Second entry.');

  // Both edits land inside the same save delay.
  await Promise.all([edit(a.page, 'First entry.', 'First, edited in A.'), edit(b.page, 'Second entry.', 'Second, edited in B.')]);
  await a.page.waitForFunction(() =>
    Object.values(localStorage).some((v) => v.includes('edited in A')) &&
    Object.values(localStorage).some((v) => v.includes('edited in B')),
  );
  for (const tab of [a, b]) {
    await tab.page.locator('ol.entries .entry-text', { hasText: 'edited in A' }).waitFor();
    await tab.page.locator('ol.entries .entry-text', { hasText: 'edited in B' }).waitFor();
  }
  await reload(a.page);
  assert.deepEqual((await texts(a.page)).sort(), ['First, edited in A.', 'Second, edited in B.']);
  assertClean([...a.problems, ...b.problems]);
  await context.close();
});

test('a delete in one tab is not undone by the other tab saving', async () => {
  const tabs = await twoTabs();
  const { context, a, b } = tabs;
  await writeTwoInA(tabs, 'Keep.', 'Remove me.');
  await a.page.locator('ol.entries > li').filter({ hasText: 'Remove me.' }).getByRole('button', { name: /^Delete/ }).click();
  await waitForSavedEntries(a.page, 1);
  await b.page.waitForFunction(() => document.querySelectorAll('ol.entries > li').length === 1);
  await write(b.page, 'New in B.');
  await waitForSavedEntries(b.page, 2);
  const keys = Object.values(await storage(b.page)).join('\n');
  assert.ok(!keys.includes('Remove me.'), 'the deleted entry stays deleted');
  assertClean([...a.problems, ...b.problems]);
  await context.close();
});

test('when another tab upgrades the data, this tab stops writing', async () => {
  const { context, a, b } = await twoTabs();
  await b.page.evaluate(() => localStorage.setItem('rekindle/schema', '5'));
  await a.page.getByRole('alert').filter({ hasText: 'newer version of Rekindle' }).waitFor();
  await write(a.page, 'Typed after the upgrade.');
  await a.page.waitForTimeout(800);
  const stored = await storage(a.page);
  assert.equal(Object.keys(stored).filter((k) => k.startsWith('rekindle/journal/')).length, 0);
  assert.deepEqual(await texts(a.page), ['Typed after the upgrade.'], 'what was typed stays on screen');
  await context.close();
});

test('two tabs on one check-in: each sees the other\'s answers and step, and both are kept', async () => {
  const { context, a, b } = await twoTabs();
  await goto(a.page, env.server.url + '#/check-in');
  await goto(b.page, env.server.url + '#/check-in');
  await a.page.getByRole('button', { name: 'Start the check-in' }).click();
  // B follows: the session appears, at A's step.
  await b.page.locator('#step-title', { hasText: 'Appreciations' }).waitFor();
  await a.page.getByRole('button', { name: 'Next: What is going well' }).click();
  await b.page.locator('#step-title', { hasText: 'What is going well' }).waitFor();

  await a.page.getByLabel('Partner 1: what went well').fill('Breakfast together on Saturday');
  await b.page.waitForFunction(
    () => document.querySelector('#answer-first').value === 'Breakfast together on Saturday',
  );
  await b.page.getByLabel('Partner 2: what went well').fill('The long walk by the river');
  await a.page.waitForFunction(
    () => document.querySelector('#answer-second').value === 'The long walk by the river',
  );
  await a.page.waitForFunction(() =>
    Object.values(localStorage).some(
      (v) => v.includes('Breakfast together on Saturday') && v.includes('The long walk by the river'),
    ),
  );
  await reload(a.page);
  assert.equal(await a.page.getByLabel('Partner 1: what went well').inputValue(), 'Breakfast together on Saturday');
  assert.equal(await a.page.getByLabel('Partner 2: what went well').inputValue(), 'The long walk by the river');
  assertClean(a.problems);
  assertClean(b.problems);
  await context.close();
});

test('a time-out started in one tab shows in the other; cards drawn in both tabs all count', async () => {
  const { context, a, b } = await twoTabs();
  await goto(a.page, env.server.url + '#/talk/time-out');
  await goto(b.page, env.server.url + '#/today');
  await a.page.getByRole('button', { name: 'Start the break' }).click();
  const title = await a.page.getByRole('heading', { level: 2, name: /^Back together at/ }).textContent();
  await b.page.locator('#time-out-line', { hasText: title }).waitFor();

  // Both tabs draw from the same deck: the other tab's draws are taken in,
  // so the round's count goes on from either tab.
  await goto(a.page, env.server.url + '#/talk/questions');
  await goto(b.page, env.server.url + '#/talk/questions');
  await a.page.getByRole('button', { name: 'Draw a card' }).click();
  await b.page.locator('#card-progress', { hasText: 'Card 1 of' }).waitFor();
  await b.page.getByRole('button', { name: 'Next card' }).click();
  await a.page.locator('#card-progress', { hasText: 'Card 2 of' }).waitFor();
  assert.equal(await a.page.locator('#card-text').textContent(), await b.page.locator('#card-text').textContent());
  assertClean(a.problems);
  assertClean(b.problems);
  await context.close();
});
