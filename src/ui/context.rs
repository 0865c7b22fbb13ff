//! What the route component gives the pages it shows: the current route and address.

use leptos::prelude::*;

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

/// The full address of the page on screen (origin, path, query, fragment) as the router holds it, provided to every
/// page component. The browser's own address (`window.location`) is written only after the page is made, and not at
/// all when the browser refuses a history entry (it takes only so many in a few seconds): a page that names its
/// address reads it here.
#[derive(Clone, Copy)]
pub struct CurrentAddress(pub Memo<String>);

impl CurrentAddress {
    /// The current page's address, from the context.
    pub fn get() -> Memo<String> {
        expect_context::<CurrentAddress>().0
    }
}
