// Dates: save an idea from the library, plan it, see it on Today, mark it
// done with a memory, and find it in Memories after a reload; "surprise us"
// offers only what fits the filters; removing from the backlog can be undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, reload, storage, waitForLive, assertClean } from './harness.mjs';

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
  await page.getByRole('button', { name: `Save to our backlog: ${POTTERY}` }).click();
  await page.locator('#library li', { hasText: POTTERY }).getByText('In your backlog').waitFor();
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

  // The plan exports as a one-off calendar event.
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
  await page.getByRole('alert').filter({ hasText: 'Choose a rating from 1 to 5.' }).waitFor();
  await page.getByRole('radio', { name: '5 of 5' }).check();
  await page.getByLabel('A memory: what made you laugh?').fill('Our bowls leaned like the tower of Pisa.');
  await page.getByLabel("We'd do it again").check();
  await page.getByRole('button', { name: 'Keep the memory' }).click();
  await card.getByText(/^Done once, on /).waitFor();
  assert.equal(await card.getByText(/^Planned:/).count(), 0, 'the plan is over');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('tower of Pisa')));

  await reload(page);
  await page.getByRole('radio', { name: /^Memories/ }).check();
  const memory = page.locator('#memories li').first();
  assert.match(await memory.textContent(), /5 of 5 · We'd do it again/);
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

test('surprise us picks something that fits the filters, never the same twice running', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  await page.getByText('Filter ideas').click();
  await page.getByLabel('Kind').selectOption({ label: 'Learning together' });
  await page.getByLabel('Cost').selectOption({ label: 'Free' });
  const allowed = await page.locator('#library .idea-title').allTextContents();
  assert.ok(allowed.length >= 2, `${allowed.length} free learning ideas`);
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
  assertClean(problems);
  await context.close();
});

test('own ideas are checked, and removing one from the backlog can be undone', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  await page.getByRole('radio', { name: /^Our backlog/ }).check();
  await page.getByText('Add an idea of your own').click();
  await page.getByRole('button', { name: 'Add to our backlog' }).click();
  await page.getByRole('status').filter({ hasText: 'Give the idea a name first.' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Night market and dumplings');
  await page.getByLabel('Kind').last().selectOption({ label: 'Out and about' });
  await page.getByRole('button', { name: 'Add to our backlog' }).click();
  const card = page.locator('#backlog li', { hasText: 'Night market and dumplings' });
  await card.waitFor();
  assert.match(await card.textContent(), /Out and about · All year · Free · 2 h/);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rekindle/date/')));

  await card.getByRole('button', { name: 'Remove: Night market and dumplings' }).click();
  await page.getByText('Idea removed from the backlog.').waitFor();
  await waitForLive(page, 'rekindle/date/', 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await card.waitFor();
  await waitForLive(page, 'rekindle/date/', 1);
  assertClean(problems);
  await context.close();
});
