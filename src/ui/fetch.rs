//! Loading the published data (`data/`) over HTTP from the site's own origin, and parsing it. Every request has a
//! time limit: a file that does not arrive in time is a failure that names it, like any other.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::{
    data_path, parse_json, Authority, AuthorityData, Book, Catalogue, Listing, LoadError, Procedure, Role, Site, Topic,
    DATA_CATALOGUE, DATA_ROLES, DATA_SITE, DATA_TOPICS,
};

/// How long a file may take to arrive, in milliseconds, before the request is abandoned and the page says so.
pub(crate) const FETCH_WITHIN_MS: i32 = 8_000;

/// Runs `then` once, `ms` milliseconds from now (in a page or a worker).
pub(crate) fn after(ms: i32, then: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(ms as u32, then).forget();
}

/// Starts fetching a file relative to the site root (from a page or from the background worker, whose script sits
/// at the site root); the request is under way as soon as this returns, and is abandoned after
/// [`FETCH_WITHIN_MS`].
pub(crate) fn start(path: &str) -> Result<JsFuture, LoadError> {
    let init = web_sys::RequestInit::new();
    let controller = web_sys::AbortController::new().ok();
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
    }
    let request = match web_sys::window() {
        Some(window) => window.fetch_with_str_and_init(path, &init),
        None => js_sys::global()
            .dyn_into::<web_sys::WorkerGlobalScope>()
            .map_err(|_| LoadError::new(path, "neither a page nor a worker can fetch it"))?
            .fetch_with_str_and_init(path, &init),
    };
    if let Some(controller) = controller {
        after(FETCH_WITHIN_MS, move || controller.abort());
    }
    Ok(JsFuture::from(request))
}

/// Why a request failed: the time limit (the request was abandoned) or the network.
fn why(error: &JsValue, otherwise: &str) -> String {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    if name.as_deref() == Some("AbortError") {
        format!("the server did not send it within {} seconds", FETCH_WITHIN_MS / 1000)
    } else {
        otherwise.to_owned()
    }
}

/// Awaits a started fetch and reads its body as text, naming the file in any failure.
pub(crate) async fn finish(path: &str, request: JsFuture) -> Result<String, LoadError> {
    let failed = |what: &str| LoadError::new(path, what.to_owned());
    let response = request.await.map_err(|e| failed(&why(&e, "the file could not be fetched (network error)")))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| failed("the server's answer was not a response"))?;
    if !response.ok() {
        return Err(failed(&format!("the server answered {} {}", response.status(), response.status_text())));
    }
    let text = response.text().map_err(|_| failed("the file's text could not be read"))?;
    let text = JsFuture::from(text).await.map_err(|e| failed(&why(&e, "the file's text could not be read")))?;
    let text = text.as_string().ok_or_else(|| failed("the file is not text"))?;
    if looks_like_a_web_page(path, &text) {
        return Err(failed("the server sent a web page instead of this file (the file is probably missing)"));
    }
    Ok(text)
}

/// Whether a content file's text is really an HTML page (a static host's fallback for a missing file).
fn looks_like_a_web_page(path: &str, text: &str) -> bool {
    let head: String = text.trim_start().chars().take(15).collect::<String>().to_ascii_lowercase();
    !path.ends_with(".html") && (head.starts_with("<!doctype html") || head.starts_with("<html"))
}

pub(crate) async fn fetch_text(path: &str) -> Result<String, LoadError> {
    finish(path, start(path)?).await
}

/// Loads the catalogue (only what the start page lists of each authority) and the site's settings (the two
/// requests run at once).
pub async fn load_catalogue() -> Result<Arc<Catalogue>, LoadError> {
    let (listed, settings) = (start(DATA_CATALOGUE), start(DATA_SITE));
    let authorities: Vec<Listing> = parse_json(DATA_CATALOGUE, &finish(DATA_CATALOGUE, listed?).await?)?;
    if authorities.is_empty() {
        return Err(LoadError::new(DATA_CATALOGUE, "it lists no authority, so no authority is loaded"));
    }
    let site: Site = parse_json(DATA_SITE, &finish(DATA_SITE, settings?).await?)?;
    Ok(Arc::new(Catalogue { authorities, site }))
}

/// An authority's whole `authority.json` and its book, loaded when one of its pages is opened.
pub struct Opened {
    /// The authority, as in its `authority.json`.
    pub authority: Authority,
    /// Its procedure, rules and change log with the shared topics and roles.
    pub book: Book,
}

/// Loads an authority's published data with the shared topics and roles (the three requests run at once).
pub async fn load_book(slug: String) -> Result<Arc<Opened>, LoadError> {
    let paths = [data_path(&slug), DATA_TOPICS.to_owned(), DATA_ROLES.to_owned()];
    let started: Vec<Result<JsFuture, LoadError>> = paths.iter().map(|p| start(p)).collect();
    let mut texts = Vec::with_capacity(paths.len());
    for (path, request) in paths.iter().zip(started) {
        texts.push(finish(path, request?).await?);
    }
    let data: AuthorityData = parse_json(&paths[0], &texts[0])?;
    if data.authority.slug != slug {
        return Err(LoadError::new(&paths[0], format!("it holds \"{}\", not \"{slug}\"", data.authority.slug)));
    }
    let topics: Vec<Topic> = parse_json(DATA_TOPICS, &texts[1])?;
    let roles: Vec<Role> = parse_json(DATA_ROLES, &texts[2])?;
    let book = Book {
        procedure: Procedure { sections: data.sections },
        rules: data.rules,
        topics,
        roles,
        changes: data.changes,
    };
    Ok(Arc::new(Opened { authority: data.authority, book }))
}

/// The catalogue of authorities, loaded once for the whole site and reloadable after a failure.
#[derive(Clone, Copy)]
pub struct CatalogueResource(pub LocalResource<Result<Arc<Catalogue>, LoadError>>);

impl CatalogueResource {
    /// Starts loading the catalogue.
    pub fn new() -> Self {
        CatalogueResource(LocalResource::new(load_catalogue))
    }

    /// The catalogue resource provided at the root of the app.
    pub fn get() -> Self {
        expect_context::<CatalogueResource>()
    }
}
