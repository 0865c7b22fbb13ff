//! York: timescales, roles and outcomes checked against the source paragraphs of "3.1 Children in Need Plans and
//! Reviews - Practice Guidance" (sections 1–6, unnumbered paragraphs).

use super::*;

const SLUG: &str = "york";

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

/// The (label, destination) pairs of an outcomes value, in order.
fn labelled_destinations(value: &Value) -> Vec<(&str, Option<&str>)> {
    match value {
        Value::Outcomes { outcomes } => outcomes.iter().map(|o| (o.label.as_str(), o.destination.as_deref())).collect(),
        other => panic!("expected outcomes, found {other:?}"),
    }
}

/// 4, Arranging a Child in Need Review Meeting, first paragraph: the Initial Child in Need Review Meeting is set up
/// within fifteen working days (not calendar days) of the plan being put in place after assessment, whatever team.
#[test]
fn initial_review_within_fifteen_working_days_of_the_plan() {
    let id = "york-review-first";
    assert_eq!(stated(SLUG, id), deadline(15, Unit::WorkingDays, "plan_established"));
    assert!(rule(SLUG, id).when.is_empty(), "the first review does not depend on the team");
}

/// 4, first paragraph, and 5, the plan-development agenda item: the procedure names one meeting, the Initial Child in
/// Need Review Meeting, which does the planning meeting's work and is the first review. The planning meeting's rule
/// says so, so a case's timeline shows that meeting once (as the first review), no planning meeting date is asked,
/// and the minutes follow the last review only.
#[test]
fn the_initial_review_meeting_is_the_planning_meeting_and_is_shown_once() {
    assert_eq!(rule(SLUG, "york-planning-meeting-deadline").same_meeting.as_deref(), Some("review.first"));
    let dates = cin_procedure_explorer::timeline::needed_dates(&rules(SLUG), &topics());
    assert_eq!(dates, ["plan_established", "previous_review"]);
    // A plan agreed on Thursday 26 March 2026 (Good Friday and Easter Monday skipped) for a Children in Need and
    // Assessment Team: the initial meeting on Monday 20 April, then at least every 12 weeks from its due date.
    let plan = [("plan_established", "2026-03-26"), ("team", "children_in_need_assessment")];
    let t = timeline_of(SLUG, &plan, "2026-04-01");
    let on = ["planning_meeting.deadline", "review.first", "review.interval"];
    let expected = [
        ("review.first", "2026-04-20"),
        ("review.interval", "2026-07-13"),
        ("review.interval", "2026-10-05"),
        ("review.interval", "2026-12-28"),
        ("review.interval", "2027-03-22"),
    ];
    assert_eq!(dated_on(&t, &on), expected.map(|(t, d)| (t.to_owned(), d.to_owned())));
    let also: Vec<&str> = t.deadlines[0].also.iter().map(|a| a.rule.id.as_str()).collect();
    assert_eq!(also, ["york-planning-meeting-deadline"]);
    // The initial meeting held on Friday 24 April: it meets the one deadline, and the cycle counts from it.
    let held = [
        ("plan_established", "2026-03-26"),
        ("previous_review", "2026-04-24"),
        ("team", "children_in_need_assessment"),
    ];
    let t = timeline_of(SLUG, &held, "2026-05-01");
    let first: Vec<(String, String)> = dated_on(&t, &on).into_iter().take(2).collect();
    assert_eq!(
        first,
        [("review.first", "2026-04-20"), ("review.interval", "2026-07-17")].map(|(t, d)| (t.to_owned(), d.to_owned()))
    );
    let minutes: Vec<Option<&str>> =
        t.deadlines.iter().filter(|d| d.rule.topic.starts_with("records.")).map(|d| d.about.as_deref()).collect();
    assert_eq!(minutes, [Some("after the last review"); 2]);
}

/// 4, first paragraph, and 5, the plan-development agenda item: York has no separate planning meeting; the outline
/// plan is developed at the Initial Review Meeting, so the planning deadline is the same fifteen working days.
#[test]
fn planning_happens_at_the_initial_review_within_fifteen_working_days() {
    let id = "york-planning-meeting-deadline";
    assert_eq!(stated(SLUG, id), deadline(15, Unit::WorkingDays, "plan_established"));
    assert_eq!(rule(SLUG, id).cites, ["arranging-a-review", "the-review-meeting"]);
}

/// 1, Introduction, third paragraph, and 4, second paragraph: cases held by the Children in Need and Assessment
/// Teams or the Child Protection and Children in Care Teams are reviewed at least every twelve weeks.
#[test]
fn assessment_and_child_protection_team_cases_reviewed_every_twelve_weeks() {
    let id = "york-review-interval-12-weeks";
    assert_eq!(stated(SLUG, id), recurring(12, Unit::Weeks, "previous_review"));
    assert_eq!(
        condition(&rule(SLUG, id), "team"),
        ["children_in_need_assessment", "child_protection_children_in_care"]
    );
}

/// 1, Introduction, third paragraph, and 4, second paragraph: cases held by the Health and Disability Team are
/// reviewed at least every twenty six weeks.
#[test]
fn health_and_disability_team_cases_reviewed_every_twenty_six_weeks() {
    let id = "york-review-interval-health-disability";
    assert_eq!(stated(SLUG, id), recurring(26, Unit::Weeks, "previous_review"));
    assert_eq!(condition(&rule(SLUG, id), "team"), ["health_disability"]);
}

/// 1 and 4: the procedure gives exactly two review intervals, chosen by the team holding the case, and no interval
/// that applies whatever the team.
#[test]
fn only_two_review_intervals_split_by_team() {
    let mut found: Vec<(Vec<String>, Option<Value>)> = rules(SLUG)
        .into_iter()
        .filter(|r| r.topic == "review.interval")
        .map(|r| (r.when.get("team").cloned().unwrap_or_default(), r.value))
        .collect();
    found.sort_by_key(|(teams, _)| teams.len());
    let health = vec!["health_disability".to_string()];
    let others = vec!["children_in_need_assessment".to_string(), "child_protection_children_in_care".to_string()];
    assert_eq!(
        found,
        [
            (health, Some(recurring(26, Unit::Weeks, "previous_review"))),
            (others, Some(recurring(12, Unit::Weeks, "previous_review"))),
        ]
    );
}

/// 4, last paragraph: the Chair is the Social Worker or a Manager, for the Initial Review Meeting as for later ones,
/// and the source does not say "usually".
#[test]
fn social_worker_or_manager_chairs_review_meetings() {
    assert_eq!(roles(&stated(SLUG, "york-review-chair")), (vec!["social_worker", "manager"], false));
    assert_eq!(roles(&stated(SLUG, "york-planning-meeting-chair")), (vec!["social_worker", "manager"], false));
}

/// 4, fourth paragraph: leaving a family member out of a meeting needs a Service Manager's endorsement.
#[test]
fn service_manager_endorses_excluding_a_family_member() {
    assert_eq!(roles(&stated(SLUG, "york-family-exclusion-endorsement")), (vec!["service_manager"], false));
}

/// 5, agenda item "Introductions": the Chair asks for or nominates a Minute Taker from the professionals present.
#[test]
fn chair_nominates_a_professional_to_take_the_minutes() {
    assert_eq!(roles(&stated(SLUG, "york-records-minute-taker")), (vec!["nominated_professional"], false));
}

/// 5, paragraph after the agenda, and "The Child in Need Review Meeting record on Mosaic": minutes reach the Social
/// Worker at the end of the meeting or within two working days.
#[test]
fn minutes_reach_the_social_worker_within_two_working_days() {
    assert_eq!(stated(SLUG, "york-records-to-social-worker"), deadline(2, Unit::WorkingDays, "meeting_held"));
}

/// 5, paragraph after the agenda, and "The Child in Need Review Meeting record on Mosaic": Children's Social Care
/// sends the minutes to every Child in Need Team Member within ten working days.
#[test]
fn minutes_circulated_within_ten_working_days() {
    assert_eq!(stated(SLUG, "york-records-distribution"), deadline(10, Unit::WorkingDays, "meeting_held"));
}

/// 5, "The Child in Need Review Meeting record on Mosaic": the minutes are stored on Mosaic.
#[test]
fn minutes_are_kept_on_mosaic() {
    assert_eq!(stated(SLUG, "york-records-system"), Value::System { name: "Mosaic".into() });
}

/// 1, Introduction, second paragraph; 5, agenda item "Any additional discussion"; 6, Concluding a Child in Need
/// Plan: a review can step the work down to a Team Around the Child, keep it as Child in Need, or lead to a
/// multi-agency Strategy Discussion; closing the case is not named as an outcome.
#[test]
fn review_outcomes_step_down_continue_or_strategy_discussion() {
    let value = stated(SLUG, "york-review-outcomes");
    assert_eq!(outcome_ids(&value), ["step_down", "continue", "strategy_discussion"]);
    let destinations: Vec<Option<&str>> = labelled_destinations(&value).into_iter().map(|(_, d)| d).collect();
    assert_eq!(destinations, [Some("Team Around the Child"), None, None]);
    assert!(labelled_destinations(&value)[1].0.contains("Child in Need"));
}

/// 6, Concluding a Child in Need Plan (also 1 and 5): work stepped down from Children's Social Care goes to a Team
/// Around the Child; serious safeguarding concerns lead to a multi-agency Strategy Discussion.
#[test]
fn step_down_to_team_around_the_child_and_escalation_to_strategy_discussion() {
    let step_down = stated(SLUG, "york-closure-step-down-destination");
    assert_eq!(outcome_ids(&step_down), ["step_down"]);
    assert_eq!(labelled_destinations(&step_down)[0].1, Some("Team Around the Child"));
    let escalation = stated(SLUG, "york-closure-escalation");
    assert_eq!(outcome_ids(&escalation), ["strategy_discussion"]);
    assert_eq!(labelled_destinations(&escalation)[0].1, None);
}

/// 2, Statutory Framework, closing paragraph: no Child in Need Plan is needed where one of three other plans is in
/// place.
#[test]
fn three_plans_make_a_child_in_need_plan_unnecessary() {
    assert_eq!(
        items(&stated(SLUG, "york-scope-excluded-plans")),
        ["Child Protection Plan", "Looked After Child Care Plan", "Pathway Plan"]
    );
    assert_eq!(plan_ids(&stated(SLUG, "york-scope-excluded-plans")), ["child_protection", "looked_after", "pathway"]);
}

/// 3, The Child in Need Plan, and 5, the plan-development agenda item: the plan is built on five questions.
#[test]
fn plan_answers_five_questions() {
    assert_eq!(
        items(&stated(SLUG, "york-plan-contents")),
        [
            "What are we worried about?",
            "What actions are required to bring about change?",
            "Who will do what?",
            "By when?",
            "What should the result be?",
        ]
    );
}

/// 3, The Child in Need Plan, first list: five routes into a plan, from a Single Assessment to support under a
/// Special Guardianship Order.
#[test]
fn five_routes_into_a_child_in_need_plan() {
    let value = stated(SLUG, "york-scope-entry-routes");
    let routes = items(&value);
    assert_eq!(routes.len(), 5);
    let markers = [
        "Single Assessment",
        "Review Child Protection Conference",
        "Looked After Child Review",
        "Section 37",
        "Special Guardianship Order",
    ];
    for (route, marker) in routes.iter().zip(markers) {
        assert!(route.contains(marker), "route {route:?} should mention {marker}");
    }
    assert!(routes[0].contains("Section 47") && routes[0].contains("Pre-birth"));
    assert!(routes[4].contains("Section 31 Supervision Order") && routes[4].contains("Family Assistance Order"));
}

/// 5, "Child in Need Review Meeting Agenda": ten agenda items, from introductions to fixing the next meeting.
#[test]
fn review_agenda_has_ten_items_in_order() {
    let value = stated(SLUG, "york-review-purpose");
    let agenda = items(&value);
    assert_eq!(agenda.len(), 10);
    assert!(agenda[0].starts_with("Introductions"));
    assert!(agenda[5].contains("views and wishes of the child"));
    assert!(agenda[6].contains("views and wishes of the parents or carers"));
    assert!(agenda[8].contains("when the child has been seen"));
    assert!(agenda[9].contains("next Child in Need Review Meeting"));
}

/// 4, Arranging a Child in Need Review Meeting, third to fifth paragraphs: who takes part, including the family
/// (unless that would put someone at risk), the child where appropriate, the Chair and advocates or solicitors.
#[test]
fn review_meeting_attendees() {
    let value = stated(SLUG, "york-planning-meeting-attendees");
    let people = items(&value);
    assert_eq!(people.len(), 7);
    assert!(people[0].starts_with("The child or young person"));
    assert!(people[1].starts_with("Family members") && people[1].contains("forced marriage"));
    assert!(people[3].contains("Social Worker or a Manager"));
    assert!(people[6].starts_with("A solicitor"));
}

/// 4, first paragraph: a review meeting can be called at any time; no particular triggers are listed.
#[test]
fn a_review_can_be_called_at_any_time() {
    let value = stated(SLUG, "york-review-early-triggers");
    assert!(text(&value).contains("at any time"));
    assert!(text(&value).contains("No specific triggers"));
}

/// Whole procedure (sections 1–6): it says nothing on parental consent, who convenes the first meeting, who gets the
/// plan, who leads it, long-running packages or how often the child is visited.
#[test]
fn core_topics_the_procedure_leaves_unstated() {
    for topic in [
        "consent.parental",
        "planning_meeting.convener",
        "plan.distribution",
        "plan.lead",
        "review.long_running",
        "visits.minimum_interval",
    ] {
        not_stated(SLUG, topic);
    }
}

/// 5, last paragraphs: "within ten working days" and "within two working days" name no starting event; counting
/// both from the meeting is a reading, and each rule's note says so.
#[test]
fn minutes_timescales_from_the_meeting_are_readings() {
    for id in ["york-records-distribution", "york-records-to-social-worker"] {
        let note = note(SLUG, id);
        assert!(note.contains("from the meeting is a reading"), "{id}: {note}");
    }
    assert!(!rule(SLUG, "york-records-distribution").summary.contains("counted here"));
}
