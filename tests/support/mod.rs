//! Shared end-to-end test support: the built site, a static server, and a browser.

#![allow(dead_code)]

pub mod browser;
pub mod server;

use std::path::PathBuf;

use cin_procedure_explorer::model::{parse_authority, parse_index, parse_procedure, Authority, Procedure};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A built site folder (`dist` or `target/dist-sub`), which must exist: the test command builds it first.
pub fn built(folder: &str) -> PathBuf {
    let dir = root().join(folder);
    assert!(
        dir.join("index.html").is_file() && dir.join("404.html").is_file(),
        "{} has no built site: run the README's test command (it runs trunk build first)",
        dir.display()
    );
    dir
}

/// Every authority with its procedure, read from `content/`.
pub fn content() -> Vec<(Authority, Procedure)> {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    parse_index(&read("content/authorities.json"))
        .unwrap()
        .into_iter()
        .map(|slug| {
            let authority =
                parse_authority(&slug, &read(&format!("content/authorities/{slug}/authority.json"))).unwrap();
            let procedure = parse_procedure(&slug, &read(&format!("content/authorities/{slug}/procedure.md"))).unwrap();
            (authority, procedure)
        })
        .collect()
}

/// An authority's rules, read from `content/`.
pub fn rules(slug: &str) -> Vec<cin_procedure_explorer::model::Rule> {
    let path = root().join(format!("content/authorities/{slug}/rules.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    cin_procedure_explorer::model::parse_rules(slug, &text).unwrap()
}
