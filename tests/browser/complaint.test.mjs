// Talk → complaint to request: accusing words are spotted and explained (and
// kind ones left alone), the rewrite previews live and is itself checked,
// other languages get an honest "English only", and the result goes to the
// journal, the next check-in's agenda, or (inside a check-in) an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, storage, assertClean, axeViolations } from './harness.mjs';

const env = sharedBrowser();
const COMPLAINT = 'What is bothering you? Write it the way it comes out.';

/** The findings shown now, as "quoted words · pattern" lines. */
async function shown(scope) {
  const items = await scope.locator('li').allTextContents();
  return items.map((text) => {
    const [words, rest] = text.split(' · ');
    const pattern = ['Never and always', 'All or nothing', 'Telling them what to do', 'Blame', 'A label', 'Sarcasm', 'A thought, not a feeling']
      .find((name) => rest.startsWith(name));
    return `${words} · ${pattern}`;
  });
}

async function rewrite(page, scope) {
  await scope.getByRole('button', { name: 'overwhelmed' }).click();
  await scope.getByLabel('… about …').fill('bedtimes');
  await scope.getByLabel('… and I need …').fill('us to take turns');
}

test('a complaint is spotted, explained, rewritten, and kept for the check-in', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/complaint');
  await page.getByLabel('What is bothering you? Write it the way it comes out.').fill("You never help with the kids! You're so lazy.");
  const findings = page.locator('.findings li');
  await findings.nth(1).waitFor();
  assert.deepEqual(
    (await findings.allTextContents()).map((t) => t.split('·')[0].trim()),
    ['You never', "You're so lazy"],
  );
  assert.match(await findings.first().textContent(), /Never and always/);
  assert.match(await findings.nth(1).textContent(), /A label/);

  // Kind words raise nothing.
  await page.getByLabel('What is bothering you? Write it the way it comes out.').fill('I feel tired in the evenings.');
  await page.getByText('Nothing here sounds like an accusation.').waitFor();

  const preview = page.locator('.preview');
  assert.equal(await preview.textContent(), 'I feel … about …, and I need ….');
  await rewrite(page, page);
  assert.equal(await preview.textContent(), 'I feel overwhelmed about bedtimes, and I need us to take turns.');
  await page.getByRole('button', { name: 'Add to the next check-in' }).click();
  await page.getByRole('status').filter({ hasText: "Added to the next check-in's agenda" }).waitFor();
  await page.waitForFunction(() =>
    Object.values(localStorage).some((v) => v.includes('"kind":"unspoken_need"') && v.includes('"agenda":"next"')),
  );
  const saved = Object.values(await storage(page)).filter((v) => v.includes('us to take turns'));
  assert.equal(saved.length, 1);
  assert.equal(JSON.parse(saved[0]).data.text, 'I feel overwhelmed about bedtimes, and I need us to take turns.');

  // It waits on the check-in page, and the journal shows it.
  await goto(page, env.server.url + '#/check-in');
  await page.getByText('1 journal entry saved for it', { exact: false }).waitFor();
  await goto(page, env.server.url + '#/journal');
  await page.locator('ol.entries .entry-text', { hasText: 'us to take turns' }).waitFor();
  assertClean(problems);
  await context.close();
});

test('inside the check-in, the rewrite goes into a partner\'s answer', async () => {
  const { context, page, problems } = await openApp(env, '#/check-in');
  await page.getByRole('button', { name: 'Start the check-in' }).click();
  for (const title of ['What is going well', 'What could be better']) {
    await page.getByRole('button', { name: `Next: ${title}` }).click();
  }
  await page.getByText('Turn a complaint into a request').click();
  const helper = page.locator('.inline-helper');
  await helper.getByLabel('What is bothering you? Write it the way it comes out.').fill('You should tidy up more');
  await helper.locator('.findings li', { hasText: 'Telling them what to do' }).waitFor();
  await rewrite(page, helper);
  await helper.getByRole('button', { name: "Add to Partner 2's answer" }).click();
  assert.equal(
    await page.getByLabel('Partner 2: what could be better, as a feeling and a need').inputValue(),
    'I feel overwhelmed about bedtimes, and I need us to take turns.',
  );
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('and I need us to take turns')));
  assertClean(problems);
  await context.close();
});

test('the helper reads whole sentences: the issue\'s accusing ones are named, its kind ones left quiet', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/complaint');
  const box = page.getByLabel(COMPLAINT);
  const findings = page.locator('.findings');
  const accusing = [
    ["Why don't you ever help?", ["don't you ever · Never and always"]],
    ['Thanks for nothing, you always do this.', ['Thanks for nothing · Sarcasm', 'you always · Never and always']],
    ["You're a bit selfish sometimes.", ["You're a bit selfish · A label"]],
    ['Late again, as usual.', ['as usual · Sarcasm']],
  ];
  for (const [sentence, expected] of accusing) {
    await box.fill(sentence);
    await findings.locator('li').first().waitFor();
    assert.deepEqual(await shown(findings), expected, sentence);
  }
  assert.deepEqual(await axeViolations(page), []);
  for (const sentence of ['You always make me laugh.', "It's not your fault.", "I'm planning a big surprise for your birthday."]) {
    await box.fill(sentence);
    await findings.getByText('Nothing here sounds like an accusation.').waitFor();
    assert.equal(await findings.locator('li').count(), 0, sentence);
  }
  assertClean(problems);
  await context.close();
});

test('words in another language get an honest "English only", not a clean bill', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/complaint');
  await page.getByLabel(COMPLAINT).fill('Siempre llegas tarde y nunca me ayudas con nada.');
  const findings = page.locator('.findings');
  await findings.getByText('This helper only reads English', { exact: false }).waitFor();
  assert.doesNotMatch(await findings.textContent(), /Nothing here sounds like an accusation/);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});

test('the finished request is checked: a thought after "I feel" is named, a feeling is not', async () => {
  const { context, page, problems } = await openApp(env, '#/talk/complaint');
  await page.getByLabel('I feel …').fill('like you never listen');
  await page.getByLabel('… about …').fill('the dishes');
  await page.getByLabel('… and I need …').fill('a hand on weeknights');
  assert.equal(
    await page.locator('.preview').textContent(),
    'I feel like you never listen about the dishes, and I need a hand on weeknights.',
  );
  const check = page.locator('.request-check');
  await check.getByText('This still carries a judgement.', { exact: false }).waitFor();
  assert.deepEqual(await shown(check), ['I feel like · A thought, not a feeling', 'you never · Never and always']);
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('button', { name: 'worried' }).click();
  assert.equal(await page.locator('.preview').textContent(), 'I feel worried about the dishes, and I need a hand on weeknights.');
  await page.waitForFunction(() => document.querySelector('.request-check').textContent.trim() === '');
  assertClean(problems);
  await context.close();
});
