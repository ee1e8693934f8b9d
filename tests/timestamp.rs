//! The hand-written RFC 3339 timestamps agree with chrono's, byte for byte.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use proptest::prelude::*;
use rekindle::domain::timestamp::{format, parse};

#[test]
fn known_values_read_and_write_like_chrono() {
    for text in [
        "2026-11-20T21:14:05Z",
        "2026-11-20T21:14:05.123Z",
        "2026-11-20T21:14:05.123456Z",
        "2026-11-20T21:14:05.123456789Z",
        "1970-01-01T00:00:00Z",
        "2024-02-29T23:59:59.999Z",
    ] {
        let ours = parse(text).unwrap();
        assert_eq!(ours, text.parse::<DateTime<Utc>>().unwrap(), "{text}");
        assert_eq!(format(ours), text);
    }
    let offset = parse("2026-11-20T23:14:05+02:00").unwrap();
    assert_eq!(format(offset), "2026-11-20T21:14:05Z");
    assert_eq!(
        parse("2026-11-20 21:14:05.5-01:30").unwrap(),
        "2026-11-20T22:44:05.5Z".parse::<DateTime<Utc>>().unwrap()
    );
}

#[test]
fn anything_else_is_refused() {
    for bad in [
        "",
        "yesterday",
        "2026-11-20",
        "2026-11-20T21:14:05",
        "2026-13-20T21:14:05Z",
        "2026-02-30T21:14:05Z",
        "2026-11-20T24:14:05Z",
        "2026-11-20T21:14:05.Z",
        "2026-11-20T21:14:05+0200",
        "2026-11-20T21:14:05Zjunk",
        "２026-11-20T21:14:05Z",
        "+2026-11-20T21:14:05Z",
    ] {
        assert_eq!(parse(bad), None, "{bad}");
    }
}

proptest! {
    #[test]
    fn every_instant_round_trips_as_chrono_writes_it(
        secs in 0i64..253_402_300_799,
        millis in 0u32..1000,
        odd_nanos in proptest::option::of(0u32..1_000_000_000),
    ) {
        let nanos = odd_nanos.unwrap_or(millis * 1_000_000);
        let at = Utc.timestamp_opt(secs, nanos).unwrap();
        let text = format(at);
        prop_assert_eq!(&text, &at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        prop_assert_eq!(parse(&text), Some(at));
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,40}") {
        let _ = parse(&text);
    }
}

#[test]
fn days_read_and_write_like_chrono() {
    use chrono::NaiveDate;
    use rekindle::domain::timestamp::day;
    for text in ["2026-11-23", "2024-02-29", "0001-01-01", "9999-12-31"] {
        let ours = day::parse(text).unwrap();
        assert_eq!(ours, text.parse::<NaiveDate>().unwrap());
        assert_eq!(day::format(ours), text);
    }
    for bad in [
        "2026-2-3",
        "2026-02-30",
        "2026/02/03",
        "",
        "2026-02-03T00:00:00Z",
    ] {
        assert_eq!(day::parse(bad), None, "{bad}");
    }
}
