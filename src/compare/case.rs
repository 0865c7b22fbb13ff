//! The case a comparison can be resolved for: the wizard's answers that a rule's conditions can use, checked
//! against the compared authorities, and the case each authority reads from them.

use std::collections::BTreeMap;

use crate::model::questions::{self, Asks, Key};
use crate::model::Authority;
use crate::timeline::Case;

/// The one answer key a comparison does not take: every procedure here is for children assessed as in need, so
/// "in need" narrows nothing and "not in need" leaves no procedure to compare.
const NOT_COMPARED: &str = "in_need";

/// A case's answers, by answer key.
pub type Answers = BTreeMap<String, String>;

/// The answer keys a comparison can be resolved for, in the questions table's order: every key a rule's
/// conditions can use (not dates, and not `in_need`).
pub fn case_keys() -> impl Iterator<Item = &'static Key> {
    questions::answer_keys().filter(|k| k.key != NOT_COMPARED)
}

fn has_team(authority: &Authority, team: &str) -> bool {
    authority.vocabulary.teams.iter().any(|t| t.id == team)
}

/// Whether `value` is one of `key`'s choices; for `team`, one of the teams of any of `authorities`.
pub fn allowed<'a>(key: &Key, value: &str, mut authorities: impl Iterator<Item = &'a Authority>) -> bool {
    match key.asks {
        Asks::Team => authorities.any(|a| has_team(a, value)),
        Asks::Choice(_) => key.choice(value).is_some(),
        Asks::Date => false,
    }
}

/// The case one authority reads from the answers: a team it does not have is left unanswered.
pub fn case_for(answers: &Answers, authority: &Authority) -> Case {
    let answers = answers
        .iter()
        .filter(|(key, value)| questions::key(key).is_none_or(|k| k.asks != Asks::Team || has_team(authority, value)))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    Case { answers, ..Case::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, Team};

    fn authority(teams: &[&str]) -> Authority {
        let mut authority =
            parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        authority.vocabulary.teams = teams.iter().map(|t| Team { id: (*t).into(), name: t.to_uppercase() }).collect();
        authority
    }

    #[test]
    fn the_case_keys_are_the_answer_keys_but_in_need() {
        let keys: Vec<&str> = case_keys().map(|k| k.key).collect();
        assert!(keys.contains(&"team") && keys.contains(&"direct_payments_only") && keys.contains(&"review_finding"));
        assert!(!keys.contains(&"in_need") && !keys.contains(&"plan_established"));
    }

    #[test]
    fn a_team_is_allowed_if_a_compared_authority_has_it_and_read_only_by_that_one() {
        let (north, south) = (authority(&["disability"]), authority(&[]));
        let team = questions::key("team").unwrap();
        assert!(allowed(team, "disability", [&south, &north].into_iter()));
        assert!(!allowed(team, "disability", [&south].into_iter()));
        let disabled = questions::key("disabled").unwrap();
        assert!(allowed(disabled, "yes", std::iter::empty()) && !allowed(disabled, "perhaps", std::iter::empty()));
        let answers: Answers = [("team", "disability"), ("disabled", "yes")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(case_for(&answers, &north).answers, answers);
        assert_eq!(case_for(&answers, &south).answers.keys().collect::<Vec<_>>(), ["disabled"]);
    }
}
