//! A page made whole in the background worker, shown as it comes: a section beside another authority's, a glossary
//! entry, and the training pages ([`crate::pages::training`]). For the training pages the learner's progress (kept
//! in this browser under [`PROGRESS_KEY`]) goes with each request and what the worker sends back is kept; a form on
//! the page (check an answer, next question, load or clear progress) is sent to the worker as it is, a chosen
//! progress file as its text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::actions::offer;
use super::background::{worker_html_holding, SendForm};
use super::context::CurrentRoute;
use super::{browser, download};
use crate::html::Html;
use crate::pages::route::Route;
use crate::render::action::Action;

/// Where the training progress is kept in this browser.
pub const PROGRESS_KEY: &str = "cin-explorer.training";

/// Sends a form's fields to the worker as name–value pairs, in order (a field given more than once, as ticked boxes
/// are, gives a pair each); a chosen file is read first and sent as its text.
fn send_form(data: &web_sys::FormData, send: SendForm) {
    let mut pairs = Vec::new();
    let mut file = None;
    for entry in js_sys::try_iter(data).ok().flatten().into_iter().flatten().flatten() {
        let entry: js_sys::Array = entry.unchecked_into();
        let name = entry.get(0).as_string().unwrap_or_default();
        match entry.get(1).dyn_into::<web_sys::File>() {
            Ok(chosen) => file = Some((name, chosen)),
            Err(value) => pairs.push((name, value.as_string().unwrap_or_default())),
        }
    }
    match file {
        None => send.run(pairs),
        Some((name, file)) => spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            pairs.push((name, text.unwrap_or_default()));
            send.run(pairs);
        }),
    }
}

/// A page made whole in the worker.
#[component]
pub fn WorkerPage() -> impl IntoView {
    let route = CurrentRoute::get();
    let saved = Callback::new(move |_| match route.with_untracked(Route::keeps_progress) {
        true => browser::stored(PROGRESS_KEY).unwrap_or_default(),
        false => String::new(),
    });
    let keep = Callback::new(|text: String| browser::store(PROGRESS_KEY, &text));
    let (html, retry, send) = worker_html_holding(move || Some(route.get()), saved, keep);
    offer(Action::Retry, None, retry);
    let save = Callback::new(|_| {
        let text = browser::stored(PROGRESS_KEY).unwrap_or_default();
        download::text_file("cin-training-progress.json", "application/json", &text);
    });
    offer(Action::SaveProgress, None, save);
    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let form = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) {
            send_form(&data, send);
        }
    };
    let class = move || format!("wrap {}", route.with(Route::page_class));
    view! { <div class=class on:submit=on_submit inner_html=move || Html::into_string(html.get())></div> }
}
