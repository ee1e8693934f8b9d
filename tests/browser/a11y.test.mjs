// axe-core on every screen the navigation offers, in both themes, on a
// phone and a wide screen, with entries in the journal. Screens added later
// are covered without touching this file: the list comes from the nav.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, reload, axeViolations, assertClean } from './harness.mjs';

const env = sharedBrowser();

const SEED = Object.fromEntries(
  [
    ['aaaa0001', 'reflection', 'We laughed in the kitchen like we used to.', 5, ['home'], null, false],
    ['aaaa0002', 'unspoken_need', 'I would like us to put phones away at dinner.', 2, ['us', 'dinner'], 'unsaid_need', true],
  ].map(([id, kind, text, mood, tags, prompt, flag], n) => [
    `rekindle/journal/${id}`,
    JSON.stringify({
      v: 2,
      data: {
        id,
        created: `2026-11-2${n}T20:00:00Z`,
        updated: `2026-11-2${n}T20:00:00Z`,
        kind,
        text,
        mood,
        tags,
        ...(prompt ? { prompt } : {}),
        ...(flag ? { agenda: 'next' } : {}),
      },
    }),
  ]),
);

for (const [colorScheme, width] of [
  ['light', 360],
  ['dark', 360],
  ['light', 1280],
  ['dark', 1280],
]) {
  test(`no axe violations on any screen (${colorScheme}, ${width} px)`, async () => {
    const { context, page, problems } = await openApp(env, '#/today', {
      colorScheme,
      viewport: { width, height: 800 },
    });
    await page.evaluate((seed) => Object.entries(seed).forEach(([k, v]) => localStorage.setItem(k, v)), SEED);
    await reload(page);
    const hrefs = await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.equal(hrefs.length, 5);
    // Screens reached from within a tab, not from the navigation.
    hrefs.push('#/check-in', '#/settings', '#/partner', '#/welcome');
    const found = {};
    for (const href of hrefs) {
      await page.goto(env.server.url + href);
      await page.locator('main h1').waitFor();
      const violations = await axeViolations(page);
      if (violations.length) found[href] = violations;
    }
    // The journal with an entry open for editing, and after a delete (undo bar).
    await page.goto(env.server.url + '#/journal');
    await page.getByRole('button', { name: /^Edit entry from/ }).first().click();
    const editing = await axeViolations(page);
    if (editing.length) found['#/journal (editing)'] = editing;
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: /^Delete entry from/ }).first().click();
    const undo = await axeViolations(page);
    if (undo.length) found['#/journal (undo)'] = undo;
    // A check-in under way, every step, with its disclosures open.
    await page.goto(env.server.url + '#/check-in');
    await page.getByRole('button', { name: 'Start the check-in' }).click();
    for (;;) {
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const title = await page.locator('#step-title').textContent();
      const violations = await axeViolations(page);
      if (violations.length) found[`#/check-in (${title})`] = violations;
      const next = page.getByRole('button', { name: /^Next: / });
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, title);
    }
    // Every Talk tool, and each in use: a card drawn, a turn, a break running.
    for (const tool of ['questions', 'listening', 'time-out', 'complaint', 'help']) {
      await page.goto(`${env.server.url}#/talk/${tool}`);
      await page.locator('main h1').waitFor();
      const violations = await axeViolations(page);
      if (violations.length) found[`#/talk/${tool}`] = violations;
    }
    const inUse = [
      ['#/talk/questions', 'Draw a card'],
      ['#/talk/listening', 'Begin'],
      ['#/talk/time-out', 'Start the break'],
    ];
    for (const [href, button] of inUse) {
      await page.goto(env.server.url + href);
      await page.getByRole('button', { name: button }).click();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const violations = await axeViolations(page);
      if (violations.length) found[`${href} (${button})`] = violations;
    }
    // Dates: the backlog with a plan and a memory form open, and Memories.
    await page.goto(env.server.url + '#/dates');
    await page.getByRole('button', { name: /^Save to our backlog: / }).first().click();
    await page.getByRole('radio', { name: /^Our backlog/ }).check();
    await page.getByRole('button', { name: 'Plan it' }).click();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const planning = await axeViolations(page);
    if (planning.length) found['#/dates (planning)'] = planning;
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: /^More for / }).click();
    await page.getByRole('button', { name: 'Mark done' }).click();
    const marking = await axeViolations(page);
    if (marking.length) found['#/dates (marking done)'] = marking;
    await page.getByRole('radio', { name: /^Memories/ }).check();
    const memories = await axeViolations(page);
    if (memories.length) found['#/dates (memories)'] = memories;
    assert.deepEqual(found, {});
    assertClean(problems);
    await context.close();
  });
}

test('reduced motion is respected', async () => {
  const { context, page } = await openApp(env, '#/journal', { reducedMotion: 'reduce' });
  const duration = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.transition = 'opacity 2s';
    document.body.append(probe);
    return getComputedStyle(probe).transitionDuration;
  });
  assert.equal(duration, '1e-05s');
  await context.close();
});
