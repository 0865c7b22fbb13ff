//! Mounts the site in the browser.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cin_procedure_explorer::ui::App);
}
