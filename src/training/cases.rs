//! Worked cases: practice cases from `content/authorities/{slug}/cases.json`, whose answers are computed by the site's
//! own engines. A case holds its facts and its questions, never their answers: a date question names the topic whose
//! deadline is asked, and [`expected`] counts it with the timeline engine; an outcome question is answered by walking
//! the wizard to its end. So a case can never disagree with the rules it practises.
//!
//! Plain Rust, no browser: the publish step validates and publishes the cases, and the training pages check the
//! learner's answers with [`check_date`] and [`check_outcome`].

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{add, in_table, is_working_day, long_date, Count};
use crate::model::questions::{self, Asks};
use crate::model::{
    cases_path, is_url_safe_id, parse_json, Authority, LoadError, Problem, Rule, Status, Topic, Unit, Value, MONTHS,
};
use crate::timeline::{timeline, Case, Deadline, DONT_KNOW};
use crate::wizard::{excluded_plans, flow, next, Ending, Kind, Step};

/// What a question asks the learner for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// A due date, entered with the site's date input.
    Date,
    /// The outcome that follows, picked from the authority's outcomes.
    Outcome,
}

/// One question of a worked case. It says what is asked, never the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Whether a date or an outcome is asked.
    pub ask: Ask,
    /// The question as the learner reads it, in the project's words.
    pub prompt: String,
    /// For a date question: the topic whose deadline is asked (e.g. `review.first`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// For a date question on a recurring timescale: which occurrence after the last one held (1 = the next).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
}

/// A worked case: facts in the project's own words, the case's answers under the wizard's keys, and questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkedCase {
    /// URL-safe, unique within the authority (`/train/{authority}/cases#{id}`).
    pub id: String,
    /// A short title.
    pub title: String,
    /// The case's facts, in a few sentences: no names, no identifiers.
    pub facts: String,
    /// The case's answers as the wizard's query keys take them: choices (`team`, `review_finding`, …) and dates
    /// (`plan_established`, `previous_review`, … as `YYYY-MM-DD`).
    pub answers: BTreeMap<String, String>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

impl WorkedCase {
    /// The case as the engines read it, with every answer the wizard's keys would refuse named.
    pub fn case(&self, authority: &Authority) -> (Case, Vec<String>) {
        let pairs: Vec<(String, String)> = self.answers.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
        let (case, errors) = Case::from_query(&pairs, &teams);
        let mut problems: Vec<String> = self
            .answers
            .keys()
            .filter(|k| questions::key(k).is_none())
            .map(|k| format!("\"{k}\" is not an answer key"))
            .collect();
        problems.extend(errors.into_iter().map(|e| e.message));
        (case, problems)
    }
}

/// Reads an authority's `cases.json`, naming the file and line in any error.
pub fn parse_cases(slug: &str, text: &str) -> Result<Vec<WorkedCase>, LoadError> {
    parse_json(&cases_path(slug), text)
}

/// The id of the outcome answer "this procedure does not apply: another plan takes its place".
pub const EXCLUDED: &str = "excluded";

/// The id of the outcome answer "the procedure does not say".
pub const NOT_STATED: &str = "not_stated";

/// One outcome a learner can pick: its id and the authority's own words for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeChoice {
    /// The outcome id (as on the wizard's `data-outcome`), or [`EXCLUDED`] or [`NOT_STATED`].
    pub id: String,
    /// How it reads, in the authority's words where it has some.
    pub label: String,
}

/// The outcomes a learner picks from for this authority: each outcome its procedure names (once, in its own words),
/// "another plan takes its place" where it excludes other plans, and "the procedure does not say".
pub fn outcome_choices(rules: &[Rule]) -> Vec<OutcomeChoice> {
    let mut out: Vec<OutcomeChoice> = Vec::new();
    for (_, outcome) in crate::wizard::outcomes(rules) {
        if !out.iter().any(|c| c.id == outcome.id) {
            out.push(OutcomeChoice { id: outcome.id.clone(), label: outcome.label.clone() });
        }
    }
    if !excluded_plans(rules).is_empty() {
        let label = "This procedure does not apply: another plan takes its place".to_owned();
        out.push(OutcomeChoice { id: EXCLUDED.to_owned(), label });
    }
    out.push(OutcomeChoice { id: NOT_STATED.to_owned(), label: "The procedure does not say".to_owned() });
    out
}

/// The right answer to a date question, as the timeline engine counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateAnswer {
    /// The due date.
    pub date: NaiveDate,
    /// The count that reached it.
    pub count: Count,
    /// How it was counted, in words.
    pub how: String,
}

/// The right answer to an outcome question, as the wizard reaches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeAnswer {
    /// Every outcome that follows (ids from [`outcome_choices`]), in the procedure's order.
    pub ids: Vec<String>,
    /// Why, in words, with the procedure's own labels.
    pub how: String,
}

/// The right answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A due date.
    Date(DateAnswer),
    /// The outcomes that follow.
    Outcome(OutcomeAnswer),
}

/// One question's right answer, computed through the engines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The question's index in the case.
    pub question: usize,
    /// The topic the question is on, for the page's `data-question-topic`.
    pub topic: String,
    /// The rules the answer comes from, by id.
    pub rules: Vec<String>,
    /// The answer.
    pub answer: Answer,
}

/// A learner's answer marked: right or not, and feedback that shows how the answer was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the answer is right.
    pub correct: bool,
    /// The feedback, in words.
    pub feedback: String,
}

/// The `n`th as a word ending: "29th", "30th", "31st".
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How a count reached its date, in words: "15 working days after Thursday 26 March 2026, skipping Good Friday and
/// Easter Monday, is Monday 20 April 2026"; a months count that had to stop at a month's last day says so, and a
/// calendar count that lands on a weekend or bank holiday names it.
pub fn explain(count: &Count) -> String {
    let counted = count.explain();
    let joint = if count.holidays.is_empty() && !count.after_table && !count.before_table { " is" } else { ", is" };
    let mut out = format!("{counted}{joint} {}", long_date(count.date));
    if count.unit == Unit::Months && count.date.day() != count.start.day() {
        let month = MONTHS[count.date.month0() as usize];
        out.push_str(&format!(" ({month} has no {})", ordinal(count.start.day())));
    }
    match count.lands_on_day_off() {
        Some(day) if count.unit != Unit::WorkingDays => out.push_str(&format!(", which is {day}")),
        _ => {}
    }
    if count.unit == Unit::WorkingDays && count.holidays.is_empty() && !count.after_table && !count.before_table {
        out.push_str(", with no bank holiday in between");
    }
    out
}

/// The count behind a deadline's date: the engine's own for a one-off deadline; for an occurrence of a recurring
/// one, the same count again from the occurrence before it (or from the case's date for the first).
fn count_of(deadline: &Deadline, all: &[Deadline], case: &Case) -> Option<Count> {
    let dated = deadline.dates.first()?;
    if let Some(count) = &dated.count {
        return Some(count.clone());
    }
    let Some(Value::Recurring { amount, unit, since }) = deadline.rule.value.as_ref() else { return None };
    let n = deadline.occurrence?;
    let start = if n == 1 {
        case.dates.get(since).copied()?
    } else {
        let before = all.iter().find(|d| d.rule.id == deadline.rule.id && d.occurrence == Some(n - 1))?;
        before.dates.first()?.date
    };
    add(start, *amount, *unit).filter(|c| c.date == dated.date)
}

/// The bank-holiday table's years, for messages: "2019 to 2028".
fn table_years() -> String {
    format!("{} to {}", crate::calendar::YEARS.0, crate::calendar::YEARS.1)
}

/// Any date of the case, so the engines' "where it stands today" has something to measure from; it is not used.
fn some_day(case: &Case) -> NaiveDate {
    case.dates.values().min().copied().unwrap_or_default()
}

/// The answer to a date question: the one stated deadline on the topic that applies to the case outright (or the
/// deadline of the meeting a stated rule on the topic says is the same as another topic's).
fn date_answer(q: &Question, rules: &[Rule], topics: &[Topic], case: &Case) -> Result<(Expected, Count), String> {
    let topic = q.topic.as_deref().ok_or("a date question needs a `topic`")?;
    if !topics.iter().any(|t| t.id == topic) {
        return Err(format!("\"{topic}\" is not a topic"));
    }
    let line = timeline(rules, topics, case, some_day(case));
    // Each deadline on the topic, with the rule on the topic it comes from.
    let on_topic: Vec<(&Deadline, &Rule)> = line
        .deadlines
        .iter()
        .filter_map(|d| match d.also.iter().find(|a| a.reading.is_none() && a.rule.topic == topic) {
            Some(also) => Some((d, &also.rule)),
            None => (d.rule.topic == topic).then_some((d, &d.rule)),
        })
        .collect();
    if on_topic.is_empty() {
        if let Some(w) = line.waiting.iter().find(|w| w.rule.topic == topic) {
            return Err(format!("the deadline on {topic} counts from \"{}\", which the case does not give", w.needs));
        }
        if line.no_timescale.iter().any(|r| r.topic == topic) {
            return Err(format!("the procedure states no timescale on {topic}, so there is no date to ask"));
        }
        return Err(format!("no timescale on {topic} applies to this case"));
    }
    let recurring = on_topic.iter().any(|(d, _)| d.occurrence.is_some());
    match (recurring, q.occurrence) {
        (true, None) => return Err(format!("{topic} recurs: say which `occurrence` is asked")),
        (false, Some(_)) => return Err(format!("{topic} does not recur: a date question on it takes no `occurrence`")),
        _ => {}
    }
    let found: Vec<(&Deadline, &Rule)> = on_topic.into_iter().filter(|(d, _)| d.occurrence == q.occurrence).collect();
    let (deadline, rule) = match found.as_slice() {
        [one] => *one,
        [] => {
            return Err(format!(
                "{topic} has no occurrence {} in the 12 months the timeline lays out",
                q.occurrence.unwrap_or(0)
            ))
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|(_, r)| r.id.as_str()).collect();
            return Err(format!("{} deadlines on {topic} apply to this case ({}): answer what tells them apart, or give only the date one counts from", many.len(), ids.join(", ")));
        }
    };
    if rule.status != Status::Stated {
        return Err(format!(
            "the rule {} is {}: no single date can be asked",
            rule.id,
            rule.status.label().to_lowercase()
        ));
    }
    if let Some(key) = deadline.unanswered.keys().next() {
        return Err(format!("the rule {} depends on \"{key}\", which the case does not answer", rule.id));
    }
    let dated = match deadline.dates.as_slice() {
        [one] if !one.before => one,
        _ => return Err(format!("the rule {} sets a limit before an event, not a date to count", rule.id)),
    };
    let count =
        count_of(deadline, &line.deadlines, case).ok_or(format!("the count behind {} could not be made", rule.id))?;
    if count.after_table || count.before_table || !in_table(dated.date) {
        return Err(format!(
            "the due date {} is outside the bank-holiday table's years ({})",
            dated.date,
            table_years()
        ));
    }
    let answer = DateAnswer { date: dated.date, count: count.clone(), how: explain(&count) };
    Ok((
        Expected { question: 0, topic: topic.to_owned(), rules: vec![rule.id.clone()], answer: Answer::Date(answer) },
        count,
    ))
}

/// The outcomes' labels joined for a sentence: "a; b; c".
fn labels(outcomes: &[(&Rule, &crate::model::Outcome)]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for (_, o) in outcomes {
        if !seen.contains(&o.label.as_str()) {
            seen.push(&o.label);
        }
    }
    seen.join("; ")
}

/// The answer to an outcome question: where the wizard's walk ends for the case's answers.
fn outcome_answer(rules: &[Rule], topics: &[Topic], authority: &Authority, case: &Case) -> Result<Expected, String> {
    let questions = flow(rules, topics, authority);
    let skipped: Vec<String> = questions
        .iter()
        .filter(|q| q.kind == Kind::Date && !case.dates.contains_key(q.key))
        .map(|q| q.key.to_owned())
        .collect();
    let ending = match next(&questions, rules, case, &skipped) {
        Step::Done(ending) => ending,
        Step::Ask(i) => {
            let q = &questions[i];
            return Err(format!(
                "the wizard would still ask \"{}\" ({}) before the outcome: the case must answer it",
                q.text, q.key
            ));
        }
    };
    let finding = case.answers.get("review_finding").filter(|f| f.as_str() != DONT_KNOW);
    let condition = finding.and_then(|f| questions::key("review_finding")?.choice(f)).map(|c| c.condition);
    let (ids, how, topic, used): (Vec<String>, String, &str, Vec<&Rule>) = match ending {
        Ending::NotInNeed => {
            return Err(
                "the child is not in need, so the procedure does not apply: there is no outcome to ask".to_owned()
            )
        }
        Ending::Excluded(rule) => {
            let how = format!("This procedure does not apply: {}", rule.summary);
            (vec![EXCLUDED.to_owned()], how, rule.topic.as_str(), vec![rule])
        }
        Ending::Applies { outcomes, untied, .. } => {
            if let Some((rule, _)) = outcomes.iter().find(|(r, _)| r.status != Status::Stated) {
                return Err(format!(
                    "the outcome comes from the rule {}, which is {}: it cannot be asked",
                    rule.id,
                    rule.status.label().to_lowercase()
                ));
            }
            let mut ids: Vec<String> = Vec::new();
            for (_, o) in &outcomes {
                if !ids.contains(&o.id) {
                    ids.push(o.id.clone());
                }
            }
            let how = match (condition, untied, ids.is_empty()) {
                (Some(c), _, true) => format!("For {c}, the procedure names no outcome"),
                (None, _, true) => "The procedure does not say what a review can lead to".to_owned(),
                (_, true, false) => format!(
                    "The procedure names these outcomes without tying any of them to what the review finds: {}",
                    labels(&outcomes)
                ),
                (Some(c), false, false) => format!("For {c}, the procedure names: {}", labels(&outcomes)),
                (None, false, false) => format!("The procedure names: {}", labels(&outcomes)),
            };
            let ids = if ids.is_empty() { vec![NOT_STATED.to_owned()] } else { ids };
            let used = if outcomes.is_empty() {
                rules.iter().filter(|r| r.topic == "review.outcomes").collect()
            } else {
                outcomes.iter().map(|(r, _)| *r).collect()
            };
            (ids, how, "review.outcomes", used)
        }
    };
    let mut rule_ids: Vec<String> = used.iter().map(|r| r.id.clone()).collect();
    rule_ids.dedup();
    Ok(Expected {
        question: 0,
        topic: topic.to_owned(),
        rules: rule_ids,
        answer: Answer::Outcome(OutcomeAnswer { ids, how }),
    })
}

/// Every question's right answer, computed through the timeline and wizard engines for the case under this
/// authority's rules; or, for each question the engines cannot answer, why (as "question N: …").
pub fn expected(
    case: &WorkedCase,
    authority: &Authority,
    rules: &[Rule],
    topics: &[Topic],
) -> Result<Vec<Expected>, Vec<String>> {
    let (read, problems) = case.case(authority);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, q) in case.questions.iter().enumerate() {
        let answer = match q.ask {
            Ask::Date => date_answer(q, rules, topics, &read).map(|(e, _)| e),
            Ask::Outcome if q.topic.is_some() || q.occurrence.is_some() => {
                Err("an outcome question takes no `topic` or `occurrence`".to_owned())
            }
            Ask::Outcome => outcome_answer(rules, topics, authority, &read),
        };
        match answer {
            Ok(e) => out.push(Expected { question: i, ..e }),
            Err(e) => errors.push(format!("question {}: {e}", i + 1)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The date `n` weekdays before `date`, for "you counted the bank holidays as working days".
fn weekdays_before(date: NaiveDate, n: usize) -> Option<NaiveDate> {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.pred_opt()?;
        if !crate::calendar::is_weekend(day) {
            left -= 1;
        }
    }
    Some(day)
}

/// Marks a date the learner entered against the right one, with how the right one was counted, and a word on the
/// likely slip where it is a common one (calendar days for working days, bank holidays counted as working days).
pub fn check_date(expected: &DateAnswer, entered: NaiveDate) -> Verdict {
    if entered == expected.date {
        return Verdict { correct: true, feedback: format!("Right: {}.", expected.how) };
    }
    let days = (entered - expected.date).num_days();
    let by = match days.abs() {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    };
    let side = if days < 0 { "early" } else { "late" };
    let mut feedback = format!("Not quite: you entered {}, {by} {side}. {}.", long_date(entered), expected.how);
    let count = &expected.count;
    if count.unit == Unit::WorkingDays {
        let calendar = add(count.start, count.amount, Unit::Days).map(|c| c.date);
        let holidays = weekdays_before(expected.date, count.holidays.len());
        if calendar == Some(entered) {
            feedback.push_str(&format!(
                " {} calendar days would be {}; this timescale counts working days.",
                count.amount,
                long_date(entered)
            ));
        } else if !count.holidays.is_empty() && holidays == Some(entered) {
            feedback.push_str(" Bank holidays are not working days.");
        }
    }
    if !is_working_day(entered) && count.unit == Unit::WorkingDays {
        feedback.push_str(&format!(" {} is not a working day.", long_date(entered)));
    }
    Verdict { correct: false, feedback }
}

/// Marks the outcomes the learner picked against those that follow: right only when the two sets are the same.
/// `choices` (from [`outcome_choices`]) gives the words for what was missed or picked wrongly.
pub fn check_outcome(expected: &OutcomeAnswer, picked: &[String], choices: &[OutcomeChoice]) -> Verdict {
    let label = |id: &str| choices.iter().find(|c| c.id == id).map_or(id.replace('_', " "), |c| c.label.clone());
    let missed: Vec<String> = expected.ids.iter().filter(|id| !picked.contains(id)).map(|id| label(id)).collect();
    let mut extra: Vec<String> = Vec::new();
    for id in picked.iter().filter(|id| !expected.ids.contains(id)) {
        if !extra.contains(&label(id)) {
            extra.push(label(id));
        }
    }
    if missed.is_empty() && extra.is_empty() {
        return Verdict { correct: true, feedback: format!("Right: {}.", expected.how) };
    }
    let mut feedback = "Not quite:".to_owned();
    if !missed.is_empty() {
        feedback.push_str(&format!(" you left out \"{}\".", missed.join("\", \"")));
    }
    if !extra.is_empty() {
        feedback.push_str(&format!(" \"{}\" does not follow here.", extra.join("\", \"")));
    }
    feedback.push_str(&format!(" {}.", expected.how));
    Verdict { correct: false, feedback }
}

/// Whether text holds something that looks like markup.
/// Checks an authority's worked cases: ids URL-safe and unique; a title, facts and questions; every answer a key this
/// authority's wizard asks, with a value it takes, and every date inside the bank-holiday table's years; and every
/// question one the engines can answer. Each problem names the file and the case.
pub fn validate_cases(authority: &Authority, rules: &[Rule], topics: &[Topic], cases: &[WorkedCase]) -> Vec<Problem> {
    let file = cases_path(&authority.slug);
    let asked: Vec<&str> = flow(rules, topics, authority).iter().map(|q| q.key).collect();
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for case in cases {
        let mut report = |message: String| {
            let problem = Problem::new(file.clone(), format!("case \"{}\": {message}", case.id));
            problems.push(problem.near_key("id", &case.id));
        };
        if !is_url_safe_id(&case.id) {
            report("its id is not URL-safe (lowercase letters, digits, single hyphens)".to_owned());
        }
        if seen.contains(&case.id.as_str()) {
            report("its id is used twice".to_owned());
        }
        seen.push(&case.id);
        for (field, text) in [("title", &case.title), ("facts", &case.facts)] {
            if text.trim().is_empty() {
                report(format!("its {field} is empty"));
            }
        }
        if case.questions.is_empty() {
            report("it asks no question".to_owned());
        }
        for (i, q) in case.questions.iter().enumerate() {
            if q.prompt.trim().is_empty() {
                report(format!("question {}: its prompt is empty", i + 1));
            }
        }
        for (key, value) in &case.answers {
            if questions::key(key).is_some() && !asked.contains(&key.as_str()) {
                report(format!("\"{key}\" is not a question this authority's wizard asks"));
            }
            let date = questions::key(key).filter(|k| k.asks == Asks::Date).and(crate::calendar::parse_iso(value));
            if date.is_some_and(|d| !in_table(d)) {
                report(format!(
                    "the date {value} for \"{key}\" is outside the bank-holiday table's years ({})",
                    table_years()
                ));
            }
        }
        if let Err(errors) = expected(case, authority, rules, topics) {
            errors.into_iter().for_each(&mut report);
        }
    }
    problems
}

#[cfg(test)]
mod tests;
