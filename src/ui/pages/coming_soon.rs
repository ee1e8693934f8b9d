//! A placeholder for sections still being built: one honest line.

use leptos::prelude::*;

use crate::ui::page::Page;
use crate::ui::route::Route;

fn what_is_coming(route: Route) -> &'static str {
    match route {
        Route::CheckIn => {
            "Your weekly “State of the Union”: a short, guided talk about what is going well and what you need from each other. Coming soon."
        }
        Route::Dates => {
            "A library of date ideas that favours something new, your own backlog, plans and memories. Coming soon."
        }
        Route::Talk => {
            "Question decks, active listening practice, a calm-down time-out and a complaint-to-request helper. Coming soon."
        }
        Route::Progress => {
            "Your rhythm over weeks and months, drawn as simple charts. Coming soon."
        }
        Route::Today | Route::Journal | Route::Settings => "",
    }
}

#[component]
pub fn ComingSoon(route: Route) -> impl IntoView {
    view! {
        <Page title=route.label()>
            <p class="coming-soon">{what_is_coming(route)}</p>
        </Page>
    }
}
