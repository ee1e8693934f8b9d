// Installable and offline: the manifest, Chrome's own installability check,
// a reload with the network gone, and an update that keeps unsaved text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { sharedBrowser, launchProfile, DIST, watch, goto, reload, waitForSavedEntries, assertClean } from './harness.mjs';

const env = sharedBrowser();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.toString('ascii', 1, 4), 'PNG', `${file} is a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

test('the manifest describes an installable app with real icons', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.name, 'Rekindle');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.start_url.startsWith('./') && manifest.scope === './', 'works under any path');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((icon) => {
    const [w, h] = pngSize(join(DIST, icon.src));
    assert.equal(icon.sizes, `${w}x${h}`, `${icon.src} is the size it claims`);
    return `${icon.sizes} ${icon.purpose}`;
  });
  assert.deepEqual(sizes.sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
});

test('Chrome reports no installability errors', async () => {
  // Installing is impossible in an incognito-like context: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'rekindle-profile-'));
  const context = await launchProfile(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = watch(page);
  await goto(page, env.server.url);
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assertClean(problems);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

/**
 * The app served from a private copy of dist/ (so a test may stop the server
 * or change files), opened once at the journal with its service worker in control.
 */
async function installedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'rekindle-copy-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer(dir);
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = watch(page);
  await goto(page, server.url + '#/journal');
  await waitForServiceWorker(page);
  return {
    dir,
    server,
    page,
    problems,
    async close() {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('after one visit every screen opens, with its data, with the network gone', async () => {
  const app = await installedCopy();
  const { page } = app;
  await page.locator('#new-text').fill('Written online, read on a plane.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await waitForSavedEntries(page, 1);

  await app.server.close();
  await page.context().setOffline(true);
  const before = app.server.requests.length;
  await reload(page);
  assert.equal(await page.locator('main h1').textContent(), 'Journal');
  assert.deepEqual(await page.locator('ol.entries .entry-text').allTextContents(), ['Written online, read on a plane.']);
  // Every screen the navigation offers, by a fresh load of its own URL.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const links = [];
  for (const link of await nav.getByRole('link').all()) {
    const href = await link.getAttribute('href');
    links.push([href, href === '#/progress' ? 'Progress' : await link.textContent()]);
  }
  // And the sections under a tab.
  links.push(['#/check-in', 'Check-in'], ['#/settings', 'Settings'], ['#/partner', 'Two phones']);
  // And the Talk tools, each at its own address.
  links.push(['#/talk/questions', 'Question decks'], ['#/talk/time-out', 'Time-out'], ['#/talk/help', 'When it feels impossible']);
  for (const [href, name] of links) {
    await page.goto('about:blank'); // so the next load is a real one, not a fragment change
    await page.goto(new URL(href, app.server.url).href);
    await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n, name);
  }
  assert.equal(app.server.requests.length, before, 'nothing reached the server');
  assertClean(app.problems);
  await app.close();
});

test('a new version is offered, and reloading into it keeps unsaved text', async () => {
  const app = await installedCopy();
  const { page, dir, server, problems } = app;
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1);

  await page.locator('#new-text').fill('Half a thought, not saved yet');

  // Publish a "new release": same files, a new service worker version.
  const swPath = join(dir, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/"version":"[0-9a-f]+"/, '"version":"feedfacefeedface"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const banner = page.getByRole('status').filter({ hasText: 'A new version of Rekindle is ready.' });
  await banner.waitFor();
  assert.equal(await page.locator('#new-text').inputValue(), 'Half a thought, not saved yet', 'nothing reloads by itself');

  // Storage full: the latest words cannot be saved, so "Reload" waits (finding 7).
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 1 << 6]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`padding/${n}`, chunk);
          n += 1;
        } catch {
          break;
        }
      }
    }
  });
  await page.locator('#new-text').fill('Half a thought, not saved yet, and a little more of it');
  let reloaded = false;
  page.once('load', () => {
    reloaded = true;
  });
  await banner.getByRole('button', { name: 'Reload' }).click();
  await banner.getByText('It waits until your latest changes are saved').waitFor();
  await page.waitForTimeout(500);
  assert.equal(reloaded, false, 'no reload over words that are not saved');
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('padding/')) localStorage.removeItem(key);
  });
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  await page.locator('main h1').waitFor();
  assert.equal(await page.locator('#new-text').inputValue(), 'Half a thought, not saved yet, and a little more of it');
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['rekindle-feedfacefeedface'], 'the old cache is gone');
  assert.equal(await page.getByText('A new version of Rekindle is ready.').count(), 0);
  assert.ok(server.requests.some((r) => r.path === '/sw.js'), 'the update came from the server');
  assertClean(problems);
  await app.close();
});
