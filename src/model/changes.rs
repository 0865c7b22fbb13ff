//! `changes.json`: what changed in an authority's restatement and when, newest first, and the checks it must pass.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::authority::Authority;
use super::load::{parse_json, LoadError};
use super::validate::Problem;

/// The path of an authority's change log, `changes.json`, relative to the project root.
pub fn changes_path(slug: &str) -> String {
    format!("content/authorities/{slug}/changes.json")
}

/// One change to a restatement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The day the change was made.
    #[serde(with = "super::dates::day")]
    pub date: NaiveDate,
    /// What changed, in plain words.
    pub summary: String,
    /// The sections it touched, where it touched particular ones.
    #[serde(default)]
    pub cites: Vec<String>,
}

/// Parses an authority's `changes.json`.
pub fn parse_changes(slug: &str, text: &str) -> Result<Vec<Change>, LoadError> {
    parse_json(&changes_path(slug), text)
}

/// Checks an authority's change log: it has at least one entry, newest first, each saying in plain text what
/// changed and citing only the authority's own sections; and the restatement cannot have been checked against the
/// source before it was first written.
pub fn validate_changes(authority: &Authority, changes: &[Change]) -> Vec<Problem> {
    let file = changes_path(&authority.slug);
    let mut problems = Vec::new();
    let Some(first) = changes.last() else {
        let message = "lists no change: every authority's restatement records at least when it was first written";
        return vec![Problem::new(file, message)];
    };
    let change_at = |change: &Change, message: String| {
        Problem::new(file.clone(), message).near_key("date", &change.date.to_string())
    };
    if authority.checked_on < first.date {
        problems.push(change_at(
            first,
            format!(
                "the restatement is said to be checked on {} (authority.json, checked_on), before it was first written on {}",
                authority.checked_on, first.date
            ),
        ));
    }
    for pair in changes.windows(2) {
        if pair[0].date < pair[1].date {
            let message = format!("is not newest first: {} comes before {}", pair[0].date, pair[1].date);
            problems.push(change_at(&pair[1], message));
        }
    }
    for change in changes {
        if change.summary.trim().is_empty() {
            problems.push(change_at(change, format!("the change of {} does not say what changed", change.date)));
        }
        for cite in change.cites.iter().filter(|c| !authority.sections.iter().any(|s| &s.id == *c)) {
            let message =
                format!("the change of {} cites section \"{cite}\", which is not one of its sections", change.date);
            problems.push(change_at(change, message));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;

    fn fixture() -> (Authority, Vec<Change>) {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let changes = parse_changes("minimal", include_str!("../../tests/fixtures/minimal/changes.json")).unwrap();
        (a, changes)
    }

    fn messages(a: &Authority, changes: &[Change]) -> String {
        validate_changes(a, changes).iter().map(Problem::to_string).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_fixture_is_valid() {
        let (a, changes) = fixture();
        assert_eq!(validate_changes(&a, &changes), vec![]);
    }

    #[test]
    fn an_empty_log_is_refused() {
        let (a, _) = fixture();
        let text = messages(&a, &[]);
        assert!(text.starts_with("content/authorities/minimal/changes.json: lists no change"), "{text}");
    }

    #[test]
    fn a_log_out_of_order_and_a_bad_citation_are_named() {
        let (a, mut changes) = fixture();
        changes.reverse();
        changes[0].cites.push("nowhere".into());
        let text = messages(&a, &changes);
        for needle in ["is not newest first", "cites section \"nowhere\""] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }

    #[test]
    fn a_check_before_the_restatement_was_written_is_refused() {
        let (mut a, changes) = fixture();
        a.checked_on = changes.last().unwrap().date.pred_opt().unwrap();
        assert!(messages(&a, &changes).contains("before it was first written"), "{}", messages(&a, &changes));
    }
}
