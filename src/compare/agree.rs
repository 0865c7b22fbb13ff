//! Whether the chosen authorities agree on a topic. Each authority's rules are first resolved for the view's case
//! as the deadlines page resolves them ([`crate::timeline::applicable`]: a rule whose answered conditions fail is
//! dropped, and a rule whose conditions all hold replaces a general one); what is left is compared by its typed
//! values ([`super::key`]) with only the conditions the case leaves open. Where that differs, the authorities may
//! still agree for some cases: under a condition one of their rules names, resolved the same way ("agrees where
//! …"). Agreeing only by saying nothing does not count there.

use std::collections::BTreeSet;

use super::case::{case_for, Answers};
use super::key::cell_key;
use super::{status, Conditions, Library, Row};
use crate::model::{describe_conditions, questions, Rule, Status};
use crate::timeline::applicable;

/// One authority's rules on a topic as they apply to a case, each with the conditions the case leaves open; with
/// no answers, every rule with all its conditions.
#[derive(Debug, Clone)]
pub struct Applied<'r> {
    /// The rules that apply, in file order, with their open conditions.
    pub rules: Vec<(&'r Rule, Conditions)>,
}

impl Applied<'_> {
    /// What the rules say under their open conditions, as a key shared exactly by cells that agree.
    pub fn key(&self) -> String {
        cell_key(self.rules.iter().map(|(rule, open)| (*rule, open)))
    }

    /// Ambiguous if any rule is; stated if any rule is; otherwise not stated.
    pub fn status(&self) -> Status {
        status(self.rules.iter().map(|(rule, _)| *rule))
    }
}

/// Conditions to put in words, with the authority whose vocabulary names their teams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Where {
    /// The conditions, as a rule's `when`: each key with the values it allows.
    pub when: Conditions,
    /// The authority (index in the library) whose vocabulary names their teams: the one whose rule names them
    /// (for a view's case, the first chosen authority that has its team).
    pub authority: usize,
}

impl Where {
    /// The conditions in words, to follow "where" or "for" ("children with services other than direct
    /// payments").
    pub fn describe(&self, library: &Library) -> String {
        describe_conditions(&self.when, &library.books[self.authority].authority.vocabulary).unwrap_or_default()
    }

    /// Whether these conditions hold for every case that has these answers.
    fn covers(&self, answers: &[(String, String)]) -> bool {
        self.when.len() == answers.len()
            && answers.iter().all(|(key, value)| self.when.get(key).is_some_and(|values| values.contains(value)))
    }
}

/// How the chosen authorities' rules on a topic compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agreement {
    /// They say the same thing, under the same open conditions.
    Same,
    /// They differ as written, but say the same thing where any one of these conditions holds (in the order met:
    /// by authority, then rule).
    SameWhere(Vec<Where>),
    /// They differ, and no condition of theirs makes them agree.
    Differ,
}

impl Agreement {
    /// Whether they agree, wholly or where some condition holds.
    pub fn agrees(&self) -> bool {
        !matches!(self, Agreement::Differ)
    }

    /// For [`Agreement::SameWhere`], where they agree, in words ("children with services other than direct
    /// payments; or disabled children"); otherwise `None`.
    pub fn where_words(&self, library: &Library) -> Option<String> {
        match self {
            Agreement::SameWhere(wheres) => {
                Some(wheres.iter().map(|w| w.describe(library)).collect::<Vec<_>>().join("; or "))
            }
            Agreement::Same | Agreement::Differ => None,
        }
    }
}

/// One authority's rules on the row's topic, resolved for the answers.
fn apply<'r>(row: &'r Row, authority: usize, answers: &Answers, library: &Library) -> Applied<'r> {
    let case = case_for(answers, &library.books[authority].authority);
    Applied { rules: applicable(&row.cells[authority].rules, &case) }
}

/// The chosen authorities' rules resolved for the answers.
fn apply_all<'r>(row: &'r Row, chosen: &[usize], answers: &Answers, library: &Library) -> Vec<Applied<'r>> {
    chosen.iter().map(|&i| apply(row, i, answers, library)).collect()
}

/// Whether every cell has the same key.
fn alike(cells: &[Applied]) -> bool {
    let mut keys = cells.iter().map(Applied::key);
    keys.next().is_none_or(|first| keys.all(|k| k == first))
}

/// Every single-valued set of answers under which open conditions hold (one value for each key).
fn answers_under(open: &Conditions) -> Vec<Vec<(String, String)>> {
    open.iter().fold(vec![Vec::new()], |sets, (key, values)| {
        sets.iter()
            .flat_map(|set| {
                values.iter().map(move |value| {
                    let mut set = set.clone();
                    set.push((key.clone(), value.clone()));
                    set
                })
            })
            .collect()
    })
}

/// The place of a choice in its key's table, for listing values in the order the questions give them.
fn choice_order(key: &str, value: &str) -> usize {
    questions::key(key).and_then(|k| k.choices().iter().position(|c| c.value == value)).unwrap_or(usize::MAX)
}

/// Adds answers under which the authorities agree: one more value of a one-key condition already found from the
/// same authority's rules, or a condition of its own.
fn add(found: &mut Vec<Where>, answers: Vec<(String, String)>, authority: usize) {
    if let [(key, value)] = answers.as_slice() {
        let same_key = |w: &&mut Where| w.authority == authority && w.when.len() == 1 && w.when.contains_key(key);
        if let Some(values) = found.iter_mut().find(same_key).and_then(|w| w.when.get_mut(key)) {
            values.push(value.clone());
            values.sort_by_key(|v| choice_order(key, v));
            return;
        }
    }
    let when = answers.into_iter().map(|(key, value)| (key, vec![value])).collect();
    found.push(Where { when, authority });
}

/// The chosen authorities' rules on a row, resolved for the answers, and whether they agree.
pub fn judge<'r>(
    row: &'r Row,
    chosen: &[usize],
    answers: &Answers,
    library: &Library,
) -> (Vec<Applied<'r>>, Agreement) {
    let applied = apply_all(row, chosen, answers, library);
    if alike(&applied) {
        return (applied, Agreement::Same);
    }
    let mut found: Vec<Where> = Vec::new();
    let mut tried = BTreeSet::new();
    for (&authority, cell) in chosen.iter().zip(&applied) {
        for (_, open) in &cell.rules {
            for more in answers_under(open) {
                if found.iter().any(|w| w.covers(&more)) || !tried.insert(more.clone()) {
                    continue;
                }
                let mut narrower = answers.clone();
                for (key, value) in &more {
                    narrower.entry(key.clone()).or_insert_with(|| value.clone());
                }
                let cells = apply_all(row, chosen, &narrower, library);
                if alike(&cells) && cells[0].status() != Status::NotStated {
                    add(&mut found, more, authority);
                }
            }
        }
    }
    let agreement = if found.is_empty() { Agreement::Differ } else { Agreement::SameWhere(found) };
    (applied, agreement)
}

#[cfg(test)]
mod tests {
    use super::super::rows;
    use super::super::tests::library;
    use super::*;

    /// The fixture library with South's chair replaced by these rules: (conditions on one key, chair or none).
    fn south_chairs(key: &str, rules: &[(&[&str], Option<&str>)]) -> Library {
        let mut library = library();
        let south = &mut library.books[1].rules;
        let chair = south.iter().position(|r| r.topic == "review.chair").unwrap();
        let template = south.remove(chair);
        for (n, (values, role)) in rules.iter().enumerate() {
            let mut rule = template.clone();
            rule.id = format!("south-chair-{n}");
            rule.when = [(key.to_owned(), values.iter().map(|v| v.to_string()).collect())].into();
            rule.status = if role.is_some() { Status::Stated } else { Status::NotStated };
            rule.value = role.map(|r| crate::model::Value::Roles { roles: vec![r.into()], usually: false });
            south.push(rule);
        }
        library
    }

    fn chair_row(rows: &[Row]) -> &Row {
        rows.iter().find(|r| r.topic.id == "review.chair").unwrap()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn equal_values_under_different_conditions_agree_where_the_condition_holds() {
        let library = south_chairs("disabled", &[(&["no"], Some("manager")), (&["yes"], None)]);
        let rows = rows(&library);
        let (cells, agreement) = judge(chair_row(&rows), &[0, 1], &Answers::new(), &library);
        assert_eq!(
            agreement,
            Agreement::SameWhere(vec![Where { when: [("disabled".into(), vec!["no".into()])].into(), authority: 1 }])
        );
        assert!(agreement.agrees());
        assert_eq!(agreement.where_words(&library).as_deref(), Some("children who are not disabled"));
        assert_eq!(cells[1].rules.len(), 2, "without a case every rule is shown, with its conditions");
        assert_ne!(cells[0].key(), cells[1].key());
    }

    #[test]
    fn resolved_for_a_case_the_rules_agree_on_their_values_alone() {
        let library = south_chairs("disabled", &[(&["no"], Some("manager")), (&["yes"], None)]);
        let rows = rows(&library);
        let (cells, agreement) = judge(chair_row(&rows), &[0, 1], &answers(&[("disabled", "no")]), &library);
        assert_eq!(agreement, Agreement::Same);
        assert_eq!(cells[1].rules.len(), 1, "the rule whose condition fails is dropped");
        assert!(cells[1].rules[0].1.is_empty(), "the answered condition is no longer part of the key");
        let (cells, agreement) = judge(chair_row(&rows), &[0, 1], &answers(&[("disabled", "yes")]), &library);
        assert_eq!(agreement, Agreement::Differ);
        assert_eq!(cells[1].status(), Status::NotStated);
    }

    #[test]
    fn saying_nothing_alike_is_not_agreeing() {
        let library = south_chairs("disabled", &[(&["no"], Some("chair")), (&["yes"], None)]);
        let rows = rows(&library);
        let mut row = chair_row(&rows).clone();
        row.cells[0].rules.retain(|r| r.status == Status::NotStated);
        let (_, agreement) = judge(&row, &[0, 1], &Answers::new(), &library);
        assert_eq!(agreement, Agreement::Differ, "both silent for disabled children, and nowhere alike");
    }

    #[test]
    fn the_values_of_one_key_are_gathered_in_the_questions_order() {
        let library =
            south_chairs("other_plan", &[(&["pathway", "none"], Some("manager")), (&["child_protection"], None)]);
        let rows = rows(&library);
        let (_, agreement) = judge(chair_row(&rows), &[0, 1], &Answers::new(), &library);
        let Agreement::SameWhere(wheres) = &agreement else { panic!("{agreement:?}") };
        assert_eq!(wheres.len(), 1);
        assert_eq!(wheres[0].when["other_plan"], ["none", "pathway"]);
        assert_eq!(
            agreement.where_words(&library).as_deref(),
            Some("children with no other plan or young people with a pathway plan")
        );
    }

    #[test]
    fn a_team_is_read_only_by_the_authority_that_has_it() {
        let library = library();
        let rows = rows(&library);
        let interval = rows.iter().find(|r| r.topic.id == "review.interval").unwrap();
        let team = answers(&[("team", "disability")]);
        let (cells, _) = judge(interval, &[0, 1], &team, &library);
        assert_eq!(cells[0].rules.len(), 1, "North's team rule replaces its general one");
        assert_eq!(cells[0].rules[0].0.when["team"], ["disability"]);
        assert_eq!(cells[1].rules.len(), 1, "South has no such team, so its rule stands");
        let (cells, agreement) = judge(interval, &[0], &team, &library);
        assert_eq!((cells.len(), agreement), (1, Agreement::Same), "one authority always agrees with itself");
    }
}
