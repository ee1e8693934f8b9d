//! Ten years of everything a heavy couple keeps in Rekindle, for the
//! benchmark and the large-store checks: `cargo run --example ten_years >
//! ten-years.json` writes a JSON object of localStorage keys and values, made
//! with the app's own types, APIs and format; `-- --sealed` writes the same
//! store as it is kept with the passcode lock on. Deterministic: the same
//! output every run. A summary (records per kind, characters per year, years
//! until Chromium's localStorage is full) goes to stderr.
//!
//! The pace, every day for ten years:
//! - a journal entry a day, most a few lines, one in ten several paragraphs;
//! - two appreciations a day, one each, a sentence or two (one in ten saved
//!   to read aloud at the check-in);
//! - three touches a day from their list (the ten starters and six of their
//!   own), one mis-tap a month taken back (a tombstone);
//! - a weekly check-in on Sunday: last week's agreements reviewed, the
//!   journal's agenda, this week's appreciations pre-filled, what is going
//!   well and what could be better from both, two or three agreements, both
//!   ratings and a focus;
//! - two dates a month, planned a few days ahead and kept as a memory (a
//!   note and a rating); the backlog grows by a library idea every two
//!   months and one of their own every six weeks;
//! - two question-deck evenings a week (one or two cards each, so every deck
//!   is drawn through about four times), one card in eight a favourite, an
//!   own card every three months or so;
//! - a time-out a month (one in four extended);
//! - settings: names, theme, their touches, a backup every month.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use rekindle::content::dates::IDEAS;
use rekindle::content::decks::DECKS;
use rekindle::domain::affection::{Nudge, starter_list};
use rekindle::domain::appreciation::{Focus, Partner, Written};
use rekindle::domain::check_in::{CheckIn, Outcome, Step, appreciation_prefill, in_progress};
use rekindle::domain::collection::Holder;
use rekindle::domain::dates::{
    AccessNotes, Category, Cost, Energy, Filter, Idea, Memory, Pick, Seasons, candidates, surprise,
};
use rekindle::domain::decks::{cards, keys_of};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Agenda, Draft, EntryKind, Prompt};
use rekindle::domain::kind::Kind;
use rekindle::domain::mood::Mood;
use rekindle::domain::pack;
use rekindle::domain::record::encode;
use rekindle::domain::records::{Records, Visit};
use rekindle::domain::revision::{Clock, Stamp};
use rekindle::domain::seal::{LockRecord, Sealer};
use rekindle::domain::settings::Theme;
use rekindle::domain::squeeze;
use rekindle::storage::keys;

const YEARS: i64 = 10;
const DAYS: i64 = YEARS * 365 + YEARS / 4;
/// Chromium allows 10 MiB per origin's localStorage, counted as UTF-16 (two
/// bytes a character, keys and values): 5,242,880 characters. Source:
/// `kPerStorageAreaQuota = 10 * 1024 * 1024` in Chromium's
/// components/services/storage/dom_storage/dom_storage_constants.h; Blink's
/// storage_area_map.cc counts key + value in UTF-16 units. tools/bench.mjs
/// measures it in the browser too.
const QUOTA_CHARS: f64 = 5_242_880.0;

/// xorshift64*: tiny, deterministic, good enough to vary made-up text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut bytes = [0u8; N];
        for chunk in bytes.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes()[..chunk.len()]);
        }
        bytes
    }
    fn id(&mut self) -> RecordId {
        RecordId::from_random(&self.bytes())
    }
}

const OPENINGS: &[&str] = &[
    "Today I noticed",
    "This morning",
    "After dinner",
    "On the walk home",
    "Before bed",
    "At the weekend",
    "While we cooked",
    "In the car",
];
const MIDDLES: &[&str] = &[
    "Alex laughed at my terrible joke and I felt close to them again",
    "we were both tired and short with each other about the dishes",
    "they remembered the thing I was worried about at work",
    "I wanted a hug but did not ask for one",
    "we planned the trip and it felt like a team again",
    "the kids were loud and we barely spoke",
    "I caught myself scrolling instead of listening",
    "they made tea without asking and it meant more than they know",
    "we argued about money and neither of us felt heard",
    "I felt proud of how patient they were with their mother",
];
const CLOSINGS: &[&str] = &[
    "I want to say thank you properly.",
    "Maybe we can talk about it at the check-in.",
    "I need to remember this on harder days.",
    "I am not sure how to bring it up.",
    "It was a small thing, and it mattered.",
    "Next time I will ask instead of waiting.",
];
const TAGS: &[&str] = &[
    "home", "work", "kids", "money", "walks", "weekend", "family", "us", "health", "holiday",
];

const THANKS: &[&str] = &[
    "Thank you for making the school run this morning so I could sleep in",
    "I loved how you listened to the whole story about my sister without fixing it",
    "Thank you for fixing the bike light before it got dark",
    "You made the whole evening easy when my parents visited",
    "I noticed you emptied the dishwasher without a word",
    "Thank you for the note you left in my bag",
    "The way you calmed the kids down at bedtime was lovely to watch",
    "I admire how you stood up for yourself in that meeting",
    "Thank you for booking the dentist for all of us",
    "You remembered I had the interview today and texted at exactly the right time",
    "I loved dancing in the kitchen with you while the pasta boiled",
    "Thank you for taking the long way home so we could talk",
];
const BECAUSE: &[&str] = &[
    "It made me feel looked after.",
    "I felt like we were a team again.",
    "It took a weight off my whole week.",
    "I did not say it then, but it mattered.",
    "It reminded me why I chose you.",
    "",
    "",
];
const WELL: &[&str] = &[
    "We ate together four nights out of seven.",
    "The Saturday walk felt like old times.",
    "We sorted the holiday plans without a fight.",
    "I felt heard when I talked about work.",
    "The kids' routine is finally working.",
    "We laughed more this week.",
    "We kept phones out of the bedroom.",
];
const BETTER: &[&str] = &[
    "I felt alone with the laundry again, and I would like us to share it.",
    "When plans change at the last minute I feel unimportant.",
    "I miss time with just the two of us.",
    "Mornings are rushed and we snap at each other.",
    "I would like more help planning the weekend.",
    "",
];
const REQUESTS: &[&str] = &[
    "Phones away at dinner",
    "A walk together on Saturday morning",
    "Tell me before inviting friends over",
    "Take turns with the bedtime story",
    "Ten minutes to talk after the kids are asleep",
    "Plan one date this month",
    "Ask before making plans for both of us",
    "Hand over the morning coffee in bed once this week",
    "Share the shopping list on Thursday",
];
const FOCUSES: &[&str] = &[
    "Be kinder in the mornings.",
    "Plan the anniversary weekend.",
    "One evening with no screens.",
    "Notice the small things and say so.",
    "Rest: no extra plans this week.",
];
const MEMORIES: &[&str] = &[
    "We laughed until we cried at the dog in the hat.",
    "The rain caught us and we ran the last bit holding hands.",
    "Too much food, not enough time, perfect anyway.",
    "You got lost and I did not mind at all.",
    "Quiet and slow, exactly what we needed.",
    "We talked about the future for the first time in ages.",
];
const OWN_IDEAS: &[&str] = &[
    "Breakfast at the lake",
    "Cook something from your grandmother's book",
    "Night swim at the lido",
    "Second-hand bookshop crawl",
    "Build the blanket fort again",
    "Sunrise from the bridge",
    "Try the new Georgian place",
    "Pottery evening class",
];
const OWN_CARDS: &[&str] = &[
    "What did you want to be when you were seven?",
    "Which friend should we see more of?",
    "What would a perfect lazy Sunday look like now?",
    "What is one thing I do that makes you feel safe?",
    "Where should we go when the kids have left home?",
    "What song takes you straight back to when we met?",
];
const OWN_TOUCHES: &[&str] = &[
    "Hold hands during the film",
    "A squeeze of the hand at the school gate",
    "Sit close on the bus",
    "Warm their side of the bed",
    "A hug from behind while they wash up",
    "Tuck the blanket round their feet",
];

fn entry_text(rng: &mut Rng) -> String {
    // Most entries are a few lines; some run to several paragraphs.
    let sentences = match rng.below(10) {
        0..=5 => 1 + rng.below(3),
        6..=8 => 3 + rng.below(5),
        _ => 10 + rng.below(15),
    };
    let mut text = String::new();
    for n in 0..sentences {
        if n > 0 {
            text.push(if n % 5 == 0 { '\n' } else { ' ' });
        }
        text.push_str(&format!(
            "{}, {}. {}",
            rng.pick(OPENINGS),
            rng.pick(MIDDLES),
            rng.pick(CLOSINGS)
        ));
    }
    text
}

fn sentences(rng: &mut Rng, from: &[&str], most: usize) -> String {
    let mut parts: Vec<&str> = (0..1 + rng.below(most)).map(|_| rng.pick(from)).collect();
    parts.dedup();
    parts.retain(|part| !part.is_empty());
    parts.join(" ")
}

/// One couple's life in the app, as the app's own holders keep it.
struct Couple {
    rng: Rng,
    clock: Clock,
    records: Records,
    /// Dates planned and not yet done: (day, idea).
    planned: Vec<(NaiveDate, RecordId)>,
}

impl Couple {
    fn at(&mut self, day: NaiveDate, hour: u32, minute: u32) -> Stamp {
        let now = Utc
            .from_utc_datetime(&day.and_hms_opt(hour, minute, 0).expect("a real time"))
            .to_utc();
        self.clock.tick(now)
    }

    fn nudges(&self) -> Vec<Nudge> {
        self.records.settings.nudges.nudges.clone()
    }

    fn appreciate(&mut self, day: NaiveDate, from: Partner, hour: u32) {
        let text = format!("{}. {}", self.rng.pick(THANKS), self.rng.pick(BECAUSE));
        let written = Written {
            from,
            focus: if self.rng.one_in(3) {
                Focus::WhoTheyAre
            } else {
                Focus::SomethingTheyDid
            },
            text: &text,
            day,
        };
        let id = self.rng.id();
        let minute = self.rng.below(50) as u32;
        let at = self.at(day, hour, minute);
        self.records
            .appreciations
            .add(id.clone(), &written, at)
            .expect("generated appreciations are valid");
        if self.rng.one_in(10) {
            let at = self.at(day, hour, minute + 1);
            self.records.appreciations.toggle_read_aloud(&id, at);
        }
    }

    fn touches(&mut self, day: NaiveDate) {
        let nudges = self.nudges();
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < 3 {
            let n = self.rng.below(nudges.len());
            if !picked.contains(&n) {
                picked.push(n);
            }
        }
        for (slot, n) in picked.into_iter().enumerate() {
            let minute = self.rng.below(50) as u32;
            let at = self.at(day, 9 + 3 * slot as u32, minute);
            self.records.affection.toggle(&nudges[n], day, at);
            // Once a month or so a mis-tap is taken back: a tombstone.
            if self.rng.one_in(90) {
                let at = self.at(day, 9 + 3 * slot as u32, 55);
                self.records.affection.toggle(&nudges[n], day, at);
            }
        }
    }

    fn time_out(&mut self, day: NaiveDate) {
        let id = self.rng.id();
        let minute = self.rng.below(30) as u32;
        let at = self.at(day, 17, minute);
        let back = at.now + Duration::minutes(20 + self.rng.below(40) as i64);
        self.records
            .time_outs
            .start(id.clone(), at, back)
            .expect("generated time-outs are valid");
        let mut back_at = back;
        if self.rng.one_in(4) {
            let at = self.clock.tick(back);
            self.records
                .time_outs
                .edit(&id, at, |t| t.extend(back, 10))
                .expect("it exists")
                .expect("within a day");
            back_at = back + Duration::minutes(10);
        }
        let at = self.clock.tick(back_at + Duration::minutes(2));
        self.records.time_outs.edit(&id, at, |t| t.end(at.now));
    }

    fn decks(&mut self, day: NaiveDate, evening: usize) {
        let deck = &DECKS[evening % DECKS.len()];
        let seed = self.rng.next();
        let draws = 1 + self.rng.below(2);
        let favourite = self.rng.one_in(4);
        let own = self
            .rng
            .one_in(25)
            .then(|| format!("{} ({})", self.rng.pick(OWN_CARDS), day.format("%B %Y")));
        let own_id = self.rng.id();
        let at = self.at(day, 19, 0);
        self.records.decks.edit_place(deck, seed, at, |place| {
            if let Some(text) = own {
                // A card already there is simply not added again.
                let _ = place.add_own(deck, own_id, &text, at.now);
            }
            for n in 0..draws {
                let keys = keys_of(&cards(deck, Some(&*place)));
                let drawn = place.draw(&keys, at.now).expect("decks have cards");
                if favourite && n == 0 && !place.is_favourite(&drawn) {
                    place.toggle_favourite(&drawn, at.now);
                }
            }
        });
    }

    fn save_ideas(&mut self, day: NaiveDate, library: bool) {
        let at = self.at(day, 20, 10);
        if library {
            let unsaved: Vec<&Idea<'static>> = IDEAS
                .iter()
                .filter(|idea| !self.records.dates.has_saved(idea.title))
                .collect();
            if !unsaved.is_empty() {
                let idea = unsaved[self.rng.below(unsaved.len())];
                let id = self.rng.id();
                self.records.dates.save_from_library(id, idea, at);
            }
        } else {
            let title = format!("{} ({})", self.rng.pick(OWN_IDEAS), day.format("%b %Y"));
            let idea = Idea {
                title: &title,
                description: "Our own idea: bring a flask, leave the phones at home.",
                category: Category::ALL[self.rng.below(Category::ALL.len())],
                seasons: Seasons::ALL,
                cost: Cost::ALL[self.rng.below(Cost::ALL.len())],
                minutes: 60 + 30 * self.rng.below(6) as u16,
                energy: Energy::ALL[self.rng.below(Energy::ALL.len())],
                // A couple's own ideas carry no access note (the filters never vouch for them).
                access: AccessNotes::NONE,
            };
            let id = self.rng.id();
            self.records
                .dates
                .add_own(id, &idea, at)
                .expect("generated ideas are valid");
        }
    }

    /// Picks a date as "Surprise us" would and plans it for `on`.
    fn plan_date(&mut self, day: NaiveDate, on: NaiveDate) {
        let seed = self.rng.next();
        let title = {
            let saved = self.records.dates.as_slice();
            let all = candidates(saved, IDEAS, &Filter::default());
            match surprise(&all, day, seed, None) {
                Some(Pick::Saved(idea)) => Ok(idea.id.clone()),
                Some(Pick::Library(idea)) => Err(idea.title),
                None => return,
            }
        };
        let id = match title {
            Ok(id) => id,
            Err(title) => {
                let idea = IDEAS.iter().find(|idea| idea.title == title);
                let idea = idea.expect("picked from the library");
                let id = self.rng.id();
                let at = self.at(day, 20, 20);
                self.records.dates.save_from_library(id.clone(), idea, at);
                id
            }
        };
        let when = on.and_hms_opt(19, 0, 0).expect("a real time");
        let at = self.at(day, 20, 25);
        self.records
            .dates
            .edit(&id, at, |d| d.plan(when, at.now))
            .expect("it is saved");
        self.planned.push((on, id));
    }

    fn remember_dates(&mut self, day: NaiveDate) {
        let yesterday = day - Duration::days(1);
        let done: Vec<RecordId> = self
            .planned
            .iter()
            .filter(|(on, _)| *on == yesterday)
            .map(|(_, id)| id.clone())
            .collect();
        self.planned.retain(|(on, _)| *on != yesterday);
        for id in done {
            let memory = Memory {
                day: yesterday,
                rating: 2 + self.rng.below(4) as u8,
                note: sentences(&mut self.rng, MEMORIES, 2),
                would_repeat: self.rng.below(3) > 0,
            };
            let at = self.at(day, 7, 0);
            self.records
                .dates
                .edit(&id, at, |d| d.mark_done(memory, at.now))
                .expect("it is saved")
                .expect("generated memories are valid");
        }
    }

    /// The weekly check-in, step by step, as the stepper saves it.
    fn check_in(&mut self, day: NaiveDate) {
        let agenda: Vec<RecordId> = self
            .records
            .journal
            .for_check_in()
            .map(|e| e.id.clone())
            .collect();
        let prefill = appreciation_prefill(self.records.appreciations.as_slice(), day);
        let id = self.rng.id();
        let at = self.at(day, 19, 30);
        self.records
            .check_ins
            .start(id.clone(), at, day, agenda.clone(), prefill);
        for entry in &agenda {
            let at = self.at(day, 19, 31);
            self.records
                .journal
                .set_agenda(entry, Agenda::Discussed, at)
                .expect("on the agenda");
        }
        let mut minute = 32;
        // One change per minute, each saved as the stepper saves it.
        let mut step = |couple: &mut Couple, change: &mut StepChange| {
            let at = couple.at(day, 19, minute);
            minute += 1;
            let rng = &mut couple.rng;
            couple
                .records
                .check_ins
                .edit(&id, at, |c| change(rng, c, at.now))
                .expect("started");
        };
        step(self, &mut |_, c, now| c.timer_mut(now).start(now));
        step(self, &mut |rng, c, now| {
            let ids: Vec<RecordId> = c.review.iter().map(|a| a.id.clone()).collect();
            for id in ids {
                let outcome = match rng.below(20) {
                    0..=11 => Outcome::Kept,
                    12..=16 => Outcome::NotYet,
                    _ => Outcome::Dropped,
                };
                c.review(&id, outcome, now);
            }
            c.go_to(Step::Appreciations, now);
        });
        step(self, &mut |_, c, now| c.go_to(Step::GoingWell, now));
        for partner in Partner::BOTH {
            step(self, &mut |rng, c, now| {
                let text = sentences(rng, WELL, 3);
                c.set_answer(Step::GoingWell, partner, &text, now)
                    .expect("short");
            });
        }
        step(self, &mut |_, c, now| c.go_to(Step::CouldBeBetter, now));
        for partner in Partner::BOTH {
            step(self, &mut |rng, c, now| {
                let text = sentences(rng, BETTER, 2);
                c.set_answer(Step::CouldBeBetter, partner, &text, now)
                    .expect("short");
            });
        }
        step(self, &mut |rng, c, now| {
            c.go_to(Step::Needs, now);
            for _ in 0..2 + rng.below(2) {
                let from = Partner::BOTH[rng.below(2)];
                let id = rng.id();
                c.add_agreement(id, from, rng.pick(REQUESTS), now)
                    .expect("short");
            }
        });
        step(self, &mut |rng, c, now| {
            c.go_to(Step::Ratings, now);
            for partner in Partner::BOTH {
                c.rate(partner, Some(4 + rng.below(7) as u8), now)
                    .expect("1 to 10");
            }
        });
        step(self, &mut |rng, c, now| {
            c.go_to(Step::NextWeek, now);
            c.set_focus(rng.pick(FOCUSES), now).expect("short");
        });
        step(self, &mut |_, c, now| c.finish(now));
        let at = self.at(day, 19, 59);
        self.records.appreciations.mark_heard(at);
    }
}

type StepChange<'a> = dyn FnMut(&mut Rng, &mut CheckIn, DateTime<Utc>) + 'a;

/// Every record of every kind as localStorage holds it, tombstones too.
/// The store as the app leaves it at the end: settled records in their
/// years' packs, the last month's (and every deletion) under their own
/// keys. Values are plain text here; `stored` gives each its stored form.
struct Store {
    values: BTreeMap<String, String>,
    counts: BTreeMap<&'static str, (usize, usize)>,
    now_ms: u64,
}

impl Visit for Store {
    fn visit<H: Holder>(&mut self, _: &'static str, holder: &H) {
        let counts = self.counts.entry(H::Kind::KEY).or_default();
        let mut years = BTreeSet::new();
        for item in holder.stamped() {
            if let Some(record) = item.record {
                // The rules every way in applies: the app must take it all.
                if let Err(why) = record.check() {
                    panic!("{} {}: {why}", H::Kind::KEY, item.id);
                }
                counts.0 += 1;
            } else {
                counts.1 += 1;
            }
            match pack::year_of(&item, self.now_ms) {
                Some(year) => {
                    years.insert(year);
                }
                None => {
                    let key = keys::record::<H::Kind>(&item.id);
                    self.values.insert(key, encode(item.rev, item.record));
                }
            }
        }
        for year in years {
            let items = pack::content(holder, year, self.now_ms);
            self.values
                .insert(keys::pack::<H::Kind>(year), pack::encode(&items));
        }
    }
}

/// A value as the app stores it under `key` (storage::vault's
/// `stored_form`): packs squeezed, everything sealed when `sealer` is given.
fn stored(key: &str, text: &str, sealer: Option<(&Sealer, [u8; 24])>) -> String {
    match (sealer, keys::is_pack(key)) {
        _ if keys::is_bookkeeping(key) => text.to_string(),
        (Some((sealer, nonce)), false) => sealer.seal(key, text, nonce),
        (Some((sealer, nonce)), true) => sealer.seal_packed(key, text, nonce),
        (None, true) => squeeze::pack_text(text),
        (None, false) => text.to_string(),
    }
}

fn utf16(text: &str) -> usize {
    text.encode_utf16().count()
}

fn main() {
    let sealed = std::env::args().any(|arg| arg == "--sealed");
    let start = Utc.with_ymd_and_hms(2016, 11, 23, 0, 0, 0).unwrap();
    let first_day = start.date_naive();
    let mut couple = Couple {
        rng: Rng(0x5EED_1234_ABCD_0042),
        clock: Clock::new(0x7e57),
        records: Records::default(),
        planned: Vec::new(),
    };
    let at = couple.at(first_day, 6, 0);
    couple.records.settings.update(at, |s| {
        s.set_name(Partner::First, "Alex");
        s.set_name(Partner::Second, "Sam");
        s.check_in_weekday = Weekday::Sun;
        s.theme = Theme::Dark;
        s.welcomed = true;
        s.started = Some(first_day);
        s.first_week_hidden = true;
    });
    debug_assert_eq!(couple.records.settings.nudges.nudges, starter_list());
    let mut deck_evenings = 0;
    for day_number in 0..DAYS {
        let day = first_day + Duration::days(day_number);
        couple.remember_dates(day);
        couple.appreciate(day, Partner::First, 7);
        couple.touches(day);
        // A time-out a month, on a day of its own.
        if day.day() == 1 + (day.month() * 7 + day.year() as u32) % 28 {
            couple.time_out(day);
        }
        couple.appreciate(day, Partner::Second, 18);
        if matches!(day.weekday(), Weekday::Wed | Weekday::Sat) {
            couple.decks(day, deck_evenings);
            deck_evenings += 1;
        }
        if day.weekday() == Weekday::Sun {
            couple.check_in(day);
        }
        // The backlog: a library idea every two months (a dozen at the
        // start), one of their own every six weeks.
        if day_number < 12 || day_number % 61 == 30 {
            couple.save_ideas(day, true);
        }
        if day_number % 42 == 20 {
            couple.save_ideas(day, false);
        }
        // Two dates a month, on the 8th and the 22nd, planned four days ahead.
        if matches!(day.day(), 4 | 18) {
            couple.plan_date(day, day + Duration::days(4));
        }
        // Their own touches join the list in the first two years.
        if day_number % 120 == 60 && day_number / 120 < OWN_TOUCHES.len() as i64 {
            let text = OWN_TOUCHES[(day_number / 120) as usize];
            let id = couple.rng.id();
            let at = couple.at(day, 20, 40);
            couple.records.settings.update(at, |s| {
                s.nudges.add(id, text).expect("generated touches are valid");
            });
        }
        if day.day() == 1 {
            let at = couple.at(day, 20, 50);
            couple.records.settings.update(at, |s| s.backed_up(day));
        }
        journal_entry(&mut couple, day);
    }
    assert!(
        in_progress(couple.records.check_ins.as_slice()).is_none(),
        "every check-in finished"
    );

    // The store the morning after the last day.
    let end = first_day + Duration::days(DAYS);
    let mut store = Store {
        values: BTreeMap::new(),
        counts: BTreeMap::new(),
        now_ms: end
            .and_hms_opt(6, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis() as u64,
    };
    store
        .values
        .insert(keys::SCHEMA.to_string(), keys::STORE_SCHEMA.to_string());
    couple.records.visit(&mut store);
    let Store { values, counts, .. } = store;
    let plain: BTreeMap<String, String> = values
        .iter()
        .map(|(key, text)| (key.clone(), stored(key, text, None)))
        .collect();
    let sealed_store = seal(&values);

    summarise(&plain, &sealed_store, &counts);
    varied_words(&values, &plain);
    let out = if sealed { &sealed_store } else { &plain };
    println!("{}", serde_json::to_string(out).expect("serialises"));
}

fn journal_entry(couple: &mut Couple, day: NaiveDate) {
    let rng = &mut couple.rng;
    let minute = rng.below(180) as u32;
    let tags: Vec<&str> = (0..rng.below(3)).map(|_| rng.pick(TAGS)).collect();
    let draft = Draft {
        kind: if rng.one_in(6) {
            EntryKind::UnspokenNeed
        } else {
            EntryKind::Reflection
        },
        text: entry_text(rng),
        mood: Mood::new(1 + rng.below(6) as u8),
        tags: tags.join(", "),
        prompt: rng
            .one_in(4)
            .then(|| Prompt::ALL[rng.below(Prompt::ALL.len())]),
        for_check_in: rng.one_in(20),
    };
    let id = rng.id();
    let at = couple.at(day, 21 + minute / 60, minute % 60);
    couple
        .records
        .journal
        .add(id, &draft, at)
        .expect("generated entries are valid");
}

/// The store as the app keeps it with the passcode lock on: every value but
/// the bookkeeping keys sealed under its key and the lock's epoch (as
/// `storage::vault` writes them), and the lock record beside them.
fn seal(plain: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut rng = Rng(0x10CC_ED00_5EA1_0001);
    let data_key: [u8; 32] = rng.bytes();
    // A 12-byte random epoch in hex, as `storage::lock::new_epoch` makes.
    let epoch: String = rng
        .bytes::<12>()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let sealer = Sealer::new(&data_key, &epoch);
    let mut sealed: BTreeMap<String, String> = plain
        .iter()
        .map(|(key, value)| {
            let value = stored(key, value, Some((&sealer, rng.bytes())));
            (key.clone(), value)
        })
        .collect();
    // The passcode key comes from PBKDF2 in the browser; any 32 bytes give
    // a record of the same size (this store is for measuring, not opening).
    let lock = LockRecord::new(&rng.bytes(), rng.bytes(), &data_key, epoch, rng.bytes());
    sealed.insert(
        keys::LOCK.to_string(),
        serde_json::to_string(&lock).expect("lock records serialise"),
    );
    sealed
}

/// Records per kind, characters per year of the data, and the years until
/// the quota is reached at that pace, plain and with the lock on.
fn summarise(
    plain: &BTreeMap<String, String>,
    sealed: &BTreeMap<String, String>,
    counts: &BTreeMap<&'static str, (usize, usize)>,
) {
    let total = |store: &BTreeMap<String, String>| -> usize {
        store.iter().map(|(k, v)| utf16(k) + utf16(v)).sum()
    };
    eprintln!("ten_years: {YEARS} years, {} keys", plain.len());
    for (kind, (live, gone)) in counts {
        let chars = |store: &BTreeMap<String, String>| -> usize {
            store
                .iter()
                .filter(|(k, _)| {
                    k.starts_with(&format!("{}{kind}/", keys::PREFIX))
                        || k.starts_with(&format!("{}{kind}/", keys::PACK_PREFIX))
                })
                .map(|(k, v)| utf16(k) + utf16(v))
                .sum()
        };
        eprintln!(
            "  {kind:<12} {live:>6} records {gone:>4} tombstones {:>9} characters, {:>9} sealed",
            chars(plain),
            chars(sealed)
        );
    }
    for (what, store) in [("plain", plain), ("lock on", sealed)] {
        let chars = total(store);
        eprintln!(
            "  {what}: {:.2} million characters, {:.0} a year: {:.1} years until full ({} characters)",
            chars as f64 / 1e6,
            chars as f64 / YEARS as f64,
            QUOTA_CHARS / (chars as f64 / YEARS as f64),
            QUOTA_CHARS
        );
    }
}

/// The generator's sentences repeat far more than a couple's own words
/// would, and LZW thrives on repeats. So the same store again with every
/// piece of the couple's writing (any text with a space in it) replaced by
/// this README's prose, read on from where the last piece stopped: varied
/// English as real writing is, in the records' own shape.
fn varied_words(values: &BTreeMap<String, String>, plain: &BTreeMap<String, String>) {
    let prose: Vec<char> = include_str!("../README.md")
        .lines()
        .filter(|line| !line.starts_with(['|', '#', ' ', '`']) && line.len() > 30)
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let mut at = 0;
    let mut rewrite = |value: &mut serde_json::Value| {
        fn walk(value: &mut serde_json::Value, next: &mut dyn FnMut(usize) -> String) {
            match value {
                serde_json::Value::String(text) if text.contains(' ') => {
                    *text = next(text.chars().count());
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(|v| walk(v, next)),
                serde_json::Value::Object(map) => map.values_mut().for_each(|v| walk(v, next)),
                _ => {}
            }
        }
        walk(value, &mut |length| {
            let piece: String = (0..length).map(|n| prose[(at + n) % prose.len()]).collect();
            at = (at + length) % prose.len();
            piece
        });
    };
    let chars: usize = values
        .iter()
        .map(|(key, text)| {
            let value = if keys::is_pack(key) {
                let mut items: serde_json::Value =
                    serde_json::from_str(text).expect("packs are JSON");
                rewrite(&mut items);
                utf16(&squeeze::pack_text(&items.to_string()))
            } else {
                utf16(&plain[key])
            };
            utf16(key) + value
        })
        .sum();
    let rate = chars as f64 / YEARS as f64;
    eprintln!(
        "  with words as varied as the README's prose: {:.2} million characters, {rate:.0} a year: {:.1} years until full",
        chars as f64 / 1e6,
        QUOTA_CHARS / rate
    );
}
