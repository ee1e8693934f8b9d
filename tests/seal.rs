//! The passcode lock's encryption: what it stores, and that nothing opens
//! without the right key.

use proptest::prelude::*;
use rekindle::domain::seal::{self, LockRecord, SealError, Sealer, base64, check_new_passcode};

const KEY: &str = "rekindle/journal/aaaa0001";

fn sealer(byte: u8) -> Sealer {
    Sealer::new(&[byte; 32])
}

#[test]
fn a_sealed_value_opens_with_its_key_and_hides_its_text() {
    let plain = r#"{"v":2,"data":{"text":"I miss our Sunday walks."}}"#;
    let sealed = sealer(1).seal(KEY, plain, [7; 24]);
    assert!(seal::is_sealed(&sealed));
    assert!(!sealed.contains("Sunday"));
    assert_eq!(sealer(1).open(KEY, &sealed).unwrap(), plain);
}

#[test]
fn a_fresh_nonce_makes_each_write_different() {
    let a = sealer(1).seal(KEY, "same words", [1; 24]);
    let b = sealer(1).seal(KEY, "same words", [2; 24]);
    assert_ne!(a, b);
}

#[test]
fn the_wrong_key_a_moved_value_or_a_changed_byte_never_opens() {
    let sealed = sealer(1).seal(KEY, "private", [3; 24]);
    assert_eq!(
        sealer(2).open(KEY, &sealed),
        Err(SealError::WrongKeyOrDamaged)
    );
    assert_eq!(
        sealer(1).open("rekindle/journal/other", &sealed),
        Err(SealError::WrongKeyOrDamaged),
        "bound to its storage key"
    );
    let mut bytes = sealed.clone().into_bytes();
    let last = bytes.len() - 3;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    assert_eq!(
        sealer(1).open(KEY, &String::from_utf8(bytes).unwrap()),
        Err(SealError::WrongKeyOrDamaged)
    );
    for malformed in [
        "",
        "sealed1:",
        "sealed1:abc",
        "sealed1:AAAA",
        "{\"v\":2}",
        "sealed1:!!!!",
    ] {
        assert_eq!(
            sealer(1).open(KEY, malformed),
            Err(SealError::Malformed),
            "{malformed}"
        );
    }
}

#[test]
fn the_lock_record_gives_the_data_key_only_to_the_right_passcode_key() {
    let data_key = [9; 32];
    let record = LockRecord::new(&[4; 32], [5; 16], &data_key, [6; 24]);
    assert_eq!(record.iterations, 600_000);
    assert_eq!(record.salt().unwrap(), vec![5; 16]);
    assert!(!record.key.contains(&base64::encode(&data_key)));

    let opened = Sealer::new(&record.data_key(&[4; 32]).unwrap());
    let sealed = Sealer::new(&data_key).seal(KEY, "words", [1; 24]);
    assert_eq!(opened.open(KEY, &sealed).unwrap(), "words");
    assert_eq!(
        record.data_key(&[3; 32]).err(),
        Some(SealError::WrongKeyOrDamaged)
    );

    // Changing the passcode re-wraps the same data key: old values still open.
    let rewrapped = LockRecord::new(&[8; 32], [2; 16], &data_key, [3; 24]);
    assert_eq!(
        Sealer::new(&rewrapped.data_key(&[8; 32]).unwrap())
            .open(KEY, &sealed)
            .unwrap(),
        "words"
    );
    assert!(
        rewrapped.data_key(&[4; 32]).is_err(),
        "the old passcode no longer opens it"
    );
    let stored = serde_json::to_string(&rewrapped).unwrap();
    assert_eq!(
        serde_json::from_str::<LockRecord>(&stored).unwrap(),
        rewrapped
    );
}

#[test]
fn new_passcodes_must_be_long_enough_and_typed_twice_alike() {
    assert!(check_new_passcode("12345", "12345").is_err());
    assert!(check_new_passcode("123456", "123465").is_err());
    assert!(check_new_passcode("correct horse", "correct horse").is_ok());
    assert!(
        check_new_passcode("ünïcø", "ünïcø").is_err(),
        "counts characters"
    );
}

#[test]
fn base64_matches_the_standard_vectors() {
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64::encode(plain.as_bytes()), encoded);
        assert_eq!(base64::decode(encoded).unwrap(), plain.as_bytes());
    }
    for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9v!", "Zm 9"] {
        assert_eq!(base64::decode(bad), None, "{bad}");
    }
}

proptest! {
    #[test]
    fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(base64::decode(&base64::encode(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn opening_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = sealer(1).open(KEY, &text);
        let _ = sealer(1).open(KEY, &format!("sealed1:{text}"));
    }
}
