//! Backups: every export re-imports to the same records, revisions and
//! tombstones; merging goes by revision (twice changes nothing, nothing
//! deleted comes back), replacing makes this device hold exactly the file;
//! older backups still import; and a bad file is refused with a reason and
//! changes nothing.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::content::dates::IDEAS;
use rekindle::content::decks::DECKS;
use rekindle::domain::affection::{mark_id, starter_list};
use rekindle::domain::appreciation::{Focus, Partner, Written};
use rekindle::domain::backup::{self, Backup, ImportError, KindPreview};
use rekindle::domain::collection::{Holder, Stamped};
use rekindle::domain::dates::{AccessNotes, Category, Cost, Energy, Idea, Memory, Seasons};
use rekindle::domain::decks::{cards, keys_of};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Agenda, Draft, EntryKind, Journal, JournalEntry, Prompt};
use rekindle::domain::kind::Kind;
use rekindle::domain::mood::Mood;
use rekindle::domain::record::SCHEMA_VERSION;
use rekindle::domain::records::{NAMES, Records, Visit, VisitMut};
use rekindle::domain::revision::{Clock, Rev, Stamp};
use rekindle::domain::settings::{Settings, Theme};
use serde_json::{Value, json};

const V1_BACKUP: &str = include_str!("fixtures/v1/backup.json");
const V2_BACKUP: &str = include_str!("fixtures/v2/backup.json");

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, day, 20, 0, 0).unwrap()
}

/// When the backups below are exported and read: after all their records.
fn now() -> DateTime<Utc> {
    at(28)
}

/// A change made on `day` by this device (writer 1).
fn stamp(day: u32) -> Stamp {
    Clock::new(1).tick(at(day))
}

fn id(n: u8) -> RecordId {
    RecordId::from_random(&[n; 16])
}

fn draft(text: &str) -> Draft {
    Draft {
        text: text.into(),
        ..Draft::default()
    }
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
        journal.add(id(i), &draft, stamp(u32::from(i))).unwrap();
    }
    journal
}

fn with_journal(journal: Journal) -> Records {
    Records {
        journal,
        ..Records::default()
    }
}

fn export(records: &Records) -> String {
    backup::export(records, now())
}

fn parse(text: &str) -> Result<Backup, ImportError> {
    backup::parse(text, now())
}

/// Four records of every kind (one settings record), made through the
/// domain's own methods; with `deleted`, one of each is deleted afterwards
/// (a tombstone left), everything else unchanged.
fn everything(deleted: bool) -> Records {
    let mut clock = Clock::new(1);
    let mut records = Records::default();
    let day = |d: u32| at(d).date_naive();

    records.journal = journal(4);

    for n in 0..4u8 {
        let written = Written {
            from: Partner::BOTH[usize::from(n % 2)],
            focus: Focus::WhoTheyAre,
            text: &format!("How you kept calm at the station, time {n}"),
            day: day(5),
        };
        records
            .appreciations
            .add(id(10 + n), &written, clock.tick(at(5)))
            .unwrap();
    }
    records
        .appreciations
        .toggle_read_aloud(&id(11), clock.tick(at(5)));

    let nudges = starter_list();
    for nudge in &nudges[..4] {
        records.affection.toggle(nudge, day(6), clock.tick(at(6)));
    }

    for n in 0..4u8 {
        let when = at(7 + u32::from(n));
        let check_in = records.check_ins.start(
            id(30 + n),
            clock.tick(when),
            when.date_naive(),
            Vec::new(),
            Default::default(),
        );
        records.check_ins.edit(&check_in, clock.tick(when), |c| {
            c.rate(Partner::First, Some(5 + n), when).unwrap();
            c.add_agreement(id(90 + n), Partner::Second, "Phones away at dinner", when)
                .unwrap();
            c.finish(when);
        });
    }

    for (n, idea) in IDEAS[..3].iter().enumerate() {
        records
            .dates
            .save_from_library(id(40 + n as u8), idea, clock.tick(at(11)));
    }
    let own = Idea {
        title: "Stargazing from the hill",
        description: "Bring the blanket.",
        category: Category::Outdoors,
        seasons: Seasons::ALL,
        cost: Cost::Free,
        minutes: 120,
        energy: Energy::Low,
        access: AccessNotes::NONE,
    };
    records
        .dates
        .add_own(id(43), &own, clock.tick(at(11)))
        .unwrap();
    records.dates.edit(&id(40), clock.tick(at(12)), |d| {
        d.mark_done(
            Memory {
                day: day(12),
                rating: 4,
                note: "Flour everywhere".into(),
                would_repeat: true,
            },
            at(12),
        )
        .unwrap();
    });

    for (n, deck) in DECKS[..4].iter().enumerate() {
        records
            .decks
            .edit_place(deck, 77 + n as u64, clock.tick(at(13)), |place| {
                if n == 0 {
                    place
                        .add_own(deck, id(50), "What should we name the cat?", at(13))
                        .unwrap();
                }
                let keys = keys_of(&cards(deck, Some(&*place)));
                let drawn = place.draw(&keys, at(13)).unwrap();
                place.toggle_favourite(&drawn, at(13));
            });
    }

    for n in 0..4u8 {
        let start = at(14 + u32::from(n));
        records
            .time_outs
            .start(
                id(60 + n),
                clock.tick(start),
                start + TimeDelta::minutes(30),
            )
            .unwrap();
        records.time_outs.edit(&id(60 + n), clock.tick(start), |t| {
            t.end(start + TimeDelta::minutes(25))
        });
    }

    records.settings.update(clock.tick(at(19)), |s| {
        s.set_name(Partner::First, "Alex");
        s.set_name(Partner::Second, "Sam");
        s.theme = Theme::Dark;
    });

    if deleted {
        let gone = clock.tick(at(21));
        records.journal.remove(&id(4), gone).unwrap();
        records.appreciations.delete(&id(13), gone);
        records.affection.toggle(&nudges[3], day(6), gone);
        records.check_ins.delete(&id(33), gone);
        records.dates.delete(&id(43), gone);
        let place = RecordId::try_from(DECKS[3].id.to_string()).unwrap();
        records.decks.delete(&place, gone);
        records.time_outs.delete(&id(63), gone);
    }
    records
}

/// The ids `everything(true)` deletes, per kind in registry order.
fn deleted_ids() -> Vec<RecordId> {
    vec![
        id(4),
        id(13),
        mark_id(&starter_list()[3].id, at(6).date_naive()),
        id(33),
        id(43),
        RecordId::try_from(DECKS[3].id.to_string()).unwrap(),
        id(63),
    ]
}

/// Each kind's live records as JSON, sorted by id: what a person sees.
fn live(records: &Records) -> Vec<String> {
    struct Live(Vec<String>);
    impl Visit for Live {
        fn visit<H: Holder>(&mut self, _: &'static str, holder: &H) {
            let live: Vec<&H::Kind> = holder
                .stamped()
                .into_iter()
                .filter_map(|item| item.record)
                .collect();
            self.0.push(serde_json::to_string(&live).unwrap());
        }
    }
    let mut visitor = Live(Vec::new());
    records.visit(&mut visitor);
    visitor.0
}

/// Each kind's (name, live records, tombstones).
fn counts(records: &Records) -> Vec<(&'static str, usize, usize)> {
    struct Counts(Vec<(&'static str, usize, usize)>);
    impl Visit for Counts {
        fn visit<H: Holder>(&mut self, name: &'static str, holder: &H) {
            self.0
                .push((name, holder.live_count(), holder.ledger().tombstones()));
        }
    }
    let mut visitor = Counts(Vec::new());
    records.visit(&mut visitor);
    visitor.0
}

/// Whether each kind has something storage does not hold yet.
fn any_pending(records: &Records) -> Vec<bool> {
    struct Pending(Vec<bool>);
    impl Visit for Pending {
        fn visit<H: Holder>(&mut self, _: &'static str, holder: &H) {
            self.0.push(holder.has_pending());
        }
    }
    let mut visitor = Pending(Vec::new());
    records.visit(&mut visitor);
    visitor.0
}

fn journal_preview(previews: &[KindPreview]) -> KindPreview {
    let found = previews
        .iter()
        .find(|p| p.noun == JournalEntry::NOUN)
        .copied();
    found.expect("the journal is previewed")
}

#[test]
fn every_export_re_imports_to_the_same_data() {
    let original = with_journal(journal(12));
    let text = export(&original);
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.exported, now());
    assert_eq!(parsed.records.journal, original.journal);
    assert_eq!(export(&parsed.records), text, "revisions included");
    let mut restored = Records::default();
    backup::merge(&mut restored, &parsed);
    assert_eq!(restored.journal, original.journal);
    assert_eq!(backup::file_name(now()), "rekindle-backup-2026-10-28.json");
}

#[test]
fn every_kind_round_trips_with_its_tombstones() {
    let original = everything(true);
    let text = export(&original);
    let parsed = parse(&text).unwrap();
    assert_eq!(export(&parsed.records), text);
    assert_eq!(live(&parsed.records), live(&original));
    let expected: Vec<(&str, usize, usize)> = NAMES
        .iter()
        .map(|name| match *name {
            "settings" => (*name, 1, 0),
            _ => (*name, 3, 1),
        })
        .collect();
    assert_eq!(counts(&parsed.records), expected);
    for gone in deleted_ids() {
        assert!(
            text.contains(&format!("\"id\":\"{gone}\"")),
            "{gone} travels as a tombstone"
        );
    }
    assert_eq!(
        any_pending(&parsed.records),
        [false; 8],
        "a parsed file is not storage's business yet"
    );

    // The shape: one array per kind of items with an id and a revision,
    // and data only while the record lives.
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["schema"], json!(SCHEMA_VERSION));
    for name in NAMES {
        let items = file[*name].as_array().unwrap();
        assert!(!items.is_empty(), "{name}");
        for item in items {
            let fields: Vec<&String> = item.as_object().unwrap().keys().collect();
            assert!(
                fields
                    .iter()
                    .all(|f| ["v", "id", "rev", "data"].contains(&f.as_str()))
            );
            assert_eq!(item["v"], 3, "each item in the stored form of today");
            assert!(Rev::decode(item["rev"].as_str().unwrap()).is_some());
        }
        let tombstones = items.iter().filter(|i| i.get("data").is_none()).count();
        assert_eq!(tombstones, usize::from(*name != "settings"), "{name}");
    }

    // Merged into an empty device: the same records, all to be stored.
    let mut restored = Records::default();
    backup::merge(&mut restored, &parsed);
    assert_eq!(export(&restored), text);
    assert_eq!(any_pending(&restored), [true; 8]);
}

#[test]
fn merging_the_same_backup_twice_duplicates_nothing() {
    let mut here = with_journal(journal(3));
    let incoming = parse(&export(&with_journal(journal(5)))).unwrap();
    let preview = journal_preview(&backup::preview(&incoming, &here));
    assert_eq!(
        preview,
        KindPreview {
            noun: JournalEntry::NOUN,
            in_file: 5,
            new: 2,
            newer: 0,
            same: 3,
            deleted_there: 0,
            only_here: 0,
        }
    );
    backup::merge(&mut here, &incoming);
    assert_eq!(here.journal.len(), 5);
    let once = export(&here);
    backup::merge(&mut here, &incoming);
    assert_eq!(export(&here), once);
    assert_eq!(here.journal, journal(5));
    assert_eq!(journal_preview(&backup::preview(&incoming, &here)).same, 5);
}

/// The backup has nothing new, newer or deleted for what is here, in any kind.
fn assert_nothing_to_take(incoming: &backup::Backup, here: &rekindle::domain::records::Records) {
    for preview in backup::preview(incoming, here) {
        assert_eq!(
            (preview.new, preview.newer, preview.deleted_there),
            (0, 0, 0),
            "{}",
            preview.noun.1
        );
    }
}

#[test]
fn merging_every_kind_twice_changes_nothing_the_second_time() {
    let incoming = parse(&export(&everything(true))).unwrap();
    let mut here = everything(false);
    backup::merge(&mut here, &incoming);
    let once = export(&here);
    assert_eq!(live(&here), live(&incoming.records));
    backup::merge(&mut here, &incoming);
    assert_eq!(export(&here), once);
    assert_nothing_to_take(&incoming, &here);
}

#[test]
fn merge_takes_the_newer_copy_and_keeps_local_work() {
    let mut here = with_journal(journal(2));
    let mut elsewhere = with_journal(journal(2));
    elsewhere
        .journal
        .edit_entry(
            &id(1),
            &Draft {
                text: "Edited on the other phone".into(),
                ..Draft::default()
            },
            Clock::new(2).tick(at(25)),
        )
        .unwrap();
    here.journal
        .edit_entry(
            &id(2),
            &Draft {
                text: "Edited here".into(),
                ..Draft::default()
            },
            stamp(26),
        )
        .unwrap();
    let incoming = parse(&export(&elsewhere)).unwrap();
    assert_eq!(
        journal_preview(&backup::preview(&incoming, &here)),
        KindPreview {
            noun: JournalEntry::NOUN,
            in_file: 2,
            new: 0,
            newer: 1,
            same: 1,
            deleted_there: 0,
            only_here: 0,
        }
    );
    backup::merge(&mut here, &incoming);
    let text = |n| here.journal.get(&id(n)).unwrap().text.clone();
    assert_eq!(text(1), "Edited on the other phone");
    assert_eq!(text(2), "Edited here");
}

#[test]
fn merge_does_not_bring_back_records_deleted_since_the_backup() {
    // The backup was taken before one record of each kind was deleted here.
    let incoming = parse(&export(&everything(false))).unwrap();
    let mut here = everything(true);
    let before = export(&here);
    assert_nothing_to_take(&incoming, &here);
    backup::merge(&mut here, &incoming);
    assert_eq!(export(&here), before, "nothing changed");
    struct Deleted<'a>(&'a [RecordId], Vec<bool>);
    impl Visit for Deleted<'_> {
        fn visit<H: Holder>(&mut self, _: &'static str, holder: &H) {
            let gone = self.0.iter().any(|id| holder.ledger().is_deleted(id));
            self.1
                .push(gone && self.0.iter().all(|id| holder.get(id).is_none()));
        }
    }
    let ids = deleted_ids();
    let mut check = Deleted(&ids, Vec::new());
    here.visit(&mut check);
    assert_eq!(check.1[..7], [true; 7], "every kind keeps its deletion");
}

#[test]
fn a_deletion_in_the_backup_is_merged_too() {
    let incoming = parse(&export(&everything(true))).unwrap();
    let mut here = everything(false);
    let previews = backup::preview(&incoming, &here);
    let deleted_there: Vec<usize> = previews.iter().map(|p| p.deleted_there).collect();
    assert_eq!(deleted_there, [1, 1, 1, 1, 1, 1, 1, 0]);
    backup::merge(&mut here, &incoming);
    assert_eq!(counts(&here), counts(&incoming.records));
    assert!(here.journal.get(&id(4)).is_none());
}

#[test]
fn replace_makes_the_device_hold_exactly_the_backup() {
    let mut here = with_journal(journal(6));
    let incoming = parse(&export(&with_journal(journal(2)))).unwrap();
    let preview = journal_preview(&backup::preview(&incoming, &here));
    assert_eq!(
        (preview.same, preview.only_here),
        (2, 4),
        "the preview counts what replace would remove"
    );
    backup::replace(&mut here, &incoming, &mut Clock::new(1), now());
    assert_eq!(here.journal, journal(2));
    assert_eq!(here.journal.ledger().tombstones(), 4);
}

#[test]
fn replace_wins_over_newer_local_copies_and_brings_back_deleted_ones() {
    let incoming = parse(&export(&everything(false))).unwrap();
    let mut here = everything(true);
    let mut clock = Clock::new(1);
    // Changed here after the backup was made: a higher revision than the file's.
    here.journal
        .edit_entry(
            &id(1),
            &draft("Changed here after the backup"),
            clock.tick(at(27)),
        )
        .unwrap();
    here.appreciations
        .toggle_read_aloud(&id(10), clock.tick(at(27)));
    here.settings
        .update(clock.tick(at(27)), |s| s.theme = Theme::Light);
    // And one made only here.
    here.journal
        .add(id(99), &draft("Written only here"), clock.tick(at(27)))
        .unwrap();
    let edited_rev = here.journal.ledger().rev(&id(1)).unwrap();

    backup::replace(&mut here, &incoming, &mut clock, now());
    assert_eq!(live(&here), live(&incoming.records));
    assert!(here.journal.get(&id(99)).is_none());
    assert!(here.journal.ledger().is_deleted(&id(99)));
    assert!(
        here.journal.get(&id(4)).is_some(),
        "deleted here but live in the file: back again"
    );
    assert_eq!(here.settings.theme, Theme::Dark);
    assert!(
        here.journal.ledger().rev(&id(1)).unwrap() > edited_rev,
        "the file's copy is now the newest change, so it wins everywhere"
    );
    // What replace wrote must be stored.
    assert!(here.journal.pending().iter().any(|p| p.id == id(1)));
    // A second replace, or a merge, of the same file changes nothing more.
    let once = export(&here);
    backup::merge(&mut here, &incoming);
    assert_eq!(export(&here), once);
    backup::replace(&mut here, &incoming, &mut clock, now());
    assert_eq!(export(&here), once);
}

#[test]
fn the_preview_counts_every_kind() {
    let file = parse(&export(&everything(true))).unwrap();
    let before = everything(false);
    // Here, per kind: the file's first live record at an older revision,
    // its second one missing, its third the same, the one the file deleted
    // still live, and one record the file never had. Replace would delete
    // both of the last two: they are what is only here.
    struct Here<'a> {
        file: &'a Records,
        before: &'a Records,
    }
    impl VisitMut for Here<'_> {
        fn visit<H: Holder>(&mut self, _: &'static str, here: &mut H) {
            let mut items = Vec::new();
            let theirs = self.file.of::<H>().stamped();
            let alive: Vec<_> = theirs.iter().filter(|i| i.record.is_some()).collect();
            for (n, item) in alive.iter().enumerate() {
                match n {
                    0 => items.push(Stamped {
                        rev: Rev {
                            ms: item.rev.ms - 1,
                            ..item.rev
                        },
                        ..item.cloned()
                    }),
                    1 => {}
                    _ => items.push(item.cloned()),
                }
            }
            for gone in theirs.iter().filter(|i| i.record.is_none()) {
                let earlier = self.before.of::<H>().stamped();
                let live = earlier.iter().find(|i| i.id == gone.id).unwrap();
                items.push(live.cloned());
            }
            if let Some(extra) = alive.get(2).and_then(|i| renamed(i.record.unwrap())) {
                items.push(Stamped {
                    id: extra.id().clone(),
                    rev: Rev::legacy(at(1)),
                    record: Some(extra),
                });
            }
            *here = H::from_stored(items);
        }
    }
    let mut here = Records::default();
    here.visit_mut(&mut Here {
        file: &file.records,
        before: &before,
    });

    let previews = backup::preview(&file, &here);
    assert_eq!(previews.len(), NAMES.len());
    for preview in &previews {
        let expected = if preview.noun == Settings::NOUN {
            (1, 0, 1, 0, 0, 0)
        } else {
            (3, 1, 1, 1, 1, 2)
        };
        let got = (
            preview.in_file,
            preview.new,
            preview.newer,
            preview.same,
            preview.deleted_there,
            preview.only_here,
        );
        assert_eq!(got, expected, "{}", preview.noun.1);
        assert!(!preview.is_empty());
    }
    let nouns: Vec<&str> = previews.iter().map(|p| p.noun.1).collect();
    assert_eq!(
        nouns,
        [
            "journal entries",
            "appreciations",
            "affection moments",
            "check-ins",
            "date ideas",
            "question decks",
            "time-outs",
            "sets of settings"
        ]
    );
    let nothing = parse(&export(&Records::default())).unwrap();
    assert!(
        backup::preview(&nothing, &Records::default())
            .iter()
            .all(KindPreview::is_empty)
    );
}

/// The same record under the id "only-here" (none for the settings, whose
/// id is fixed).
fn renamed<K: Kind>(record: &K) -> Option<K> {
    let mut value = serde_json::to_value(record).unwrap();
    *value.as_object_mut()?.get_mut("id")? = json!("only-here");
    serde_json::from_value(value).ok()
}

#[test]
fn settings_merge_by_revision_and_replace_takes_them() {
    let mut theirs = Records::default();
    theirs.settings.update(Clock::new(2).tick(at(10)), |s| {
        s.set_name(Partner::First, "Alex")
    });
    let incoming = parse(&export(&theirs)).unwrap();

    let mut changed_later = Records::default();
    changed_later
        .settings
        .update(stamp(11), |s| s.theme = Theme::Dark);
    backup::merge(&mut changed_later, &incoming);
    assert_eq!(changed_later.settings.name(Partner::First), "Partner 1");
    assert_eq!(changed_later.settings.theme, Theme::Dark, "ours is newer");
    backup::replace(&mut changed_later, &incoming, &mut Clock::new(1), now());
    assert_eq!(*changed_later.settings, *theirs.settings);

    let mut changed_earlier = Records::default();
    changed_earlier
        .settings
        .update(stamp(9), |s| s.theme = Theme::Dark);
    backup::merge(&mut changed_earlier, &incoming);
    assert_eq!(
        *changed_earlier.settings, *theirs.settings,
        "theirs is newer"
    );
}

#[test]
fn a_backup_from_schema_2_imports_with_revisions_from_its_update_times() {
    let after = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let backup = backup::parse(V2_BACKUP, after).unwrap();
    assert_eq!(
        backup.exported,
        Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
    );
    let records = &backup.records;
    let expected: Vec<(&str, usize, usize)> = NAMES
        .iter()
        .map(|name| (*name, if *name == "journal" { 2 } else { 1 }, 0))
        .collect();
    assert_eq!(counts(records), expected);

    let walks = records
        .journal
        .entries()
        .iter()
        .find(|e| e.id.as_str() == "0f3c9a6b1e2d4c5f8a7b6c5d4e3f2a1b")
        .unwrap();
    assert_eq!(walks.agenda, Some(Agenda::Next));
    assert_eq!(
        records.journal.ledger().rev(&walks.id),
        Some(Rev::legacy(walks.updated))
    );
    let thanks = &records.appreciations[0];
    assert!(thanks.read_aloud);
    assert_eq!(
        records.appreciations.ledger().rev(&thanks.id),
        Some(Rev::legacy(thanks.updated))
    );
    let hug = &records.affection[0];
    assert_eq!(
        records.affection.ledger().rev(&hug.id),
        Some(Rev::legacy(hug.created)),
        "a mark is never edited: its revision is when it was made"
    );
    let check_in = &records.check_ins[0];
    assert_eq!(check_in.ratings, [Some(7), Some(8)]);
    assert_eq!(
        records.check_ins.ledger().rev(&check_in.id),
        Some(Rev::legacy(check_in.updated))
    );
    assert_eq!(records.dates[0].memories[0].rating, 5);
    assert_eq!(records.decks[0].seed, 77);
    assert_eq!(
        records.time_outs.ledger().rev(&records.time_outs[0].id),
        Some(Rev::legacy(records.time_outs[0].updated))
    );
    assert_eq!(records.settings.name(Partner::Second), "Sam");
    assert_eq!(records.settings.theme, Theme::Dark);
    let couple = Settings::default().id().clone();
    assert_eq!(
        records.settings.ledger().rev(&couple),
        Some(Rev::legacy(DateTime::UNIX_EPOCH)),
        "settings had no time of their own: any change made since wins"
    );

    // Into a device that changed its settings since, only what is new comes in.
    let mut here = Records::default();
    here.settings
        .update(Clock::new(1).tick(after), |s| s.theme = Theme::Light);
    backup::merge(&mut here, &backup);
    assert_eq!(here.settings.theme, Theme::Light);
    assert_eq!(here.journal.len(), 2);
    // Into a device with no settings of its own, the file's are taken.
    let mut fresh = Records::default();
    backup::merge(&mut fresh, &backup);
    assert_eq!(fresh.settings.name(Partner::First), "Alex");
}

#[test]
fn a_backup_from_schema_1_is_upgraded_on_import() {
    let after = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let backup = backup::parse(V1_BACKUP, after).unwrap();
    let journal = &backup.records.journal;
    assert_eq!(journal.len(), 2);
    let flagged = journal
        .entries()
        .iter()
        .find(|entry| entry.id.as_str() == "0f3c9a6b1e2d4c5f8a7b6c5d4e3f2a1b")
        .unwrap();
    assert_eq!(flagged.agenda, Some(Agenda::Next));
    assert_eq!(
        journal.ledger().rev(&flagged.id),
        Some(Rev::legacy(flagged.updated))
    );
    let couple = Settings::default().id().clone();
    assert!(
        backup.records.settings.get(&couple).is_none(),
        "schema 1 had no settings: none are imported"
    );
    assert_eq!(
        counts(&backup.records)[1..],
        counts(&Records::default())[1..]
    );
}

/// A journal entry stamped a year ahead of `now()`, as exported by a
/// device whose clock was that far wrong.
fn from_a_year_ahead() -> String {
    let mut records = Records::default();
    let ahead = Clock::new(9).tick(now() + TimeDelta::days(365));
    records
        .journal
        .add(
            id(1),
            &Draft {
                text: "From the future".into(),
                ..Draft::default()
            },
            ahead,
        )
        .unwrap();
    backup::export(&records, now())
}

#[test]
fn a_revision_a_year_ahead_is_pulled_back_to_within_a_day_of_now() {
    let backup = parse(&from_a_year_ahead()).unwrap();
    let rev = backup.records.journal.ledger().rev(&id(1)).unwrap();
    let latest = (now() + backup::FUTURE_SLACK).timestamp_millis() as u64;
    assert!(rev.ms <= latest, "{rev:?}");
    assert_eq!(rev.node, 9, "still that writer's revision");

    // Revisions within the slack are a clock a little fast: kept as they are.
    let mut records = Records::default();
    let fast = Clock::new(9).tick(now() + TimeDelta::hours(2));
    records
        .journal
        .add(id(2), &draft("From a clock two hours fast"), fast)
        .unwrap();
    let parsed = parse(&backup::export(&records, now())).unwrap();
    assert_eq!(parsed.records.journal.ledger().rev(&id(2)), Some(fast.rev));
}

#[test]
fn a_revision_a_year_ahead_is_taken_as_made_now() {
    let backup = parse(&from_a_year_ahead()).unwrap();
    let rev = backup.records.journal.ledger().rev(&id(1)).unwrap();
    assert_eq!(rev.time(), Some(now()), "{rev:?}");
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let good = export(&with_journal(journal(2)));
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let duplicate = {
        let mut value: Value = serde_json::from_str(&good).unwrap();
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
        (
            good.replacen(
                "\"exported\":\"2026-10-28T20:00:00Z\"",
                "\"exported\":\"soon\"",
                1,
            ),
            |e| matches!(e, ImportError::Invalid(_)),
        ),
        (duplicate, |e| matches!(e, ImportError::Invalid(_))),
        (good.replacen("\"rev\":\"", "\"rev\":\"soon", 1), |e| {
            matches!(e, ImportError::Invalid(_))
        }),
        (deep, |e| matches!(e, ImportError::TooDeep)),
        (" ".repeat(backup::MAX_BYTES + 1), |e| {
            matches!(e, ImportError::TooLarge { .. })
        }),
    ];
    for (text, expected) in cases {
        let Err(error) = parse(&text) else {
            panic!("accepted {:?}", text.chars().take(60).collect::<String>());
        };
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
fn what_a_file_is_is_decided_before_whether_it_is_damaged() {
    // A Rekindle marker and nothing else: not a backup at all.
    assert_eq!(
        parse(r#"{"format": "rekindle-backup"}"#).err(),
        Some(ImportError::NotABackup)
    );
    // A newer Rekindle may shape its header differently: "update the app",
    // not "damaged".
    assert_eq!(
        parse(r#"{"format": "rekindle-backup", "schema": 9}"#).err(),
        Some(ImportError::NewerSchema(9))
    );
}

/// Changes one item's data in a kind's list of an exported file.
fn change(file: &mut Value, kind: &str, index: usize, edit: impl FnOnce(&mut Value)) {
    edit(&mut file[kind][index]["data"]);
}

#[test]
fn bad_records_are_refused_with_a_reason_naming_their_kind() {
    let good: Value = serde_json::from_str(&export(&everything(true))).unwrap();
    assert!(parse(&good.to_string()).is_ok());
    let day_after = |started: &Value, days: i64| {
        let started = DateTime::parse_from_rfc3339(started.as_str().unwrap()).unwrap();
        json!(
            (started + TimeDelta::days(days))
                .to_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        )
    };
    type Damage = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, &str, Damage)> = vec![
        (
            "the date idea",
            "rated 6",
            Box::new(|f| change(f, "dates", 0, |d| d["memories"][0]["rating"] = json!(6))),
        ),
        (
            "the check-in",
            "rating is 11",
            Box::new(|f| change(f, "check_ins", 0, |c| c["ratings"][0] = json!(11))),
        ),
        (
            "the check-in",
            "answer is 4001 characters",
            Box::new(|f| {
                change(f, "check_ins", 0, |c| {
                    c["going_well"][1] = json!("x".repeat(4_001))
                })
            }),
        ),
        (
            "the date idea",
            "name is empty",
            Box::new(|f| change(f, "dates", 1, |d| d["title"] = json!(""))),
        ),
        (
            "the set of settings",
            "name is 41 characters",
            Box::new(|f| change(f, "settings", 0, |s| s["names"][0] = json!("a".repeat(41)))),
        ),
        (
            "the set of settings",
            "appears twice",
            Box::new(|f| {
                change(f, "settings", 0, |s| {
                    let first = s["nudges"]["nudges"][0]["id"].clone();
                    s["nudges"]["nudges"][1]["id"] = first;
                })
            }),
        ),
        (
            "the time-out",
            "return time",
            Box::new(move |f| {
                change(f, "time_outs", 0, |t| {
                    t["back_at"] = day_after(&t["started"], 9)
                })
            }),
        ),
        (
            "the journal entry",
            "changed before it was written",
            Box::new(|f| {
                change(f, "journal", 0, |e| {
                    e["updated"] = json!("2020-01-01T00:00:00Z")
                })
            }),
        ),
        (
            "the appreciation",
            "carries another id",
            Box::new(|f| change(f, "appreciations", 0, |a| a["id"] = json!("someone-else"))),
        ),
        (
            "the appreciation",
            "appears twice",
            Box::new(|f| {
                let first = f["appreciations"][0].clone();
                f["appreciations"].as_array_mut().unwrap().push(first);
            }),
        ),
        (
            "the question deck",
            "card is empty",
            Box::new(|f| {
                let decks = f["decks"].as_array_mut().unwrap();
                let place = decks
                    .iter_mut()
                    .find(|d| d["data"]["own"][0].is_object())
                    .unwrap();
                place["data"]["own"][0]["text"] = json!("  ");
            }),
        ),
    ];
    for (kind, reason, damage) in cases {
        let mut file = good.clone();
        damage(&mut file);
        match parse(&file.to_string()) {
            Err(ImportError::Invalid(why)) => {
                assert!(
                    why.contains(kind) && why.contains(reason),
                    "expected {kind:?} and {reason:?} in {why:?}"
                );
            }
            other => panic!("{kind} {reason}: {:?}", other.map(|_| ())),
        }
    }
}

#[test]
fn a_kind_with_more_records_than_any_backup_holds_is_refused() {
    let mark = |n: usize| {
        format!(
            r#"{{"v":3,"id":"m{n}","rev":"1.0.0","data":{{"id":"m{n}","created":"2026-10-05T20:00:00Z","day":"2026-10-05","nudge":"starter-hug","text":""}}}}"#
        )
    };
    let file = |count: usize| {
        let items: Vec<String> = (0..count).map(mark).collect();
        format!(
            r#"{{"format":"rekindle-backup","schema":3,"exported":"2026-10-28T20:00:00Z","affection":[{}]}}"#,
            items.join(",")
        )
    };
    let most = backup::MAX_RECORDS_PER_KIND;
    match parse(&file(most + 1)) {
        Err(ImportError::Invalid(why)) => {
            assert!(
                why.contains(&format!("{} affection moments", most + 1)),
                "{why}"
            )
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    let at_most = parse(&file(most)).unwrap();
    assert_eq!(at_most.records.affection.len(), most);
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
            stamp(1),
        )
        .unwrap();
    let parsed: Backup = parse(&export(&with_journal(hostile))).unwrap();
    assert_eq!(parsed.records.journal.entries()[0].text, text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,400}") {
        let _ = parse(&text);
    }

    #[test]
    fn a_damaged_export_is_refused_or_read_never_a_panic(cut in 0usize..4000, flip in 0usize..4000, byte in 0u8..128) {
        let good = export(&with_journal(journal(4)));
        let mut bytes = good.into_bytes();
        let flip = flip % bytes.len();
        bytes[flip] = byte;
        bytes.truncate(cut.min(bytes.len()));
        // Whatever is accepted is a consistent backup.
        if let Ok(parsed) = String::from_utf8(bytes).map_err(|_| ()).and_then(|text| parse(&text).map_err(|_| ())) {
            let mut restored = Records::default();
            backup::merge(&mut restored, &parsed);
            prop_assert!(restored.journal.len() <= 4);
            let exported = export(&parsed.records);
            prop_assert!(parse(&exported).is_ok(), "what was read exports and reads again");
        }
    }
}

#[test]
fn a_backup_protected_with_a_passphrase_opens_only_with_its_key() {
    use rekindle::domain::backup::SealedBackup;
    let plain = r#"{"format":"rekindle-backup","schema":3,"exported":"2026-12-01T20:00:00Z"}"#;
    let key = [7u8; 32];
    let file = SealedBackup::seal(plain, &key, [1; 16], [2; 24]);
    assert!(
        !file.contains("rekindle-backup\""),
        "the backup's own text is not readable"
    );
    let sealed = SealedBackup::read(&file).expect("read as a protected backup");
    assert_eq!(sealed.iterations, 600_000);
    assert_eq!(sealed.salt().unwrap(), vec![1; 16]);
    assert_eq!(sealed.open(&key).unwrap(), plain);
    assert_eq!(sealed.open(&[8; 32]), Err(ImportError::WrongPassphrase));
    // One changed character in the sealed data never opens.
    let mut changed = sealed.clone();
    let at = changed.data.len() / 2;
    let swap = if changed.data.as_bytes()[at] == b'A' {
        "B"
    } else {
        "A"
    };
    changed.data.replace_range(at..=at, swap);
    assert_eq!(changed.open(&key), Err(ImportError::WrongPassphrase));
    // A plain backup, or anything else, is not taken for a protected one.
    assert!(SealedBackup::read(plain).is_none());
    assert!(SealedBackup::read("{\"format\":\"rekindle-backup-sealed\"}").is_none());
    assert!(SealedBackup::read("not json rekindle-backup-sealed").is_none());
}
