//! A labelled `<select>` over a fixed list of names, reporting the index
//! chosen. One non-generic component for every such list, so each list
//! costs its names and not another copy of the view code.

use crate::ui::handler::handler;
use leptos::prelude::*;

#[component]
pub fn Select(
    id: &'static str,
    label: &'static str,
    names: Vec<&'static str>,
    /// The first option, meaning "no choice" (`None`), if there is one.
    #[prop(optional)]
    any: Option<&'static str>,
    /// The index shown as chosen at first.
    #[prop(optional)]
    initial: Option<usize>,
    on_pick: Callback<Option<usize>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=handler(move |event| {
                    let chosen = event_target_value(&event).parse::<usize>().ok();
                    on_pick.run(chosen);
                })
            >
                {any.map(|any| view! { <option value="">{any}</option> })}
                {names.into_iter().enumerate().map(|(i, name)| view! {
                    <option value=i.to_string() selected=initial == Some(i)>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
