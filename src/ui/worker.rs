//! The background worker's side: it loads the published data once, then answers each page's request with the
//! page's HTML (see [`crate::background`]). Started by `src/bin/worker.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

use super::fetch::{fetch_text, finish, start};
use crate::background::{library, load_failed, read_request, reply, slugs, Texts, READY};
use crate::model::{data_cases_path, data_path, LoadError, DATA_AUTHORITIES, DATA_GLOSSARY, DATA_ROLES, DATA_TOPICS};
use crate::pages::worker::{page, Answer, Service};

thread_local! {
    static SERVICE: RefCell<Option<Rc<Service>>> = const { RefCell::new(None) };
}

/// The library, fetched on the first request (every file at once) and kept; a failure is not kept, so the next
/// request tries again.
async fn loaded() -> Result<Rc<Service>, LoadError> {
    if let Some(service) = SERVICE.with(|l| l.borrow().clone()) {
        return Ok(service);
    }
    let slugs = slugs(&fetch_text(DATA_AUTHORITIES).await?)?;
    let mut paths: Vec<String> = slugs.iter().map(|s| data_path(s)).collect();
    paths.extend(slugs.iter().map(|s| data_cases_path(s)));
    paths.extend([DATA_TOPICS.to_owned(), DATA_ROLES.to_owned(), DATA_GLOSSARY.to_owned()]);
    let started: Vec<_> = paths.iter().map(|p| start(p)).collect();
    let mut books = Vec::with_capacity(paths.len());
    for (path, request) in paths.iter().zip(started) {
        books.push((path.clone(), finish(path, request?).await?));
    }
    let mut last = || books.pop().map(|(_, t)| t).unwrap_or_default();
    let (glossary, roles, topics) = (last(), last(), last());
    let cases = books.split_off(slugs.len());
    let service = Rc::new(Service::new(library(&Texts { books, cases, topics, roles, glossary })?));
    SERVICE.with(|l| *l.borrow_mut() = Some(service.clone()));
    Ok(service)
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
            let answer = match loaded().await {
                Ok(service) => page(&service, want, &route, &held),
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
