//! The stored record format: what localStorage holds must keep loading.

use chrono::{TimeZone, Utc};
use rekindle::domain::collection::{Holder, Stamped};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Agenda, Draft, Drafts, EntryKind, Journal, JournalEntry, Prompt};
use rekindle::domain::mood::Mood;
use rekindle::domain::record::{self, DecodeError, SCHEMA_VERSION};
use rekindle::domain::revision::{Clock, Rev};
use rekindle::domain::settings::Settings;

// One fixture set per schema version ever released; each must keep loading.
const V1_FULL: &str = include_str!("fixtures/v1/journal_entry.json");
const V1_MINIMAL: &str = include_str!("fixtures/v1/journal_entry_minimal.json");
const V2_FULL: &str = include_str!("fixtures/v2/journal_entry.json");
const V2_DISCUSSED: &str = include_str!("fixtures/v2/journal_entry_discussed.json");
const V3_FULL: &str = include_str!("fixtures/v3/journal_entry.json");
const V3_DELETED: &str = include_str!("fixtures/v3/journal_entry_deleted.json");

fn read(raw: &str) -> JournalEntry {
    record::decode::<JournalEntry>(raw).unwrap().record.unwrap()
}

#[test]
fn the_v1_fixtures_are_upgraded_on_load() {
    let decoded = record::decode::<JournalEntry>(V1_FULL).unwrap();
    assert!(decoded.upgraded);
    let entry = decoded.record.unwrap();
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
    // Before revisions, copies were ordered by `updated`: so is this one.
    assert_eq!(decoded.rev, Rev::legacy(entry.updated));

    let minimal = read(V1_MINIMAL);
    assert_eq!(minimal.mood, None);
    assert!(minimal.tags.is_empty());
    assert_eq!(minimal.agenda, None);
}

#[test]
fn the_v2_fixtures_are_upgraded_with_a_revision_from_their_update_time() {
    let decoded = record::decode::<JournalEntry>(V2_FULL).unwrap();
    assert!(decoded.upgraded, "stored again as v3");
    // The same entry as the v1 fixture, written by v2.
    let entry = decoded.record.unwrap();
    assert_eq!(entry, read(V1_FULL));
    assert_eq!(
        decoded.rev,
        Rev::legacy(Utc.with_ymd_and_hms(2026, 11, 21, 7, 2, 0).unwrap())
    );
    assert_eq!(read(V2_DISCUSSED).agenda, Some(Agenda::Discussed));
}

#[test]
fn the_v3_fixtures_load_as_they_are() {
    let decoded = record::decode::<JournalEntry>(V3_FULL).unwrap();
    assert!(!decoded.upgraded);
    assert_eq!(decoded.record.unwrap(), read(V2_FULL));
    assert_eq!(decoded.rev, Rev::decode("1795244520000.0.0").unwrap());

    let deleted = record::decode::<JournalEntry>(V3_DELETED).unwrap();
    assert_eq!(deleted.record, None, "a tombstone");
    assert!(!deleted.upgraded);
    assert_eq!(
        deleted.rev,
        Rev {
            ms: 1_795_458_600_000,
            counter: 2,
            node: 0xa3f0
        }
    );
}

#[test]
fn an_upgraded_record_is_stored_in_the_current_form_byte_for_byte() {
    for old in [V1_FULL, V2_FULL] {
        let decoded = record::decode::<JournalEntry>(old).unwrap();
        let encoded = record::encode(decoded.rev, decoded.record.as_ref());
        assert!(encoded.starts_with(&format!("{{\"v\":{SCHEMA_VERSION},")));
        assert_eq!(encoded, V3_FULL.trim_end());
    }
    let tombstone = record::encode::<JournalEntry>(
        Rev {
            ms: 1_795_458_600_000,
            counter: 2,
            node: 0xa3f0,
        },
        None,
    );
    assert_eq!(tombstone, V3_DELETED.trim_end());
}

#[test]
fn the_revision_is_read_without_reading_the_record() {
    assert_eq!(
        record::peek_rev(V3_FULL),
        Some(Rev::legacy(
            Utc.with_ymd_and_hms(2026, 11, 21, 7, 2, 0).unwrap()
        ))
    );
    assert_eq!(
        record::peek_rev(V3_DELETED),
        record::decode::<JournalEntry>(V3_DELETED)
            .ok()
            .map(|d| d.rev)
    );
    // Older forms have no revision to peek at.
    for raw in [
        V1_FULL,
        V2_FULL,
        "",
        "{\"v\":3,\"rev\":\"x\"}",
        "{\"v\":3,\"rev\":\"1.0.0",
    ] {
        assert_eq!(record::peek_rev(raw), None, "{raw}");
    }
}

#[test]
fn settings_from_before_revisions_come_first_in_any_merge() {
    let mut settings = Settings::default();
    settings.set_name(rekindle::domain::appreciation::Partner::Second, "Sam");
    let v2 = format!(
        "{{\"v\":2,\"data\":{}}}",
        serde_json::to_string(&settings).unwrap()
    );
    let decoded = record::decode::<Settings>(&v2).unwrap();
    assert!(decoded.upgraded);
    assert_eq!(decoded.record, Some(settings));
    assert_eq!(decoded.rev, Rev::legacy(chrono::DateTime::UNIX_EPOCH));
    assert!(
        Clock::new(1)
            .tick(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap())
            .rev
            > decoded.rev
    );
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
fn encoding_then_decoding_gives_back_the_same_entry_and_revision() {
    let entry = read(V2_DISCUSSED);
    let rev = Clock::new(0x5eed)
        .tick(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap())
        .rev;
    let encoded = record::encode(rev, Some(&entry));
    let decoded = record::decode::<JournalEntry>(&encoded).unwrap();
    assert_eq!(decoded.record, Some(entry));
    assert_eq!(decoded.rev, rev);
    assert!(!decoded.upgraded);
    assert_eq!(record::peek_rev(&encoded), Some(rev));
}

#[test]
fn a_record_from_a_newer_version_is_recognised_as_such() {
    let newer = V3_FULL.replacen("\"v\":3", "\"v\":7", 1);
    assert_eq!(
        record::decode::<JournalEntry>(&newer).unwrap_err(),
        DecodeError::NewerVersion(7)
    );
    // Even when its data no longer fits this version's types.
    let reshaped = r#"{"v":4,"rev":"1.0.0","data":{"something":"else"}}"#;
    assert_eq!(
        record::decode::<JournalEntry>(reshaped).unwrap_err(),
        DecodeError::NewerVersion(4)
    );
    assert!(
        record::decode::<JournalEntry>(r#"{"v":4}"#)
            .is_err_and(|e| e == DecodeError::NewerVersion(4))
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
        // Schema 3: no revision, a revision that is not one, bad data.
        (
            r#"{"v":3,"data":{"id":"a1","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"x"}}"#,
            false,
        ),
        (r#"{"v":3}"#, false),
        (r#"{"v":3,"rev":"yesterday"}"#, false),
        (r#"{"v":3,"rev":"1.0.0","data":{"id":"a1"}}"#, false),
        // The record's own rules: empty text, changed before it was written.
        (
            r#"{"v":3,"rev":"1.0.0","data":{"id":"a1","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"  "}}"#,
            false,
        ),
        (
            r#"{"v":2,"data":{"id":"a1","created":"2026-01-02T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"x"}}"#,
            false,
        ),
    ];
    for (raw, unreadable) in cases {
        match record::decode::<JournalEntry>(raw) {
            Err(DecodeError::Unreadable(_)) => assert!(unreadable, "{raw}"),
            Err(DecodeError::Invalid(_)) => assert!(!unreadable, "{raw}"),
            other => panic!("{raw} gave {other:?}"),
        }
    }
}

#[test]
fn a_record_breaking_its_own_rules_says_which_rule() {
    let backwards = r#"{"v":3,"rev":"1.0.0","data":{"id":"a1","created":"2026-01-02T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":"x"}}"#;
    match record::decode::<JournalEntry>(backwards) {
        Err(DecodeError::Invalid(why)) => assert!(why.contains("changed before"), "{why}"),
        other => panic!("gave {other:?}"),
    }
    let empty = r#"{"v":3,"rev":"1.0.0","data":{"id":"a1","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","kind":"reflection","text":""}}"#;
    match record::decode::<JournalEntry>(empty) {
        Err(DecodeError::Invalid(why)) => assert!(why.contains("text is empty"), "{why}"),
        other => panic!("gave {other:?}"),
    }
}

fn journal_of(n: u8) -> Journal {
    let mut journal = Journal::default();
    let mut clock = Clock::new(1);
    for i in 0..n {
        let draft = Draft {
            text: format!("entry {i}"),
            ..Draft::default()
        };
        let when = Utc
            .with_ymd_and_hms(2026, 1, 1 + u32::from(i), 0, 0, 0)
            .unwrap();
        journal
            .add(RecordId::from_random(&[i; 16]), &draft, clock.tick(when))
            .unwrap();
    }
    journal
}

/// What a save would write: (id, deleted?) in order.
fn to_write(journal: &Journal) -> Vec<(RecordId, bool)> {
    journal
        .pending()
        .iter()
        .map(|item| (item.id.clone(), item.record.is_none()))
        .collect()
}

/// Tells the journal storage now holds everything pending, as a save does.
fn save_all(journal: &mut Journal) {
    let written: Vec<Stamped<JournalEntry>> =
        journal.pending().iter().map(Stamped::cloned).collect();
    for item in written {
        journal.saved(&item.id, item.rev);
    }
}

#[test]
fn a_save_writes_only_what_changed_since_the_last_one() {
    let mut journal = journal_of(5);
    assert_eq!(to_write(&journal).len(), 5, "new entries are all unsaved");
    save_all(&mut journal);
    assert!(to_write(&journal).is_empty());

    let mut clock = Clock::new(1);
    let edited = RecordId::from_random(&[1; 16]);
    journal
        .edit_entry(
            &edited,
            &Draft {
                text: "changed".into(),
                ..Draft::default()
            },
            clock.tick(Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap()),
        )
        .unwrap();
    let gone = RecordId::from_random(&[3; 16]);
    journal
        .remove(
            &gone,
            clock.tick(Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 1).unwrap()),
        )
        .unwrap();

    // The deletion first: it frees room when storage is full.
    assert_eq!(to_write(&journal), vec![(gone, true), (edited, false)]);
    let pending = journal.pending();
    assert_eq!(pending[1].record.unwrap().text, "changed");
    assert_eq!(
        record::encode(pending[0].rev, pending[0].record),
        format!("{{\"v\":3,\"rev\":\"{}\"}}", pending[0].rev.encode()),
        "a deletion is stored as a tombstone"
    );

    save_all(&mut journal);
    assert!(to_write(&journal).is_empty());
}

#[test]
fn stored_records_and_tombstones_load_with_nothing_to_write() {
    let stored = vec![
        Stamped {
            id: read(V3_FULL).id,
            rev: record::decode::<JournalEntry>(V3_FULL).unwrap().rev,
            record: Some(read(V3_FULL)),
        },
        Stamped {
            id: RecordId::try_from(String::from("b2")).unwrap(),
            rev: record::decode::<JournalEntry>(V3_DELETED).unwrap().rev,
            record: None,
        },
    ];
    let journal = Journal::from_stored(stored);
    assert_eq!(journal.len(), 1);
    assert!(journal.pending().is_empty());
    assert!(
        journal
            .ledger()
            .is_deleted(&RecordId::try_from(String::from("b2")).unwrap())
    );
}

#[test]
fn drafts_are_kept_as_a_versioned_document_and_older_ones_still_read() {
    let drafts = Drafts {
        new_entry: Draft {
            text: "Half a thought".into(),
            for_check_in: true,
            ..Draft::default()
        },
        editing: Some((
            RecordId::try_from(String::from("a1")).unwrap(),
            Draft::default(),
        )),
    };
    let text = record::encode_document(&drafts);
    assert!(text.starts_with("{\"v\":3,\"data\":"), "{text}");
    assert_eq!(record::decode_document::<Drafts>(&text).unwrap(), drafts);
    let v2 = text.replacen("\"v\":3", "\"v\":2", 1);
    assert_eq!(record::decode_document::<Drafts>(&v2).unwrap(), drafts);
    let v9 = text.replacen("\"v\":3", "\"v\":9", 1);
    assert_eq!(
        record::decode_document::<Drafts>(&v9).unwrap_err(),
        DecodeError::NewerVersion(9)
    );
    assert!(matches!(
        record::decode_document::<Drafts>("{\"v\":1,\"data\":{}}"),
        Err(DecodeError::Invalid(_))
    ));
    assert!(matches!(
        record::decode_document::<Drafts>("nonsense"),
        Err(DecodeError::Unreadable(_))
    ));
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
