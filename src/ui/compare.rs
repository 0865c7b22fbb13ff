//! `/compare` and `/compare/{topic}`: the pages are HTML made in the background worker by
//! [`crate::render::compare`]; this component asks for the page the address names, inserts it, turns a change
//! of the filters into a new address (so a link reproduces the view), and saves the view as CSV.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use wasm_bindgen::JsCast;

use super::background::ask;
use super::{browser, download};
use crate::background::{COMPARE, COMPARE_CSV, COMPARE_TOPIC};
use crate::query::encode;

const LOADING: &str = "<p class=\"loading\" role=\"status\">Loading the comparison…</p>";

/// The filters' values as the view's address query: each key's values joined with commas.
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
    Some(parts.join("&"))
}

/// The id of the element that has focus, to give it back after the page is replaced.
fn focused_id() -> Option<String> {
    let id = web_sys::window()?.document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// `/compare` and `/compare/{topic}`.
#[component]
pub fn ComparePage() -> impl IntoView {
    let location = use_location();
    let params = use_params_map();
    let navigate = use_navigate();
    let html = RwSignal::new(LOADING.to_owned());
    let retries = RwSignal::new(0u32);
    let latest = StoredValue::new(0u32);
    let route = move || match params.with(|p| p.get("topic")) {
        Some(topic) => format!("{COMPARE_TOPIC}{topic}"),
        None => COMPARE.to_owned(),
    };
    Effect::new(move |_| {
        retries.track();
        let query = location.search.get().trim_start_matches('?').to_owned();
        let focus = focused_id();
        // Only the answer to the latest request is shown.
        let mine = latest.get_value() + 1;
        latest.set_value(mine);
        ask(&route(), &query, move |page| {
            if latest.get_value() != mine {
                return;
            }
            browser::set_title(&page.title);
            html.set(page.html);
            if let Some(id) = focus {
                request_animation_frame(move || browser::focus(&id));
            }
        });
    });
    let on_change = move |event: web_sys::Event| {
        let form = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let form = form.and_then(|el| el.query_selector("form[data-compare-form]").ok().flatten());
        let Some(query) = form.and_then(|f| f.dyn_into().ok()).and_then(|f| form_query(&f)) else { return };
        navigate(&format!("/compare?{query}"), Default::default());
    };
    let on_click = move |event: web_sys::MouseEvent| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        match target.and_then(|t| t.get_attribute("data-action")).as_deref() {
            Some("csv") => {
                let query = location.search.get_untracked().trim_start_matches('?').to_owned();
                ask(COMPARE_CSV, &query, |file| {
                    download::text_file("cin-compare.csv", "text/csv;charset=utf-8", &file.html)
                });
            }
            Some("retry") => {
                html.set(LOADING.to_owned());
                retries.update(|n| *n += 1);
            }
            _ => {}
        }
    };
    view! { <div class="wrap compare" on:change=on_change on:click=on_click inner_html=move || html.get()></div> }
}
