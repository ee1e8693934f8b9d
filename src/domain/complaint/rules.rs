//! The rules, one function per pattern, each reading one clause. They ask
//! small questions a person would: who is this about, is the warm word
//! negated, what verb follows "always", is "great" alone before a grievance.

use super::lexicon::{
    ABSOLUTES, BE_WORDS, FILLERS, GRIEVANCES, HURTS, INTERJECTIONS, LABEL_BEFORE, LABELS,
    LIKE_AFTER, NEGATIONS, OBJECT_BEFORE, SHRUGS, SUBJECTS, WARM, is_in,
};
use super::tokens::Token;
use super::{Finding, Pattern};

/// What the rest of the sentence says about a clause.
pub struct Context {
    /// A warm word somewhere in the sentence ("You look lovely, as usual").
    pub warm: bool,
    /// "you" somewhere in the sentence.
    pub you: bool,
    /// A grievance in a later clause ("Great, late again").
    pub grievance_after: bool,
}

type Words = [Token];

fn w(words: &Words, at: usize) -> &str {
    words.get(at).map_or("", |token| token.word.as_str())
}

fn hit(pattern: Pattern, words: &Words, first: usize, last: usize) -> Finding {
    Finding {
        pattern,
        start: words[first].start,
        end: words[last].end,
    }
}

/// Tries `phrase` at word `at`. Steps are split by spaces, choices by `|`;
/// `?` makes a step optional, `~` lets its verbs take -s, -es, -d and -ed,
/// `LABEL` and `HURT` stand for their lists and `$` for the end of the
/// clause. Returns the index after the match.
pub fn fits(phrase: &str, words: &Words, at: usize) -> Option<usize> {
    let mut at = at;
    for step in phrase.split(' ') {
        let (optional, step) = step.strip_prefix('?').map_or((false, step), |s| (true, s));
        let (inflected, choices) = step.strip_prefix('~').map_or((false, step), |s| (true, s));
        let word = w(words, at);
        let form = |choice: &str| {
            word == choice
                || inflected
                    && word
                        .strip_prefix(choice)
                        .is_some_and(|end| matches!(end, "s" | "es" | "d" | "ed"))
        };
        let found = match choices {
            "$" => {
                if at == words.len() {
                    continue;
                }
                false
            }
            "LABEL" => is_in(LABELS, word),
            "HURT" => is_in(HURTS, word),
            _ => choices.split('|').any(form),
        };
        if found {
            at += 1;
        } else if !optional {
            return None;
        }
    }
    Some(at)
}

fn fits_any(phrases: &[&str], words: &Words, at: usize) -> Option<usize> {
    phrases.iter().find_map(|phrase| fits(phrase, words, at))
}

/// A warm word at `at` that is not negated: "love" in "I love how …" but
/// not in "I don't love how …"; "like" only as a verb of liking.
pub fn warm_at(words: &Words, at: usize) -> bool {
    let word = w(words, at);
    let before = |n: usize| at.checked_sub(n).map_or("", |k| w(words, k));
    is_in(WARM, word)
        && (word != "like" || is_in(LIKE_AFTER, before(1)))
        && !(word.starts_with("thank")
            && w(words, at + 1) == "for"
            && w(words, at + 2) == "nothing")
        && !is_in(NEGATIONS, before(1))
        && !is_in(NEGATIONS, before(2))
}

/// Who acts at word `at`: the nearest "you" before it (`Some(index)`),
/// or `None` when the nearest subject is someone else ("I never …") or
/// there is none. A "you" after "with", "love", … or before "to" is an
/// object ("with you forever", "I need you to …"), so the search goes on.
fn you_before(words: &Words, at: usize) -> Option<usize> {
    for k in (at.saturating_sub(12)..at).rev() {
        let word = w(words, k);
        if word == "you" {
            let object = k > 0 && is_in(OBJECT_BEFORE, w(words, k - 1)) || w(words, k + 1) == "to";
            if !object {
                return Some(k);
            }
        } else if is_in(SUBJECTS, word) {
            return None;
        }
    }
    None
}

/// What may follow "always" and stay kind ("you always make me laugh").
const KIND_AFTER_ALWAYS: &[&str] = &[
    "~know|knew|believe|surprise|listen|support|encourage|forgive|forgave|comfort|understand|understood|manage|notice|remember|care|try|tried|tries|help|love|cheer|brighten|hug|kiss|share|smell|protect|inspire|amaze|calm|cook",
    "~make|made me|us laugh|smile|happy|proud|better|welcome",
    "~make|made me|us feel safe|loved|better|special|good|happy|welcome|beautiful|seen|heard|calm|understood|wanted|at",
    "~make|made my|our day|time|sure",
    "~look after|out|good|great|lovely|beautiful|amazing|gorgeous|handsome",
    "~put me|us|others first",
    "~say|find|found the right",
    "~say something kind|nice|sweet|lovely",
    "~find|found a|the way|words|time",
    "have|has|had|got my|our back",
    "~laugh at my|our jokes",
    "~bring|brought me|us|joy|flowers",
    "~think|thought of me|us|others|everyone",
    "~give|gave the best|great",
    "~keep me|us going|sane|warm|safe|laughing|smiling",
    "~keep your word|promise|promises",
    "do|does|did your|the best|right",
    "~tell|told me|us the truth",
    "~check on|in",
    "~stand|stick up|by",
    "~hold me|my",
    "~show|turn up",
    "~mean well",
    "~ask how|if|about",
    "~ask me how|about",
    "there|kind|patient|gentle|generous|thoughtful|lovely|honest|fun|calm|supportive|beautiful|welcome|ready|happy|cheerful|funny|sweet|warm|wise|good|my|our|up",
    "on time",
    "on my|our side",
    "the first|best",
];

/// What may follow "never" and stay kind ("you never judge me").
const KIND_AFTER_NEVER: &[&str] = &[
    "~fail|judge|complain|hesitate|doubt|waver|quit|forget|forgot|lose|lost|change|blame|cease",
    "~give|gave up",
    "~let me|us down",
    "~stop|stopped trying|caring|surprising|amazing|making|loving|believing",
    "~raise your voice",
    "~mean|meant to hurt",
    "~make|made me feel LABEL|small|bad|silly",
    "know $",
    "LABEL",
    "late|alone|far|too|unkind|dull",
    "need to",
];

/// "You never …", "you're always …", "why don't you ever …": about them,
/// not warm, and not followed by a kind verb.
pub fn never_always(words: &Words, out: &mut Vec<Finding>) {
    for at in 0..words.len() {
        let word = w(words, at);
        if !is_in(ABSOLUTES, word) {
            continue;
        }
        let Some(you) = you_before(words, at) else {
            continue;
        };
        let mut first = you;
        match word {
            // Only "you are forever …", not "with you forever".
            "forever" if !matches!(w(words, at - 1), "are" | "were") => continue,
            // "Ever" accuses only when negated: "why don't you ever …".
            "ever" => {
                let negation =
                    (at.saturating_sub(4)..at).find(|&k| matches!(w(words, k), "not" | "never"));
                match negation {
                    Some(k) => first = first.min(k),
                    None => continue,
                }
            }
            _ => {}
        }
        if (you.saturating_sub(8)..you).any(|k| warm_at(words, k)) {
            continue;
        }
        let mut verb = at + 1;
        while is_in(FILLERS, w(words, verb)) {
            verb += 1;
        }
        let kind = if matches!(word, "never" | "ever") {
            KIND_AFTER_NEVER
        } else {
            KIND_AFTER_ALWAYS
        };
        if fits_any(kind, words, verb).is_none() {
            out.push(hit(Pattern::NeverAlways, words, first, at));
        }
    }
}

/// "Every single time", "all you ever do", "nothing I do", "I do everything".
pub fn absolute(words: &Words, context: &Context, out: &mut Vec<Finding>) {
    const PHRASES: &[&str] = &[
        "all you ?ever do|care|think|want|say|talk",
        "you do|did nothing",
        "you do|did not do anything",
        "nothing i do|did|say|said",
        "i ?always have to do everything",
        "i do|did everything",
        "i am ?always the only one",
    ];
    for at in 0..words.len() {
        let end = if let Some(end) = fits("every ?single time", words, at) {
            (!context.warm).then_some(end)
        } else if let Some(end) = fits("not|never once", words, at) {
            // "Never once did I doubt you" is a promise.
            (!(end..end + 3).any(|k| w(words, k) == "i")).then_some(end)
        } else {
            fits_any(PHRASES, words, at)
        };
        if let Some(end) = end {
            out.push(hit(Pattern::Absolute, words, at, end - 1));
        }
    }
}

/// What may follow "you should / need to / have to" and be care, not an
/// order ("you should see your face when you laugh", "you must be tired").
const KIND_AFTER_SHOULD: &[&str] = &[
    "see|hear|rest|sleep|relax|come|join|meet|celebrate",
    "try this|the|it",
    "be proud|kind|gentle|happy",
    "feel proud|free|good",
    "know i|that",
    "know how much",
    "have seen|heard",
    "take a|some|it|care",
    "get some",
    "treat yourself",
];

/// "You should", "you need to", "you have to", "you'd better".
pub fn should(words: &Words, out: &mut Vec<Finding>) {
    for at in 0..words.len() {
        if w(words, at) != "you" {
            continue;
        }
        let before = at.checked_sub(1).map_or("", |k| w(words, k));
        let question = matches!(before, "do" | "did")
            && at.checked_sub(2).map_or("", |k| w(words, k)) != "why";
        let soft = matches!(
            before,
            "if" | "when" | "whenever" | "what" | "anything" | "as" | "unless" | "whatever"
        );
        if soft || question {
            continue;
        }
        let Some(end) = fits_any(
            &[
                "you should|ought|must",
                "you need|got|gotta to",
                "you have ?got to",
                "you had|would better",
            ],
            words,
            at,
        ) else {
            continue;
        };
        let mut next = end;
        if matches!(w(words, next), "to" | "not") {
            next += 1;
        }
        let supposes = w(words, at + 1) == "must"
            && matches!(w(words, next), "be" | "have" | "feel" | "miss" | "know");
        if !supposes && fits_any(KIND_AFTER_SHOULD, words, next).is_none() {
            out.push(hit(Pattern::Should, words, at, end - 1));
        }
    }
}

/// "Your fault", "because of you", "you ruined …", "you made me cry".
pub fn blame(words: &Words, context: &Context, out: &mut Vec<Finding>) {
    for at in 0..words.len() {
        if w(words, at) == "fault" && at > 0 && w(words, at - 1) == "your" {
            let negated = (at.saturating_sub(5)..at).any(|k| is_in(NEGATIONS, w(words, k)));
            if !negated {
                let first = if at > 1 && w(words, at - 2) == "all" {
                    at - 2
                } else {
                    at - 1
                };
                out.push(hit(Pattern::Blame, words, first, at));
            }
            continue;
        }
        let end = if let Some(end) = fits("because of you", words, at) {
            (!context.warm).then_some(end)
        } else if let Some(end) = fits(
            "you ?always|just|really ruined|ruin|ruins|wrecked|wreck|wrecks|destroyed|destroy|spoiled|spoilt|spoil|spoils",
            words,
            at,
        ) {
            // "You spoil me" is a thank-you.
            (!matches!(w(words, end), "me" | "us")).then_some(end)
        } else {
            fits(
                "you ?always|just make|makes|made me ?feel ?so|really|like|such HURT",
                words,
                at,
            )
        };
        if let Some(end) = end {
            out.push(hit(Pattern::Blame, words, at, end - 1));
        }
    }
}

/// "You're so lazy", "you're a bit selfish sometimes", "you can be so
/// rude", "how selfish of you", "what's wrong with you".
pub fn label(words: &Words, out: &mut Vec<Finding>) {
    for at in 0..words.len() {
        if let Some(end) = fits_any(
            &[
                "typical of you",
                "what is wrong with you",
                "how|so LABEL of you",
                "you idiot|jerk|liar|slob|brat",
            ],
            words,
            at,
        ) {
            out.push(hit(Pattern::Label, words, at, end - 1));
            continue;
        }
        if w(words, at) != "you" {
            continue;
        }
        let mut next = at + 1;
        if matches!(w(words, next), "can" | "could" | "will" | "would") {
            next += 1;
        }
        if !is_in(BE_WORDS, w(words, next)) {
            continue;
        }
        next += 1;
        let mut intensified = false;
        while next - at < 8 && is_in(LABEL_BEFORE, w(words, next)) {
            intensified |= matches!(
                w(words, next),
                "so" | "such" | "being" | "really" | "too" | "very"
            );
            next += 1;
        }
        let word = w(words, next);
        // "You're cold" may be the weather; "you're so cold to me" is not.
        if is_in(LABELS, word) && (word != "cold" || intensified) {
            out.push(hit(Pattern::Label, words, at, next));
        }
    }
}

/// Sarcasm and scorn: "whatever", "thanks for nothing", "as usual",
/// "for once", "nice of you to finally …", "great, late again".
pub fn contempt(words: &Words, context: &Context, out: &mut Vec<Finding>) {
    let last = words.len() - 1;
    // A lone "whatever" ("Fine, whatever."), or "whatever you say".
    if w(words, last) == "whatever" && words[..last].iter().all(|t| is_in(SHRUGS, &t.word)) {
        out.push(hit(Pattern::Contempt, words, last, last));
    }
    // "Great, late again", "just great": praise alone before a grievance.
    let lone_praise = words.iter().all(|t| is_in(INTERJECTIONS, &t.word))
        && words
            .iter()
            .any(|t| !matches!(t.word.as_str(), "oh" | "just" | "well" | "wow"));
    if lone_praise && (context.grievance_after || words.len() > 1 && w(words, 0) == "just") {
        out.push(hit(Pattern::Contempt, words, 0, last));
    }
    const OPENERS: &[&str] = &[
        "grow up",
        "get over it",
        "big|what a surprise $",
        "big surprise $",
        "surprise surprise",
        "typical $",
        "so|how typical",
        "?it must be nice",
        "yeah right",
        "sure you did|will|were",
        "big deal $",
    ];
    if let Some(end) = fits_any(OPENERS, words, 0) {
        out.push(hit(Pattern::Contempt, words, 0, end - 1));
    }
    const ANYWHERE: &[&str] = &[
        "whatever you say $",
        "of course you would|did|forgot|forget",
        "here we go again",
        "thanks|thank ?you for nothing",
        "what else is new",
    ];
    for at in 0..words.len() {
        let end = if let Some(end) = fits("as usual|always", words, at) {
            (!context.warm).then_some(end)
        } else if let Some(end) = fits("for once", words, at) {
            context.you.then_some(end)
        } else if let Some(end) = fits("nice|kind|good|sweet|lovely of you to", words, at) {
            // "Nice of you to finally show up", not "kind of you to come".
            (end..end + 2)
                .find(|&k| {
                    matches!(
                        w(words, k),
                        "finally" | "bother" | "grace" | "show" | "join" | "actually"
                    )
                })
                .map(|k| k + 1)
        } else {
            fits_any(ANYWHERE, words, at)
        };
        if let Some(end) = end {
            out.push(hit(Pattern::Contempt, words, at, end - 1));
        }
    }
}

/// Whether a clause is only praise words ("Great", "oh wonderful").
pub fn only_praise(words: &Words) -> bool {
    words.iter().all(|t| is_in(INTERJECTIONS, &t.word))
}

/// Whether a clause names a grievance ("late again", "you forgot").
pub fn grievance(words: &Words) -> bool {
    words.iter().any(|t| is_in(GRIEVANCES, &t.word))
}
