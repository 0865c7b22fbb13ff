//! The wizard's flow (DESIGN §6), pure: a shared baseline of questions, cut down to the ones an authority's rules need,
//! walked one at a time from the answers so far, ending in a result — the procedure does not apply, another plan takes
//! the child out of it, or the review outcome the authority's own rules give for what the review found.

mod answer;
mod next_steps;
mod walk;

pub use answer::{read_answer, Refusal};
pub use next_steps::{next_steps, NextStep};
pub use walk::{Answer, Walk, Way, NO_DATE};

use crate::model::questions;
use crate::model::{Authority, Outcome, Rule, Status, Topic, Value};
use crate::timeline::{conditions, date_label, needed_answers, needed_dates, question, Case, DONT_KNOW};

/// What a question asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// One of these choices (value, label), or "I don't know" where `dont_know` is set.
    Choice {
        /// The choices.
        choices: Vec<(String, String)>,
        /// Whether "I don't know" is offered.
        dont_know: bool,
    },
    /// A date, which may be left out ("not held yet / not known").
    Date,
}

/// One question of an authority's flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The DESIGN §5 answer key it sets.
    pub key: &'static str,
    /// The question as asked (the page's `h1`).
    pub text: String,
    /// What it asks for.
    pub kind: Kind,
}

/// The stage a question belongs to, for the progress line and the map.
pub fn stage(key: &str) -> &'static str {
    questions::key(key).map_or("Planning", |k| k.stage)
}

/// The rules on a topic that state something (stated or ambiguous).
fn on_topic<'a>(rules: &'a [Rule], topic: &str) -> impl Iterator<Item = &'a Rule> + 'a {
    let topic = topic.to_owned();
    rules.iter().filter(move |r| r.topic == topic && r.status != Status::NotStated)
}

/// The other plans an authority says take a child out of its procedure, with the rule that says so.
pub fn excluded_plans(rules: &[Rule]) -> Vec<(&Rule, String)> {
    on_topic(rules, "scope.excluded_plans")
        .flat_map(|r| {
            r.values().into_iter().flat_map(move |v| match v {
                Value::Plans { plans } => plans.iter().map(|p| (r, p.id.clone())).collect::<Vec<_>>(),
                _ => Vec::new(),
            })
        })
        .collect()
}

/// The review outcomes an authority names, each with the rule that names it.
pub fn outcomes(rules: &[Rule]) -> Vec<(&Rule, &Outcome)> {
    on_topic(rules, "review.outcomes")
        .flat_map(|r| {
            r.values().into_iter().flat_map(move |v| match v {
                Value::Outcomes { outcomes } => outcomes.iter().map(|o| (r, o)).collect::<Vec<_>>(),
                _ => Vec::new(),
            })
        })
        .collect()
}

/// A question that takes one of a key's choices, with "I don't know" where `dont_know` is set.
fn choice_question(key: &'static str, authority: &Authority, dont_know: bool) -> Question {
    Question {
        key,
        text: question(key).to_owned(),
        kind: Kind::Choice { choices: questions::choices_for(key, authority), dont_know },
    }
}

/// The whole flow of an authority, in order: whether the child is in need; the other plan where the authority
/// excludes one or its rules depend on it; every other answer its rules depend on; the dates its timescales need;
/// and, where it ties review outcomes to what a review finds, that finding.
pub fn flow(rules: &[Rule], topics: &[Topic], authority: &Authority) -> Vec<Question> {
    let choice = |key: &'static str, dont_know: bool| choice_question(key, authority, dont_know);
    let mut out = vec![choice("in_need", false)];
    let answers = needed_answers(rules);
    if !excluded_plans(rules).is_empty() || answers.contains(&"other_plan") {
        out.push(choice("other_plan", false));
    }
    for key in answers.into_iter().filter(|k| !matches!(*k, "in_need" | "other_plan" | "review_finding")) {
        out.push(choice(key, true));
    }
    for key in needed_dates(rules, topics) {
        out.push(Question { key, text: date_label(key).to_owned(), kind: Kind::Date });
    }
    // What the review found is asked only where the procedure ties an outcome to a finding.
    if outcomes(rules).iter().any(|(_, o)| !o.findings.is_empty()) {
        out.push(choice("review_finding", true));
    }
    out
}

/// What "What follows a review?" takes as given, as (answer key, value): the child is in need and has no other plan.
/// Its result says so, with a link to work through the whole case instead.
pub const ASSUMED: [(&str, &str); 2] = [("in_need", "yes"), ("other_plan", "none")];

/// The questions of "What follows a review?": only what the authority's review outcomes depend on — each condition
/// its outcome rules carry (other than the assumed ones), then what the review found where an outcome is tied to a
/// finding. A procedure whose outcomes depend on nothing asks nothing.
pub fn after_review_flow(rules: &[Rule], authority: &Authority) -> Vec<Question> {
    let outcome_rules: Vec<&Rule> = rules.iter().filter(|r| r.topic == "review.outcomes").collect();
    let depends = |key: &str| outcome_rules.iter().any(|r| r.when.contains_key(key));
    let mut out: Vec<Question> = questions::answer_keys()
        .map(|k| k.key)
        .filter(|k| *k != "review_finding" && !ASSUMED.iter().any(|(a, _)| a == k) && depends(k))
        .map(|key| choice_question(key, authority, true))
        .collect();
    if depends("review_finding") || outcomes(rules).iter().any(|(_, o)| !o.findings.is_empty()) {
        out.push(choice_question("review_finding", authority, true));
    }
    out
}

/// The flow of a way into the wizard.
pub fn flow_for(way: Way, rules: &[Rule], topics: &[Topic], authority: &Authority) -> Vec<Question> {
    match way {
        Way::Case => flow(rules, topics, authority),
        Way::AfterReview => after_review_flow(rules, authority),
    }
}

/// The walk as its way reads it: for "What follows a review?", with [`ASSUMED`] filled in where not answered.
pub fn with_assumptions(walk: &Walk) -> Walk {
    let mut out = walk.clone();
    if walk.way == Way::AfterReview {
        for (key, value) in ASSUMED {
            out.case.answers.entry(key.to_owned()).or_insert_with(|| value.to_owned());
        }
    }
    out
}

/// How a walk ends.
#[derive(Debug, Clone, PartialEq)]
pub enum Ending<'a> {
    /// The child is not in need: the procedure does not apply.
    NotInNeed,
    /// Another plan takes the child out of this procedure, as this rule says.
    Excluded(&'a Rule),
    /// The procedure applies; the review outcomes for the finding (every outcome when it is not known), and whether
    /// the procedure names none for it.
    Applies {
        /// The outcomes that follow, each with its rule.
        outcomes: Vec<(&'a Rule, &'a Outcome)>,
        /// The finding was answered, but the procedure ties no outcome to it.
        unmapped_finding: bool,
        /// The procedure names outcomes but ties none of them to a finding, so all are shown.
        untied: bool,
    },
}

impl Ending<'_> {
    /// The id put on the result's `data-outcome`: an outcome id when exactly one follows, else what kind of ending.
    pub fn id(&self) -> String {
        match self {
            Ending::NotInNeed => "not_applicable".to_owned(),
            Ending::Excluded(_) => "excluded".to_owned(),
            Ending::Applies { outcomes, .. } => match outcomes.as_slice() {
                [(_, one)] => one.id.clone(),
                [] => "not_stated".to_owned(),
                _ => "several".to_owned(),
            },
        }
    }
}

/// Where a walk stands: the next question, or the end.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<'a> {
    /// Ask this question (its index in the flow).
    Ask(usize),
    /// The walk is over.
    Done(Ending<'a>),
}

/// Whether a question has an answer in the case (a date question is answered by a date or by being skipped).
fn answered(q: &Question, case: &Case, skipped: &[String]) -> bool {
    match q.kind {
        Kind::Date => case.dates.contains_key(q.key) || skipped.iter().any(|s| s == q.key),
        Kind::Choice { .. } => case.answers.contains_key(q.key),
    }
}

/// Whether a review has been held, so far as the walk knows: the flow asks for the last review's date and the case
/// has one (a flow that does not ask for it cannot tell, and counts as held).
fn review_held(flow: &[Question], case: &Case) -> bool {
    case.dates.contains_key("previous_review") || !flow.iter().any(|q| q.key == "previous_review")
}

/// The next step of a walk: the first unanswered question, unless an answer so far already ends it. `skipped` lists
/// the date questions the worker left empty. What the last review found is asked only once a review has been held.
/// The outcomes shown are those whose rules' conditions hold for the case.
pub fn next<'a>(flow: &[Question], rules: &'a [Rule], case: &Case, skipped: &[String]) -> Step<'a> {
    if case.answers.get("in_need").map(String::as_str) == Some("no") {
        return Step::Done(Ending::NotInNeed);
    }
    if let Some(plan) = case.answers.get("other_plan") {
        if let Some((rule, _)) = excluded_plans(rules).into_iter().find(|(_, id)| id == plan) {
            return Step::Done(Ending::Excluded(rule));
        }
    }
    let held = review_held(flow, case);
    let open = |q: &Question| !answered(q, case, skipped) && (held || q.key != "review_finding");
    if let Some(i) = flow.iter().position(open) {
        return Step::Ask(i);
    }
    let mut all = outcomes(rules);
    all.retain(|(rule, _)| conditions(rule, case).is_some());
    // Where the procedure ties no outcome to any finding, every outcome is shown: saying it names none would be wrong.
    let untied = !all.is_empty() && all.iter().all(|(_, o)| o.findings.is_empty());
    let finding = case.answers.get("review_finding").filter(|f| f.as_str() != DONT_KNOW && !untied);
    let chosen: Vec<(&Rule, &Outcome)> = match finding {
        Some(f) => all.into_iter().filter(|(_, o)| o.findings.contains(f)).collect(),
        None => all,
    };
    Step::Done(Ending::Applies { unmapped_finding: finding.is_some() && chosen.is_empty(), outcomes: chosen, untied })
}

#[cfg(test)]
mod tests;
