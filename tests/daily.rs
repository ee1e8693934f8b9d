//! Daily practice: the vagueness rule, days and weeks, rhythm figures, the
//! affection list and settings.

use chrono::{NaiveDate, TimeZone, Utc, Weekday};
use rekindle::domain::affection::{
    AffectionMark, Nudge, NudgeError, NudgeList, STARTERS, is_marked, mark_id, marked_on,
};
use rekindle::domain::appreciation::{
    Appreciation, AppreciationError, Focus, Partner, Written, vagueness_nudge,
};
use rekindle::domain::collection::{Collection, Holder, Merged, Stamped};
use rekindle::domain::day::{last_days, last_weeks, local_day, next_weekday, week_start};
use rekindle::domain::id::RecordId;
use rekindle::domain::kind::Kind;
use rekindle::domain::revision::{Clock, Stamp};
use rekindle::domain::rhythm::{
    affection_this_week, appreciation_days, days_appreciated, weekly_counts,
};
use rekindle::domain::settings::{Settings, Theme};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A change made at noon on `day` by writer `node`.
fn stamp(node: u32, day: NaiveDate) -> Stamp {
    Clock::new(node).tick(Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap()))
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
        "Thank you for everything you do",
        "thanks for all the things you do, babe",
        "Best boyfriend ever",
        "I'm so grateful for you, my spouse",
        "You make me so happy",
        "I appreciate you, girlfriend",
    ] {
        assert!(vagueness_nudge(vague).is_some(), "{vague}");
    }
    for specific in [
        "You waited up with tea when my train was late",
        "The way you listened to my sister on Sunday",
        "You fixed the bike before I even asked",
        "Your patience with the kids at bedtime tonight",
        "Ты приготовил ужин, когда я устала",
        "You made my boyfriend's favourite soup when he was ill",
        "Thank you for doing the school run every day this week",
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
fn the_shared_rhythm_counts_a_day_either_partner_wrote_once() {
    let today = date(2026, 11, 25);
    let records = [
        appreciation(1, Partner::First, today),
        appreciation(2, Partner::Second, today), // both on one day: one day
        appreciation(3, Partner::Second, date(2026, 11, 20)),
        appreciation(4, Partner::First, date(2026, 11, 19)), // the 7th day back
        appreciation(5, Partner::First, date(2026, 11, 18)), // outside the window
        appreciation(6, Partner::First, date(2026, 11, 26)), // tomorrow (a wrong clock)
        appreciation(7, Partner::Second, date(2019, 11, 25)), // years ago
    ];
    assert_eq!(days_appreciated(&records, today, 7), 3);
    assert_eq!(days_appreciated(&records, today, 1), 1);
    assert_eq!(days_appreciated(&records, today, 8), 4);
    assert_eq!(days_appreciated(&records, today, 0), 0);
    assert_eq!(days_appreciated(&[], today, 7), 0);
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
    // The same answer for every touch at once.
    for day in marks.iter().map(|m| m.day) {
        let marked = marked_on(&marks, day);
        for nudge in [id(1000), id(1001), id(1002)] {
            assert_eq!(marked.contains(&nudge), is_marked(&marks, &nudge, day));
        }
    }
    assert!(marked_on(&marks, date(2026, 12, 29)).is_empty());
    // Weeks before the first counted, and a window of none.
    let weeks = weekly_counts(marks.iter().map(|m| m.day), today, 1);
    assert_eq!(weeks, vec![(date(2027, 1, 4), 2)]);
    assert!(weekly_counts(marks.iter().map(|m| m.day), today, 0).is_empty());
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

#[test]
fn an_appreciation_is_kept_trimmed_unless_empty_or_too_long() {
    let day = date(2026, 11, 24);
    let written = |text| Written {
        from: Partner::Second,
        focus: Focus::SomethingTheyDid,
        text,
        day,
    };
    assert_eq!(
        written("  The tea at midnight  ").checked(),
        Ok("The tea at midnight")
    );
    assert_eq!(written(" \n ").checked(), Err(AppreciationError::Empty));
    let long = "é".repeat(1_001);
    assert_eq!(written(&long).checked(), Err(AppreciationError::TooLong));
    let just = "é".repeat(1_000);
    assert!(
        written(&just).checked().is_ok(),
        "counts characters, not bytes"
    );

    let mut kept: Collection<Appreciation> = Collection::default();
    assert_eq!(
        kept.add(id(1), &written("   "), stamp(1, day)),
        Err(AppreciationError::Empty)
    );
    assert!(kept.is_empty() && !kept.has_pending());
    kept.add(id(1), &written("  The tea at midnight  "), stamp(1, day))
        .unwrap();
    let added = kept.get(&id(1)).unwrap();
    assert_eq!(added.text, "The tea at midnight");
    assert_eq!(
        (added.from, added.focus, added.day),
        (Partner::Second, Focus::SomethingTheyDid, day)
    );
    assert!(!added.read_aloud);
    assert_eq!(added.created, stamp(1, day).now);
    assert_eq!(kept.pending().len(), 1);
}

#[test]
fn read_aloud_marks_toggle_and_are_cleared_once_heard() {
    let day = date(2026, 11, 24);
    let mut kept: Collection<Appreciation> = Collection::default();
    for n in 1..=3 {
        kept.put(appreciation(n, Partner::First, day), stamp(1, day));
    }
    kept.toggle_read_aloud(&id(1), stamp(1, day));
    kept.toggle_read_aloud(&id(2), stamp(1, day));
    kept.toggle_read_aloud(&id(2), stamp(1, day));
    let aloud: Vec<&RecordId> = kept
        .iter()
        .filter(|a| a.read_aloud)
        .map(|a| &a.id)
        .collect();
    assert_eq!(aloud, [&id(1)]);
    assert_eq!(kept.get(&id(1)).unwrap().updated, stamp(1, day).now);

    let unheard_rev = kept.ledger().rev(&id(3));
    let later = date(2026, 11, 29);
    kept.mark_heard(stamp(1, later));
    assert!(kept.iter().all(|a| !a.read_aloud));
    assert_eq!(kept.get(&id(1)).unwrap().updated, stamp(1, later).now);
    assert_eq!(kept.ledger().rev(&id(1)), Some(stamp(1, later).rev));
    assert_eq!(
        kept.ledger().rev(&id(3)),
        unheard_rev,
        "untouched ones keep their revision"
    );
}

#[test]
fn the_appreciations_of_a_day_come_oldest_first() {
    let mut kept: Collection<Appreciation> = Collection::default();
    let (monday, tuesday) = (date(2026, 11, 23), date(2026, 11, 24));
    kept.put(appreciation(1, Partner::First, tuesday), stamp(1, tuesday));
    kept.put(appreciation(2, Partner::Second, monday), stamp(1, tuesday));
    kept.put(appreciation(3, Partner::Second, tuesday), stamp(1, tuesday));
    let ids: Vec<RecordId> = kept.on_day(tuesday).into_iter().map(|a| a.id).collect();
    assert_eq!(ids, [id(1), id(3)]);
    assert_eq!(kept.on_day(monday).len(), 1);
    assert!(kept.on_day(date(2026, 11, 25)).is_empty());
}

fn hug() -> Nudge {
    Nudge {
        id: RecordId::try_from(String::from("starter-hug")).unwrap(),
        text: String::from("A long hug"),
    }
}

#[test]
fn a_mark_is_named_by_its_day_and_touch() {
    let day = date(2026, 3, 7);
    assert_eq!(mark_id(&hug().id, day).as_str(), "20260307-starter-hug");
    assert_ne!(
        mark_id(&hug().id, day),
        mark_id(&hug().id, date(2026, 3, 8))
    );
    // A long touch id is cut so the mark's id stays a valid id.
    let long = RecordId::try_from("n".repeat(64)).unwrap();
    let named = mark_id(&long, day);
    assert_eq!(named.as_str().len(), 64);
    assert!(named.as_str().starts_with("20260307-nnn"));
}

#[test]
fn toggling_a_touch_marks_it_for_the_day_then_unmarks_it() {
    let day = date(2026, 11, 24);
    let mut marks: Collection<AffectionMark> = Collection::default();
    marks.toggle(&hug(), day, stamp(1, day));
    assert!(is_marked(&marks, &hug().id, day));
    assert!(!is_marked(&marks, &hug().id, date(2026, 11, 25)));
    let mark = marks.get(&mark_id(&hug().id, day)).unwrap();
    assert_eq!(mark.text, "A long hug", "the words as they were");
    assert_eq!(mark.created, stamp(1, day).now);

    let mut later = Clock::new(1);
    let noon = stamp(1, day).now;
    marks.toggle(
        &hug(),
        day,
        later.tick(noon + chrono::TimeDelta::minutes(1)),
    );
    assert!(!is_marked(&marks, &hug().id, day));
    assert!(marks.ledger().is_deleted(&mark_id(&hug().id, day)));
    // Marked again: the same id, back above its tombstone.
    marks.toggle(
        &hug(),
        day,
        later.tick(noon + chrono::TimeDelta::minutes(2)),
    );
    assert!(is_marked(&marks, &hug().id, day));
    assert_eq!(marks.len(), 1);
    assert!(!marks.ledger().is_deleted(&mark_id(&hug().id, day)));
}

#[test]
fn two_windows_marking_the_same_touch_meet_on_one_mark() {
    let day = date(2026, 11, 24);
    let mut here: Collection<AffectionMark> = Collection::default();
    let mut there: Collection<AffectionMark> = Collection::default();
    here.toggle(&hug(), day, stamp(1, day));
    there.toggle(&hug(), day, stamp(2, day));
    for item in there.stamped() {
        here.merge(item.cloned(), true);
    }
    assert_eq!(here.len(), 1, "one mark, not two");
    // Unmarking in one window unmarks it everywhere.
    let mut clock = Clock::new(2);
    clock.observe(here.ledger().latest().unwrap());
    there.toggle(&hug(), day, clock.tick(stamp(2, day).now));
    let gone: Vec<Stamped<AffectionMark>> = there.stamped().iter().map(Stamped::cloned).collect();
    for item in gone {
        assert_eq!(here.merge(item, true), Merged::Taken);
    }
    assert!(!is_marked(&here, &hug().id, day));
}

#[test]
fn unmarking_also_clears_marks_made_before_marks_had_fixed_ids() {
    let day = date(2026, 11, 24);
    let mut marks: Collection<AffectionMark> = Collection::default();
    let mut old = mark(1, day);
    old.nudge = hug().id;
    marks.put(old, stamp(1, day));
    assert!(is_marked(&marks, &hug().id, day));
    let mut clock = Clock::new(1);
    marks.toggle(
        &hug(),
        day,
        clock.tick(stamp(1, day).now + chrono::TimeDelta::minutes(1)),
    );
    assert!(!is_marked(&marks, &hug().id, day));
    assert!(
        marks.get(&mark_id(&hug().id, day)).is_none(),
        "no new mark made"
    );
}

#[test]
fn settings_breaking_their_rules_are_refused_with_a_reason() {
    let good = Settings::default();
    assert_eq!(good.check(), Ok(()));
    assert_eq!(good.id().as_str(), "couple");
    let mut named = good.clone();
    named.names[0] = "A".repeat(40);
    assert_eq!(named.check(), Ok(()));
    named.names[0] = "A".repeat(41);
    assert!(named.check().unwrap_err().contains("41 characters"));
    let mut twice = good.clone();
    let first = twice.nudges.nudges[0].clone();
    twice.nudges.nudges.push(first);
    assert!(twice.check().unwrap_err().contains("appears twice"));
    let mut blank = good;
    blank.nudges.nudges[0].text = " ".into();
    assert!(blank.check().is_err());
}

#[test]
fn an_affection_mark_from_before_revisions_is_ordered_by_when_it_was_made() {
    let made = mark(1, date(2026, 1, 1));
    assert_eq!(
        made.legacy_rev(),
        rekindle::domain::revision::Rev::legacy(made.created)
    );
    let mut long = made;
    long.text = "x".repeat(121);
    assert!(long.check().is_err());
}

#[test]
fn a_mark_id_is_a_valid_id_for_any_day_and_touch() {
    let long = RecordId::try_from("n".repeat(64)).unwrap();
    for day in [date(10_000, 1, 1), date(-1, 1, 1)] {
        let named = std::panic::catch_unwind(|| mark_id(&long, day));
        assert!(named.is_ok(), "{day}");
    }
}
