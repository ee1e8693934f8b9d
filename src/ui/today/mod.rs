//! Today: the home screen. What is next first (a date, the check-in, this
//! week's agreements), then one specific appreciation, small touches, and a
//! question; during a time-out, only the time-out and gentle things.

mod affection;
mod appreciation;
mod backup_nudge;
mod first_week;
mod past;

use chrono::Datelike;
use leptos::prelude::*;

use crate::content::decks::DECKS;
use crate::domain::check_in::{in_progress, is_due, latest_finished};
use crate::domain::dates::next_planned;
use crate::domain::day::{next_weekday, weekday_name};
use crate::domain::decks::question_of_the_day;
use crate::domain::time_out::{Phase, current};
use crate::domain::words::count;
use crate::ui::browser::{local_now, today};
use crate::ui::page::Page;
use crate::ui::route::Route;
use crate::ui::store::use_store;
use crate::ui::talk::{TimeOutLine, Tool};
use crate::ui::tick::ticking_now;
use crate::ui::time_out_alarm::AlarmOffer;
use affection::AffectionCard;
use appreciation::AppreciationCard;
use backup_nudge::BackupNudge;
use first_week::FirstWeek;
use past::PastAppreciations;

#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_store();
    // A clock ticks only while a break is on: most days, Today keeps none.
    let break_on = Memo::new(move |_| store.time_outs.with(|all| current(all).is_some()));
    view! {
        <Page title="Today" lede="Small, deliberate ways of seeing each other.">
            {move || {
                if break_on.get() {
                    view! { <TimeOutLine /> <DuringBreak /> }.into_any()
                } else {
                    view! { <Everyday /> }.into_any()
                }
            }}
        </Page>
    }
}

/// While a break runs, Today asks nothing of anyone: only the time-out and
/// a gentle way to spend it; once the agreed time comes, the everyday again.
#[component]
fn DuringBreak() -> impl IntoView {
    let store = use_store();
    let tick = ticking_now();
    let apart = Memo::new(move |_| {
        store.time_outs.with(|all| {
            current(all).is_some_and(|t| matches!(t.phase(tick.get()), Phase::Apart(_)))
        })
    });
    move || {
        if apart.get() {
            view! { <WhileApart /> }.into_any()
        } else {
            view! { <Everyday /> }.into_any()
        }
    }
}

#[component]
fn Everyday() -> impl IntoView {
    view! {
        <NextUp />
        <FirstWeek />
        <BackupNudge />
        <AppreciationCard />
        <AffectionCard />
        <PastAppreciations />
        <QuestionOfTheDay />
    }
}

/// Today during a time-out: something kind to do with the time apart.
#[component]
fn WhileApart() -> impl IntoView {
    view! {
        <section class="card gentle" aria-labelledby="apart-title">
            <h2 id="apart-title">"While you're apart"</h2>
            <p>"Slow your breathing, walk, drink some water. Nothing here needs doing now."</p>
            <p>"If it helps, write down what you felt, for your eyes only, and what you'd like to say when you're back."</p>
            <AlarmOffer />
            <div class="actions">
                <a class="button" href=Tool::TimeOut.href()>"Breathe with the guide"</a>
                <a class="button button-quiet" href=Route::Journal.href()>"Write privately"</a>
            </div>
        </section>
    }
}

/// A card to draw from, for whenever there's a quiet moment.
#[component]
fn QuestionOfTheDay() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="question-title">
            <h2 id="question-title">"Question of the day"</h2>
            <p class="question">{move || question_of_the_day(DECKS, today())}</p>
            <a class="text-link" href=Tool::Questions.href()>"Draw more questions"</a>
        </section>
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
            String::from("Your check-in is waiting, whenever suits you both.")
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
        if flagged > 0 {
            waiting.push(count(flagged, "journal entry", "journal entries"));
        }
        if aloud > 0 {
            waiting.push(count(aloud, "appreciation", "appreciations") + " to read aloud");
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
    // The agreements of the latest check-in hold until the next one.
    let agreements = move || {
        store.check_ins.with(|all| {
            latest_finished(all)
                .map(|c| {
                    c.agreements
                        .iter()
                        .map(|a| a.text.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card next-up" aria-labelledby="next-title">
            <h2 id="next-title">"Coming up"</h2>
            <div class="next-item">
                <h3>"Your next date"</h3>
                <p id="next-date">
                    {move || next_date().unwrap_or_else(|| String::from("Nothing planned yet."))}
                </p>
                <a class="text-link" href=Route::Dates.href()>{move || if next_date().is_some() { "See your dates" } else { "Find something new to do together" }}</a>
            </div>
            <div class="next-item">
                <h3>"Your check-in"</h3>
                <p id="check-in-due">{check_in}{waiting}</p>
                <a class="text-link" href=Route::CheckIn.href()>"Open the check-in"</a>
            </div>
            {move || {
                let agreed = agreements();
                (!agreed.is_empty()).then(|| view! {
                    <div class="next-item">
                        <h3>"This week's agreements"</h3>
                        <ul class="agreements-now">
                            {agreed.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
        </section>
    }
}
