//! Quiz questions made from an authority's typed rules: timescales, roles, review outcomes, the plans that take a
//! child out of the procedure, and the gaps — where the procedure says nothing the right answer is "The procedure
//! does not say", and where it is ambiguous the answer names the readings. Wrong choices come from the other
//! authorities' values on the same topic and from near values, never equal to the right one in exact units.

use crate::compare::key::value_key;
use crate::compare::{rows, Library, Row};
use crate::model::questions::key;
use crate::model::{describe_value, describe_when, AuthorityData, Role, Rule, Status, Topic, Unit, Value};

/// The answer where the procedure says nothing.
pub const NOT_SAID: &str = "The procedure does not say";

/// At most this many wrong choices beside the right one.
const WRONG: usize = 3;

/// One quiz question, with its right answer and the wrong choices offered beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable across builds: the rule's id (with the finding, for an outcome), or the topic's for a gap.
    pub id: String,
    /// The topic id.
    pub topic: String,
    /// The topic's group.
    pub group: String,
    /// The question, as the page's heading.
    pub prompt: String,
    /// The right answer, in the procedure's terms.
    pub right: String,
    /// Wrong choices, none equal to the right one.
    pub wrong: Vec<String>,
    /// The rule in plain words.
    pub rule: String,
    /// The readings of an ambiguous rule, each in its words (empty otherwise).
    pub readings: Vec<String>,
    /// The sections the rule cites.
    pub cites: Vec<String>,
    /// Where other authorities say something different on the topic: one line, or empty.
    pub elsewhere: String,
}

impl Question {
    /// The choices in the order a page shows them: the right one among the wrong, placed by `seed`.
    pub fn choices(&self, seed: u64) -> Vec<String> {
        let mut all = self.wrong.clone();
        let at = (mix(seed ^ hash(&self.id)) % (all.len() as u64 + 1)) as usize;
        all.insert(at, self.right.clone());
        all
    }
}

/// A well-spread 64-bit mix of a number (splitmix64's finaliser): the quiz's only source of chance, so a seed
/// always gives the same quiz.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A stable hash of a text ([`crate::fnv`]), to mix with a seed.
pub fn hash(text: &str) -> u64 {
    crate::fnv::of(text)
}

/// A question after a rule's conditions where it has any ("For cases held by …, how often …?").
fn conditioned(ask: &str, rule: Option<&Rule>, book: &AuthorityData) -> String {
    match rule.and_then(|r| describe_when(&r.when, &book.authority.vocabulary)) {
        Some(when) => {
            let mut chars = ask.chars();
            let ask: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
            format!("{when}, {ask}")
        }
        None => capitalised(ask),
    }
}

/// The text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// An answer's words for a typed value: timescales and roles as the rule card reads them, plans by their labels,
/// lists and outcomes item by item, with a capital letter.
pub fn in_words(value: &Value, roles: &[Role]) -> String {
    let text = match value {
        Value::Plans { plans } => {
            let labels: Vec<&str> = plans.iter().map(|p| p.label.as_str()).collect();
            match labels.as_slice() {
                [] => String::new(),
                [one] => (*one).to_owned(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
            }
        }
        Value::List { items } => items.join("; "),
        Value::Outcomes { outcomes } => outcomes.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join("; "),
        other => describe_value(other, roles),
    };
    capitalised(&text)
}

fn answer(value: &Value, library: &Library) -> String {
    in_words(value, &library.roles)
}

/// Whether a value makes a question with short, telling choices.
fn askable(value: &Value) -> bool {
    matches!(
        value,
        Value::Deadline { .. }
            | Value::Recurring { .. }
            | Value::Threshold { .. }
            | Value::Roles { .. }
            | Value::Plans { .. }
            | Value::System { .. }
    )
}

/// Timescales near a value, in other units or amounts (10 vs 15 working days; 12 weeks vs 3 months).
fn near(value: &Value) -> Vec<Value> {
    let (amount, unit) = match value {
        Value::Deadline { amount, unit, .. }
        | Value::Recurring { amount, unit, .. }
        | Value::Threshold { amount, unit, .. } => (*amount, *unit),
        _ => return Vec::new(),
    };
    let spans: Vec<(u32, Unit)> = match unit {
        Unit::WorkingDays => {
            vec![(amount, Unit::Days), (amount + 5, Unit::WorkingDays), (amount.saturating_sub(5), Unit::WorkingDays)]
        }
        Unit::Days => {
            vec![(amount, Unit::WorkingDays), (amount + 7, Unit::Days), (amount.saturating_sub(7), Unit::Days)]
        }
        Unit::Weeks => vec![(amount.div_ceil(4), Unit::Months), (amount + 4, Unit::Weeks), (amount * 2, Unit::Weeks)],
        Unit::Months => {
            vec![(amount * 4, Unit::Weeks), (amount + 3, Unit::Months), (amount.saturating_sub(1), Unit::Months)]
        }
    };
    spans
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| match value.clone() {
            Value::Deadline { after, .. } => Value::Deadline { amount: n, unit: u, after },
            Value::Recurring { since, .. } => Value::Recurring { amount: n, unit: u, since },
            Value::Threshold { since, then, .. } => Value::Threshold { amount: n, unit: u, since, then },
            other => other,
        })
        .collect()
}

/// The values every other authority states on `topic`.
fn others_values<'a>(library: &'a Library, book: &AuthorityData, topic: &str) -> Vec<&'a Value> {
    library
        .books
        .iter()
        .filter(|b| b.authority.slug != book.authority.slug)
        .flat_map(|b| b.rules.iter().filter(|r| r.topic == topic && r.status == Status::Stated))
        .filter_map(|r| r.value.as_ref())
        .collect()
}

/// Wrong choices where the procedure says nothing: what the other authorities say on the topic (a short value
/// where there is one, else their rule in plain words), or that it is stated when none says anything.
fn what_others_say(library: &Library, book: &AuthorityData, topic: &str) -> Vec<String> {
    let stated = library
        .books
        .iter()
        .filter(|b| b.authority.slug != book.authority.slug)
        .flat_map(|b| b.rules.iter().filter(|r| r.topic == topic && r.status == Status::Stated));
    let mut out: Vec<String> = Vec::new();
    for rule in stated {
        let text = match rule.value.as_ref().filter(|v| askable(v)) {
            Some(value) => answer(value, library),
            None => rule.summary.clone(),
        };
        if !out.contains(&text) && out.len() < WRONG {
            out.push(text);
        }
    }
    if out.is_empty() {
        out.push("It is stated in the procedure".to_owned());
    }
    out
}

/// Wrong choices for a stated value: other authorities' values, near values and other roles, then "does not say";
/// none has the right value's key (so none equals it in exact units) or its words.
fn wrong_choices(value: &Value, library: &Library, book: &AuthorityData, topic: &str) -> Vec<String> {
    let right_key = value_key(value);
    let mut candidates: Vec<Value> = others_values(library, book, topic).into_iter().cloned().collect();
    candidates.extend(near(value));
    if let Value::Roles { roles, .. } = value {
        let more = library.roles.iter().filter(|r| !roles.contains(&r.id));
        candidates.extend(more.map(|r| Value::Roles { roles: vec![r.id.clone()], usually: false }));
    }
    if let Value::Plans { plans } = value {
        for skip in 0..plans.len().min(3) {
            let fewer = plans.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, p)| p.clone()).collect();
            candidates.push(Value::Plans { plans: fewer });
        }
    }
    let right = answer(value, library);
    let mut out: Vec<String> = Vec::new();
    for candidate in candidates.iter().filter(|c| askable(c) && value_key(c) != right_key) {
        let text = answer(candidate, library);
        if !text.is_empty() && text != right && !out.contains(&text) && out.len() < WRONG - 1 {
            out.push(text);
        }
    }
    out.push(NOT_SAID.to_owned());
    out
}

/// How the other authorities differ on `topic` from this one, in one line ("In {authority}: at least every 12 weeks …"),
/// or empty where they all agree with it.
fn elsewhere(library: &Library, all: &[Row], book: &AuthorityData, topic: &str) -> String {
    let Some(row) = all.iter().find(|r| r.topic.id == topic) else { return String::new() };
    let Some(mine) = library.books.iter().position(|b| b.authority.slug == book.authority.slug) else {
        return String::new();
    };
    let parts: Vec<String> = row
        .cells
        .iter()
        .zip(&library.books)
        .filter(|(cell, _)| cell.key != row.cells[mine].key)
        .map(|(cell, other)| {
            let said: Vec<String> = cell
                .rules
                .iter()
                .map(|r| {
                    let what = match (r.status, r.value.as_ref()) {
                        (Status::Stated, Some(Value::List { .. })) => "a different list".to_owned(),
                        (Status::Stated, Some(Value::Outcomes { .. })) => "different outcomes".to_owned(),
                        (Status::Stated, Some(v @ Value::Plans { .. })) => answer(v, library),
                        (Status::Stated, Some(v)) => describe_value(v, &library.roles),
                        (Status::Ambiguous, _) => "it is ambiguous".to_owned(),
                        _ => "the procedure does not say".to_owned(),
                    };
                    match describe_when(&r.when, &other.authority.vocabulary) {
                        Some(when) => format!("{} ({})", what, when.to_lowercase()),
                        None => what,
                    }
                })
                .collect();
            let said = if said.is_empty() { "the procedure does not say".to_owned() } else { said.join("; ") };
            format!("In {}: {said}.", other.authority.short_name)
        })
        .collect();
    parts.join(" ")
}

/// The right answer of an ambiguous rule: the ambiguity, with each reading where they are short, or how many
/// there are (the feedback lists them).
fn ambiguity(rule: &Rule) -> String {
    let readings: Vec<&str> = rule.readings.iter().map(|r| r.label.as_str()).collect();
    let all = readings.join("; or ");
    match all.chars().count() <= 80 {
        true => format!("It is ambiguous: {all}"),
        false => format!("It is ambiguous: the procedure can be read in {} ways", readings.len()),
    }
}

/// One question for a rule on `topic` (or for the topic's gap when `rule` is `None`); outcome rules are asked
/// per finding by [`outcome_questions`].
fn question(
    library: &Library,
    all: &[Row],
    book: &AuthorityData,
    topic: &Topic,
    rule: Option<&Rule>,
) -> Option<Question> {
    let (right, wrong) = match rule.map(|r| (r.status, r.value.as_ref())) {
        Some((Status::Stated, Some(value))) if askable(value) => {
            (answer(value, library), wrong_choices(value, library, book, &topic.id))
        }
        Some((Status::Stated, _)) => return None,
        Some((Status::Ambiguous, _)) => {
            let rule = rule?;
            let mut wrong: Vec<String> = rule
                .readings
                .iter()
                .filter(|r| askable(&r.value))
                .map(|r| answer(&r.value, library))
                .take(WRONG - 1)
                .collect();
            if wrong.is_empty() {
                wrong = rule.readings.iter().map(|r| r.label.clone()).take(WRONG - 1).collect();
            }
            wrong.push(NOT_SAID.to_owned());
            (ambiguity(rule), wrong)
        }
        None | Some((Status::NotStated, _)) => (NOT_SAID.to_owned(), what_others_say(library, book, &topic.id)),
    };
    let id = rule.map_or_else(|| format!("{}.{}.gap", book.authority.slug, topic.id), |r| r.id.clone());
    let plain = match rule {
        Some(r) => r.summary.clone(),
        None => format!("{}'s procedure has no rule on this.", book.authority.short_name),
    };
    Some(Question {
        id,
        topic: topic.id.clone(),
        group: topic.group.clone(),
        prompt: conditioned(&topic.ask, rule, book),
        right,
        wrong,
        rule: plain,
        readings: rule.map(|r| r.readings.iter().map(|x| x.label.clone()).collect()).unwrap_or_default(),
        cites: rule.map(|r| r.cites.clone()).unwrap_or_default(),
        elsewhere: elsewhere(library, all, book, &topic.id),
    })
}

/// The outcomes an outcome rule gives for a review finding, in order.
fn for_finding<'a>(rule: &'a Rule, finding: &str) -> Vec<&'a crate::model::Outcome> {
    match &rule.value {
        Some(Value::Outcomes { outcomes }) => {
            outcomes.iter().filter(|o| o.findings.iter().any(|f| f == finding)).collect()
        }
        _ => Vec::new(),
    }
}

/// Outcome labels as one answer.
fn outcome_names(list: &[&crate::model::Outcome]) -> String {
    list.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join(", then ")
}

/// "The review finds …: what follows?" for each finding an outcome rule names; the other authorities' outcomes for
/// the same finding, where they differ, make the line on what happens elsewhere.
fn outcome_questions(library: &Library, book: &AuthorityData, topic: &Topic, rule: &Rule) -> Vec<Question> {
    let Some(Value::Outcomes { outcomes }) = &rule.value else { return Vec::new() };
    let mut findings: Vec<&str> = outcomes.iter().flat_map(|o| o.findings.iter().map(String::as_str)).collect();
    findings.sort_unstable();
    findings.dedup();
    findings
        .into_iter()
        .filter_map(|finding| {
            let label = key("review_finding").and_then(|k| k.choice(finding)).map(|c| c.label)?;
            let right = for_finding(rule, finding);
            let ids: Vec<&str> = right.iter().map(|o| o.id.as_str()).collect();
            let mut wrong: Vec<String> = Vec::new();
            for o in outcomes.iter().filter(|o| !ids.contains(&o.id.as_str())) {
                if !wrong.contains(&o.label) && wrong.len() < WRONG {
                    wrong.push(o.label.clone());
                }
            }
            if wrong.is_empty() {
                return None;
            }
            let elsewhere: Vec<String> = library
                .books
                .iter()
                .filter(|b| b.authority.slug != book.authority.slug)
                .filter_map(|b| {
                    let theirs: Vec<&crate::model::Outcome> =
                        b.rules.iter().filter(|r| r.topic == topic.id).flat_map(|r| for_finding(r, finding)).collect();
                    let their_ids: Vec<&str> = theirs.iter().map(|o| o.id.as_str()).collect();
                    (!theirs.is_empty() && their_ids != ids)
                        .then(|| format!("In {}: {}.", b.authority.short_name, outcome_names(&theirs)))
                })
                .collect();
            let asked = format!("the review finds: {}. What follows?", label.to_lowercase());
            Some(Question {
                id: format!("{}.{finding}", rule.id),
                topic: topic.id.clone(),
                group: topic.group.clone(),
                prompt: conditioned(&asked, Some(rule), book),
                right: outcome_names(&right),
                wrong,
                rule: rule.summary.clone(),
                readings: Vec::new(),
                cites: rule.cites.clone(),
                elsewhere: elsewhere.join(" "),
            })
        })
        .collect()
}

/// Every question the authority's rules give, in topic order: one per askable rule, one per outcome finding,
/// and one per core topic the procedure has no rule on.
pub fn bank(library: &Library, slug: &str) -> Vec<Question> {
    let Some(book) = library.books.iter().find(|b| b.authority.slug == slug) else { return Vec::new() };
    let all = rows(library);
    let mut out = Vec::new();
    for topic in &library.topics {
        let rules: Vec<&Rule> = book.rules.iter().filter(|r| r.topic == topic.id).collect();
        if rules.is_empty() && topic.core {
            out.extend(question(library, &all, book, topic, None));
        }
        for rule in rules {
            let made = match &rule.value {
                Some(Value::Outcomes { .. }) => outcome_questions(library, book, topic, rule),
                _ => question(library, &all, book, topic, Some(rule)).into_iter().collect(),
            };
            // The same finding can be asked under two topics (review outcomes and escalation): ask it once.
            for q in made {
                if !out.iter().any(|o: &Question| o.prompt == q.prompt) {
                    out.push(q);
                }
            }
        }
    }
    out
}

/// The topics on which two authorities' procedures say different things (their rules differ in what they
/// state, in status or in conditions).
pub fn differing_topics(library: &Library, one: &str, other: &str) -> Vec<String> {
    let at = |slug: &str| library.books.iter().position(|b| b.authority.slug == slug);
    let (Some(a), Some(b)) = (at(one), at(other)) else { return Vec::new() };
    rows(library).iter().filter(|r| r.cells[a].key != r.cells[b].key).map(|r| r.topic.id.clone()).collect()
}

#[cfg(test)]
mod tests;
