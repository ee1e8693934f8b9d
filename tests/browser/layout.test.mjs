// Every screen on a 360 px phone, in light and dark, with data in it: each
// kind of layout defect a reviewer found is measured, not eyeballed.
//   - sideways scrolling;
//   - touch targets under 44 px (links inside a sentence excepted: WCAG's
//     inline exception), and checkboxes that shrink in their row;
//   - links inside a sentence that tear the line (a 44 px box mid-text);
//   - controls that overlap, or touch the heading below them;
//   - labels that wrap: tabs, section links, chips, the undo bar's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, reload, stored, turnLockOn, assertClean } from './harness.mjs';

const env = sharedBrowser();

const TALK = ['questions', 'listening', 'time-out', 'complaint', 'help'].map((tool) => `#/talk/${tool}`);
const SCREENS = ['#/welcome', '#/today', '#/journal', '#/check-in', '#/dates', '#/talk', ...TALK, '#/progress', '#/partner', '#/settings'];

/** A week of a couple's use, so lists, charts and menus have something in them. */
function seed() {
  const day = (n) => `2026-11-${String(20 + n).padStart(2, '0')}`;
  const items = {
    'rekindle/settings/couple': stored({ names: ['Alex', 'Sam'], check_in_weekday: 'Sun', welcomed: true, started: day(0) }),
  };
  for (let n = 0; n < 3; n++) {
    const id = `e000000${n}`;
    items[`rekindle/journal/${id}`] = stored({
      id,
      created: `${day(n)}T20:00:00Z`,
      updated: `${day(n)}T20:00:00Z`,
      kind: 'reflection',
      text: `We walked to the river and talked about nothing much, day ${n}.`,
      mood: 2 + n,
      tags: ['walks'],
    });
    const a = `a000000${n}`;
    items[`rekindle/appreciation/${a}`] = stored({
      id: a,
      created: `${day(n)}T20:00:00Z`,
      updated: `${day(n)}T20:00:00Z`,
      day: day(n),
      from: n % 2 ? 'second' : 'first',
      focus: 'something_they_did',
      text: 'You made tea before I asked and left a note on the cup.',
    });
  }
  return items;
}

/** The measurements, run in the page; each returns a list of offenders. */
function measure() {
  const visible = (el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed';
  // The navigation, the undo bar, the check-in's footer and its timer float
  // over the page by design.
  const floating = (el) => {
    for (let node = el; node; node = node.parentElement) {
      if (['fixed', 'sticky'].includes(getComputedStyle(node).position)) return true;
    }
    return false;
  };
  const rect = (el) => el.getBoundingClientRect();
  const name = (el) => el.outerHTML.slice(0, 70);
  const inSentence = (el) =>
    [...el.parentElement.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  const controls = [...document.querySelectorAll('a, button, input, select, textarea, summary, label.choice, label.mood-choice')]
    .filter(visible)
    .filter((el) => !el.matches('.skip-link, .choice input, .mood-choice input, .visually-hidden, .visually-hidden *'));

  const sideways = document.documentElement.scrollWidth > window.innerWidth ? ['the page scrolls sideways'] : [];

  const small = controls
    .filter((el) => !(el.matches('a') && inSentence(el)))
    .filter((el) => !el.matches('input[type="checkbox"], input[type="radio"]'))
    .filter((el) => rect(el).height < 44 || rect(el).width < 44)
    .map(name);

  const boxes = [...document.querySelectorAll('input[type="checkbox"], input[type="radio"]')]
    .filter(visible)
    .filter((el) => !el.matches('.choice input, .mood-choice input') && getComputedStyle(el).opacity !== '0');
  const sizes = new Set(boxes.map((el) => `${Math.round(rect(el).width)}x${Math.round(rect(el).height)}`));
  const shrunk = [
    ...(sizes.size > 1 ? [`checkboxes of different sizes: ${[...sizes].join(', ')}`] : []),
    ...boxes.filter((el) => rect(el).width < 20 || Math.abs(rect(el).width - rect(el).height) > 1).map(name),
  ];

  const tearing = controls
    .filter((el) => el.matches('a') && inSentence(el))
    .filter((el) => getComputedStyle(el).display !== 'inline')
    .map(name);

  const overlapping = [];
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const [a, b] = [controls[i], controls[j]];
      if (a.contains(b) || b.contains(a) || a.closest('label')?.contains(b) || b.closest('label')?.contains(a)) continue;
      if (floating(a) || floating(b)) continue;
      const [p, q] = [rect(a), rect(b)];
      const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (x > 1 && y > 1) overlapping.push(`${name(a)} over ${name(b)}`);
    }
  }
  const headings = [...document.querySelectorAll('main h2, main h3')].filter(visible);
  const touching = [];
  for (const control of controls.filter((el) => el.matches('button, a.button, input, select, textarea') && !floating(el))) {
    const c = rect(control);
    for (const heading of headings) {
      const h = rect(heading);
      const across = Math.min(c.right, h.right) - Math.max(c.left, h.left) > 0;
      const gap = h.top - c.bottom;
      if (across && gap > -1 && gap < 8) touching.push(`${name(control)} touches "${heading.textContent}"`);
    }
  }

  const wrapping = [...document.querySelectorAll('.nav-label, .subnav-link, .chip, .undo-bar .undo-message')]
    .filter(visible)
    .filter((el) => lines(el) > 1)
    .map(name);

  return { sideways, small, shrunk, tearing, overlapping, touching, wrapping };
}

/** Measures the page as it stands; offenders are collected under `where`. */
async function check(page, where, found) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  for (const [kind, offenders] of Object.entries(await page.evaluate(measure))) {
    if (offenders.length) found[`${where}: ${kind}`] = offenders;
  }
}

for (const colorScheme of ['light', 'dark']) {
  test(`every screen at 360 px, ${colorScheme}: no sideways scroll, small targets, tearing, overlaps or wrapped labels`, async () => {
    const { context, page, problems } = await openApp(env, '#/today', { colorScheme });
    await page.evaluate((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), seed());
    await reload(page);
    const found = {};
    for (const hash of SCREENS) {
      await goto(page, env.server.url + hash);
      await check(page, hash, found);
    }
    // The undo bar after a deletion.
    await goto(page, env.server.url + '#/journal');
    await page.getByRole('button', { name: /^Delete entry from/ }).first().click();
    await page.locator('.undo-bar').waitFor();
    await check(page, '#/journal (undo)', found);
    // Today's appreciation form, open.
    await goto(page, env.server.url + '#/today');
    await page.getByRole('button', { name: 'What did you notice about each other today?' }).click();
    await check(page, '#/today (writing)', found);
    // A break running: the time-out, and Today while apart.
    await goto(page, env.server.url + '#/talk/time-out');
    await page.getByRole('button', { name: 'Start the break' }).click();
    await check(page, '#/talk/time-out (running)', found);
    await goto(page, env.server.url + '#/today');
    await page.getByRole('heading', { name: "While you're apart" }).waitFor();
    await check(page, '#/today (time-out)', found);
    await goto(page, env.server.url + '#/talk/time-out');
    await page.getByRole('button', { name: "We're ready to talk" }).click();
    // A check-in under way, every step.
    await goto(page, env.server.url + '#/check-in');
    await page.getByRole('button', { name: 'Start the check-in' }).click();
    for (let step = 1; ; step += 1) {
      await check(page, `#/check-in (step ${step})`, found);
      const next = page.getByRole('button', { name: /^Next: / });
      if ((await next.count()) === 0) break;
      const title = await page.locator('#step-title').textContent();
      await next.click();
      await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, title);
    }
    // Settings with the lock on: its buttons stand clear of the headings.
    await goto(page, env.server.url + '#/settings');
    await turnLockOn(page, 'layout passcode 1');
    await check(page, '#/settings (locked)', found);
    assert.deepEqual(found, {});
    assertClean(problems);
    await context.close();
  });
}

test('with larger text (125 %), tab labels and section links still sit on one line', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  for (const hash of ['#/today', '#/check-in', '#/settings']) {
    await goto(page, env.server.url + hash);
    // Through the CSSOM: the app's CSP refuses inline style sheets.
    await page.evaluate(() => Object.assign(document.documentElement.style, { fontSize: '125%', fontWeight: '650' }));
    const wrapped = await page.evaluate(() =>
      [...document.querySelectorAll('.nav-label, .subnav-link')]
        .filter((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((el) => el.textContent),
    );
    assert.deepEqual(wrapped, [], hash);
  }
  assertClean(problems);
  await context.close();
});
