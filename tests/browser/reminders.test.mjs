// Reasons to come back, with no server: calendar files for a daily minute
// and the weekly check-in, a chime and a notification when a time-out ends
// while the app is open, and a gentle word when the last backup is old.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowser, openApp, goto, reload, stored, axeViolations, assertClean } from './harness.mjs';

const env = sharedBrowser();
const DAY = 24 * 3600 * 1000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

async function downloaded(page, form, time) {
  await form.getByLabel('Time').fill(time);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('a daily and a weekly reminder, as repeating calendar events', async () => {
  const { context, page, problems } = await openApp(env, '#/settings');
  await page.getByLabel('Weekly check-in day').selectOption('Wednesday');

  const daily = await downloaded(page, page.locator('form.reminder', { hasText: 'A minute each day' }), '21:15');
  assert.equal(daily.name, 'rekindle-daily.ics');
  assert.match(daily.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(daily.text, /\r\nRRULE:FREQ=DAILY\r\n/);
  assert.match(daily.text, /\r\nDTSTART:\d{8}T211500\r\n/);
  assert.match(daily.text, /\r\nUID:daily-moment@rekindle\r\n/);
  assert.match(daily.text, /\r\nBEGIN:VALARM\r\n/);

  const weekly = await downloaded(page, page.locator('form.reminder', { hasText: 'Your weekly check-in' }), '19:30');
  assert.equal(weekly.name, 'rekindle-check-in.ics');
  assert.match(weekly.text, /\r\nRRULE:FREQ=WEEKLY\r\n/);
  const start = weekly.text.match(/\r\nDTSTART:(\d{4})(\d{2})(\d{2})T193000\r\n/);
  assert.ok(start, weekly.text);
  assert.equal(new Date(`${start[1]}-${start[2]}-${start[3]}T12:00:00`).getDay(), 3, 'on the chosen Wednesday');
  assert.match(weekly.text, /\r\nTRIGGER:-PT15M\r\n/);
  assert.match(await page.locator('form.reminder', { hasText: 'Your weekly check-in' }).textContent(), /every Wednesday/);
  assertClean(problems);
  await context.close();
});

test('a time-out ending while the app is open chimes and, once allowed, notifies', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  await context.grantPermissions(['notifications'], { origin: env.server.url });
  // Record what the app asks of the browser (a notification either way, and tones).
  await page.addInitScript(() => {
    window.__notified = [];
    window.__tones = 0;
    const note = (title, options) => window.__notified.push({ title, body: options?.body });
    ServiceWorkerRegistration.prototype.showNotification = async function (title, options) {
      note(title, options);
    };
    const Real = window.Notification;
    window.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        note(title, options);
      }
    };
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args) {
      window.__tones += 1;
      return start.apply(this, args);
    };
  });
  const now = Date.now();
  await page.evaluate((record) => localStorage.setItem('rekindle/time-out/t1', record), stored({
    id: 't1',
    started: new Date(now - 20 * 60000).toISOString(),
    updated: new Date(now - 20 * 60000).toISOString(),
    back_at: new Date(now + 4000).toISOString(),
  }));
  await reload(page);
  // While apart, Today asks nothing: only the break and gentle things.
  await page.getByRole('heading', { name: "While you're apart" }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'What did you notice about each other today?' }).count(), 0);
  assert.match(await page.locator('main').textContent(), /notification arrives/);
  assert.deepEqual(await axeViolations(page), [], 'Today while apart passes axe');
  await page.waitForFunction(() => window.__notified.length > 0, null, { timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => window.__notified), [
    { title: 'Your break is over', body: 'Time to come back together, gently.' },
  ]);
  assert.equal(await page.evaluate(() => window.__tones), 2, 'a two-note chime');
  // And Today is Today again.
  await page.getByRole('button', { name: 'What did you notice about each other today?' }).waitFor();
  // A reload after the end rings nothing more: no alarm for the past.
  await reload(page);
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.__notified), []);
  assertClean(problems);
  await context.close();
});

test('a month after the last backup, Today suggests one; "Not now" rests it; a backup clears it', async () => {
  const { context, page, problems } = await openApp(env, '#/today');
  const now = Date.now();
  await page.evaluate((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), {
    'rekindle/settings/couple': stored({ names: ['Alex', 'Sam'], check_in_weekday: 'Sun', welcomed: true, started: iso(now - 90 * DAY), last_backup: iso(now - 40 * DAY) }),
    'rekindle/journal/e1': stored({ id: 'e1', created: new Date(now - DAY).toISOString(), updated: new Date(now - DAY).toISOString(), kind: 'reflection', text: 'Worth keeping.', mood: 3, tags: [] }),
  });
  await reload(page);
  const nudge = page.locator('section.nudge');
  await nudge.getByRole('heading', { name: 'Keep a copy somewhere safe' }).waitFor();
  assert.match(await nudge.textContent(), /Your last backup from this phone was on \d{1,2} [A-Z][a-z]{2}\./);
  assert.deepEqual(await axeViolations(page), [], 'Today with the suggestion passes axe');
  await nudge.getByRole('button', { name: 'Not now' }).click();
  await nudge.waitFor({ state: 'detached' });
  await reload(page);
  assert.equal(await page.locator('section.nudge').count(), 0, 'put off, still after a reload');

  // Ask again (as a week later would), then make a backup: the suggestion goes.
  await page.evaluate(() => {
    const key = 'rekindle/settings/couple';
    const record = JSON.parse(localStorage.getItem(key));
    delete record.data.backup_quiet_until;
    record.rev = `${Date.now()}.0.1`;
    localStorage.setItem(key, JSON.stringify(record));
  });
  await reload(page);
  await page.locator('section.nudge').getByRole('link', { name: 'Make a backup' }).click();
  await page.locator('main h1', { hasText: 'Settings' }).waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  await goto(page, env.server.url + '#/today');
  await page.locator('#next-title').waitFor();
  assert.equal(await page.locator('section.nudge').count(), 0);
  assertClean(problems);
  await context.close();
});
