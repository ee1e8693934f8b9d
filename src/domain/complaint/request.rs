//! The rewrite, "I feel … about …, and I need …", and a check that the
//! finished sentence no longer carries a judgement.

use super::{Finding, Pattern, spot, tokens};

/// Feeling words to offer as quick picks.
pub const FEELINGS: &[&str] = &[
    "lonely",
    "overwhelmed",
    "unseen",
    "worried",
    "hurt",
    "tired",
    "frustrated",
    "disconnected",
    "anxious",
    "sad",
    "taken for granted",
    "left out",
    "stretched thin",
];

/// Words after "I feel" that start a thought about someone, not a feeling
/// ("I feel like you …", "I feel that …", "I feel you are …").
const THOUGHT_STARTS: &[&str] = &[
    "as", "because", "he", "if", "it", "like", "she", "that", "they", "this", "we", "you", "your",
];

/// The rewrite, in three parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    pub feel: String,
    pub about: String,
    pub need: String,
}

/// A part as typed, without the words the sentence already has around it
/// and without closing punctuation.
fn tidy<'a>(part: &'a str, lead_ins: &[&str]) -> &'a str {
    let mut rest = part.trim();
    for lead in lead_ins {
        let n = lead.len();
        if rest.len() > n
            && rest.is_char_boundary(n)
            && rest[..n].eq_ignore_ascii_case(lead)
            && rest[n..].starts_with(' ')
        {
            rest = rest[n..].trim_start();
            break;
        }
    }
    rest.trim_end_matches(['.', '!', '?', ',', ';', ' '])
}

impl Request {
    fn parts(&self) -> [&str; 3] {
        [
            tidy(
                &self.feel,
                &["i feel", "i'm feeling", "i am feeling", "feel"],
            ),
            tidy(&self.about, &["about"]),
            tidy(&self.need, &["and i need", "i need", "need"]),
        ]
    }

    pub fn is_complete(&self) -> bool {
        self.parts().iter().all(|part| !part.is_empty())
    }

    /// "I feel lonely about our evenings, and I need ten minutes together.",
    /// with "…" for a part not written yet.
    pub fn sentence(&self) -> String {
        let [feel, about, need] = self.parts().map(|p| if p.is_empty() { "…" } else { p });
        format!("I feel {feel} about {about}, and I need {need}.")
    }

    /// What still sounds like a judgement in `sentence()`, with ranges into
    /// it: the accusing patterns, and a thought where a feeling belongs.
    pub fn judgements(&self) -> Vec<Finding> {
        let sentence = self.sentence();
        let mut found = spot(&sentence);
        let clauses = tokens::clauses(&sentence);
        let first = clauses.first().map(|c| &c.words[..]).unwrap_or_default();
        // The sentence starts "I feel", so the third word is what was felt.
        if let Some(third) = first.get(2)
            && THOUGHT_STARTS.binary_search(&third.word.as_str()).is_ok()
        {
            let thought = Finding {
                pattern: Pattern::Thought,
                start: 0,
                end: third.end,
            };
            found.insert(0, thought);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_thought_starts_are_sorted_for_their_binary_search() {
        assert!(super::THOUGHT_STARTS.windows(2).all(|p| p[0] < p[1]));
    }
}
