//! The pages the main side makes from what it has loaded: the start page, an authority's overview, a section, its
//! rules, its change log, the whole procedure on one page, and the not-found pages. Every slug and id from the
//! address is looked up in the loaded content; what is not there gets a not-found page naming it as text. Each page
//! of an authority ends with the line naming its source ([`super::trust::sourced`]).

use chrono::NaiveDate;

use super::route::Route;
use crate::compare::Library;
use crate::html;
use crate::model::{page_title, Authority, Book, Catalogue, Listing, Procedure, Status};
use crate::render::authority::{overview_html, source_dates_html};
use crate::render::frame::{unknown_route_html, unknown_section_html};
use crate::render::highlight::highlight_words;
use crate::render::rule_card::{rules_by_topic_html, CardContext};
use crate::render::section::{section_html, whole_procedure_html};
use crate::render::start::start_html;
use crate::render::Page;

/// What a main-side page is made from.
pub struct Content<'a> {
    /// Every authority.
    pub catalogue: &'a Catalogue,
    /// The route's authority and its book, once loaded (`None` for routes that name no authority).
    pub book: Option<(&'a Authority, &'a Book)>,
    /// Today, for the dates a source states.
    pub today: NaiveDate,
    /// The page's own address, printed with it.
    pub address: &'a str,
}

/// The card context for an authority's book.
pub fn card_context<'a>(authority: &'a Authority, book: &'a Book) -> CardContext<'a> {
    CardContext { authority, topics: &book.topics, roles: &book.roles }
}

/// The start page.
fn home(content: &Content) -> Page {
    Page {
        title: page_title(&[]),
        html: html!(
            "<h1>Child in Need procedures, authority by authority</h1><p class=\"lead\">Read English councils' Child \
             in Need (Children Act 1989, section 17) planning and review procedures, restated plainly, with every \
             point tied to the section of the source it comes from.</p>{}",
            start_html(content.catalogue, content.today)
        ),
    }
}

/// `/a/{authority}/rules`.
fn rules(authority: &Authority, book: &Book) -> Page {
    let count = book.rules.len();
    let not_stated = book.rules.iter().filter(|r| r.status == Status::NotStated).count();
    let ambiguous = book.rules.iter().filter(|r| r.status == Status::Ambiguous).count();
    Page {
        title: page_title(&["Rules", &authority.short_name]),
        html: html!(
            "<div class=\"rules-page\"><p class=\"breadcrumb\"><a href=\"{}\">Authorities</a> › <a href=\"{}\">{}</a> › \
             Rules</p><h1>{}: every rule by topic</h1><p class=\"lead\">{} rules: {} ambiguous, {} marked not stated. \
             Each cites the section it comes from.</p>{}</div>",
            Route::Home.href(),
            Route::Authority { slug: authority.slug.clone() }.href(),
            authority.short_name,
            authority.short_name,
            count,
            ambiguous,
            not_stated,
            rules_by_topic_html(&book.rules, &card_context(authority, book))
        ),
    }
}

/// `/a/{authority}/all`: the whole procedure on one page.
fn whole(content: &Content, authority: &Authority, book: &Book) -> Page {
    let dates = source_dates_html(&Listing::of(authority), content.catalogue, content.today);
    Page {
        title: page_title(&["The whole procedure", &authority.short_name]),
        html: whole_procedure_html(book, &card_context(authority, book), dates, content.address),
    }
}

/// `/a/{authority}/{section}`, its words marked where a search opened it.
fn section(content: &Content, authority: &Authority, book: &Book, id: &str, highlight: &str) -> Page {
    let Some(place) = book.procedure.neighbours(id) else {
        return Page {
            title: page_title(&["Section not found", &authority.short_name]),
            html: html!("<div class=\"not-found\">{}</div>", unknown_section_html(authority, book, id)),
        };
    };
    let words = highlight_words(highlight);
    let marked = crate::model::Section {
        html: place.current.body_html().mark_words(&words).into_string(),
        ..place.current.clone()
    };
    let place = crate::model::Neighbours { current: &marked, ..place };
    let others: Vec<&Listing> = content.catalogue.authorities.iter().collect();
    Page {
        title: page_title(&[&place.current.title, &authority.short_name]),
        html: html!(
            "<div class=\"with-sidebar\">{}</div>",
            section_html(&place, book, &card_context(authority, book), &others, content.address)
        ),
    }
}

/// The page for a route the page itself answers ([`super::Side::Main`]), from the catalogue alone: the start page,
/// or the not-found page naming as text the address asked for.
pub fn catalogue_page(route: &Route, content: &Content) -> Page {
    let asked = match route {
        Route::Home => return home(content),
        Route::NotFound { path } => path.clone(),
        other => other.path_and_query().0,
    };
    Page {
        title: page_title(&["Page not found"]),
        html: html!("<div class=\"not-found\">{}</div>", unknown_route_html(&asked, Some(content.catalogue))),
    }
}

/// The page for a start, not-found or reading route ([`super::Side::Main`], [`super::Side::Reading`]), from the
/// loaded content. Routes that name an authority need its book in `content.book`; without it (the slug is not in
/// the catalogue) they say the authority is not found.
pub fn page(route: &Route, content: &Content) -> Page {
    let not_listed = |slug: &str| super::not_listed(content.catalogue, slug);
    let book = |slug: &str| content.book.filter(|(a, _)| a.slug == slug);
    let sourced = |page: Page, authority: &Authority, cited: Option<&str>| {
        super::trust::sourced(
            page,
            &[authority],
            &content.catalogue.site,
            content.address,
            cited.map(|id| (authority, id)),
        )
    };
    match route {
        Route::Authority { slug } => match book(slug) {
            Some((authority, book)) => sourced(
                Page {
                    title: page_title(&[&authority.short_name]),
                    html: overview_html(authority, content.catalogue, book, content.today),
                },
                authority,
                None,
            ),
            None => not_listed(slug),
        },
        Route::Rules { slug } => match book(slug) {
            Some((authority, book)) => sourced(rules(authority, book), authority, None),
            None => not_listed(slug),
        },
        Route::Changes { slug } => match book(slug) {
            Some((authority, book)) => sourced(super::trust::changes(authority, book), authority, None),
            None => not_listed(slug),
        },
        Route::All { slug } => match book(slug) {
            Some((authority, book)) => whole(content, authority, book),
            None => not_listed(slug),
        },
        Route::Section { slug, section: id, highlight, .. } => match book(slug) {
            Some((authority, book)) if book.procedure.neighbours(id).is_some() => {
                sourced(section(content, authority, book, id, highlight.as_deref().unwrap_or("")), authority, Some(id))
            }
            Some((authority, book)) => section(content, authority, book, id, ""),
            None => not_listed(slug),
        },
        _ => catalogue_page(route, content),
    }
}

/// The page for a start, not-found or reading route from a whole library (at publish time, where every authority's
/// data is at hand), the route's authority's book made from it; `catalogue` is `library.catalogue()`.
pub fn from_library(route: &Route, library: &Library, catalogue: &Catalogue, today: NaiveDate, address: &str) -> Page {
    let data = route.authority().and_then(|slug| library.books.iter().find(|b| b.authority.slug == slug));
    let book = data.map(|d| Book {
        procedure: Procedure { sections: d.sections.clone() },
        rules: d.rules.clone(),
        changes: d.changes.clone(),
        topics: library.topics.clone(),
        roles: library.roles.clone(),
    });
    let content = Content { catalogue, book: data.map(|d| &d.authority).zip(book.as_ref()), today, address };
    page(route, &content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_changes, parse_procedure};

    fn minimal() -> Authority {
        parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap()
    }

    fn fixture() -> (Catalogue, Book) {
        let a = minimal();
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        let changes = parse_changes("minimal", include_str!("../../tests/fixtures/minimal/changes.json")).unwrap();
        let authorities = vec![Listing::of(&a)];
        (Catalogue { authorities, ..Catalogue::default() }, Book { procedure, changes, ..Book::default() })
    }

    fn show(route: &Route, catalogue: &Catalogue, book: &Book) -> Page {
        let authority = minimal();
        let content = Content {
            catalogue,
            book: Some((&authority, book)),
            today: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            address: "https://x.org/a/minimal",
        };
        page(route, &content)
    }

    #[test]
    fn each_main_route_has_its_page() {
        let (catalogue, book) = fixture();
        let slug = "minimal".to_owned();
        let first = book.procedure.sections[0].id.clone();
        assert!(show(&Route::Home, &catalogue, &book).html.as_str().contains("<ul class=\"cards\""));
        assert!(show(&Route::Authority { slug: slug.clone() }, &catalogue, &book).html.as_str().contains("Contents"));
        let rules = show(&Route::Rules { slug: slug.clone() }, &catalogue, &book);
        assert!(rules.title.starts_with("Rules") && rules.html.as_str().contains("every rule by topic"));
        let section = Route::Section { slug: slug.clone(), section: first, with: None, highlight: None };
        assert!(show(&section, &catalogue, &book).html.as_str().contains("rel=\"next\""));
        let whole = show(&Route::All { slug: slug.clone() }, &catalogue, &book);
        assert!(whole.title.starts_with("The whole procedure – Minimal"), "{}", whole.title);
        for s in &book.procedure.sections {
            assert!(whole.html.as_str().contains(&format!("<h2 id=\"{}\">", s.id)), "{}", whole.html.as_str());
        }
        assert!(show(&Route::NotFound { path: "/x".into() }, &catalogue, &book).title.starts_with("Page not found"));
        let changes = show(&Route::Changes { slug: slug.clone() }, &catalogue, &book);
        assert!(changes.title.starts_with("What has changed – Minimal"), "{}", changes.title);
        assert!(changes.html.as_str().contains("<ol class=\"changes\">"), "{:?}", changes.html);
    }

    #[test]
    fn every_page_of_an_authority_ends_with_its_source_and_only_those_pages_do() {
        let (mut catalogue, book) = fixture();
        let slug = "minimal".to_owned();
        let first = book.procedure.sections[0].id.clone();
        let section = Route::Section { slug: slug.clone(), section: first, with: None, highlight: None };
        let pages =
            [Route::Authority { slug: slug.clone() }, Route::Rules { slug: slug.clone() }, Route::Changes { slug }];
        for route in pages.iter().chain([&section]) {
            let html = show(route, &catalogue, &book).html.into_string();
            assert_eq!(html.matches("<footer class=\"provenance\">").count(), 1, "{route:?}: {html}");
            assert!(html.contains("checked against the source on <time datetime=\"2026-11-30\">"), "{route:?}");
            assert!(!html.contains("mailto:"), "no address is configured: {route:?}");
        }
        let missing = Route::Section { slug: "minimal".into(), section: "nine".into(), with: None, highlight: None };
        for route in [Route::Home, missing, Route::NotFound { path: "/x".into() }] {
            assert!(!show(&route, &catalogue, &book).html.as_str().contains("provenance"), "{route:?}");
        }
        catalogue.site.report_to = Some("team@example.org".into());
        let html = show(&section, &catalogue, &book).html.into_string();
        let report = html.split("mailto:").nth(1).expect("a report link once an address is configured");
        let decoded = crate::query::decode(report.split('"').next().unwrap());
        assert!(
            decoded.contains("Page: https://x.org/a/minimal")
                && decoded.contains("Section cited: Minimal, Chapter 1.1, 1. One")
        );
    }

    #[test]
    fn what_the_content_lacks_is_named_as_text() {
        let (catalogue, book) = fixture();
        let hostile = "\"><img src=x onerror=alert(1)>".to_owned();
        let other = show(&Route::Authority { slug: hostile.clone() }, &catalogue, &book).html.into_string();
        assert!(other.contains("Authority not found") && other.contains("&quot;&gt;&lt;img"), "{other}");
        let changes = show(&Route::Changes { slug: hostile.clone() }, &catalogue, &book).html.into_string();
        assert!(changes.contains("Authority not found") && !changes.contains("<img"), "{changes}");
        let whole = show(&Route::All { slug: hostile.clone() }, &catalogue, &book).html.into_string();
        assert!(whole.contains("Authority not found") && !whole.contains("<img"), "{whole}");
        let section = Route::Section { slug: "minimal".into(), section: hostile.clone(), with: None, highlight: None };
        let html = show(&section, &catalogue, &book).html.into_string();
        assert!(html.contains("Section not found") && !html.contains("<img"), "{html}");
        let route = Route::NotFound { path: format!("/{hostile}") };
        let html = show(&route, &catalogue, &book).html.into_string();
        assert!(!html.contains("<img") && html.contains("/&quot;&gt;&lt;img src=x"), "shown decoded, as text: {html}");
        let marked = Route::Section {
            slug: "minimal".into(),
            section: book.procedure.sections[0].id.clone(),
            with: None,
            highlight: Some(hostile),
        };
        assert!(!show(&marked, &catalogue, &book).html.as_str().contains("<img"));
    }
}
