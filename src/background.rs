//! What the background worker answers. The comparison, the glossary, sections side by side and search run in a Web
//! Worker with their own WebAssembly, fetched the first time one of those pages is used, so the first view of the
//! site does not download them. The
//! page sends `seq\nroute\nquery`; the worker answers `seq\ntitle\nbody`, the body being a page's HTML or a file.

use crate::compare::csv::csv;
use crate::compare::view::{shown, View};
use crate::compare::{rows, Library};
use crate::model::{
    page_title, Authority, AuthorityData, Book, LoadError, Procedure, Role, Term, Topic, DATA_AUTHORITIES,
    DATA_GLOSSARY, DATA_ROLES, DATA_TOPICS,
};
use crate::query::pairs;
use crate::render::compare::{matrix_page, topic_page};
use crate::render::escape;
use crate::render::frame::load_failed_html;
use crate::render::glossary::{a_to_z_html, entry_html};
use crate::render::search::{search_box_html, search_page};
use crate::render::section::side_by_side_html;
use crate::render::Page;
use crate::search::Index;
use std::sync::OnceLock;

/// The matrix page.
pub const COMPARE: &str = "compare";
/// The matrix as CSV.
pub const COMPARE_CSV: &str = "compare.csv";
/// One topic across every authority: `compare/{topic}`.
pub const COMPARE_TOPIC: &str = "compare/";
/// The glossary's A–Z list, under `filter=`.
pub const GLOSSARY: &str = "glossary";
/// One glossary entry: `glossary/{term}`.
pub const GLOSSARY_TERM: &str = "glossary/";
/// A section beside another authority's on the same topics: `beside/{authority}/{section}` with `with=`.
pub const BESIDE: &str = "beside/";
/// The search page, with `q=` and `a=`.
pub const SEARCH: &str = "search";
/// The results under the header's search box, with `q=`.
pub const SEARCH_BOX: &str = "search-box";

/// What the worker holds: the library, and the search index, built the first time a search needs it.
pub struct Service {
    /// The library.
    pub library: Library,
    index: OnceLock<Index>,
}

impl Service {
    /// A service for a library; nothing is indexed yet.
    pub fn new(library: Library) -> Service {
        Service { library, index: OnceLock::new() }
    }

    /// The search index, built now if it has not been.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(&self.library))
    }
}

/// What the worker says once it listens; requests sent before it would be lost.
pub const READY: &str = "ready";

/// A request as the page sends it.
pub fn request(seq: u32, route: &str, query: &str) -> String {
    format!("{seq}\n{route}\n{query}")
}

/// A request's number, route and query; `None` if it is not one.
pub fn read_request(text: &str) -> Option<(u32, &str, &str)> {
    let mut parts = text.splitn(3, '\n');
    let seq = parts.next()?.parse().ok()?;
    Some((seq, parts.next()?, parts.next().unwrap_or("")))
}

/// An answer as the worker sends it.
pub fn reply(seq: u32, page: &Page) -> String {
    format!("{seq}\n{}\n{}", page.title, page.html)
}

/// An answer's number and page; `None` if it is not one.
pub fn read_reply(text: &str) -> Option<(u32, Page)> {
    let mut parts = text.splitn(3, '\n');
    let seq = parts.next()?.parse().ok()?;
    let title = parts.next()?.to_owned();
    Some((seq, Page { title, html: parts.next().unwrap_or("").to_owned() }))
}

/// Assembles the library from the published files' texts: each authority's data (path and text) in display
/// order, the topics, the roles and the glossary.
pub fn library(books: Vec<(String, String)>, topics: &str, roles: &str, glossary: &str) -> Result<Library, LoadError> {
    let books = books
        .iter()
        .map(|(path, text)| crate::model::parse_json::<AuthorityData>(path, text))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Library {
        books,
        topics: crate::model::parse_json::<Vec<Topic>>(DATA_TOPICS, topics)?,
        roles: crate::model::parse_json::<Vec<Role>>(DATA_ROLES, roles)?,
        glossary: crate::model::parse_json::<Vec<Term>>(DATA_GLOSSARY, glossary)?,
    })
}

/// The slugs listed in `data/authorities.json`.
pub fn slugs(authorities: &str) -> Result<Vec<String>, LoadError> {
    let list: Vec<Authority> = crate::model::parse_json(DATA_AUTHORITIES, authorities)?;
    Ok(list.into_iter().map(|a| a.slug).collect())
}

/// The page for a failure to load the data: which file, what went wrong, and a button to try again.
pub fn load_failed(error: &LoadError) -> Page {
    Page { title: page_title(&["Could not load"]), html: load_failed_html(error, false) }
}

fn topic_not_found(library: &Library, topic: &str) -> Page {
    let items: String = library
        .topics
        .iter()
        .map(|t| format!("<li><a href=\"compare/{}\">{}</a></li>", escape(&t.id), escape(&t.label)))
        .collect();
    Page {
        title: page_title(&["Topic not found", "Compare"]),
        html: format!(
            "<h1>Topic not found</h1><p>There is no topic <code>{}</code> to compare. The topics are:</p><ul>{items}</ul>",
            escape(topic)
        ),
    }
}

fn glossary_entry(library: &Library, id: &str) -> Page {
    match library.glossary.iter().find(|t| t.id == id) {
        Some(term) => Page {
            title: page_title(&[&term.term, "Glossary"]),
            html: format!(
                "{}<p class=\"back\"><a href=\"glossary\">All terms, A to Z</a></p>",
                entry_html(term, &library.glossary, &library.catalogue())
            ),
        },
        None => Page {
            title: page_title(&["Term not found", "Glossary"]),
            html: format!(
                "<h1>Term not found</h1><p>The glossary has no entry <code>{}</code>.</p><p class=\"back\"><a \
                 href=\"glossary\">All terms, A to Z</a></p>",
                escape(id)
            ),
        },
    }
}

/// `beside/{authority}/{section}?with={other}`.
fn beside(library: &Library, path: &str, query: &str) -> Page {
    let (slug, section) = path.split_once('/').unwrap_or((path, ""));
    let with = pairs(query).into_iter().find(|(k, _)| k == "with").map(|(_, v)| v).unwrap_or_default();
    let find = |slug: &str| library.books.iter().find(|b| b.authority.slug == slug);
    let notice = |text: String| Page {
        title: page_title(&["Not found", "Compare"]),
        html: format!(
            "<p class=\"notice\" role=\"status\">{text} <a href=\"a/{slug}/{section}\">Back to the section</a></p>"
        ),
    };
    let Some(this) = find(slug) else { return notice(format!("There is no authority called “{}”.", escape(slug))) };
    let Some(place) = this.sections.iter().find(|s| s.id == section) else {
        return notice(format!("There is no section “{}”.", escape(section)));
    };
    let Some(other) = find(&with) else {
        return notice(format!("There is no authority called “{}” to compare with.", escape(&with)));
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

/// The answer to one request.
pub fn answer(service: &Service, route: &str, query: &str) -> Page {
    let library = &service.library;
    let value = |key: &str| pairs(query).into_iter().find(|(k, _)| k == key).map(|(_, v)| v).unwrap_or_default();
    let view = || View::from_query(&pairs(query), library);
    if let Some(id) = route.strip_prefix(GLOSSARY_TERM) {
        return glossary_entry(library, id);
    }
    if let Some(path) = route.strip_prefix(BESIDE) {
        return beside(library, path, query);
    }
    if let Some(topic) = route.strip_prefix(COMPARE_TOPIC) {
        return match topic_page(library, &rows(library), topic) {
            Some(page) => Page { title: page_title(&[&page.title]), ..page },
            None => topic_not_found(library, topic),
        };
    }
    match route {
        SEARCH => search_page(service.index(), &value("q"), &value("a")),
        SEARCH_BOX => Page { title: String::new(), html: search_box_html(service.index(), &value("q")) },
        GLOSSARY => Page {
            title: page_title(&["Glossary"]),
            html: a_to_z_html(&library.glossary, &value("filter"), "glossary"),
        },
        COMPARE => {
            let page = matrix_page(library, &rows(library), &view());
            Page { title: page_title(&[&page.title]), ..page }
        }
        COMPARE_CSV => {
            let (rows, view) = (rows(library), view());
            Page { title: "compare.csv".into(), html: csv(&shown(&rows, &view), &view, library) }
        }
        _ => Page {
            title: page_title(&["Not found"]),
            html: format!("<h1>Page not found</h1><p>Nothing answers <code>{}</code>.</p>", escape(route)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::library;

    #[test]
    fn requests_and_replies_round_trip() {
        let text = request(7, "compare", "a=north\nx");
        assert_eq!(read_request(&text), Some((7, "compare", "a=north\nx")));
        assert_eq!(read_request("seven\ncompare\n"), None);
        let page = Page { title: "T".into(), html: "<p>a\nb</p>".into() };
        assert_eq!(read_reply(&reply(3, &page)), Some((3, page)));
        assert_eq!(read_reply("x"), None);
    }

    #[test]
    fn each_route_is_answered() {
        let library = Service::new(library());
        assert!(answer(&library, COMPARE, "a=north,south").html.contains("<table"));
        assert!(answer(&library, COMPARE_CSV, "").html.starts_with("\u{feff}\"Group\""));
        assert!(answer(&library, "compare/review.chair", "").html.contains("<h1>Who chairs reviews</h1>"));
        let missing = answer(&library, "compare/nope", "");
        assert!(missing.html.contains("no topic <code>nope</code>") && missing.html.contains("compare/review.chair"));
        assert!(answer(&library, "elsewhere", "").title.starts_with("Not found"));
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
        let list = answer(&service, GLOSSARY, "filter=team");
        assert!(list.html.contains("1 term shown.") && list.html.contains("href=\"glossary/tac\""), "{}", list.html);
        let entry = answer(&service, "glossary/tac", "");
        assert!(entry.title.starts_with("TAC – Glossary") && entry.html.contains("<a href=\"a/north\">"));
        assert!(answer(&service, "glossary/zzz", "").html.contains("no entry <code>zzz</code>"));
        library.books[0].sections =
            vec![serde_json::from_str(r#"{"id":"one","title":"One","source":"s","headings":[]}"#).unwrap()];
        let service = Service::new(library);
        let beside = answer(&service, "beside/north/one", "with=south");
        assert!(beside.html.contains("North beside South"), "{}", beside.html);
        assert!(answer(&service, "beside/north/one", "with=atlantis").html.contains("no authority called “atlantis”"));
        assert!(answer(&service, "beside/north/nine", "with=south").html.contains("no section “nine”"));
        assert!(answer(&service, SEARCH, "q=one").html.contains("<ol class=\"results\">"));
        assert!(answer(&service, SEARCH_BOX, "q=").html.is_empty());
    }

    #[test]
    fn a_failed_load_names_the_file_and_offers_a_retry() {
        let page = load_failed(&LoadError::new("data/x.json", "the server answered 404 Not Found"));
        assert!(page.html.contains("<code>data/x.json</code>") && page.html.contains("data-action=\"retry\""));
    }
}
