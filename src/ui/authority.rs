//! An authority's procedure: the shell that loads it for every page under `/a/{authority}`, and the
//! overview page with the source header and contents.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Outlet;

use super::Link;
use leptos_router::hooks::use_params_map;

use super::browser;
use super::fetch::{load_book, CatalogueResource};
use super::home::SourceDates;
use super::not_found::UnknownAuthority;
use super::status::loaded;
use crate::model::{page_title, Authority, Book, Catalogue};

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
                return view! { <UnknownAuthority slug catalogue /> }.into_any();
            };
            loaded(book.get(), retry_book, false, move |book| {
                provide_context(Loaded { catalogue, authority, book });
                view! { <Outlet /> }
            })
        })
    }
}

/// The contents of a procedure as an ordered list of links; the current section is marked.
#[component]
pub fn Contents(slug: String, book: Arc<Book>) -> impl IntoView {
    let items = book
        .procedure
        .sections
        .iter()
        .map(|s| {
            let href = format!("/a/{slug}/{}", s.id);
            let title = s.title.clone();
            view! { <li><Link href=href>{title}</Link></li> }
        })
        .collect_view();
    view! { <ol class="contents">{items}</ol> }
}

/// `/a/{authority}`: the source header, then the contents.
#[component]
pub fn Overview() -> impl IntoView {
    let Loaded { catalogue, authority, book } = expect_context::<Loaded>();
    browser::set_title(&page_title(&[&authority.short_name]));
    let doc = authority.document.clone();
    let not_stated = || view! { <span class="not-stated">"not stated in the source"</span> };
    let numbered = doc.numbered();
    let cite_links = |cites: &[String]| {
        cites
            .iter()
            .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
            .map(|s| {
                let (href, title) = (format!("/a/{}/{}", authority.slug, s.id), s.numbered_title());
                view! { " " <Link href=href class="cite">{title}</Link> }
            })
            .collect_view()
    };
    let excludes = authority.scope.excludes.clone();
    let no_excludes = excludes.is_empty();
    let related = authority
        .related
        .iter()
        .map(|r| {
            view! {
                <li>
                    <strong>{r.title.clone()}</strong> ": " {r.why.clone()}
                    <span class="cited-in">" (mentioned in" {cite_links(&r.cites)} ")"</span>
                </li>
            }
        })
        .collect_view();
    let no_related = authority.related.is_empty();
    view! {
        <div class="wrap">
            <p class="breadcrumb"><Link href="/">"Authorities"</Link> " › " {authority.short_name.clone()}</p>
            <h1>{authority.name.clone()}": "{doc.title.clone()}</h1>
            <section class="source-header" aria-labelledby="source-heading">
                <h2 id="source-heading">"The source"</h2>
                <dl class="facts">
                    <dt>"Document"</dt>
                    <dd>{doc.title.clone()}</dd>
                    <dt>"Number"</dt>
                    <dd>{match numbered { Some(n) => n.into_any(), None => not_stated().into_any() }}</dd>
                    <dt>"Manual"</dt>
                    <dd>{match doc.manual.clone() { Some(m) => m.into_any(), None => not_stated().into_any() }}</dd>
                    <dt>"Published by"</dt>
                    <dd>{authority.name.clone()}{doc.service.clone().map(|s| format!(", {s}"))}</dd>
                    <dt>"Dates"</dt>
                    <dd><SourceDates authority=authority.clone() catalogue /></dd>
                </dl>
                <h2 id="scope">"Whom it covers"</h2>
                <p>{authority.scope.summary.clone()} <span class="cited-in">" (source:" {cite_links(&authority.scope.cites)} ")"</span></p>
                {if no_excludes {
                    view! { <p>"The source names no children it does not apply to."</p> }.into_any()
                } else {
                    view! {
                        <p>"It does not apply to:"</p>
                        <ul>{excludes.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                    }.into_any()
                }}
                <h2 id="related">"Related procedures it points to"</h2>
                {if no_related {
                    view! { <p>"The source points to no other procedure."</p> }.into_any()
                } else {
                    view! { <ul class="related">{related}</ul> }.into_any()
                }}
            </section>
            <p class="rules-link"><Link href=format!("/a/{}/rules", authority.slug)>"Every rule in this procedure, by topic"</Link>" — timescales, roles and what it does not state."</p>
            <p class="rules-link"><Link href=format!("/wizard/{}", authority.slug)>"Check which rule applies to a case"</Link>" — one question at a time, from assessment to the review outcome."</p>
            <p class="rules-link"><Link href=format!("/deadlines/{}", authority.slug)>"Work out a case's deadlines"</Link>" — the dates these rules set, from the dates you enter."</p>
            <nav class="toc" aria-labelledby="contents-heading">
                <h2 id="contents-heading">"Contents"</h2>
                <Contents slug=authority.slug.clone() book />
            </nav>
        </div>
    }
}
