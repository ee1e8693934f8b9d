//! When it feels impossible: the guidance, laid out as written, with the
//! safety note first and set apart. No links out: nothing is fetched.

use leptos::prelude::*;

use crate::content::guidance::{Block, SAFETY, SECTIONS, Section};

fn section_view(section: &'static Section, class: &'static str) -> impl IntoView {
    let heading_id = format!("help-{}", section.id);
    view! {
        <section class=class id=section.id aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{section.heading}</h2>
            {section.body.iter().map(|block| match block {
                Block::Para(text) => view! { <p>{*text}</p> }.into_any(),
                Block::List(items) => view! {
                    <ul>{items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
                }.into_any(),
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn Help() -> impl IntoView {
    view! {
        {section_view(&SAFETY, "card safety")}
        {SECTIONS.iter().map(|section| section_view(section, "card")).collect_view()}
    }
}
