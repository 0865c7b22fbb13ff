//! The frame of every page: skip link, header with navigation and display settings, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{browser, Base};
use crate::html::Html;
use crate::prefs::{Prefs, STORAGE_KEY};
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

/// The site header (HTML from [`header_html`]): it follows the current page and the display preferences (its
/// buttons are handled with the page's other actions).
#[component]
pub fn Header() -> impl IntoView {
    let prefs = expect_context::<RwSignal<Prefs>>();
    let location = use_location();
    let base = expect_context::<Base>();
    let html = move || {
        let path = location.pathname.get();
        header_html(prefs.get(), path.strip_prefix(base.0.as_str()).unwrap_or(&path))
    };
    view! {
        <header class="site-header">
            <div inner_html=move || Html::into_string(html())></div>
            <super::search::SearchBox />
        </header>
    }
}

/// The site footer: what the site is, and what it does with data (its "Clear" button is handled with the page's
/// other actions).
#[component]
pub fn Footer() -> impl IntoView {
    view! { <footer class="site-footer" inner_html=Html::into_string(footer_html())></footer> }
}
