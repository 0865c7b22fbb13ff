//! The view of the matrix a person chooses, kept in the address (`?a=north,south&group=reviews&diff=1`,
//! `topic=`): which authorities, which topic groups or topics, and whether to show only the rows where the
//! chosen authorities differ; and what that view shows.

use super::{Library, Row};
use crate::model::{Rule, Status, GROUPS};

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

/// Every topic group that has a topic, in display order.
fn all_groups(library: &Library) -> Vec<String> {
    GROUPS
        .iter()
        .filter(|(id, _)| library.topics.iter().any(|t| t.group == *id))
        .map(|(id, _)| (*id).to_owned())
        .collect()
}

impl View {
    /// Reads a view from decoded query pairs; anything that names no authority, group or topic is ignored and
    /// listed in `ignored`.
    pub fn from_query(pairs: &[(String, String)], library: &Library) -> View {
        let mut view = View::default();
        let slugs: Vec<&str> = library.books.iter().map(|b| b.authority.slug.as_str()).collect();
        match values(pairs, "a") {
            None => view.authorities = (0..slugs.len()).collect(),
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
        view
    }

    /// The view's address query (without `?`), leaving out what is the default.
    pub fn to_query(&self, library: &Library) -> String {
        let mut parts = Vec::new();
        if self.authorities.len() != library.books.len() {
            let slugs: Vec<&str> = self.authorities.iter().map(|&i| library.books[i].authority.slug.as_str()).collect();
            parts.push(format!("a={}", slugs.join(",")));
        }
        if self.groups != all_groups(library) {
            parts.push(format!("group={}", self.groups.join(",")));
        }
        if !self.topics.is_empty() {
            parts.push(format!("topic={}", self.topics.join(",")));
        }
        if self.diff {
            parts.push("diff=1".to_owned());
        }
        parts.join("&")
    }

    /// Whether "only differences" can mean anything: it needs two authorities to differ.
    pub fn compares(&self) -> bool {
        self.authorities.len() >= 2
    }
}

/// A row as the view shows it.
#[derive(Debug, Clone)]
pub struct Shown<'r, 'a> {
    /// The row.
    pub row: &'r Row<'a>,
    /// Whether the chosen authorities' cells differ.
    pub differs: bool,
    /// For each chosen authority, which version of the rule it has (0 = the first met, 1 = the next …); cells
    /// with the same number agree.
    pub variants: Vec<usize>,
}

/// The rows the view shows, each with whether it differs and its cells' variants.
pub fn shown<'r, 'a>(rows: &'r [Row<'a>], view: &View) -> Vec<Shown<'r, 'a>> {
    rows.iter()
        .filter(|r| view.groups.contains(&r.topic.group))
        .filter(|r| view.topics.is_empty() || view.topics.contains(&r.topic.id))
        .map(|row| {
            let mut keys: Vec<&str> = Vec::new();
            let variants = view
                .authorities
                .iter()
                .map(|&i| {
                    let key = row.cells[i].key.as_str();
                    keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                        keys.push(key);
                        keys.len() - 1
                    })
                })
                .collect();
            Shown { row, differs: keys.len() > 1, variants }
        })
        .filter(|s| !(view.diff && view.compares()) || s.differs)
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

/// Every note in the rows and authorities shown, in reading order; note `n` is at index `n - 1`.
pub fn notes<'a>(shown: &[Shown<'_, 'a>], view: &View) -> Vec<Note<'a>> {
    let mut notes = Vec::new();
    for s in shown {
        for &i in &view.authorities {
            for rule in &s.row.cells[i].rules {
                if rule.note.is_some() || rule.status == Status::Ambiguous {
                    notes.push(Note { authority: i, rule });
                }
            }
        }
    }
    notes
}

/// The number of a rule's note among `notes`, if it has one.
pub fn note_number(notes: &[Note], rule: &Rule) -> Option<usize> {
    notes.iter().position(|n| std::ptr::eq(n.rule, rule)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::super::rows;
    use super::super::tests::library;
    use super::*;
    use crate::query::pairs;

    #[test]
    fn a_view_reads_and_writes_its_address() {
        let library = library();
        let view = View::from_query(&pairs("a=west,north&group=reviews&diff=1"), &library);
        assert_eq!(view.authorities, [0, 2], "in display order, not the address's");
        assert_eq!(view.groups, ["reviews"]);
        assert!(view.diff);
        assert_eq!(view.to_query(&library), "a=north,west&group=reviews&diff=1");
        let all = View::from_query(&[], &library);
        assert_eq!(all.authorities, [0, 1, 2]);
        assert_eq!(all.to_query(&library), "");
        let repeated = View::from_query(&pairs("a=north&a=south&topic=review.chair"), &library);
        assert_eq!(repeated.authorities, [0, 1]);
        assert_eq!(repeated.topics, ["review.chair"]);
        assert_eq!(all.groups, ["scope", "reviews", "pathways"]);
        let none = View::from_query(&pairs("a=&group="), &library);
        assert!(none.authorities.is_empty(), "an empty a= chooses no authority");
        assert!(none.groups.is_empty());
        assert!(shown(&rows(&library), &none).is_empty());
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
        let ids = |v: &View| shown(&rows, v).iter().map(|s| s.row.topic.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&all), ["scope.entry_routes", "review.interval", "review.chair"]);
        // North and South have the same chair and the same routes in (after folding the words).
        let two = View::from_query(&pairs("a=north,south&diff=1"), &library);
        assert_eq!(ids(&two), ["review.interval"]);
        let without = View::from_query(&pairs("a=north,south"), &library);
        let rows_shown = shown(&rows, &without);
        assert_eq!(rows_shown.len(), 3);
        assert!(!rows_shown[0].differs && rows_shown[1].differs);
        // With one authority there is nothing to differ from: the toggle does not empty the table.
        let one = View::from_query(&pairs("a=north&diff=1"), &library);
        assert_eq!(ids(&one).len(), 3);
    }

    #[test]
    fn variants_number_the_versions_of_a_rule() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&[], &library);
        let s = shown(&rows, &view);
        assert_eq!(s[0].variants, [0, 0, 1], "North and South agree on routes in; West differs");
        assert_eq!(s[2].variants, [0, 0, 1]);
    }

    #[test]
    fn notes_are_numbered_in_reading_order() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&pairs("group=reviews"), &library);
        let s = shown(&rows, &view);
        let notes = notes(&s, &view);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].authority, 2);
        assert_eq!(note_number(&notes, notes[0].rule), Some(1));
        assert_eq!(note_number(&notes, rows[1].cells[0].rules[0]), None);
    }
}
