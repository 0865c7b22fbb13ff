//! "What to do next" on the wizard's result: the rules that bear on the outcome reached and on the case's answers.
//! Which topics belong with which outcome or answer is data (`next_for` in `content/topics.json`); this only
//! gathers the authority's rules on them that apply to the case.

use super::Ending;
use crate::model::{Outcome, Rule, Status, Topic};
use crate::timeline::{applicable, Case, DONT_KNOW};

/// One next step: a rule, with the outcomes shown that it bears on (none when it bears on the case's answers).
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep<'a> {
    /// The rule.
    pub rule: &'a Rule,
    /// The outcomes shown that it bears on, in the order shown; empty when it follows from the answers alone.
    pub after: Vec<&'a Outcome>,
}

/// The next steps for a walk's ending, each rule once, in topic order: nothing unless the procedure applies. A
/// rule is a next step when it applies to the case (its answered conditions hold), states something, and its topic
/// is tied to an outcome shown, or to an answer the case gave that the rule's condition depends on.
pub fn next_steps<'a>(ending: &Ending<'a>, rules: &'a [Rule], topics: &[Topic], case: &Case) -> Vec<NextStep<'a>> {
    let Ending::Applies { outcomes, .. } = ending else { return Vec::new() };
    let apply: Vec<&Rule> =
        applicable(rules, case).into_iter().map(|(r, _)| r).filter(|r| r.status != Status::NotStated).collect();
    let answered = |key: &String| case.answers.get(key).is_some_and(|a| a != DONT_KNOW);
    topics
        .iter()
        .flat_map(|t| apply.iter().copied().filter(move |r| r.topic == t.id).map(move |r| (t, r)))
        .filter_map(|(topic, rule)| {
            let after: Vec<&Outcome> =
                outcomes.iter().map(|(_, o)| *o).filter(|o| topic.next_for.outcomes.contains(&o.id)).collect();
            let by_answer = rule.when.keys().any(|k| answered(k) && topic.next_for.answers.contains(k));
            (!after.is_empty() || by_answer).then_some(NextStep { rule, after })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NextFor;

    fn topics() -> Vec<Topic> {
        let t = |id: &str, outcomes: &[&str], answers: &[&str]| Topic {
            id: id.into(),
            next_for: NextFor {
                outcomes: outcomes.iter().map(|s| s.to_string()).collect(),
                answers: answers.iter().map(|s| s.to_string()).collect(),
            },
            ..Topic::default()
        };
        vec![
            t("closure.escalation", &["strategy_discussion"], &[]),
            t("pathway.send_allocation", &["strategy_discussion"], &["disabled"]),
            t("pathway.direct_payments", &[], &["direct_payments_only"]),
            t("review.chair", &[], &[]),
        ]
    }

    fn rules() -> Vec<Rule> {
        serde_json::from_str(
            r#"[
            {"id":"outcomes","topic":"review.outcomes","status":"stated","value":{"kind":"outcomes","outcomes":[
               {"id":"close","label":"Closed","destination":null,"findings":["needs_met"]},
               {"id":"strategy_discussion","label":"Strategy discussion","destination":null,
                "findings":["risk_of_significant_harm"]}]},"summary":"s","cites":[],"note":null},
            {"id":"escalate","topic":"closure.escalation","status":"stated","value":{"kind":"text","text":"t"},
             "summary":"s","cites":[],"note":null},
            {"id":"allocate","topic":"pathway.send_allocation","status":"stated","when":{"disabled":["yes"]},
             "value":{"kind":"text","text":"t"},"summary":"s","cites":[],"note":null},
            {"id":"payments","topic":"pathway.direct_payments","status":"stated","when":{"direct_payments_only":["yes"]},
             "value":{"kind":"text","text":"t"},"summary":"s","cites":[],"note":null},
            {"id":"payments-gap","topic":"pathway.direct_payments","status":"not_stated",
             "when":{"direct_payments_only":["no"]},"summary":"s","cites":[],"note":null},
            {"id":"chair","topic":"review.chair","status":"stated","value":{"kind":"text","text":"t"},
             "summary":"s","cites":[],"note":null}
            ]"#,
        )
        .unwrap()
    }

    fn case(answers: &[(&str, &str)]) -> Case {
        let mut case = Case::default();
        for (k, v) in answers {
            case.answers.insert(k.to_string(), v.to_string());
        }
        case
    }

    fn ids(steps: &[NextStep]) -> Vec<(String, Vec<String>)> {
        steps.iter().map(|s| (s.rule.id.clone(), s.after.iter().map(|o| o.id.clone()).collect())).collect()
    }

    fn pair(rule: &str, after: &[&str]) -> (String, Vec<String>) {
        (rule.to_owned(), after.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn an_outcome_brings_the_rules_on_its_topics_and_an_answer_the_rules_that_depend_on_it() {
        let (rules, topics) = (rules(), topics());
        let all = crate::wizard::outcomes(&rules);
        let ending = |ids: &[&str]| Ending::Applies {
            outcomes: all.iter().copied().filter(|(_, o)| ids.contains(&o.id.as_str())).collect(),
            unmapped_finding: false,
            untied: false,
        };
        let escalate = ending(&["strategy_discussion"]);
        // Unanswered, the allocation rule for disabled children still bears on the outcome (it may apply).
        let steps = next_steps(&escalate, &rules, &topics, &case(&[]));
        assert_eq!(
            ids(&steps),
            [pair("escalate", &["strategy_discussion"]), pair("allocate", &["strategy_discussion"])]
        );
        // A child who is not disabled: the allocation rule does not apply, so it is not a next step.
        let steps = next_steps(&escalate, &rules, &topics, &case(&[("disabled", "no")]));
        assert_eq!(ids(&steps), [pair("escalate", &["strategy_discussion"])]);
        // Closing brings no outcome step here; direct payments as the only service brings its own rule.
        let close = ending(&["close"]);
        let steps = next_steps(&close, &rules, &topics, &case(&[("direct_payments_only", "yes"), ("disabled", "yes")]));
        assert_eq!(ids(&steps), [pair("allocate", &[]), pair("payments", &[])]);
        // Both outcomes shown: each rule once, with the outcomes it bears on.
        let both = ending(&["close", "strategy_discussion"]);
        let steps = next_steps(&both, &rules, &topics, &case(&[("disabled", "yes")]));
        assert_eq!(
            ids(&steps),
            [pair("escalate", &["strategy_discussion"]), pair("allocate", &["strategy_discussion"])]
        );
        // "I don't know" is not an answer a rule can follow from; a rule that states nothing is never a step.
        assert!(next_steps(&close, &rules, &topics, &case(&[("direct_payments_only", "no")])).is_empty());
        assert!(next_steps(&close, &rules, &topics, &case(&[("direct_payments_only", DONT_KNOW)])).is_empty());
        assert!(next_steps(&Ending::NotInNeed, &rules, &topics, &case(&[("disabled", "yes")])).is_empty());
    }
}
