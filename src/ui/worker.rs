//! The background worker's side: it loads the published data once (each authority's rules alone while only the
//! comparison is asked for, everything once another page is), then answers each page's request with the page's HTML
//! (see [`crate::background`]). Started by `src/bin/worker.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use super::fetch::{fetch_text, finish, start};
use crate::background::{library, load_failed, read_request, reply, rules_library, slugs, Texts, READY};
use crate::model::{
    data_cases_path, data_path, LoadError, DATA_AUTHORITIES, DATA_GLOSSARY, DATA_ROLES, DATA_RULES, DATA_SITE,
    DATA_TOPICS,
};
use crate::pages::worker::{page, rules_suffice, Answer, Clock, Service};

thread_local! {
    static SERVICE: RefCell<Option<(Rc<Service>, Loaded)>> = const { RefCell::new(None) };
}

/// How much of the published data a service was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Loaded {
    /// Each authority's rules alone: enough for the comparison.
    Rules,
    /// Everything: the procedures' text, the glossary and the worked cases too.
    All,
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

/// The library, fetched on the first request that needs it and kept: for the comparison, each authority's rules
/// alone; for any other page, every file. A failure is not kept, so the next request tries again.
async fn loaded(need: Loaded) -> Result<Rc<Service>, LoadError> {
    if let Some((service, has)) = SERVICE.with(|l| l.borrow().clone()) {
        if has >= need {
            return Ok(service);
        }
    }
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
            let mut books = fetch_all(&paths).await?;
            let mut last = || books.pop().map(|(_, t)| t).unwrap_or_default();
            let (site, glossary, roles, topics) = (last(), last(), last(), last());
            let cases = books.split_off(slugs.len());
            library(&Texts { books, cases, topics, roles, glossary, site })?
        }
    };
    let service = Rc::new(Service::new(library));
    SERVICE.with(|l| *l.borrow_mut() = Some((service.clone(), need)));
    Ok(service)
}

/// The browser's clock as the worker reads it.
fn clock() -> Clock {
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    Clock { today: super::browser::today(), now }
}

/// Listens for the page's requests and answers each one.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answerer = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        let scope = answerer.clone();
        spawn_local(async move {
            let Some((seq, want, route, held)) = read_request(&text) else { return };
            let need = if rules_suffice(&route) { Loaded::Rules } else { Loaded::All };
            let answer = match loaded(need).await {
                Ok(service) => page(&service, want, &route, &held, clock()),
                Err(error) => Answer::Page(load_failed(&error)),
            };
            let _ = scope.post_message(&JsValue::from_str(&reply(seq, &answer)));
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the handler was set are lost: the page waits for this before it sends any.
    let _ = scope.post_message(&JsValue::from_str(READY));
}
