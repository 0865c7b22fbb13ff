//! End-to-end tests of search in headless Chromium: typing in the header box shows results (and how long the last
//! keystroke takes to show them), the keys, a result opens its section with the words marked and the first mark in
//! the middle of the window, Enter and the Search button open the results page (a word that matches nothing
//! included), on an authority's pages the box searches that authority with every authority one click away, a search
//! typed while the worker loads shares its one load, a search within one authority fetches only its part of the
//! index (and one across all the rest), a `/search?q=…&a=…` link reproduces the engine's results (shown before
//! the app's own files are fetched, and taken over by the app unchanged), and bad input answers; axe-core on each.

use fantoccini::Locator;

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Override;
use cin_procedure_explorer::search::build::published;
use cin_procedure_explorer::search::data::{search_part_path, SEARCH_ALL, SEARCH_COMMON};

/// The results page on screen: the app's own, or the page it took over (its own element is then hidden beside it).
const SEARCH_PAGE: &str = "main .search-page:not([hidden])";

/// Types `query` into the header box (as one input event) and returns the milliseconds until its results showed.
async fn type_query(b: &Browser, query: &str) -> f64 {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        const input = document.querySelector('#site-search'), box = document.querySelector('#site-search-results');
        const q = {q}; const start = performance.now();
        const ready = () => box.textContent.includes('for “' + q);
        new MutationObserver((m, o) => {{ if (ready()) {{ o.disconnect(); done(performance.now() - start); }} }})
            .observe(box, {{ childList: true, subtree: true, characterData: true }});
        input.focus(); input.value = q; input.dispatchEvent(new Event('input', {{ bubbles: true }}));"#,
        q = serde_json::to_string(query).unwrap()
    );
    b.client.execute_async(&script, vec![]).await.unwrap().as_f64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_in_the_header_shows_results_and_a_result_opens_its_section_marked() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/"), ".cards li").await;
    // "/" brings focus to the box from anywhere on the page.
    b.client.find(Locator::Css("body")).await.unwrap().send_keys("/").await.unwrap();
    b.wait_until("return document.activeElement.id === 'site-search'").await;
    let cold = type_query(&b, "reveiw meeting agenda").await;
    let items = b.eval("return document.querySelectorAll('#site-search-results ol > li > a:first-child').length").await;
    assert!(items.as_u64().unwrap() >= 3, "results are listed, each with its link first");
    b.assert_accessible("the header's search results").await;
    let mut warm: Vec<f64> = Vec::new();
    for q in [
        "twelve weeks",
        "TAC",
        "section 47",
        "direct paymnets",
        "care team",
        "mosaic",
        "advocate",
        "FGC",
        "minutes",
        "lead professional",
    ] {
        warm.push(type_query(&b, q).await);
    }
    warm.sort_by(f64::total_cmp);
    let median = warm[warm.len() / 2];
    println!("last keystroke to results shown: first search {cold:.0} ms (the worker started when the page was idle); then median {median:.1} ms, slowest {:.1} ms", warm[warm.len() - 1]);
    assert!(median < 50.0, "median {median} ms");
    // ↓ moves into the results, ↑ back to the box; Enter on a result opens it, and the section marks the words.
    type_query(&b, "review meeting agenda").await;
    b.client.active_element().await.unwrap().send_keys("\u{E015}").await.unwrap();
    b.wait_until("return document.activeElement.matches('#site-search-results a')").await;
    b.client.active_element().await.unwrap().send_keys("\u{E013}").await.unwrap();
    b.wait_until("return document.activeElement.id === 'site-search'").await;
    b.client.active_element().await.unwrap().send_keys("\u{E015}").await.unwrap();
    b.wait_until("return document.activeElement.matches('#site-search-results a')").await;
    let first = b.eval("return document.activeElement.getAttribute('href')").await;
    let first = first.as_str().unwrap().to_owned();
    b.client.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap();
    b.wait_until(&format!("return location.href.endsWith({})", serde_json::to_string(&first).unwrap())).await;
    b.wait_for(".prose mark").await;
    let marked = b
        .eval("return Array.from(document.querySelectorAll('.prose mark')).map(m => m.textContent.toLowerCase())")
        .await;
    let marked: Vec<String> = serde_json::from_value(marked).unwrap();
    assert!(marked.iter().any(|m| m == "agenda"), "{marked:?}");
    assert_eq!(
        b.eval("return document.querySelector('#site-search-results').textContent").await,
        "",
        "the results close"
    );
    b.assert_accessible("a section opened from search").await;
    b.quit().await;
}

/// Types `query` into the header box and presses Enter (or, with `button`, clicks Search) at once, without waiting
/// for the results under the box.
async fn submit_box(b: &Browser, query: &str, button: bool) {
    let input = b.client.find(Locator::Id("site-search")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(query).await.unwrap();
    match button {
        true => b.click(".site-search button[type=submit]").await,
        false => input.send_keys("\u{E007}").await.unwrap(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enter_and_the_search_button_open_the_results_page_never_a_hit() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/"), ".cards li").await;
    // A word that matches nothing, though the glossary has terms near it: Enter lands on the results page, which says
    // so, and not on one of those terms.
    submit_box(&b, "advocat zzqx", false).await;
    b.wait_until("return location.pathname === '/search' && location.search === '?q=advocat%20zzqx'").await;
    b.wait_for(".search-page .search-form").await;
    let text = b.text(SEARCH_PAGE).await;
    assert!(text.contains("No results for “advocat zzqx”"), "{text}");
    assert_eq!(b.eval("return document.querySelector('#search-q').value").await, "advocat zzqx");
    b.assert_axe_finds_nothing("the results page for a word that matches nothing").await;
    // The same once the box has shown its results (a glossary term first among them).
    b.open(&server.url("/"), ".cards li").await;
    type_query(&b, "advocat zzqx").await;
    b.wait_until("return document.querySelector('#site-search-results .suggestions a') !== null").await;
    b.client.find(Locator::Id("site-search")).await.unwrap().send_keys("\u{E007}").await.unwrap();
    b.wait_until("return location.pathname === '/search'").await;
    b.wait_for(".search-page .search-form").await;
    assert!(b.text(SEARCH_PAGE).await.contains("No results for “advocat zzqx”"));
    // A word that matches: the Search button opens the results page too, not the first hit.
    submit_box(&b, "review", true).await;
    b.wait_until("return location.pathname === '/search' && location.search === '?q=review'").await;
    b.wait_for(".search-page .result-count").await;
    assert!(b.text(".search-page .result-count").await.contains("for “review”"));
    b.assert_axe_finds_nothing("the results page").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_an_authoritys_pages_the_box_searches_it_with_every_authority_one_click_away() {
    let Some((server, b)) = support::setup().await else { return };
    let content = support::content();
    let (authority, procedure) = (&content[0].0, &content[0].1);
    b.open(&server.url(&format!("/a/{}/{}", authority.slug, procedure.sections[0].id)), ".prose").await;
    type_query(&b, "review").await;
    let shown = b.text("#site-search-results .result-count").await;
    assert!(shown.contains(&format!("for “review” in {}", authority.short_name)), "{shown}");
    let from = b.eval("return Array.from(document.querySelectorAll('#site-search-results .result-authority')).map(s => s.textContent)").await;
    let from: Vec<String> = serde_json::from_value(from).unwrap();
    assert!(!from.is_empty() && from.iter().all(|a| a == &authority.short_name), "{from:?}");
    b.assert_accessible("the header's results on an authority's page").await;
    // Enter: that authority's results page, which links to every authority's.
    b.client.find(Locator::Id("site-search")).await.unwrap().send_keys("\u{E007}").await.unwrap();
    let scoped = format!("?q=review&a={}", authority.slug);
    b.wait_until(&format!("return location.pathname === '/search' && location.search === '{scoped}'")).await;
    b.wait_for(".search-page .result-count").await;
    assert_eq!(b.eval("return document.querySelector('#search-a').value").await, authority.slug.as_str());
    b.click(".search-page .all-results a").await;
    b.wait_until("return location.pathname === '/search' && location.search === '?q=review'").await;
    b.wait_until(
        "return document.querySelector('#search-a') !== null && document.querySelector('#search-a').value === ''",
    )
    .await;
    let everywhere = b.eval("return new Set(Array.from(document.querySelectorAll('.search-page .result-authority')).map(s => s.textContent)).size").await;
    assert!(everywhere.as_u64().unwrap() > 1, "every authority's results: {everywhere}");
    // From the box itself, one click too.
    b.open(&server.url(&format!("/a/{}", authority.slug)), ".contents").await;
    type_query(&b, "review").await;
    b.click("#site-search-results .result-scope a").await;
    b.wait_until("return location.pathname === '/search' && location.search === '?q=review'").await;
    b.quit().await;
}

/// The published sections (authority's slug, section id, HTML) of the built site.
fn published_sections() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for slug in support::slugs() {
        let data = std::fs::read_to_string(support::built("dist").join(format!("data/{slug}.json"))).unwrap();
        let data: serde_json::Value = serde_json::from_str(&data).unwrap();
        for section in data["sections"].as_array().unwrap() {
            let (id, html) = (section["id"].as_str().unwrap(), section["html"].as_str().unwrap());
            out.push((slug.clone(), id.to_owned(), html.to_owned()));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn highlight_marks_words_without_showing_entities_and_centres_the_first_mark() {
    let Some((server, b)) = support::setup().await else { return };
    let sections = published_sections();
    // A section with "&amp;" in its HTML, asked to mark "amp" (the reference's own letters) as well as a word.
    let (slug, id, _) = sections.iter().find(|(_, _, html)| html.contains("&amp;")).expect("a section with &amp;");
    b.open(&server.url(&format!("/a/{slug}/{id}?highlight=amp%20and")), ".prose mark").await;
    let text = b.text(".prose").await;
    assert!(!text.contains("&amp;") && !text.contains("amp;"), "no reference shown as text: {text}");
    assert!(text.contains(" & "), "{text}");
    // The longest section, marked at a word its text uses once, past its middle: the window scrolls that word to
    // its middle.
    let (slug, id, html) = sections.iter().max_by_key(|(_, _, html)| html.len()).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let once = |w: &&&str| w.len() >= 7 && words.iter().filter(|x| x.eq_ignore_ascii_case(w)).count() == 1;
    let late = words[words.len() * 3 / 5..].iter().find(once).expect("a word used once past the middle");
    b.open(&server.url(&format!("/a/{slug}/{id}?highlight={late}")), ".prose mark").await;
    b.wait_until(
        "const r = document.querySelector('.prose mark').getBoundingClientRect();\
         return window.scrollY > 0 && Math.abs((r.top + r.bottom) / 2 - window.innerHeight / 2) < window.innerHeight / 10",
    )
    .await;
    b.assert_accessible("a section with its words marked").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_typed_while_the_worker_loads_shares_its_one_load() {
    let Some((server, b)) = support::setup().await else { return };
    // The glossary arrives late, so the glossary page, the header box's search (typed a key at a time) and the
    // idle warm-up all ask while the one load is under way.
    server.answer("/data/glossary.json", Override::Slow(1500));
    b.client.goto(&server.url("/glossary")).await.unwrap();
    // The app's own box: the written page's box goes when the app takes the page over.
    b.wait_until(
        "return document.getElementById('prerendered') === null && document.querySelector('#site-search') !== null",
    )
    .await;
    b.client.find(Locator::Id("site-search")).await.unwrap().send_keys("review").await.unwrap();
    b.wait_for(".letter-group").await;
    b.wait_until("return document.querySelector('#site-search-results').textContent.includes('for “review”')").await;
    assert_eq!(server.requests("/data/glossary.json"), 1, "the glossary was fetched once");
    for slug in support::slugs() {
        assert_eq!(server.requests(&format!("/data/{slug}.json")), 1, "data/{slug}.json was fetched once");
        let part = format!("/{}", search_part_path(&slug));
        assert_eq!(server.requests(&part), 0, "{part}: a search across all fetches every part in one file");
    }
    assert_eq!(server.requests(&format!("/{SEARCH_ALL}")), 1, "the file of every part was fetched once");
    assert_eq!(server.requests(&format!("/{SEARCH_COMMON}")), 1, "the search index's common part was fetched once");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_results_page_opened_from_its_address_is_answered_by_the_search_worker_alone() {
    let Some((server, b)) = support::setup().await else { return };
    let (searcher, background) = (support::search_worker_file("_bg.wasm"), support::worker_file("_bg.wasm"));
    b.open(&server.url("/search?q=review"), ".search-page .result-count").await;
    assert!(b.text(".search-page .result-count").await.contains("for “review”"));
    // The header's box on this page asks the same worker.
    type_query(&b, "chair").await;
    assert_eq!(server.requests(&format!("/{searcher}")), 1, "the search worker's WebAssembly, once");
    assert_eq!(server.requests(&format!("/{background}")), 0, "not the background worker's");
    assert_eq!(server.requests(&format!("/{SEARCH_COMMON}")), 1, "the common part, once");
    assert_eq!(server.requests(&format!("/{SEARCH_ALL}")), 1, "the file of every part, once");
    // A result opens its section, made by the background worker, which answers the box from then on.
    b.click("#site-search-results a.result-link").await;
    b.wait_for("main .prose").await;
    type_query(&b, "closure").await;
    assert_eq!(server.requests(&format!("/{background}")), 1, "the background worker's WebAssembly, once");
    assert_eq!(server.requests(&format!("/{searcher}")), 1, "the search worker was not started again");
    b.quit().await;
}

/// A results page opened from its address shows its results before the app's own files are fetched: boot.js has
/// the search worker answer the address at once and puts the page in the search page written at publish time. The
/// app, once started, takes those very elements over (its own page is the same), and the worker stays the only one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_results_page_opened_from_its_address_shows_its_results_before_the_app_is_fetched() {
    let Some((server, b)) = support::setup().await else { return };
    let watch = "new MutationObserver((records, observer) => { const list = document.querySelector('main ol.results'); \
                 if (list) { window.firstResults = list; window.resultsAt = performance.now(); observer.disconnect(); } \
                 }).observe(document, { childList: true, subtree: true });";
    b.cdp("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": watch })).await;
    let app = "performance.getEntriesByType('resource').find(e => /cin-procedure-explorer-[0-9a-f]+_bg\\.wasm$/.test(e.name))";
    // The last address, with a fragment, is the one the rest of the test reads.
    for path in ["/search?q=plan", "/search?q=review#results"] {
        b.open(&server.url(path), ".search-page .result-count").await;
        b.wait_until(&format!("return !!({app})")).await;
        let order = b.eval(&format!("return [window.resultsAt, ({app}).startTime]")).await;
        let (shown, fetched) = (order[0].as_f64().expect("results seen"), order[1].as_f64().unwrap());
        assert!(
            shown < fetched,
            "{path}: results shown at {shown} ms, the app's WebAssembly asked for at {fetched} ms"
        );
    }
    b.wait_until("return !document.querySelector('main[aria-busy]')").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let kept = "return document.querySelector('main ol.results') === window.firstResults && \
                document.querySelectorAll('main ol.results').length === 1";
    assert_eq!(b.eval(kept).await, true, "the app made the results again");
    assert!(b.text(".search-page .result-count").await.contains("for “review”"));
    assert_eq!(b.eval("return document.title").await, "review – Search – CIN Procedure Explorer");
    let notice = "return getComputedStyle(document.querySelector('main .needs-script')).display";
    assert_eq!(b.eval(notice).await, "none", "the line for a browser without JavaScript is not shown");
    // The search form on the page the app took over is the app's: another search opens its results page.
    b.eval("document.getElementById('search-q').value = 'closure'; return true").await;
    b.click(".search-form button[type=submit]").await;
    b.wait_until("return location.search === '?q=closure' && document.title.startsWith('closure')").await;
    assert_eq!(server.requests(&format!("/{}", support::worker_file("_bg.wasm"))), 0, "one worker");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_within_one_authority_fetches_only_its_part_of_the_index_and_one_across_all_the_rest() {
    let Some((server, b)) = support::setup().await else { return };
    let content = support::content();
    let (authority, procedure) = (&content[1].0, &content[1].1);
    let fetched = |server: &crate::support::server::Server| -> Vec<(String, usize)> {
        support::slugs()
            .iter()
            .map(|slug| (slug.clone(), server.requests(&format!("/{}", search_part_path(slug)))))
            .collect()
    };
    b.open(&server.url(&format!("/a/{}/{}", authority.slug, procedure.sections[0].id)), ".prose").await;
    type_query(&b, "review").await;
    assert!(b.text("#site-search-results .result-count").await.contains(&format!("in {}", authority.short_name)));
    // The page's warm-up, once it is idle, asks for the same part: wait for it, then count.
    b.eval("return new Promise((done) => requestIdleCallback(() => setTimeout(() => done(true), 300)))").await;
    assert_eq!(server.requests(&format!("/{SEARCH_COMMON}")), 1, "the common part, once");
    for (slug, count) in fetched(&server) {
        let expected = usize::from(slug == authority.slug);
        assert_eq!(
            count, expected,
            "data/search/{slug}.json fetched {count} times; the search was in {}",
            authority.slug
        );
    }
    assert_eq!(server.requests(&format!("/{SEARCH_ALL}")), 0, "not the file of every part");
    // Every authority, one click away: the other parts are fetched then, in the one file of every part, once, and
    // neither the parts alone nor the common part again.
    b.click("#site-search-results .result-scope a").await;
    b.wait_until("return location.pathname === '/search' && location.search === '?q=review'").await;
    b.wait_for(".search-page .result-count").await;
    assert_eq!(server.requests(&format!("/{SEARCH_ALL}")), 1, "the file of every part, once");
    for (slug, count) in fetched(&server) {
        assert_eq!(count, usize::from(slug == authority.slug), "data/search/{slug}.json fetched {count} times");
    }
    assert_eq!(server.requests(&format!("/{SEARCH_COMMON}")), 1);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_link_reproduces_the_engines_results() {
    let Some((server, b)) = support::setup().await else { return };
    let index = published(&support::library()).unwrap();
    let slugs = support::slugs();
    let (second, last) = (slugs[1].as_str(), slugs[slugs.len() - 1].as_str());
    for (q, a) in [("reviews every three months", ""), ("chair", second), ("s47", last)] {
        b.open(&server.url(&format!("/search?q={}&a={a}", q.replace(' ', "+"))), ".result-count").await;
        let shown = b.eval("return Array.from(document.querySelectorAll('.search-page ol.results > li > a')).map(x => x.getAttribute('href').split(/[?#]/)[0])").await;
        let only = index.position(a);
        let expected: Vec<String> =
            index.search(q, only, 30).hits.iter().map(|h| index.doc(h.doc).unwrap().path.clone()).collect();
        assert_eq!(shown, serde_json::json!(expected), "{q} in {a}");
        assert_eq!(b.eval("return document.querySelector('#search-q').value").await, q);
        assert_eq!(b.eval("return document.querySelector('#search-a').value").await, a);
    }
    b.assert_axe_finds_nothing("the search page").await;
    // The header's box and the page's form are two search landmarks: each has a name of its own.
    let names = b
        .eval("return Array.from(document.querySelectorAll('[role=search]')).map(f => f.getAttribute('aria-label'))")
        .await;
    assert_eq!(names, serde_json::json!(["Search the procedures", "Refine this search"]));
    // The filter, changed and submitted as a person would.
    let first = &slugs[0];
    b.client
        .execute(&format!("document.querySelector('#search-a').value = '{first}'; return true"), vec![])
        .await
        .unwrap();
    b.click(".search-form button").await;
    b.wait_until(&format!("return location.search === '?q=s47&a={first}'")).await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_queries_answer_with_a_message_not_a_freeze() {
    let Some((server, b)) = support::setup().await else { return };
    let long = "review%20".repeat(1200);
    b.open(&server.url(&format!("/search?q={long}")), ".result-count").await;
    assert!(b.text(SEARCH_PAGE).await.contains("Only the first 200 characters"));
    b.open(&server.url("/search?q=%F0%9F%99%82%F0%9F%99%82"), ".search-page .search-form").await;
    assert!(b.text(SEARCH_PAGE).await.contains("Type a word to search for"));
    b.open(&server.url("/search?q=advocat+zzqx"), ".search-page .search-form").await;
    let text = b.text(SEARCH_PAGE).await;
    assert!(text.contains("No results") && text.contains("Glossary terms near what you typed"), "{text}");
    assert!(
        b.eval(
            "return Array.from(document.querySelectorAll('.suggestions a')).some(a => a.textContent === 'Advocate')"
        )
        .await
            == true
    );
    b.open(&server.url("/search?q=%E0%A4%A&a=%ZZ"), ".search-page .search-form").await;
    b.assert_accessible("a search with nothing found").await;
    b.quit().await;
}
