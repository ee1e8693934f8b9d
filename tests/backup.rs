//! Backups: every export re-imports to the same data, and a bad file is
//! refused with a reason and changes nothing.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::domain::backup::{self, Backup, ImportError, ImportMode, Preview};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Agenda, Draft, EntryKind, Journal, Prompt};
use rekindle::domain::mood::Mood;
use rekindle::domain::record::SCHEMA_VERSION;
use rekindle::domain::settings::Settings;

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
    let text = backup::export(&original, &Settings::default(), at(28));
    let parsed = backup::parse(&text).unwrap();
    let mut restored = Journal::default();
    backup::apply(
        &mut restored,
        &mut Settings::default(),
        parsed,
        ImportMode::Replace,
    );
    assert_eq!(restored, original);
    assert_eq!(backup::file_name(at(28)), "rekindle-backup-2026-10-28.json");
}

#[test]
fn merging_the_same_backup_twice_duplicates_nothing() {
    let mut here = journal(3);
    let incoming =
        backup::parse(&backup::export(&journal(5), &Settings::default(), at(28))).unwrap();
    assert_eq!(
        backup::preview(&incoming, &here),
        Preview {
            journal_entries: 5,
            new: 2,
            newer: 0,
            kept: 3,
            only_here: 0,
        }
    );
    backup::apply(
        &mut here,
        &mut Settings::default(),
        incoming.clone(),
        ImportMode::Merge,
    );
    assert_eq!(here.len(), 5);
    backup::apply(
        &mut here,
        &mut Settings::default(),
        incoming.clone(),
        ImportMode::Merge,
    );
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
    let incoming =
        backup::parse(&backup::export(&elsewhere, &Settings::default(), at(28))).unwrap();
    assert_eq!(
        backup::preview(&incoming, &here),
        Preview {
            journal_entries: 2,
            new: 0,
            newer: 1,
            kept: 1,
            only_here: 0,
        }
    );
    backup::apply(
        &mut here,
        &mut Settings::default(),
        incoming,
        ImportMode::Merge,
    );
    assert_eq!(here.get(&id(1)).unwrap().text, "Edited on the other phone");
    assert_eq!(here.get(&id(2)).unwrap().text, "Edited here");
}

#[test]
fn replace_makes_the_device_hold_exactly_the_backup() {
    let mut here = journal(6);
    let incoming =
        backup::parse(&backup::export(&journal(2), &Settings::default(), at(28))).unwrap();
    backup::apply(
        &mut here,
        &mut Settings::default(),
        incoming,
        ImportMode::Replace,
    );
    assert_eq!(here, journal(2));
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let good = backup::export(&journal(2), &Settings::default(), at(28));
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
    let parsed: Backup =
        backup::parse(&backup::export(&hostile, &Settings::default(), at(2))).unwrap();
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
        let good = backup::export(&journal(4), &Settings::default(), at(28));
        let mut bytes = good.into_bytes();
        let flip = flip % bytes.len();
        bytes[flip] = byte;
        bytes.truncate(cut.min(bytes.len()));
        // Whatever is accepted is a consistent backup.
        if let Ok(parsed) = String::from_utf8(bytes).map_err(|_| ()).and_then(|text| backup::parse(&text).map_err(|_| ())) {
            let mut restored = Journal::default();
            backup::apply(&mut restored, &mut Settings::default(), parsed, ImportMode::Replace);
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
fn the_preview_counts_what_replace_would_remove() {
    let mut here = journal(5);
    let incoming =
        backup::parse(&backup::export(&journal(3), &Settings::default(), at(28))).unwrap();
    let preview = backup::preview(&incoming, &here);
    assert_eq!((preview.kept, preview.only_here), (3, 2));
    backup::apply(
        &mut here,
        &mut Settings::default(),
        incoming,
        ImportMode::Replace,
    );
    assert_eq!(here, journal(3));
}

#[test]
fn settings_travel_with_a_backup_and_only_replace_takes_them() {
    let mut theirs = Settings::default();
    theirs.set_name(rekindle::domain::appreciation::Partner::First, "Alex");
    let text = backup::export(&journal(1), &theirs, at(28));
    let mut here = Settings::default();
    let mut journal_here = journal(1);
    backup::apply(
        &mut journal_here,
        &mut here,
        backup::parse(&text).unwrap(),
        ImportMode::Merge,
    );
    assert_eq!(
        here,
        Settings::default(),
        "merge keeps this device's settings"
    );
    backup::apply(
        &mut journal_here,
        &mut here,
        backup::parse(&text).unwrap(),
        ImportMode::Replace,
    );
    assert_eq!(here, theirs);
}
