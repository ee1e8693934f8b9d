// Two phones, one couple, no server: two browser contexts are the two
// phones. They pair by pasted text (comparing the safety number), then keep
// appreciations, a check-in and date plans in step both ways with codes; a
// deletion travels; a changed or replayed code is refused with nothing
// changed; and the whole journey asks nothing of any server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, watch, goto, storage, distFiles, axeViolations, assertClean, waitForLive } from './harness.mjs';

const env = sharedBrowser();

/** One phone: its own browser context (its own storage), with every request it makes logged. */
async function phone() {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page);
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));
  await goto(page, env.server.url + '#/partner');
  return { context, page, problems, requests };
}

async function showOffer(page) {
  await goto(page, env.server.url + '#/partner');
  await page.getByRole('button', { name: "Show this phone's pairing code" }).click();
  await page.getByRole('img', { name: "This phone's pairing code as a QR code" }).waitFor();
  return page.locator('#my-offer').inputValue();
}

async function readOffer(page, text) {
  await page.locator('#their-offer').fill(text);
  await page.getByRole('button', { name: 'Read their code' }).click();
  return (await page.locator('#safety-number').textContent()).trim();
}

async function pair(a, b) {
  const offerA = await showOffer(a);
  const offerB = await showOffer(b);
  assert.deepEqual(await axeViolations(a), [], 'the pairing screen');
  assert.match(offerA, /^rkp1\.[A-Za-z0-9_-]{87}$/);
  const safetyA = await readOffer(a, offerB);
  const safetyB = await readOffer(b, offerA);
  assert.match(safetyA, /^\d{4} \d{4} \d{4}$/);
  assert.equal(safetyA, safetyB, 'both phones show the same safety number');
  for (const page of [a, b]) {
    await page.getByRole('button', { name: "It's the same: pair" }).click();
    await page.locator('#paired-status', { hasText: safetyA }).waitFor();
  }
}

/** Makes a code on `page` and returns all its parts as one text. */
async function makeCode(page) {
  await goto(page, env.server.url + '#/partner');
  await page.getByRole('button', { name: 'Make the code' }).click();
  await page.locator('#code-made').waitFor();
  const parts = await page.locator('#code-made textarea').evaluateAll((all) => all.map((t) => t.value));
  assert.ok(parts.every((part) => /^rk1\./.test(part)));
  return parts.join('\n');
}

async function openCode(page, code) {
  await goto(page, env.server.url + '#/partner');
  await page.locator('#code-text').fill(code);
  await page.getByRole('button', { name: 'Open the code' }).click();
}

async function bringIn(page, code, holds) {
  await openCode(page, code);
  const preview = page.locator('#code-preview');
  await preview.waitFor();
  for (const line of holds) assert.match(await preview.textContent(), line);
  await page.getByRole('button', { name: 'Bring them in' }).click();
  await page.locator('.receive-status', { hasText: 'Brought in' }).waitFor();
}

async function appreciate(page, text) {
  await goto(page, env.server.url + '#/today');
  await page.getByRole('button', { name: 'What did you notice about each other today?' }).click();
  await page.getByLabel(/^What do you appreciate about/).fill(text);
  await page.getByRole('button', { name: 'Save appreciation' }).click();
  await page.locator('#todays-appreciations li', { hasText: text }).waitFor();
}

/** Every request a phone made was a same-origin GET of the app's own files. */
function assertNoForeignRequests(requests) {
  const origin = new URL(env.server.url).origin;
  const files = new Set(distFiles());
  for (const { url, method } of requests) {
    const parsed = new URL(url);
    assert.equal(parsed.origin, origin, `${url} leaves the origin`);
    assert.equal(method, 'GET', `${method} ${url}`);
    const path = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
    assert.ok(files.has(path), `${url} is not one of the app's files`);
  }
}

test('two phones pair by text, then keep appreciations, a check-in and plans in step both ways', async () => {
  const A = await phone();
  const B = await phone();
  const [a, b] = [A.page, B.page];
  await pair(a, b);

  // A → B: an appreciation.
  await appreciate(a, 'You carried the heavy shopping up four floors');
  const first = await makeCode(a);
  await bringIn(b, first, [/1 appreciation/]);
  await goto(b, env.server.url + '#/today');
  await b.locator('#todays-appreciations li', { hasText: 'You carried the heavy shopping' }).waitFor();

  // The same code again adds nothing and says why.
  await openCode(b, first);
  await b.locator('.receive-status', { hasText: 'opened already' }).waitFor();

  // A check-in on two phones: A starts it and answers; B answers their half.
  await goto(a, env.server.url + '#/check-in');
  await a.getByRole('button', { name: 'Start the check-in' }).click();
  await a.locator('#step-title', { hasText: 'Appreciations' }).waitFor();
  await a.getByLabel('Partner 1 appreciates Partner 2 for').fill('Answered on phone A');
  await a.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('Answered on phone A')));
  await bringIn(b, await makeCode(a), [/1 check-in/]);
  await goto(b, env.server.url + '#/check-in');
  await b.locator('#step-title', { hasText: 'Appreciations' }).waitFor();
  assert.equal(await b.getByLabel('Partner 1 appreciates Partner 2 for').inputValue(), 'Answered on phone A');
  await b.getByLabel('Partner 2 appreciates Partner 1 for').fill('Answered on phone B');
  await b.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('Answered on phone B')));
  // Meanwhile A goes on with its own half.
  await goto(a, env.server.url + '#/check-in');
  await a.getByLabel('Partner 1 appreciates Partner 2 for').fill('Answered on phone A, and more');
  await a.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('and more')));
  await bringIn(a, await makeCode(b), [/check-in/]);
  await goto(a, env.server.url + '#/check-in');
  assert.equal(await a.getByLabel('Partner 1 appreciates Partner 2 for').inputValue(), 'Answered on phone A, and more');
  assert.equal(await a.getByLabel('Partner 2 appreciates Partner 1 for').inputValue(), 'Answered on phone B', 'both halves kept');

  // Pairing, a code made and a code's preview pass axe on a 360 px phone.
  await makeCode(a);
  assert.deepEqual(await axeViolations(a), [], 'a code made');
  await openCode(b, await makeCode(a));
  await b.locator('#code-preview').waitFor();
  assert.deepEqual(await axeViolations(b), [], 'a preview');
  await b.getByRole('button', { name: 'Not now' }).click();

  // B → A: a date plan; then B removes an idea and the removal travels.
  await goto(b, env.server.url + '#/dates');
  const titles = await b.locator('#library .idea-title').allTextContents();
  const [planned, dropped] = [titles[0], titles[1]];
  for (const title of [planned, dropped]) {
    await b.getByRole('button', { name: `Save to our backlog: ${title}` }).click();
  }
  await b.getByRole('radio', { name: /^Our backlog/ }).check();
  const card = b.locator('#backlog li', { hasText: planned });
  await card.getByRole('button', { name: 'Plan it' }).click();
  await b.getByLabel('Day and time').fill('2031-06-01T19:30');
  await b.getByRole('button', { name: 'Save the plan' }).click();
  await card.getByText(/^Planned:/).waitFor();
  await bringIn(a, await makeCode(b), [/2 date ideas/]);
  await goto(a, env.server.url + '#/dates');
  await a.getByRole('radio', { name: /^Our backlog/ }).check();
  await a.locator('#backlog li', { hasText: planned }).getByText(/^Planned:/).waitFor();
  await a.locator('#backlog li', { hasText: dropped }).waitFor();

  await goto(b, env.server.url + '#/dates');
  await b.getByRole('radio', { name: /^Our backlog/ }).check();
  await b.locator('#backlog li', { hasText: dropped }).getByRole('button', { name: `More for ${dropped}` }).click();
  await b.locator('#backlog li', { hasText: dropped }).getByRole('button', { name: `Remove: ${dropped}` }).click();
  await waitForLive(b, 'rekindle/date/', 1);
  const removal = await makeCode(b);
  await bringIn(a, removal, [/1 date idea deleted/]);
  await goto(a, env.server.url + '#/dates');
  await a.getByRole('radio', { name: /^Our backlog/ }).check();
  await a.locator('#backlog li', { hasText: planned }).waitFor();
  assert.equal(await a.locator('#backlog li', { hasText: dropped }).count(), 0, 'the deletion reached the other phone');

  // Only what is new goes next. A's code back tells B what A has (and
  // carries only what B does not have); then B has nothing new to send.
  await bringIn(b, await makeCode(a), [/check-in/]);
  await goto(b, env.server.url + '#/partner');
  await b.getByRole('button', { name: 'Make the code' }).click();
  await b.getByRole('status').filter({ hasText: 'Nothing new to send' }).waitFor();

  // A changed byte: refused, nothing changed.
  await appreciate(a, 'You remembered my sister’s birthday');
  const good = await makeCode(a);
  const at = good.length - 20;
  const changed = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
  await b.waitForTimeout(800); // longer than the save delay: B is at rest
  const before = await storage(b);
  await openCode(b, changed);
  await b.locator('.receive-status', { hasText: 'changed or cut short' }).waitFor();
  const after = await storage(b);
  const differ = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  assert.deepEqual(differ, [], 'a changed code changes nothing');
  // Cut short: refused too.
  await openCode(b, good.slice(0, Math.floor(good.length / 2)));
  await b.locator('.receive-status', { hasText: /changed or cut short|parts/ }).waitFor();
  assert.deepEqual(await storage(b), before);
  // A's own code is not for A.
  await openCode(a, good);
  await a.locator('.receive-status', { hasText: 'made on this phone' }).waitFor();
  await bringIn(b, good, [/1 appreciation/]);

  for (const { requests } of [A, B]) assertNoForeignRequests(requests);
  assertClean([...A.problems, ...B.problems]);
  await A.context.close();
  await B.context.close();
});

test('pairing by passphrase, and a code that comes as a link opens straight into the preview', async () => {
  const C = await phone();
  const D = await phone();
  for (const { page } of [C, D]) {
    await page.getByText('Or pair with a passphrase').click();
    await page.getByLabel('A passphrase both of you know (12 characters or more)').fill('lanterns over the bay');
    await page.getByLabel('The same passphrase again').fill('lanterns over the bay');
    await page.getByRole('button', { name: 'Pair with this passphrase' }).click();
    await page.locator('#paired-status', { hasText: 'by a passphrase' }).waitFor({ timeout: 20000 });
  }
  await appreciate(C.page, 'You sang in the car and made me laugh');
  await makeCode(C.page);
  const link = await C.page.locator('#code-link').getAttribute('href');
  assert.match(link, /#rk1\./);
  await D.page.goto('about:blank');
  await D.page.goto(link);
  await D.page.locator('#code-preview').waitFor();
  assert.equal(await D.page.evaluate(() => location.hash), '#/partner', 'the code leaves the address bar');
  await D.page.getByRole('button', { name: 'Bring them in' }).click();
  await goto(D.page, env.server.url + '#/today');
  await D.page.locator('#todays-appreciations li', { hasText: 'sang in the car' }).waitFor();
  for (const { requests } of [C, D]) assertNoForeignRequests(requests);
  assertClean([...C.problems, ...D.problems]);
  await C.context.close();
  await D.context.close();
});

test('a backup protected with a passphrase hides every word, and opens only with it', async () => {
  const E = await phone();
  const page = E.page;
  await appreciate(page, 'You left me the last of the good coffee');
  await goto(page, env.server.url + '#/settings');
  await page.getByLabel('Protect the file with a passphrase').check();
  await page.getByLabel('A passphrase for this file (8 characters or more, not only digits)').fill('coffee and rain');
  await page.getByLabel('The same passphrase again', { exact: true }).fill('coffee and rain');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const text = readFileSync(await file.path(), 'utf8');
  assert.equal(JSON.parse(text).format, 'rekindle-backup-sealed');
  assert.ok(!text.includes('coffee'), 'no readable word in the file');

  const F = await phone();
  await goto(F.page, env.server.url + '#/settings');
  const choose = () =>
    F.page.getByLabel('Choose a backup file').setInputFiles({ name: 'protected.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await choose();
  await F.page.getByLabel("The backup's passphrase").fill('tea and sun');
  await F.page.getByRole('button', { name: 'Open the backup' }).click();
  await F.page.getByRole('alert').filter({ hasText: 'That passphrase does not open this backup' }).waitFor({ timeout: 20000 });
  await F.page.getByLabel("The backup's passphrase").fill('coffee and rain');
  await F.page.getByRole('button', { name: 'Open the backup' }).click();
  await F.page.locator('#import-preview', { hasText: '1 appreciation' }).waitFor({ timeout: 20000 });
  await F.page.getByRole('button', { name: 'Merge into what is here' }).click();
  await goto(F.page, env.server.url + '#/today');
  await F.page.locator('#todays-appreciations li', { hasText: 'last of the good coffee' }).waitFor();
  assertClean([...E.problems, ...F.problems]);
  await E.context.close();
  await F.context.close();
});
