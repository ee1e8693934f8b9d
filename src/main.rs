use leptos::prelude::provide_context;

fn main() {
    console_error_panic_hook::set_once();
    let update = rekindle::ui::pwa::register_service_worker();
    // index.html's frame stood in while this code loaded; the app draws the
    // same frame, in the same task, so nothing is painted in between.
    rekindle::ui::browser::remove_all("[data-frame]");
    leptos::mount::mount_to_body(move || {
        provide_context(update);
        rekindle::ui::Gate()
    });
    // Mounting is synchronous: from here the first screen is up and answering.
    rekindle::ui::browser::mark("rekindle:interactive");
}
