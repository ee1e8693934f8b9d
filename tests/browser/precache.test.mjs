// A first visit on a phone's data plan downloads the app once: the service
// worker's precache revalidates what the page has just fetched (a bodiless
// "not modified" from a host that gives validators, as tools/serve.mjs
// does) instead of downloading every file a second time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, watch, goto, assertClean } from './harness.mjs';

const env = sharedBrowser();

test('a first visit downloads the wasm once, the service worker included', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const bodies = [];
  context.on('requestfinished', async (request) => {
    if (!request.url().endsWith('.wasm')) return;
    const { responseBodySize } = await request.sizes();
    bodies.push({ by: request.serviceWorker() ? 'service worker' : 'page', bytes: responseBodySize });
  });
  const page = await context.newPage();
  const problems = watch(page);
  await goto(page, env.server.url);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const wasm = (await (await caches.open(keys[0])).keys()).find((request) => request.url.endsWith('.wasm'));
    return (await (await caches.match(wasm)).arrayBuffer()).byteLength;
  });
  assert.ok(cached > 100_000, 'the precache holds the whole wasm');
  assert.deepEqual(
    bodies.map(({ by }) => by).sort(),
    ['page', 'service worker'],
    'the page fetched the wasm, and the precache asked for it too',
  );
  const downloaded = bodies.filter(({ bytes }) => bytes > 0);
  assert.deepEqual(downloaded.map(({ by }) => by), ['page'], `one download: ${JSON.stringify(bodies)}`);
  assertClean(problems);
  await context.close();
});
