//! The Leptos user interface: routes and components that render what the pure layers compute.

mod actions;
mod background;
mod browser;
mod compare;
mod context;
mod deadlines;
mod download;
mod executor;
mod fetch;
mod glossary;
mod layout;
mod place;
mod prerendered;
mod search;
pub mod search_worker;
mod shell;
mod status;
pub mod worker;
mod worker_page;
mod worker_scope;

use std::borrow::Cow;

use leptos::prelude::*;
use leptos_router::components::{Router, A};

use fetch::CatalogueResource;

/// The path the site is served under ("" at the root, "/sub" under a sub-path), read from `<base href>`.
#[derive(Clone, Debug)]
pub(crate) struct Base(pub String);

impl Base {
    /// A site path ("/a/{slug}") with the base in front, for links the router does not resolve itself.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// A link to a site path ("/a/{slug}"), with the site's base path in front so it works under a sub-path.
#[component]
pub fn Link(
    /// The site path.
    #[prop(into)]
    href: String,
    /// Classes for the `<a>`.
    #[prop(optional, into)]
    class: Option<String>,
    /// The link relation, e.g. "next".
    #[prop(optional)]
    rel: Option<&'static str>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let href = expect_context::<Base>().url(&href);
    view! { <A href=href attr:class=class attr:rel=rel>{children()}</A> }
}

/// Starts the site: mounts the app in the frame of the page written at publish time, if the document holds one,
/// and puts it in that frame's place, keeping the written page itself where it is ([`prerendered::graft`]), its
/// start spread over short tasks ([`executor`]); else in a frame of its own.
pub fn start() {
    let Some(site) = prerendered::frame() else { return };
    let written = site.child_element_count() as usize;
    executor::mount_spread(written > 0, || {
        leptos::mount::mount_to(site.clone(), App).forget();
        prerendered::graft(&site, written);
        // The app's page is not there yet: its effects, each in a task of its own, say when it is.
        if written > 0 {
            browser::set_busy(true);
        }
    });
}

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    let base = browser::base_path();
    provide_context(Base(base.clone()));
    provide_context(CatalogueResource::new());
    layout::apply_stored_prefs();
    place::keep();
    actions::provide();
    let on_click = actions::on_click();
    let handle = window_event_listener(leptos::ev::click, on_click);
    on_cleanup(move || handle.remove());

    view! {
        <Router base=Cow::Owned(base)>
            <layout::SkipLink />
            <layout::Header />
            <main id="main" tabindex="-1">
                <shell::Shell />
            </main>
            <layout::Footer />
        </Router>
    }
}
