//! Durham: timescales, roles and outcomes checked against the source headings of CIN/013 "Planning for
//! Children/Young People in Need" (Children in Need manual; unnumbered headings; last reviewed 26/03/2008).

use super::*;

const SLUG: &str = "durham";

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

/// The values of an ambiguous rule's readings, in order.
fn reading_values(id: &str) -> Vec<Value> {
    readings(SLUG, id).into_iter().map(|(_, value)| value).collect()
}

/// Action Following Inter-Agency Planning Meeting, and The Care Team / Frequency: the Care Team first meets no
/// later than two weeks (weeks, not days) after the planning meeting that drew up the plan.
#[test]
fn first_care_team_meeting_within_two_weeks_of_the_planning_meeting() {
    let id = "durham-care-team-first-meeting";
    assert_eq!(stated(SLUG, id), deadline(2, Unit::Weeks, "planning_meeting"));
    assert_eq!(condition(&rule(SLUG, id), "other_plan"), ["none", "pathway"]);
}

/// The Care Team / Frequency, with the looked-after NB and Children/Young People in Need of Protection: for a
/// looked-after child the frequency varies under the Care Planning procedure and Core Group meetings follow
/// Durham LSCB procedures, so whether the two-week first meeting still holds is left open, with both readings.
#[test]
fn first_meeting_for_child_protection_or_looked_after_is_ambiguous() {
    let id = "durham-care-team-first-meeting-cp-looked-after";
    assert_eq!(condition(&rule(SLUG, id), "other_plan"), ["child_protection", "looked_after"]);
    let values = reading_values(id);
    assert_eq!(values.len(), 2);
    assert_eq!(values[0], deadline(2, Unit::Weeks, "planning_meeting"));
    let other = text(&values[1]);
    assert!(other.contains("Care Planning procedure") && other.contains("Durham LSCB"), "{other}");
}

/// Planning Requirements and The Care Team / Frequency: after the first meeting the Care Team meets at least
/// once every eight weeks.
#[test]
fn care_team_meets_at_least_every_eight_weeks() {
    let id = "durham-care-team-interval";
    assert_eq!(stated(SLUG, id), recurring(8, Unit::Weeks, "care_team_meeting"));
    assert_eq!(condition(&rule(SLUG, id), "other_plan"), ["none", "pathway"]);
}

/// Planning Requirements: the minimum for looked-after children and for children on a Child Protection Plan is
/// a meeting every six weeks.
#[test]
fn care_team_meets_every_six_weeks_for_child_protection_and_looked_after() {
    let id = "durham-care-team-interval-cp-looked-after";
    assert_eq!(stated(SLUG, id), recurring(6, Unit::Weeks, "care_team_meeting"));
    assert_eq!(condition(&rule(SLUG, id), "other_plan"), ["child_protection", "looked_after"]);
}

/// Action Following Inter-Agency Planning Meeting: the plan goes onto ICS within three working days of the
/// planning meeting; the sentence leaves open whether the copies are bound by the same limit, so both readings.
#[test]
fn plan_completed_within_three_working_days_copies_unclear() {
    let id = "durham-plan-distribution";
    let values = reading_values(id);
    assert_eq!(values.len(), 2);
    assert_eq!(values[0], deadline(3, Unit::WorkingDays, "planning_meeting"));
    let other = text(&values[1]);
    assert!(other.contains("3 working days") && other.contains("no time limit"), "{other}");
    assert_eq!(rule(SLUG, id).cites, ["action-following-planning-meeting", "care-team"]);
}

/// Inter-Agency Planning Meeting / Recording: everyone who took part gets the written record within ten working
/// days (working days, not calendar days).
#[test]
fn planning_meeting_record_sent_within_ten_working_days() {
    assert_eq!(stated(SLUG, "durham-records-distribution"), deadline(10, Unit::WorkingDays, "planning_meeting"));
}

/// Planning Requirements and Action: the planning meeting is held in the closing stages of the Core Assessment,
/// timed so the assessment can be finalised in time; no number of days is given.
#[test]
fn planning_meeting_falls_in_the_final_stages_of_the_core_assessment() {
    match stated(SLUG, "durham-planning-meeting-deadline") {
        Value::Before { event, timing } => {
            assert_eq!(event, "assessment_completed");
            assert!(timing.contains("final stages") && timing.contains("required timescales"), "{timing}");
        }
        other => panic!("expected a before value, found {other:?}"),
    }
}

/// Inter-Agency Planning Meeting / Chair: the Social Worker may chair, or a Senior Practitioner or Team Manager
/// where the case is particularly complex; the source does not say "usually".
#[test]
fn social_worker_or_senior_practitioner_or_team_manager_chairs_the_planning_meeting() {
    assert_eq!(
        roles(&stated(SLUG, "durham-planning-meeting-chair")),
        (vec!["social_worker", "senior_practitioner", "team_manager"], false)
    );
}

/// Action: the social worker who is carrying out the Core Assessment calls the inter-agency planning meeting.
#[test]
fn assessing_social_worker_convenes_the_planning_meeting() {
    assert_eq!(roles(&stated(SLUG, "durham-planning-meeting-convener")), (vec!["social_worker"], false));
}

/// Planning Requirements and The Care Team / Key Tasks: the Care Team is the body responsible for putting the
/// plan into effect and developing it.
#[test]
fn the_care_team_leads_the_plan() {
    assert_eq!(roles(&stated(SLUG, "durham-plan-lead")), (vec!["care_team"], false));
}

/// The Care Team / Recording: the SW writes up each Care Team meeting; for a child on a Child Protection Plan
/// the recording of Core Group meetings is left to Durham LSCB procedures, so it is not stated there.
#[test]
fn social_worker_records_care_team_meetings_except_core_groups() {
    let id = "durham-records-minute-taker";
    assert_eq!(roles(&stated(SLUG, id)), (vec!["social_worker"], false));
    assert_eq!(condition(&rule(SLUG, id), "other_plan"), ["none", "looked_after", "pathway"]);
    let core_group = rule(SLUG, "durham-records-minute-taker-child-protection");
    assert_eq!(core_group.status, Status::NotStated);
    assert_eq!(condition(&core_group, "other_plan"), ["child_protection"]);
}

/// Inter-Agency Planning Meeting / Attendance: six kinds of attendee, with the Health Visitor for a child under
/// five and the school only for a child of school age.
#[test]
fn planning_meeting_attendance_has_six_entries() {
    let value = stated(SLUG, "durham-planning-meeting-attendees");
    let people = items(&value);
    assert_eq!(people.len(), 6, "{people:?}");
    assert!(people[0].starts_with("The child or young person"), "{}", people[0]);
    assert!(people[2].contains("Core Assessment"), "{}", people[2]);
    assert!(people[3].contains("school age"), "{}", people[3]);
    assert!(people[4].contains("Health Visitor") && people[4].contains("under 5"), "{}", people[4]);
    assert!(people[5].starts_with("Any other relevant professional"), "{}", people[5]);
}

/// Action (the NB): a Team Manager or Senior Practitioner may dispense with the planning meeting where only universal
/// services are needed, consent is refused, or the child became looked after during the assessment.
#[test]
fn three_cases_in_which_the_planning_meeting_may_be_skipped() {
    let rule = rule(SLUG, "durham-planning-meeting-waiver");
    assert!(rule.when.is_empty());
    let value = stated(SLUG, "durham-planning-meeting-waiver");
    let cases = items(&value);
    assert_eq!(cases.len(), 3, "{cases:?}");
    assert!(cases[0].contains("universally provided"), "{}", cases[0]);
    assert!(cases[1].contains("refused consent"), "{}", cases[1]);
    assert!(cases[2].contains("became looked after"), "{}", cases[2]);
}

/// Action (the NB): the fourth case, where S47 enquiries started the Core Assessment and led to an Initial Child
/// Protection Conference being called, and the Core Assessment is finalised before it; shown only for such a case,
/// with the other three.
#[test]
fn a_fourth_case_after_s47_enquiries_and_a_conference() {
    let rule = rule(SLUG, "durham-planning-meeting-waiver-s47-conference");
    assert_eq!(condition(&rule, "s47_assessment"), ["yes"]);
    assert_eq!(condition(&rule, "conference_convened"), ["yes"]);
    let value = stated(SLUG, "durham-planning-meeting-waiver-s47-conference");
    let cases = items(&value);
    assert_eq!(cases.len(), 4, "{cases:?}");
    assert!(cases[1].contains("S47") && cases[1].contains("Initial Child Protection Conference"), "{}", cases[1]);
    assert!(cases[1].contains("finalised before"), "{}", cases[1]);
    assert_eq!(items(&stated(SLUG, "durham-planning-meeting-waiver")), [cases[0], cases[2], cases[3]]);
}

/// Reviews: no time for the first review and no interval between reviews is given anywhere ("the frequency
/// specified above" points at nothing), nor who chairs a review, what brings one forward or what it can decide.
#[test]
fn review_timescales_chair_and_outcomes_are_not_stated() {
    for topic in ["review.first", "review.interval", "review.chair", "review.early_triggers", "review.outcomes"] {
        not_stated(SLUG, topic);
    }
    let interval = rule(SLUG, "durham-review-interval");
    assert!(interval.note.as_deref().is_some_and(|n| n.contains("frequency specified above")));
}

/// Reviews: the kind of review follows the kind of plan (Child's Plan Review, Child Protection Conference,
/// Looked After Review), and a looked-after child on a Child Protection Plan has both.
#[test]
fn review_type_follows_the_type_of_plan() {
    let value = stated(SLUG, "durham-review-purpose");
    let kinds = items(&value);
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert!(kinds[0].contains("Child's Plan Review"), "{}", kinds[0]);
    assert!(kinds[1].contains("Child Protection Conference"), "{}", kinds[1]);
    assert!(kinds[2].starts_with("Care Plan") && kinds[2].contains("Looked After Review"), "{}", kinds[2]);
    assert!(kinds[3].contains("both reviews"), "{}", kinds[3]);
}

/// Children/Young People in Need of Protection and Reviews: the procedure covers every child in need whatever
/// the need, so no other plan takes a child out of it; it names no step-down service and no escalation route,
/// and it is silent on visits, parental consent, excluding a family member and long-running packages.
#[test]
fn excluded_plans_and_other_silent_core_topics_are_not_stated() {
    for topic in [
        "scope.excluded_plans",
        "closure.step_down_destination",
        "closure.escalation",
        "visits.minimum_interval",
        "consent.parental",
        "family.exclusion_endorsement",
        "review.long_running",
        "records.to_social_worker",
    ] {
        not_stated(SLUG, topic);
    }
}

/// Planning Requirements, Inter-Agency Planning Meeting / Recording and Action Following Inter-Agency Planning
/// Meeting: plans, chronologies and records are kept on the Integrated Children's System.
#[test]
fn records_are_kept_on_ics() {
    assert_eq!(
        stated(SLUG, "durham-records-system"),
        Value::System { name: "Integrated Children's System (ICS)".into() }
    );
}

/// Inter-Agency Planning Meeting / Purpose and Action Following Inter-Agency Planning Meeting: four points are
/// agreed where only becoming looked after meets the need, four where it is a contingency, and a Service Manager
/// must authorise either plan.
#[test]
fn looked_after_points_and_service_manager_authorisation() {
    let value = stated(SLUG, "durham-pathway-looked-after-contingency");
    let points = items(&value);
    assert_eq!(points.len(), 9, "{points:?}");
    assert_eq!(points.iter().filter(|p| p.starts_with("If needs can only be met")).count(), 4);
    assert_eq!(points.iter().filter(|p| p.starts_with("If becoming looked after is part")).count(), 4);
    assert!(points[4].contains("trigger"), "{}", points[4]);
    assert!(points[8].contains("Service Manager") && points[8].contains("Admissions Procedure"), "{}", points[8]);
}

/// Inter-Agency Planning Meeting / Purpose and Action Following: where only becoming looked after meets the child's
/// needs, the four points for that case; where it is a contingency, the four for that; either way a Service Manager
/// authorises the plan; where the plan provides for neither, only the meeting's limits.
#[test]
fn looked_after_points_follow_what_the_plan_provides() {
    let needed = rule(SLUG, "durham-pathway-looked-after-needed");
    assert_eq!(condition(&needed, "becoming_looked_after"), ["needed"]);
    let value = stated(SLUG, "durham-pathway-looked-after-needed");
    let points = items(&value);
    assert_eq!(points.len(), 5, "{points:?}");
    assert!(points[3].contains("alternative support plan"), "{}", points[3]);
    assert!(points[4].contains("Service Manager") && points[4].contains("Admissions Procedure"), "{}", points[4]);
    let contingency = rule(SLUG, "durham-pathway-looked-after-as-contingency");
    assert_eq!(condition(&contingency, "becoming_looked_after"), ["contingency"]);
    let value = stated(SLUG, "durham-pathway-looked-after-as-contingency");
    let points = items(&value);
    assert_eq!(points.len(), 5, "{points:?}");
    assert!(points[0].contains("trigger"), "{}", points[0]);
    assert!(points[4].contains("Service Manager") && points[4].contains("Admissions Procedure"), "{}", points[4]);
    let neither = rule(SLUG, "durham-pathway-looked-after-not-planned");
    assert_eq!(condition(&neither, "becoming_looked_after"), ["no"]);
    let value = stated(SLUG, "durham-pathway-looked-after-not-planned");
    let said = text(&value);
    assert!(said.contains("beyond the authority of those attending"), "{said}");
    for id in ["durham-pathway-looked-after-needed", "durham-pathway-looked-after-as-contingency"] {
        let summary = rule(SLUG, id).summary;
        assert!(summary.contains("must make sure steps are taken"), "{summary}");
        assert!(summary.contains("beyond the authority of those attending"), "{summary}");
    }
}

/// Planning Requirements, Action and Children/Young People in Need of Protection: an Initial Assessment, a Core
/// Assessment, a Child Protection Plan, or a child ceasing to be looked after who became so during the assessment.
#[test]
fn four_routes_into_a_plan() {
    let value = stated(SLUG, "durham-scope-entry-routes");
    let routes = items(&value);
    assert_eq!(routes.len(), 4, "{routes:?}");
    assert!(routes[0].contains("Initial Assessment") && routes[0].contains("Initial Plan"), "{}", routes[0]);
    assert!(routes[1].contains("Core Assessment"), "{}", routes[1]);
    assert!(routes[2].contains("Child Protection Plan"), "{}", routes[2]);
    assert!(routes[3].contains("Ceasing to be looked after"), "{}", routes[3]);
}

/// Inter-Agency Planning Meeting / Purpose and Planning Framework: the planning meeting considers a Family Group
/// Conference; the framework's unlabelled third group lists reconsidering one, which is not tied to a review.
#[test]
fn family_group_conference_considered_at_the_planning_meeting() {
    let value = stated(SLUG, "durham-pathway-family-group-conference");
    let said = text(&value);
    assert!(said.starts_with("Considered at the Inter-Agency Planning Meeting"), "{said}");
    assert!(said.contains("Planning Framework") && said.contains("unlabelled"), "{said}");
}

/// Inter-Agency Planning Meeting / Chair: the Senior Practitioner or Team Manager chairs "if the situation is
/// particularly complex"; the roles list cannot carry that, so the note does.
#[test]
fn planning_meeting_chair_keeps_particularly_complex() {
    let rule = rule(SLUG, "durham-planning-meeting-chair");
    assert!(rule.summary.contains("particularly complex"), "{}", rule.summary);
    let note = note(SLUG, "durham-planning-meeting-chair");
    assert!(note.contains("only for a situation that is particularly complex"), "{note}");
}

/// Inter-Agency Planning Meeting / Recording: "within 10 working days" names no starting event; the note says that
/// counting from the planning meeting is a reading.
#[test]
fn record_from_the_planning_meeting_is_a_reading() {
    let note = note(SLUG, "durham-records-distribution");
    assert!(note.contains("without saying what they count from"), "{note}");
    assert!(note.contains("from the planning meeting is a reading"), "{note}");
}

/// Inter-Agency Planning Meeting / Powers and Action Following: the meeting cannot make a child looked after, nor
/// allocate resources or agree action beyond those attending; the SW makes sure the authorisation is sought.
#[test]
fn contingency_summary_keeps_the_meetings_limits_and_the_social_workers_part() {
    let summary = rule(SLUG, "durham-pathway-looked-after-contingency").summary;
    assert!(summary.contains("beyond the authority of those attending"), "{summary}");
    assert!(summary.contains("must make sure steps are taken"), "{summary}");
    assert!(!summary.contains("must obtain"), "{summary}");
}
