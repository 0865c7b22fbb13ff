//! One table for every answer key of DESIGN §5 that the wizard and the deadlines page ask: its question, hint,
//! stage, and either its choices (each with its label and how it reads as a rule's condition) or that it is a
//! date. Every page and check reads a key's words from here.

/// One choice of an answer key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value, as it appears in the address and in a rule's `when`.
    pub value: &'static str,
    /// How it reads as an answer ("A child protection plan").
    pub label: &'static str,
    /// How it reads as a rule's condition, after "For" ("children with a child protection plan").
    pub condition: &'static str,
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asks {
    /// One of these choices.
    Choice(&'static [Choice]),
    /// One of the authority's own teams (from its `authority.json`).
    Team,
    /// A date, `YYYY-MM-DD` in the address.
    Date,
}

/// An answer key with everything a page says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key, as in the address.
    pub key: &'static str,
    /// The question as asked; for a date, its label.
    pub question: &'static str,
    /// A line under the question (empty for none).
    pub hint: &'static str,
    /// The stage of the case it belongs to, for the wizard's progress line and map.
    pub stage: &'static str,
    /// What it asks for.
    pub asks: Asks,
}

/// A yes/no question's choices, with how each reads as a condition.
const fn yes_no(yes: &'static str, no: &'static str) -> [Choice; 2] {
    [Choice { value: "yes", label: "Yes", condition: yes }, Choice { value: "no", label: "No", condition: no }]
}

const IN_NEED: [Choice; 2] = yes_no("children assessed as in need", "children not assessed as in need");
const DISABLED: [Choice; 2] = yes_no("disabled children", "children who are not disabled");
const DIRECT_PAYMENTS_ONLY: [Choice; 2] =
    yes_no("children whose only service is direct payments", "children with services other than direct payments");
const COMPLEX_PACKAGE: [Choice; 2] =
    yes_no("complex packages of support", "cases without a complex package of support");
const S47_ASSESSMENT: [Choice; 2] =
    yes_no("assessments started by section 47 enquiries", "assessments not started by section 47 enquiries");
const CONFERENCE_CONVENED: [Choice; 2] = yes_no(
    "cases where a child protection conference has been called",
    "cases where no child protection conference has been called",
);

const APPLIES: &str = "Does this procedure apply?";
const PLANNING: &str = "Planning";
const REVIEWS: &str = "Reviews";

/// Every answer key: the choices first, then the dates in the order a case meets them.
pub const KEYS: [Key; 20] = [
    Key {
        key: "in_need",
        question: "Has the child been assessed as in need?",
        hint: "Under section 17 of the Children Act 1989, as the assessment found.",
        stage: APPLIES,
        asks: Asks::Choice(&IN_NEED),
    },
    Key {
        key: "other_plan",
        question: "Does the child have another plan?",
        hint: "A plan the child already has, which some procedures say takes the place of a Child in Need plan.",
        stage: APPLIES,
        asks: Asks::Choice(&[
            Choice { value: "none", label: "No other plan", condition: "children with no other plan" },
            Choice {
                value: "child_protection",
                label: "A child protection plan",
                condition: "children with a child protection plan",
            },
            Choice {
                value: "looked_after",
                label: "Looked after, with a care plan",
                condition: "looked-after children",
            },
            Choice { value: "pathway", label: "A pathway plan", condition: "young people with a pathway plan" },
        ]),
    },
    Key {
        key: "route",
        question: "How did the case come to a Child in Need plan?",
        hint: "",
        stage: APPLIES,
        asks: Asks::Choice(&[
            Choice { value: "assessment", label: "An assessment", condition: "plans that follow an assessment" },
            Choice {
                value: "cp_step_down",
                label: "A child protection plan ended",
                condition: "plans that follow the end of a child protection plan",
            },
            Choice {
                value: "lac_ceased",
                label: "The child stopped being looked after",
                condition: "plans made when the child stopped being looked after",
            },
            Choice {
                value: "supervision_order",
                label: "A supervision order",
                condition: "plans that follow a supervision order",
            },
            Choice {
                value: "private_law_report",
                label: "A report in private law proceedings",
                condition: "plans that follow a report in private law proceedings",
            },
            Choice {
                value: "sgo_support",
                label: "Support under a special guardianship order",
                condition: "plans that support a special guardianship order",
            },
        ]),
    },
    Key {
        key: "s47_assessment",
        question: "Was the assessment started by section 47 enquiries?",
        hint: "Child protection enquiries under section 47 of the Children Act 1989.",
        stage: PLANNING,
        asks: Asks::Choice(&S47_ASSESSMENT),
    },
    Key {
        key: "conference_convened",
        question: "Has a child protection conference been called about the child?",
        hint: "An initial or review child protection conference in this case, whether or not it has met yet.",
        stage: PLANNING,
        asks: Asks::Choice(&CONFERENCE_CONVENED),
    },
    Key { key: "team", question: "Which team holds the case?", hint: "", stage: PLANNING, asks: Asks::Team },
    Key {
        key: "case_holder",
        question: "Who holds the case?",
        hint: "The worker the case is allocated to. Some workers who hold cases, such as support officers, are not \
               qualified social workers.",
        stage: PLANNING,
        asks: Asks::Choice(&[
            Choice {
                value: "social_worker",
                label: "A qualified social worker",
                condition: "cases held by a qualified social worker",
            },
            Choice {
                value: "non_qualified",
                label: "A worker who is not a qualified social worker",
                condition: "cases held by a worker who is not a qualified social worker",
            },
            Choice {
                value: "unallocated",
                label: "No one: the case is not allocated",
                condition: "cases not allocated to a worker",
            },
        ]),
    },
    Key {
        key: "disabled",
        question: "Is the child disabled?",
        hint: "",
        stage: PLANNING,
        asks: Asks::Choice(&DISABLED),
    },
    Key {
        key: "direct_payments_only",
        question: "Are direct payments the only service?",
        hint: "",
        stage: PLANNING,
        asks: Asks::Choice(&DIRECT_PAYMENTS_ONLY),
    },
    Key {
        key: "complex_package",
        question: "Is there a complex package of support?",
        hint: "",
        stage: PLANNING,
        asks: Asks::Choice(&COMPLEX_PACKAGE),
    },
    Key {
        key: "becoming_looked_after",
        question: "Does the plan provide for the child becoming looked after?",
        hint: "Whether the plan finds that only becoming looked after would meet the child's needs, or its \
               contingency plan allows for it.",
        stage: PLANNING,
        asks: Asks::Choice(&[
            Choice {
                value: "needed",
                label: "Yes: only becoming looked after would meet the child's needs",
                condition: "plans under which only becoming looked after would meet the child's needs",
            },
            Choice {
                value: "contingency",
                label: "Only in the contingency plan",
                condition: "plans whose contingency arrangements allow for the child becoming looked after",
            },
            Choice {
                value: "no",
                label: "No",
                condition: "plans that do not provide for the child becoming looked after",
            },
        ]),
    },
    Key {
        key: "review_finding",
        question: "What did the last review find?",
        hint: "What the last Child in Need review found about the child's needs.",
        stage: "Review outcome",
        asks: Asks::Choice(&[
            Choice {
                value: "needs_met",
                label: "The child's needs are met",
                condition: "a review that finds the child's needs are met",
            },
            Choice {
                value: "same_needs",
                label: "The same needs continue",
                condition: "a review that finds the same needs continue",
            },
            Choice {
                value: "more_needs",
                label: "The needs have grown",
                condition: "a review that finds the needs have grown",
            },
            Choice {
                value: "risk_of_significant_harm",
                label: "A risk of significant harm",
                condition: "a review that finds a risk of significant harm",
            },
        ]),
    },
    date("assessment_completed", "Date the assessment was completed", PLANNING),
    date("plan_established", "Date the plan was agreed", PLANNING),
    date("planning_meeting", "Date of the planning meeting", PLANNING),
    date("previous_review", "Date of the last review", REVIEWS),
    date("care_team_meeting", "Date of the last team meeting", REVIEWS),
    date("previous_visit", "Date of the last visit", REVIEWS),
    date("package_started", "Date the package of support started", REVIEWS),
    date("order_expires", "Date the order expires", PLANNING),
];

const fn date(key: &'static str, question: &'static str, stage: &'static str) -> Key {
    Key { key, question, hint: "", stage, asks: Asks::Date }
}

/// The key's entry, if it is an answer key.
pub fn key(id: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.key == id)
}

/// The keys that take a choice (the authority's teams included), in the table's order.
pub fn answer_keys() -> impl Iterator<Item = &'static Key> {
    KEYS.iter().filter(|k| k.asks != Asks::Date)
}

/// The keys that take a date, in the order a case meets them.
pub fn date_keys() -> impl Iterator<Item = &'static Key> {
    KEYS.iter().filter(|k| k.asks == Asks::Date)
}

/// Whether `id` is an answer key that takes a date.
pub fn is_date(id: &str) -> bool {
    key(id).is_some_and(|k| k.asks == Asks::Date)
}

/// Whether `id` is an answer key that takes a choice.
pub fn is_answer(id: &str) -> bool {
    key(id).is_some_and(|k| k.asks != Asks::Date)
}

impl Key {
    /// The key's fixed choices (none for dates and teams).
    pub fn choices(&self) -> &'static [Choice] {
        match self.asks {
            Asks::Choice(choices) => choices,
            Asks::Team | Asks::Date => &[],
        }
    }

    /// The choice with this value, if the key has it.
    pub fn choice(&self, value: &str) -> Option<&'static Choice> {
        self.choices().iter().find(|c| c.value == value)
    }
}

/// A key's choices as (value, label); for `team`, the authority's own teams.
pub fn choices_for(id: &str, authority: &crate::model::Authority) -> Vec<(String, String)> {
    match key(id).map(|k| k.asks) {
        Some(Asks::Team) => authority.vocabulary.teams.iter().map(|t| (t.id.clone(), t.name.clone())).collect(),
        Some(Asks::Choice(choices)) => choices.iter().map(|c| (c.value.to_owned(), c.label.to_owned())).collect(),
        Some(Asks::Date) | None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_listed_once_with_its_words() {
        for (i, k) in KEYS.iter().enumerate() {
            assert!(KEYS[..i].iter().all(|other| other.key != k.key), "{} twice", k.key);
            assert!(!k.question.is_empty() && !k.stage.is_empty(), "{}", k.key);
            for c in k.choices() {
                assert!(!c.label.is_empty() && !c.condition.is_empty(), "{}={}", k.key, c.value);
                // Plain words, as they follow "For": no answer value or code ("plans that start from: cp step down").
                assert!(!c.condition.contains([':', '_']), "{}={}: {:?}", k.key, c.value, c.condition);
            }
        }
        assert_eq!(answer_keys().count() + date_keys().count(), KEYS.len());
        assert!(is_date("plan_established") && !is_date("team") && is_answer("team") && !is_answer("nope"));
        assert_eq!(key("other_plan").and_then(|k| k.choice("pathway")).map(|c| c.label), Some("A pathway plan"));
    }
}
