//! Complaint → request. A complaint about a partner tends to arrive as an
//! accusation ("You never help!"), which is heard as an attack and answered
//! with a defence. This spots the usual accusing patterns, explains each
//! gently, and helps say the same thing as "I feel … about … and I need …".
//!
//! A small hand-written scan over words, not a grammar: it looks for a
//! table of short phrases, so it stays quick, small in wasm, and easy to
//! test with a table of sentences (`tests/complaint.rs`).

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
}

impl Pattern {
    pub fn label(self) -> &'static str {
        match self {
            Pattern::NeverAlways => "Never and always",
            Pattern::Absolute => "All or nothing",
            Pattern::Should => "Telling them what to do",
            Pattern::Blame => "Blame",
            Pattern::Label => "A label",
            Pattern::Contempt => "Scorn",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            Pattern::NeverAlways => {
                "\"Never\" and \"always\" turn one hard moment into a verdict, and invite them to prove the exception instead of hearing you. Try naming the moment: this week, last night."
            }
            Pattern::Absolute => {
                "All-or-nothing words leave no room for the times it went differently, so the talk becomes a dispute about the count. Describe what happened, and when."
            }
            Pattern::Should => {
                "\"You should\" lands as an order or a lecture, and people dig in against orders. Say what you would love instead: \"It would help me if …\"."
            }
            Pattern::Blame => {
                "Saying they caused your feeling puts them on trial. Your feeling is real and yours to name: \"I felt … when …\"."
            }
            Pattern::Label => {
                "A label describes their character, not what happened, and is almost impossible to hear without defending. Describe the action and what it meant to you."
            }
            Pattern::Contempt => {
                "Sarcasm says \"you are beneath me\", and it wears a couple down faster than anything else. Say the hurt underneath it."
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

/// A word of the text: its byte range and its folded form (ASCII lower
/// case, apostrophes dropped: "You’re" → "youre", "don't" → "dont").
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    for (at, c) in text.char_indices() {
        let apostrophe = c == '\'' || c == '\u{2019}';
        if c.is_alphanumeric() || (apostrophe && current.is_some()) {
            let word = current.get_or_insert_with(|| Word {
                start: at,
                end: at,
                folded: String::new(),
            });
            if !apostrophe {
                word.folded.push(c.to_ascii_lowercase());
                word.end = at + c.len_utf8();
            }
        } else if let Some(word) = current.take() {
            out.push(word);
        }
    }
    out.extend(current);
    out
}

/// A phrase: each step is one word from a `|`-separated list of choices;
/// `?` before a step makes it optional.
const PHRASES: &[(Pattern, &str)] = &[
    // Longer phrases first: at one word, the first phrase that fits is kept.
    (Pattern::NeverAlways, "you never ever"),
    (
        Pattern::NeverAlways,
        "you ?just never|always|constantly|forever",
    ),
    (Pattern::NeverAlways, "you dont|didnt|wont|cant ever"),
    (Pattern::NeverAlways, "you are|were ?just never|always"),
    (Pattern::NeverAlways, "youre|ur ?just never|always"),
    (Pattern::Absolute, "every ?single time"),
    (Pattern::Absolute, "all you ?ever do|care|think|want"),
    (Pattern::Absolute, "you do|did nothing"),
    (Pattern::Absolute, "you dont|didnt|never do anything"),
    (Pattern::Absolute, "nothing i do|say"),
    (Pattern::Absolute, "not|never once"),
    (Pattern::Absolute, "i ?always have to do everything"),
    (Pattern::Absolute, "i do everything"),
    (Pattern::Should, "you should|shouldnt|must|mustnt"),
    (Pattern::Should, "you need|have|ought|got to"),
    (Pattern::Should, "you ?had|d better"),
    (Pattern::Should, "youd|youve|youre better|got|gotta"),
    (Pattern::Blame, "your|its ?all ?your fault"),
    (Pattern::Blame, "because of you"),
    (Pattern::Blame, "thanks to you"),
    (
        Pattern::Blame,
        "you ruined|ruin|wreck|wrecked|spoil|spoiled|spoilt",
    ),
    (
        Pattern::Blame,
        "you make|made ?me ?feel ?so|really|like angry|mad|crazy|miserable|sad|furious|upset|sick|small|stupid|worthless|invisible|lonely|wait|miss|do|cry|scream|yell|anxious|nervous",
    ),
    (
        Pattern::Label,
        "you are|re ?so|such|a|an|really|just|being|totally|completely|the|too|always ?a|an|such|so|the LABEL",
    ),
    (
        Pattern::Label,
        "youre|ur ?so|such|a|an|really|just|being|totally|completely|the|too|always ?a|an|such|so|the LABEL",
    ),
    (Pattern::Label, "typical of you"),
    (Pattern::Label, "what is|s wrong with you"),
    (Pattern::Label, "whats wrong with you"),
    (Pattern::Contempt, "whatever"),
    (
        Pattern::Contempt,
        "of course you did|would|forgot|didnt|wouldnt",
    ),
    (Pattern::Contempt, "here we go again"),
    (Pattern::Contempt, "grow up"),
    (Pattern::Contempt, "get over it"),
    (Pattern::Contempt, "big surprise"),
    (Pattern::Contempt, "how typical"),
];

/// Character words that turn a complaint into a verdict (`LABEL` above).
const LABELS: &str = "lazy|selfish|useless|impossible|stupid|pathetic|childish|immature|rude|\
inconsiderate|careless|irresponsible|hopeless|crazy|ridiculous|mean|cold|controlling|clueless|\
slob|jerk|idiot|liar|nag|mess|disaster|narcissist|dramatic|unbelievable|unreliable|\
thoughtless|insensitive|annoying|boring|cheap|ungrateful|needy|paranoid|hysterical|\
useless|incompetent|spoiled|spoilt|heartless|cruel|fake|weak|dumb|stubborn|negative|toxic";

/// Words before "you have to" / "you need to" that make it kind or a
/// question ("if you need to talk", "do you have to go?").
const SOFTENERS: &[&str] = &[
    "if", "do", "did", "when", "whenever", "what", "anything", "as", "unless", "whatever",
];

/// Words that, just before "you always …", make it praise ("I love how
/// you always …").
const WARM: &[&str] = &[
    "love",
    "adore",
    "thank",
    "thanks",
    "appreciate",
    "like",
    "admire",
    "grateful",
    "glad",
];

/// Phrases that are scornful only as an outburst ("Whatever.", "Grow
/// up!"), not inside a kind sentence ("whatever you need", "where did you
/// grow up?"): "whatever" must end its sentence, the others begin one.
const OUTBURSTS: &[&str] = &["whatever", "grow up", "get over it"];

fn outburst(text: &str, phrase: &str, first: &Word, last: &Word) -> bool {
    const STOPS: [char; 7] = ['.', '!', '?', ',', ';', ':', '"'];
    if phrase == "whatever" {
        let after = text[last.end..].trim_start();
        after.is_empty() || after.starts_with(STOPS)
    } else {
        let before = text[..first.start].trim_end();
        before.is_empty() || before.ends_with(STOPS)
    }
}

/// Tries `phrase` at word `first`; returns the index after the last word matched.
fn match_at(phrase: &str, words: &[Word], first: usize) -> Option<usize> {
    let mut at = first;
    for step in phrase.split(' ') {
        let (optional, choices) = match step.strip_prefix('?') {
            Some(rest) => (true, rest),
            None => (false, step),
        };
        let choices = if choices == "LABEL" { LABELS } else { choices };
        let hit = words
            .get(at)
            .is_some_and(|word| choices.split('|').any(|c| c == word.folded));
        if hit {
            at += 1;
        } else if !optional {
            return None;
        }
    }
    Some(at)
}

/// Every accusing phrase in `text`, in order, without overlapping repeats.
pub fn spot(text: &str) -> Vec<Finding> {
    let words = words(text);
    let mut found: Vec<Finding> = Vec::new();
    let mut covered_until = [0usize; 6];
    for first in 0..words.len() {
        for (pattern, phrase) in PHRASES {
            let Some(after) = match_at(phrase, &words, first) else {
                continue;
            };
            let before = |list: &[&str], reach: usize| {
                words[first.saturating_sub(reach)..first]
                    .iter()
                    .any(|w| list.contains(&w.folded.as_str()))
            };
            let kind = match pattern {
                Pattern::Should => before(SOFTENERS, 1),
                Pattern::NeverAlways | Pattern::Absolute => before(WARM, 3),
                Pattern::Contempt if OUTBURSTS.contains(phrase) => {
                    !outburst(text, phrase, &words[first], &words[after - 1])
                }
                _ => false,
            };
            let slot = *pattern as usize;
            if kind || first < covered_until[slot] {
                continue;
            }
            covered_until[slot] = after;
            found.push(Finding {
                pattern: *pattern,
                start: words[first].start,
                end: words[after - 1].end,
            });
        }
    }
    found
}

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
}
