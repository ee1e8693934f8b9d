//! Event listeners behind one type per kind of event. The `view!` macro
//! gives each `on:` closure its own type, and tachys compiles a listener's
//! attach, rebuild and clone code once per type: boxed, once per event.

/// Boxes an `on:` handler: `on:click=handler(move |_| ...)`.
pub fn handler<E>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}
