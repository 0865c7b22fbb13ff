//! The shared vocabularies: rule topics, roles, the events a timescale counts from and the wizard's answers.

use serde::{Deserialize, Serialize};

/// A rule topic from `content/topics.json`: a row of the comparison matrix.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The stable id, e.g. `review.interval`.
    pub id: String,
    /// The group it belongs to, e.g. `reviews`.
    pub group: String,
    /// Whether every authority must have a rule (or an explicit `not_stated`) for it.
    pub core: bool,
    /// A short label.
    pub label: String,
    /// One plain-English line on what it covers.
    pub description: String,
    /// The question a quiz asks about it, e.g. "When must the first review be held?".
    #[serde(default)]
    pub ask: String,
    /// Whether its rules are timescales: where a procedure does not state one, a case's timeline says so.
    #[serde(default)]
    pub timescale: bool,
    /// For a one-off deadline, the case date that shows it was met (e.g. the planning meeting held).
    #[serde(default)]
    pub met_by: Option<String>,
    /// For a topic that times one meeting (one with `met_by`), that meeting in a sentence: "the first review".
    #[serde(default)]
    pub meeting: Option<String>,
    /// Whether the wizard's result shows its rules as cards ("who does what").
    #[serde(default)]
    pub on_result: bool,
    /// When the wizard's result puts its rules under "What to do next".
    #[serde(default, skip_serializing_if = "NextFor::is_empty")]
    pub next_for: NextFor,
}

/// When a topic's rules bear on what a worker does next: after some review outcomes, or for some answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextFor {
    /// The outcome ids (of [`OUTCOMES`]) whose next steps include the topic's rules.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// The answer keys whose answer, when a rule's condition on it holds, makes the rule a next step.
    #[serde(default)]
    pub answers: Vec<String>,
}

impl NextFor {
    /// Whether it names no outcome and no answer.
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty() && self.answers.is_empty()
    }
}

/// The case date that shows a deadline on `topic` was met, if the topic has one.
pub fn met_by<'a>(topics: &'a [Topic], topic: &str) -> Option<&'a str> {
    topics.iter().find(|t| t.id == topic).and_then(|t| t.met_by.as_deref())
}

/// The meeting a topic times, in a sentence ("the first review"); the topic's label, or its id, for any other.
pub fn meeting_name<'a>(topics: &'a [Topic], topic: &'a str) -> &'a str {
    topics.iter().find(|t| t.id == topic).map_or(topic, |t| t.meeting.as_deref().unwrap_or(&t.label))
}

/// Whether `topic`'s rules are timescales.
pub fn is_timescale(topics: &[Topic], topic: &str) -> bool {
    topics.iter().any(|t| t.id == topic && t.timescale)
}

/// A role from `content/roles.json`: who does something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The stable id, e.g. `team_manager`.
    pub id: String,
    /// How it reads in a sentence, e.g. "the team manager".
    pub label: String,
}

/// The topic groups in display order, with their headings.
pub const GROUPS: [(&str, &str); 10] = [
    ("scope", "Scope"),
    ("planning_meeting", "Planning meeting"),
    ("plan", "The plan"),
    ("reviews", "Reviews"),
    ("care_team", "Team meetings"),
    ("records", "Records"),
    ("visits", "Visits"),
    ("family", "Family"),
    ("pathways", "Pathways"),
    ("ending", "Ending"),
];

/// The heading of a topic group.
pub fn group_label(group: &str) -> &str {
    GROUPS.iter().find(|(id, _)| *id == group).map_or(group, |(_, label)| label)
}

/// The events a timescale can count from, with how each reads after "after" / "since".
pub const EVENTS: [(&str, &str); 9] = [
    ("assessment_completed", "the assessment is completed"),
    ("plan_established", "the plan is established"),
    ("planning_meeting", "the planning meeting"),
    ("previous_review", "the previous review"),
    ("care_team_meeting", "the previous team meeting"),
    ("meeting_held", "the meeting"),
    ("package_started", "the package of support started"),
    ("order_expires", "the order expires"),
    ("previous_visit", "the previous visit"),
];

/// How an event reads in a sentence, if it is in the vocabulary.
pub fn event_phrase(event: &str) -> Option<&'static str> {
    EVENTS.iter().find(|(id, _)| *id == event).map(|(_, phrase)| *phrase)
}

/// The review outcomes an authority can name, each with how it reads in a short list ("close, step down or
/// continue"). Each means one thing: `strategy_discussion` is a (multi-agency) strategy discussion or meeting;
/// `safeguarding_procedures` is a move into the safeguarding procedures where the procedure names no particular step.
pub const OUTCOMES: [(&str, &str); 7] = [
    ("close", "close"),
    ("step_down", "step down"),
    ("continue", "continue"),
    ("core_assessment", "a core assessment"),
    ("strategy_discussion", "a strategy discussion"),
    ("safeguarding_procedures", "safeguarding procedures"),
    ("specific_review", "a specific review"),
];

/// Whether `id` is a review outcome of [`OUTCOMES`].
pub fn is_outcome(id: &str) -> bool {
    OUTCOMES.iter().any(|(known, _)| *known == id)
}

/// How an outcome reads in a short list ("a core assessment"), if it is in the vocabulary.
pub fn outcome_phrase(id: &str) -> Option<&'static str> {
    OUTCOMES.iter().find(|(known, _)| *known == id).map(|(_, phrase)| *phrase)
}
/// Checks `content/topics.json`: ids safe in an address and used once; every group known; every topic asks a
/// question; a `met_by` names a date the wizard and the deadlines page ask for, and a topic met by a meeting's date
/// names that meeting (`meeting`); `next_for` names known outcomes and answer keys. Each problem is near the topic's id.
pub fn validate_topics(topics: &[Topic]) -> Vec<super::Problem> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for t in topics {
        let mut report = |message: String| {
            problems.push(
                super::Problem::new(super::TOPICS_PATH, format!("topic \"{}\" {message}", t.id)).near_key("id", &t.id),
            )
        };
        if !super::validate::is_safe_key(&t.id) {
            report("has an id that is not safe in an address (lowercase words joined by _ or .)".into());
        }
        if !seen.insert(&t.id) {
            report("is defined twice".into());
        }
        if !GROUPS.iter().any(|(id, _)| *id == t.group) {
            report(format!("is in unknown group \"{}\"", t.group));
        }
        if !t.ask.trim().ends_with('?') {
            report("needs `ask`: the question a quiz asks".into());
        }
        for id in t.next_for.outcomes.iter().filter(|o| !is_outcome(o)) {
            report(format!("is a next step of unknown outcome \"{id}\""));
        }
        for key in t.next_for.answers.iter().filter(|k| !super::questions::is_answer(k)) {
            report(format!("is a next step of unknown answer \"{key}\""));
        }
        if let Some(date) = t.met_by.as_deref().filter(|d| !super::questions::is_date(d)) {
            report(format!("is met by \"{date}\", which is not a date key"));
        }
        if t.met_by.is_some() != t.meeting.is_some() {
            report("needs both `met_by` and `meeting` (the meeting it times), or neither".into());
        }
    }
    problems
}

/// Checks `content/roles.json`: ids safe in an address and used once. Each problem is near the role's id.
pub fn validate_roles(roles: &[Role]) -> Vec<super::Problem> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in roles {
        let mut report = |message: String| {
            problems.push(
                super::Problem::new(super::ROLES_PATH, format!("role \"{}\" {message}", r.id)).near_key("id", &r.id),
            )
        };
        if !super::validate::is_safe_key(&r.id) {
            report("has an id that is not safe in an address (lowercase words joined by _)".into());
        }
        if !seen.insert(&r.id) {
            report("is defined twice".into());
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic_problems(json: &str) -> String {
        let topics = crate::model::parse_topics(json).expect("the topics parse");
        validate_topics(&topics).iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn topics_name_known_groups_and_dates() {
        assert!(crate::model::content_topics().iter().any(|t| t.met_by.as_deref() == Some("previous_review")));
        assert_eq!(validate_topics(&crate::model::content_topics()), vec![]);
        let topic = |group: &str, met_by: &str| {
            format!(
                r#"[{{"id":"x","group":"{group}","core":false,"label":"X","description":"d","ask":"X?","met_by":"{met_by}","meeting":"the x"}}]"#
            )
        };
        assert_eq!(topic_problems(&topic("reviews", "previous_review")), "");
        let unnamed = topic_problems(&topic("reviews", "previous_review").replace(r#","meeting":"the x""#, ""));
        assert!(unnamed.contains("needs both `met_by` and `meeting`"), "{unnamed}");
        let group = topic_problems(&topic("nowhere", "previous_review"));
        assert!(group.contains("unknown group \"nowhere\""), "{group}");
        let date = topic_problems(&topic("reviews", "in_need"));
        assert!(date.contains("not a date key"), "{date}");
        let next = |next_for: &str| {
            format!(
                r#"[{{"id":"x","group":"reviews","core":false,"label":"X","description":"d","ask":"X?","next_for":{next_for}}}]"#
            )
        };
        assert_eq!(topic_problems(&next(r#"{"outcomes":["close"],"answers":["disabled"]}"#)), "");
        let both = topic_problems(&next(r#"{"outcomes":["shrug"],"answers":["plan_established"]}"#));
        assert!(both.contains("unknown outcome \"shrug\""), "{both}");
        assert!(both.contains("unknown answer \"plan_established\""), "every problem is reported: {both}");
        let id = topic_problems(&topic("reviews", "previous_review").replace(r#""id":"x""#, r#""id":"X Y""#));
        assert!(id.contains("topic \"X Y\" has an id that is not safe"), "{id}");
    }

    #[test]
    fn role_ids_are_safe_and_used_once() {
        let role = |id: &str| Role { id: id.into(), label: "r".into() };
        assert_eq!(validate_roles(&[role("social_worker"), role("team_manager")]), vec![]);
        let text: Vec<String> = validate_roles(&[role("social_worker"), role("social_worker"), role("a\"b")])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(text[0].contains("role \"social_worker\" is defined twice"), "{text:?}");
        assert!(text[1].contains("role \"a\"b\" has an id that is not safe"), "{text:?}");
    }
}
