//! The replica rules every kind of record follows: revisions from a hybrid
//! logical clock, merges that keep the higher revision in whatever order
//! copies arrive, tombstones that an older copy cannot undo, and the
//! bookkeeping of what storage still has to be told.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::domain::appreciation::{Appreciation, Focus, Partner};
use rekindle::domain::collection::{Collection, Holder, Merged, Single, Stamped};
use rekindle::domain::dates::DateIdea;
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Draft, Journal};
use rekindle::domain::kind::Kind;
use rekindle::domain::records::{NAMES, Records};
use rekindle::domain::revision::{Clock, Rev, Stamp};
use rekindle::domain::settings::{Settings, Theme};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn id(text: &str) -> RecordId {
    RecordId::try_from(text.to_string()).unwrap()
}

fn rev(ms: u64, counter: u32, node: u32) -> Rev {
    Rev { ms, counter, node }
}

fn note(name: &str, text: &str, when: DateTime<Utc>) -> Appreciation {
    Appreciation {
        id: id(name),
        created: when,
        updated: when,
        day: when.date_naive(),
        from: Partner::First,
        focus: Focus::SomethingTheyDid,
        text: text.to_string(),
        read_aloud: false,
    }
}

fn draft(text: &str) -> Draft {
    Draft {
        text: text.to_string(),
        ..Draft::default()
    }
}

/// The text of a live appreciation, or `None` once deleted.
fn text_of(notes: &Collection<Appreciation>, name: &str) -> Option<String> {
    notes.get(&id(name)).map(|a| a.text.clone())
}

/// Every record and tombstone of a holder, owned: what two replicas must
/// agree on once they have seen the same copies.
fn contents<H: Holder>(holder: &H) -> Vec<Stamped<H::Kind>> {
    holder.stamped().iter().map(Stamped::cloned).collect()
}

// Revisions and the clock.

#[test]
fn revisions_order_by_time_then_counter_then_writer() {
    assert!(rev(2, 0, 0) > rev(1, 99, 99), "time first");
    assert!(rev(1, 2, 0) > rev(1, 1, 99), "then the counter");
    assert!(rev(1, 1, 2) > rev(1, 1, 1), "the writer only breaks ties");
    let legacy = Rev::legacy(at(5, 12));
    assert_eq!(legacy, rev(at(5, 12).timestamp_millis() as u64, 0, 0));
    assert_eq!(legacy.time(), Some(at(5, 12)));
    // A record from before revisions loses to any change made at or after its time.
    assert!(Clock::new(1).tick(at(5, 12)).rev > legacy);
}

#[test]
fn a_revision_is_written_as_time_counter_and_writer_in_hex() {
    let r = rev(1_795_000_000_123, 4, 0xbeef);
    assert_eq!(r.encode(), "1795000000123.4.beef");
    assert_eq!(Rev::decode("1795000000123.4.beef"), Some(r));
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        "\"1795000000123.4.beef\""
    );
    assert_eq!(
        serde_json::from_str::<Rev>("\"1.0.0\"").unwrap(),
        rev(1, 0, 0)
    );
    for bad in [
        "", "1", "1.2", "1.2.3.4", "a.0.0", "1.b.0", "1.0.xyz", "-1.0.0", "1..0",
    ] {
        assert_eq!(Rev::decode(bad), None, "{bad:?}");
    }
    assert!(serde_json::from_str::<Rev>("\"soon\"").is_err());
}

#[test]
fn a_clock_moves_forward_even_when_the_wall_clock_goes_back() {
    let mut clock = Clock::new(7);
    let first = clock.tick(at(5, 12));
    assert_eq!(first.now, at(5, 12));
    assert_eq!(first.rev, rev(at(5, 12).timestamp_millis() as u64, 0, 7));
    // The same millisecond, then a wall clock put back an hour.
    let second = clock.tick(at(5, 12));
    let third = clock.tick(at(5, 11));
    assert!(first.rev < second.rev && second.rev < third.rev);
    assert_eq!(third.now, at(5, 11), "people still see the wall clock");
    assert_eq!(third.rev.node, 7);
}

#[test]
fn a_clock_that_saw_a_later_revision_ticks_past_it() {
    let mut clock = Clock::new(1);
    let elsewhere = Clock::new(2).tick(at(20, 0)).rev;
    clock.observe(elsewhere);
    let next = clock.tick(at(5, 12));
    assert!(next.rev > elsewhere);
    assert_eq!(next.rev.node, 1, "still this writer's revision");
    // Seeing an older revision changes nothing.
    let mut fresh = Clock::new(3);
    fresh.observe(rev(1, 0, 9));
    assert_eq!(
        fresh.tick(at(5, 12)).rev,
        rev(at(5, 12).timestamp_millis() as u64, 0, 3)
    );
}

#[test]
fn a_clock_that_saw_the_largest_counter_still_ticks_past_it() {
    let now = at(5, 12);
    let seen = rev(now.timestamp_millis() as u64, u32::MAX, 9);
    let mut clock = Clock::new(1);
    clock.observe(seen);
    let first = clock.tick(now).rev;
    let second = clock.tick(now).rev;
    assert!(first > seen, "{first:?} is not after {seen:?}");
    assert!(second > first, "{second:?} is not after {first:?}");

    // The same in a collection: a deletion must land above the copy it deletes.
    let mut notes = Collection::default();
    notes.merge(
        Stamped {
            id: id("a"),
            rev: seen,
            record: Some(note("a", "Thank you for the soup", now)),
        },
        true,
    );
    notes.delete(&id("a"), Clock::new(1).tick(now));
    assert!(notes.ledger().rev(&id("a")).unwrap() > seen);
}

fn any_rev() -> impl Strategy<Value = Rev> {
    // Counters stay far from u32::MAX: see the ignored test above.
    (any::<u64>(), 0..u32::MAX / 2, any::<u32>()).prop_map(|(ms, counter, node)| Rev {
        ms,
        counter,
        node,
    })
}

/// Wall-clock times from 1970 to 2100, in milliseconds.
fn any_now() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_102_444_800_000).prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap())
}

proptest! {
    #[test]
    fn a_revision_reads_back_from_its_text(ms in any::<u64>(), counter in any::<u32>(), node in any::<u32>()) {
        let r = rev(ms, counter, node);
        prop_assert_eq!(Rev::decode(&r.encode()), Some(r));
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<Rev>(&json).unwrap(), r);
    }

    #[test]
    fn every_tick_is_later_than_everything_made_or_seen_before(
        node in any::<u32>(),
        steps in proptest::collection::vec((any_now(), proptest::option::of(any_rev())), 1..12),
    ) {
        let mut clock = Clock::new(node);
        let mut latest: Option<Rev> = None;
        for (now, seen) in steps {
            if let Some(seen) = seen {
                clock.observe(seen);
                latest = latest.max(Some(seen));
            }
            let stamp = clock.tick(now);
            prop_assert_eq!(stamp.now, now);
            prop_assert_eq!(stamp.rev.node, node);
            if let Some(latest) = latest {
                prop_assert!(stamp.rev > latest, "{:?} after {:?}", stamp.rev, latest);
            }
            latest = Some(stamp.rev);
        }
    }
}

// Changes and merges.

#[test]
fn an_edit_wins_over_a_copy_stamped_a_year_ahead() {
    let now = at(5, 12);
    // A window (or a backup) whose clock ran a year ahead wrote the entry.
    let ahead = Clock::new(9).tick(now + Duration::days(365));
    let mut journal = Journal::default();
    journal
        .add(id("e1"), &draft("Written on the fast phone"), ahead)
        .unwrap();
    let future = journal.ledger().rev(&id("e1")).unwrap();
    let elsewhere = journal.clone();

    // This window's clock is right and never saw that revision.
    let mut clock = Clock::new(1);
    let edited = journal
        .edit_entry(&id("e1"), &draft("Corrected here"), clock.tick(now))
        .unwrap();
    assert_eq!(edited.text, "Corrected here");
    let after_edit = journal.ledger().rev(&id("e1")).unwrap();
    assert!(after_edit > future, "{after_edit:?} must beat {future:?}");
    assert_eq!(after_edit.node, 1, "the edit is this writer's");

    // The replica still holding the year-ahead copy takes the edit, and
    // that copy arriving here again changes nothing.
    let mut other = elsewhere.clone();
    for item in journal.stamped() {
        assert_eq!(other.merge(item.cloned(), true), Merged::Taken);
    }
    assert_eq!(other.get(&id("e1")).unwrap().text, "Corrected here");
    for item in elsewhere.stamped() {
        assert_eq!(journal.merge(item.cloned(), true), Merged::Kept);
    }
    assert_eq!(journal.get(&id("e1")).unwrap().text, "Corrected here");
}

#[test]
fn a_deletion_beats_a_copy_stamped_ahead_too() {
    let mut notes = Collection::default();
    notes.merge(
        Stamped {
            id: id("a"),
            rev: Clock::new(9).tick(at(5, 12) + Duration::days(365)).rev,
            record: Some(note("a", "From the future", at(5, 12))),
        },
        true,
    );
    let future = notes.ledger().rev(&id("a")).unwrap();
    notes.delete(&id("a"), Clock::new(1).tick(at(5, 12)));
    assert!(notes.ledger().rev(&id("a")).unwrap() > future);
    assert!(notes.ledger().is_deleted(&id("a")));
}

#[test]
fn a_merge_takes_only_a_higher_revision() {
    let mut notes = Collection::default();
    let mut clock = Clock::new(1);
    notes.put(note("a", "First words", at(5, 12)), clock.tick(at(5, 12)));
    let ours = notes.ledger().rev(&id("a")).unwrap();

    let older = Stamped {
        id: id("a"),
        rev: rev(ours.ms - 1, 0, 5),
        record: Some(note("a", "Older words", at(5, 11))),
    };
    assert_eq!(notes.merge(older, false), Merged::Kept);
    assert_eq!(text_of(&notes, "a").as_deref(), Some("First words"));

    let newer = Stamped {
        id: id("a"),
        rev: rev(ours.ms, ours.counter, ours.node + 1),
        record: Some(note("a", "Newer words", at(5, 12))),
    };
    assert_eq!(notes.merge(newer, false), Merged::Taken);
    assert_eq!(text_of(&notes, "a").as_deref(), Some("Newer words"));
    assert_eq!(notes.len(), 1, "replaced, not added");
}

#[test]
fn an_older_copy_never_brings_a_deleted_record_back() {
    let mut clock = Clock::new(1);
    let mut notes = Collection::default();
    notes.put(
        note("a", "Thanks for the walk", at(5, 12)),
        clock.tick(at(5, 12)),
    );
    let before_delete = contents(&notes).remove(0);
    let removed = notes.delete(&id("a"), clock.tick(at(5, 13))).unwrap();
    assert_eq!(removed.text, "Thanks for the walk");
    assert!(notes.ledger().is_deleted(&id("a")));
    assert_eq!(notes.ledger().tombstones(), 1);
    // Another window that had not seen the deletion writes its copy back.
    for stored in [true, false] {
        assert_eq!(notes.merge(before_delete.clone(), stored), Merged::Kept);
        assert_eq!(text_of(&notes, "a"), None);
    }
    assert!(notes.is_empty());
    // The tombstone travels, so a replica with the old copy deletes it too.
    let mut other = Collection::default();
    other.merge(before_delete, true);
    for item in notes.stamped() {
        assert_eq!(other.merge(item.cloned(), true), Merged::Taken);
    }
    assert_eq!(text_of(&other, "a"), None);
    assert!(other.ledger().is_deleted(&id("a")));
}

#[test]
fn putting_a_deleted_record_back_beats_its_tombstone() {
    let mut clock = Clock::new(1);
    let mut journal = Journal::default();
    journal
        .add(
            id("e1"),
            &draft("We laughed at dinner"),
            clock.tick(at(5, 12)),
        )
        .unwrap();
    let removed = journal.remove(&id("e1"), clock.tick(at(5, 13))).unwrap();
    let tombstone = contents(&journal).remove(0);
    assert_eq!(tombstone.record, None);

    // Undo, with a clock that has gone back meanwhile.
    journal.restore(removed, Clock::new(1).tick(at(5, 1)));
    assert_eq!(journal.get(&id("e1")).unwrap().text, "We laughed at dinner");
    let restored = journal.ledger().rev(&id("e1")).unwrap();
    assert!(restored > tombstone.rev);
    assert!(!journal.ledger().is_deleted(&id("e1")));

    // A window that saw the deletion takes the entry back; the tombstone
    // arriving late changes nothing.
    let mut other = Journal::default();
    other.merge(tombstone.clone(), true);
    for item in journal.stamped() {
        assert_eq!(other.merge(item.cloned(), true), Merged::Taken);
    }
    assert_eq!(other.get(&id("e1")).unwrap().text, "We laughed at dinner");
    assert_eq!(journal.merge(tombstone, true), Merged::Kept);
    assert_eq!(journal.len(), 1);
}

/// One copy a replica may receive: which record, how late, and whether it
/// is a deletion. Each copy has its own writer, so no two share a revision.
fn copies() -> impl Strategy<Value = Vec<(u8, u64, bool)>> {
    proptest::collection::vec((0u8..3, 0u64..4, any::<bool>()), 1..9)
}

fn copy(index: usize, (which, ms, deleted): (u8, u64, bool)) -> Stamped<Appreciation> {
    let name = format!("r{which}");
    Stamped {
        id: id(&name),
        rev: rev(1_000 + ms, 0, index as u32),
        record: (!deleted).then(|| note(&name, &format!("copy {index}"), at(1, 0))),
    }
}

proptest! {
    #[test]
    fn replicas_that_saw_the_same_copies_hold_the_same_records_whatever_the_order(
        (all, first, second) in copies().prop_flat_map(|all| {
            let order: Vec<usize> = (0..all.len()).collect();
            (Just(all), Just(order.clone()).prop_shuffle(), Just(order).prop_shuffle())
        }),
        stored in any::<bool>(),
    ) {
        let copies: Vec<Stamped<Appreciation>> =
            all.iter().enumerate().map(|(i, c)| copy(i, *c)).collect();
        let mut a = Collection::default();
        let mut b = Collection::default();
        for i in &first {
            a.merge(copies[*i].clone(), stored);
        }
        for i in &second {
            b.merge(copies[*i].clone(), !stored);
        }
        prop_assert_eq!(contents(&a), contents(&b));

        // Each record ends as its highest revision says, deleted or not.
        for which in 0..3u8 {
            let name = format!("r{which}");
            let best = copies.iter().filter(|c| c.id == id(&name)).max_by_key(|c| c.rev);
            prop_assert_eq!(
                text_of(&a, &name),
                best.and_then(|c| c.record.as_ref()).map(|r| r.text.clone())
            );
            prop_assert_eq!(a.ledger().rev(&id(&name)), best.map(|c| c.rev));
        }

        // Two replicas that each saw half, then swapped what they hold, agree too.
        let (left, right) = first.split_at(first.len() / 2);
        let mut c = Collection::default();
        let mut d = Collection::default();
        for i in left {
            c.merge(copies[*i].clone(), true);
        }
        for i in right {
            d.merge(copies[*i].clone(), true);
        }
        let from_c = contents(&c);
        for item in contents(&d) {
            c.merge(item, false);
        }
        for item in from_c {
            d.merge(item, false);
        }
        prop_assert_eq!(contents(&c), contents(&a));
        prop_assert_eq!(contents(&d), contents(&a));
    }
}

// What storage still has to be told.

#[test]
fn pending_lists_deletions_before_writes() {
    let mut clock = Clock::new(1);
    let mut notes = Collection::default();
    for name in ["a", "b", "c", "d"] {
        notes.put(
            note(name, "Thank you for the tea", at(5, 12)),
            clock.tick(at(5, 12)),
        );
    }
    notes.delete(&id("c"), clock.tick(at(5, 13)));
    notes.delete(&id("a"), clock.tick(at(5, 13)));
    let pending: Vec<(String, bool)> = notes
        .pending()
        .iter()
        .map(|item| (item.id.to_string(), item.record.is_some()))
        .collect();
    assert_eq!(
        pending,
        [
            ("a".to_string(), false),
            ("c".to_string(), false),
            ("b".to_string(), true),
            ("d".to_string(), true)
        ]
    );
    assert!(notes.has_pending());
}

/// What storage holds: one record ("a") and one tombstone ("b").
fn kept_and_deleted() -> Vec<Stamped<Appreciation>> {
    vec![
        Stamped {
            id: id("a"),
            rev: rev(10, 0, 1),
            record: Some(note("a", "Kept", at(1, 1))),
        },
        Stamped {
            id: id("b"),
            rev: rev(11, 0, 1),
            record: None,
        },
    ]
}

#[test]
fn records_read_from_storage_are_not_pending_and_changes_are() {
    let mut notes = Collection::from_stored(kept_and_deleted());
    assert!(notes.pending().is_empty());
    assert_eq!(notes.len(), 1);
    assert_eq!(notes.live_count(), 1);
    assert_eq!(notes.ledger().tombstones(), 1);
    assert_eq!(notes.ledger().latest(), Some(rev(11, 0, 1)));

    let at_edit = Clock::new(2).tick(at(5, 12));
    assert_eq!(
        notes.edit(&id("a"), at_edit, |a| {
            a.text = "Changed".into();
            "done"
        }),
        Some("done")
    );
    let pending = notes.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].rev, at_edit.rev);
    assert_eq!(pending[0].record.unwrap().text, "Changed");
    assert_eq!(
        notes.edit(&id("zzz"), at_edit, |_| ()),
        None,
        "no such record"
    );
}

#[test]
fn an_edit_that_changes_nothing_keeps_the_revision() {
    let mut notes = Collection::from_stored(vec![Stamped {
        id: id("a"),
        rev: rev(10, 0, 1),
        record: Some(note("a", "Same", at(1, 1))),
    }]);
    let result = notes.edit(&id("a"), Clock::new(2).tick(at(5, 12)), |a| a.text.len());
    assert_eq!(result, Some(4));
    assert_eq!(notes.ledger().rev(&id("a")), Some(rev(10, 0, 1)));
    assert!(!notes.has_pending());
}

#[test]
fn saved_clears_only_the_revision_storage_now_holds() {
    let mut clock = Clock::new(1);
    let mut notes = Collection::default();
    notes.put(note("a", "One", at(5, 12)), clock.tick(at(5, 12)));
    let written = notes.pending()[0].rev;
    // Changed again while that write was under way.
    notes.edit(&id("a"), clock.tick(at(5, 13)), |a| a.text = "Two".into());
    notes.saved(&id("a"), written);
    let pending = notes.pending();
    assert_eq!(pending.len(), 1, "the later change still waits");
    assert_eq!(pending[0].record.unwrap().text, "Two");
    let latest = pending[0].rev;
    notes.saved(&id("a"), latest);
    assert!(notes.pending().is_empty());
    // A deletion is saved the same way.
    notes.delete(&id("a"), clock.tick(at(5, 14)));
    let gone = notes.pending()[0].rev;
    notes.saved(&id("a"), gone);
    assert!(!notes.has_pending());
}

#[test]
fn storage_going_back_to_an_older_copy_makes_ours_pending_again() {
    let older = Stamped {
        id: id("a"),
        rev: rev(10, 0, 1),
        record: Some(note("a", "Older", at(1, 1))),
    };
    let mut notes = Collection::from_stored(vec![older.clone()]);
    let mut clock = Clock::new(2);
    notes.edit(&id("a"), clock.tick(at(5, 12)), |a| a.text = "Newer".into());
    let ours = notes.ledger().rev(&id("a")).unwrap();
    notes.saved(&id("a"), ours);
    assert!(!notes.has_pending());

    // Another window (still on the older copy) wrote it over ours.
    assert_eq!(notes.merge(older.clone(), true), Merged::Kept);
    assert_eq!(text_of(&notes, "a").as_deref(), Some("Newer"));
    let pending = notes.pending();
    assert_eq!((pending.len(), pending[0].rev), (1, ours));

    // Storage holding our very copy again settles it.
    let same = contents(&notes).remove(0);
    assert_eq!(notes.merge(same, true), Merged::Kept);
    assert!(!notes.has_pending());
    // An older copy that is not in storage (a backup) leaves nothing to write.
    assert_eq!(notes.merge(older, false), Merged::Kept);
    assert!(!notes.has_pending());
}

#[test]
fn a_newer_copy_from_storage_is_taken_without_writing_it_back() {
    let mut notes: Collection<Appreciation> = Collection::default();
    let incoming = Stamped {
        id: id("a"),
        rev: rev(10, 0, 1),
        record: Some(note("a", "From the other window", at(1, 1))),
    };
    assert_eq!(notes.merge(incoming.clone(), true), Merged::Taken);
    assert!(!notes.has_pending());
    // The same copy from a backup is not in storage yet.
    let mut fresh: Collection<Appreciation> = Collection::default();
    fresh.merge(incoming, false);
    assert_eq!(fresh.pending().len(), 1);
}

#[test]
fn storage_lost_everything_so_every_record_and_tombstone_is_written_again() {
    let mut notes = Collection::from_stored(kept_and_deleted());
    notes.rewrite(&id("unknown"));
    assert!(!notes.has_pending(), "nothing to rewrite for an unknown id");
    notes.rewrite(&id("a"));
    assert_eq!(notes.pending().len(), 1);
    notes.unsave_all();
    let pending: Vec<(String, bool)> = notes
        .pending()
        .iter()
        .map(|item| (item.id.to_string(), item.record.is_some()))
        .collect();
    assert_eq!(pending, [("b".to_string(), false), ("a".to_string(), true)]);
}

#[test]
fn the_settings_move_their_revision_only_when_they_change() {
    let mut settings: Single<Settings> = Single::default();
    assert_eq!(settings.theme, Theme::System, "reads as the defaults");
    let couple = Settings::default().id().clone();
    assert_eq!(couple.as_str(), "couple");
    assert!(settings.get(&couple).is_none(), "nothing stored yet");

    let mut clock = Clock::new(1);
    // The first change stores them, even if it leaves the defaults.
    settings.update(clock.tick(at(5, 12)), |_| {});
    let first = settings.ledger().rev(&couple).unwrap();
    assert!(settings.get(&couple).is_some());
    settings.saved(&couple, first);

    settings.update(clock.tick(at(5, 13)), |s| s.theme = Theme::System);
    assert_eq!(settings.ledger().rev(&couple), Some(first));
    assert!(!settings.has_pending());

    settings.update(clock.tick(at(5, 14)), |s| s.theme = Theme::Dark);
    let second = settings.ledger().rev(&couple).unwrap();
    assert!(second > first);
    assert_eq!(settings.theme, Theme::Dark);
    assert_eq!(settings.pending().len(), 1);
}

#[test]
fn settings_from_elsewhere_merge_by_revision_like_any_record() {
    let mut clock = Clock::new(1);
    let mut here: Single<Settings> = Single::default();
    here.update(clock.tick(at(5, 12)), |s| s.theme = Theme::Light);
    let mut there: Single<Settings> = Single::default();
    there.update(Clock::new(2).tick(at(5, 13)), |s| s.theme = Theme::Dark);
    for item in there.stamped() {
        assert_eq!(here.merge(item.cloned(), true), Merged::Taken);
    }
    assert_eq!(here.theme, Theme::Dark);
    let couple = Settings::default().id().clone();
    // A deletion (erase elsewhere) leaves the defaults showing.
    here.delete(&couple, clock.tick(at(5, 14)));
    assert_eq!(here.theme, Theme::System);
    assert!(here.get(&couple).is_none());
}

#[test]
fn records_name_every_kind_once_and_find_each_holder() {
    assert_eq!(
        NAMES,
        [
            "journal",
            "appreciations",
            "affection",
            "check_ins",
            "dates",
            "decks",
            "time_outs",
            "settings"
        ]
    );
    let records = Records::default();
    assert!(std::ptr::eq(records.of::<Journal>(), &records.journal));
    assert!(std::ptr::eq(
        records.of::<Collection<DateIdea>>(),
        &records.dates
    ));
    assert!(std::ptr::eq(
        records.of::<Single<Settings>>(),
        &records.settings
    ));
}

#[test]
fn a_stamp_carries_the_wall_clock_into_what_people_see() {
    let mut clock = Clock::new(4);
    let stamp: Stamp = clock.tick(at(5, 12));
    let mut journal = Journal::default();
    let entry = journal.add(id("e1"), &draft("Hello"), stamp).unwrap();
    assert_eq!((entry.created, entry.updated), (at(5, 12), at(5, 12)));
    assert_eq!(journal.ledger().rev(&id("e1")), Some(stamp.rev));
}
