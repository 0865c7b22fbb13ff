//! Shared test support: the project's content read from `content/`, the built site, and the search fixture. The
//! end-to-end binary (`tests/e2e/`) adds a static server and a browser on top of it.

#![allow(dead_code)]

pub mod search_queries;

use std::path::PathBuf;

use cin_procedure_explorer::model::{Authority, Procedure, Rule};
use cin_procedure_explorer::publish::{read, Content};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder in the temporary directory (`cin-{name}-{pid}`) holding a copy of the project's `content/`, for a
/// test to change; the test removes it.
pub fn copy_of_content(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cin-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(root().join("content"))
        .arg(dir.join("content"))
        .status()
        .expect("cp runs");
    assert!(copied.success());
    dir
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

/// Everything under `content/`, parsed.
pub fn all() -> Content {
    read(&root()).unwrap_or_else(|errors| panic!("content does not load: {errors:?}"))
}

/// Every authority with its procedure, read from `content/`.
pub fn content() -> Vec<(Authority, Procedure)> {
    all().entries.into_iter().map(|e| (e.authority, e.procedure)).collect()
}

/// An authority's rules, read from `content/`.
pub fn rules(slug: &str) -> Vec<Rule> {
    all().entry(slug).unwrap_or_else(|| panic!("no authority {slug}")).rules.clone()
}

/// The library the background worker reads, made from `content/` as the publish step makes it.
pub fn library() -> cin_procedure_explorer::compare::Library {
    cin_procedure_explorer::publish::library(&all())
}
