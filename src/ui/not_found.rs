//! Not-found pages that say what was asked for and link to what exists.

use std::sync::Arc;

use super::Link;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::authority::Contents;
use super::browser;
use super::fetch::CatalogueResource;
use crate::model::{page_title, Authority, Book, Catalogue};

/// A list of links to every authority in the catalogue.
#[component]
fn AuthorityList(catalogue: Arc<Catalogue>) -> impl IntoView {
    let items = catalogue
        .authorities
        .iter()
        .map(|a| {
            let (href, name) = (format!("/a/{}", a.slug), a.name.clone());
            view! { <li><Link href=href>{name}</Link></li> }
        })
        .collect_view();
    view! { <ul>{items}</ul> }
}

/// Links to every authority, or a link home while the catalogue loads or if it failed.
#[component]
fn AuthorityLinks() -> impl IntoView {
    let catalogue = CatalogueResource::get().0;
    move || match catalogue.get() {
        Some(Ok(catalogue)) => view! { <AuthorityList catalogue /> }.into_any(),
        _ => view! { <p><Link href="/">"Go to the list of authorities"</Link></p> }.into_any(),
    }
}

/// Any path the site does not have.
#[component]
pub fn UnknownRoute() -> impl IntoView {
    let location = use_location();
    let asked = location.pathname.get_untracked();
    browser::set_title(&page_title(&["Page not found"]));
    view! {
        <div class="wrap not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{asked}</code> "."</p>
            <p>"You can read the procedures of these authorities:"</p>
            <AuthorityLinks />
            <p><Link href="/">"Go to the start page"</Link></p>
        </div>
    }
}

/// An authority slug the catalogue does not list.
#[component]
pub fn UnknownAuthority(slug: String, catalogue: Arc<Catalogue>) -> impl IntoView {
    browser::set_title(&page_title(&["Authority not found"]));
    view! {
        <div class="wrap not-found">
            <h1>"Authority not found"</h1>
            <p>"There is no authority called " <code>{slug}</code> " on this site. These are the authorities it holds:"</p>
            <AuthorityList catalogue />
        </div>
    }
}

/// A section id the authority's procedure does not have.
#[component]
pub fn UnknownSection(authority: Authority, book: Arc<Book>, asked: String) -> impl IntoView {
    browser::set_title(&page_title(&["Section not found", &authority.short_name]));
    view! {
        <div class="wrap not-found">
            <h1>"Section not found"</h1>
            <p>
                {authority.name.clone()} "'s procedure has no section called " <code>{asked}</code>
                ". Its sections are:"
            </p>
            <Contents slug=authority.slug.clone() book />
            <p><Link href=format!("/a/{}", authority.slug)>"Go to the procedure's overview"</Link></p>
        </div>
    }
}
