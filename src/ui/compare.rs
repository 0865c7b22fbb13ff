//! `/compare` and `/compare/{topic}`: the pages are HTML made in the background worker by
//! [`crate::render::compare`]; this component asks for the page the address names, turns the filters into a new
//! address when "Update" is pressed (so a link reproduces the view), filters the authorities by name as typed, and
//! saves the view as CSV named after it.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::background::worker_html;
use super::context::CurrentRoute;
use super::{browser, download, prerendered};
use crate::pages::route::Route;
use crate::query::encode;
use crate::render::action::Action;

/// The view's own fields: the authorities, the topic groups and topics, "only differences" and the layout. Every other
/// field of the form is one of the case's answers.
const VIEW_FIELDS: [&str; 5] = ["a", "group", "topic", "diff", "view"];

/// The filters' values as the view's address query: each key's values joined with commas, and the case's answers
/// the page holds, in the form's order (each key once, as the page shows one choice for each).
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
    if data.get("view").as_string().as_deref() == Some("full") {
        parts.push("view=full".into());
    }
    let (fields, _) = super::worker_page::form_fields(&data);
    let mut answered: Vec<String> = Vec::new();
    for (key, value) in fields {
        if !VIEW_FIELDS.contains(&key.as_str()) && !value.is_empty() && !answered.contains(&key) {
            parts.push(format!("{}={}", encode(&key), encode(&value)));
            answered.push(key);
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
    // The choice applies with one "Update", not with each tick: the matrix is made again once.
    prerendered::on_page(ev::submit, move |event| {
        let form = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
        let Some(form) = form.filter(|f| f.has_attribute("data-compare-form")) else { return };
        event.prevent_default();
        let Some(query) = form_query(&form) else { return };
        navigate(&format!("/compare?{query}"), Default::default());
    });
    // The filter box hides the authorities whose names do not hold what is typed.
    prerendered::on_page(ev::input, move |event| {
        let input = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(input) = input.filter(|i| i.id() == "a-filter") else { return };
        browser::filter_choices(".authority-choices .choices .checkbox", &input.value());
    });
    offer(Action::Retry, None, retry);
    let csv = Callback::new(move |_| {
        let view = match route.get_untracked() {
            Route::Compare { view } => view,
            _ => Vec::new(),
        };
        download::file_of(&Route::Compare { view });
    });
    offer(Action::Csv, None, csv);
    let node = NodeRef::<Div>::new();
    prerendered::show_in(node, route, move || html.get());
    view! { <div class=move || route.with(Route::page_class) node_ref=node></div> }
}
