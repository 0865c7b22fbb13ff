//! A page the site served written out at publish time ([`crate::prerender`]): the same page functions made it, so
//! it is the page the app would show. It is read before the app mounts and removed, and the route's component shows
//! it while its own page loads; the app's page then takes its place unchanged, so nothing moves or flashes.

use std::cell::RefCell;

use crate::html::Html;
use crate::pages::route::Route;
use crate::prerender::{PAGE_ATTRIBUTE, ROUTE_ATTRIBUTE, SITE_ID};
use crate::render::frame::loading_html;
use crate::ui::browser::as_parsed;

thread_local! {
    /// The route the served page was written for (its href) and the page's HTML.
    static SERVED: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Reads the page written at publish time, if the document holds one, and removes it so the app mounts in its
/// place. Called once, before the app mounts.
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(site) = document.get_element_by_id(SITE_ID) else { return };
    let route = site.get_attribute(ROUTE_ATTRIBUTE).unwrap_or_default();
    let page = site.query_selector(&format!("[{PAGE_ATTRIBUTE}]")).ok().flatten().map(|p| p.inner_html());
    site.remove();
    if let Some(page) = page {
        SERVED.with(|s| *s.borrow_mut() = Some((route, page)));
    }
}

/// The served page's HTML, if it was written for `route`.
pub fn for_route(route: &Route) -> Option<Html> {
    let href = route.href();
    SERVED.with(|s| s.borrow().as_ref().filter(|(r, _)| *r == href).map(|(_, page)| Html::from_document(page.clone())))
}

/// What to show for `route` while its page is `html`, if the served page was written for this route: the served
/// page in place of the loading line, and in place of the app's own page when that is the same markup — shown in a
/// memo, it then leaves the document as it is, where setting it would parse and lay out the whole page again.
pub fn or_served(route: &Route, html: Html) -> Html {
    match for_route(route) {
        Some(served) if html == loading_html() || as_parsed(&html).as_deref() == Some(served.as_str()) => served,
        _ => html,
    }
}

/// Forgets the served page once the reader has moved to another route: going back to it makes the page afresh.
pub fn forget_unless(route: &Route) {
    let href = route.href();
    SERVED.with(|s| {
        let mut served = s.borrow_mut();
        if served.as_ref().is_some_and(|(r, _)| *r != href) {
            *served = None;
        }
    });
}
