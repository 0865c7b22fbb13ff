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
    /// The outcome id: close, step_down, continue, core_assessment, strategy_discussion, specific_review.
    pub id: String,
    /// The authority's own wording.
    pub label: String,
    /// The named service a case goes to, where there is one.
    pub destination: Option<String>,
}

/// A rule's typed value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
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

impl Rule {
    /// The values this rule can take: its value, or every reading's.
    pub fn values(&self) -> Vec<&Value> {
        match &self.value {
            Some(v) => vec![v],
            None => self.readings.iter().map(|r| &r.value).collect(),
        }
    }
}
