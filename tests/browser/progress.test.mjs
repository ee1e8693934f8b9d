// Progress: weekly figures over 12 weeks, as a chart and as a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openApp, reload, assertClean } from './harness.mjs';

const env = sharedBrowser();

test('Progress shows the right weekly figures for seeded records', async () => {
  const { context, page, problems } = await openApp(env, '#/progress');
  const weeks = await page.evaluate(() => {
    const iso = (d) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const monday = new Date();
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    const dayIn = (weeksBack) => {
      const d = new Date(monday);
      d.setDate(d.getDate() - 7 * weeksBack);
      return iso(d);
    };
    // 2 appreciations this week, 3 last week, 1 twelve weeks back (outside), 1 mark this week.
    const plan = [0, 0, 1, 1, 1, 12];
    plan.forEach((back, n) => {
      localStorage.setItem(`rekindle/appreciation/p${n}`, JSON.stringify({
        v: 2,
        data: { id: `p${n}`, created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', day: dayIn(back), from: 'first', focus: 'who_they_are', text: `Seeded ${n}` },
      }));
    });
    localStorage.setItem('rekindle/affection/m0', JSON.stringify({
      v: 2,
      data: { id: 'm0', created: '2026-01-01T00:00:00Z', day: dayIn(0), nudge: 'starter-hug', text: 'A long hug' },
    }));
    return [dayIn(0), dayIn(1)];
  });
  await reload(page);
  const chart = page.locator('section.chart', { hasText: 'Appreciations' });
  await chart.locator('.rhythm', { hasText: '5 in 12 weeks, 2 this week.' }).waitFor();
  assert.equal(await chart.locator('svg rect').count(), 12, 'one bar per week');
  assert.equal(await chart.locator('svg').getAttribute('aria-hidden'), 'true', 'the table carries the figures');
  await chart.getByText('Show as a table').click();
  const rows = await chart.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 12);
  const label = (iso) => {
    const [, m, d] = iso.split('-').map(Number);
    return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]}`;
  };
  assert.deepEqual(rows[0], [label(weeks[0]), '2'], 'this week first');
  assert.deepEqual(rows[1], [label(weeks[1]), '3']);
  assert.ok(rows.slice(2).every(([, count]) => count === '0'));
  await page.locator('section.chart', { hasText: 'Affection moments' }).locator('.rhythm', { hasText: '1 in 12 weeks, 1 this week.' }).waitFor();
  assertClean(problems);
  await context.close();
});
