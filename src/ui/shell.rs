//! The one route component: it reads the address as a [`Route`], and shows the page [`side`] says answers it —
//! the start page and the not-found page made on this side by [`crate::pages::main::catalogue_page`] once the
//! catalogue is loaded, every other page made in the background worker (the deadlines page keeping its form as the
//! worker reads it). A slug from the address is looked up in the catalogue before its data is fetched.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::{BrowserUrl, LocationProvider};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::context::{CurrentAddress, CurrentRoute};
use super::fetch::CatalogueResource;
use super::status::loaded;
use super::{background, browser, compare, deadlines, glossary, place, prerendered, search, worker_page, Base};
use crate::html::Html;
use crate::model::Catalogue;
use crate::pages::main::{catalogue_page, Content};
use crate::pages::route::Route;
use crate::pages::{side, Side};
use crate::render::action::Action;
use crate::render::frame::notices_html;
use crate::render::start;

/// Which component shows a route: the page is built again only when this changes, so a page whose address
/// changes as it is used (filters, a search, a form) keeps its place and focus.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    Main,
    Deadlines(String),
    Compare,
    Glossary,
    Search,
    Worker,
}

fn shown(route: &Route) -> Shown {
    match (side(route), route) {
        (Side::Deadlines, r) => Shown::Deadlines(r.authority().unwrap_or_default().to_owned()),
        (Side::Worker, Route::Compare { .. } | Route::CompareTopic { .. }) => Shown::Compare,
        (Side::Worker, Route::Glossary { .. }) => Shown::Glossary,
        (Side::Worker, Route::Search { .. }) => Shown::Search,
        (Side::Worker | Side::Reading, _) => Shown::Worker,
        (Side::Main, _) => Shown::Main,
    }
}

/// Moves to the previous or next section on ← / →, unless a modifier is held or the reader is typing: the page's
/// own `rel="prev"` and `rel="next"` links say where.
fn arrow_keys() {
    let navigate = use_navigate();
    let handle = window_event_listener(ev::keydown, move |event| {
        let typing = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
        });
        if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() || typing {
            return;
        }
        let rel = match event.key().as_str() {
            "ArrowLeft" => "prev",
            "ArrowRight" => "next",
            _ => return,
        };
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("main a[rel='{rel}']")).ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some((href, to)) = link.and_then(|a| Some((a.get_attribute("href")?, a.href()))) {
            event.prevent_default();
            place::leaving(&to);
            navigate(&format!("/{href}"), NavigateOptions::default());
        }
    });
    on_cleanup(move || handle.remove());
}

/// Fills the start page's list and its count again for what is typed in its filter box.
fn show_filtered(catalogue: &Catalogue, typed: &str) {
    let shown = start::filtered(catalogue, typed, browser::today());
    browser::set_inner_html(start::COUNT_ID, shown.count);
    browser::set_inner_html(start::LIST_ID, shown.list);
}

/// A page made on this side from the catalogue: the start page, or the not-found page. Once one is shown, the
/// background worker is started when the browser is next idle ([`background::warm_when_idle`]).
#[component]
fn MainPage() -> impl IntoView {
    let route = CurrentRoute::get();
    let address = CurrentAddress::get();
    let catalogue = CatalogueResource::get().0;
    offer(Action::Retry, None, Callback::new(move |_| catalogue.refetch()));
    let page = move || {
        loaded(catalogue.get(), false, |catalogue| {
            let route = route.get();
            // What was typed in the written start page's filter before the app took it over.
            let typed = browser::input_value(start::FILTER_ID);
            let typing = browser::focused_id().as_deref() == Some(start::FILTER_ID);
            let address = address.get_untracked();
            let content = Content { catalogue: &catalogue, book: None, today: browser::today(), address: &address };
            let page = catalogue_page(&route, &content);
            browser::set_title(&page.title);
            request_animation_frame(move || {
                place::shown();
                if !typed.is_empty() {
                    browser::set_input_value(start::FILTER_ID, &typed);
                    show_filtered(&catalogue, &typed);
                }
                if typing {
                    browser::focus_again(start::FILTER_ID);
                }
                background::warm_when_idle("");
            });
            page.html
        })
    };
    let node = NodeRef::<Div>::new();
    prerendered::show_in(node, route, page);
    let listed = move || catalogue.get_untracked().and_then(Result::ok);
    prerendered::on_page(ev::input, move |event| {
        let input = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let (Some(input), Some(catalogue)) = (input.filter(|i| i.id() == start::FILTER_ID), listed()) {
            show_filtered(&catalogue, &input.value());
        }
    });
    view! { <div class=move || route.with(Route::page_class) node_ref=node></div> }
}

/// The page for the current address.
#[component]
pub fn Shell() -> impl IntoView {
    let location = use_location();
    let base = expect_context::<Base>();
    let base_n = base.clone();
    let route = Memo::new(move |_| {
        let path = location.pathname.get();
        let path = path.strip_prefix(base.0.as_str()).unwrap_or(&path).to_owned();
        Route::parse(&path, &location.search.get()).0
    });
    provide_context(CurrentRoute(route));
    Effect::new(move |_| route.with(prerendered::forget_unless));
    let address = Memo::new(move |_| {
        let search = location.search.get();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}{}{query}{}", browser::origin(), location.pathname.get(), location.hash.get())
    });
    provide_context(CurrentAddress(address));
    arrow_keys();
    // The router writes a new address into the history once the page for it is ready: this component is, whatever
    // the address (one that gives the route already shown, or a second click before the first was written, included).
    let history = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        if let Some(history) = &history {
            history.as_url().track();
            history.ready_to_complete();
        }
    });
    let notices = Memo::new(move |_| {
        let path = location.pathname.get();
        let path = path.strip_prefix(base_n.0.as_str()).unwrap_or(&path).to_owned();
        Route::parse(&path, &location.search.get()).1.into_iter().map(|n| n.0).collect::<Vec<_>>()
    });
    let which = Memo::new(move |_| route.with(shown));
    let page = move || match which.get() {
        Shown::Main => view! { <MainPage /> }.into_any(),
        Shown::Deadlines(_) => view! { <deadlines::DeadlinesPage /> }.into_any(),
        Shown::Compare => view! { <compare::ComparePage /> }.into_any(),
        Shown::Glossary => view! { <glossary::GlossaryPage /> }.into_any(),
        Shown::Search => view! { <search::SearchPage /> }.into_any(),
        Shown::Worker => view! { <worker_page::WorkerPage /> }.into_any(),
    };
    view! {
        <div inner_html=move || Html::into_string(notices_html(&notices.get()))></div>
        {page}
    }
}
