//! The stored record format: what localStorage holds must keep loading.

use chrono::{TimeZone, Utc};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Draft, EntryKind, Journal, JournalEntry, Prompt};
use rekindle::domain::mood::Mood;
use rekindle::domain::record::{self, DecodeError, SCHEMA_VERSION, Snapshot};

const V1_FULL: &str = include_str!("fixtures/v1/journal_entry.json");
const V1_MINIMAL: &str = include_str!("fixtures/v1/journal_entry_minimal.json");

#[test]
fn the_v1_fixtures_load() {
    let entry: JournalEntry = record::decode(V1_FULL).unwrap();
    assert_eq!(entry.id.as_str(), "0f3c9a6b1e2d4c5f8a7b6c5d4e3f2a1b");
    assert_eq!(entry.kind, EntryKind::UnspokenNeed);
    assert_eq!(entry.mood, Mood::new(3));
    assert_eq!(entry.prompt, Some(Prompt::UnsaidNeed));
    assert!(entry.for_check_in);
    assert_eq!(
        entry.text,
        "I miss our Sunday walks.\nI haven't said it yet."
    );
    assert_eq!(
        entry.created,
        Utc.with_ymd_and_hms(2026, 11, 20, 21, 14, 5).unwrap()
    );

    let minimal: JournalEntry = record::decode(V1_MINIMAL).unwrap();
    assert_eq!(minimal.mood, None);
    assert!(minimal.tags.is_empty());
    assert!(!minimal.for_check_in);
}

#[test]
fn encoding_then_decoding_gives_back_the_same_entry() {
    let entry: JournalEntry = record::decode(V1_FULL).unwrap();
    let encoded = record::encode(&entry);
    assert!(encoded.starts_with(&format!("{{\"v\":{SCHEMA_VERSION},")));
    assert_eq!(record::decode::<JournalEntry>(&encoded).unwrap(), entry);
}

#[test]
fn a_record_from_a_newer_version_is_recognised_as_such() {
    let newer = V1_FULL.replacen("\"v\":1", "\"v\":7", 1);
    assert_eq!(
        record::decode::<JournalEntry>(&newer).unwrap_err(),
        DecodeError::NewerVersion(7)
    );
    // Even when its data no longer fits this version's types.
    let reshaped = r#"{"v":2,"data":{"something":"else"}}"#;
    assert_eq!(
        record::decode::<JournalEntry>(reshaped).unwrap_err(),
        DecodeError::NewerVersion(2)
    );
}

#[test]
fn damaged_records_are_told_apart_from_unreadable_ones() {
    let cases = [
        ("", true),
        ("not json", true),
        ("{\"v\":1,\"data\":{\"id\":\"a1\"", true),
        ("[1,2,3]", true),
        (r#"{"v":1,"data":{"id":"a1"}}"#, false),
        (
            r#"{"v":1,"data":{"id":"../../x","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"x"}}"#,
            false,
        ),
        (
            r#"{"v":1,"data":{"id":"a1","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"x","mood":9}}"#,
            false,
        ),
        (
            r#"{"v":1,"data":{"id":"a1","created":"yesterday","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"x"}}"#,
            false,
        ),
        (r#"{"v":0,"data":{}}"#, false),
    ];
    for (raw, unreadable) in cases {
        match record::decode::<JournalEntry>(raw) {
            Err(DecodeError::Unreadable(_)) => assert!(unreadable, "{raw}"),
            Err(DecodeError::Invalid(_)) => assert!(!unreadable, "{raw}"),
            other => panic!("{raw} gave {other:?}"),
        }
    }
}

fn journal_of(n: u8) -> Journal {
    let mut journal = Journal::default();
    for i in 0..n {
        let draft = Draft {
            text: format!("entry {i}"),
            ..Draft::default()
        };
        journal
            .add(
                RecordId::from_random(&[i; 16]),
                &draft,
                Utc.with_ymd_and_hms(2026, 1, 1 + u32::from(i), 0, 0, 0)
                    .unwrap(),
            )
            .unwrap();
    }
    journal
}

#[test]
fn a_save_writes_only_what_changed_since_the_last_one() {
    let mut journal = journal_of(5);
    let mut saved = Snapshot::of(journal.entries());
    assert!(saved.changes(journal.entries()).is_empty());

    let edited = RecordId::from_random(&[1; 16]);
    journal
        .edit(
            &edited,
            &Draft {
                text: "changed".into(),
                ..Draft::default()
            },
            Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap(),
        )
        .unwrap();
    let gone = RecordId::from_random(&[3; 16]);
    journal.delete(&gone).unwrap();

    let changes = saved.changes(journal.entries());
    assert_eq!(
        changes
            .upserts
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>(),
        vec![edited]
    );
    assert_eq!(changes.removals, vec![gone.clone()]);

    for entry in changes.upserts {
        saved.saved(entry);
    }
    saved.removed(&gone);
    assert!(saved.changes(journal.entries()).is_empty());
}

#[test]
fn record_ids_only_accept_a_safe_alphabet() {
    for bad in ["", "has space", "../up", "a/b", "<img>", &"x".repeat(65)] {
        assert!(
            serde_json::from_str::<RecordId>(&format!("{bad:?}")).is_err(),
            "{bad}"
        );
    }
    let id = RecordId::from_random(&[0xab; 16]);
    assert_eq!(id.as_str().len(), 32);
    assert_eq!(
        serde_json::from_str::<RecordId>(&format!("\"{id}\"")).unwrap(),
        id
    );
}
