//! `/compare` and `/compare/{topic}`: the pages are HTML made in the background worker by
//! [`crate::render::compare`]; this component asks for the page the address names, turns a change of the filters
//! into a new address (so a link reproduces the view), and saves the view as CSV.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::background::{ask, worker_html};
use super::context::CurrentRoute;
use super::download;
use crate::compare::case::case_keys;
use crate::html::Html;
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Want};
use crate::query::encode;
use crate::render::action::Action;

/// The filters' values as the view's address query: each key's values joined with commas, and the case's answers
/// the page holds.
fn form_query(form: &web_sys::HtmlFormElement) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let list = |key: &str| -> Vec<String> {
        data.get_all(key).iter().filter_map(|v| v.as_string()).filter(|v| !v.is_empty()).map(|v| encode(&v)).collect()
    };
    let mut parts = vec![format!("a={}", list("a").join(",")), format!("group={}", list("group").join(","))];
    let topics = list("topic");
    if !topics.is_empty() {
        parts.push(format!("topic={}", topics.join(",")));
    }
    if data.get("diff").as_string().is_some() {
        parts.push("diff=1".into());
    }
    for key in case_keys() {
        if let Some(value) = list(key.key).first() {
            parts.push(format!("{}={value}", key.key));
        }
    }
    Some(parts.join("&"))
}

/// `/compare` and `/compare/{topic}`.
#[component]
pub fn ComparePage() -> impl IntoView {
    let route = CurrentRoute::get();
    let navigate = use_navigate();
    let (html, retry) = worker_html(move || Some(route.get()));
    let on_change = move |event: web_sys::Event| {
        let form = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let form = form.and_then(|el| el.query_selector("form[data-compare-form]").ok().flatten());
        let Some(query) = form.and_then(|f| f.dyn_into().ok()).and_then(|f| form_query(&f)) else { return };
        navigate(&format!("/compare?{query}"), Default::default());
    };
    offer(Action::Retry, None, retry);
    let csv = Callback::new(move |_| {
        let view = match route.get_untracked() {
            Route::Compare { view } => view,
            _ => Vec::new(),
        };
        ask(Want::Csv, &Route::Compare { view }, |file| {
            if let Answer::File(text) = file {
                download::text_file("cin-compare.csv", "text/csv;charset=utf-8", &text)
            }
        });
    });
    offer(Action::Csv, None, csv);
    view! { <div class="wrap compare" on:change=on_change inner_html=move || Html::into_string(html.get())></div> }
}
