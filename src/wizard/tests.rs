use super::*;
use crate::model::parse_authority;
use chrono::NaiveDate;

fn authority() -> Authority {
    parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap()
}

fn rules() -> Vec<Rule> {
    serde_json::from_str(
        r#"[
      {"id":"m-ex","topic":"scope.excluded_plans","status":"stated","value":{"kind":"plans","plans":[
        {"id":"child_protection","label":"A Child Protection Plan"}]},"summary":"s","cites":["one"],"note":null},
      {"id":"m-first","topic":"review.first","status":"stated","when":{"disabled":["yes"]},
       "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},"summary":"s","cites":["one"],"note":null},
      {"id":"m-out","topic":"review.outcomes","status":"stated","value":{"kind":"outcomes","outcomes":[
        {"id":"close","label":"Closed","destination":null,"findings":["needs_met"]},
        {"id":"step_down","label":"To Early Help","destination":"Early Help","findings":["needs_met"]},
        {"id":"continue","label":"Carries on","destination":null,"findings":["same_needs"]}]},"summary":"s","cites":["two"],"note":null}
    ]"#,
    )
    .unwrap()
}

fn case(answers: &[(&str, &str)], dates: &[&str]) -> Case {
    let day = NaiveDate::from_ymd_opt(2026, 3, 26).unwrap();
    Case {
        answers: answers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        dates: dates.iter().map(|k| (k.to_string(), day)).collect(),
    }
}

#[test]
fn the_flow_asks_only_what_the_rules_need_in_stage_order() {
    let rules = rules();
    let keys: Vec<&str> = flow(&rules, &crate::model::content_topics(), &authority()).iter().map(|q| q.key).collect();
    assert_eq!(keys, ["in_need", "other_plan", "disabled", "plan_established", "previous_review", "review_finding"]);
    let stages: Vec<&str> = keys.iter().map(|k| stage(k)).collect();
    assert_eq!(stages[0], "Does this procedure apply?");
    assert_eq!((stages[4], stages[5]), ("Reviews", "Review outcome"));
}

#[test]
fn a_walk_asks_each_question_in_turn_and_ends_at_the_outcome_for_the_finding() {
    let rules = rules();
    let flow = flow(&rules, &crate::model::content_topics(), &authority());
    assert_eq!(next(&flow, &rules, &Case::default(), &[]), Step::Ask(0));
    let half = case(&[("in_need", "yes"), ("other_plan", "none")], &[]);
    assert_eq!(next(&flow, &rules, &half, &[]), Step::Ask(2));
    let skipped = vec!["plan_established".to_owned(), "previous_review".to_owned()];
    let done =
        case(&[("in_need", "yes"), ("other_plan", "none"), ("disabled", "yes"), ("review_finding", "same_needs")], &[]);
    let Step::Done(ending) = next(&flow, &rules, &done, &skipped) else { panic!("should be done") };
    assert_eq!(ending.id(), "continue");
    let met = case(
        &[("in_need", "yes"), ("other_plan", "none"), ("disabled", "no"), ("review_finding", "needs_met")],
        &["plan_established", "previous_review"],
    );
    let Step::Done(ending) = next(&flow, &rules, &met, &[]) else { panic!("should be done") };
    assert_eq!(ending.id(), "several", "close or step down");
}

#[test]
fn early_endings_and_honest_gaps() {
    let rules = rules();
    let flow = flow(&rules, &crate::model::content_topics(), &authority());
    let no = case(&[("in_need", "no")], &[]);
    assert_eq!(next(&flow, &rules, &no, &[]), Step::Done(Ending::NotInNeed));
    let cp = case(&[("in_need", "yes"), ("other_plan", "child_protection")], &[]);
    let Step::Done(Ending::Excluded(rule)) = next(&flow, &rules, &cp, &[]) else { panic!("excluded") };
    assert_eq!(rule.id, "m-ex");
    let risk = case(
        &[
            ("in_need", "yes"),
            ("other_plan", "none"),
            ("disabled", DONT_KNOW),
            ("review_finding", "risk_of_significant_harm"),
        ],
        &["plan_established", "previous_review"],
    );
    let Step::Done(ending) = next(&flow, &rules, &risk, &[]) else { panic!("done") };
    assert_eq!(ending, Ending::Applies { outcomes: vec![], unmapped_finding: true, untied: false });
    assert_eq!(ending.id(), "not_stated");
    let unknown = case(
        &[("in_need", "yes"), ("other_plan", "none"), ("disabled", "yes"), ("review_finding", DONT_KNOW)],
        &["plan_established", "previous_review"],
    );
    let Step::Done(Ending::Applies { outcomes, unmapped_finding, .. }) = next(&flow, &rules, &unknown, &[]) else {
        panic!()
    };
    assert_eq!((outcomes.len(), unmapped_finding), (3, false), "not knowing the finding shows every outcome");
    // A procedure that ties no outcome to a finding shows them all, whatever the finding.
    let untied: Vec<Rule> = rules
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(Value::Outcomes { outcomes }) = &mut r.value {
                outcomes.iter_mut().for_each(|o| o.findings.clear());
            }
            r
        })
        .collect();
    let Step::Done(ending) = next(&flow, &untied, &risk, &[]) else { panic!() };
    assert!(
        matches!(ending, Ending::Applies { ref outcomes, unmapped_finding: false, untied: true } if outcomes.len() == 3)
    );
}

#[test]
fn the_finding_waits_for_a_review_and_outcomes_keep_their_conditions() {
    let mut rules = rules();
    let flow = flow(&rules, &crate::model::content_topics(), &authority());
    let answered = [("in_need", "yes"), ("other_plan", "none"), ("disabled", "no")];
    // No review held yet: the walk ends without asking what a review found.
    let skipped = vec!["previous_review".to_owned()];
    let Step::Done(ending) = next(&flow, &rules, &case(&answered, &["plan_established"]), &skipped) else {
        panic!("no review held: nothing left to ask")
    };
    assert_eq!(ending.id(), "several");
    // Held: the finding is asked.
    let held = case(&answered, &["plan_established", "previous_review"]);
    let last = flow.iter().position(|q| q.key == "review_finding").unwrap();
    assert_eq!(next(&flow, &rules, &held, &[]), Step::Ask(last));
    // An outcome rule for disabled children only is not shown for a child who is not disabled.
    rules[2].when.insert("disabled".into(), vec!["yes".into()]);
    let met = case(
        &[("in_need", "yes"), ("other_plan", "none"), ("disabled", "no"), ("review_finding", "needs_met")],
        &["plan_established", "previous_review"],
    );
    let Step::Done(ending) = next(&flow, &rules, &met, &[]) else { panic!("done") };
    assert_eq!(ending.id(), "not_stated", "{ending:?}");
}
