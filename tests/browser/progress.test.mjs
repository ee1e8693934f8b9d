// Progress: a recap of this week and last in words, then labelled charts
// with their figures (and a trend only from three points), or a drawing
// and a warm line while there is nothing yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, reload, axeViolations, assertClean } from './harness.mjs';

const env = sharedBrowser();

/** Writes records into localStorage, dated relative to this week's Monday in the page's own clock. */
function seed(page, plan) {
  return page.evaluate((plan) => {
    const iso = (d) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const monday = new Date();
    monday.setHours(12);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    // The Monday `back` weeks ago: always today or earlier.
    const dayIn = (back) => {
      const d = new Date(monday);
      d.setDate(d.getDate() - 7 * back);
      return iso(d);
    };
    const put = (kind, data) =>
      localStorage.setItem(`rekindle/${kind}/${data.id}`, JSON.stringify({ v: 2, data }));
    const stamp = '2026-01-01T00:00:00Z';
    (plan.appreciations ?? []).forEach(([back, text], n) =>
      put('appreciation', { id: `p${n}`, created: stamp, updated: stamp, day: dayIn(back), from: n % 2 ? 'second' : 'first', focus: 'who_they_are', text }),
    );
    (plan.touches ?? []).forEach((back, n) =>
      put('affection', { id: `m${n}`, created: stamp, day: dayIn(back), nudge: 'starter-hug', text: 'A long hug' }),
    );
    (plan.checkIns ?? []).forEach(({ back, ratings, review = [], agreements = [], focus = '' }, n) =>
      put('check-in', {
        id: `c${n}`, created: stamp, updated: stamp, day: dayIn(back), finished: true, step: 'next_week',
        timer: { limit_secs: 1200, banked_secs: 900 }, ratings, review, agreements, focus,
      }),
    );
    (plan.dates ?? []).forEach(([back, title, note], n) =>
      put('date', {
        id: `d${n}`, created: stamp, updated: stamp, title, category: 'learning', seasons: 15, cost: 'medium',
        minutes: 120, energy: 'medium', memories: [{ day: dayIn(back), rating: 4, note, would_repeat: true }],
      }),
    );
    return [dayIn(0), dayIn(1)];
  }, plan);
}

const chart = (page, id) => page.locator(`#${id}-chart`);

test('an empty Progress shows a drawing and a warm line, not empty charts', async () => {
  const { context, page, problems } = await openApp(env, '#/progress');
  const empty = page.locator('.empty-state');
  await empty.waitFor();
  assert.equal(await empty.locator('svg').getAttribute('aria-hidden'), 'true');
  assert.match(await empty.textContent(), /Nothing to look back on yet/);
  assert.equal(await page.locator('section.chart').count(), 0);
  assert.equal(await page.locator('main').getByText(/\b0\b/).count(), 0, 'no zeros anywhere');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});

test('the recap tells this week and last in words, one shared line each, with no zeros', async () => {
  const { context, page, problems } = await openApp(env, '#/progress');
  const [thisMonday, lastMonday] = await seed(page, {
    appreciations: [[0, 'You made tea without asking'], [0, 'How calm you were at bedtime'], [1, 'The note in my coat pocket']],
    touches: [0, 0, 0],
    checkIns: [{
      back: 0,
      ratings: [7, 8],
      review: [{ id: 'ag0', from: 'first', text: 'Phones away at dinner', outcome: 'kept' }],
      agreements: [{ id: 'ag1', from: 'second', text: 'A walk on Sunday' }],
      focus: 'More evenings out',
    }],
    dates: [[1, 'Pottery evening', 'Clay everywhere.']],
  });
  await reload(page);
  const recap = page.locator('section.recap');
  await recap.waitFor();
  const lines = (h) => recap.locator(`h3:has-text("${h}") ~ ul`).first().locator('li').allTextContents();
  const thisWeek = await lines('This week');
  assert.ok(thisWeek.some((l) => /^2 appreciations shared: “(You made tea without asking|How calm you were at bedtime)” and “/.test(l)), thisWeek.join(' | '));
  assert.ok(thisWeek.includes('3 small touches marked.'), thisWeek.join(' | '));
  assert.ok(
    thisWeek.includes('You held your check-in: 1 agreement made and 1 kept from the week before. Your focus: “More evenings out”.'),
    thisWeek.join(' | '),
  );
  assert.equal(thisWeek.length, 3, 'no line for dates this week: there were none');
  const lastWeek = await page.locator('#recap-last ~ ul').locator('li').allTextContents();
  assert.deepEqual(lastWeek, [
    '1 appreciation shared: “The note in my coat pocket”.',
    '1 date done: “Pottery evening”.',
    '1 memory saved: “Clay everywhere.”',
  ]);
  // Dates come from the device's locale (en-GB here): "Since Monday, 23 Nov".
  const label = (iso) => {
    const [, m, d] = iso.split('-').map(Number);
    return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]}`;
  };
  assert.match(await recap.textContent(), new RegExp(`Since Monday, ${label(thisMonday)}`));
  assert.match(await recap.textContent(), new RegExp(`The week of ${label(lastMonday)}`));
  assert.doesNotMatch(await recap.textContent(), /Partner 1|Partner 2|\b0\b/, 'never per person, never a zero');
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});

test('charts are titled, show each figure, and draw a trend only from three weeks on', async () => {
  const { context, page, problems } = await openApp(env, '#/progress');
  const weeks = await seed(page, {
    appreciations: [[0, 'a'], [0, 'b'], [1, 'c'], [1, 'd'], [1, 'e'], [12, 'outside the chart']],
    touches: [0],
  });
  await reload(page);
  const appreciations = chart(page, 'appreciations');
  assert.equal(await appreciations.locator('h2').textContent(), 'Appreciations, week by week');
  assert.equal(
    await appreciations.locator('.chart-summary').textContent(),
    '5 appreciations in the last 12 weeks, 2 of them this week.',
  );
  assert.equal(await appreciations.locator('svg rect').count(), 12, 'one bar per week');
  assert.deepEqual(await appreciations.locator('svg text').allTextContents(), ['3', '2'], 'figures over busy weeks, none over quiet ones');
  assert.equal(await appreciations.locator('.axis span').last().textContent(), 'This week');
  assert.equal(await appreciations.locator('.trend-line').count(), 0, 'two weeks: no trend yet');
  assert.equal(
    await chart(page, 'affection').locator('.chart-summary').textContent(),
    '1 small touch in the last 12 weeks, 1 of them this week.',
  );
  // Nothing to count: words, not a chart of slivers.
  const checkIns = chart(page, 'check-ins');
  assert.equal(await checkIns.locator('svg').count(), 0);
  assert.match(await checkIns.textContent(), /No check-ins yet/);

  await appreciations.getByText('Show as a table').click();
  const rows = await appreciations.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 12);
  const label = (iso) => {
    const [, m, d] = iso.split('-').map(Number);
    return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]}`;
  };
  assert.deepEqual(rows[0], [label(weeks[0]), '2'], 'this week first');
  assert.deepEqual(rows[1], [label(weeks[1]), '3']);
  assert.deepEqual(await appreciations.locator('thead th').allTextContents(), ['Week of', 'Appreciations']);

  // A third week since the first: now a trend, said in words too.
  await seed(page, { appreciations: [[0, 'a'], [0, 'b'], [1, 'c'], [1, 'd'], [1, 'e'], [12, 'outside'], [3, 'f']] });
  await reload(page);
  await appreciations.locator('.trend-line').waitFor();
  assert.match(await appreciations.textContent(), /The dashed line shows the trend\./);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});

test('how connected you felt: words for two check-ins, a chart and a trend from the third', async () => {
  const { context, page, problems } = await openApp(env, '#/progress');
  await seed(page, { checkIns: [{ back: 1, ratings: [6, 7] }, { back: 0, ratings: [8, 8] }] });
  await reload(page);
  const connection = chart(page, 'connection');
  assert.equal(await connection.locator('h2').textContent(), 'How connected you felt');
  assert.equal(await connection.locator('svg').count(), 0, 'no chart of two lonely dots');
  assert.match(
    await connection.locator('.chart-summary').textContent(),
    /^2 weeks rated so far \(the week of \d+ \w+: Partner 1 6, Partner 2 7 and the week of \d+ \w+: Partner 1 8, Partner 2 8\)\. A chart begins with the third\.$/,
  );

  await seed(page, { checkIns: [{ back: 1, ratings: [6, 7] }, { back: 0, ratings: [8, 8] }, { back: 3, ratings: [5, 6] }] });
  await reload(page);
  await connection.locator('svg').waitFor();
  assert.equal(await connection.locator('svg circle').count(), 3);
  assert.equal(await connection.locator('svg g.series-second rect').count(), 3);
  assert.equal(await connection.locator('.trend-line').count(), 1);
  assert.match(await connection.locator('.legend').textContent(), /the trend of you both/);
  assert.deepEqual(await connection.locator('svg text.scale').allTextContents(), ['10', '1'], 'the scale has its ends labelled');
  assert.match(await connection.locator('.chart-summary').textContent(), /3 rated weeks of the last 12\. Latest: Partner 1 8, Partner 2 8\./);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(problems);
  await context.close();
});
