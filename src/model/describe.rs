//! Rules as a person reads them: typed values and conditions in plain words.

use std::collections::BTreeMap;

use super::authority::Vocabulary;
use super::rules::Value;
use super::vocab::{event_phrase, outcome_phrase, Role};

fn event(id: &str) -> String {
    event_phrase(id).map_or_else(|| id.replace('_', " "), str::to_owned)
}

fn amount(n: u32, unit: super::rules::Unit) -> String {
    format!("{n} {}", unit.name(n))
}

/// A role's label, or its id made readable if it is not in the vocabulary.
pub fn role_label(roles: &[Role], id: &str) -> String {
    roles.iter().find(|r| r.id == id).map_or_else(|| id.replace('_', " "), |r| r.label.clone())
}

/// A one-line reading of a value; lists and outcomes give a count (their items are shown separately).
pub fn describe_value(value: &Value, roles: &[Role]) -> String {
    match value {
        Value::Deadline { amount: n, unit, after } => format!("within {} after {}", amount(*n, *unit), event(after)),
        Value::Recurring { amount: n, unit, since } => {
            format!("at least every {}, counting from {}", amount(*n, *unit), event(since))
        }
        Value::Before { event: e, timing } => format!("before {}, {timing}", event(e)),
        Value::Threshold { amount: n, unit, since, then } => {
            format!("if it is to go beyond {} from {}: {then}", amount(*n, *unit), event(since))
        }
        Value::Roles { roles: ids, usually } => {
            let names: Vec<String> = ids.iter().map(|id| role_label(roles, id)).collect();
            let joined = match names.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
            };
            if *usually {
                format!("usually {joined}")
            } else {
                joined
            }
        }
        Value::List { items } => format!("{} item{}", items.len(), if items.len() == 1 { "" } else { "s" }),
        Value::Outcomes { outcomes } => format!("{} possible outcomes", outcomes.len()),
        Value::Plans { plans } => format!("{} other plans", plans.len()),
        Value::System { name } => name.clone(),
        Value::Text { text } => text.clone(),
    }
}

/// A value in a few words, for a glance: "15 working days after the plan is established", "every 12 weeks",
/// "the team manager", "a list of 5", "close, step down to Early Help or a core assessment"; text is cut after a few
/// words.
pub fn describe_brief(value: &Value, roles: &[Role]) -> String {
    const WORDS: usize = 8;
    let or_list = |names: Vec<String>| match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    match value {
        Value::Deadline { .. } | Value::Roles { .. } | Value::System { .. } => {
            describe_value(value, roles).trim_start_matches("within ").to_owned()
        }
        Value::Recurring { amount: n, unit, .. } => format!("every {}", amount(*n, *unit)),
        Value::Before { event: e, .. } => format!("before {}", event(e)),
        Value::Threshold { amount: n, unit, .. } => format!("beyond {}", amount(*n, *unit)),
        Value::List { items } => format!("a list of {}", items.len()),
        Value::Outcomes { outcomes } => or_list(
            outcomes
                .iter()
                .map(|o| {
                    let name = outcome_phrase(&o.id).unwrap_or(&o.label);
                    o.destination.as_ref().map_or_else(|| name.to_owned(), |to| format!("{name} to {to}"))
                })
                .collect(),
        ),
        Value::Plans { plans } => or_list(plans.iter().map(|p| p.label.clone()).collect()),
        Value::Text { text } => {
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() > WORDS {
                format!("{} …", words[..WORDS].join(" "))
            } else {
                text.clone()
            }
        }
    }
}

fn answer_phrase(key: &str, value: &str, vocabulary: &Vocabulary) -> String {
    if key == "team" {
        let name = vocabulary.teams.iter().find(|t| t.id == value).map_or(value, |t| t.name.as_str());
        return format!("cases held by the {name}");
    }
    match super::questions::key(key).and_then(|k| k.choice(value)) {
        Some(choice) => choice.condition.to_owned(),
        None => format!("{}: {}", key.replace('_', " "), value.replace('_', " ")),
    }
}

/// Conditions in plain words, to follow "for" ("cases held by the Health and Disability Team"), or None.
pub fn describe_conditions(when: &BTreeMap<String, Vec<String>>, vocabulary: &Vocabulary) -> Option<String> {
    let parts: Vec<String> = when
        .iter()
        .map(|(key, values)| values.iter().map(|v| answer_phrase(key, v, vocabulary)).collect::<Vec<_>>().join(" or "))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", and "))
}

/// The conditions of a rule in plain words ("For cases held by the Health and Disability Team"), or None.
pub fn describe_when(when: &BTreeMap<String, Vec<String>>, vocabulary: &Vocabulary) -> Option<String> {
    describe_conditions(when, vocabulary).map(|words| format!("For {words}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::authority::Team;
    use crate::model::rules::Unit;

    fn roles() -> Vec<Role> {
        vec![
            Role { id: "team_manager".into(), label: "the team manager".into() },
            Role { id: "senior_practitioner".into(), label: "a senior practitioner".into() },
        ]
    }

    #[test]
    fn a_brief_reading_keeps_the_amount_and_cuts_the_rest() {
        let d = Value::Deadline { amount: 15, unit: Unit::WorkingDays, after: "plan_established".into() };
        assert_eq!(describe_brief(&d, &[]), "15 working days after the plan is established");
        let r = Value::Recurring { amount: 12, unit: Unit::Weeks, since: "previous_review".into() };
        assert_eq!(describe_brief(&r, &[]), "every 12 weeks");
        let roles = Value::Roles { roles: vec!["team_manager".into(), "senior_practitioner".into()], usually: true };
        assert_eq!(describe_brief(&roles, &self::roles()), "usually the team manager or a senior practitioner");
        let text = Value::Text { text: "one two three four five six seven eight nine ten".into() };
        assert_eq!(describe_brief(&text, &[]), "one two three four five six seven eight …");
        let list = Value::List { items: vec!["a".into(), "b".into()] };
        assert_eq!(describe_brief(&list, &[]), "a list of 2");
        let outcome = |id: &str| super::super::rules::Outcome {
            id: id.into(),
            label: "In the authority's words".into(),
            destination: None,
            findings: vec![],
        };
        let early_help =
            super::super::rules::Outcome { destination: Some("Early Help".into()), ..outcome("step_down") };
        let outcomes = Value::Outcomes { outcomes: vec![early_help, outcome("core_assessment")] };
        assert_eq!(
            describe_brief(&outcomes, &[]),
            "step down to Early Help or a core assessment",
            "outcomes in words, not ids, with the service a case goes to"
        );
    }

    #[test]
    fn timescales_read_as_sentences() {
        let d = Value::Deadline { amount: 15, unit: Unit::WorkingDays, after: "plan_established".into() };
        assert_eq!(describe_value(&d, &[]), "within 15 working days after the plan is established");
        let r = Value::Recurring { amount: 12, unit: Unit::Weeks, since: "previous_review".into() };
        assert_eq!(describe_value(&r, &[]), "at least every 12 weeks, counting from the previous review");
        let one = Value::Deadline { amount: 1, unit: Unit::Months, after: "meeting_held".into() };
        assert_eq!(describe_value(&one, &[]), "within 1 month after the meeting");
        let b = Value::Before { event: "order_expires".into(), timing: "in a timely way".into() };
        assert_eq!(describe_value(&b, &[]), "before the order expires, in a timely way");
        let t = Value::Threshold {
            amount: 12,
            unit: Unit::Months,
            since: "package_started".into(),
            then: "a specific review".into(),
        };
        assert_eq!(
            describe_value(&t, &[]),
            "if it is to go beyond 12 months from the package of support started: a specific review"
        );
    }

    #[test]
    fn roles_join_with_or_and_say_usually() {
        let v = Value::Roles { roles: vec!["team_manager".into(), "senior_practitioner".into()], usually: true };
        assert_eq!(describe_value(&v, &roles()), "usually the team manager or a senior practitioner");
        let unknown = Value::Roles { roles: vec!["pod_lead".into()], usually: false };
        assert_eq!(describe_value(&unknown, &roles()), "pod lead");
    }

    #[test]
    fn conditions_use_the_authority_team_names() {
        let vocabulary = Vocabulary {
            teams: vec![Team { id: "health_disability".into(), name: "Health and Disability Team".into() }],
            ..Vocabulary::default()
        };
        let mut when = BTreeMap::new();
        assert_eq!(describe_when(&when, &vocabulary), None);
        when.insert("team".to_owned(), vec!["health_disability".to_owned()]);
        assert_eq!(describe_when(&when, &vocabulary).unwrap(), "For cases held by the Health and Disability Team");
        let route = BTreeMap::from([("route".to_owned(), vec!["cp_step_down".to_owned(), "sgo_support".to_owned()])]);
        assert_eq!(
            describe_when(&route, &vocabulary).unwrap(),
            "For plans that follow the end of a child protection plan or plans that support a special guardianship order"
        );
        when.insert("disabled".to_owned(), vec!["yes".to_owned()]);
        assert_eq!(
            describe_when(&when, &vocabulary).unwrap(),
            "For disabled children, and cases held by the Health and Disability Team"
        );
    }
}
