//! Fault tests: the background worker's files missing, replaced by a web page, cut short or never arriving, a
//! data file that never arrives or lists no authority, and the app's own WebAssembly missing under a results page. Each time the page must say what failed, within a few
//! seconds, with a "Try again" that works once the fault is gone; never "Loading…" for ever.

use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::{Override, Server};

/// How long the page may wait for the worker before it says so (the app's limit is 10 s) plus a margin for a busy
/// machine.
const WORKER_LIMIT: Duration = Duration::from_secs(13);
/// How long a data file may take (the app's limit is 8 s) plus the margin.
const FETCH_LIMIT: Duration = Duration::from_secs(11);
/// A fault the browser reports at once (a missing or broken file) must show within this.
const AT_ONCE: Duration = Duration::from_secs(5);

/// Opens `path` and waits for the failure notice; its text and how long it took to show, counted from when the app
/// had started (its `<main>` is on the page), so the time the browser takes to load and compile the site itself on a
/// busy machine is not counted against the page.
async fn failure(b: &Browser, url: &str) -> (String, Duration) {
    b.client.goto(url).await.unwrap();
    b.wait_until("return document.querySelector('main') !== null").await;
    let started = Instant::now();
    b.wait_until("return document.querySelector('.load-failed') !== null").await;
    let took = started.elapsed();
    let text = b.text(".load-failed").await;
    assert!(
        b.eval("return document.querySelector('main .loading') === null").await == true,
        "the page still says Loading… beside the failure"
    );
    (text, took)
}

/// Clicks "Try again" (after the fault is gone) and waits for `selector`.
async fn try_again(b: &Browser, server: &Server, selector: &str) {
    server.clear_overrides();
    let button = b.wait_for("[data-action='retry']").await;
    assert_eq!(button.text().await.unwrap(), "Try again");
    button.click().await.unwrap();
    b.wait_for(selector).await;
}

/// The site path of the worker's WebAssembly, and its file name (which the failure must name).
fn worker_wasm() -> (String, String) {
    let name = support::worker_file("_bg.wasm");
    (format!("/{name}"), name)
}

/// The built site's `index.html`: what a static host sends for a file it does not have.
fn web_page() -> Vec<u8> {
    std::fs::read(support::built("dist").join("index.html")).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_worker_wasm_is_reported_on_compare() {
    let Some((server, b)) = support::setup().await else { return };
    let (wasm, name) = worker_wasm();
    server.answer(&wasm, Override::Typed(404, "text/html; charset=utf-8".into(), web_page()));
    let (text, took) = failure(&b, &server.url("/compare")).await;
    assert!(took < AT_ONCE, "the failure took {took:?} to show");
    assert!(text.contains(&name), "{text}");
    b.assert_accessible("/compare without the worker").await;
    try_again(&b, &server, ".matrix tbody tr[data-topic]").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_header_search_box_reports_a_missing_worker_and_tries_again_on_its_own() {
    let Some((server, b)) = support::setup().await else { return };
    let (wasm, name) = worker_wasm();
    server.answer(&wasm, Override::Typed(404, "text/html; charset=utf-8".into(), web_page()));
    b.open(&server.url("/"), ".cards li").await;
    b.client.find(Locator::Id("site-search")).await.unwrap().send_keys("review").await.unwrap();
    b.wait_until("return document.querySelector('#site-search-results .load-failed') !== null").await;
    let text = b.text("#site-search-results .load-failed").await;
    assert!(text.contains(&name), "{text}");
    server.clear_overrides();
    b.client.find(Locator::Css("#site-search-results [data-action='retry']")).await.unwrap().click().await.unwrap();
    b.wait_for("#site-search-results a").await;
    let first = b.text("#site-search-results").await;
    assert!(first.to_lowercase().contains("review"), "{first}");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_wasm_that_is_a_web_page_is_reported_on_a_glossary_entry() {
    let Some((server, b)) = support::setup().await else { return };
    let term = &support::all().glossary[0];
    let (wasm, name) = worker_wasm();
    server.answer(&wasm, Override::Typed(200, "text/html; charset=utf-8".into(), web_page()));
    let (text, took) = failure(&b, &server.url(&format!("/glossary/{}", term.id))).await;
    assert!(took < AT_ONCE, "the failure took {took:?} to show");
    assert!(text.contains(&name), "{text}");
    try_again(&b, &server, ".glossary-term .used-by, .glossary-term h1").await;
    assert_eq!(b.text(".glossary-term h1").await, term.term);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_worker_script_that_is_a_web_page_is_reported_on_search() {
    let Some((server, b)) = support::setup().await else { return };
    // A results page opened from its address is answered by the search worker.
    let glue = support::search_worker_file(".js");
    server.answer(&format!("/{glue}"), Override::Typed(200, "text/html; charset=utf-8".into(), web_page()));
    let (text, took) = failure(&b, &server.url("/search?q=review")).await;
    assert!(took < AT_ONCE, "the failure took {took:?} to show");
    assert!(text.contains(&glue), "{text}");
    try_again(&b, &server, ".search-page .result-count").await;
    b.quit().await;
}

/// The results `boot.js` shows before the app is fetched stay on screen, and readable, when the app cannot start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_results_page_keeps_its_results_when_the_app_cannot_start() {
    let Some((server, b)) = support::setup().await else { return };
    let wasm = support::app_file("_bg.wasm");
    server.answer(&format!("/{wasm}"), Override::Typed(404, "text/html; charset=utf-8".into(), web_page()));
    b.client.goto(&server.url("/search?q=review")).await.unwrap();
    b.wait_until("return !document.getElementById('boot').hidden").await;
    assert!(b.text("#boot-title").await.contains("The site's tools could not start"));
    assert!(b.text("#boot-advice").await.contains("This page can still be read"));
    assert!(b.text("main .search-page .result-count").await.contains("for “review”"));
    let links = "return document.querySelectorAll('main ol.results > li > a.result-link').length";
    assert!(b.eval(links).await.as_u64().unwrap_or(0) > 3);
    assert_eq!(b.eval("return getComputedStyle(document.querySelector('main')).visibility").await, "visible");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_worker_wasm_is_reported_on_the_glossary() {
    let Some((server, b)) = support::setup().await else { return };
    let (path, name) = worker_wasm();
    let wasm = std::fs::read(support::built("dist").join(&name)).unwrap();
    server.answer(&path, Override::Typed(200, "application/wasm".into(), wasm[..wasm.len() / 2].to_vec()));
    let (text, took) = failure(&b, &server.url("/glossary")).await;
    assert!(took < AT_ONCE, "the failure took {took:?} to show");
    assert!(text.contains(&name), "{text}");
    try_again(&b, &server, ".letter-group").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_that_never_answers_is_reported_beside_a_section() {
    let Some((server, b)) = support::setup().await else { return };
    let content = support::content();
    let (first, last) = (&content[0], &content[content.len() - 1]);
    let url = server.url(&format!("/a/{}/{}?with={}", first.0.slug, first.1.sections[0].id, last.0.slug));
    let (wasm, _) = worker_wasm();
    server.answer(&wasm, Override::Hang);
    let (text, took) = failure(&b, &url).await;
    assert!(took < WORKER_LIMIT, "the failure took {took:?} to show");
    assert!(took >= Duration::from_secs(9), "the worker was given its time ({took:?})");
    assert!(text.contains("did not answer within 10 seconds"), "{text}");
    b.assert_accessible("a section beside another, the worker silent").await;
    try_again(&b, &server, ".compare-grid").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_data_file_that_never_arrives_times_out_with_a_message() {
    let Some((server, b)) = support::setup().await else { return };
    let slug = support::slugs().pop().unwrap();
    server.answer(&format!("/data/{slug}.json"), Override::Hang);
    // Opened from the start page, in the app (opened at its own address, the written page would stay).
    b.open(&server.url("/"), ".cards li").await;
    let started = Instant::now();
    b.click(&format!("main .cards a[href='a/{slug}']")).await;
    b.wait_until("return document.querySelector('.load-failed') !== null").await;
    let (text, took) = (b.text(".load-failed").await, started.elapsed());
    assert!(took < FETCH_LIMIT, "the failure took {took:?} to show");
    assert!(text.contains(&format!("data/{slug}.json")), "{text}");
    assert!(text.contains("did not send it within 8 seconds"), "{text}");
    try_again(&b, &server, ".contents").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_data_file_the_worker_never_gets_times_out_with_a_message() {
    let Some((server, b)) = support::setup().await else { return };
    server.answer("/data/glossary.json", Override::Hang);
    let (text, took) = failure(&b, &server.url("/glossary")).await;
    assert!(took < WORKER_LIMIT, "the failure took {took:?} to show");
    assert!(text.contains("data/glossary.json") && text.contains("within 8 seconds"), "{text}");
    try_again(&b, &server, ".letter-group").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_list_of_authorities_says_none_is_loaded() {
    let Some((server, b)) = support::setup().await else { return };
    server.set_override("/data/catalogue.json", 200, "[]");
    let (text, took) = failure(&b, &server.url("/")).await;
    assert!(took < AT_ONCE, "{took:?}");
    assert!(text.contains("data/catalogue.json") && text.contains("no authority is loaded"), "{text}");
    b.assert_accessible("/ with no authority").await;
    try_again(&b, &server, ".cards li").await;
    b.quit().await;
}

/// A reading page is complete as written: when the background worker cannot start, the page the site served stays as
/// it is (the worker would only have made it again), rather than giving way to the failure.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_written_reading_page_stays_when_the_worker_cannot_start() {
    let Some((server, b)) = support::setup().await else { return };
    let (wasm, _) = worker_wasm();
    server.answer(&wasm, Override::Typed(404, "text/html; charset=utf-8".into(), web_page()));
    let entry = &support::all().entries[0];
    let section = &entry.procedure.sections[0];
    b.open(&server.url(&format!("/a/{}/{}", entry.authority.slug, section.id)), ".prose").await;
    // Long enough for the worker's failure to have come back (it is asked once the page is idle).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(b.eval("return document.querySelector('.load-failed') === null").await, true, "no failure shown");
    assert!(b.text("main h1").await.contains(&section.title), "the section is still shown");
    b.quit().await;
}
