//! A case's shape as the deadlines page and the wizard ask for it: dates and answers under DESIGN §5's keys, read from
//! and written to a query string, with dates checked the way GOV.UK's date input checks them.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::{iso, parse_iso};
use crate::model::ANSWERS;

/// The dates a case can have, in the order a case meets them, with the question each is asked as.
pub const DATE_FIELDS: [(&str, &str); 8] = [
    ("assessment_completed", "Date the assessment was completed"),
    ("plan_established", "Date the plan was agreed"),
    ("planning_meeting", "Date of the planning meeting"),
    ("previous_review", "Date of the last review"),
    ("care_team_meeting", "Date of the last team meeting"),
    ("previous_visit", "Date of the last visit"),
    ("package_started", "Date the package of support started"),
    ("order_expires", "Date the order expires"),
];

/// The question a date key is asked as.
pub fn date_label(key: &str) -> &'static str {
    DATE_FIELDS.iter().find(|(k, _)| *k == key).map_or("Date", |(_, label)| label)
}

/// The question an answer key is asked as.
pub fn question(key: &str) -> &'static str {
    match key {
        "in_need" => "Has the child been assessed as in need?",
        "other_plan" => "Does the child have another plan?",
        "route" => "How did the case come to a Child in Need plan?",
        "team" => "Which team holds the case?",
        "disabled" => "Is the child disabled?",
        "direct_payments_only" => "Are direct payments the only service?",
        "complex_package" => "Is there a complex package of support?",
        "review_finding" => "What did the last review find?",
        _ => "Answer",
    }
}

/// How a choice reads ("A child protection plan"); team ids are named by the authority, not here.
pub fn choice_label(key: &str, value: &str) -> String {
    let label = match (key, value) {
        (_, "yes") => "Yes",
        (_, "no") => "No",
        ("other_plan", "none") => "No other plan",
        ("other_plan", "child_protection") => "A child protection plan",
        ("other_plan", "looked_after") => "Looked after, with a care plan",
        ("other_plan", "pathway") => "A pathway plan",
        ("route", "assessment") => "An assessment",
        ("route", "cp_step_down") => "A child protection plan ended",
        ("route", "lac_ceased") => "The child stopped being looked after",
        ("route", "supervision_order") => "A supervision order",
        ("route", "private_law_report") => "A report in private law proceedings",
        ("route", "sgo_support") => "Support under a special guardianship order",
        ("review_finding", "needs_met") => "The child's needs are met",
        ("review_finding", "same_needs") => "The same needs continue",
        ("review_finding", "more_needs") => "The needs have grown",
        ("review_finding", "risk_of_significant_harm") => "A risk of significant harm",
        _ => return value.replace('_', " "),
    };
    label.to_owned()
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
        return key != "in_need" && ANSWERS.iter().any(|(k, _)| *k == key);
    }
    match ANSWERS.iter().find(|(k, _)| *k == key) {
        Some(("team", _)) => teams.iter().any(|t| t == value),
        Some((_, values)) => values.contains(&value),
        None => false,
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
            if DATE_FIELDS.iter().any(|(k, _)| k == key) {
                match parse_iso(value) {
                    Some(date) => {
                        case.dates.insert(key.clone(), date);
                    }
                    None => errors.push(FieldError {
                        key: key.clone(),
                        message: format!("{} must be a real date (the link has \"{value}\")", date_label(key)),
                    }),
                }
            } else if ANSWERS.iter().any(|(k, _)| k == key) {
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
