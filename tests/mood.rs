//! Mood: stored as 1–5, shown only in words from "Heavy" to "Light".

use rekindle::domain::mood::Mood;

#[test]
fn every_mood_has_its_own_word_and_no_number() {
    let words: Vec<&str> = Mood::all().map(Mood::word).collect();
    assert_eq!(words, ["Heavy", "Low", "Steady", "Warm", "Light"]);
    for mood in Mood::all() {
        assert!(!mood.word().chars().any(|c| c.is_ascii_digit()));
        assert!(!mood.felt().chars().any(|c| c.is_ascii_digit()));
    }
}

#[test]
fn the_ends_of_the_scale_are_its_first_and_last_words() {
    let first = Mood::new(Mood::MIN).unwrap();
    let last = Mood::new(Mood::MAX).unwrap();
    assert_eq!(Mood::ENDS, (first.word(), last.word()));
}

#[test]
fn an_entry_says_how_it_felt() {
    assert_eq!(Mood::new(1).unwrap().felt(), "Felt heavy");
    assert_eq!(Mood::new(5).unwrap().felt(), "Felt light");
}

#[test]
fn the_face_smiles_more_as_the_mood_lightens() {
    let smiles: Vec<i8> = Mood::all().map(Mood::smile).collect();
    assert_eq!(smiles, [-2, -1, 0, 1, 2]);
}

#[test]
fn the_stored_value_is_unchanged() {
    for value in 1..=5 {
        let mood = Mood::new(value).unwrap();
        assert_eq!(serde_json::to_string(&mood).unwrap(), value.to_string());
        assert_eq!(
            serde_json::from_str::<Mood>(&value.to_string()).unwrap(),
            mood
        );
    }
    assert!(serde_json::from_str::<Mood>("0").is_err());
    assert!(serde_json::from_str::<Mood>("6").is_err());
}

#[test]
fn a_tally_counts_each_mood_chosen_and_skips_the_rest() {
    let m = |v| Mood::new(v);
    let tally = Mood::tally([m(5), None, m(1), m(5), None]);
    assert_eq!(tally, vec![(m(1).unwrap(), 1), (m(5).unwrap(), 2)]);
    assert!(Mood::tally([None, None]).is_empty());
}

#[test]
fn the_range_sentence_names_both_ends() {
    let (heavy, light) = Mood::ENDS;
    assert_eq!(
        Mood::RANGE,
        format!("From {} to {}.", heavy.to_lowercase(), light.to_lowercase())
    );
    for mood in Mood::all() {
        assert_eq!(mood.felt(), format!("Felt {}", mood.word().to_lowercase()));
    }
}
