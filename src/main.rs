//! Mounts the site in the browser.

fn main() {
    console_error_panic_hook::set_once();
    cin_procedure_explorer::ui::start();
    // Started: the "could not start" message (index.html, static/boot.js) goes, and boot.js stops watching.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
