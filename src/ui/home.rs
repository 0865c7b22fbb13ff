//! The start page: every authority with its source document, and the ways into its procedure.

use super::Link;
use leptos::prelude::*;

use super::browser;
use super::fetch::CatalogueResource;
use super::status::loaded;
use crate::model::{page_title, Authority, Catalogue, DateKind, ReviewState, StatedDate};

/// One stated date, with "overdue" when a next-review date has passed.
#[component]
pub fn DateLine(date: StatedDate) -> impl IntoView {
    let overdue = match (date.kind, date.date.review_state(browser::today())) {
        (DateKind::NextReviewDue, ReviewState::Overdue { whole_years }) => Some(match whole_years {
            0 => "overdue".to_owned(),
            1 => "overdue by more than a year".to_owned(),
            n => format!("overdue by more than {n} years"),
        }),
        _ => None,
    };
    view! {
        <li class="stated-date">
            {date.kind.label()} " " <time datetime=date.date.iso()>{date.date.to_string()}</time>
            {overdue.map(|o| view! { " " <strong class="flag flag-warning">{o}</strong> })}
        </li>
    }
}

/// The dates a source states, or a plain statement that it states none.
#[component]
pub fn SourceDates(authority: Authority, catalogue: std::sync::Arc<Catalogue>) -> impl IntoView {
    let based_on = authority.based_on.clone().map(|b| {
        let name = catalogue.name_of(&b.slug).unwrap_or(&b.slug).to_owned();
        view! {
            <li>"Based on " <Link href=format!("/a/{}", b.slug)>{name}</Link> "'s guidance"</li>
        }
    });
    let empty = authority.dates.is_empty();
    view! {
        <ul class="dates">
            {empty.then(|| view! { <li>"The source states no date"</li> })}
            {authority.dates.into_iter().map(|date| view! { <DateLine date /> }).collect_view()}
            {based_on}
        </ul>
    }
}

/// The start page.
#[component]
pub fn Home() -> impl IntoView {
    browser::set_title(&page_title(&[]));
    let catalogue = CatalogueResource::get().0;
    let retry = Callback::new(move |_| catalogue.refetch());
    view! {
        <div class="wrap">
            <h1>"Child in Need procedures, authority by authority"</h1>
            <p class="lead">
                "Read English councils' Child in Need (Children Act 1989, section 17) planning and review "
                "procedures, restated plainly, with every point tied to the section of the source it comes from."
            </p>
            {move || loaded(catalogue.get(), retry, true, |catalogue| {
                let cards = catalogue.authorities.clone().into_iter().map(|authority| {
                    let href = format!("/a/{}", authority.slug);
                    let numbered = authority.document.numbered();
                    let catalogue = catalogue.clone();
                    let name = authority.name.clone();
                    let manual = authority.document.manual.clone();
                    view! {
                        <li class="card">
                            <h2><Link href=href.clone()>{name}</Link></h2>
                            <p class="doc-title">
                                {numbered.map(|n| view! { <span class="doc-number">{n}</span> " " })}
                                {authority.document.title.clone()}
                            </p>
                            {manual.map(|m| view! { <p class="manual">"Part of: " {m}</p> })}
                            <SourceDates authority=authority.clone() catalogue />
                            <ul class="card-links">
                                <li><Link href=href>"Read the procedure"</Link></li>
                                <li><Link href=format!("/wizard/{}", authority.slug)>"Check which rule applies to a case"</Link></li>
                                <li><Link href=format!("/deadlines/{}", authority.slug)>"Work out a case's deadlines"</Link></li>
                            </ul>
                        </li>
                    }
                }).collect_view();
                view! { <ul class="cards" aria-label="Authorities">{cards}</ul> }
            })}
        </div>
    }
}
