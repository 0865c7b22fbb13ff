//! Every address the site has, as one typed [`Route`]: [`Route::parse`] reads a path and query, [`Route::href`]
//! writes them back. Values from the address stay text here; the page functions check them against the loaded
//! content before they are used or fetched.

use crate::query::{decode, encode, pairs};
use crate::wizard::Way;

/// A page of the site, with the values its address carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the authorities.
    Home,
    /// `/a/{authority}`: the source header and contents.
    Authority {
        /// The authority's slug, as asked.
        slug: String,
    },
    /// `/a/{authority}/{section}`, optionally beside another authority (`with=`) and with words to mark
    /// (`highlight=`).
    Section {
        /// The authority's slug, as asked.
        slug: String,
        /// The section's id, as asked.
        section: String,
        /// Another authority's slug, to show the section beside its sections on the same topics.
        with: Option<String>,
        /// Words a search matched, to mark.
        highlight: Option<String>,
    },
    /// `/a/{authority}/rules`: every rule by topic.
    Rules {
        /// The authority's slug, as asked.
        slug: String,
    },
    /// `/a/{authority}/changes`: what changed in the restatement and when, newest first.
    Changes {
        /// The authority's slug, as asked.
        slug: String,
    },
    /// `/a/{authority}/all`: the whole procedure on one page, every section with its rules, to read through or print.
    All {
        /// The authority's slug, as asked.
        slug: String,
    },
    /// `/deadlines/{authority}?{case}`: a case's timeline.
    Deadlines {
        /// The authority's slug, as asked.
        slug: String,
        /// The case's answers, as given (read against the authority's questions by the page).
        case: Vec<(String, String)>,
    },
    /// `/wizard/{authority}?{walk}`: the decision flow; `/wizard/{authority}/after-review?{walk}`: its short way to
    /// what follows a review.
    Wizard {
        /// The authority's slug, as asked.
        slug: String,
        /// Which way in.
        way: crate::wizard::Way,
        /// The walk's answers, as given (read against the authority's flow by the page).
        walk: Vec<(String, String)>,
    },
    /// `/wizard/{authority}/map`: the whole flow, for review.
    WizardMap {
        /// The authority's slug, as asked.
        slug: String,
    },
    /// `/compare?{view}`: the matrix. The view's values are comma lists (`a=north,south`), so its href keeps the
    /// commas between their items.
    Compare {
        /// The view's keys (`a`, `group`, `topic`, `diff`), as given (read against the library by the page).
        view: Vec<(String, String)>,
    },
    /// `/compare/{topic}`: one topic across every authority.
    CompareTopic {
        /// The topic's id, as asked.
        topic: String,
    },
    /// `/glossary?filter=`: every term, A to Z.
    Glossary {
        /// The filter typed, if any.
        filter: String,
    },
    /// `/glossary/{term}`: one entry.
    Term {
        /// The term's id, as asked.
        id: String,
    },
    /// `/search?q=&a=`: the search page.
    Search {
        /// The query.
        q: String,
        /// An authority's slug, to search it alone; empty for all.
        a: String,
    },
    /// `/train`: the training there is, and the learner's progress.
    Train,
    /// `/train/{authority}/quiz?seed=` and `/train/{authority}/from/{other}`: a quiz on the authority's rules, or
    /// only on the topics where it differs from another authority's.
    Quiz {
        /// The authority's slug, as asked.
        slug: String,
        /// The other authority's slug, as asked, for a quiz on what changes when moving from it.
        from: Option<String>,
        /// A session link's seed: the same questions in the same order for everyone who opens it.
        seed: Option<u32>,
    },
    /// `/train/{authority}/quiz/print?seed=`: the quiz on paper, with its answer sheet on a page of its own.
    QuizSheet {
        /// The authority's slug, as asked.
        slug: String,
        /// The seed that chooses and orders the questions.
        seed: u32,
    },
    /// `/train/{authority}/cases` and `/train/{authority}/cases/{case}`: the worked cases, and one of them.
    Cases {
        /// The authority's slug, as asked.
        slug: String,
        /// The case's id, as asked; `None` for the list.
        case: Option<String>,
    },
    /// `/train/{authority}/handout`: a trainer's printable summary of the key rules.
    Handout {
        /// The authority's slug, as asked.
        slug: String,
    },
    /// Any other address: the path asked for.
    NotFound {
        /// The path, decoded.
        path: String,
    },
}

/// Something in an address that was not used, in words a reader understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

/// The decoded, non-empty segments of a path (with or without a leading `/`).
fn segments(path: &str) -> Vec<String> {
    path.split('/').filter(|s| !s.is_empty()).map(decode).collect()
}

/// Percent-encodes one path segment.
fn segment(value: &str) -> String {
    encode(value)
}

/// Percent-encodes a comma list's items, keeping the commas between them (a comparison's `a=north,south`).
fn list(value: &str) -> String {
    value.split(',').map(encode).collect::<Vec<_>>().join(",")
}

/// A path and its query: each key percent-encoded, each value written by `value`; the path alone for no pairs.
fn with_query(path: String, query: &[(String, String)], value: fn(&str) -> String) -> String {
    let query: Vec<String> = query.iter().map(|(k, v)| format!("{}={}", encode(k), value(v))).collect();
    match query.is_empty() {
        true => path,
        false => format!("{path}?{}", query.join("&")),
    }
}

/// The value of `key` in `query`, the first if it is given more than once.
fn value(query: &[(String, String)], key: &str) -> Option<String> {
    query.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// Notices for the keys of `query` a route does not take.
fn unknown_keys(query: &[(String, String)], known: &[&str]) -> Vec<Notice> {
    query
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, _)| Notice(format!("This page takes no “{k}” in its address; it was ignored.")))
        .collect()
}

/// A session link's seed, if the address gives one; a notice if it gives something that is not a number.
fn seed(query: &[(String, String)]) -> (Option<u32>, Vec<Notice>) {
    match value(query, "seed") {
        None => (None, Vec::new()),
        Some(text) => match text.trim().parse::<u32>() {
            Ok(n) => (Some(n), Vec::new()),
            Err(_) => (
                None,
                vec![Notice(format!(
                    "The session number “{text}” is not a whole number, so a quiz of your own was started instead."
                ))],
            ),
        },
    }
}

impl Route {
    /// The route for a site path (without the site's base) and query string (with or without `?`), and notices
    /// for what in the address it did not use.
    pub fn parse(path: &str, query: &str) -> (Route, Vec<Notice>) {
        let query = pairs(query);
        let parts = segments(path);
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let owned = |s: &str| s.to_owned();
        let (route, known): (Route, &[&str]) = match parts.as_slice() {
            [] => (Route::Home, &[]),
            ["a", slug] => (Route::Authority { slug: owned(slug) }, &[]),
            ["a", slug, "rules"] => (Route::Rules { slug: owned(slug) }, &[]),
            ["a", slug, "changes"] => (Route::Changes { slug: owned(slug) }, &[]),
            ["a", slug, "all"] => (Route::All { slug: owned(slug) }, &[]),
            ["a", slug, section] => (
                Route::Section {
                    slug: owned(slug),
                    section: owned(section),
                    with: value(&query, "with"),
                    highlight: value(&query, "highlight"),
                },
                &["with", "highlight"],
            ),
            ["deadlines", slug] => return (Route::Deadlines { slug: owned(slug), case: query }, Vec::new()),
            ["wizard", slug] => return (Route::Wizard { slug: owned(slug), way: Way::Case, walk: query }, Vec::new()),
            ["wizard", slug, "after-review"] => {
                return (Route::Wizard { slug: owned(slug), way: Way::AfterReview, walk: query }, Vec::new())
            }
            ["wizard", slug, "map"] => (Route::WizardMap { slug: owned(slug) }, &[]),
            ["compare"] => return (Route::Compare { view: query }, Vec::new()),
            ["compare", topic] => (Route::CompareTopic { topic: owned(topic) }, &[]),
            ["glossary"] => (Route::Glossary { filter: value(&query, "filter").unwrap_or_default() }, &["filter"]),
            ["glossary", id] => (Route::Term { id: owned(id) }, &[]),
            ["search"] => (
                Route::Search { q: value(&query, "q").unwrap_or_default(), a: value(&query, "a").unwrap_or_default() },
                &["q", "a"],
            ),
            ["train"] => (Route::Train, &[]),
            ["train", slug, "quiz"] => {
                let (seed, mut notices) = seed(&query);
                let route = Route::Quiz { slug: owned(slug), from: None, seed };
                notices.extend(unknown_keys(&query, &["seed"]));
                return (route, notices);
            }
            ["train", slug, "from", other] => {
                (Route::Quiz { slug: owned(slug), from: Some(owned(other)), seed: None }, &[])
            }
            ["train", slug, "quiz", "print"] => {
                let (given, mut notices) = seed(&query);
                let route = Route::QuizSheet { slug: owned(slug), seed: given.unwrap_or(1) };
                notices.extend(unknown_keys(&query, &["seed"]));
                return (route, notices);
            }
            ["train", slug, "handout"] => (Route::Handout { slug: owned(slug) }, &[]),
            ["train", slug, "cases"] => (Route::Cases { slug: owned(slug), case: None }, &[]),
            ["train", slug, "cases", case] => (Route::Cases { slug: owned(slug), case: Some(owned(case)) }, &[]),
            _ => (Route::NotFound { path: format!("/{}", parts.join("/")) }, &[]),
        };
        let notices = unknown_keys(&query, known);
        (route, notices)
    }

    /// The route's address relative to the site's base (no leading `/`; `./` for the start page), every value
    /// percent-encoded.
    pub fn href(&self) -> String {
        let encoded = |path: String, query: Vec<(String, String)>| with_query(path, &query, encode);
        let some = |key: &str, v: &Option<String>| v.iter().map(|v| (key.to_owned(), v.clone())).collect::<Vec<_>>();
        let nonempty = |key: &str, v: &str| match v.is_empty() {
            true => Vec::new(),
            false => vec![(key.to_owned(), v.to_owned())],
        };
        match self {
            Route::Home => "./".to_owned(),
            Route::Authority { slug } => format!("a/{}", segment(slug)),
            Route::Section { slug, section, with, highlight } => encoded(
                format!("a/{}/{}", segment(slug), segment(section)),
                [some("with", with), some("highlight", highlight)].concat(),
            ),
            Route::Rules { slug } => format!("a/{}/rules", segment(slug)),
            Route::Changes { slug } => format!("a/{}/changes", segment(slug)),
            Route::All { slug } => format!("a/{}/all", segment(slug)),
            Route::Deadlines { slug, case } => encoded(format!("deadlines/{}", segment(slug)), case.clone()),
            Route::Wizard { slug, way, walk } => {
                encoded(format!("wizard/{}{}", segment(slug), way.path()), walk.clone())
            }
            Route::WizardMap { slug } => format!("wizard/{}/map", segment(slug)),
            Route::Compare { view } => with_query("compare".to_owned(), view, list),
            Route::CompareTopic { topic } => format!("compare/{}", segment(topic)),
            Route::Glossary { filter } => encoded("glossary".to_owned(), nonempty("filter", filter)),
            Route::Term { id } => format!("glossary/{}", segment(id)),
            Route::Search { q, a } => encoded("search".to_owned(), [nonempty("q", q), nonempty("a", a)].concat()),
            Route::Train => "train".to_owned(),
            Route::Quiz { slug, from: Some(other), .. } => format!("train/{}/from/{}", segment(slug), segment(other)),
            Route::Quiz { slug, from: None, seed } => encoded(
                format!("train/{}/quiz", segment(slug)),
                seed.iter().map(|s| ("seed".to_owned(), s.to_string())).collect(),
            ),
            Route::QuizSheet { slug, seed } => format!("train/{}/quiz/print?seed={seed}", segment(slug)),
            Route::Handout { slug } => format!("train/{}/handout", segment(slug)),
            Route::Cases { slug, case: None } => format!("train/{}/cases", segment(slug)),
            Route::Cases { slug, case: Some(case) } => format!("train/{}/cases/{}", segment(slug), segment(case)),
            Route::NotFound { path } => path.split('/').map(segment).collect::<Vec<_>>().join("/"),
        }
    }

    /// The href split at `?` into the path (with a leading `/`) and the query, as [`Route::parse`] reads them.
    pub fn path_and_query(&self) -> (String, String) {
        let href = self.href();
        let href = href.trim_start_matches("./");
        match href.split_once('?') {
            Some((path, query)) => (format!("/{path}"), query.to_owned()),
            None => (format!("/{href}"), String::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: [&str; 6] =
        ["plain", "\"><img src=x onerror=alert(1)>", "a/b?c#d", "x\n<svg onload=alert(1)>", "%00%2541", "café & co"];

    fn every_kind(v: &str) -> Vec<Route> {
        let s = v.to_owned();
        let pairs = vec![("team".to_owned(), s.clone()), (s.clone(), "x".to_owned())];
        vec![
            Route::Home,
            Route::Authority { slug: s.clone() },
            Route::Rules { slug: s.clone() },
            Route::Changes { slug: s.clone() },
            Route::All { slug: s.clone() },
            Route::Section { slug: s.clone(), section: s.clone(), with: Some(s.clone()), highlight: None },
            Route::Section { slug: s.clone(), section: s.clone(), with: None, highlight: Some(s.clone()) },
            Route::Deadlines { slug: s.clone(), case: pairs.clone() },
            Route::Wizard { slug: s.clone(), way: Way::Case, walk: pairs.clone() },
            Route::Wizard { slug: s.clone(), way: Way::AfterReview, walk: pairs.clone() },
            Route::Compare { view: pairs },
            Route::CompareTopic { topic: s.clone() },
            Route::Glossary { filter: s.clone() },
            Route::Term { id: s.clone() },
            Route::Search { q: s.clone(), a: s.clone() },
            Route::Train,
            Route::Quiz { slug: s.clone(), from: None, seed: Some(7) },
            Route::Quiz { slug: s.clone(), from: None, seed: None },
            Route::Quiz { slug: s.clone(), from: Some(s.clone()), seed: None },
            Route::QuizSheet { slug: s.clone(), seed: 4_000_000_000 },
            Route::Handout { slug: s.clone() },
            Route::Cases { slug: s.clone(), case: None },
            Route::Cases { slug: s.clone(), case: Some(s.clone()) },
        ]
    }

    #[test]
    fn a_seed_that_is_not_a_number_is_named_and_a_fresh_quiz_asked_for() {
        let (route, notices) = Route::parse("/train/north/quiz", "seed=%3Cb%3Eten");
        assert_eq!(route, Route::Quiz { slug: "north".into(), from: None, seed: None });
        assert!(notices[0].0.contains("“<b>ten” is not a whole number"), "{notices:?}");
        let (route, notices) = Route::parse("/train/north/quiz/print", "seed=-1&x=2");
        assert_eq!(route, Route::QuizSheet { slug: "north".into(), seed: 1 });
        assert_eq!(notices.len(), 2, "{notices:?}");
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        for v in HOSTILE {
            for route in every_kind(v) {
                let (path, query) = route.path_and_query();
                let (back, notices) = Route::parse(&path, &query);
                assert_eq!(back, route, "{v:?} via {}", route.href());
                assert!(notices.is_empty(), "{notices:?}");
                assert!(!route.href().contains(['<', '>', '"', '\n', ' ']), "{}", route.href());
            }
        }
        for (route, href) in [
            (Route::Rules { slug: "north".into() }, "a/north/rules"),
            (Route::Changes { slug: "north".into() }, "a/north/changes"),
            (Route::All { slug: "north".into() }, "a/north/all"),
            (Route::WizardMap { slug: "north".into() }, "wizard/north/map"),
            (
                Route::Wizard { slug: "north".into(), way: Way::AfterReview, walk: Vec::new() },
                "wizard/north/after-review",
            ),
            (Route::NotFound { path: "/no/where".into() }, "/no/where"),
            (
                Route::Compare { view: vec![("a".into(), "north,south".into()), ("topic".into(), "a b,c".into())] },
                "compare?a=north,south&topic=a%20b,c",
            ),
        ] {
            assert_eq!(route.href(), href);
            let (path, query) = route.path_and_query();
            assert_eq!(Route::parse(&path, &query).0, route);
        }
    }

    /// A word content may not use as a section id (`validate_authority` refuses it) is the address of another page
    /// of the authority, so it can never be read as a section.
    #[test]
    fn the_reserved_section_ids_are_pages_of_their_own() {
        for (word, _) in crate::model::RESERVED_SECTION_IDS {
            let route = Route::parse(&format!("/a/north/{word}"), "").0;
            assert!(!matches!(route, Route::Section { .. }), "/a/north/{word} is read as a section: {route:?}");
            assert_eq!(route.href(), format!("a/north/{word}"));
        }
    }

    #[test]
    fn addresses_parse_to_their_pages_and_unknown_keys_are_named() {
        assert_eq!(Route::parse("/", "").0, Route::Home);
        assert_eq!(Route::parse("/a/north/", "").0, Route::Authority { slug: "north".into() });
        assert_eq!(Route::parse("/a/north/all", "").0, Route::All { slug: "north".into() }, "a reserved word");
        let (route, notices) = Route::parse("/a/north/all", "with=south");
        assert_eq!(
            (route, notices.len()),
            (Route::All { slug: "north".into() }, 1),
            "the whole procedure takes no with="
        );
        let (route, notices) = Route::parse("/a/north/one", "?with=south&x=1");
        assert_eq!(
            route,
            Route::Section { slug: "north".into(), section: "one".into(), with: Some("south".into()), highlight: None }
        );
        assert_eq!(notices.len(), 1);
        assert!(notices[0].0.contains("“x”"));
        assert_eq!(Route::parse("/a/north/changes", "").0, Route::Changes { slug: "north".into() });
        let (route, notices) = Route::parse("/a/north/changes", "since=2026");
        assert_eq!(route, Route::Changes { slug: "north".into() });
        assert!(notices[0].0.contains("“since”"), "{notices:?}");
        assert_eq!(Route::parse("/glossary", "filter=t%C3%A9").0, Route::Glossary { filter: "té".into() });
        assert_eq!(Route::parse("/a/north/one/two", "").0, Route::NotFound { path: "/a/north/one/two".into() });
        assert_eq!(
            Route::parse("/a/%22%3E%3Cimg%3E", "").0,
            Route::Authority { slug: "\"><img>".into() },
            "a path segment is decoded to text"
        );
    }
}
