//! End-to-end tests of `/compare` and `/compare/{topic}` in headless Chromium: the page the background worker
//! makes, "only differences", permalinks, the CSV, a topic's spread, a worker that cannot start; axe-core on each.

use crate::support;
use crate::support::browser::Browser;
use cin_procedure_explorer::compare::view::{shown, View, DEFAULT_AUTHORITIES};
use cin_procedure_explorer::compare::{rows, spread};
use cin_procedure_explorer::query::pairs;

/// The topic ids of the table's rows, in order.
async fn row_topics(b: &Browser) -> Vec<String> {
    let v = b
        .eval("return Array.from(document.querySelectorAll('.matrix tbody tr[data-topic]')).map(r => r.dataset.topic)")
        .await;
    serde_json::from_value(v).unwrap()
}

/// The topics the engine shows for a query.
fn engine_topics(query: &str) -> Vec<String> {
    let library = support::library();
    let rows = rows(&library);
    let view = View::from_query(&pairs(query), &library);
    shown(&rows, &view, &library).iter().map(|s| s.row.topic.id.clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_differences_keeps_just_the_rows_that_really_differ() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/compare"), ".matrix tbody tr[data-topic]").await;
    b.assert_accessible("the matrix").await;
    let all = row_topics(&b).await;
    assert_eq!(all, engine_topics(""));
    let slugs = support::slugs();
    assert!(slugs.len() >= 3, "the test narrows the matrix from three or more authorities to two");
    // The first few authorities by default, not all.
    let few = DEFAULT_AUTHORITIES.min(slugs.len());
    assert_eq!(
        b.eval("return document.querySelectorAll('.matrix thead th[scope=col]').length").await,
        few + 1,
        "a topic column and one per authority"
    );
    // Narrow to the first two authorities by unticking the others: nothing is redrawn until "Update".
    let search = b.eval("return location.search").await;
    for slug in &slugs[2..few] {
        b.click(&format!("label[for='a-{slug}']")).await;
        b.wait_until(&format!("return !document.querySelector('#a-{slug}').checked")).await;
    }
    assert_eq!(b.eval("return location.search").await, search, "a tick alone changes nothing");
    b.click("#compare-update").await;
    b.wait_until("return document.querySelectorAll('.matrix thead th[scope=col]').length === 3").await;
    let two = format!("a={}", slugs[..2].join(","));
    let groups = View::from_query(&pairs(&two), &support::library()).groups.join(",");
    assert_eq!(b.eval("return location.search").await, format!("?{two}&group={groups}"));
    // Tick "Only differences" as a person would, by its label, and update.
    b.click("label[for='diff']").await;
    b.click("#compare-update").await;
    b.wait_until("return location.search.includes('diff=1')").await;
    b.wait_until(
        "return document.querySelector('#diff').checked && !document.querySelector('.matrix tr[data-differs=no]')",
    )
    .await;
    let differing = row_topics(&b).await;
    assert!(differing.len() < all.len(), "the toggle hides the rows where both agree");
    let query = b.eval("return location.search.slice(1)").await.as_str().unwrap().to_owned();
    assert_eq!(differing, engine_topics(&query));
    // Every remaining row really differs: its cells carry different version letters.
    let letters_ok = b
        .eval(
            "return Array.from(document.querySelectorAll('.matrix tbody tr[data-topic]')).every(r => \
           new Set(Array.from(r.querySelectorAll('td')).map(td => td.dataset.variant)).size > 1)",
        )
        .await;
    assert_eq!(letters_ok, true);
    assert_eq!(b.eval("return document.activeElement.id").await, "compare-update", "focus stays on the control");
    b.assert_accessible("the matrix, two authorities, only differences").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_permalink_reproduces_the_view_and_the_csv_has_its_rows() {
    let Some((server, b)) = support::setup().await else { return };
    // The second and the last authority, in that order (as a person might link them).
    let content = support::content();
    let (second, last) = (&content[1].0, &content[content.len() - 1].0);
    let query = format!("a={},{}&group=reviews,records&diff=1", second.slug, last.slug);
    let query = query.as_str();
    b.open(&server.url(&format!("/compare?{query}")), ".matrix tbody tr[data-topic]").await;
    assert_eq!(row_topics(&b).await, engine_topics(query));
    let checked =
        b.eval("return Array.from(document.querySelectorAll('.compare-filters input:checked')).map(i => i.id)").await;
    let ids = [format!("a-{}", second.slug), format!("a-{}", last.slug)];
    assert_eq!(checked, serde_json::json!([ids[0], ids[1], "group-reviews", "group-records", "diff"]));
    let heads =
        b.eval("return Array.from(document.querySelectorAll('.matrix thead th')).map(t => t.textContent)").await;
    assert_eq!(heads, serde_json::json!(["Topic", second.short_name, last.short_name]));
    let link = b.eval("return document.querySelector('[data-permalink]').getAttribute('href')").await;
    assert_eq!(link, format!("compare?{query}"));
    // The CSV: the same rows as the table, Excel-ready.
    b.eval(
        "window.__csv = null; const make = URL.createObjectURL; \
         URL.createObjectURL = blob => { blob.arrayBuffer().then(b => window.__csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)); return make(blob); }; return true",
    )
    .await;
    b.eval(
        "const click = HTMLAnchorElement.prototype.click; \
         HTMLAnchorElement.prototype.click = function () { window.__saved_as = this.download; return click.call(this); }; \
         return true",
    )
    .await;
    b.click("[data-action='csv']").await;
    b.wait_until("return typeof window.__csv === 'string'").await;
    let csv = b.eval("return window.__csv").await.as_str().unwrap().to_owned();
    let saved_as = b.eval("return window.__saved_as").await;
    assert_eq!(saved_as, format!("compare-{}-{}-reviews-records.csv", second.slug, last.slug), "named after the view");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    let (a, z) = (&second.short_name, &last.short_name);
    let header = format!("\u{feff}\"Group\",\"Topic\",\"{a}: value\",\"{a}\",\"{z}: value\",\"{z}\"");
    assert!(lines[0].starts_with(&header), "{}", lines[0]);
    let labels = b
        .eval("return Array.from(document.querySelectorAll('.matrix tbody th[scope=row] a')).map(a => a.textContent)")
        .await;
    let labels: Vec<String> = serde_json::from_value(labels).unwrap();
    assert_eq!(lines.len(), labels.len() + 1, "a header and one line per row");
    for (line, label) in lines[1..].iter().zip(&labels) {
        assert!(line.contains(&format!(",\"{label}\",")), "{line} should be the row {label}");
    }
    b.quit().await;
}

/// The authorities the chooser shows (not hidden by its filter box).
async fn visible_choices(b: &Browser) -> Vec<String> {
    let v = b
        .eval("return Array.from(document.querySelectorAll('.authority-choices .checkbox:not([hidden]) input')).map(i => i.value)")
        .await;
    serde_json::from_value(v).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chooser_filters_selects_all_clears_and_copies_the_link() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/compare"), ".matrix tbody tr[data-topic]").await;
    let content = support::content();
    let target = &content[content.len() - 1].0;
    // The filter box keeps only the authorities whose names hold what is typed.
    let typed: String = target.short_name.chars().take(4).collect();
    b.wait_for("#a-filter").await.send_keys(&typed).await.unwrap();
    let shown = visible_choices(&b).await;
    assert!(shown.contains(&target.slug) && shown.len() < content.len(), "{shown:?}");
    b.assert_accessible("the chooser, filtered").await;
    // "Clear" unticks every authority; the filter cleared, "Select all" ticks them all again; "Update" applies.
    b.eval("const f = document.querySelector('#a-filter'); f.value = ''; f.dispatchEvent(new Event('input', { bubbles: true })); return true").await;
    b.click(".authority-choices [data-action='clear-all']").await;
    assert_eq!(b.eval("return document.querySelectorAll('.authority-choices input:checked').length").await, 0);
    b.click("#compare-update").await;
    b.wait_until("return location.search.startsWith('?a=&')").await;
    b.wait_for(".compare .notice").await;
    b.click(".authority-choices [data-action='select-all']").await;
    assert_eq!(
        b.eval("return document.querySelectorAll('.authority-choices input:checked').length").await,
        content.len()
    );
    b.click("#compare-update").await;
    b.wait_until(&format!(
        "return document.querySelectorAll('.matrix thead th[scope=col]').length === {}",
        content.len() + 1
    ))
    .await;
    // "Copy link to this view" copies the view's address and says so; a browser that refuses gets the plain link.
    b.eval("Object.defineProperty(navigator, 'clipboard', { value: { writeText: t => { window.__copied = t; return Promise.resolve(); } } }); return true").await;
    b.click("[data-action='copy-link']").await;
    b.wait_until("return document.querySelector('.copy-status').textContent.includes('copied')").await;
    let copied = b.eval("return window.__copied").await;
    let link = b.eval("return document.querySelector('[data-permalink]').href").await;
    assert_eq!(copied, link);
    b.eval("navigator.clipboard.writeText = () => Promise.reject(new Error('no')); return true").await;
    b.click("[data-action='copy-link']").await;
    b.wait_until("return document.querySelector('.copy-status').textContent.includes('use the link')").await;
    b.assert_accessible("the matrix after copying its link").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_topic_page_gives_the_spread_across_every_authority() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/compare/review.interval"), "[data-spread]").await;
    let library = support::library();
    let rows = rows(&library);
    let row = rows.iter().find(|r| r.topic.id == "review.interval").unwrap();
    let names: Vec<String> = library.books.iter().map(|x| x.authority.short_name.clone()).collect();
    assert_eq!(b.text("[data-spread]").await, spread(row, &names));
    assert_eq!(
        b.eval("return document.querySelectorAll('.topic-authority').length").await,
        library.books.len(),
        "one authority after another"
    );
    assert!(b.eval("return document.title").await.as_str().unwrap().starts_with("Review interval"));
    b.assert_accessible("a topic across authorities").await;
    b.open(&server.url("/compare/no.such-topic"), "h1").await;
    assert_eq!(b.text("h1").await, "Topic not found");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_that_cannot_load_its_data_says_so_and_retries() {
    let Some((server, b)) = support::setup().await else { return };
    // The comparison loads every authority's rules alone, from one file.
    server.set_override("/data/rules.json", 500, "broken");
    b.open(&server.url("/compare"), ".load-failed").await;
    assert!(b.text(".load-failed").await.contains("data/rules.json"));
    server.clear_overrides();
    b.click("[data-action='retry']").await;
    b.wait_for(".matrix").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_section_sits_beside_another_authoritys_sections_on_the_same_topics() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    // A section whose rules have topics, as a reader would pick one, and another authority with sections on them.
    let (this, section, other, topics) = all
        .entries
        .iter()
        .flat_map(|e| e.procedure.sections.iter().map(move |s| (e, s)))
        .find_map(|(e, s)| {
            let topics = cin_procedure_explorer::model::topics_citing(&e.rules, &s.id);
            let other = all.entries.iter().find(|o| {
                o.authority.slug != e.authority.slug
                    && !cin_procedure_explorer::model::sections_on(&o.procedure, &o.rules, &topics).is_empty()
            })?;
            Some((e, s, other, topics))
        })
        .expect("a section with topics another authority also has");
    let slug = &this.authority.slug;
    b.open(&server.url(&format!("/a/{slug}/{}", section.id)), ".compare-with").await;
    // One select-and-go control after the text.
    let after = b
        .eval("return !!(document.querySelector('.prose').compareDocumentPosition(document.querySelector('.compare-with')) & 4)")
        .await;
    assert_eq!(after, true, "the control comes after the section's text");
    b.wait_for("#compare-with").await.select_by_value(&other.authority.slug).await.unwrap();
    b.click(".compare-with button[type=submit]").await;
    b.wait_for(".compare-grid").await;
    assert_eq!(b.eval("return location.search").await, format!("?with={}", other.authority.slug));
    let expected: Vec<String> = cin_procedure_explorer::model::sections_on(&other.procedure, &other.rules, &topics)
        .iter()
        .map(|s| format!("a/{}/{}", other.authority.slug, s.id))
        .collect();
    let shown = b
        .eval("return Array.from(document.querySelectorAll('.beside-section h3 a')).map(a => a.getAttribute('href'))")
        .await;
    assert_eq!(shown, serde_json::json!(expected));
    let beside = format!("{} beside {}", this.authority.short_name, other.authority.short_name);
    assert!(b.text("h1").await.contains(&beside));
    b.assert_accessible("a section beside another authority's").await;
    b.open(&server.url(&format!("/a/{slug}/{}?with=atlantis", section.id)), ".notice").await;
    assert!(b.text(".notice").await.contains("no authority called “atlantis”"));
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_compact_matrix_of_every_authority_is_short_and_opens_a_cell_on_demand() {
    let Some((server, b)) = support::setup().await else { return };
    let slugs = support::slugs();
    b.open(&server.url(&format!("/compare?a={}", slugs.join(","))), ".matrix tbody tr[data-topic]").await;
    let visible = b.eval("return document.querySelector('main').innerText.length").await.as_u64().unwrap();
    assert!(visible <= 25_000, "{visible} characters of visible text");
    // A cell's plain words are one click away.
    let summary = ".matrix tbody tr[data-topic] td .cell-details summary";
    assert_eq!(b.eval(&format!("return document.querySelector('{summary}').parentElement.open")).await, false);
    b.click(summary).await;
    assert_eq!(b.eval(&format!("return document.querySelector('{summary}').parentElement.open")).await, true);
    b.assert_accessible("the compact matrix").await;
    // view=full keeps every cell in full.
    b.click(".view-toggle").await;
    b.wait_until("return location.search.includes('view=full') && !document.querySelector('.cell-details')").await;
    let full = b.eval("return document.querySelector('main').innerText.length").await.as_u64().unwrap();
    assert!(full > visible, "in full: {full}, compact: {visible}");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn for_a_case_like_this_only_the_real_differences_remain() {
    let Some((server, b)) = support::setup().await else { return };
    // Two authorities whose rules on the initial meeting and the minutes are equal except for a condition.
    let (a, z) = ("york", "brighton-hove");
    let slugs = support::slugs();
    assert!(slugs.iter().any(|s| s == a) && slugs.iter().any(|s| s == z), "the content lists both: {slugs:?}");
    b.open(&server.url(&format!("/compare?a={a},{z}&diff=1")), ".matrix").await;
    // Without a case, equal values under different conditions are not plain differences.
    let wherever = row_topics(&b).await;
    assert!(!wherever.iter().any(|t| t == "planning_meeting.deadline"), "{wherever:?}");
    // The form sets the case: a child not under direct payments.
    b.wait_for("#case-direct_payments_only").await.select_by_value("no").await.unwrap();
    b.click("#compare-update").await;
    b.wait_until("return location.search.includes('direct_payments_only=no')").await;
    b.wait_for(".case-line").await;
    let query = b.eval("return location.search.slice(1)").await.as_str().unwrap().to_owned();
    let topics = row_topics(&b).await;
    assert_eq!(topics, engine_topics(&query));
    assert!(topics.iter().any(|t| t == "review.interval"), "12 weeks and 3 months still differ: {topics:?}");
    for same in ["planning_meeting.deadline", "records.distribution"] {
        assert!(!topics.iter().any(|t| t == same), "{same} agrees for this case: {topics:?}");
    }
    b.assert_accessible("a pair compared for a case, only differences").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_each_topic_is_a_card_with_its_compact_values() {
    let Some((server, b)) = support::setup().await else { return };
    b.client.set_window_size(390, 844).await.unwrap();
    b.open(&server.url("/compare"), ".matrix tbody tr[data-topic]").await;
    let display =
        b.eval("return getComputedStyle(document.querySelector('.matrix tbody tr[data-topic]')).display").await;
    assert_eq!(display, "block", "one card per topic");
    let wide = b
        .eval(
            "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('main *')) \
             .filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.tagName + '.' + e.className).slice(0, 5)",
        )
        .await;
    assert_eq!(wide, serde_json::json!([]), "no sideways scrolling on a phone");
    let names = b.eval("return getComputedStyle(document.querySelector('.matrix td .cell-authority')).display").await;
    assert_ne!(names, "none", "each value says whose it is");
    b.assert_accessible("the matrix on a phone").await;
    b.quit().await;
}
