//! The wizard's pages as HTML: one question at a time (GOV.UK style: the legend is the `h1`, a hint, Continue, a Back
//! link that keeps later answers, progress), and the result: the outcome in the authority's words, the timeline, the
//! rules that apply, what the procedure does not say, and the answers with "Change" links.

use super::deadlines::{date_parts_html, timeline_html};
use super::frame::error_summary_html;
use super::rule_card::{rule_card_html, rule_cards_html, CardContext};
use crate::html;
use crate::html::Html;
use crate::model::{Authority, Rule};
use crate::pages::route::Route;
use crate::render::authority::section_href;
use crate::timeline::{choice_label, DateParts, Timeline, DONT_KNOW};
use crate::wizard::{stage, Ending, Kind, NextStep, Question, Refusal, Walk, Way, ASSUMED};

/// The address of a walk, relative to the site's base: `wizard/{slug}?…`, or `wizard/{slug}/after-review?…`.
pub fn walk_href(slug: &str, walk: &Walk) -> String {
    Route::Wizard { slug: slug.to_owned(), way: walk.way, walk: walk.to_query() }.href()
}

/// One question page, naming the council whose rules it walks ("{short name} — question 2 of 7"). `index` is the question's
/// place in the flow. `refused` is the answer just refused: when it is this question's, its message is shown on the
/// field and the date boxes hold what was typed.
pub fn question_html(
    authority: &Authority,
    flow: &[Question],
    index: usize,
    walk: &Walk,
    refused: Option<&Refusal>,
) -> Html {
    let slug = authority.slug.as_str();
    let q = &flow[index];
    let refused = refused.filter(|r| r.key == q.key);
    let error = refused.map(|r| r.message.as_str());
    let mut out = Html::new();
    if index > 0 {
        let back = Walk { at: Some(flow[index - 1].key.to_owned()), from_check: false, ..walk.clone() };
        out.push(html!("<a class=\"back-link\" href=\"{}\">Back</a>", walk_href(slug, &back)));
    }
    if let Some(e) = error {
        out.push(error_summary_html(&[("answer".to_owned(), e)]));
    }
    out.push(html!(
        "<p class=\"progress\">{} — question {} of {} <span class=\"stage\">· {}</span></p>",
        authority.short_name,
        index + 1,
        flow.len(),
        stage(q.key)
    ));
    let hint_text = match q.kind {
        Kind::Date => "For example, 26 3 2026. If you do not know it, or it has not happened yet, tick the box.",
        Kind::Choice { .. } => crate::model::questions::key(q.key).map_or("", |k| k.hint),
    };
    out.push(html!(
        "<form class=\"wizard-question{class}\" data-key=\"{key}\" novalidate><input type=\"hidden\" \
         name=\"question\" value=\"{key}\"><fieldset aria-describedby=\"question-hint\"><legend><h1>{text}</h1>\
         </legend><p class=\"hint\" id=\"question-hint\">{hint}</p>",
        class = if error.is_some() { " has-error" } else { "" },
        text = q.text,
        hint = hint_text,
        key = q.key
    ));
    if let Some(e) = error {
        out.push(html!("<p class=\"field-error\"><span class=\"visually-hidden\">Error: </span>{}</p>", e));
    }
    match &q.kind {
        Kind::Choice { choices, dont_know } => {
            let current = walk.case.answers.get(q.key).map(String::as_str);
            let mut options: Vec<(String, String)> = choices.clone();
            if *dont_know {
                options.push((DONT_KNOW.to_owned(), "I don't know".to_owned()));
            }
            out.push(html!("<div class=\"radios\">"));
            for (i, (value, label)) in options.iter().enumerate() {
                let id = if i == 0 { "answer".to_owned() } else { format!("answer-{i}") };
                out.push(html!(
                    "<div class=\"radio\"><input type=\"radio\" id=\"{id}\" name=\"answer\" value=\"{v0}\"{v1}>\
                     <label for=\"{id}\">{v2}</label></div>",
                    v0 = value,
                    v1 = if current == Some(value.as_str()) { " checked" } else { "" },
                    v2 = label,
                    id = id
                ));
            }
            out.push(html!("</div>"));
        }
        Kind::Date => {
            let typed = refused.and_then(|r| r.typed.clone());
            let parts = typed.or_else(|| walk.case.dates.get(q.key).map(|d| DateParts::of(*d))).unwrap_or_default();
            out.push(date_parts_html("answer", "answer", &parts));
            let skipped = walk.skipped.iter().any(|k| k == q.key);
            out.push(html!(
                "<div class=\"checkbox\"><input type=\"checkbox\" id=\"no-date\" name=\"no-date\" value=\"yes\"{}>\
                 <label for=\"no-date\">I don't know this date, or it has not happened yet</label></div>",
                if skipped { " checked" } else { "" }
            ));
        }
    }
    out.push(html!("</fieldset><button type=\"submit\" class=\"button\">Continue</button></form>"));
    out
}

fn cites(rule: &Rule, authority: &Authority) -> Html {
    let links: Vec<Html> = rule
        .cites
        .iter()
        .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
        .map(|s| {
            html!("<a class=\"cite\" href=\"{}\">{}</a>", section_href(&authority.slug, &s.id), s.numbered_title())
        })
        .collect();
    html!("<span class=\"cited-in\">(source: {})</span>", Html::join(links, "; "))
}

fn outcome_html(ending: &Ending, walk: &Walk, authority: &Authority) -> Html {
    let name = &authority.short_name;
    let body = match ending {
        Ending::NotInNeed => html!(
            "<h2>This procedure does not apply</h2><p>{name}'s Child in Need procedure is for children assessed as in \
             need under section 17. See <a href=\"{v0}\">whom it covers</a>.</p>",
            v0 = Route::Authority { slug: authority.slug.clone() }.href(),
            name = name
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
            html!("<h2>Another plan takes the child out of this procedure</h2><p>{name}'s procedure does not apply where \
                 the child has: {v0}.</p><p>{v1} {v2}</p>", v0 = label, v1 = rule.summary, v2 = cites(rule, authority), name = name)
        }
        Ending::Applies { outcomes, unmapped_finding, untied } => {
            let finding = walk.case.answers.get("review_finding").filter(|f| f.as_str() != DONT_KNOW);
            let mut out = Html::new();
            if *unmapped_finding {
                out.push(html!("<h2>The procedure names no outcome for this finding</h2><p>{name}'s procedure states no outcome for \
                     a review that finds: {v0}. It does not fill the gap, and nor does this site.</p>", v0 = choice_label("review_finding", finding.map_or("", |f| f.as_str())).to_lowercase(), name = name));
            } else if *untied {
                out.push(html!(
                    "<h2>What can follow a review</h2><p>{name}'s procedure lists these outcomes without saying which \
                     review finding leads to which:</p>",
                    name = name
                ));
            } else if outcomes.is_empty() {
                out.push(html!(
                    "<h2>Review outcome</h2><p>{name}'s procedure states no review outcomes.</p>",
                    name = name
                ));
            } else {
                let heading =
                    if finding.is_some() { "What follows" } else { "What follows depends on what the review finds" };
                out.push(html!("<h2>{heading}</h2>", heading = heading));
            }
            if !outcomes.is_empty() {
                out.push(html!("<ul class=\"outcomes\">"));
                for (rule, o) in outcomes {
                    let when: Vec<String> =
                        o.findings.iter().map(|f| choice_label("review_finding", f).to_lowercase()).collect();
                    let when = if finding.is_none() && !when.is_empty() {
                        html!(" <span class=\"when\">— when the review finds: {}</span>", when.join(" or "))
                    } else {
                        Html::new()
                    };
                    let to = o.destination.as_ref().map(|d| html!(" (to {})", d)).unwrap_or_default();
                    out.push(html!(
                        "<li data-outcome-item=\"{v0}\"><strong>{v1}</strong>{to}{when} {v2}</li>",
                        v0 = o.id,
                        v1 = o.label,
                        v2 = cites(rule, authority),
                        to = to,
                        when = when
                    ));
                }
                out.push(html!("</ul>"));
            }
            out
        }
    };
    html!("<div class=\"outcome\" data-outcome=\"{v0}\">{body}</div>", v0 = ending.id(), body = body)
}

/// `Check your answers`: every answer with a "Change" link, and the way on to the result.
pub fn check_html(slug: &str, flow: &[Question], walk: &Walk) -> Html {
    let result = Walk { confirmed: true, at: None, from_check: false, ..walk.clone() };
    html!(
        "<h1>Check your answers</h1>{}<p><a class=\"button see-result\" href=\"{}\">See the result</a></p>",
        answers_html(slug, flow, walk),
        walk_href(slug, &result)
    )
}

/// The answers so far, each with a "Change" link back to its question.
fn answers_html(slug: &str, flow: &[Question], walk: &Walk) -> Html {
    let mut out = html!("<h2 class=\"visually-hidden\">Your answers</h2><dl class=\"answers\">");
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
        out.push(html!("<div class=\"answer-row\"><dt>{}</dt><dd>{}</dd><dd><a href=\"{}\">Change<span class=\"visually-hidden\"> {}</span></a></dd></div>", q.text, shown, walk_href(slug, &change), q.text.to_lowercase()));
    }
    out.push(html!("</dl>"));
    out
}

/// What the result page shows, worked out from the walk by the page function: the answers, how the walk ended,
/// what to do next, the deadlines, the rules that apply and the gaps that bear on the case.
pub struct Outcome<'a> {
    /// The authority's flow.
    pub flow: &'a [Question],
    /// The answers.
    pub walk: &'a Walk,
    /// How the walk ended.
    pub ending: &'a Ending<'a>,
    /// Each rule that bears on the outcome or on the answers ("What to do next").
    pub steps: Vec<NextStep<'a>>,
    /// The case's deadlines; `None` on the way to a review's outcome, which has no dates.
    pub timeline: Option<Timeline>,
    /// The other rules that apply and are shown with a result ("Who does what, and the checklists").
    pub shown: Vec<&'a Rule>,
    /// What the procedure does not say that bears on the case.
    pub gaps: Vec<&'a Rule>,
}

/// "What to do next": each rule that bears on the outcome or on the answers, as a card; where several outcomes
/// are shown, each card says which it follows.
fn next_steps_html(steps: &[NextStep], several: bool, ctx: &CardContext) -> Html {
    let mut out = html!(
        "<section class=\"next-steps\" aria-labelledby=\"next-steps\"><h2 id=\"next-steps\">What to do next</h2>"
    );
    if steps.is_empty() {
        out.push(html!(
            "<p>{}'s procedure states nothing more on what follows: see the rules below.</p></section>",
            ctx.authority.short_name
        ));
        return out;
    }
    out.push(html!("<ul class=\"rule-cards\">"));
    for step in steps {
        let card = rule_card_html(step.rule, ctx, false);
        let labels: Vec<&str> = step.after.iter().map(|o| o.label.as_str()).collect();
        match (several, labels.is_empty()) {
            (true, false) => out.push(html!(
                "<li class=\"next-step\"><p class=\"next-after\">If the outcome is: {}</p><ul class=\"rule-cards\">{}</ul></li>",
                labels.join("; or "),
                card
            )),
            (_, true) => out.push(html!(
                "<li class=\"next-step\"><p class=\"next-after\">Because of your answers</p><ul class=\"rule-cards\">{}</ul></li>",
                card
            )),
            (false, false) => out.push(card),
        }
    }
    out.push(html!("</ul></section>"));
    out
}

/// What "What follows a review?" took as given, with the way to check it: the whole case, with the answers so far.
fn assumed_html(walk: &Walk, slug: &str) -> Html {
    let items: Html = ASSUMED
        .iter()
        .filter_map(|(key, value)| crate::model::questions::key(key)?.choice(value).map(|c| (key, c)))
        .map(|(key, c)| html!("<li>{}: {}</li>", crate::timeline::question(key), c.label.to_lowercase()))
        .collect();
    let mut whole = Walk { way: Way::Case, at: None, from_check: false, confirmed: false, ..walk.clone() };
    for (key, _) in ASSUMED {
        whole.case.answers.remove(key);
    }
    html!(
        "<section class=\"assumed\" aria-labelledby=\"assumed\"><h2 id=\"assumed\">What this answer assumed</h2>\
         <ul>{}<li>A review has been held.</li></ul><p><a href=\"{}\">Work through the whole case</a> to check these, \
         and to get the dates.</p></section>",
        items,
        walk_href(slug, &whole)
    )
}

/// The result page: outcome, what to do next, deadlines, the rules that apply, what is not stated, the answers.
/// The way to a review's outcome has no dates: it says what it assumed instead.
pub fn result_html(result: &Outcome, ctx: &CardContext) -> Html {
    let Outcome { flow, walk, ending, .. } = *result;
    let authority = ctx.authority;
    let slug = authority.slug.as_str();
    let mut out = html!("<h1>Result: {}</h1>", authority.short_name);
    out.push(outcome_html(ending, walk, authority));
    if let Ending::Applies { outcomes, .. } = ending {
        out.push(next_steps_html(&result.steps, outcomes.len() > 1, ctx));
        match &result.timeline {
            None => out.push(assumed_html(walk, slug)),
            Some(timeline) => {
                out.push(html!("<h2>Deadlines</h2>"));
                out.push(timeline_html(timeline, authority, ctx.topics));
            }
        }
        if !result.shown.is_empty() {
            out.push(html!(
                "<h2>Who does what, and the checklists</h2><ul class=\"rule-cards\">{}</ul>",
                rule_cards_html(result.shown.clone(), ctx, false)
            ));
        }
        if !result.gaps.is_empty() {
            out.push(html!("<h2>What {}'s procedure does not say</h2><ul class=\"gaps\">", authority.short_name));
            for r in &result.gaps {
                out.push(html!("<li data-topic=\"{}\">{}</li>", r.topic, r.summary));
            }
            out.push(html!("</ul>"));
        }
    }
    if !flow.is_empty() {
        out.push(html!("<h2>Your answers</h2>"));
        out.push(answers_html(slug, flow, walk));
    }
    out
}

/// What the wizard's map shows beside each question, worked out by the page function: the plans that end a walk
/// (each with the rule that excludes it), and each outcome with the rule that names it.
pub struct MapView<'a> {
    /// The flow, every question in order.
    pub flow: &'a [Question],
    /// Each excluding rule with the plan it excludes.
    pub excluded: Vec<(&'a Rule, String)>,
    /// Each outcome with its rule.
    pub outcomes: Vec<(&'a Rule, &'a crate::model::Outcome)>,
}

/// `/wizard/{authority}/map`: the whole flow for a procedures lead to review — every question in order with its
/// stage and choices, where a walk ends early, and which review finding leads to which outcome.
pub fn map_html(map: &MapView, authority: &Authority) -> Html {
    let name = &authority.short_name;
    let mut out = html!("<p class=\"breadcrumb\"><a href=\"{home}\">Authorities</a> › <a href=\"{a}\">{name}</a> › <a href=\"{w}\">Wizard</a> › Map</p>\
         <h1>The wizard's flow: {name}</h1><p class=\"lead\">Every question the wizard can ask for {name}, in order, and \
         where each answer leads. It asks only the questions this procedure's rules depend on.</p><ol class=\"flow-map\">", home = Route::Home.href(), a = Route::Authority { slug: authority.slug.clone() }.href(), w = walk_href(&authority.slug, &Walk::default()), name = name);
    for q in map.flow {
        out.push(html!("<li><h2>{}</h2><p class=\"stage\">{}</p>", q.text, stage(q.key)));
        match &q.kind {
            Kind::Choice { choices, dont_know } => {
                out.push(html!("<ul>"));
                for (value, label) in choices {
                    let ends = match (q.key, value.as_str()) {
                        ("in_need", "no") => html!(" → ends: this procedure does not apply"),
                        ("other_plan", plan) => match map.excluded.iter().find(|(_, p)| p == plan) {
                            Some((rule, _)) => html!(
                                " → ends: this procedure does not apply, as the other plan takes its place {}",
                                cites(rule, authority)
                            ),
                            None => Html::new(),
                        },
                        ("review_finding", finding) => {
                            let to: Vec<&str> = map
                                .outcomes
                                .iter()
                                .filter(|(_, o)| o.findings.iter().any(|f| f == finding))
                                .map(|(_, o)| o.label.as_str())
                                .collect();
                            if to.is_empty() {
                                html!(" → the procedure names no outcome")
                            } else {
                                html!(" → {}", to.join("; or "))
                            }
                        }
                        _ => Html::new(),
                    };
                    out.push(html!("<li>{v0}{ends}</li>", v0 = label, ends = ends));
                }
                if *dont_know {
                    out.push(html!("<li>I don't know → every branch is shown</li>"));
                }
                out.push(html!("</ul>"));
            }
            Kind::Date => out.push(html!("<ul><li>A date, or not known / not yet</li></ul>")),
        }
        out.push(html!("</li>"));
    }
    out.push(html!("<li><h2>Result</h2><p>The outcome, the deadlines, the rules that apply and what the procedure does not say.</p></li></ol>"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;
    use chrono::NaiveDate;

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
        let flow = crate::wizard::flow(&rules, &crate::model::content_topics(), &a);
        let mut walk = Walk::default();
        walk.case.answers.insert("in_need".into(), "yes".into());
        let refused = Refusal { key: "disabled".into(), message: "Select an answer".into(), typed: None };
        let html = question_html(&a, &flow, 1, &walk, Some(&refused)).into_string();
        assert!(html.contains("<legend><h1>Is the child disabled?</h1></legend>"), "{html}");
        assert!(html.contains(&format!("{} — question 2 of 4", a.short_name)), "{html}");
        assert!(
            html.contains("<a class=\"back-link\" href=\"wizard/minimal?in_need=yes&amp;at=in_need\">Back</a>"),
            "{html}"
        );
        assert!(html.contains("value=\"dont_know\"") && html.contains("There is a problem"), "{html}");
    }

    #[test]
    fn a_refused_date_is_shown_again_as_it_was_typed() {
        let (a, rules) = setup();
        let flow = crate::wizard::flow(&rules, &crate::model::content_topics(), &a);
        let at = flow.iter().position(|q| q.key == "plan_established").unwrap();
        let mut walk = Walk::default();
        walk.case.dates.insert("plan_established".into(), NaiveDate::from_ymd_opt(2025, 1, 2).unwrap());
        let typed = DateParts { day: "31/02/2026".into(), month: String::new(), year: String::new() };
        let refused = Refusal {
            key: "plan_established".into(),
            message: "Date the plan was agreed must be a real date".into(),
            typed: Some(typed),
        };
        let html = question_html(&a, &flow, at, &walk, Some(&refused)).into_string();
        assert!(html.contains("must be a real date") && html.contains("has-error"), "{html}");
        assert!(html.contains("name=\"answer-day\" class=\"w2\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"31/02/2026\""), "{html}");
        assert!(
            html.contains(
                "name=\"answer-year\" class=\"w4\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"\""
            ),
            "{html}"
        );
        // Without a refusal, or with another question's, the boxes hold the walk's date and no error shows.
        let other = Refusal { key: "disabled".into(), ..refused };
        for html in [question_html(&a, &flow, at, &walk, None), question_html(&a, &flow, at, &walk, Some(&other))] {
            let html = html.into_string();
            assert!(
                html.contains("value=\"2\"") && html.contains("value=\"2025\"") && !html.contains("has-error"),
                "{html}"
            );
        }
    }

    #[test]
    fn check_your_answers_links_each_answer_back_and_on_to_the_result() {
        let (a, rules) = setup();
        let flow = crate::wizard::flow(&rules, &crate::model::content_topics(), &a);
        let mut walk = Walk::default();
        walk.case.answers.insert("in_need".into(), "yes".into());
        walk.skipped.push("plan_established".into());
        let html = check_html("minimal", &flow, &walk).into_string();
        assert!(html.contains("<dd>Not known or not yet</dd>"), "{html}");
        assert!(html.contains("at=in_need&amp;from=check\">Change"), "{html}");
        assert!(
            html.contains(
                "href=\"wizard/minimal?in_need=yes&amp;plan_established=none&amp;result=yes\">See the result"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_result_shows_what_it_is_given_and_works_nothing_out() {
        let (a, rules) = setup();
        let topics = crate::model::content_topics();
        let ctx = CardContext { authority: &a, topics: &topics, roles: &[] };
        let ending = Ending::Applies { outcomes: Vec::new(), unmapped_finding: false, untied: false };
        let walk = Walk { way: Way::AfterReview, ..Walk::default() };
        let given = Outcome {
            flow: &[],
            walk: &walk,
            ending: &ending,
            steps: Vec::new(),
            timeline: None,
            shown: Vec::new(),
            gaps: vec![&rules[0]],
        };
        let html = result_html(&given, &ctx).into_string();
        assert!(html.contains("<li data-topic=\"review.first\">s</li>"), "the gap as given: {html}");
        assert!(html.contains("What this answer assumed") && !html.contains("<h2>Deadlines</h2>"), "{html}");
        let walk = Walk::default();
        let dated = Outcome {
            walk: &walk,
            timeline: Some(Timeline::default()),
            gaps: Vec::new(),
            shown: vec![&rules[0]],
            ..given
        };
        let html = result_html(&dated, &ctx).into_string();
        assert!(html.contains("<h2>Deadlines</h2>") && html.contains("No deadlines yet"), "{html}");
        assert!(html.contains("Who does what") && html.contains("data-topic=\"review.first\""), "{html}");
        assert!(!html.contains("does not say"), "no gaps given, none shown: {html}");
    }
}
