//! An authority's procedure: the shell that loads it for every page under `/a/{authority}`, and the
//! overview page with the source header and contents.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Outlet;

use leptos_router::hooks::use_params_map;

use super::browser;
use super::fetch::{load_book, CatalogueResource};
use super::not_found::unknown_authority;
use super::status::loaded;
use crate::model::{page_title, Authority, Book, Catalogue};
use crate::render::authority::overview_html;

/// Everything a page under `/a/{authority}` needs, once loaded.
#[derive(Clone)]
pub struct Loaded {
    /// All authorities.
    pub catalogue: Arc<Catalogue>,
    /// This authority.
    pub authority: Authority,
    /// Its procedure, rules and the vocabularies.
    pub book: Arc<Book>,
}

/// Loads the authority named in the URL and its procedure, then shows the page for the nested route.
#[component]
pub fn AuthorityShell() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("authority").unwrap_or_default()));
    let catalogue = CatalogueResource::get().0;
    let book = LocalResource::new(move || load_book(slug.get()));
    let retry_catalogue = Callback::new(move |_| catalogue.refetch());
    let retry_book = Callback::new(move |_| book.refetch());
    move || {
        loaded(catalogue.get(), retry_catalogue, false, |catalogue| {
            let slug = slug.get();
            let Some(authority) = catalogue.find(&slug).cloned() else {
                return unknown_authority(&slug, &catalogue);
            };
            loaded(book.get(), retry_book, false, move |book| {
                provide_context(Loaded { catalogue, authority, book });
                view! { <Outlet /> }
            })
        })
    }
}

/// `/a/{authority}`: the source header, then the contents.
#[component]
pub fn Overview() -> impl IntoView {
    let Loaded { catalogue, authority, book } = expect_context::<Loaded>();
    browser::set_title(&page_title(&[&authority.short_name]));
    view! { <div class="wrap" inner_html=overview_html(&authority, &catalogue, &book, browser::today()).into_string()></div> }
}
