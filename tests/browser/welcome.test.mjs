// A couple's first visit: the welcome (what Rekindle is for, that it stays
// on the phone, a minute of setting up), skippable and found again in
// Settings; then a Today with a first-week card and no "due" and no zeros.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, watch, goto, reload, shiftClock, axeViolations, assertClean } from './harness.mjs';

const env = sharedBrowser();
const DAY = 24 * 3600 * 1000;

async function firstVisit(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const page = await context.newPage();
  const problems = watch(page);
  await goto(page, env.server.url);
  return { context, page, problems };
}

const welcome = (page) => page.getByRole('heading', { name: 'Welcome to Rekindle' });

test('a first visit is welcomed, set up in a minute, and Today starts the first week gently', async () => {
  const { context, page, problems } = await firstVisit();
  await welcome(page).waitFor();
  assert.match(await page.locator('main').textContent(), /stays on this phone/);
  assert.deepEqual(await axeViolations(page), [], 'the welcome passes axe');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll at 360 px');

  await page.getByLabel('Your name', { exact: true }).fill('Alex');
  await page.getByLabel("Your partner's name").fill('Sam');
  await page.getByLabel('One phone, together').check();
  await page.getByLabel('A day for your weekly check-in').selectOption('Wednesday');
  await page.getByRole('button', { name: 'Start' }).click();

  await page.locator('main h1', { hasText: 'Today' }).waitFor();
  const card = page.locator('.first-week');
  assert.match(await card.textContent(), /Your first week: day 1 of 7/);
  assert.match(await card.textContent(), /specific thing you appreciated/);
  const text = await page.locator('main').textContent();
  assert.doesNotMatch(text, /\bdue\b/, 'no "due" on day one');
  assert.doesNotMatch(text, /\b0 (of|affection)/, 'no zeros on day one');
  assert.match(text, /Your first check-in can be any day you like; after that, Wednesday is your day\./);
  await page.getByRole('button', { name: 'What did you notice about each other today?' }).waitFor();

  // The welcome does not come back by itself, but Settings opens it again.
  await goto(page, env.server.url);
  await page.locator('main h1', { hasText: 'Today' }).waitFor();
  await goto(page, env.server.url + '#/settings');
  await page.getByRole('link', { name: 'See the welcome again' }).click();
  await welcome(page).waitFor();
  assert.equal(await page.getByLabel('Your name', { exact: true }).inputValue(), 'Alex');

  // The first week's card can be put away.
  await goto(page, env.server.url + '#/today');
  await page.getByRole('button', { name: 'Put this away' }).click();
  await page.locator('.first-week').waitFor({ state: 'detached' });
  await reload(page);
  assert.equal(await page.locator('.first-week').count(), 0);
  assertClean(problems);
  await context.close();
});

test('skipping the welcome still starts the first week; "each on our own phone" leads to pairing', async () => {
  const skipped = await firstVisit();
  await welcome(skipped.page).waitFor();
  await skipped.page.getByRole('button', { name: 'Skip for now' }).click();
  await skipped.page.locator('main h1', { hasText: 'Today' }).waitFor();
  await skipped.page.locator('.first-week', { hasText: 'day 1 of 7' }).waitFor();
  await goto(skipped.page, env.server.url);
  assert.equal(await welcome(skipped.page).count(), 0, 'seen once, not again');
  assertClean(skipped.problems);
  await skipped.context.close();

  const two = await firstVisit();
  await two.page.getByLabel('Each on our own phone (you\'ll pair them next)').check();
  await two.page.getByRole('button', { name: 'Start' }).click();
  await two.page.locator('main h1', { hasText: 'Two phones' }).waitFor();
  await two.page.getByRole('heading', { name: 'Pair your two phones' }).waitFor();
  assertClean(two.problems);
  await two.context.close();
});

test('the first week lasts seven days, one suggestion a day', async () => {
  const { context, page, problems } = await firstVisit();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.locator('.first-week', { hasText: 'day 1 of 7' }).waitFor();
  await page.close();
  for (const [days, expect] of [
    [2, /day 3 of 7.*Draw a question card/s],
    [6, /day 7 of 7.*first check-in/s],
  ]) {
    const later = await context.newPage();
    problems.push(...watch(later));
    await shiftClock(later, days * DAY);
    await goto(later, env.server.url + '#/today');
    assert.match(await later.locator('.first-week').textContent(), expect);
    await later.close();
  }
  const after = await context.newPage();
  await shiftClock(after, 7 * DAY);
  await goto(after, env.server.url + '#/today');
  assert.equal(await after.locator('.first-week').count(), 0, 'gone after seven days');
  assertClean(problems);
  await context.close();
});
