//! The weekly recap on Progress: sentences in the couple's own words, one
//! shared account, nothing said about what did not happen.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rekindle::domain::affection::AffectionMark;
use rekindle::domain::appreciation::{Appreciation, Focus, Partner};
use rekindle::domain::check_in::{CheckIn, Outcome};
use rekindle::domain::dates::{
    AccessNotes, Category, Cost, DateIdea, Energy, Idea, Memory, Seasons,
};
use rekindle::domain::id::RecordId;
use rekindle::domain::recap::{Sources, Week, and_list, quote, recap, week};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(hour, 0, 0).unwrap())
}

fn id(text: &str) -> RecordId {
    RecordId::try_from(text.to_string()).unwrap()
}

/// Thursday 26 November 2026; its week began on Monday the 23rd.
fn today() -> NaiveDate {
    date(2026, 11, 26)
}

fn appreciation(n: u32, from: Partner, day: NaiveDate, text: &str) -> Appreciation {
    Appreciation {
        id: id(&format!("a{n}")),
        created: at(day, 8 + n),
        updated: at(day, 8 + n),
        day,
        from,
        focus: Focus::SomethingTheyDid,
        text: text.to_string(),
        read_aloud: false,
    }
}

fn touch(n: u32, day: NaiveDate) -> AffectionMark {
    AffectionMark {
        id: id(&format!("m{n}")),
        created: at(day, 9),
        day,
        nudge: id("starter-hug"),
        text: String::from("A long hug"),
    }
}

/// A date done on each of `done`, with the memory `note`.
fn date_done(n: u32, title: &str, done: &[(NaiveDate, &str)]) -> DateIdea {
    let idea = Idea {
        title,
        description: "",
        category: Category::Playful,
        seasons: Seasons::ALL,
        cost: Cost::Free,
        minutes: 60,
        energy: Energy::Low,
        access: AccessNotes::NONE,
    };
    let mut saved = DateIdea::own(id(&format!("d{n}")), &idea, at(date(2026, 1, 1), 9)).unwrap();
    for (day, note) in done {
        let memory = Memory {
            day: *day,
            rating: 4,
            note: note.to_string(),
            would_repeat: true,
        };
        saved.mark_done(memory, at(*day, 22)).unwrap();
    }
    saved
}

/// A check-in held on `day` with `made` new agreements, after `last`.
fn check_in(name: &str, day: NaiveDate, last: Option<&CheckIn>, made: &[&str]) -> CheckIn {
    let mut held = CheckIn::start(
        id(name),
        at(day, 19),
        day,
        last,
        Vec::new(),
        Default::default(),
    );
    for (n, text) in made.iter().enumerate() {
        held.add_agreement(
            id(&format!("{name}-{n}")),
            Partner::First,
            text,
            at(day, 19),
        )
        .unwrap();
    }
    held.finish(at(day, 20));
    held
}

fn empty() -> Sources<'static> {
    Sources {
        appreciations: &[],
        affection: &[],
        check_ins: &[],
        dates: &[],
    }
}

#[test]
fn a_week_with_nothing_in_it_says_nothing() {
    let [this, last] = recap(empty(), today());
    assert_eq!(
        this,
        Week {
            monday: date(2026, 11, 23),
            lines: vec![]
        }
    );
    assert_eq!(last.monday, date(2026, 11, 16));
    assert!(this.is_empty() && last.is_empty());
}

#[test]
fn appreciations_are_one_shared_line_quoting_their_own_words_newest_first() {
    let appreciations = [
        appreciation(
            1,
            Partner::First,
            date(2026, 11, 23),
            "You made tea without asking",
        ),
        appreciation(
            2,
            Partner::Second,
            date(2026, 11, 25),
            "How calm you stayed at bedtime",
        ),
        appreciation(3, Partner::First, date(2026, 11, 20), "Last week's words"),
    ];
    let sources = Sources {
        appreciations: &appreciations,
        ..empty()
    };
    let [this, last] = recap(sources, today());
    assert_eq!(
        this.lines,
        [
            "2 appreciations shared: “How calm you stayed at bedtime” and “You made tea without asking”."
        ]
    );
    assert_eq!(last.lines, ["1 appreciation shared: “Last week's words”."]);
    for line in this.lines.iter().chain(&last.lines) {
        assert!(!line.contains("Partner"), "never per person: {line}");
    }
}

#[test]
fn a_busy_week_quotes_only_a_few_and_says_so() {
    let appreciations: Vec<Appreciation> = (1..=5)
        .map(|n| appreciation(n, Partner::First, date(2026, 11, 24), &format!("Thing {n}")))
        .collect();
    let sources = Sources {
        appreciations: &appreciations,
        ..empty()
    };
    let [this, _] = recap(sources, today());
    assert_eq!(
        this.lines,
        ["5 appreciations shared, among them “Thing 5”, “Thing 4” and “Thing 3”."]
    );
}

#[test]
fn touches_check_ins_dates_and_memories_each_get_a_line() {
    let affection = [touch(1, date(2026, 11, 23)), touch(2, date(2026, 11, 24))];
    let before = check_in(
        "c1",
        date(2026, 11, 17),
        None,
        &["Phones away at dinner", "A walk on Sunday"],
    );
    let mut now = check_in(
        "c2",
        date(2026, 11, 25),
        Some(&before),
        &["Bedtime together"],
    );
    // Re-finish with last week's first agreement reviewed as kept, the second not yet.
    now.finished = false;
    let ids: Vec<RecordId> = now.review.iter().map(|a| a.id.clone()).collect();
    now.review(&ids[0], Outcome::Kept, at(today(), 19));
    now.review(&ids[1], Outcome::NotYet, at(today(), 19));
    now.focus = String::from("  More evenings out ");
    now.finish(at(today(), 20));
    let check_ins = [before, now];
    let dates = [
        date_done(
            1,
            "Pottery class",
            &[(date(2026, 11, 24), "The clay went everywhere")],
        ),
        date_done(2, "A long walk", &[(date(2026, 11, 23), "")]),
    ];
    let sources = Sources {
        affection: &affection,
        check_ins: &check_ins,
        dates: &dates,
        ..empty()
    };
    let [this, last] = recap(sources, today());
    assert_eq!(
        this.lines,
        [
            "2 small touches marked.",
            "You held your check-in: 1 agreement made and 1 kept from the week before. Your focus: “More evenings out”.",
            "2 dates done: “Pottery class” and “A long walk”.",
            "1 memory saved: “The clay went everywhere”.",
        ]
    );
    assert_eq!(last.lines, ["You held your check-in: 2 agreements made."]);
}

#[test]
fn kept_agreements_alone_name_their_noun_and_a_bare_check_in_is_still_said() {
    let before = check_in("c1", date(2026, 11, 16), None, &["Phones away"]);
    let mut now = check_in("c2", date(2026, 11, 24), Some(&before), &[]);
    now.finished = false;
    let first = now.review[0].id.clone();
    now.review(&first, Outcome::Kept, at(today(), 19));
    now.finish(at(today(), 20));
    let bare = check_in("c0", date(2026, 11, 9), None, &[]);
    let check_ins = [bare, before, now];
    let sources = Sources {
        check_ins: &check_ins,
        ..empty()
    };
    let [this, _] = recap(sources, today());
    assert_eq!(
        this.lines,
        ["You held your check-in: 1 agreement kept from the week before."]
    );
    let earlier = week(sources, date(2026, 11, 9), today());
    assert_eq!(earlier.lines, ["You held your check-in."]);
}

#[test]
fn unfinished_check_ins_and_days_after_today_do_not_count() {
    let mut open = check_in("c1", date(2026, 11, 24), None, &["Something"]);
    open.finished = false;
    let check_ins = [open];
    let affection = [touch(1, date(2026, 11, 28))];
    let sources = Sources {
        check_ins: &check_ins,
        affection: &affection,
        ..empty()
    };
    let [this, _] = recap(sources, today());
    assert!(this.is_empty(), "{:?}", this.lines);
}

#[test]
fn long_words_are_cut_at_a_word_and_repeats_quoted_once() {
    let long = "The way you listened to every word about my day at work, even the boring parts about the spreadsheet";
    assert_eq!(
        quote(long),
        "“The way you listened to every word about my day at work…”"
    );
    assert_eq!(quote("  two\n lines "), "“two lines”");
    let appreciations = [
        appreciation(1, Partner::First, date(2026, 11, 23), "Tea"),
        appreciation(2, Partner::Second, date(2026, 11, 24), "Tea"),
    ];
    let sources = Sources {
        appreciations: &appreciations,
        ..empty()
    };
    assert_eq!(
        recap(sources, today())[0].lines,
        ["2 appreciations shared: “Tea”."]
    );
}

#[test]
fn lists_read_as_english() {
    let s = |v: &[&str]| and_list(v.iter().map(|s| s.to_string()).collect());
    assert_eq!(s(&[]), "");
    assert_eq!(s(&["a"]), "a");
    assert_eq!(s(&["a", "b"]), "a and b");
    assert_eq!(s(&["a", "b", "c"]), "a, b and c");
}

#[test]
fn a_quote_that_ends_a_sentence_gets_no_second_full_stop() {
    let dates = [
        date_done(
            1,
            "Pottery class",
            &[(date(2026, 11, 24), "Clay everywhere!")],
        ),
        date_done(2, "Museum", &[(date(2026, 11, 17), "The long one")]),
    ];
    let sources = Sources {
        dates: &dates,
        ..empty()
    };
    let [this, last] = recap(sources, today());
    assert_eq!(this.lines[1], "1 memory saved: “Clay everywhere!”");
    assert_eq!(last.lines[1], "1 memory saved: “The long one”.");
    let long = [appreciation(
        1,
        Partner::First,
        date(2026, 11, 24),
        &"word ".repeat(30),
    )];
    let sources = Sources {
        appreciations: &long,
        ..empty()
    };
    assert!(recap(sources, today())[0].lines[0].ends_with("word…”"));
}

#[test]
fn a_focus_that_ends_its_own_sentence_keeps_one_full_stop() {
    let mut held = check_in("c1", date(2026, 11, 24), None, &[]);
    held.focus = String::from("Dance more!");
    let check_ins = [held];
    let sources = Sources {
        check_ins: &check_ins,
        ..empty()
    };
    assert_eq!(
        recap(sources, today())[0].lines,
        ["You held your check-in. Your focus: “Dance more!”"]
    );
}

#[test]
fn novelty_is_said_without_zeros_or_one_of_one() {
    use rekindle::domain::recap::novelty_line;
    assert_eq!(novelty_line(0, 4), None);
    assert_eq!(
        novelty_line(1, 1).as_deref(),
        Some("It was something new to you.")
    );
    assert_eq!(
        novelty_line(3, 3).as_deref(),
        Some("All 3 were something new to you.")
    );
    assert_eq!(
        novelty_line(2, 5).as_deref(),
        Some("2 of your last 5 dates were something new to you.")
    );
}
