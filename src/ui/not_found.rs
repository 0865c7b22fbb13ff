//! Not-found pages that say what was asked for and link to what exists (HTML from [`crate::render::frame`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::browser;
use super::fetch::CatalogueResource;
use crate::model::{page_title, Authority, Book, Catalogue};
use crate::render::frame::{unknown_authority_html, unknown_route_html, unknown_section_html};

/// Any path the site does not have.
#[component]
pub fn UnknownRoute() -> impl IntoView {
    let asked = use_location().pathname.get_untracked();
    browser::set_title(&page_title(&["Page not found"]));
    let catalogue = CatalogueResource::get().0;
    let html = move || {
        let catalogue = match catalogue.get() {
            Some(Ok(c)) => Some(c),
            _ => None,
        };
        unknown_route_html(&asked, catalogue.as_deref())
    };
    view! { <div class="wrap not-found" inner_html=move || html().into_string()></div> }
}

/// An authority slug the catalogue does not list.
pub fn unknown_authority(slug: &str, catalogue: &Catalogue) -> AnyView {
    browser::set_title(&page_title(&["Authority not found"]));
    view! { <div class="wrap not-found" inner_html=unknown_authority_html(slug, catalogue).into_string()></div> }
        .into_any()
}

/// A section id the authority's procedure does not have.
pub fn unknown_section(authority: &Authority, book: &Arc<Book>, asked: &str) -> AnyView {
    browser::set_title(&page_title(&["Section not found", &authority.short_name]));
    view! { <div class="wrap not-found" inner_html=unknown_section_html(authority, book, asked).into_string()></div> }
        .into_any()
}
