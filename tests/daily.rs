//! Daily practice: the vagueness rule, days and weeks, rhythm figures, the
//! affection list and settings.

use chrono::{NaiveDate, TimeZone, Utc, Weekday};
use rekindle::domain::affection::{AffectionMark, NudgeError, NudgeList, STARTERS, is_marked};
use rekindle::domain::appreciation::{Appreciation, Focus, Partner, vagueness_nudge};
use rekindle::domain::day::{last_days, last_weeks, local_day, next_weekday, week_start};
use rekindle::domain::id::RecordId;
use rekindle::domain::rhythm::{affection_this_week, appreciation_days, weekly_counts};
use rekindle::domain::settings::{Settings, Theme};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn id(n: u32) -> RecordId {
    RecordId::try_from(format!("r{n}")).unwrap()
}

fn appreciation(n: u32, from: Partner, day: NaiveDate) -> Appreciation {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
    Appreciation {
        id: id(n),
        created: at,
        updated: at,
        day,
        from,
        focus: Focus::SomethingTheyDid,
        text: format!("The way you handled moment {n} with such patience"),
        read_aloud: false,
    }
}

fn mark(n: u32, day: NaiveDate) -> AffectionMark {
    AffectionMark {
        id: id(n),
        created: Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap(),
        day,
        nudge: id(1000 + n % 3),
        text: String::from("A long hug"),
    }
}

#[test]
fn vague_appreciations_get_a_nudge_and_specific_ones_do_not() {
    for vague in [
        "You're great",
        "you are amazing!!",
        "Love you, thanks for everything",
        "Thank you so much for being you",
        "Best wife",
        "nice",
        "You’re the best person, really",
    ] {
        assert!(vagueness_nudge(vague).is_some(), "{vague}");
    }
    for specific in [
        "You waited up with tea when my train was late",
        "The way you listened to my sister on Sunday",
        "You fixed the bike before I even asked",
        "Your patience with the kids at bedtime tonight",
        "Ты приготовил ужин, когда я устала",
    ] {
        assert_eq!(vagueness_nudge(specific), None, "{specific}");
    }
    assert_eq!(
        vagueness_nudge("   "),
        None,
        "empty text is a different message"
    );
}

#[test]
fn weeks_start_on_monday_across_month_and_year_ends() {
    assert_eq!(week_start(date(2026, 11, 23)), date(2026, 11, 23)); // a Monday
    assert_eq!(week_start(date(2026, 11, 29)), date(2026, 11, 23)); // Sunday
    assert_eq!(week_start(date(2026, 12, 2)), date(2026, 11, 30)); // across a month
    assert_eq!(week_start(date(2027, 1, 1)), date(2026, 12, 28)); // across a year
    assert_eq!(week_start(date(2024, 3, 1)), date(2024, 2, 26)); // leap February
    let weeks = last_weeks(date(2027, 1, 6), 3);
    assert_eq!(
        weeks,
        vec![date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4)]
    );
    assert_eq!(
        last_days(date(2027, 1, 2), 3).collect::<Vec<_>>(),
        vec![date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)]
    );
    assert_eq!(
        next_weekday(date(2026, 11, 23), Weekday::Sun),
        date(2026, 11, 29)
    );
    assert_eq!(
        next_weekday(date(2026, 11, 29), Weekday::Sun),
        date(2026, 11, 29)
    );
}

#[test]
fn local_days_follow_the_clock_through_daylight_saving_changes() {
    // London, 29 March 2026: clocks go from 01:00 GMT to 02:00 BST.
    let before = Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).unwrap();
    let after = Utc.with_ymd_and_hms(2026, 3, 29, 23, 30, 0).unwrap();
    assert_eq!(local_day(before, 0), date(2026, 3, 28));
    assert_eq!(
        local_day(after, 60),
        date(2026, 3, 30),
        "00:30 BST is the next day"
    );
    // New York, 1 November 2026: clocks go back from EDT (-4) to EST (-5).
    let late = Utc.with_ymd_and_hms(2026, 11, 2, 4, 30, 0).unwrap();
    assert_eq!(
        local_day(late, -300),
        date(2026, 11, 1),
        "23:30 EST is still Sunday"
    );
    assert_eq!(local_day(late, -240), date(2026, 11, 2));
    // Around the world at one instant.
    let at = Utc.with_ymd_and_hms(2026, 6, 30, 22, 0, 0).unwrap();
    assert_eq!(local_day(at, 14 * 60), date(2026, 7, 1));
    assert_eq!(local_day(at, -12 * 60), date(2026, 6, 30));

    // A day with only 23 hours still counts once in the rhythm.
    let days = [date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)];
    let records: Vec<_> = days
        .iter()
        .enumerate()
        .map(|(n, day)| appreciation(n as u32, Partner::First, *day))
        .collect();
    assert_eq!(
        appreciation_days(&records, Partner::First, date(2026, 3, 30), 7),
        3
    );
}

#[test]
fn appreciation_rhythm_counts_days_not_entries_and_never_resets() {
    let today = date(2026, 11, 25);
    let mut records = vec![
        appreciation(1, Partner::First, today),
        appreciation(2, Partner::First, today), // same day twice: one day
        appreciation(3, Partner::First, date(2026, 11, 22)),
        appreciation(4, Partner::First, date(2026, 11, 19)), // the 7th day back
        appreciation(5, Partner::First, date(2026, 11, 18)), // outside the window
        appreciation(6, Partner::Second, date(2026, 11, 24)),
    ];
    assert_eq!(appreciation_days(&records, Partner::First, today, 7), 3);
    assert_eq!(appreciation_days(&records, Partner::Second, today, 7), 1);
    // A missed day lowers the figure a little; nothing "breaks".
    records.retain(|a| a.day != today);
    assert_eq!(appreciation_days(&records, Partner::First, today, 7), 2);
}

#[test]
fn the_first_day_of_use_shows_honest_small_figures() {
    let today = date(2026, 11, 23);
    let records = [appreciation(1, Partner::First, today)];
    assert_eq!(appreciation_days(&records, Partner::First, today, 7), 1);
    let weeks = weekly_counts(records.iter().map(|a| a.day), today, 12);
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks.last(), Some(&(date(2026, 11, 23), 1)));
    assert!(weeks[..11].iter().all(|(_, count)| *count == 0));
    assert_eq!(affection_this_week(&[], today), 0);
}

#[test]
fn weekly_figures_split_at_monday_and_ignore_the_future() {
    let today = date(2027, 1, 6); // Wednesday
    let marks: Vec<_> = [
        date(2026, 12, 27), // Sunday: the week of 21 Dec
        date(2026, 12, 28), // Monday: the week of 28 Dec
        date(2027, 1, 3),   // Sunday: still the week of 28 Dec
        date(2027, 1, 4),   // Monday: this week
        date(2027, 1, 6),   // today
        date(2027, 1, 7),   // tomorrow (a wrong clock): ignored
        date(2026, 6, 1),   // long ago: outside 12 weeks
    ]
    .into_iter()
    .enumerate()
    .map(|(n, day)| mark(n as u32, day))
    .collect();
    assert_eq!(affection_this_week(&marks, today), 2);
    let weeks = weekly_counts(marks.iter().map(|m| m.day), today, 3);
    assert_eq!(
        weeks,
        vec![
            (date(2026, 12, 21), 1),
            (date(2026, 12, 28), 2),
            (date(2027, 1, 4), 2),
        ]
    );
    assert!(is_marked(&marks, &id(1000), date(2026, 12, 27)));
    assert!(!is_marked(&marks, &id(1001), date(2026, 12, 27)));
}

#[test]
fn the_affection_list_starts_full_and_can_be_edited() {
    let mut list = NudgeList::default();
    assert!(STARTERS.len() >= 8);
    assert_eq!(list.nudges.len(), STARTERS.len());
    let first = list.nudges[0].id.clone();
    let second = list.nudges[1].id.clone();

    assert_eq!(list.add(id(1), "   "), Err(NudgeError::Empty));
    assert_eq!(list.add(id(1), &"x".repeat(121)), Err(NudgeError::TooLong));
    let existing = list.nudges[2].text.to_uppercase();
    assert_eq!(list.add(id(1), &existing), Err(NudgeError::AlreadyListed));
    list.add(id(1), "  Dance in the kitchen  ").unwrap();
    assert_eq!(list.nudges.last().unwrap().text, "Dance in the kitchen");

    list.shift(&first, 1);
    assert_eq!(list.nudges[0].id, second);
    assert_eq!(list.nudges[1].id, first);
    list.shift(&second, -1); // already first: nothing happens
    assert_eq!(list.nudges[0].id, second);
    list.remove(&first);
    assert!(list.nudges.iter().all(|n| n.id != first));
}

#[test]
fn settings_name_the_partners_or_fall_back_politely() {
    let mut settings = Settings::default();
    assert_eq!(settings.name(Partner::First), "Partner 1");
    settings.set_name(Partner::Second, "  Sam   Rivera ");
    assert_eq!(settings.name(Partner::Second), "Sam Rivera");
    settings.set_name(Partner::First, &"A".repeat(100));
    assert_eq!(settings.name(Partner::First).len(), 40);
    assert_eq!(settings.theme, Theme::System);
    assert_eq!(settings.check_in_weekday, Weekday::Sun);
    let stored: Settings = serde_json::from_str(r#"{"names":["Alex",""]}"#).unwrap();
    assert_eq!(stored.name(Partner::First), "Alex");
    assert_eq!(
        stored.check_in_weekday,
        Weekday::Sun,
        "missing fields take defaults"
    );
    assert_eq!(Partner::First.other(), Partner::Second);
}

#[test]
fn chart_bars_scale_to_the_busiest_week_and_show_quiet_ones() {
    use rekindle::domain::chart::{Bar, bars};
    use rekindle::domain::day::short_date;
    let drawn = bars(&[0, 2, 4], 300, 100);
    assert_eq!(
        drawn,
        vec![
            Bar {
                x: 10,
                y: 99,
                width: 80,
                height: 1
            },
            Bar {
                x: 110,
                y: 50,
                width: 80,
                height: 50
            },
            Bar {
                x: 210,
                y: 0,
                width: 80,
                height: 100
            },
        ]
    );
    assert!(bars(&[], 300, 100).is_empty());
    assert!(bars(&[0; 12], 240, 100).iter().all(|b| b.height == 1));
    assert_eq!(short_date(date(2026, 11, 23)), "23 Nov");
}

#[test]
fn clock_times_read_as_time_inputs_give_them() {
    use chrono::NaiveTime;
    use rekindle::domain::day::parse_clock;
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    assert_eq!(parse_clock("19:30"), hm(19, 30));
    assert_eq!(parse_clock("07:05"), hm(7, 5));
    assert_eq!(parse_clock("7:05"), hm(7, 5));
    assert_eq!(parse_clock("23:59:59"), hm(23, 59), "seconds are dropped");
    for bad in [
        "", "19", "19:", "19:3", "24:00", "12:60", "ab:cd", "123:00", "19:30x", "-1:30",
    ] {
        assert_eq!(parse_clock(bad), None, "{bad:?}");
    }
}
