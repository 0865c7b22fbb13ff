//! What a rule says, reduced to a key that two authorities share exactly when their typed values agree: wording
//! of lists and text is folded (case, spacing, final full stop), outcomes compare by id, findings and named
//! service, timescales are compared in exact units only
//! (2 weeks = 14 days; 3 months is not 13 weeks), and the conditions left open and the status are part of the key.

use super::Conditions;
use crate::model::{Rule, Status, Unit, Value};

/// Text folded for comparison: lower case, single spaces, no final full stop.
fn fold(text: &str) -> String {
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    spaced.trim_end_matches('.').to_owned()
}

/// A timescale in its exact unit: days and weeks become days; working days and months stay as they are.
fn span(amount: u32, unit: Unit) -> String {
    match unit {
        Unit::Days => format!("{amount}d"),
        Unit::Weeks => format!("{}d", amount * 7),
        Unit::WorkingDays => format!("{amount}wd"),
        Unit::Months => format!("{amount}m"),
    }
}

fn sorted(ids: impl Iterator<Item = String>) -> String {
    let mut ids: Vec<String> = ids.collect();
    ids.sort();
    ids.join(",")
}

/// The key of one typed value.
pub fn value_key(value: &Value) -> String {
    match value {
        Value::Deadline { amount, unit, after } => format!("deadline {} after {after}", span(*amount, *unit)),
        Value::Recurring { amount, unit, since } => format!("every {} since {since}", span(*amount, *unit)),
        Value::Before { event, timing } => format!("before {event}: {}", fold(timing)),
        Value::Threshold { amount, unit, since, then } => {
            format!("beyond {} since {since}: {}", span(*amount, *unit), fold(then))
        }
        Value::Roles { roles, usually } => {
            format!("roles {}{}", sorted(roles.iter().cloned()), if *usually { " usually" } else { "" })
        }
        Value::List { items } => format!("list {}", items.iter().map(|i| fold(i)).collect::<Vec<_>>().join("|")),
        Value::Outcomes { outcomes } => format!(
            "outcomes {}",
            sorted(outcomes.iter().map(|o| {
                let to = o.destination.as_deref().map(fold).unwrap_or_default();
                format!("{}<{}>@{to}", o.id, sorted(o.findings.iter().cloned()))
            }))
        ),
        Value::Plans { plans } => format!("plans {}", sorted(plans.iter().map(|p| p.id.clone()))),
        Value::System { name } => format!("system {}", fold(name)),
        Value::Text { text } => format!("text {}", fold(text)),
    }
}

/// The key of one rule under the conditions still open (its own `when`, or what a case leaves of it): those
/// conditions, its status and its value or every reading's. Nothing else of the rule (its words, its citations,
/// any other field) is part of it.
pub fn rule_key(rule: &Rule, open: &Conditions) -> String {
    let when: Vec<String> = open.iter().map(|(k, vs)| format!("{k}={}", sorted(vs.iter().cloned()))).collect();
    let what = match rule.status {
        Status::NotStated => "not stated".to_owned(),
        _ => rule.values().into_iter().map(value_key).collect::<Vec<_>>().join(" / "),
    };
    format!("[{}] {} {what}", when.join(";"), rule.status.id())
}

/// The key of an authority's rules on one topic, each with its open conditions, in any order; no rules, or
/// rules that state nothing under no open condition, read as not stated.
pub fn cell_key<'r>(rules: impl IntoIterator<Item = (&'r Rule, &'r Conditions)> + Clone) -> String {
    if rules.clone().into_iter().all(|(r, open)| r.status == Status::NotStated && open.is_empty()) {
        return "not stated".to_owned();
    }
    sorted(rules.into_iter().map(|(r, open)| rule_key(r, open)))
}

/// A timescale's rough length in weeks: 5 working days or 7 days to a week, 52 weeks to 12 months.
pub fn weeks(amount: u32, unit: Unit) -> f64 {
    let n = f64::from(amount);
    match unit {
        Unit::Days => n / 7.0,
        Unit::WorkingDays => n / 5.0,
        Unit::Weeks => n,
        Unit::Months => n * 52.0 / 12.0,
    }
}

/// The timescale in the common unit, for reading unlike units side by side ("≈ 13 weeks"); `None` when it is
/// already in weeks. Under a week it is given in calendar days.
pub fn common_unit(amount: u32, unit: Unit) -> Option<String> {
    if unit == Unit::Weeks {
        return None;
    }
    let w = weeks(amount, unit);
    if w < 1.0 {
        let days = (w * 7.0).round() as u32;
        (unit != Unit::Days).then(|| format!("≈ {days} calendar day{}", if days == 1 { "" } else { "s" }))
    } else {
        let whole = w.round() as u32;
        Some(format!("≈ {whole} week{}", if whole == 1 { "" } else { "s" }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Outcome;
    use std::collections::BTreeMap;

    fn recurring(amount: u32, unit: Unit) -> Value {
        Value::Recurring { amount, unit, since: "previous_review".into() }
    }

    fn rule(status: Status, value: Option<Value>, when: &[(&str, &[&str])]) -> Rule {
        Rule {
            id: "x".into(),
            topic: "review.interval".into(),
            status,
            when: when
                .iter()
                .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
                .collect::<BTreeMap<_, _>>(),
            value,
            same_meeting: None,
            readings: vec![],
            summary: "words differ".into(),
            cites: vec![],
            note: None,
        }
    }

    #[test]
    fn equal_timescales_agree_only_in_exact_units() {
        assert_eq!(value_key(&recurring(2, Unit::Weeks)), value_key(&recurring(14, Unit::Days)));
        assert_ne!(value_key(&recurring(12, Unit::Weeks)), value_key(&recurring(3, Unit::Months)));
        assert_ne!(value_key(&recurring(10, Unit::Days)), value_key(&recurring(10, Unit::WorkingDays)));
        let other_event = Value::Recurring { amount: 3, unit: Unit::Months, since: "plan_established".into() };
        assert_ne!(value_key(&recurring(3, Unit::Months)), value_key(&other_event));
    }

    #[test]
    fn wording_is_folded_but_meaning_is_kept() {
        let a = Value::Text { text: "Early  Help.".into() };
        let b = Value::Text { text: "early help".into() };
        assert_eq!(value_key(&a), value_key(&b));
        assert_ne!(value_key(&a), value_key(&Value::Text { text: "Targeted Youth Support".into() }));
        let roles = |r: &[&str], usually| Value::Roles { roles: r.iter().map(|s| s.to_string()).collect(), usually };
        assert_eq!(
            value_key(&roles(&["manager", "social_worker"], false)),
            value_key(&roles(&["social_worker", "manager"], false))
        );
        assert_ne!(value_key(&roles(&["manager"], false)), value_key(&roles(&["manager"], true)));
        let outcome =
            |id: &str, label: &str| Outcome { id: id.into(), label: label.into(), destination: None, findings: vec![] };
        let a = Value::Outcomes { outcomes: vec![outcome("close", "Case closed"), outcome("step_down", "Early Help")] };
        let b = Value::Outcomes {
            outcomes: vec![outcome("step_down", "Stepped down"), outcome("close", "No longer in need")],
        };
        assert_eq!(value_key(&a), value_key(&b), "outcomes compare by their typed ids, not their labels");
        let mut elsewhere = b.clone();
        if let Value::Outcomes { outcomes } = &mut elsewhere {
            outcomes[0].destination = Some("Targeted Youth Support".into());
        }
        assert_ne!(value_key(&a), value_key(&elsewhere), "a different named service is a different rule");
    }

    /// The key of rules under their own conditions.
    fn own(rules: &[&Rule]) -> String {
        cell_key(rules.iter().map(|r| (*r, &r.when)))
    }

    #[test]
    fn status_and_conditions_are_part_of_the_key() {
        let stated = rule(Status::Stated, Some(recurring(3, Unit::Months)), &[]);
        let conditional = rule(Status::Stated, Some(recurring(3, Unit::Months)), &[("disabled", &["no"])]);
        let not_stated = rule(Status::NotStated, None, &[]);
        assert_ne!(own(&[&stated]), own(&[&conditional]));
        assert_ne!(own(&[&stated]), own(&[&not_stated]));
        assert_eq!(own(&[&not_stated]), own(&[]), "no rule on a topic reads as not stated");
        let mut ambiguous = rule(Status::Ambiguous, None, &[]);
        ambiguous.readings =
            vec![crate::model::Reading { label: "r".into(), value: recurring(3, Unit::Months), same_meeting: None }];
        assert_ne!(own(&[&stated]), own(&[&ambiguous]));
        let two = rule(Status::Stated, Some(recurring(6, Unit::Months)), &[("disabled", &["yes"])]);
        assert_eq!(own(&[&conditional, &two]), own(&[&two, &conditional]), "order does not matter");
    }

    #[test]
    fn only_the_open_conditions_status_and_values_make_the_key() {
        let stated = rule(Status::Stated, Some(recurring(3, Unit::Months)), &[]);
        let conditional = rule(Status::Stated, Some(recurring(3, Unit::Months)), &[("disabled", &["no"])]);
        let answered = Conditions::new();
        assert_eq!(cell_key([(&conditional, &answered)]), own(&[&stated]), "a condition the case answers is gone");
        let mut reworded = stated.clone();
        reworded.id = "y".into();
        reworded.summary = "other words".into();
        reworded.cites = vec!["elsewhere".into()];
        reworded.note = Some("a note".into());
        assert_eq!(own(&[&reworded]), own(&[&stated]), "words, citations and notes are not what a rule says");
    }

    #[test]
    fn a_common_unit_is_given_beside_unlike_units() {
        assert_eq!(common_unit(3, Unit::Months).as_deref(), Some("≈ 13 weeks"));
        assert_eq!(common_unit(15, Unit::WorkingDays).as_deref(), Some("≈ 3 weeks"));
        assert_eq!(common_unit(2, Unit::WorkingDays).as_deref(), Some("≈ 3 calendar days"));
        assert_eq!(common_unit(12, Unit::Weeks), None);
        assert_eq!(common_unit(3, Unit::Days), None);
        assert_eq!(common_unit(14, Unit::Days).as_deref(), Some("≈ 2 weeks"));
        assert!(weeks(12, Unit::Weeks) < weeks(3, Unit::Months));
    }
}
