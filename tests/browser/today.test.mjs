// Today: an appreciation (with the vagueness nudge) and an affection mark
// survive a reload; rhythm figures and names come from the records and Settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, reload, storage, nameThePartners, waitForLive, axeViolations, assertClean } from './harness.mjs';

const env = sharedBrowser();

const keys = async (page, prefix) => Object.keys(await storage(page)).filter((k) => k.startsWith(prefix));

test('an appreciation and a small touch are kept, with names from Settings', async () => {
  const { context, page, problems } = await openApp(env, '#/settings');
  await nameThePartners(page, 'Alex', 'Sam');
  await goto(page, env.server.url + '#/today');

  // One inviting line opens the form, with the writing place in focus.
  await page.getByRole('button', { name: 'What did you notice about each other today?' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'appreciation-text');
  assert.deepEqual(await axeViolations(page), [], 'the open form passes axe');
  await page.getByRole('radio', { name: 'Alex' }).check();
  const text = page.getByLabel('What do you appreciate about Sam today?');
  await text.fill("You're great");
  await page.getByRole('button', { name: 'Save appreciation' }).click();
  await page.getByRole('status').filter({ hasText: 'Could you make it specific?' }).waitFor();
  assert.equal((await keys(page, 'rekindle/appreciation/')).length, 0, 'a nudge, nothing saved yet');
  await text.fill('You waited up with tea when my train was late');
  await page.getByRole('button', { name: 'Save appreciation' }).click();
  await page.locator('#todays-appreciations li', { hasText: 'waited up with tea' }).waitFor();
  assert.equal(await page.locator('#appreciation-form').isVisible(), false, 'saved: the form folds away');
  assert.match(await page.locator('#todays-appreciations li').first().textContent(), /Alex → Sam/);
  await page.getByLabel('Read aloud at the check-in').check();

  await page.getByRole('button', { name: 'A long hug: stay until you both breathe out', exact: true }).click();
  await page.locator('.rhythm', { hasText: '1 affection moment this week.' }).waitFor();
  await page.waitForFunction(
    () => Object.keys(localStorage).some((k) => k.startsWith('rekindle/affection/')) &&
      Object.values(localStorage).some((v) => v.includes('"read_aloud":true')),
  );

  await reload(page);
  await page.locator('#todays-appreciations li', { hasText: 'waited up with tea' }).waitFor();
  assert.equal(await page.getByLabel('Read aloud at the check-in').isChecked(), true);
  assert.equal(await page.getByRole('button', { name: 'A long hug: stay until you both breathe out', exact: true }).getAttribute('aria-pressed'), 'true');
  // One shared line, never a score between them.
  assert.equal(await page.locator('#appreciation-form ~ .rhythm').textContent(), 'Appreciations on 1 of the last 7 days.');

  // Unticking removes the mark.
  await page.getByRole('button', { name: 'A long hug: stay until you both breathe out', exact: true }).click();
  // No zero to look at: words instead.
  await page.locator('.rhythm', { hasText: 'Nothing ticked yet this week.' }).waitFor();
  await waitForLive(page, 'rekindle/affection/', 0);
  assertClean(problems);
  await context.close();
});

test('the rhythm counts seeded days, and the touch list can be changed', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  // Seed appreciations on 3 of the last 7 days and one 10 days ago, as the app stores them.
  await page.evaluate(() => {
    const day = (back) => {
      const d = new Date();
      d.setDate(d.getDate() - back);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    [0, 2, 6, 10].forEach((back, n) => {
      const id = `seed${n}`;
      localStorage.setItem(`rekindle/appreciation/${id}`, JSON.stringify({
        v: 2,
        data: { id, created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', day: day(back), from: 'second', focus: 'who_they_are', text: `Seeded ${n}` },
      }));
    });
  });
  await reload(page);
  await page.locator('.rhythm', { hasText: 'Appreciations on 3 of the last 7 days.' }).waitFor();

  // Earlier appreciations, a week at a time: the one 10 days back is in an earlier week.
  await page.getByText('Earlier appreciations').click();
  const past = page.locator('details.past');
  assert.equal(await past.getByRole('button', { name: 'Later week' }).isDisabled(), true, 'no weeks ahead');
  const seen = new Set();
  for (let step = 0; step < 3; step += 1) {
    for (const text of await past.locator('.entry-text').allTextContents()) seen.add(text);
    await past.getByRole('button', { name: 'Earlier week' }).click();
  }
  assert.ok(seen.has('Seeded 3'), 'the appreciation 10 days back is found by going back');
  assert.equal(seen.size, 4, 'each appreciation appears in exactly one week');

  await page.getByText('Change the list').click();
  await page.getByLabel('Add a touch of your own').fill('Dance in the kitchen');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  // Four touches show; the rest behind "N more".
  assert.equal(await page.locator('.nudges li').count(), 4);
  await page.getByRole('button', { name: '7 more' }).click();
  await page.getByRole('button', { name: 'Dance in the kitchen', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Remove: A long hug: stay until you both breathe out' }).click();
  await page.getByRole('button', { name: 'Move up: A kiss on the forehead, for no reason' }).click();
  await reload(page);
  await page.getByRole('button', { name: '6 more' }).click();
  const list = await page.locator('.nudges li').allTextContents();
  assert.ok(!list.includes('A long hug: stay until you both breathe out'));
  assert.equal(list.at(-1), 'Dance in the kitchen');
  assert.equal(list.at(-2), 'Greet them as if you had missed them all day');
  assert.equal(list.at(-3), 'A kiss on the forehead, for no reason');
  assertClean(problems);
  await context.close();
});
