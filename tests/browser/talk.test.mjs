// Talk: the hub and its tools. Cards are drawn through a whole deck with no
// repeat, across a reload; any card may be passed without counting; the
// vulnerability deck carries a listening guide; a time-out survives a reload with the same
// return time and shows on Today; a listening round goes speaker, swap,
// closing; the guidance page puts safety first and links nowhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, reload, storage, assertClean, axeViolations } from './harness.mjs';

const env = sharedBrowser();

const TOOLS = [
  ['Question decks', '#/talk/questions'],
  ['Listening practice', '#/talk/listening'],
  ['Time-out', '#/talk/time-out'],
  ['Complaint → request', '#/talk/complaint'],
  ['When it feels impossible', '#/talk/help'],
];

async function stored(page, prefix) {
  return Object.entries(await storage(page))
    .filter(([k]) => k.startsWith(prefix))
    .map(([, v]) => JSON.parse(v).data);
}

test('the hub opens every tool at its own address, and back', async () => {
  const { context, page, problems } = await openApp(env, '#/talk');
  for (const [title, href] of TOOLS) {
    await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.ok(page.url().endsWith(href), page.url());
    // Focus lands on the new page's heading.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), title);
    await page.getByRole('link', { name: '← All of Talk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Talk' }).waitFor();
  }
  assertClean(problems);
  await context.close();
});

test('a whole deck is drawn with no repeat, carrying on after a reload', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/questions');
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Playful' });
  await page.getByRole('button', { name: 'Draw a card' }).click();
  const progress = async () => {
    const [, n, of] = (await page.locator('#card-progress').textContent()).match(/Card (\d+) of (\d+)/);
    return [Number(n), Number(of)];
  };
  const [, total] = await progress();
  assert.ok(total >= 40, `${total} cards in the deck`);
  const seen = [await page.locator('#card-text').textContent()];
  const next = async () => {
    const before = await page.locator('#card-progress').textContent();
    await page.getByRole('button', { name: 'Next card' }).click();
    await page.waitForFunction((b) => document.querySelector('#card-progress').textContent !== b, before);
    seen.push(await page.locator('#card-text').textContent());
  };
  while (seen.length < Math.floor(total / 2)) await next();

  // Favourite this one, then reload mid-deck: same deck, same card, same place.
  await page.getByRole('button', { name: '♥ Favourite' }).click();
  assert.equal(await page.getByRole('button', { name: '♥ Favourite' }).getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"favourites":["b')));
  await reload(page);
  assert.equal(await page.getByLabel('Deck', { exact: true }).locator('option:checked').textContent(), 'Playful', 'the last deck used opens');
  assert.equal(await page.locator('#card-text').textContent(), seen.at(-1));
  assert.deepEqual(await progress(), [seen.length, total]);
  await page.getByText('Favourites (1)').click();
  assert.equal(await page.locator('#favourites li').textContent(), seen.at(-1));

  while (seen.length < total) await next();
  assert.equal(new Set(seen).size, total, 'no card came twice in the round');
  assert.deepEqual(await progress(), [total, total]);
  // Used up: a new round starts, not with the card just read.
  await next();
  assert.deepEqual(await progress(), [1, total]);
  assert.notEqual(seen.at(-1), seen.at(-2));

  // A card of their own joins the deck.
  await page.getByText('Your own cards (0)').click();
  await page.getByLabel('A question of your own for Playful').fill('Which cartoon character are we, as a couple?');
  await page.getByRole('button', { name: 'Add the card' }).click();
  await page.getByText('Added to Playful.').waitFor();
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('cartoon character')));
  assert.deepEqual(await progress(), [1, total + 1]);
  // Drawn like any other card, and marked as theirs.
  while ((await page.locator('#card-text').textContent()) !== 'Which cartoon character are we, as a couple?') await next();
  await page.locator('#card-own', { hasText: 'One of your own cards' }).waitFor();
  await page.getByRole('button', { name: 'Add the card' }).click();
  await page.getByText('Write the question first.').waitFor();
  const [place] = await stored(page, 'rekindle/deck/playful');
  assert.equal(place.own[0].text, 'Which cartoon character are we, as a couple?');
  assertClean(problems);
  await context.close();
});

test('any card may be passed: another card shows, the progress stays, and a reload keeps it', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/questions');
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Playful' });
  assert.match(await page.locator('#pass-note').textContent(), /pass on any card, no reason needed/);
  assert.equal(await page.getByRole('button', { name: 'Pass' }).count(), 0, 'nothing to pass before a card is drawn');
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await page.locator('#card-progress', { hasText: 'Card 1 of' }).waitFor();
  const passed = await page.locator('#card-text').textContent();
  const progress = await page.locator('#card-progress').textContent();
  await page.getByRole('button', { name: 'Pass' }).click();
  await page.waitForFunction((b) => document.querySelector('#card-text').textContent !== b, passed);
  const instead = await page.locator('#card-text').textContent();
  assert.equal(await page.locator('#card-progress').textContent(), progress, 'a passed card is not counted');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"passed":["')));
  await reload(page);
  assert.equal(await page.locator('#card-text').textContent(), instead);
  assert.equal(await page.locator('#card-progress').textContent(), progress);
  // The next card counts as usual, and is not the passed one.
  await page.getByRole('button', { name: 'Next card' }).click();
  await page.locator('#card-progress', { hasText: 'Card 2 of' }).waitFor();
  assert.notEqual(await page.locator('#card-text').textContent(), passed);
  const [place] = await stored(page, 'rekindle/deck/playful');
  assert.equal(place.passed.length, 1);
  assertClean(problems);
  await context.close();
});

test('the vulnerability deck shows how to listen, and other decks do not', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/questions');
  const guide = page.getByRole('heading', { name: 'How to listen when your partner shares something tender' });
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Vulnerability' });
  await guide.waitFor();
  const steps = await page.locator('.deck-guide li').allTextContents();
  assert.ok(steps.length >= 3, steps.join(' | '));
  assert.ok(steps.some((s) => /thank/i.test(s)) && steps.some((s) => /fix/i.test(s)), steps.join(' | '));
  // With a card and the Pass button showing too, axe finds nothing.
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await page.getByRole('button', { name: 'Pass' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  for (const label of ['Playful', 'After a conflict', 'Getting to know you again']) {
    await page.getByLabel('Deck', { exact: true }).selectOption({ label });
    await page.waitForFunction(() => !document.querySelector('.deck-guide'));
  }
  assertClean(problems);
  await context.close();
});

test('a time-out keeps its return time through a reload, shows on Today, and ends gently', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/time-out');
  // A set time too soon is refused with the reason.
  const soon = await page.evaluate(() => {
    const d = new Date(Date.now() + 5 * 60 * 1000);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  });
  await page.getByRole('radio', { name: 'Until a set time' }).check();
  await page.getByLabel('Back together at').fill(soon);
  await page.getByRole('button', { name: 'Start the break' }).click();
  await page.getByRole('alert').filter({ hasText: 'at least 20 minutes' }).waitFor();
  assert.deepEqual(await stored(page, 'rekindle/time-out/'), []);

  await page.getByRole('radio', { name: '30 minutes' }).check();
  await page.getByRole('button', { name: 'Start the break' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^Back together at \d{1,2}:\d\d/ });
  await heading.waitFor();
  const title = await heading.textContent();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rekindle/time-out/')));
  const [before] = await stored(page, 'rekindle/time-out/');
  const minutes = (Date.parse(before.back_at) - Date.parse(before.started)) / 60000;
  assert.equal(minutes, 30);
  assert.match(await page.locator('#time-out-left').textContent(), /^(30:00|29:5\d)$/);

  await reload(page);
  assert.equal(await heading.textContent(), title, 'the same return time after a reload');
  const [after] = await stored(page, 'rekindle/time-out/');
  assert.equal(after.back_at, before.back_at);

  // The breathing guide counts the breath.
  await page.getByRole('button', { name: 'Breathe with the guide' }).click();
  assert.match(await page.locator('#breath-step').textContent(), /^Breathe in · [1-4]$/);

  await goto(page, env.server.url + '#/today');
  assert.match(await page.locator('#time-out-line').textContent(), new RegExp(title));

  await page.getByRole('link', { name: 'Open the time-out' }).click();
  await page.getByRole('button', { name: "We're ready to talk" }).click();
  await page.getByRole('heading', { name: 'Time to come back together' }).waitFor();
  assert.ok((await page.locator('#restart-script li').count()) >= 5);
  await page.getByRole('button', { name: "We've talked" }).click();
  await page.getByText('You came back to each other. That matters.').waitFor();
  await page.waitForFunction(() =>
    Object.entries(localStorage).some(([k, v]) => k.startsWith('rekindle/time-out/') && v.includes('"ended":true')),
  );
  await goto(page, env.server.url + '#/today');
  assert.equal(await page.locator('#time-out-line').count(), 0);
  assertClean(problems);
  await context.close();
});

test('a listening round: one speaks, they swap, then each says what they heard', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/listening');
  await page.getByRole('radio', { name: 'Partner 2' }).check();
  await page.getByLabel('Minutes each turn').selectOption('1');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('heading', { name: 'Partner 2 speaks, Partner 1 listens' }).waitFor();
  const prompts = await page.locator('#listener-prompts li').allTextContents();
  for (const prompt of ["What I'm hearing is …", 'Did I get that right?', 'Is there more?', 'What would help?']) {
    assert.ok(prompts.includes(prompt), prompt);
  }
  assert.equal(await page.locator('#turn-left').textContent(), '1:00');
  await page.getByRole('button', { name: 'Start the turn' }).click();
  await page.waitForFunction(() => document.querySelector('#turn-left').textContent !== '1:00');
  await page.getByRole('button', { name: 'Done: Partner 1 speaks' }).click();
  await page.getByRole('heading', { name: 'Partner 1 speaks, Partner 2 listens' }).waitFor();
  assert.equal(await page.locator('#turn-left').textContent(), '1:00', 'a fresh turn');
  await page.getByRole('button', { name: 'Done: what did we hear?' }).click();
  await page.getByRole('heading', { name: 'What did you each hear?' }).waitFor();
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByText('Well listened. Thank each other for that.').waitFor();
  assertClean(problems);
  await context.close();
});

test('the question card comes first, above the fold on a 360 x 740 phone', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/questions', { viewport: { width: 360, height: 740 } });
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await page.locator('#card-progress', { hasText: 'Card 1 of' }).waitFor();
  const fold = 740;
  for (const selector of ['#card-text', '#next-card']) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box.y + box.height <= fold, `${selector} ends at ${box.y + box.height}px, above the fold`);
  }
  // The deck chooser is one compact control below the card.
  const card = await page.locator('.question-card').boundingBox();
  const deck = await page.getByLabel('Deck', { exact: true }).boundingBox();
  assert.ok(deck.y > card.y + card.height, 'the deck chooser follows the card');
  assert.ok(deck.height <= 60, `the deck chooser is ${deck.height}px tall`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scroll: ${width}px`);
  assertClean(problems);
  await context.close();
});

test('when it feels impossible: safety first, every section, no links out', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/help');
  const headings = await page.locator('main h2').allTextContents();
  assert.equal(headings[0], 'If you are afraid of your partner');
  assert.ok(headings.length >= 6, headings.join(' | '));
  assert.match(await page.locator('#safety').textContent(), /emergency/i);
  // Helplines and emergency numbers are tap-to-call, and the ones to text
  // open a message; each still shown as written.
  const links = await page.locator('#safety a[href^="tel:"], #safety a[href^="sms:"]').evaluateAll((all) =>
    all.map((a) => [a.textContent, a.getAttribute('href')]),
  );
  for (const link of [
    ['1-800-799-7233', 'tel:18007997233'],
    ['0808 2000 247', 'tel:08082000247'],
    ['0808 801 0327', 'tel:08088010327'],
    ['0800 999 5428', 'tel:08009995428'],
    ['1800 737 732', 'tel:1800737732'],
    ['999', 'tel:999'],
    ['112', 'tel:112'],
    ['988', 'tel:988'],
    ['988', 'sms:988'],
    ['88788', 'sms:88788?body=START'],
    ['0458 737 732', 'sms:0458737732'],
    ['85258', 'sms:85258'],
    ['116 123', 'tel:116123'],
  ]) {
    assert.ok(links.some(([text, href]) => text === link[0] && href === link[1]), `${link[0]} opens ${link[1]}`);
  }
  const count = (scheme) => links.filter(([, href]) => href.startsWith(scheme)).length;
  assert.equal(count('tel:'), 15, 'seven helplines, three crisis lines, five emergency numbers');
  assert.equal(count('sms:'), 4, 'four ways to write instead of speaking');
  const safety = await page.locator('#safety').textContent();
  assert.match(safety, /Australia: 1800RESPECT, for anyone of any gender or sexuality, 1800 737 732/, 'the words are as written');
  assert.match(safety, /for men/);
  assert.match(safety, /LGBT\+/);
  assert.match(safety, /downloaded stay/);
  // Nothing else links out: only the app's own addresses and phone calls.
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('main a')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => !h.startsWith('#') && !h.startsWith('tel:') && !h.startsWith('sms:')),
  );
  assert.deepEqual(outside, []);
  assertClean(problems);
  await context.close();
});

test('the help page is a tap away from the time-out, the check-in and Progress', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/time-out');
  await page.getByRole('button', { name: 'Start the break' }).click();
  for (const hash of [null, '#/check-in', '#/progress']) {
    if (hash) await goto(page, env.server.url + hash);
    await page.getByRole('link', { name: 'Where to find help' }).click();
    await page.locator('main h1', { hasText: 'When it feels impossible' }).waitFor();
  }
  assertClean(problems);
  await context.close();
});
