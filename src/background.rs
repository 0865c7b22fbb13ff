//! What the background worker answers. Comparison (and search) run in a Web Worker with their own WebAssembly,
//! fetched the first time one of those pages is used, so the first view of the site does not download them. The
//! page sends `seq\nroute\nquery`; the worker answers `seq\ntitle\nbody`, the body being a page's HTML or a file.

use crate::compare::csv::csv;
use crate::compare::view::{shown, View};
use crate::compare::{rows, Library};
use crate::model::{
    page_title, Authority, AuthorityData, LoadError, Role, Topic, DATA_AUTHORITIES, DATA_ROLES, DATA_TOPICS,
};
use crate::query::pairs;
use crate::render::compare::{matrix_page, topic_page, Page};
use crate::render::escape;

/// The matrix page.
pub const COMPARE: &str = "compare";
/// The matrix as CSV.
pub const COMPARE_CSV: &str = "compare.csv";
/// One topic across every authority: `compare/{topic}`.
pub const COMPARE_TOPIC: &str = "compare/";

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

/// Assembles the library from the published files' texts: the authorities' list, then each authority's data in
/// the same order, then the topics and the roles.
pub fn library(books: Vec<(String, String)>, topics: &str, roles: &str) -> Result<Library, LoadError> {
    let books = books
        .iter()
        .map(|(path, text)| crate::model::parse_json::<AuthorityData>(path, text))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Library {
        books,
        topics: crate::model::parse_json::<Vec<Topic>>(DATA_TOPICS, topics)?,
        roles: crate::model::parse_json::<Vec<Role>>(DATA_ROLES, roles)?,
    })
}

/// The slugs listed in `data/authorities.json`.
pub fn slugs(authorities: &str) -> Result<Vec<String>, LoadError> {
    let list: Vec<Authority> = crate::model::parse_json(DATA_AUTHORITIES, authorities)?;
    Ok(list.into_iter().map(|a| a.slug).collect())
}

/// The page for a failure to load the data: which file, what went wrong, and a button to try again.
pub fn load_failed(error: &LoadError) -> Page {
    let line = error.line.map(|l| format!(" (line {l})")).unwrap_or_default();
    Page {
        title: page_title(&["Could not load"]),
        html: format!(
            "<div class=\"load-failed\" role=\"alert\"><h1>This content could not be loaded</h1><p>The file <code>{}</code>{line} \
             could not be used: {}.</p><p>Check your connection and try again. If the problem stays, the site's content needs \
             fixing.</p><button type=\"button\" class=\"button\" data-action=\"retry\">Try again</button></div>",
            escape(&error.file),
            escape(&error.message)
        ),
    }
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

/// The answer to one request.
pub fn answer(library: &Library, route: &str, query: &str) -> Page {
    let rows = rows(library);
    let view = || View::from_query(&pairs(query), library);
    match route {
        COMPARE => {
            let page = matrix_page(library, &rows, &view());
            Page { title: page_title(&[&page.title]), ..page }
        }
        COMPARE_CSV => {
            let view = view();
            Page { title: "compare.csv".into(), html: csv(&shown(&rows, &view), &view, library) }
        }
        _ => match route.strip_prefix(COMPARE_TOPIC) {
            Some(topic) => match topic_page(library, &rows, topic) {
                Some(page) => Page { title: page_title(&[&page.title]), ..page },
                None => topic_not_found(library, topic),
            },
            None => Page {
                title: page_title(&["Not found"]),
                html: format!("<h1>Page not found</h1><p>Nothing answers <code>{}</code>.</p>", escape(route)),
            },
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
        let library = library();
        assert!(answer(&library, COMPARE, "a=north,south").html.contains("<table"));
        assert!(answer(&library, COMPARE_CSV, "").html.starts_with("\u{feff}\"Group\""));
        assert!(answer(&library, "compare/review.chair", "").html.contains("<h1>Who chairs reviews</h1>"));
        let missing = answer(&library, "compare/nope", "");
        assert!(missing.html.contains("no topic <code>nope</code>") && missing.html.contains("compare/review.chair"));
        assert!(answer(&library, "elsewhere", "").title.starts_with("Not found"));
    }

    #[test]
    fn a_failed_load_names_the_file_and_offers_a_retry() {
        let page = load_failed(&LoadError::new("data/x.json", "the server answered 404 Not Found"));
        assert!(page.html.contains("<code>data/x.json</code>") && page.html.contains("data-action=\"retry\""));
    }
}
