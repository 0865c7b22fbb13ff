//! The frame of every page: skip link, header with navigation and display settings, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::{browser, Base};
use crate::html::Html;
use crate::prefs::{Prefs, STORAGE_KEY, STORAGE_PREFIX};
use crate::render::frame::{footer_html, header_html};

/// Applies the stored display preferences to the page and provides them to the settings controls.
pub fn apply_stored_prefs() {
    let prefs = RwSignal::new(Prefs::from_stored(browser::stored(STORAGE_KEY).as_deref()));
    Effect::new(move |_| {
        let current = prefs.get();
        for (class, on) in current.classes() {
            browser::set_root_class(class, on);
        }
    });
    provide_context(prefs);
}

/// The "Skip to main content" link, first in the tab order. It moves focus to `<main>` itself: a plain
/// `#main` link would resolve against `<base href>` and leave the page.
#[component]
pub fn SkipLink() -> impl IntoView {
    let location = use_location();
    let href = move || format!("{}#main", location.pathname.get());
    let skip = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        browser::focus_main();
    };
    view! { <a class="skip-link" href=href on:click=skip>"Skip to main content"</a> }
}

/// The site header (HTML from [`header_html`]): it follows the current page, and its display-setting buttons
/// turn a preference on or off and keep it in this browser.
#[component]
pub fn Header() -> impl IntoView {
    let prefs = expect_context::<RwSignal<Prefs>>();
    let location = use_location();
    let base = expect_context::<Base>();
    let html = move || {
        let path = location.pathname.get();
        Html::into_string(header_html(prefs.get(), path.strip_prefix(base.0.as_str()).unwrap_or(&path)))
    };
    let toggle = move |event: web_sys::MouseEvent| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(pref) = target.and_then(|t| t.closest("[data-pref]").ok().flatten()) else { return };
        let name = pref.get_attribute("data-pref").unwrap_or_default();
        prefs.update(|p| match name.as_str() {
            "high_visibility" => p.high_visibility = !p.high_visibility,
            "large_text" => p.large_text = !p.large_text,
            _ => {}
        });
        browser::store(STORAGE_KEY, &prefs.get_untracked().to_stored());
        // The header is made again: give focus back to the button that was pressed.
        request_animation_frame(move || browser::focus_selector(&format!("[data-pref='{name}']")));
    };
    view! {
        <header class="site-header">
            <div on:click=toggle inner_html=html></div>
            <super::search::SearchBox />
        </header>
    }
}

/// The site footer: what the site is, and what it does with data.
#[component]
pub fn Footer() -> impl IntoView {
    let prefs = expect_context::<RwSignal<Prefs>>();
    let forget = move |event: web_sys::MouseEvent| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.and_then(|t| t.get_attribute("data-action")).as_deref() != Some("forget") {
            return;
        }
        let count = browser::forget_all(STORAGE_PREFIX);
        prefs.set(Prefs::default());
        let said = match count {
            0 => "This site was keeping nothing in this browser.".to_owned(),
            1 => "Cleared: 1 saved item removed from this browser.".to_owned(),
            n => format!("Cleared: {n} saved items removed from this browser."),
        };
        let status = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".site-footer .forgotten").ok().flatten());
        if let Some(status) = status {
            status.set_text_content(Some(&said));
        }
    };
    view! { <footer class="site-footer" on:click=forget inner_html=Html::into_string(footer_html())></footer> }
}
