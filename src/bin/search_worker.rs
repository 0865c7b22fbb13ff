//! The search worker's entry point (built by trunk as a Web Worker; see `ui::search_worker`). Natively it does
//! nothing: it only runs in a browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    cin_procedure_explorer::ui::search_worker::serve();
}
