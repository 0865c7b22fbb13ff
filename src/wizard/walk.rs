//! A walk through the wizard as it lives in the query string: the answers (DESIGN §5 keys), the dates left out
//! (`key=none`), and `at`, the question being revisited (by Back or "Change"). Anything else in a link is dropped
//! and named, and that question is asked again.

use crate::model::questions::{is_answer, is_date};
use crate::timeline::{Case, FieldError};

/// The value that marks a date question answered as "not known / not yet".
pub const NO_DATE: &str = "none";

/// Which way into the wizard a walk takes (the address's path says which).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Way {
    /// "Work through a case": every question the authority's rules need, from assessment to the review outcome.
    #[default]
    Case,
    /// "What follows a review?": only what the authority's review outcome depends on.
    AfterReview,
}

impl Way {
    /// The path after the authority's slug: empty, or `/after-review`.
    pub fn path(self) -> &'static str {
        match self {
            Way::Case => "",
            Way::AfterReview => "/after-review",
        }
    }
}

/// A walk read from a query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    /// Which way in it takes (from the path, not the query).
    pub way: Way,
    /// The answers and dates.
    pub case: Case,
    /// Date questions answered "not known / not yet".
    pub skipped: Vec<String>,
    /// The question being revisited, if any.
    pub at: Option<String>,
    /// Where the revisit was asked from: "check" when from the answers on the check page.
    pub from_check: bool,
    /// Whether the worker has checked the answers and asked for the result.
    pub confirmed: bool,
    /// Another authority whose result for the same answers is shown alongside.
    pub compare: Option<String>,
}

impl Walk {
    /// Reads a walk from query pairs; `ignored` says, in plain words, every answer that was dropped.
    pub fn from_query(pairs: &[(String, String)], teams: &[String]) -> (Walk, Vec<FieldError>) {
        let mut walk = Walk::default();
        let mut rest = Vec::new();
        let mut ignored = Vec::new();
        for (key, value) in pairs {
            match key.as_str() {
                "at" => walk.at = Some(value.clone()),
                "from" => walk.from_check = value == "check",
                "result" => walk.confirmed = value == "yes",
                "compare" => walk.compare = Some(value.clone()),
                k if value == NO_DATE && is_date(k) => walk.skipped.push(key.clone()),
                k if is_answer(k) || is_date(k) => rest.push((key.clone(), value.clone())),
                _ => ignored.push(FieldError {
                    key: key.clone(),
                    message: format!("The link's \"{key}\" is not a question here, so it was ignored"),
                }),
            }
        }
        let (case, errors) = Case::from_query(&rest, teams);
        walk.case = case;
        ignored.extend(errors.into_iter().map(|e| FieldError {
            message: format!("{}. That answer was ignored, so the question is asked again", e.message),
            ..e
        }));
        (walk, ignored)
    }

    /// The walk as query pairs: answers, dates, left-out dates, then `at` and `from`.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut out = self.case.to_query();
        out.extend(self.skipped.iter().map(|k| (k.clone(), NO_DATE.to_owned())));
        if let Some(at) = &self.at {
            out.push(("at".to_owned(), at.clone()));
        }
        if self.from_check {
            out.push(("from".to_owned(), "check".to_owned()));
        }
        if self.confirmed {
            out.push(("result".to_owned(), "yes".to_owned()));
        }
        if let Some(other) = &self.compare {
            out.push(("compare".to_owned(), other.clone()));
        }
        out
    }

    /// The walk with a question answered (a choice value, a date, or `None` for a date left out), revisits ended.
    pub fn answer(&self, key: &str, value: Answer) -> Walk {
        let mut next = Walk { at: None, from_check: false, confirmed: false, compare: None, ..self.clone() };
        next.skipped.retain(|k| k != key);
        next.case.dates.remove(key);
        match value {
            Answer::Choice(v) => {
                next.case.answers.insert(key.to_owned(), v);
            }
            Answer::Date(d) => {
                next.case.dates.insert(key.to_owned(), d);
            }
            Answer::NoDate => next.skipped.push(key.to_owned()),
        }
        next
    }
}

/// An answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A choice's value (or "dont_know").
    Choice(String),
    /// A date.
    Date(chrono::NaiveDate),
    /// A date not known or not yet.
    NoDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_walk_round_trips_through_the_query() {
        let q = pairs(&[
            ("plan_established", "2026-03-26"),
            ("in_need", "yes"),
            ("previous_review", "none"),
            ("at", "in_need"),
        ]);
        let (walk, ignored) = Walk::from_query(&q, &[]);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(walk.skipped, ["previous_review"]);
        assert_eq!(walk.at.as_deref(), Some("in_need"));
        assert_eq!(walk.to_query(), q);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_dropped_and_named() {
        let q = pairs(&[
            ("in_need", "perhaps"),
            ("colour", "red"),
            ("plan_established", "2026-02-30"),
            ("disabled", "yes"),
        ]);
        let (walk, ignored) = Walk::from_query(&q, &[]);
        assert_eq!(walk.case.answers.len(), 1);
        let messages: Vec<&str> = ignored.iter().map(|e| e.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("\"colour\" is not a question here")), "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("must be a real date") && m.ends_with("asked again")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("\"perhaps\"")), "{messages:?}");
    }

    #[test]
    fn answering_replaces_the_old_answer_and_ends_a_revisit() {
        let (walk, _) = Walk::from_query(&pairs(&[("previous_review", "none"), ("at", "previous_review")]), &[]);
        let d = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let next = walk.answer("previous_review", Answer::Date(d));
        assert!(next.skipped.is_empty() && next.at.is_none());
        assert_eq!(next.case.dates["previous_review"], d);
        assert_eq!(next.answer("previous_review", Answer::NoDate).skipped, ["previous_review"]);
    }
}
