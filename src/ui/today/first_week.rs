//! Today → your first week: one small thing a day, for seven days, then it
//! steps aside (or sooner, if put away).

use leptos::prelude::*;

use crate::content::first_week::FIRST_WEEK;
use crate::ui::browser::today;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn FirstWeek() -> impl IntoView {
    let store = use_store();
    let day = Memo::new(move |_| store.settings.with(|s| s.first_week_day(today())));
    move || {
        day.get().map(|day| {
            let suggestion = &FIRST_WEEK[(day - 1) as usize];
            view! {
                <section class="card first-week" aria-labelledby="first-week-title">
                    <h2 id="first-week-title">{format!("Your first week: day {day} of 7")}</h2>
                    <p>{suggestion.text}</p>
                    <div class="actions">
                        <a class="button" href=suggestion.href>{suggestion.link}</a>
                        <button
                            type="button"
                            class="button button-quiet"
                            on:click=handler(move |_| store.edit_settings(|s| s.first_week_hidden = true))
                        >
                            "Put this away"
                        </button>
                    </div>
                </section>
            }
        })
    }
}
