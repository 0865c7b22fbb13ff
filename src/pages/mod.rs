//! The site's addresses ([`route::Route`]) and the pure page functions that answer them: given a route and the
//! loaded content, a page — title and [`crate::html::Html`] — with no browser involved. [`side`] says which side
//! of the site answers each route.

pub mod compare;
pub mod deadlines;
pub mod main;
pub mod route;
pub mod search;
pub mod training;
pub mod trust;
pub mod wizard;
pub mod worker;

use crate::compare::Library;
use crate::html;
use crate::model::{page_title, Authority, Book, Catalogue};
use crate::render::frame::unknown_authority_html;
use crate::render::Page;
use route::Route;

/// Which part of the site answers a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The page itself, from the catalogue alone: the start page (whose filter box it fills as the reader types)
    /// and the not-found page ([`main::page`]).
    Main,
    /// The background worker, from the catalogue and the authority's book, with the same page function
    /// ([`main::page`]): an authority's overview, rules, change log, whole procedure and sections. The page's own
    /// code then holds none of the reading pages' rendering, so it starts sooner.
    Reading,
    /// The background worker, which holds every authority's data and the search index: [`worker::page`].
    Worker,
    /// The background worker too, for a form whose page stays while it is filled in: the worker reads the form on
    /// each change and sends back the parts of the page that change ([`worker::Answer::Update`]). The deadlines page.
    Deadlines,
}

/// The one place that says which side answers which route.
pub fn side(route: &Route) -> Side {
    match route {
        Route::Home | Route::NotFound { .. } => Side::Main,
        Route::Authority { .. } | Route::Rules { .. } | Route::Changes { .. } | Route::All { .. } => Side::Reading,
        Route::Section { with: None, .. } => Side::Reading,
        Route::Section { with: Some(_), .. } => Side::Worker,
        Route::Compare { .. } | Route::CompareTopic { .. } | Route::Glossary { .. } | Route::Term { .. } => {
            Side::Worker
        }
        Route::Search { .. } => Side::Worker,
        Route::Train | Route::Quiz { .. } | Route::QuizSheet { .. } | Route::Handout { .. } | Route::Cases { .. } => {
            Side::Worker
        }
        Route::Wizard { .. } | Route::WizardMap { .. } => Side::Worker,
        Route::Deadlines { .. } => Side::Deadlines,
    }
}

/// Where this browser keeps the training progress.
pub const PROGRESS_KEY: &str = "cin-explorer.training";

/// The page for an authority the catalogue does not list, naming the slug as text.
pub fn not_listed(catalogue: &Catalogue, slug: &str) -> Page {
    Page {
        title: page_title(&["Authority not found"]),
        html: html!("<div class=\"not-found\">{}</div>", unknown_authority_html(slug, catalogue)),
    }
}

/// An authority listed in the library, with its rules, the topics and the roles as a book (no procedure text: the
/// wizard, the deadlines and the wizard's map need none).
pub fn book_of<'a>(library: &'a Library, slug: &str) -> Option<(&'a Authority, Book)> {
    let data = library.books.iter().find(|b| b.authority.slug == slug)?;
    let book = Book {
        rules: data.rules.clone(),
        topics: library.topics.clone(),
        roles: library.roles.clone(),
        ..Book::default()
    };
    Some((&data.authority, book))
}

impl Route {
    /// Where this browser keeps what the route's page works with, if anything: the training progress, or the walk
    /// through a whole case in the wizard (to offer to resume it). The page sends what is kept there with each
    /// request, and keeps what the worker sends back ([`worker::Answer::Kept`]).
    pub fn kept_key(&self) -> Option<String> {
        match self {
            Route::Train | Route::Quiz { .. } | Route::Cases { .. } => Some(PROGRESS_KEY.to_owned()),
            Route::Wizard { slug, way: crate::wizard::Way::Case, .. } => Some(format!("cin-explorer.wizard.{slug}")),
            _ => None,
        }
    }

    /// The class of the element the route's page is shown in, for its layout: the same in the app and in a page
    /// written at publish time, so one takes the other's place unchanged.
    pub fn page_class(&self) -> &'static str {
        match self {
            Route::Home | Route::Authority { .. } | Route::Rules { .. } | Route::Changes { .. } => "wrap",
            Route::All { .. } => "wrap",
            Route::NotFound { .. } => "wrap",
            Route::Section { with: None, .. } => "wrap",
            Route::Section { with: Some(_), .. } => "wrap compare-sections",
            Route::Compare { .. } | Route::CompareTopic { .. } => "wrap compare",
            Route::Glossary { .. } => "wrap glossary",
            Route::Term { .. } => "wrap glossary-term",
            Route::Search { .. } => "wrap search-page",
            Route::Deadlines { .. } => "wrap deadlines",
            // A page as wide as it will be while it loads, so that it does not move when it comes.
            Route::Wizard { walk, .. } if walk.iter().any(|(k, _)| k == "compare") => "wrap wizard side-by-side",
            Route::Wizard { .. } => "wrap wizard",
            Route::WizardMap { .. } => "wrap wizard-map-page",
            Route::Train | Route::Handout { .. } => "wrap training wide",
            Route::Quiz { .. } | Route::QuizSheet { .. } | Route::Cases { .. } => "wrap training",
        }
    }

    /// The authority the route's page belongs to, if it names one.
    pub fn authority(&self) -> Option<&str> {
        match self {
            Route::Authority { slug }
            | Route::Section { slug, .. }
            | Route::Rules { slug }
            | Route::Changes { slug }
            | Route::All { slug }
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
