// The weekly check-in: a whole session on one phone, a reload mid-way that
// resumes it (timer included), the summary at the end (copied), history and
// trend after finishing, last week's agreements reviewed next time, ratings
// chosen in private, Back and Next in reach on every step, the due notice,
// and the .ics file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, reload, storage, nameThePartners, assertClean, axeViolations } from './harness.mjs';

const env = sharedBrowser();

const stepTitle = (page) => page.locator('#step-title').textContent();

async function next(page, title) {
  await page.getByRole('button', { name: `Next: ${title}` }).click();
  await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent === t, title);
}

/** Chooses a partner's rating on the scale and hides it. */
async function rate(page, name, label) {
  await page.getByRole('group', { name: `${name}: how connected did you feel this week?` }).getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: `Done: hide ${name}'s answer` }).click();
}

const finish = (page) => page.getByRole('button', { name: 'Finish', exact: true }).click();

async function savedCheckIns(page) {
  const all = await storage(page);
  return Object.entries(all)
    .filter(([k]) => k.startsWith('rekindle/check-in/'))
    .map(([, v]) => JSON.parse(v).data);
}

/** Every visible control on screen is at least 44 px (links inside a sentence excepted) and nothing scrolls sideways. */
async function assertPhoneFriendly(page, where) {
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${where}: no horizontal scroll`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main a, main button, main input, main textarea, main summary, main label.choice')]
      .filter((el) => el.offsetParent !== null && !el.matches('.choice input, .check input, .inline-link'))
      .map((el) => ({ el: el.outerHTML.slice(0, 60), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44),
  );
  assert.deepEqual(small, [], `${where}: every touch target is at least 44 px`);
}

test('a whole check-in: resumed after a reload, then in history and the trend; its agreements come back next week', async () => {
  const { context, page, problems } = await openApp(env, '#/settings', { permissions: ['clipboard-read', 'clipboard-write'] });
  await nameThePartners(page, 'Alex', 'Sam');

  // Something to bring: an appreciation, and a journal entry for the agenda.
  await goto(page, env.server.url + '#/today');
  await page.getByRole('button', { name: 'What did you notice about each other today?' }).click();
  await page.getByRole('radio', { name: 'Alex' }).check();
  await page.getByLabel('What do you appreciate about Sam today?').fill('You fixed the bike light before my early ride');
  await page.getByRole('button', { name: 'Save appreciation' }).click();
  await goto(page, env.server.url + '#/journal');
  const editor = page.locator('form.editor').first();
  await editor.locator('textarea').fill('I miss our Sunday walks.');
  await editor.getByRole('checkbox', { name: 'Bring to the next check-in' }).check();
  await editor.getByRole('button', { name: 'Save entry' }).click();

  await goto(page, env.server.url + '#/check-in');
  await page.locator('#check-in-status', { hasText: 'Your first check-in' }).waitFor();
  await assertPhoneFriendly(page, 'check-in start');
  await page.getByRole('button', { name: 'Start the check-in' }).click();
  assert.equal(await stepTitle(page), 'Looking back');
  await page.getByText('I miss our Sunday walks.').waitFor();
  await page.getByLabel('Talked about').check();
  await assertPhoneFriendly(page, 'looking back');

  // The timer runs by the clock; pausing keeps the time left.
  assert.equal(await page.locator('#timer-left').textContent(), '20:00');
  await page.getByRole('button', { name: 'Start timer' }).click();
  await page.waitForFunction(() => document.querySelector('#timer-left').textContent !== '20:00');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('status').filter({ hasText: 'Paused' }).waitFor();
  const paused = await page.locator('#timer-left').textContent();

  await next(page, 'Appreciations');
  assert.match(await page.getByLabel('Alex appreciates Sam for').inputValue(), /fixed the bike light/);
  await page.getByLabel('Sam appreciates Alex for').fill('Making the kitchen smell of cinnamon');
  await next(page, 'What is going well');
  await page.getByLabel('Alex: what went well').fill('We laughed a lot at dinner');
  await next(page, 'What could be better');
  await page.getByLabel('Sam: what could be better, as a feeling and a need').fill('I feel rushed in the mornings');
  await assertPhoneFriendly(page, 'could be better');
  await page.waitForFunction(() =>
    Object.values(localStorage).some((v) => v.includes('I feel rushed in the mornings')),
  );

  // A reload (or a closed tab) mid-way: the same step, answers and timer.
  await reload(page);
  await page.locator('#step-title', { hasText: 'What could be better' }).waitFor();
  assert.equal(
    await page.getByLabel('Sam: what could be better, as a feeling and a need').inputValue(),
    'I feel rushed in the mornings',
  );
  assert.equal(await page.locator('#timer-left').textContent(), paused, 'paused time survives a reload');
  await page.getByRole('button', { name: 'Resume' }).waitFor();

  await next(page, 'What each of you needs');
  await page.getByLabel('A small, concrete request for this week').first().fill('A walk together on Wednesday');
  await page.getByRole('button', { name: 'Add as an agreement' }).first().click();
  await page.getByLabel('A small, concrete request for this week').nth(1).fill('Phones away at dinner');
  await page.getByRole('button', { name: 'Add as an agreement' }).nth(1).click();
  await page.getByRole('button', { name: 'Remove: Phones away at dinner' }).waitFor();
  await assertPhoneFriendly(page, 'needs');
  await next(page, 'How connected you feel');
  await assertPhoneFriendly(page, 'ratings');
  await rate(page, 'Alex', '7 Close');
  await rate(page, 'Sam', '8 Warmly close');
  await page.locator('#ratings-revealed', { hasText: 'Alex 7 · Close' }).waitFor();
  await next(page, 'The coming week');
  await page.getByLabel('Our focus or date for the coming week').fill('Try the pottery class');
  await page.getByRole('listitem').filter({ hasText: 'A walk together on Wednesday (asked by Alex)' }).waitFor();
  await finish(page);

  // It ends on a summary: what was appreciated, the agreements, the focus.
  const summary = page.locator('.check-in-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'summary-title');
  await summary.getByText('Making the kitchen smell of cinnamon').waitFor();
  await summary.getByText('A walk together on Wednesday (Alex asked)').waitFor();
  await summary.getByText('Phones away at dinner (Sam asked)').waitFor();
  await summary.getByText('Try the pottery class').waitFor();
  assert.equal(await summary.getByRole('link', { name: /other phone/ }).getAttribute('href'), '#/partner');
  assert.deepEqual(await axeViolations(page), [], 'the summary passes axe');
  await assertPhoneFriendly(page, 'summary');
  await summary.getByRole('button', { name: 'Copy summary' }).click();
  await summary.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Our check-in, /);
  assert.match(copied, /\nAlex: • You fixed the bike light before my early ride\n/);
  assert.match(copied, /\n• Phones away at dinner \(Sam asked\)/);
  assert.match(copied, /\nOur focus for the week\nTry the pottery class\n/);
  assert.match(copied, /\nHow close we felt\nAlex 7 · Close, Sam 8 · Warmly close$/);
  // The lede is said once, on the start screen, which counts only what there is.
  assert.equal(await page.locator('.lede').count(), 1);
  assert.equal(await page.locator('#check-in-waiting').textContent(), '2 agreements to look back on');

  // Finished: in history, in the trend, the agenda item ticked off.
  await page.locator('#check-in-start-title').waitFor();
  const past = page.locator('#check-in-history li').first();
  assert.match(await past.locator('summary').textContent(), /Alex: Close · Sam: Warmly close/);
  await past.locator('summary').click();
  await past.getByText('Try the pottery class').waitFor();
  await past.getByText('Phones away at dinner (asked by Sam)').waitFor();
  // One rated week is said in words on the check-in page too: no lonely dot.
  assert.match(await page.locator('#connection-chart .chart-summary').textContent(), /Alex 7, Sam 8\)\. A chart begins with the third\./);
  await page.waitForFunction(() =>
    Object.values(localStorage).some((v) => v.includes('"agenda":"discussed"')) &&
    Object.values(localStorage).some((v) => v.includes('"finished":true')),
  );
  let saved = await savedCheckIns(page);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].finished, true);
  assert.deepEqual(saved[0].ratings, [7, 8]);

  // Progress shows the trend too.
  await goto(page, env.server.url + '#/progress');
  await page.locator('#connection-title').waitFor();
  assert.match(await page.locator('#connection-chart .chart-summary').textContent(), /Alex 7, Sam 8\)\. A chart begins with the third\./);

  // The next check-in opens by reviewing last week's agreements.
  await goto(page, env.server.url + '#/check-in');
  await page.getByRole('button', { name: 'Start the check-in' }).click();
  assert.equal(await stepTitle(page), 'Looking back');
  const walk = page.getByRole('group', { name: /A walk together on Wednesday/ });
  await walk.getByLabel('Kept').check();
  await page.getByRole('group', { name: /Phones away at dinner/ }).getByLabel('Not yet').check();
  for (const title of ['Appreciations', 'What is going well', 'What could be better', 'What each of you needs', 'How connected you feel', 'The coming week']) {
    await next(page, title);
  }
  await page.getByRole('listitem').filter({ hasText: 'Phones away at dinner (asked by Sam)' }).waitFor();
  await finish(page);
  await page.locator('#check-in-history li').nth(1).waitFor();
  // The summary is now this one's: no focus chosen, no ratings.
  await page.locator('.check-in-summary', { hasText: 'Phones away at dinner (Sam asked)' }).waitFor();
  assert.equal(await page.locator('.check-in-summary', { hasText: 'pottery' }).count(), 0);
  const latest = page.locator('#check-in-history li').first();
  await latest.locator('summary').click();
  await latest.getByText("Last week's agreements: 1 of 2 kept.").waitFor();
  await latest.getByText('Phones away at dinner (asked by Sam)').waitFor();
  await page.waitForFunction(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('rekindle/check-in/')).length === 2 &&
    Object.keys(localStorage).every((k) => !k.startsWith('rekindle/check-in/') || localStorage.getItem(k).includes('"finished":true')),
  );
  saved = await savedCheckIns(page);
  const second = saved.find((c) => c.review.length === 2);
  assert.deepEqual(second.agreements.map((a) => a.text), ['Phones away at dinner']);
  assertClean(problems);
  await context.close();
});

/** Clicks Next until the step titled `title`. */
async function nextUntil(page, title) {
  while ((await stepTitle(page)) !== title) {
    const before = await stepTitle(page);
    await page.locator('#step-next').click();
    await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, before);
  }
}

test('ratings are chosen in private: the first is nowhere on the page until the second is chosen, then both show', async () => {
  const { context, page, problems } = await openApp(env, '#/settings');
  await nameThePartners(page, 'Alex', 'Sam');
  await goto(page, env.server.url + '#/check-in');
  await page.getByRole('button', { name: 'Start the check-in' }).click();
  await nextUntil(page, 'How connected you feel');

  // The scale is in words, with both ends labelled.
  const alex = page.getByRole('group', { name: 'Alex: how connected did you feel this week?' });
  assert.deepEqual(
    await alex.getByRole('radio').evaluateAll((all) => all.map((r) => r.closest('label').textContent)),
    ['1 Far apart', '2 Distant', '3 Drifting', '4 Out of step', '5 In between', '6 Getting closer', '7 Close', '8 Warmly close', '9 Really close', '10 Very close'],
  );
  // Arrowing through commits nothing: only "Done" keeps it.
  await alex.getByLabel('3 Drifting', { exact: true }).check();
  assert.equal(await page.getByRole('button', { name: "Done: hide Sam's answer" }).isDisabled(), true);
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"ratings":[null,null]')));
  assert.deepEqual(await axeViolations(page), [], 'the scale passes axe');
  await page.getByRole('button', { name: "Done: hide Alex's answer" }).click();

  const note = page.locator('#rating-first-hidden');
  await note.getByText('Alex has chosen — hidden until Sam chooses too.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rating-first-hidden');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"ratings":[3,null]')));
  // Not in the text, not in the accessibility tree, not a checked control.
  assert.equal(await page.locator('input[type=radio]:checked').count(), 0);
  const text = await page.locator('main').innerText();
  assert.equal(text.split('Drifting').length - 1, 1, "only Sam's own option says Drifting");
  assert.doesNotMatch(text, /3 · Drifting/);
  const tree = await page.locator('main').ariaSnapshot();
  assert.doesNotMatch(tree, /\[checked/);
  assert.doesNotMatch(tree, /3 · Drifting/);
  assert.equal(await page.getByRole('group', { name: /^Alex:/ }).count(), 0);
  assert.deepEqual(await axeViolations(page), [], 'a hidden choice passes axe');

  // A reload keeps it hidden.
  await reload(page);
  await note.getByText('Alex has chosen').waitFor();
  assert.equal(await page.locator('input[type=radio]:checked').count(), 0);

  // Sam chooses: both show together.
  await rate(page, 'Sam', '8 Warmly close');
  const revealed = page.locator('#ratings-revealed');
  await revealed.getByText('Alex 3 · Drifting').waitFor();
  await revealed.getByText('Sam 8 · Warmly close').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ratings-revealed');
  assert.deepEqual(await axeViolations(page), [], 'both shown passes axe');

  // Choosing again hides both until both choose again.
  await page.getByRole('button', { name: 'Choose again, both of you' }).click();
  await page.getByRole('group', { name: 'Alex: how connected did you feel this week?' }).waitFor();
  assert.equal(await page.locator('#ratings-revealed').count(), 0);
  assertClean(problems);
  await context.close();
});

test('Back and Next: in a footer above the navigation, Back on the left, on every step, at 360 × 740', async () => {
  const { context, page, problems } = await openApp(env, '#/check-in');
  await page.getByRole('button', { name: 'Start the check-in' }).click();
  await page.locator('#step-title').waitFor();
  // Every step from the first, whatever the check-in opened on.
  await page.locator('#step-back').click();
  await page.locator('#step-title', { hasText: 'Looking back' }).waitFor();
  for (let n = 1; n <= 7; n += 1) {
    const title = await stepTitle(page);
    assert.equal(await page.locator('#step-count').textContent(), `Step ${n} of 7`);
    assert.equal(await page.getByRole('progressbar', { name: `Step ${n} of 7` }).getAttribute('value'), String(n));
    assert.equal(await page.locator('.lede').count(), 0, `${title}: the page intro is not repeated`);
    const at = await page.evaluate(() => {
      const box = (el) => el.getBoundingClientRect().toJSON();
      const footer = box(document.querySelector('.step-footer'));
      const nav = document.querySelector('.nav');
      const step = document.querySelector('.step');
      return {
        back: box(document.querySelector('#step-back')),
        next: box(document.querySelector('#step-next')),
        footer,
        navTop: nav.getBoundingClientRect().top,
        // Scrolled to the end, the step's last line clears the footer.
        endGap: (() => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          return footer.top - step.getBoundingClientRect().bottom;
        })(),
      };
    });
    for (const [which, b] of [['Back', at.back], ['Next', at.next]]) {
      assert.ok(b.top >= 0 && b.bottom <= 740 && b.left >= 0 && b.right <= 360, `${title}: ${which} is on screen`);
      assert.ok(b.height >= 44, `${title}: ${which} is a 44 px target`);
    }
    assert.ok(at.back.right <= at.next.left, `${title}: Back is left of Next`);
    assert.ok(Math.abs(at.back.top - at.next.top) < 2, `${title}: side by side`);
    assert.ok(at.footer.bottom <= at.navTop + 0.5, `${title}: the footer sits above the navigation bar`);
    assert.ok(at.endGap >= 0, `${title}: nothing is hidden behind the footer`);
    assert.equal(await page.locator('#step-back').isDisabled(), n === 1, `${title}: Back only where there is a step before`);
    if (n === 7) {
      assert.equal((await page.locator('#step-next').textContent()).trim(), 'Finish');
    } else {
      await page.locator('#step-next').click();
      await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, title);
      // Focus moves to the new step (on the frame after it is drawn).
      await page.waitForFunction(() => document.activeElement?.id === 'step-title');
    }
  }
  // Back goes back.
  await page.locator('#step-back').click();
  await page.locator('#step-title', { hasText: 'How connected you feel' }).waitFor();
  assertClean(problems);
  await context.close();
});

/** A finished check-in `back` days ago, stored as the app stores it. */
function seededCheckIn(back) {
  const d = new Date();
  d.setDate(d.getDate() - back);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const id = `seed${back}`;
  return [
    `rekindle/check-in/${id}`,
    JSON.stringify({
      v: 2,
      data: {
        id,
        created: `${day}T12:00:00Z`,
        updated: `${day}T12:00:00Z`,
        day,
        finished: true,
        step: 'next_week',
        timer: { limit_secs: 1200, banked_secs: 900 },
        ratings: [6, 7],
      },
    }),
  ];
}

test('Today says when the check-in is waiting: a week after the last one, once the day has come', async () => {
  const { context, page, problems } = await openApp(env, '#/settings');
  // Make today the check-in day.
  const weekday = await page.evaluate(() => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date().getDay()]);
  await page.getByLabel('Weekly check-in day').selectOption(weekday);
  // Sunday is the default, which is never written until changed.
  await page.waitForFunction((w) => (localStorage.getItem('rekindle/settings/couple') ?? '"Sun"').includes(`"${w.slice(0, 3)}"`), weekday);

  const seed = (entries) =>
    page.evaluate((all) => {
      Object.keys(localStorage).filter((k) => k.startsWith('rekindle/check-in/')).forEach((k) => localStorage.removeItem(k));
      all.forEach(([k, v]) => localStorage.setItem(k, v));
    }, entries);

  await seed([seededCheckIn(7)]);
  await goto(page, env.server.url + '#/today');
  await reload(page);
  assert.match(await page.locator('#check-in-due').textContent(), /Your check-in is waiting, whenever suits you both\./);

  await seed([seededCheckIn(1)]);
  await reload(page);
  assert.match(await page.locator('#check-in-due').textContent(), /Today is your check-in day\./);

  // One under way: Today offers to carry on.
  await goto(page, env.server.url + '#/check-in');
  await page.getByRole('button', { name: 'Start the check-in' }).click();
  await goto(page, env.server.url + '#/today');
  assert.match(await page.locator('#check-in-due').textContent(), /under way/);
  assertClean(problems);
  await context.close();
});

test('the weekly event downloads as a valid calendar file', async () => {
  const { context, page, problems } = await openApp(env, '#/check-in', { acceptDownloads: true });
  const reminder = page.locator('form.reminder', { hasText: 'Your weekly check-in' });
  await reminder.getByLabel('Time', { exact: true }).fill('20:15');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'rekindle-check-in.ics');
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  assert.match(text, /\r\nRRULE:FREQ=WEEKLY\r\n/);
  assert.match(text, /\r\nDTSTART:\d{8}T201500\r\n/);
  assert.match(text, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
  await reminder.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assertClean(problems);
  await context.close();
});
