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

/// The first and last years a date may fall in, typed or in a link; a date outside them is refused.
pub const YEAR_RANGE: (i32, i32) = (1900, 2100);

/// How a date outside [`YEAR_RANGE`] is refused, after the field's label.
const YEARS_MESSAGE: &str = "must be between 1 January 1900 and 31 December 2100";

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

/// The month a typed month names: its number (`3`, `03`), its name or its three-letter abbreviation in any case
/// (`March`, `mar`, `MAR`), or `Sept`.
fn month_number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let lower = text.to_lowercase();
    let named = crate::model::MONTHS.iter().position(|m| {
        let m = m.to_lowercase();
        lower == m || (lower.chars().count() == 3 && m.starts_with(&lower))
    });
    named.or((lower == "sept").then_some(8)).map(|i| i as u32 + 1)
}

/// Whether a value holds digits only.
fn digits(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

impl DateParts {
    /// The parts of a date, for filling the fields from a URL.
    pub fn of(date: NaiveDate) -> Self {
        use chrono::Datelike;
        DateParts { day: date.day().to_string(), month: date.month().to_string(), year: date.year().to_string() }
    }

    /// The pieces of a whole date typed or pasted into the day box while the month and year boxes are empty; `None`
    /// when the day box holds one piece or the other boxes are not empty.
    fn pasted(&self) -> Option<Vec<&str>> {
        if !self.month.trim().is_empty() || !self.year.trim().is_empty() {
            return None;
        }
        let separator = |c: char| matches!(c, '/' | '-' | '.' | ',') || c.is_whitespace();
        let pieces: Vec<&str> = self.day.split(separator).filter(|p| !p.is_empty()).collect();
        (pieces.len() > 1).then_some(pieces)
    }

    /// The parts as they are read: a whole date typed or pasted into the day box while the month and year boxes are
    /// empty (`26/03/2026`, `26-3-2026`, `26.3.2026`, `26 March 2026`, `2026-03-26`, or a day and month without the
    /// year) is spread over the three boxes; anything else is returned as typed.
    pub fn spread(&self) -> DateParts {
        let owned =
            |d: &str, m: &str, y: &str| DateParts { day: d.to_owned(), month: m.to_owned(), year: y.to_owned() };
        match self.pasted().as_deref() {
            Some([y, m, d]) if y.len() == 4 && digits(y) => owned(d, m, y),
            Some([d, m, y]) => owned(d, m, y),
            Some([d, m]) if digits(d) && month_number(m).is_some() => owned(d, m, ""),
            _ => self.clone(),
        }
    }

    /// Whether the date is all there to be checked: every box filled once spread, or a whole date in the day box
    /// that does not spread (which is not a date).
    pub fn complete(&self) -> bool {
        let spread = self.spread();
        let filled = [&spread.day, &spread.month, &spread.year].iter().all(|p| !p.trim().is_empty());
        filled || (spread == *self && self.pasted().is_some())
    }

    /// Checks the parts as GOV.UK's date input does: `Ok(None)` when all are empty, else the date or the message
    /// ("… must include a month", "… must be a real date", "Year must include 4 numbers", or that the date must be
    /// between 1 January 1900 and 31 December 2100). A whole date in the day box is read as [`DateParts::spread`]
    /// says; the month may be a number or a name.
    pub fn parse(&self, label: &str) -> Result<Option<NaiveDate>, String> {
        let spread = self.spread();
        if spread == *self && self.pasted().is_some() {
            return Err(format!("{label} must be a real date"));
        }
        let parts = [("day", spread.day.trim()), ("month", spread.month.trim()), ("year", spread.year.trim())];
        let missing: Vec<&str> = parts.iter().filter(|(_, v)| v.is_empty()).map(|(n, _)| *n).collect();
        if missing.len() == 3 {
            return Ok(None);
        }
        if !missing.is_empty() {
            return Err(format!("{label} must include a {}", missing.join(" and ")));
        }
        let real = || format!("{label} must be a real date");
        let number = |v: &str| if digits(v) { v.parse::<u32>().ok() } else { None };
        let (Some(day), Some(month), Some(year)) = (number(parts[0].1), month_number(parts[1].1), number(parts[2].1))
        else {
            return Err(real());
        };
        if parts[2].1.len() != 4 {
            return Err("Year must include 4 numbers".to_owned());
        }
        let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(real)?;
        in_years(date).then_some(Some(date)).ok_or_else(|| format!("{label} {YEARS_MESSAGE}"))
    }
}

/// Whether a date falls in [`YEAR_RANGE`].
pub fn in_years(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (YEAR_RANGE.0..=YEAR_RANGE.1).contains(&date.year())
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
                    Some(date) if in_years(date) => {
                        case.dates.insert(key.clone(), date);
                    }
                    Some(_) => errors.push(FieldError {
                        key: key.clone(),
                        message: format!("{} {YEARS_MESSAGE} (the link has \"{value}\")", date_label(key)),
                    }),
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

    fn march_26() -> Result<Option<NaiveDate>, String> {
        Ok(NaiveDate::from_ymd_opt(2026, 3, 26))
    }

    #[test]
    fn a_whole_date_in_the_day_box_is_read_and_spread_over_the_three_boxes() {
        for pasted in [
            "26/03/2026",
            "26/3/2026",
            "26-3-2026",
            "26-03-2026",
            "26.03.2026",
            "26 3 2026",
            " 26/03/2026 ",
            "26 March 2026",
            "26 mar 2026",
            "2026-03-26",
            "2026/3/26",
        ] {
            assert_eq!(parts(pasted, "", "").parse(LABEL), march_26(), "{pasted}");
        }
        assert_eq!(parts("26/03/2026", "", "").spread(), parts("26", "03", "2026"));
        assert_eq!(parts("2026-03-26", "", "").spread(), parts("26", "03", "2026"));
        assert_eq!(parts("26 March 2026", "", "").spread(), parts("26", "March", "2026"));
        // Only when the other boxes are empty: otherwise the boxes are read as typed.
        assert_eq!(parts("26/03/2026", "3", "").spread(), parts("26/03/2026", "3", ""));
        assert_eq!(parts("26/03/2026", "3", "2026").parse(LABEL).unwrap_err(), format!("{LABEL} must be a real date"));
        assert_eq!(parts("26", "", "").spread(), parts("26", "", ""));
        assert!(parts("26/03/2026", "", "").complete() && parts("26", "3", "2026").complete());
        assert!(parts("31/02/2026", "", "").complete() && parts("next Tuesday", "", "").complete());
        assert!(!parts("26/03", "", "").complete() && !parts("26", "", "").complete());
    }

    #[test]
    fn a_pasted_date_that_is_not_a_date_gets_the_message_for_the_field() {
        assert_eq!(parts("31/02/2026", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must be a real date"));
        assert_eq!(parts("26/13/2026", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must be a real date"));
        assert_eq!(parts("next/tues/day", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must be a real date"));
        assert_eq!(parts("next Tuesday", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must be a real date"));
        assert_eq!(parts("1/2/3/2026", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must be a real date"));
        assert_eq!(parts("26/03", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must include a year"));
        assert_eq!(parts("26/03/26", "", "").parse(LABEL).unwrap_err(), "Year must include 4 numbers");
        assert_eq!(parts("soon", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must include a month and year"));
        assert_eq!(parts("26/03/1899", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} {YEARS_MESSAGE}"));
        // What was typed is not changed by reading it.
        let typed = parts("31/02/2026", "", "");
        let _ = typed.parse(LABEL);
        assert_eq!(typed, parts("31/02/2026", "", ""));
    }

    #[test]
    fn months_may_be_named_or_abbreviated_in_any_case() {
        for month in ["March", "march", "MARCH", "Mar", "mar", "MAR", "3", "03", " Mar "] {
            assert_eq!(parts("26", month, "2026").parse(LABEL), march_26(), "{month}");
        }
        let september = Ok(NaiveDate::from_ymd_opt(2026, 9, 1));
        for month in ["September", "sep", "Sept"] {
            assert_eq!(parts("1", month, "2026").parse(LABEL), september, "{month}");
        }
        for (i, name) in crate::model::MONTHS.iter().enumerate() {
            let want = Ok(NaiveDate::from_ymd_opt(2026, i as u32 + 1, 1));
            assert_eq!(parts("1", name, "2026").parse(LABEL), want, "{name}");
            assert_eq!(parts("1", &name[..3].to_lowercase(), "2026").parse(LABEL), want, "{name}");
        }
        for bad in ["Ma", "Marc", "Marchy", "Mars", "13", "0", "3rd"] {
            assert_eq!(
                parts("26", bad, "2026").parse(LABEL).unwrap_err(),
                format!("{LABEL} must be a real date"),
                "{bad}"
            );
        }
    }

    #[test]
    fn years_before_1900_or_after_2100_are_refused_and_two_digit_years_need_4_numbers() {
        let outside = format!("{LABEL} must be between 1 January 1900 and 31 December 2100");
        assert_eq!(parts("31", "12", "1899").parse(LABEL).unwrap_err(), outside);
        assert_eq!(parts("1", "1", "2101").parse(LABEL).unwrap_err(), outside);
        assert_eq!(parts("1", "1", "0026").parse(LABEL).unwrap_err(), outside);
        assert_eq!(parts("1", "1", "1900").parse(LABEL), Ok(NaiveDate::from_ymd_opt(1900, 1, 1)));
        assert_eq!(parts("31", "12", "2100").parse(LABEL), Ok(NaiveDate::from_ymd_opt(2100, 12, 31)));
        assert_eq!(parts("26", "3", "26").parse(LABEL).unwrap_err(), "Year must include 4 numbers");
        assert_eq!(parts("26", "3", "202").parse(LABEL).unwrap_err(), "Year must include 4 numbers");
        assert_eq!(parts("26", "3", "20266").parse(LABEL).unwrap_err(), "Year must include 4 numbers");
        assert_eq!(parts("26", "", "").parse(LABEL).unwrap_err(), format!("{LABEL} must include a month and year"));
        assert_eq!(parts("", "3", "").parse(LABEL).unwrap_err(), format!("{LABEL} must include a day and year"));
        assert_eq!(parts("", "3", "2026").parse(LABEL).unwrap_err(), format!("{LABEL} must include a day"));
        assert_eq!(parts("26", "3", "").parse(LABEL).unwrap_err(), format!("{LABEL} must include a year"));
        assert!(YEARS_MESSAGE.contains(&YEAR_RANGE.0.to_string()) && YEARS_MESSAGE.contains(&YEAR_RANGE.1.to_string()));
        // A link's date outside the years is refused too.
        let (case, errors) = Case::from_query(&query(&[("plan_established", "1899-12-31")]), &[]);
        assert!(case.dates.is_empty());
        assert_eq!(errors[0].message, format!("{LABEL} {YEARS_MESSAGE} (the link has \"1899-12-31\")"));
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
