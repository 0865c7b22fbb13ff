//! Search: the box in the header (results as you type, in the authority whose pages it is on when it is on one;
//! ↑/↓ to move through them; Enter or its button for the results page; `/` or `s` to come to it) and the
//! `/search?q=…&a=…` page. Results are HTML made in the background worker by [`crate::render::search`].

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::background::{ask_in, worker_html, Lane};
use super::prerendered;
use super::Base;
use crate::html::Html;
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Want};
use crate::query::encode;
use crate::render::action::Action;
use crate::render::search::AUTHORITY_FILTER_ID;

const INPUT: &str = "site-search";
const RESULTS: &str = "site-search-results";

fn element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into().ok()
}

fn is_typing(target: Option<web_sys::Element>) -> bool {
    target.is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The address of the results page for `query`, in the authority `slug` alone when it is given.
fn results_page(query: &str, slug: &str) -> String {
    let mut path = format!("/search?q={}", encode(query));
    if !slug.is_empty() {
        path.push_str(&format!("&a={}", encode(slug)));
    }
    path
}

/// The result links under the box.
fn result_links() -> Vec<web_sys::HtmlElement> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return vec![] };
    let Ok(list) = doc.query_selector_all(&format!("#{RESULTS} a")) else { return vec![] };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// The search box in the header. On an authority's pages it searches that authority (its results say so, and link
/// to every authority's).
#[component]
pub fn SearchBox() -> impl IntoView {
    let results = RwSignal::new(Html::new());
    let latest = StoredValue::new(0u32);
    let lane = Lane::open();
    let navigate = use_navigate();
    let location = use_location();
    let base = expect_context::<Base>();
    // The authority whose pages the box is on, as the address names it (the worker checks it against its library).
    let authority = Memo::new(move |_| {
        let path = location.pathname.get();
        let path = path.strip_prefix(base.0.as_str()).unwrap_or(&path).to_owned();
        Route::parse(&path, "").0.authority().unwrap_or_default().to_owned()
    });
    // A new page closes the results.
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        results.set(Html::new());
    });
    let focus_box = window_event_listener(ev::keydown, move |event| {
        let key = event.key();
        if (key == "/" || key == "s") && !event.ctrl_key() && !event.meta_key() && !event.alt_key() {
            let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if !is_typing(target) {
                event.prevent_default();
                super::browser::focus_selector(&format!("#{INPUT}"));
            }
        }
    });
    on_cleanup(move || focus_box.remove());
    let show = move |query: String| {
        let mine = latest.get_value() + 1;
        latest.set_value(mine);
        if query.trim().is_empty() {
            results.set(Html::new());
            return;
        }
        let route = Route::Search { q: query, a: authority.get_untracked() };
        ask_in(lane, Want::Results, &route, move |answer| {
            if let (true, Answer::Page(page)) = (latest.get_value() == mine, answer) {
                results.set(page.html);
            }
        });
    };
    // A failure under the box offers a Try again of its own: it asks again for what the box holds.
    offer(Action::Retry, Some(RESULTS), Callback::new(move |_| show(super::browser::input_value(INPUT))));
    let on_input = move |event: web_sys::Event| show(event_target_value(&event));
    // Enter and the Search button open the results page, whatever the box shows.
    let on_submit = {
        let navigate = navigate.clone();
        move |event: web_sys::SubmitEvent| {
            event.prevent_default();
            let query = super::browser::input_value(INPUT);
            navigate(&results_page(&query, &authority.get_untracked()), NavigateOptions::default());
        }
    };
    // ↓ from the box goes to the first result; ↑/↓ move between results; Escape closes them.
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let links = result_links();
        let current = element(&event).and_then(|el| links.iter().position(|l| l.is_same_node(Some(&el))));
        let to = match (event.key().as_str(), current) {
            ("ArrowDown", None) => Some(0),
            ("ArrowDown", Some(i)) => Some((i + 1).min(links.len().saturating_sub(1))),
            ("ArrowUp", Some(0)) => {
                event.prevent_default();
                super::browser::focus_selector(&format!("#{INPUT}"));
                None
            }
            ("ArrowUp", Some(i)) => Some(i - 1),
            ("Escape", _) => {
                results.set(Html::new());
                super::browser::focus_selector(&format!("#{INPUT}"));
                None
            }
            _ => None,
        };
        if let Some(link) = to.and_then(|i| links.get(i)) {
            event.prevent_default();
            let _ = link.focus();
        }
    };
    view! {
        <div class="wrap search-row" on:keydown=on_keydown>
            <form class="site-search" role="search" action="search" aria-label="Search the procedures" on:submit=on_submit>
                <label for=INPUT>"Search the procedures"</label>
                <div class="search-line">
                    <input id=INPUT name="q" type="search" autocomplete="off" aria-controls=RESULTS
                        aria-describedby="site-search-hint" on:input=on_input />
                    <button type="submit" class="button secondary">"Search"</button>
                </div>
                <p id="site-search-hint" class="visually-hidden">
                    "Results appear as you type; on an authority's pages, from that authority. Enter opens the results page. \
                     Press slash or s to come back to this box."
                </p>
            </form>
            <div id=RESULTS class="search-results-box" inner_html=move || Html::into_string(results.get())></div>
        </div>
    }
}

/// `/search?q=…&a=…`: the worker's page, or, while it is the same, the page served — the search page written at
/// publish time, with the results `static/boot.js` put in it before the app started.
#[component]
pub fn SearchPage() -> impl IntoView {
    let route = super::context::CurrentRoute::get();
    let navigate = use_navigate();
    let (html, retry) = worker_html(move || Some(route.get()));
    offer(Action::Retry, None, retry);
    prerendered::on_page(ev::submit, move |event| {
        if !element(&event).is_some_and(|form| form.has_attribute("data-search-form")) {
            return;
        }
        event.prevent_default();
        let (q, a) = (super::browser::input_value("search-q"), super::browser::input_value("search-a"));
        navigate(&results_page(&q, &a), NavigateOptions::default());
    });
    prerendered::on_page(ev::input, move |event| {
        let input = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input.filter(|i| i.id() == AUTHORITY_FILTER_ID) {
            super::browser::filter_choices("#search-a option:not([value=''])", &input.value());
        }
    });
    let node = NodeRef::<Div>::new();
    prerendered::show_in(node, route, move || html.get());
    view! { <div class=move || route.with(Route::page_class) node_ref=node></div> }
}
