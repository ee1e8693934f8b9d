//! Choices a person expects the app to keep while it is open (a page's
//! filters, a chosen deck) but that are not their data: kept in memory,
//! under the app's root, so leaving a page and coming back finds them as
//! they were. A reload starts afresh; nothing here is ever stored.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

thread_local! {
    static ROOT: RefCell<Option<Owner>> = const { RefCell::new(None) };
    static SIGNALS: RefCell<HashMap<&'static str, Box<dyn Any>>> = RefCell::new(HashMap::new());
}

/// Called once by the app: signals made later live as long as it does.
pub fn keep_under_current_owner() {
    ROOT.with(|root| *root.borrow_mut() = Owner::current());
}

/// The signal kept under `key`, made from `initial` the first time. Each key
/// holds one type; a page names its keys after itself ("dates/filters").
pub fn remembered<T: Send + Sync + 'static>(
    key: &'static str,
    initial: impl FnOnce() -> T,
) -> RwSignal<T> {
    let found = SIGNALS.with(|all| {
        all.borrow()
            .get(key)
            .and_then(|signal| signal.downcast_ref::<RwSignal<T>>().copied())
    });
    found.unwrap_or_else(|| {
        let root = ROOT.with(|root| root.borrow().clone());
        let make = || RwSignal::new(initial());
        let signal = match root {
            Some(owner) => owner.with(make),
            None => make(),
        };
        SIGNALS.with(|all| all.borrow_mut().insert(key, Box::new(signal)));
        signal
    })
}
