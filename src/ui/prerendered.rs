//! A page the site served written out at publish time ([`crate::prerender`]): the same page functions made it, so
//! it is the page the app would show. Before the app mounts, the served frame is taken out of the document and its
//! page kept as it is; the route's component then puts that page's nodes into its own element ([`show_in`]) —
//! moved, not written out and parsed again — and the app's page takes its place only where it differs, so nothing
//! moves or flashes and the app's start does no more work than it must.

use std::cell::RefCell;

use leptos::html::Div;
use leptos::prelude::*;

use crate::html::Html;
use crate::pages::route::Route;
use crate::prerender::{PAGE_ATTRIBUTE, ROUTE_ATTRIBUTE, SITE_ID};
use crate::render::frame::loading_html;
use crate::ui::browser::{as_parsed, fill};

/// The page served for the address the app started at.
struct Served {
    /// The route it was written for (its href).
    route: String,
    /// The element holding it: the served one, taken out of the document, until a component adopts its nodes;
    /// then the component's own element.
    page: web_sys::Element,
    /// Its markup as served, which the app's own page for the route is compared with.
    html: String,
}

thread_local! {
    /// The page served, until the reader moves to another route.
    static SERVED: RefCell<Option<Served>> = const { RefCell::new(None) };
}

/// Takes the page written at publish time out of the document, if the document holds one, so the app mounts in
/// its place; the page itself is kept for the route's component. Called once, before the app mounts.
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(site) = document.get_element_by_id(SITE_ID) else { return };
    let route = site.get_attribute(ROUTE_ATTRIBUTE).unwrap_or_default();
    let page = site.query_selector(&format!("[{PAGE_ATTRIBUTE}]")).ok().flatten();
    site.remove();
    if let Some(page) = page {
        let html = page.inner_html();
        SERVED.with(|s| *s.borrow_mut() = Some(Served { route, page, html }));
    }
}

/// The element holding the served page, if it was written for `route`.
fn served(route: &Route) -> Option<web_sys::Element> {
    let href = route.href();
    SERVED.with(|s| s.borrow().as_ref().filter(|s| s.route == href).map(|s| s.page.clone()))
}

/// Whether the served page was written for `route`.
pub fn is_served(route: &Route) -> bool {
    served(route).is_some()
}

/// Whether `html`, as the browser parses it, is the served page's markup as written.
fn is_as_served(html: &Html) -> bool {
    let parsed = as_parsed(html);
    SERVED.with(|s| s.borrow().as_ref().is_some_and(|s| parsed.as_deref() == Some(s.html.as_str())))
}

/// Puts the served page's nodes into `into` (once: after that, `into` is where the page is), if it was written
/// for `route`; whether it was.
fn adopt(route: &Route, into: &web_sys::Element) -> bool {
    let Some(page) = served(route) else { return false };
    if page != *into {
        while let Some(node) = page.first_child() {
            let _ = into.append_child(&node);
        }
        SERVED.with(|s| {
            if let Some(served) = s.borrow_mut().as_mut() {
                served.page = into.clone();
            }
        });
    }
    true
}

/// Whether the page on screen in `into` stays for `route` while its page is `html`: the served page (adopted into
/// `into` the first time) stays in place of the loading line, and in place of the app's own page when that is the
/// markup served, where setting it would parse and lay out the whole page again.
fn keeps(route: &Route, html: &Html, into: &web_sys::Element) -> bool {
    adopt(route, into) && (*html == loading_html() || is_as_served(html))
}

/// Shows each page `html` gives in the element `node` refers to, once it is mounted: the served page, if it was
/// written for the route, stays as long as [`keeps`] says; once any other page is written in its place, every page
/// after it is too.
pub fn show_in(node: NodeRef<Div>, route: Memo<Route>, html: impl Fn() -> Html + 'static) {
    Effect::new(move |_| {
        let html = html();
        let Some(element) = node.get() else { return };
        if !route.with_untracked(|r| keeps(r, &html, &element)) {
            fill(&element, &html);
            // The served page is no longer on screen: what comes next replaces what is.
            SERVED.with(|s| *s.borrow_mut() = None);
        }
    });
}

/// Forgets the served page once the reader has moved to another route: going back to it makes the page afresh.
pub fn forget_unless(route: &Route) {
    let href = route.href();
    SERVED.with(|s| {
        let mut served = s.borrow_mut();
        if served.as_ref().is_some_and(|s| s.route != href) {
            *served = None;
        }
    });
}
