//! The built-in question decks (`src/content/decks.rs`): enough decks and
//! cards, well-formed ids and titles, every card an open question or a
//! gentle invitation that reads well aloud, and no card repeated or
//! near-repeated anywhere across the decks.

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
