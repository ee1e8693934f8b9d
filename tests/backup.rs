//! Backups: every export re-imports to the same data, and a bad file is
//! refused with a reason and changes nothing.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::domain::backup::{self, Backup, Contents, ImportError, ImportMode, Preview, Target};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Agenda, Draft, EntryKind, Journal, Prompt};
use rekindle::domain::mood::Mood;
use rekindle::domain::record::SCHEMA_VERSION;
use rekindle::domain::settings::Settings;

/// Export a journal with default settings (other kinds and settings have
/// their own tests below).
fn export(journal: &Journal, now: DateTime<Utc>) -> String {
    backup::export(
        Contents {
            journal,
            appreciations: &[],
            affection: &[],
            check_ins: &[],
            dates: &[],
            decks: &[],
            time_outs: &[],
            settings: &Settings::default(),
        },
        now,
    )
}

/// Import into a journal, keeping the other kinds and settings aside.
fn apply(journal: &mut Journal, incoming: Backup, mode: ImportMode) {
    let (mut appreciations, mut affection) = (Vec::new(), Vec::new());
    let target = Target {
        journal,
        appreciations: &mut appreciations,
        affection: &mut affection,
        check_ins: &mut Vec::new(),
        dates: &mut Vec::new(),
        decks: &mut Vec::new(),
        time_outs: &mut Vec::new(),
        settings: &mut Settings::default(),
    };
    backup::apply(target, incoming, mode);
}

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, day, 20, 0, 0).unwrap()
}

fn id(n: u8) -> RecordId {
    RecordId::from_random(&[n; 16])
}

fn journal(n: u8) -> Journal {
    let mut journal = Journal::default();
    for i in 1..=n {
        let draft = Draft {
            kind: if i % 2 == 0 {
                EntryKind::UnspokenNeed
            } else {
                EntryKind::Reflection
            },
            text: format!("Entry {i}: \"quoted\", emoji 💛, and\na new line."),
            mood: Mood::new(1 + i % 5),
            tags: "us, weekend".into(),
            prompt: (i % 3 == 0).then_some(Prompt::FeltClose),
            for_check_in: i % 4 == 0,
        };
        journal.add(id(i), &draft, at(u32::from(i))).unwrap();
    }
    journal
}

#[test]
fn every_export_re_imports_to_the_same_data() {
    let original = journal(12);
    let text = export(&original, at(28));
    let parsed = backup::parse(&text).unwrap();
    let mut restored = Journal::default();
    apply(&mut restored, parsed, ImportMode::Replace);
    assert_eq!(restored, original);
    assert_eq!(backup::file_name(at(28)), "rekindle-backup-2026-10-28.json");
}

#[test]
fn merging_the_same_backup_twice_duplicates_nothing() {
    let mut here = journal(3);
    let incoming = backup::parse(&export(&journal(5), at(28))).unwrap();
    assert_eq!(
        backup::preview(&incoming, &here),
        Preview {
            journal_entries: 5,
            new: 2,
            newer: 0,
            kept: 3,
            only_here: 0,
            appreciations: 0,
            affection_marks: 0,
            check_ins: 0,
            dates: 0,
            decks: 0,
            time_outs: 0,
        }
    );
    apply(&mut here, incoming.clone(), ImportMode::Merge);
    assert_eq!(here.len(), 5);
    apply(&mut here, incoming.clone(), ImportMode::Merge);
    assert_eq!(here, journal(5));
    assert_eq!(backup::preview(&incoming, &here).kept, 5);
}

#[test]
fn merge_takes_the_newer_copy_and_keeps_local_work() {
    let mut here = journal(2);
    let mut elsewhere = journal(2);
    elsewhere
        .edit(
            &id(1),
            &Draft {
                text: "Edited on the other phone".into(),
                ..Draft::default()
            },
            at(25),
        )
        .unwrap();
    here.edit(
        &id(2),
        &Draft {
            text: "Edited here".into(),
            ..Draft::default()
        },
        at(26),
    )
    .unwrap();
    let incoming = backup::parse(&export(&elsewhere, at(28))).unwrap();
    assert_eq!(
        backup::preview(&incoming, &here),
        Preview {
            journal_entries: 2,
            new: 0,
            newer: 1,
            kept: 1,
            only_here: 0,
            appreciations: 0,
            affection_marks: 0,
            check_ins: 0,
            dates: 0,
            decks: 0,
            time_outs: 0,
        }
    );
    apply(&mut here, incoming, ImportMode::Merge);
    assert_eq!(here.get(&id(1)).unwrap().text, "Edited on the other phone");
    assert_eq!(here.get(&id(2)).unwrap().text, "Edited here");
}

#[test]
fn replace_makes_the_device_hold_exactly_the_backup() {
    let mut here = journal(6);
    let incoming = backup::parse(&export(&journal(2), at(28))).unwrap();
    let preview = backup::preview(&incoming, &here);
    assert_eq!(
        (preview.kept, preview.only_here),
        (2, 4),
        "the preview counts what replace would remove"
    );
    apply(&mut here, incoming, ImportMode::Replace);
    assert_eq!(here, journal(2));
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let good = export(&journal(2), at(28));
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let duplicate = {
        let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
        let first = value["journal"][0].clone();
        value["journal"].as_array_mut().unwrap().push(first);
        value.to_string()
    };
    let current = format!("\"schema\":{SCHEMA_VERSION}");
    type Expected = fn(&ImportError) -> bool;
    let cases: Vec<(String, Expected)> = vec![
        (String::new(), |e| matches!(e, ImportError::NotJson(_))),
        ("\u{0}\u{1}binary".into(), |e| {
            matches!(e, ImportError::NotJson(_))
        }),
        (good[..good.len() / 2].to_string(), |e| {
            matches!(e, ImportError::NotJson(_))
        }),
        ("[1, 2, 3]".into(), |e| matches!(e, ImportError::NotABackup)),
        (r#"{"name": "some other app"}"#.into(), |e| {
            matches!(e, ImportError::NotABackup)
        }),
        (r#"{"format": "rekindle-backup"}"#.into(), |e| {
            matches!(e, ImportError::NotABackup)
        }),
        (good.replacen(&current, "\"schema\":9", 1), |e| {
            matches!(e, ImportError::NewerSchema(9))
        }),
        (good.replacen(&current, "\"schema\":0", 1), |e| {
            matches!(e, ImportError::UnknownSchema(0))
        }),
        (good.replacen("\"mood\":", "\"mood\":77,\"x\":", 1), |e| {
            matches!(e, ImportError::Invalid(_))
        }),
        (good.replacen("\"id\":\"", "\"id\":\"../", 1), |e| {
            matches!(e, ImportError::Invalid(_))
        }),
        (duplicate, |e| matches!(e, ImportError::Invalid(_))),
        (deep, |e| matches!(e, ImportError::TooDeep)),
        (" ".repeat(backup::MAX_BYTES + 1), |e| {
            matches!(e, ImportError::TooLarge { .. })
        }),
    ];
    for (text, expected) in cases {
        let error = backup::parse(&text).expect_err(&text.chars().take(60).collect::<String>());
        assert!(
            expected(&error),
            "{error:?} for {:?}",
            text.chars().take(60).collect::<String>()
        );
        assert!(
            error.to_string().contains("Nothing was imported"),
            "{error}"
        );
    }
}

#[test]
fn hostile_strings_survive_as_plain_text() {
    let mut hostile = Journal::default();
    let text = "<script>alert(1)</script> \u{202e}reversed\u{202c} \"},{\"schema\":9";
    hostile
        .add(
            id(1),
            &Draft {
                text: text.into(),
                tags: "<b>, ../..".into(),
                ..Draft::default()
            },
            at(1),
        )
        .unwrap();
    let parsed: Backup = backup::parse(&export(&hostile, at(2))).unwrap();
    assert_eq!(parsed.journal[0].text, text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,400}") {
        let _ = backup::parse(&text);
    }

    #[test]
    fn a_damaged_export_is_refused_or_read_never_a_panic(cut in 0usize..2000, flip in 0usize..2000, byte in 0u8..128) {
        let good = export(&journal(4), at(28));
        let mut bytes = good.into_bytes();
        let flip = flip % bytes.len();
        bytes[flip] = byte;
        bytes.truncate(cut.min(bytes.len()));
        // Whatever is accepted is a consistent backup.
        if let Ok(parsed) = String::from_utf8(bytes).map_err(|_| ()).and_then(|text| backup::parse(&text).map_err(|_| ())) {
            let mut restored = Journal::default();
            apply(&mut restored, parsed, ImportMode::Replace);
            prop_assert!(restored.len() <= 4);
        }
    }
}

#[test]
fn a_backup_from_schema_1_is_upgraded_on_import() {
    let backup = backup::parse(include_str!("fixtures/v1/backup.json")).unwrap();
    assert_eq!(backup.schema, SCHEMA_VERSION);
    assert_eq!(backup.journal.len(), 2);
    let flagged = backup
        .journal
        .iter()
        .find(|entry| entry.id.as_str() == "0f3c9a6b1e2d4c5f8a7b6c5d4e3f2a1b")
        .unwrap();
    assert_eq!(flagged.agenda, Some(Agenda::Next));
}

#[test]
fn settings_travel_with_a_backup_and_only_replace_takes_them() {
    let mut theirs = Settings::default();
    theirs.set_name(rekindle::domain::appreciation::Partner::First, "Alex");
    let text = backup::export(
        Contents {
            journal: &journal(1),
            appreciations: &[],
            affection: &[],
            check_ins: &[],
            dates: &[],
            decks: &[],
            time_outs: &[],
            settings: &theirs,
        },
        at(28),
    );
    let (mut journal_here, mut here) = (journal(1), Settings::default());
    let (mut appreciations, mut affection) = (Vec::new(), Vec::new());
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let target = Target {
            journal: &mut journal_here,
            appreciations: &mut appreciations,
            affection: &mut affection,
            check_ins: &mut Vec::new(),
            dates: &mut Vec::new(),
            decks: &mut Vec::new(),
            time_outs: &mut Vec::new(),
            settings: &mut here,
        };
        backup::apply(target, backup::parse(&text).unwrap(), mode);
        if mode == ImportMode::Merge {
            assert_eq!(
                here,
                Settings::default(),
                "merge keeps this device's settings"
            );
        }
    }
    assert_eq!(here, theirs);
}

#[test]
fn appreciations_affection_marks_and_check_ins_round_trip_and_merge_by_id() {
    use rekindle::domain::affection::AffectionMark;
    use rekindle::domain::appreciation::{Appreciation, Focus, Partner};
    use rekindle::domain::check_in::CheckIn;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    let appreciations: Vec<_> = (0..3)
        .map(|n| Appreciation {
            id: id(n),
            created: at(5),
            updated: at(5 + u32::from(n)),
            day,
            from: if n % 2 == 0 {
                Partner::First
            } else {
                Partner::Second
            },
            focus: Focus::WhoTheyAre,
            text: format!("How you {n} kept calm"),
            read_aloud: n == 1,
        })
        .collect();
    let marks: Vec<_> = (0..4)
        .map(|n| AffectionMark {
            id: id(50 + n),
            created: at(6),
            day,
            nudge: id(90),
            text: "A long hug".into(),
        })
        .collect();
    let check_ins: Vec<CheckIn> = (0..2)
        .map(|n| {
            let mut c =
                CheckIn::start(id(70 + n), at(7), day, None, Vec::new(), Default::default());
            c.rate(Partner::First, Some(6 + n), at(7)).unwrap();
            c.finish(at(8));
            c
        })
        .collect();
    let settings = Settings::default();
    let text = backup::export(
        Contents {
            journal: &journal(1),
            appreciations: &appreciations,
            affection: &marks,
            check_ins: &check_ins,
            dates: &[],
            decks: &[],
            time_outs: &[],
            settings: &settings,
        },
        at(28),
    );
    let parsed = backup::parse(&text).unwrap();
    let preview = backup::preview(&parsed, &journal(1));
    assert_eq!(
        (
            preview.appreciations,
            preview.affection_marks,
            preview.check_ins
        ),
        (3, 4, 2)
    );

    let (mut j, mut a, mut m, mut c, mut s) = (
        journal(1),
        vec![appreciations[0].clone()],
        Vec::new(),
        vec![check_ins[1].clone()],
        Settings::default(),
    );
    for _ in 0..2 {
        let target = Target {
            journal: &mut j,
            appreciations: &mut a,
            affection: &mut m,
            check_ins: &mut c,
            dates: &mut Vec::new(),
            decks: &mut Vec::new(),
            time_outs: &mut Vec::new(),
            settings: &mut s,
        };
        backup::apply(target, backup::parse(&text).unwrap(), ImportMode::Merge);
    }
    a.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(a, appreciations, "merged twice: no duplicates");
    assert_eq!(m, marks);
    c.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(c, check_ins);

    let twice = text.replacen(
        "\"appreciations\":[",
        &format!(
            "\"appreciations\":[{},",
            serde_json::to_string(&appreciations[0]).unwrap()
        ),
        1,
    );
    assert!(matches!(
        backup::parse(&twice),
        Err(ImportError::Invalid(_))
    ));
}

#[test]
fn dates_question_decks_and_time_outs_round_trip_and_merge_by_id() {
    use rekindle::content::dates::IDEAS;
    use rekindle::content::decks::DECKS;
    use rekindle::domain::dates::{DateIdea, Memory};
    use rekindle::domain::decks::{DeckPlace, cards, keys_of};
    use rekindle::domain::time_out::TimeOut;

    let mut idea = DateIdea::from_library(id(1), &IDEAS[0], at(3));
    idea.mark_done(
        Memory {
            day: chrono::NaiveDate::from_ymd_opt(2026, 10, 4).unwrap(),
            rating: 4,
            note: "Flour everywhere".into(),
            would_repeat: true,
        },
        at(4),
    )
    .unwrap();
    let dates = vec![idea, DateIdea::from_library(id(2), &IDEAS[1], at(3))];
    let mut place = DeckPlace::new(DECKS[0].id, 77, at(5));
    place
        .add_own(&DECKS[0], id(3), "What should we name the cat?", at(5))
        .unwrap();
    let keys = keys_of(&cards(&DECKS[0], Some(&place)));
    let drawn = place.draw(&keys, at(6)).unwrap();
    place.toggle_favourite(&drawn, at(6));
    let decks = vec![place];
    let time_outs =
        vec![TimeOut::start(id(4), at(7), at(7) + chrono::TimeDelta::minutes(30)).unwrap()];
    let text = backup::export(
        Contents {
            journal: &Journal::default(),
            appreciations: &[],
            affection: &[],
            check_ins: &[],
            dates: &dates,
            decks: &decks,
            time_outs: &time_outs,
            settings: &Settings::default(),
        },
        at(28),
    );
    let parsed = backup::parse(&text).unwrap();
    let preview = backup::preview(&parsed, &Journal::default());
    assert_eq!((preview.dates, preview.decks, preview.time_outs), (2, 1, 1));

    // Merged twice into a device that already has one of the ideas: no duplicates.
    let (mut d, mut k, mut t) = (vec![dates[1].clone()], Vec::new(), Vec::new());
    for _ in 0..2 {
        let target = Target {
            journal: &mut Journal::default(),
            appreciations: &mut Vec::new(),
            affection: &mut Vec::new(),
            check_ins: &mut Vec::new(),
            dates: &mut d,
            decks: &mut k,
            time_outs: &mut t,
            settings: &mut Settings::default(),
        };
        backup::apply(target, backup::parse(&text).unwrap(), ImportMode::Merge);
    }
    d.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(d, dates);
    assert_eq!(
        k, decks,
        "the deck keeps its seed, drawn cards, favourite and own card"
    );
    assert_eq!(t, time_outs);

    // An own card with no words is refused, like any bad record.
    let empty_card = text.replace("What should we name the cat?", "  ");
    assert!(matches!(
        backup::parse(&empty_card),
        Err(ImportError::Invalid(_))
    ));
}
