//! `/wizard/{authority}`: the decision flow, one question at a time, then the result. The pages are HTML made by
//! [`crate::render::wizard`]; this component works out the step from the query string, reads each answer from the
//! submitted form, and moves on by changing the query string (so Back, reload and a shared link all work). The walk
//! is also kept in this browser so a half-done one can be resumed; "Start again" clears it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::fetch::load_book;
use super::shell::{CurrentRoute, Loaded};
use super::{browser, download};
use crate::html;
use crate::html::Html;
use crate::model::page_title;
use crate::pages::main::card_context;
use crate::pages::route::Route;
use crate::render::wizard::{check_html, question_html, result_html, walk_href, Outcome};
use crate::timeline::ics::{to_ics, IcsContext};
use crate::timeline::{date_label, timeline, DateParts};
use crate::wizard::{flow, next, Answer, Kind, Step, Walk};

fn storage_key(slug: &str) -> String {
    format!("cin-explorer.wizard.{slug}")
}

/// Reads a saved walk: `None` when there is none, `Err` when what is stored is not a walk.
fn saved_walk(slug: &str, teams: &[String]) -> Option<Result<String, ()>> {
    let text = browser::stored(&storage_key(slug)).filter(|t| !t.is_empty())?;
    let pairs: Result<Vec<(String, String)>, ()> =
        text.split('&').map(|p| p.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())).ok_or(())).collect();
    let readable = pairs.is_ok_and(|pairs| Walk::from_query(&pairs, teams).1.is_empty());
    Some(if readable { Ok(text) } else { Err(()) })
}

/// `/wizard/{authority}`.
#[component]
pub fn WizardPage() -> impl IntoView {
    let loaded = expect_context::<Loaded>();
    let (authority, book) = (loaded.authority.clone(), loaded.book.clone());
    let slug = authority.slug.clone();
    browser::set_title(&page_title(&["Which rule applies", &authority.short_name]));
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let route = CurrentRoute::get();
    let navigate = use_navigate();
    let flow = StoredValue::new(flow(&book.rules, &book.topics, &authority));
    let read = {
        let teams = teams.clone();
        Memo::new(move |_| {
            let pairs = route.with(|r| match r {
                Route::Wizard { walk, .. } => walk.clone(),
                _ => Vec::new(),
            });
            let empty = pairs.is_empty();
            let (walk, ignored) = Walk::from_query(&pairs, &teams);
            (walk, ignored, empty)
        })
    };
    let error = RwSignal::new(None::<String>);
    // The other authority of a side-by-side comparison, loaded when the answers name one.
    let compare_slug = Memo::new(move |_| read.with(|(w, _, _)| w.compare.clone()));
    // Only an authority the catalogue lists is fetched: a value from the address is checked before it is used.
    let known = loaded.catalogue.clone();
    let other = LocalResource::new(move || {
        let slug = compare_slug.get().filter(|s| known.find(s).is_some());
        async move {
            match slug {
                Some(slug) => load_book(slug).await.ok(),
                None => None,
            }
        }
    });
    let catalogue = loaded.catalogue.clone();
    let compared = move |walk: &Walk| -> Html {
        let Some(slug) = walk.compare.clone() else { return Html::new() };
        let Some(other_authority) = catalogue.find(&slug) else {
            return html!(
                "<section class=\"compare-column\"><p>There is no authority called “{}”.</p></section>",
                slug
            );
        };
        let Some(Some(other_book)) = other.get() else {
            return html!("<section class=\"compare-column\"><p role=\"status\">Loading…</p></section>");
        };
        let other_flow = crate::wizard::flow(&other_book.rules, &other_book.topics, other_authority);
        let teams: Vec<String> = other_authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
        let (theirs, _) = Walk::from_query(&Walk { compare: None, ..walk.clone() }.to_query(), &teams);
        let body = match next(&other_flow, &other_book.rules, &theirs.case, &theirs.skipped) {
            Step::Done(ending) => {
                let ctx = crate::render::rule_card::CardContext {
                    authority: other_authority,
                    topics: &other_book.topics,
                    roles: &other_book.roles,
                };
                let result = Outcome { flow: &other_flow, walk: &theirs, ending: &ending, rules: &other_book.rules };
                result_html(&result, &ctx, browser::today())
            }
            Step::Ask(i) => html!(
                "<h2>{name}</h2><p>{name}'s procedure needs another answer for these answers: “{question}”. \
                 <a href=\"{href}\">Answer it there</a>.</p>",
                name = other_authority.short_name,
                question = other_flow[i].text,
                href = walk_href(&slug, &theirs)
            ),
        };
        html!("<section class=\"compare-column\">{}</section>", body)
    };
    // A stored walk that cannot be read is discarded, and the page says so.
    let discarded = match saved_walk(&slug, &teams) {
        Some(Err(())) => {
            browser::forget(&storage_key(&slug));
            true
        }
        _ => false,
    };
    let book_s = book.clone();
    let step_of = move |walk: &Walk| -> Option<usize> {
        flow.with_value(|f| {
            let revisit = walk.at.as_ref().and_then(|k| f.iter().position(|q| q.key == k.as_str()));
            revisit.or_else(|| match next(f, &book_s.rules, &walk.case, &walk.skipped) {
                Step::Ask(i) => Some(i),
                Step::Done(_) => None,
            })
        })
    };
    let (slug_p, authority_p, loaded_p, book_p) =
        (slug.clone(), authority.clone(), loaded.clone(), loaded.book.clone());
    let page = move || {
        let (walk, ignored, empty) = read.get();
        let mut out = Html::new();
        if discarded {
            out.push(html!("<p class=\"notice\" role=\"status\">A walk saved in this browser could not be read, so it was cleared.</p>"));
        }
        if !ignored.is_empty() {
            out.push(html!("<div class=\"notice\" role=\"status\"><p>Some answers in the link were ignored:</p><ul>"));
            for e in &ignored {
                out.push(html!("<li>{}</li>", e.message));
            }
            out.push(html!("</ul></div>"));
        }
        if empty {
            if let Some(Ok(saved)) =
                saved_walk(&slug_p, &authority_p.vocabulary.teams.iter().map(|t| t.id.clone()).collect::<Vec<_>>())
            {
                out.push(html!(
                    "<div class=\"resume\"><p>You have a walk in progress for {} in this browser.</p>\
                     <p><a class=\"button\" href=\"wizard/{}?{}\">Continue where you left off</a></p></div>",
                    authority_p.short_name,
                    slug_p,
                    saved
                ));
            }
        } else {
            browser::store(
                &storage_key(&slug_p),
                &walk.to_query().iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"),
            );
        }
        match step_of(&walk) {
            Some(i) => out.push(flow.with_value(|f| question_html(&slug_p, f, i, &walk, error.get().as_deref()))),
            None if !walk.confirmed
                && !flow.with_value(|f| {
                    matches!(
                        next(f, &book_p.rules, &walk.case, &walk.skipped),
                        Step::Done(crate::wizard::Ending::NotInNeed | crate::wizard::Ending::Excluded(_))
                    )
                }) =>
            {
                out.push(flow.with_value(|f| check_html(&slug_p, f, &walk)));
            }
            None => {
                let ending = flow.with_value(|f| match next(f, &book_p.rules, &walk.case, &walk.skipped) {
                    Step::Done(e) => Some(e),
                    Step::Ask(_) => None,
                });
                if let Some(ending) = ending {
                    let html = flow.with_value(|f| {
                        let result = Outcome { flow: f, walk: &walk, ending: &ending, rules: &book_p.rules };
                        result_html(&result, &card_context(&loaded_p.authority, &loaded_p.book), browser::today())
                    });
                    out.push(html);
                    out.push(html!(
                        "<div class=\"timeline-actions\"><button type=\"button\" class=\"button secondary\" data-action=\"ics\">\
                         Download the deadlines (.ics)</button><button type=\"button\" class=\"button secondary\" data-action=\"print\">Print</button></div>"
                    ));
                    let others: Html = loaded_p
                        .catalogue
                        .authorities
                        .iter()
                        .filter(|a| a.slug != slug_p)
                        .map(|a| {
                            let side =
                                Walk { at: None, from_check: false, compare: Some(a.slug.clone()), ..walk.clone() };
                            html!("<li><a href=\"{}\">{}</a></li>", walk_href(&slug_p, &side), a.short_name)
                        })
                        .collect();
                    out.push(html!(
                        "<h2>Compare with another authority</h2><p>The same answers under another authority, side by side:</p>\
                         <ul class=\"compare-links\">{}</ul>",
                        others
                    ));
                    if walk.compare.is_some() {
                        out = html!(
                            "<div class=\"compare-grid\"><section class=\"compare-column\">{}</section>{}</div>",
                            out,
                            compared(&walk)
                        );
                    }
                }
            }
        }
        out.push(html!("<p class=\"start-again\"><button type=\"button\" class=\"link-button\" data-action=\"restart\">Start again</button></p>"));
        out
    };
    let slug_s = slug.clone();
    let go = {
        let navigate = navigate.clone();
        move |walk: &Walk| {
            error.set(None);
            let href = walk_href(&slug_s, walk);
            navigate(&format!("/{href}"), NavigateOptions { scroll: true, ..Default::default() });
            request_animation_frame(browser::focus_main);
        }
    };
    let on_submit = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
            let Some(key) = form.get_attribute("data-key") else { return };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
            let value = |name: &str| data.get(name).as_string().unwrap_or_default();
            let walk = read.get_untracked().0;
            let Some(q) = flow.with_value(|f| f.iter().find(|q| q.key == key).cloned()) else { return };
            let answer = match q.kind {
                Kind::Choice { .. } => match value("answer") {
                    v if v.is_empty() => Err("Select an answer".to_owned()),
                    v => Ok(Answer::Choice(v)),
                },
                Kind::Date if value("no-date") == "yes" => Ok(Answer::NoDate),
                Kind::Date => {
                    let parts = DateParts {
                        day: value("answer-day"),
                        month: value("answer-month"),
                        year: value("answer-year"),
                    };
                    match parts.parse(date_label(q.key)) {
                        Ok(Some(d)) => Ok(Answer::Date(d)),
                        Ok(None) => Err(format!(
                            "Enter {}, or tick the box if you do not know it",
                            date_label(q.key).to_lowercase()
                        )),
                        Err(e) => Err(e),
                    }
                }
            };
            match answer {
                Ok(a) => go(&walk.answer(q.key, a)),
                Err(e) => {
                    error.set(Some(e));
                    request_animation_frame(|| browser::focus("error-summary"));
                }
            }
        }
    };
    let (slug_c, authority_c, book_c) = (slug.clone(), authority.clone(), book.clone());
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if let Some(field) = el.get_attribute("data-field") {
            ev.prevent_default();
            browser::focus(&field);
            return;
        }
        match el.get_attribute("data-action").as_deref() {
            Some("print") => browser::print(),
            Some("restart") => {
                browser::forget(&storage_key(&slug_c));
                go(&Walk::default());
            }
            Some("ics") => {
                let walk = read.get_untracked().0;
                let label = |topic: &str| {
                    book_c.topics.iter().find(|t| t.id == topic).map_or_else(|| topic.to_owned(), |t| t.label.clone())
                };
                let url = browser::current_url();
                let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
                let ctx = IcsContext {
                    authority: &authority_c.name,
                    slug: &authority_c.slug,
                    topic_label: &label,
                    page_url: &url,
                    now,
                };
                let t = timeline(&book_c.rules, &book_c.topics, &walk.case, browser::today());
                download::text_file(&format!("deadlines-{}.ics", authority_c.slug), "text/calendar", &to_ics(&t, &ctx));
            }
            _ => {}
        }
    };
    view! {
        <div class="wrap wizard" inner_html=move || page().into_string() on:submit=on_submit on:click=on_click></div>
    }
}
