//! The words for the 1–10 connection rating, so nobody rates on a bare
//! number line: each step of the scale says what it feels like.

/// The words for each rating, 1 (far apart) to 10 (very close).
const WORDS: [&str; 10] = [
    "Far apart",
    "Distant",
    "Drifting",
    "Out of step",
    "In between",
    "Getting closer",
    "Close",
    "Warmly close",
    "Really close",
    "Very close",
];

/// What a rating means in words ("" outside 1 to 10).
pub fn word(rating: u8) -> &'static str {
    usize::from(rating)
        .checked_sub(1)
        .and_then(|i| WORDS.get(i))
        .copied()
        .unwrap_or("")
}

/// A rating with its words: "7 · Close".
pub fn said(rating: u8) -> String {
    format!("{rating} · {}", word(rating))
}
