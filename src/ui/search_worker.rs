//! The search worker: a worker that answers searches alone, from the published search index, and so is a fraction
//! of the background worker's size. The page starts it for a search asked before the background worker has started
//! (a results page opened from its address), so the results do not wait for the code of every other page
//! (`super::background`). The index is loaded here, in whichever worker answers the searches: its common part,
//! and the part of each authority a search looks in, added as searches need them, each file fetched once however
//! many searches wait for it. Started by `src/bin/search_worker.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use wasm_bindgen_futures::spawn_local;

use super::fetch::fetch_text;
use super::worker_scope::{self, listen, superseded};
use crate::background::{early_reply, load_failed, read_early};
use crate::model::LoadError;
use crate::pages::route::Route;
use crate::pages::worker::{search, search_scope, Answer, Want};
use crate::search::data::{SEARCH_ALL, SEARCH_COMMON};
use crate::search::Index;

/// A fetch of one file of the search index under way, which any number of searches can wait for.
type Fetch = Shared<LocalBoxFuture<'static, Result<Rc<String>, LoadError>>>;

thread_local! {
    /// The search index, once its common part is read, with the authorities' parts added so far.
    static SEARCH: RefCell<Option<Rc<RefCell<Index>>>> = const { RefCell::new(None) };
    /// The search index's files being fetched, by path.
    static FETCHING: RefCell<Vec<(String, Fetch)>> = const { RefCell::new(Vec::new()) };
}

/// The text of a file of the search index: fetched once however many searches wait for it, and kept until the
/// index holds what it gives ([`forget`]). A failure is not kept, so the next search tries again.
async fn fetch_once(path: &str) -> Result<Rc<String>, LoadError> {
    let under_way = FETCHING.with(|fetching| {
        let mut fetching = fetching.borrow_mut();
        if let Some((_, fetch)) = fetching.iter().find(|(p, _)| p == path) {
            return fetch.clone();
        }
        let started: Fetch = {
            let path = path.to_owned();
            async move { fetch_text(&path).await.map(Rc::new) }.boxed_local().shared()
        };
        fetching.push((path.to_owned(), started.clone()));
        started
    });
    let result = under_way.clone().await;
    if result.is_err() {
        FETCHING.with(|fetching| fetching.borrow_mut().retain(|(_, other)| !other.ptr_eq(&under_way)));
    }
    result
}

/// Lets go of the text of the file at `path`, which the index now holds (or, for every part at once, no longer
/// needs).
fn forget(path: &str) {
    FETCHING.with(|fetching| fetching.borrow_mut().retain(|(p, _)| p != path));
}

/// The search index with its common part read (once, however many searches wait for it).
async fn common() -> Result<Rc<RefCell<Index>>, LoadError> {
    if let Some(index) = SEARCH.with(|kept| kept.borrow().clone()) {
        return Ok(index);
    }
    let text = fetch_once(SEARCH_COMMON).await?;
    if let Some(index) = SEARCH.with(|kept| kept.borrow().clone()) {
        return Ok(index);
    }
    let index = Rc::new(RefCell::new(Index::read(&text)?));
    SEARCH.with(|kept| *kept.borrow_mut() = Some(index.clone()));
    forget(SEARCH_COMMON);
    Ok(index)
}

/// The search index with every part a search in the authority `slug` needs (every authority's, for an empty or
/// unknown slug): the common part read once, and the one part missing fetched and added, or, when more are, the
/// file of every part. The first search across every authority fetches that file beside the common part.
pub async fn search_index(slug: &str) -> Result<Rc<RefCell<Index>>, LoadError> {
    let index = if slug.is_empty() && SEARCH.with(|kept| kept.borrow().is_none()) {
        let (index, every) = futures::future::join(common(), fetch_once(SEARCH_ALL)).await;
        let index = index?;
        let missing = {
            let held = index.borrow();
            held.missing(held.position(slug)).len()
        };
        if missing > 1 {
            index.borrow_mut().add_all(&every?)?;
        }
        forget(SEARCH_ALL);
        index
    } else {
        common().await?
    };
    let missing = {
        let held = index.borrow();
        held.missing(held.position(slug))
    };
    if missing.len() > 1 {
        // Every part in one request: one for each would cost more than the parts themselves.
        let text = fetch_once(SEARCH_ALL).await?;
        index.borrow_mut().add_all(&text)?;
        forget(SEARCH_ALL);
        return Ok(index);
    }
    let texts = futures::future::join_all(missing.iter().map(|(_, path)| fetch_once(path))).await;
    for ((i, path), text) in missing.iter().zip(texts) {
        index.borrow_mut().add(*i, &text?)?;
        forget(path);
    }
    Ok(index)
}

/// Answers request `seq` of `lane` for the search `route` from the index (the failure to load it, if it fails),
/// unless a newer request of the lane replaces it first. A route that is not a search gets no answer.
pub async fn answer_search(seq: u32, lane: Option<u32>, want: Want, route: Route) {
    let Some(slug) = search_scope(&route) else { return };
    let index = search_index(slug).await;
    if superseded(seq, lane) {
        return;
    }
    let answer = match index {
        Ok(index) => search(&index.borrow(), want, &route),
        Err(error) => Some(Answer::Page(load_failed(&error))),
    };
    if let Some(answer) = answer {
        worker_scope::answer(seq, lane, &answer);
    }
}

/// Answers the page's early request for the results page `route` ([`early_reply`]): the page, or no page when the
/// route is not a search or the index could not be loaded (the app, once started, says why).
async fn answer_early(route: Route) {
    let answer = match search_scope(&route) {
        Some(slug) => search_index(slug).await.ok().and_then(|index| search(&index.borrow(), Want::Page, &route)),
        None => None,
    };
    let page = match answer {
        Some(Answer::Page(page)) => Some(page),
        _ => None,
    };
    worker_scope::post(&early_reply(page.as_ref().map(|page| (&route, page))));
}

/// Listens for the page's searches and answers each one that has not been replaced by the time its part of the
/// index is loaded, and the early request for a results page.
pub fn serve() {
    listen(|text| {
        if let Some((seq, lane, want, route, _)) = worker_scope::read(&text) {
            spawn_local(answer_search(seq, lane, want, route));
        } else if let Some(route) = read_early(&text) {
            spawn_local(answer_early(route));
        }
    });
}
