//! Adding an idea of their own, with the same attributes as the library's.

use leptos::prelude::*;

use crate::domain::dates::{Category, Cost, DateIdea, Energy, Idea, Season, Seasons};
use crate::ui::browser::{new_id, now};
use crate::ui::store::use_store;

/// Lengths offered, in minutes.
const LENGTHS: [(u16, &str); 6] = [
    (30, "Half an hour"),
    (60, "An hour"),
    (120, "Two hours"),
    (240, "Half a day"),
    (480, "A whole day"),
    (1440, "Overnight"),
];

/// A labelled select over `options`, setting `value` to the chosen one.
fn select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    options: &'static [(T, &'static str)],
    value: RwSignal<T>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |event| {
                    if let Some((chosen, _)) = event_target_value(&event).parse::<usize>().ok().and_then(|i| options.get(i)) {
                        value.set(*chosen);
                    }
                }
            >
                {options.iter().enumerate().map(|(i, (option, name))| view! {
                    <option value=i.to_string() selected=move || value.get() == *option>{*name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

const CATEGORIES: [(Category, &str); 7] = [
    (Category::AtHome, "At home"),
    (Category::Outdoors, "Outdoors"),
    (Category::OutAndAbout, "Out and about"),
    (Category::Learning, "Learning together"),
    (Category::Playful, "Playful"),
    (Category::Adventurous, "Adventurous"),
    (Category::Romantic, "Romantic"),
];
const COSTS: [(Cost, &str); 4] = [
    (Cost::Free, "Free"),
    (Cost::Low, "$"),
    (Cost::Medium, "$$"),
    (Cost::High, "$$$"),
];
const ENERGIES: [(Energy, &str); 3] = [
    (Energy::Low, "Low energy"),
    (Energy::Medium, "Some energy"),
    (Energy::High, "Lots of energy"),
];

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
        };
        match DateIdea::own(new_id(), &typed, now()) {
            Ok(idea) => {
                store.dates.update(|all| all.push(idea));
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
            <form on:submit=add>
                <div class="field">
                    <label for="own-title">"Name"</label>
                    <input id="own-title" type="text" prop:value=move || title.get() on:input=move |event| title.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label for="own-description">"What you would do (optional)"</label>
                    <textarea id="own-description" rows="2" prop:value=move || description.get() on:input=move |event| description.set(event_target_value(&event))></textarea>
                </div>
                {select("own-category", "Kind", &CATEGORIES, category)}
                <fieldset class="field">
                    <legend>"Seasons"</legend>
                    <div class="choices">
                        {Season::ALL.into_iter().map(|season| view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || seasons.get().contains(season)
                                    on:change=move |event| seasons.update(|s| *s = s.with(season, event_target_checked(&event)))
                                />
                                <span>{season.label()}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                {select("own-cost", "Cost", &COSTS, cost)}
                {select("own-length", "How long", &LENGTHS, minutes)}
                {select("own-energy", "Energy", &ENERGIES, energy)}
                <p role="status">{move || message.get()}</p>
                <button type="submit" class="button">"Add to our backlog"</button>
            </form>
        </details>
    }
}
