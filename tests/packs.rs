//! Packs (schema 4): which records settle into a year's pack and when,
//! what a pack's text holds and how damage is kept apart, how a replica
//! learns that storage keeps its copy in a pack, and the squeezed and
//! sealed forms, pinned by a fixture.

use chrono::{DateTime, TimeZone, Utc};
use rekindle::domain::appreciation::{Appreciation, Focus, Partner};
use rekindle::domain::collection::{Collection, Holder, Merged, Stamped};
use rekindle::domain::id::RecordId;
use rekindle::domain::pack::{self, SETTLE_MS};
use rekindle::domain::revision::{Rev, Stamp};
use rekindle::domain::seal::{Sealer, is_sealed};
use rekindle::domain::squeeze;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

fn when(year: i32, month: u32, day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, 19, 30, 0).unwrap()
}

fn ms(time: DateTime<Utc>) -> u64 {
    time.timestamp_millis() as u64
}

fn note(name: &str, created: DateTime<Utc>) -> Appreciation {
    Appreciation {
        id: RecordId::try_from(name.to_string()).unwrap(),
        created,
        updated: created,
        day: created.date_naive(),
        from: Partner::First,
        focus: Focus::SomethingTheyDid,
        text: format!("Thank you for {name}. It made my evening."),
        read_aloud: false,
    }
}

fn stamp(time: DateTime<Utc>) -> Stamp {
    Stamp {
        now: time,
        rev: Rev {
            ms: ms(time),
            counter: 0,
            node: 7,
        },
    }
}

/// `count` appreciations made on consecutive days from `start`, all saved.
fn saved_notes(start: DateTime<Utc>, count: u32) -> Collection<Appreciation> {
    let mut notes = Collection::default();
    for n in 0..count {
        let time = start + chrono::Duration::days(i64::from(n));
        notes.put(note(&format!("n{n:03}"), time), stamp(time));
        let rev = notes
            .ledger()
            .rev(&note(&format!("n{n:03}"), time).id)
            .unwrap();
        notes.saved(&note(&format!("n{n:03}"), time).id, rev);
    }
    notes
}

#[test]
fn a_record_settles_after_a_month_unchanged_and_never_from_a_clock_ahead() {
    let made = when(2025, 3, 1);
    let rev = stamp(made).rev;
    assert!(!pack::settled(rev, ms(made) + SETTLE_MS - 1));
    assert!(pack::settled(rev, ms(made) + SETTLE_MS));
    // A clock that ran a year ahead stamped it: not settled until then.
    let ahead = Rev {
        ms: ms(when(2026, 3, 1)),
        ..rev
    };
    assert!(!pack::settled(ahead, ms(when(2025, 6, 1))));
}

#[test]
fn a_pending_settled_record_calls_for_its_years_pack_and_a_fresh_one_does_not() {
    let mut notes = Collection::default();
    let old = note("old", when(2024, 12, 30));
    let fresh = note("fresh", when(2025, 5, 30));
    notes.put(old.clone(), stamp(old.created));
    notes.put(fresh.clone(), stamp(fresh.created));
    let now = ms(when(2025, 6, 1));
    assert_eq!(
        pack::years_due(&notes, now).into_iter().collect::<Vec<_>>(),
        [2024]
    );
    // The pack holds the settled one only; the fresh one stays on its own.
    let content = pack::content(&notes, 2024, now);
    assert_eq!(content.len(), 1);
    assert_eq!(content[0].id, old.id);
    assert!(pack::content(&notes, 2025, now).is_empty());
}

#[test]
fn the_sweep_waits_for_enough_records_or_for_one_that_waited_long() {
    let start = when(2025, 1, 1);
    // 63 settled records of one year, the oldest 70 days old: not yet.
    let mut notes = saved_notes(start, 63);
    let now = ms(start) + 70 * DAY_MS;
    let waiting_short = now;
    assert!(!pack::sweep(&mut notes, waiting_short));
    assert!(!notes.has_pending());
    // The 64th: the year is swept, every settled one marked for its pack.
    let mut notes = saved_notes(start, 64);
    assert!(pack::sweep(&mut notes, ms(start) + 94 * DAY_MS));
    assert_eq!(notes.pending().len(), 64);
    // A single record is swept alone once it is 90 days old.
    let mut notes = saved_notes(start, 1);
    assert!(!pack::sweep(&mut notes, ms(start) + 89 * DAY_MS));
    assert!(pack::sweep(&mut notes, ms(start) + 90 * DAY_MS));
}

#[test]
fn a_pack_round_trips_and_tells_the_replica_storage_has_it() {
    let notes = saved_notes(when(2024, 2, 1), 5);
    let now = ms(when(2025, 1, 1));
    let text = pack::encode(&pack::content(&notes, 2024, now));
    assert!(text.starts_with("[{\"v\":3,\"id\":\"n000\",\"rev\":\""));
    let items = pack::decode::<Appreciation>(&text).expect("reads");
    assert_eq!(items.len(), 5);

    // Another replica that has these records pending learns they are stored.
    let mut other = Collection::default();
    for item in &items {
        other.merge(item.clone(), false);
    }
    assert_eq!(other.pending().len(), 5);
    for item in items.clone() {
        assert_eq!(other.merge_packed(item), Merged::Kept);
    }
    assert!(!other.has_pending());
    assert!(items.iter().all(|item| other.ledger().is_packed(&item.id)));

    // An edit makes the record its own again: no longer the pack's copy.
    let id = items[0].id.clone();
    other.edit(&id, stamp(when(2025, 1, 2)), |a| a.text.push_str(" Truly."));
    assert!(!other.ledger().is_packed(&id));
    // An older copy from the pack changes nothing and asks for no write.
    other.saved(&id, other.ledger().rev(&id).unwrap());
    assert_eq!(other.merge_packed(items[0].clone()), Merged::Kept);
    assert!(!other.has_pending());

    // A pack rewritten without a record this replica thought packed:
    // it is written again.
    let lost = items[1].id.clone();
    other.unpacked(std::slice::from_ref(&lost));
    assert!(other.ledger().is_pending(&lost));
    assert!(!other.ledger().is_packed(&lost));
}

#[test]
fn a_newer_copy_in_a_pack_is_taken_in_as_stored() {
    let mut mine: Collection<Appreciation> = Collection::default();
    let a = note("a", when(2024, 4, 1));
    mine.put(a.clone(), stamp(a.created));
    let mut theirs = a.clone();
    theirs.text = String::from("Thank you for the picnic, and the rain.");
    let item = Stamped {
        id: a.id.clone(),
        rev: Rev {
            ms: ms(when(2024, 4, 2)),
            counter: 0,
            node: 9,
        },
        record: Some(theirs.clone()),
    };
    assert_eq!(mine.merge_packed(item), Merged::Taken);
    assert_eq!(mine.get(&a.id), Some(&theirs));
    assert!(mine.ledger().is_packed(&a.id));
    assert!(!mine.has_pending());
}

#[test]
fn one_bad_record_in_a_pack_keeps_the_others_readable() {
    let notes = saved_notes(when(2024, 2, 1), 3);
    let text = pack::encode(&pack::content(&notes, 2024, ms(when(2025, 1, 1))));
    // Edited by hand: one text emptied (breaks the kind's rule).
    let emptied = text.replacen("Thank you for n001. It made my evening.", " ", 1);
    let (good, why) = pack::decode::<Appreciation>(&emptied).unwrap_err();
    assert_eq!(good.len(), 2);
    assert!(why.to_string().contains("n001"), "{why}");
    // One record not a record at all: the others still read.
    let broken = text.replacen("\"from\":\"first\"", "\"from\":42", 1);
    let (good, _) = pack::decode::<Appreciation>(&broken).unwrap_err();
    assert_eq!(good.len(), 2);
    // Not JSON: nothing to salvage, and said so.
    let (good, why) = pack::decode::<Appreciation>("[{\"v\":3,").unwrap_err();
    assert!(good.is_empty());
    assert!(why.to_string().starts_with("unreadable"), "{why}");
}

#[test]
fn a_stored_pack_is_pinned_byte_for_byte() {
    // Two appreciations of 2024 as a plain pack, exactly as stored.
    let stored = include_str!("fixtures/v4/pack_appreciation_2024.txt").trim_end();
    let text = squeeze::unpack_text(stored).expect("squeezed pack");
    let items = pack::decode::<Appreciation>(&text).expect("reads");
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].record.as_ref().unwrap().text,
        "Thank you for n000. It made my evening."
    );
    let borrowed: Vec<Stamped<&Appreciation>> = items
        .iter()
        .map(|item| Stamped {
            id: item.id.clone(),
            rev: item.rev,
            record: item.record.as_ref(),
        })
        .collect();
    assert_eq!(squeeze::pack_text(&pack::encode(&borrowed)), stored);
    // Even two records take two thirds of the characters; a year far fewer.
    assert!(stored.chars().count() * 3 < text.chars().count() * 2);
}

#[test]
fn a_sealed_pack_opens_only_with_its_key_and_under_its_own_key() {
    let sealer = Sealer::new(&[7; 32], "epoch");
    let text = "[{\"v\":3,\"id\":\"a\",\"rev\":\"1.0.7\",\"data\":{}}]".repeat(40);
    let sealed = sealer.seal_packed("rekindle/pack/appreciation/2024", &text, [3; 24]);
    assert!(is_sealed(&sealed));
    assert_eq!(
        sealer.open("rekindle/pack/appreciation/2024", &sealed),
        Ok(text.clone())
    );
    // Moved to another key, or opened with another data key: refused.
    assert!(
        sealer
            .open("rekindle/pack/appreciation/2023", &sealed)
            .is_err()
    );
    assert!(
        Sealer::new(&[8; 32], "epoch")
            .open("rekindle/pack/appreciation/2024", &sealed)
            .is_err()
    );
    // Sealed, it is still smaller than the text: squeezed first, 15 bits a character.
    let base64_sealed = sealer.seal("rekindle/pack/appreciation/2024", &text, [3; 24]);
    assert!(sealed.len() < text.len() && sealed.chars().count() * 4 < base64_sealed.len());
}

#[test]
fn loading_own_keys_and_packs_at_once_ends_as_merging_them_one_by_one() {
    let item = |name: &str, day: u32, rev_day: u32, live: bool| {
        let made = when(2024, 5, day);
        Stamped {
            id: note(name, made).id,
            rev: stamp(when(2024, 5, rev_day)).rev,
            record: live.then(|| note(name, made)),
        }
    };
    let own = vec![
        item("own-only", 1, 1, true),
        item("same", 2, 2, true),
        item("own-newer", 3, 9, true),
        item("pack-newer", 4, 4, true),
        item("deleted-since", 5, 20, false),
    ];
    let packed = vec![
        item("pack-only", 6, 6, true),
        item("same", 2, 2, true),
        item("own-newer", 3, 3, true),
        item("pack-newer", 4, 12, true),
        item("deleted-since", 5, 5, true),
        item("in-two-packs", 7, 7, true),
        item("in-two-packs", 7, 15, true),
        item("pack-only-2", 8, 8, true),
    ];
    let mut one_by_one = Collection::from_stored(own.clone());
    for copy in packed.clone() {
        one_by_one.merge_packed(copy);
    }
    let at_once = Collection::from_storage(own, packed);
    assert_eq!(at_once, one_by_one);
    for name in ["same", "pack-only", "pack-newer", "in-two-packs"] {
        let id = RecordId::try_from(name.to_string()).unwrap();
        assert!(at_once.ledger().is_packed(&id), "{name} is in its pack");
    }
    for name in ["own-only", "own-newer", "deleted-since"] {
        let id = RecordId::try_from(name.to_string()).unwrap();
        assert!(!at_once.ledger().is_packed(&id), "{name} is on its own key");
    }
    assert!(!at_once.has_pending());
}

#[test]
fn older_years_taken_in_after_start_up_end_as_one_load_of_everything() {
    use rekindle::domain::journal::{Draft, Journal};
    // Three entries a month for two years; the first year arrives later.
    let mut made = Journal::default();
    for n in 0..72u32 {
        let time = when(2023 + (n / 36) as i32, 1 + (n % 36) / 3, 1 + (n % 3) * 9);
        let draft = Draft {
            text: format!("Entry {n}"),
            ..Draft::default()
        };
        let id = RecordId::try_from(format!("e{n:03}")).unwrap();
        made.add(id, &draft, stamp(time)).unwrap();
    }
    let all: Vec<Stamped<_>> = made.stamped().iter().map(Stamped::cloned).collect();
    let (older, newer): (Vec<_>, Vec<_>) = all
        .iter()
        .cloned()
        .partition(|item| item.record.as_ref().unwrap().created < when(2024, 1, 1));
    let mut later = Journal::from_storage(Vec::new(), newer.clone());
    let at_once = Journal::from_storage(Vec::new(), all);
    assert!(later.absorb_packed(older.clone()));
    assert_eq!(later, at_once);
    assert_eq!(later.ledger(), at_once.ledger());
    let texts: Vec<_> = later.entries().iter().map(|e| e.text.clone()).collect();
    let sorted: Vec<_> = at_once.entries().iter().map(|e| e.text.clone()).collect();
    assert_eq!(texts, sorted, "newest first after taking in");
    // Taking the same years in again changes nothing.
    assert!(!later.absorb_packed(older));
    assert_eq!(later.ledger(), at_once.ledger());
}
