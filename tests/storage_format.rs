//! The stored record format: what localStorage holds must keep loading.

use chrono::{TimeZone, Utc};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Agenda, Draft, EntryKind, Journal, JournalEntry, Prompt};
use rekindle::domain::mood::Mood;
use rekindle::domain::record::{self, DecodeError, SCHEMA_VERSION, Snapshot};

// One fixture set per schema version ever released; each must keep loading.
const V1_FULL: &str = include_str!("fixtures/v1/journal_entry.json");
const V1_MINIMAL: &str = include_str!("fixtures/v1/journal_entry_minimal.json");
const V2_FULL: &str = include_str!("fixtures/v2/journal_entry.json");
const V2_DISCUSSED: &str = include_str!("fixtures/v2/journal_entry_discussed.json");

fn read(raw: &str) -> JournalEntry {
    record::decode::<JournalEntry>(raw).unwrap().record
}

#[test]
fn the_v1_fixtures_are_upgraded_on_load() {
    let decoded = record::decode::<JournalEntry>(V1_FULL).unwrap();
    assert!(decoded.upgraded);
    let entry = decoded.record;
    assert_eq!(entry.id.as_str(), "0f3c9a6b1e2d4c5f8a7b6c5d4e3f2a1b");
    assert_eq!(entry.kind, EntryKind::UnspokenNeed);
    assert_eq!(entry.mood, Mood::new(3));
    assert_eq!(entry.prompt, Some(Prompt::UnsaidNeed));
    // v1's `for_check_in: true` became v2's `agenda: next`.
    assert_eq!(entry.agenda, Some(Agenda::Next));
    assert_eq!(
        entry.text,
        "I miss our Sunday walks.\nI haven't said it yet."
    );
    assert_eq!(
        entry.created,
        Utc.with_ymd_and_hms(2026, 11, 20, 21, 14, 5).unwrap()
    );

    let minimal = read(V1_MINIMAL);
    assert_eq!(minimal.mood, None);
    assert!(minimal.tags.is_empty());
    assert_eq!(minimal.agenda, None);
}

#[test]
fn the_v2_fixtures_load_as_they_are() {
    let decoded = record::decode::<JournalEntry>(V2_FULL).unwrap();
    assert!(!decoded.upgraded);
    // The same entry as the v1 fixture, written by v2.
    assert_eq!(decoded.record, read(V1_FULL));
    assert_eq!(read(V2_DISCUSSED).agenda, Some(Agenda::Discussed));
}

#[test]
fn an_upgraded_record_is_stored_in_the_current_form() {
    let upgraded = read(V1_FULL);
    let encoded = record::encode(&upgraded);
    assert!(encoded.starts_with(&format!("{{\"v\":{SCHEMA_VERSION},")));
    assert_eq!(encoded, V2_FULL.trim_end());
}

#[test]
fn a_v1_record_that_cannot_be_upgraded_is_damaged_not_lost() {
    let odd = V1_FULL.replace("\"for_check_in\":true", "\"for_check_in\":\"yes\"");
    match record::decode::<JournalEntry>(&odd) {
        Err(DecodeError::Invalid(why)) => {
            assert!(why.contains("expected a boolean"), "{why}")
        }
        other => panic!("gave {other:?}"),
    }
}

#[test]
fn encoding_then_decoding_gives_back_the_same_entry() {
    let entry = read(V2_DISCUSSED);
    let encoded = record::encode(&entry);
    assert_eq!(read(&encoded), entry);
}

#[test]
fn a_record_from_a_newer_version_is_recognised_as_such() {
    let newer = V2_FULL.replacen("\"v\":2", "\"v\":7", 1);
    assert_eq!(
        record::decode::<JournalEntry>(&newer).unwrap_err(),
        DecodeError::NewerVersion(7)
    );
    // Even when its data no longer fits this version's types.
    let reshaped = r#"{"v":3,"data":{"something":"else"}}"#;
    assert_eq!(
        record::decode::<JournalEntry>(reshaped).unwrap_err(),
        DecodeError::NewerVersion(3)
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
        (r#"{"v":2,"data":{"id":"a1"}}"#, false),
        (r#"{"v":1,"data":[]}"#, false),
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
