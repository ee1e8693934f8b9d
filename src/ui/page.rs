//! The frame every page shares: a section named by its heading, which takes
//! focus on navigation (see `app.rs`).

use leptos::prelude::*;

#[component]
pub fn Page(
    title: &'static str,
    #[prop(optional)] lede: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <header class="page-head">
                <h1 id="page-title" tabindex="-1">{title}</h1>
                {lede.map(|lede| view! { <p class="lede">{lede}</p> })}
            </header>
            {children()}
        </section>
    }
}
