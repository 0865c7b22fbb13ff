//! `/glossary` (A–Z, filterable) and `/glossary/{term}`: the terms and abbreviations the procedures use. The lists
//! are HTML made by [`crate::render::glossary`].

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::fetch::{load_glossary, CatalogueResource};
use super::status::loaded;
use super::{browser, Base, Link};
use crate::model::{page_title, Catalogue, LoadError, Term};
use crate::render::glossary::{a_to_z_html, entry_html};

/// The glossary as a page loads it.
type GlossaryResource = LocalResource<Result<Arc<Vec<Term>>, LoadError>>;

/// The glossary, loaded for a page, and a retry for when it fails.
fn glossary_resource() -> (GlossaryResource, Callback<()>) {
    let glossary = LocalResource::new(load_glossary);
    (glossary, Callback::new(move |_| glossary.refetch()))
}

/// `/glossary`.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    browser::set_title(&page_title(&["Glossary"]));
    let (glossary, retry) = glossary_resource();
    let filter = RwSignal::new(String::new());
    let page = expect_context::<Base>().url("/glossary");
    view! {
        <div class="wrap glossary">
            <h1>"Glossary"</h1>
            <p class="lead">
                "The terms and abbreviations the procedures use, what they mean, and which authorities' "
                "procedures use them."
            </p>
            <div class="glossary-filter">
                <label for="glossary-filter">"Filter terms"</label>
                <input id="glossary-filter" type="search" autocomplete="off"
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
            </div>
            {move || loaded(glossary.get(), retry, true, |terms| {
                request_animation_frame(browser::scroll_to_fragment);
                let page = page.clone();
                view! { <div inner_html=move || a_to_z_html(&terms, &filter.get(), &page)></div> }
            })}
        </div>
    }
}

/// `/glossary/{term}`.
#[component]
pub fn TermPage() -> impl IntoView {
    let params = use_params_map();
    let (glossary, retry) = glossary_resource();
    let catalogue = CatalogueResource::get().0;
    view! {
        <div class="wrap glossary-term">
            {move || {
                let id = params.with(|p| p.get("term").unwrap_or_default());
                let names = match catalogue.get() {
                    Some(Ok(c)) => c,
                    _ => Arc::new(Catalogue::default()),
                };
                loaded(glossary.get(), retry, false, move |terms| match terms.iter().find(|t| t.id == id) {
                    Some(term) => {
                        browser::set_title(&page_title(&[&term.term, "Glossary"]));
                        view! { <div inner_html=entry_html(term, &terms, &names)></div> }.into_any()
                    }
                    None => {
                        browser::set_title(&page_title(&["Term not found", "Glossary"]));
                        view! {
                            <h1>"Term not found"</h1>
                            <p>"The glossary has no entry " <code>{id}</code> "."</p>
                        }
                        .into_any()
                    }
                })
            }}
            <p class="back"><Link href="/glossary">"All terms, A to Z"</Link></p>
        </div>
    }
}
