//! Reading that keeps your place, end to end: "On this page" and previous/next above the text on a long section,
//! rule cards folded to a line on a phone and opened from the keyboard, Back (and Forward, and a reload) returning
//! to the same place, the whole procedure on one page, and no internal code on a screen. Every page is checked with
//! axe-core, moderate findings included (heading order among them).

use std::path::PathBuf;
use std::time::Duration;

use cin_procedure_explorer::model::{rules_citing, Section};
use cin_procedure_explorer::publish::Entry;
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

use crate::support;
use crate::support::browser::Browser;

const ABOVE: &str = "nav[aria-label='Previous and next section, above the text']";
const BELOW: &str = "nav[aria-label='Previous and next section, below the text']";

/// Runs axe-core on the page and fails on any violation, whatever its impact.
async fn assert_no_axe_findings(b: &Browser, page: &str) {
    let axe =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core/axe.min.js (run scripts/setup.sh)");
    b.client.execute(&axe, vec![]).await.expect("inject axe-core");
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
             + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe-core failed to run: ' + e]));
    "#;
    let result = b.client.execute_async(script, vec![]).await.expect("run axe-core");
    let violations: Vec<String> = serde_json::from_value(result.clone()).expect("axe-core's list");
    assert!(violations.is_empty(), "axe-core on {page}:\n{}", violations.join("\n"));
}

/// The places "On this page" lists for a section: its headings' ids, then its rules' heading if it has rules.
fn places(entry: &Entry, section: &Section) -> Vec<String> {
    let mut ids: Vec<String> = section.headings.iter().map(|h| h.id.clone()).collect();
    if !rules_citing(&entry.rules, &section.id).is_empty() {
        ids.push("rules-heading".to_owned());
    }
    ids
}

/// The first section, with a section before and after it, that has the most places to go to; its authority and its
/// place in the procedure.
fn long_section(all: &[Entry]) -> (&Entry, usize) {
    all.iter()
        .flat_map(|e| (1..e.procedure.sections.len().saturating_sub(1)).map(move |i| (e, i)))
        .max_by_key(|(e, i)| places(e, &e.procedure.sections[*i]).len())
        .expect("a section between two others")
}

fn path(entry: &Entry, section: &Section) -> String {
    format!("/a/{}/{}", entry.authority.slug, section.id)
}

async fn scroll_y(b: &Browser) -> f64 {
    b.eval("return window.scrollY").await.as_f64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_section_starts_with_on_this_page_and_previous_and_next() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    let (entry, i) = long_section(&all.entries);
    let sections = &entry.procedure.sections;
    let section = &sections[i];
    let expected = places(entry, section);
    assert!(expected.len() >= 3, "the content has a long section: {expected:?}");
    b.open(&server.url(&path(entry, section)), ".on-this-page a").await;

    let listed =
        b.eval("return Array.from(document.querySelectorAll('.on-this-page a')).map(a => a.hash.slice(1))").await;
    assert_eq!(listed, serde_json::json!(expected), "every heading, then the rules, in order");
    for id in &expected {
        let found = b.eval(&format!("return document.getElementById('{id}') !== null")).await;
        assert_eq!(found, Value::Bool(true), "#{id} is on the page");
    }
    // Previous and next above the text, on the first screen, and the same pair again below it.
    let first_screen = b
        .eval(&format!(
            "const r = document.querySelector(\"{ABOVE} a.pager-next\").getBoundingClientRect(); \
             return r.bottom <= innerHeight && r.top >= 0"
        ))
        .await;
    assert_eq!(first_screen, Value::Bool(true), "Next is on the first screen");
    assert!(b.text(&format!("{ABOVE} a.pager-next")).await.contains(&sections[i + 1].title));
    assert!(b.text(&format!("{ABOVE} a.pager-previous")).await.contains(&sections[i - 1].title));
    assert!(b.text(&format!("{BELOW} a.pager-next")).await.contains(&sections[i + 1].title));
    // Only the pair below says rel, which the arrow keys follow; the two lists have their own names.
    let rels = b.eval("return Array.from(document.querySelectorAll('main a[rel]')).map(a => a.rel)").await;
    assert_eq!(rels, serde_json::json!(["prev", "next"]));
    let below = b.eval(&format!("return document.querySelectorAll(\"{BELOW} a[rel]\").length")).await;
    assert_eq!(below, 2);
    assert_no_axe_findings(&b, &path(entry, section)).await;

    // A heading in the list takes the reader to it.
    let target = &expected[1];
    b.click(&format!(".on-this-page a[href$='#{target}']")).await;
    b.wait_until(&format!("return location.hash === '#{target}'")).await;
    b.wait_until(&format!("return Math.abs(document.getElementById('{target}').getBoundingClientRect().top) < 2"))
        .await;
    // Next above the text opens the next section.
    b.click(&format!("{ABOVE} a.pager-next")).await;
    b.wait_until(&format!("return location.pathname === '{}'", path(entry, &sections[i + 1]))).await;
    b.wait_until("return window.scrollY === 0").await;
    b.quit().await;
}

/// A section with at least three rules citing it, with a section after it.
fn section_with_rules(all: &[Entry]) -> (&Entry, usize) {
    all.iter()
        .flat_map(|e| (0..e.procedure.sections.len().saturating_sub(1)).map(move |i| (e, i)))
        .max_by_key(|(e, i)| rules_citing(&e.rules, &e.procedure.sections[*i].id).len())
        .filter(|(e, i)| rules_citing(&e.rules, &e.procedure.sections[*i].id).len() >= 3)
        .expect("a section with three rules")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_rule_cards_are_a_line_each_and_open_from_the_keyboard() {
    let Some((server, b)) = support::setup().await else { return };
    b.client.set_window_size(390, 844).await.unwrap();
    let all = support::all();
    let (entry, i) = section_with_rules(&all.entries);
    let section = &entry.procedure.sections[i];
    let rules = rules_citing(&entry.rules, &section.id);
    b.open(&server.url(&path(entry, section)), ".section-rules details.rule-fold").await;
    let closed =
        b.eval("return Array.from(document.querySelectorAll('.section-rules details')).map(d => d.open)").await;
    assert_eq!(closed, serde_json::json!(vec![false; rules.len()]), "every card folded");
    let first = rules[0];
    let card = format!("[id='{}']", first.id);
    assert!(!b.text(&card).await.contains(&first.summary), "a folded card does not show the rule's words");
    // Folded, the rules take a fraction of the screens they take open: Next is not far down.
    let measure = "return document.querySelector('.section-rules').getBoundingClientRect().height";
    let folded = b.eval(measure).await.as_f64().unwrap();
    assert_no_axe_findings(&b, "a section on a phone").await;

    // The keyboard opens a card and closes it again: Enter, then Space, on its summary.
    let summary = b.client.find(Locator::Css(&format!("{card} summary"))).await.unwrap();
    summary.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_until(&format!("return document.querySelector(\"{card} details\").open")).await;
    assert!(b.text(&card).await.contains(&first.summary), "opened, the card shows the rule's words");
    let focused =
        b.eval(&format!("return document.activeElement === document.querySelector(\"{card} summary\")")).await;
    assert_eq!(focused, Value::Bool(true), "focus stays on the card's summary");
    summary.send_keys(" ").await.unwrap();
    b.wait_until(&format!("return !document.querySelector(\"{card} details\").open")).await;

    b.eval("document.querySelectorAll('.section-rules details').forEach(d => d.open = true)").await;
    let open = b.eval(measure).await.as_f64().unwrap();
    assert!(folded * 2.0 < open, "folded {folded}px against {open}px open");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_wide_screen_rule_cards_are_open() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    let (entry, i) = section_with_rules(&all.entries);
    b.open(&server.url(&path(entry, &entry.procedure.sections[i])), ".section-rules details.rule-fold").await;
    b.wait_until("return Array.from(document.querySelectorAll('.section-rules details')).every(d => d.open)").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_forward_and_reload_return_to_the_same_place_on_the_page() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    let (entry, i) = section_with_rules(&all.entries);
    let sections = &entry.procedure.sections;
    let (here, next) = (path(entry, &sections[i]), path(entry, &sections[i + 1]));
    b.open(&server.url(&here), ".section-rules details[open]").await;
    b.eval("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)").await;
    let y = scroll_y(&b).await;
    assert!(y > 300.0, "the page scrolls: {y}");
    tokio::time::sleep(Duration::from_millis(400)).await;
    let back_at = |y: f64| format!("return Math.abs(window.scrollY - {y}) < 2");

    // A link to the next section, then Back.
    b.eval("document.querySelector('main a[rel=next]').click()").await;
    b.wait_until(&format!("return location.pathname === '{next}'")).await;
    b.wait_until("return window.scrollY === 0").await;
    b.client.back().await.unwrap();
    b.wait_until(&format!("return location.pathname === '{here}'")).await;
    b.wait_until(&back_at(y)).await;
    // Forward: the next section at the top, where it was left.
    b.client.forward().await.unwrap();
    b.wait_until(&format!("return location.pathname === '{next}'")).await;
    b.wait_until("return window.scrollY === 0").await;
    b.client.back().await.unwrap();
    b.wait_until(&back_at(y)).await;
    // A page made in the background worker (the comparison), then Back: the section is made again, in its place.
    b.eval("document.querySelector('header a[href=\"compare\"]').click()").await;
    b.wait_for(".matrix tbody tr[data-topic]").await;
    b.client.back().await.unwrap();
    b.wait_until(&format!("return location.pathname === '{here}'")).await;
    b.wait_until(&back_at(y)).await;
    // A reload keeps the place too.
    b.client.refresh().await.unwrap();
    b.wait_for("article h1").await;
    b.wait_until(&back_at(y)).await;

    // On a phone, the cards the reader opened are open again.
    b.client.set_window_size(390, 844).await.unwrap();
    b.client.goto(&server.url("/")).await.unwrap();
    b.open(&server.url(&here), ".section-rules details.rule-fold").await;
    b.click(".section-rules li:nth-child(2) summary").await;
    b.eval("document.querySelector('.section-rules li:nth-child(2)').scrollIntoView(); window.scrollBy(0, -50)").await;
    let y = scroll_y(&b).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    b.eval("document.querySelector('main a[rel=next]').click()").await;
    b.wait_until(&format!("return location.pathname === '{next}'")).await;
    b.client.back().await.unwrap();
    b.wait_until(&format!("return location.pathname === '{here}'")).await;
    b.wait_until(&back_at(y)).await;
    let open = b.eval("return Array.from(document.querySelectorAll('.section-rules details')).map(d => d.open)").await;
    let open: Vec<bool> = serde_json::from_value(open).unwrap();
    assert_eq!(open.iter().filter(|o| **o).count(), 1, "{open:?}");
    assert!(open[1], "the second card is open again: {open:?}");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_procedure_is_one_page_with_every_section_and_its_rules() {
    let Some((server, b)) = support::setup().await else { return };
    for entry in support::all().entries {
        let slug = &entry.authority.slug;
        b.open(&server.url(&format!("/a/{slug}")), ".contents").await;
        b.click(&format!("a[href='a/{slug}/all']")).await;
        b.wait_for(".whole-procedure .whole-section").await;
        assert_eq!(b.eval("return location.pathname").await, format!("/a/{slug}/all"));
        let ids: Vec<&str> = entry.procedure.sections.iter().map(|s| s.id.as_str()).collect();
        let shown = b.eval("return Array.from(document.querySelectorAll('.whole-section > h2')).map(h => h.id)").await;
        assert_eq!(shown, serde_json::json!(ids), "{slug}: every section, in order");
        let contents =
            b.eval("return Array.from(document.querySelectorAll('.toc .contents a')).map(a => a.hash)").await;
        let hashes: Vec<String> = ids.iter().map(|id| format!("#{id}")).collect();
        assert_eq!(contents, serde_json::json!(hashes), "{slug}: the contents link to them");
        for section in &entry.procedure.sections {
            let h2 = b.text(&format!(".whole-section > h2[id='{}']", section.id)).await;
            assert!(h2.contains(&section.title), "{h2}");
        }
        let cards: usize = entry.procedure.sections.iter().map(|s| rules_citing(&entry.rules, &s.id).len()).sum();
        let counted = b.eval("return document.querySelectorAll('.whole-section .rule-card').length").await;
        assert_eq!(counted, cards, "{slug}: each section's rules");
        assert_eq!(b.eval("return document.querySelectorAll('main details').length").await, 0, "cards open, to print");
        assert!(b.text(".whole-procedure > .source-line").await.contains(&entry.authority.document.title));
        let title = b.eval("return document.title").await;
        assert!(title.as_str().unwrap().starts_with(&format!("The whole procedure – {}", entry.authority.short_name)));
        assert_no_axe_findings(&b, &format!("/a/{slug}/all")).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_screen_shows_an_internal_code() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    let topics: Vec<String> = all.topics.iter().map(|t| t.id.clone()).collect();
    let mut pages: Vec<(String, &str)> = vec![
        ("/compare?route=cp_step_down&review_finding=more_needs&view=full".to_owned(), ".matrix tbody tr"),
        ("/compare?a=".to_owned() + &support::slugs().join(","), ".matrix tbody tr"),
    ];
    for e in &all.entries {
        let slug = &e.authority.slug;
        pages.push((format!("/a/{slug}/rules"), ".rules-page .topic"));
        pages.push((format!("/a/{slug}/all"), ".whole-section"));
        pages.push((format!("/wizard/{slug}/map"), ".flow-map"));
    }
    for (page, ready) in pages {
        b.open(&server.url(&page), ready).await;
        let text = b.eval("return document.querySelector('main').innerText").await;
        let text = text.as_str().unwrap();
        let code = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .find(|word| word.contains('_') || topics.iter().any(|t| word.trim_end_matches('.') == t));
        assert_eq!(code, None, "{page} shows a code");
        for working in ["start from:", "typed value", "baseline"] {
            assert!(!text.contains(working), "{page} says {working:?}");
        }
    }
    b.quit().await;
}
