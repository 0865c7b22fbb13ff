//! The frame of every page: skip link, header with navigation and display settings, footer.

use super::Link;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::browser;
use crate::prefs::{Prefs, STORAGE_KEY};

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

/// A toggle button for one display preference.
#[component]
fn PrefToggle(label: &'static str, get: fn(&Prefs) -> bool, set: fn(&mut Prefs, bool)) -> impl IntoView {
    let prefs = expect_context::<RwSignal<Prefs>>();
    let pressed = move || prefs.with(get);
    let toggle = move |_| {
        prefs.update(|p| {
            let now = get(p);
            set(p, !now);
        });
        browser::store(STORAGE_KEY, &prefs.get_untracked().to_stored());
    };
    view! {
        <button type="button" class="toggle" aria-pressed=move || pressed().to_string() on:click=toggle>
            {label}
        </button>
    }
}

/// The site header: name, navigation and display settings.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="wrap header-row">
                <Link href="/" class="site-name">"CIN Procedure Explorer"</Link>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        <li><Link href="/">"Authorities"</Link></li>
                        <li><Link href="/compare">"Compare"</Link></li>
                        <li><Link href="/glossary">"Glossary"</Link></li>
                    </ul>
                </nav>
                <div class="display-settings" role="group" aria-label="Display settings">
                    <PrefToggle label="High visibility" get=|p| p.high_visibility set=|p, v| p.high_visibility = v />
                    <PrefToggle label="Larger text" get=|p| p.large_text set=|p, v| p.large_text = v />
                </div>
            </div>
        </header>
    }
}

/// The site footer: what the site is, and what it does with data.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "This site restates councils' published Child in Need procedures in its own words and cites "
                    "their sections. It is no substitute for the authority's current procedures manual: check the "
                    "manual before you act."
                </p>
                <p>"Privacy: nothing you do here is sent anywhere; display settings stay in this browser."</p>
            </div>
        </footer>
    }
}
