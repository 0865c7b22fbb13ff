//! The site's addresses ([`route::Route`]) and the pure page functions that answer them: given a route and the
//! loaded content, a page — title and [`crate::html::Html`] — with no browser involved. [`side`] says which side
//! of the site answers each route.

pub mod compare;
pub mod main;
pub mod route;
pub mod search;
pub mod training;
pub mod wizard;
pub mod worker;

use route::Route;

/// Which part of the site answers a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The main side, from the catalogue and (for an authority's pages) its book: [`main::page`].
    Main,
    /// The background worker, which holds every authority's data and the search index: [`worker::page`].
    Worker,
    /// A form the main side keeps live while it is filled in: the deadlines page.
    Deadlines,
    /// A form the main side keeps live while it is walked: the wizard.
    Wizard,
}

/// The one place that says which side answers which route.
pub fn side(route: &Route) -> Side {
    match route {
        Route::Home | Route::Authority { .. } | Route::Rules { .. } | Route::WizardMap { .. } => Side::Main,
        Route::Section { with: None, .. } | Route::NotFound { .. } => Side::Main,
        Route::Section { with: Some(_), .. } => Side::Worker,
        Route::Compare { .. } | Route::CompareTopic { .. } | Route::Glossary { .. } | Route::Term { .. } => {
            Side::Worker
        }
        Route::Search { .. } => Side::Worker,
        Route::Train | Route::Quiz { .. } | Route::QuizSheet { .. } | Route::Handout { .. } | Route::Cases { .. } => {
            Side::Worker
        }
        Route::Deadlines { .. } => Side::Deadlines,
        Route::Wizard { .. } => Side::Wizard,
    }
}

impl Route {
    /// Whether the page works with the learner's training progress (so the page sends it with each request).
    pub fn keeps_progress(&self) -> bool {
        matches!(self, Route::Train | Route::Quiz { .. } | Route::Cases { .. })
    }

    /// The class of the element a page made in the worker is shown in, for its layout.
    pub fn page_class(&self) -> &'static str {
        match self {
            Route::Section { .. } => "compare-sections",
            Route::Term { .. } => "glossary-term",
            _ => "training",
        }
    }

    /// The authority the route's page belongs to, if it names one.
    pub fn authority(&self) -> Option<&str> {
        match self {
            Route::Authority { slug }
            | Route::Section { slug, .. }
            | Route::Rules { slug }
            | Route::Deadlines { slug, .. }
            | Route::Wizard { slug, .. }
            | Route::WizardMap { slug }
            | Route::Quiz { slug, .. }
            | Route::QuizSheet { slug, .. }
            | Route::Handout { slug }
            | Route::Cases { slug, .. } => Some(slug),
            _ => None,
        }
    }
}
