//! What a page shows while content loads, and when it fails to (HTML from [`crate::render::frame`]).

use super::browser;
use crate::html::Html;
use crate::model::LoadError;
use crate::render::frame::{load_failed_html, loading_html};

/// The page for a loaded value, a loading line, or the failure with its "Try again" button (answered by the
/// component's [`crate::render::action::Action::Retry`] offer); `nested` when the page already has its `h1`.
pub fn loaded<T>(state: Option<Result<T, LoadError>>, nested: bool, page: impl FnOnce(T) -> Html) -> Html {
    browser::set_busy(state.is_none());
    match state {
        None => loading_html(),
        Some(Err(error)) => load_failed_html(&error, nested),
        Some(Ok(value)) => page(value),
    }
}
