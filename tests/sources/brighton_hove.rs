//! Brighton and Hove: timescales, roles and outcomes checked against the source paragraphs of "1.4.3 Children in
//! Need Plans and Network Meetings - Practice Guidance" (sections 1–8; updated November 2017).

use super::*;

const SLUG: &str = "brighton-hove";

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

/// The values of all rules on one topic, with the direct-payments condition each sets, in file order.
fn topic_values(topic: &str) -> Vec<(Vec<String>, Option<Value>)> {
    rules(SLUG)
        .into_iter()
        .filter(|r| r.topic == topic)
        .map(|r| (r.when.get("direct_payments_only").cloned().unwrap_or_default(), r.value))
        .collect()
}

/// 5, Arranging a Child in Need Network Meeting: the Initial Network Meeting is set up within fifteen working days
/// (not calendar days) of the plan being established, outside the Direct Payments pathway.
#[test]
fn initial_network_meeting_within_fifteen_working_days_of_the_plan() {
    let id = "brighton-hove-planning-meeting-deadline";
    assert_eq!(stated(SLUG, id), deadline(15, Unit::WorkingDays, "plan_established"));
    assert_eq!(condition(&rule(SLUG, id), "direct_payments_only"), ["no"]);
}

/// 1, Introduction and 5, Arranging a Child in Need Network Meeting: later Network Meetings are held as often as
/// progress needs, and never more than 3 months apart.
#[test]
fn network_meetings_at_least_every_three_months() {
    assert_eq!(stated(SLUG, "brighton-hove-review-interval"), recurring(3, Unit::Months, "previous_review"));
}

/// 8, Direct Payments procedure: a case an ICDDS manager puts on this pathway is reviewed at least every 6 months.
#[test]
fn direct_payments_reviews_at_least_every_six_months() {
    let id = "brighton-hove-review-interval-direct-payments";
    assert_eq!(stated(SLUG, id), recurring(6, Unit::Months, "previous_review"));
    assert_eq!(condition(&rule(SLUG, id), "direct_payments_only"), ["yes"]);
}

/// 1, 5 and 8: there are exactly two review intervals, 3 months on the main pathway and 6 months on the Direct
/// Payments pathway, and neither applies to the other's children.
#[test]
fn only_two_review_intervals_split_by_direct_payments() {
    assert_eq!(
        topic_values("review.interval"),
        [
            (vec!["no".to_string()], Some(recurring(3, Unit::Months, "previous_review"))),
            (vec!["yes".to_string()], Some(recurring(6, Unit::Months, "previous_review"))),
        ]
    );
}

/// 4, Visits to Children subject to a Child in Need Plan: a visit at least every 6 weeks (weeks, not months).
#[test]
fn visits_at_least_every_six_weeks() {
    let id = "brighton-hove-visits-minimum-interval";
    assert_eq!(stated(SLUG, id), recurring(6, Unit::Weeks, "previous_visit"));
    assert_eq!(condition(&rule(SLUG, id), "direct_payments_only"), ["no"]);
}

/// 8, Direct Payments procedure: children on this pathway are visited once every 3 months.
#[test]
fn direct_payments_visits_every_three_months() {
    let id = "brighton-hove-visits-minimum-interval-direct-payments";
    assert_eq!(stated(SLUG, id), recurring(3, Unit::Months, "previous_visit"));
    assert_eq!(condition(&rule(SLUG, id), "direct_payments_only"), ["yes"]);
}

/// 6, The Child in Need Network Meeting (agenda item on the next meeting): the minutes go out within ten working
/// days.
#[test]
fn minutes_distributed_within_ten_working_days() {
    assert_eq!(stated(SLUG, "brighton-hove-records-distribution"), deadline(10, Unit::WorkingDays, "meeting_held"));
}

/// 6, The Child in Need Network Meeting: the chair is a social worker or a social work manager, with no "usually".
#[test]
fn social_worker_or_social_work_manager_chairs_network_meetings() {
    let chair = (vec!["any_social_worker", "social_work_manager"], false);
    assert_eq!(roles(&stated(SLUG, "brighton-hove-review-chair")), chair);
    assert_eq!(roles(&stated(SLUG, "brighton-hove-planning-meeting-chair")), chair);
}

/// 5, Arranging a Child in Need Network Meeting: leaving a family member out needs the endorsement of a Pod Manager
/// or of a Team Manager in ICDDS.
#[test]
fn pod_manager_or_icdds_team_manager_endorses_excluding_family() {
    assert_eq!(
        roles(&stated(SLUG, "brighton-hove-family-exclusion-endorsement")),
        (vec!["pod_manager", "icdds_team_manager"], false)
    );
}

/// 1, 5 and 6: the procedure never says whether the initial Network Meeting is the first review (15 working days
/// from the plan) or the first review is the next meeting (within 3 months of the initial one), so both are shown.
#[test]
fn first_review_is_the_initial_meeting_or_the_next_one() {
    let found: Vec<Value> = readings(SLUG, "brighton-hove-review-first").into_iter().map(|(_, value)| value).collect();
    assert_eq!(
        found,
        [deadline(15, Unit::WorkingDays, "plan_established"), deadline(3, Unit::Months, "planning_meeting")]
    );
}

/// 5, first paragraph: the Initial Child in Need Network Meeting is the one initial meeting (the planning meeting's
/// rule). Under the reading that it is also the first review, that reading says so, so a case's timeline shows the
/// meeting once; under the other, the first review counts 3 months from it.
#[test]
fn the_initial_network_meeting_is_shown_once_under_either_reading() {
    let first = rule(SLUG, "brighton-hove-review-first");
    let same: Vec<Option<&str>> = first.readings.iter().map(|r| r.same_meeting.as_deref()).collect();
    assert_eq!(same, [Some("planning_meeting.deadline"), None]);
    let dates = cin_procedure_explorer::timeline::needed_dates(&rules(SLUG), &topics());
    assert_eq!(dates.iter().filter(|k| **k == "planning_meeting").count(), 1, "{dates:?}");
    // A plan established on Thursday 26 March 2026: the initial meeting on Monday 20 April (Easter skipped), then at
    // least every 3 months from it.
    let on = ["planning_meeting.deadline", "review.first", "review.interval"];
    let plan = [("plan_established", "2026-03-26"), ("direct_payments_only", "no")];
    let t = timeline_of(SLUG, &plan, "2026-04-01");
    let expected = [
        ("planning_meeting.deadline", "2026-04-20"),
        ("review.interval", "2026-07-20"),
        ("review.interval", "2026-10-20"),
        ("review.interval", "2027-01-20"),
        ("review.interval", "2027-04-20"),
    ];
    assert_eq!(dated_on(&t, &on), expected.map(|(t, d)| (t.to_owned(), d.to_owned())));
    let also: Vec<(&str, Option<&str>)> =
        t.deadlines[0].also.iter().map(|a| (a.rule.id.as_str(), a.reading.as_deref())).collect();
    assert_eq!(
        also,
        [("brighton-hove-review-first", Some("The Initial Child in Need Network Meeting is the first review"))]
    );
    // The initial meeting held on Friday 17 April: the first review, read as the next meeting, is 3 months on.
    let held = [("plan_established", "2026-03-26"), ("planning_meeting", "2026-04-17"), ("direct_payments_only", "no")];
    let t = timeline_of(SLUG, &held, "2026-05-01");
    let expected = [
        ("planning_meeting.deadline", "2026-04-20"),
        ("review.first", "2026-07-17"),
        ("review.interval", "2026-10-17"),
    ];
    let found: Vec<(String, String)> = dated_on(&t, &on).into_iter().take(3).collect();
    assert_eq!(found, expected.map(|(t, d)| (t.to_owned(), d.to_owned())));
}

/// 8, Direct Payments procedure: the section gives no first review, no initial meeting and no chair for reviews.
#[test]
fn direct_payments_pathway_leaves_first_review_initial_meeting_and_chair_unstated() {
    for id in [
        "brighton-hove-review-first-direct-payments",
        "brighton-hove-planning-meeting-deadline-direct-payments",
        "brighton-hove-review-chair-direct-payments",
    ] {
        let rule = rule(SLUG, id);
        assert_eq!(rule.status, Status::NotStated, "{id}");
        assert_eq!(rule.value, None, "{id}");
        assert_eq!(condition(&rule, "direct_payments_only"), ["yes"], "{id}");
    }
}

/// Amendment (November 2017) and 7, Concluding a Child in Need Plan: for a child on a Supervision Order a Network
/// Meeting is held in good time before the Order ends, with no fixed number of days.
#[test]
fn supervision_order_meeting_in_a_timely_way_before_expiry() {
    let id = "brighton-hove-pathway-supervision-order";
    assert_eq!(stated(SLUG, id), Value::Before { event: "order_expires".into(), timing: "in a timely way".into() });
    assert_eq!(condition(&rule(SLUG, id), "route"), ["supervision_order"]);
}

/// 1, 6 and 7: a review can step the work down to Early Help, keep it at Child in Need level, move to
/// safeguarding procedures, or (section 7 only) close the case.
#[test]
fn review_outcomes_step_down_to_early_help_continue_safeguard_or_close() {
    let value = stated(SLUG, "brighton-hove-review-outcomes");
    // "Safeguarding procedures should be implemented" names no strategy discussion: its own outcome.
    assert_eq!(outcome_ids(&value), ["step_down", "continue", "safeguarding_procedures", "close"]);
    assert_eq!(destinations(&value), [Some("Early Help"), None, None, None]);
    assert_eq!(text(&stated(SLUG, "brighton-hove-closure-step-down-destination")), "Early Help");
}

/// 6, The Child in Need Network Meeting (agenda): the outline plan answers exactly five questions.
#[test]
fn outline_plan_answers_five_questions() {
    assert_eq!(
        items(&stated(SLUG, "brighton-hove-plan-contents")),
        ["What are we worried about?", "What needs to change?", "What needs to happen?", "By when?", "By whom?"]
    );
}

/// Amendment, 2 and 3, The Child in Need Plan: a plan follows a section 17 assessment, a decision to end looked
/// after status, a Supervision Order from Care Proceedings, private law proceedings with an S7 or S37 report, and
/// (from the amendment) a Supervision Order from private law proceedings.
#[test]
fn five_routes_into_a_child_in_need_plan() {
    let value = stated(SLUG, "brighton-hove-scope-entry-routes");
    let routes = items(&value);
    assert_eq!(routes.len(), 5, "{routes:?}");
    assert!(routes[0].contains("section 17"), "{}", routes[0]);
    assert!(routes[1].contains("Looked After Child Review"), "{}", routes[1]);
    assert!(routes[2].contains("Supervision Order in Care Proceedings"), "{}", routes[2]);
    assert!(routes[3].contains("S7 or S37"), "{}", routes[3]);
    assert!(routes[4].contains("Supervision Order in private law proceedings"), "{}", routes[4]);
}

/// 5, Arranging a Child in Need Network Meeting and 7: a meeting may be called at any time; the only event the
/// procedure ties a meeting to is a Supervision Order ending.
#[test]
fn a_meeting_can_be_called_at_any_time_and_before_a_supervision_order_ends() {
    let value = stated(SLUG, "brighton-hove-review-early-triggers");
    let trigger = text(&value);
    assert!(trigger.contains("any point"), "{trigger}");
    assert!(trigger.contains("Supervision Order"), "{trigger}");
}

/// Scope, 3, 5, 6 and 8: the procedure excludes no other plan and names no plan lead, no plan distribution, no
/// convener, no minute taker, no deadline for minutes to reach the social worker, no record system, no rule for
/// long-running packages and no need for parental consent.
#[test]
fn core_topics_the_procedure_leaves_unstated() {
    for topic in [
        "scope.excluded_plans",
        "consent.parental",
        "planning_meeting.convener",
        "plan.distribution",
        "plan.lead",
        "records.minute_taker",
        "records.to_social_worker",
        "records.system",
        "review.long_running",
    ] {
        not_stated(SLUG, topic);
    }
}

/// 6, last agenda item: the ten working days for the minutes name no starting event; the note says counting from
/// the meeting is a reading.
#[test]
fn minutes_from_the_meeting_is_a_reading() {
    let note = note(SLUG, "brighton-hove-records-distribution");
    assert!(note.contains("does not say what the ten working days count from"), "{note}");
    assert!(note.contains("from the meeting is a reading"), "{note}");
}

/// 7 and the November 2017 amendment: the meeting before a Supervision Order expires is for any child subject to
/// one, not only a plan that began with it; the note keeps that.
#[test]
fn supervision_order_note_covers_any_child_subject_to_an_order() {
    let note = note(SLUG, "brighton-hove-pathway-supervision-order");
    assert!(note.contains("any child subject to a Supervision Order"), "{note}");
}

/// 8: managers in ICDDS decide that a case may be managed under the Direct Payments procedure, and the decision
/// "must be clearly recorded on the child's file", without saying by whom; the rule does not name a recorder.
#[test]
fn direct_payments_decision_recorded_without_naming_who_records_it() {
    let id = "brighton-hove-pathway-direct-payments";
    let value = stated(SLUG, id);
    let pathway = text(&value);
    assert!(pathway.starts_with("Managers in ICDDS decide"), "{pathway}");
    assert!(pathway.contains("must be clearly recorded on the child's file"), "{pathway}");
    assert!(!pathway.contains("records the decision"), "{pathway}");
    assert!(pathway.contains("once every 3 months") && pathway.contains("at least once every 6 months"), "{pathway}");
    assert_eq!(condition(&rule(SLUG, id), "direct_payments_only"), ["yes"]);
}
