//! Section navigation: five tabs in a bottom bar on phones, a side rail on
//! wide screens (the CSS decides which), and a row of links between the
//! sections that share a tab.

use leptos::prelude::*;

use super::icons::RouteIcon;
use super::route::Route;

#[component]
pub fn Nav(route: ReadSignal<Route>) -> impl IntoView {
    let links = Route::TABS
        .into_iter()
        .map(|target| {
            let current = move || (route.get().tab() == Some(target)).then_some("page");
            view! {
                <li>
                    <a class="nav-link" href=target.href() aria-current=current>
                        <RouteIcon route=target />
                        <span class="nav-label">{target.tab_label()}</span>
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

/// "Talk · Check-in", "Progress · Two phones · Settings": the sections under
/// the current tab, when it has several.
#[component]
pub fn SubNav(route: ReadSignal<Route>) -> impl IntoView {
    move || {
        let here = route.get();
        let siblings = here.siblings();
        (!siblings.is_empty()).then(|| {
            let label = here.tab().map_or("", Route::tab_label);
            let links = siblings
                .iter()
                .map(|&target| {
                    let current = (here == target).then_some("page");
                    view! {
                        <li>
                            <a class="subnav-link" href=target.href() aria-current=current>
                                {target.label()}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <nav class="subnav" aria-label=label>
                    <ul>{links}</ul>
                </nav>
            }
        })
    }
}
