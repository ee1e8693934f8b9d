//! Adding an idea of their own, with the same attributes as the library's.

use leptos::prelude::*;

use crate::domain::dates::{AccessNotes, Category, Cost, Energy, Idea, Season, Seasons};
use crate::ui::browser::new_id;
use crate::ui::handler::handler;
use crate::ui::select::Select;
use crate::ui::store::use_store;

/// Lengths offered, in minutes.
const LENGTHS: [u16; 6] = [30, 60, 120, 240, 480, 1440];

/// What `LENGTHS` are called in the form.
const LENGTH_NAMES: [&str; 6] = [
    "Half an hour",
    "An hour",
    "Two hours",
    "Half a day",
    "A whole day",
    "Overnight",
];

/// A select's callback that sets a value: these lists have no "any" option,
/// so every pick is an index into the list.
fn pick(set: impl Fn(usize) + Send + Sync + 'static) -> Callback<Option<usize>> {
    Callback::new(move |chosen: Option<usize>| {
        if let Some(i) = chosen {
            set(i);
        }
    })
}

#[component]
pub fn AddOwn() -> impl IntoView {
    let store = use_store();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let category = RwSignal::new(Category::AtHome);
    let seasons = RwSignal::new(Seasons::ALL);
    let cost = RwSignal::new(Cost::Free);
    let minutes = RwSignal::new(120u16);
    let energy = RwSignal::new(Energy::Medium);
    let message = RwSignal::new(None::<String>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (typed_title, typed_description) = (title.get_untracked(), description.get_untracked());
        let typed = Idea {
            title: &typed_title,
            description: &typed_description,
            category: category.get_untracked(),
            seasons: seasons.get_untracked(),
            cost: cost.get_untracked(),
            minutes: minutes.get_untracked(),
            energy: energy.get_untracked(),
            access: AccessNotes::NONE,
        };
        match store.change(store.dates, |all, at| all.add_own(new_id(), &typed, at)) {
            Ok(()) => {
                title.set(String::new());
                description.set(String::new());
                message.set(Some(String::from("Added to your backlog.")));
            }
            Err(problem) => message.set(Some(problem.to_string())),
        }
    };
    view! {
        <details class="card add-own">
            <summary>"Add an idea of your own"</summary>
            <form on:submit=handler(add)>
                <div class="field">
                    <label for="own-title">"Name"</label>
                    <input id="own-title" type="text" prop:value=move || title.get() on:input=handler(move |event| title.set(event_target_value(&event))) />
                </div>
                <div class="field">
                    <label for="own-description">"What you would do (optional)"</label>
                    <textarea id="own-description" rows="2" prop:value=move || description.get() on:input=handler(move |event| description.set(event_target_value(&event)))></textarea>
                </div>
                <Select id="own-category" label="Kind" names=Category::ALL.map(Category::label).to_vec() on_pick=pick(move |i| category.set(Category::ALL[i])) />
                <fieldset class="field">
                    <legend>"Seasons"</legend>
                    <div class="choices">
                        {Season::ALL.into_iter().map(|season| view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || seasons.get().contains(season)
                                    on:change=handler(move |event| seasons.update(|s| *s = s.with(season, event_target_checked(&event))))
                                />
                                <span>{season.label()}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <Select id="own-cost" label="Cost" names=Cost::ALL.map(Cost::label).to_vec() on_pick=pick(move |i| cost.set(Cost::ALL[i])) />
                <Select id="own-length" label="How long" names=LENGTH_NAMES.to_vec() initial=2 on_pick=pick(move |i| minutes.set(LENGTHS[i])) />
                <Select id="own-energy" label="Energy" names=Energy::ALL.map(Energy::label).to_vec() initial=1 on_pick=pick(move |i| energy.set(Energy::ALL[i])) />
                <p role="status">{move || message.get()}</p>
                <button type="submit" class="button">"Add to our backlog"</button>
            </form>
        </details>
    }
}
