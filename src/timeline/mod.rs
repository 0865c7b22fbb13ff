//! The timeline engine (pure): from an authority's rules and a case's dates and answers, every deadline that
//! applies, in date order, each with how it was counted and where it stands relative to today.

pub mod case;
pub mod form;
pub mod ics;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::{add, long_date, Count};
use crate::model::{is_timescale, meeting_name, met_by, Rule, SameMeeting, Status, Topic, Value};
pub use case::{choice_label, date_label, in_years, question, Case, DateParts, FieldError, DONT_KNOW, YEAR_RANGE};

/// The case dates a rule's `meeting_held` can stand for: the records after each meeting held.
const MEETINGS: [(&str, &str); 2] =
    [("planning_meeting", "the planning meeting"), ("previous_review", "the last review")];

/// The meetings records "after the meeting" follow under these rules: [`MEETINGS`], less a meeting the procedure
/// names once under another topic (a stated rule's `same_meeting`), whose date the rules then do not ask for.
fn meetings(rules: &[Rule], topics: &[Topic]) -> Vec<(&'static str, &'static str)> {
    let merged: Vec<&str> = rules
        .iter()
        .filter(|r| r.status == Status::Stated && r.same_meeting.is_some())
        .filter_map(|r| met_by(topics, &r.topic))
        .collect();
    MEETINGS.into_iter().filter(|(key, _)| !merged.contains(key)).collect()
}

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

/// A rule on another topic that times the same meeting as a deadline: the procedure names one meeting for both, so
/// the timeline shows it once (the content's `same_meeting`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Also {
    /// The other rule.
    pub rule: Rule,
    /// The reading of the ambiguous rule of the two under which they are one meeting; `None` when the procedure says
    /// so outright.
    pub reading: Option<String>,
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
    /// The rules on other topics (or readings of them) that time this same meeting; they have no deadline of their own.
    pub also: Vec<Also>,
    /// The readings of this rule under which its meeting is another deadline's, with that deadline's rule: they
    /// have no date here.
    pub shown_with: Vec<Also>,
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

/// The readings of a rule: its value, or each labelled reading of an ambiguous rule; less the readings in `elsewhere`,
/// whose meeting another deadline shows.
fn readings<'a>(rule: &'a Rule, elsewhere: &[&str]) -> Vec<(Option<String>, &'a Value)> {
    match &rule.value {
        Some(v) => vec![(None, v)],
        None => rule
            .readings
            .iter()
            .filter(|r| !elsewhere.contains(&r.label.as_str()))
            .map(|r| (Some(r.label.clone()), &r.value))
            .collect(),
    }
}

/// The dated readings of a one-off rule (less those in `elsewhere`), each counted from its own event's date (`from`;
/// a reading whose event has no date is left out). `met_by`: `Some(Some(date))` when the case has the date that
/// meets the deadline, `Some(None)` when it could but does not, `None` when nothing in the case can show it was met.
fn dated(
    rule: &Rule,
    elsewhere: &[&str],
    from: &dyn Fn(&str) -> Option<NaiveDate>,
    met_by: Option<Option<NaiveDate>>,
    today: NaiveDate,
) -> Vec<Dated> {
    readings(rule, elsewhere)
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
/// meeting as planned, if held on time — with the meeting's name, and the reading under which that deadline's
/// meeting is the one the event meets, where it is so only under a reading (see [`Also`]).
#[derive(Debug, Clone)]
struct Planned {
    date: NaiveDate,
    meeting: String,
    reading: Option<String>,
}

/// The planned start for `event` among the one-off `deadlines`, if there is exactly one: the deadline on a topic the
/// event meets; where there is none, a deadline whose meeting is also such a topic's.
fn planned_start(deadlines: &[Deadline], topics: &[Topic], event: &str) -> Option<Planned> {
    let meets = |topic: &str| met_by(topics, topic) == Some(event);
    let one_offs = || deadlines.iter().filter(|d| d.occurrence.is_none() && d.about.is_none());
    let mut found: Vec<(&Deadline, Option<String>)> =
        one_offs().filter(|d| meets(&d.rule.topic)).map(|d| (d, None)).collect();
    if found.is_empty() {
        found = one_offs()
            .filter_map(|d| d.also.iter().find(|a| meets(&a.rule.topic)).map(|a| (d, a.reading.clone())))
            .collect();
    }
    let [(one, reading)] = found.as_slice() else { return None };
    match one.dates.as_slice() {
        [only] if !matches!(only.state, State::Met(_) | State::Late(_)) => Some(Planned {
            date: only.date,
            meeting: meeting_name(topics, &one.rule.topic).to_owned(),
            reading: reading.clone(),
        }),
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
    for (reading, value) in readings(rule, &[]) {
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
                (Some(Planned { meeting, reading: None, .. }), 1) => {
                    format!("If {meeting} is held when it is due: {}", how(&count))
                }
                (Some(Planned { meeting, reading: Some(reading), .. }), 1) => {
                    format!("If {meeting} is held when it is due (reading “{reading}”): {}", how(&count))
                }
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
                    also: Vec::new(),
                    shown_with: Vec::new(),
                }),
            }
            previous = count.date;
        }
    }
    out
}

/// The case dates an authority's rules count from or are met by, in the order a case meets them. A meeting a stated
/// rule says is another topic's (`same_meeting`) is met by that topic's date, so its own is not asked for.
pub fn needed_dates(rules: &[Rule], topics: &[Topic]) -> Vec<&'static str> {
    let stated = || rules.iter().filter(|r| r.status != Status::NotStated);
    let mut keys: Vec<String> = Vec::new();
    for rule in stated() {
        for event in rule.values().iter().filter_map(|v| v.event()) {
            match event {
                "meeting_held" => keys.extend(meetings(rules, topics).iter().map(|(k, _)| (*k).to_owned())),
                e => keys.push(e.to_owned()),
            }
        }
        if let Some(k) = met_by(topics, &rule.topic).filter(|_| rule.same_meeting.is_none()) {
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

/// Builds the timeline of a case under an authority's rules, as of `today`. A meeting the procedure names once but
/// times under two topics (`same_meeting`) is one deadline, on the named topic's rule, which lists the other.
pub fn timeline(rules: &[Rule], topics: &[Topic], case: &Case, today: NaiveDate) -> Timeline {
    let mut out = Timeline::default();
    // One-off deadlines first: a recurring count with no meeting held yet starts from one of their due dates.
    let mut order = applicable(rules, case);
    order.sort_by_key(|(r, _)| r.values().iter().any(|v| matches!(v, Value::Recurring { .. })));
    // Each rule or reading that times another topic's meeting, with the rule whose deadline shows that meeting.
    let mut links: Vec<(&Rule, SameMeeting, &Rule)> = Vec::new();
    for &(carrier, _) in &order {
        for same in carrier.same_meetings() {
            if let Some(&(target, _)) = order.iter().find(|(t, _)| t.is_meeting_of(carrier, &same)) {
                links.push((carrier, same, target));
            }
        }
    }
    let held = meetings(rules, topics);
    for (rule, unanswered) in order {
        if rule.status == Status::NotStated {
            if is_timescale(topics, &rule.topic) {
                out.no_timescale.push(rule.clone());
            }
            continue;
        }
        // A rule whose meeting another rule's deadline shows has none of its own, and waits for nothing.
        if links.iter().any(|(c, same, _)| c.id == rule.id && same.reading.is_none()) {
            continue;
        }
        let elsewhere: Vec<&str> =
            links.iter().filter(|(c, _, _)| c.id == rule.id).filter_map(|(_, same, _)| same.reading).collect();
        let also: Vec<Also> = links
            .iter()
            .filter(|(_, _, t)| t.id == rule.id)
            .map(|(c, same, _)| Also { rule: (*c).clone(), reading: same.reading.map(str::to_owned) })
            .collect();
        let shown_with: Vec<Also> = links
            .iter()
            .filter(|(c, same, _)| c.id == rule.id && same.reading.is_some())
            .map(|(_, same, t)| Also { rule: (*t).clone(), reading: same.reading.map(str::to_owned) })
            .collect();
        let events: Vec<&str> = readings(rule, &elsewhere).into_iter().filter_map(|(_, v)| v.event()).collect();
        if events.is_empty() {
            continue;
        }
        let recurring = rule.values().iter().any(|v| matches!(v, Value::Recurring { .. }));
        // Records "after the meeting" follow each meeting the case has a date for; other rules count from the case.
        let counts: Vec<(Option<&str>, Option<String>)> = if events.contains(&"meeting_held") {
            held.iter().map(|(k, about)| (Some(*k), Some(format!("after {about}")))).collect()
        } else {
            vec![(None, None)]
        };
        let met_by = met_by(topics, &rule.topic).map(|k| case.dates.get(k).copied());
        let mut any = false;
        for (meeting, about) in counts {
            let from = |event: &str| match (event, meeting) {
                ("meeting_held", Some(key)) => case.dates.get(key).copied(),
                (event, _) => case.dates.get(event).copied(),
            };
            let planned = |event: &str| planned_start(&out.deadlines, topics, event);
            let found = if recurring { occurrences(rule, &unanswered, &from, &planned, today) } else { Vec::new() };
            let dates = if recurring { Vec::new() } else { dated(rule, &elsewhere, &from, met_by, today) };
            any |= !found.is_empty() || !dates.is_empty();
            out.deadlines.extend(found);
            if !dates.is_empty() {
                out.deadlines.push(Deadline {
                    rule: rule.clone(),
                    about,
                    occurrence: None,
                    unanswered: unanswered.clone(),
                    dates,
                    also: also.clone(),
                    shown_with: shown_with.clone(),
                });
            }
        }
        // Every event a reading needs that the case lacks (a meeting only when no meeting has a date; the one
        // meeting by its own date where the rules ask for only one).
        let mut missing: Vec<&str> = events
            .iter()
            .copied()
            .filter(|e| match *e {
                "meeting_held" => !any,
                // A cycle laid out from the first meeting's due date does not wait for the last meeting's date.
                e => !(case.dates.contains_key(e) || (recurring && any)),
            })
            .map(|e| match (e, held.as_slice()) {
                ("meeting_held", [(only, _)]) => *only,
                (e, _) => e,
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
