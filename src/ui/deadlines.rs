//! `/deadlines/{authority}`: the page shell. The form, the error summary and the timeline are HTML made by the pure
//! [`crate::render::deadlines`]; this component inserts it, reads the form on each change, and keeps the answers in the
//! query string, which the timeline follows, so a link reproduces it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::context::{CurrentAddress, CurrentRoute, Loaded};
use super::{browser, download, Link};
use crate::calendar::long_date;
use crate::html;
use crate::html::Html;
use crate::model::page_title;
use crate::pages::route::Route;
use crate::render::action::Action;
use crate::render::deadlines::{
    field_id, first_per_field, form_errors_html, outside_table, timeline_actions_html, timeline_html, Form,
};
use crate::timeline::{timeline, Case, FieldError};

/// What a field of the form holds, read from the form element that fired the event.
fn form_values(event: &web_sys::Event) -> Option<web_sys::FormData> {
    let form: web_sys::HtmlFormElement = event.current_target()?.dyn_into().ok()?;
    web_sys::FormData::new_with_form(&form).ok()
}

/// `/deadlines/{authority}`.
#[component]
pub fn DeadlinesPage() -> impl IntoView {
    let Loaded { authority, book, .. } = expect_context::<Loaded>();
    browser::set_title(&page_title(&["Deadlines", &authority.short_name]));
    let route = CurrentRoute::get();
    let address = CurrentAddress::get();
    let navigate = use_navigate();
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let from_url = Memo::new(move |_| {
        let pairs = route.with(|r| match r {
            Route::Deadlines { case, .. } => case.clone(),
            _ => Vec::new(),
        });
        Case::from_query(&pairs, &teams)
    });
    let form = StoredValue::new(Form::for_rules(&book.rules, &book.topics, &authority));
    let form_html = html!(
        "{}<button type=\"submit\" class=\"button\">Check the dates</button>",
        form.with_value(|f| f.html(&from_url.get_untracked().0))
    );
    let form_errors = RwSignal::new(Vec::<FieldError>::new());
    let slug = authority.slug.clone();
    let read = move |event: &web_sys::Event, submitted: bool| {
        let Some(data) = form_values(event) else { return };
        let value = |name: &str| data.get(name).as_string().unwrap_or_default();
        let (case, errors) = form.with_value(|f| f.read(value, submitted, &from_url.get_untracked().0));
        for (id, part) in form.with_value(|f| f.spread(value)) {
            browser::set_input_value(&id, &part);
        }
        form.with_value(|f| {
            for key in &f.dates {
                browser::show_field_error(
                    &field_id(key),
                    errors.iter().find(|e| e.key == *key).map(|e| e.message.as_str()),
                );
            }
        });
        form_errors.set(errors);
        let query = ParamsMap::from_iter(case.to_query()).to_query_string();
        navigate(
            &format!("/deadlines/{slug}{query}"),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    let on_change = {
        let read = read.clone();
        move |ev: web_sys::Event| read(&ev, false)
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        read(&ev, true);
        request_animation_frame(|| browser::focus("error-summary"));
    };
    let summary = move || {
        let mut errors = form_errors.get();
        errors.extend(from_url.with(|(_, e)| e.clone()));
        form_errors_html(&first_per_field(errors))
    };
    let (authority_t, book_t) = (authority.clone(), book.clone());
    let shown = move || {
        let t = timeline(&book_t.rules, &book_t.topics, &from_url.get().0, browser::today());
        timeline_html(&t, &authority_t, &book_t.topics)
    };
    let out_of_table = move || {
        let notes = from_url.with(|(c, _)| outside_table(c));
        notes.into_iter().map(|note| view! { <p class="warning">{note}</p> }).collect_view()
    };
    let (authority_d, book_d) = (authority.clone(), book.clone());
    offer(
        Action::Ics,
        None,
        Callback::new(move |_| {
            download::deadlines_ics(&authority_d, &book_d, &from_url.get_untracked().0, &address.get_untracked())
        }),
    );
    let (slug, crumb, short_name) =
        (authority.slug.clone(), authority.short_name.clone(), authority.short_name.clone());
    view! {
        <div class="wrap deadlines">
            <p class="breadcrumb">
                <Link href="/">"Authorities"</Link> " › " <Link href=format!("/a/{slug}")>{crumb}</Link> " › Deadlines"
            </p>
            <h1>"Deadlines: " {short_name}</h1>
            <div class="summary-slot" inner_html=move || Html::into_string(summary())></div>
            <p class="lead">"Enter the dates you know. The deadlines this procedure sets follow, as calendar dates."</p>
            <p class="privacy-note">
                "Only dates and answers about the case's shape: never a name or an identifier. Nothing you enter leaves "
                "this browser; the address of this page holds your answers, so it can be bookmarked or shared."
            </p>
            <form class="deadlines-form" novalidate inner_html=Html::into_string(form_html) on:change=on_change on:submit=on_submit></form>
            <section class="timeline-section" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">"Timeline"</h2>
                <p class="today">"Today is " {long_date(browser::today())} "."</p>
                <p class="print-only">"Printed from " {move || address.get()}</p>
                {out_of_table}
                <div inner_html=Html::into_string(timeline_actions_html())></div>
                <div class="timeline-slot" inner_html=move || Html::into_string(shown())></div>
            </section>
        </div>
    }
}
