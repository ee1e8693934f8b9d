//! The words of a complaint, ready for the rules: lower case, contractions
//! opened ("don’t" → "do not", "youre" → "you are"), grouped in clauses
//! (split at punctuation and at "but") that know their sentence.

/// One word. Words opened from one contraction share its byte range, so a
/// quote of "you are always" shows what was typed: "You’re always".
#[derive(Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: String,
}

#[derive(Debug, Default)]
pub struct Clause {
    pub words: Vec<Token>,
    pub sentence: usize,
}

const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}'];
const SENTENCE_ENDS: [char; 7] = ['.', '!', '?', ';', '\n', '…', '。'];
const CLAUSE_ENDS: [char; 9] = [',', ':', '—', '–', '(', ')', '"', '“', '”'];
/// Words that start a new thought: "I love you, but you never …".
const CLAUSE_WORDS: [&str; 3] = ["although", "but", "though"];

/// Contractions typed without an apostrophe, opened (sorted by the first).
pub const SPELLED: &[(&str, &str)] = &[
    ("arent", "are not"),
    ("cant", "can not"),
    ("couldnt", "could not"),
    ("didnt", "did not"),
    ("doesnt", "does not"),
    ("dont", "do not"),
    ("hadnt", "had not"),
    ("hasnt", "has not"),
    ("havent", "have not"),
    ("im", "i am"),
    ("isnt", "is not"),
    ("ive", "i have"),
    ("shouldnt", "should not"),
    ("thats", "that is"),
    ("theyre", "they are"),
    ("u", "you"),
    ("ur", "you are"),
    ("wasnt", "was not"),
    ("werent", "were not"),
    ("whats", "what is"),
    ("wont", "will not"),
    ("wouldnt", "would not"),
    ("youd", "you would"),
    ("youll", "you will"),
    ("youre", "you are"),
    ("youve", "you have"),
];

/// A folded word as the words it stands for: "don't" → ["do", "not"].
fn open(raw: &str) -> Vec<String> {
    if let Some((base, tail)) = raw.rsplit_once('\'') {
        let base = base.replace('\'', "");
        let second = match tail {
            "t" if base.len() > 1 && base.ends_with('n') => {
                let stem = match &base[..base.len() - 1] {
                    "wo" => "will",
                    "ca" => "can",
                    "sha" => "shall",
                    "ai" => "is",
                    stem => stem,
                };
                return vec![stem.to_string(), "not".to_string()];
            }
            "re" => "are",
            "ve" => "have",
            "ll" => "will",
            "d" => "would",
            "m" => "am",
            "s" => "is",
            _ => return vec![base + tail],
        };
        return vec![base, second.to_string()];
    }
    match SPELLED.binary_search_by_key(&raw, |(short, _)| short) {
        Ok(at) => SPELLED[at].1.split(' ').map(String::from).collect(),
        Err(_) => vec![raw.to_string()],
    }
}

struct Builder {
    clauses: Vec<Clause>,
    raw: String,
    start: usize,
    end: usize,
}

impl Builder {
    fn end_word(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.raw);
        for word in open(&raw) {
            if CLAUSE_WORDS.contains(&word.as_str()) {
                self.end_clause(false);
                continue;
            }
            let token = Token {
                start: self.start,
                end: self.end,
                word,
            };
            if let Some(clause) = self.clauses.last_mut() {
                clause.words.push(token);
            }
        }
    }

    fn end_clause(&mut self, sentence_ends: bool) {
        let Some(last) = self.clauses.last_mut() else {
            return;
        };
        let sentence = last.sentence + usize::from(sentence_ends);
        if last.words.is_empty() {
            last.sentence = sentence;
        } else {
            self.clauses.push(Clause {
                words: Vec::new(),
                sentence,
            });
        }
    }
}

/// The clauses of `text`, in order (empty ones dropped).
pub fn clauses(text: &str) -> Vec<Clause> {
    let mut b = Builder {
        clauses: vec![Clause::default()],
        raw: String::new(),
        start: 0,
        end: 0,
    };
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if b.raw.is_empty() {
                b.start = at;
            }
            b.raw.push(c.to_ascii_lowercase());
            b.end = at + c.len_utf8();
        } else if APOSTROPHES.contains(&c) && !b.raw.is_empty() {
            b.raw.push('\'');
        } else {
            b.end_word();
            if SENTENCE_ENDS.contains(&c) || CLAUSE_ENDS.contains(&c) {
                b.end_clause(SENTENCE_ENDS.contains(&c));
            }
        }
    }
    b.end_word();
    b.clauses.retain(|clause| !clause.words.is_empty());
    b.clauses
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_spelled_contractions_are_sorted_for_their_binary_search() {
        assert!(super::SPELLED.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn contractions_open_and_clauses_split() {
        let words = |text: &str| -> Vec<Vec<String>> {
            super::clauses(text)
                .into_iter()
                .map(|c| c.words.into_iter().map(|t| t.word).collect())
                .collect()
        };
        assert_eq!(
            words("Why don’t you ever help? Youre late, but it’s fine"),
            [
                vec!["why", "do", "not", "you", "ever", "help"],
                vec!["you", "are", "late"],
                vec!["it", "is", "fine"],
            ]
        );
        assert_eq!(
            words("You won't, I can't"),
            [vec!["you", "will", "not"], vec!["i", "can", "not"]]
        );
        let sentences: Vec<usize> = super::clauses("A, b. C")
            .iter()
            .map(|c| c.sentence)
            .collect();
        assert_eq!(sentences, [0, 0, 1]);
    }
}
