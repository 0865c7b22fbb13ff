//! The Leptos user interface: routes and components that render what the pure layers compute.

mod authority;
mod background;
mod browser;
mod compare;
mod deadlines;
mod download;
mod fetch;
mod glossary;
mod home;
mod layout;
mod not_found;
mod rules;
mod search;
mod section;
mod status;
mod wizard;
pub mod worker;

use std::borrow::Cow;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;

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

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    let base = browser::base_path();
    provide_context(Base(base.clone()));
    provide_context(CatalogueResource::new());
    layout::apply_stored_prefs();

    view! {
        <Router base=Cow::Owned(base)>
            <layout::SkipLink />
            <layout::Header />
            <main id="main" tabindex="-1">
                <Routes fallback=not_found::UnknownRoute>
                    <Route path=path!("/") view=home::Home />
                    <ParentRoute path=path!("/a/:authority") view=authority::AuthorityShell>
                        <Route path=path!("") view=authority::Overview />
                        <Route path=path!("rules") view=rules::RulesPage />
                        <Route path=path!(":section") view=section::SectionPage />
                    </ParentRoute>
                    <ParentRoute path=path!("/deadlines/:authority") view=authority::AuthorityShell>
                        <Route path=path!("") view=deadlines::DeadlinesPage />
                    </ParentRoute>
                    <ParentRoute path=path!("/wizard/:authority") view=authority::AuthorityShell>
                        <Route path=path!("") view=wizard::WizardPage />
                        <Route path=path!("map") view=wizard::WizardMap />
                    </ParentRoute>
                    <Route path=path!("/compare") view=compare::ComparePage />
                    <Route path=path!("/compare/:topic") view=compare::ComparePage />
                    <Route path=path!("/search") view=search::SearchPage />
                    <Route path=path!("/glossary") view=glossary::GlossaryPage />
                    <Route path=path!("/glossary/:term") view=glossary::TermPage />
                </Routes>
            </main>
            <layout::Footer />
        </Router>
    }
}
