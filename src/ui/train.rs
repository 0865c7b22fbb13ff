//! `/train` and the training pages: made in the background worker by [`crate::pages::training`], which holds
//! the quiz and the rules. This component sends the learner's progress (kept in this browser under
//! [`PROGRESS_KEY`]) with each request and keeps what the worker sends back; a form on the page (check an answer,
//! next question, load or clear progress) is sent to the worker as it is, a chosen progress file as its text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::actions::offer;
use super::background::worker_html_holding;
use super::context::CurrentRoute;
use super::{browser, download};
use crate::html::Html;
use crate::render::action::Action;

/// Where the training progress is kept in this browser.
pub const PROGRESS_KEY: &str = "cin-explorer.training";

/// A form's fields as name–value pairs, in order (a field given more than once, as ticked boxes are, gives a pair
/// each), with a chosen file's text in place of the file.
async fn form_pairs(data: web_sys::FormData) -> Vec<(String, String)> {
    let entries: Vec<js_sys::Array> = js_sys::try_iter(&data)
        .ok()
        .flatten()
        .map(|entries| entries.filter_map(|e| e.ok()?.dyn_into().ok()).collect())
        .unwrap_or_default();
    let mut pairs = Vec::with_capacity(entries.len());
    for entry in entries {
        let name = entry.get(0).as_string().unwrap_or_default();
        let text = match entry.get(1).dyn_into::<web_sys::File>() {
            Ok(file) => JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()),
            Err(value) => value.as_string(),
        };
        pairs.push((name, text.unwrap_or_default()));
    }
    pairs
}

/// Every training page.
#[component]
pub fn TrainPage() -> impl IntoView {
    let route = CurrentRoute::get();
    let saved = Callback::new(|_| browser::stored(PROGRESS_KEY).unwrap_or_default());
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
        let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) else { return };
        spawn_local(async move { send.run(form_pairs(data).await) });
    };
    view! { <div class="wrap training" on:submit=on_submit inner_html=move || Html::into_string(html.get())></div> }
}
