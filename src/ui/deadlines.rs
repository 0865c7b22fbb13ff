//! `/deadlines/{authority}`: the dates and answers the authority's rules need, and the case's timeline, which follows
//! the query string so that a link reproduces it. Typed dates are checked as GOV.UK's date input checks them.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use super::authority::Loaded;
use super::{browser, download, Link};
use crate::calendar::{long_date, YEARS};
use crate::model::{describe_when, page_title, Authority, Book, ANSWERS};
use crate::timeline::ics::{to_ics, IcsContext};
use crate::timeline::{
    choice_label, date_label, needed_answers, needed_dates, question, timeline, Case, DateParts, Deadline, FieldError,
    Timeline,
};

/// The id of a date field's first input (the error summary links to it).
fn field_id(key: &str) -> String {
    format!("field-{key}")
}

/// The label of a topic.
fn topic_label(book: &Book, topic: &str) -> String {
    book.topics.iter().find(|t| t.id == topic).map_or_else(|| topic.to_owned(), |t| t.label.clone())
}

/// The error summary: every problem, each linking to its field.
#[component]
fn ErrorSummary(errors: Vec<FieldError>) -> impl IntoView {
    let items = errors
        .into_iter()
        .map(|e| {
            let target = field_id(&e.key);
            let go = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                browser::focus(&target);
            };
            view! { <li><a href=format!("#{}", field_id(&e.key)) on:click=go>{e.message}</a></li> }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
            <h2>"There is a problem"</h2>
            <ul>{items}</ul>
        </div>
    }
}

/// One date as three inputs (day, month, year) in a fieldset.
#[component]
fn DateField(key: &'static str, parts: RwSignal<DateParts>, error: Signal<Option<String>>) -> impl IntoView {
    let id = field_id(key);
    let hint = format!("{id}-hint");
    let input = move |part: &'static str, label: &'static str, width: &'static str| {
        let input_id = if part == "day" { id.clone() } else { format!("{id}-{part}") };
        let value = move || {
            parts.with(|p| match part {
                "day" => p.day.clone(),
                "month" => p.month.clone(),
                _ => p.year.clone(),
            })
        };
        let set = move |ev| {
            let v = event_target_value(&ev);
            parts.update(|p| match part {
                "day" => p.day = v,
                "month" => p.month = v,
                _ => p.year = v,
            });
        };
        view! {
            <div class="date-part">
                <label for=input_id.clone()>{label}</label>
                <input id=input_id class=width type="text" inputmode="numeric" autocomplete="off"
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=value on:change=set />
            </div>
        }
    };
    let hint_id = hint.clone();
    view! {
        <fieldset class="date-field" class:has-error=move || error.get().is_some() aria-describedby=hint>
            <legend>{date_label(key)}</legend>
            <p class="hint" id=hint_id>"For example, 26 3 2026"</p>
            {move || error.get().map(|e| view! { <p class="field-error"><span class="visually-hidden">"Error: "</span>{e}</p> })}
            <div class="date-parts">
                {input("day", "Day", "w2")}
                {input("month", "Month", "w2")}
                {input("year", "Year", "w4")}
            </div>
        </fieldset>
    }
}

/// One answer as a select with "Not answered".
#[component]
fn AnswerField(
    key: &'static str,
    choices: Vec<(String, String)>,
    value: Signal<String>,
    set: Callback<String>,
) -> impl IntoView {
    let id = field_id(key);
    let options = choices
        .into_iter()
        .map(|(v, label)| {
            let selected = {
                let v = v.clone();
                move || value.get() == v
            };
            view! { <option value=v selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="answer-field">
            <label for=id.clone()>{question(key)}</label>
            <select id=id on:change=move |ev| set.run(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>"Not answered"</option>
                {options}
            </select>
        </div>
    }
}

/// One deadline on the timeline.
#[component]
fn DeadlineItem(deadline: Deadline, authority: Authority, book: std::sync::Arc<Book>) -> impl IntoView {
    let rule = &deadline.rule;
    let mut heading = topic_label(&book, &rule.topic);
    if let Some(n) = deadline.occurrence {
        heading.push_str(if n == 1 { " — next" } else { " — later" });
    }
    if let Some(about) = &deadline.about {
        heading.push_str(&format!(" — {about}"));
    }
    let condition = describe_when(&deadline.unanswered, &authority.vocabulary);
    let cites = rule
        .cites
        .iter()
        .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
        .map(|s| (format!("/a/{}/{}", authority.slug, s.id), s.numbered_title()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(href, title)| view! { " " <Link href=href class="cite">{title}</Link> })
        .collect_view();
    let dates = deadline
        .dates
        .iter()
        .map(|d| {
            let iso = d.date.format("%Y-%m-%d").to_string();
            let before = d.before.then_some("Before ");
            view! {
                <li class="dated" data-state=d.state.id()>
                    {d.reading.clone().map(|r| view! { <span class="reading">"Reading “" {r} "”: "</span> })}
                    <strong>{before}<time datetime=iso data-topic=rule.topic.clone()>{long_date(d.date)}</time></strong>
                    " " <span class=format!("state state-{}", d.state.id())>{d.state.describe()}</span>
                    <span class="how">{d.how.clone()}</span>
                </li>
            }
        })
        .collect_view();
    // Later occurrences of a recurring rule repeat its dates only; the first carries the explanation.
    let first = deadline.occurrence.is_none_or(|n| n == 1);
    let ambiguous = (first && rule.status == crate::model::Status::Ambiguous).then(|| rule.note.clone()).flatten();
    let summary = first.then(|| view! { <p class="summary">{rule.summary.clone()} " " <span class="cited-in">"(source:" {cites} ")"</span></p> });
    view! {
        <li class="deadline" data-topic=rule.topic.clone() data-rule=rule.id.clone()>
            <h3>{heading}</h3>
            <ul class="dates">{dates}</ul>
            {condition.map(|c| view! { <p class="condition">"Applies only " {c.replacen("For ", "for ", 1)} " — answer the question above to check."</p> })}
            {ambiguous.map(|n| view! { <p class="ambiguous"><strong>"The source is unclear: "</strong>{n}</p> })}
            {summary}
        </li>
    }
}

/// The timeline and what it lacks.
#[component]
fn TimelineView(t: Timeline, authority: Authority, book: std::sync::Arc<Book>) -> impl IntoView {
    let beyond = t.deadlines.iter().flat_map(|d| &d.dates).any(|d| d.count.as_ref().is_some_and(|c| c.beyond_table));
    let empty = t.deadlines.is_empty();
    let waiting = t
        .waiting
        .iter()
        .map(|w| {
            let needs = if w.needs == "meeting_held" {
                "the date of the meeting (planning meeting or review)".to_owned()
            } else {
                date_label(&w.needs).to_lowercase()
            };
            view! { <li><strong>{topic_label(&book, &w.rule.topic)}</strong> ": enter " {needs} "."</li> }
        })
        .collect_view();
    let has_waiting = !t.waiting.is_empty();
    let gaps = t
        .no_timescale
        .iter()
        .map(|r| view! { <li data-topic=r.topic.clone()><strong>{topic_label(&book, &r.topic)}</strong> ": no timescale stated. " {r.summary.clone()}</li> })
        .collect_view();
    let has_gaps = !t.no_timescale.is_empty();
    let items = t
        .deadlines
        .into_iter()
        .map(|deadline| view! { <DeadlineItem deadline authority=authority.clone() book=book.clone() /> })
        .collect_view();
    view! {
        {beyond.then(|| view! {
            <p class="warning" role="note">
                "Some dates fall after the end of the bank-holiday table (" {YEARS.1.to_string()}
                "): there, only weekends were skipped. Check those dates against the published bank holidays."
            </p>
        })}
        {if empty {
            view! { <p class="no-deadlines">"No deadlines yet: enter the dates you know above."</p> }.into_any()
        } else {
            view! { <ol class="timeline">{items}</ol> }.into_any()
        }}
        {has_waiting.then(|| view! { <h2>"Waiting for a date"</h2> <ul class="waiting">{waiting}</ul> })}
        {has_gaps.then(|| view! { <h2>"What this procedure gives no timescale for"</h2> <ul class="gaps">{gaps}</ul> })}
    }
}

/// `/deadlines/{authority}`.
#[component]
pub fn DeadlinesPage() -> impl IntoView {
    let Loaded { authority, book, .. } = expect_context::<Loaded>();
    browser::set_title(&page_title(&["Deadlines", &authority.short_name]));
    let query = use_query_map();
    let navigate = use_navigate();
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let from_url = {
        let teams = teams.clone();
        Memo::new(move |_| {
            let pairs: Vec<(String, String)> =
                query.with(|q| q.into_iter().map(|(k, v)| (k.to_string(), v.to_owned())).collect());
            Case::from_query(&pairs, &teams)
        })
    };
    let dates = needed_dates(&book.rules);
    let answers = needed_answers(&book.rules);
    let initial = from_url.get_untracked().0;
    let parts: BTreeMap<&'static str, RwSignal<DateParts>> = dates
        .iter()
        .map(|k| (*k, RwSignal::new(initial.dates.get(*k).map(|d| DateParts::of(*d)).unwrap_or_default())))
        .collect();
    let submitted = RwSignal::new(false);
    // Each date field's own problem: a complete date that is not real, or (after "Update") an incomplete one.
    let field_errors = {
        let parts = parts.clone();
        Memo::new(move |_| {
            parts
                .iter()
                .filter_map(|(key, p)| {
                    let p = p.get();
                    let complete = !p.day.trim().is_empty() && !p.month.trim().is_empty() && !p.year.trim().is_empty();
                    match p.parse(date_label(key)) {
                        Err(message) if complete || submitted.get() => {
                            Some(FieldError { key: (*key).to_owned(), message })
                        }
                        _ => None,
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let slug = authority.slug.clone();
    // Valid dates go to the URL; the timeline follows the URL.
    let write_url = {
        let (parts, navigate, slug) = (parts.clone(), navigate.clone(), slug.clone());
        move |answers_now: BTreeMap<String, String>| {
            let mut case = Case { answers: answers_now, ..Case::default() };
            for (key, p) in &parts {
                match p.get_untracked().parse(date_label(key)) {
                    Ok(Some(date)) => {
                        case.dates.insert((*key).to_owned(), date);
                    }
                    Ok(None) => {}
                    Err(_) => {
                        if let Some(old) = from_url.get_untracked().0.dates.get(*key) {
                            case.dates.insert((*key).to_owned(), *old);
                        }
                    }
                }
            }
            let query = ParamsMap::from_iter(case.to_query()).to_query_string();
            navigate(
                &format!("/deadlines/{slug}{query}"),
                NavigateOptions { replace: true, scroll: false, ..Default::default() },
            );
        }
    };
    {
        let write_url = write_url.clone();
        let parts = parts.clone();
        Effect::new(move |first: Option<()>| {
            for p in parts.values() {
                p.track();
            }
            if first.is_some() {
                write_url(from_url.get_untracked().0.answers);
            }
        });
    }
    let date_fields = dates
        .iter()
        .map(|key| {
            let key = *key;
            let error = Signal::derive(move || {
                field_errors.with(|e| e.iter().find(|e| e.key == key).map(|e| e.message.clone()))
            });
            view! { <DateField key parts=parts[key] error /> }
        })
        .collect_view();
    let answer_fields = answers
        .iter()
        .map(|key| {
            let key = *key;
            let choices: Vec<(String, String)> = if key == "team" {
                authority.vocabulary.teams.iter().map(|t| (t.id.clone(), t.name.clone())).collect()
            } else {
                ANSWERS
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.iter().map(|v| ((*v).to_owned(), choice_label(key, v))).collect())
                    .unwrap_or_default()
            };
            let value = Signal::derive(move || from_url.with(|(c, _)| c.answers.get(key).cloned().unwrap_or_default()));
            let write_url = write_url.clone();
            let set = Callback::new(move |v: String| {
                let mut now = from_url.get_untracked().0.answers;
                if v.is_empty() {
                    now.remove(key);
                } else {
                    now.insert(key.to_owned(), v);
                }
                write_url(now);
            });
            view! { <AnswerField key choices value set /> }
        })
        .collect_view();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        request_animation_frame(|| browser::focus("error-summary"));
    };
    let all_errors = Memo::new(move |_| {
        let mut errors = field_errors.get();
        for e in from_url.get().1 {
            if !errors.iter().any(|x| x.key == e.key) {
                errors.push(e);
            }
        }
        errors
    });
    let out_of_table =
        Memo::new(move |_| from_url.with(|(c, _)| c.dates.values().any(|d| !crate::calendar::in_table(*d))));
    let (authority_v, book_v) = (authority.clone(), book.clone());
    let shown = move || {
        let (case, _) = from_url.get();
        let today = browser::today();
        let book = book_v.clone();
        let t = timeline(&book.rules, &case, today);
        view! { <TimelineView t authority=authority_v.clone() book /> }
    };
    let (authority_d, book_d) = (authority.clone(), book.clone());
    let download = move |_| {
        let (case, _) = from_url.get_untracked();
        let label = |topic: &str| topic_label(&book_d, topic);
        let url = browser::current_url();
        let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
        let ctx = IcsContext {
            authority: &authority_d.name,
            slug: &authority_d.slug,
            topic_label: &label,
            page_url: &url,
            now,
        };
        let t = timeline(&book_d.rules, &case, browser::today());
        download::text_file(&format!("deadlines-{}.ics", authority_d.slug), "text/calendar", &to_ics(&t, &ctx));
    };
    let print = move |_| browser::print();
    let (short_name, crumb) = (authority.short_name.clone(), authority.short_name.clone());
    view! {
        <div class="wrap deadlines">
            <p class="breadcrumb"><Link href="/">"Authorities"</Link> " › " <Link href=format!("/a/{slug}")>{crumb}</Link> " › Deadlines"</p>
            <h1>"Deadlines: " {short_name}</h1>
            {move || { let e = all_errors.get(); (!e.is_empty()).then(|| view! { <ErrorSummary errors=e /> }) }}
            <p class="lead">"Enter the dates you know. The deadlines this procedure sets follow, as calendar dates."</p>
            <p class="privacy-note">"Only dates and answers about the case's shape: never a name or an identifier. Nothing you enter leaves this browser; the address of this page holds your answers, so it can be bookmarked or shared."</p>
            <form class="deadlines-form" on:submit=on_submit novalidate>
                {date_fields}
                {answer_fields}
                {move || out_of_table.get().then(|| view! {
                    <p class="warning">"A date is outside the years of the bank-holiday table (" {YEARS.0.to_string()} "–" {YEARS.1.to_string()} "): working days there skip weekends only."</p>
                })}
                <button type="submit" class="button">"Check the dates"</button>
            </form>
            <section class="timeline-section" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">"Timeline"</h2>
                <p class="today">"Today is " {long_date(browser::today())} "."</p>
                <div class="timeline-actions">
                    <button type="button" class="button secondary" on:click=download>"Download to your calendar (.ics)"</button>
                    <button type="button" class="button secondary" on:click=print>"Print"</button>
                </div>
                {shown}
            </section>
        </div>
    }
}
