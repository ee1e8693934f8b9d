//! Today: the home screen. One specific appreciation each, small touches
//! through the day, the rhythm of both, and what is next.

mod affection;
mod appreciation;
mod first_week;
mod past;

use chrono::Datelike;
use leptos::prelude::*;

use crate::content::decks::DECKS;
use crate::domain::check_in::{in_progress, is_due, latest_finished};
use crate::domain::dates::next_planned;
use crate::domain::day::{next_weekday, weekday_name};
use crate::domain::decks::question_of_the_day;
use crate::ui::browser::{local_now, today};
use crate::ui::page::Page;
use crate::ui::route::Route;
use crate::ui::store::use_store;
use crate::ui::talk::{TimeOutLine, Tool};
use affection::AffectionCard;
use appreciation::AppreciationCard;
use first_week::FirstWeek;
use past::PastAppreciations;

#[component]
pub fn TodayPage() -> impl IntoView {
    view! {
        <Page title="Today" lede="Small, deliberate ways of seeing each other.">
            <TimeOutLine />
            <FirstWeek />
            <AppreciationCard />
            <PastAppreciations />
            <AffectionCard />
            <NextUp />
        </Page>
    }
}

/// What is coming: the check-in day and what waits for it.
#[component]
fn NextUp() -> impl IntoView {
    let store = use_store();
    let check_in = move || {
        let weekday = store.settings.with(|s| s.check_in_weekday);
        let day = today();
        let (under_way, due, first) = store.check_ins.with(|all| {
            (
                in_progress(all).is_some(),
                is_due(all, day, weekday),
                latest_finished(all).is_none(),
            )
        });
        if under_way {
            String::from("Your check-in is under way: carry on where you left off.")
        } else if first {
            format!(
                "Your first check-in can be any day you like; after that, {} is your day.",
                weekday_name(weekday)
            )
        } else if due {
            String::from("Your check-in is due.")
        } else if day.weekday() == weekday {
            String::from("Today is your check-in day.")
        } else {
            let next = next_weekday(day, weekday);
            let days = (next - day).num_days();
            let when = if days == 1 {
                String::from("tomorrow")
            } else {
                format!("in {days} days")
            };
            format!("Your next check-in is {}, {when}.", weekday_name(weekday))
        }
    };
    let waiting = move || {
        let flagged = store.journal.with(|journal| journal.for_check_in().count());
        let aloud = store
            .appreciations
            .with(|all| all.iter().filter(|a| a.read_aloud).count());
        let mut waiting = Vec::new();
        match flagged {
            0 => {}
            1 => waiting.push(String::from("1 journal entry")),
            n => waiting.push(format!("{n} journal entries")),
        }
        match aloud {
            0 => {}
            1 => waiting.push(String::from("1 appreciation to read aloud")),
            n => waiting.push(format!("{n} appreciations to read aloud")),
        }
        if waiting.is_empty() {
            String::new()
        } else {
            format!(" Waiting for it: {}.", waiting.join(" and "))
        }
    };
    let next_date = move || {
        let now_local = local_now();
        store.dates.with(|all| {
            next_planned(all, now_local).map(|idea| {
                let at = idea
                    .plan
                    .map(|p| crate::ui::format::weekday_day_time(p.at))
                    .unwrap_or_default();
                format!("{}: {at}.", idea.title)
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="next-title">
            <h2 id="next-title">"What is next"</h2>
            <h3>"Next date"</h3>
            <p id="next-date">
                {move || next_date().unwrap_or_else(|| String::from("Nothing planned yet."))}" "
                <a class="text-link" href=Route::Dates.href()>{move || if next_date().is_some() { "See your dates" } else { "Find something new to do together" }}</a>
            </p>
            <h3>"Question of the day"</h3>
            <p class="question">{move || question_of_the_day(DECKS, today())}</p>
            <p><a class="text-link" href=Tool::Questions.href()>"Draw more questions"</a></p>
            <h3>"Check-in"</h3>
            <p id="check-in-due">{check_in}{waiting}</p>
            <div class="actions">
                <a class="button" href=Route::CheckIn.href()>"Open the check-in"</a>
                <a class="button button-quiet" href=Route::Journal.href()>"Write in your journal"</a>
            </div>
        </section>
    }
}
