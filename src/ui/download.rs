//! Saving generated text as a file: a Blob, a temporary object URL and a click on a `download` link; and a route's
//! file, made by the worker.

use wasm_bindgen::JsCast;

use super::background::ask;
use crate::pages::route::Route;
use crate::pages::worker::{Answer, Want};

/// Offers `text` for download as `file_name`, typed by its ending; does nothing if the browser refuses.
pub fn text_file(file_name: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime(file_name)));
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

/// The MIME type of a file the site offers, by its name's ending.
fn mime(file_name: &str) -> &'static str {
    match file_name.rsplit_once('.').map(|(_, ending)| ending) {
        Some("ics") => "text/calendar",
        Some("csv") => "text/csv;charset=utf-8",
        Some("json") => "application/json",
        _ => "text/plain;charset=utf-8",
    }
}

/// Asks the worker for the route's file (the comparison as CSV, a case's deadlines as `.ics`) and offers it for
/// download when it comes.
pub fn file_of(route: &Route) {
    ask(Want::File, route, |answer| {
        if let Answer::File { name, text } = answer {
            text_file(&name, &text);
        }
    });
}
