//! The few things the interface asks of the browser directly: base path, title, today, storage, scrolling.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;

use crate::html::Html;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The path of `<base href>` without its trailing slash ("" when the site is at the root).
pub fn base_path() -> String {
    let base = document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let after_scheme = base.split_once("://").map_or(base.as_str(), |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    path.trim_end_matches('/').to_owned()
}

/// The `content` of the page's `<meta name="{name}">`, if it has one.
pub fn meta_content(name: &str) -> Option<String> {
    let selector = format!("meta[name='{name}']");
    document()?.query_selector(&selector).ok()??.get_attribute("content")
}

/// Runs `then` once, when the browser is next idle after the page has finished loading (`requestIdleCallback`; a
/// browser without it runs `then` a moment after the load instead).
pub fn when_idle(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let idle = move || {
        let Some(window) = web_sys::window() else { return };
        let then = wasm_bindgen::closure::Closure::once_into_js(then);
        if window.request_idle_callback(then.unchecked_ref()).is_err() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), 50);
        }
    };
    if document().is_some_and(|d| d.ready_state() == "complete") {
        idle();
    } else {
        let on_load = wasm_bindgen::closure::Closure::once_into_js(idle);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "load",
            on_load.unchecked_ref(),
            &options,
        );
    }
}

/// Sets the document's `<title>`.
pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Today's date in the browser's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a value from localStorage (None if storage is unavailable).
pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a value to localStorage; quietly does nothing if storage is unavailable.
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Removes a value from localStorage; quietly does nothing if storage is unavailable.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Removes every value whose key starts with `prefix` from localStorage; how many were removed.
pub fn forget_all(prefix: &str) -> u32 {
    let Some(s) = storage() else { return 0 };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for key in &keys {
        let _ = s.remove_item(key);
    }
    keys.len() as u32
}

/// Sets the text of the first element matching a CSS selector, if any.
pub fn set_text(selector: &str, text: &str) {
    if let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
        el.set_text_content(Some(text));
    }
}

/// Turns a class on the `<html>` element on or off.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// The site's origin (`scheme://host:port`).
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The site's own address: its origin and base path, ending in `/`.
pub fn site_address() -> String {
    format!("{}{}/", origin(), base_path())
}

/// Marks `<main>` as busy (`aria-busy`) while its page is loading or is the copy written at publish time, and clears
/// the mark once the app's own page is there.
pub fn set_busy(busy: bool) {
    if let Some(main) = document().and_then(|d| d.get_element_by_id("main")) {
        let _ = if busy { main.set_attribute("aria-busy", "true") } else { main.remove_attribute("aria-busy") };
    }
}

/// Replaces the content of the element with this id, if there is one.
pub fn set_inner_html(id: &str, html: Html) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        fill(&el, &html);
    }
}

/// Replaces an element's content with `html`: the one place the browser code sets markup outside a view, and it
/// takes only the project's `Html`.
pub(super) fn fill(element: &web_sys::Element, html: &Html) {
    element.set_inner_html(html.as_str());
}

/// Scrolls to the element named by the URL's fragment, once the content it names has rendered; whether there was
/// one to scroll to.
pub fn scroll_to_fragment() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let hash = window.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return false;
    }
    match document().and_then(|d| d.get_element_by_id(id)) {
        Some(el) => {
            el.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Scrolls the first element matching a CSS selector, if any, to the middle of the window.
pub fn scroll_to_centre(selector: &str) {
    if let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Moves keyboard focus to the element with this id and scrolls it into view; nothing if there is none.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = document().and_then(|d| d.get_element_by_id(id)).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// Moves keyboard focus to the first element matching a CSS selector, without scrolling the page.
pub fn focus_selector(selector: &str) {
    use wasm_bindgen::JsCast;
    let el = document().and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the first element one of these selectors finds (in their order), scrolling it into view.
pub fn focus_first(selectors: &[&str]) {
    use wasm_bindgen::JsCast;
    let found = selectors.iter().find_map(|s| document().and_then(|d| d.query_selector(s).ok().flatten()));
    if let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// The id of the element that has keyboard focus, if it has one.
pub fn focused_id() -> Option<String> {
    let id = document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// Gives focus back to the element with this id after the page around it was made again, unless it still has it.
pub fn focus_again(id: &str) {
    if focused_id().as_deref() != Some(id) {
        focus_selector(&format!("[id='{id}']"));
    }
}

/// The value of the form control with this id ("" if there is none).
pub fn input_value(id: &str) -> String {
    use wasm_bindgen::JsCast;
    let el = document().and_then(|d| d.get_element_by_id(id));
    match el {
        Some(el) => match el.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => input.value(),
            None => el.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default(),
        },
        None => String::new(),
    }
}

/// Sets the value of the text box with this id, if there is one.
pub fn set_input_value(id: &str, value: &str) {
    let el = document().and_then(|d| d.get_element_by_id(id));
    if let Some(input) = el.as_ref().and_then(|el| el.dyn_ref::<web_sys::HtmlInputElement>()) {
        input.set_value(value);
    }
}

/// Moves keyboard focus to `<main>` (it has `tabindex="-1"`) and scrolls it into view.
pub fn focus_main() {
    focus("main");
}

/// Shows or clears a form field's error: the message in `{id}-error`, the error style on `{id}-group`.
pub fn show_field_error(id: &str, message: Option<&str>) {
    let Some(d) = document() else { return };
    if let Some(p) = d.get_element_by_id(&format!("{id}-error")) {
        p.set_text_content(message.map(|m| format!("Error: {m}")).as_deref());
        let _ = if message.is_some() { p.remove_attribute("hidden") } else { p.set_attribute("hidden", "") };
    }
    if let Some(group) = d.get_element_by_id(&format!("{id}-group")) {
        let _ = group.class_list().toggle_with_force("has-error", message.is_some());
    }
}

/// Copies text to the clipboard, then says whether it could (`done(true)`) or the browser refused (`done(false)`).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else { return done(false) };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The absolute address of the first link matching a CSS selector, or of the page when there is none.
pub fn link_address(selector: &str) -> String {
    let link = document().and_then(|d| d.query_selector(selector).ok().flatten());
    match link.and_then(|l| l.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        Some(a) => a.href(),
        None => web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default(),
    }
}

/// Hides each element matching `selector` whose text does not hold `filter` (ignoring case); shows the rest.
pub fn filter_choices(selector: &str, filter: &str) {
    let filter = filter.trim().to_lowercase();
    let Some(found) = document().and_then(|d| d.query_selector_all(selector).ok()) else { return };
    for i in 0..found.length() {
        if let Some(el) = found.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let text = el.text_content().unwrap_or_default().to_lowercase();
            el.set_hidden(!filter.is_empty() && !text.contains(&filter));
        }
    }
}

/// Ticks or unticks every checkbox in the element's nearest fieldset that a filter has not hidden.
pub fn tick_all(control: &web_sys::Element, on: bool) {
    let Some(fieldset) = control.closest("fieldset").ok().flatten() else { return };
    let Ok(boxes) = fieldset.query_selector_all(".checkbox:not([hidden]) input[type=checkbox]") else { return };
    for i in 0..boxes.length() {
        if let Some(input) = boxes.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_checked(on);
        }
    }
}

/// Opens the browser's print dialogue.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
