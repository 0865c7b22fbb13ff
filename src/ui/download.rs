//! Saving generated text as a file: a Blob, a temporary object URL and a click on a `download` link.

use wasm_bindgen::JsCast;

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
