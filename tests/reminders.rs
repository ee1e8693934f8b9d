//! Reasons to come back, with no server: the calendar reminders and the
//! suggestion to make a backup.

use chrono::{NaiveDate, TimeZone, Utc};
use rekindle::domain::calendar::ics;
use rekindle::domain::settings::{BackupAge, Settings};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_two_reminders_repeat_daily_and_weekly_from_their_next_time() {
    use rekindle::domain::calendar::{daily_moment, weekly_check_in};
    let clock = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let stamp = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    // Tuesday 24 November, 20:00: 21:00 is still to come today; 19:00 is not.
    let now = date(2026, 11, 24).and_time(clock(20, 0));
    let later = ics(&daily_moment(now, clock(21, 0)), stamp);
    assert!(later.contains("DTSTART:20261124T210000\r\n"), "{later}");
    assert!(later.contains("RRULE:FREQ=DAILY\r\n"));
    assert!(later.contains("TRIGGER:-PT0M\r\n"));
    let tomorrow = ics(&daily_moment(now, clock(19, 0)), stamp);
    assert!(
        tomorrow.contains("DTSTART:20261125T190000\r\n"),
        "{tomorrow}"
    );

    // The check-in: the next Sunday, weekly, reminded a quarter-hour before.
    let weekly = ics(
        &weekly_check_in(date(2026, 11, 24), chrono::Weekday::Sun, clock(19, 30)),
        stamp,
    );
    assert!(weekly.contains("DTSTART:20261129T193000\r\n"), "{weekly}");
    assert!(weekly.contains("RRULE:FREQ=WEEKLY\r\n"));
    assert!(weekly.contains("TRIGGER:-PT15M\r\n"));
    assert!(weekly.contains("UID:weekly-check-in@rekindle\r\n"));
}

#[test]
fn a_backup_is_suggested_a_month_after_the_last_and_put_off_for_a_week() {
    let mut settings = Settings {
        started: Some(date(2026, 11, 1)),
        ..Settings::default()
    };
    // Nothing to lose, nothing to suggest; a new couple is not nagged.
    assert_eq!(settings.backup_due(date(2026, 12, 30), false), None);
    assert_eq!(settings.backup_due(date(2026, 11, 20), true), None);
    // A month after the first day with no backup yet.
    assert_eq!(
        settings.backup_due(date(2026, 12, 2), true),
        Some(BackupAge::Never)
    );

    settings.backed_up(date(2026, 12, 2));
    assert_eq!(settings.backup_due(date(2027, 1, 1), true), None);
    assert_eq!(
        settings.backup_due(date(2027, 1, 2), true),
        Some(BackupAge::Since(date(2026, 12, 2)))
    );
    // "Not now": quiet for a week, then asked again.
    settings.put_off_backup(date(2027, 1, 2));
    assert_eq!(settings.backup_due(date(2027, 1, 8), true), None);
    assert!(settings.backup_due(date(2027, 1, 9), true).is_some());
    // A fresh backup clears the put-off too.
    settings.backed_up(date(2027, 1, 9));
    assert_eq!(settings.backup_quiet_until, None);

    // Someone from before the first day was kept, with no backup: at once.
    let before = Settings::default();
    assert_eq!(
        before.backup_due(date(2026, 12, 2), true),
        Some(BackupAge::Never)
    );
}
