//! A page the site served written out at publish time ([`crate::prerender`]): the same page functions made it, so
//! it is the page the app would show. The app mounts inside the written frame and then takes its place
//! ([`graft`]): its header, footer and route component go where the written ones were, and the written page itself
//! stays where it is, in the document's `main`, untouched — not moved, not written out and parsed again — so the
//! browser neither styles nor lays it out a second time. The route's component keeps it on screen ([`show_in`])
//! until the app's page for the route differs from it, which the page's mark ([`page_mark`]) tells without reading
//! the page back.

use std::cell::RefCell;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::Html;
use crate::pages::route::Route;
use crate::prerender::{page_mark, PAGE_ATTRIBUTE, ROUTE_ATTRIBUTE, SITE_ID};
use crate::render::frame::loading_html;
use crate::ui::browser::fill;

/// The page served for the address the app started at.
struct Served {
    /// The route it was written for (its href).
    route: String,
    /// The mark of its markup ([`page_mark`]), which the app's own page for the route is compared with.
    mark: String,
}

thread_local! {
    /// The page served, until the reader moves to another route.
    static SERVED: RefCell<Option<Served>> = const { RefCell::new(None) };
    /// The written page's element, while it is on screen.
    static WRITTEN: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// The element the app mounts in: the frame of the page written at publish time, if the document holds one (its
/// page is kept for the route's component), else a new frame at the end of the body. Called once, before the app
/// mounts.
pub fn frame() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    if let Some(site) = document.get_element_by_id(SITE_ID) {
        let route = site.get_attribute(ROUTE_ATTRIBUTE).unwrap_or_default();
        if let Some(page) = site.query_selector(&format!("[{PAGE_ATTRIBUTE}]")).ok().flatten() {
            let mark = page.get_attribute(PAGE_ATTRIBUTE).unwrap_or_default();
            SERVED.with(|s| *s.borrow_mut() = Some(Served { route, mark }));
            WRITTEN.with(|w| *w.borrow_mut() = Some(page));
        }
        return site.dyn_into().ok();
    }
    let site = document.create_element("div").ok()?;
    site.set_class_name("site");
    document.body()?.append_child(&site).ok()?;
    site.dyn_into().ok()
}

/// The element children of `parent`, in order.
fn children(parent: &web_sys::Element) -> Vec<web_sys::Element> {
    let list = parent.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Puts the app, mounted at the end of the written frame `site` ([`frame`]), in the written frame's place: the
/// written skip link, header and footer go, the app's come before and after the written `main`, and what the app
/// put in its own `main` goes into the written one, before the written page. `written` is how many elements the
/// frame held before the app mounted. Nothing is done for a frame the app made itself.
pub fn graft(site: &web_sys::Element, written: usize) {
    if site.id() != SITE_ID {
        return;
    }
    let all = children(site);
    let (before, mounted) = all.split_at(written.min(all.len()));
    let is_main = |e: &&web_sys::Element| e.tag_name() == "MAIN";
    let (Some(main), Some(app_main)) = (before.iter().find(is_main), mounted.iter().find(is_main)) else { return };
    let page = WRITTEN.with(|w| w.borrow().clone());
    for old in children(main).into_iter().filter(|e| Some(e) != page.as_ref()) {
        old.remove();
    }
    while let Some(node) = app_main.first_child() {
        let _ = main.insert_before(&node, page.as_ref().map(|p| p.as_ref()));
    }
    for old in before.iter().filter(|e| *e != main) {
        old.remove();
    }
    for new in mounted.iter().take_while(|e| *e != app_main) {
        let _ = site.insert_before(new, Some(main));
    }
    app_main.remove();
    site.remove_attribute("id").ok();
    site.remove_attribute(ROUTE_ATTRIBUTE).ok();
}

/// Whether the served page was written for `route`.
pub fn is_served(route: &Route) -> bool {
    let href = route.href();
    SERVED.with(|s| s.borrow().as_ref().is_some_and(|s| s.route == href))
}

/// Whether `html` is the served page's markup as written.
fn is_as_served(html: &Html) -> bool {
    SERVED.with(|s| s.borrow().as_ref().is_some_and(|s| s.mark == page_mark(html)))
}

/// Whether the written page stays on screen for `route` while its page is `html`: in place of the loading line,
/// and in place of the app's own page when that is the markup served, where setting it would parse and lay out
/// the whole page again.
fn keeps(route: &Route, html: &Html) -> bool {
    is_served(route) && WRITTEN.with(|w| w.borrow().is_some()) && (*html == loading_html() || is_as_served(html))
}

/// Takes the written page off the screen, if it is still there.
fn remove_written() {
    if let Some(page) = WRITTEN.with(|w| w.borrow_mut().take()) {
        page.remove();
    }
}

/// Shows each page `html` gives in the element `node` refers to, once it is mounted: while the written page, if it
/// was written for the route, stays ([`keeps`]), that element is hidden and the written page is shown beside it;
/// once any other page is written in its place, every page after it is too. The written page goes with the
/// component.
pub fn show_in(node: NodeRef<Div>, route: Memo<Route>, html: impl Fn() -> Html + 'static) {
    Effect::new(move |_| {
        let html = html();
        let Some(element) = node.get() else { return };
        if route.with_untracked(|r| keeps(r, &html)) {
            element.set_attribute("hidden", "").ok();
        } else {
            fill(&element, &html);
            element.remove_attribute("hidden").ok();
            remove_written();
            // The served page is no longer on screen: what comes next replaces what is.
            SERVED.with(|s| *s.borrow_mut() = None);
        }
    });
    on_cleanup(remove_written);
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

/// Listens for `event` on what the route's component shows — its element, or the written page beside it while
/// that stays — for as long as the component is mounted: events from anywhere in the document's `main`.
pub fn on_page<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: JsCast + AsRef<web_sys::Event>,
{
    let handle = window_event_listener(event, move |e| {
        let target = AsRef::<web_sys::Event>::as_ref(&e).target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.is_some_and(|t| t.closest("main").ok().flatten().is_some()) {
            handler(e);
        }
    });
    on_cleanup(move || handle.remove());
}
