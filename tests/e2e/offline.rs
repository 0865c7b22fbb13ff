//! Offline after one visit: the service worker keeps every file of the build, so with the server gone a section of
//! another authority, the comparison, a wizard result, a deadlines page with dates and a search all still open; and
//! a new build is announced ("A new version is available") and taken on only when the reader asks.

use std::path::{Path, PathBuf};

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Server;

/// A copy of the built site, to change as a new build would.
fn copy_of_the_site(name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let to = std::env::temp_dir().join(format!("cin-offline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy(&support::built("dist"), &to);
    to
}

/// Opens the start page and waits until the service worker controls the page and has kept the build.
async fn visit_once(b: &Browser, server: &Server) {
    b.open(&server.url("/"), ".cards li").await;
    b.wait_until("return navigator.serviceWorker.getRegistration().then(r => !!(r && r.active))").await;
    // The first page was loaded before the service worker: the next one is its.
    b.open(&server.url(&format!("/a/{}", support::slugs()[0])), ".contents").await;
    b.wait_until("return !!navigator.serviceWorker.controller").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_every_kind_of_page_opens_with_no_network() {
    let dir = copy_of_the_site("pages");
    let server = Server::start(dir.clone(), "");
    server.serve_service_worker();
    let Some(b) = Browser::start().await else { return };
    visit_once(&b, &server).await;
    let url = |path: &str| server.url(path);
    let slugs = support::slugs();
    let (answers, complete) = support::complete_answers();
    let other = support::content().into_iter().find(|(a, _)| a.slug != slugs[0]).unwrap();
    let key = cin_procedure_explorer::timeline::needed_dates(&support::rules(&slugs[0]), &support::all().topics)[0];
    let pages = [
        (url(&format!("/a/{}/{}", other.0.slug, other.1.sections[1].id)), ".prose".to_owned()),
        (url("/compare"), ".matrix tbody tr[data-topic]".to_owned()),
        (url(&format!("/wizard/{}?{answers}", complete[0])), ".outcome".to_owned()),
        (url(&format!("/deadlines/{}?{key}=2026-03-26", slugs[0])), ".timeline time".to_owned()),
        (url("/search?q=review"), ".results li".to_owned()),
    ];
    drop(server);
    for (page, ready) in pages {
        b.open(&page, &ready).await;
        assert_eq!(b.eval("return document.getElementById('boot')").await, serde_json::Value::Null, "{page}");
    }
    b.quit().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_build_is_announced_and_taken_on_when_the_reader_asks() {
    let dir = copy_of_the_site("update");
    let server = Server::start(dir.clone(), "");
    server.serve_service_worker();
    let Some(b) = Browser::start().await else { return };
    visit_once(&b, &server).await;
    assert_eq!(b.eval("return document.getElementById('update-notice')").await, serde_json::Value::Null);
    // A new build: its service worker differs.
    let worker = dir.join("sw.js");
    let text = std::fs::read_to_string(&worker).unwrap();
    std::fs::write(&worker, text.replacen("var VERSION = \"", "var VERSION = \"next-", 1)).unwrap();
    b.open(&server.url("/glossary"), "#glossary-list").await;
    b.wait_for("#update-notice button").await;
    assert!(b.text("#update-notice").await.contains("A new version is available"));
    b.assert_accessible("the update notice").await;
    b.click("#update-notice button").await;
    b.wait_until("return navigator.serviceWorker.controller && performance.getEntriesByType('navigation')[0] && document.getElementById('update-notice') === null").await;
    let version = "return caches.keys().then(k => k.join(','))";
    b.wait_until("return caches.keys().then(k => k.length === 1 && k[0].startsWith('cin-explorer-next-'))").await;
    assert!(b.eval(version).await.as_str().unwrap().contains("next-"));
    b.quit().await;
    let _ = std::fs::remove_dir_all(dir);
}
