// Dates: save an idea from the library, plan it, see it on Today, mark it
// done with a memory, and find it in Memories after a reload; chip filters
// count what they show and are kept while the app is open; "surprise us"
// offers only what fits them; access chips show only ideas whose details
// say so, saved ones included; each idea has one primary action and a
// "More" menu that works by keyboard; removing can be undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, reload, storage, waitForLive, assertClean, axeViolations } from './harness.mjs';

const env = sharedBrowser();
const POTTERY = 'A pottery class neither of you has tried';

async function savedDates(page) {
  return Object.entries(await storage(page))
    .filter(([k]) => k.startsWith('rekindle/date/'))
    .map(([, v]) => JSON.parse(v).data);
}

test('save, plan, see it on Today, mark it done with a memory, and find it in Memories', async () => {
  const { context, page, problems } = await openApp(env, '#/dates', { acceptDownloads: true });
  // A first visit opens the library.
  await page.locator('#library li').nth(79).waitFor();
  assert.equal(await page.locator('#library-heading').textContent(), 'Idea library: 84');
  assert.doesNotMatch(await page.locator('#library').textContent(), /[$£]/, 'costs in words, not currency');
  await page.getByRole('button', { name: `Save to our backlog: ${POTTERY}` }).click();
  await page.locator('#library li', { hasText: POTTERY }).getByText('Saved', { exact: true }).waitFor();
  await page.getByRole('radio', { name: /^Our backlog/ }).check();
  const card = page.locator('#backlog li', { hasText: POTTERY });
  await card.getByText('Not done yet: new to you').waitFor();

  // Plan it for tomorrow evening.
  const tomorrow = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await card.getByRole('button', { name: 'Plan it' }).click();
  await page.getByLabel('Day and time').fill(`${tomorrow}T19:30`);
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await card.getByText(/^Planned: .*, 19:30$/).waitFor();

  // The plan exports as a one-off calendar event, from the card's menu.
  await card.getByRole('button', { name: `More for ${POTTERY}` }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Add to calendar' }).click(),
  ]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert.match(ics, new RegExp(`\\r\\nDTSTART:${tomorrow.replaceAll('-', '')}T193000\\r\\n`));
  assert.match(ics, /\r\nSUMMARY:A pottery class neither of you has tried\r\n/);
  assert.doesNotMatch(ics, /RRULE/);

  await goto(page, env.server.url + '#/today');
  assert.match(await page.locator('#next-date').textContent(), /A pottery class neither of you has tried: .*, 19:30\./);

  // Done, with a memory.
  await goto(page, env.server.url + '#/dates');
  await card.getByRole('button', { name: 'Mark done' }).click();
  await page.getByRole('button', { name: 'Keep the memory' }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose how it went, from “Not for us” to “Loved it”.' }).waitFor();
  await page.getByRole('radio', { name: 'Loved it' }).check();
  await page.getByLabel('A memory: what made you laugh?').fill('Our bowls leaned like the tower of Pisa.');
  await page.getByLabel("We'd do it again").check();
  await page.getByRole('button', { name: 'Keep the memory' }).click();
  await card.getByText(/^Done once, on /).waitFor();
  assert.equal(await card.getByText(/^Planned:/).count(), 0, 'the plan is over');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('tower of Pisa')));

  await reload(page);
  await page.getByRole('radio', { name: /^Memories/ }).check();
  const memory = page.locator('#memories li').first();
  assert.match(await memory.textContent(), /Loved it · We'd do it again/);
  assert.doesNotMatch(await memory.textContent(), /of 5|★/, 'a memory is not a score');
  assert.equal(await page.locator('#memories-heading').textContent(), '1 memory');
  assert.match(await memory.textContent(), /A pottery class neither of you has tried/);
  assert.match(await memory.textContent(), /tower of Pisa/);
  const [stored] = await savedDates(page);
  assert.equal(stored.memories[0].rating, 5);
  assert.equal(stored.plan, undefined);

  // Progress: one date this month, and it was new to them.
  await goto(page, env.server.url + '#/progress');
  assert.equal(await page.locator('#dates-summary').textContent(), '1 date in the last 12 months. It was something new to you.');
  assertClean(problems);
  await context.close();
});

test('chip filters count what they show, are kept after leaving, and surprise us follows them', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  const chip = (group, name) => page.getByRole('group', { name: group }).getByRole('button', { name, exact: true });
  await chip('Kind', 'Learning together').click();
  await chip('Cost', 'Free').click();
  assert.equal(await chip('Kind', 'Learning together').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip('Kind', 'At home').getAttribute('aria-pressed'), 'false');
  const allowed = await page.locator('#library .idea-title').allTextContents();
  assert.ok(allowed.length >= 2, `${allowed.length} free learning ideas`);
  assert.equal(await page.locator('#library-heading').textContent(), `Idea library: ${allowed.length} of 84`);
  for (const line of await page.locator('#library summary .idea-line').allTextContents()) {
    assert.match(line, /^Learning together · Free · /);
  }
  // One chip at a time per row: another kind replaces the first.
  await chip('Kind', 'Playful').click();
  assert.equal(await chip('Kind', 'Learning together').getAttribute('aria-pressed'), 'false');
  await chip('Kind', 'Learning together').click();
  assert.equal(await page.locator('#library-heading').textContent(), `Idea library: ${allowed.length} of 84`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], 'axe with filters on');

  // Leave for Today and come back: the same filters, the same list.
  await goto(page, env.server.url + '#/today');
  await goto(page, env.server.url + '#/dates');
  assert.equal(await chip('Kind', 'Learning together').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip('Cost', 'Free').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await page.locator('#library .idea-title').allTextContents(), allowed);

  let last = null;
  for (let n = 0; n < 6; n += 1) {
    await page.getByRole('button', { name: 'Surprise us' }).click();
    await page.waitForFunction(
      (previous) => {
        const title = document.querySelector('#surprise .idea-title')?.textContent;
        return title && title !== previous;
      },
      last,
    );
    const title = await page.locator('#surprise .idea-title').textContent();
    assert.ok(allowed.includes(title), `${title} fits the filters`);
    last = title;
  }
  // Nothing fits: a clear message.
  await page.getByLabel('Search').fill('no such idea anywhere');
  await page.getByRole('button', { name: 'Surprise us' }).click();
  await page.getByText('Nothing fits these filters. Try loosening one.').waitFor();
  assert.equal(await page.locator('#library-heading').textContent(), 'Idea library: 0 of 84');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  assert.equal(await page.locator('#library-heading').textContent(), 'Idea library: 84');
  assert.equal(await chip('Cost', 'Free').getAttribute('aria-pressed'), 'false');
  assertClean(problems);
  await context.close();
});

test('the Step-free chip counts, every idea it shows says so in its details, and it is kept like the others', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  const chip = (group, name) => page.getByRole('group', { name: group }).getByRole('button', { name, exact: true });
  await page.locator('#library li').nth(79).waitFor();
  await chip('Access', 'Step-free').click();
  assert.equal(await chip('Access', 'Step-free').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip('Access', 'Seated').getAttribute('aria-pressed'), 'false');
  const heading = await page.locator('#library-heading').textContent();
  const [, shown] = heading.match(/^Idea library: (\d+) of 84$/) ?? [];
  assert.ok(Number(shown) >= 20 && Number(shown) < 84, heading);
  const ideas = page.locator('#library li');
  assert.equal(await ideas.count(), Number(shown));
  const notes = await page.locator('#library .idea-access').allTextContents();
  assert.equal(notes.length, Number(shown), 'every shown idea has its access note');
  for (const note of notes) assert.match(note, /^Step-free( · Can be done seated)?$/);
  // In words, once the details are open.
  const first = ideas.first();
  await first.locator('summary').click();
  await first.locator('.idea-access').waitFor({ state: 'visible' });
  assert.deepEqual(await axeViolations(page), [], 'axe with the access chip on');

  // Leave for Today and come back: still on, the same count.
  const titles = await page.locator('#library .idea-title').allTextContents();
  await goto(page, env.server.url + '#/today');
  await goto(page, env.server.url + '#/dates');
  assert.equal(await chip('Access', 'Step-free').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#library-heading').textContent(), heading);
  assert.deepEqual(await page.locator('#library .idea-title').allTextContents(), titles);

  // Saved to the backlog, an idea keeps its note and the chip still finds it.
  const museum = 'A local museum, one room only';
  await page.getByRole('button', { name: `Save to our backlog: ${museum}` }).click();
  await page.getByRole('radio', { name: /^Our backlog/ }).check();
  const card = page.locator('#backlog li', { hasText: museum });
  await card.waitFor();
  assert.equal(await card.locator('.idea-access').textContent(), 'Step-free · Can be done seated');
  assert.equal(await page.locator('#backlog-heading').textContent(), 'Our backlog: 1');
  await chip('Access', 'Step-free').click();
  assert.equal(await chip('Access', 'Step-free').getAttribute('aria-pressed'), 'false');
  await page.getByRole('radio', { name: /^Idea library/ }).check();
  assert.equal(await page.locator('#library-heading').textContent(), 'Idea library: 84');
  assertClean(problems);
  await context.close();
});

test('own ideas are checked; one primary action each, the rest in a menu that works by keyboard; removal can be undone', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  await page.getByRole('radio', { name: /^Our backlog/ }).check();
  // Nothing saved yet: a drawing and a warm word, not an empty list.
  await page.locator('#backlog .empty svg').waitFor();
  assert.equal(await page.locator('#backlog-heading').textContent(), 'Our backlog', 'no zero on day one');
  assert.match(await page.locator('#backlog .empty').textContent(), /Nothing saved yet/);
  await page.getByText('Add an idea of your own').click();
  await page.getByRole('button', { name: 'Add to our backlog' }).click();
  await page.getByRole('status').filter({ hasText: 'Give the idea a name first.' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Night market and dumplings');
  await page.locator('#own-category').selectOption({ label: 'Out and about' });
  await page.getByRole('button', { name: 'Add to our backlog' }).click();
  const card = page.locator('#backlog li', { hasText: 'Night market and dumplings' });
  await card.waitFor();
  assert.match(await card.textContent(), /Out and about · Free · 2 h/);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rekindle/date/')));
  assert.equal(await page.locator('#backlog-heading').textContent(), 'Our backlog: 1');

  // One primary action in view; the rest behind "More".
  const visible = async () => (await card.getByRole('button').allTextContents()).map((t) => t.trim());
  assert.deepEqual(await visible(), ['Plan it', 'More']);
  const more = card.getByRole('button', { name: 'More for Night market and dumplings' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  // By keyboard: open, move through it, Escape closes it and focus returns.
  await more.focus();
  await page.keyboard.press('Enter');
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await visible(), ['Plan it', 'More', 'Mark done', 'Remove']);
  assert.deepEqual(await axeViolations(page), [], 'axe with a menu open');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Mark done');
  await page.keyboard.press('Escape');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'More for Night market and dumplings');
  assert.deepEqual(await visible(), ['Plan it', 'More']);
  // Enter on an item runs it: "Mark done" opens the memory form with focus in it.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Keep the memory' }).waitFor();
  // Focus moves in once the form is drawn (the next frame on a busy machine).
  await page.waitForFunction(() => document.activeElement?.type === 'radio', null, { timeout: 3000 });
  await page.getByRole('button', { name: 'Cancel' }).click();

  await more.click();
  await card.getByRole('button', { name: 'Remove: Night market and dumplings' }).click();
  await page.getByText('Idea removed from the backlog.').waitFor();
  await waitForLive(page, 'rekindle/date/', 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await card.waitFor();
  await waitForLive(page, 'rekindle/date/', 1);
  assertClean(problems);
  await context.close();
});
