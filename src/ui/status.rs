//! What a page shows while content loads, and when it fails to.

use leptos::prelude::*;

use crate::model::LoadError;

/// A polite "loading" line.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

/// A failed load: which file, what went wrong, and a button to try again. `nested` when the page already
/// has its `h1`.
#[component]
pub fn LoadFailed(error: LoadError, retry: Callback<()>, nested: bool) -> impl IntoView {
    let where_ = match error.line {
        Some(line) => format!(" (line {line})"),
        None => String::new(),
    };
    view! {
        <div class="load-failed" role="alert">
            {if nested {
                view! { <h2>"This content could not be loaded"</h2> }.into_any()
            } else {
                view! { <h1>"This content could not be loaded"</h1> }.into_any()
            }}
            <p>
                "The file " <code>{error.file.clone()}</code> {where_} " could not be used: " {error.message.clone()} "."
            </p>
            <p>"Check your connection and try again. If the problem stays, the site's content needs fixing."</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}

/// Renders a loaded value, a loading line, or the failure with a retry (`nested` as for [`LoadFailed`]).
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
        None => Loading().into_any(),
        Some(Err(error)) => view! { <LoadFailed error retry nested /> }.into_any(),
        Some(Ok(value)) => view(value).into_any(),
    }
}
