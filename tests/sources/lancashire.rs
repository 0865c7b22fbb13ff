//! Lancashire: timescales, roles and outcomes checked against the source paragraphs of "Child[ren] in Need of
//! Support" (sections 1–5, 4.1–4.2; amended November 2021).

use super::*;

const SLUG: &str = "lancashire";

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

/// Scope of this Chapter: a child with a Child Protection Plan is outside the chapter (only its visits guidance
/// reaches Child Protection visits), and that is the only plan the chapter excludes.
#[test]
fn only_a_child_protection_plan_is_excluded() {
    let value = stated(SLUG, "lancashire-scope-excluded-plans");
    let excluded = items(&value);
    assert_eq!(excluded.len(), 1);
    assert!(excluded[0].starts_with("A Child Protection Plan"), "{excluded:?}");
    assert_eq!(plan_ids(&stated(SLUG, "lancashire-scope-excluded-plans")), ["child_protection"]);
}

/// 3, The Initial Child in Need Planning Meeting: the first meeting is due within 10 days of the Child & Family
/// assessment being finished, and the chapter never says whether those days are calendar or working days.
#[test]
fn planning_meeting_within_ten_days_of_the_assessment_of_unstated_kind() {
    let rule = rule(SLUG, "lancashire-planning-meeting-deadline");
    assert!(rule.when.is_empty());
    assert_eq!(
        reading_values("lancashire-planning-meeting-deadline"),
        [deadline(10, Unit::Days, "assessment_completed"), deadline(10, Unit::WorkingDays, "assessment_completed"),]
    );
}

/// 3, The Initial Child in Need Planning Meeting: a manager takes the chair of the initial meeting, without any
/// "usually".
#[test]
fn a_manager_chairs_the_initial_planning_meeting() {
    assert_eq!(roles(&stated(SLUG, "lancashire-planning-meeting-chair")), (vec!["manager"], false));
}

/// 3, The Initial Child in Need Planning Meeting: the social worker is the one responsible for the meeting
/// invitations, after talking through possible attendees with the child and parents/carers.
#[test]
fn the_social_worker_convenes_the_planning_meeting() {
    assert_eq!(roles(&stated(SLUG, "lancashire-planning-meeting-convener")), (vec!["social_worker"], false));
}

/// 3, The Initial Child in Need Planning Meeting: the child (or an advocate, or the child's views by another route
/// such as the MOMO app), the parents/carers, and the agencies the assessment recommends.
#[test]
fn planning_meeting_attendees_are_child_parents_and_recommended_agencies() {
    let value = stated(SLUG, "lancashire-planning-meeting-attendees");
    let people = items(&value);
    assert_eq!(people.len(), 3, "{people:?}");
    assert!(people[0].contains("advocate") && people[0].contains("MOMO app"), "{}", people[0]);
    assert_eq!(people[1], "The parents/carers");
    assert!(people[2].contains("assessment recommends"), "{}", people[2]);
}

/// 3, The Initial Child in Need Planning Meeting: the Chair writes the notes of the meeting.
#[test]
fn the_chair_takes_the_planning_meeting_notes() {
    assert_eq!(roles(&stated(SLUG, "lancashire-records-minute-taker")), (vec!["chair"], false));
}

/// 3, The Initial Child in Need Planning Meeting (support is given only with consent) and 2 (the plan is
/// co-produced with the family): the parent/carer must agree to Child in Need support.
#[test]
fn child_in_need_support_needs_parental_consent() {
    let value = stated(SLUG, "lancashire-consent-parental");
    assert_eq!(text(&value), "The parent/carer must consent to Child in Need support.");
}

/// 2, Child in Need (Support) Plans: nine points a good plan is clear about, the last being the least often the
/// child will be visited.
#[test]
fn a_good_plan_covers_nine_points_ending_with_visit_frequency() {
    let value = stated(SLUG, "lancashire-plan-contents");
    let points = items(&value);
    assert_eq!(points.len(), 9, "{points:?}");
    assert!(points[0].starts_with("Strengths"), "{}", points[0]);
    assert_eq!(points[8], "The minimum frequency of visits to the child");
}

/// 3, Child in Need Review Meetings: reviews come round at intervals agreed with the social worker and no more than
/// 3 months apart (longer only in exceptional circumstances).
#[test]
fn reviews_at_least_every_three_months() {
    let rule = rule(SLUG, "lancashire-review-interval");
    assert!(rule.when.is_empty());
    assert_eq!(stated(SLUG, "lancashire-review-interval"), recurring(3, Unit::Months, "previous_review"));
}

/// 3, Child in Need Review Meetings: for a disabled child whose circumstances stay consistent the longest gap is
/// usually given as "6 months / 26 weeks", two lengths that are not equal; otherwise the 3-month rule stands.
#[test]
fn disabled_children_review_interval_is_six_months_or_twenty_six_weeks() {
    let rule = rule(SLUG, "lancashire-review-interval-disabled");
    assert_eq!(condition(&rule, "disabled"), ["yes"]);
    assert_eq!(rule.when.len(), 1);
    assert_eq!(
        reading_values("lancashire-review-interval-disabled"),
        [
            recurring(6, Unit::Months, "previous_review"),
            recurring(26, Unit::Weeks, "previous_review"),
            recurring(3, Unit::Months, "previous_review"),
        ]
    );
}

/// 3, Child in Need Review Meetings (the general and the disabled-children interval) are the only two
/// review-interval rules, so no third timescale slips in.
#[test]
fn only_two_review_interval_rules() {
    let ids: Vec<String> = rules(SLUG).into_iter().filter(|r| r.topic == "review.interval").map(|r| r.id).collect();
    assert_eq!(ids, ["lancashire-review-interval", "lancashire-review-interval-disabled"]);
}

/// 2 (the plan sets its own review timescale) and 3, Child in Need Review Meetings (at least every 3 months): no
/// separate limit for the first review, so counting 3 months from the plan is only one reading.
#[test]
fn first_review_has_no_separate_time_limit() {
    let values = reading_values("lancashire-review-first");
    assert_eq!(values.len(), 2);
    assert_eq!(values[0], deadline(3, Unit::Months, "plan_established"));
    assert!(text(&values[1]).contains("no separate time limit for the first review"), "{:?}", values[1]);
}

/// 3, Child in Need Review Meetings: for a disabled child the first review, if counted like the interval, would
/// fall within 6 months or 26 weeks of the plan (circumstances consistent) or 3 months (otherwise).
#[test]
fn first_review_for_a_disabled_child_follows_the_disabled_interval_readings() {
    let rule = rule(SLUG, "lancashire-review-first-disabled");
    assert_eq!(condition(&rule, "disabled"), ["yes"]);
    let values = reading_values("lancashire-review-first-disabled");
    assert_eq!(values.len(), 4);
    assert_eq!(
        values[..3],
        [
            deadline(6, Unit::Months, "plan_established"),
            deadline(26, Unit::Weeks, "plan_established"),
            deadline(3, Unit::Months, "plan_established"),
        ]
    );
    assert!(text(&values[3]).contains("no separate time limit for the first review"), "{:?}", values[3]);
}

/// 3, Child in Need Review Meetings: an early review follows a significant change in the family's circumstances.
#[test]
fn significant_change_brings_the_review_forward() {
    let value = stated(SLUG, "lancashire-review-early-triggers");
    assert_eq!(items(&value), ["Significant changes in the family's circumstances"]);
}

/// 3, Child in Need Review Meetings: one paragraph has the social worker usually chairing, the next has a
/// qualified social worker or a manager; both readings are kept.
#[test]
fn review_chair_is_given_two_ways() {
    let values = reading_values("lancashire-review-chair");
    assert_eq!(values.len(), 2);
    assert_eq!(roles(&values[0]), (vec!["social_worker"], true));
    assert_eq!(roles(&values[1]), (vec!["qualified_social_worker", "manager"], false));
}

/// 3, Child in Need Review Meetings: a complex package proposed to run past 8 months needs a specific review
/// chaired by the team manager of the responsible team.
#[test]
fn complex_package_beyond_eight_months_needs_a_specific_review() {
    let rule = rule(SLUG, "lancashire-review-long-running");
    assert_eq!(condition(&rule, "complex_package"), ["yes"]);
    assert_eq!(rule.when.len(), 1);
    assert_eq!(
        stated(SLUG, "lancashire-review-long-running"),
        Value::Threshold {
            amount: 8,
            unit: Unit::Months,
            since: "package_started".into(),
            then: "hold a specific review chaired by the team manager of the responsible team".into(),
        }
    );
}

/// 3, Child in Need Review Meetings: three outcomes (closure recommended to the team manager, services continue,
/// Strategy Discussion/Meeting), none naming a service to go to.
#[test]
fn three_review_outcomes_without_a_named_destination() {
    let value = stated(SLUG, "lancashire-review-outcomes");
    assert_eq!(outcome_ids(&value), ["close", "continue", "strategy_discussion"]);
    assert_eq!(destinations(&value), [None::<&str>; 3]);
}

/// 3, Child in Need Review Meetings (outcome 1): after closure the child may still get single-agency or
/// multi-agency help outside Children's Social Care, but no step-down service is named.
#[test]
fn no_named_step_down_service() {
    let value = stated(SLUG, "lancashire-closure-step-down-destination");
    assert!(text(&value).starts_with("No named service"), "{}", text(&value));
}

/// 3, Child in Need Review Meetings (purpose point 7 and outcome 3): a risk of Significant Harm leads to a
/// Strategy Discussion/Meeting, with a Section 47 Enquiry possible.
#[test]
fn risk_of_significant_harm_goes_to_a_strategy_discussion() {
    let value = stated(SLUG, "lancashire-closure-escalation");
    assert_eq!(outcome_ids(&value), ["strategy_discussion"]);
    assert_eq!(destinations(&value), [None::<&str>]);
}

/// 3, Child in Need Review Meetings: the Planning Meeting record and the Review record each go to the child and
/// parent(s) and the others involved.
#[test]
fn records_go_to_the_child_parents_and_participants() {
    let value = stated(SLUG, "lancashire-records-distribution");
    let copies = items(&value);
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert!(copies[0].starts_with("Planning Meeting record"), "{}", copies[0]);
    assert!(copies[1].starts_with("Review record: the child (if old enough), the parent"), "{}", copies[1]);
}

/// 3, Child in Need Review Meetings (last paragraph): an updated plan goes to the child or children, the parents
/// and the agencies and professionals providing its services.
#[test]
fn updated_plan_goes_to_child_parents_and_providers() {
    let value = stated(SLUG, "lancashire-plan-distribution");
    let to = items(&value);
    assert_eq!(to.len(), 3, "{to:?}");
    assert_eq!(to[..2], ["The child or children", "The parents"]);
}

/// 5, Child in Need/Statutory Visits: the visit pattern is set at the meeting, but a visit is due at least every
/// four weeks.
#[test]
fn visits_at_least_every_four_weeks() {
    assert_eq!(stated(SLUG, "lancashire-visits-minimum-interval"), recurring(4, Unit::Weeks, "previous_visit"));
}

/// 5, Child in Need/Statutory Visits: visits are logged on LCS, the only case-record system the chapter names.
#[test]
fn visits_are_recorded_on_lcs() {
    assert_eq!(stated(SLUG, "lancashire-records-system"), Value::System { name: "LCS".into() });
}

/// 4.1 and 4.2, allocation of a SEND Child in Need: five points for a Field Work Support Officer and nine factors for
/// a qualified Social Worker.
#[test]
fn send_allocation_applies_to_disabled_children() {
    let rule = rule(SLUG, "lancashire-pathway-send-allocation");
    assert_eq!(condition(&rule, "disabled"), ["yes"]);
    let value = stated(SLUG, "lancashire-pathway-send-allocation");
    let points = items(&value);
    assert_eq!(points.len(), 2, "{points:?}");
    assert!(points[0].contains("SEND Field Work Support Officer"), "{}", points[0]);
    assert!(points[1].starts_with("Factors deciding allocation to a qualified Social Worker"), "{}", points[1]);
}

/// 4.1, while a Field Work Support Officer (a non-qualified worker) holds the case: an updated assessment goes to a
/// Social Worker with the officer still involved, a change of needs prompts thought of a Social Worker taking over,
/// and every child protection enquiry is allocated to a Social Worker.
#[test]
fn a_non_qualified_case_holder_hands_child_protection_enquiries_to_a_social_worker() {
    let rule = rule(SLUG, "lancashire-pathway-send-allocation-non-qualified");
    assert_eq!(condition(&rule, "case_holder"), ["non_qualified"]);
    assert_eq!(rule.when.len(), 1);
    let value = stated(SLUG, "lancashire-pathway-send-allocation-non-qualified");
    let points = items(&value);
    assert_eq!(points.len(), 3, "{points:?}");
    assert!(points[0].contains("updated assessment") && points[0].contains("stays involved"), "{}", points[0]);
    assert!(points[1].contains("allocated worker with overall responsibility"), "{}", points[1]);
    assert_eq!(points[2], "All child protection enquiries are allocated to a Social Worker");
}

/// 2 and 3: where a Child Protection Conference has been held the plan may be developed there; whether the initial
/// planning meeting within 10 days still follows is not said, so that is one more reading.
#[test]
fn after_a_conference_the_planning_meeting_deadline_is_uncertain() {
    let rule = rule(SLUG, "lancashire-planning-meeting-deadline-conference");
    assert_eq!(condition(&rule, "conference_convened"), ["yes"]);
    let values = reading_values("lancashire-planning-meeting-deadline-conference");
    assert_eq!(values.len(), 3);
    assert_eq!(values[0], deadline(10, Unit::Days, "assessment_completed"));
    assert_eq!(values[1], deadline(10, Unit::WorkingDays, "assessment_completed"));
    assert!(text(&values[2]).contains("developed at the Child Protection Conference"), "{:?}", values[2]);
}

/// 1–3 (who leads the plan), 3 (notes reaching the social worker) and 3 (excluding a family member): the chapter
/// says nothing on these core topics.
#[test]
fn core_topics_the_chapter_leaves_unstated() {
    not_stated(SLUG, "plan.lead");
    not_stated(SLUG, "records.to_social_worker");
    not_stated(SLUG, "family.exclusion_endorsement");
}

/// Section 3, the outcome of a Review: no longer in need (closure), the same needs (services continue), or a risk of
/// significant harm (a Strategy Discussion); nothing is given for needs that have grown.
#[test]
fn review_findings_lead_to_the_outcomes_of_section_3() {
    let Value::Outcomes { outcomes } = stated(SLUG, "lancashire-review-outcomes") else { panic!("outcomes") };
    let found: Vec<(&str, Vec<&str>)> =
        outcomes.iter().map(|o| (o.id.as_str(), o.findings.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        found,
        [
            ("close", vec!["needs_met"]),
            ("continue", vec!["same_needs"]),
            ("strategy_discussion", vec!["risk_of_significant_harm"]),
        ]
    );
    assert!(!outcomes.iter().any(|o| o.findings.iter().any(|f| f == "more_needs")));
}

/// 3, Child in Need Review Meetings: "continue beyond 8 months" names no starting point; the rule keeps its value
/// and its note says that counting from the start of the package is a reading.
#[test]
fn long_running_package_start_is_a_reading() {
    let note = note(SLUG, "lancashire-review-long-running");
    assert!(note.contains("without saying where the 8 months start"), "{note}");
    assert!(note.contains("from the day the package began is a reading"), "{note}");
}

/// 4, 4.1 and 4.2: allocation covers SEND children in need, not only disabled ones; the note keeps that.
#[test]
fn send_allocation_note_covers_special_educational_needs() {
    let note = note(SLUG, "lancashire-pathway-send-allocation");
    assert!(note.contains("special educational needs but no disability"), "{note}");
}
