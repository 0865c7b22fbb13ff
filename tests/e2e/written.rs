//! Pages written at publish time: every page that does not depend on a case's answers is a file, complete and
//! styled with JavaScript off; with JavaScript on, the app takes it over with the same text and without moving
//! anything (layout shift measured with a `PerformanceObserver`).

use cin_procedure_explorer::prerender::{file_for, routes};
use serde_json::{json, Value};

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Server;

/// The main text of the page (all of it, folded or not, but what only a print shows), its white space as single
/// spaces.
const MAIN_TEXT: &str = "const main = document.querySelector('main').cloneNode(true); \
    main.querySelectorAll('.print-only').forEach(e => e.remove()); return main.textContent.replace(/\\s+/g, ' ').trim()";

/// The layout shift since the page began to load (shifts right after input left out), collected by the browser.
const SHIFT: &str = "return await new Promise(done => { let total = 0; \
    new PerformanceObserver(list => { for (const e of list.getEntries()) { if (!e.hadRecentInput) total += e.value; } })\
    .observe({ type: 'layout-shift', buffered: true }); setTimeout(() => done(total), 300); })";

#[test]
fn every_page_that_needs_no_answers_is_written() {
    let library = support::library();
    let written = routes(&library);
    let sections: usize = library.books.iter().map(|b| b.sections.len()).sum();
    assert!(written.len() >= 1 + 3 * library.books.len() + sections, "{}", written.len());
    for folder in ["dist", "target/dist-sub"] {
        let dir = support::built(folder);
        for route in &written {
            let file = dir.join(file_for(route));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            assert!(text.contains(&format!("data-route=\"{}\"", route.href())), "{}", file.display());
            assert!(!text.contains("<noscript>"), "{}: a written page needs no script", file.display());
        }
    }
}

/// A few written pages: an authority's overview, one of its sections and its rules, the comparison, a topic, the
/// glossary and an entry, a wizard map.
fn sample() -> Vec<String> {
    let library = support::library();
    let first = &library.books[0];
    let slug = &first.authority.slug;
    vec![
        "/".to_owned(),
        format!("/a/{slug}"),
        format!("/a/{slug}/{}", first.sections[1].id),
        format!("/a/{slug}/rules"),
        "/compare".to_owned(),
        format!("/compare/{}", library.topics[0].id),
        "/glossary".to_owned(),
        format!("/glossary/{}", library.glossary[0].id),
        format!("/wizard/{slug}/map"),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn written_pages_read_without_javascript_and_the_app_takes_them_over_unchanged() {
    let server = Server::start(support::built("dist"), "");
    let Some(off) = Browser::start_without_javascript().await else { return };
    let mut texts = Vec::new();
    for path in sample() {
        off.open_static(&server.url(&path), "main h1").await;
        assert_eq!(off.eval("return !!document.getElementById('prerendered')").await, true, "{path}: not taken over");
        let text = off.eval(MAIN_TEXT).await.as_str().unwrap_or_default().to_owned();
        assert!(text.len() > 40, "{path}: {text}");
        texts.push((path, text));
    }
    // The links work without script: the overview's first section link opens that section.
    let slug = &support::slugs()[0];
    off.open_static(&server.url(&format!("/a/{slug}")), ".contents a").await;
    let href = off.eval("return document.querySelector('.contents a').href").await.as_str().unwrap().to_owned();
    off.click(".contents a").await;
    off.wait_until(&format!(
        "return location.href === {} && !!document.querySelector('main h1')",
        serde_json::to_string(&href).unwrap()
    ))
    .await;
    // The pages that need script say so, and lead to the reading pages.
    off.open_static(&server.url(&format!("/deadlines/{slug}")), "noscript, body").await;
    let said = off.eval("return document.body.innerText").await.as_str().unwrap_or_default().to_owned();
    assert!(
        said.contains("This page needs JavaScript") && said.contains("start from the list of authorities"),
        "{said}"
    );
    // The search page is written too: without script it says that search needs it, whatever was asked.
    off.open_static(&server.url("/search?q=review"), "main h1").await;
    let said =
        off.eval("return document.querySelector('main').innerText").await.as_str().unwrap_or_default().to_owned();
    assert!(
        said.contains("Search runs in the browser, and needs JavaScript") && said.contains("start from the list"),
        "{said}"
    );
    off.quit().await;

    let Some(on) = Browser::start().await else { return };
    for (path, text) in texts {
        on.open(&server.url(&path), "main h1").await;
        // Taken over: the written frame is gone and the app's page stands in its place, with the same text.
        on.wait_until(
            "return document.getElementById('prerendered') === null && document.getElementById('boot') === null",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        assert_eq!(on.eval(MAIN_TEXT).await.as_str().unwrap_or_default(), text, "{path}");
        let shift = on.eval(SHIFT).await.as_f64().unwrap_or(1.0);
        assert!(shift <= 0.02, "{path}: layout shift {shift}");
        on.assert_accessible(&format!("{path} (written)")).await;
    }
    on.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wizard_question_the_comparison_and_a_results_page_do_not_shift_as_they_load() {
    let Some((server, b)) = support::setup().await else { return };
    let slug = &support::slugs()[0];
    for (path, ready) in [
        (format!("/wizard/{slug}"), ".wizard-question".to_owned()),
        ("/compare".to_owned(), ".matrix tbody tr[data-topic]".to_owned()),
        ("/search?q=review".to_owned(), ".search-page .results li".to_owned()),
        (format!("/a/{slug}/{}", support::content()[0].1.sections[1].id), ".prose".to_owned()),
    ] {
        b.open(&server.url(&path), &ready).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let shift = b.eval(SHIFT).await;
        assert!(matches!(shift, Value::Number(ref n) if n.as_f64().unwrap() <= 0.02), "{path}: layout shift {shift}");
    }
    b.quit().await;
}

/// When the app's page is the page as written, the app keeps the written page's own elements where they are: the
/// page is never taken out of the document (which would have the browser style and lay it out again), not written
/// out and parsed again, and not replaced when the app's page arrives. An observer set before the page loads sees
/// every node removed from the document; none of them holds the written page, and an element of the page as it was
/// served is still the one shown once the app has made its page (the start page, from the catalogue; the
/// comparison, from the background worker).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_keeps_the_written_pages_own_elements_when_its_page_is_the_same() {
    let Some((server, b)) = support::setup().await else { return };
    let watch = "window.moved = []; new MutationObserver(records => { for (const r of records) for (const n of \
                 r.removedNodes) if (n.nodeType === 1 && (n.matches('[data-page]') || n.querySelector('[data-page]'))) \
                 window.moved.push(n.tagName + '.' + n.className); }).observe(document, { childList: true, subtree: true });";
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": watch })).await;
    for (path, element) in [("/", "ul.cards"), ("/compare", "table.matrix")] {
        b.open_static(&server.url(path), element).await;
        b.eval(&format!("window.served = document.querySelector('main {element}'); return true")).await;
        b.wait_until(
            "return document.getElementById('prerendered') === null && !document.querySelector('main[aria-busy]')",
        )
        .await;
        let same =
            format!("return window.served.isConnected && window.served === document.querySelector('main {element}')");
        assert_eq!(b.eval(&same).await, true, "{path}: the written {element} is the one shown");
        assert_eq!(b.eval("return window.moved").await, json!([]), "{path}: the written page left the document");
        let hidden =
            "return [...document.querySelectorAll('main > div')].filter(d => d.getClientRects().length > 0).length";
        assert_eq!(b.eval(hidden).await, json!(2), "{path}: the notices and one page are laid out, not two pages");
    }
    b.quit().await;
}
