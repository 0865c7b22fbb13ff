//! Each authority's rules checked against the source: every test names the source paragraph it restates and
//! asserts the typed value (amount, unit, event, roles, items) that paragraph gives, so a wrong timescale or a
//! wrong chair fails here even when the rules file is otherwise valid.

mod brighton_hove;
mod coventry;
mod durham;
mod lancashire;
mod york;

use std::path::PathBuf;

use chrono::NaiveDate;
use cin_procedure_explorer::model::{parse_authority, parse_rules, parse_topics, Rule, Status, Topic, Unit, Value};
use cin_procedure_explorer::timeline::{timeline, Case, Timeline};

/// Every rule of an authority, read from `content/authorities/{slug}/rules.json`.
fn rules(slug: &str) -> Vec<Rule> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("content/authorities/{slug}/rules.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_rules(slug, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// The rule topics, read from `content/topics.json`.
fn topics() -> Vec<Topic> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/topics.json");
    parse_topics(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// An authority's timeline for a case given as (key, value) pairs (dates as `YYYY-MM-DD`), as of `today`.
fn timeline_of(slug: &str, answers: &[(&str, &str)], today: &str) -> Timeline {
    let pairs: Vec<(String, String)> = answers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("content/authorities/{slug}/authority.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let authority = parse_authority(slug, &text).unwrap_or_else(|e| panic!("{e}"));
    let teams: Vec<String> = authority.vocabulary.teams.into_iter().map(|t| t.id).collect();
    let (case, errors) = Case::from_query(&pairs, &teams);
    assert!(errors.is_empty(), "{errors:?}");
    timeline(&rules(slug), &topics(), &case, date(today))
}

/// Each deadline on these topics, as (topic, first date as `YYYY-MM-DD`), in the timeline's order.
fn dated_on(t: &Timeline, on: &[&str]) -> Vec<(String, String)> {
    t.deadlines
        .iter()
        .filter(|d| on.contains(&d.rule.topic.as_str()))
        .map(|d| (d.rule.topic.clone(), d.first_date().to_string()))
        .collect()
}

/// A `YYYY-MM-DD` date.
fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The rule with this id; fails the test if there is none.
fn rule(slug: &str, id: &str) -> Rule {
    rules(slug).into_iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{slug} has no rule {id}"))
}

/// The value of a stated rule; fails the test if the rule is not stated.
fn stated(slug: &str, id: &str) -> Value {
    let rule = rule(slug, id);
    assert_eq!(rule.status, Status::Stated, "{id} should be stated");
    rule.value.unwrap_or_else(|| panic!("{id} has no value"))
}

/// The readings of an ambiguous rule as (label, value); fails the test if the rule is not ambiguous.
fn readings(slug: &str, id: &str) -> Vec<(String, Value)> {
    let rule = rule(slug, id);
    assert_eq!(rule.status, Status::Ambiguous, "{id} should be ambiguous");
    assert!(rule.note.as_deref().is_some_and(|n| !n.is_empty()), "{id} should explain its ambiguity");
    rule.readings.into_iter().map(|r| (r.label, r.value)).collect()
}

/// The note of a rule; fails the test if it has none.
fn note(slug: &str, id: &str) -> String {
    rule(slug, id).note.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| panic!("{id} should have a note"))
}

/// Asserts that a topic's only rules for an authority are `not_stated`.
fn not_stated(slug: &str, topic: &str) {
    let on_topic: Vec<Rule> = rules(slug).into_iter().filter(|r| r.topic == topic).collect();
    assert!(!on_topic.is_empty(), "{slug} has no rule for {topic}");
    assert!(on_topic.iter().all(|r| r.status == Status::NotStated), "{slug} states {topic}, expected not stated");
}

/// A one-off deadline.
fn deadline(amount: u32, unit: Unit, after: &str) -> Value {
    Value::Deadline { amount, unit, after: after.into() }
}

/// A recurring timescale.
fn recurring(amount: u32, unit: Unit, since: &str) -> Value {
    Value::Recurring { amount, unit, since: since.into() }
}

/// The role ids of a roles value, and whether the source says "usually".
fn roles(value: &Value) -> (Vec<&str>, bool) {
    match value {
        Value::Roles { roles, usually } => (roles.iter().map(String::as_str).collect(), *usually),
        other => panic!("expected roles, found {other:?}"),
    }
}

/// The items of a list value, or the authority's words for each plan of a plans value.
fn items(value: &Value) -> Vec<&str> {
    match value {
        Value::List { items } => items.iter().map(String::as_str).collect(),
        Value::Plans { plans } => plans.iter().map(|p| p.label.as_str()).collect(),
        other => panic!("expected a list, found {other:?}"),
    }
}

/// The `other_plan` ids of a plans value.
fn plan_ids(value: &Value) -> Vec<&str> {
    match value {
        Value::Plans { plans } => plans.iter().map(|p| p.id.as_str()).collect(),
        other => panic!("expected plans, found {other:?}"),
    }
}

/// The outcome ids of an outcomes value, in order.
fn outcome_ids(value: &Value) -> Vec<&str> {
    match value {
        Value::Outcomes { outcomes } => outcomes.iter().map(|o| o.id.as_str()).collect(),
        other => panic!("expected outcomes, found {other:?}"),
    }
}

/// The source texts, where this checkout sits beside them (`../shared/seeds/`, listed by slug in its `INDEX.md`):
/// each slug with its source's text. `None` where they are not there.
fn source_texts() -> Option<Vec<(String, String)>> {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let index = std::fs::read_to_string(seeds.join("INDEX.md")).ok()?;
    let rows = index.lines().filter_map(|line| {
        let cells: Vec<&str> = line.split('|').map(|c| c.trim().trim_matches('`')).collect();
        match cells.as_slice() {
            [_, file, _, slug, ..] if file.ends_with(".txt") => Some((slug.to_string(), file.to_string())),
            _ => None,
        }
    });
    let texts: Vec<(String, String)> = rows
        .map(|(slug, file)| {
            let text = std::fs::read_to_string(seeds.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            (slug, text)
        })
        .collect();
    assert!(!texts.is_empty(), "INDEX.md lists no source");
    Some(texts)
}

/// The web addresses a text gives: each run of text starting `http://`, `https://` or `www.`, up to white space
/// or a closing bracket.
fn addresses_in(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "()<>[]\"".contains(c))
        .filter(|w| ["http://", "https://", "www."].iter().any(|p| w.to_ascii_lowercase().starts_with(p)))
        .map(|w| w.trim_end_matches(['.', ',', ';']).to_owned())
        .collect()
}

#[test]
fn addresses_in_a_text_are_found() {
    let text = "See https://procedures.example.org/ch-2.1, or (www.example.org/x). Comments To: someone@example.org";
    assert_eq!(addresses_in(text), ["https://procedures.example.org/ch-2.1", "www.example.org/x"]);
}

/// No web address is guessed: an address marked as given in the source is in that source's text, and where the
/// source gives no address the authority has none unless it is marked as verified.
#[test]
fn web_addresses_are_the_ones_the_sources_give() {
    let Some(texts) = source_texts() else {
        eprintln!("no ../shared/seeds here: web addresses are checked by content validation only");
        return;
    };
    for (slug, text) in &texts {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("content/authorities/{slug}/authority.json"));
        let authority =
            parse_authority(slug, &std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{e}"));
        let given = addresses_in(text);
        match &authority.web_address {
            Some(address) if address.given_in_source => {
                assert!(
                    text.contains(&address.url),
                    "{slug}: {} is marked as given in the source, which gives {given:?}",
                    address.url
                );
            }
            Some(address) => assert!(address.verified_on.is_some(), "{slug}: {} is guessed", address.url),
            None => {}
        }
        if given.is_empty() {
            assert!(
                authority.web_address.as_ref().is_none_or(|a| a.verified_on.is_some()),
                "{slug}: the source gives no web address"
            );
        }
    }
}
