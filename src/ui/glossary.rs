//! `/glossary` (A–Z, filterable): the terms and abbreviations the procedures use, as HTML made in the background
//! worker by [`crate::render::glossary`]. An entry (`/glossary/{term}`) is shown by [`super::worker_page`].

use leptos::prelude::*;

use super::actions::offer;
use super::background::worker_html;
use crate::html::Html;
use crate::pages::route::Route;
use crate::render::action::Action;

/// `/glossary`.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let (html, retry) = worker_html(move || Some(Route::Glossary { filter: filter.get() }));
    offer(Action::Retry, None, retry);
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
            <div inner_html=move || Html::into_string(html.get())></div>
        </div>
    }
}
