// Never a blank screen: index.html paints the app's own frame (navigation,
// section links, the page's heading) before the app's code arrives, and
// the app takes it over in the same place. Each route is seen twice: once
// with the wasm held back (the frame alone), once mounted; the two must
// name the same page, mark the same tab and put everything where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, turnLockOn, assertClean, watch, DIST } from './harness.mjs';

const env = sharedBrowser();

/** What the frame and the app must agree on, with positions. */
const layout = (page) =>
  page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round);
    };
    const h1 = document.querySelector('h1');
    const lede = document.querySelector('.page-head .lede, .welcome > .lede');
    const links = (selector) =>
      [...document.querySelectorAll(selector)].map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent,
        current: a.getAttribute('aria-current'),
        box: box(a),
      }));
    return {
      heading: h1?.textContent,
      headingBox: h1 && box(h1),
      lede: lede?.textContent,
      ledeBox: lede && box(lede),
      tabs: links('.nav-link'),
      sections: links('.subnav-link'),
      frameLeft: document.querySelectorAll('[data-frame]').length,
      headings: document.querySelectorAll('h1').length,
    };
  });

/**
 * The page at `hash` as the frame paints it, with `context`'s storage and
 * the app's code held back (no service worker, which would serve it).
 */
async function frameOf(context, hash) {
  const held = await env.browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'en-GB',
    serviceWorkers: 'block',
    storageState: await context.storageState(),
  });
  const page = await held.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.server.url + hash);
  await page.locator('h1').waitFor();
  const seen = await layout(page);
  await held.close();
  return seen;
}

async function appOf(context, hash) {
  const page = await context.newPage();
  await goto(page, env.server.url + hash);
  const seen = await layout(page);
  await page.close();
  return seen;
}

function assertSame(frame, app, where) {
  assert.ok(frame.frameLeft > 0, `${where}: the frame is there before the app`);
  assert.equal(app.frameLeft, 0, `${where}: the app removed the frame`);
  assert.equal(app.headings, 1, `${where}: one heading once mounted`);
  assert.equal(frame.heading, app.heading, `${where}: the frame names the page`);
  assert.deepEqual(frame.headingBox, app.headingBox, `${where}: the heading stays where it was`);
  assert.equal(frame.lede, app.lede, `${where}: the same opening line`);
  assert.deepEqual(frame.ledeBox, app.ledeBox, `${where}: the opening line stays where it was`);
  assert.deepEqual(frame.tabs, app.tabs, `${where}: the same tabs, the same one current, in place`);
  assert.deepEqual(frame.sections, app.sections, `${where}: the same section links`);
}

const ROUTES = [
  '#/today',
  '#/journal',
  '#/dates',
  '#/talk',
  '#/talk/questions',
  '#/talk/listening',
  '#/talk/time-out',
  '#/talk/complaint',
  '#/talk/help',
  '#/check-in',
  '#/progress',
  '#/partner',
  '#/settings',
  '#/welcome',
  '#/no-such-page',
];

test('every route: the frame is the app, before the app arrives', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  for (const hash of ROUTES) {
    assertSame(await frameOf(context, hash), await appOf(context, hash), hash);
  }
  assert.equal((await frameOf(context, '#/progress')).tabs.find((t) => t.current)?.text, 'Us');
  assertClean(problems);
  await page.close();
  await context.close();
});

test('the app’s own address: the welcome on a first visit, Today after', async () => {
  const { context, page, problems } = await openApp(env, '#/welcome');
  const first = await frameOf(context, '');
  assert.equal(first.heading, 'Welcome to Rekindle');
  assertSame(first, await layout(page), 'first visit');

  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.locator('main h1', { hasText: 'Today' }).waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rekindle/settings')));
  const later = await frameOf(context, '');
  assert.equal(later.heading, 'Today');
  assertSame(later, await appOf(context, ''), 'a later visit');
  assertClean(problems);
  await context.close();
});

test('with the lock on, the frame is the lock screen, and says nothing of what is kept', async () => {
  const { context, page, problems } = await openApp(env, '#/settings');
  await turnLockOn(page, 'correct horse');
  const frame = await frameOf(context, '#/journal');
  assert.equal(frame.heading, 'Rekindle is locked');
  assert.deepEqual(frame.tabs, [], 'no navigation behind the lock');
  assertSame(frame, await appOf(context, '#/journal'), 'locked');
  assertClean(problems);
  await context.close();
});

test('with storage refused (cookies blocked), the frame still paints, without an error', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.server.url + '#/journal');
  await page.locator('h1').waitFor();
  const frame = await layout(page);
  assert.equal(frame.heading, 'Journal');
  assert.equal(frame.tabs.find((t) => t.current)?.text, 'Journal');
  // The held-back wasm fails its fetch, as intended; nothing else may fail.
  assert.deepEqual(errors.filter((message) => message !== 'Failed to fetch'), [], 'frame.js does not throw');
  await context.close();
});

test('a first visit paints the whole frame first, then asks for the app’s code', async () => {
  // One stylesheet and frame.js before the first paint; nothing preloaded
  // with the HTML that would share a phone's link with them.
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  assert.equal(html.match(/rel="?stylesheet/g)?.length, 1, 'one stylesheet');
  assert.doesNotMatch(html, /rel="?(module)?preload/, 'no preload of the app’s code');

  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  await context.addInitScript(() => {
    window.__largest = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__largest.push({ at: entry.paintTime, of: entry.element?.className });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const page = await context.newPage();
  const problems = watch(page);
  // The wasm is held until the frame's largest paint is seen (the app
  // removes the frame's elements as it mounts).
  let release;
  const held = new Promise((done) => (release = done));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__largest.length > 0);
  const largest = await page.evaluate(() => window.__largest);
  release();
  await page.locator('main h1').waitFor();
  const seen = await page.evaluate(() => ({
    largest: window.__largest.length,
    firstPaint: performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint').paintTime,
    wasm: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).map((e) => e.startTime),
  }));
  // Frame.js blocks rendering: the first paint is the welcome with its
  // opening line, never Today's bare frame, and it is the largest paint.
  assert.deepEqual(largest, [{ at: seen.firstPaint, of: 'lede' }]);
  assert.equal(seen.largest, 1, 'the mounted app paints nothing larger');
  assert.equal(seen.wasm.length, 1, 'the wasm is fetched once');
  assert.ok(seen.wasm[0] > seen.firstPaint, `the wasm is asked for after the first paint (${seen.wasm[0]} ms, ${seen.firstPaint} ms)`);
  assertClean(problems);
  await context.close();
});
