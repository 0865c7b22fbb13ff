//! The view of the matrix a person chooses, kept in the address (`?a=north,south&group=reviews&diff=1`,
//! `topic=`, `view=full`, and a case's answers such as `direct_payments_only=no`): which authorities (the first
//! few when the address names none), which topic groups or
//! topics, whether to show only the rows where the chosen authorities differ, and the case to resolve the rules
//! for; and what that view shows.

use std::collections::HashMap;

use super::agree::{judge, Agreement, Applied, Where};
use super::case::{allowed, case_keys, Answers};
use super::{Library, Row};
use crate::model::{Rule, Status, GROUPS};
use crate::timeline::DONT_KNOW;

/// The chosen view. Absent keys mean "all"; an empty `a=` means no authority.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    /// The chosen authorities, as indexes into the library, in display order.
    pub authorities: Vec<usize>,
    /// The chosen topic groups, in the address's order.
    pub groups: Vec<String>,
    /// The chosen topics (empty: all).
    pub topics: Vec<String>,
    /// Only the rows where the chosen authorities differ.
    pub diff: bool,
    /// The case's answers the rules are resolved for (empty: every rule, with its conditions).
    pub case: Answers,
    /// Every cell in full (`view=full`): the plain words, conditions, notes and sources, not a few words.
    pub full: bool,
    /// Parts of the address that name nothing known, to say so.
    pub ignored: Vec<String>,
}

/// The values of a key, whether given as a comma list or repeated.
fn values<'a>(pairs: &'a [(String, String)], key: &str) -> Option<Vec<&'a str>> {
    let mut found = None;
    for (_, v) in pairs.iter().filter(|(k, _)| k == key) {
        let list: &mut Vec<&str> = found.get_or_insert_with(Vec::new);
        list.extend(v.split(',').map(str::trim).filter(|s| !s.is_empty()));
    }
    found
}

/// How many authorities a view with no `a=` compares: the first few in display order, not all.
pub const DEFAULT_AUTHORITIES: usize = 3;

/// The authorities a view with no `a=` compares.
fn default_authorities(library: &Library) -> Vec<usize> {
    (0..library.books.len().min(DEFAULT_AUTHORITIES)).collect()
}

/// Every topic group that has a topic, in display order.
pub fn all_groups(library: &Library) -> Vec<String> {
    GROUPS
        .iter()
        .filter(|(id, _)| library.topics.iter().any(|t| t.group == *id))
        .map(|(id, _)| (*id).to_owned())
        .collect()
}

impl View {
    /// Reads a view from decoded query pairs; anything that names no authority, group or topic, and any answer
    /// that is not one of its key's choices (a team: of a chosen authority's teams), is ignored and listed in
    /// `ignored`. A key answered twice keeps its first answer; "don't know" is no answer.
    pub fn from_query(pairs: &[(String, String)], library: &Library) -> View {
        let mut view = View::default();
        let slugs: Vec<&str> = library.books.iter().map(|b| b.authority.slug.as_str()).collect();
        match values(pairs, "a") {
            None => view.authorities = default_authorities(library),
            Some(chosen) => {
                for slug in chosen {
                    match slugs.iter().position(|s| *s == slug) {
                        Some(i) if !view.authorities.contains(&i) => view.authorities.push(i),
                        Some(_) => {}
                        None => view.ignored.push(format!("a={slug}")),
                    }
                }
                view.authorities.sort_unstable();
            }
        }
        match values(pairs, "group") {
            None => view.groups = all_groups(library),
            Some(chosen) => {
                for group in chosen {
                    if GROUPS.iter().any(|(id, _)| *id == group) {
                        view.groups.push(group.to_owned());
                    } else {
                        view.ignored.push(format!("group={group}"));
                    }
                }
            }
        }
        for topic in values(pairs, "topic").unwrap_or_default() {
            if library.topics.iter().any(|t| t.id == topic) {
                view.topics.push(topic.to_owned());
            } else {
                view.ignored.push(format!("topic={topic}"));
            }
        }
        view.diff = pairs.iter().any(|(k, v)| k == "diff" && (v == "1" || v == "on" || v == "true"));
        for (_, shown) in pairs.iter().filter(|(k, _)| k == "view") {
            match shown.as_str() {
                "full" => view.full = true,
                "compact" => {}
                other => view.ignored.push(format!("view={other}")),
            }
        }
        for key in case_keys() {
            let given = pairs.iter().filter(|(k, _)| k == key.key).map(|(_, v)| v.trim());
            for value in given.filter(|v| !v.is_empty() && *v != DONT_KNOW) {
                let compared = view.authorities.iter().map(|&i| &library.books[i].authority);
                if view.case.contains_key(key.key) || !allowed(key, value, compared) {
                    view.ignored.push(format!("{}={value}", key.key));
                } else {
                    view.case.insert(key.key.to_owned(), value.to_owned());
                }
            }
        }
        view
    }

    /// The view's address query as key–value pairs, leaving out what is the default: `a`, `group` and `topic` as
    /// comma lists, then `diff` and `view`, then the case's answers in the questions table's order.
    pub fn to_pairs(&self, library: &Library) -> Vec<(String, String)> {
        let mut parts = Vec::new();
        let mut add = |key: &str, value: String| parts.push((key.to_owned(), value));
        if self.authorities != default_authorities(library) {
            let slugs: Vec<&str> = self.authorities.iter().map(|&i| library.books[i].authority.slug.as_str()).collect();
            add("a", slugs.join(","));
        }
        if self.groups != all_groups(library) {
            add("group", self.groups.join(","));
        }
        if !self.topics.is_empty() {
            add("topic", self.topics.join(","));
        }
        if self.diff {
            add("diff", "1".to_owned());
        }
        if self.full {
            add("view", "full".to_owned());
        }
        for key in case_keys() {
            if let Some(value) = self.case.get(key.key) {
                add(key.key, value.clone());
            }
        }
        parts
    }

    /// Whether "only differences" can mean anything: it needs two authorities to differ.
    pub fn compares(&self) -> bool {
        self.authorities.len() >= 2
    }

    /// The case the rules are resolved for, as conditions to put in words (its teams named by the first chosen
    /// authority that has them); `None` without a case.
    pub fn case_where(&self, library: &Library) -> Option<Where> {
        if self.case.is_empty() {
            return None;
        }
        let has_team = |&&i: &&usize| {
            let teams = &library.books[i].authority.vocabulary.teams;
            self.case.get("team").is_none_or(|team| teams.iter().any(|t| &t.id == team))
        };
        let authority = self.authorities.iter().find(has_team).or(self.authorities.first()).copied()?;
        let when = self.case.iter().map(|(key, value)| (key.clone(), vec![value.clone()])).collect();
        Some(Where { when, authority })
    }
}

/// The name of a version of a rule in a row: A to Z, then AA, AB … ZZ, AAA ….
pub fn version_letter(variant: usize) -> String {
    let mut letters = Vec::new();
    let mut n = variant + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// A row as the view shows it.
#[derive(Debug, Clone)]
pub struct Shown<'r> {
    /// The row.
    pub row: &'r Row,
    /// For each chosen authority, its rules resolved for the view's case, with the conditions the case leaves open
    /// (without a case: every rule, with all its conditions).
    pub cells: Vec<Applied<'r>>,
    /// Whether the chosen authorities agree.
    pub agreement: Agreement,
    /// For each chosen authority, which version of the rule it has (0 = the first met, 1 = the next …, named by
    /// [`version_letter`]); cells with the same number say the same thing.
    pub variants: Vec<usize>,
}

/// The rows the view shows, each resolved for the view's case, with whether it agrees and its cells' variants.
pub fn shown<'r>(rows: &'r [Row], view: &View, library: &Library) -> Vec<Shown<'r>> {
    rows.iter()
        .filter(|r| view.groups.contains(&r.topic.group))
        .filter(|r| view.topics.is_empty() || view.topics.contains(&r.topic.id))
        .map(|row| {
            let (cells, agreement) = judge(row, &view.authorities, &view.case, library);
            let mut keys: Vec<String> = Vec::new();
            let variants = cells
                .iter()
                .map(|cell| {
                    let key = cell.key();
                    keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                        keys.push(key);
                        keys.len() - 1
                    })
                })
                .collect();
            Shown { row, cells, agreement, variants }
        })
        .filter(|s| !(view.diff && view.compares() && s.agreement.agrees()))
        .collect()
}

/// A numbered note under the table: an ambiguity, or a rule's note.
#[derive(Debug, Clone)]
pub struct Note<'a> {
    /// The authority's index in the library.
    pub authority: usize,
    /// The rule whose note it is.
    pub rule: &'a Rule,
}

/// The notes under the table, in reading order, and each one's number by authority and rule.
#[derive(Debug, Clone, Default)]
pub struct Notes<'a> {
    /// The notes; note `n` is at index `n - 1`.
    pub list: Vec<Note<'a>>,
    numbers: HashMap<(usize, &'a str), usize>,
}

impl Notes<'_> {
    /// The number of a rule's note, if it has one.
    pub fn number(&self, authority: usize, rule: &Rule) -> Option<usize> {
        self.numbers.get(&(authority, rule.id.as_str())).copied()
    }
}

/// Every note in the rows and authorities shown, in reading order.
pub fn notes<'a>(shown: &[Shown<'a>], view: &View) -> Notes<'a> {
    let mut notes = Notes::default();
    for s in shown {
        for (&i, cell) in view.authorities.iter().zip(&s.cells) {
            for &(rule, _) in &cell.rules {
                if rule.note.is_some() || rule.status == Status::Ambiguous {
                    notes.list.push(Note { authority: i, rule });
                    notes.numbers.insert((i, rule.id.as_str()), notes.list.len());
                }
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::super::rows;
    use super::super::tests::library;
    use super::*;
    use crate::query::pairs;

    /// The view's pairs as a query string, unencoded, to compare with the address written by hand.
    fn query(view: &View, library: &Library) -> String {
        view.to_pairs(library).iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
    }

    #[test]
    fn a_view_reads_and_writes_its_address() {
        let library = library();
        let view = View::from_query(&pairs("a=west,north&group=reviews&diff=1"), &library);
        assert_eq!(view.authorities, [0, 2], "in display order, not the address's");
        assert_eq!(view.groups, ["reviews"]);
        assert!(view.diff);
        assert_eq!(query(&view, &library), "a=north,west&group=reviews&diff=1");
        let all = View::from_query(&[], &library);
        assert_eq!(all.authorities, [0, 1, 2]);
        assert_eq!(query(&all, &library), "");
        let repeated = View::from_query(&pairs("a=north&a=south&topic=review.chair"), &library);
        assert_eq!(repeated.authorities, [0, 1]);
        assert_eq!(repeated.topics, ["review.chair"]);
        assert_eq!(all.groups, ["scope", "reviews", "pathways"]);
        let none = View::from_query(&pairs("a=&group="), &library);
        assert!(none.authorities.is_empty(), "an empty a= chooses no authority");
        assert!(none.groups.is_empty());
        assert!(shown(&rows(&library), &none, &library).is_empty());
    }

    #[test]
    fn unknown_parts_of_the_address_are_named() {
        let view = View::from_query(&pairs("a=north,atlantis&group=nope&topic=x.y"), &library());
        assert_eq!(view.authorities, [0]);
        assert_eq!(view.ignored, ["a=atlantis", "group=nope", "topic=x.y"]);
    }

    #[test]
    fn only_differences_keeps_the_rows_where_the_chosen_authorities_differ() {
        let library = library();
        let rows = rows(&library);
        let all = View::from_query(&pairs("diff=1"), &library);
        let ids = |v: &View| shown(&rows, v, &library).iter().map(|s| s.row.topic.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&all), ["scope.entry_routes", "review.interval", "review.chair"]);
        // North and South have the same chair and the same routes in (after folding the words).
        let two = View::from_query(&pairs("a=north,south&diff=1"), &library);
        assert_eq!(ids(&two), ["review.interval"]);
        let without = View::from_query(&pairs("a=north,south"), &library);
        let rows_shown = shown(&rows, &without, &library);
        assert_eq!(rows_shown.len(), 3);
        assert_eq!(rows_shown[0].agreement, Agreement::Same);
        assert_eq!(rows_shown[1].agreement, Agreement::Differ);
        // With one authority there is nothing to differ from: the toggle does not empty the table.
        let one = View::from_query(&pairs("a=north&diff=1"), &library);
        assert_eq!(ids(&one).len(), 3);
    }

    #[test]
    fn variants_number_the_versions_of_a_rule() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&[], &library);
        let s = shown(&rows, &view, &library);
        assert_eq!(s[0].variants, [0, 0, 1], "North and South agree on routes in; West differs");
        assert_eq!(s[2].variants, [0, 0, 1]);
    }

    #[test]
    fn notes_are_numbered_in_reading_order() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&pairs("group=reviews"), &library);
        let s = shown(&rows, &view, &library);
        let notes = notes(&s, &view);
        assert_eq!(notes.list.len(), 1);
        assert_eq!(notes.list[0].authority, 2);
        assert_eq!(notes.number(2, notes.list[0].rule), Some(1));
        assert_eq!(notes.number(0, notes.list[0].rule), None, "numbered by authority and rule");
        assert_eq!(notes.number(0, &rows[1].cells[0].rules[0]), None);
    }

    #[test]
    fn version_letters_go_on_past_z() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702, 703].into_iter().map(version_letter).collect();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "AAB"]);
    }

    #[test]
    fn a_case_is_read_checked_and_written_back_in_a_stable_order() {
        let library = library();
        let view = View::from_query(
            &pairs("team=disability&direct_payments_only=no&disabled=perhaps&in_need=yes&other_plan=dont_know&a=north,south"),
            &library,
        );
        assert_eq!(view.case.len(), 2);
        assert_eq!(view.case["team"], "disability", "North has the team");
        assert_eq!(view.ignored, ["disabled=perhaps"], "a bad answer is named; in need and don't know are no case");
        assert_eq!(query(&view, &library), "a=north,south&team=disability&direct_payments_only=no");
        let again = View::from_query(&view.to_pairs(&library), &library);
        assert_eq!(again, View { ignored: Vec::new(), ..view.clone() }, "the address reads back as the same view");
        let elsewhere = View::from_query(&pairs("a=south,west&team=disability&disabled=yes&disabled=no"), &library);
        assert_eq!(elsewhere.ignored, ["team=disability", "disabled=no"], "no chosen authority has the team");
        assert_eq!(elsewhere.case.len(), 1);
        let words = view.case_where(&library).map(|w| w.describe(&library));
        assert_eq!(
            words.as_deref(),
            Some("children with services other than direct payments, and cases held by the Disability Team")
        );
        assert_eq!(View::from_query(&[], &library).case_where(&library), None);
    }
}
