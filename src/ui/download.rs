//! Saving generated text as a file: a Blob, a temporary object URL and a click on a `download` link; and the one
//! `.ics` export of a case's deadlines.

use wasm_bindgen::JsCast;

use super::browser;
use crate::model::{Authority, Book};
use crate::timeline::ics::{to_ics, IcsContext};
use crate::timeline::{timeline, Case};

/// Offers `text` for download as `file_name` with this MIME type; does nothing if the browser refuses.
pub fn text_file(file_name: &str, mime: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
}

/// Offers a case's deadlines under an authority's rules as an `.ics` calendar file, naming the page at `url`.
pub fn deadlines_ics(authority: &Authority, book: &Book, case: &Case, url: &str) {
    let label =
        |topic: &str| book.topics.iter().find(|t| t.id == topic).map_or_else(|| topic.to_owned(), |t| t.label.clone());
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let ctx = IcsContext { authority: &authority.name, slug: &authority.slug, topic_label: &label, page_url: url, now };
    let t = timeline(&book.rules, &book.topics, case, browser::today());
    text_file(&format!("deadlines-{}.ics", authority.slug), "text/calendar", &to_ics(&t, &ctx));
}
