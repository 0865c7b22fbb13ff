//! Loading content files over HTTP from the site's own origin, and parsing them with the model's loaders.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::{
    authority_path, parse_authority, parse_index, parse_procedure, parse_roles, parse_rules, parse_topics,
    procedure_path, rules_path, Book, Catalogue, LoadError, INDEX_PATH, ROLES_PATH, TOPICS_PATH,
};

/// Starts fetching a file relative to the site root; the request is under way as soon as this returns.
fn start(path: &str) -> Result<JsFuture, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::new(path, "no browser window"))?;
    Ok(JsFuture::from(window.fetch_with_str(path)))
}

/// Awaits a started fetch and reads its body as text, naming the file in any failure.
async fn finish(path: &str, request: JsFuture) -> Result<String, LoadError> {
    let failed = |what: &str| LoadError::new(path, what.to_owned());
    let response = request.await.map_err(|_| failed("the file could not be fetched (network error)"))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| failed("the server's answer was not a response"))?;
    if !response.ok() {
        return Err(failed(&format!("the server answered {} {}", response.status(), response.status_text())));
    }
    let text = response.text().map_err(|_| failed("the file's text could not be read"))?;
    let text = JsFuture::from(text).await.map_err(|_| failed("the file's text could not be read"))?;
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

async fn fetch_text(path: &str) -> Result<String, LoadError> {
    finish(path, start(path)?).await
}

async fn load_catalogue() -> Result<Arc<Catalogue>, LoadError> {
    let slugs = parse_index(&fetch_text(INDEX_PATH).await?)?;
    let started: Vec<(String, Result<JsFuture, LoadError>)> =
        slugs.iter().map(|slug| (slug.clone(), start(&authority_path(slug)))).collect();
    let mut authorities = Vec::with_capacity(started.len());
    for (slug, request) in started {
        let text = finish(&authority_path(&slug), request?).await?;
        authorities.push(parse_authority(&slug, &text)?);
    }
    Ok(Arc::new(Catalogue { authorities }))
}

/// Loads an authority's procedure and rules with the shared topics and roles (the four requests run at once).
pub async fn load_book(slug: String) -> Result<Arc<Book>, LoadError> {
    let paths = [procedure_path(&slug), rules_path(&slug), TOPICS_PATH.to_owned(), ROLES_PATH.to_owned()];
    let started: Vec<Result<JsFuture, LoadError>> = paths.iter().map(|p| start(p)).collect();
    let mut texts = Vec::with_capacity(paths.len());
    for (path, request) in paths.iter().zip(started) {
        texts.push(finish(path, request?).await?);
    }
    Ok(Arc::new(Book {
        procedure: parse_procedure(&slug, &texts[0])?,
        rules: parse_rules(&slug, &texts[1])?,
        topics: parse_topics(&texts[2])?,
        roles: parse_roles(&texts[3])?,
    }))
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
