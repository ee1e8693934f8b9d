//! Whether a text is English enough for the rules to judge. The rules only
//! know English words, so for other languages the helper says so rather
//! than calling the words kind. Two small signs: mostly non-Latin letters,
//! or almost none of the words are common English ones.

use super::lexicon::{COMMON, is_in};

pub fn reads_as_english(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (ascii, other) = letters.fold((0usize, 0usize), |(a, o), c| {
        if c.is_ascii() { (a + 1, o) } else { (a, o + 1) }
    });
    // "niños", "hörst" have a few; Japanese or Greek are all other letters.
    if other * 4 > ascii {
        return false;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .map(|c| c.to_ascii_lowercase())
                .collect()
        })
        .filter(|w: &String| !w.is_empty())
        .collect();
    // Too short to tell ("Whatever."): give it the benefit of the doubt.
    if words.len() < 3 {
        return true;
    }
    let english = words
        .iter()
        .filter(|w| is_in(COMMON, w) || w.ends_with("ing") || w.ends_with("ly"))
        .count();
    english * 4 >= words.len()
}
