//! Complaint → request. A complaint about a partner tends to arrive as an
//! accusation ("You never help!"), which is heard as an attack and answered
//! with a defence. This spots the usual accusing patterns, explains each
//! gently, and helps say the same thing as "I feel … about … and I need …".
//!
//! Plain, explainable rules rather than a word list: the text is split into
//! clauses and words (`tokens`), and each rule (`rules`) asks who a clause
//! is about, whether a warm word is negated, which verb follows "always",
//! and whether praise is sarcasm. The word lists live in `lexicon`.
//! `tests/complaint.rs` holds a table of sentences that pins it all down.

mod language;
mod lexicon;
mod request;
mod rules;
mod tokens;

pub use language::reads_as_english;
pub use request::{FEELINGS, Request};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// "You never …", "you always …".
    NeverAlways,
    /// Other all-or-nothing words: "every time", "all you do".
    Absolute,
    /// "You should", "you need to": orders and lectures.
    Should,
    /// "Your fault", "you made me …".
    Blame,
    /// A verdict on character: "you're so lazy".
    Label,
    /// Sarcasm and scorn: "whatever", "as usual".
    Contempt,
    /// A thought dressed as a feeling, in the request: "I feel like you …".
    Thought,
}

impl Pattern {
    pub const ALL: [Pattern; 7] = [
        Pattern::NeverAlways,
        Pattern::Absolute,
        Pattern::Should,
        Pattern::Blame,
        Pattern::Label,
        Pattern::Contempt,
        Pattern::Thought,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Pattern::NeverAlways => "Never and always",
            Pattern::Absolute => "All or nothing",
            Pattern::Should => "Telling them what to do",
            Pattern::Blame => "Blame",
            Pattern::Label => "A label",
            Pattern::Contempt => "Sarcasm",
            Pattern::Thought => "A thought, not a feeling",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            Pattern::NeverAlways => {
                "“Never” and “always” turn one hard moment into a verdict, and tend to start a debate about the exceptions instead of being heard. Try naming the moment: last night, this week."
            }
            Pattern::Absolute => {
                "All-or-nothing words leave out the times it went differently, so the talk can turn into a dispute about the count. Say what happened, and when."
            }
            Pattern::Should => {
                "“You should” can land as an order or a lecture, and most of us push back against those. Try what would help you: “It would help me if …”."
            }
            Pattern::Blame => {
                "Saying they caused your feeling can put them on trial. Your feeling is real and yours to name: “I felt … when …”."
            }
            Pattern::Label => {
                "A label sums up who they are rather than what happened, even when softened (“a bit”, “kind of”), and it is hard to hear without defending. Describe the moment and what it meant to you."
            }
            Pattern::Contempt => {
                "Sarcasm says the hurt sideways, and over time it wears away the warmth between you. Say the hurt underneath it plainly: “I was disappointed when …”."
            }
            Pattern::Thought => {
                "“I feel like you …” or “I feel that …” is a thought about them, and can still be heard as blame. Put a feeling word after “I feel”: lonely, worried, hurt, tired."
            }
        }
    }
}

/// One accusing phrase: `start..end` is its byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finding {
    pub pattern: Pattern,
    pub start: usize,
    pub end: usize,
}

/// Every accusing phrase in `text`, in order; overlapping finds of one
/// pattern ("you never ever") are reported once.
pub fn spot(text: &str) -> Vec<Finding> {
    let clauses = tokens::clauses(text);
    let sentences = clauses.last().map_or(0, |c| c.sentence + 1);
    let mut warm = vec![false; sentences];
    let mut you = vec![false; sentences];
    for clause in &clauses {
        let words = &clause.words;
        warm[clause.sentence] |=
            !rules::only_praise(words) && (0..words.len()).any(|k| rules::warm_at(words, k));
        you[clause.sentence] |= words.iter().any(|t| t.word == "you");
    }
    let mut found: Vec<Finding> = Vec::new();
    for (at, clause) in clauses.iter().enumerate() {
        let words = &clause.words;
        let context = rules::Context {
            warm: warm[clause.sentence],
            you: you[clause.sentence],
            grievance_after: clauses[at + 1..]
                .iter()
                .take_while(|c| c.sentence == clause.sentence)
                .any(|c| rules::grievance(&c.words)),
        };
        rules::never_always(words, &mut found);
        rules::absolute(words, &context, &mut found);
        rules::should(words, &mut found);
        rules::blame(words, &context, &mut found);
        rules::label(words, &mut found);
        rules::contempt(words, &context, &mut found);
    }
    found.sort_by_key(|f| (f.start, f.pattern as usize));
    let mut merged: Vec<Finding> = Vec::with_capacity(found.len());
    for finding in found {
        let overlap = merged
            .iter_mut()
            .rev()
            .take(8)
            .find(|m| m.pattern == finding.pattern && finding.start < m.end);
        match overlap {
            Some(m) => m.end = m.end.max(finding.end),
            None => merged.push(finding),
        }
    }
    merged
}
