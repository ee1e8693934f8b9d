//! The words a couple reads never assume genders or a shared home, and never
//! lecture in absolutes. Reads every sentence-like string literal in
//! `src/ui`, `src/content` and `src/domain` (where all shown text lives) and looks for
//! phrases a careful read removed, so they do not creep back.

use std::fs;
use std::path::Path;

/// Whole-word phrases that have no place in what Rekindle says.
const NEVER: &[(&str, &str)] = &[
    // Partners come in every gender; "they" and "your partner" fit all.
    ("he", "assumes a gender"),
    ("she", "assumes a gender"),
    ("him", "assumes a gender"),
    ("his", "assumes a gender"),
    ("her", "assumes a gender"),
    ("hers", "assumes a gender"),
    ("husband", "assumes a gender and a marriage"),
    ("wife", "assumes a gender and a marriage"),
    ("boyfriend", "assumes a gender"),
    ("girlfriend", "assumes a gender"),
    // Many couples live apart.
    ("your home", "assumes one shared home"),
    ("your house", "assumes one shared home"),
    ("your flat", "assumes one shared home"),
    ("your bedroom", "assumes one shared home"),
    ("your living room", "assumes one shared home"),
    ("the couch", "assumes one shared home"),
    ("at the door", "assumes one shared home"),
    ("live together", "assumes living together"),
    // Absolutes and lectures.
    ("faster than anything", "an absolute"),
    ("every couple", "an absolute"),
    ("all couples", "an absolute"),
    ("the only way", "an absolute"),
    ("you must", "a lecture"),
    ("non sexual", "clinical"),
];

/// The string literals of a Rust source file, line continuations joined.
fn literals(source: &str) -> Vec<String> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            // A quote as a character ('"'), not the start of a string.
            b'\'' if bytes.get(at + 1) == Some(&b'"') => at += 3,
            b'"' => {
                let mut text = String::new();
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    if bytes[at] == b'\\' {
                        at += 1;
                        if bytes.get(at) == Some(&b'\n') {
                            while at + 1 < bytes.len() && bytes[at + 1].is_ascii_whitespace() {
                                at += 1;
                            }
                        } else {
                            text.push(' ');
                        }
                    } else {
                        let len = utf8_len(bytes[at]);
                        text.push_str(&source[at..at + len]);
                        at += len - 1;
                    }
                    at += 1;
                }
                out.push(text);
            }
            _ => {}
        }
        at += 1;
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `phrase` appears in `text` as whole words.
fn has_phrase(text: &[String], phrase: &str) -> bool {
    let phrase: Vec<&str> = phrase.split(' ').collect();
    text.windows(phrase.len())
        .any(|window| window.iter().zip(&phrase).all(|(w, p)| w == p))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every sentence-like literal (a few words, not a CSS class or an id).
fn shown_text() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["src/ui", "src/content", "src/domain"] {
        rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    }
    assert!(files.len() > 30, "found only {} source files", files.len());
    let mut out = Vec::new();
    for file in files {
        let source = fs::read_to_string(&file).expect("readable source");
        let name = file.display().to_string();
        for text in literals(&source) {
            if text.split_whitespace().count() >= 3 && text.chars().any(char::is_uppercase) {
                out.push((name.clone(), text));
            }
        }
    }
    out
}

#[test]
fn shown_words_assume_no_gender_no_shared_home_and_no_absolutes() {
    let all = shown_text();
    assert!(all.len() > 300, "found only {} sentences", all.len());
    let mut problems = Vec::new();
    for (file, text) in &all {
        let words = words(text);
        for (phrase, why) in NEVER {
            if has_phrase(&words, phrase) {
                problems.push(format!("{file}: {phrase:?} ({why}) in {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_reader_finds_sentences_and_flags_what_it_should() {
    let source = "let a = \"Cuddle on the couch \\\n        with no screen on\"; // \"He said\"\nlet q = '\"'; let b = \"Ask her\";";
    assert_eq!(
        literals(source),
        ["Cuddle on the couch with no screen on", "Ask her"]
    );
    let w = words("Greet them at the door, as if you missed them.");
    assert!(has_phrase(&w, "at the door"));
    assert!(!has_phrase(&words("Hear each other"), "he"));
    assert!(!has_phrase(&words("the couches"), "the couch"));
}
