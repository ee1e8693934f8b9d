//! Dates: the idea library's content, filters, "surprise us" (novelty
//! first, never the same pick twice in a row, deterministic per seed),
//! plans and memories, and the figures Progress shows.

use std::collections::HashSet;

use chrono::{NaiveDate, TimeZone, Utc};
use rekindle::content::dates::IDEAS;
use rekindle::domain::collection::{Collection, Holder};
use rekindle::domain::dates::{
    Access, AccessNotes, Category, Cost, DateError, DateIdea, Energy, Filter, Idea, Memory, Pick,
    RATINGS, Season, Seasons, candidates, dates_per_month, duration_label, local_minute, memories,
    next_planned, novelty, rating_label, surprise,
};
use rekindle::domain::id::RecordId;
use rekindle::domain::kind::Kind;
use rekindle::domain::revision::{Clock, Stamp};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap()
}

fn id(n: usize) -> RecordId {
    RecordId::try_from(format!("d{n}")).unwrap()
}

fn stamp() -> Stamp {
    Clock::new(1).tick(now())
}

#[test]
fn filters_combine_category_cost_season_home_and_words() {
    let all = Filter::default();
    assert!(IDEAS.iter().all(|i| all.matches(i)));
    assert!(all.is_empty());

    let winter_free = Filter {
        cost: Some(Cost::Free),
        season: Some(Season::Winter),
        ..Filter::default()
    };
    let found: Vec<&Idea> = IDEAS.iter().filter(|i| winter_free.matches(i)).collect();
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|i| i.cost == Cost::Free && i.seasons.contains(Season::Winter))
    );

    // A cost chip shows that cost only: "Low cost" is not also "Free".
    let low = Filter {
        cost: Some(Cost::Low),
        ..Filter::default()
    };
    let found: Vec<&Idea> = IDEAS.iter().filter(|i| low.matches(i)).collect();
    assert!(!found.is_empty());
    assert!(found.iter().all(|i| i.cost == Cost::Low));

    let home = Filter {
        at_home: true,
        ..Filter::default()
    };
    assert!(
        IDEAS
            .iter()
            .filter(|i| home.matches(i))
            .all(|i| i.category == Category::AtHome)
    );

    let words = Filter {
        text: "  POTTERY  class ".into(),
        ..Filter::default()
    };
    let hits: Vec<&str> = IDEAS
        .iter()
        .filter(|i| words.matches(i))
        .map(|i| i.title)
        .collect();
    assert_eq!(hits, ["A pottery class neither of you has tried"]);
}

#[test]
fn access_chips_show_only_ideas_with_that_note_and_never_vouch_for_own_ones() {
    assert_eq!(AccessNotes::BOTH.label(), "Step-free · Can be done seated");
    assert_eq!(AccessNotes::SEATED.label(), "Can be done seated");
    assert_eq!(AccessNotes::NONE.label(), "");
    for access in Access::ALL {
        let filter = Filter {
            access: Some(access),
            ..Filter::default()
        };
        assert!(!filter.is_empty());
        let shown: Vec<&Idea> = IDEAS.iter().filter(|i| filter.matches(i)).collect();
        let expected = IDEAS.iter().filter(|i| i.access.contains(access)).count();
        assert_eq!(shown.len(), expected);
        assert!(
            !shown.is_empty() && shown.len() < IDEAS.len(),
            "{}",
            access.label()
        );
        // With another chip, both must hold.
        let free = Filter {
            cost: Some(Cost::Free),
            ..filter.clone()
        };
        assert!(
            IDEAS
                .iter()
                .filter(|i| free.matches(i))
                .all(|i| { i.cost == Cost::Free && i.access.contains(access) })
        );
    }
    // Saved from the library, an idea keeps its notes (read from the
    // library, not stored); the couple's own has none to vouch for.
    let step_free = Filter {
        access: Some(Access::StepFree),
        ..Filter::default()
    };
    let museum = IDEAS.iter().find(|i| i.title.contains("museum")).unwrap();
    assert!(museum.access.contains(Access::StepFree));
    let from_library = DateIdea::from_library(id(1), museum, now());
    assert_eq!(from_library.idea_in(IDEAS).access, museum.access);
    assert_eq!(from_library.idea_in(&[]).access, AccessNotes::NONE);
    let own = saved(2, "Museum of our own", &[]);
    assert_eq!(own.idea_in(IDEAS).access, AccessNotes::NONE);
    let backlog = [from_library, own];
    let picks = candidates(&backlog, IDEAS, &step_free);
    let titles: Vec<&str> = picks.iter().map(Pick::title).collect();
    assert!(titles.contains(&museum.title));
    assert!(!titles.contains(&"Museum of our own"));
    assert_eq!(
        titles.iter().filter(|t| **t == museum.title).count(),
        1,
        "saved once, not twice"
    );
}

fn saved(n: usize, title: &str, done: &[NaiveDate]) -> DateIdea {
    let idea = Idea {
        title: "placeholder",
        description: "",
        category: Category::Playful,
        seasons: Seasons::ALL,
        cost: Cost::Free,
        minutes: 60,
        energy: Energy::Low,
        access: AccessNotes::NONE,
    };
    let mut own = DateIdea::own(id(n), &idea, now()).unwrap();
    own.title = title.to_string();
    for day in done {
        own.mark_done(
            Memory {
                day: *day,
                rating: 4,
                note: String::new(),
                would_repeat: true,
            },
            now(),
        )
        .unwrap();
    }
    own
}

#[test]
fn surprise_favours_never_done_then_longest_ago_and_never_repeats() {
    let today = date(2026, 11, 24);
    let backlog = [
        saved(1, "Recent", &[date(2026, 11, 1)]),
        saved(2, "Long ago", &[date(2025, 3, 1)]),
        saved(3, "Longer ago", &[date(2024, 6, 1)]),
        saved(4, "Never", &[]),
    ];
    let picks = candidates(&backlog, &[], &Filter::default());
    assert_eq!(picks.len(), 4);
    for seed in 0..50 {
        assert_eq!(
            surprise(&picks, today, seed, None).unwrap().title(),
            "Never"
        );
    }
    // Not the same twice in a row: the next best is the one done longest ago.
    for seed in 0..50 {
        assert_eq!(
            surprise(&picks, today, seed, Some("Never"))
                .unwrap()
                .title(),
            "Longer ago"
        );
    }
    // With only recent ones left, one of those.
    let recent_only = candidates(&backlog[..1], &[], &Filter::default());
    assert_eq!(
        surprise(&recent_only, today, 7, None).unwrap().title(),
        "Recent"
    );
    // A single candidate is still offered, even if it was the last pick.
    assert_eq!(
        surprise(&recent_only, today, 7, Some("Recent"))
            .unwrap()
            .title(),
        "Recent"
    );
    assert!(surprise(&[], today, 7, None).is_none());
}

#[test]
fn surprise_is_deterministic_per_seed_and_spreads_over_seeds() {
    let today = date(2026, 11, 24);
    let picks = candidates(&[], IDEAS, &Filter::default());
    let titles = || -> Vec<String> {
        (0..20)
            .map(|seed| {
                surprise(&picks, today, seed, None)
                    .unwrap()
                    .title()
                    .to_string()
            })
            .collect()
    };
    let first = titles();
    assert_eq!(first, titles());
    let distinct: HashSet<&String> = first.iter().collect();
    assert!(
        distinct.len() >= 10,
        "only {} different picks",
        distinct.len()
    );
    // Successive picks, each avoiding the last, never repeat back to back.
    let mut last: Option<String> = None;
    for seed in 0..200 {
        let pick = surprise(&picks, today, seed % 3, last.as_deref())
            .unwrap()
            .title()
            .to_string();
        assert_ne!(Some(&pick), last.as_ref());
        last = Some(pick);
    }
}

#[test]
fn surprise_only_offers_what_fits_the_filter_and_skips_saved_library_ideas() {
    let today = date(2026, 11, 24);
    let pottery = IDEAS.iter().find(|i| i.title.contains("pottery")).unwrap();
    let backlog = [DateIdea::from_library(id(1), pottery, now())];
    let filter = Filter {
        category: Some(Category::Learning),
        ..Filter::default()
    };
    let picks = candidates(&backlog, IDEAS, &filter);
    let titles: Vec<&str> = picks.iter().map(Pick::title).collect();
    assert_eq!(
        titles.iter().filter(|t| t.contains("pottery")).count(),
        1,
        "saved once, not twice"
    );
    assert!(matches!(picks[0], Pick::Saved(_)));
    for seed in 0..30 {
        let pick = surprise(&picks, today, seed, None).unwrap();
        let category = match pick {
            Pick::Saved(s) => s.category,
            Pick::Library(i) => i.category,
        };
        assert_eq!(category, Category::Learning);
    }
    let nothing = Filter {
        text: "no such idea anywhere".into(),
        ..Filter::default()
    };
    assert!(surprise(&candidates(&backlog, IDEAS, &nothing), today, 1, None).is_none());
}

#[test]
fn own_ideas_are_checked_and_plans_and_memories_kept() {
    let mut typed = Idea {
        title: "  ",
        description: "",
        category: Category::Romantic,
        seasons: Seasons::ALL,
        cost: Cost::Low,
        minutes: 90,
        energy: Energy::Low,
        access: AccessNotes::NONE,
    };
    assert_eq!(DateIdea::own(id(1), &typed, now()), Err(DateError::NoTitle));
    typed.title = "Picnic on the roof";
    typed.seasons = Seasons::of(&[]);
    assert_eq!(
        DateIdea::own(id(1), &typed, now()),
        Err(DateError::NoSeason)
    );
    typed.seasons = Seasons::of(&[Season::Summer]);
    typed.minutes = 0;
    assert_eq!(
        DateIdea::own(id(1), &typed, now()),
        Err(DateError::BadDuration)
    );
    typed.minutes = 90;
    let mut idea = DateIdea::own(id(1), &typed, now()).unwrap();
    assert_eq!(idea.library, None);
    assert_eq!(idea.seasons.label(), "Summer");

    let at = local_minute::parse("2026-11-28T19:30").unwrap();
    idea.plan(at, now());
    assert_eq!(local_minute::format(at), "2026-11-28T19:30");
    assert_eq!(local_minute::parse("2026-11-28T19:30:45"), Some(at));
    assert_eq!(local_minute::parse("2026-11-28 19:30"), None);
    assert_eq!(local_minute::parse("2026-02-30T19:30"), None);

    let bad = Memory {
        day: date(2026, 11, 28),
        rating: 6,
        note: String::new(),
        would_repeat: false,
    };
    assert_eq!(
        idea.mark_done(bad.clone(), now()),
        Err(DateError::BadRating)
    );
    assert!(idea.plan.is_some(), "a refused memory changes nothing");
    idea.mark_done(
        Memory {
            rating: 5,
            note: "  The rain! ".into(),
            ..bad
        },
        now(),
    )
    .unwrap();
    assert_eq!(idea.plan, None, "done: the plan is over");
    assert_eq!(idea.memories[0].note, "The rain!");
    assert_eq!(idea.last_done(), Some(date(2026, 11, 28)));

    // The stored form round-trips.
    let rev = Clock::new(1).tick(now()).rev;
    let text = rekindle::domain::record::encode(rev, Some(&idea));
    assert!(text.contains("\"seasons\":2"), "{text}");
    let back = rekindle::domain::record::decode::<DateIdea>(&text).unwrap();
    assert_eq!((back.rev, back.record), (rev, Some(idea)));

    assert_eq!(duration_label(45), "45 min");
    assert_eq!(duration_label(120), "2 h");
    assert_eq!(duration_label(90), "1 h 30 min");
}

#[test]
fn the_next_date_is_the_soonest_plan_not_long_past() {
    let mut a = saved(1, "A", &[]);
    let mut b = saved(2, "B", &[]);
    let c = saved(3, "C", &[]);
    let now_local = local_minute::parse("2026-11-24T20:00").unwrap();
    a.plan(local_minute::parse("2026-11-30T19:00").unwrap(), now());
    b.plan(local_minute::parse("2026-11-24T18:30").unwrap(), now()); // under way
    assert_eq!(
        next_planned(&[a.clone(), b.clone(), c.clone()], now_local)
            .unwrap()
            .title,
        "B"
    );
    b.plan(local_minute::parse("2026-11-24T12:00").unwrap(), now()); // long past
    assert_eq!(
        next_planned(&[a, b, c.clone()], now_local).unwrap().title,
        "A"
    );
    assert!(next_planned(&[c], now_local).is_none());
}

#[test]
fn memories_per_month_and_the_novelty_figure() {
    let backlog = [
        saved(1, "Pottery", &[date(2026, 9, 5), date(2026, 11, 2)]),
        saved(
            2,
            "Walk",
            &[date(2026, 10, 1), date(2026, 10, 8), date(2026, 10, 15)],
        ),
        saved(3, "Museum", &[date(2026, 11, 20)]),
        saved(4, "Never done", &[]),
    ];
    let newest: Vec<(&str, NaiveDate)> = memories(&backlog)
        .iter()
        .map(|(idea, m)| (idea.title.as_str(), m.day))
        .collect();
    assert_eq!(newest[0], ("Museum", date(2026, 11, 20)));
    assert_eq!(newest.last(), Some(&("Pottery", date(2026, 9, 5))));
    assert_eq!(newest.len(), 6);

    let per_month = dates_per_month(&backlog, date(2026, 11, 24), 4);
    assert_eq!(
        per_month,
        [
            ((2026, 8), 0),
            ((2026, 9), 1),
            ((2026, 10), 3),
            ((2026, 11), 2)
        ]
    );
    // Across the year's end.
    let january = dates_per_month(&backlog, date(2027, 1, 3), 3);
    assert_eq!(january, [((2026, 11), 2), ((2026, 12), 0), ((2027, 1), 0)]);

    // New to them: the first Pottery, the first Walk, the Museum: 3 of 6.
    assert_eq!(novelty(&backlog), Some((3, 6)));
    assert_eq!(novelty(&backlog[3..]), None);
    // Only the last 10 count.
    let routine: Vec<NaiveDate> = (1..=12).map(|d| date(2026, 12, d)).collect();
    let mut more = backlog.to_vec();
    more.push(saved(5, "Same café", &routine));
    assert_eq!(novelty(&more), Some((0, 10)));
}

#[test]
fn a_library_idea_is_saved_to_the_backlog_once() {
    let mut backlog: Collection<DateIdea> = Collection::default();
    let idea = &IDEAS[3];
    assert!(!backlog.has_saved(idea.title));
    backlog.save_from_library(id(1), idea, stamp());
    assert!(backlog.has_saved(idea.title));
    let kept = backlog.get(&id(1)).unwrap();
    assert_eq!(kept.library.as_deref(), Some(idea.title));
    assert_eq!((kept.created, kept.updated), (now(), now()));
    // Saving it again (a second tap, another window) adds nothing.
    backlog.save_from_library(id(2), idea, stamp());
    assert_eq!(backlog.len(), 1);
    assert!(backlog.get(&id(2)).is_none());
    assert!(!backlog.has_saved(IDEAS[4].title));
    // Once deleted, it can be saved again.
    backlog.delete(&id(1), stamp());
    assert!(!backlog.has_saved(idea.title));
    backlog.save_from_library(id(3), idea, stamp());
    assert!(backlog.has_saved(idea.title));
}

#[test]
fn an_own_idea_joins_the_backlog_only_when_it_passes_the_checks() {
    let mut backlog: Collection<DateIdea> = Collection::default();
    let mut typed = Idea {
        title: "  Stargazing from the hill  ",
        description: " Bring the blanket. ",
        category: Category::Outdoors,
        seasons: Seasons::of(&[Season::Summer, Season::Autumn]),
        cost: Cost::Free,
        minutes: 120,
        energy: Energy::Medium,
        access: AccessNotes::NONE,
    };
    backlog.add_own(id(1), &typed, stamp()).unwrap();
    let own = backlog.get(&id(1)).unwrap();
    assert_eq!(own.title, "Stargazing from the hill");
    assert_eq!(own.description, "Bring the blanket.");
    assert_eq!(own.library, None);
    assert!(
        !backlog.has_saved("Stargazing from the hill"),
        "not a library idea"
    );
    typed.title = "";
    assert_eq!(
        backlog.add_own(id(2), &typed, stamp()),
        Err(DateError::NoTitle)
    );
    let long = "x".repeat(81);
    typed.title = &long;
    assert_eq!(
        backlog.add_own(id(2), &typed, stamp()),
        Err(DateError::TitleTooLong)
    );
    assert_eq!(backlog.len(), 1);
    assert_eq!(backlog.pending().len(), 1, "a refused idea writes nothing");
}

#[test]
fn a_stored_date_idea_breaking_its_rules_is_refused() {
    let good = saved(1, "Pottery", &[date(2026, 11, 1)]);
    assert_eq!(good.check(), Ok(()));
    let mut rated = good.clone();
    rated.memories[0].rating = 6;
    assert!(rated.check().unwrap_err().contains("rated 6"));
    rated.memories[0].rating = 0;
    assert!(rated.check().is_err());
    let mut untitled = good.clone();
    untitled.title = " ".into();
    assert!(untitled.check().unwrap_err().contains("name is empty"));
    let mut seasonless = good.clone();
    seasonless.seasons = Seasons::of(&[]);
    assert!(seasonless.check().is_err());
    let mut endless = good;
    endless.minutes = 24 * 60 + 1;
    assert!(endless.check().is_err());
}

#[test]
fn every_library_idea_saved_to_the_backlog_keeps_the_stored_rules() {
    let mut backlog: Collection<DateIdea> = Collection::default();
    for (n, idea) in IDEAS.iter().enumerate() {
        backlog.save_from_library(id(n), idea, stamp());
    }
    assert_eq!(backlog.len(), IDEAS.len());
    for saved in backlog.iter() {
        assert_eq!(saved.check(), Ok(()), "{}", saved.title);
    }
}

#[test]
fn costs_and_ratings_read_as_words_with_no_currency_or_score() {
    for cost in Cost::ALL {
        let label = cost.label();
        assert!(
            label.chars().all(|c| c.is_alphabetic() || c == ' '),
            "{label}"
        );
    }
    assert_eq!(rating_label(1), "Not for us");
    assert_eq!(rating_label(5), "Loved it");
    // A stored number out of range can never panic a view.
    assert_eq!(rating_label(0), RATINGS[0]);
    assert_eq!(rating_label(9), RATINGS[4]);
    for words in RATINGS {
        assert!(!words.chars().any(|c| c.is_ascii_digit()), "{words}");
    }
}
