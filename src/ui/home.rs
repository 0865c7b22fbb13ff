//! The start page: every authority with its source document, and the ways into its procedure.

use leptos::prelude::*;

use super::browser;
use super::fetch::CatalogueResource;
use super::status::loaded;
use crate::model::page_title;
use crate::render::authority::home_cards_html;

/// The start page.
#[component]
pub fn Home() -> impl IntoView {
    browser::set_title(&page_title(&[]));
    let catalogue = CatalogueResource::get().0;
    let retry = Callback::new(move |_| catalogue.refetch());
    view! {
        <div class="wrap">
            <h1>"Child in Need procedures, authority by authority"</h1>
            <p class="lead">
                "Read English councils' Child in Need (Children Act 1989, section 17) planning and review "
                "procedures, restated plainly, with every point tied to the section of the source it comes from."
            </p>
            {move || loaded(catalogue.get(), retry, true, |catalogue| {
                view! { <div inner_html=home_cards_html(&catalogue, browser::today()).into_string()></div> }
            })}
        </div>
    }
}
