//! Coventry: timescales, roles and outcomes checked against the source paragraphs of "2.1 Child in Need Plans and
//! Reviews" (sections 1–3, paragraphs 1.1–3.11).

use super::*;

const SLUG: &str = "coventry";

/// The text of a text value.
fn text(value: &Value) -> &str {
    match value {
        Value::Text { text } => text,
        other => panic!("expected text, found {other:?}"),
    }
}

/// The values a rule's `when` allows for one wizard answer (empty when the rule sets no such condition).
fn condition<'a>(rule: &'a Rule, key: &str) -> Vec<&'a str> {
    rule.when.get(key).map(|v| v.iter().map(String::as_str).collect()).unwrap_or_default()
}

/// The destinations of an outcomes value, in order.
fn destinations(value: &Value) -> Vec<Option<&str>> {
    match value {
        Value::Outcomes { outcomes } => outcomes.iter().map(|o| o.destination.as_deref()).collect(),
        other => panic!("expected outcomes, found {other:?}"),
    }
}

/// The values of an ambiguous rule's readings, in order.
fn reading_values(id: &str) -> Vec<Value> {
    readings(SLUG, id).into_iter().map(|(_, value)| value).collect()
}

/// Scope of this chapter: a child on a Child Protection Plan is outside the chapter, and no other plan is excluded.
#[test]
fn only_a_child_protection_plan_is_excluded() {
    assert_eq!(items(&stated(SLUG, "coventry-excluded-plans")), ["Child Protection Plan"]);
    assert_eq!(plan_ids(&stated(SLUG, "coventry-excluded-plans")), ["child_protection"]);
}

/// 1.1 and 1.7: a plan can start from an Initial or a Core Assessment that finds section 17 family support is
/// needed, or from a recommendation of an initial or a review Child Protection Conference.
#[test]
fn four_routes_lead_to_a_plan() {
    let value = stated(SLUG, "coventry-entry-routes");
    let routes = items(&value);
    assert_eq!(routes.len(), 4, "{routes:?}");
    assert!(routes[0].starts_with("An Initial Assessment") && routes[0].contains("section 17"), "{}", routes[0]);
    assert!(routes[1].starts_with("A Core Assessment") && routes[1].contains("section 17"), "{}", routes[1]);
    assert!(routes[2].ends_with("an initial Child Protection Conference"), "{}", routes[2]);
    assert!(routes[3].ends_with("a Child Protection Review Conference"), "{}", routes[3]);
}

/// Section 1: no time limit is set for holding the Child in Need Planning Meeting.
#[test]
fn planning_meeting_deadline_is_not_stated() {
    not_stated(SLUG, "planning_meeting.deadline");
}

/// 1.6 (with 1.1): after a Core Assessment the social worker usually chairs the first Planning Meeting; nothing
/// names a chair when the meeting follows an Initial Assessment.
#[test]
fn social_worker_usually_chairs_the_first_planning_meeting_after_a_core_assessment() {
    let rule = rule(SLUG, "coventry-planning-meeting-chair-assessment");
    assert_eq!(condition(&rule, "route"), ["assessment"]);
    assert_eq!(condition(&rule, "conference_convened"), ["no"]);
    assert_eq!(rule.when.len(), 2);
    let values = reading_values("coventry-planning-meeting-chair-assessment");
    assert_eq!(values.len(), 2);
    assert_eq!(roles(&values[0]), (vec!["social_worker"], true));
    assert!(text(&values[1]).contains("Initial Assessment"), "{:?}", values[1]);
}

/// 1.7: when a Child Protection Conference (initial or review) recommends the plan, the social worker's line
/// manager or a senior practitioner usually chairs the first planning meeting.
#[test]
fn line_manager_or_senior_practitioner_usually_chairs_after_a_conference() {
    let rule = rule(SLUG, "coventry-planning-meeting-chair-cp-conference");
    assert_eq!(condition(&rule, "route"), ["cp_step_down"]);
    assert_eq!(
        roles(&stated(SLUG, "coventry-planning-meeting-chair-cp-conference")),
        (vec!["line_manager", "senior_practitioner"], true)
    );
}

/// 1.7: a plan that follows an assessment and that an initial Child Protection Conference recommends: the line manager
/// or a senior practitioner usually chairs the first planning meeting, as after a review conference.
#[test]
fn line_manager_or_senior_practitioner_usually_chairs_after_an_initial_conference() {
    let rule = rule(SLUG, "coventry-planning-meeting-chair-initial-conference");
    assert_eq!(condition(&rule, "route"), ["assessment"]);
    assert_eq!(condition(&rule, "conference_convened"), ["yes"]);
    assert_eq!(
        roles(&stated(SLUG, "coventry-planning-meeting-chair-initial-conference")),
        (vec!["line_manager", "senior_practitioner"], true)
    );
}

/// 1.8: calling the meeting and drawing up the plan fall to Children's Social Care, with no "usually".
#[test]
fn childrens_social_care_convenes_the_planning_meeting() {
    assert_eq!(roles(&stated(SLUG, "coventry-planning-meeting-convener")), (vec!["childrens_social_care"], false));
}

/// 1.3: the child (as age and understanding allow), the parents/carers and the agencies the assessment recommends.
#[test]
fn planning_meeting_attendees_are_child_parents_and_recommended_agencies() {
    let value = stated(SLUG, "coventry-planning-meeting-attendees");
    let people = items(&value);
    assert_eq!(people.len(), 3, "{people:?}");
    assert!(people[0].starts_with("The child") && people[0].contains("age and understanding"), "{}", people[0]);
    assert_eq!(people[1], "The parents or carers");
    assert!(people[2].contains("assessment recommends"), "{}", people[2]);
}

/// 2.3 and 2.4: three things the plan must identify plus the eight points it should cover, starting with the Lead
/// Professional and ending with when and how progress is reviewed.
#[test]
fn plan_covers_eleven_points() {
    let value = stated(SLUG, "coventry-plan-contents");
    let points = items(&value);
    assert_eq!(points.len(), 11, "{points:?}");
    assert_eq!(points[0], "The Lead Professional");
    assert!(points[6].starts_with("A contingency plan"), "{}", points[6]);
    assert!(points[9].contains("nature and frequency"), "{}", points[9]);
    assert_eq!(points[10], "The points at which progress will be reviewed and how it will be judged");
}

/// 2.5: sending out the plan is the allocated social worker's job.
#[test]
fn allocated_social_worker_distributes_the_plan() {
    let rule = rule(SLUG, "coventry-plan-distribution");
    assert!(rule.when.is_empty());
    assert_eq!(roles(&stated(SLUG, "coventry-plan-distribution")), (vec!["allocated_social_worker"], false));
}

/// 3.11 (with 3.10, outcome 2): after a review that amends the plan, the Lead Professional circulates it.
#[test]
fn lead_professional_circulates_an_amended_plan() {
    let rule = rule(SLUG, "coventry-plan-distribution-amended");
    assert_eq!(condition(&rule, "review_finding"), ["same_needs"]);
    assert_eq!(roles(&stated(SLUG, "coventry-plan-distribution-amended")), (vec!["lead_professional"], false));
}

/// 2.6: the Lead Professional puts the plan into effect, referrals included.
#[test]
fn lead_professional_implements_the_plan() {
    assert_eq!(roles(&stated(SLUG, "coventry-plan-lead")), (vec!["lead_professional"], false));
}

/// 3.1 (reviews no more than three months apart) and 2.4 (the plan sets its review points): there is no separate
/// first-review limit, so three months from the plan is only one reading.
#[test]
fn first_review_has_no_separate_time_limit() {
    let values = reading_values("coventry-review-first");
    assert_eq!(values.len(), 2);
    assert_eq!(values[0], deadline(3, Unit::Months, "plan_established"));
    assert!(text(&values[1]).contains("no separate time limit for the first review"), "{:?}", values[1]);
}

/// 3.1: reviews come round at intervals agreed with the Lead Professional's line manager, at most three months
/// apart.
#[test]
fn reviews_at_least_every_three_months() {
    let rule = rule(SLUG, "coventry-review-interval");
    assert!(rule.when.is_empty());
    assert_eq!(stated(SLUG, "coventry-review-interval"), recurring(3, Unit::Months, "previous_review"));
}

/// 3.1: disabled children are the example of exceptional circumstances allowing longer gaps, with no upper limit
/// given, so three months stays one reading.
#[test]
fn disabled_children_may_have_longer_review_gaps_without_a_stated_limit() {
    let rule = rule(SLUG, "coventry-review-interval-disabled");
    assert_eq!(condition(&rule, "disabled"), ["yes"]);
    assert_eq!(rule.when.len(), 1);
    let values = reading_values("coventry-review-interval-disabled");
    assert_eq!(values.len(), 2);
    assert_eq!(values[0], recurring(3, Unit::Months, "previous_review"));
    assert!(text(&values[1]).contains("no upper limit"), "{:?}", values[1]);
}

/// 3.1: only the general and the disabled-children interval rules exist, so no third timescale slips in.
#[test]
fn only_two_review_interval_rules() {
    let ids: Vec<String> = rules(SLUG).into_iter().filter(|r| r.topic == "review.interval").map(|r| r.id).collect();
    assert_eq!(ids, ["coventry-review-interval", "coventry-review-interval-disabled"]);
}

/// 3.2: a significant change in the family's circumstances brings the review forward.
#[test]
fn significant_change_brings_the_review_forward() {
    let value = stated(SLUG, "coventry-review-early-triggers");
    assert_eq!(items(&value), ["Significant changes in the family's circumstances"]);
}

/// 3.4 and 3.5: the Lead Professional usually carries out the review, and the line manager or a senior practitioner
/// usually chairs the meeting; the source does not say how the two fit together.
#[test]
fn review_chair_is_given_two_ways() {
    let rule = rule(SLUG, "coventry-review-chair");
    assert!(rule.when.is_empty());
    let values = reading_values("coventry-review-chair");
    assert_eq!(values.len(), 2);
    assert_eq!(roles(&values[0]), (vec!["lead_professional"], true));
    assert_eq!(roles(&values[1]), (vec!["line_manager", "senior_practitioner"], true));
}

/// 3.5: for a case that is not allocated, the manager of the responsible team must undertake the review or have it
/// undertaken; that is a condition on the case, not a third reading.
#[test]
fn an_unallocated_case_is_reviewed_by_the_responsible_team_manager() {
    let rule = rule(SLUG, "coventry-review-chair-unallocated");
    assert_eq!(condition(&rule, "case_holder"), ["unallocated"]);
    assert_eq!(rule.when.len(), 1);
    assert_eq!(roles(&stated(SLUG, "coventry-review-chair-unallocated")), (vec!["responsible_team_manager"], false));
}

/// 3.7: keeping a complex package going past 12 months calls for a specific review chaired by the manager of the
/// responsible team.
#[test]
fn complex_package_beyond_twelve_months_needs_a_specific_review() {
    let rule = rule(SLUG, "coventry-review-long-running");
    assert_eq!(condition(&rule, "complex_package"), ["yes"]);
    assert_eq!(rule.when.len(), 1);
    assert_eq!(
        stated(SLUG, "coventry-review-long-running"),
        Value::Threshold {
            amount: 12,
            unit: Unit::Months,
            since: "package_started".into(),
            then: "hold a specific review chaired by the manager of the responsible team".into(),
        }
    );
}

/// 3.10: a review ends in closure or CAF/Multi-Disciplinary Team support (both by recommendation to the team
/// manager), continued services, a Core Assessment, or a Strategy Discussion/Meeting.
#[test]
fn review_outcomes_in_order_with_the_caf_destination() {
    let value = stated(SLUG, "coventry-review-outcomes");
    assert_eq!(outcome_ids(&value), ["close", "step_down", "continue", "core_assessment", "strategy_discussion"]);
    assert_eq!(destinations(&value), [None, Some("CAF/Multi-Disciplinary Team"), None, None, None]);
}

/// 3.10, outcome 3: a Core Assessment follows greater needs only where an Initial Plan is in place; otherwise the
/// chapter is silent.
#[test]
fn greater_needs_lead_to_a_core_assessment_only_under_an_initial_plan() {
    let rule = rule(SLUG, "coventry-review-outcome-more-needs");
    assert_eq!(condition(&rule, "review_finding"), ["more_needs"]);
    let values = reading_values("coventry-review-outcome-more-needs");
    assert_eq!(values.len(), 2);
    assert_eq!(outcome_ids(&values[0]), ["core_assessment"]);
    assert!(text(&values[1]).contains("no Initial Plan"), "{:?}", values[1]);
}

/// 3.10, outcome 1: the only named step-down service is the CAF/Multi-Disciplinary Team arena.
#[test]
fn cases_step_down_to_the_caf_multi_disciplinary_team() {
    let value = stated(SLUG, "coventry-step-down-destination");
    assert_eq!(outcome_ids(&value), ["step_down"]);
    assert_eq!(destinations(&value), [Some("CAF/Multi-Disciplinary Team")]);
}

/// 3.10, outcome 4: an apparent risk of Significant Harm calls for a Strategy Discussion/Meeting.
#[test]
fn risk_of_significant_harm_leads_to_a_strategy_discussion() {
    let value = stated(SLUG, "coventry-escalation");
    assert_eq!(outcome_ids(&value), ["strategy_discussion"]);
    assert_eq!(destinations(&value), [None]);
}

/// 3.9: a copy of the record goes to the child (if old enough), the parent and every other review participant.
#[test]
fn review_record_goes_to_child_parent_and_participants() {
    let value = stated(SLUG, "coventry-records-distribution");
    assert_eq!(
        items(&value),
        ["The child, if old enough", "The parent", "All other participants in the review process"]
    );
}

/// 3.8: decisions go on the child's electronic record, and no case-record system is named.
#[test]
fn decisions_go_on_the_electronic_record_with_no_system_named() {
    let value = stated(SLUG, "coventry-records-system");
    assert!(!matches!(value, Value::System { .. }), "{value:?}");
    assert_eq!(text(&value), "The child's electronic record (no system is named)");
}

/// Sections 1 to 3: parental consent, who takes the minutes, when minutes reach the social worker, how often the
/// child is visited and who endorses excluding a family member are never stated.
#[test]
fn core_topics_the_chapter_does_not_state() {
    for topic in [
        "consent.parental",
        "records.minute_taker",
        "records.to_social_worker",
        "visits.minimum_interval",
        "family.exclusion_endorsement",
    ] {
        not_stated(SLUG, topic);
    }
}

/// 3.10: each outcome follows from what the review finds — no longer in need (close, or support in the
/// CAF/Multi-Disciplinary Team arena), the same needs, more complex needs (a Core Assessment), or a risk of significant
/// harm (a Strategy Discussion).
#[test]
fn review_findings_lead_to_the_outcomes_of_3_10() {
    let Value::Outcomes { outcomes } = stated(SLUG, "coventry-review-outcomes") else { panic!("outcomes") };
    let found: Vec<(&str, Vec<&str>)> =
        outcomes.iter().map(|o| (o.id.as_str(), o.findings.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        found,
        [
            ("close", vec!["needs_met"]),
            ("step_down", vec!["needs_met"]),
            ("continue", vec!["same_needs"]),
            ("core_assessment", vec!["more_needs"]),
            ("strategy_discussion", vec!["risk_of_significant_harm"]),
        ]
    );
}

/// 3.7 does not say when the 12 months start: the rule keeps its value but its note says that counting from the
/// start of the package is a reading.
#[test]
fn long_running_package_start_is_a_reading() {
    let note = note(SLUG, "coventry-review-long-running");
    assert!(note.contains("does not say from when"), "{note}");
    assert!(note.contains("from the day the package started is a reading"), "{note}");
}

/// 3.11 applies where a review's outcome is an amendment; only outcome 2 of 3.10 mentions one, "as necessary", so
/// tying the rule to a review that finds the same needs is a reading, said as one.
#[test]
fn amended_plan_tied_to_same_needs_as_a_reading() {
    let rule = rule(SLUG, "coventry-plan-distribution-amended");
    assert!(!rule.summary.contains("the one that amends the plan is"), "{}", rule.summary);
    let note = note(SLUG, "coventry-plan-distribution-amended");
    assert!(note.contains("is a reading") && note.contains("as necessary"), "{note}");
}

/// 1.7 covers a plan recommended by an initial Child Protection Conference too, where no Child Protection Plan
/// ended; the rule's note says so.
#[test]
fn conference_chair_note_covers_an_initial_conference() {
    let note = note(SLUG, "coventry-planning-meeting-chair-cp-conference");
    assert!(note.contains("initial Child Protection Conference"), "{note}");
    assert!(note.contains("no Child Protection Plan was made"), "{note}");
}
