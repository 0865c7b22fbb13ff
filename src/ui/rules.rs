//! Rule cards, and `/a/{authority}/rules`: every rule of an authority by topic group, with what it does not state.

use leptos::prelude::*;

use super::authority::Loaded;
use super::{browser, Link};
use crate::model::{by_group, describe_value, describe_when, page_title, topic, Authority, Role, Rule, Status, Value};

/// The items of a list or outcomes value, as a list; nothing for other kinds.
fn value_items(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::List { items } => Some(items.clone()),
        Value::Outcomes { outcomes } => Some(
            outcomes
                .iter()
                .map(|o| match &o.destination {
                    Some(d) => format!("{} (to {d})", o.label),
                    None => o.label.clone(),
                })
                .collect(),
        ),
        _ => None,
    }
}

/// A value as a person reads it: a sentence, or a list.
fn value_view(value: &Value, roles: &[Role]) -> AnyView {
    match value_items(value) {
        Some(items) => {
            view! { <ul class="rule-items">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
        None => view! { <p class="rule-value">{describe_value(value, roles)}</p> }.into_any(),
    }
}

/// One rule: its topic, status, plain words, typed value, conditions, note and citations. `nested` when the
/// card sits under its topic's own heading, so it repeats no heading.
#[component]
pub fn RuleCard(
    rule: Rule,
    authority: Authority,
    topic_label: String,
    roles: Vec<Role>,
    nested: bool,
) -> impl IntoView {
    let status = rule.status;
    let conditions = describe_when(&rule.when, &authority.vocabulary);
    let value = rule.value.as_ref().map(|v| value_view(v, &roles));
    let readings = (!rule.readings.is_empty()).then(|| {
        let items = rule
            .readings
            .iter()
            .map(|r| {
                let label = r.label.clone();
                let reading = value_view(&r.value, &roles);
                view! { <li><strong>{label}": "</strong>{reading}</li> }
            })
            .collect_view();
        view! { <p>"Read either way:"</p><ol class="readings">{items}</ol> }.into_any()
    });
    let cites = rule
        .cites
        .iter()
        .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
        .map(|s| {
            let (href, title) = (format!("/a/{}/{}", authority.slug, s.id), s.numbered_title());
            view! { <li><Link href>{title}</Link></li> }.into_any()
        })
        .collect_view();
    view! {
        <li class=format!("rule-card status-{}", status.id()) data-topic=rule.topic.clone() data-status=status.id() id=rule.id.clone()>
            {(!nested).then(|| view! { <h3>{topic_label}</h3> })}
            <p class="status-badge"><span class="visually-hidden">"Status: "</span>{status.label()}</p>
            {conditions.map(|c| view! { <p class="rule-when">{c}":"</p> })}
            <p class="rule-summary">{rule.summary.clone()}</p>
            {value}
            {readings}
            {rule.note.clone().map(|n| view! { <p class="rule-note"><strong>{if status == Status::Ambiguous { "Why it is ambiguous: " } else { "Note: " }}</strong>{n}</p> })}
            <div class="rule-cites">"Source: "<ul>{cites}</ul></div>
        </li>
    }
    .into_any()
}

/// The rule cards for a list of rules (`nested` as for [`RuleCard`]).
pub fn rule_cards(rules: Vec<&Rule>, loaded: &Loaded, nested: bool) -> impl IntoView {
    rules
        .into_iter()
        .map(|rule| {
            let label = topic(&loaded.book.topics, &rule.topic).map_or_else(|| rule.topic.clone(), |t| t.label.clone());
            let roles = loaded.book.roles.clone();
            let (rule, authority) = (rule.clone(), loaded.authority.clone());
            view! { <RuleCard rule authority topic_label=label roles nested /> }.into_any()
        })
        .collect_view()
}

/// `/a/{authority}/rules`: every topic, grouped, with the authority's rules or a plain "not stated".
#[component]
pub fn RulesPage() -> impl IntoView {
    let loaded = expect_context::<Loaded>();
    let authority = loaded.authority.clone();
    browser::set_title(&page_title(&["Rules", &authority.short_name]));
    let groups = by_group(&loaded.book.topics, &loaded.book.rules)
        .into_iter()
        .map(|(label, topics)| {
            let sections = topics
                .into_iter()
                .map(|entry| {
                    let heading = entry.topic.label.clone();
                    let description = entry.topic.description.clone();
                    let body = if entry.rules.is_empty() {
                        view! { <p class="not-stated" data-topic=entry.topic.id.clone() data-status="not_stated">"The procedure says nothing on this."</p> }.into_any()
                    } else {
                        view! { <ul class="rule-cards">{rule_cards(entry.rules, &loaded, true)}</ul> }.into_any()
                    };
                    view! {
                        <section class="topic">
                            <h3>{heading}</h3>
                            <p class="topic-description">{description}</p>
                            {body}
                        </section>
                    }
                    .into_any()
                })
                .collect_view();
            view! { <h2>{label}</h2> {sections} }.into_any()
        })
        .collect_view();
    let short_name = authority.short_name.clone();
    let count = loaded.book.rules.len();
    let not_stated = loaded.book.rules.iter().filter(|r| r.status == Status::NotStated).count();
    let ambiguous = loaded.book.rules.iter().filter(|r| r.status == Status::Ambiguous).count();
    view! {
        <div class="wrap rules-page">
            <p class="breadcrumb"><Link href="/">"Authorities"</Link> " › " <Link href=format!("/a/{}", authority.slug)>{short_name}</Link> " › Rules"</p>
            <h1>{authority.short_name.clone()}": every rule by topic"</h1>
            <p class="lead">{format!("{count} rules: {ambiguous} ambiguous, {not_stated} marked not stated. Each cites the section it comes from.")}</p>
            {groups}
        </div>
    }
}
