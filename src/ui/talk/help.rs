//! When it feels impossible: the guidance, laid out as written, with the
//! safety note first and set apart, its phone numbers tap-to-call. No
//! links out: nothing is fetched.

use leptos::prelude::*;

use super::phone::{Piece, pieces};
use crate::content::guidance::{Block, SAFETY, SECTIONS, Section};

/// `text` as written; in the safety note, each phone number a `tel:` link.
fn words(text: &'static str, call: bool) -> AnyView {
    if !call {
        return text.into_any();
    }
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Words(words) => words.into_any(),
            Piece::Phone(number, href) => {
                view! { <a class="inline-link phone" href=href>{number}</a> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

fn section_view(section: &'static Section, class: &'static str) -> impl IntoView {
    let call = section.id == SAFETY.id;
    let heading_id = format!("help-{}", section.id);
    view! {
        <section class=class id=section.id aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{section.heading}</h2>
            {section.body.iter().map(|block| match block {
                Block::Para(text) => view! { <p>{words(text, call)}</p> }.into_any(),
                Block::List(items) => view! {
                    <ul>{items.iter().map(|item| view! { <li>{words(item, call)}</li> }).collect_view()}</ul>
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

/// The way to this page from the places a hard moment is met (the time-out,
/// the check-in, Progress), not only from Talk.
#[component]
pub fn HelpLink() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="help-link-title">
            <h2 id="help-link-title">"When it feels impossible"</h2>
            <p>"If the same hurt keeps coming back, or you feel afraid, you don't have to carry it alone."</p>
            <a class="text-link" href=super::Tool::Help.href()>"Where to find help"</a>
        </section>
    }
}
