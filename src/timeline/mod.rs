//! The timeline engine (pure): from an authority's rules and a case's dates and answers, every deadline that
//! applies, in date order, each with how it was counted and where it stands relative to today.

pub mod case;
pub mod ics;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::{add, long_date, Count};
use crate::model::{is_timescale, met_by, Rule, Status, Topic, Value};
pub use case::{choice_label, date_label, in_years, question, Case, DateParts, FieldError, DONT_KNOW, YEAR_RANGE};

/// The case dates a rule's `meeting_held` can stand for: the records after each meeting held.
const MEETINGS: [(&str, &str); 2] =
    [("planning_meeting", "the planning meeting"), ("previous_review", "the last review")];

/// How far ahead recurring meetings and visits are laid out from the last one held.
const HORIZON_MONTHS: u32 = 12;

/// Where a date stands relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Passed by this many days, and not shown to be met.
    Overdue(i64),
    /// Passed this many days ago; the case has no date that could show whether it was met (e.g. minutes sent).
    Passed(i64),
    /// Due today.
    DueToday,
    /// Due in this many days.
    DueIn(i64),
    /// Met: the event happened on this date, on or before the deadline.
    Met(NaiveDate),
    /// The event happened on this date, after the deadline.
    Late(NaiveDate),
    /// A later occurrence, if each earlier one is held on its due date.
    Projected,
}

impl State {
    /// The state in words: "overdue by 3 days", "due in 12 days", "met (held Monday 20 April 2026)".
    pub fn describe(&self) -> String {
        let days = |n: i64| if n == 1 { "1 day".to_owned() } else { format!("{n} days") };
        match *self {
            State::Overdue(n) => format!("overdue by {} if not yet held", days(n)),
            State::Passed(n) => format!("passed {} ago: check it was done", days(n)),
            State::DueToday => "due today".to_owned(),
            State::DueIn(n) => format!("due in {}", days(n)),
            State::Met(on) => format!("met (held {})", long_date(on)),
            State::Late(on) => format!("held late ({})", long_date(on)),
            State::Projected => "planned, if the earlier ones are held on time".to_owned(),
        }
    }

    /// A short id for styling and tests: overdue, today, due, met, late, projected.
    pub fn id(&self) -> &'static str {
        match self {
            State::Overdue(_) => "overdue",
            State::Passed(_) => "passed",
            State::DueToday => "today",
            State::DueIn(_) => "due",
            State::Met(_) => "met",
            State::Late(_) => "late",
            State::Projected => "projected",
        }
    }
}

fn relative(date: NaiveDate, today: NaiveDate) -> State {
    match (date - today).num_days() {
        0 => State::DueToday,
        n if n < 0 => State::Overdue(-n),
        n => State::DueIn(n),
    }
}

/// One dated point of a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The reading's label, for an ambiguous rule ("10 working days").
    pub reading: Option<String>,
    /// The date.
    pub date: NaiveDate,
    /// Whether the date is a limit to act before ("before …") rather than a deadline to act by.
    pub before: bool,
    /// How it was counted, in words.
    pub how: String,
    /// The count behind it, for timescales.
    pub count: Option<Count>,
    /// Where it stands today.
    pub state: State,
}

/// One deadline of the timeline: a rule, and its date (one per reading of an ambiguous rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The rule.
    pub rule: Rule,
    /// What it is about when the rule has several (e.g. "after the planning meeting"), else None.
    pub about: Option<String>,
    /// Which occurrence of a recurring rule (1 = the next one), else None.
    pub occurrence: Option<u32>,
    /// The conditions not yet answered, under which the rule applies; empty when it applies outright.
    pub unanswered: BTreeMap<String, Vec<String>>,
    /// Its dates, one per reading.
    pub dates: Vec<Dated>,
}

impl Deadline {
    /// The earliest of its dates, for ordering.
    pub fn first_date(&self) -> NaiveDate {
        self.dates.iter().map(|d| d.date).min().unwrap_or(NaiveDate::MAX)
    }
}

/// A rule that would give a date if the case had the date it counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// The rule.
    pub rule: Rule,
    /// The case date it needs.
    pub needs: String,
}

/// A case's timeline under one authority's rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// Every deadline that applies, in date order.
    pub deadlines: Vec<Deadline>,
    /// Rules that need a date the case does not have yet.
    pub waiting: Vec<Waiting>,
    /// Timescale topics the procedure gives no timescale for.
    pub no_timescale: Vec<Rule>,
}

/// Whether a rule's conditions hold for the case: `None` when an answered condition fails, else the unanswered ones.
pub fn conditions(rule: &Rule, case: &Case) -> Option<BTreeMap<String, Vec<String>>> {
    let mut unanswered = BTreeMap::new();
    for (key, allowed) in &rule.when {
        match case.answers.get(key).filter(|a| a.as_str() != DONT_KNOW) {
            Some(answer) if allowed.contains(answer) => {}
            Some(_) => return None,
            None => {
                unanswered.insert(key.clone(), allowed.clone());
            }
        }
    }
    Some(unanswered)
}

/// The rules that apply to the case: conditions hold or are unanswered; and where a rule whose conditions all hold
/// is more specific than another on the same topic (it has conditions, the other has none), the general one is dropped.
pub fn applicable<'a>(rules: &'a [Rule], case: &Case) -> Vec<(&'a Rule, BTreeMap<String, Vec<String>>)> {
    let candidates: Vec<(&Rule, BTreeMap<String, Vec<String>>)> =
        rules.iter().filter_map(|r| conditions(r, case).map(|u| (r, u))).collect();
    let specific_topics: Vec<&str> = candidates
        .iter()
        .filter(|(r, unanswered)| !r.when.is_empty() && unanswered.is_empty())
        .map(|(r, _)| r.topic.as_str())
        .collect();
    candidates
        .into_iter()
        .filter(|(r, _)| !(r.when.is_empty() && specific_topics.contains(&r.topic.as_str())))
        .collect()
}

/// How a count reads; a calendar count that lands on a day off names the date it lands on and the day off ("3 months
/// after Tuesday 10 February 2026 lands on Sunday 10 May 2026, a Sunday").
fn how(count: &Count) -> String {
    match count.lands_on_day_off() {
        Some(day) if count.unit != crate::model::Unit::WorkingDays => {
            format!("{} lands on {}, {day}", count.explain(), long_date(count.date))
        }
        _ => count.explain(),
    }
}

/// The readings of a rule: its value, or each labelled reading of an ambiguous rule.
fn readings(rule: &Rule) -> Vec<(Option<String>, &Value)> {
    match &rule.value {
        Some(v) => vec![(None, v)],
        None => rule.readings.iter().map(|r| (Some(r.label.clone()), &r.value)).collect(),
    }
}

/// The dated readings of a one-off rule, each counted from its own event's date (`from`; a reading whose event has
/// no date is left out). `met_by`: `Some(Some(date))` when the case has the date that meets the deadline,
/// `Some(None)` when it could but does not, `None` when nothing in the case can show it was met.
fn dated(
    rule: &Rule,
    from: &dyn Fn(&str) -> Option<NaiveDate>,
    met_by: Option<Option<NaiveDate>>,
    today: NaiveDate,
) -> Vec<Dated> {
    readings(rule)
        .into_iter()
        .filter_map(|(reading, value)| {
            let start = from(value.event()?)?;
            let (date, before, how, count) = match value {
                Value::Deadline { amount, unit, .. } | Value::Threshold { amount, unit, .. } => {
                    let count = add(start, *amount, *unit)?;
                    (count.date, false, how(&count), Some(count))
                }
                Value::Before { timing, .. } => (start, true, format!("before {}, {timing}", long_date(start)), None),
                _ => return None,
            };
            let state = match (met_by, relative(date, today)) {
                (Some(Some(on)), _) if on <= date => State::Met(on),
                (Some(Some(on)), _) => State::Late(on),
                (None, State::Overdue(n)) => State::Passed(n),
                (_, state) => state,
            };
            Some(Dated { reading, date, before, how, count, state })
        })
        .collect()
}

/// Where a recurring count starts when the case has no date for its event: the due date of the one-off deadline
/// that event meets (the first review, for the review cycle), when it has exactly one date and is not met — the
/// meeting as planned, if held on time — with the deadline's topic.
#[derive(Debug, Clone)]
struct Planned {
    date: NaiveDate,
    topic: String,
}

/// The planned start for `event` among the one-off `deadlines`, if there is exactly one.
fn planned_start(deadlines: &[Deadline], topics: &[Topic], event: &str) -> Option<Planned> {
    let mut found = deadlines
        .iter()
        .filter(|d| d.occurrence.is_none() && d.about.is_none() && met_by(topics, &d.rule.topic) == Some(event));
    let one = found.next()?;
    match (found.next(), one.dates.as_slice()) {
        (None, [only]) if !matches!(only.state, State::Met(_) | State::Late(_)) => {
            let topic = topics.iter().find(|t| t.id == one.rule.topic).map_or(&one.rule.topic, |t| &t.label);
            Some(Planned { date: only.date, topic: topic.to_lowercase() })
        }
        _ => None,
    }
}

/// The next occurrences of a recurring rule after the last one held (each reading from its own event's date),
/// for [`HORIZON_MONTHS`] months; where none has been held, from `planned` (the first one's due date), each
/// occurrence then planned, if the ones before are held on time.
fn occurrences(
    rule: &Rule,
    unanswered: &BTreeMap<String, Vec<String>>,
    from: &dyn Fn(&str) -> Option<NaiveDate>,
    planned: &dyn Fn(&str) -> Option<Planned>,
    today: NaiveDate,
) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = Vec::new();
    for (reading, value) in readings(rule) {
        let Value::Recurring { amount, unit, since } = value else { continue };
        let (last, chained) = match (from(since), planned(since)) {
            (Some(held), _) => (held, None),
            (None, Some(plan)) => (plan.date, Some(plan)),
            (None, None) => continue,
        };
        let horizon = add(last, HORIZON_MONTHS, crate::model::Unit::Months).map_or(last, |c| c.date);
        let mut previous = last;
        for n in 1..=60 {
            let Some(count) = add(previous, *amount, *unit) else { break };
            if count.date > horizon {
                break;
            }
            let state = if n == 1 && chained.is_none() { relative(count.date, today) } else { State::Projected };
            let how = match (&chained, n) {
                (Some(plan), 1) => format!("If the {} is held when it is due: {}", plan.topic, how(&count)),
                _ => how(&count),
            };
            let dated = Dated { reading: reading.clone(), date: count.date, before: false, how, count: None, state };
            match out.iter_mut().find(|d| d.occurrence == Some(n)) {
                Some(existing) => existing.dates.push(dated),
                None => out.push(Deadline {
                    rule: rule.clone(),
                    about: None,
                    occurrence: Some(n),
                    unanswered: unanswered.clone(),
                    dates: vec![dated],
                }),
            }
            previous = count.date;
        }
    }
    out
}

/// The case dates an authority's rules count from or are met by, in the order a case meets them.
pub fn needed_dates(rules: &[Rule], topics: &[Topic]) -> Vec<&'static str> {
    let stated = || rules.iter().filter(|r| r.status != Status::NotStated);
    let mut keys: Vec<String> = Vec::new();
    for rule in stated() {
        for event in rule.values().iter().filter_map(|v| v.event()) {
            match event {
                "meeting_held" => keys.extend(MEETINGS.iter().map(|(k, _)| (*k).to_owned())),
                e => keys.push(e.to_owned()),
            }
        }
        if let Some(k) = met_by(topics, &rule.topic) {
            keys.push(k.to_owned());
        }
    }
    crate::model::questions::date_keys().map(|k| k.key).filter(|k| keys.iter().any(|n| n == k)).collect()
}

/// The answer keys an authority's rules depend on, in the vocabulary's order.
pub fn needed_answers(rules: &[Rule]) -> Vec<&'static str> {
    crate::model::questions::answer_keys()
        .map(|k| k.key)
        .filter(|k| rules.iter().any(|r| r.when.contains_key(*k)))
        .collect()
}

/// Builds the timeline of a case under an authority's rules, as of `today`.
pub fn timeline(rules: &[Rule], topics: &[Topic], case: &Case, today: NaiveDate) -> Timeline {
    let mut out = Timeline::default();
    // One-off deadlines first: a recurring count with no meeting held yet starts from one of their due dates.
    let mut order = applicable(rules, case);
    order.sort_by_key(|(r, _)| r.values().iter().any(|v| matches!(v, Value::Recurring { .. })));
    for (rule, unanswered) in order {
        if rule.status == Status::NotStated {
            if is_timescale(topics, &rule.topic) {
                out.no_timescale.push(rule.clone());
            }
            continue;
        }
        let events: Vec<&str> = rule.values().into_iter().filter_map(|v| v.event()).collect();
        if events.is_empty() {
            continue;
        }
        let recurring = rule.values().iter().any(|v| matches!(v, Value::Recurring { .. }));
        // Records "after the meeting" follow each meeting the case has a date for; other rules count from the case.
        let meetings: Vec<(Option<&str>, Option<String>)> = if events.contains(&"meeting_held") {
            MEETINGS.iter().map(|(k, about)| (Some(*k), Some(format!("after {about}")))).collect()
        } else {
            vec![(None, None)]
        };
        let met_by = met_by(topics, &rule.topic).map(|k| case.dates.get(k).copied());
        let mut any = false;
        for (meeting, about) in meetings {
            let from = |event: &str| match (event, meeting) {
                ("meeting_held", Some(key)) => case.dates.get(key).copied(),
                (event, _) => case.dates.get(event).copied(),
            };
            let planned = |event: &str| planned_start(&out.deadlines, topics, event);
            let found = if recurring { occurrences(rule, &unanswered, &from, &planned, today) } else { Vec::new() };
            let dates = if recurring { Vec::new() } else { dated(rule, &from, met_by, today) };
            any |= !found.is_empty() || !dates.is_empty();
            out.deadlines.extend(found);
            if !dates.is_empty() {
                let deadline =
                    Deadline { rule: rule.clone(), about, occurrence: None, unanswered: unanswered.clone(), dates };
                out.deadlines.push(deadline);
            }
        }
        // Every event a reading needs that the case lacks (a meeting only when no meeting has a date).
        let mut missing: Vec<&str> = events
            .iter()
            .copied()
            .filter(|e| match *e {
                "meeting_held" => !any,
                // A cycle laid out from the first meeting's due date does not wait for the last meeting's date.
                e => !(case.dates.contains_key(e) || (recurring && any)),
            })
            .collect();
        missing.dedup();
        for needs in missing {
            out.waiting.push(Waiting { rule: rule.clone(), needs: needs.to_owned() });
        }
    }
    out.deadlines.sort_by_key(|d| (d.first_date(), d.rule.topic.clone()));
    out
}

#[cfg(test)]
mod tests;
