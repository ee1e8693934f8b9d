//! The filters shared by the backlog, the library and "surprise us": a
//! search and a row of toggle chips per attribute, one chip on at a time.

use leptos::prelude::*;

use crate::domain::dates::{Access, Category, Cost, Filter, Season};
use crate::ui::handler::handler;

/// One attribute's chips. Non-generic, so every row shares one copy of the
/// view code; a pressed chip pressed again turns the filter off.
#[component]
fn ChipRow(
    label: &'static str,
    names: Vec<&'static str>,
    #[prop(into)] on: Signal<Option<usize>>,
    pick: Callback<Option<usize>>,
) -> impl IntoView {
    view! {
        <div class="chip-row" role="group" aria-label=label>
            {names.into_iter().enumerate().map(|(i, name)| {
                let pressed = move || on.get() == Some(i);
                view! {
                    <button
                        type="button"
                        class="filter-chip"
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        on:click=handler(move |_| pick.run((!pressed()).then_some(i)))
                    >
                        {name}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn Filters(filter: RwSignal<Filter>) -> impl IntoView {
    view! {
        <section class="filters" aria-label="Filter ideas">
            <div class="field search-field">
                <label for="date-search">"Search ideas"</label>
                <input
                    id="date-search"
                    type="search"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=handler(move |event| filter.update(|f| f.text = event_target_value(&event)))
                />
            </div>
            <ChipRow
                label="Kind"
                names=Category::ALL.map(Category::label).to_vec()
                on=Signal::derive(move || filter.with(|f| Category::ALL.iter().position(|c| Some(*c) == f.category)))
                pick=Callback::new(move |i: Option<usize>| filter.update(|f| f.category = i.map(|i| Category::ALL[i])))
            />
            <ChipRow
                label="Cost"
                names=Cost::ALL.map(Cost::label).to_vec()
                on=Signal::derive(move || filter.with(|f| Cost::ALL.iter().position(|c| Some(*c) == f.cost)))
                pick=Callback::new(move |i: Option<usize>| filter.update(|f| f.cost = i.map(|i| Cost::ALL[i])))
            />
            <ChipRow
                label="Season"
                names=Season::ALL.map(Season::label).to_vec()
                on=Signal::derive(move || filter.with(|f| Season::ALL.iter().position(|s| Some(*s) == f.season)))
                pick=Callback::new(move |i: Option<usize>| filter.update(|f| f.season = i.map(|i| Season::ALL[i])))
            />
            <ChipRow
                label="Access"
                names=Access::ALL.map(Access::label).to_vec()
                on=Signal::derive(move || filter.with(|f| Access::ALL.iter().position(|a| Some(*a) == f.access)))
                pick=Callback::new(move |i: Option<usize>| filter.update(|f| f.access = i.map(|i| Access::ALL[i])))
            />
            <Show when=move || filter.with(|f| !f.is_empty())>
                <button type="button" class="button button-quiet clear-filters" on:click=handler(move |_| filter.set(Filter::default()))>
                    "Clear filters"
                </button>
            </Show>
        </section>
    }
}
