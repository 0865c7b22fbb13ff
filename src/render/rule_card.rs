//! Rule cards as HTML: a rule's topic, status, plain words, value, conditions, note and citations, in full or folded
//! to one line that opens on demand; and the rules page's topic groups, including what a procedure does not state.

use super::authority::section_href;
use crate::html;
use crate::html::Html;
use crate::model::{
    by_group, describe_brief, describe_conditions, describe_value, describe_when, meeting_name, topic, Authority, Role,
    Rule, Status, Topic, Value,
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

/// A card's opening tag: its status, topic and the rule's id for links.
fn card_open(rule: &Rule) -> Html {
    html!(
        "<li class=\"rule-card status-{s}\" data-topic=\"{t}\" data-status=\"{s}\" id=\"{id}\">",
        s = rule.status.id(),
        t = rule.topic,
        id = rule.id
    )
}

/// The label of a rule's topic.
fn topic_label<'a>(rule: &'a Rule, ctx: &'a CardContext) -> &'a str {
    topic(ctx.topics, &rule.topic).map_or(rule.topic.as_str(), |t| t.label.as_str())
}

/// One rule card. `nested` when it sits under its topic's own heading, so it repeats no heading.
pub fn rule_card_html(rule: &Rule, ctx: &CardContext, nested: bool) -> Html {
    card_html(rule, ctx, (!nested).then_some(3))
}

/// One rule card with its topic as a heading of this level, or with no heading.
fn card_html(rule: &Rule, ctx: &CardContext, level: Option<u8>) -> Html {
    let mut out = card_open(rule);
    if let Some(level) = level {
        out.push(html!("<h{level}>{label}</h{level}>", level = level, label = topic_label(rule, ctx)));
    }
    out.push(card_body(rule, ctx));
    out.push(html!("</li>"));
    out
}

/// One rule card folded to a line that opens on demand (a native disclosure, so a keyboard or a screen reader opens
/// it as any other): the topic and, until it is opened, what the rule says in a few words and for whom.
pub fn folded_rule_card_html(rule: &Rule, ctx: &CardContext) -> Html {
    let gist = match describe_conditions(&rule.when, &ctx.authority.vocabulary) {
        Some(when) => format!("{} (for {when})", gist(rule, ctx.roles)),
        None => gist(rule, ctx.roles),
    };
    html!(
        "{open}<details class=\"rule-fold\"><summary><span class=\"rule-fold-topic\">{topic}</span><span \
         class=\"rule-fold-gist\">: {gist}</span></summary>{body}</details></li>",
        open = card_open(rule),
        topic = topic_label(rule, ctx),
        gist = gist,
        body = card_body(rule, ctx)
    )
}

/// What a rule says in a few words, for its folded card: its value briefly ("15 working days after the plan is
/// established", "every 12 weeks", "5 points"), "not stated", or "ambiguous, read 2 ways".
fn gist(rule: &Rule, roles: &[Role]) -> String {
    match (rule.status, &rule.value) {
        (Status::NotStated, _) => "not stated".to_owned(),
        (Status::Ambiguous, _) if rule.readings.len() > 1 => format!("ambiguous, read {} ways", rule.readings.len()),
        (Status::Ambiguous, _) => "ambiguous".to_owned(),
        (Status::Stated, Some(Value::List { items })) if items.len() != 1 => format!("{} points", items.len()),
        (Status::Stated, Some(Value::List { items })) => describe_brief(&Value::Text { text: items[0].clone() }, roles),
        (Status::Stated, Some(value)) => describe_brief(value, roles),
        (Status::Stated, None) => "stated".to_owned(),
    }
}

/// Everything a card says under its heading: status, conditions, words, value or readings, the meeting it shares,
/// the note and the sections it cites.
fn card_body(rule: &Rule, ctx: &CardContext) -> Html {
    let status = rule.status;
    let mut out = status_badge(status);
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

/// Cards for several rules, as the items of a list under a third-level heading: each card's topic is a fourth-level
/// heading (the whole procedure on one page).
pub fn rule_cards_under_h3_html<'a>(rules: impl IntoIterator<Item = &'a Rule>, ctx: &CardContext) -> Html {
    rules.into_iter().map(|r| card_html(r, ctx, Some(4))).collect()
}

/// Folded cards ([`folded_rule_card_html`]) for several rules, as the items of a list.
pub fn folded_rule_cards_html<'a>(rules: impl IntoIterator<Item = &'a Rule>, ctx: &CardContext) -> Html {
    rules.into_iter().map(|r| folded_rule_card_html(r, ctx)).collect()
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
    fn a_folded_card_is_one_line_that_opens_to_the_whole_card() {
        let a = authority();
        let topics = topics();
        let ctx = CardContext { authority: &a, topics: &topics, roles: &[] };
        let rule: Rule = serde_json::from_str(
            r#"{"id":"m-first","topic":"review.first","status":"stated","when":{"disabled":["yes"]},
                "value":{"kind":"deadline","amount":10,"unit":"working_days","after":"plan_established"},
                "summary":"Review <soon>.","cites":[],"note":null}"#,
        )
        .unwrap();
        let html = folded_rule_card_html(&rule, &ctx).into_string();
        assert!(
            html.starts_with(
                "<li class=\"rule-card status-stated\" data-topic=\"review.first\" data-status=\"stated\" \
                 id=\"m-first\"><details class=\"rule-fold\"><summary><span class=\"rule-fold-topic\">First \
                 review</span><span class=\"rule-fold-gist\">: 10 working days after the plan is established (for \
                 disabled children)</span></summary>"
            ),
            "{html}"
        );
        let full = rule_card_html(&rule, &ctx, true).into_string();
        let body = full.trim_start_matches(card_open(&rule).as_str()).trim_end_matches("</li>");
        assert!(html.ends_with(&format!("</summary>{body}</details></li>")), "the whole card opens: {html}");
        assert!(!html.contains("<h3>"), "no heading inside the summary");
        let gist_of = |json: &str| {
            let rule: Rule = serde_json::from_str(json).unwrap();
            let html = folded_rule_card_html(&rule, &ctx).into_string();
            let start = html.find("rule-fold-gist\">: ").unwrap() + "rule-fold-gist\">: ".len();
            html[start..start + html[start..].find("</span>").unwrap()].to_owned()
        };
        let reading = r#"{"label":"l","value":{"kind":"text","text":"t"}}"#;
        let ambiguous = format!(
            r#"{{"id":"a","topic":"review.first","status":"ambiguous","readings":[{reading},{reading}],"summary":"s",
                "cites":[],"note":"n"}}"#
        );
        assert_eq!(gist_of(&ambiguous), "ambiguous, read 2 ways");
        let list = r#"{"id":"l","topic":"review.first","status":"stated","value":{"kind":"list","items":["a","b","c"]},
                       "summary":"s","cites":[],"note":null}"#;
        assert_eq!(gist_of(list), "3 points");
        let silent = r#"{"id":"n","topic":"review.first","status":"not_stated","summary":"s","cites":[],"note":null}"#;
        assert_eq!(gist_of(silent), "not stated");
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
