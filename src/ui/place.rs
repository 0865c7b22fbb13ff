//! Keeps the reader's place. Each entry of the browser's history remembers how far its page was scrolled and which
//! folded rule cards were open (in the entry's own state, so a reload keeps it too); when the reader comes back to
//! an entry with Back, Forward or a reload, the page is put back that way once it has been made again. The browser
//! cannot do this itself, as the page is made after the address changes, so its own restoring is turned off.
//!
//! It also opens the rule cards a section page folds to one line ([`crate::render::rule_card`]) when the screen is
//! wide enough to read them open.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;

/// Wider than this (a tablet held upright and up), folded rule cards are opened. At 400 % zoom a laptop's screen is
/// narrower, and they stay folded.
const WIDE: &str = "(min-width: 48em)";

/// The folded rule cards.
const FOLDS: &str = "li.rule-card > details.rule-fold";

/// How long scrolling must pause before the place is written down, in milliseconds.
const SETTLE_MS: u32 = 150;

/// Where a page was: how far down it was scrolled, and the ids of the rule cards that were open.
#[derive(Debug, Default, PartialEq)]
struct Place {
    y: i32,
    open: Vec<String>,
}

impl Place {
    /// As kept in a history entry: the distance, then the open cards' ids (URL-safe, so without spaces), spaced.
    fn write(&self) -> String {
        std::iter::once(self.y.to_string()).chain(self.open.iter().cloned()).collect::<Vec<_>>().join(" ")
    }

    /// Reads back what [`Place::write`] wrote; `None` for anything else.
    fn read(text: &str) -> Option<Place> {
        let mut words = text.split(' ');
        let y = words.next()?.parse::<i32>().ok()?;
        Some(Place { y, open: words.filter(|w| !w.is_empty()).map(str::to_owned).collect() })
    }
}

/// What is kept between events.
#[derive(Default)]
struct Keeper {
    /// The place to put back once the page of this address (without its fragment) is shown: the entry's place, or
    /// `None` for an entry that has none (it starts at the top, or at its fragment).
    pending: Option<(String, Option<Place>)>,
    /// The address (without its fragment) of the page shown last.
    shown: Option<String>,
    /// The address a followed link is leaving, until the history moves on from it: nothing is written down for it
    /// meanwhile, as the page on screen may already be the next one.
    leaving: Option<String>,
    /// Writing down the place once scrolling pauses.
    settle: Option<Timeout>,
}

thread_local! {
    static KEEPER: RefCell<Keeper> = RefCell::new(Keeper::default());
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's full address.
fn href() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// The page's address without its fragment.
fn page_address() -> String {
    let href = href();
    href.split_once('#').map_or(href.clone(), |(page, _)| page.to_owned())
}

/// The folded rule cards on the page, each with the id of its card.
fn folds() -> Vec<(String, web_sys::Element)> {
    let Some(found) = window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(FOLDS).ok()) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|details| (details.parent_element().map(|card| card.id()).unwrap_or_default(), details))
        .collect()
}

/// Where the page is now.
fn here() -> Place {
    let y = window().and_then(|w| w.scroll_y().ok()).unwrap_or_default().round() as i32;
    let open = folds().into_iter().filter(|(_, d)| d.has_attribute("open")).map(|(id, _)| id).collect();
    Place { y, open }
}

/// The place written down in the current history entry, if any.
fn written() -> Option<Place> {
    let state = window()?.history().ok()?.state().ok()?;
    Place::read(&state.as_string()?)
}

/// Writes the page's place into the current history entry, unless a followed link is leaving it.
fn write_down() {
    let leaving = KEEPER.with(|k| k.borrow().leaving.clone());
    if leaving.is_some_and(|left| left == href()) {
        return;
    }
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state(&JsValue::from_str(&here().write()), "");
    }
}

/// Writes the place down once scrolling (or opening and closing cards) pauses.
fn write_down_soon() {
    let timeout = Timeout::new(SETTLE_MS, write_down);
    KEEPER.with(|k| k.borrow_mut().settle = Some(timeout));
}

/// Before the reader leaves this entry for a new one (a link, or the ← / → keys): writes its place down now,
/// forgets any place waiting to be put back, and writes nothing more for it until the history has moved on.
pub fn leaving(to: &str) {
    KEEPER.with(|k| {
        let mut k = k.borrow_mut();
        k.settle = None;
        k.pending = None;
    });
    write_down();
    let from = href();
    if from != to {
        KEEPER.with(|k| k.borrow_mut().leaving = Some(from));
    }
}

/// Opens the folded rule cards on a wide screen.
fn open_if_wide() {
    let wide = window().and_then(|w| w.match_media(WIDE).ok().flatten()).is_some_and(|m| m.matches());
    if wide {
        for (_, details) in folds() {
            let _ = details.set_attribute("open", "");
        }
    }
}

/// Puts the page back where it was: the same cards open, scrolled as far down.
fn put_back(place: &Place) {
    for (id, details) in folds() {
        let _ = match place.open.contains(&id) {
            true => details.set_attribute("open", ""),
            false => details.remove_attribute("open"),
        };
    }
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, f64::from(place.y));
    }
}

/// Once a page has been made: opens its folded cards on a wide screen, then, if the reader came back to it, puts it
/// back where it was (an entry with no place written down starts at the top); otherwise follows the address's
/// `#fragment`. Whether the page's place was settled, by either: if not, the caller may choose one.
pub fn shown() -> bool {
    open_if_wide();
    let address = page_address();
    let back = KEEPER.with(|k| {
        let mut k = k.borrow_mut();
        k.shown = Some(address.clone());
        match k.pending.take() {
            Some((at, place)) if at == address => Some(place),
            other => {
                k.pending = other;
                None
            }
        }
    });
    match back {
        Some(Some(place)) => {
            put_back(&place);
            true
        }
        Some(None) => {
            if !browser::scroll_to_fragment() {
                if let Some(w) = window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
            true
        }
        None => browser::scroll_to_fragment(),
    }
}

/// The history moved to another entry (Back or Forward): its place is to be put back once its page is shown. A page
/// that is already on screen (only the fragment changed) is put back at the next frame.
fn on_history_move() {
    let address = page_address();
    let same_page = KEEPER.with(|k| {
        let mut k = k.borrow_mut();
        k.settle = None;
        k.leaving = None;
        k.pending = Some((address.clone(), written()));
        k.shown.as_deref() == Some(address.as_str())
    });
    if same_page {
        leptos::prelude::request_animation_frame(|| {
            shown();
        });
    }
}

/// A click on a link the site follows itself (not one with a modifier key, a target or a download): the reader is
/// leaving this entry.
fn on_click(event: &web_sys::MouseEvent) {
    if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() {
        return;
    }
    let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let link = target.and_then(|t| t.closest("a[href]").ok().flatten());
    let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else { return };
    if link.has_attribute("download") || !link.target().is_empty() {
        return;
    }
    leaving(&link.href());
}

/// Adds a listener on the window for the life of the page; `capture` to hear an event before the page's own
/// handlers do (the router follows links in its own click handler, and makes the next page at once).
fn listen<E: JsCast + 'static>(event: &str, capture: bool, handler: impl Fn(E) + 'static) {
    let Some(w) = window() else { return };
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Ok(e) = e.dyn_into::<E>() {
            handler(e);
        }
    });
    let _ = w.add_event_listener_with_callback_and_bool(event, closure.as_ref().unchecked_ref(), capture);
    closure.forget();
}

/// Starts keeping the reader's place, once, when the site starts: the place this entry already has (a reload) is
/// put back once its page is shown.
pub fn keep() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // A reload puts the page back where it was; a page opened afresh stays where the browser showed it (the top,
    // or its fragment), where the reader may already be reading the page written at publish time.
    if let Some(place) = written() {
        KEEPER.with(|k| k.borrow_mut().pending = Some((page_address(), Some(place))));
    }
    listen("scroll", false, |_: web_sys::Event| write_down_soon());
    listen("toggle", true, |_: web_sys::Event| write_down_soon());
    listen("click", true, |e: web_sys::MouseEvent| on_click(&e));
    listen("popstate", true, |_: web_sys::Event| on_history_move());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_reads_back_as_written_and_nothing_else_reads_as_one() {
        let place = Place { y: 1234, open: vec!["north-review-first".into(), "north-visits".into()] };
        assert_eq!(place.write(), "1234 north-review-first north-visits");
        assert_eq!(Place::read(&place.write()), Some(place));
        assert_eq!(Place::read("0"), Some(Place::default()));
        for other in ["", "{\"y\":3}", "NaN a", "12.5", "99999999999"] {
            assert_eq!(Place::read(other), None, "{other:?}");
        }
    }
}
