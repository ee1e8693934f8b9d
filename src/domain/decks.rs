//! Question decks: drawing one card at a time with no repeat until a deck
//! is used up, favourites, and the couple's own cards. The built-in cards
//! are content (`content/decks.rs`); the couple's place in each deck is a
//! record, so the order survives reloads and travels in backups.
//!
//! The order of a round is a shuffle worked out from a stored seed, never
//! stored itself: the record keeps only the seed, the round and which cards
//! were drawn, so a card added mid-round simply joins what is left.
//!
//! Any card may be passed without a word: a passed card does not count as
//! drawn and comes back once, after the cards not yet seen this round.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Collection, Holder};
use super::id::RecordId;
use super::kind::{Kind, text_within};
use super::revision::{Rev, Stamp};

/// A built-in deck of questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deck {
    /// Stable, stored with the couple's place in the deck: never rename.
    pub id: &'static str,
    pub title: &'static str,
    /// One line on what the deck is for.
    pub blurb: &'static str,
    pub cards: &'static [&'static str],
    /// A short guide shown with the deck, where its cards ask for care.
    pub guide: Option<Guide>,
}

/// A few lines on how to hold what a deck's cards bring up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guide {
    pub title: &'static str,
    pub steps: &'static [&'static str],
}

/// A card's stable name within its deck. A built-in card is named by a hash
/// of its text, so reordering or adding cards in a new version keeps every
/// place and favourite; an own card by its id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CardKey {
    Built(u32),
    Own(RecordId),
}

impl CardKey {
    pub fn of_text(text: &str) -> CardKey {
        CardKey::Built(fnv1a(text))
    }
}

/// FNV-1a, 32 bits: small, stable across versions and platforms.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

impl From<CardKey> for String {
    fn from(key: CardKey) -> String {
        match key {
            CardKey::Built(hash) => format!("b{hash:08x}"),
            CardKey::Own(id) => format!("o{id}"),
        }
    }
}

impl TryFrom<String> for CardKey {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        match text.split_at_checked(1) {
            Some(("b", hex)) if hex.len() == 8 => u32::from_str_radix(hex, 16)
                .map(CardKey::Built)
                .map_err(|_| format!("not a card: {text:?}")),
            Some(("o", id)) => RecordId::try_from(id.to_string()).map(CardKey::Own),
            _ => Err(format!("not a card: {text:?}")),
        }
    }
}

/// A card the couple wrote into a deck.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCard {
    pub id: RecordId,
    pub text: String,
}

pub const MAX_CARD_CHARS: usize = 200;

/// The couple's place in one deck: stored under the deck's id, so every
/// device and backup names the same deck the same way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckPlace {
    /// The deck's id.
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub updated: DateTime<Utc>,
    /// Shuffles every round's order.
    pub seed: u64,
    /// Rounds finished: each has its own order.
    #[serde(default)]
    pub round: u32,
    /// Drawn this round, in order; the last one is the card on show.
    #[serde(default)]
    pub drawn: Vec<CardKey>,
    /// Passed this round, in order. Passed and not drawn: waiting to come
    /// back. Passed and drawn: back on show, or passed again and left for
    /// the next round. Never counted until answered. Left out when empty,
    /// so records from before passing are stored byte for byte as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passed: Vec<CardKey>,
    #[serde(default)]
    pub favourites: Vec<CardKey>,
    #[serde(default)]
    pub own: Vec<OwnCard>,
}

/// Far more than any deck: a place that lists more cards was not written here.
const MAX_CARDS_IN_PLACE: usize = 5_000;

impl Kind for DeckPlace {
    const KEY: &'static str = "deck";
    const NOUN: (&'static str, &'static str) = ("question deck", "question decks");
    const TRAVELS: bool = true;

    fn id(&self) -> &RecordId {
        &self.id
    }

    fn check(&self) -> Result<(), String> {
        let listed = self.drawn.len() + self.passed.len() + self.favourites.len() + self.own.len();
        if listed > MAX_CARDS_IN_PLACE {
            return Err(String::from("it lists more cards than any deck has"));
        }
        let mut ids = std::collections::HashSet::new();
        for card in &self.own {
            if !ids.insert(&card.id) {
                return Err(format!("its card {} appears twice", card.id));
            }
            text_within("card", &card.text, MAX_CARD_CHARS, true)?;
        }
        Ok(())
    }

    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.updated)
    }
}

/// One card as shown: its key, its words, and whether the couple wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card<'a> {
    pub key: CardKey,
    pub text: &'a str,
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardError {
    Empty,
    TooLong,
    AlreadyThere,
}

impl std::fmt::Display for CardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CardError::Empty => "Write the question first.",
            CardError::TooLong => "Keep a card to a sentence or two (200 characters).",
            CardError::AlreadyThere => "That card is already in this deck.",
        })
    }
}

/// Every card in `deck`: the built-in ones, then the couple's own.
pub fn cards<'a>(deck: &Deck, place: Option<&'a DeckPlace>) -> Vec<Card<'a>> {
    let built = deck.cards.iter().map(|text| Card {
        key: CardKey::of_text(text),
        text,
        own: false,
    });
    let own = place.into_iter().flat_map(|p| &p.own).map(|card| Card {
        key: CardKey::Own(card.id.clone()),
        text: &card.text,
        own: true,
    });
    built.chain(own).collect()
}

/// The keys of `cards`, as drawing wants them.
pub fn keys_of(cards: &[Card<'_>]) -> Vec<CardKey> {
    cards.iter().map(|card| card.key.clone()).collect()
}

impl DeckPlace {
    /// A fresh place in the deck `deck_id`, with a seed from the caller's randomness.
    pub fn new(deck_id: &str, seed: u64, now: DateTime<Utc>) -> DeckPlace {
        DeckPlace {
            id: RecordId::try_from(deck_id.to_string()).expect("deck ids are valid record ids"),
            updated: now,
            seed,
            round: 0,
            drawn: Vec::new(),
            passed: Vec::new(),
            favourites: Vec::new(),
            own: Vec::new(),
        }
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        // Never let the clock run backwards on a record: merges trust `updated`.
        self.updated = now.max(self.updated);
    }

    /// The card on show, if any.
    pub fn current(&self) -> Option<&CardKey> {
        self.drawn.last()
    }

    /// Draws the next card of `keys` (every card in the deck): the card on
    /// show counts as answered, and the next is the first in this round's
    /// order not seen yet, else the first passed card not back yet. When
    /// none is left a new round starts in a new order, and never with the
    /// card just shown.
    pub fn draw(&mut self, keys: &[CardKey], now: DateTime<Utc>) -> Option<CardKey> {
        if let Some(shown) = self.drawn.last() {
            // A passed card that came back and was answered now counts.
            let shown = shown.clone();
            self.passed.retain(|key| key != &shown);
        }
        self.next(keys, None, now)
    }

    /// Passes the card on show without counting it: another card takes its
    /// place, and the passed one comes back once the unseen cards are used
    /// up. A card passed a second time waits for the next round.
    pub fn pass(&mut self, keys: &[CardKey], now: DateTime<Utc>) -> Option<CardKey> {
        let shown = self.drawn.last()?.clone();
        if keys.is_empty() {
            return None;
        }
        if !self.passed.contains(&shown) {
            self.drawn.pop();
            self.passed.push(shown.clone());
        }
        self.next(keys, Some(&shown), now)
    }

    fn next(
        &mut self,
        keys: &[CardKey],
        not: Option<&CardKey>,
        now: DateTime<Utc>,
    ) -> Option<CardKey> {
        if keys.is_empty() {
            return None;
        }
        let order = shuffled(keys, self.seed, self.round);
        let unseen = order
            .iter()
            .find(|key| !self.drawn.contains(key) && !self.passed.contains(key));
        let back = || {
            self.passed
                .iter()
                .find(|key| keys.contains(key) && !self.drawn.contains(key) && Some(*key) != not)
        };
        let next = match unseen.or_else(back) {
            Some(key) => key.clone(),
            None => {
                let last = not.or(self.drawn.last()).cloned();
                self.round += 1;
                self.drawn.clear();
                self.passed.clear();
                let order = shuffled(keys, self.seed, self.round);
                let first = order.iter().find(|key| Some(*key) != last.as_ref());
                first.or(order.first())?.clone()
            }
        };
        self.drawn.push(next.clone());
        self.touch(now);
        Some(next)
    }

    /// How far through this round: (answered or on show, of all cards in
    /// the deck). Passed cards do not count until they are answered.
    pub fn progress(&self, keys: &[CardKey]) -> (usize, usize) {
        let shown = self.current();
        let counts = |key: &&CardKey| {
            self.drawn.contains(key) && (!self.passed.contains(key) || Some(*key) == shown)
        };
        (keys.iter().filter(counts).count(), keys.len())
    }

    pub fn is_favourite(&self, key: &CardKey) -> bool {
        self.favourites.contains(key)
    }

    pub fn toggle_favourite(&mut self, key: &CardKey, now: DateTime<Utc>) {
        match self.favourites.iter().position(|k| k == key) {
            Some(at) => {
                self.favourites.remove(at);
            }
            None => self.favourites.push(key.clone()),
        }
        self.touch(now);
    }

    /// Adds a card of their own; it joins the current round's remaining cards.
    pub fn add_own(
        &mut self,
        deck: &Deck,
        id: RecordId,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<CardKey, CardError> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(CardError::Empty);
        }
        if text.chars().count() > MAX_CARD_CHARS {
            return Err(CardError::TooLong);
        }
        let same = |other: &str| other.trim().eq_ignore_ascii_case(&text);
        if deck.cards.iter().any(|card| same(card)) || self.own.iter().any(|card| same(&card.text))
        {
            return Err(CardError::AlreadyThere);
        }
        let key = CardKey::Own(id.clone());
        self.own.push(OwnCard { id, text });
        self.touch(now);
        Ok(key)
    }

    /// Removes a card of their own, from the deck, this round and favourites.
    pub fn remove_own(&mut self, id: &RecordId, now: DateTime<Utc>) {
        let key = CardKey::Own(id.clone());
        self.own.retain(|card| &card.id != id);
        self.drawn.retain(|k| k != &key);
        self.passed.retain(|k| k != &key);
        self.favourites.retain(|k| k != &key);
        self.touch(now);
    }
}

impl Collection<DeckPlace> {
    /// The couple's place in `deck`, if they have drawn from it.
    pub fn place(&self, deck: &Deck) -> Option<&DeckPlace> {
        self.iter().find(|place| place.id.as_str() == deck.id)
    }

    /// The deck drawn from last.
    pub fn last_used(&self) -> Option<&DeckPlace> {
        self.iter().max_by_key(|place| place.updated)
    }

    /// Changes the place in `deck`, starting one with `seed` the first time.
    pub fn edit_place<T>(
        &mut self,
        deck: &Deck,
        seed: u64,
        at: Stamp,
        change: impl FnOnce(&mut DeckPlace) -> T,
    ) -> T {
        let id = match self.place(deck) {
            Some(place) => place.id.clone(),
            None => {
                let place = DeckPlace::new(deck.id, seed, at.now);
                let id = place.id.clone();
                self.put(place, at);
                id
            }
        };
        self.edit(&id, at, change).expect("the place exists")
    }
}

/// This round's order of `keys`: a Fisher–Yates shuffle driven by the seed
/// and the round, over the keys in a canonical order (so the order does not
/// depend on where the cards were listed).
pub fn shuffled(keys: &[CardKey], seed: u64, round: u32) -> Vec<CardKey> {
    let mut order = keys.to_vec();
    order.sort();
    order.dedup();
    let mut state = seed ^ u64::from(round).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for i in (1..order.len()).rev() {
        state = splitmix(state);
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// splitmix64: one step of a small, well-mixed generator.
pub fn splitmix(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The question of the day, from the decks gentle enough for a home screen:
/// the same all day, a different one the next day, and no repeat until
/// every card in those decks has had its day.
pub fn question_of_the_day(decks: &[Deck], day: NaiveDate) -> &'static str {
    let cards: Vec<&'static str> = decks
        .iter()
        .filter(|deck| DAILY_DECKS.contains(&deck.id))
        .flat_map(|deck| deck.cards.iter().copied())
        .collect();
    if cards.is_empty() {
        return "What is one thing you would like me to know about your day?";
    }
    let len = cards.len() as u64;
    // Stepping by a stride coprime with the count visits every card once per cycle.
    let stride = ((len / 3).max(1)..)
        .find(|s| gcd(*s, len) == 1)
        .unwrap_or(1);
    let days = chrono::Datelike::num_days_from_ce(&day).rem_euclid(len as i32) as u64;
    cards[(days * stride % len) as usize]
}

/// Decks whose cards suit a home screen glanced at in company.
const DAILY_DECKS: [&str; 4] = ["know-again", "dreams", "appreciation", "playful"];

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}
