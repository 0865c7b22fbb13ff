//! The background worker's side: it loads the published data once (each authority's rules alone while only the
//! comparison is asked for, everything once another page is), then answers each page's request with the page's HTML
//! (see [`crate::background`]). An authority's reading pages need only the catalogue and that authority's book
//! ([`reading`]), each loaded once. A search needs only the published search index: its common part, and the part of
//! each authority it looks in, added as searches need them ([`search_index`]). Every request that arrives while a
//! load is under way waits for that one load (each file is fetched once however many wait for it); a request that a
//! newer one of the same lane has replaced is not answered; and the page's warm-up ([`crate::background::warm`])
//! loads the parts of the search index the header's box will need, then everything else. Started by
//! `src/bin/worker.rs`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use super::fetch::{fetch_text, finish, load_book, load_catalogue, start, Opened};
use super::search_worker::{answer_search, search_index};
use super::worker_scope::{self, listen, superseded};
use crate::background::{library, load_failed, read_warm, rules_library, slugs, Texts};
use crate::model::{
    data_cases_path, data_path, parse_json, AuthorityData, Catalogue, LoadError, DATA_AUTHORITIES, DATA_GLOSSARY,
    DATA_ROLES, DATA_RULES, DATA_SITE, DATA_TOPICS,
};
use crate::pages::main::Content;
use crate::pages::route::Route;
use crate::pages::worker::{page, rules_suffice, search_scope, Answer, Clock, Held, Service, Want};
use crate::pages::{side, Side};

/// A load of the library under way, which any number of requests can wait for.
type Load = Shared<LocalBoxFuture<'static, Result<Rc<Service>, LoadError>>>;

thread_local! {
    /// The service made from the most complete library loaded so far, and how much of the data that is.
    static SERVICE: RefCell<Option<(Rc<Service>, Loaded)>> = const { RefCell::new(None) };
    /// The loads under way, each with how much of the data it loads.
    static LOADING: RefCell<Vec<(Loaded, Load)>> = const { RefCell::new(Vec::new()) };
    /// The catalogue, once loaded for a reading page.
    static CATALOGUE: RefCell<Option<Arc<Catalogue>>> = const { RefCell::new(None) };
    /// The books of the authorities whose reading pages have been asked for, once loaded.
    static BOOKS: RefCell<Vec<Arc<Opened>>> = const { RefCell::new(Vec::new()) };
}

/// How much of the published data a service was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Loaded {
    /// Each authority's rules alone: enough for the comparison.
    Rules,
    /// Everything: the procedures' text, the glossary and the worked cases too.
    All,
}

/// How long a long load works before it lets other tasks run, in milliseconds.
const TURN_MS: f64 = 8.0;

/// A long load's turns: it works for [`TURN_MS`] at most before it lets other tasks run (a search typed while the
/// worker loads everything in the background).
struct Turns {
    since: f64,
}

impl Turns {
    fn new() -> Turns {
        Turns { since: js_sys::Date::now() }
    }

    /// Lets other tasks run if this one has had its turn.
    async fn share(&mut self) {
        if js_sys::Date::now() - self.since >= TURN_MS {
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
                let _ = scope.set_timeout_with_callback(&resolve);
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            self.since = js_sys::Date::now();
        }
    }
}

/// Fetches every path at once and waits for each, in order.
async fn fetch_all(paths: &[String]) -> Result<Vec<(String, String)>, LoadError> {
    let started: Vec<_> = paths.iter().map(|p| start(p)).collect();
    let mut texts = Vec::with_capacity(paths.len());
    for (path, request) in paths.iter().zip(started) {
        texts.push((path.clone(), finish(path, request?).await?));
    }
    Ok(texts)
}

/// Fetches what `need` asks for and makes a service of it, kept unless a more complete one already is.
async fn load(need: Loaded) -> Result<Rc<Service>, LoadError> {
    let authorities = fetch_text(DATA_AUTHORITIES).await?;
    let slugs = slugs(&authorities)?;
    let each = |path: fn(&str) -> String| slugs.iter().map(|s| path(s)).collect::<Vec<_>>();
    let library = match need {
        Loaded::Rules => {
            let paths = [DATA_RULES, DATA_TOPICS, DATA_ROLES, DATA_SITE].map(String::from);
            let mut texts = fetch_all(&paths).await?;
            let mut last = || texts.pop().map(|(_, t)| t).unwrap_or_default();
            let (site, roles, topics, rules) = (last(), last(), last(), last());
            rules_library(&authorities, &rules, &topics, &roles, &site)?
        }
        Loaded::All => {
            let mut paths = each(data_path);
            paths.extend(each(data_cases_path));
            paths.extend([DATA_TOPICS, DATA_ROLES, DATA_GLOSSARY, DATA_SITE].map(String::from));
            let mut files = fetch_all(&paths).await?;
            let mut last = || files.pop().map(|(_, t)| t).unwrap_or_default();
            let (site, glossary, roles, topics) = (last(), last(), last(), last());
            let cases = files.split_off(slugs.len());
            // Read a book at a time, letting a search that arrives meanwhile be answered between them.
            let mut turns = Turns::new();
            let mut books = Vec::with_capacity(files.len());
            for (path, text) in files {
                books.push(parse_json::<AuthorityData>(&path, &text)?);
                turns.share().await;
            }
            library(Texts { books, cases, topics, roles, glossary, site })?
        }
    };
    let service = Rc::new(Service::new(library));
    SERVICE.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.as_ref().is_none_or(|(_, has)| *has <= need) {
            *kept = Some((service.clone(), need));
        }
    });
    Ok(service)
}

/// A service made from at least what `need` asks for: the one kept, or the load under way that gives it, or a new
/// load. However many requests ask at once, the data is fetched once. A failure is not kept, so the next request
/// tries again.
async fn loaded(need: Loaded) -> Result<Rc<Service>, LoadError> {
    if let Some((service, has)) = SERVICE.with(|kept| kept.borrow().clone()) {
        if has >= need {
            return Ok(service);
        }
    }
    let under_way = LOADING.with(|loading| {
        let mut loading = loading.borrow_mut();
        if let Some((_, enough)) = loading.iter().find(|(has, _)| *has >= need) {
            return enough.clone();
        }
        let started = load(need).boxed_local().shared();
        loading.push((need, started.clone()));
        started
    });
    let result = under_way.clone().await;
    LOADING.with(|loading| loading.borrow_mut().retain(|(_, other)| !other.ptr_eq(&under_way)));
    result
}

/// Loads the parts of the search index a search in `slug` needs (the header's box on this page), then everything
/// else, once the loads already under way (a comparison's) are done.
async fn warm(slug: String) {
    let _ = search_index(&slug).await;
    let under_way: Vec<Load> = LOADING.with(|loading| loading.borrow().iter().map(|(_, l)| l.clone()).collect());
    for load in under_way {
        let _ = load.await;
    }
    let _ = loaded(Loaded::All).await;
}

/// The catalogue, loaded once (a failure is not kept, so the next request tries again).
async fn catalogue() -> Result<Arc<Catalogue>, LoadError> {
    if let Some(kept) = CATALOGUE.with(|c| c.borrow().clone()) {
        return Ok(kept);
    }
    let loaded = load_catalogue().await?;
    CATALOGUE.with(|c| *c.borrow_mut() = Some(loaded.clone()));
    Ok(loaded)
}

/// The book of the authority `slug`, loaded once it is asked for.
async fn book(slug: &str) -> Result<Arc<Opened>, LoadError> {
    if let Some(kept) = BOOKS.with(|b| b.borrow().iter().find(|o| o.authority.slug == slug).cloned()) {
        return Ok(kept);
    }
    let loaded = load_book(slug.to_owned()).await?;
    BOOKS.with(|b| b.borrow_mut().push(loaded.clone()));
    Ok(loaded)
}

/// A reading page ([`Side::Reading`]): made from the catalogue and, once the catalogue lists the route's authority,
/// that authority's book alone, so the first page of an authority never waits for every other's data.
async fn reading(route: &Route, held: &Held, today: chrono::NaiveDate) -> Result<Answer, LoadError> {
    let catalogue = catalogue().await?;
    let listed = route.authority().filter(|slug| catalogue.find(slug).is_some());
    let opened = match listed {
        Some(slug) => Some(book(slug).await?),
        None => None,
    };
    let address = format!("{}{}", held.base, route.href());
    let content = Content {
        catalogue: &catalogue,
        book: opened.as_deref().map(|o| (&o.authority, &o.book)),
        today,
        address: &address,
    };
    Ok(Answer::Page(crate::pages::main::page(route, &content)))
}

/// The browser's clock as the worker reads it.
fn clock() -> Clock {
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    Clock { today: super::browser::today(), now }
}

/// Listens for the page's requests and answers each one that has not been superseded by the time its data is
/// loaded.
pub fn serve() {
    listen(|text| {
        if let Some(slug) = read_warm(&text) {
            spawn_local(warm(slug));
            return;
        }
        let Some((seq, lane, want, route, held)) = worker_scope::read(&text) else { return };
        spawn_local(async move {
            if search_scope(&route).is_some() {
                answer_search(seq, lane, want, route).await;
                return;
            }
            if side(&route) == Side::Reading && want == Want::Page {
                let answer = reading(&route, &held, clock().today).await;
                let answer = answer.unwrap_or_else(|error| Answer::Page(load_failed(&error)));
                worker_scope::answer(seq, lane, &answer);
                return;
            }
            let need = if rules_suffice(&route) { Loaded::Rules } else { Loaded::All };
            let service = loaded(need).await;
            if superseded(seq, lane) {
                return;
            }
            let answer = match service {
                Ok(service) => page(&service, want, &route, &held, clock()),
                Err(error) => Answer::Page(load_failed(&error)),
            };
            worker_scope::answer(seq, lane, &answer);
        });
    });
}
