//! `/a/{authority}/{section}`: one section in the project's words, with contents, previous/next and ← / → keys.
//! The page is HTML made by [`crate::render::section`]; this component adds the keys and the title.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use super::authority::Loaded;
use super::background::worker_html;
use super::browser;
use super::not_found::unknown_section;
use super::rules::card_context;
use super::status::on_retry;
use crate::model::page_title;
use crate::pages::route::Route;
use crate::render::highlight::highlight_words;
use crate::render::section::section_html;

fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
    })
}

/// Moves to the previous or next section on ← / →, unless a modifier is held or the reader is typing.
fn arrow_keys(previous: Option<String>, next: Option<String>) {
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() || is_typing_target(&event) {
            return;
        }
        let target = match event.key().as_str() {
            "ArrowLeft" => previous.as_deref(),
            "ArrowRight" => next.as_deref(),
            _ => None,
        };
        if let Some(path) = target {
            event.prevent_default();
            navigate(path, NavigateOptions::default());
        }
    });
    on_cleanup(move || handle.remove());
}

/// One section of a procedure; with `?with={authority}`, beside that authority's sections on the same topics (made
/// in the background worker).
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let section_id = Memo::new(move |_| params.with(|p| p.get("section").unwrap_or_default()));
    let with = Memo::new(move |_| query.with(|q| q.get("with")));
    let slug = Memo::new(move |_| params.with(|p| p.get("authority").unwrap_or_default()));
    let (beside, retry) = worker_html(move || {
        let with = Some(with.get()?);
        Some(Route::Section { slug: slug.get(), section: section_id.get(), with, highlight: None })
    });
    move || {
        if with.get().is_some() {
            return view! { <div class="wrap compare-sections" on:click=on_retry(retry) inner_html=move || beside.get()></div> }
                .into_any();
        }
        let loaded = expect_context::<Loaded>();
        let Loaded { catalogue, authority, book } = loaded.clone();
        let procedure = &book.procedure;
        let id = section_id.get();
        let Some(place) = procedure.neighbours(&id) else {
            return unknown_section(&authority, &book, &id);
        };
        let slug = authority.slug.clone();
        let path_of = |id: &str| format!("/a/{slug}/{id}");
        browser::set_title(&page_title(&[&place.current.title, &authority.short_name]));
        arrow_keys(place.previous.map(|s| path_of(&s.id)), place.next.map(|s| path_of(&s.id)));
        let others: Vec<&crate::model::Authority> = catalogue.authorities.iter().collect();
        // From a search result: mark the words it matched, and go to the first unless the address names a place.
        let words = highlight_words(&query.with(|q| q.get("highlight")).unwrap_or_default());
        let marked = crate::model::Section {
            html: place.current.body_html().mark_words(&words).into_string(),
            ..place.current.clone()
        };
        let place = crate::model::Neighbours { current: &marked, ..place };
        request_animation_frame(move || {
            if !browser::scroll_to_fragment() && !words.is_empty() {
                browser::scroll_to_selector(".prose mark");
            }
        });
        let html = section_html(&place, &book, &card_context(&loaded), &others, &browser::current_url());
        view! { <div class="wrap with-sidebar" inner_html=html.into_string()></div> }.into_any()
    }
}
