//! The journal domain, as the Journal page uses it.

use chrono::{DateTime, TimeZone, Utc};
use rekindle::domain::collection::{Holder, Merged, Stamped};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Draft, EntryKind, Journal, JournalError, JournalFilter, Prompt};
use rekindle::domain::kind::Kind;
use rekindle::domain::mood::Mood;
use rekindle::domain::revision::{Clock, Rev, Stamp};
use rekindle::domain::tags::Tag;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

/// A change made at `day`, `hour` by this window (writer 1).
fn stamp(day: u32, hour: u32) -> Stamp {
    Clock::new(1).tick(at(day, hour))
}

fn id(n: u8) -> RecordId {
    RecordId::from_random(&[n; 16])
}

fn draft(text: &str) -> Draft {
    Draft {
        text: text.to_string(),
        ..Draft::default()
    }
}

fn texts(journal: &Journal, filter: &JournalFilter) -> Vec<String> {
    journal.matching(filter).map(|e| e.text.clone()).collect()
}

/// Three entries written on three days, added out of order.
fn sample() -> Journal {
    let mut journal = Journal::default();
    journal
        .add(
            id(2),
            &Draft {
                text: "Sam made soup when I was tired. I felt looked after.".into(),
                mood: Mood::new(4),
                tags: "Care, home".into(),
                ..Draft::default()
            },
            stamp(2, 20),
        )
        .unwrap();
    journal
        .add(
            id(1),
            &Draft {
                text: "We argued about the dishes again.".into(),
                mood: Mood::new(2),
                tags: "home".into(),
                ..Draft::default()
            },
            stamp(1, 21),
        )
        .unwrap();
    journal
        .add(
            id(3),
            &Draft {
                kind: EntryKind::UnspokenNeed,
                text: "I would love more time just the two of us.".into(),
                prompt: Some(Prompt::UnsaidNeed),
                for_check_in: true,
                ..Draft::default()
            },
            stamp(3, 9),
        )
        .unwrap();
    journal
}

#[test]
fn entries_are_listed_newest_first_whatever_the_order_they_were_added() {
    let journal = sample();
    let created: Vec<_> = journal.entries().iter().map(|e| e.created).collect();
    assert_eq!(created, vec![at(3, 9), at(2, 20), at(1, 21)]);
}

#[test]
fn loading_stored_entries_sorts_them_newest_first_with_nothing_left_to_write() {
    let journal = sample();
    let mut stored: Vec<_> = journal.entries().to_vec();
    stored.reverse();
    let loaded = Journal::from_entries(stored);
    assert_eq!(loaded, journal);
    assert!(loaded.pending().is_empty(), "storage holds them already");
    // Entries stored before revisions existed are ordered by `updated`.
    for entry in loaded.entries() {
        assert_eq!(
            loaded.ledger().rev(&entry.id),
            Some(Rev::legacy(entry.updated))
        );
        assert_eq!(entry.legacy_rev(), Rev::legacy(entry.updated));
    }
}

#[test]
fn a_stale_copy_of_a_loaded_entry_loses_to_the_stored_one() {
    let mut journal = Journal::from_entries(sample().entries().to_vec());
    let mut older = journal.get(&id(1)).unwrap().clone();
    older.text = "stale".into();
    older.updated -= chrono::Duration::hours(1);
    let stale = Stamped {
        id: id(1),
        rev: older.legacy_rev(),
        record: Some(older),
    };
    assert_eq!(journal.merge(stale, true), Merged::Kept);
    assert_eq!(
        journal.get(&id(1)).unwrap().text,
        "We argued about the dishes again."
    );
    assert_eq!(journal.len(), 3);
}

#[test]
fn a_new_entry_is_trimmed_and_its_tags_normalised() {
    let mut journal = Journal::default();
    let entry = journal
        .add(
            id(9),
            &Draft {
                text: "  hello  \n".into(),
                tags: " Kids, #Weekend ,kids,, ".into(),
                ..Draft::default()
            },
            stamp(5, 8),
        )
        .unwrap();
    assert_eq!(entry.text, "hello");
    assert_eq!(
        entry.tags,
        vec![Tag::new("kids").unwrap(), Tag::new("weekend").unwrap()]
    );
    assert_eq!(entry.created, entry.updated);
    assert_eq!(entry.created, at(5, 8));
}

#[test]
fn blank_or_huge_text_is_refused_and_nothing_changes() {
    let mut journal = sample();
    let before = journal.clone();
    let pending_before = journal.pending().len();
    assert_eq!(
        journal
            .add(id(7), &draft("   \n\t"), stamp(4, 1))
            .unwrap_err(),
        JournalError::EmptyText
    );
    let huge = "x".repeat(rekindle::domain::journal::MAX_ENTRY_CHARS + 1);
    assert!(matches!(
        journal.add(id(7), &draft(&huge), stamp(4, 1)),
        Err(JournalError::TooLong { .. })
    ));
    assert_eq!(
        journal
            .edit_entry(&id(1), &draft(""), stamp(4, 1))
            .unwrap_err(),
        JournalError::EmptyText
    );
    assert_eq!(journal, before);
    assert_eq!(journal.ledger(), before.ledger(), "no revision moved");
    assert_eq!(journal.pending().len(), pending_before);
}

#[test]
fn editing_keeps_id_and_creation_time_and_bumps_updated_and_revision() {
    let mut journal = sample();
    let rev_before = journal.ledger().rev(&id(1)).unwrap();
    let edited = journal
        .edit_entry(
            &id(1),
            &Draft {
                text: "We talked about the dishes calmly.".into(),
                mood: Mood::new(4),
                ..Draft::default()
            },
            stamp(4, 10),
        )
        .unwrap()
        .clone();
    assert_eq!(edited.id, id(1));
    assert_eq!(edited.created, at(1, 21));
    assert_eq!(edited.updated, at(4, 10));
    assert_eq!(edited.mood, Mood::new(4));
    assert!(edited.tags.is_empty());
    assert_eq!(journal.ledger().rev(&id(1)), Some(stamp(4, 10).rev));
    assert!(stamp(4, 10).rev > rev_before);
    // Order is by creation, so an edit does not move the entry.
    assert_eq!(journal.entries()[2].id, id(1));
}

#[test]
fn an_edit_with_a_clock_behind_never_moves_updated_backwards_but_still_wins() {
    let mut journal = sample();
    let rev_before = journal.ledger().rev(&id(2)).unwrap();
    let edited = journal
        .edit_entry(&id(2), &draft("changed"), stamp(1, 0))
        .unwrap();
    assert_eq!(edited.updated, at(2, 20));
    assert_eq!(edited.text, "changed");
    assert!(journal.ledger().rev(&id(2)).unwrap() > rev_before);
}

#[test]
fn editing_a_missing_entry_says_so() {
    let mut journal = sample();
    assert_eq!(
        journal
            .edit_entry(&id(42), &draft("x"), stamp(4, 1))
            .unwrap_err(),
        JournalError::NotFound
    );
    assert_eq!(
        journal.remove(&id(42), stamp(4, 1)).unwrap_err(),
        JournalError::NotFound
    );
    assert_eq!(
        journal
            .set_agenda(
                &id(42),
                rekindle::domain::journal::Agenda::Discussed,
                stamp(4, 1)
            )
            .unwrap_err(),
        JournalError::NotFound
    );
}

#[test]
fn delete_then_undo_restores_the_entry_in_its_place() {
    let mut journal = sample();
    let before = journal.clone();
    let removed = journal.remove(&id(2), stamp(4, 1)).unwrap();
    assert_eq!(removed.entry().id, id(2));
    assert_eq!(journal.len(), 2);
    assert!(journal.get(&id(2)).is_none());
    assert!(journal.ledger().is_deleted(&id(2)));
    let tombstone = journal.ledger().rev(&id(2)).unwrap();
    journal.restore(removed, stamp(4, 2));
    assert_eq!(journal, before);
    assert!(!journal.ledger().is_deleted(&id(2)));
    assert!(journal.ledger().rev(&id(2)).unwrap() > tombstone);
}

#[test]
fn undo_after_the_entry_came_back_another_way_does_not_duplicate_it() {
    let mut journal = sample();
    let removed = journal.remove(&id(2), stamp(4, 1)).unwrap();
    // Another window put it back meanwhile, with a later revision.
    let mut theirs = removed.entry().clone();
    theirs.text = "Put back in the other window".into();
    let back = Stamped {
        id: id(2),
        rev: Clock::new(2).tick(at(4, 3)).rev,
        record: Some(theirs),
    };
    assert_eq!(journal.merge(back, true), Merged::Taken);
    journal.restore(removed, stamp(4, 4));
    assert_eq!(journal.len(), 3);
    assert_eq!(
        journal.get(&id(2)).unwrap().text,
        "Put back in the other window"
    );
}

#[test]
fn a_copy_from_another_window_is_taken_only_if_its_revision_is_higher() {
    let mut journal = sample();
    let ours = journal.ledger().rev(&id(1)).unwrap();
    let mut newer = journal.get(&id(1)).unwrap().clone();
    newer.text = "from another tab".into();
    let taken = Stamped {
        id: id(1),
        rev: Rev {
            node: ours.node + 1,
            ..ours
        },
        record: Some(newer.clone()),
    };
    assert_eq!(journal.merge(taken, true), Merged::Taken);
    assert_eq!(journal.get(&id(1)).unwrap().text, "from another tab");
    // A copy with an older revision loses, however late its `updated` says it was.
    let mut older = newer;
    older.text = "stale".into();
    older.updated = at(30, 0);
    let stale = Stamped {
        id: id(1),
        rev: Rev {
            ms: ours.ms - 1,
            ..ours
        },
        record: Some(older),
    };
    assert_eq!(journal.merge(stale, true), Merged::Kept);
    assert_eq!(journal.get(&id(1)).unwrap().text, "from another tab");
    assert_eq!(journal.len(), 3);
}

#[test]
fn search_is_case_insensitive_and_needs_every_word() {
    let journal = sample();
    let search = |text: &str| {
        texts(
            &journal,
            &JournalFilter {
                text: text.into(),
                ..Default::default()
            },
        )
    };
    assert_eq!(
        search("SOUP"),
        vec!["Sam made soup when I was tired. I felt looked after."]
    );
    assert_eq!(
        search("the"),
        vec![
            "I would love more time just the two of us.",
            "We argued about the dishes again."
        ]
    );
    assert_eq!(search("dishes soup"), Vec::<String>::new());
    assert_eq!(search("  "), search(""));
    assert_eq!(search("").len(), 3);
}

#[test]
fn search_looks_in_tags_and_prompts_too() {
    let journal = sample();
    let search = |text: &str| {
        journal
            .matching(&JournalFilter {
                text: text.into(),
                ..Default::default()
            })
            .count()
    };
    assert_eq!(search("care"), 1);
    assert_eq!(search("out loud"), 1, "the prompt of the unspoken need");
}

#[test]
fn search_handles_accents_and_non_latin_text() {
    let mut journal = Journal::default();
    journal
        .add(
            id(1),
            &draft("Ein schöner Abend. Ça m'a touché. 一緒に散歩した"),
            stamp(1, 1),
        )
        .unwrap();
    for query in ["SCHÖNER", "ça", "散歩"] {
        assert_eq!(
            journal
                .matching(&JournalFilter {
                    text: query.into(),
                    ..Default::default()
                })
                .count(),
            1,
            "{query}"
        );
    }
}

#[test]
fn filters_by_tag_mood_and_kind_combine() {
    let journal = sample();
    let home = Tag::new("home");
    assert_eq!(
        journal
            .matching(&JournalFilter {
                tag: home.clone(),
                ..Default::default()
            })
            .count(),
        2
    );
    assert_eq!(
        texts(
            &journal,
            &JournalFilter {
                tag: home.clone(),
                mood: Mood::new(2),
                ..Default::default()
            }
        ),
        vec!["We argued about the dishes again."]
    );
    assert_eq!(
        journal
            .matching(&JournalFilter {
                kind: Some(EntryKind::UnspokenNeed),
                ..Default::default()
            })
            .count(),
        1
    );
    assert_eq!(
        journal
            .matching(&JournalFilter {
                kind: Some(EntryKind::UnspokenNeed),
                tag: home,
                ..Default::default()
            })
            .count(),
        0
    );
    assert!(JournalFilter::default().is_empty());
    assert!(
        !JournalFilter {
            mood: Mood::new(1),
            ..Default::default()
        }
        .is_empty()
    );
}

#[test]
fn tags_are_counted_alphabetically() {
    let tags: Vec<(String, usize)> = sample()
        .tags()
        .into_iter()
        .map(|(t, n)| (t.as_str().to_string(), n))
        .collect();
    assert_eq!(tags, vec![("care".to_string(), 1), ("home".to_string(), 2)]);
}

#[test]
fn flagged_entries_form_the_check_in_agenda_oldest_first() {
    let mut journal = sample();
    journal
        .add(
            id(8),
            &Draft {
                text: "Later worry".into(),
                for_check_in: true,
                ..Draft::default()
            },
            stamp(6, 6),
        )
        .unwrap();
    let agenda: Vec<_> = journal.for_check_in().map(|e| e.id.clone()).collect();
    assert_eq!(agenda, vec![id(3), id(8)]);
}

#[test]
fn a_draft_made_from_an_entry_round_trips_through_edit() {
    let mut journal = sample();
    let original = journal.get(&id(2)).unwrap().clone();
    let draft = Draft::from_entry(&original);
    assert_eq!(draft.tags, "care, home");
    let edited = journal.edit_entry(&id(2), &draft, stamp(7, 7)).unwrap();
    assert_eq!(edited.text, original.text);
    assert_eq!(edited.tags, original.tags);
    assert_eq!(edited.mood, original.mood);
}

#[test]
fn search_follows_every_change_to_an_entry() {
    let mut journal = sample();
    // Index built first, so each change below must keep it in step.
    journal.prepare_search();
    let finds = |journal: &Journal, word: &str| {
        journal
            .matching(&JournalFilter {
                text: word.into(),
                ..Default::default()
            })
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    journal
        .edit_entry(
            &id(1),
            &draft("We painted the hallway together."),
            stamp(4, 1),
        )
        .unwrap();
    assert_eq!(finds(&journal, "hallway"), vec![id(1)]);
    assert!(finds(&journal, "dishes").is_empty());

    let removed = journal.remove(&id(1), stamp(4, 2)).unwrap();
    assert!(finds(&journal, "hallway").is_empty());
    journal.restore(removed, stamp(4, 3));
    assert_eq!(finds(&journal, "hallway"), vec![id(1)]);

    let mut newer = journal.get(&id(2)).unwrap().clone();
    newer.text = "Synced from the other tab: Lanterns.".into();
    let synced = Stamped {
        id: id(2),
        rev: Clock::new(2).tick(at(9, 9)).rev,
        record: Some(newer),
    };
    assert_eq!(journal.merge(synced, true), Merged::Taken);
    assert_eq!(finds(&journal, "lanterns"), vec![id(2)]);
    assert!(finds(&journal, "soup").is_empty());

    // Deleted in the other tab: the tombstone takes it out of search too.
    let deleted = Stamped {
        id: id(3),
        rev: Clock::new(2).tick(at(9, 10)).rev,
        record: None,
    };
    assert_eq!(journal.merge(deleted, true), Merged::Taken);
    assert!(finds(&journal, "two").is_empty());

    journal
        .add(id(5), &draft("Hallway again"), stamp(8, 8))
        .unwrap();
    assert_eq!(finds(&journal, "hallway"), vec![id(5), id(1)]);
    assert_eq!(Journal::from_entries(journal.entries().to_vec()), journal);
}

#[test]
fn ticking_an_agenda_item_off_moves_its_revision_once() {
    use rekindle::domain::journal::Agenda;
    let mut journal = sample();
    let before = journal.ledger().rev(&id(3)).unwrap();
    journal
        .set_agenda(&id(3), Agenda::Discussed, stamp(4, 19))
        .unwrap();
    let entry = journal.get(&id(3)).unwrap();
    assert_eq!(entry.agenda, Some(Agenda::Discussed));
    assert_eq!(entry.updated, at(4, 19));
    let ticked = journal.ledger().rev(&id(3)).unwrap();
    assert!(ticked > before);
    assert_eq!(journal.for_check_in().count(), 0);
    // Ticking it off again (the other partner's tap) changes nothing.
    journal
        .set_agenda(&id(3), Agenda::Discussed, stamp(4, 20))
        .unwrap();
    assert_eq!(journal.ledger().rev(&id(3)), Some(ticked));
    assert_eq!(journal.get(&id(3)).unwrap().updated, at(4, 19));
}

#[test]
fn a_discussed_entry_stays_discussed_unless_flagged_again() {
    use rekindle::domain::journal::Agenda;
    assert_eq!(
        Agenda::after_edit(Some(Agenda::Discussed), false),
        Some(Agenda::Discussed)
    );
    assert_eq!(
        Agenda::after_edit(Some(Agenda::Discussed), true),
        Some(Agenda::Next)
    );
    assert_eq!(Agenda::after_edit(Some(Agenda::Next), false), None);
    assert_eq!(Agenda::after_edit(None, false), None);
}
