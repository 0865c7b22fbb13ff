//! `/glossary` (A–Z, filterable) and `/glossary/{term}`: the terms and abbreviations the procedures use.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::fetch::{load_glossary, CatalogueResource};
use super::status::loaded;
use super::{browser, Base, Link};
use crate::model::{a_to_z, page_title, Catalogue, LoadError, Term};

/// The glossary as a page loads it.
type GlossaryResource = LocalResource<Result<Arc<Vec<Term>>, LoadError>>;

/// The glossary, loaded for a page, and a retry for when it fails.
fn glossary_resource() -> (GlossaryResource, Callback<()>) {
    let glossary = LocalResource::new(load_glossary);
    (glossary, Callback::new(move |_| glossary.refetch()))
}

/// The authorities that use a term, by name, or a plain statement that none of them does in these words.
#[component]
fn UsedBy(term: Term) -> impl IntoView {
    let catalogue = CatalogueResource::get().0;
    move || {
        let names = match catalogue.get() {
            Some(Ok(c)) => c,
            _ => Arc::new(Catalogue::default()),
        };
        if term.used_by.is_empty() {
            return view! { <p>"None of the procedures here uses this term in these words."</p> }.into_any();
        }
        let items = term
            .used_by
            .iter()
            .map(|slug| {
                let name = names.name_of(slug).unwrap_or(slug).to_owned();
                view! { <li><Link href=format!("/a/{slug}")>{name}</Link></li> }
            })
            .collect_view();
        view! { <ul class="used-by">{items}</ul> }.into_any()
    }
}

/// One entry in the A–Z list.
#[component]
fn EntrySummary(term: Term) -> impl IntoView {
    let href = format!("/glossary/{}", term.id);
    view! {
        <div class="glossary-entry">
            <dt>
                <Link href=href>{term.term.clone()}</Link>
                {term.expansion.clone().map(|e| view! { <span class="expansion">" – " {e}</span> })}
            </dt>
            <dd>{term.definition.clone()}</dd>
        </div>
    }
}

/// The A–Z list with a filter.
#[component]
fn AToZ(terms: Arc<Vec<Term>>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let base = expect_context::<Base>();
    let groups = {
        let terms = terms.clone();
        Memo::new(move |_| a_to_z(&terms, &filter.get()))
    };
    let count = move || {
        let n: usize = groups.with(|g| g.iter().map(|(_, e)| e.len()).sum());
        match n {
            0 => "No term matches the filter.".to_owned(),
            1 => "1 term shown.".to_owned(),
            n => format!("{n} terms shown."),
        }
    };
    let letters = move || {
        groups
            .get()
            .into_iter()
            .map(|(letter, _)| {
                let href = format!("{}#letter-{}", base.url("/glossary"), letter.to_ascii_lowercase());
                view! { <li><a href=href>{letter.to_string()}</a></li> }
            })
            .collect_view()
    };
    view! {
        <div class="glossary-filter">
            <label for="glossary-filter">"Filter terms"</label>
            <input
                id="glossary-filter"
                type="search"
                autocomplete="off"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
        </div>
        <p class="filter-count" role="status">{count}</p>
        <nav aria-label="Letters"><ul class="letters">{letters}</ul></nav>
        {move || {
            groups
                .get()
                .into_iter()
                .map(|(letter, entries)| {
                    let id = format!("letter-{}", letter.to_ascii_lowercase());
                    view! {
                        <section class="letter-group" aria-labelledby=id.clone()>
                            <h2 id=id.clone()>{letter.to_string()}</h2>
                            <dl>{entries.into_iter().map(|term| view! { <EntrySummary term /> }).collect_view()}</dl>
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}

/// `/glossary`.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    browser::set_title(&page_title(&["Glossary"]));
    let (glossary, retry) = glossary_resource();
    view! {
        <div class="wrap glossary">
            <h1>"Glossary"</h1>
            <p class="lead">
                "The terms and abbreviations the procedures use, what they mean, and which authorities' "
                "procedures use them."
            </p>
            {move || loaded(glossary.get(), retry, true, |terms| {
                request_animation_frame(browser::scroll_to_fragment);
                view! { <AToZ terms /> }
            })}
        </div>
    }
}

/// One entry in full.
#[component]
fn Entry(term: Term, terms: Arc<Vec<Term>>) -> impl IntoView {
    browser::set_title(&page_title(&[&term.term, "Glossary"]));
    let see_also = term
        .see_also
        .iter()
        .filter_map(|id| terms.iter().find(|t| &t.id == id))
        .map(|t| (format!("/glossary/{}", t.id), t.term.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(href, name)| view! { <li><Link href=href>{name}</Link></li> })
        .collect_view();
    let has_see_also = !term.see_also.is_empty();
    let aliases = term.aliases.join("; ");
    view! {
        <h1>{term.term.clone()}</h1>
        {term.expansion.clone().map(|e| view! { <p class="expansion lead">{e}</p> })}
        <p class="definition">{term.definition.clone()}</p>
        {(!aliases.is_empty()).then(|| view! { <p class="aliases">"Also written: " {aliases}</p> })}
        <h2>"Used in the procedures of"</h2>
        <UsedBy term=term.clone() />
        {has_see_also.then(|| view! { <h2>"See also"</h2> <ul>{see_also}</ul> })}
    }
}

/// `/glossary/{term}`.
#[component]
pub fn TermPage() -> impl IntoView {
    let params = use_params_map();
    let (glossary, retry) = glossary_resource();
    view! {
        <div class="wrap glossary-term">
            {move || {
                let id = params.with(|p| p.get("term").unwrap_or_default());
                loaded(glossary.get(), retry, false, move |terms| match terms.iter().find(|t| t.id == id) {
                    Some(term) => view! { <Entry term=term.clone() terms=terms.clone() /> }.into_any(),
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
