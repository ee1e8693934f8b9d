// The app shell: every section is reachable by keyboard, focus follows
// navigation, and the layout fits a 360 px phone and a wide screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, assertClean } from './harness.mjs';

// Five tabs; the check-in sits under Talk, and Progress, Two phones and
// Settings under "Us", each still at its own address.
const TABS = ['Today', 'Journal', 'Dates', 'Talk', 'Us'];
const HEADINGS = { Us: 'Progress' };

const env = sharedBrowser();

test('every section opens from the navigation, and focus moves to its heading', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  assert.deepEqual(await nav.getByRole('link').allTextContents(), TABS);
  for (const name of [...TABS.slice(1), 'Today']) {
    await nav.getByRole('link', { name }).click();
    const heading = HEADINGS[name] ?? name;
    await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, heading);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
    assert.equal(await page.title(), `${heading} · Rekindle`);
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), name);
  }
  // The sections under a tab: reached from its row of links, the tab stays current.
  for (const [tab, sections] of [['Talk', ['Check-in', 'Talk']], ['Us', ['Two phones', 'Settings', 'Progress']]]) {
    await nav.getByRole('link', { name: tab }).click();
    for (const name of sections) {
      await page.getByRole('navigation', { name: tab }).getByRole('link', { name, exact: true }).click();
      await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, name);
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
      assert.equal(await nav.locator('[aria-current="page"]').textContent(), tab);
      assert.equal(await page.getByRole('navigation', { name: tab }).locator('[aria-current="page"]').textContent(), name);
    }
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

test('on a 360 px phone: the navigation sits at the bottom (tests/browser/layout.test.mjs measures each screen)', async () => {
  const { context, page, problems } = await openApp(env, '#/journal');
  const box = await page.getByRole('navigation', { name: 'Sections' }).boundingBox();
  assert.ok(Math.abs(box.y + box.height - 740) < 1, 'navigation sits at the bottom');
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
