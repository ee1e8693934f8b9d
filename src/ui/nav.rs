//! Section navigation: a bottom bar on phones, a side rail on wide screens
//! (the CSS decides which).

use leptos::prelude::*;

use super::icons::RouteIcon;
use super::route::Route;

#[component]
pub fn Nav(route: ReadSignal<Route>) -> impl IntoView {
    let links = Route::ALL
        .into_iter()
        .map(|target| {
            let current = move || (route.get() == target).then_some("page");
            view! {
                <li>
                    <a class="nav-link" href=target.href() aria-current=current>
                        <RouteIcon route=target />
                        <span class="nav-label">{target.label()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="nav" aria-label="Sections">
            <p class="brand" aria-hidden="true">"Rekindle"</p>
            <ul class="nav-list">{links}</ul>
        </nav>
    }
}
