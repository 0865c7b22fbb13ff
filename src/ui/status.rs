//! What a page shows while content loads, and when it fails to (HTML from [`crate::render::frame`]).

use leptos::prelude::*;

use super::actions::offer;
use super::browser;
use crate::html::Html;
use crate::model::LoadError;
use crate::render::action::Action;
use crate::render::frame::{load_failed_html, loading_html};

/// Renders a loaded value, a loading line, or the failure with a retry (offered while the failure shows) (`nested` when the page already has its
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
    browser::set_busy(state.is_none());
    match state {
        None => view! { <div inner_html=Html::into_string(loading_html())></div> }.into_any(),
        Some(Err(error)) => {
            offer(Action::Retry, None, retry);
            view! { <div inner_html=Html::into_string(load_failed_html(&error, nested))></div> }.into_any()
        }
        Some(Ok(value)) => view(value).into_any(),
    }
}
