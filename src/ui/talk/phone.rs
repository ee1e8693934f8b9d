//! Phone numbers in the safety note made tappable: the words stay exactly
//! as written, and each number among them becomes a `tel:` link (or an
//! `sms:` one where the words say to text it), so a frightened person can
//! reach help with one tap instead of copying digits.

/// A piece of text: words as they are, or a number and its `tel:` or `sms:` address.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Words(&'a str),
    Phone(&'a str, String),
}

/// The address for `digits` given the words just before them: "text 85258"
/// and "text START to 88788" are messages (the capitalised word becomes the
/// message, as the service asks), anything else a call.
fn address(before: &str, digits: &str) -> String {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    match words.as_slice() {
        ["to", word, "text", ..] if word.chars().all(|c| c.is_ascii_uppercase()) => {
            format!("sms:{digits}?body={word}")
        }
        [_, _, "text", ..] | [_, "text", ..] | ["text", ..] => format!("sms:{digits}"),
        _ => format!("tel:{digits}"),
    }
}

/// Where the number that starts at byte `start` of `text` ends: digits,
/// with single spaces or hyphens between them.
fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        let joins =
            matches!(bytes[end], b' ' | b'-') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if bytes[end].is_ascii_digit() || (joins && end > start) {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Emergency numbers ("999", "112") are three digits; a number inside a
/// sentence stays in the line, so a short one is a fine link too.
const MIN_DIGITS: usize = 3;

/// `text` split at its phone numbers: runs of at least `MIN_DIGITS` digits
/// that are not part of a word ("1800RESPECT" is a name). Only the safety
/// note goes through here, where every such number is one to call.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let (mut from, mut at) = (0, 0);
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let starts =
            bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric());
        if !starts {
            at += 1;
            continue;
        }
        let end = number_end(text, at);
        let number = &text[at..end];
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        let in_word = bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
        if digits.len() >= MIN_DIGITS && !in_word {
            if from < at {
                out.push(Piece::Words(&text[from..at]));
            }
            out.push(Piece::Phone(number, address(&text[from..at], &digits)));
            from = end;
        }
        at = end;
    }
    if from < text.len() {
        out.push(Piece::Words(&text[from..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Piece, pieces};

    fn phones(text: &str) -> Vec<(String, String)> {
        pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Phone(shown, href) => Some((shown.to_string(), href)),
                Piece::Words(_) => None,
            })
            .collect()
    }

    #[test]
    fn numbers_become_links_and_the_words_stay_whole() {
        let text = "Australia: 1800RESPECT, 1800 737 732";
        assert_eq!(
            phones(text),
            [("1800 737 732".into(), "tel:1800737732".into())]
        );
        let joined: String = pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Words(w) | Piece::Phone(w, _) => w.to_string(),
            })
            .collect();
        assert_eq!(joined, text);
        assert_eq!(
            phones("US: National Domestic Violence Hotline, 1-800-799-7233"),
            [("1-800-799-7233".into(), "tel:18007997233".into())]
        );
        assert_eq!(
            phones("such as 911, 999, 112 or 000, depending"),
            ["911", "999", "112", "000"].map(|n| (n.to_string(), format!("tel:{n}")))
        );
        assert!(phones("in 20 minutes").is_empty());
    }

    #[test]
    fn numbers_to_text_become_messages() {
        assert_eq!(
            phones("call 988 or text 988"),
            [
                ("988".into(), "tel:988".into()),
                ("988".into(), "sms:988".into())
            ]
        );
        assert_eq!(
            phones("US: text START to 88788 to reach the Hotline."),
            [("88788".into(), "sms:88788?body=START".into())]
        );
        assert_eq!(
            phones("text 1800RESPECT on 0458 737 732"),
            [("0458 737 732".into(), "sms:0458737732".into())]
        );
        assert_eq!(
            phones("Samaritans, 116 123, or text Shout on 85258"),
            [
                ("116 123".into(), "tel:116123".into()),
                ("85258".into(), "sms:85258".into())
            ]
        );
    }

    #[test]
    fn short_numbers_and_words_are_left_alone() {
        assert!(phones("a break of 20 minutes, or 2 hours").is_empty());
        assert!(phones("1800RESPECT").is_empty());
        assert!(
            phones("UK: call 999 and press 55")
                .iter()
                .all(|(n, _)| n == "999")
        );
        assert_eq!(pieces("no digits"), [Piece::Words("no digits")]);
    }
}
