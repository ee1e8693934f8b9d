// The app shell: every section is reachable by keyboard, focus follows
// navigation, and the layout fits a 360 px phone and a wide screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, assertClean } from './harness.mjs';

const SECTIONS = ['Today', 'Journal', 'Check-in', 'Dates', 'Talk', 'Progress', 'Settings'];

const env = sharedBrowser();

test('every section opens from the navigation, and focus moves to its heading', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  assert.deepEqual(await nav.getByRole('link').allTextContents(), SECTIONS);
  for (const name of [...SECTIONS.slice(1), 'Today']) {
    await nav.getByRole('link', { name }).click();
    await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, name);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
    assert.equal(await page.title(), `${name} · Rekindle`);
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), name);
  }
  assertClean(problems);
  await context.close();
});

test('a deep link and an unknown link both open a page', async () => {
  const { context, page, problems } = await openApp(env, '#/dates');
  assert.equal(await page.locator('main h1').textContent(), 'Dates');
  await page.goto(env.server.url + '#/no-such-page');
  await page.locator('main h1').waitFor();
  assert.equal(await page.locator('main h1').textContent(), 'Today');
  assertClean(problems);
  await context.close();
});

test('the keyboard alone reaches the skip link, then the navigation', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  assert.notEqual(
    await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle),
    'none',
    'focus is visible',
  );
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Today');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Journal');
  assertClean(problems);
  await context.close();
});

test('on a 360 px phone: bottom navigation, no sideways scrolling, thumb-sized targets', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const box = await page.getByRole('navigation', { name: 'Sections' }).boundingBox();
  assert.ok(Math.abs(box.y + box.height - 740) < 1, 'navigation sits at the bottom');
  const talk = ['questions', 'listening', 'time-out', 'complaint', 'help'].map((tool) => `#/talk/${tool}`);
  for (const hash of ['#/today', '#/journal', '#/check-in', '#/dates', '#/talk', ...talk, '#/progress', '#/settings', '#/partner']) {
    await goto(page, env.server.url + hash);
    // Open every disclosure so the controls inside are measured too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${hash}: no horizontal scroll`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, input, select, textarea, summary, label.choice, label.mood-choice')]
        .filter((el) => el.offsetParent !== null && !el.matches('.skip-link, .choice input, .mood-choice input, .check input'))
        .map((el) => ({ el: el.outerHTML.slice(0, 60), ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.height < 44 || r.width < 44),
    );
    assert.deepEqual(small, [], `${hash}: every touch target is at least 44 px`);
  }
  assertClean(problems);
  await context.close();
});

test('on a wide screen: navigation becomes a side rail', async () => {
  const { context, page, problems } = await openApp(env, '#/today', { viewport: { width: 1280, height: 800 } });
  const box = await page.getByRole('navigation', { name: 'Sections' }).boundingBox();
  assert.equal(box.x, 0);
  assert.equal(box.height, 800);
  assert.ok(box.width < 300);
  assertClean(problems);
  await context.close();
});

test('dark mode follows the system', async () => {
  const background = async (colorScheme) => {
    const { context, page } = await openApp(env, '#/today', { colorScheme });
    const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await context.close();
    return color;
  };
  assert.notEqual(await background('light'), await background('dark'));
});
