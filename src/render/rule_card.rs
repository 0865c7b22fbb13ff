//! Rule cards as HTML: a rule's topic, status, plain words, typed value, conditions, note and citations; and the
//! rules page's topic groups, including what a procedure does not state.

use super::authority::section_href;
use crate::html;
use crate::html::Html;
use crate::model::{
    by_group, describe_value, describe_when, meeting_name, topic, Authority, Role, Rule, Status, Topic, Value,
};
use crate::timeline::choice_label;

/// The items of a list, outcomes or plans value; `None` for other kinds.
pub fn value_items(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::List { items } => Some(items.clone()),
        Value::Outcomes { outcomes } => Some(
            outcomes
                .iter()
                .map(|o| {
                    let mut item = match &o.destination {
                        Some(d) => format!("{} (to {d})", o.label),
                        None => o.label.clone(),
                    };
                    if !o.findings.is_empty() {
                        let findings: Vec<String> =
                            o.findings.iter().map(|f| choice_label("review_finding", f).to_lowercase()).collect();
                        item.push_str(&format!(" — when the review finds: {}", findings.join(" or ")));
                    }
                    item
                })
                .collect(),
        ),
        Value::Plans { plans } => Some(plans.iter().map(|p| p.label.clone()).collect()),
        _ => None,
    }
}

/// A value as a person reads it: a sentence, or a list.
fn value_html(value: &Value, roles: &[Role]) -> Html {
    match value_items(value) {
        Some(items) => {
            let items: Html = items.iter().map(|i| html!("<li>{}</li>", i)).collect();
            html!("<ul class=\"rule-items\">{}</ul>", items)
        }
        None => html!("<p class=\"rule-value\">{}</p>", describe_value(value, roles)),
    }
}

/// What a card needs besides its rule.
pub struct CardContext<'a> {
    /// The authority whose rule it is.
    pub authority: &'a Authority,
    /// Every topic, for the card's heading.
    pub topics: &'a [Topic],
    /// Every role, for roles values.
    pub roles: &'a [Role],
}

/// One rule card. `nested` when it sits under its topic's own heading, so it repeats no heading.
pub fn rule_card_html(rule: &Rule, ctx: &CardContext, nested: bool) -> Html {
    let status = rule.status;
    let mut out = html!(
        "<li class=\"rule-card status-{s}\" data-topic=\"{t}\" data-status=\"{s}\" id=\"{id}\">",
        s = status.id(),
        t = rule.topic,
        id = rule.id
    );
    if !nested {
        let label = topic(ctx.topics, &rule.topic).map_or(rule.topic.as_str(), |t| t.label.as_str());
        out.push(html!("<h3>{}</h3>", label));
    }
    out.push(status_badge(status));
    if let Some(c) = describe_when(&rule.when, &ctx.authority.vocabulary) {
        out.push(html!("<p class=\"rule-when\">{}:</p>", c));
    }
    out.push(html!("<p class=\"rule-summary\">{}</p>", rule.summary));
    if let Some(v) = &rule.value {
        out.push(value_html(v, ctx.roles));
    }
    if let Some(other) = &rule.same_meeting {
        out.push(html!(
            "<p class=\"rule-same-meeting\">The same meeting as {}: the procedure names one meeting for both.</p>",
            meeting_name(ctx.topics, other)
        ));
    }
    if !rule.readings.is_empty() {
        out.push(html!("<p>Read either way:</p><ol class=\"readings\">"));
        for r in &rule.readings {
            let same = r.same_meeting.as_deref().map(|other| {
                html!(
                    "<p class=\"rule-same-meeting\">Read this way, it is {} itself.</p>",
                    meeting_name(ctx.topics, other)
                )
            });
            out.push(html!(
                "<li><strong>{}: </strong>{}{}</li>",
                r.label,
                value_html(&r.value, ctx.roles),
                same.unwrap_or_default()
            ));
        }
        out.push(html!("</ol>"));
    }
    if let Some(n) = &rule.note {
        let lead = if status == Status::Ambiguous { "Why it is ambiguous: " } else { "Note: " };
        out.push(html!("<p class=\"rule-note\"><strong>{}</strong>{}</p>", lead, n));
    }
    out.push(cites_html(rule, ctx.authority));
    out.push(html!("</li>"));
    out
}

/// The sections a rule cites, as links.
pub fn cites_html(rule: &Rule, authority: &Authority) -> Html {
    let cites: Html = rule
        .cites
        .iter()
        .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
        .map(|s| html!("<li><a href=\"{}\">{}</a></li>", section_href(&authority.slug, &s.id), s.numbered_title()))
        .collect();
    html!("<div class=\"rule-cites\">Source: <ul>{}</ul></div>", cites)
}

/// A rule's status as a badge, its meaning spelled out for screen readers.
pub fn status_badge(status: Status) -> Html {
    html!("<p class=\"status-badge\"><span class=\"visually-hidden\">Status: </span>{}</p>", status.label())
}

/// Cards for several rules, as the items of a list.
pub fn rule_cards_html<'a>(rules: impl IntoIterator<Item = &'a Rule>, ctx: &CardContext, nested: bool) -> Html {
    rules.into_iter().map(|r| rule_card_html(r, ctx, nested)).collect()
}

/// Every topic by group with the authority's rules, or a plain "says nothing" where it has none.
pub fn rules_by_topic_html(rules: &[Rule], ctx: &CardContext) -> Html {
    let mut out = Html::new();
    for (label, topics) in by_group(ctx.topics, rules) {
        out.push(html!("<h2>{}</h2>", label));
        for entry in topics {
            out.push(html!(
                "<section class=\"topic\"><h3>{}</h3><p class=\"topic-description\">{}</p>",
                entry.topic.label,
                entry.topic.description
            ));
            if entry.rules.is_empty() {
                out.push(html!(
                    "<p class=\"not-stated\" data-topic=\"{}\" data-status=\"not_stated\">The procedure says nothing on this.</p>",
                    entry.topic.id
                ));
            } else {
                out.push(html!("<ul class=\"rule-cards\">{}</ul>", rule_cards_html(entry.rules, ctx, true)));
            }
            out.push(html!("</section>"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;

    fn authority() -> Authority {
        parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap()
    }

    fn topics() -> Vec<Topic> {
        serde_json::from_str(
            r#"[{"id":"review.first","group":"reviews","core":true,"label":"First review","description":"When."},
                {"id":"review.chair","group":"reviews","core":true,"label":"Who chairs","description":"Who."}]"#,
        )
        .unwrap()
    }

    #[test]
    fn a_card_shows_status_words_value_readings_and_sources() {
        let a = authority();
        let section = a.sections[0].id.clone();
        let rule: Rule = serde_json::from_str(&format!(
            r#"{{"id":"m-first","topic":"review.first","status":"ambiguous","when":{{"disabled":["yes"]}},"readings":[
            {{"label":"10 working days","value":{{"kind":"deadline","amount":10,"unit":"working_days","after":"plan_established"}}}}],
            "summary":"Review <soon>.","cites":["{section}"],"note":"Days of which kind?"}}"#
        ))
        .unwrap();
        let topics = topics();
        let ctx = CardContext { authority: &a, topics: &topics, roles: &[] };
        let html = rule_card_html(&rule, &ctx, false).into_string();
        assert!(html.contains("<h3>First review</h3>"), "{html}");
        assert!(html.contains("data-status=\"ambiguous\"") && html.contains("Ambiguous"), "{html}");
        assert!(html.contains("Review &lt;soon&gt;."), "text is escaped: {html}");
        assert!(html.contains("<strong>10 working days: </strong><p class=\"rule-value\">within 10 working days after the plan is established</p>"), "{html}");
        assert!(html.contains("For disabled children:"), "{html}");
        assert!(html.contains("Why it is ambiguous: </strong>Days of which kind?"), "{html}");
        assert!(html.contains(&format!("<a href=\"a/minimal/{section}\">")), "{html}");
        assert!(!rule_card_html(&rule, &ctx, true).as_str().contains("<h3>"), "nested cards repeat no heading");
    }

    #[test]
    fn a_card_says_which_meeting_it_is_the_same_as() {
        let a = authority();
        let topics = crate::model::content_topics();
        let ctx = CardContext { authority: &a, topics: &topics, roles: &[] };
        let value = r#"{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"}"#;
        let stated: Rule = serde_json::from_str(&format!(
            r#"{{"id":"m-pm","topic":"planning_meeting.deadline","status":"stated","value":{value},
                "same_meeting":"review.first","summary":"s","cites":[],"note":null}}"#
        ))
        .unwrap();
        let html = rule_card_html(&stated, &ctx, false).into_string();
        assert!(
            html.contains(
                "<p class=\"rule-same-meeting\">The same meeting as the first review: the procedure names one \
                           meeting for both.</p>"
            ),
            "{html}"
        );
        let ambiguous: Rule = serde_json::from_str(&format!(
            r#"{{"id":"m-rf","topic":"review.first","status":"ambiguous","readings":[
                {{"label":"the initial meeting","value":{value},"same_meeting":"planning_meeting.deadline"}},
                {{"label":"later","value":{value}}}],"summary":"s","cites":[],"note":"n"}}"#
        ))
        .unwrap();
        let html = rule_card_html(&ambiguous, &ctx, false).into_string();
        assert_eq!(html.matches("rule-same-meeting").count(), 1, "{html}");
        assert!(html.contains("Read this way, it is the planning meeting itself.</p></li>"), "{html}");
    }

    #[test]
    fn the_rules_page_says_what_a_procedure_does_not_state() {
        let a = authority();
        let topics = topics();
        let ctx = CardContext { authority: &a, topics: &topics, roles: &[] };
        let html = rules_by_topic_html(&[], &ctx).into_string();
        assert!(html.contains("<h2>Reviews</h2>"), "{html}");
        assert_eq!(html.matches("data-status=\"not_stated\"").count(), 2, "{html}");
    }
}
