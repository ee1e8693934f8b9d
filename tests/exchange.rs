//! Partner exchange with no server: the code one phone makes and the other
//! opens (its text form, what refuses it, that no change or cut ever opens),
//! pairing (offers, safety numbers, the sequence numbers and receipts), what
//! travels (chosen kinds, picked journal entries, only what the partner does
//! not have yet, deletions as tombstones), and two phones exchanging end to
//! end through the backup format.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::content::dates::IDEAS;
use rekindle::content::decks::DECKS;
use rekindle::domain::affection::starter_list;
use rekindle::domain::appreciation::{Focus, Partner, Written};
use rekindle::domain::backup;
use rekindle::domain::check_in::Step;
use rekindle::domain::collection::Holder;
use rekindle::domain::dates::{AccessNotes, Category, Cost, Energy, Idea, Seasons};
use rekindle::domain::decks::{cards, keys_of};
use rekindle::domain::exchange::{
    self, CodeError, Expect, Header, MAX_CODE_CHARS, PART_CHARS, VERSION,
};
use rekindle::domain::id::RecordId;
use rekindle::domain::journal::Draft;
use rekindle::domain::pairing::{
    Made, Method, OfferError, PUBLIC_KEY_BYTES, Pairing, both_keys, offer_text, read_offer,
    safety_number,
};
use rekindle::domain::records::{Records, Visit};
use rekindle::domain::revision::{Clock, Rev};
use rekindle::domain::seal::{KEY_BYTES, NONCE_BYTES, Sealer, base64};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const COUPLE: &str = "0123456789abcdef";
/// The phone that makes the codes below.
const ALICE: &str = "a1a1a1a1";
/// The phone that opens them.
const BOB: &str = "b2b2b2b2";

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, day, hour, 0, 0).unwrap()
}

fn id(n: u8) -> RecordId {
    RecordId::from_random(&[n; 16])
}

fn sealer(byte: u8) -> Sealer {
    Sealer::new(&[byte; KEY_BYTES], "")
}

fn header(seq: u32, ack: u32) -> Header {
    Header {
        couple: COUPLE.into(),
        sender: ALICE.into(),
        seq,
        ack,
    }
}

/// What Bob's phone checks Alice's codes against (nothing of hers opened yet).
fn bob(sealer: &Sealer) -> Expect<'_> {
    Expect {
        sealer,
        couple: COUPLE,
        me: BOB,
        heard: 0,
    }
}

/// `len` bytes that are not all alike, every byte value included.
fn payload(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
}

fn nonce(n: u32) -> [u8; NONCE_BYTES] {
    let mut nonce = [0u8; NONCE_BYTES];
    nonce[..4].copy_from_slice(&n.to_le_bytes());
    nonce
}

/// A part whose payload ends in `-` or `_` (two of the 64 base64url
/// characters) has its own test below. The round trips here choose a nonce
/// whose parts end in a letter or digit, so each stays exactly as written.
fn ends_cleanly(part: &str) -> bool {
    !part.ends_with(['-', '_'])
}

/// The parts of a code for `payload`, with the first nonce whose parts all
/// end cleanly.
fn code(sealer: &Sealer, header: &Header, payload: &[u8]) -> Vec<String> {
    (0..1_000)
        .map(|n| exchange::make_code(sealer, header, payload, nonce(n)))
        .find(|parts| parts.iter().all(|part| ends_cleanly(part)))
        .expect("a nonce among a thousand gives clean ends")
}

/// Five parts of Alice's first code, holding `payload(5_000)`.
fn long_code(sealer: &Sealer) -> (Vec<String>, Vec<u8>) {
    let plain = payload(5_000);
    (code(sealer, &header(1, 0), &plain), plain)
}

/// Replaces the field `field` (0 = format … 6 = payload) of one part.
fn with_field(part: &str, field: usize, value: &str) -> String {
    let mut fields: Vec<&str> = part.splitn(7, '.').collect();
    fields[field] = value;
    fields.join(".")
}

// ---------------------------------------------------------------------------
// 1. The code format
// ---------------------------------------------------------------------------

#[test]
fn a_short_code_is_one_part_naming_its_couple_sender_numbers_and_position() {
    let key = sealer(1);
    let parts = code(&key, &header(7, 3), b"hello");
    assert_eq!(parts.len(), 1);
    let prefix = format!("{VERSION}.{COUPLE}.{ALICE}.7.3.1-1.");
    assert!(parts[0].starts_with(&prefix), "{}", parts[0]);
    let chunk = &parts[0][prefix.len()..];
    assert!(
        chunk
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "the payload is unpadded base64url, safe in a link: {chunk}"
    );
    // The nonce, the sealed bytes and the 16-byte tag.
    assert_eq!(
        base64::decode_url(chunk).unwrap().len(),
        NONCE_BYTES + 5 + 16
    );
    assert!(!parts[0].contains("hello"), "the payload is sealed");
}

#[test]
fn a_payload_of_several_kilobytes_splits_into_full_parts_and_comes_back_byte_for_byte() {
    let key = sealer(1);
    let (parts, plain) = long_code(&key);
    assert_eq!(parts.len(), 5, "5,040 sealed bytes are 6,720 characters");
    for (i, part) in parts.iter().enumerate() {
        let prefix = format!("{VERSION}.{COUPLE}.{ALICE}.1.0.{}-5.", i + 1);
        assert!(part.starts_with(&prefix), "part {i}: {part:.60}");
        let chunk = part.len() - prefix.len();
        if i < 4 {
            assert_eq!(chunk, PART_CHARS, "all but the last part are full");
        } else {
            assert!((1..=PART_CHARS).contains(&chunk));
        }
    }
    let opened = exchange::open_code(&parts.join("\n"), &bob(&key));
    assert_eq!(opened, Ok((header(1, 0), plain)));
}

#[test]
fn parts_open_in_any_order_among_other_text_line_breaks_and_links() {
    let key = sealer(1);
    let (parts, plain) = long_code(&key);
    let expected = Ok((header(1, 0), plain));

    let reversed: Vec<&str> = parts.iter().rev().map(String::as_str).collect();
    assert_eq!(
        exchange::open_code(&reversed.join(" "), &bob(&key)),
        expected
    );

    // As a messaging app shows them: chatter, quotes, brackets, a link to
    // the app before one part, Windows line breaks and a full stop after one.
    let pasted = format!(
        "Here you go 💛\r\n\r\nPart 3: \"{}\"\n(2) https://example.org/app/#{}\r\n\n\
         and the rest:\n\t{}\n{}\n[{}].\nlove, A",
        parts[2], parts[1], parts[4], parts[0], parts[3]
    );
    assert_eq!(exchange::open_code(&pasted, &bob(&key)), expected);

    // Every rotation of the order opens.
    for start in 0..parts.len() {
        let rotated: Vec<&str> = parts[start..]
            .iter()
            .chain(&parts[..start])
            .map(String::as_str)
            .collect();
        assert_eq!(
            exchange::open_code(&rotated.join("\n"), &bob(&key)),
            expected,
            "starting at part {start}"
        );
    }
}

#[test]
fn a_part_pasted_twice_is_read_once() {
    let key = sealer(1);
    let (parts, plain) = long_code(&key);
    let mut twice = parts.clone();
    twice.extend(parts.iter().take(3).cloned());
    twice.push(parts[4].clone());
    assert_eq!(
        exchange::open_code(&twice.join("\n"), &bob(&key)),
        Ok((header(1, 0), plain))
    );
}

#[test]
fn a_part_whose_payload_ends_in_a_dash_or_underscore_still_opens() {
    // `parts` trims anything not ASCII alphanumeric from both ends of a
    // token, to drop quotes and full stops; the last payload character of a
    // part is `-` or `_` for about one part in 32, and is cut off with them.
    let key = sealer(1);
    let plain = payload(5_000);
    for tail in ['-', '_'] {
        let parts = (0..10_000)
            .map(|n| exchange::make_code(&key, &header(1, 0), &plain, nonce(n)))
            .find(|parts| parts.iter().any(|part| part.ends_with(tail)))
            .expect("some nonce gives such a part");
        let opened = exchange::open_code(&parts.join("\n"), &bob(&key));
        assert_eq!(
            opened.map(|(header, bytes)| (header, bytes == plain)),
            Ok((header(1, 0), true)),
            "a part ending in {tail}"
        );
    }
}

#[test]
fn changing_any_one_character_of_a_short_code_never_opens_to_something_else() {
    let key = sealer(1);
    let plain = b"{\"appreciations\":[]} a small payload".to_vec();
    let original = code(&key, &header(2, 1), &plain).remove(0);
    let expected = (header(2, 1), plain);
    let last = original.len() - 1;
    let mut replacements: Vec<u8> = (0x20..=0x7e).collect();
    replacements.extend([b'\n', b'\t']);
    for position in 0..original.len() {
        for &byte in &replacements {
            let mut changed = original.clone().into_bytes();
            if changed[position] == byte {
                continue;
            }
            changed[position] = byte;
            let changed = String::from_utf8(changed).unwrap();
            match exchange::open_code(&changed, &bob(&key)) {
                Err(_) => {}
                // Base64 leaves the low bits of the last character unused:
                // changing only those is the same bytes, so the same code.
                Ok(opened) => assert!(
                    position == last && opened == expected,
                    "{:?} at {position} opened: {changed}",
                    byte as char
                ),
            }
        }
    }
}

#[test]
fn changing_any_one_character_of_a_code_in_two_parts_is_refused() {
    let key = sealer(1);
    let parts = code(&key, &header(1, 0), &payload(1_200));
    assert_eq!(parts.len(), 2);
    let joined = parts.join("\n");
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for position in 0..joined.len() {
        let mut changed = joined.clone().into_bytes();
        let old = changed[position];
        if old == b'\n' {
            continue;
        }
        // Another character of the alphabet, differing in the highest bit
        // of its 6 (so even the final character's value changes).
        let at = alphabet.iter().position(|c| *c == old);
        changed[position] = match at {
            Some(at) => alphabet[at ^ 32],
            None if old.is_ascii_digit() => b'0' + (old - b'0' + 1) % 10,
            None => b'x',
        };
        let changed = String::from_utf8(changed).unwrap();
        assert!(
            exchange::open_code(&changed, &bob(&key)).is_err(),
            "a change at {position} opened"
        );
    }
}

#[test]
fn every_header_field_is_bound_to_the_payload() {
    let key = sealer(1);
    let (parts, _) = long_code(&key);
    let open = |parts: &[String]| exchange::open_code(&parts.join("\n"), &bob(&key));
    let everywhere = |field: usize, value: &str| -> Vec<String> {
        parts.iter().map(|p| with_field(p, field, value)).collect()
    };

    // Another couple, still well formed: not this pairing's.
    assert_eq!(
        open(&everywhere(1, "fedcba9876543210")),
        Err(CodeError::OtherCouple)
    );
    // Another sender, a later number, another receipt: sealed under other data.
    assert_eq!(open(&everywhere(2, "c3c3c3c3")), Err(CodeError::Damaged));
    assert_eq!(open(&everywhere(3, "2")), Err(CodeError::Damaged));
    assert_eq!(open(&everywhere(4, "1")), Err(CodeError::Damaged));
    // Made to look like Bob's own code, or an old one: refused for that.
    assert_eq!(open(&everywhere(2, BOB)), Err(CodeError::OwnCode));
    assert_eq!(
        open(&everywhere(3, "0")),
        Err(CodeError::AlreadyOpened { seq: 0 })
    );

    // One part's field alone differs from the others: not one code.
    for (field, value) in [(1, "fedcba9876543210"), (2, "c3c3c3c3"), (3, "2"), (4, "1")] {
        let mut mixed = parts.clone();
        mixed[2] = with_field(&mixed[2], field, value);
        assert_eq!(open(&mixed), Err(CodeError::Damaged), "field {field}");
    }

    // Positions: a part renumbered leaves a gap; two swapped are out of
    // order; a count that disagrees is not one code; a count that agrees
    // but leaves a part out does not open.
    let mut renumbered = parts.clone();
    renumbered[1] = with_field(&parts[1], 5, "3-5");
    assert_eq!(
        open(&renumbered),
        Err(CodeError::Missing { have: 4, of: 5 })
    );
    let mut swapped = parts.clone();
    swapped[1] = with_field(&parts[1], 5, "3-5");
    swapped[2] = with_field(&parts[2], 5, "2-5");
    assert_eq!(open(&swapped), Err(CodeError::Damaged));
    let mut recounted = parts.clone();
    recounted[0] = with_field(&parts[0], 5, "1-6");
    assert_eq!(open(&recounted), Err(CodeError::Damaged));
    let four: Vec<String> = parts[..4]
        .iter()
        .enumerate()
        .map(|(i, p)| with_field(p, 5, &format!("{}-4", i + 1)))
        .collect();
    assert_eq!(open(&four), Err(CodeError::Damaged));

    // Malformed fields.
    for (field, value) in [
        (1, "0123456789abcde"),
        (1, "0123456789abcdeg"),
        (2, "a1a1a1a"),
        (2, "a1a1a1a1a"),
        (3, "one"),
        (3, "-1"),
        (3, "4294967296"),
        (4, ""),
        (5, "0-5"),
        (5, "6-5"),
        (5, "1_5"),
        (5, "1-"),
    ] {
        assert_eq!(
            open(&everywhere(field, value)),
            Err(CodeError::Damaged),
            "field {field} = {value:?}"
        );
    }
}

#[test]
fn a_code_sealed_with_another_key_is_damaged() {
    let (parts, _) = long_code(&sealer(1));
    assert_eq!(
        exchange::open_code(&parts.join("\n"), &bob(&sealer(2))),
        Err(CodeError::Damaged)
    );
}

#[test]
fn each_refusal_names_why() {
    let key = sealer(1);
    let (parts, _) = long_code(&key);
    let joined = parts.join("\n");
    let key_ref = &key;
    let expect = move |couple: &'static str, me: &'static str, heard: u32| Expect {
        sealer: key_ref,
        couple,
        me,
        heard,
    };

    let other = expect("fedcba9876543210", BOB, 0);
    assert_eq!(
        exchange::open_code(&joined, &other),
        Err(CodeError::OtherCouple)
    );
    let alice = expect(COUPLE, ALICE, 0);
    assert_eq!(
        exchange::open_code(&joined, &alice),
        Err(CodeError::OwnCode)
    );
    for heard in [1, 2, 1_000] {
        assert_eq!(
            exchange::open_code(&joined, &expect(COUPLE, BOB, heard)),
            Err(CodeError::AlreadyOpened { seq: 1 }),
            "heard {heard}"
        );
    }

    let without_third: Vec<&str> = [0, 1, 3, 4].iter().map(|i| parts[*i].as_str()).collect();
    assert_eq!(
        exchange::open_code(&without_third.join("\n"), &bob(&key)),
        Err(CodeError::Missing { have: 4, of: 5 })
    );
    assert_eq!(
        exchange::open_code(&format!("{}\n{}", parts[1], parts[1]), &bob(&key)),
        Err(CodeError::Missing { have: 1, of: 5 }),
        "a part twice counts once"
    );

    let newer = joined.replace("rk1.", "rk2.");
    assert_eq!(
        exchange::open_code(&newer, &bob(&key)),
        Err(CodeError::Newer)
    );
    for future in ["rk2.whatever it holds", "see rk12.x.y", "rk3"] {
        assert_eq!(
            exchange::open_code(future, &bob(&key)),
            Err(CodeError::Newer),
            "{future}"
        );
    }

    let offer = offer_text(&public_key(9));
    for not_a_code in [
        "",
        "   \n",
        "hello, did you get my message?",
        "rk",
        "rk0.abc",
        "rkp1",
        offer.as_str(),
    ] {
        assert_eq!(
            exchange::open_code(not_a_code, &bob(&key)),
            Err(CodeError::NotACode),
            "{not_a_code:?}"
        );
    }

    assert_eq!(
        exchange::open_code(&"x".repeat(MAX_CODE_CHARS + 1), &bob(&key)),
        Err(CodeError::TooLong)
    );
    let padded = format!("{joined}{}", " ".repeat(MAX_CODE_CHARS));
    assert_eq!(
        exchange::open_code(&padded, &bob(&key)),
        Err(CodeError::TooLong),
        "even around a good code"
    );
    assert_eq!(
        exchange::open_code(&"x".repeat(MAX_CODE_CHARS), &bob(&key)),
        Err(CodeError::NotACode),
        "the limit itself is allowed"
    );

    for error in [
        CodeError::NotACode,
        CodeError::Newer,
        CodeError::OtherCouple,
        CodeError::OwnCode,
        CodeError::AlreadyOpened { seq: 4 },
        CodeError::Missing { have: 2, of: 3 },
        CodeError::Damaged,
        CodeError::TooLong,
    ] {
        let text = error.to_string();
        assert!(text.ends_with("Nothing was changed."), "{text}");
    }
    // The numbers a person needs are in the words.
    let missing = CodeError::Missing { have: 2, of: 3 }.to_string();
    assert!(missing.contains('2') && missing.contains('3'), "{missing}");
    let opened = CodeError::AlreadyOpened { seq: 4 }.to_string();
    assert!(opened.contains('4'), "{opened}");
}

fn long_code_for_proptest() -> &'static (Vec<String>, Vec<u8>) {
    static CODE: std::sync::OnceLock<(Vec<String>, Vec<u8>)> = std::sync::OnceLock::new();
    CODE.get_or_init(|| long_code(&sealer(1)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_code_cut_short_anywhere_never_opens(fraction in 0.0f64..1.0) {
        let (parts, _) = long_code_for_proptest();
        let joined = parts.join("\n");
        let cut = (fraction * joined.len() as f64) as usize;
        prop_assert!(exchange::open_code(&joined[..cut], &bob(&sealer(1))).is_err());
    }

    #[test]
    fn one_part_cut_short_never_opens(part in 0usize..5, fraction in 0.0f64..1.0) {
        let (parts, _) = long_code_for_proptest();
        let mut pasted = parts.clone();
        let cut = (fraction * pasted[part].len() as f64) as usize;
        pasted[part].truncate(cut);
        prop_assert!(exchange::open_code(&pasted.join("\n"), &bob(&sealer(1))).is_err());
    }

    #[test]
    fn any_text_is_refused_without_a_panic(text in any::<String>()) {
        prop_assert!(exchange::open_code(&text, &bob(&sealer(1))).is_err());
    }

    #[test]
    fn code_shaped_text_is_refused_without_a_panic(
        text in "(.{0,3}[ #\n])?rk[0-9]{1,2}\\.[0-9a-fA-F]{14,18}\\.[0-9a-f]{7,9}\\.[0-9+]{0,11}\\.[0-9]{0,3}\\.[0-9]{0,20}-[0-9]{0,20}\\.[A-Za-z0-9_-]{0,80}([ #\n].{0,3})?",
    ) {
        prop_assert!(exchange::open_code(&text, &bob(&sealer(1))).is_err());
    }

    #[test]
    fn a_mutated_code_never_opens_to_other_bytes(
        edits in prop::collection::vec((0.0f64..1.0, 0u8..3, any::<char>()), 1..6),
    ) {
        let (parts, plain) = long_code_for_proptest();
        let mut text: Vec<char> = parts.join("\n").chars().collect();
        for (fraction, how, c) in edits {
            let at = (fraction * text.len() as f64) as usize;
            match how {
                0 => text.insert(at, c),
                1 if at < text.len() => { text.remove(at); }
                _ if at < text.len() => text[at] = c,
                _ => text.push(c),
            }
        }
        let text: String = text.into_iter().collect();
        // Whatever opens is Alice's code as she made it (a "+1" or "01"
        // still reads as 1), never anything else.
        if let Ok((opened, bytes)) = exchange::open_code(&text, &bob(&sealer(1))) {
            prop_assert_eq!(opened, header(1, 0));
            prop_assert_eq!(&bytes, plain);
        }
    }
}

// ---------------------------------------------------------------------------
// 2. Pairing
// ---------------------------------------------------------------------------

/// An uncompressed P-256 public key's shape: 0x04, then 64 bytes.
fn public_key(seed: u8) -> Vec<u8> {
    let mut key = vec![4u8];
    key.extend((0..64).map(|i| seed.wrapping_mul(31).wrapping_add(i)));
    key
}

fn derived(seed: u8) -> [u8; KEY_BYTES + 8] {
    std::array::from_fn(|i| seed.wrapping_add((i as u8).wrapping_mul(7)))
}

fn paired(me: [u8; 4]) -> Pairing {
    Pairing::new(
        Method::Keys,
        &derived(5),
        &me,
        String::from("1234 5678 9012"),
    )
}

fn rev(ms: u64) -> Rev {
    Rev {
        ms,
        counter: 0,
        node: 1,
    }
}

/// `Pairing::confirmed` as a test writes it: kind name and revision.
fn confirmed(kinds: &[(&str, Rev)]) -> BTreeMap<String, Rev> {
    kinds
        .iter()
        .map(|(kind, rev)| (kind.to_string(), *rev))
        .collect()
}

/// A `Made` as a test writes it.
fn made(seq: u32, upto: Rev, kinds: &[&str], one_by_one: &[(&str, RecordId, Rev)]) -> Made {
    Made {
        seq,
        upto,
        kinds: kinds.iter().map(|kind| kind.to_string()).collect(),
        one_by_one: one_by_one
            .iter()
            .map(|(kind, id, rev)| (format!("{kind}/{id}"), *rev))
            .collect(),
    }
}

#[test]
fn an_offer_carries_a_public_key_as_text_and_back() {
    for seed in [0, 1, 200] {
        let key = public_key(seed);
        assert_eq!(key.len(), PUBLIC_KEY_BYTES);
        let text = offer_text(&key);
        assert!(text.starts_with("rkp1."), "{text}");
        assert!(!text.contains(['+', '/', '=']), "safe in a link: {text}");
        assert_eq!(read_offer(&text), Ok(key.clone()));
        for around in [
            format!("  {text}\n"),
            format!("Pair with me: {text}"),
            format!("https://example.org/app/#{text}"),
            format!("scan this\r\n{text}\r\nthanks"),
        ] {
            assert_eq!(read_offer(&around), Ok(key.clone()), "{around}");
        }
    }
}

#[test]
fn an_offer_that_is_not_one_public_key_is_refused() {
    let mut compressed = public_key(1)[..33].to_vec();
    compressed[0] = 2;
    let mut wrong_first = public_key(1);
    wrong_first[0] = 3;
    for key in [
        public_key(1)[..64].to_vec(),
        [public_key(1), vec![0]].concat(),
        compressed,
        wrong_first,
        Vec::new(),
    ] {
        assert_eq!(
            read_offer(&offer_text(&key)),
            Err(OfferError::NotAnOffer),
            "{} bytes starting {:?}",
            key.len(),
            key.first()
        );
    }
    let good = offer_text(&public_key(1));
    for garbage in [
        "",
        "hello",
        "rkp1.",
        "rkp1.!!!!",
        "rkp2.AAAA",
        "rkp1",
        good.replace("rkp1.", "rkp1.=").as_str(),
        format!("{good}=").as_str(),
        &good[..good.len() - 3],
    ] {
        assert_eq!(
            read_offer(garbage),
            Err(OfferError::NotAnOffer),
            "{garbage:?}"
        );
    }

    let key = sealer(1);
    let code = code(&key, &header(1, 0), b"records").remove(0);
    assert_eq!(read_offer(&code), Err(OfferError::Code));
    assert_eq!(
        read_offer(&format!("https://example.org/app/#{code}")),
        Err(OfferError::Code)
    );
    assert!(OfferError::Code.to_string().contains("Pair first"));
    assert!(OfferError::NotAnOffer.to_string().contains("rkp1."));
}

#[test]
fn both_phones_put_the_two_keys_in_the_same_order() {
    let (a, b) = (public_key(1), public_key(2));
    assert_ne!(a, b);
    let on_a = both_keys(&a, &b);
    let on_b = both_keys(&b, &a);
    assert_eq!(on_a, on_b);
    assert_eq!(on_a.len(), 2 * PUBLIC_KEY_BYTES);
    let (low, high) = if a < b { (&a, &b) } else { (&b, &a) };
    assert_eq!(on_a, [low.as_slice(), high.as_slice()].concat());
    assert_ne!(
        both_keys(&a, &public_key(3)),
        on_a,
        "another key, another pair"
    );
}

#[test]
fn the_safety_number_is_twelve_digits_in_three_groups_from_the_digest() {
    let digests: Vec<Vec<u8>> = vec![
        vec![0; 32],
        [vec![0; 7], vec![1], vec![0; 24]].concat(),
        vec![0xff; 32],
        (0..32).collect(),
        (0..32).rev().collect(),
        [vec![1], vec![0; 31]].concat(),
    ];
    let numbers: Vec<String> = digests.iter().map(|d| safety_number(d)).collect();
    for number in &numbers {
        let groups: Vec<&str> = number.split(' ').collect();
        assert_eq!(groups.len(), 3, "{number}");
        assert!(
            groups
                .iter()
                .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit())),
            "{number}"
        );
    }
    // The last twelve digits of the first 8 bytes read as one number.
    assert_eq!(numbers[0], "0000 0000 0000");
    assert_eq!(numbers[1], "0000 0000 0001");
    assert_eq!(numbers[2], "0737 0955 1615", "of 18446744073709551615");
    for (i, a) in numbers.iter().enumerate() {
        for b in &numbers[i + 1..] {
            assert_ne!(a, b, "different digests, different numbers");
        }
        assert_eq!(
            safety_number(&digests[i]),
            *a,
            "the same digest, the same number"
        );
    }
}

#[test]
fn a_new_pairing_takes_its_key_couple_and_sender_from_the_derived_bytes() {
    let derived: [u8; 40] = std::array::from_fn(|i| i as u8);
    let pairing = Pairing::new(
        Method::Passphrase,
        &derived,
        &[0xde, 0xad, 0xbe, 0xef],
        String::new(),
    );
    assert_eq!(pairing.method, Method::Passphrase);
    assert_eq!(
        pairing.couple, "2021222324252627",
        "the 8 bytes after the key"
    );
    assert_eq!(pairing.me, "deadbeef");
    assert_eq!(base64::decode(&pairing.key).unwrap(), derived[..32]);
    assert_eq!(
        (pairing.sent, pairing.heard, pairing.confirmed.clone()),
        (0, 0, BTreeMap::new())
    );
    assert!(pairing.unconfirmed.is_empty());
    assert!(pairing.known.is_empty());

    // Its sealer is the derived key: it opens what that key sealed.
    let code = code(
        &Sealer::new(&derived[..32].try_into().unwrap(), ""),
        &Header {
            couple: pairing.couple.clone(),
            sender: ALICE.into(),
            seq: 1,
            ack: 0,
        },
        b"hi",
    );
    let sealer = pairing.sealer().unwrap();
    let expect = Expect {
        sealer: &sealer,
        couple: &pairing.couple,
        me: &pairing.me,
        heard: pairing.heard,
    };
    assert_eq!(exchange::open_code(&code[0], &expect).unwrap().1, b"hi");

    // A stored pairing whose key was damaged gives no sealer.
    for bad in ["", "not base64", &base64::encode(&[1; 31])] {
        let damaged = Pairing {
            key: bad.to_string(),
            ..pairing.clone()
        };
        assert!(damaged.sealer().is_none(), "{bad:?}");
    }
}

#[test]
fn codes_are_numbered_from_one_and_carry_the_last_code_heard() {
    let mut pairing = paired([1, 2, 3, 4]);
    let first = pairing.next_code(rev(10), &["appreciations", "dates"], &[]);
    assert_eq!(
        first,
        Header {
            couple: pairing.couple.clone(),
            sender: String::from("01020304"),
            seq: 1,
            ack: 0,
        }
    );
    pairing.heard = 4;
    // Each code remembers the kinds it carried whole and the records it
    // carried one by one (picked journal entries), keyed `<kind>/<id>`.
    let picked = [("journal", id(2), rev(15)), ("journal", id(3), rev(18))];
    let second = pairing.next_code(rev(20), &["appreciations"], &picked);
    let third = pairing.next_code(rev(30), &[], &picked[..1]);
    assert_eq!((second.seq, second.ack), (2, 4));
    assert_eq!((third.seq, third.ack), (3, 4));
    assert_eq!(pairing.sent, 3);
    assert_eq!(
        pairing.unconfirmed,
        [
            made(1, rev(10), &["appreciations", "dates"], &[]),
            made(2, rev(20), &["appreciations"], &picked),
            made(3, rev(30), &[], &picked[..1]),
        ]
    );
    assert_eq!(
        pairing.unconfirmed[1].one_by_one,
        [
            (format!("journal/{}", id(2)), rev(15)),
            (format!("journal/{}", id(3)), rev(18)),
        ]
    );
    // Nothing is confirmed or known until a receipt comes.
    assert!(pairing.confirmed.is_empty() && pairing.known.is_empty());
}

#[test]
fn a_receipt_confirms_the_codes_it_names_and_nothing_moves_back() {
    let mut pairing = paired([1, 2, 3, 4]);
    // Every code carries the appreciations whole; some carry other kinds
    // whole too, and two carry a picked journal entry.
    let first_pick = [("journal", id(1), rev(8))];
    let fourth_pick = [("journal", id(2), rev(35))];
    pairing.next_code(rev(10), &["appreciations", "dates"], &first_pick);
    pairing.next_code(rev(30), &["appreciations"], &[]);
    pairing.next_code(rev(20), &["appreciations", "check_ins"], &[]);
    pairing.next_code(rev(40), &["appreciations", "dates"], &fourth_pick);
    let couple = pairing.couple.clone();
    let partner = move |seq: u32, ack: u32| Header {
        couple: couple.clone(),
        sender: String::from("99999999"),
        seq,
        ack,
    };

    // Their first code, sent before anything of ours reached them.
    let nothing_yet = partner(1, 0);
    pairing.opened(&nothing_yet);
    assert_eq!(
        (pairing.heard, pairing.confirmed.clone()),
        (1, BTreeMap::new())
    );
    assert!(pairing.known.is_empty());
    assert_eq!(pairing.unconfirmed.len(), 4);

    // A receipt for our code 3: codes 1 to 3 are confirmed. Each kind they
    // carried whole is confirmed up to the highest revision of the codes
    // that carried it (the appreciations: code 2's, not code 3's); what
    // they carried one by one becomes known.
    let receipt = partner(3, 3);
    pairing.opened(&receipt);
    assert_eq!(pairing.heard, 3);
    assert_eq!(
        pairing.confirmed,
        confirmed(&[
            ("appreciations", rev(30)),
            ("check_ins", rev(20)),
            ("dates", rev(10)),
        ])
    );
    assert_eq!(
        pairing.known,
        BTreeMap::from([(format!("journal/{}", id(1)), rev(8))])
    );
    assert_eq!(
        pairing.unconfirmed,
        [made(4, rev(40), &["appreciations", "dates"], &fourth_pick)]
    );
    // A kind never sent whole is not taken as the partner's, however old.
    assert!(!pairing.confirmed.contains_key("journal"));
    assert!(!pairing.partner_has("journal", &id(3), rev(1)));
    assert!(pairing.partner_has("journal", &id(1), rev(8)));
    assert!(!pairing.partner_has("decks", &id(5), rev(1)));
    assert!(pairing.partner_has("check_ins", &id(5), rev(20)));
    assert!(!pairing.partner_has("check_ins", &id(5), rev(21)));

    // An older code of theirs, opened late, lowers nothing.
    let late = partner(2, 1);
    pairing.opened(&late);
    assert_eq!(pairing.heard, 3);
    assert_eq!(
        pairing.confirmed,
        confirmed(&[
            ("appreciations", rev(30)),
            ("check_ins", rev(20)),
            ("dates", rev(10)),
        ])
    );
    assert_eq!(pairing.unconfirmed.len(), 1);

    let fourth = partner(4, 4);
    pairing.opened(&fourth);
    assert_eq!(pairing.heard, 4);
    assert_eq!(
        pairing.confirmed,
        confirmed(&[
            ("appreciations", rev(40)),
            ("check_ins", rev(20)),
            ("dates", rev(40)),
        ])
    );
    assert_eq!(
        pairing.known,
        BTreeMap::from([
            (format!("journal/{}", id(1)), rev(8)),
            (format!("journal/{}", id(2)), rev(35)),
        ])
    );
    assert!(pairing.unconfirmed.is_empty());

    // A code made since with an earlier revision (a clock set back):
    // confirming it keeps the higher revision already confirmed, and a
    // kind it carried whole for the first time starts at its revision.
    pairing.next_code(rev(5), &["appreciations", "decks"], &[]);
    let fifth = partner(5, 5);
    pairing.opened(&fifth);
    assert_eq!(pairing.heard, 5);
    assert_eq!(
        pairing.confirmed,
        confirmed(&[
            ("appreciations", rev(40)),
            ("check_ins", rev(20)),
            ("dates", rev(40)),
            ("decks", rev(5)),
        ])
    );
    assert!(pairing.unconfirmed.is_empty());
}

#[test]
fn two_phones_paired_from_the_same_derived_bytes_open_each_others_codes() {
    let mut alice = paired([0xa1, 0xa1, 0xa1, 0xa1]);
    let mut bob = paired([0xb2, 0xb2, 0xb2, 0xb2]);
    assert_eq!(alice.couple, bob.couple);
    assert_ne!(alice.me, bob.me);

    let plain = payload(3_000);
    let header = alice.next_code(rev(1), &["appreciations"], &[]);
    let parts = code(&alice.sealer().unwrap(), &header, &plain);
    let bob_sealer = bob.sealer().unwrap();
    let expect = Expect {
        sealer: &bob_sealer,
        couple: &bob.couple,
        me: &bob.me,
        heard: bob.heard,
    };
    let (opened, bytes) = exchange::open_code(&parts.join("\n"), &expect).unwrap();
    assert_eq!((&opened, &bytes), (&header, &plain));
    bob.opened(&opened);

    // Bob's answer carries the receipt; Alice's own phone refuses her code.
    let answer = bob.next_code(rev(2), &["appreciations"], &[]);
    assert_eq!(answer.ack, 1);
    let back = code(&bob_sealer, &answer, b"thanks");
    let alice_sealer = alice.sealer().unwrap();
    let (alice_couple, alice_me) = (alice.couple.clone(), alice.me.clone());
    let on_alice = |heard| Expect {
        sealer: &alice_sealer,
        couple: &alice_couple,
        me: &alice_me,
        heard,
    };
    assert_eq!(
        exchange::open_code(&parts.join("\n"), &on_alice(0)),
        Err(CodeError::OwnCode)
    );
    let (answer_opened, _) = exchange::open_code(&back[0], &on_alice(0)).unwrap();
    alice.opened(&answer_opened);
    assert_eq!(alice.confirmed, confirmed(&[("appreciations", rev(1))]));

    // A pairing from other derived bytes opens neither.
    let stranger = Pairing::new(Method::Keys, &derived(6), &[0xb2; 4], String::new());
    let stranger_sealer = stranger.sealer().unwrap();
    let expect = Expect {
        sealer: &stranger_sealer,
        couple: &bob.couple,
        me: &stranger.me,
        heard: 0,
    };
    assert_eq!(
        exchange::open_code(&parts.join("\n"), &expect),
        Err(CodeError::Damaged)
    );
}

// ---------------------------------------------------------------------------
// 3. What travels
// ---------------------------------------------------------------------------

fn draft(text: &str) -> Draft {
    Draft {
        text: text.into(),
        ..Draft::default()
    }
}

/// Records of every kind made through the domain's own methods on
/// `clock`: three journal entries (ids 1 to 3) and two or more of every
/// other kind, all on October 5 to 9.
fn everything(clock: &mut Clock) -> Records {
    let mut records = Records::default();
    let day = |d: u32| at(d, 12).date_naive();

    for n in 1..=3u8 {
        records
            .journal
            .add(
                id(n),
                &draft(&format!("Private entry {n}")),
                clock.tick(at(5, n.into())),
            )
            .unwrap();
    }
    for n in 0..2u8 {
        let written = Written {
            from: Partner::BOTH[usize::from(n)],
            focus: Focus::WhoTheyAre,
            text: &format!("How you kept calm at the station, time {n}"),
            day: day(5),
        };
        records
            .appreciations
            .add(id(10 + n), &written, clock.tick(at(5, 10)))
            .unwrap();
    }
    for nudge in &starter_list()[..2] {
        records
            .affection
            .toggle(nudge, day(6), clock.tick(at(6, 10)));
    }
    for n in 0..2u8 {
        let when = at(6, 19 + u32::from(n));
        let check_in = records.check_ins.start(
            id(30 + n),
            clock.tick(when),
            when.date_naive(),
            Vec::new(),
            Default::default(),
        );
        records.check_ins.edit(&check_in, clock.tick(when), |c| {
            c.rate(Partner::First, Some(5 + n), when).unwrap();
            c.add_agreement(id(90 + n), Partner::Second, "Phones away at dinner", when)
                .unwrap();
            c.finish(when);
        });
    }
    for (n, idea) in IDEAS[..2].iter().enumerate() {
        records
            .dates
            .save_from_library(id(40 + n as u8), idea, clock.tick(at(7, 10)));
    }
    let own = Idea {
        title: "Stargazing from the hill",
        description: "Bring the blanket.",
        category: Category::Outdoors,
        seasons: Seasons::ALL,
        cost: Cost::Free,
        minutes: 120,
        energy: Energy::Low,
        access: AccessNotes::NONE,
    };
    records
        .dates
        .add_own(id(42), &own, clock.tick(at(7, 11)))
        .unwrap();
    for (n, deck) in DECKS[..2].iter().enumerate() {
        records
            .decks
            .edit_place(deck, 77 + n as u64, clock.tick(at(8, 10)), |place| {
                let keys = keys_of(&cards(deck, Some(&*place)));
                let drawn = place.draw(&keys, at(8, 10)).unwrap();
                place.toggle_favourite(&drawn, at(8, 10));
            });
    }
    for n in 0..2u8 {
        let start = at(9, 10 + u32::from(n));
        records
            .time_outs
            .start(
                id(60 + n),
                clock.tick(start),
                start + TimeDelta::minutes(30),
            )
            .unwrap();
    }
    records.settings.update(clock.tick(at(9, 20)), |s| {
        s.set_name(Partner::First, "Alex");
        s.set_name(Partner::Second, "Sam");
    });
    records
}

/// One record or tombstone as it would travel.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    kind: &'static str,
    id: String,
    rev: Rev,
    /// The record as JSON; `None` for a tombstone.
    record: Option<String>,
}

/// Every record and tombstone of every kind, in registry order then by id.
fn items(records: &Records) -> Vec<Item> {
    struct Items(Vec<Item>);
    impl Visit for Items {
        fn visit<H: Holder>(&mut self, name: &'static str, holder: &H) {
            for item in holder.stamped() {
                self.0.push(Item {
                    kind: name,
                    id: item.id.to_string(),
                    rev: item.rev,
                    record: item.record.map(|r| serde_json::to_string(r).unwrap()),
                });
            }
        }
    }
    let mut visitor = Items(Vec::new());
    records.visit(&mut visitor);
    visitor.0
}

fn kinds_in(items: &[Item]) -> Vec<&'static str> {
    let mut kinds: Vec<&str> = items.iter().map(|item| item.kind).collect();
    kinds.dedup();
    kinds
}

/// This replica's latest revision, as a phone notes it with each code.
fn latest(records: &Records) -> Option<Rev> {
    items(records).iter().map(|item| item.rev).max()
}

#[test]
fn the_kinds_shared_by_default_are_what_a_couple_shares_and_never_the_journal() {
    assert_eq!(
        exchange::kinds_shared_by_default(),
        ["appreciations", "check_ins", "dates", "decks", "time_outs"]
    );
}

/// A first code: the partner has nothing yet.
fn first_time(_: &str, _: &RecordId, _: Rev) -> bool {
    false
}

/// A phone whose partner confirmed its first code, made when its latest
/// revision was `upto` and carrying `kinds` whole (nothing one by one).
fn confirmed_at(upto: Rev, kinds: &[&str]) -> Pairing {
    let mut pairing = paired([1; 4]);
    pairing.next_code(upto, kinds, &[]);
    let receipt = Header {
        couple: pairing.couple.clone(),
        sender: String::from("99999999"),
        seq: 1,
        ack: 1,
    };
    pairing.opened(&receipt);
    let each: Vec<(&str, Rev)> = kinds.iter().map(|kind| (*kind, upto)).collect();
    assert_eq!(pairing.confirmed, confirmed(&each));
    pairing
}

#[test]
fn only_the_chosen_kinds_travel_whole() {
    let all = everything(&mut Clock::new(1));
    let every = items(&all);
    assert_eq!(
        kinds_in(&every),
        rekindle::domain::records::NAMES,
        "every kind is here to be left out"
    );

    let shared = exchange::kinds_shared_by_default();
    let out = items(&exchange::outgoing(&all, &shared, &[], &first_time));
    let expected: Vec<Item> = every
        .iter()
        .filter(|item| shared.contains(&item.kind))
        .cloned()
        .collect();
    assert_eq!(out, expected, "same records, same revisions");
    assert_eq!(kinds_in(&out), shared);

    let dates_only = items(&exchange::outgoing(&all, &["dates"], &[], &first_time));
    assert_eq!(dates_only.len(), 3);
    assert!(dates_only.iter().all(|item| item.kind == "dates"));

    let nothing = exchange::outgoing(&all, &[], &[], &first_time);
    assert!(items(&nothing).is_empty());
    assert!(exchange::counts(&nothing).is_empty());

    // Kinds can be chosen beyond the default, the settings too.
    let settings = items(&exchange::outgoing(&all, &["settings"], &[], &first_time));
    assert_eq!(kinds_in(&settings), ["settings"]);
}

#[test]
fn the_journal_travels_only_as_the_entries_picked() {
    let all = everything(&mut Clock::new(1));
    let shared = exchange::kinds_shared_by_default();
    // The journal lists newest first; which were sent is what matters.
    let journal_of = |out: &Records| -> Vec<String> {
        let mut texts: Vec<String> = out
            .journal
            .entries()
            .iter()
            .map(|e| e.text.clone())
            .collect();
        texts.sort();
        texts
    };

    let unpicked = exchange::outgoing(&all, &shared, &[], &first_time);
    assert!(unpicked.journal.is_empty());
    let one = exchange::outgoing(&all, &shared, &[id(2)], &first_time);
    assert_eq!(journal_of(&one), ["Private entry 2"]);
    assert_eq!(
        items(&one).len(),
        items(&unpicked).len() + 1,
        "the pick adds that entry and nothing else"
    );
    let two = exchange::outgoing(&all, &[], &[id(3), id(1)], &first_time);
    assert_eq!(journal_of(&two), ["Private entry 1", "Private entry 3"]);
    assert_eq!(kinds_in(&items(&two)), ["journal"]);
    // An id that names nothing picks nothing.
    assert!(items(&exchange::outgoing(&all, &[], &[id(200)], &first_time)).is_empty());
}

#[test]
fn after_a_receipt_only_what_changed_since_travels_deletions_as_tombstones() {
    let mut clock = Clock::new(1);
    let mut all = everything(&mut clock);
    let since = latest(&all).unwrap();
    let shared = exchange::kinds_shared_by_default();
    // The confirmed code carried the shared kinds and the settings whole.
    let sent_whole: Vec<&str> = shared.iter().copied().chain(["settings"]).collect();
    let pairing = confirmed_at(since, &sent_whole);
    let partner_has = |kind: &str, id: &RecordId, rev: Rev| pairing.partner_has(kind, id, rev);
    // The latest record (the settings) is exactly at the receipt: the
    // partner has it, so it stays home, like everything before it.
    assert!(items(&exchange::outgoing(&all, &["settings"], &[], &partner_has)).is_empty());
    assert!(items(&exchange::outgoing(&all, &shared, &[], &partner_has)).is_empty());

    // Afterwards: one appreciation edited, one date deleted, a check-in
    // started, a private entry written, the settings changed.
    all.appreciations
        .toggle_read_aloud(&id(10), clock.tick(at(12, 10)));
    all.dates.delete(&id(41), clock.tick(at(12, 11))).unwrap();
    all.check_ins.start(
        id(32),
        clock.tick(at(12, 19)),
        at(12, 19).date_naive(),
        Vec::new(),
        Default::default(),
    );
    all.journal
        .add(id(4), &draft("Not for sharing"), clock.tick(at(12, 20)))
        .unwrap();
    all.settings.update(clock.tick(at(12, 21)), |s| {
        s.set_name(Partner::First, "Lex")
    });

    let out = items(&exchange::outgoing(&all, &shared, &[], &partner_has));
    let travelled: Vec<(&str, String, bool)> = out
        .iter()
        .map(|item| (item.kind, item.id.clone(), item.record.is_some()))
        .collect();
    assert_eq!(
        travelled,
        [
            ("appreciations", id(10).to_string(), true),
            ("check_ins", id(32).to_string(), true),
            ("dates", id(41).to_string(), false),
        ]
    );
    let expected: Vec<Item> = items(&all)
        .into_iter()
        .filter(|item| item.rev > since && shared.contains(&item.kind))
        .collect();
    assert_eq!(out, expected);

    let settings = exchange::outgoing(&all, &["settings"], &[], &partner_has);
    assert_eq!(items(&settings).len(), 1, "the newer settings, when chosen");
}

#[test]
fn what_came_from_the_partner_is_not_sent_back_until_it_changes_here() {
    let mut clock = Clock::new(1);
    let mut all = everything(&mut clock);
    let shared = exchange::kinds_shared_by_default();
    let took = all.appreciations.ledger().rev(&id(10)).unwrap();
    let mut pairing = paired([1; 4]);
    pairing.received("appreciations", &id(10), took);

    // Exactly that record of that kind at that revision.
    assert!(pairing.partner_has("appreciations", &id(10), took));
    assert!(!pairing.partner_has("appreciations", &id(10), took.successor(1)));
    assert!(!pairing.partner_has("appreciations", &id(11), took));
    assert!(!pairing.partner_has("dates", &id(10), took));

    let out = |all: &Records, pairing: &Pairing| {
        items(&exchange::outgoing(all, &shared, &[], &|kind, id, rev| {
            pairing.partner_has(kind, id, rev)
        }))
    };
    let ids = |items: Vec<Item>| -> Vec<String> { items.into_iter().map(|item| item.id).collect() };
    let everything_shared = ids(items(&exchange::outgoing(&all, &shared, &[], &first_time)));
    let mut without = everything_shared.clone();
    without.retain(|other| *other != id(10).to_string());
    assert_eq!(ids(out(&all, &pairing)), without);

    // Changed here, it is this phone's news again.
    all.appreciations
        .toggle_read_aloud(&id(10), clock.tick(at(12, 10)));
    assert_eq!(ids(out(&all, &pairing)), everything_shared);
}

#[test]
fn a_receipt_forgets_what_came_from_the_partner_that_it_covers() {
    let at_ms = |ms: u64| Rev {
        ms,
        counter: 0,
        node: 2,
    };
    let mut pairing = paired([1; 4]);
    pairing.received("appreciations", &id(1), at_ms(10));
    pairing.received("check_ins", &id(2), at_ms(30));
    pairing.received("appreciations", &id(1), at_ms(15));
    // Of a kind the code did not carry whole: nothing covers it.
    pairing.received("dates", &id(3), at_ms(5));
    pairing.next_code(at_ms(20), &["appreciations", "check_ins"], &[]);
    let receipt = Header {
        couple: pairing.couple.clone(),
        sender: String::from("99999999"),
        seq: 1,
        ack: 1,
    };
    pairing.opened(&receipt);
    let kept: Vec<(&String, &Rev)> = pairing.known.iter().collect();
    assert_eq!(
        kept,
        [
            (&format!("check_ins/{}", id(2)), &at_ms(30)),
            (&format!("dates/{}", id(3)), &at_ms(5)),
        ]
    );
    // What was forgotten is still the partner's, through the receipt.
    assert!(pairing.partner_has("appreciations", &id(1), at_ms(15)));
    assert!(pairing.partner_has("check_ins", &id(2), at_ms(30)));
    assert!(!pairing.partner_has("check_ins", &id(2), at_ms(31)));
    assert!(pairing.partner_has("dates", &id(3), at_ms(5)));
    assert!(!pairing.partner_has("dates", &id(4), at_ms(5)));
}

#[test]
fn stamps_list_every_record_and_deletion_by_kind_and_has_matches_exactly() {
    let mut clock = Clock::new(1);
    let mut all = everything(&mut clock);
    all.dates.delete(&id(41), clock.tick(at(12, 11))).unwrap();
    let stamps = exchange::stamps(&all);
    let every = items(&all);
    assert_eq!(stamps.len(), every.len());
    let mut keys: Vec<&str> = stamps.iter().map(|(kind, ..)| *kind).collect();
    keys.dedup();
    assert_eq!(
        keys,
        [
            "journal",
            "appreciations",
            "affection",
            "check_ins",
            "dates",
            "decks",
            "time_outs",
            "settings"
        ]
    );
    assert_eq!(keys, rekindle::domain::records::NAMES);
    for ((kind, id, rev), item) in stamps.iter().zip(&every) {
        assert_eq!((id.to_string(), *rev), (item.id.clone(), item.rev));
        assert!(exchange::has(&all, kind, id, *rev), "{kind}/{id}");
        assert!(
            !exchange::has(&all, kind, id, rev.successor(9)),
            "{kind}/{id}"
        );
        assert!(!exchange::has(&Records::default(), kind, id, *rev));
    }
    let deleted = stamps.iter().find(|(_, stamped, _)| *stamped == id(41));
    let (kind, _, rev) = deleted.unwrap();
    assert_eq!(*kind, "dates");
    assert!(
        exchange::has(&all, "dates", &id(41), *rev),
        "a deletion too"
    );
    assert!(!exchange::has(&all, "appreciations", &id(41), *rev));
}

#[test]
fn a_journal_entry_picked_by_hand_travels_however_old_it_is() {
    // The send screen lists the latest entries to tick ("only an entry you
    // tick here is sent"). A confirmed code of the default kinds, made
    // after the entry was written, says nothing about the journal: the
    // partner has only what went to them, so the ticked entry travels.
    let all = everything(&mut Clock::new(1));
    let pairing = confirmed_at(latest(&all).unwrap(), &exchange::kinds_shared_by_default());
    let out = exchange::outgoing(&all, &[], &[id(2)], &|kind, id, rev| {
        pairing.partner_has(kind, id, rev)
    });
    let texts: Vec<&str> = out
        .journal
        .entries()
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(texts, ["Private entry 2"]);
}

#[test]
fn a_kind_chosen_for_the_first_time_travels_whole() {
    // The affection moments were never chosen, so never sent: a confirmed
    // exchange of the default kinds does not make them the partner's, and
    // ticking them sends them all.
    let all = everything(&mut Clock::new(1));
    let pairing = confirmed_at(latest(&all).unwrap(), &exchange::kinds_shared_by_default());
    let out = exchange::outgoing(&all, &["affection"], &[], &|kind, id, rev| {
        pairing.partner_has(kind, id, rev)
    });
    assert_eq!(exchange::counts(&out), ["2 affection moments"]);
}

#[test]
fn counts_name_each_kind_by_its_noun_and_deletions_apart() {
    let mut clock = Clock::new(1);
    let all = everything(&mut clock);
    assert_eq!(
        exchange::counts(&all),
        [
            "3 journal entries",
            "2 appreciations",
            "2 affection moments",
            "2 check-ins",
            "3 date ideas",
            "2 question decks",
            "2 time-outs",
            "1 set of settings",
        ]
    );

    let mut some = Records::default();
    let written = Written {
        from: Partner::First,
        focus: Focus::WhoTheyAre,
        text: "The soup",
        day: at(5, 12).date_naive(),
    };
    for n in 0..3 {
        some.appreciations
            .add(id(n), &written, clock.tick(at(13, 10)))
            .unwrap();
    }
    some.appreciations.delete(&id(0), clock.tick(at(13, 11)));
    some.check_ins.start(
        id(30),
        clock.tick(at(13, 19)),
        at(13, 19).date_naive(),
        Vec::new(),
        Default::default(),
    );
    some.check_ins.delete(&id(30), clock.tick(at(13, 20)));
    some.check_ins.start(
        id(31),
        clock.tick(at(13, 21)),
        at(13, 21).date_naive(),
        Vec::new(),
        Default::default(),
    );
    some.journal
        .add(id(1), &draft("One"), clock.tick(at(13, 22)))
        .unwrap();
    assert_eq!(
        exchange::counts(&some),
        [
            "1 journal entry",
            "2 appreciations",
            "1 appreciation deleted",
            "1 check-in",
            "1 check-in deleted",
        ]
    );
    assert!(exchange::counts(&Records::default()).is_empty());
}

// ---------------------------------------------------------------------------
// 4. Two phones, end to end
// ---------------------------------------------------------------------------

struct Phone {
    records: Records,
    pairing: Pairing,
    clock: Clock,
}

impl Phone {
    fn new(me: u8, records: Records, clock: Clock) -> Phone {
        Phone {
            records,
            pairing: paired([me; 4]),
            clock,
        }
    }

    /// What the next code would carry: what the partner does not have.
    fn news(&self, kinds: &[&str], picked: &[RecordId]) -> Records {
        exchange::outgoing(&self.records, kinds, picked, &|kind, id, rev| {
            self.pairing.partner_has(kind, id, rev)
        })
    }

    /// Makes the next code, as the send screen does, through the backup
    /// format: it remembers the kinds chosen (carried whole) and the
    /// records of other kinds it carried one by one (the picked entries).
    fn send(&mut self, kinds: &[&str], picked: &[RecordId], now: DateTime<Utc>) -> String {
        let news = self.news(kinds, picked);
        let payload = backup::export(&news, now);
        let latest = latest(&self.records).expect("something to send");
        let one_by_one: Vec<(&str, RecordId, Rev)> = exchange::stamps(&news)
            .into_iter()
            .filter(|(kind, _, _)| !kinds.contains(kind))
            .collect();
        let header = self.pairing.next_code(latest, kinds, &one_by_one);
        code(&self.pairing.sealer().unwrap(), &header, payload.as_bytes()).join("\n")
    }

    /// Opens a code, as the receive screen does: checked, parsed like a
    /// backup, merged, the clock moved past it, what was taken as it came
    /// noted (not to be sent back), and its receipt noted. What it carried.
    fn receive(&mut self, text: &str, now: DateTime<Utc>) -> Result<Records, CodeError> {
        let sealer = self.pairing.sealer().unwrap();
        let expect = Expect {
            sealer: &sealer,
            couple: &self.pairing.couple,
            me: &self.pairing.me,
            heard: self.pairing.heard,
        };
        let (header, payload) = exchange::open_code(text, &expect)?;
        let parsed = backup::parse(std::str::from_utf8(&payload).unwrap(), now).unwrap();
        backup::merge(&mut self.records, &parsed);
        if let Some(latest) = latest(&self.records) {
            self.clock.observe(latest);
        }
        for (kind, id, rev) in exchange::stamps(&parsed.records) {
            if exchange::has(&self.records, kind, &id, rev) {
                self.pairing.received(kind, &id, rev);
            }
        }
        self.pairing.opened(&header);
        Ok(parsed.records)
    }
}

fn live(items: &[Item]) -> Vec<(&'static str, String, Option<String>)> {
    items
        .iter()
        .filter(|item| item.record.is_some())
        .map(|item| (item.kind, item.id.clone(), item.record.clone()))
        .collect()
}

#[test]
fn records_travel_from_one_phone_to_the_other_and_later_only_what_changed() {
    let mut a_clock = Clock::new(0xa);
    let a_records = everything(&mut a_clock);
    let mut a = Phone::new(0xa1, a_records, a_clock);
    // Bob wrote one appreciation of his own the week before.
    let mut b_clock = Clock::new(0xb);
    let mut b_records = Records::default();
    let written = Written {
        from: Partner::Second,
        focus: Focus::SomethingTheyDid,
        text: "You fixed the bike",
        day: at(2, 12).date_naive(),
    };
    b_records
        .appreciations
        .add(id(100), &written, b_clock.tick(at(2, 12)))
        .unwrap();
    let mut b = Phone::new(0xb2, b_records, b_clock);
    let shared = exchange::kinds_shared_by_default();

    // Alice's first code: everything shared, and one picked journal entry.
    let first = a.send(&shared, &[id(2)], at(20, 12));
    let a_latest_then = latest(&a.records);
    assert!(first.lines().count() > 1, "several parts");
    let carried = b.receive(&first, at(20, 13)).unwrap();
    assert_eq!(
        exchange::counts(&carried),
        [
            "1 journal entry",
            "2 appreciations",
            "2 check-ins",
            "3 date ideas",
            "2 question decks",
            "2 time-outs",
        ]
    );
    let sent: Vec<Item> = items(&a.records)
        .into_iter()
        .filter(|item| shared.contains(&item.kind) || item.id == id(2).to_string())
        .collect();
    let on_b = items(&b.records);
    for item in &sent {
        assert!(on_b.contains(item), "{item:?} reached Bob");
    }
    assert_eq!(on_b.len(), sent.len() + 1, "and Bob's own is still there");
    assert_eq!(b.records.journal.len(), 1, "only the picked entry");
    assert!(b.records.affection.is_empty() && b.records.settings.ledger().latest().is_none());
    assert_eq!(b.pairing.heard, 1);

    // Opened once, it is refused again: nothing changes.
    let before = items(&b.records);
    assert_eq!(
        b.receive(&first, at(20, 14)).map(|_| ()),
        Err(CodeError::AlreadyOpened { seq: 1 })
    );
    assert_eq!(items(&b.records), before);
    // Bob's own phone will not open his own code.
    let answer = b.send(&shared, &[], at(20, 15));
    assert_eq!(
        b.receive(&answer, at(20, 15)).map(|_| ()),
        Err(CodeError::OwnCode)
    );

    // Bob's answer brings his appreciation (and nothing of Alice's back)
    // and Alice's receipt.
    let carried = a.receive(&answer, at(20, 16)).unwrap();
    assert_eq!(exchange::counts(&carried), ["1 appreciation"]);
    assert!(a.records.appreciations.get(&id(100)).is_some());
    // Each kind sent whole is confirmed up to Alice's latest revision when
    // she made the code; the picked entry is known one by one, and is not
    // sent again.
    let a_latest_then = a_latest_then.unwrap();
    let each: Vec<(&str, Rev)> = shared.iter().map(|kind| (*kind, a_latest_then)).collect();
    assert_eq!(a.pairing.confirmed, confirmed(&each));
    let picked_rev = a.records.journal.ledger().rev(&id(2)).unwrap();
    assert_eq!(
        a.pairing.known,
        BTreeMap::from([(format!("journal/{}", id(2)), picked_rev)])
    );
    assert!(exchange::counts(&a.news(&[], &[id(2)])).is_empty());
    assert_eq!(
        exchange::counts(&a.news(&[], &[id(1)])),
        ["1 journal entry"]
    );
    assert!(a.pairing.unconfirmed.is_empty());

    // Alice deletes a date and marks an appreciation to read aloud.
    a.records
        .dates
        .delete(&id(41), a.clock.tick(at(21, 10)))
        .unwrap();
    a.records
        .appreciations
        .toggle_read_aloud(&id(11), a.clock.tick(at(21, 11)));
    let second = a.send(&shared, &[], at(21, 12));
    assert!(
        second.starts_with(&format!("rk1.{}.{}.2.1.", a.pairing.couple, a.pairing.me)),
        "code 2, with the receipt for Bob's code 1"
    );
    assert!(b.records.dates.get(&id(41)).is_some());
    let carried = b.receive(&second, at(21, 13)).unwrap();
    assert_eq!(
        exchange::counts(&carried),
        ["1 appreciation", "1 date idea deleted"],
        "only what changed since Bob's receipt"
    );
    assert!(
        b.records.dates.get(&id(41)).is_none(),
        "the deletion travelled"
    );
    assert!(b.records.dates.ledger().is_deleted(&id(41)));
    assert!(b.records.appreciations.get(&id(11)).unwrap().read_aloud);
    assert_eq!(
        live(&items(&b.records))
            .into_iter()
            .filter(|(kind, ..)| shared.contains(kind))
            .collect::<Vec<_>>(),
        live(&items(&a.records))
            .into_iter()
            .filter(|(kind, ..)| shared.contains(kind))
            .collect::<Vec<_>>(),
        "both phones now hold the same shared records"
    );
    // Bob has nothing new for Alice; Alice's changes wait for his receipt
    // (until then they would travel again, harmlessly).
    assert!(exchange::counts(&b.news(&shared, &[])).is_empty());
    assert_eq!(
        exchange::counts(&a.news(&shared, &[])),
        ["1 appreciation", "1 date idea deleted"]
    );
    let written = Written {
        from: Partner::Second,
        focus: Focus::WhoTheyAre,
        text: "Your patience",
        day: at(22, 9).date_naive(),
    };
    b.records
        .appreciations
        .add(id(101), &written, b.clock.tick(at(22, 9)))
        .unwrap();
    let third = b.send(&shared, &[], at(22, 10));
    let carried = a.receive(&third, at(22, 11)).unwrap();
    assert_eq!(exchange::counts(&carried), ["1 appreciation"]);
    assert!(exchange::counts(&a.news(&shared, &[])).is_empty());
}

#[test]
fn a_check_in_answered_on_both_phones_ends_up_whole_on_both_through_codes() {
    let shared = exchange::kinds_shared_by_default();
    let day = at(20, 19).date_naive();
    let mut a = Phone::new(0xa1, Records::default(), Clock::new(0xa));
    let mut b = Phone::new(0xb2, Records::default(), Clock::new(0xb));
    let check_in = a.records.check_ins.start(
        id(50),
        a.clock.tick(at(20, 19)),
        day,
        Vec::new(),
        Default::default(),
    );
    let start = a.send(&shared, &[], at(20, 19));
    b.receive(&start, at(20, 19)).unwrap();

    // Each answers their own half, offline.
    a.records
        .check_ins
        .edit(&check_in, a.clock.tick(at(20, 20)), |c| {
            c.set_answer(Step::GoingWell, Partner::First, "Our walks", at(20, 20))
                .unwrap();
            c.rate(Partner::First, Some(8), at(20, 20)).unwrap();
        });
    b.records
        .check_ins
        .edit(&check_in, b.clock.tick(at(20, 21)), |c| {
            c.set_answer(Step::GoingWell, Partner::Second, "The soup", at(20, 21))
                .unwrap();
            c.rate(Partner::Second, Some(7), at(20, 21)).unwrap();
        });

    // Codes cross, back and forth, until nothing new is left to send.
    for round in 0..3 {
        let from_b = b.send(&shared, &[], at(21, round));
        let from_a = a.send(&shared, &[], at(21, round));
        a.receive(&from_b, at(21, round)).unwrap();
        b.receive(&from_a, at(21, round)).unwrap();
    }
    for phone in [&a, &b] {
        let c = phone.records.check_ins.get(&check_in).unwrap();
        assert_eq!(c.going_well, ["Our walks", "The soup"]);
        assert_eq!(c.ratings, [Some(8), Some(7)]);
    }
}

#[test]
fn an_older_copy_of_a_check_in_still_brings_its_half_and_the_result_travels_back() {
    // Bob answers his half; Alice answers hers later, before his copy
    // reaches her. Bob then writes in his journal, so his code's receipt
    // (`upto`) is later than either copy. His older copy must still bring
    // his half to Alice, and whatever either phone puts together must be
    // newer than the receipts, or it would never be sent.
    let shared = exchange::kinds_shared_by_default();
    let day = at(20, 19).date_naive();
    let mut a = Phone::new(0xa1, Records::default(), Clock::new(0xa));
    let mut b = Phone::new(0xb2, Records::default(), Clock::new(0xb));
    let check_in = a.records.check_ins.start(
        id(50),
        a.clock.tick(at(20, 10)),
        day,
        Vec::new(),
        Default::default(),
    );
    b.receive(&a.send(&shared, &[], at(20, 10)), at(20, 10))
        .unwrap();

    b.records
        .check_ins
        .edit(&check_in, b.clock.tick(at(20, 11)), |c| {
            c.rate(Partner::Second, Some(7), at(20, 11)).unwrap();
        });
    a.records
        .check_ins
        .edit(&check_in, a.clock.tick(at(20, 12)), |c| {
            c.rate(Partner::First, Some(8), at(20, 12)).unwrap();
        });
    b.records
        .journal
        .add(id(1), &draft("Later, private"), b.clock.tick(at(20, 13)))
        .unwrap();

    // Bob's code reaches Alice: his copy is older than hers, yet his half
    // is kept in hers, under a revision above both.
    let alices_own = a.records.check_ins.ledger().rev(&check_in).unwrap();
    a.receive(&b.send(&shared, &[], at(20, 14)), at(20, 14))
        .unwrap();
    let on_a = a.records.check_ins.get(&check_in).unwrap();
    assert_eq!(on_a.ratings, [Some(8), Some(7)], "Alice has both halves");
    assert!(a.records.check_ins.ledger().rev(&check_in).unwrap() > alices_own);

    // Alice's answer brings the whole check-in to Bob; from then on both
    // hold the same copy, and further codes change nothing.
    b.receive(&a.send(&shared, &[], at(20, 15)), at(20, 15))
        .unwrap();
    for hour in 16..18 {
        a.receive(&b.send(&shared, &[], at(20, hour)), at(20, hour))
            .unwrap();
        b.receive(&a.send(&shared, &[], at(20, hour)), at(20, hour))
            .unwrap();
    }
    for phone in [&a, &b] {
        let c = phone.records.check_ins.get(&check_in).unwrap();
        assert_eq!(c.ratings, [Some(8), Some(7)]);
    }
    assert_eq!(
        items(&a.records)
            .into_iter()
            .filter(|item| item.kind == "check_ins")
            .collect::<Vec<_>>(),
        items(&b.records)
            .into_iter()
            .filter(|item| item.kind == "check_ins")
            .collect::<Vec<_>>(),
        "the same copy, under the same revision"
    );
}
