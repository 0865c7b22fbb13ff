//! The site with 150 generated authorities beside the real ones (`target/dist-150`, which the README's test command
//! builds with `scripts/build-synthetic.sh 150 target/dist-150`): the start page's filter over names and its groups
//! by region, checked with axe-core; the page written for readers without JavaScript listing every authority; the
//! search page's list of authorities by name, with its filter; and the injection catalogue typed into the start
//! page's filter.

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Server;

/// The site with the generated authorities.
const DIST: &str = "target/dist-150";

/// The real authorities plus the 150 generated ones.
const TOTAL: usize = 155;

/// The nine English regions, in the order the start page lists them.
const REGIONS: [&str; 9] = [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
];

/// Each region's heading text and the number of authorities listed under it, in page order.
const GROUPS: &str = "return [...document.querySelectorAll('#authority-list section.region')].map(s => \
     [s.querySelector('h2').textContent, s.querySelectorAll('li').length])";

fn server() -> Server {
    Server::start(support::built(DIST), "")
}

/// Types `text` into the start page's filter, replacing what was there, a key at a time.
async fn type_filter(b: &Browser, text: &str) {
    b.eval("const f = document.getElementById('authority-filter'); f.value = ''; f.focus(); return true").await;
    b.wait_for("#authority-filter").await.send_keys(text).await.expect("type into the filter");
}

/// The regions shown, each with its heading and how many authorities it lists; checks that each heading's count
/// is the number of lines under it.
async fn groups(b: &Browser) -> Vec<(String, usize)> {
    let found: Vec<(String, usize)> = serde_json::from_value(b.eval(GROUPS).await).unwrap();
    for (heading, lines) in &found {
        assert!(heading.ends_with(&format!("({lines})")), "the heading {heading:?} counts {lines} lines");
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_page_filters_many_authorities_and_groups_them_by_region() {
    let server = server();
    let Some(b) = Browser::start().await else { return };
    b.open(&server.url("/"), "#authority-filter").await;

    // Every authority, one line each, in the nine regions in their order; no cards.
    assert_eq!(b.text("#authority-count").await, format!("{TOTAL} authorities in 9 regions."));
    let all = groups(&b).await;
    let names: Vec<&str> = all.iter().map(|(h, _)| h.rsplit_once(" (").unwrap().0).collect();
    assert_eq!(names, REGIONS);
    assert_eq!(all.iter().map(|(_, n)| n).sum::<usize>(), TOTAL);
    assert_eq!(b.eval("return document.querySelectorAll('.card').length").await, 0);
    let label = b.eval("return document.querySelector('label[for=authority-filter]').textContent").await;
    assert_eq!(label, "Find an authority by name");
    // The first screen holds the filter and the first region's heading with its first authorities.
    let fits =
        "const h = innerHeight; return document.getElementById('authority-filter').getBoundingClientRect().bottom < h \
                && document.querySelector('#authority-list li').getBoundingClientRect().bottom < h";
    assert_eq!(b.eval(fits).await, true, "the filter and the first region are on the first screen");
    b.assert_axe_finds_nothing("the start page with every authority").await;

    // Typing narrows the list as it goes, and the count says how many match.
    type_filter(&b, "Synthetic Council 12").await;
    b.wait_until("return document.querySelectorAll('#authority-list li').length === 11").await;
    assert_eq!(b.text("#authority-count").await, format!("11 of {TOTAL} authorities match “Synthetic Council 12”."));
    // scripts/synthetic.py puts generated authority n in the (n mod 9)-th region.
    let mut expected = vec![0; REGIONS.len()];
    for n in [12].into_iter().chain(120..=129) {
        expected[n % REGIONS.len()] += 1;
    }
    let expected: Vec<(String, usize)> =
        REGIONS.iter().zip(expected).map(|(name, n)| (format!("{name} ({n})"), n)).collect();
    assert_eq!(groups(&b).await, expected);
    b.assert_axe_finds_nothing("the start page filtered").await;

    // A real authority by its short name, under its own region.
    type_filter(&b, "york").await;
    b.wait_until("return document.querySelectorAll('#authority-list li').length === 1").await;
    assert_eq!(groups(&b).await, vec![("Yorkshire and the Humber (1)".to_owned(), 1)]);
    b.click("#authority-list li a").await;
    b.wait_for("main h1").await;
    b.wait_until("return location.pathname === '/a/york'").await;
    assert!(b.text("main h1").await.contains("York"));

    // Nothing matches: the page says so, and the filter still has focus to try again.
    b.open(&server.url("/"), "#authority-filter").await;
    type_filter(&b, "zzzz").await;
    b.wait_until("return document.querySelectorAll('#authority-list section').length === 0").await;
    assert_eq!(
        b.text("#authority-count").await,
        format!("No authority's name contains “zzzz”. Clear the box to see all {TOTAL}.")
    );
    assert_eq!(b.eval("return document.activeElement.id").await, "authority-filter");
    let clear = "const f = document.getElementById('authority-filter'); f.value = ''; \
                 f.dispatchEvent(new Event('input', {bubbles: true})); return true";
    b.eval(clear).await;
    b.wait_until(&format!("return document.querySelectorAll('#authority-list li').length === {TOTAL}")).await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_written_start_page_lists_every_authority() {
    let server = server();
    let Some(b) = Browser::start_without_javascript().await else { return };
    b.open_static(&server.url("/"), "#authority-list li").await;
    let lines = b.eval("return document.querySelectorAll('#authority-list li').length").await;
    assert_eq!(lines, TOTAL);
    assert_eq!(b.eval("return document.querySelectorAll('#authority-list h2').length").await, 9);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_pages_authorities_are_by_name_and_filterable() {
    let server = server();
    let Some(b) = Browser::start().await else { return };
    b.open(&server.url("/search?q=review"), "#search-a-filter").await;
    let names: Vec<String> = serde_json::from_value(
        b.eval("return [...document.querySelectorAll('#search-a option')].slice(1).map(o => o.textContent)").await,
    )
    .unwrap();
    assert_eq!(names.len(), TOTAL);
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "the authorities are listed by name");
    b.wait_for("#search-a-filter").await.send_keys("coventry").await.expect("type into the filter");
    let visible = "return [...document.querySelectorAll('#search-a option')].slice(1).filter(o => !o.hidden)\
                   .map(o => o.textContent)";
    b.wait_until(&format!("const v = (() => {{ {visible} }})(); return v.length === 1 && v[0] === 'Coventry'")).await;
    b.assert_axe_finds_nothing("the search page with every authority").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_payload_typed_into_the_start_pages_filter_runs() {
    crate::injection::no_payload_typed_runs(&server(), ["/", "#authority-filter", "#authority-filter"], true).await;
}
