//! `/glossary` (A–Z, filterable): the terms and abbreviations the procedures use, as HTML made in the background
//! worker by [`crate::render::glossary`]. An entry (`/glossary/{term}`) is shown by [`super::worker_page`].

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::actions::offer;
use super::background::worker_html;
use super::context::CurrentRoute;
use super::{browser, prerendered};
use crate::pages::route::Route;
use crate::render::action::Action;
use crate::render::frame::loading_html;
use crate::render::glossary::glossary_page_html;

/// `/glossary`. The page around the list is made once (or taken over from the page written at publish time); the
/// list follows what is typed in the filter box.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let route = CurrentRoute::get();
    let filter = RwSignal::new(String::new());
    let (html, retry) = worker_html(move || Some(Route::Glossary { filter: filter.get() }));
    offer(Action::Retry, None, retry);
    // The page around the list: the served one, or the frame with the loading line in the list's place.
    let served = route.with_untracked(prerendered::is_served);
    let page = move || if served { loading_html() } else { glossary_page_html(loading_html()) };
    let node = NodeRef::<Div>::new();
    prerendered::show_in(node, route, page);
    Effect::new(move |_| {
        let list = html.get();
        if list != loading_html() {
            browser::set_inner_html("glossary-list", list);
        }
    });
    prerendered::on_page(ev::input, move |event| {
        let input = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input.filter(|i| i.id() == "glossary-filter") {
            filter.set(input.value());
        }
    });
    let class = route.with_untracked(Route::page_class);
    view! { <div class=class node_ref=node></div> }
}
