//! The built-in question decks (`src/content/decks.rs`): enough decks and
//! cards, well-formed ids and titles, every card an open question or a
//! gentle invitation that reads well aloud, and no card repeated or
//! near-repeated anywhere across the decks, word for word or reworded.

use std::collections::{HashMap, HashSet};

use rekindle::content::decks::DECKS;

const MAX_CARD_CHARS: usize = 160;

/// Cards that are not questions must start with one of these.
const INVITATIONS: &[&str] = &[
    "Tell me",
    "Describe",
    "Share",
    "Name",
    "Show me",
    "Finish this sentence",
    "Remember",
    "Pick",
    "Imagine",
];

/// First words that invite a yes or a no instead of a story.
const YES_NO_OPENERS: &[&str] = &[
    "do", "does", "did", "are", "is", "was", "were", "have", "has", "had", "can", "could", "would",
    "will", "should", "shall", "may",
];

/// Words too common to tell two cards apart.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "you", "your", "we", "our", "us", "i", "me", "my", "to", "of", "and", "or",
    "in", "on", "for", "with", "that", "what", "is", "it", "about",
];

/// Near-duplicate threshold on the Jaccard similarity of word sets.
const MAX_SIMILARITY: f64 = 0.8;

/// Words that say nothing of what a card is about, for the reworded-twin
/// measure: the stop words plus question words, the invitations and the
/// everyday verbs most cards lean on.
const FILLER: &[&str] = &[
    "a",
    "an",
    "the",
    "you",
    "your",
    "yourself",
    "we",
    "our",
    "us",
    "i",
    "me",
    "my",
    "they",
    "them",
    "their",
    "to",
    "of",
    "and",
    "or",
    "in",
    "on",
    "for",
    "with",
    "that",
    "what",
    "is",
    "it",
    "about",
    "do",
    "does",
    "did",
    "are",
    "was",
    "were",
    "be",
    "been",
    "have",
    "has",
    "had",
    "can",
    "could",
    "would",
    "will",
    "should",
    "how",
    "when",
    "where",
    "which",
    "who",
    "why",
    "this",
    "these",
    "those",
    "there",
    "something",
    "some",
    "one",
    "thing",
    "things",
    "most",
    "more",
    "if",
    "at",
    "by",
    "from",
    "as",
    "so",
    "but",
    "not",
    "just",
    "than",
    "any",
    "like",
    "each",
    "other",
    "tell",
    "name",
    "share",
    "describe",
    "pick",
    "imagine",
    "remember",
    "finish",
    "sentence",
    "show",
    "feel",
    "feels",
    "felt",
    "make",
    "makes",
    "made",
    "help",
    "helps",
    "right",
    "now",
    "really",
    "s",
    "ve",
    "re",
    "ll",
    "d",
    "t",
    "m",
];

/// Phrases a card must not use, each with why: some couples live apart,
/// looks are not a topic to press on, and a few phrasings belong to
/// well-known question lists rather than to Rekindle.
const NEVER: &[(&str, &str)] = &[
    ("our home", "assumes a shared home"),
    ("run a home", "assumes a shared home"),
    ("coming home to", "assumes living together"),
    ("our bedroom", "assumes living together"),
    ("fall asleep", "assumes sleeping side by side"),
    ("neighbours", "assumes the same neighbours"),
    ("our money", "assumes shared money"),
    ("self-conscious", "presses on looks"),
    ("gorgeous", "presses on looks"),
    ("way of desire", "pressure about desire"),
    ("perfect day", "echoes a well-known question list"),
    ("dinner guest", "echoes a well-known question list"),
    ("most grateful", "echoes a well-known question list"),
    ("sing to yourself", "echoes a well-known question list"),
    ("no object", "a cliché"),
    ("stranded on an island", "a cliché"),
];

/// Reworded twins share at least this many content stems…
const TWIN_MIN_SHARED: usize = 3;
/// …making up at least this share of the shorter card's stems.
const TWIN_MIN_OVERLAP: f64 = 0.5;

fn all_cards() -> impl Iterator<Item = (&'static str, &'static str)> {
    DECKS
        .iter()
        .flat_map(|deck| deck.cards.iter().map(move |card| (deck.id, *card)))
}

/// Lowercase, letters and digits only, single spaces.
fn normalise(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn content_words(text: &str) -> HashSet<String> {
    normalise(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// A crude stem, enough to match "touched" with "touch" and "years" with "year".
fn stem(word: &str) -> &str {
    ["ing", "ed", "es", "s", "ly", "er", "e"]
        .iter()
        .find_map(|suffix| {
            word.strip_suffix(suffix)
                .filter(|rest| rest.chars().count() >= 3)
        })
        .unwrap_or(word)
}

fn content_stems(text: &str) -> HashSet<String> {
    normalise(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(|w| stem(w).to_owned())
        .collect()
}

/// Two cards asking the same thing in other words: most of the shorter
/// card's content, stemmed, is in the other. Jaccard on whole words misses
/// these, as rewording adds words to the union and changes their endings.
fn reworded_twins(a: &str, b: &str) -> bool {
    let (a, b) = (content_stems(a), content_stems(b));
    let shared = a.intersection(&b).count();
    let shorter = a.len().min(b.len()).max(1);
    shared >= TWIN_MIN_SHARED && shared as f64 / shorter as f64 >= TWIN_MIN_OVERLAP
}

fn first_word(card: &str) -> String {
    card.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[test]
fn there_are_enough_decks_and_cards() {
    assert!(DECKS.len() >= 6, "only {} decks", DECKS.len());
    let total: usize = DECKS.iter().map(|d| d.cards.len()).sum();
    assert!(total >= 300, "only {total} cards in all");
    for deck in DECKS {
        assert!(
            deck.cards.len() >= 40,
            "deck {} has only {} cards",
            deck.id,
            deck.cards.len()
        );
    }
}

#[test]
fn deck_ids_are_unique_lowercase_and_hyphens() {
    let mut seen = HashSet::new();
    for deck in DECKS {
        assert!(!deck.id.is_empty(), "a deck has an empty id");
        assert!(
            deck.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "deck id {:?} must be lowercase letters and hyphens",
            deck.id
        );
        assert!(
            !deck.id.starts_with('-') && !deck.id.ends_with('-') && !deck.id.contains("--"),
            "deck id {:?} has a stray hyphen",
            deck.id
        );
        assert!(seen.insert(deck.id), "deck id {:?} is used twice", deck.id);
    }
}

#[test]
fn titles_and_blurbs_are_set_and_trimmed() {
    for deck in DECKS {
        for (field, text) in [("title", deck.title), ("blurb", deck.blurb)] {
            assert!(!text.is_empty(), "deck {} has an empty {field}", deck.id);
            assert_eq!(
                text,
                text.trim(),
                "deck {} {field} has stray whitespace",
                deck.id
            );
        }
    }
}

#[test]
fn every_card_is_trimmed_non_empty_and_short() {
    for (deck, card) in all_cards() {
        assert!(!card.trim().is_empty(), "empty card in deck {deck}");
        assert_eq!(card, card.trim(), "stray whitespace in {deck}: {card:?}");
        let chars = card.chars().count();
        assert!(
            chars <= MAX_CARD_CHARS,
            "card in {deck} has {chars} chars (max {MAX_CARD_CHARS}): {card:?}"
        );
    }
}

#[test]
fn every_card_is_a_question_or_an_invitation() {
    for (deck, card) in all_cards() {
        if card.ends_with('?') {
            continue;
        }
        let invitation = INVITATIONS.iter().any(|p| card.starts_with(p));
        assert!(
            invitation,
            "card in {deck} neither ends with '?' nor starts with an invitation: {card:?}"
        );
        assert!(
            card.ends_with('.') || card.ends_with('…'),
            "invitation in {deck} must end with '.', '…' or '?': {card:?}"
        );
    }
}

#[test]
fn no_card_assumes_a_shared_home_presses_on_looks_or_echoes_a_known_list() {
    for (deck, card) in all_cards() {
        let text = card.to_lowercase();
        for (phrase, why) in NEVER {
            assert!(!text.contains(phrase), "card in {deck} {why}: {card:?}");
        }
    }
}

#[test]
fn no_card_opens_with_a_yes_no_word() {
    for (deck, card) in all_cards() {
        let first = first_word(card);
        assert!(
            !YES_NO_OPENERS.contains(&first.as_str()),
            "card in {deck} invites a yes/no answer ({first:?}): {card:?}"
        );
    }
}

#[test]
fn no_card_is_repeated_across_decks() {
    let mut seen: HashMap<String, (&str, &str)> = HashMap::new();
    for (deck, card) in all_cards() {
        if let Some((other_deck, other)) = seen.insert(normalise(card), (deck, card)) {
            panic!("duplicate cards: {other_deck}: {other:?} and {deck}: {card:?}");
        }
    }
}

#[test]
fn no_two_cards_are_near_duplicates() {
    let cards: Vec<(&str, &str, HashSet<String>)> = all_cards()
        .map(|(deck, card)| (deck, card, content_words(card)))
        .collect();
    let mut offending = Vec::new();
    for (i, (deck_a, card_a, words_a)) in cards.iter().enumerate() {
        for (deck_b, card_b, words_b) in &cards[i + 1..] {
            let similarity = jaccard(words_a, words_b);
            if similarity >= MAX_SIMILARITY {
                offending.push(format!(
                    "{similarity:.2}: {deck_a}: {card_a:?} ~ {deck_b}: {card_b:?}"
                ));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "near-duplicate cards:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_twin_measure_flags_a_reworded_pair_that_jaccard_misses() {
    let (a, b) = (
        "Which old hurt still stings when it's touched?",
        "Which old hurt, if any, got touched by this?",
    );
    assert!(jaccard(&content_words(a), &content_words(b)) < MAX_SIMILARITY);
    assert!(reworded_twins(a, b));
    assert!(reworded_twins(
        "What's a hope you've barely said out loud?",
        "Tell me about a goal you haven't said out loud yet."
    ));
    // Sharing a word or two of filler is not being twins.
    assert!(!reworded_twins(
        "What does rest mean to you these days?",
        "What does success mean to you these days?"
    ));
    assert!(!reworded_twins(
        "What's your most useless talent?",
        "Which old hurt still stings?"
    ));
}

#[test]
fn no_two_cards_are_reworded_twins() {
    let cards: Vec<(&str, &str)> = all_cards().collect();
    let mut offending = Vec::new();
    for (i, (deck_a, card_a)) in cards.iter().enumerate() {
        for (deck_b, card_b) in &cards[i + 1..] {
            if reworded_twins(card_a, card_b) {
                offending.push(format!("{deck_a}: {card_a:?} ~ {deck_b}: {card_b:?}"));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "cards asking the same thing in other words:\n{}",
        offending.join("\n")
    );
}
