//! End-to-end tests of what lets a reader check a page against its source, in headless Chromium: every page of an
//! authority (made on the page or in the background worker) ends with "Restated from …; checked against the source
//! on …", which prints (the print stylesheet, emulated, leaves it shown); `/a/{authority}/changes` opens from the
//! overview and lists the changes newest first; "Report a problem with this page" appears only when the site's
//! settings give an address, and then fills in the page's address and the section it cites.

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support;
use crate::support::browser::Browser;
use cin_procedure_explorer::model::{Authority, PartialDate};

/// Whether the first element matching `selector` is laid out (not hidden by itself or an ancestor).
async fn laid_out(b: &Browser, selector: &str) -> bool {
    let script = format!(
        "const el = document.querySelector({}); return !!el && el.getClientRects().length > 0",
        Value::from(selector)
    );
    b.eval(&script).await == Value::Bool(true)
}

/// The day an authority's restatement was last checked, as the pages show it.
fn checked(authority: &Authority) -> String {
    PartialDate::from(authority.checked_on).to_string()
}

/// Waits for the page's line naming its source and returns its text.
async fn restated(b: &Browser) -> String {
    b.text("main .provenance .restated").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_of_an_authority_and_its_print_name_the_source_and_the_day_it_was_checked() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    for entry in &all.entries {
        let a = &entry.authority;
        b.open(&server.url(&format!("/a/{}", a.slug)), "main .provenance").await;
        let line = restated(&b).await;
        assert!(line.starts_with(&format!("Restated from {}", a.document.title)), "{}: {line}", a.slug);
        assert!(line.contains(&format!("published by {}", a.name)), "{line}");
        if let Some(number) = &a.document.number {
            assert!(line.contains(number.as_str()), "{}: the line names the number {number}: {line}", a.slug);
        }
        if let Some(manual) = &a.document.manual {
            assert!(line.contains(&format!("in the manual {manual}")), "{line}");
        }
        assert!(line.contains(&format!("checked against the source on {}.", checked(a))), "{line}");
        let facts = b.text(".source-header .facts").await;
        assert!(facts.contains(&format!("Checked against the source\n{}", checked(a))), "{facts}");
        if a.web_address.is_none() {
            assert!(facts.contains("no address given in the source"), "{facts}");
        }
    }
    // Every kind of page of one authority: made on the page, and made in the background worker.
    let entry = &all.entries[0];
    let (a, section) = (&entry.authority, &entry.procedure.sections[0]);
    let other = &all.entries[all.entries.len() - 1].authority;
    let slug = &a.slug;
    let pages = [
        (format!("/a/{slug}/{}", section.id), ".prose"),
        (format!("/a/{slug}/rules"), ".rules-page"),
        (format!("/a/{slug}/changes"), ".changes"),
        (format!("/a/{slug}/{}?with={}", section.id, other.slug), ".compare-sections h1"),
        (format!("/deadlines/{slug}"), ".deadlines-form"),
        (format!("/wizard/{slug}"), ".wizard h1"),
        (format!("/wizard/{slug}/map"), ".wizard-map-page h1"),
        (format!("/train/{slug}/quiz"), ".training h1"),
        (format!("/train/{slug}/cases"), ".training h1"),
        (format!("/train/{slug}/handout"), ".handout-table"),
    ];
    for (path, ready) in &pages {
        b.open(&server.url(path), ready).await;
        let line = restated(&b).await;
        assert!(line.contains(&format!("checked against the source on {}.", checked(a))), "{path}: {line}");
        assert!(line.contains(&a.document.title), "{path}: {line}");
        b.assert_accessible(path).await;
        // In print the line is still laid out; the links beside it are not.
        b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
        assert!(laid_out(&b, "main .provenance .restated").await, "{path}: the line is hidden in print");
        assert!(!laid_out(&b, "main .provenance .restated a").await, "{path}: a link prints");
        b.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await;
        assert!(laid_out(&b, "main .provenance .restated a").await, "{path}: the link to what has changed");
    }
    let beside = server.url(&format!("/a/{slug}/{}?with={}", section.id, other.slug));
    b.open(&beside, ".compare-sections h1").await;
    b.wait_for("main .provenance .restated + .restated").await;
    let lines = b
        .eval("return Array.from(document.querySelectorAll('main .provenance .restated')).map(p => p.textContent)")
        .await;
    let lines: Vec<String> = serde_json::from_value(lines).unwrap();
    assert!(lines.len() == 2 && lines[1].contains(&other.document.title), "both sources are named: {lines:?}");
    // The start page and the comparison belong to no one authority.
    b.open(&server.url("/"), ".cards li").await;
    assert!(b.client.find(Locator::Css("main .provenance")).await.is_err(), "the start page has no source line");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_change_log_opens_from_the_overview_newest_first() {
    let Some((server, b)) = support::setup().await else { return };
    for entry in support::all().entries {
        let slug = &entry.authority.slug;
        b.open(&server.url(&format!("/a/{slug}")), ".source-header").await;
        b.click(".source-header a[href$='/changes']").await;
        b.wait_until(&format!("return location.pathname === '/a/{slug}/changes'")).await;
        b.wait_for(".changes-page h1").await;
        assert!(b.text("h1").await.contains("what has changed in this restatement"));
        let days = b.eval("return Array.from(document.querySelectorAll('.changes > li > h2 time')).map(t => t.getAttribute('datetime'))").await;
        let days: Vec<String> = serde_json::from_value(days).unwrap();
        let mut expected: Vec<String> = entry.changes.iter().map(|c| c.date.to_string()).collect();
        expected.dedup();
        assert_eq!(days, expected, "{slug}: one heading a day, newest first");
        let items = b.client.find_all(Locator::Css(".changes > li > ul > li")).await.unwrap();
        assert_eq!(items.len(), entry.changes.len(), "{slug}");
        let title = b.eval("return document.title").await;
        assert!(title.as_str().unwrap().starts_with("What has changed"), "{title}");
        b.assert_accessible(&format!("/a/{slug}/changes")).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_a_problem_is_shown_only_with_an_address_configured_and_fills_in_the_page() {
    let Some((server, b)) = support::setup().await else { return };
    let entry = &support::all().entries[0];
    let (slug, section) = (&entry.authority.slug, &entry.procedure.sections[0]);
    let path = format!("/a/{slug}/{}", section.id);
    b.open(&server.url(&path), "main .provenance").await;
    assert!(b.client.find(Locator::Css("a[href^='mailto:']")).await.is_err(), "no address is configured");

    server.set_override("/data/site.json", 200, r#"{ "report_to": "procedures.team@example.org" }"#);
    b.open(&server.url(&path), "main .provenance .report a").await;
    let link = b.wait_for("main .provenance .report a").await;
    assert_eq!(link.text().await.unwrap(), "Report a problem with this page");
    let href = link.attr("href").await.unwrap().unwrap();
    let tail = href.strip_prefix("mailto:procedures.team@example.org?subject=").expect("a mailto: link");
    let decoded = cin_procedure_explorer::query::decode(tail);
    assert!(decoded.contains(&format!("Page: {}", server.url(&path))), "{decoded}");
    assert!(decoded.contains(&format!("Section cited: {}", entry.authority.short_name)), "{decoded}");
    assert!(decoded.contains(&section.title), "{decoded}");
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
    assert!(!laid_out(&b, "main .provenance .report a").await, "the report link does not print");
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await;
    // A page the background worker makes reads the same settings.
    let map = format!("/wizard/{slug}/map");
    b.open(&server.url(&map), "main .provenance .report a").await;
    let href = b.wait_for("main .provenance .report a").await.attr("href").await.unwrap().unwrap();
    let decoded = cin_procedure_explorer::query::decode(&href);
    assert!(decoded.contains(&format!("Page: {}", server.url(&map))), "{decoded}");
    b.assert_accessible(&map).await;
    b.quit().await;
}
