//! `rules.json`: each authority's procedure as typed, cited rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How sure a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The source says it clearly.
    Stated,
    /// The source does not say it.
    NotStated,
    /// The source is unclear or contradicts itself: every reading is given.
    Ambiguous,
}

impl Status {
    /// The label shown on a rule card.
    pub fn label(self) -> &'static str {
        match self {
            Status::Stated => "Stated",
            Status::NotStated => "Not stated",
            Status::Ambiguous => "Ambiguous",
        }
    }

    /// The stable id used in published data and CSS classes.
    pub fn id(self) -> &'static str {
        match self {
            Status::Stated => "stated",
            Status::NotStated => "not_stated",
            Status::Ambiguous => "ambiguous",
        }
    }
}

/// The unit of a timescale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Calendar days.
    Days,
    /// Monday to Friday, not bank holidays.
    WorkingDays,
    /// Weeks of seven days.
    Weeks,
    /// Calendar months.
    Months,
}

impl Unit {
    /// The unit's name for an amount, e.g. "working days", "1 week".
    pub fn name(self, amount: u32) -> &'static str {
        let one = amount == 1;
        match self {
            Unit::Days if one => "calendar day",
            Unit::Days => "calendar days",
            Unit::WorkingDays if one => "working day",
            Unit::WorkingDays => "working days",
            Unit::Weeks if one => "week",
            Unit::Weeks => "weeks",
            Unit::Months if one => "month",
            Unit::Months => "months",
        }
    }
}

/// One review outcome in the authority's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The outcome id: close, step_down, continue, core_assessment, strategy_discussion, safeguarding_procedures,
    /// specific_review.
    pub id: String,
    /// The authority's own wording.
    pub label: String,
    /// The named service a case goes to, where there is one.
    pub destination: Option<String>,
    /// The review findings (`review_finding` answers) the source says lead to this outcome; empty where it does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

/// Another plan that, in the authority's words, takes the child out of this procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The `other_plan` answer it corresponds to: child_protection, looked_after or pathway.
    pub id: String,
    /// The authority's own words for it.
    pub label: String,
}

/// A rule's typed value. In JSON it is one object whose `kind` says which fields it has; it is read through
/// [`Flat`] because serde's internally tagged enums buffer their input and add much to the wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Flat", into = "Flat")]
pub enum Value {
    /// Once, within `amount` `unit`s after `after`.
    Deadline {
        /// How many units.
        amount: u32,
        /// The unit.
        unit: Unit,
        /// The event it counts from.
        after: String,
    },
    /// Repeatedly, at most `amount` `unit`s apart, counting from `since`.
    Recurring {
        /// How many units.
        amount: u32,
        /// The unit.
        unit: Unit,
        /// The event it counts from.
        since: String,
    },
    /// Before an event, with no fixed time.
    Before {
        /// The event.
        event: String,
        /// The source's words for when.
        timing: String,
    },
    /// When something is to run beyond `amount` `unit`s from `since`, `then` must happen.
    Threshold {
        /// How many units.
        amount: u32,
        /// The unit.
        unit: Unit,
        /// The event it counts from.
        since: String,
        /// What must happen.
        then: String,
    },
    /// Who does it: any one of these roles.
    Roles {
        /// Role ids from `content/roles.json`.
        roles: Vec<String>,
        /// Whether the source says "usually".
        usually: bool,
    },
    /// A list in the project's words.
    List {
        /// The items.
        items: Vec<String>,
    },
    /// Review outcomes.
    Outcomes {
        /// The outcomes.
        outcomes: Vec<Outcome>,
    },
    /// Other plans that exclude this procedure.
    Plans {
        /// The plans.
        plans: Vec<Plan>,
    },
    /// A case-record system.
    System {
        /// Its name.
        name: String,
    },
    /// Anything else, stated plainly.
    Text {
        /// The statement.
        text: String,
    },
}

/// The kinds of value, as written in `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Deadline,
    Recurring,
    Before,
    Threshold,
    Roles,
    List,
    Outcomes,
    Plans,
    System,
    Text,
}

/// Every field any kind of value can have; which ones a kind needs is checked when it becomes a [`Value`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flat {
    kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    then: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    usually: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcomes: Option<Vec<Outcome>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plans: Option<Vec<Plan>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

fn need<T>(field: Option<T>, kind: &str, name: &str) -> Result<T, String> {
    field.ok_or_else(|| format!("a {kind} value needs `{name}`"))
}

impl TryFrom<Flat> for Value {
    type Error = String;

    fn try_from(f: Flat) -> Result<Self, String> {
        let kind = f.kind.ok_or("a value needs `kind`")?;
        let value = match kind {
            Kind::Deadline => Value::Deadline {
                amount: need(f.amount, "deadline", "amount")?,
                unit: need(f.unit, "deadline", "unit")?,
                after: need(f.after.clone(), "deadline", "after")?,
            },
            Kind::Recurring => Value::Recurring {
                amount: need(f.amount, "recurring", "amount")?,
                unit: need(f.unit, "recurring", "unit")?,
                since: need(f.since.clone(), "recurring", "since")?,
            },
            Kind::Before => Value::Before {
                event: need(f.event.clone(), "before", "event")?,
                timing: need(f.timing.clone(), "before", "timing")?,
            },
            Kind::Threshold => Value::Threshold {
                amount: need(f.amount, "threshold", "amount")?,
                unit: need(f.unit, "threshold", "unit")?,
                since: need(f.since.clone(), "threshold", "since")?,
                then: need(f.then.clone(), "threshold", "then")?,
            },
            Kind::Roles => Value::Roles {
                roles: need(f.roles.clone(), "roles", "roles")?,
                usually: need(f.usually, "roles", "usually")?,
            },
            Kind::List => Value::List { items: need(f.items.clone(), "list", "items")? },
            Kind::Outcomes => Value::Outcomes { outcomes: need(f.outcomes.clone(), "outcomes", "outcomes")? },
            Kind::Plans => Value::Plans { plans: need(f.plans.clone(), "plans", "plans")? },
            Kind::System => Value::System { name: need(f.name.clone(), "system", "name")? },
            Kind::Text => Value::Text { text: need(f.text.clone(), "text", "text")? },
        };
        // A field the kind does not use is a mistake in the content, not something to ignore.
        if Flat::from(value.clone()) != f {
            return Err(format!("a {kind:?} value has a field it does not use"));
        }
        Ok(value)
    }
}

impl From<Value> for Flat {
    fn from(value: Value) -> Self {
        let mut f = Flat::default();
        match value {
            Value::Deadline { amount, unit, after } => {
                (f.kind, f.amount, f.unit, f.after) = (Some(Kind::Deadline), Some(amount), Some(unit), Some(after))
            }
            Value::Recurring { amount, unit, since } => {
                (f.kind, f.amount, f.unit, f.since) = (Some(Kind::Recurring), Some(amount), Some(unit), Some(since))
            }
            Value::Before { event, timing } => {
                (f.kind, f.event, f.timing) = (Some(Kind::Before), Some(event), Some(timing))
            }
            Value::Threshold { amount, unit, since, then } => {
                (f.kind, f.amount, f.unit, f.since, f.then) =
                    (Some(Kind::Threshold), Some(amount), Some(unit), Some(since), Some(then))
            }
            Value::Roles { roles, usually } => {
                (f.kind, f.roles, f.usually) = (Some(Kind::Roles), Some(roles), Some(usually))
            }
            Value::List { items } => (f.kind, f.items) = (Some(Kind::List), Some(items)),
            Value::Outcomes { outcomes } => (f.kind, f.outcomes) = (Some(Kind::Outcomes), Some(outcomes)),
            Value::Plans { plans } => (f.kind, f.plans) = (Some(Kind::Plans), Some(plans)),
            Value::System { name } => (f.kind, f.name) = (Some(Kind::System), Some(name)),
            Value::Text { text } => (f.kind, f.text) = (Some(Kind::Text), Some(text)),
        }
        f
    }
}

impl Value {
    /// The event this value counts from, if it is a timescale.
    pub fn event(&self) -> Option<&str> {
        match self {
            Value::Deadline { after, .. } => Some(after),
            Value::Recurring { since, .. } | Value::Threshold { since, .. } => Some(since),
            Value::Before { event, .. } => Some(event),
            _ => None,
        }
    }
}

/// One reading of an ambiguous rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// What this reading takes the source to mean, e.g. "10 working days".
    pub label: String,
    /// The value under that reading.
    pub value: Value,
    /// The topic of another rule that, under this reading, times the same meeting as this reading does: the
    /// procedure names one meeting for both (e.g. `planning_meeting.deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_meeting: Option<String>,
}

/// One rule of one authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Unique within the authority, starting with its slug.
    pub id: String,
    /// The topic id from `content/topics.json`.
    pub topic: String,
    /// How sure the rule is.
    pub status: Status,
    /// Conditions on wizard answers: key → allowed values. Empty: always applies.
    #[serde(default)]
    pub when: BTreeMap<String, Vec<String>>,
    /// The value, for a stated rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The topic of another rule that times the same meeting as this stated rule: the procedure names one meeting
    /// for both (e.g. `review.first`), so a case's timeline shows it once, on that rule's card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_meeting: Option<String>,
    /// Every reading, for an ambiguous rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// The rule in the project's words.
    pub summary: String,
    /// Section ids of the authority's procedure that state it.
    pub cites: Vec<String>,
    /// The ambiguity, inconsistency or gap, in plain words.
    pub note: Option<String>,
}

/// A rule's value, or one reading of it, that times the same meeting as another topic's rule (`same_meeting`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SameMeeting<'a> {
    /// The reading's label; `None` for the rule's own value.
    pub reading: Option<&'a str>,
    /// The value that times the meeting.
    pub value: &'a Value,
    /// The other topic.
    pub topic: &'a str,
}

impl Rule {
    /// The values this rule can take: its value, or every reading's.
    pub fn values(&self) -> Vec<&Value> {
        match &self.value {
            Some(v) => vec![v],
            None => self.readings.iter().map(|r| &r.value).collect(),
        }
    }

    /// Where this rule, or a reading of it, says it times the same meeting as another topic's rule.
    pub fn same_meetings(&self) -> Vec<SameMeeting<'_>> {
        let own = self.value.as_ref().zip(self.same_meeting.as_deref());
        let own = own.map(|(value, topic)| SameMeeting { reading: None, value, topic });
        let readings = self.readings.iter().filter_map(|r| {
            let topic = r.same_meeting.as_deref()?;
            Some(SameMeeting { reading: Some(r.label.as_str()), value: &r.value, topic })
        });
        own.into_iter().chain(readings).collect()
    }

    /// Whether this is the rule that `carrier`'s `same` names: a stated rule on that topic, under the same
    /// conditions, with the same timescale.
    pub fn is_meeting_of(&self, carrier: &Rule, same: &SameMeeting) -> bool {
        self.topic == same.topic
            && self.status == Status::Stated
            && self.when == carrier.when
            && self.value.as_ref() == Some(same.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Value, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn each_kind_reads_its_own_fields_and_round_trips() {
        let json = r#"{"kind":"recurring","amount":12,"unit":"weeks","since":"previous_review"}"#;
        let value = parse(json).unwrap();
        assert_eq!(value, Value::Recurring { amount: 12, unit: Unit::Weeks, since: "previous_review".into() });
        assert_eq!(serde_json::to_string(&value).unwrap(), json);
    }

    #[test]
    fn missing_and_stray_fields_are_errors() {
        let missing = parse(r#"{"kind":"deadline","amount":15,"unit":"working_days"}"#).unwrap_err();
        assert!(missing.contains("a deadline value needs `after`"), "{missing}");
        let stray = parse(r#"{"kind":"text","text":"t","amount":3}"#).unwrap_err();
        assert!(stray.contains("field it does not use"), "{stray}");
        let unknown = parse(r#"{"kind":"text","text":"t","colour":"red"}"#).unwrap_err();
        assert!(unknown.contains("unknown field `colour`"), "{unknown}");
        assert!(parse(r#"{"text":"t"}"#).unwrap_err().contains("needs `kind`"));
    }
}
