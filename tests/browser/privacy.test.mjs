// Privacy proof: during a full journal journey the app asks for nothing but
// its own files, by GET, from its own origin, and breaks no CSP rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, distFiles, DIST, watch, goto, reload, waitForSavedEntries, assertClean } from './harness.mjs';

const env = sharedBrowser();

test('the Content-Security-Policy is strict, and enforced', async () => {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script left in index.html');
  assert.ok(!/https?:\/\//.test(html), 'index.html names no other origin');

  const context = await env.browser.newContext();
  const page = await context.newPage();
  await goto(page, env.server.url);
  const csp = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
  );
  assert.ok(csp, 'index.html has a CSP');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.ok(!csp.includes('unsafe-inline') && !/https?:/.test(csp), 'no inline code, no other origin');

  // The browser really applies it: injected inline code and outside requests are blocked.
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="window.__ran = true">');
    let fetched = true;
    try {
      await fetch('https://example.invalid/collect');
    } catch {
      fetched = false;
    }
    await new Promise((done) => setTimeout(done, 100));
    return { ran: window.__ran === true, fetched, violations };
  });
  assert.equal(outcome.ran, false, 'inline event handler did not run');
  assert.equal(outcome.fetched, false, 'a request to another origin was refused');
  assert.ok(outcome.violations.includes('script-src-attr') || outcome.violations.includes('script-src'));
  assert.ok(outcome.violations.includes('connect-src'));
  await context.close();
});

test('a whole journal journey requests only the app’s own files', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const requests = [];
  context.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
  const page = await context.newPage();
  const problems = watch(page);

  await goto(page, env.server.url + '#/today');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journal' }).click();
  await page.locator('#new-text').fill('Private words that stay here.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('private');
  await page.getByRole('button', { name: /^Edit entry from/ }).click();
  await page.locator('ol.entries textarea').fill('Private words, edited.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('button', { name: /^Delete entry from/ }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitForSavedEntries(page, 1);
  for (const name of ['Dates', 'Talk', 'Us', 'Today']) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
  }
  for (const [tab, name] of [['Talk', 'Check-in'], ['Us', 'Settings']]) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: tab }).click();
    await page.getByRole('navigation', { name: tab }).getByRole('link', { name }).click();
  }
  await reload(page);

  const origin = new URL(env.server.url).origin;
  const own = new Set(['/', ...distFiles()]);
  const foreign = requests.filter((r) => {
    const url = new URL(r.url);
    return r.method !== 'GET' || url.origin !== origin || !own.has(url.pathname);
  });
  assert.deepEqual(foreign, [], 'every request is a same-origin GET of a file in dist/');
  assert.ok(requests.some((r) => r.url.endsWith('.wasm')), 'the recording saw the app load');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assertClean(problems);
  await context.close();
});
