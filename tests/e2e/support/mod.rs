//! End-to-end support: the content helpers shared with the other test binaries (`tests/support/`), a static
//! server for the built site, a headless browser, and the facts expected of particular authorities.

#![allow(dead_code)]

pub mod browser;
pub mod expect;
pub mod server;

#[path = "../../support/mod.rs"]
mod content;

pub use content::*;

use browser::Browser;
use server::Server;

/// Starts the server for `dist/` and a browser; `None` when the browser is missing outside CI.
pub async fn setup() -> Option<(Server, Browser)> {
    let server = Server::start(built("dist"), "");
    let browser = Browser::start().await?;
    Some((server, browser))
}

/// The name of one of the background worker's files in `dist/`, which carries its content's hash: `"_bg.wasm"` for
/// its WebAssembly (`worker-…_bg.wasm`), `".js"` for its glue (`worker-….js`).
pub fn worker_file(suffix: &str) -> String {
    dist_file("worker-", suffix)
}

/// The name of one of the search worker's files in `dist/`, as [`worker_file`] gives the background worker's.
pub fn search_worker_file(suffix: &str) -> String {
    dist_file("search_worker-", suffix)
}

/// The name of one of the app's own files in `dist/`, as [`worker_file`] gives the background worker's.
pub fn app_file(suffix: &str) -> String {
    dist_file("cin-procedure-explorer-", suffix)
}

/// The one file in `dist/` whose name starts with `prefix` and ends with `suffix`.
fn dist_file(prefix: &str, suffix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(built("dist"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .collect();
    assert_eq!(names.len(), 1, "one {prefix}*{suffix} in dist/: {names:?}");
    names[0].clone()
}

/// The slugs of `content/authorities.json`, in display order.
pub fn slugs() -> Vec<String> {
    content().into_iter().map(|(a, _)| a.slug).collect()
}

/// Answers that complete the wizard for some authorities (every question a flow may ask), and the slugs of the
/// authorities whose flow they complete, in display order.
pub fn complete_answers() -> (&'static str, Vec<String>) {
    use cin_procedure_explorer::query::pairs;
    use cin_procedure_explorer::wizard::{flow, next, Step, Walk};
    let answers = "in_need=yes&other_plan=none&route=assessment&disabled=no&complex_package=no&s47_assessment=no\
                   &conference_convened=no&case_holder=social_worker&becoming_looked_after=no\
                   &assessment_completed=2026-08-20&plan_established=2026-09-01&planning_meeting=none\
                   &previous_review=2026-10-26&previous_visit=none&package_started=none&review_finding=same_needs&result=yes";
    let content = all();
    let done = content
        .entries
        .iter()
        .filter(|e| {
            let teams: Vec<String> = e.authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
            let walk = Walk::from_query(&pairs(answers), &teams).0;
            matches!(
                next(&flow(&e.rules, &content.topics, &e.authority), &e.rules, &walk.case, &walk.skipped),
                Step::Done(_)
            )
        })
        .map(|e| e.authority.slug.clone())
        .collect();
    (answers, done)
}
