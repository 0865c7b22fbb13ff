//! What the route component gives the pages it shows: the current route, and an authority's loaded content.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{Authority, Book, Catalogue};
use crate::pages::route::Route;

/// The current route, provided to every page component.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<Route>);

impl CurrentRoute {
    /// The current route, from the context.
    pub fn get() -> Memo<Route> {
        expect_context::<CurrentRoute>().0
    }
}

/// Everything an authority's live page (deadlines, wizard) needs, once loaded.
#[derive(Clone)]
pub struct Loaded {
    /// All authorities.
    pub catalogue: Arc<Catalogue>,
    /// This authority.
    pub authority: Authority,
    /// Its procedure, rules and the vocabularies.
    pub book: Arc<Book>,
}
