//! Comparing authorities: every topic × authority, with what each procedure says on it, whether the chosen
//! authorities agree (from the typed values, [`key`]; resolved for a case and "agrees where …", [`agree`]), the
//! spread of one topic across all of them, the view a person chooses ([`view`]; its case, [`case`]) and its CSV
//! export ([`csv`]).

pub mod agree;
pub mod case;
pub mod compact;
pub mod csv;
pub mod key;
pub mod view;

use std::collections::BTreeMap;

use crate::model::{AuthorityData, Catalogue, Listing, Role, Rule, Site, Status, Term, Topic, Value, GROUPS};

/// Conditions as a rule's `when` holds them: each answer key with the values it allows.
pub type Conditions = BTreeMap<String, Vec<String>>;

/// Everything the background worker's pages read: each authority's published data, the topics, the roles, the
/// glossary, the worked cases and the site's settings.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Each authority's published data, in display order.
    pub books: Vec<AuthorityData>,
    /// The rule topics.
    pub topics: Vec<Topic>,
    /// The roles.
    pub roles: Vec<Role>,
    /// The glossary, with the authorities that use each term.
    pub glossary: Vec<Term>,
    /// Each authority's worked cases, by slug (for training).
    pub cases: BTreeMap<String, Vec<crate::training::cases::WorkedCase>>,
    /// The site's settings.
    pub site: Site,
}

impl Library {
    /// The authorities, as a catalogue, with the site's settings.
    pub fn catalogue(&self) -> Catalogue {
        Catalogue {
            authorities: self.books.iter().map(|b| Listing::of(&b.authority)).collect(),
            site: self.site.clone(),
        }
    }
}

/// The status of an authority's rules on a topic: ambiguous if any rule is; stated if any rule is; otherwise
/// not stated.
pub fn status<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> Status {
    let statuses: Vec<Status> = rules.into_iter().map(|r| r.status).collect();
    [Status::Ambiguous, Status::Stated].into_iter().find(|s| statuses.contains(s)).unwrap_or(Status::NotStated)
}

/// One authority's rules on one topic.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The rules, in file order (none: the procedure does not cover the topic).
    pub rules: Vec<Rule>,
    /// What they say, with their conditions, as a key shared exactly by cells that say the same thing.
    pub key: String,
}

/// One topic across every authority. Rows own what they hold, so they can be worked out once and kept beside
/// the library.
#[derive(Debug, Clone)]
pub struct Row {
    /// The topic.
    pub topic: Topic,
    /// One cell per authority, in the library's order.
    pub cells: Vec<Cell>,
}

/// Every topic that some authority has a rule on, grouped in display order, with each authority's cell.
pub fn rows(library: &Library) -> Vec<Row> {
    GROUPS
        .iter()
        .flat_map(|(group, _)| library.topics.iter().filter(move |t| t.group == *group))
        .map(|topic| {
            let cells = library
                .books
                .iter()
                .map(|b| {
                    let rules: Vec<Rule> = b.rules.iter().filter(|r| r.topic == topic.id).cloned().collect();
                    Cell { key: key::cell_key(rules.iter().map(|r| (r, &r.when))), rules }
                })
                .collect();
            Row { topic: topic.clone(), cells }
        })
        .filter(|row| row.cells.iter().any(|c| !c.rules.is_empty()))
        .collect()
}

/// A timescale's amount and unit, if the value has one.
fn timescale(value: &Value) -> Option<(u32, crate::model::Unit)> {
    match value {
        Value::Deadline { amount, unit, .. }
        | Value::Recurring { amount, unit, .. }
        | Value::Threshold { amount, unit, .. } => Some((*amount, *unit)),
        _ => None,
    }
}

/// Who states (name, whether for some cases only) a timescale, with its length in weeks and its words.
type Span = (f64, String, Vec<(String, bool)>);

/// Names joined for a sentence, each marked "some cases" when its rule has conditions.
/// How many authorities a spread names in one place before it counts the rest.
const HANDFUL: usize = 4;

/// The first [`HANDFUL`] names joined by `separator`, then how many more there are.
fn handful(names: &[String], separator: &str) -> String {
    match names.len() {
        n if n <= HANDFUL => names.join(separator),
        n => format!("{} and {} more", names[..HANDFUL].join(separator), n - HANDFUL),
    }
}

fn names(list: &[(String, bool)]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for (name, conditional) in list {
        let item = if *conditional { format!("{name}, some cases") } else { name.clone() };
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    handful(&seen, "; ")
}

/// One line on how a topic varies across authorities, computed from the values: timescales from the shortest
/// to the longest, otherwise how many different rules; then who is ambiguous and who says nothing.
/// `authorities` are the short names, in the library's order.
pub fn spread(row: &Row, authorities: &[String]) -> String {
    let mut spans: Vec<Span> = Vec::new();
    let mut stating: Vec<(String, &str)> = Vec::new();
    let (mut ambiguous, mut silent) = (Vec::new(), Vec::new());
    for (cell, name) in row.cells.iter().zip(authorities) {
        for rule in &cell.rules {
            let entry = (name.clone(), !rule.when.is_empty());
            match rule.status {
                Status::Ambiguous => ambiguous.push(entry),
                Status::NotStated => silent.push(entry),
                Status::Stated => {
                    stating.push((name.clone(), &cell.key));
                    if let Some((amount, unit)) = rule.value.as_ref().and_then(timescale) {
                        let text = format!("{amount} {}", unit.name(amount));
                        match spans.iter_mut().find(|(_, t, _)| *t == text) {
                            Some((_, _, who)) => who.push(entry),
                            None => spans.push((key::weeks(amount, unit), text, vec![entry])),
                        }
                    }
                }
            }
        }
        if cell.rules.is_empty() {
            silent.push((name.clone(), false));
        }
    }
    let mut parts = Vec::new();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    match spans.as_slice() {
        [] => {
            let mut keys: Vec<&str> = stating.iter().map(|(_, k)| *k).collect();
            keys.sort();
            keys.dedup();
            let mut who: Vec<String> = stating.iter().map(|(n, _)| n.clone()).collect();
            who.dedup();
            match keys.len() {
                0 => {}
                1 => parts.push(format!("stated alike by {}", handful(&who, ", "))),
                n => parts.push(format!("{n} different rules stated ({})", handful(&who, ", "))),
            }
        }
        [(_, text, who)] => parts.push(format!("{text} ({})", names(who))),
        [(_, low, low_who), middle @ .., (_, high, high_who)] => {
            let mut line = format!("{low} ({}) to {high} ({})", names(low_who), names(high_who));
            if !middle.is_empty() {
                let between: Vec<String> = middle.iter().map(|(_, t, w)| format!("{t} ({})", names(w))).collect();
                line.push_str(&format!("; between them {}", between.join(", ")));
            }
            parts.push(line);
        }
    }
    if !ambiguous.is_empty() {
        parts.push(format!("ambiguous ({})", names(&ambiguous)));
    }
    if !silent.is_empty() {
        parts.push(format!("not stated ({})", names(&silent)));
    }
    format!("{}: {}", row.topic.label, parts.join("; "))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{parse_authority, Authority, Team, Unit};

    /// A library of three small authorities: review intervals of 12 weeks (for North's Disability Team: 26
    /// weeks), 3 months and none.
    pub(crate) fn library() -> Library {
        let topics: Vec<Topic> = serde_json::from_str(
            r#"[{"id":"review.interval","group":"reviews","core":true,"label":"Review interval","description":"d"},
                {"id":"review.chair","group":"reviews","core":true,"label":"Who chairs reviews","description":"d"},
                {"id":"scope.entry_routes","group":"scope","core":true,"label":"Routes in","description":"d"},
                {"id":"pathway.send_allocation","group":"pathways","core":false,"label":"SEND","description":"d"}]"#,
        )
        .unwrap();
        let rule = |slug: &str, topic: &str, status: Status, value: Option<Value>, when: &[(&str, &str)]| Rule {
            id: format!("{slug}-{topic}-{}", when.len()),
            topic: topic.into(),
            status,
            when: when.iter().map(|(k, v)| (k.to_string(), vec![v.to_string()])).collect::<BTreeMap<_, _>>(),
            value,
            same_meeting: None,
            readings: vec![],
            summary: format!("{slug} on {topic}"),
            cites: vec!["one".into()],
            note: (status == Status::Ambiguous).then(|| format!("{slug} is unclear")),
        };
        let every = |amount, unit| Some(Value::Recurring { amount, unit, since: "previous_review".into() });
        let chair = |r: &str| Some(Value::Roles { roles: vec![r.into()], usually: false });
        let book = |slug: &str, name: &str, rules: Vec<Rule>| {
            let mut authority: Authority =
                parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
            authority.slug = slug.into();
            authority.short_name = name.into();
            AuthorityData { authority, sections: vec![], rules, changes: vec![] }
        };
        let north_rules = vec![
            rule("north", "review.interval", Status::Stated, every(12, Unit::Weeks), &[]),
            rule("north", "review.interval", Status::Stated, every(26, Unit::Weeks), &[("team", "disability")]),
            rule("north", "review.chair", Status::Stated, chair("manager"), &[]),
            rule(
                "north",
                "scope.entry_routes",
                Status::Stated,
                Some(Value::Text { text: "An assessment.".into() }),
                &[],
            ),
        ];
        let south = vec![
            rule("south", "review.interval", Status::Stated, every(3, Unit::Months), &[]),
            rule("south", "review.chair", Status::Stated, chair("manager"), &[]),
            rule(
                "south",
                "scope.entry_routes",
                Status::Stated,
                Some(Value::Text { text: "an assessment".into() }),
                &[],
            ),
        ];
        let west = vec![
            rule("west", "review.interval", Status::NotStated, None, &[]),
            rule("west", "review.chair", Status::Ambiguous, None, &[]),
            rule("west", "scope.entry_routes", Status::Stated, Some(Value::Text { text: "A court order".into() }), &[]),
        ];
        let mut north = book("north", "North", north_rules);
        north.authority.vocabulary.teams = vec![Team { id: "disability".into(), name: "Disability Team".into() }];
        Library {
            books: vec![north, book("south", "South", south), book("west", "West", west)],
            topics,
            roles: vec![],
            glossary: vec![],
            cases: Default::default(),
            site: Site::default(),
        }
    }

    pub(crate) fn names(library: &Library) -> Vec<String> {
        library.books.iter().map(|b| b.authority.short_name.clone()).collect()
    }

    #[test]
    fn a_spread_names_a_handful_and_counts_the_rest() {
        let many: Vec<String> = (1..=7).map(|n| format!("A{n}")).collect();
        assert_eq!(handful(&many, ", "), "A1, A2, A3, A4 and 3 more");
        assert_eq!(handful(&many[..4], ", "), "A1, A2, A3, A4");
        let list: Vec<(String, bool)> = many.iter().map(|n| (n.clone(), false)).collect();
        assert_eq!(super::names(&list), "A1; A2; A3; A4 and 3 more");
    }

    #[test]
    fn rows_follow_the_groups_and_skip_topics_nobody_covers() {
        let library = library();
        let rows = rows(&library);
        let ids: Vec<&str> = rows.iter().map(|r| r.topic.id.as_str()).collect();
        assert_eq!(ids, ["scope.entry_routes", "review.interval", "review.chair"]);
        let interval = &rows[1];
        assert_eq!(interval.cells[0].rules.len(), 2);
        assert_eq!(status(&interval.cells[2].rules), Status::NotStated);
        assert_eq!(status(&rows[2].cells[2].rules), Status::Ambiguous);
        assert_eq!(status(&interval.cells[0].rules), Status::Stated);
        assert_eq!(status([]), Status::NotStated);
        assert_eq!(rows[0].cells[0].key, rows[0].cells[1].key, "the same words, folded, agree");
    }

    #[test]
    fn spread_runs_from_the_shortest_timescale_to_the_longest() {
        let library = library();
        let rows = rows(&library);
        assert_eq!(
            spread(&rows[1], &names(&library)),
            "Review interval: 12 weeks (North) to 26 weeks (North, some cases); between them 3 months (South); \
             not stated (West)"
        );
        assert_eq!(
            spread(&rows[2], &names(&library)),
            "Who chairs reviews: stated alike by North, South; ambiguous (West)"
        );
        assert_eq!(spread(&rows[0], &names(&library)), "Routes in: 2 different rules stated (North, South, West)");
    }
}
