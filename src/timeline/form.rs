//! The deadlines form as data: which dates and answers an authority's rules need, reading what was typed back
//! into a [`Case`] with GOV.UK's error messages, splitting a date pasted whole, and what to say about dates outside
//! the bank-holiday table's years. The page's HTML is `render`'s.

use super::{date_label, needed_answers, needed_dates, Case, DateParts, FieldError};
use crate::calendar::YEARS;
use crate::model::{Authority, Rule, Topic};

/// The questions an authority's deadlines page asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Date keys, in the order a case meets them.
    pub dates: Vec<&'static str>,
    /// Answer keys with their choices (value, label).
    pub answers: Vec<(&'static str, Vec<(String, String)>)>,
}

impl Form {
    /// The questions the rules need; team choices come from the authority's vocabulary.
    pub fn for_rules(rules: &[Rule], topics: &[Topic], authority: &Authority) -> Self {
        let answers = needed_answers(rules)
            .into_iter()
            .map(|key| (key, crate::model::questions::choices_for(key, authority)))
            .collect();
        Form { dates: needed_dates(rules, topics), answers }
    }

    /// The dates to show split after reading the form through `value`: where a whole date was pasted into a day box
    /// and reads as a date, its key with its day, month and year, to show it over the three boxes. A date that does
    /// not read is left as it was typed.
    pub fn spread(&self, value: impl Fn(&str) -> String) -> Vec<(&'static str, DateParts)> {
        let mut out = Vec::new();
        for key in &self.dates {
            let get = |part: &str| value(&format!("{key}-{part}"));
            let typed = DateParts { day: get("day"), month: get("month"), year: get("year") };
            let spread = typed.spread();
            if spread != typed && matches!(typed.parse(date_label(key)), Ok(Some(_))) {
                out.push((*key, spread));
            }
        }
        out
    }

    /// Reads the form back through `value` (a field's name → what it holds), a whole date in a day box included. A
    /// date that is complete but not real, or (once `submitted`) incomplete, is an error and keeps the `previous` date; dates out of order are errors too.
    pub fn read(&self, value: impl Fn(&str) -> String, submitted: bool, previous: &Case) -> (Case, Vec<FieldError>) {
        let mut case = Case::default();
        let mut errors = Vec::new();
        for key in &self.dates {
            let get = |part: &str| value(&format!("{key}-{part}"));
            let parts = DateParts { day: get("day"), month: get("month"), year: get("year") };
            let complete = parts.complete();
            match parts.parse(date_label(key)) {
                Ok(Some(date)) => {
                    case.dates.insert((*key).to_owned(), date);
                }
                Ok(None) => {}
                Err(message) => {
                    if complete || submitted {
                        errors.push(FieldError { key: (*key).to_owned(), message });
                    }
                    if let Some(old) = previous.dates.get(*key) {
                        case.dates.insert((*key).to_owned(), *old);
                    }
                }
            }
        }
        for (key, choices) in &self.answers {
            let v = value(key);
            if choices.iter().any(|(c, _)| *c == v) {
                case.answers.insert((*key).to_owned(), v);
            }
        }
        errors.extend(case.order_errors());
        (case, errors)
    }
}

/// What the deadlines page says about the case's dates outside the bank-holiday table's years (GOV.UK's, 2019–2028):
/// after them, working days skip bank holidays projected by rule; before them, weekends only. Empty when all are in.
pub fn outside_table(case: &Case) -> Vec<String> {
    let (first, last) = YEARS;
    let mut notes = Vec::new();
    if case.dates.values().any(|d| crate::calendar::after_table(*d)) {
        notes.push(format!(
            "A date is after the years of the bank-holiday table ({first}–{last}): working days there skip bank \
             holidays projected by rule, marked “projected”."
        ));
    }
    if case.dates.values().any(|d| crate::calendar::before_table(*d)) {
        notes.push(format!(
            "A date is before the years of the bank-holiday table ({first}–{last}): working days there skip weekends \
             only."
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;
    use chrono::NaiveDate;

    fn form() -> Form {
        let rules: Vec<Rule> = serde_json::from_str(
            r#"[{"id":"m-r","topic":"review.first","status":"stated","when":{"disabled":["yes"]},
                 "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},
                 "summary":"s","cites":[],"note":null}]"#,
        )
        .unwrap();
        let authority =
            parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        Form::for_rules(&rules, &crate::model::content_topics(), &authority)
    }

    fn values<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> String + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()).unwrap_or_default()
    }

    #[test]
    fn the_form_asks_what_the_rules_need() {
        let f = form();
        assert_eq!(f.dates, ["plan_established", "previous_review"]);
        assert_eq!(f.answers.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["disabled"]);
    }

    #[test]
    fn reading_the_form_reports_errors_as_gov_uk_does() {
        let f = form();
        let previous = Case::default();
        let (case, errors) = f.read(
            values(&[
                ("plan_established-day", "26"),
                ("plan_established-month", "3"),
                ("plan_established-year", "2026"),
                ("disabled", "yes"),
            ]),
            false,
            &previous,
        );
        assert!(errors.is_empty());
        assert_eq!(
            case.to_query(),
            [("plan_established".to_owned(), "2026-03-26".to_owned()), ("disabled".to_owned(), "yes".to_owned())]
        );
        // Incomplete: quiet while typing, an error once the form is checked; the earlier date is kept meanwhile.
        let partial = [("plan_established-day", "26")];
        let (kept, quiet) = f.read(values(&partial), false, &case);
        assert!(quiet.is_empty());
        assert_eq!(kept.dates, case.dates);
        let (_, loud) = f.read(values(&partial), true, &case);
        assert_eq!(loud[0].message, "Date the plan was agreed must include a month and year");
    }

    #[test]
    fn a_date_pasted_into_the_day_box_is_read_and_shown_split() {
        let f = form();
        let pasted = [("plan_established-day", "26/03/2026")];
        let (case, errors) = f.read(values(&pasted), true, &Case::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(case.dates["plan_established"], NaiveDate::from_ymd_opt(2026, 3, 26).unwrap());
        let split = DateParts { day: "26".into(), month: "03".into(), year: "2026".into() };
        assert_eq!(f.spread(values(&pasted)), [("plan_established", split)]);
        // Typed in three boxes, or not a date: nothing to fill in, what was typed stays.
        let typed =
            [("plan_established-day", "26"), ("plan_established-month", "Mar"), ("plan_established-year", "2026")];
        assert_eq!(f.read(values(&typed), true, &Case::default()).0.dates, case.dates);
        assert!(f.spread(values(&typed)).is_empty());
        let not_a_date = [("plan_established-day", "31/02/2026")];
        let (kept, errors) = f.read(values(&not_a_date), false, &case);
        assert_eq!(errors[0].message, "Date the plan was agreed must be a real date");
        assert_eq!(kept.dates, case.dates, "the last good date is kept");
        assert!(f.spread(values(&not_a_date)).is_empty());
        let too_early = [("plan_established-day", "1/1/1899")];
        let (_, errors) = f.read(values(&too_early), false, &case);
        assert_eq!(errors[0].message, "Date the plan was agreed must be between 1 January 1900 and 31 December 2100");
    }
}
