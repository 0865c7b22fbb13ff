//! `/deadlines/{authority}`: the page is made whole by the worker ([`crate::pages::deadlines`]) when it opens; as
//! the form changes, the worker reads it and sends back what changes ([`Update`]): the boxes to fill, each field's
//! error, the error summary and the timeline. The form itself is never made again, so what is typed and the focus
//! stay. The answers are kept in the address, which the page replaces as it goes, so a link reproduces it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::background::{ask_holding, worker_html};
use super::context::CurrentRoute;
use super::worker_page::form_fields;
use super::{browser, download};
use crate::html::Html;
use crate::pages::deadlines::CHECK_FIELD;
use crate::pages::worker::{Answer, Held, Update, Want};
use crate::render::action::Action;

/// Shows what the worker read from the form: fills the boxes, marks the fields, makes the changed parts again.
fn show(update: Update) {
    for (id, value) in &update.fill {
        browser::set_input_value(id, value);
    }
    for (id, message) in &update.errors {
        browser::show_field_error(id, message.as_deref());
    }
    for (id, part) in update.parts {
        browser::set_inner_html(&id, part);
    }
}

/// `/deadlines/{authority}`.
#[component]
pub fn DeadlinesPage() -> impl IntoView {
    let route = CurrentRoute::get();
    let navigate = use_navigate();
    // The address the page last gave itself as its form changed: reaching it makes no new page.
    let ours = StoredValue::new(None::<String>);
    let (html, retry) = worker_html(move || {
        let route = route.get();
        let mine = ours.with_value(|href| href.as_deref() == Some(route.href().as_str()));
        (!mine).then_some(route)
    });
    offer(Action::Retry, None, retry);
    offer(Action::Ics, None, Callback::new(move |_| download::file_of(&route.get_untracked())));
    let latest = StoredValue::new(0u32);
    let read = move |event: &web_sys::Event, checked: bool| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let form = target.and_then(|t| t.closest("form.deadlines-form").ok().flatten());
        let Some(form) = form.and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let (mut pairs, _) = form_fields(&data);
        if checked {
            pairs.push((CHECK_FIELD.to_owned(), "yes".to_owned()));
        }
        let mine = latest.get_value() + 1;
        latest.set_value(mine);
        let navigate = navigate.clone();
        let held = Held { form: pairs, ..Held::default() };
        ask_holding(Want::Page, &route.get_untracked(), &held, move |answer| {
            if latest.get_value() != mine {
                return;
            }
            match answer {
                Answer::Update(update) => {
                    let href = update.href.clone();
                    show(update);
                    ours.set_value(Some(href.clone()));
                    navigate(
                        &format!("/{href}"),
                        NavigateOptions { replace: true, scroll: false, ..Default::default() },
                    );
                    if checked {
                        request_animation_frame(|| browser::focus("error-summary"));
                    }
                }
                Answer::Page(page) => html.set(page.html),
                _ => {}
            }
        });
    };
    let on_change = {
        let read = read.clone();
        move |event: web_sys::Event| read(&event, false)
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        read(&event, true);
    };
    view! {
        <div
            class=move || route.with(crate::pages::route::Route::page_class)
            on:change=on_change
            on:submit=on_submit
            inner_html=move || Html::into_string(html.get())
        ></div>
    }
}
