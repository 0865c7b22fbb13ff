//! Validation of an authority's rules against the vocabularies, its sections and its teams.

use std::collections::{BTreeMap, HashSet};

use super::authority::Authority;
use super::questions::{key as answer_key, Asks};
use super::rules::{Rule, Status, Unit, Value};
use super::rules_path;
use super::validate::{is_url_safe_id, Problem};
use super::vocab::{event_phrase, is_outcome, Role, Topic};

/// The vocabularies rules are checked against.
pub struct Vocabularies<'a> {
    /// Every topic.
    pub topics: &'a [Topic],
    /// Every role.
    pub roles: &'a [Role],
}

fn check_value(value: &Value, vocab: &Vocabularies, report: &mut dyn FnMut(String)) {
    if let Some(event) = value.event() {
        if event_phrase(event).is_none() {
            report(format!("counts from unknown event \"{event}\""));
        }
    }
    match value {
        Value::Deadline { amount, unit, .. }
        | Value::Recurring { amount, unit, .. }
        | Value::Threshold { amount, unit, .. } => {
            if *amount == 0 {
                report("has a timescale of zero".into())
            } else if *amount > most(*unit) {
                report(format!(
                    "has a timescale of {amount} {}, more than five years (at most {} {})",
                    unit.name(*amount),
                    most(*unit),
                    unit.name(most(*unit))
                ))
            }
        }
        Value::Roles { roles, .. } => {
            if roles.is_empty() {
                report("names no role".into());
            }
            for role in roles.iter().filter(|r| !vocab.roles.iter().any(|known| &known.id == *r)) {
                report(format!("names unknown role \"{role}\" (add it to content/roles.json)"));
            }
        }
        Value::List { items } if items.is_empty() => report("has an empty list".into()),
        Value::Outcomes { outcomes } => {
            for o in outcomes.iter().filter(|o| !is_outcome(&o.id)) {
                report(format!("has unknown outcome \"{}\"", o.id));
            }
            let findings = answer_values("review_finding");
            for f in outcomes.iter().flat_map(|o| &o.findings).filter(|f| !findings.contains(&f.as_str())) {
                report(format!("has unknown review finding \"{f}\""));
            }
        }
        Value::Plans { plans } => {
            if plans.is_empty() {
                report("names no plan".into());
            }
            let known = answer_values("other_plan");
            for p in plans.iter().filter(|p| p.id == "none" || !known.contains(&p.id.as_str())) {
                report(format!("names unknown plan \"{}\" (use an other_plan answer)", p.id));
            }
        }
        _ => {}
    }
}

/// The longest timescale a rule may give in `unit`: five years of it. Anything longer is a slip of the keyboard,
/// and would count to a date no calendar holds.
pub fn most(unit: Unit) -> u32 {
    match unit {
        Unit::Days => 1826,
        Unit::WorkingDays => 1305,
        Unit::Weeks => 261,
        Unit::Months => 60,
    }
}

/// The allowed values of a wizard answer.
fn answer_values(key: &str) -> Vec<&'static str> {
    answer_key(key).map(|k| k.choices().iter().map(|c| c.value).collect()).unwrap_or_default()
}

fn check_when(when: &BTreeMap<String, Vec<String>>, authority: &Authority, report: &mut dyn FnMut(String)) {
    for (key, values) in when {
        let Some(asks) = answer_key(key).map(|k| k.asks).filter(|a| *a != Asks::Date) else {
            report(format!("has a condition on unknown answer \"{key}\""));
            continue;
        };
        if values.is_empty() {
            report(format!("has a condition on \"{key}\" that allows no value"));
        }
        for value in values {
            let known = match asks {
                Asks::Team => authority.vocabulary.teams.iter().any(|t| &t.id == value),
                _ => answer_values(key).contains(&value.as_str()),
            };
            if !known {
                report(format!("has a condition {key}={value}, which is not a known value"));
            }
        }
    }
}

/// Checks one authority's rules: vocabularies, citations, status and value agree, core topics covered,
/// and no two stated rules on one topic and one condition that disagree.
pub fn validate_rules(authority: &Authority, rules: &[Rule], vocab: &Vocabularies) -> Vec<Problem> {
    let file = rules_path(&authority.slug);
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for rule in rules {
        let at = rule_at(&file, rule);
        let mut report = |message: String| problems.push(at(message));
        if !ids.insert(rule.id.as_str()) {
            problems.push(at("is defined twice".into()).near_key("id", &rule.id));
            continue;
        }
        if !is_url_safe_id(&rule.id) {
            report("has an id that is not URL-safe (lowercase letters, digits, single hyphens)".into());
        }
        if !rule.id.starts_with(&format!("{}-", authority.slug)) {
            report(format!("should start with \"{}-\"", authority.slug));
        }
        if !vocab.topics.iter().any(|t| t.id == rule.topic) {
            report(format!("has unknown topic \"{}\"", rule.topic));
        }
        for cite in rule.cites.iter().filter(|c| !authority.sections.iter().any(|s| &&s.id == c)) {
            report(format!("cites \"{cite}\", which is not a section of this procedure"));
        }
        if rule.cites.is_empty() && rule.status != Status::NotStated {
            report("cites no section".into());
        }
        if rule.summary.trim().is_empty() {
            report("has no summary".into());
        }
        let note = rule.note.as_deref().unwrap_or("").trim();
        match rule.status {
            Status::Stated if rule.value.is_none() || !rule.readings.is_empty() => {
                report("is stated, so needs a value and no readings".into())
            }
            Status::NotStated if rule.value.is_some() || !rule.readings.is_empty() => {
                report("is not stated, so has no value or readings".into())
            }
            Status::Ambiguous if rule.value.is_some() || rule.readings.len() < 2 || note.is_empty() => {
                report("is ambiguous, so needs two or more readings, no single value, and a note".into())
            }
            _ => {}
        }
        for value in rule.values() {
            check_value(value, vocab, &mut report);
            // The wizard decides whether the procedure applies from these: they must be typed plans.
            if rule.topic == "scope.excluded_plans" && !matches!(value, Value::Plans { .. }) {
                report("names excluded plans, so its value must be of kind \"plans\"".into());
            }
        }
        check_when(&rule.when, authority, &mut report);
    }
    for rule in rules {
        let at = rule_at(&file, rule);
        check_same_meetings(rule, rules, vocab.topics, &mut |message: String| problems.push(at(message)));
    }
    for topic in vocab.topics.iter().filter(|t| t.core) {
        if !rules.iter().any(|r| r.topic == topic.id) {
            let message = format!("has no rule for core topic \"{}\" (add one, or a not_stated rule)", topic.id);
            problems.push(Problem::new(file.clone(), message));
        }
    }
    for (i, a) in rules.iter().enumerate() {
        for b in rules[i + 1..].iter() {
            let both_stated = a.status == Status::Stated && b.status == Status::Stated;
            if both_stated
                && a.topic == b.topic
                && a.when == b.when
                && a.value != b.value
                && a.value.as_ref().is_some_and(is_timescale)
            {
                let message = format!(
                    "rules \"{}\" and \"{}\" give different timescales for {} under the same conditions without being marked ambiguous",
                    a.id, b.id, a.topic
                );
                problems.push(Problem::new(file.clone(), message).near_key("id", &b.id));
            }
        }
    }
    problems
}

/// A problem with `rule`, in `file`: its message starts with the rule's id, and it is near the rule's id.
fn rule_at<'a>(file: &'a str, rule: &'a Rule) -> impl Fn(String) -> Problem + 'a {
    move |message| Problem::new(file, format!("rule \"{}\" {message}", rule.id)).near_key("id", &rule.id)
}

/// Checks what a rule says with `same_meeting`: it is said of a one-off deadline on a topic that times a meeting, and
/// names another such topic, on which one stated rule under the same conditions has the same timescale, names no
/// meeting itself, and is the only rule on that topic that could apply with it (so the two always apply together).
fn check_same_meetings(rule: &Rule, rules: &[Rule], topics: &[Topic], report: &mut dyn FnMut(String)) {
    if rule.same_meeting.is_some() && rule.status != Status::Stated {
        report(
            "names the same meeting as another topic but is not stated (an ambiguous rule says it of a reading)".into(),
        );
    }
    let times_meeting = |id: &str| topics.iter().any(|t| t.id == id && t.meeting.is_some());
    for same in rule.same_meetings() {
        let topic = same.topic;
        if !matches!(same.value, Value::Deadline { .. }) {
            report(format!("times the same meeting as {topic} with a value that is not a one-off deadline"));
        }
        if !times_meeting(&rule.topic) {
            report(format!("names the same meeting as {topic}, but its own topic times no meeting"));
        }
        if topic == rule.topic || !times_meeting(topic) {
            report(format!("names the same meeting as {topic}, which is not another topic that times a meeting"));
            continue;
        }
        let targets: Vec<&Rule> = rules.iter().filter(|t| t.is_meeting_of(rule, &same)).collect();
        let [target] = targets.as_slice() else {
            report(format!(
                "names the same meeting as {topic}, but that topic has no one stated rule under the same conditions \
                 with the same timescale"
            ));
            continue;
        };
        if !target.same_meetings().is_empty() {
            report(format!("names the same meeting as {}, which names another meeting itself", target.id));
        }
        for other in rules.iter().filter(|o| o.topic == topic && o.id != target.id && !disjoint(&o.when, &rule.when)) {
            report(format!("names the same meeting as {}, but {} on that topic could apply too", target.id, other.id));
        }
    }
}

/// Whether two sets of conditions can never hold together: some answer is given values that do not overlap.
fn disjoint(a: &BTreeMap<String, Vec<String>>, b: &BTreeMap<String, Vec<String>>) -> bool {
    a.iter().any(|(key, values)| b.get(key).is_some_and(|other| !values.iter().any(|v| other.contains(v))))
}

fn is_timescale(value: &Value) -> bool {
    matches!(value, Value::Deadline { .. } | Value::Recurring { .. } | Value::Threshold { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_rules};

    fn topics() -> Vec<Topic> {
        let topic = |id: &str, core| Topic {
            id: id.into(),
            group: "reviews".into(),
            core,
            label: id.into(),
            ..Topic::default()
        };
        let meeting = |id: &str, met_by: &str, name: &str| Topic {
            met_by: Some(met_by.into()),
            meeting: Some(name.into()),
            ..topic(id, false)
        };
        vec![
            Topic { core: true, ..meeting("review.first", "previous_review", "the first review") },
            topic("review.interval", true),
            topic("review.chair", false),
            meeting("planning_meeting.deadline", "planning_meeting", "the planning meeting"),
        ]
    }

    fn roles() -> Vec<Role> {
        vec![Role { id: "social_worker".into(), label: "the social worker".into() }]
    }

    fn authority() -> Authority {
        let mut a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        a.vocabulary.teams.push(crate::model::Team { id: "disability".into(), name: "Disability Team".into() });
        a
    }

    fn check(json: &str) -> String {
        let rules = parse_rules("minimal", json).unwrap();
        let (topics, roles) = (topics(), roles());
        let vocab = Vocabularies { topics: &topics, roles: &roles };
        validate_rules(&authority(), &rules, &vocab).iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    }

    const GOOD: &str = r#"[
      {"id":"minimal-first","topic":"review.first","status":"stated","value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},"summary":"s","cites":["one"],"note":null},
      {"id":"minimal-interval","topic":"review.interval","status":"stated","when":{"team":["disability"]},"value":{"kind":"recurring","amount":26,"unit":"weeks","since":"previous_review"},"summary":"s","cites":["two"],"note":null},
      {"id":"minimal-interval-other","topic":"review.interval","status":"not_stated","summary":"s","cites":[],"note":null}
    ]"#;

    #[test]
    fn timescales_longer_than_five_years_and_unsafe_ids_are_refused() {
        let at_most = GOOD.replace("\"amount\":15", "\"amount\":1305").replace("\"amount\":26", "\"amount\":261");
        assert_eq!(check(&at_most), "", "five years is allowed");
        let text = check(
            &GOOD
                .replace("\"amount\":15", "\"amount\":4294967295")
                .replace("\"amount\":26", "\"amount\":262")
                .replace("\"minimal-interval-other\"", "\"minimal-Interval other\""),
        );
        for needle in [
            "rule \"minimal-first\" has a timescale of 4294967295 working days, more than five years (at most 1305 working days)",
            "rule \"minimal-interval\" has a timescale of 262 weeks, more than five years (at most 261 weeks)",
            "rule \"minimal-Interval other\" has an id that is not URL-safe",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        assert_eq!(most(Unit::Days), 1826);
        assert_eq!(most(Unit::Months), 60);
    }

    #[test]
    fn a_good_set_passes() {
        assert_eq!(check(GOOD), "");
    }

    #[test]
    fn unknown_vocabulary_is_reported() {
        let bad = GOOD
            .replace("\"review.first\"", "\"review.sometime\"")
            .replace("\"disability\"]", "\"nobody\"]")
            .replace("\"plan_established\"", "\"full_moon\"")
            .replace("[\"one\"]", "[\"three\"]");
        let text = check(&bad);
        for needle in [
            "unknown topic \"review.sometime\"",
            "condition team=nobody",
            "unknown event \"full_moon\"",
            "cites \"three\"",
            "no rule for core topic \"review.first\"",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }

    #[test]
    fn excluded_plans_and_review_findings_are_typed() {
        let text = check(
            r#"[
          {"id":"minimal-x","topic":"scope.excluded_plans","status":"stated","value":{"kind":"list","items":["A plan"]},"summary":"s","cites":["one"],"note":null},
          {"id":"minimal-y","topic":"scope.excluded_plans","status":"stated","value":{"kind":"plans","plans":[{"id":"none","label":"x"},{"id":"adoption","label":"y"}]},"summary":"s","cites":["one"],"note":null},
          {"id":"minimal-z","topic":"review.outcomes","status":"stated","value":{"kind":"outcomes","outcomes":[{"id":"close","label":"Closed","destination":null,"findings":["needs_met","bored"]}]},"summary":"s","cites":["one"],"note":null}
        ]"#,
        );
        for needle in [
            "\"minimal-x\" names excluded plans, so its value must be of kind \"plans\"",
            "unknown plan \"none\"",
            "unknown plan \"adoption\"",
            "unknown review finding \"bored\"",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        assert!(!text.contains("\"needs_met\""), "{text}");
    }

    #[test]
    fn status_and_value_must_agree() {
        let text = check(
            r#"[
          {"id":"minimal-a","topic":"review.first","status":"ambiguous","value":{"kind":"text","text":"x"},"summary":"s","cites":["one"],"note":null},
          {"id":"minimal-b","topic":"review.interval","status":"not_stated","value":{"kind":"text","text":"x"},"summary":"s","cites":[],"note":null},
          {"id":"minimal-c","topic":"review.chair","status":"stated","summary":"s","cites":["one"],"note":null},
          {"id":"other-d","topic":"review.chair","status":"stated","value":{"kind":"roles","roles":["wizard"],"usually":false},"summary":"s","cites":["one"],"note":null}
        ]"#,
        );
        for needle in [
            "\"minimal-a\" is ambiguous",
            "\"minimal-b\" is not stated",
            "\"minimal-c\" is stated, so needs a value",
            "\"other-d\" should start with \"minimal-\"",
            "unknown role \"wizard\"",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }

    /// A planning meeting that is the first review, as `same_meeting` says, in the fixture's rules.
    fn with_planning(planning: &str) -> String {
        GOOD.replacen('[', &format!("[{planning},"), 1)
    }

    const PLANNING: &str = r#"{"id":"minimal-planning","topic":"planning_meeting.deadline","status":"stated","value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},"same_meeting":"review.first","summary":"s","cites":["one"],"note":null}"#;

    #[test]
    fn a_meeting_named_once_names_a_rule_timing_it_the_same_way() {
        assert_eq!(check(&with_planning(PLANNING)), "");
        let cases = [
            (PLANNING.replace("15", "16"), "has no one stated rule under the same conditions with the same timescale"),
            (
                PLANNING.replace(r#""status":"stated","#, r#""status":"stated","when":{"team":["disability"]},"#),
                "has no one stated rule under the same conditions",
            ),
            (
                PLANNING.replace("\"review.first\"", "\"review.interval\""),
                "which is not another topic that times a meeting",
            ),
            (PLANNING.replace("planning_meeting.deadline", "review.chair"), "its own topic times no meeting"),
            (
                PLANNING.replace(r#""kind":"deadline""#, r#""kind":"threshold","then":"t""#).replace("after", "since"),
                "a value that is not a one-off deadline",
            ),
        ];
        for (planning, needle) in cases {
            let text = check(&with_planning(&planning));
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        // The named rule may not name another meeting itself, and no other rule on its topic may apply alongside.
        let chain = with_planning(PLANNING).replace(
            r#""after":"plan_established"},"summary":"s","cites":["one"]"#,
            r#""after":"plan_established"},"same_meeting":"planning_meeting.deadline","summary":"s","cites":["one"]"#,
        );
        assert!(check(&chain).contains("which names another meeting itself"), "{}", check(&chain));
        let other = r#"{"id":"minimal-first-disabled","topic":"review.first","status":"not_stated","when":{"team":["disability"]},"summary":"s","cites":[],"note":null}"#;
        let text = check(&with_planning(&format!("{PLANNING},{other}")));
        assert!(text.contains("but minimal-first-disabled on that topic could apply too"), "{text}");
    }

    #[test]
    fn contradicting_stated_timescales_are_reported() {
        let contradicting = GOOD.replace(
            r#"{"id":"minimal-interval-other","topic":"review.interval","status":"not_stated","summary":"s","cites":[],"note":null}"#,
            r#"{"id":"minimal-interval-2","topic":"review.interval","status":"stated","when":{"team":["disability"]},"value":{"kind":"recurring","amount":6,"unit":"months","since":"previous_review"},"summary":"s","cites":["two"],"note":null}"#,
        );
        assert!(check(&contradicting).contains("different timescales for review.interval"));
    }
}
