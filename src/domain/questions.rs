//! A question of the day for Today, from a small built-in list until the
//! Talk decks arrive. The same day always gives the same question.

use chrono::{Datelike, NaiveDate};

pub const DAILY: &[&str] = &[
    "What is one small thing I did this week that you noticed?",
    "When did you last feel really listened to by me?",
    "What is something you are looking forward to, just for you?",
    "Which memory of us do you come back to most often?",
    "What would make tomorrow evening feel easy for you?",
    "What is a worry you have been carrying alone lately?",
    "What did you love doing as a child that we could try together?",
];

pub fn question_of_the_day(day: NaiveDate) -> &'static str {
    DAILY[day.num_days_from_ce().rem_euclid(DAILY.len() as i32) as usize]
}
