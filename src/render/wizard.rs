//! The wizard's pages as HTML: one question at a time (GOV.UK style: the legend is the `h1`, a hint, Continue, a Back
//! link that keeps later answers, progress), and the result: the outcome in the authority's words, the timeline, the
//! rules that apply, what the procedure does not say, and the answers with "Change" links.

use super::deadlines::{date_parts_html, timeline_html};
use super::escape;
use super::rule_card::{rule_cards_html, CardContext};
use crate::model::{Authority, Rule, Status};
use crate::query::join;
use crate::timeline::{applicable, choice_label, timeline, DateParts, DONT_KNOW};
use crate::wizard::{stage, Ending, Kind, Question, Walk};
use chrono::NaiveDate;

/// The address of a walk, relative to the site's base: `wizard/{slug}?…`.
pub fn walk_href(slug: &str, walk: &Walk) -> String {
    let query = join(&walk.to_query());
    if query.is_empty() {
        format!("wizard/{slug}")
    } else {
        format!("wizard/{slug}?{query}")
    }
}

fn hint(key: &str) -> &'static str {
    match key {
        "in_need" => "Under section 17 of the Children Act 1989, as the assessment found.",
        "other_plan" => {
            "A plan the child already has, which some procedures say takes the place of a Child in Need plan."
        }
        "review_finding" => "What the last Child in Need review found about the child's needs.",
        _ => "",
    }
}

/// One question page. `index` is the question's place in the flow; `error` a message to show on the field.
pub fn question_html(slug: &str, flow: &[Question], index: usize, walk: &Walk, error: Option<&str>) -> String {
    let q = &flow[index];
    let mut out = String::new();
    if index > 0 {
        let back = Walk { at: Some(flow[index - 1].key.to_owned()), from_check: false, ..walk.clone() };
        out.push_str(&format!("<a class=\"back-link\" href=\"{}\">Back</a>", escape(&walk_href(slug, &back))));
    }
    if let Some(e) = error {
        out.push_str(&format!(
            "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\"><h2>There is a problem</h2>\
             <ul><li><a href=\"#answer\" data-field=\"answer\">{}</a></li></ul></div>",
            escape(e)
        ));
    }
    out.push_str(&format!(
        "<p class=\"progress\">Question {} of {} <span class=\"stage\">· {}</span></p>",
        index + 1,
        flow.len(),
        stage(q.key)
    ));
    let hint_text = match q.kind {
        Kind::Date => "For example, 26 3 2026. If you do not know it, or it has not happened yet, tick the box.",
        Kind::Choice { .. } => hint(q.key),
    };
    out.push_str(&format!(
        "<form class=\"wizard-question{}\" data-key=\"{}\" novalidate><fieldset aria-describedby=\"question-hint\">\
         <legend><h1>{}</h1></legend><p class=\"hint\" id=\"question-hint\">{}</p>",
        if error.is_some() { " has-error" } else { "" },
        q.key,
        escape(&q.text),
        escape(hint_text)
    ));
    if let Some(e) = error {
        out.push_str(&format!(
            "<p class=\"field-error\"><span class=\"visually-hidden\">Error: </span>{}</p>",
            escape(e)
        ));
    }
    match &q.kind {
        Kind::Choice { choices, dont_know } => {
            let current = walk.case.answers.get(q.key).map(String::as_str);
            let mut options: Vec<(String, String)> = choices.clone();
            if *dont_know {
                options.push((DONT_KNOW.to_owned(), "I don't know".to_owned()));
            }
            out.push_str("<div class=\"radios\">");
            for (i, (value, label)) in options.iter().enumerate() {
                let id = if i == 0 { "answer".to_owned() } else { format!("answer-{i}") };
                out.push_str(&format!(
                    "<div class=\"radio\"><input type=\"radio\" id=\"{id}\" name=\"answer\" value=\"{}\"{}>\
                     <label for=\"{id}\">{}</label></div>",
                    escape(value),
                    if current == Some(value.as_str()) { " checked" } else { "" },
                    escape(label)
                ));
            }
            out.push_str("</div>");
        }
        Kind::Date => {
            let parts = walk.case.dates.get(q.key).map(|d| DateParts::of(*d)).unwrap_or_default();
            out.push_str(&date_parts_html("answer", "answer", &parts));
            let skipped = walk.skipped.iter().any(|k| k == q.key);
            out.push_str(&format!(
                "<div class=\"checkbox\"><input type=\"checkbox\" id=\"no-date\" name=\"no-date\" value=\"yes\"{}>\
                 <label for=\"no-date\">I don't know this date, or it has not happened yet</label></div>",
                if skipped { " checked" } else { "" }
            ));
        }
    }
    out.push_str("</fieldset><button type=\"submit\" class=\"button\">Continue</button></form>");
    out
}

fn cites(rule: &Rule, authority: &Authority) -> String {
    let links: Vec<String> = rule
        .cites
        .iter()
        .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
        .map(|s| {
            format!("<a class=\"cite\" href=\"a/{}/{}\">{}</a>", authority.slug, s.id, escape(&s.numbered_title()))
        })
        .collect();
    format!("<span class=\"cited-in\">(source: {})</span>", links.join("; "))
}

fn outcome_html(ending: &Ending, walk: &Walk, authority: &Authority) -> String {
    let name = escape(&authority.short_name);
    let body = match ending {
        Ending::NotInNeed => format!(
            "<h2>This procedure does not apply</h2><p>{name}'s Child in Need procedure is for children assessed as in \
             need under section 17. See <a href=\"a/{}\">whom it covers</a>.</p>",
            authority.slug
        ),
        Ending::Excluded(rule) => {
            let plan = walk.case.answers.get("other_plan").cloned().unwrap_or_default();
            let label = rule
                .values()
                .into_iter()
                .find_map(|v| match v {
                    crate::model::Value::Plans { plans } => {
                        plans.iter().find(|p| p.id == plan).map(|p| p.label.clone())
                    }
                    _ => None,
                })
                .unwrap_or_else(|| choice_label("other_plan", &plan));
            format!(
                "<h2>Another plan takes the child out of this procedure</h2><p>{name}'s procedure does not apply where \
                 the child has: {}.</p><p>{} {}</p>",
                escape(&label),
                escape(&rule.summary),
                cites(rule, authority)
            )
        }
        Ending::Applies { outcomes, unmapped_finding, untied } => {
            let finding = walk.case.answers.get("review_finding").filter(|f| f.as_str() != DONT_KNOW);
            let mut out = String::new();
            if *unmapped_finding {
                out.push_str(&format!(
                    "<h2>The procedure names no outcome for this finding</h2><p>{name}'s procedure states no outcome for \
                     a review that finds: {}. It does not fill the gap, and nor does this site.</p>",
                    escape(&choice_label("review_finding", finding.map_or("", |f| f.as_str())).to_lowercase())
                ));
            } else if *untied {
                out.push_str(&format!(
                    "<h2>What can follow a review</h2><p>{name}'s procedure lists these outcomes without saying which \
                     review finding leads to which:</p>"
                ));
            } else if outcomes.is_empty() {
                out.push_str(&format!("<h2>Review outcome</h2><p>{name}'s procedure states no review outcomes.</p>"));
            } else {
                let heading =
                    if finding.is_some() { "What follows" } else { "What follows depends on what the review finds" };
                out.push_str(&format!("<h2>{heading}</h2>"));
            }
            if !outcomes.is_empty() {
                out.push_str("<ul class=\"outcomes\">");
                for (rule, o) in outcomes {
                    let when: Vec<String> =
                        o.findings.iter().map(|f| choice_label("review_finding", f).to_lowercase()).collect();
                    let when = if finding.is_none() && !when.is_empty() {
                        format!(" <span class=\"when\">— when the review finds: {}</span>", escape(&when.join(" or ")))
                    } else {
                        String::new()
                    };
                    let to = o.destination.as_ref().map(|d| format!(" (to {})", escape(d))).unwrap_or_default();
                    out.push_str(&format!(
                        "<li data-outcome-item=\"{}\"><strong>{}</strong>{to}{when} {}</li>",
                        o.id,
                        escape(&o.label),
                        cites(rule, authority)
                    ));
                }
                out.push_str("</ul>");
            }
            out
        }
    };
    format!("<div class=\"outcome\" data-outcome=\"{}\">{body}</div>", ending.id())
}

/// `Check your answers`: every answer with a "Change" link, and the way on to the result.
pub fn check_html(slug: &str, flow: &[Question], walk: &Walk) -> String {
    let result = Walk { confirmed: true, at: None, from_check: false, ..walk.clone() };
    format!(
        "<h1>Check your answers</h1>{}<p><a class=\"button see-result\" href=\"{}\">See the result</a></p>",
        answers_html(slug, flow, walk),
        escape(&walk_href(slug, &result))
    )
}

/// The answers so far, each with a "Change" link back to its question.
fn answers_html(slug: &str, flow: &[Question], walk: &Walk) -> String {
    let mut out = String::from("<h2 class=\"visually-hidden\">Your answers</h2><dl class=\"answers\">");
    for q in flow {
        let shown = match &q.kind {
            Kind::Date => match walk.case.dates.get(q.key) {
                Some(d) => crate::calendar::long_date(*d),
                None if walk.skipped.iter().any(|k| k == q.key) => "Not known or not yet".to_owned(),
                None => continue,
            },
            Kind::Choice { choices, .. } => match walk.case.answers.get(q.key) {
                Some(v) if v == DONT_KNOW => "I don't know".to_owned(),
                Some(v) => choices.iter().find(|(c, _)| c == v).map_or_else(|| v.clone(), |(_, l)| l.clone()),
                None => continue,
            },
        };
        let change = Walk { at: Some(q.key.to_owned()), from_check: true, confirmed: false, ..walk.clone() };
        out.push_str(&format!(
            "<div class=\"answer-row\"><dt>{}</dt><dd>{}</dd><dd><a href=\"{}\">Change<span class=\"visually-hidden\"> {}</span></a></dd></div>",
            escape(&q.text),
            escape(&shown),
            escape(&walk_href(slug, &change)),
            escape(&q.text.to_lowercase())
        ));
    }
    out.push_str("</dl>");
    out
}

/// The topics whose rules the result page shows as cards, in the order a case meets them.
const RESULT_TOPICS: [&str; 12] = [
    "planning_meeting.chair",
    "planning_meeting.convener",
    "planning_meeting.attendees",
    "plan.contents",
    "plan.distribution",
    "plan.lead",
    "review.chair",
    "review.purpose",
    "records.minute_taker",
    "records.system",
    "family.exclusion_endorsement",
    "closure.step_down_destination",
];

/// What the result page is about: the walk, its ending and the authority's rules.
pub struct Outcome<'a> {
    /// The authority's flow.
    pub flow: &'a [Question],
    /// The answers.
    pub walk: &'a Walk,
    /// How the walk ended.
    pub ending: &'a Ending<'a>,
    /// The authority's rules.
    pub rules: &'a [Rule],
}

/// The result page: outcome, deadlines, the rules that apply, what is not stated, the answers.
pub fn result_html(result: &Outcome, ctx: &CardContext, today: NaiveDate) -> String {
    let Outcome { flow, walk, ending, rules } = *result;
    let authority = ctx.authority;
    let slug = authority.slug.as_str();
    let mut out = format!("<h1>Result: {}</h1>", escape(&authority.short_name));
    out.push_str(&outcome_html(ending, walk, authority));
    if let Ending::Applies { .. } = ending {
        out.push_str("<h2>Deadlines</h2>");
        out.push_str(&timeline_html(&timeline(rules, &walk.case, today), authority, ctx.topics));
        let apply = applicable(rules, &walk.case);
        let shown: Vec<&Rule> = RESULT_TOPICS
            .iter()
            .flat_map(|t| {
                apply.iter().filter(move |(r, _)| r.topic == *t && r.status != Status::NotStated).map(|(r, _)| *r)
            })
            .collect();
        if !shown.is_empty() {
            out.push_str(&format!(
                "<h2>Who does what, and the checklists</h2><ul class=\"rule-cards\">{}</ul>",
                rule_cards_html(shown, ctx, false)
            ));
        }
        let gaps: Vec<&Rule> =
            rules.iter().filter(|r| r.status == Status::NotStated && topic_is_core(ctx, &r.topic)).collect();
        if !gaps.is_empty() {
            out.push_str(&format!(
                "<h2>What {}'s procedure does not say</h2><ul class=\"gaps\">",
                escape(&authority.short_name)
            ));
            for r in gaps {
                out.push_str(&format!("<li data-topic=\"{}\">{}</li>", escape(&r.topic), escape(&r.summary)));
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("<h2>Your answers</h2>");
    out.push_str(&answers_html(slug, flow, walk));
    out
}

fn topic_is_core(ctx: &CardContext, topic: &str) -> bool {
    ctx.topics.iter().any(|t| t.id == topic && t.core)
}

/// `/wizard/{authority}/map`: the whole flow for a procedures lead to review — every question in order with its
/// stage and choices, where a walk ends early, and which review finding leads to which outcome.
pub fn map_html(flow: &[Question], rules: &[Rule], authority: &Authority) -> String {
    let name = escape(&authority.short_name);
    let mut out = format!(
        "<p class=\"breadcrumb\"><a href=\"./\">Authorities</a> › <a href=\"a/{s}\">{name}</a> › <a href=\"wizard/{s}\">Wizard</a> › Map</p>\
         <h1>The wizard's flow: {name}</h1><p class=\"lead\">Every question the wizard can ask for {name}, in order, and \
         where each answer leads. Questions come from a shared baseline, kept only where this procedure's rules need them.</p><ol class=\"flow-map\">",
        s = authority.slug
    );
    let excluded: Vec<(&Rule, String)> = crate::wizard::excluded_plans(rules);
    for q in flow {
        out.push_str(&format!("<li><h2>{}</h2><p class=\"stage\">{}</p>", escape(&q.text), stage(q.key)));
        match &q.kind {
            Kind::Choice { choices, dont_know } => {
                out.push_str("<ul>");
                for (value, label) in choices {
                    let ends = match (q.key, value.as_str()) {
                        ("in_need", "no") => " → ends: this procedure does not apply".to_owned(),
                        ("other_plan", plan) => match excluded.iter().find(|(_, p)| p == plan) {
                            Some((rule, _)) => format!(" → ends: excluded {}", cites(rule, authority)),
                            None => String::new(),
                        },
                        ("review_finding", finding) => {
                            let to: Vec<String> = crate::wizard::outcomes(rules)
                                .iter()
                                .filter(|(_, o)| o.findings.iter().any(|f| f == finding))
                                .map(|(_, o)| escape(&o.label))
                                .collect();
                            if to.is_empty() {
                                " → the procedure names no outcome".to_owned()
                            } else {
                                format!(" → {}", to.join("; or "))
                            }
                        }
                        _ => String::new(),
                    };
                    out.push_str(&format!("<li>{}{ends}</li>", escape(label)));
                }
                if *dont_know {
                    out.push_str("<li>I don't know → every branch is shown</li>");
                }
                out.push_str("</ul>");
            }
            Kind::Date => out.push_str("<ul><li>A date, or not known / not yet</li></ul>"),
        }
        out.push_str("</li>");
    }
    out.push_str("<li><h2>Result</h2><p>The outcome, the deadlines, the rules that apply and what the procedure does not say.</p></li></ol>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;

    fn setup() -> (Authority, Vec<Rule>) {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let rules: Vec<Rule> = serde_json::from_str(
            r#"[{"id":"m-first","topic":"review.first","status":"stated","when":{"disabled":["yes"]},
                 "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},
                 "summary":"s","cites":[],"note":null}]"#,
        )
        .unwrap();
        (a, rules)
    }

    #[test]
    fn a_question_page_has_its_legend_as_h1_progress_back_and_choices() {
        let (a, rules) = setup();
        let flow = crate::wizard::flow(&rules, &a);
        let mut walk = Walk::default();
        walk.case.answers.insert("in_need".into(), "yes".into());
        let html = question_html("minimal", &flow, 1, &walk, Some("Select an answer"));
        assert!(html.contains("<legend><h1>Is the child disabled?</h1></legend>"), "{html}");
        assert!(html.contains("Question 2 of 4"), "{html}");
        assert!(
            html.contains("<a class=\"back-link\" href=\"wizard/minimal?in_need=yes&amp;at=in_need\">Back</a>"),
            "{html}"
        );
        assert!(html.contains("value=\"dont_know\"") && html.contains("There is a problem"), "{html}");
    }

    #[test]
    fn check_your_answers_links_each_answer_back_and_on_to_the_result() {
        let (a, rules) = setup();
        let flow = crate::wizard::flow(&rules, &a);
        let mut walk = Walk::default();
        walk.case.answers.insert("in_need".into(), "yes".into());
        walk.skipped.push("plan_established".into());
        let html = check_html("minimal", &flow, &walk);
        assert!(html.contains("<dd>Not known or not yet</dd>"), "{html}");
        assert!(html.contains("at=in_need&amp;from=check\">Change"), "{html}");
        assert!(
            html.contains(
                "href=\"wizard/minimal?in_need=yes&amp;plan_established=none&amp;result=yes\">See the result"
            ),
            "{html}"
        );
    }
}
