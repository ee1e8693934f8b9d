//! The passcode lock's encryption: what it stores, and that nothing opens
//! without the right key.

use proptest::prelude::*;
use rekindle::domain::seal::{
    self, LockIdentity, LockRecord, LockState, SealError, Sealer, base64, check_new_passcode,
};

const KEY: &str = "rekindle/journal/aaaa0001";
const EPOCH: &str = "e7f3a1";

fn sealer(byte: u8) -> Sealer {
    Sealer::new(&[byte; 32], EPOCH)
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
    let record = LockRecord::new(&[4; 32], [5; 16], &data_key, EPOCH.into(), [6; 24]);
    assert_eq!(record.iterations, 600_000);
    assert_eq!(record.salt().unwrap(), vec![5; 16]);
    assert!(!record.key.contains(&base64::encode(&data_key)));
    assert_eq!((record.v, record.state), (2, LockState::On));
    assert_eq!(
        record.identity(),
        LockIdentity {
            epoch: EPOCH.into(),
            state: LockState::On
        }
    );

    let opened = Sealer::new(&record.data_key(&[4; 32]).unwrap(), EPOCH);
    let sealed = Sealer::new(&data_key, EPOCH).seal(KEY, "words", [1; 24]);
    assert_eq!(opened.open(KEY, &sealed).unwrap(), "words");
    assert_eq!(
        record.sealer(&[4; 32]).unwrap().open(KEY, &sealed).unwrap(),
        "words"
    );
    assert_eq!(
        record.data_key(&[3; 32]).err(),
        Some(SealError::WrongKeyOrDamaged)
    );
    assert!(record.sealer(&[3; 32]).is_err());

    // Changing the passcode re-wraps the same data key: old values still open.
    let rewrapped = LockRecord::new(&[8; 32], [2; 16], &data_key, EPOCH.into(), [3; 24]);
    assert_eq!(
        Sealer::new(&rewrapped.data_key(&[8; 32]).unwrap(), EPOCH)
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
fn a_value_is_bound_to_its_lock_epoch() {
    let sealed = Sealer::new(&[1; 32], "epoch-a").seal(KEY, "private", [3; 24]);
    assert_eq!(
        Sealer::new(&[1; 32], "epoch-a").open(KEY, &sealed).unwrap(),
        "private"
    );
    for other in ["epoch-b", ""] {
        assert_eq!(
            Sealer::new(&[1; 32], other).open(KEY, &sealed),
            Err(SealError::WrongKeyOrDamaged),
            "same key, epoch {other:?}"
        );
    }
    assert_eq!(Sealer::new(&[1; 32], "epoch-a").epoch(), "epoch-a");
}

#[test]
fn a_lock_from_before_epochs_opens_what_it_sealed_then() {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{XChaCha20Poly1305, XNonce};
    // Sealed the first way: the storage key alone as associated data.
    let nonce = [4u8; 24];
    let cipher = XChaCha20Poly1305::new((&[1u8; 32]).into());
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: b"from the first release",
                aad: KEY.as_bytes(),
            },
        )
        .unwrap();
    let mut bytes = nonce.to_vec();
    bytes.extend(ciphertext);
    let old = format!("sealed1:{}", base64::encode(&bytes));

    let legacy = Sealer::new(&[1; 32], "");
    assert_eq!(legacy.open(KEY, &old).unwrap(), "from the first release");
    assert_eq!(
        legacy.seal(KEY, "from the first release", nonce),
        old,
        "and seals the same way"
    );
    assert!(Sealer::new(&[1; 32], EPOCH).open(KEY, &old).is_err());
}

#[test]
fn a_rotating_sealer_opens_the_previous_keys_values_and_seals_with_the_new_one() {
    let previous = Sealer::new(&[1; 32], "old-epoch");
    let current = Sealer::new(&[2; 32], "new-epoch");
    let rotating = current.clone().with_previous(previous.clone());
    let old_value = previous.seal(KEY, "written before", [5; 24]);
    assert_eq!(rotating.open(KEY, &old_value).unwrap(), "written before");
    let new_value = rotating.seal(KEY, "written during", [6; 24]);
    assert_eq!(current.open(KEY, &new_value).unwrap(), "written during");
    assert!(
        previous.open(KEY, &new_value).is_err(),
        "sealed with the new key"
    );
    assert_eq!(
        rotating.without_previous().open(KEY, &old_value),
        Err(SealError::WrongKeyOrDamaged),
        "once the rotation is done"
    );
    // Still bound to the storage key under either key.
    assert!(rotating.open("rekindle/journal/other", &old_value).is_err());
}

#[test]
fn a_rotating_lock_record_opens_both_keys_until_it_is_on_again() {
    let passcode = [4; 32];
    let lock = LockRecord::new(&passcode, [5; 16], &[1; 32], "old-epoch".into(), [6; 24]);
    let old_value = lock.sealer(&passcode).unwrap().seal(KEY, "before", [7; 24]);
    let rotating = lock.rotating(&passcode, &[2; 32], "new-epoch".into(), [8; 24]);
    assert_eq!(rotating.state, LockState::Rotating);
    assert_eq!(rotating.epoch, "new-epoch");
    assert_eq!(rotating.previous.as_ref().unwrap().epoch, "old-epoch");
    assert_eq!(rotating.salt, lock.salt, "the same passcode opens it");
    let sealer = rotating.sealer(&passcode).unwrap();
    assert_eq!(sealer.epoch(), "new-epoch");
    assert_eq!(sealer.open(KEY, &old_value).unwrap(), "before");
    let new_value = sealer.seal(KEY, "after", [9; 24]);

    let done = rotating.with_state(LockState::On);
    assert_eq!(done.previous, None);
    let sealer = done.sealer(&passcode).unwrap();
    assert_eq!(sealer.open(KEY, &new_value).unwrap(), "after");
    assert!(sealer.open(KEY, &old_value).is_err());
    // Any state but rotating drops the previous key.
    assert_eq!(rotating.with_state(LockState::Opening).previous, None);
    assert!(rotating.with_state(LockState::Rotating).previous.is_some());
}

#[test]
fn a_lock_record_from_before_epochs_reads_as_on_with_no_epoch() {
    let v2 = LockRecord::new(&[4; 32], [5; 16], &[9; 32], String::new(), [6; 24]);
    // Version 1 stored only these fields.
    let v1 = format!(
        r#"{{"v":1,"kdf":"pbkdf2-sha256","iterations":600000,"salt":"{}","key":"{}"}}"#,
        v2.salt, v2.key
    );
    let read: LockRecord = serde_json::from_str(&v1).unwrap();
    assert_eq!(read.v, 1);
    assert_eq!(read.epoch, "");
    assert_eq!(read.state, LockState::On);
    assert_eq!(read.previous, None);
    let sealer = read.sealer(&[4; 32]).unwrap();
    assert_eq!(sealer.epoch(), "");
    let old = Sealer::new(&[9; 32], "").seal(KEY, "from version 1", [1; 24]);
    assert_eq!(sealer.open(KEY, &old).unwrap(), "from version 1");
}

#[test]
fn new_passcodes_must_be_long_enough_not_only_digits_and_typed_twice_alike() {
    assert!(check_new_passcode("12345", "12345").is_err());
    assert!(
        check_new_passcode("abcdefg", "abcdefg").is_err(),
        "7 characters"
    );
    assert!(
        check_new_passcode("12345678", "12345678").is_err(),
        "digits only"
    );
    assert!(check_new_passcode("1234 5678 9012", "1234 5678 9012").is_err());
    assert!(check_new_passcode("correct horse", "correct horse").is_ok());
    assert!(
        check_new_passcode("abcdefgh", "abcdefgh").is_ok(),
        "8 characters"
    );
    assert!(check_new_passcode("correct horse", "correct house").is_err());
    assert!(
        check_new_passcode("ünïcø", "ünïcø").is_err(),
        "counts characters, not bytes"
    );
    assert!(check_new_passcode("ünïcødé!", "ünïcødé!").is_ok());
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
