//! The complaint → request helper: a table of accusing and already-kind
//! sentences (no false alarms on the kind ones), the quoted ranges, and the
//! rewrite's tidying.

use Pattern::*;
use rekindle::domain::complaint::{FEELINGS, Pattern, Request, spot};

/// Sentence, and the patterns it must raise (in order; empty: none at all).
const TABLE: &[(&str, &[Pattern])] = &[
    // Accusing.
    ("You never help with the kids!", &[NeverAlways]),
    ("You always leave your dishes in the sink.", &[NeverAlways]),
    ("You’re always on your phone.", &[NeverAlways]),
    ("you constantly interrupt me", &[NeverAlways]),
    ("You don't ever ask how my day was", &[NeverAlways]),
    ("You are never home before nine", &[NeverAlways]),
    (
        "Every single time we go out, you check your email",
        &[Absolute],
    ),
    ("All you ever do is work.", &[Absolute]),
    ("Nothing I do is good enough for you", &[Absolute]),
    ("I always have to do everything around here", &[Absolute]),
    ("You should know how I feel by now", &[Should]),
    ("You need to stop spending money on gadgets.", &[Should]),
    ("You'd better be on time for once", &[Should]),
    ("It's all your fault we were late", &[Blame]),
    ("You made me miss the train", &[Blame]),
    ("You make me so angry when you do that", &[Blame]),
    ("You ruined the whole evening.", &[Blame]),
    ("You're so lazy.", &[Label]),
    ("You are such a slob", &[Label]),
    ("you're being ridiculous", &[Label]),
    ("What's wrong with you?", &[Label]),
    ("Whatever.", &[Contempt]),
    ("Fine, whatever, do what you want", &[Contempt]),
    ("Here we go again.", &[Contempt]),
    ("Grow up!", &[Contempt]),
    ("Of course you forgot.", &[Contempt]),
    (
        "You never listen, you're so selfish, and you should apologise.",
        &[NeverAlways, Label, Should],
    ),
    (
        "You always do this and it's your fault.",
        &[NeverAlways, Blame],
    ),
    // Already kind: not a single finding.
    (
        "I feel lonely when we don't talk in the evenings, and I need ten minutes together.",
        &[],
    ),
    ("I really appreciated you cooking tonight.", &[]),
    ("I love everything about you.", &[]),
    ("Could we plan a date this week?", &[]),
    ("I always feel better after we talk.", &[]),
    ("I love how you always make me laugh.", &[]),
    ("If you need to talk later, I'm here.", &[]),
    ("Do you have to work on Saturday?", &[]),
    ("Whatever you decide is fine with me.", &[]),
    ("Where did you grow up, again?", &[]),
    ("You make me feel safe.", &[]),
    ("You are the kindest person I know.", &[]),
    ("Nevertheless, you shoulder a lot and I see it.", &[]),
    ("Thank you always for the coffee in bed.", &[]),
    ("It would help me if we shared the school run.", &[]),
];

#[test]
fn the_table_raises_exactly_the_expected_patterns() {
    let accusing = TABLE.iter().filter(|(_, p)| !p.is_empty()).count();
    let kind = TABLE.iter().filter(|(_, p)| p.is_empty()).count();
    assert!(TABLE.len() >= 30 && accusing >= 18 && kind >= 12);
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|(sentence, expected)| {
            let found: Vec<Pattern> = spot(sentence).iter().map(|f| f.pattern).collect();
            (found != *expected)
                .then(|| format!("{sentence:?}: expected {expected:?}, found {found:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn quoted(text: &str) -> Vec<&str> {
    spot(text).iter().map(|f| &text[f.start..f.end]).collect()
}

#[test]
fn findings_quote_the_words_that_raised_them() {
    assert_eq!(quoted("Honestly? You NEVER help."), ["You NEVER"]);
    assert_eq!(quoted("you’re such a mess"), ["you’re such a mess"]);
    assert_eq!(quoted("Every single time!"), ["Every single time"]);
    assert_eq!(
        quoted("You never call. You never write."),
        ["You never", "You never"]
    );
    // Overlapping phrases of one pattern are reported once.
    assert_eq!(quoted("you never ever listen"), ["you never ever"]);
}

#[test]
fn word_boundaries_and_apostrophes_are_respected() {
    assert!(spot("Nevertheless, it was fine").is_empty());
    assert!(spot("you shoulder the load").is_empty());
    assert!(spot("Your faultless timing!").is_empty());
    assert_eq!(quoted("You dont ever ask"), ["You dont ever"]);
    assert_eq!(quoted("You don’t ever ask"), ["You don’t ever"]);
    assert_eq!(quoted("youre so lazy"), ["youre so lazy"]);
}

#[test]
fn spot_never_panics_on_odd_text() {
    let long = "you never ".repeat(2_000);
    let odd = [
        "",
        " ",
        "'",
        "’’’",
        "you",
        "you're",
        "Ǆ you never ǅ",
        "👩‍❤️‍👨 you always 👩‍❤️‍👨",
        "İstanbul you should",
        "\u{0}\u{ffff}",
        "you\u{2019}",
        "whatever",
        "grow",
        long.as_str(),
    ];
    for text in odd {
        for finding in spot(text) {
            assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
            assert!(finding.start < finding.end);
        }
    }
    assert_eq!(spot(&long).len(), 2_000);
}

#[test]
fn every_pattern_explains_itself() {
    for pattern in [NeverAlways, Absolute, Should, Blame, Label, Contempt] {
        assert!(!pattern.label().is_empty());
        assert!(pattern.explanation().len() > 40);
    }
    assert!(FEELINGS.len() >= 10);
}

#[test]
fn the_request_reads_as_one_kind_sentence() {
    let request = |feel: &str, about: &str, need: &str| Request {
        feel: feel.into(),
        about: about.into(),
        need: need.into(),
    };
    assert_eq!(
        request("overwhelmed", "bedtimes", "us to take turns").sentence(),
        "I feel overwhelmed about bedtimes, and I need us to take turns."
    );
    // Words the sentence already has, and closing punctuation, are not doubled.
    assert_eq!(
        request(
            " I feel lonely. ",
            "about our evenings",
            "and I need ten minutes together!"
        )
        .sentence(),
        "I feel lonely about our evenings, and I need ten minutes together."
    );
    assert_eq!(
        request("", "the dishes", "").sentence(),
        "I feel … about the dishes, and I need …."
    );
    assert!(!request("", "the dishes", "").is_complete());
    assert!(!request("tired", "  ", "help").is_complete());
    assert!(request("tired", "mornings", "help").is_complete());
    // A word that merely starts like a lead-in is kept.
    assert_eq!(
        request("feeling low", "needless fights", "needs met").sentence(),
        "I feel feeling low about needless fights, and I need needs met."
    );
}
