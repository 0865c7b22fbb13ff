//! A case's shape as the deadlines page and the wizard ask for it: dates and answers under DESIGN §5's keys, read from
//! and written to a query string, with dates checked the way GOV.UK's date input checks them.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::{iso, parse_iso};
use crate::model::questions::{self, Asks};

/// The question a date key is asked as.
pub fn date_label(key: &str) -> &'static str {
    questions::key(key).filter(|k| k.asks == Asks::Date).map_or("Date", |k| k.question)
}

/// The question an answer key is asked as.
pub fn question(key: &str) -> &'static str {
    questions::key(key).map_or("Answer", |k| k.question)
}

/// How a choice reads ("A child protection plan"); team ids are named by the authority, not here.
pub fn choice_label(key: &str, value: &str) -> String {
    match questions::key(key).and_then(|k| k.choice(value)) {
        Some(choice) => choice.label.to_owned(),
        None => value.replace('_', " "),
    }
}

/// Pairs of dates where the second must be the same as or after the first, with the message when it is not.
const ORDER: [(&str, &str, &str); 3] = [
    (
        "plan_established",
        "planning_meeting",
        "The planning meeting date must be the same as or after the date the plan was agreed",
    ),
    (
        "plan_established",
        "previous_review",
        "The last review date must be the same as or after the date the plan was agreed",
    ),
    (
        "assessment_completed",
        "plan_established",
        "The date the plan was agreed must be the same as or after the date the assessment was completed",
    ),
];

/// A problem with one field, for the error summary: the field's key and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's key (a DESIGN §5 answer key).
    pub key: String,
    /// What is wrong, as GOV.UK words it.
    pub message: String,
}

/// A case: its dates and its other answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Case {
    /// Dates by key.
    pub dates: BTreeMap<String, NaiveDate>,
    /// Other answers by key (team, disabled, …).
    pub answers: BTreeMap<String, String>,
}

/// The three parts of a typed date, as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateParts {
    /// The day, as typed.
    pub day: String,
    /// The month, as typed.
    pub month: String,
    /// The year, as typed.
    pub year: String,
}

impl DateParts {
    /// The parts of a date, for filling the fields from a URL.
    pub fn of(date: NaiveDate) -> Self {
        use chrono::Datelike;
        DateParts { day: date.day().to_string(), month: date.month().to_string(), year: date.year().to_string() }
    }

    /// Checks the parts as GOV.UK's date input does: `Ok(None)` when all are empty, else the date or the message.
    pub fn parse(&self, label: &str) -> Result<Option<NaiveDate>, String> {
        let parts = [("day", self.day.trim()), ("month", self.month.trim()), ("year", self.year.trim())];
        let missing: Vec<&str> = parts.iter().filter(|(_, v)| v.is_empty()).map(|(n, _)| *n).collect();
        if missing.len() == 3 {
            return Ok(None);
        }
        if !missing.is_empty() {
            return Err(format!("{label} must include a {}", missing.join(" and ")));
        }
        let number = |v: &str| if v.chars().all(|c| c.is_ascii_digit()) { v.parse::<u32>().ok() } else { None };
        let (Some(day), Some(month), Some(year)) = (number(parts[0].1), number(parts[1].1), number(parts[2].1)) else {
            return Err(format!("{label} must be a real date"));
        };
        if parts[2].1.len() != 4 {
            return Err("Year must include 4 numbers".to_owned());
        }
        NaiveDate::from_ymd_opt(year as i32, month, day).map(Some).ok_or_else(|| format!("{label} must be a real date"))
    }
}

/// The answer a worker gives when they do not know; rules that depend on it show every branch.
pub const DONT_KNOW: &str = "dont_know";

/// Whether an answer key is one this page knows, with a value it allows (`team` takes any of `teams`; any key but
/// `in_need` may be "I don't know").
fn allowed(key: &str, value: &str, teams: &[String]) -> bool {
    if value == DONT_KNOW {
        return key != "in_need" && questions::is_answer(key);
    }
    match questions::key(key).map(|k| k.asks) {
        Some(Asks::Team) => teams.iter().any(|t| t == value),
        Some(Asks::Choice(choices)) => choices.iter().any(|c| c.value == value),
        Some(Asks::Date) | None => false,
    }
}

impl Case {
    /// Reads a case from query pairs (already percent-decoded). Unknown keys are ignored; a bad date or answer is an
    /// error for its field, and dates out of order are errors for the later one. Only this authority's `teams` count.
    pub fn from_query(pairs: &[(String, String)], teams: &[String]) -> (Case, Vec<FieldError>) {
        let mut case = Case::default();
        let mut errors = Vec::new();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if questions::is_date(key) {
                match parse_iso(value) {
                    Some(date) => {
                        case.dates.insert(key.clone(), date);
                    }
                    None => errors.push(FieldError {
                        key: key.clone(),
                        message: format!("{} must be a real date (the link has \"{value}\")", date_label(key)),
                    }),
                }
            } else if questions::is_answer(key) {
                if allowed(key, value, teams) {
                    case.answers.insert(key.clone(), value.to_owned());
                } else {
                    errors.push(FieldError {
                        key: key.clone(),
                        message: format!(
                            "The link's answer \"{value}\" for {} is not one of the choices",
                            key.replace('_', " ")
                        ),
                    });
                }
            }
        }
        errors.extend(case.order_errors());
        (case, errors)
    }

    /// The dates that are out of order.
    pub fn order_errors(&self) -> Vec<FieldError> {
        ORDER
            .iter()
            .filter(|(first, then, _)| matches!((self.dates.get(*first), self.dates.get(*then)), (Some(a), Some(b)) if b < a))
            .map(|(_, then, message)| FieldError { key: (*then).to_owned(), message: (*message).to_owned() })
            .collect()
    }

    /// The case as query pairs, dates as `YYYY-MM-DD`, in a stable order.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let dates = self.dates.iter().map(|(k, d)| (k.clone(), iso(*d)));
        dates.chain(self.answers.iter().map(|(k, v)| (k.clone(), v.clone()))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts { day: day.into(), month: month.into(), year: year.into() }
    }

    const LABEL: &str = "Date the plan was agreed";

    #[test]
    fn dates_are_checked_as_gov_uk_checks_them() {
        assert_eq!(parts("", "", "").parse(LABEL), Ok(None));
        assert_eq!(parts("26", "3", "2026").parse(LABEL), Ok(NaiveDate::from_ymd_opt(2026, 3, 26)));
        assert_eq!(parts(" 1", "02 ", "2024").parse(LABEL), Ok(NaiveDate::from_ymd_opt(2024, 2, 1)));
        assert_eq!(parts("26", "", "2026").parse(LABEL).unwrap_err(), "Date the plan was agreed must include a month");
        assert_eq!(
            parts("", "", "2026").parse(LABEL).unwrap_err(),
            "Date the plan was agreed must include a day and month"
        );
        assert_eq!(parts("30", "2", "2026").parse(LABEL).unwrap_err(), "Date the plan was agreed must be a real date");
        assert_eq!(parts("29", "2", "2023").parse(LABEL).unwrap_err(), "Date the plan was agreed must be a real date");
        assert_eq!(parts("29", "2", "2024").parse(LABEL), Ok(NaiveDate::from_ymd_opt(2024, 2, 29)));
        assert_eq!(parts("x", "2", "2026").parse(LABEL).unwrap_err(), "Date the plan was agreed must be a real date");
        assert_eq!(parts("1", "2", "26").parse(LABEL).unwrap_err(), "Year must include 4 numbers");
        assert_eq!(parts("-1", "2", "2026").parse(LABEL).unwrap_err(), "Date the plan was agreed must be a real date");
    }

    fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_query_round_trips_and_bad_values_become_field_errors() {
        let teams = vec!["health_disability".to_owned()];
        let q = query(&[("plan_established", "2026-03-26"), ("team", "health_disability"), ("utm", "x")]);
        let (case, errors) = Case::from_query(&q, &teams);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(case.to_query(), query(&[("plan_established", "2026-03-26"), ("team", "health_disability")]));

        let bad = query(&[
            ("plan_established", "2026-02-30"),
            ("previous_review", "soon"),
            ("team", "elsewhere"),
            ("disabled", "maybe"),
        ]);
        let (case, errors) = Case::from_query(&bad, &teams);
        assert!(case.dates.is_empty() && case.answers.is_empty());
        let keys: Vec<&str> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["plan_established", "previous_review", "team", "disabled"]);
        assert!(errors[0].message.starts_with("Date the plan was agreed must be a real date"), "{}", errors[0].message);
        assert!(Case::from_query(&query(&[("plan_established", "2026-3-26")]), &teams).1.len() == 1);
    }

    #[test]
    fn a_planning_meeting_before_the_plan_is_an_error() {
        let q = query(&[("plan_established", "2026-03-26"), ("planning_meeting", "2026-03-25")]);
        let (_, errors) = Case::from_query(&q, &[]);
        assert_eq!(
            errors,
            vec![FieldError {
                key: "planning_meeting".into(),
                message: "The planning meeting date must be the same as or after the date the plan was agreed".into()
            }]
        );
        let same_day = query(&[("plan_established", "2026-03-26"), ("planning_meeting", "2026-03-26")]);
        assert!(Case::from_query(&same_day, &[]).1.is_empty());
    }
}
