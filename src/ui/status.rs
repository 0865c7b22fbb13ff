//! What a page shows while content loads, and when it fails to (HTML from [`crate::render::frame`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::Html;
use crate::model::LoadError;
use crate::render::frame::{load_failed_html, loading_html};

/// Runs `retry` when a click lands on a `data-action="retry"` button.
pub fn on_retry(retry: Callback<()>) -> impl Fn(web_sys::MouseEvent) + Copy {
    move |event: web_sys::MouseEvent| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.and_then(|t| t.get_attribute("data-action")).as_deref() == Some("retry") {
            retry.run(());
        }
    }
}

/// Renders a loaded value, a loading line, or the failure with a retry (`nested` when the page already has its
/// `h1`).
pub fn loaded<T, V>(
    state: Option<Result<T, LoadError>>,
    retry: Callback<()>,
    nested: bool,
    view: impl FnOnce(T) -> V,
) -> AnyView
where
    V: IntoView + 'static,
{
    match state {
        None => view! { <div inner_html=Html::into_string(loading_html())></div> }.into_any(),
        Some(Err(error)) => {
            view! { <div on:click=on_retry(retry) inner_html=Html::into_string(load_failed_html(&error, nested))></div> }
                .into_any()
        }
        Some(Ok(value)) => view(value).into_any(),
    }
}
