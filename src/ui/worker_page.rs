//! A page made whole in the background worker, shown as it comes: an authority's reading pages (its overview,
//! rules, change log, whole procedure and sections), a section beside another authority's, a glossary entry, the
//! wizard and its map, and the training pages ([`crate::pages::training`]). What this browser keeps for
//! the page (the training progress, a walk through a case: [`Route::kept_key`]) goes with each request and what the
//! worker sends back is kept; a form on the page (an answer to the wizard's question, check an answer, next
//! question, load or clear progress) is sent to the worker as it is, a chosen progress file as its text.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::actions::offer;
use super::background::{worker_html_holding, SendForm};
use super::context::CurrentRoute;
use super::{browser, download, prerendered};
use crate::pages::route::Route;
use crate::pages::{side, Side, PROGRESS_KEY};
use crate::render::action::Action;

/// A file chosen in a form: the field's name and the file.
type Chosen = (String, web_sys::File);

/// A form's fields as name–value pairs, in order (a field given more than once, as ticked boxes are, gives a pair
/// each), and the file chosen in it, if any.
pub fn form_fields(data: &web_sys::FormData) -> (Vec<(String, String)>, Option<Chosen>) {
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
    (pairs, file)
}

/// Sends a form's fields to the worker as name–value pairs; a chosen file is read first and sent as its text.
fn send_form(data: &web_sys::FormData, send: SendForm) {
    match form_fields(data) {
        (pairs, None) => send.run(pairs),
        (mut pairs, Some((name, file))) => spawn_local(async move {
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
    let navigate = use_navigate();
    let saved =
        Callback::new(|route: Route| route.kept_key().and_then(|key| browser::stored(&key)).unwrap_or_default());
    // Nothing to keep is forgotten.
    let keep = Callback::new(|(route, text): (Route, String)| match (route.kept_key(), text.is_empty()) {
        (Some(key), true) => browser::forget(&key),
        (Some(key), false) => browser::store(&key, &text),
        (None, _) => {}
    });
    let (html, retry, send) = worker_html_holding(move || Some(route.get()), saved, keep);
    offer(Action::Retry, None, retry);
    let save = Callback::new(|_| {
        let text = browser::stored(PROGRESS_KEY).unwrap_or_default();
        download::text_file("cin-training-progress.json", &text);
    });
    offer(Action::SaveProgress, None, save);
    // "Start again" forgets the walk kept in this browser and opens the wizard's first question.
    let restart = Callback::new(move |_| {
        let Route::Wizard { slug, way, .. } = route.get_untracked() else { return };
        let start = Route::Wizard { slug, way, walk: Vec::new() };
        if let Some(key) = start.kept_key() {
            browser::forget(&key);
        }
        navigate(&format!("/{}", start.href()), NavigateOptions { scroll: true, ..Default::default() });
        request_animation_frame(browser::focus_main);
    });
    offer(Action::Restart, None, restart);
    offer(Action::Ics, None, Callback::new(move |_| download::file_of(&route.get_untracked())));
    prerendered::on_page(ev::submit, move |event| {
        // A reading page's one form (a section beside another authority's) opens its address as any link would.
        if route.with_untracked(|r| side(r) == Side::Reading) {
            return;
        }
        event.prevent_default();
        let form = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) {
            send_form(&data, send);
        }
    });
    let node = NodeRef::<Div>::new();
    prerendered::show_in(node, route, move || html.get());
    view! { <div class=move || route.with(Route::page_class) node_ref=node></div> }
}
