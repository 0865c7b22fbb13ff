//! What lets a reader check a page against its source. Every page of an authority ends with the line naming the
//! source it restates and the day the restatement was last checked against it, with a link to what has changed;
//! where the site's settings give an address, a link to report a problem with the page opens an e-mail with the
//! page's address and the section it cites filled in. Also `/a/{authority}/changes`, the change log.

use super::route::Route;
use super::worker::{Answer, Held};
use crate::compare::Library;
use crate::html;
use crate::model::{page_title, Authority, Book, Site};
use crate::query::encode;
use crate::render::trust::{changes_html, provenance_html};
use crate::render::Page;

/// What follows `mailto:` in "Report a problem with this page": the address from the site's settings, and a subject
/// naming the page (`title`) and a body giving its `address` and, where the page is one section, the section it
/// cites, each percent-encoded. `None` when the settings give no address, so the link is not shown.
pub fn report_mailto(site: &Site, title: &str, address: &str, cited: Option<(&Authority, &str)>) -> Option<String> {
    let to = site.report_to.as_deref()?;
    let mut body = format!("Page: {address}\r\n");
    let section = cited.and_then(|(a, id)| Some((a, a.sections.iter().find(|s| s.id == id)?)));
    if let Some((authority, section)) = section {
        let document = authority.document.numbered().map(|n| format!("{n}, ")).unwrap_or_default();
        body.push_str(&format!("Section cited: {}, {document}{}\r\n", authority.short_name, section.numbered_title()));
    }
    body.push_str("\r\nWhat is wrong on this page:\r\n\r\n");
    let subject = format!("Problem with a page: {title}");
    Some(format!("{to}?subject={}&body={}", encode(&subject), encode(&body)))
}

/// A page of the `sources` (the authorities it restates), with the line naming each source under it and, where the
/// site's settings give an address, the link to report a problem with the page at `address` (citing `cited`, the
/// section the page shows, if it shows one).
pub fn sourced(
    page: Page,
    sources: &[&Authority],
    site: &Site,
    address: &str,
    cited: Option<(&Authority, &str)>,
) -> Page {
    let report = report_mailto(site, &page.title, address, cited);
    Page { html: html!("{}{}", page.html, provenance_html(sources, report.as_deref())), title: page.title }
}

/// `/a/{authority}/changes`: what changed in the restatement and when, newest first.
pub fn changes(authority: &Authority, book: &Book) -> Page {
    Page {
        title: page_title(&["What has changed", &authority.short_name]),
        html: changes_html(authority, &book.changes),
    }
}

/// The worker's answer with the line of each authority the route names (its own, and the one a section is shown
/// beside or a quiz moves from) under its page. Authorities the library does not list are left out, and an answer
/// that is not a page is given back as it is.
pub fn sourced_answer(answer: Answer, route: &Route, library: &Library, held: &Held) -> Answer {
    let find = |slug: &str| library.books.iter().find(|b| b.authority.slug == slug).map(|b| &b.authority);
    let other = match route {
        Route::Section { with, .. } => with.as_deref(),
        Route::Quiz { from, .. } => from.as_deref(),
        _ => None,
    };
    let own = route.authority().and_then(find);
    let sources: Vec<&Authority> = own.into_iter().chain(other.and_then(find)).collect();
    if sources.is_empty() {
        return answer;
    }
    let cited = match route {
        Route::Section { section, .. } => own.map(|a| (a, section.as_str())),
        _ => None,
    };
    let address = format!("{}{}", held.base, route.href());
    let with_sources = |page: Page| sourced(page, &sources, &library.site, &address, cited);
    match answer {
        Answer::Page(page) => Answer::Page(with_sources(page)),
        Answer::Kept(page, kept) => Answer::Kept(with_sources(page), kept),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;
    use crate::query::decode;

    fn minimal() -> Authority {
        parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap()
    }

    fn reporting() -> Site {
        Site { report_to: Some("procedures.team@example.org".into()), ..Site::default() }
    }

    #[test]
    fn with_no_address_configured_there_is_no_report_link() {
        let a = minimal();
        assert_eq!(report_mailto(&Site::default(), "T", "https://x.org/a/minimal/one", Some((&a, "one"))), None);
        let page = Page { title: "One".into(), html: html!("<h1>One</h1>") };
        let shown = sourced(page, &[&a], &Site::default(), "https://x.org/a/minimal/one", Some((&a, "one")));
        let html = shown.html.into_string();
        assert!(html.starts_with("<h1>One</h1><footer class=\"provenance\">") && html.contains("Restated from"));
        assert!(!html.contains("mailto:") && !html.contains("Report a problem"), "{html}");
    }

    #[test]
    fn the_report_names_the_page_its_address_and_the_cited_section_percent_encoded() {
        let a = minimal();
        let address = "https://x.org/cin/a/minimal/two?highlight=a b&c#x";
        let tail = report_mailto(&reporting(), "Two – Minimal", address, Some((&a, "two"))).unwrap();
        let (to, query) = tail.split_once('?').unwrap();
        assert_eq!(to, "procedures.team@example.org");
        assert!(!query.contains([' ', '\n', '#', '<', '"']), "every value is percent-encoded: {query}");
        let pairs: Vec<(&str, String)> =
            query.split('&').map(|p| p.split_once('=').unwrap()).map(|(k, v)| (k, decode(v))).collect();
        assert_eq!(pairs[0], ("subject", "Problem with a page: Two – Minimal".to_owned()));
        assert_eq!(pairs[1].0, "body");
        assert!(pairs[1].1.starts_with(&format!("Page: {address}\r\n")), "{:?}", pairs[1].1);
        assert!(pairs[1].1.contains("Section cited: Minimal, Chapter 1.1, 2. Two\r\n"), "{:?}", pairs[1].1);
        let page = Page { title: "Two – Minimal".into(), html: html!("<h1>Two</h1>") };
        let html = sourced(page, &[&a], &reporting(), address, Some((&a, "two"))).html.into_string();
        assert!(html.contains("<a href=\"mailto:procedures.team@example.org?subject=Problem%20with"), "{html}");
        assert!(html.contains("Report a problem with this page</a>"), "{html}");
    }

    #[test]
    fn a_page_of_no_one_section_cites_none_and_an_unknown_section_is_not_cited() {
        let a = minimal();
        let whole = report_mailto(&reporting(), "Minimal", "https://x.org/a/minimal", None).unwrap();
        assert!(!decode(&whole).contains("Section cited"), "{whole}");
        let unknown = report_mailto(&reporting(), "x", "https://x.org/a/minimal/nine", Some((&a, "nine"))).unwrap();
        assert!(!decode(&unknown).contains("Section cited"), "{unknown}");
    }

    #[test]
    fn worker_pages_of_an_authority_get_its_line_and_others_do_not() {
        let mut library = crate::compare::tests::library();
        library.site = reporting();
        let held = Held { base: "https://x.org/cin/".into(), ..Held::default() };
        let page = || Answer::Page(Page { title: "T".into(), html: html!("<h1>T</h1>") });
        let lines = |answer: Answer| match answer {
            Answer::Page(p) | Answer::Kept(p, _) => p.html.as_str().matches("Restated from").count(),
            _ => 0,
        };
        let map = Route::WizardMap { slug: "north".into() };
        let Answer::Page(shown) = sourced_answer(page(), &map, &library, &held) else { panic!() };
        assert!(shown.html.as_str().contains("href=\"a/north/changes\""), "{:?}", shown.html);
        assert!(decode(shown.html.as_str()).contains("Page: https://x.org/cin/wizard/north/map"), "{:?}", shown.html);
        let beside =
            Route::Section { slug: "north".into(), section: "one".into(), with: Some("south".into()), highlight: None };
        assert_eq!(lines(sourced_answer(page(), &beside, &library, &held)), 2, "both authorities' lines");
        let from = Route::Quiz { slug: "north".into(), from: Some("west".into()), seed: None };
        let kept = Answer::Kept(Page { title: "Q".into(), html: html!("<h1>Q</h1>") }, "{}".into());
        assert_eq!(lines(sourced_answer(kept, &from, &library, &held)), 2);
        assert_eq!(lines(sourced_answer(page(), &Route::Compare { view: vec![] }, &library, &held)), 0);
        let unknown = Route::Handout { slug: "atlantis".into() };
        assert_eq!(lines(sourced_answer(page(), &unknown, &library, &held)), 0, "an authority not listed has none");
        let go = Answer::Go("wizard/north?in_need=yes".into());
        let wizard = Route::Wizard { slug: "north".into(), way: crate::wizard::Way::Case, walk: vec![] };
        assert_eq!(sourced_answer(go.clone(), &wizard, &library, &held), go);
    }
}
