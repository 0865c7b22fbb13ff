//! The pages the background worker answers: the comparison ([`super::compare`]), the glossary, a section beside
//! another authority's, search ([`super::search`]) and training ([`super::training`]). One `match` says which
//! route is answered how; every value from the address is checked against the library before it is used.

use super::route::Route;
use crate::compare::csv::{csv, file_name};
use crate::compare::view::{shown, View};
use crate::compare::{rows, Library, Row};
use crate::html;
use crate::html::Html;
use crate::model::{page_title, AuthorityData, Book, Procedure};
use crate::render::frame::unknown_route_html;
use crate::render::glossary::{a_to_z_html, entry_html};
use crate::render::section::side_by_side_html;
use crate::render::Page;
use crate::search::Index;
use chrono::{DateTime, NaiveDate, Utc};

/// What the worker holds for every page but search: the library and its comparison rows (worked out once, with the
/// library). The library cannot change once held, so the rows stay true to it.
pub struct Service {
    library: Library,
    rows: Vec<Row>,
}

impl Service {
    /// A service for a library, with its comparison rows.
    pub fn new(library: Library) -> Service {
        Service { rows: rows(&library), library }
    }

    /// The library.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Every topic × authority of the library ([`crate::compare::rows`]).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }
}

/// Whether each authority's rules alone (no procedure text, glossary or worked cases) make the route's page: the
/// comparison, a topic across authorities, the wizard, its map and the deadlines page.
pub fn rules_suffice(route: &Route) -> bool {
    matches!(
        route,
        Route::Compare { .. }
            | Route::CompareTopic { .. }
            | Route::Wizard { .. }
            | Route::WizardMap { .. }
            | Route::Deadlines { .. }
    )
}

/// The authority a search route looks in (its `a=`: a slug, or empty for every authority); `None` for a route that
/// is not a search. A search needs the published search index ([`crate::search::data`]), not the library.
pub fn search_scope(route: &Route) -> Option<&str> {
    match route {
        Route::Search { a, .. } => Some(a),
        _ => None,
    }
}

/// The worker's answer for a search route from the search index: the results page, or the few results under the
/// header's box; `None` for a route that is not a search.
pub fn search(index: &Index, want: Want, route: &Route) -> Option<Answer> {
    let Route::Search { q, a } = route else { return None };
    let page = match want {
        Want::Results => Page { title: String::new(), html: super::search::box_html(index, q, a) },
        Want::Page | Want::File => super::search::page(index, q, a),
    };
    Some(Answer::Page(page))
}

/// What the page asks the worker for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The route's page.
    Page,
    /// The route's file: the comparison it shows as CSV, or the case's deadlines as an `.ics` calendar.
    File,
    /// The few results shown under the header's search box, for a search route.
    Results,
}

impl Want {
    /// The word that names it in a request.
    pub fn id(self) -> &'static str {
        match self {
            Want::Page => "page",
            Want::File => "file",
            Want::Results => "results",
        }
    }

    /// The request word's meaning; `None` for an unknown word.
    pub fn from_id(id: &str) -> Option<Want> {
        [Want::Page, Want::File, Want::Results].into_iter().find(|w| w.id() == id)
    }
}

/// What the worker answers: a page, or a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A page: its title and HTML.
    Page(Page),
    /// A page, and what the browser should keep for it in place of what it held ([`Route::kept_key`]): the
    /// learner's progress, or the wizard's walk (empty: forget it).
    Kept(Page, String),
    /// An answer the wizard accepted: the address (relative to the site's base) the walk moves on to.
    Go(String),
    /// What changes on a form's page once the worker has read the form (the deadlines page).
    Update(Update),
    /// A file to save: its name and its text.
    File {
        /// The name to save it as.
        name: String,
        /// Its text.
        text: String,
    },
}

/// What changes on a form's page once the form is read, without making the form again (so what is typed, and
/// the focus, stay): the address the page now stands for, boxes to fill, each date field's error, and parts of the
/// page made again, by element id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Update {
    /// The page's new address, relative to the site's base.
    pub href: String,
    /// Input boxes to fill: (element id, value).
    pub fill: Vec<(String, String)>,
    /// Each field's error, or `None` to clear it: (field id, message).
    pub errors: Vec<(String, Option<String>)>,
    /// Parts of the page to make again: (element id, its new content).
    pub parts: Vec<(String, Html)>,
}

/// What the page sends beside a route: what this browser keeps for it ([`Route::kept_key`], which the worker
/// cannot read itself), the form just sent as name–value pairs, and the site's own address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held {
    /// What is kept for the route, as stored; empty for none.
    pub saved: String,
    /// The form just sent; empty when the page was only opened.
    pub form: Vec<(String, String)>,
    /// The site's address (its origin and base path, ending in `/`): a printed page and a calendar file name
    /// the page they came from.
    pub base: String,
}

impl Held {
    /// The value of a field of the form just sent; empty when it was not sent.
    pub fn field(&self, name: &str) -> String {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

/// The browser's clock, as the worker reads it: today's date where the browser is, and the time now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Today, in the browser's time zone.
    pub today: NaiveDate,
    /// Now (for the time a calendar file is made).
    pub now: DateTime<Utc>,
}

fn glossary_entry(library: &Library, id: &str) -> Page {
    let all = Route::Glossary { filter: String::new() }.href();
    match library.glossary.iter().find(|t| t.id == id) {
        Some(term) => Page {
            title: page_title(&[&term.term, "Glossary"]),
            html: html!(
                "{}<p class=\"back\"><a href=\"{}\">All terms, A to Z</a></p>",
                entry_html(term, &library.glossary, &library.catalogue()),
                all
            ),
        },
        None => Page {
            title: page_title(&["Term not found", "Glossary"]),
            html: html!(
                "<h1>Term not found</h1><p>The glossary has no entry <code>{}</code>.</p><p class=\"back\"><a \
                 href=\"{}\">All terms, A to Z</a></p>",
                id,
                all
            ),
        },
    }
}

/// A section beside another authority's sections on the same topics; a notice for anything the library lacks.
fn beside(library: &Library, slug: &str, section: &str, with: &str) -> Page {
    let find = |slug: &str| library.books.iter().find(|b| b.authority.slug == slug);
    let notice = |text: Html, back: Route| Page {
        title: page_title(&["Not found", "Compare"]),
        html: html!(
            "<p class=\"notice\" role=\"status\">{} <a href=\"{}\">Back to the section</a></p>",
            text,
            back.href()
        ),
    };
    let Some(this) = find(slug) else {
        return notice(html!("There is no authority called “{}”.", slug), Route::Home);
    };
    let authority = Route::Authority { slug: slug.to_owned() };
    let Some(place) = this.sections.iter().find(|s| s.id == section) else {
        return notice(html!("There is no section “{}”.", section), authority);
    };
    let alone = Route::Section { slug: slug.to_owned(), section: section.to_owned(), with: None, highlight: None };
    let Some(other) = find(with) else {
        return notice(html!("There is no authority called “{}” to compare with.", with), alone);
    };
    let book = |d: &AuthorityData| Book {
        procedure: Procedure { sections: d.sections.clone() },
        rules: d.rules.clone(),
        ..Book::default()
    };
    Page {
        title: page_title(&[&place.title, &this.authority.short_name, "Compare"]),
        html: side_by_side_html(place, (&this.authority, &book(this)), (&other.authority, &book(other))),
    }
}

/// A route the worker does not answer.
fn not_worker_page(library: &Library, route: &Route) -> Page {
    Page {
        title: page_title(&["Not found"]),
        html: unknown_route_html(&route.path_and_query().0, Some(&library.catalogue())),
    }
}

/// The worker's answer for `route` (`held`: what the page sent beside it; `clock`: the browser's date and time).
/// A page of an authority ends with the line naming its source ([`super::trust::sourced_answer`]).
pub fn page(service: &Service, want: Want, route: &Route, held: &Held, clock: Clock) -> Answer {
    super::trust::sourced_answer(answer(service, want, route, held, clock), route, service.library(), held)
}

/// The answer for `route`, before any line naming a source is added.
fn answer(service: &Service, want: Want, route: &Route, held: &Held, clock: Clock) -> Answer {
    let (library, rows) = (service.library(), service.rows());
    let page = match (want, route) {
        (Want::Page, Route::Compare { view }) => {
            super::compare::matrix(library, rows, &View::from_query(view, library))
        }
        (Want::File, Route::Compare { view }) => {
            let view = View::from_query(view, library);
            let text = csv(&shown(rows, &view, library), &view, library);
            return Answer::File { name: file_name(&view, library), text };
        }
        (Want::Page, Route::CompareTopic { topic }) => super::compare::topic(library, rows, topic),
        (Want::Page, Route::Glossary { filter }) => {
            Page { title: page_title(&["Glossary"]), html: a_to_z_html(&library.glossary, filter) }
        }
        (Want::Page, Route::Term { id }) => glossary_entry(library, id),
        (Want::Page, Route::Section { slug, section, with: Some(with), .. }) => beside(library, slug, section, with),
        (
            Want::Page,
            Route::Train | Route::Quiz { .. } | Route::QuizSheet { .. } | Route::Handout { .. } | Route::Cases { .. },
        ) => {
            return super::training::page(library, route, held);
        }
        (Want::Page, Route::Wizard { slug, way, walk }) => {
            return super::wizard::answer(library, slug, *way, walk, held, clock.today)
        }
        (Want::Page, Route::WizardMap { slug }) => super::wizard::map_page(library, slug),
        (Want::Page, Route::Deadlines { slug, case }) => {
            return super::deadlines::answer(library, slug, case, held, clock.today)
        }
        (Want::File, Route::Deadlines { slug, case }) => {
            return super::deadlines::ics_file(library, route, slug, case, held, clock)
        }
        (Want::File, Route::Wizard { slug, walk, .. }) => {
            return super::deadlines::ics_file(library, route, slug, walk, held, clock)
        }
        _ => not_worker_page(library, route),
    };
    Answer::Page(page)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::compare::tests::library;

    /// A clock on Monday 30 March 2026.
    pub fn clock() -> Clock {
        let today = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
        Clock { today, now: today.and_hms_opt(9, 0, 0).unwrap().and_utc() }
    }

    fn ask(service: &Service, path: &str, query: &str) -> Page {
        match page(service, Want::Page, &Route::parse(path, query).0, &Held::default(), clock()) {
            Answer::Page(page) | Answer::Kept(page, _) => page,
            other => panic!("a page was asked for: {other:?}"),
        }
    }

    #[test]
    fn each_route_is_answered() {
        let service = Service::new(library());
        assert!(ask(&service, "/compare", "a=north,south").html.as_str().contains("<table"));
        let csv = page(&service, Want::File, &Route::Compare { view: vec![] }, &Held::default(), clock());
        assert!(
            matches!(csv, Answer::File { name, text } if name.starts_with("compare-") && text.starts_with("\u{feff}\"Group\""))
        );
        assert!(ask(&service, "/compare/review.chair", "").html.as_str().contains("<h1>Who chairs reviews</h1>"));
        let missing = ask(&service, "/compare/nope", "");
        assert!(missing.html.as_str().contains("no topic <code>nope</code>"));
        assert!(missing.html.as_str().contains("compare/review.chair"));
        assert!(ask(&service, "/elsewhere", "").title.starts_with("Not found"));
    }

    #[test]
    fn the_glossary_and_sections_side_by_side_are_answered() {
        let mut library = library();
        library.glossary = serde_json::from_str(
            r#"[{"id":"tac","term":"TAC","expansion":"Team Around the Child","definition":"A meeting.","used_by":["north"]},
                {"id":"caf","term":"CAF","expansion":"Common Assessment Framework","definition":"A form."}]"#,
        )
        .unwrap();
        let service = Service::new(library.clone());
        let list = ask(&service, "/glossary", "filter=team").html.into_string();
        assert!(list.contains("1 term shown.") && list.contains("href=\"glossary/tac\""), "{list}");
        let entry = ask(&service, "/glossary/tac", "");
        assert!(entry.title.starts_with("TAC – Glossary") && entry.html.as_str().contains("<a href=\"a/north\">"));
        assert!(ask(&service, "/glossary/zzz", "").html.as_str().contains("no entry <code>zzz</code>"));
        library.books[0].sections =
            vec![serde_json::from_str(r#"{"id":"one","title":"One","source":"s","headings":[]}"#).unwrap()];
        let service = Service::new(library.clone());
        let beside = ask(&service, "/a/north/one", "with=south").html.into_string();
        assert!(beside.contains("North beside South"), "{beside}");
        let unknown = ask(&service, "/a/north/one", "with=atlantis").html.into_string();
        assert!(unknown.contains("no authority called “atlantis”") && unknown.contains("href=\"a/north/one\""));
        assert!(ask(&service, "/a/north/nine", "with=south").html.as_str().contains("no section “nine”"));
        // Search is answered from the published index, not the library.
        let index = crate::search::build::published(&library).unwrap();
        let route = Route::parse("/search", "q=one").0;
        assert_eq!(search_scope(&route), Some(""));
        let found = search(&index, Want::Page, &route);
        assert!(matches!(found, Some(Answer::Page(p)) if p.html.as_str().contains("<ol class=\"results\">")));
        let empty = Route::Search { q: String::new(), a: "north".into() };
        assert_eq!(search_scope(&empty), Some("north"));
        assert!(matches!(search(&index, Want::Results, &empty), Some(Answer::Page(p)) if p.html.is_empty()));
        let glossary = Route::Glossary { filter: String::new() };
        assert!(search_scope(&glossary).is_none() && search(&index, Want::Page, &glossary).is_none());
    }

    #[test]
    fn values_from_the_address_are_text_on_every_worker_page() {
        let service = Service::new(library());
        let index = crate::search::build::published(service.library()).unwrap();
        let hostile = "\"><img src=x onerror=alert(1)>";
        for (path, query) in [
            (format!("/a/north/{}", crate::query::encode(hostile)), "with=x".to_owned()),
            ("/a/north/one".to_owned(), format!("with={}", crate::query::encode(hostile))),
            (format!("/a/{}/one", crate::query::encode(hostile)), "with=south".to_owned()),
            ("/search".to_owned(), format!("q=x%0A{}", crate::query::encode(hostile))),
            ("/search".to_owned(), format!("a={}", crate::query::encode(hostile))),
            (format!("/compare/{}", crate::query::encode(hostile)), String::new()),
            (
                "/compare".to_owned(),
                format!("a={}&group={}", crate::query::encode(hostile), crate::query::encode(hostile)),
            ),
            (format!("/glossary/{}", crate::query::encode(hostile)), String::new()),
            ("/glossary".to_owned(), format!("filter={}", crate::query::encode(hostile))),
        ] {
            let route = Route::parse(&path, &query).0;
            let html = match search(&index, Want::Page, &route) {
                Some(Answer::Page(page)) => page.html.into_string(),
                _ => ask(&service, &path, &query).html.into_string(),
            };
            assert!(!html.contains("<img"), "{path}?{query}: {html}");
        }
    }
}
