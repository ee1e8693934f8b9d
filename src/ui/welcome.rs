//! The welcome: what Rekindle is for, that everything stays on this phone,
//! and a minute of setting up (names, one phone or two, the check-in day).
//! Shown on a first visit, skippable, and reopened from Settings.

use leptos::prelude::*;

use super::art::Embers;
use super::browser::today;
use super::fields::{NameField, WeekdayField};
use super::store::use_store;
use crate::domain::appreciation::Partner;
use crate::ui::handler::handler;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let store = use_store();
    let names = store.settings.with_untracked(|s| s.names.clone());
    let first = RwSignal::new(names[0].clone());
    let second = RwSignal::new(names[1].clone());
    let two_phones = RwSignal::new(false);
    let weekday = RwSignal::new(store.settings.with_untracked(|s| s.check_in_weekday));

    // Finishing or skipping: the welcome is seen, and the first week starts.
    let done = move |keep: bool| {
        store.edit_settings(|s| {
            if keep {
                s.set_name(Partner::First, &first.get_untracked());
                s.set_name(Partner::Second, &second.get_untracked());
                s.check_in_weekday = weekday.get_untracked();
            }
            s.welcomed = true;
            s.started.get_or_insert(today());
        });
        let next = if keep && two_phones.get_untracked() {
            "#/partner"
        } else {
            "#/today"
        };
        let _ = window().location().set_hash(next);
    };
    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        done(true);
    };

    view! {
        <section class="page welcome" aria-labelledby="page-title">
            <Embers />
            <h1 id="page-title" tabindex="-1">"Welcome to Rekindle"</h1>
            <p class="lede">
                "Closeness often fades when two people stop really seeing each other. Rekindle turns noticing into small habits: a specific thank-you each day, a touch, and one honest talk a week."
            </p>
            <p class="welcome-private">
                "Everything you write stays on this phone. No account and no server: nothing leaves it unless you send it yourself."
            </p>
            <form class="card" on:submit=handler(start)>
                <h2>"A minute to set up"</h2>
                <NameField id="welcome-first" label="Your name" value=first on_change=move |name| first.set(name) />
                <NameField id="welcome-second" label="Your partner's name" value=second on_change=move |name| second.set(name) />
                <fieldset class="field">
                    <legend>"How will you use it?"</legend>
                    <label class="check">
                        <input type="radio" name="welcome-phones" prop:checked=move || !two_phones.get() on:change=handler(move |_| two_phones.set(false)) />
                        <span>"One phone, together"</span>
                    </label>
                    <label class="check">
                        <input type="radio" name="welcome-phones" prop:checked=move || two_phones.get() on:change=handler(move |_| two_phones.set(true)) />
                        <span>"Each on our own phone (you'll pair them next)"</span>
                    </label>
                </fieldset>
                <WeekdayField id="welcome-day" label="A day for your weekly check-in" value=weekday on_change=move |day| weekday.set(day) />
                <p class="hint">
                    "Want it to open only with a passcode? You can add a lock in "
                    <a class="inline-link" href="#/settings">"Settings"</a>
                    "."
                </p>
                <div class="actions">
                    <button type="submit" class="button">"Start"</button>
                    <button type="button" class="button button-quiet" on:click=handler(move |_| done(false))>"Skip for now"</button>
                </div>
            </form>
        </section>
    }
}
