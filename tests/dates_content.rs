//! The date idea library's content: enough of every kind, no two ideas
//! the same in other words, seasons that fit what the idea is, safety
//! words where water, fire or wild food are involved, wording that assumes
//! no shared home or genders, and access notes that agree with the idea.

use std::collections::HashSet;

use rekindle::content::dates::IDEAS;
use rekindle::domain::dates::{Access, Category, Cost, Energy, Idea, Season, Seasons};

#[test]
fn the_library_has_enough_of_every_kind_and_every_field_set() {
    assert!(IDEAS.len() >= 80, "{} ideas", IDEAS.len());
    for category in Category::ALL {
        let count = IDEAS.iter().filter(|i| i.category == category).count();
        assert!(count >= 8, "{}: {count}", category.label());
    }
    let mut titles = HashSet::new();
    for idea in IDEAS {
        assert!(
            titles.insert(idea.title.to_lowercase()),
            "duplicate: {}",
            idea.title
        );
        for text in [idea.title, idea.description] {
            assert!(!text.is_empty() && text.trim() == text, "{:?}", idea.title);
        }
        assert!(idea.title.chars().count() <= 80);
        assert!(idea.description.chars().count() <= 200, "{}", idea.title);
        assert!(idea.description.ends_with('.'), "{}", idea.title);
        assert!(!idea.seasons.is_empty(), "{}", idea.title);
        assert!((10..=1440).contains(&idea.minutes), "{}", idea.title);
    }
    for season in Season::ALL {
        let count = IDEAS.iter().filter(|i| i.seasons.contains(season)).count();
        assert!(count >= 40, "{}: {count}", season.label());
        let only = IDEAS
            .iter()
            .filter(|i| i.seasons != Seasons::ALL && i.seasons.contains(season))
            .count();
        assert!(only >= 5, "{} has {only} seasonal ideas", season.label());
    }
    for cost in Cost::ALL {
        assert!(IDEAS.iter().filter(|i| i.cost == cost).count() >= 8);
    }
    for energy in Energy::ALL {
        assert!(IDEAS.iter().filter(|i| i.energy == energy).count() >= 8);
    }
    // The kinds of date the essay names.
    let has = |word: &str| IDEAS.iter().any(|i| i.title.to_lowercase().contains(word));
    for word in [
        "pottery",
        "scavenger hunt",
        "recipe",
        "escape room",
        "museum",
        "neighbourhood",
    ] {
        assert!(has(word), "no idea mentions {word}");
    }
    let cosy_winter = IDEAS
        .iter()
        .filter(|i| {
            i.category == Category::AtHome
                && i.seasons == Seasons::of(&[Season::Autumn, Season::Winter])
        })
        .count();
    assert!(cosy_winter >= 4, "at-home winter evenings: {cosy_winter}");
    let spring_outdoors = IDEAS
        .iter()
        .filter(|i| {
            i.category == Category::Outdoors
                && i.seasons.contains(Season::Spring)
                && i.seasons != Seasons::ALL
        })
        .count();
    assert!(
        spring_outdoors >= 4,
        "spring outdoor dates: {spring_outdoors}"
    );
}

/// Words too common, or too general, to tell two ideas apart.
const STOP_WORDS: &[&str] = &[
    "about",
    "after",
    "before",
    "both",
    "each",
    "from",
    "have",
    "into",
    "make",
    "never",
    "neither",
    "other",
    "something",
    "that",
    "their",
    "them",
    "then",
    "they",
    "this",
    "together",
    "until",
    "what",
    "when",
    "where",
    "while",
    "with",
    "would",
    "your",
];

/// An idea's content words: letters only, lowercase, four letters or more,
/// no stop words, a plural's "s" dropped ("places" and "place" are one).
fn content_words(title: &str, description: &str) -> HashSet<String> {
    format!("{title} {description}")
        .to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4 && !STOP_WORDS.contains(w))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 4 && !stem.ends_with('s') => stem.to_string(),
            _ => w.to_string(),
        })
        .collect()
}

/// Shared content words over those of the shorter idea: a reworded twin
/// shares most of its few words, where Jaccard on whole sentences, diluted
/// by the longer one's extra words, would miss it.
fn overlap(a: (&str, &str), b: (&str, &str)) -> f64 {
    let (a, b) = (content_words(a.0, a.1), content_words(b.0, b.1));
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 1.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

/// Near-duplicate threshold on `overlap`.
const MAX_OVERLAP: f64 = 0.4;

#[test]
fn the_overlap_measure_flags_a_reworded_twin_and_spares_different_ideas() {
    // Two ideas the library once held, the same date in other words.
    let visit = (
        "Visit the place of your first date",
        "Go back to where it started, or as close as you can, and tell each other what you remember.",
    );
    let recreate = (
        "Recreate your first date",
        "Same kind of place, same order if you can remember it, and stories about how nervous you were.",
    );
    assert!(overlap(visit, recreate) >= MAX_OVERLAP);
    // Plain word-set Jaccard, the decks' measure, lets them through.
    let (a, b) = (
        content_words(visit.0, visit.1),
        content_words(recreate.0, recreate.1),
    );
    let jaccard = a.intersection(&b).count() as f64 / a.union(&b).count() as f64;
    assert!(jaccard < 0.3, "{jaccard}");
    let museum = (
        "A local museum, one room only",
        "Visit a museum near you, choose a single room, and each pick the piece you would take home.",
    );
    assert!(overlap(visit, museum) < MAX_OVERLAP);
    assert_eq!(overlap(museum, museum), 1.0);
}

#[test]
fn no_two_ideas_are_the_same_date_in_other_words() {
    let mut twins = Vec::new();
    for (i, a) in IDEAS.iter().enumerate() {
        for b in &IDEAS[i + 1..] {
            let shared = overlap((a.title, a.description), (b.title, b.description));
            if shared >= MAX_OVERLAP {
                twins.push(format!("{shared:.2}: {:?} ~ {:?}", a.title, b.title));
            }
        }
    }
    assert!(
        twins.is_empty(),
        "near-duplicate ideas:\n{}",
        twins.join("\n")
    );
}

fn text(idea: &Idea) -> String {
    format!("{} {}", idea.title, idea.description).to_lowercase()
}

fn words(idea: &Idea) -> Vec<String> {
    text(idea)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether any word of the idea starts with one of `stems` ("swim" finds
/// "swimming").
fn mentions(idea: &Idea, stems: &[&str]) -> bool {
    words(idea)
        .iter()
        .any(|w| stems.iter().any(|stem| w.starts_with(stem)))
}

#[test]
fn indoor_ideas_suit_every_season_unless_they_say_why() {
    const INDOORS: &[&str] = &[
        "indoor",
        "museum",
        "gallery",
        "cinema",
        "class",
        "lecture",
        "planetarium",
        "climbing",
        "escape",
        "workshop",
        "restaurant",
        "bowling",
        "arcade",
        "recipe",
    ];
    // A cosy at-home evening may belong to the cold months, if it says so.
    const WHY: &[&str] = &["cold", "dark", "winter"];
    for idea in IDEAS {
        let indoors = idea.category == Category::AtHome || mentions(idea, INDOORS);
        if indoors && !mentions(idea, WHY) {
            assert_eq!(idea.seasons, Seasons::ALL, "{} is indoors", idea.title);
        }
    }
}

#[test]
fn an_idea_that_names_a_season_suits_it() {
    for idea in IDEAS {
        for season in Season::ALL {
            let named = season.label().to_lowercase();
            if words(idea).contains(&named) {
                assert!(
                    idea.seasons.contains(season),
                    "{} names {named}",
                    idea.title
                );
            }
        }
        if mentions(idea, &["snow"]) {
            assert!(idea.seasons.contains(Season::Winter), "{}", idea.title);
        }
    }
}

#[test]
fn ideas_near_water_fire_or_wild_food_say_how_to_stay_safe() {
    // (what the idea involves, words that show it, words of the care line)
    let risks: [(&str, &[&str], &[&str]); 3] = [
        (
            "water",
            &["swim", "paddl", "kayak", "canoe", "boat", "beach"],
            &["tide", "allowed", "buoyancy"],
        ),
        ("wild food", &["forag", "mushroom"], &["certain"]),
        (
            "fire or camping",
            &["fire", "camp", "tent", "barbecue", "stove"],
            &["put the fire out", "outside the tent"],
        ),
    ];
    let mut covered = 0;
    for idea in IDEAS {
        for (risk, shows, care) in risks {
            if mentions(idea, shows) {
                let description = idea.description.to_lowercase();
                assert!(
                    care.iter().any(|line| description.contains(line)),
                    "{} involves {risk} and says nothing about staying safe",
                    idea.title
                );
                covered += 1;
            }
        }
    }
    assert!(
        covered >= 6,
        "only {covered} ideas involve water, fire or wild food"
    );
}

#[test]
fn no_idea_assumes_a_shared_home_a_marriage_or_genders() {
    const ASSUMING: &[&str] = &[
        "living room",
        "living-room",
        "the kitchen",
        "your kitchen",
        "your house",
        "your flat",
        "the fridge",
        "in the garden",
        "wedding",
        "husband",
        "wife",
        "boyfriend",
        "girlfriend",
    ];
    const GENDERED: &[&str] = &["he", "she", "him", "his", "her", "hers"];
    for idea in IDEAS {
        let text = text(idea);
        for phrase in ASSUMING {
            assert!(!text.contains(phrase), "{}: {phrase:?}", idea.title);
        }
        for word in words(idea) {
            assert!(
                !GENDERED.contains(&word.as_str()),
                "{}: {word:?}",
                idea.title
            );
        }
    }
}

#[test]
fn every_idea_has_access_notes_that_agree_with_it() {
    for access in Access::ALL {
        let count = IDEAS.iter().filter(|i| i.access.contains(access)).count();
        assert!(count >= 20, "{}: {count}", access.label());
    }
    let neither = IDEAS
        .iter()
        .filter(|i| i.access == Default::default())
        .count();
    assert!(neither >= 20, "only {neither} ideas need steps or standing");
    // Rough ground, steps or water are never step-free; walking, hiking
    // and dancing are not done seated.
    const ROUGH: &[&str] = &[
        "hike",
        "trail",
        "climbing",
        "bouldering",
        "beach",
        "sandcastle",
        "snow",
        "hill",
        "field",
        "kayak",
        "canoe",
        "swim",
        "tent",
        "cycle",
        "forage",
        "kite",
    ];
    const ON_FOOT: &[&str] = &["walk", "hike", "dance", "dancing"];
    for idea in IDEAS {
        // Whole words: "trail" is rough ground, "trailers" are not.
        if words(idea).iter().any(|w| ROUGH.contains(&w.as_str())) {
            assert!(!idea.access.contains(Access::StepFree), "{}", idea.title);
        }
        let title = idea.title.to_lowercase();
        if ON_FOOT.iter().any(|w| title.contains(w)) {
            assert!(!idea.access.contains(Access::Seated), "{}", idea.title);
        }
    }
}
