// Talk → complaint to request: accusing words are spotted and explained, the
// rewrite previews live, and the result goes to the journal, the next
// check-in's agenda, or (inside a check-in) straight into an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, goto, storage, assertClean } from './harness.mjs';

const env = sharedBrowser();

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
