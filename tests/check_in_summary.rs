//! The end of a check-in: the words of the closeness scale, ratings kept
//! hidden until both have chosen, and the plain-text summary to share.

use chrono::{NaiveDate, TimeZone, Utc};
use rekindle::domain::appreciation::Partner;
use rekindle::domain::check_in::closeness::{said, word};
use rekindle::domain::check_in::summary::{sections, summary_text};
use rekindle::domain::check_in::{CheckIn, Step};
use rekindle::domain::id::RecordId;

fn id(text: &str) -> RecordId {
    RecordId::try_from(text.to_string()).unwrap()
}

fn started() -> CheckIn {
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let now = Utc.from_utc_datetime(&day.and_hms_opt(19, 0, 0).unwrap());
    CheckIn::start(id("c1"), now, day, None, Vec::new(), Default::default())
}

#[test]
fn every_rating_has_its_own_words_and_the_ends_say_what_they_mean() {
    assert_eq!(word(1), "Far apart");
    assert_eq!(word(10), "Very close");
    let all: Vec<&str> = (1..=10).map(word).collect();
    assert!(all.iter().all(|w| !w.is_empty()));
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 10, "no two ratings share their words");
    assert_eq!(word(0), "");
    assert_eq!(word(11), "");
    assert_eq!(said(7), "7 · Close");
}

#[test]
fn a_rating_stays_hidden_until_both_have_chosen() {
    let mut c = started();
    let now = c.updated;
    c.rate(Partner::First, Some(3), now).unwrap();
    assert_eq!(c.rating(Partner::First), Some(3), "kept");
    assert_eq!(c.shown_rating(Partner::First), None, "but not shown yet");
    assert_eq!(c.shown_rating(Partner::Second), None);
    c.rate(Partner::Second, Some(8), now).unwrap();
    assert_eq!(c.shown_rating(Partner::First), Some(3));
    assert_eq!(c.shown_rating(Partner::Second), Some(8));
    // Choosing again hides both until the new choice is made.
    c.rate(Partner::Second, None, now).unwrap();
    assert_eq!(c.shown_rating(Partner::First), None);
}

#[test]
fn the_summary_holds_what_was_appreciated_the_agreements_and_the_focus() {
    let mut c = started();
    let now = c.updated;
    c.set_answer(
        Step::Appreciations,
        Partner::First,
        "• The bike light\n",
        now,
    )
    .unwrap();
    c.set_answer(Step::GoingWell, Partner::First, "Dinners", now)
        .unwrap();
    c.add_agreement(id("a1"), Partner::Second, "Phones away at dinner", now)
        .unwrap();
    c.set_focus("  Try the pottery class ", now).unwrap();
    c.rate(Partner::First, Some(7), now).unwrap();
    c.rate(Partner::Second, Some(10), now).unwrap();
    c.finish(now);
    let text = summary_text(&c, ["Alex", "Sam"], "1 March 2026");
    assert_eq!(
        text,
        "Our check-in, 1 March 2026\n\
         \n\
         What we appreciated\n\
         Alex: • The bike light\n\
         \n\
         Our agreements for the week\n\
         • Phones away at dinner (Sam asked)\n\
         \n\
         Our focus for the week\n\
         Try the pottery class\n\
         \n\
         How close we felt\n\
         Alex 7 · Close, Sam 10 · Very close"
    );
    assert!(!text.contains("Dinners"), "only what the summary is for");
    let titles: Vec<&str> = sections(&c, ["Alex", "Sam"])
        .iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(
        titles,
        [
            "What we appreciated",
            "Our agreements for the week",
            "Our focus for the week",
            "How close we felt"
        ]
    );
}

#[test]
fn an_empty_check_in_sums_up_to_its_day_alone() {
    let mut c = started();
    c.rate(Partner::First, Some(5), c.updated).unwrap();
    assert_eq!(
        summary_text(&c, ["Alex", "Sam"], "1 March 2026"),
        "Our check-in, 1 March 2026",
        "no empty headings, and a rating alone is not shown"
    );
}
