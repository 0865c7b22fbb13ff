//! `/wizard/{authority}`: the decision flow, one question at a time, then the result. The pages are HTML made by
//! [`crate::render::wizard`]; this component works out the step from the query string, reads each answer from the
//! submitted form, and moves on by changing the query string (so Back, reload and a shared link all work). The walk
//! is also kept in this browser so a half-done one can be resumed; "Start again" clears it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::actions::offer;
use super::context::{CurrentAddress, CurrentRoute, Loaded};
use super::fetch::load_book;
use super::{browser, download};
use crate::html::Html;
use crate::model::page_title;
use crate::pages::route::Route;
use crate::pages::wizard::{wizard_page, Other, WizardState};
use crate::render::action::Action;
use crate::render::wizard::walk_href;
use crate::wizard::{flow_for, read_answer, Refusal, Walk, Way};

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
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let route = CurrentRoute::get();
    let address = CurrentAddress::get();
    let navigate = use_navigate();
    let way = Memo::new(move |_| {
        route.with(|r| match r {
            Route::Wizard { way, .. } => *way,
            _ => Way::Case,
        })
    });
    let flow = {
        let (authority, book) = (authority.clone(), book.clone());
        Memo::new(move |_| flow_for(way.get(), &book.rules, &book.topics, &authority))
    };
    {
        let name = authority.short_name.clone();
        Effect::new(move |_| {
            let what = match way.get() {
                Way::Case => "Which rule applies",
                Way::AfterReview => "What follows a review",
            };
            browser::set_title(&page_title(&[what, &name]));
        });
    }
    let read = {
        let teams = teams.clone();
        Memo::new(move |_| {
            let pairs = route.with(|r| match r {
                Route::Wizard { walk, .. } => walk.clone(),
                _ => Vec::new(),
            });
            let empty = pairs.is_empty();
            let (mut walk, ignored) = Walk::from_query(&pairs, &teams);
            walk.way = way.get();
            (walk, ignored, empty)
        })
    };
    // The answer just refused, with what was typed; it lasts until the address changes.
    let error = RwSignal::new(None::<Refusal>);
    Effect::new(move |seen: Option<()>| {
        read.track();
        if seen.is_some() {
            error.set(None);
        }
    });
    // The other authority of a side-by-side comparison, loaded when the answers name one. Only an authority the
    // catalogue lists is fetched: a value from the address is checked before it is used.
    let compare_slug = Memo::new(move |_| read.with(|(w, _, _)| w.compare.clone()));
    let known = loaded.catalogue.clone();
    let other = LocalResource::new(move || {
        let slug = compare_slug.get().filter(|s| known.find(s).is_some());
        async move {
            match slug {
                Some(slug) => load_book(slug.clone()).await.ok().map(|book| (slug, book)),
                None => None,
            }
        }
    });
    // A stored walk that cannot be read is discarded, and the page says so.
    let discarded = match saved_walk(&slug, &teams) {
        Some(Err(())) => {
            browser::forget(&storage_key(&slug));
            true
        }
        _ => false,
    };
    let loaded_p = loaded.clone();
    let page = move || {
        let (walk, ignored, empty) = read.get();
        let Loaded { catalogue, authority, book } = &loaded_p;
        // Only a walk through a whole case is kept to resume: the way to a review's outcome is two questions at most.
        let saved = match (empty, walk.way) {
            (true, Way::Case) => saved_walk(&authority.slug, &teams).and_then(Result::ok),
            (false, Way::Case) => {
                browser::store(&storage_key(&authority.slug), &crate::query::join(&walk.to_query()));
                None
            }
            (_, Way::AfterReview) => None,
        };
        let other_book = other.get().flatten();
        let other = match walk.compare.as_deref() {
            None => Other::Nothing,
            Some(slug) => match (catalogue.find(slug), &other_book) {
                (None, _) => Other::NotListed(slug),
                (Some(a), Some((loaded, b))) if *loaded == a.slug => Other::Loaded(a, b),
                (Some(_), _) => Other::Loading,
            },
        };
        let error = error.get();
        flow.with(|flow| {
            wizard_page(&WizardState {
                catalogue,
                authority,
                book,
                flow,
                walk: &walk,
                ignored: &ignored,
                empty,
                discarded,
                saved: saved.as_deref(),
                error: error.as_ref(),
                other,
                today: browser::today(),
            })
        })
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
            let Some(q) = flow.with_untracked(|f| f.iter().find(|q| q.key == key).cloned()) else { return };
            let answer = read_answer(&q, value);
            match answer {
                Ok(a) => go(&walk.answer(q.key, a)),
                Err(refusal) => {
                    error.set(Some(refusal));
                    request_animation_frame(|| browser::focus("error-summary"));
                }
            }
        }
    };
    let slug_c = slug.clone();
    offer(
        Action::Restart,
        None,
        Callback::new(move |_| {
            browser::forget(&storage_key(&slug_c));
            go(&Walk { way: way.get_untracked(), ..Walk::default() });
        }),
    );
    offer(
        Action::Ics,
        None,
        Callback::new(move |_| {
            download::deadlines_ics(&authority, &book, &read.get_untracked().0.case, &address.get_untracked())
        }),
    );
    view! {
        <div class="wrap wizard" inner_html=move || Html::into_string(page()) on:submit=on_submit></div>
    }
}
