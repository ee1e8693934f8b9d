//! Text packed tightly for localStorage, which counts every UTF-16 unit
//! against its quota whatever it holds: plain English spends 16 bits on a
//! 7-bit letter. A year's pack of records is squeezed twice: LZW finds the
//! repeats (field names, ids, a couple's own words), each code 15 bits,
//! and the bits are written 15 to a character, never a surrogate.

use std::collections::HashMap;

/// What a squeezed plain value starts with (sealed ones: `seal::PACKED_PREFIX`).
pub const PREFIX: &str = "lzw1:";

/// LZW codes are 15 bits: 256 single bytes, then up to 32,512 phrases.
const CODE_BITS: u32 = 15;
const CODES: usize = 1 << CODE_BITS;
/// Fifteen bits to a character: U+4000 to U+BFFF (CJK, Yi and Hangul,
/// all below the surrogates). A last character with seven bits or fewer
/// comes from the 128 just before, so the exact byte count survives.
const FULL_BASE: u32 = 0x4000;
const TAIL_BASE: u32 = 0x3F80;

/// `text` squeezed: `lzw1:` and a character for each LZW code.
pub fn pack_text(text: &str) -> String {
    let mut out = String::from(PREFIX);
    out.push_str(&to_chars(&compress(text.as_bytes())));
    out
}

/// The text of a squeezed plain value; `None` if it is not one or damaged.
pub fn unpack_text(stored: &str) -> Option<String> {
    let bytes = expand(&from_chars(stored.strip_prefix(PREFIX)?)?)?;
    String::from_utf8(bytes).ok()
}

pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(PREFIX)
}

/// LZW with 15-bit codes, written most significant bit first.
pub fn compress(input: &[u8]) -> Vec<u8> {
    let mut bits = BitWriter::default();
    // (prefix code, next byte) → code of the longer phrase.
    let mut phrases: HashMap<u32, u16> = HashMap::new();
    let mut next = 256usize;
    let mut current: Option<u16> = None;
    for &byte in input {
        let Some(prefix) = current else {
            current = Some(u16::from(byte));
            continue;
        };
        let pair = u32::from(prefix) << 8 | u32::from(byte);
        match phrases.get(&pair) {
            Some(&code) => current = Some(code),
            None => {
                bits.push(prefix);
                if next < CODES {
                    phrases.insert(pair, next as u16);
                    next += 1;
                }
                current = Some(u16::from(byte));
            }
        }
    }
    if let Some(code) = current {
        bits.push(code);
    }
    bits.finish()
}

/// The bytes `compress` was given; `None` for codes that cannot occur.
pub fn expand(packed: &[u8]) -> Option<Vec<u8>> {
    let count = packed.len() * 8 / CODE_BITS as usize;
    let mut codes = (0..count).map(|index| read_code(packed, index));
    let mut out = Vec::with_capacity(packed.len() * 3);
    // Each phrase past 255: the phrase it extends and its last byte.
    let mut phrases: Vec<(u16, u8)> = Vec::new();
    let Some(first) = codes.next() else {
        return Some(out);
    };
    if first > 255 {
        return None;
    }
    out.push(first as u8);
    let mut previous = first;
    for code in codes {
        let start = out.len();
        let known = 256 + phrases.len();
        if usize::from(code) < known {
            write_phrase(code, &phrases, &mut out);
        } else if usize::from(code) == known && known < CODES {
            // The phrase being defined right now: previous + its own first byte.
            write_phrase(previous, &phrases, &mut out);
            let first_byte = out[start];
            out.push(first_byte);
        } else {
            return None;
        }
        if 256 + phrases.len() < CODES {
            phrases.push((previous, out[start]));
        }
        previous = code;
    }
    Some(out)
}

fn write_phrase(code: u16, phrases: &[(u16, u8)], out: &mut Vec<u8>) {
    let start = out.len();
    let mut code = code;
    while code > 255 {
        let (prefix, byte) = phrases[usize::from(code) - 256];
        out.push(byte);
        code = prefix;
    }
    out.push(code as u8);
    out[start..].reverse();
}

fn read_code(bytes: &[u8], index: usize) -> u16 {
    let bit = index * CODE_BITS as usize;
    // Three bytes always hold the 15 bits that start in the first of them.
    let at = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0));
    let window = at(bit / 8) << 16 | at(bit / 8 + 1) << 8 | at(bit / 8 + 2);
    ((window >> (24 - CODE_BITS as usize - bit % 8)) & (CODES as u32 - 1)) as u16
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    held: u32,
    count: u32,
}

impl BitWriter {
    fn push(&mut self, code: u16) {
        self.held = self.held << CODE_BITS | u32::from(code);
        self.count += CODE_BITS;
        while self.count >= 8 {
            self.count -= 8;
            self.bytes.push((self.held >> self.count) as u8);
        }
        self.held &= (1 << self.count) - 1;
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.bytes.push((self.held << (8 - self.count)) as u8);
        }
        self.bytes
    }
}

/// Bytes as text, 15 bits to a character.
pub fn to_chars(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 3);
    let (mut held, mut count) = (0u32, 0u32);
    for &byte in bytes {
        held = held << 8 | u32::from(byte);
        count += 8;
        if count >= 15 {
            count -= 15;
            out.push(char_at(FULL_BASE + (held >> count)));
            held &= (1 << count) - 1;
        }
    }
    match count {
        0 => {}
        1..=7 => out.push(char_at(TAIL_BASE + (held << (7 - count)))),
        _ => out.push(char_at(FULL_BASE + (held << (15 - count)))),
    }
    out
}

/// What `to_chars` was given; `None` for any character it never writes.
pub fn from_chars(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 15 / 24 + 1);
    let (mut held, mut count) = (0u32, 0u32);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = u32::from(c);
        let (value, bits) = if (FULL_BASE..FULL_BASE + CODES as u32).contains(&c) {
            (c - FULL_BASE, 15)
        } else if (TAIL_BASE..FULL_BASE).contains(&c) && chars.peek().is_none() {
            (c - TAIL_BASE, 7)
        } else {
            return None;
        };
        held = held << bits | value;
        count += bits;
        while count >= 8 {
            count -= 8;
            out.push((held >> count) as u8);
        }
        held &= (1 << count) - 1;
    }
    Some(out)
}

fn char_at(code: u32) -> char {
    char::from_u32(code).expect("below the surrogates")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_survive_the_characters_exactly() {
        for length in 0..40usize {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            let text = to_chars(&bytes);
            assert_eq!(text.chars().count(), (length * 8).div_ceil(15));
            assert_eq!(from_chars(&text), Some(bytes), "{length} bytes");
        }
    }

    #[test]
    fn text_survives_squeezing() {
        let samples = [
            "",
            "a",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "{\"v\":3,\"id\":\"x\"},{\"v\":3,\"id\":\"y\"} — thank you, ☕ 🌙",
        ];
        for sample in samples {
            assert_eq!(unpack_text(&pack_text(sample)).as_deref(), Some(sample));
        }
    }

    #[test]
    fn the_dictionary_filling_up_changes_nothing() {
        // Enough varied text to define all 32,512 phrases and go on.
        let text: String = (0..60_000u32)
            .map(|i| format!("{} ", i.wrapping_mul(2_654_435_761) % 9973))
            .collect();
        let packed = pack_text(&text);
        assert!(packed.chars().count() < text.len() / 2);
        assert_eq!(unpack_text(&packed), Some(text));
    }

    #[test]
    fn damage_is_refused_not_guessed() {
        assert_eq!(from_chars("{\"v\":3}"), None);
        assert_eq!(unpack_text("lzw1:x"), None);
        // A first code past the single bytes cannot occur.
        assert_eq!(expand(&[0xFF, 0xFF]), None);
    }
}
