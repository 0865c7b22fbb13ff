//! The background worker's service and the messages between it and the page. The comparison, the glossary,
//! sections side by side and search run in a Web Worker with their own WebAssembly, fetched the first time one of
//! those pages is used, so the first view of the site does not download them. The page asks for one of the site's
//! own addresses ([`Route`]) and what it wants of it ([`Want`]); the worker answers with a page or a file
//! ([`crate::pages::worker::page`]). Messages are JSON arrays, so no value can run into the next field.

use crate::compare::Library;
use crate::html::Html;
use crate::model::{
    page_title, Authority, AuthorityData, LoadError, Role, Rule, Site, Term, Topic, DATA_AUTHORITIES, DATA_GLOSSARY,
    DATA_ROLES, DATA_RULES, DATA_SITE, DATA_TOPICS,
};
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Held, Update, Want};
use crate::render::frame::load_failed_html;
use crate::render::Page;

/// What the worker says once it listens; requests sent before it would be lost.
pub const READY: &str = "ready";

/// The word that starts the page's warm-up message ([`warm`]).
const WARM: &str = "warm";

/// What the page sends, once it is idle, to have the worker load ahead what its pages will need: the parts of the
/// search index the header's box needs on this page (`slug`: the authority whose pages are open, or empty for
/// every authority), then everything else. It has no answer.
pub fn warm(slug: &str) -> String {
    serde_json::to_string(&(WARM, slug)).unwrap_or_default()
}

/// The authority a warm-up message names (empty for none); `None` if the text is not a warm-up.
pub fn read_warm(text: &str) -> Option<String> {
    let (word, slug): (String, String) = serde_json::from_str(text).ok()?;
    (word == WARM).then_some(slug)
}

/// The `name` of the page's `<meta>` whose `content` is the file name of the background worker's loader script, with
/// the content hash the build gives it (`crate::hosting::name_worker_files`).
pub const WORKER_LOADER_META: &str = "worker-loader";

/// The `name` of the page's `<meta>` that names the search worker's loader script, as [`WORKER_LOADER_META`] does
/// the background worker's.
pub const SEARCH_LOADER_META: &str = "search-worker-loader";

/// A request as the page sends it: its number, its lane (requests from one place on the page, of which only the
/// newest is worth answering; `None` for one that must be answered whatever follows), what it wants, the route's
/// address, and what the page holds beside it (what is kept for it, the form just sent, the site's address).
pub fn request(seq: u32, lane: Option<u32>, want: Want, route: &Route, held: &Held) -> String {
    serde_json::to_string(&(seq, lane, want.id(), route.href(), &held.saved, &held.form, &held.base))
        .unwrap_or_default()
}

/// The route of an address relative to the site's base, as a message names it.
fn route_of(href: &str) -> Route {
    let href = href.trim_start_matches("./");
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    Route::parse(&format!("/{path}"), query).0
}

/// A request's number, lane, what it wants, its route and what the page held; `None` if it is not one.
pub fn read_request(text: &str) -> Option<(u32, Option<u32>, Want, Route, Held)> {
    type Parts = (u32, Option<u32>, String, String, String, Vec<(String, String)>, String);
    let (seq, lane, want, href, saved, form, base): Parts = serde_json::from_str(text).ok()?;
    Some((seq, lane, Want::from_id(&want)?, route_of(&href), Held { saved, form, base }))
}

/// The word that starts a request for a results page before the app has started, and its answer. `static/boot.js`
/// sends it to the search worker it starts on a results page's address, and puts the answer in the page written
/// for search, where the app then takes it over as it takes over any written page (`crate::ui::prerendered`).
pub const EARLY: &str = "early";

/// The route an early request asks for (its address relative to the site's base); `None` if the text is not one.
pub fn read_early(text: &str) -> Option<Route> {
    let (word, href): (String, String) = serde_json::from_str(text).ok()?;
    (word == EARLY).then(|| route_of(&href))
}

/// The answer to an early request: the route's address as the app writes it, the page's mark
/// ([`crate::prerender::page_mark`]), its title and its markup — what the written frame says of the page it holds
/// — or the word alone when there is no page to show.
pub fn early_reply(shown: Option<(&Route, &Page)>) -> String {
    let text = match shown {
        Some((route, page)) => serde_json::to_string(&(
            EARLY,
            route.href(),
            crate::prerender::page_mark(&page.html),
            &page.title,
            page.html.as_str(),
        )),
        None => serde_json::to_string(&(EARLY,)),
    };
    text.unwrap_or_default()
}

/// The parts of an [`Update`] after its address, as a reply carries them in its body.
type UpdateParts = (Vec<(String, String)>, Vec<(String, Option<String>)>, Vec<(String, String)>);

/// An answer as the worker sends it: its number, what kind of answer it is (a page, a file, an address to go to,
/// or an update), the title (the file's name, the address), the body, and what the browser should keep (or null).
pub fn reply(seq: u32, answer: &Answer) -> String {
    let text = match answer {
        Answer::Page(page) => serde_json::to_string(&(seq, "page", &page.title, page.html.as_str(), None::<&str>)),
        Answer::Kept(page, keep) => serde_json::to_string(&(seq, "page", &page.title, page.html.as_str(), Some(keep))),
        Answer::File { name, text } => serde_json::to_string(&(seq, "file", name, text, None::<&str>)),
        Answer::Go(href) => serde_json::to_string(&(seq, "go", href, "", None::<&str>)),
        Answer::Update(update) => {
            let parts: Vec<(&str, &str)> = update.parts.iter().map(|(id, h)| (id.as_str(), h.as_str())).collect();
            let body = serde_json::to_string(&(&update.fill, &update.errors, parts)).unwrap_or_default();
            serde_json::to_string(&(seq, "update", &update.href, body, None::<&str>))
        }
    };
    text.unwrap_or_default()
}

/// An answer's number and what it holds; `None` if it is not one.
pub fn read_reply(text: &str) -> Option<(u32, Answer)> {
    type Parts = (u32, String, String, String, Option<String>);
    let (seq, kind, title, body, keep): Parts = serde_json::from_str(text).ok()?;
    let page = || Page { title: title.clone(), html: Html::from_worker(body.clone()) };
    match (kind.as_str(), keep) {
        ("page", None) => Some((seq, Answer::Page(page()))),
        ("page", Some(keep)) => Some((seq, Answer::Kept(page(), keep))),
        ("file", _) => Some((seq, Answer::File { name: title, text: body })),
        ("go", _) => Some((seq, Answer::Go(title))),
        ("update", _) => {
            let (fill, errors, parts): UpdateParts = serde_json::from_str(&body).ok()?;
            let parts = parts.into_iter().map(|(id, html)| (id, Html::from_worker(html))).collect();
            Some((seq, Answer::Update(Update { href: title, fill, errors, parts })))
        }
        _ => None,
    }
}

/// What the library is made from: each authority's data (read from its published file) and the published files' texts
/// of its worked cases (path and text) in display order, the topics, the roles, the glossary and the site's
/// settings.
pub struct Texts {
    /// Each authority's data.
    pub books: Vec<AuthorityData>,
    /// Each authority's worked cases file, in the same order.
    pub cases: Vec<(String, String)>,
    /// `data/topics.json`.
    pub topics: String,
    /// `data/roles.json`.
    pub roles: String,
    /// `data/glossary.json`.
    pub glossary: String,
    /// `data/site.json`.
    pub site: String,
}

/// Assembles the library from the authorities' data and the other published files' texts.
pub fn library(texts: Texts) -> Result<Library, LoadError> {
    let Texts { books, cases, topics, roles, glossary, site } = texts;
    let cases = books
        .iter()
        .zip(&cases)
        .map(|(book, (path, text))| Ok((book.authority.slug.clone(), crate::model::parse_json(path, text)?)))
        .collect::<Result<_, LoadError>>()?;
    Ok(Library {
        cases,
        books,
        topics: crate::model::parse_json::<Vec<Topic>>(DATA_TOPICS, &topics)?,
        roles: crate::model::parse_json::<Vec<Role>>(DATA_ROLES, &roles)?,
        glossary: crate::model::parse_json::<Vec<Term>>(DATA_GLOSSARY, &glossary)?,
        site: crate::model::parse_json::<Site>(DATA_SITE, &site)?,
    })
}

/// The library the comparison needs, from `data/authorities.json`, `data/rules.json` (every authority's rules, by
/// slug), the topics, the roles and the site's settings: no procedure text, glossary, change logs or worked cases,
/// so it loads quickly however many authorities there are.
pub fn rules_library(
    authorities: &str,
    rules: &str,
    topics: &str,
    roles: &str,
    site: &str,
) -> Result<Library, LoadError> {
    let list: Vec<Authority> = crate::model::parse_json(DATA_AUTHORITIES, authorities)?;
    let mut by_slug: std::collections::BTreeMap<String, Vec<Rule>> = crate::model::parse_json(DATA_RULES, rules)?;
    let books = list
        .into_iter()
        .map(|authority| match by_slug.remove(&authority.slug) {
            Some(rules) => Ok(AuthorityData { authority, sections: Vec::new(), rules, changes: Vec::new() }),
            None => Err(LoadError::new(DATA_RULES, format!("it has no rules for \"{}\"", authority.slug))),
        })
        .collect::<Result<Vec<_>, LoadError>>()?;
    Ok(Library {
        books,
        topics: crate::model::parse_json::<Vec<Topic>>(DATA_TOPICS, topics)?,
        roles: crate::model::parse_json::<Vec<Role>>(DATA_ROLES, roles)?,
        site: crate::model::parse_json::<Site>(DATA_SITE, site)?,
        ..Library::default()
    })
}

/// The slugs listed in `data/authorities.json`.
pub fn slugs(authorities: &str) -> Result<Vec<String>, LoadError> {
    let list: Vec<Authority> = crate::model::parse_json(DATA_AUTHORITIES, authorities)?;
    Ok(list.into_iter().map(|a| a.slug).collect())
}

/// What the page waits for: each request's number, its lane (if any) and what to do with its answer. A request
/// asked in a lane replaces the ones of that lane still waiting: they are dropped, and their answers, should they
/// come, go nowhere.
#[derive(Debug)]
pub struct Pending<T> {
    asked: Vec<(u32, Option<u32>, T)>,
}

impl<T> Default for Pending<T> {
    fn default() -> Self {
        Pending { asked: Vec::new() }
    }
}

impl<T> Pending<T> {
    /// Waits for the answer to request `seq` of `lane`, dropping the requests of that lane still waiting.
    pub fn ask(&mut self, seq: u32, lane: Option<u32>, then: T) {
        if lane.is_some() {
            self.asked.retain(|(_, of, _)| *of != lane);
        }
        self.asked.push((seq, lane, then));
    }

    /// What to do with the answer to request `seq`, no longer waited for; `None` if it is not waited for.
    pub fn answer(&mut self, seq: u32) -> Option<T> {
        let at = self.asked.iter().position(|(s, _, _)| *s == seq)?;
        Some(self.asked.remove(at).2)
    }

    /// Whether request `seq` is still waited for.
    pub fn waits_for(&self, seq: u32) -> bool {
        self.asked.iter().any(|(s, _, _)| *s == seq)
    }

    /// Whether nothing is waited for.
    pub fn is_empty(&self) -> bool {
        self.asked.is_empty()
    }

    /// Everything still waited for, no longer waited for (to answer it with a failure).
    pub fn all(&mut self) -> Vec<T> {
        self.asked.drain(..).map(|(_, _, then)| then).collect()
    }
}

/// The worker's side of the lanes: the newest request number seen in each. A request that is not the newest of its
/// lane has been replaced, and the page no longer waits for its answer.
#[derive(Debug, Default)]
pub struct Newest(std::collections::BTreeMap<u32, u32>);

impl Newest {
    /// Notes request `seq` of `lane` as it arrives.
    pub fn seen(&mut self, lane: Option<u32>, seq: u32) {
        if let Some(lane) = lane {
            let newest = self.0.entry(lane).or_insert(seq);
            *newest = (*newest).max(seq);
        }
    }

    /// Whether a newer request than `seq` has arrived in `lane`; never for a request in no lane.
    pub fn superseded(&self, lane: Option<u32>, seq: u32) -> bool {
        lane.is_some_and(|lane| self.0.get(&lane).is_some_and(|&newest| newest > seq))
    }
}

/// The title of the page for a failure to load the data.
fn load_failed_title() -> String {
    page_title(&["Could not load"])
}

/// The page for a failure to load the data: which file, what went wrong, and a button to try again.
pub fn load_failed(error: &LoadError) -> Page {
    Page { title: load_failed_title(), html: load_failed_html(error, false) }
}

/// Whether a page is the one [`load_failed`] makes (no content page has its title: every other page's title names
/// the page before the site).
pub fn is_load_failure(page: &Page) -> bool {
    page.title == load_failed_title()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_page_is_told_from_a_content_page_by_its_title() {
        let failed = load_failed(&LoadError::new("data/x.json", "gone"));
        assert!(is_load_failure(&failed));
        let section = Page { title: page_title(&["Could not load", "North"]), html: failed.html.clone() };
        assert!(!is_load_failure(&section), "a section called Could not load is a content page");
    }

    #[test]
    fn requests_and_replies_round_trip() {
        let route = Route::Search { q: "x\n<img src=x>\n\"".into(), a: String::new() };
        let held = Held {
            saved: "{\"x\":1}".into(),
            form: vec![("act".into(), "check\n<b>".into())],
            base: "https://x.org/cin/".into(),
        };
        let text = request(7, Some(2), Want::Results, &route, &held);
        assert_eq!(read_request(&text), Some((7, Some(2), Want::Results, route.clone(), held.clone())));
        let text = request(8, None, Want::Page, &route, &held);
        assert_eq!(read_request(&text), Some((8, None, Want::Page, route, held)));
        assert_eq!(read_request("[\"seven\",null,\"page\",\"compare\",\"\",[],\"\"]"), None);
        assert_eq!(read_request("[1,null,\"nope\",\"compare\",\"\",[],\"\"]"), None);
        assert_eq!(read_request(&warm("north")), None, "the worker tells the warm-up from a request");
        assert_eq!(read_warm(&warm("north")).as_deref(), Some("north"));
        assert_eq!(read_warm(&warm("")).as_deref(), Some(""));
        let page_request = request(9, None, Want::Page, &Route::Compare { view: vec![] }, &Held::default());
        assert_eq!(read_warm(&page_request), None, "a request is not a warm-up");
        let page = Page { title: "T\nx".into(), html: crate::html!("<p>{}</p>", "a\nb") };
        assert_eq!(read_reply(&reply(3, &Answer::Page(page.clone()))), Some((3, Answer::Page(page))));
        let csv = Answer::File { name: "compare-north.csv".into(), text: "a,b\r\n".into() };
        assert_eq!(read_reply(&reply(4, &csv)).unwrap(), (4, csv));
        let kept = Answer::Kept(Page { title: "T".into(), html: Html::text("b") }, "{\"boxes\":1}".into());
        assert_eq!(read_reply(&reply(6, &kept)), Some((6, kept)));
        let go = Answer::Go("wizard/north?in_need=yes".into());
        assert_eq!(read_reply(&reply(8, &go)), Some((8, go)));
        let update = Answer::Update(Update {
            href: "deadlines/north?plan_established=2026-03-26".into(),
            fill: vec![("field-x".into(), "26".into())],
            errors: vec![("field-x".into(), Some("X must be a real date".into())), ("field-y".into(), None)],
            parts: vec![("deadlines-timeline".into(), crate::html!("<ol>{}</ol>", "<b>\n"))],
        });
        assert_eq!(read_reply(&reply(9, &update)), Some((9, update)));
        assert_eq!(read_reply("[5,\"other\",\"\",\"x\",null]"), None);
        assert_eq!(read_reply("x"), None);
    }

    #[test]
    fn an_early_request_names_its_address_and_its_answer_says_what_the_written_frame_holds() {
        let route = Route::Search { q: "review plan".into(), a: String::new() };
        assert_eq!(read_early("[\"early\",\"search?q=review%20plan\"]"), Some(route.clone()));
        assert_eq!(read_early("[\"early\",\"./search?q=review+plan\"]"), Some(route.clone()));
        assert_eq!(read_early(&warm("north")), None, "a warm-up is not an early request");
        assert_eq!(read_early(&request(1, None, Want::Page, &route, &Held::default())), None);
        let page = Page { title: "review plan – Search".into(), html: crate::html!("<h1>{}</h1>", "Search <&>") };
        let answer: Vec<String> = serde_json::from_str(&early_reply(Some((&route, &page)))).unwrap();
        let mark = crate::prerender::page_mark(&page.html);
        let expected = [EARLY, &route.href(), &mark, &page.title, "<h1>Search &lt;&amp;&gt;</h1>"];
        assert_eq!(answer, expected);
        assert_eq!(early_reply(None), "[\"early\"]");
    }

    #[test]
    fn a_newer_request_in_a_lane_replaces_the_ones_still_waiting() {
        let mut pending = Pending::default();
        assert!(pending.is_empty());
        pending.ask(1, Some(7), "r");
        assert!(!pending.is_empty());
        pending.ask(2, None, "csv");
        pending.ask(3, Some(8), "page");
        pending.ask(4, Some(7), "re");
        assert!(!pending.waits_for(1), "replaced by 4 in the same lane");
        assert_eq!(pending.answer(1), None, "its answer goes nowhere");
        assert!(pending.waits_for(2) && pending.waits_for(3) && pending.waits_for(4), "other lanes, and none, stay");
        assert_eq!(pending.answer(4), Some("re"));
        assert!(!pending.waits_for(4));
        pending.ask(5, None, "ics");
        assert_eq!(pending.all(), ["csv", "page", "ics"], "a request in no lane is never replaced");
        assert!(!pending.waits_for(2));
        assert!(pending.is_empty(), "nothing waits once all are answered");
    }

    #[test]
    fn the_worker_skips_a_request_a_newer_one_of_its_lane_has_replaced() {
        let mut newest = Newest::default();
        for seq in [1, 2, 4] {
            newest.seen(Some(7), seq);
        }
        newest.seen(None, 5);
        newest.seen(Some(8), 3);
        assert!(newest.superseded(Some(7), 1) && newest.superseded(Some(7), 2));
        assert!(!newest.superseded(Some(7), 4) && !newest.superseded(Some(8), 3));
        assert!(!newest.superseded(None, 5) && !newest.superseded(None, 1), "no lane: always answered");
        newest.seen(Some(7), 3);
        assert!(!newest.superseded(Some(7), 4), "an older number arriving late replaces nothing");
    }

    #[test]
    fn the_comparison_loads_from_each_authoritys_rules_alone() {
        let full = crate::compare::tests::library();
        let north = &full.books[0];
        let listed = serde_json::to_string(&[&north.authority]).unwrap();
        let rules = serde_json::to_string(
            &[(&north.authority.slug, &north.rules)].into_iter().collect::<std::collections::BTreeMap<_, _>>(),
        )
        .unwrap();
        let topics = serde_json::to_string(&full.topics).unwrap();
        let site = r#"{"report_to":"team@example.org"}"#;
        let library = rules_library(&listed, &rules, &topics, "[]", site).unwrap();
        assert_eq!(library.books.len(), 1);
        assert_eq!(library.site.report_to.as_deref(), Some("team@example.org"), "the site's settings are read");
        assert_eq!((&library.books[0].authority, &library.books[0].rules), (&north.authority, &north.rules));
        assert!(library.books[0].sections.is_empty() && library.glossary.is_empty() && library.cases.is_empty());
        let error = rules_library(&listed, "[{", &topics, "[]", site).unwrap_err();
        assert_eq!(error.file, DATA_RULES);
        assert_eq!(rules_library(&listed, &rules, &topics, "[]", "{").unwrap_err().file, DATA_SITE);
        let missing = rules_library(&listed, "{}", &topics, "[]", site).unwrap_err();
        assert!(missing.message.contains("no rules for \"north\""), "{missing:?}");
    }

    #[test]
    fn a_failed_load_names_the_file_and_offers_a_retry() {
        let page = load_failed(&LoadError::new("data/x.json", "the server answered 404 Not Found"));
        assert!(
            page.html.as_str().contains("<code>data/x.json</code>")
                && page.html.as_str().contains("data-action=\"retry\"")
        );
    }
}
