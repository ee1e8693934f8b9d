//! The words for the Talk tools (`src/content/talk.rs`) and the "When it
//! feels impossible" page (`src/content/guidance.rs`): the safety note
//! comes first and says where to turn, the sections are all there in
//! order, lists have sensible lengths, and no string is empty, padded,
//! marked up or carries a link (the app makes no external requests).

use std::collections::HashSet;

use rekindle::content::guidance::{Block, SAFETY, SECTIONS, Section};
use rekindle::content::talk::*;

const SECTION_IDS: &[&str] = &[
    "deeper-issues",
    "signs",
    "what-to-expect",
    "finding-one",
    "patience",
];

/// The safety note followed by every section, as the page shows them.
fn all_sections() -> Vec<&'static Section> {
    std::iter::once(&SAFETY).chain(SECTIONS.iter()).collect()
}

/// Every string in one section: id, heading, paragraphs and list items.
fn section_strings(section: &Section) -> Vec<&'static str> {
    let mut out = vec![section.id, section.heading];
    for block in section.body {
        match *block {
            Block::Para(text) => out.push(text),
            Block::List(items) => out.extend_from_slice(items),
        }
    }
    out
}

fn guidance_strings() -> Vec<&'static str> {
    all_sections()
        .into_iter()
        .flat_map(section_strings)
        .collect()
}

/// Every list and single string in the Talk content, with a name for messages.
fn talk_lists() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("SPEAKER_TIPS", SPEAKER_TIPS),
        ("LISTENER_PROMPTS", LISTENER_PROMPTS),
        ("LISTENER_AVOID", LISTENER_AVOID),
        ("CLOSING_PROMPTS", CLOSING_PROMPTS),
        ("TIME_OUT_MEANWHILE", TIME_OUT_MEANWHILE),
        ("TIME_OUT_AVOID", TIME_OUT_AVOID),
        ("RESTART_SCRIPT", RESTART_SCRIPT),
    ]
}

fn talk_strings() -> Vec<&'static str> {
    let mut out = vec![
        LISTENING_RULE,
        TIME_OUT_WHY,
        BREATHE_IN,
        BREATHE_HOLD,
        BREATHE_OUT,
        BREATHING_HINT,
    ];
    for (_, list) in talk_lists() {
        out.extend_from_slice(list);
    }
    out
}

fn every_string() -> Vec<&'static str> {
    let mut all = guidance_strings();
    all.extend(talk_strings());
    all
}

fn safety_text() -> String {
    section_strings(&SAFETY).join(" ").to_lowercase()
}

#[test]
fn guidance_has_safety_then_sections_in_order() {
    assert_eq!(SAFETY.id, "safety");
    let ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
    assert_eq!(ids, SECTION_IDS);
}

#[test]
fn guidance_ids_are_unique() {
    let mut seen = HashSet::new();
    for section in all_sections() {
        assert!(
            seen.insert(section.id),
            "duplicate section id {:?}",
            section.id
        );
    }
}

#[test]
fn every_section_has_a_heading_and_a_paragraph() {
    for section in all_sections() {
        assert!(
            !section.heading.trim().is_empty(),
            "{} has no heading",
            section.id
        );
        let has_para = section
            .body
            .iter()
            .any(|b| matches!(b, Block::Para(text) if !text.trim().is_empty()));
        assert!(has_para, "{} has no paragraph", section.id);
        for block in section.body {
            if let Block::List(items) = block {
                assert!(!items.is_empty(), "{} has an empty list", section.id);
            }
        }
    }
}

#[test]
fn signs_has_a_list_of_at_least_six() {
    let signs = SECTIONS
        .iter()
        .find(|s| s.id == "signs")
        .expect("signs section");
    let longest = signs
        .body
        .iter()
        .filter_map(|b| match b {
            Block::List(items) => Some(items.len()),
            Block::Para(_) => None,
        })
        .max()
        .unwrap_or(0);
    assert!(longest >= 6, "signs list has only {longest} items");
    assert!(
        longest <= 10,
        "signs list has {longest} items, more than 10"
    );
}

#[test]
fn finding_one_has_questions_to_ask() {
    let finding = SECTIONS
        .iter()
        .find(|s| s.id == "finding-one")
        .expect("finding-one");
    let questions = finding
        .body
        .iter()
        .filter_map(|b| match b {
            Block::List(items) => Some(*items),
            Block::Para(_) => None,
        })
        .any(|items| items.len() >= 3 && items.iter().all(|q| q.ends_with('?')));
    assert!(
        questions,
        "finding-one needs a list of questions for a first call"
    );
}

#[test]
fn safety_names_emergency_services_and_individual_support() {
    let text = safety_text();
    for needle in [
        "afraid",
        "abuse",
        "emergency",
        "helpline",
        "doctor",
        "couples therapy",
        "911",
        "999",
        "112",
        "000",
        "erase everything",
        "private",
        // Support beyond women's services, a way to write, and a crisis line.
        "for men",
        "lgbt",
        "any gender",
        "text start to 88788",
        "press 55",
        "crisis",
        "988",
        "samaritans",
        // Erase cannot reach files already downloaded; say so.
        "downloaded stay",
    ] {
        assert!(
            text.contains(needle),
            "safety note should mention {needle:?}"
        );
    }
}

#[test]
fn safety_helplines_are_exact() {
    let text = section_strings(&SAFETY).join(" ");
    // As checked against each service's own page (see the comment in
    // `src/content/guidance.rs`); a typo here would send someone nowhere.
    for number in [
        "1-800-799-7233",
        "0808 2000 247",
        "0808 801 0327",
        "0800 999 5428",
        "1800RESPECT",
        "1800 737 732",
        "0458 737 732",
        "1300 78 99 78",
        "1800 184 527",
        "116 123",
        "85258",
        "13 11 14",
    ] {
        assert!(text.contains(number), "safety note should give {number:?}");
    }
}

#[test]
fn helplines_are_usually_free_never_promised_free() {
    // Some lines cost a local call from a landline: never promise "free".
    for s in section_strings(&SAFETY) {
        let lower = s.to_lowercase();
        for (at, _) in lower.match_indices("free") {
            assert!(
                lower[..at].ends_with("usually "),
                "\"free\" without \"usually\" in {s:?}"
            );
        }
    }
}

#[test]
fn no_links_anywhere() {
    for s in every_string() {
        let lower = s.to_lowercase();
        for bad in ["http", "www.", ".com"] {
            assert!(!lower.contains(bad), "link-like {bad:?} in {s:?}");
        }
    }
}

#[test]
fn every_string_is_trimmed_and_non_empty() {
    for s in every_string() {
        assert!(!s.is_empty(), "empty string");
        assert_eq!(s, s.trim(), "untrimmed string {s:?}");
        assert!(!s.contains("  "), "double space in {s:?}");
        assert!(!s.contains('\n'), "line break in {s:?}");
    }
}

#[test]
fn no_markdown_or_three_dot_ellipsis() {
    for s in every_string() {
        for bad in ["**", "__", "`", "](", "...", "# "] {
            assert!(!s.contains(bad), "{bad:?} in {s:?}");
        }
        assert!(!s.starts_with("- "), "list marker in {s:?}");
    }
}

#[test]
fn listener_prompts_include_the_required_four() {
    for required in [
        "What I'm hearing is \u{2026}",
        "Did I get that right?",
        "Is there more?",
        "What would help?",
    ] {
        assert!(
            LISTENER_PROMPTS.contains(&required),
            "LISTENER_PROMPTS lacks {required:?}"
        );
    }
}

#[test]
fn time_out_meanwhile_says_not_to_rehearse() {
    assert!(
        TIME_OUT_MEANWHILE
            .iter()
            .any(|s| s.to_lowercase().contains("rehears")),
        "TIME_OUT_MEANWHILE should say not to rehearse the argument"
    );
    assert!(TIME_OUT_WHY.contains("20 minutes"));
}

#[test]
fn talk_lists_have_sensible_lengths() {
    let ranges: &[(&str, usize, usize)] = &[
        ("SPEAKER_TIPS", 4, 6),
        ("LISTENER_PROMPTS", 6, 8),
        ("LISTENER_AVOID", 4, 5),
        ("CLOSING_PROMPTS", 2, 4),
        ("TIME_OUT_MEANWHILE", 6, 8),
        ("TIME_OUT_AVOID", 3, 4),
        ("RESTART_SCRIPT", 5, 7),
    ];
    let lists = talk_lists();
    for &(name, min, max) in ranges {
        let (_, list) = lists.iter().find(|(n, _)| *n == name).expect(name);
        assert!(
            (min..=max).contains(&list.len()),
            "{name} has {} items, expected {min}..={max}",
            list.len()
        );
    }
}

#[test]
fn talk_lists_have_no_duplicates() {
    for (name, list) in talk_lists() {
        let unique: HashSet<_> = list.iter().collect();
        assert_eq!(unique.len(), list.len(), "duplicate item in {name}");
    }
}

#[test]
fn breathing_words_are_distinct_and_the_hint_gives_the_guide_s_rhythm() {
    let words: HashSet<&str> = [BREATHE_IN, BREATHE_HOLD, BREATHE_OUT].into();
    assert_eq!(words.len(), 3);
    // The hint describes the rhythm the guide actually counts.
    for (_, secs) in rekindle::domain::time_out::BREATH {
        assert!(
            BREATHING_HINT.contains(&secs.to_string()),
            "BREATHING_HINT should give {secs}"
        );
    }
}

#[test]
fn strings_fit_a_phone() {
    // Headings and list items stay short; paragraphs stay a few sentences.
    for section in all_sections() {
        assert!(
            section.heading.chars().count() <= 60,
            "long heading {:?}",
            section.heading
        );
        for block in section.body {
            match *block {
                Block::Para(text) => {
                    assert!(text.chars().count() <= 320, "long paragraph {text:?}")
                }
                Block::List(items) => {
                    for item in items {
                        assert!(item.chars().count() <= 140, "long list item {item:?}");
                    }
                }
            }
        }
    }
    for (name, list) in talk_lists() {
        for item in list {
            assert!(item.chars().count() <= 90, "long item in {name}: {item:?}");
        }
    }
}
