//! Ten years of a couple's data, for the benchmark and the large-store tests:
//! `cargo run --example ten_years > ten-years.json` writes a JSON object of
//! localStorage keys and values, made with the app's own types and format.
//! Deterministic: the same output every run.

use std::collections::BTreeMap;

use chrono::{Duration, TimeZone, Utc};
use rekindle::domain::collection::Holder;
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::{Draft, EntryKind, Journal, JournalEntry, Prompt};
use rekindle::domain::mood::Mood;
use rekindle::domain::record::{SCHEMA_VERSION, encode};
use rekindle::domain::revision::Clock;
use rekindle::storage::keys;

const DAYS: i64 = 3650;

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
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn id(&mut self) -> RecordId {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        RecordId::from_random(&bytes)
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

fn main() {
    let mut rng = Rng(0x5EED_1234_ABCD_0042);
    let start = Utc.with_ymd_and_hms(2016, 11, 23, 21, 0, 0).unwrap();
    let mut journal = Journal::default();
    let mut clock = Clock::new(0x7e57);
    for day in 0..DAYS {
        let at = start + Duration::days(day) + Duration::minutes(rng.below(180) as i64);
        let tags: Vec<&str> = (0..rng.below(3)).map(|_| rng.pick(TAGS)).collect();
        let draft = Draft {
            kind: if rng.below(6) == 0 {
                EntryKind::UnspokenNeed
            } else {
                EntryKind::Reflection
            },
            text: entry_text(&mut rng),
            mood: Mood::new(1 + rng.below(6) as u8),
            tags: tags.join(", "),
            prompt: (rng.below(4) == 0).then(|| Prompt::ALL[rng.below(Prompt::ALL.len())]),
            for_check_in: rng.below(20) == 0,
        };
        journal
            .add(rng.id(), &draft, clock.tick(at))
            .expect("generated entries are valid");
    }

    let mut store = BTreeMap::new();
    store.insert(keys::SCHEMA.to_string(), SCHEMA_VERSION.to_string());
    for item in journal.stamped() {
        let key = keys::record::<JournalEntry>(&item.id);
        store.insert(key, encode(item.rev, item.record));
    }
    let chars: usize = store
        .iter()
        .map(|(k, v)| k.chars().count() + v.chars().count())
        .sum();
    eprintln!(
        "ten_years: {} journal entries in {} keys, {:.2} million characters",
        journal.len(),
        store.len(),
        chars as f64 / 1e6
    );
    println!("{}", serde_json::to_string(&store).expect("serialises"));
}
