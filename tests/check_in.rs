//! The weekly check-in: the steps, agreements carried from one week to the
//! next, the due rule across week boundaries, the timer, the trend, and the
//! calendar file.

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use rekindle::domain::appreciation::{Appreciation, Focus, Partner};
use rekindle::domain::calendar::{Event, Repeat, ics};
use rekindle::domain::check_in::{
    CheckIn, CheckInError, Outcome, Step, appreciation_prefill, history, in_progress, is_due,
    latest_finished, ratings_by_week,
};
use rekindle::domain::collection::{Collection, Holder, Merged, Stamped};
use rekindle::domain::id::RecordId;
use rekindle::domain::kind::Kind;
use rekindle::domain::revision::{Clock, Rev, Stamp};
use rekindle::domain::timer::{Timer, clock};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(hour, 0, 0).unwrap())
}

fn id(text: &str) -> RecordId {
    RecordId::try_from(text.to_string()).unwrap()
}

fn stamp(day: NaiveDate, hour: u32) -> Stamp {
    Clock::new(1).tick(at(day, hour))
}

/// A check-in held and finished on `day`.
fn held(name: &str, day: NaiveDate) -> CheckIn {
    let mut check_in = CheckIn::start(
        id(name),
        at(day, 19),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    check_in.finish(at(day, 20));
    check_in
}

#[test]
fn steps_run_in_order_and_start_with_the_review_only_when_there_is_one() {
    assert_eq!(Step::ALL[0], Step::LookBack);
    assert_eq!(Step::LookBack.next(), Some(Step::Appreciations));
    assert_eq!(Step::NextWeek.next(), None);
    assert_eq!(Step::LookBack.previous(), None);
    assert_eq!(Step::Ratings.previous(), Some(Step::Needs));
    for step in Step::ALL {
        assert!(!step.title().is_empty() && !step.guidance().is_empty());
    }

    let day = date(2026, 11, 22);
    let first = CheckIn::start(
        id("a"),
        at(day, 19),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    assert_eq!(first.step, Step::Appreciations, "nothing to look back on");
    let saved = vec![id("entry")];
    let with_agenda = CheckIn::start(
        id("b"),
        at(day, 19),
        day,
        None,
        saved.clone(),
        Default::default(),
    );
    assert_eq!(
        with_agenda.step,
        Step::LookBack,
        "the journal saved something for today"
    );
    assert_eq!(with_agenda.agenda, saved);
    assert_eq!(first.timer.limit_secs, 20 * 60);
    assert!(!first.timer.is_running());
}

#[test]
fn agreements_carry_forward_until_kept_or_dropped() {
    let week1 = date(2026, 11, 15);
    let mut first = CheckIn::start(
        id("w1"),
        at(week1, 19),
        week1,
        None,
        Vec::new(),
        Default::default(),
    );
    let now = at(week1, 19);
    first
        .add_agreement(
            id("walk"),
            Partner::First,
            "  A walk together on Wednesday ",
            now,
        )
        .unwrap();
    first
        .add_agreement(id("phones"), Partner::Second, "Phones away at dinner", now)
        .unwrap();
    first
        .add_agreement(id("call"), Partner::Second, "Call my mother together", now)
        .unwrap();
    assert_eq!(
        first.add_agreement(id("x"), Partner::First, "   ", now),
        Err(CheckInError::EmptyAgreement)
    );
    first.finish(at(week1, 20));
    assert_eq!(first.agreements[0].text, "A walk together on Wednesday");

    // Next week opens by reviewing all three.
    let week2 = date(2026, 11, 22);
    let mut second = CheckIn::start(
        id("w2"),
        at(week2, 19),
        week2,
        latest_finished(&[first.clone()]),
        Vec::new(),
        Default::default(),
    );
    assert_eq!(second.step, Step::LookBack);
    let reviewed: Vec<&str> = second.review.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        reviewed,
        [
            "A walk together on Wednesday",
            "Phones away at dinner",
            "Call my mother together"
        ]
    );
    assert!(second.review.iter().all(|a| a.outcome.is_none()));

    second.review(&id("walk"), Outcome::Kept, at(week2, 19));
    second.review(&id("phones"), Outcome::NotYet, at(week2, 19));
    assert_eq!(second.reviewed(&id("walk")), Some(Outcome::Kept));
    assert_eq!(second.reviewed(&id("call")), None, "not reviewed yet");
    assert_eq!(second.reviewed(&id("nowhere")), None);
    // "call" is left unreviewed: it is still wanted, so it carries on too.
    second
        .add_agreement(
            id("date"),
            Partner::First,
            "Book the pottery class",
            at(week2, 19),
        )
        .unwrap();
    second.finish(at(week2, 20));

    let texts: Vec<&str> = second.agreements.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Book the pottery class",
            "Phones away at dinner",
            "Call my mother together"
        ]
    );
    assert!(second.agreements.iter().all(|a| a.outcome.is_none()));
    assert_eq!(
        second.review[0].outcome,
        Some(Outcome::Kept),
        "the review is kept as history"
    );

    // A dropped one ends there.
    let week3 = date(2026, 11, 29);
    let mut third = CheckIn::start(
        id("w3"),
        at(week3, 19),
        week3,
        latest_finished(&[first, second]),
        Vec::new(),
        Default::default(),
    );
    assert_eq!(third.review.len(), 3);
    for agreement in third.review.clone() {
        third.review(&agreement.id, Outcome::Dropped, at(week3, 19));
    }
    third.finish(at(week3, 20));
    assert!(third.agreements.is_empty());
}

#[test]
fn finishing_twice_changes_nothing() {
    let day = date(2026, 11, 22);
    let last = {
        let mut c = CheckIn::start(
            id("a"),
            at(day, 1),
            day,
            None,
            Vec::new(),
            Default::default(),
        );
        c.add_agreement(id("x"), Partner::First, "Hug goodbye", at(day, 1))
            .unwrap();
        c.finish(at(day, 2));
        c
    };
    let mut next = CheckIn::start(
        id("b"),
        at(day, 3),
        day,
        Some(&last),
        Vec::new(),
        Default::default(),
    );
    next.finish(at(day, 4));
    let once = next.clone();
    next.finish(at(day, 5));
    assert_eq!(next, once);
    assert_eq!(next.agreements.len(), 1, "carried once, not twice");
}

#[test]
fn answers_belong_to_each_partner_and_ratings_stay_in_range() {
    let day = date(2026, 11, 22);
    let mut c = CheckIn::start(
        id("a"),
        at(day, 19),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    let now = at(day, 19);
    c.set_answer(Step::GoingWell, Partner::First, "Sunday pancakes", now)
        .unwrap();
    c.set_answer(Step::GoingWell, Partner::Second, "We laughed a lot", now)
        .unwrap();
    assert_eq!(c.answer(Step::GoingWell, Partner::First), "Sunday pancakes");
    assert_eq!(
        c.answer(Step::GoingWell, Partner::Second),
        "We laughed a lot"
    );
    assert_eq!(c.answer(Step::Ratings, Partner::First), "");
    assert_eq!(
        c.set_answer(Step::CouldBeBetter, Partner::First, &"x".repeat(4_001), now),
        Err(CheckInError::TooLong)
    );

    c.rate(Partner::First, Some(7), now).unwrap();
    c.rate(Partner::Second, Some(10), now).unwrap();
    assert_eq!(
        c.rate(Partner::Second, Some(11), now),
        Err(CheckInError::RatingOutOfRange)
    );
    assert_eq!(
        c.rate(Partner::Second, Some(0), now),
        Err(CheckInError::RatingOutOfRange)
    );
    assert_eq!(c.ratings, [Some(7), Some(10)]);
    c.rate(Partner::First, None, now).unwrap();
    assert_eq!(c.rating(Partner::First), None);

    // An edit with a clock that went backwards never moves `updated` back.
    let before = c.updated;
    c.set_focus("Cook the new curry together", at(day, 3))
        .unwrap();
    assert_eq!(c.updated, before);
}

#[test]
fn the_check_in_in_progress_survives_a_round_trip_through_storage() {
    let day = date(2026, 11, 22);
    let mut c = CheckIn::start(
        id("a"),
        at(day, 19),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    c.timer_mut(at(day, 19)).start(at(day, 19));
    c.go_to(Step::CouldBeBetter, at(day, 19));
    c.set_answer(
        Step::CouldBeBetter,
        Partner::Second,
        "Evenings feel rushed",
        at(day, 19),
    )
    .unwrap();
    let rev = Clock::new(1).tick(at(day, 19)).rev;
    let text = rekindle::domain::record::encode(rev, Some(&c));
    let decoded = rekindle::domain::record::decode::<CheckIn>(&text).unwrap();
    assert_eq!(decoded.rev, rev);
    let back = decoded.record.unwrap();
    assert_eq!(back, c);
    assert_eq!(in_progress(std::slice::from_ref(&back)), Some(&back));
    assert!(history(&[back]).is_empty());
}

#[test]
fn a_check_in_started_in_the_app_opens_with_the_latest_finished_agreements() {
    let mut check_ins: Collection<CheckIn> = Collection::default();
    let week1 = date(2026, 11, 15);
    let first = check_ins.start(
        id("w1"),
        stamp(week1, 19),
        week1,
        Vec::new(),
        Default::default(),
    );
    assert_eq!(first, id("w1"));
    let opened = check_ins.get(&first).unwrap();
    assert_eq!(opened.step, Step::Appreciations, "nothing to look back on");
    assert!(opened.review.is_empty());
    assert_eq!(check_ins.pending().len(), 1, "stored from the start");
    check_ins.edit(&first, stamp(week1, 20), |c| {
        c.add_agreement(
            id("walk"),
            Partner::First,
            "Walk on Wednesday",
            at(week1, 20),
        )
        .unwrap();
        c.finish(at(week1, 20));
    });
    // An older finished one and one left unfinished do not speak for last week.
    let mut older = held("w0", date(2026, 11, 8));
    older
        .add_agreement(
            id("old"),
            Partner::Second,
            "Something long done",
            at(date(2026, 11, 8), 19),
        )
        .unwrap();
    check_ins.put(older, stamp(week1, 21));
    let mut unfinished = CheckIn::start(
        id("open"),
        at(week1, 22),
        week1,
        None,
        Vec::new(),
        Default::default(),
    );
    unfinished
        .add_agreement(id("maybe"), Partner::First, "Not agreed yet", at(week1, 22))
        .unwrap();
    check_ins.put(unfinished, stamp(week1, 22));

    let week2 = date(2026, 11, 22);
    let agenda = vec![id("entry")];
    let prefill = [String::from("• The soup"), String::new()];
    let second = check_ins.start(
        id("w2"),
        stamp(week2, 19),
        week2,
        agenda.clone(),
        prefill.clone(),
    );
    let second = check_ins.get(&second).unwrap();
    let reviewed: Vec<&str> = second.review.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(reviewed, ["Walk on Wednesday"]);
    assert!(second.review.iter().all(|a| a.outcome.is_none()));
    assert_eq!(second.step, Step::LookBack);
    assert_eq!(second.agenda, agenda);
    assert_eq!(second.appreciations, prefill);
    assert_eq!((second.created, second.day), (at(week2, 19), week2));
    assert_eq!(check_ins.len(), 4);
}

#[test]
fn a_check_in_breaking_its_rules_is_refused_with_a_reason() {
    let day = date(2026, 11, 22);
    let good = held("a", day);
    assert_eq!(good.check(), Ok(()));
    let mut rated = good.clone();
    rated.ratings = [Some(7), Some(11)];
    assert!(rated.check().unwrap_err().contains("rating is 11"));
    rated.ratings = [Some(0), None];
    assert!(rated.check().is_err());
    let mut long = good.clone();
    long.going_well[1] = "x".repeat(rekindle::domain::check_in::MAX_ANSWER_CHARS + 1);
    assert!(long.check().unwrap_err().contains("answer"));
    long.going_well[1] = "é".repeat(rekindle::domain::check_in::MAX_ANSWER_CHARS);
    assert_eq!(long.check(), Ok(()), "4,000 characters, however many bytes");
    let mut empty = good.clone();
    empty
        .add_agreement(id("x"), Partner::First, "Hug", at(day, 19))
        .unwrap();
    empty.agreements[0].text = "  ".into();
    assert!(empty.check().unwrap_err().contains("agreement"));
    let mut timer = good;
    timer.timer = Timer::new(24 * 60 + 1);
    assert!(timer.check().is_err());
}

#[test]
fn the_timer_counts_by_the_clock_pauses_and_never_goes_below_zero() {
    let t0 = Utc.with_ymd_and_hms(2026, 11, 22, 19, 0, 0).unwrap();
    let secs = |s: i64| t0 + chrono::TimeDelta::seconds(s);
    let mut timer = Timer::new(20);
    assert_eq!(timer.remaining(secs(500)), 1200, "paused until started");
    timer.start(t0);
    timer.start(secs(10)); // starting again does not restart the run
    assert_eq!(timer.remaining(secs(90)), 1110);
    timer.pause(secs(90));
    assert_eq!(
        timer.remaining(secs(5000)),
        1110,
        "paused time does not count"
    );
    timer.start(secs(6000));
    assert_eq!(timer.remaining(secs(6100)), 1010);
    // A reload is a round trip through JSON: the run goes on.
    let reloaded: Timer = serde_json::from_str(&serde_json::to_string(&timer).unwrap()).unwrap();
    assert_eq!(reloaded.remaining(secs(6200)), 910);
    assert_eq!(reloaded.remaining(secs(99_999)), 0);
    assert!(reloaded.is_over(secs(99_999)));
    // A clock set backwards counts as no time, never as extra time.
    assert_eq!(reloaded.remaining(secs(0)), 1110);
    timer.reset();
    assert_eq!(timer, Timer::new(20));

    assert_eq!(clock(1200), "20:00");
    assert_eq!(clock(59), "0:59");
    assert_eq!(clock(3900), "1:05:00");
}

#[test]
fn due_once_the_weekday_comes_and_nothing_was_held_in_seven_days() {
    let sunday = Weekday::Sun;
    // Nov 2026: Sunday 15, 22, 29.
    assert!(is_due(&[], date(2026, 11, 18), sunday), "never held: due");

    let last = [held("a", date(2026, 11, 15))];
    for day in 16..=21 {
        assert!(!is_due(&last, date(2026, 11, day), sunday), "Nov {day}");
    }
    assert!(
        is_due(&last, date(2026, 11, 22), sunday),
        "a week on, on the day"
    );
    assert!(
        is_due(&last, date(2026, 11, 24), sunday),
        "still due when skipped"
    );
    assert!(is_due(&last, date(2026, 12, 2), sunday), "across the month");

    // Held early (Thursday): not due that Sunday; due once a full week has
    // passed, since a Sunday has come in between.
    let early = [held("a", date(2026, 11, 19))];
    assert!(!is_due(&early, date(2026, 11, 22), sunday));
    assert!(
        !is_due(&early, date(2026, 11, 25), sunday),
        "6 days on: in the last 7"
    );
    assert!(is_due(&early, date(2026, 11, 26), sunday));

    // Held late (Monday after): due again the following Monday, not Sunday.
    let late = [held("a", date(2026, 11, 23))];
    assert!(!is_due(&late, date(2026, 11, 29), sunday));
    assert!(is_due(&late, date(2026, 11, 30), sunday));

    // Across the year's end, with Monday as the day.
    let new_year = [held("a", date(2026, 12, 28))];
    assert!(!is_due(&new_year, date(2027, 1, 3), Weekday::Mon));
    assert!(is_due(&new_year, date(2027, 1, 4), Weekday::Mon));

    // An unfinished check-in does not count as held.
    let day = date(2026, 11, 22);
    let open = CheckIn::start(
        id("b"),
        at(day, 19),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    assert!(is_due(&[last[0].clone(), open], day, sunday));
}

fn appreciation(n: u32, from: Partner, day: NaiveDate, read_aloud: bool) -> Appreciation {
    let at = at(day, 12);
    Appreciation {
        id: id(&format!("p{n}")),
        created: at,
        updated: at,
        day,
        from,
        focus: Focus::SomethingTheyDid,
        text: format!("Thing {n}"),
        read_aloud,
    }
}

#[test]
fn appreciations_prefill_with_the_last_week_and_those_saved_to_read_aloud() {
    let today = date(2026, 11, 22);
    let all = [
        appreciation(1, Partner::First, date(2026, 11, 21), false),
        appreciation(2, Partner::Second, date(2026, 11, 16), false),
        appreciation(3, Partner::First, date(2026, 11, 15), false), // 8 days ago
        appreciation(4, Partner::First, date(2026, 10, 1), true),   // saved for today
        appreciation(5, Partner::First, date(2026, 11, 18), false),
    ];
    let [first, second] = appreciation_prefill(&all, today);
    assert_eq!(first, "• Thing 4\n• Thing 5\n• Thing 1");
    assert_eq!(second, "• Thing 2");
}

#[test]
fn a_check_in_prefilled_from_a_busy_week_still_keeps_its_own_rules() {
    let today = date(2026, 11, 22);
    // One appreciation a day, each a long paragraph (well within its own limit).
    let week: Vec<Appreciation> = (0..7)
        .map(|n| Appreciation {
            text: "You listened to the whole story about work and asked the right question. "
                .repeat(9),
            ..appreciation(
                n,
                Partner::First,
                today - chrono::Days::new(u64::from(n)),
                false,
            )
        })
        .collect();
    assert!(week.iter().all(|a| a.check().is_ok()));
    let prefill = appreciation_prefill(&week, today);
    let mut check_ins: Collection<CheckIn> = Collection::default();
    let started = check_ins.start(id("c"), stamp(today, 19), today, Vec::new(), prefill);
    // Otherwise it is set aside as damaged on the next load, and every
    // backup holding it is refused.
    assert_eq!(check_ins.get(&started).unwrap().check(), Ok(()));
}

#[test]
fn the_trend_takes_each_weeks_latest_finished_check_in() {
    let today = date(2026, 11, 24); // Tuesday
    let mut a = held("a", date(2026, 11, 9));
    a.ratings = [Some(5), Some(6)];
    let mut b = held("b", date(2026, 11, 11)); // the same week, later: it speaks for it
    b.ratings = [Some(7), Some(7)];
    let mut c = held("c", date(2026, 11, 17));
    c.ratings = [Some(6), None];
    let mut open = CheckIn::start(
        id("d"),
        at(today, 19),
        today,
        None,
        Vec::new(),
        Default::default(),
    );
    open.ratings = [Some(1), Some(1)]; // not finished: not on the chart
    let weeks = ratings_by_week(&[a, c, b, open], today, 4);
    assert_eq!(
        weeks,
        [
            (date(2026, 11, 2), [None, None]),
            (date(2026, 11, 9), [Some(7), Some(7)]),
            (date(2026, 11, 16), [Some(6), None]),
            (date(2026, 11, 23), [None, None]),
        ]
    );
}

#[test]
fn history_lists_finished_check_ins_newest_first() {
    let days = [date(2026, 11, 8), date(2026, 11, 22), date(2026, 11, 15)];
    let all: Vec<CheckIn> = days
        .iter()
        .enumerate()
        .map(|(i, day)| held(&format!("c{i}"), *day))
        .collect();
    let order: Vec<NaiveDate> = history(&all).iter().map(|c| c.day).collect();
    assert_eq!(order, [days[1], days[2], days[0]]);
    assert_eq!(latest_finished(&all).map(|c| c.day), Some(days[1]));
}

#[test]
fn the_latest_finished_is_historys_first_even_on_a_tie() {
    let day = date(2026, 11, 22);
    // Two held on the same day and finished at the same moment (two tabs),
    // one later that day, and one still open: history's order decides.
    let twins = [held("t1", day), held("t2", day)];
    assert_eq!(latest_finished(&twins).map(|c| &c.id), Some(&id("t1")));
    assert_eq!(latest_finished(&twins), history(&twins).first().copied());
    let mut later = CheckIn::start(
        id("t3"),
        at(day, 20),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    later.finish(at(day, 21));
    let open = CheckIn::start(
        id("t4"),
        at(day, 22),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    let all = [twins[0].clone(), later, twins[1].clone(), open];
    assert_eq!(latest_finished(&all).map(|c| &c.id), Some(&id("t3")));
    assert_eq!(latest_finished(&all), history(&all).first().copied());
    assert_eq!(latest_finished(&all[3..]), None);
}

/// Undoes RFC 5545 folding: a CRLF followed by one space or tab joins lines.
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

fn weekly_event<'a>(summary: &'a str, description: &'a str) -> Event<'a> {
    Event {
        uid: "weekly-check-in",
        start: date(2026, 11, 29).and_hms_opt(19, 30, 0).unwrap(),
        minutes: 20,
        summary,
        description,
        repeat: Repeat::Weekly,
        alarm_minutes: Some(15),
    }
}

#[test]
fn the_calendar_file_follows_rfc_5545() {
    let stamp = Utc.with_ymd_and_hms(2026, 11, 24, 9, 5, 7).unwrap();
    let description = "What is going well, what could be better, what each of you needs. \
                       Twenty minutes; start warm; one thing at a time, please.\nSecond line";
    let text = ics(&weekly_event("Our check-in; Sam, Alex", description), stamp);

    // Every line ends in CRLF; there is no bare LF or CR.
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
    // No physical line is longer than 75 octets, and the long one was folded.
    let physical: Vec<&str> = text.split("\r\n").collect();
    assert!(
        physical.iter().all(|line| line.len() <= 75),
        "{physical:#?}"
    );
    assert!(
        physical.iter().any(|line| line.starts_with(' ')),
        "something was folded"
    );

    let lines = unfold(&text);
    let has = |line: &str| lines.iter().any(|l| l == line);
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert_eq!(lines[lines.len() - 2], "END:VCALENDAR");
    assert_eq!(lines.last().map(String::as_str), Some(""), "ends with CRLF");
    for required in [
        "VERSION:2.0",
        "PRODID:-//Rekindle//Rekindle//EN",
        "BEGIN:VEVENT",
        "END:VEVENT",
        "UID:weekly-check-in@rekindle",
        "DTSTAMP:20261124T090507Z",
        "DTSTART:20261129T193000",
        "DURATION:PT20M",
        "RRULE:FREQ=WEEKLY",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT15M",
        "END:VALARM",
        "SUMMARY:Our check-in\\; Sam\\, Alex",
    ] {
        assert!(has(required), "missing {required:?} in {lines:#?}");
    }
    // TEXT escaping: commas, semicolons and line breaks.
    let description_line = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:What"))
        .unwrap();
    assert!(description_line.contains("a time\\, please.\\nSecond line"));
    // Each BEGIN has its END, properly nested.
    let mut open = Vec::new();
    for line in &lines {
        if let Some(name) = line.strip_prefix("BEGIN:") {
            open.push(name.to_string());
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(open.pop().as_deref(), Some(name));
        }
    }
    assert!(open.is_empty());
    // Every content line is NAME:VALUE with an upper-case name.
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let (name, _) = line.split_once(':').expect("name:value");
        assert!(
            name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "{name}"
        );
    }
}

#[test]
fn folding_never_splits_a_character() {
    let stamp = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let summary = "Check-in 💞 ".repeat(12);
    let text = ics(&weekly_event(&summary, "ça va? ünïcödé"), stamp);
    // Each physical line is valid UTF-8 on its own and within 75 octets.
    for line in text.split("\r\n") {
        assert!(line.len() <= 75);
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
    let unfolded = unfold(&text);
    assert!(unfolded.iter().any(|l| *l == format!("SUMMARY:{summary}")));
}

#[test]
fn the_trend_line_breaks_where_a_week_has_no_rating() {
    use rekindle::domain::chart::{points, polylines};
    let values = [Some(1), Some(10), None, Some(4), Some(7), None];
    let at = points(&values, 10, 120, 90);
    assert_eq!(
        at,
        [
            Some((10, 90)),
            Some((30, 0)),
            None,
            Some((70, 60)),
            Some((90, 30)),
            None
        ]
    );
    // A lone point has no line (its marker still shows it).
    assert_eq!(polylines(&at), ["10,90 30,0", "70,60 90,30"]);
    assert!(points(&[], 10, 120, 90).is_empty());
}

// ---------------------------------------------------------------------------
// One check-in on two phones: each partner answers their own half on their
// own phone, and merging the copies (an exchange code, a backup) keeps both.
// ---------------------------------------------------------------------------

/// The day of the shared check-in.
fn shared_day() -> NaiveDate {
    date(2026, 11, 22)
}

/// One phone's check-ins and its own clock.
struct Phone {
    check_ins: Collection<CheckIn>,
    clock: Clock,
}

impl Phone {
    fn new(node: u32) -> Phone {
        Phone {
            check_ins: Collection::default(),
            clock: Clock::new(node),
        }
    }

    /// A change made on this phone at `hour` of the shared day.
    fn edit(&mut self, check_in: &RecordId, hour: u32, change: impl FnOnce(&mut CheckIn)) {
        let stamp = self.clock.tick(at(shared_day(), hour));
        self.check_ins.edit(check_in, stamp, change).unwrap();
    }

    /// This phone's copy, as it would travel.
    fn copy(&self, check_in: &RecordId) -> Stamped<CheckIn> {
        let found = self
            .check_ins
            .stamped()
            .into_iter()
            .find(|s| &s.id == check_in);
        found.unwrap().cloned()
    }

    fn rev(&self, check_in: &RecordId) -> Rev {
        self.check_ins.ledger().rev(check_in).unwrap()
    }

    /// Takes in the other phone's copy, as an exchange does (storage does
    /// not hold it yet), and moves the clock past it.
    fn take(&mut self, copy: Stamped<CheckIn>) -> Merged {
        self.clock.observe(copy.rev);
        self.check_ins.merge(copy, false)
    }

    /// Storage now holds everything here.
    fn save_all(&mut self) {
        let pending: Vec<(RecordId, Rev)> = self
            .check_ins
            .pending()
            .into_iter()
            .map(|item| (item.id, item.rev))
            .collect();
        for (id, rev) in pending {
            self.check_ins.saved(&id, rev);
        }
        assert!(!self.check_ins.has_pending());
    }
}

/// A check-in started on phone A at 18:00 and copied to phone B; then A
/// answers the first partner's half (19:00) and adds an agreement (21:00),
/// while B answers the second partner's half and adds an agreement at
/// `b_hour` (before A's edits, between them, or after).
fn answered_on_two_phones(b_hour: u32) -> (Phone, Phone, RecordId) {
    let mut a = Phone::new(0xa);
    let mut b = Phone::new(0xb);
    let check_in = a.check_ins.start(
        id("together"),
        a.clock.tick(at(shared_day(), 18)),
        shared_day(),
        Vec::new(),
        Default::default(),
    );
    assert_eq!(b.take(a.copy(&check_in)), Merged::Taken);

    let day = shared_day();
    a.edit(&check_in, 19, |c| {
        c.set_answer(Step::GoingWell, Partner::First, "Our walks", at(day, 19))
            .unwrap();
        c.set_answer(
            Step::CouldBeBetter,
            Partner::First,
            "Rushed evenings",
            at(day, 19),
        )
        .unwrap();
        c.rate(Partner::First, Some(8), at(day, 19)).unwrap();
    });
    b.edit(&check_in, b_hour, |c| {
        let now = at(day, b_hour);
        c.set_answer(Step::GoingWell, Partner::Second, "The soup", now)
            .unwrap();
        c.set_answer(Step::Appreciations, Partner::Second, "• The bike", now)
            .unwrap();
        c.rate(Partner::Second, Some(7), now).unwrap();
        c.add_agreement(id("sunday"), Partner::Second, "A walk on Sunday", now)
            .unwrap();
    });
    a.edit(&check_in, 21, |c| {
        c.add_agreement(
            id("phones"),
            Partner::First,
            "Phones away at dinner",
            at(day, 21),
        )
        .unwrap();
    });
    (a, b, check_in)
}

/// Both halves and both agreements are in `c`.
fn assert_whole(c: &CheckIn) {
    assert_eq!(c.going_well, ["Our walks", "The soup"]);
    assert_eq!(c.could_be_better, ["Rushed evenings", ""]);
    assert_eq!(c.appreciations, ["", "• The bike"]);
    assert_eq!(c.ratings, [Some(8), Some(7)]);
    let mut agreements: Vec<&str> = c.agreements.iter().map(|a| a.id.as_str()).collect();
    agreements.sort_unstable();
    assert_eq!(agreements, ["phones", "sunday"]);
    assert!(c.check().is_ok());
}

#[test]
fn a_check_in_answered_on_two_phones_ends_up_whole_and_the_same_on_both_in_any_order() {
    // B's edits before A's, between A's two, and after both: whichever copy
    // is newer, and whichever phone takes the other's first.
    for b_hour in [18, 20, 22] {
        for order in ["a first", "b first", "crossing"] {
            let (mut a, mut b, check_in) = answered_on_two_phones(b_hour);
            let (a_rev, b_rev) = (a.rev(&check_in), b.rev(&check_in));
            match order {
                "a first" => {
                    a.take(b.copy(&check_in));
                    b.take(a.copy(&check_in));
                }
                "b first" => {
                    b.take(a.copy(&check_in));
                    a.take(b.copy(&check_in));
                }
                _ => {
                    let (from_a, from_b) = (a.copy(&check_in), b.copy(&check_in));
                    a.take(from_b);
                    b.take(from_a);
                }
            }
            let context = format!("B at {b_hour}:00, {order}");
            assert_eq!(a.copy(&check_in), b.copy(&check_in), "{context}");
            assert_whole(a.check_ins.get(&check_in).unwrap());
            assert!(
                a.rev(&check_in) > a_rev.max(b_rev),
                "newer than both copies: {context}"
            );

            // Merging again, either way, changes nothing.
            let (a_then, b_then) = (a.check_ins.clone(), b.check_ins.clone());
            assert_eq!(a.take(b.copy(&check_in)), Merged::Kept, "{context}");
            assert_eq!(b.take(a.copy(&check_in)), Merged::Kept, "{context}");
            assert_eq!(a.check_ins, a_then, "{context}");
            assert_eq!(b.check_ins, b_then, "{context}");
        }
    }
}

#[test]
fn merging_the_same_copy_twice_changes_nothing_more() {
    for b_hour in [18, 22] {
        let (mut a, b, check_in) = answered_on_two_phones(b_hour);
        let from_b = b.copy(&check_in);
        assert_eq!(a.take(from_b.clone()), Merged::Taken, "B at {b_hour}:00");
        let once = a.check_ins.clone();
        assert_eq!(a.take(from_b), Merged::Kept, "B at {b_hour}:00");
        assert_eq!(a.check_ins, once, "B at {b_hour}:00");
        // Nor does its own copy.
        assert_eq!(a.take(a.copy(&check_in)), Merged::Kept);
        assert_eq!(a.check_ins, once);
    }
}

#[test]
fn a_merge_that_keeps_both_halves_is_pending_even_when_storage_holds_the_copy_that_came_in() {
    // `stored`: another window wrote the incoming copy already. Taken as
    // it is, there is nothing to write; put together with this phone's
    // half, the result is new and must be written (and travel on).
    for b_hour in [18, 22] {
        let (mut a, mut b, check_in) = answered_on_two_phones(b_hour);
        let (a_rev, b_rev) = (a.rev(&check_in), b.rev(&check_in));
        a.save_all();
        a.check_ins.merge(b.copy(&check_in), true);
        let pending: Vec<(RecordId, Rev)> = a
            .check_ins
            .pending()
            .into_iter()
            .map(|item| (item.id, item.rev))
            .collect();
        assert_eq!(pending.len(), 1, "B at {b_hour}:00");
        assert_eq!(pending[0].0, check_in);
        assert!(pending[0].1 > a_rev.max(b_rev), "B at {b_hour}:00");

        // B takes the whole copy as it is: storage holds it, nothing to write.
        b.save_all();
        assert_eq!(b.check_ins.merge(a.copy(&check_in), true), Merged::Taken);
        assert!(!b.check_ins.has_pending(), "B at {b_hour}:00");
        assert_whole(b.check_ins.get(&check_in).unwrap());
    }
}

#[test]
fn when_both_phones_change_the_same_half_the_later_change_wins_on_both() {
    let day = shared_day();
    let mut a = Phone::new(0xa);
    let mut b = Phone::new(0xb);
    let check_in = a.check_ins.start(
        id("together"),
        a.clock.tick(at(day, 18)),
        day,
        Vec::new(),
        Default::default(),
    );
    b.take(a.copy(&check_in));
    a.edit(&check_in, 19, |c| {
        c.set_answer(Step::GoingWell, Partner::First, "Typed on A", at(day, 19))
            .unwrap();
    });
    b.edit(&check_in, 20, |c| {
        c.set_answer(Step::GoingWell, Partner::First, "Typed on B", at(day, 20))
            .unwrap();
    });
    // A's copy is the newer record (its focus changed last), but the
    // first partner's half is newer on B.
    a.edit(&check_in, 21, |c| {
        c.set_focus("A date on Friday", at(day, 21)).unwrap()
    });
    let (from_a, from_b) = (a.copy(&check_in), b.copy(&check_in));
    a.take(from_b);
    b.take(from_a);
    assert_eq!(a.copy(&check_in), b.copy(&check_in));
    let c = a.check_ins.get(&check_in).unwrap();
    assert_eq!(c.going_well[0], "Typed on B");
    assert_eq!(
        c.focus, "A date on Friday",
        "the rest goes with the newer record"
    );
}

#[test]
fn an_agreement_removed_on_one_phone_stays_removed_on_both() {
    // `reconcile` unions the agreements of both copies by id, with no
    // record of removals: once both phones hold an agreement, removing it
    // (the remove button on the agreements step) is undone by any merge
    // with a copy from before the removal (the partner's next code, an
    // older backup, another window), and the copy that merge makes is
    // newer than the removal, so it brings the agreement back everywhere.
    let (mut a, mut b, check_in) = answered_on_two_phones(20);
    a.take(b.copy(&check_in));
    b.take(a.copy(&check_in));
    assert_eq!(a.copy(&check_in), b.copy(&check_in));

    a.edit(&check_in, 23, |c| {
        c.remove_agreement(&id("sunday"), at(shared_day(), 23))
    });
    let (from_a, from_b) = (a.copy(&check_in), b.copy(&check_in));
    a.take(from_b);
    b.take(from_a);
    for phone in [&a, &b] {
        let c = phone.check_ins.get(&check_in).unwrap();
        let agreements: Vec<&str> = c.agreements.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(agreements, ["phones"]);
    }
}

#[test]
fn a_change_marks_only_the_half_it_touched() {
    let day = shared_day();
    let mut phone = Phone::new(1);
    let check_in = phone.check_ins.start(
        id("alone"),
        phone.clock.tick(at(day, 18)),
        day,
        Vec::new(),
        [String::from("• Prefilled"), String::new()],
    );
    let halves = |phone: &Phone| phone.check_ins.get(&check_in).unwrap().halves;
    assert_eq!(
        halves(&phone),
        [None, None],
        "a new check-in, prefill included"
    );

    phone.edit(&check_in, 19, |c| {
        c.rate(Partner::First, Some(6), at(day, 19)).unwrap();
    });
    let first = phone.rev(&check_in);
    assert_eq!(halves(&phone), [Some(first), None]);

    // What belongs to neither: the step, the focus, agreements, the timer.
    phone.edit(&check_in, 20, |c| {
        c.go_to(Step::Needs, at(day, 20));
        c.set_focus("Cook together", at(day, 20)).unwrap();
        c.add_agreement(id("x"), Partner::Second, "Call my mother", at(day, 20))
            .unwrap();
        c.timer_mut(at(day, 20)).start(at(day, 20));
    });
    assert!(phone.rev(&check_in) > first);
    assert_eq!(halves(&phone), [Some(first), None]);

    for (hour, step) in [
        (21, Step::Appreciations),
        (22, Step::GoingWell),
        (23, Step::CouldBeBetter),
    ] {
        phone.edit(&check_in, hour, |c| {
            c.set_answer(step, Partner::Second, "Changed", at(day, hour))
                .unwrap();
        });
        let second = phone.rev(&check_in);
        assert_eq!(halves(&phone), [Some(first), Some(second)], "{step:?}");
    }

    // Both at once: both marked with the one revision.
    let mut both = phone.check_ins.get(&check_in).unwrap().clone();
    both.ratings = [Some(9), Some(9)];
    phone.check_ins.put(both, phone.clock.tick(at(day, 23)));
    let now = phone.rev(&check_in);
    assert_eq!(halves(&phone), [Some(now), Some(now)]);

    // The marks are stored with the check-in, and left out while unset.
    let c = phone.check_ins.get(&check_in).unwrap();
    let text = rekindle::domain::record::encode(now, Some(c));
    assert!(text.contains("\"halves\""));
    let back = rekindle::domain::record::decode::<CheckIn>(&text).unwrap();
    assert_eq!(back.record.as_ref(), Some(c));
    let fresh = CheckIn::start(
        id("new"),
        at(day, 1),
        day,
        None,
        Vec::new(),
        Default::default(),
    );
    let text = rekindle::domain::record::encode(now, Some(&fresh));
    assert!(!text.contains("halves"), "{text}");
}
