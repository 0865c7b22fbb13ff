use super::ics::{to_ics, IcsContext};
use super::*;
use chrono::{DateTime, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rules(json: &str) -> Vec<Rule> {
    serde_json::from_str(json).unwrap()
}

fn rule(id: &str, topic: &str, when: &str, value: &str) -> String {
    format!(
        r#"{{"id":"{id}","topic":"{topic}","status":"stated","when":{when},"value":{value},"summary":"s","cites":["c"],"note":null}}"#
    )
}

fn case(dates: &[(&str, NaiveDate)], answers: &[(&str, &str)]) -> Case {
    Case {
        dates: dates.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        answers: answers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

const PLANNING: &str = r#"{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"}"#;
const REVIEWS: &str = r#"{"kind":"recurring","amount":12,"unit":"weeks","since":"previous_review"}"#;

#[test]
fn a_deadline_is_counted_explained_and_placed_relative_to_today() {
    let rules = rules(&format!("[{}]", rule("t-pm", "planning_meeting.deadline", "{}", PLANNING)));
    let case = case(&[("plan_established", d(2026, 3, 26))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &case, d(2026, 4, 10));
    assert_eq!(t.deadlines.len(), 1);
    let dated = &t.deadlines[0].dates[0];
    assert_eq!(dated.date, d(2026, 4, 20));
    assert_eq!(dated.how, "15 working days after Thursday 26 March 2026, skipping Good Friday and Easter Monday");
    assert_eq!(dated.state, State::DueIn(10));
    assert_eq!(
        timeline(&rules, &crate::model::content_topics(), &case, d(2026, 4, 21)).deadlines[0].dates[0].state,
        State::Overdue(1)
    );
    assert_eq!(
        timeline(&rules, &crate::model::content_topics(), &case, d(2026, 4, 20)).deadlines[0].dates[0].state,
        State::DueToday
    );
}

#[test]
fn a_deadline_is_met_or_late_by_the_date_of_what_it_asks_for() {
    let rules = rules(&format!("[{}]", rule("t-pm", "planning_meeting.deadline", "{}", PLANNING)));
    let on_time = case(&[("plan_established", d(2026, 3, 26)), ("planning_meeting", d(2026, 4, 20))], &[]);
    assert_eq!(
        timeline(&rules, &crate::model::content_topics(), &on_time, d(2026, 6, 1)).deadlines[0].dates[0].state,
        State::Met(d(2026, 4, 20))
    );
    let late = case(&[("plan_established", d(2026, 3, 26)), ("planning_meeting", d(2026, 4, 21))], &[]);
    assert_eq!(
        timeline(&rules, &crate::model::content_topics(), &late, d(2026, 6, 1)).deadlines[0].dates[0].state,
        State::Late(d(2026, 4, 21))
    );
}

#[test]
fn recurring_reviews_are_laid_out_for_twelve_months_from_the_last() {
    let rules = rules(&format!("[{}]", rule("t-ri", "review.interval", "{}", REVIEWS)));
    let case = case(&[("previous_review", d(2026, 1, 5))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &case, d(2026, 4, 1));
    let dates: Vec<(NaiveDate, State)> = t.deadlines.iter().map(|x| (x.dates[0].date, x.dates[0].state)).collect();
    assert_eq!(
        dates,
        vec![
            (d(2026, 3, 30), State::Overdue(2)),
            (d(2026, 6, 22), State::Projected),
            (d(2026, 9, 14), State::Projected),
            (d(2026, 12, 7), State::Projected),
        ]
    );
    assert_eq!(t.deadlines.iter().map(|x| x.occurrence).collect::<Vec<_>>(), [Some(1), Some(2), Some(3), Some(4)]);
}

#[test]
fn an_ambiguous_rule_shows_every_reading_with_its_date() {
    let json = r#"[{"id":"t-a","topic":"planning_meeting.deadline","status":"ambiguous","when":{},"readings":[
        {"label":"10 calendar days","value":{"kind":"deadline","amount":10,"unit":"days","after":"assessment_completed"}},
        {"label":"10 working days","value":{"kind":"deadline","amount":10,"unit":"working_days","after":"assessment_completed"}}],
        "summary":"s","cites":["c"],"note":"n"}]"#;
    let rules = rules(json);
    let t = timeline(
        &rules,
        &crate::model::content_topics(),
        &case(&[("assessment_completed", d(2026, 12, 18))], &[]),
        d(2026, 12, 18),
    );
    let readings: Vec<(Option<&str>, NaiveDate)> =
        t.deadlines[0].dates.iter().map(|x| (x.reading.as_deref(), x.date)).collect();
    assert_eq!(
        readings,
        vec![(Some("10 calendar days"), d(2026, 12, 28)), (Some("10 working days"), d(2027, 1, 6))],
        "working days skip Christmas, Boxing Day (substitute) and New Year's Day"
    );
    assert_eq!(
        t.deadlines[0].dates[0].how,
        "10 calendar days after Friday 18 December 2026 lands on Monday 28 December 2026, Boxing Day (substitute day)",
        "the count names the date it lands on, then the day off"
    );
}

#[test]
fn a_count_that_lands_on_a_day_off_names_the_date_it_lands_on() {
    let weekend = crate::calendar::add(d(2026, 2, 10), 3, crate::model::Unit::Months).unwrap();
    assert_eq!(how(&weekend), "3 months after Tuesday 10 February 2026 lands on Sunday 10 May 2026, a Sunday");
    let christmas = crate::calendar::add(d(2026, 12, 11), 2, crate::model::Unit::Weeks).unwrap();
    assert_eq!(
        how(&christmas),
        "2 weeks after Friday 11 December 2026 lands on Friday 25 December 2026, Christmas Day"
    );
    let weekday = crate::calendar::add(d(2026, 2, 10), 1, crate::model::Unit::Months).unwrap();
    assert_eq!(how(&weekday), "1 month after Tuesday 10 February 2026", "a working day needs no word");
    let working = crate::calendar::add(d(2026, 12, 18), 1, crate::model::Unit::WorkingDays).unwrap();
    assert_eq!(
        how(&working),
        "1 working day after Friday 18 December 2026",
        "a working-day count never lands on a day off"
    );
}

#[test]
fn conditions_that_do_not_hold_leave_a_rule_out_and_the_specific_rule_wins() {
    let json = format!(
        "[{},{},{}]",
        rule("t-general", "review.interval", "{}", REVIEWS),
        rule("t-disabled", "review.interval", r#"{"disabled":["yes"]}"#, &REVIEWS.replace("12", "26")),
        rule("t-team", "review.first", r#"{"team":["east"]}"#, PLANNING),
    );
    let rules = rules(&json);
    let ids = |answers: &[(&str, &str)]| -> Vec<(String, usize)> {
        let case = case(&[("previous_review", d(2026, 1, 5)), ("plan_established", d(2026, 1, 2))], answers);
        let mut ids: Vec<(String, usize)> =
            applicable(&rules, &case).iter().map(|(r, u)| (r.id.clone(), u.len())).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&[]), [("t-disabled".into(), 1), ("t-general".into(), 0), ("t-team".into(), 1)]);
    assert_eq!(ids(&[("disabled", "yes"), ("team", "west")]), [("t-disabled".to_owned(), 0)]);
    assert_eq!(ids(&[("disabled", "no"), ("team", "east")]), [("t-general".into(), 0), ("t-team".into(), 0)]);
}

#[test]
fn one_date_gives_the_first_year_and_a_held_meeting_moves_the_chain() {
    let first = r#"{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"}"#;
    let json =
        format!("[{},{}]", rule("t-ri", "review.interval", "{}", REVIEWS), rule("t-rf", "review.first", "{}", first));
    let rules = rules(&json);
    let plan = case(&[("plan_established", d(2026, 3, 26))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &plan, d(2026, 4, 1));
    let dates: Vec<(NaiveDate, &str)> = t.deadlines.iter().map(|x| (x.dates[0].date, x.dates[0].state.id())).collect();
    assert_eq!(
        dates,
        vec![
            (d(2026, 4, 20), "due"),
            (d(2026, 7, 13), "projected"),
            (d(2026, 10, 5), "projected"),
            (d(2026, 12, 28), "projected"),
            (d(2027, 3, 22), "projected"),
        ],
        "the first review, then every 12 weeks from its due date for a year"
    );
    assert_eq!(
        t.deadlines[1].dates[0].how,
        "If the first review is held when it is due: 12 weeks after Monday 20 April 2026"
    );
    assert!(t.waiting.is_empty(), "{:?}", t.waiting);
    let mut seen: Vec<NaiveDate> = t.deadlines.iter().map(|x| x.dates[0].date).collect();
    seen.dedup();
    assert_eq!(seen.len(), t.deadlines.len(), "no meeting appears twice");
    // The first review held on 24 April: the cycle counts from that date instead.
    let held = case(&[("plan_established", d(2026, 3, 26)), ("previous_review", d(2026, 4, 24))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &held, d(2026, 5, 1));
    assert_eq!(t.deadlines[0].dates[0].state, State::Late(d(2026, 4, 24)));
    assert_eq!(t.deadlines[1].dates[0].date, d(2026, 7, 17));
    assert_eq!(t.deadlines[1].dates[0].state, State::DueIn(77));
}

#[test]
fn gaps_and_missing_dates_are_listed() {
    let json = format!(
        r#"[{},{{"id":"t-v","topic":"visits.minimum_interval","status":"not_stated","when":{{}},"summary":"s","cites":[],"note":null}},
        {{"id":"t-c","topic":"consent.parental","status":"not_stated","when":{{}},"summary":"s","cites":[],"note":null}}]"#,
        rule("t-ri", "review.interval", "{}", REVIEWS)
    );
    let rules = rules(&json);
    let t = timeline(&rules, &crate::model::content_topics(), &Case::default(), d(2026, 1, 1));
    assert!(t.deadlines.is_empty());
    assert_eq!(t.waiting.iter().map(|w| w.needs.as_str()).collect::<Vec<_>>(), ["previous_review"]);
    assert_eq!(t.no_timescale.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["t-v"], "consent is no timescale");
}

#[test]
fn records_after_a_meeting_follow_each_meeting_held_and_all_sort_by_date() {
    let minutes = r#"{"kind":"deadline","amount":10,"unit":"working_days","after":"meeting_held"}"#;
    let json = format!(
        "[{},{}]",
        rule("t-rec", "records.distribution", "{}", minutes),
        rule("t-pm", "planning_meeting.deadline", "{}", PLANNING)
    );
    let rules = rules(&json);
    let case = case(
        &[("plan_established", d(2026, 3, 2)), ("planning_meeting", d(2026, 3, 9)), ("previous_review", d(2026, 6, 1))],
        &[],
    );
    let t = timeline(&rules, &crate::model::content_topics(), &case, d(2026, 6, 2));
    assert_eq!(t.deadlines[1].dates[0].state, State::Passed(71), "nothing in the case shows the minutes went out");
    assert_eq!(t.deadlines[0].dates[0].state, State::Met(d(2026, 3, 9)));
    let rows: Vec<(&str, Option<&str>, NaiveDate)> =
        t.deadlines.iter().map(|x| (x.rule.id.as_str(), x.about.as_deref(), x.dates[0].date)).collect();
    assert_eq!(
        rows,
        vec![
            ("t-pm", None, d(2026, 3, 23)),
            ("t-rec", Some("after the planning meeting"), d(2026, 3, 23)),
            ("t-rec", Some("after the last review"), d(2026, 6, 15)),
        ]
    );
}

/// The calendar file's context for Test Council, downloaded on 23 November 2026.
fn test_context<'a>(label: &'a dyn Fn(&str) -> String) -> IcsContext<'a> {
    IcsContext {
        authority: "Test Council",
        slug: "test",
        topic_label: label,
        page_url: "https://example.org/deadlines/test?plan_established=2026-03-26",
        now: DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap().with_timezone(&Utc),
    }
}

#[test]
fn the_calendar_file_is_valid_rfc_5545_and_parses() {
    let json = format!(
        "[{},{}]",
        rule("t-pm", "planning_meeting.deadline", "{}", PLANNING).replace("\"s\"", "\"Hold it; soon, really: a long summary that goes on well beyond seventy-five octets so that the line must fold\""),
        rule("t-ri", "review.interval", "{}", REVIEWS)
    );
    let rules = rules(&json);
    let case = case(&[("plan_established", d(2026, 3, 26)), ("previous_review", d(2026, 1, 5))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &case, d(2026, 4, 1));
    let label = |topic: &str| format!("Topic {topic}");
    let ctx = test_context(&label);
    let text = to_ics(&t, &ctx);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"), "{text}");
    assert!(text.lines().all(|l| l.trim_end_matches('\r').len() <= 75), "every line folded to 75 octets");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    let event = text.split("BEGIN:VEVENT").find(|e| e.contains("UID:t-pm-")).unwrap();
    assert!(event.contains("\r\nDTSTART;VALUE=DATE:20260420\r\n"), "all-day start: {event}");
    assert!(event.contains("\r\nDTEND;VALUE=DATE:20260421\r\n"), "ends the next day (exclusive): {event}");
    assert!(text.contains("SUMMARY:Topic review.interval (later\\, if each is held on time)"), "{text}");
    assert!(text.contains("DTSTAMP:20261123T100000Z"));
    assert!(text.contains("Hold it\\; soon\\, really"), "text is escaped: {text}");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1 + 4);
    assert_eq!(to_ics(&t, &ctx), text, "the same timeline gives the same file (stable UIDs)");
    let parsed: icalendar::Calendar = text.parse().expect("a real parser reads it");
    assert_eq!(parsed.components.len(), 5);
    use icalendar::Component;
    let summaries: Vec<String> = parsed
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .filter_map(|e| e.get_summary().map(str::to_owned))
        .collect();
    assert!(summaries.contains(&"Topic planning_meeting.deadline – Test Council".to_owned()), "{summaries:?}");
    let description = parsed
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .find_map(|e| e.get_description().filter(|d| d.starts_with("Hold it")).map(str::to_owned));
    assert!(description.unwrap().starts_with("Hold it; soon, really: a long summary"), "unescaped and unfolded");
}

#[test]
fn states_read_in_words() {
    assert_eq!(State::Overdue(1).describe(), "overdue by 1 day if not yet held");
    assert_eq!(State::DueIn(12).describe(), "due in 12 days");
    assert_eq!(State::Met(d(2026, 4, 20)).describe(), "met (held Monday 20 April 2026)");
}

#[test]
fn the_questions_are_the_ones_the_rules_need() {
    let minutes = r#"{"kind":"deadline","amount":10,"unit":"working_days","after":"meeting_held"}"#;
    let json = format!(
        "[{},{},{}]",
        rule("t-rec", "records.distribution", "{}", minutes),
        rule("t-ri", "review.interval", r#"{"team":["east"],"disabled":["yes"]}"#, REVIEWS),
        rule("t-pm", "planning_meeting.deadline", "{}", PLANNING)
    );
    let rules = rules(&json);
    assert_eq!(
        needed_dates(&rules, &crate::model::content_topics()),
        ["plan_established", "planning_meeting", "previous_review"]
    );
    assert_eq!(needed_answers(&rules), ["team", "disabled"]);
    assert_eq!(question("team"), "Which team holds the case?");
    assert_eq!(choice_label("other_plan", "child_protection"), "A child protection plan");
}

#[test]
fn each_reading_counts_from_its_own_event_and_a_missing_one_is_asked_for() {
    let json = r#"[{"id":"t-f","topic":"review.first","status":"ambiguous","when":{},"readings":[
        {"label":"the initial meeting","value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"}},
        {"label":"the next meeting","value":{"kind":"deadline","amount":3,"unit":"months","after":"planning_meeting"}}],
        "summary":"s","cites":["c"],"note":"n"}]"#;
    let rules = rules(json);
    let both = case(&[("plan_established", d(2026, 10, 5)), ("planning_meeting", d(2026, 10, 20))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &both, d(2026, 11, 23));
    let dates: Vec<NaiveDate> = t.deadlines[0].dates.iter().map(|x| x.date).collect();
    assert_eq!(dates, [d(2026, 10, 26), d(2027, 1, 20)]);
    assert!(t.waiting.is_empty());
    let one = case(&[("plan_established", d(2026, 10, 5))], &[]);
    let t = timeline(&rules, &crate::model::content_topics(), &one, d(2026, 11, 23));
    assert_eq!(t.deadlines[0].dates.len(), 1);
    assert_eq!(t.waiting.iter().map(|w| w.needs.as_str()).collect::<Vec<_>>(), ["planning_meeting"]);
}

#[test]
fn the_calendar_file_leaves_out_dates_outside_the_years_a_date_may_be_entered_in() {
    let rules = rules(&format!("[{}]", rule("t-pm", "planning_meeting.deadline", "{}", PLANNING)));
    let case = case(&[("plan_established", d(2026, 3, 26))], &[]);
    let mut t = timeline(&rules, &crate::model::content_topics(), &case, d(2026, 4, 1));
    let good = t.deadlines[0].clone();
    for (i, date) in [d(1899, 12, 31), d(2101, 1, 1), NaiveDate::MIN, NaiveDate::MAX].into_iter().enumerate() {
        let mut bad = good.clone();
        bad.rule.id = format!("t-bad{i}");
        bad.dates[0].date = date;
        t.deadlines.push(bad);
    }
    let text = to_ics(&t, &test_context(&|topic: &str| format!("Topic {topic}")));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:20260420\r\n") && !text.contains("t-bad"), "{text}");
    let starts: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")).collect();
    assert!(starts.iter().all(|s| s.trim_end().len() == 8), "{starts:?}");
    let parsed: icalendar::Calendar = text.parse().expect("a real parser reads it");
    assert_eq!(parsed.components.len(), 1);
}

const MINUTES: &str = r#"{"kind":"deadline","amount":10,"unit":"working_days","after":"meeting_held"}"#;

/// A procedure that names one meeting, the initial review, for both the planning meeting and the first review (the
/// planning meeting's rule says `same_meeting`): reviews every 12 weeks for one team and 26 for another, and the
/// minutes go out 10 working days after each meeting.
fn one_meeting_rules() -> Vec<Rule> {
    let planning = rule("t-pm", "planning_meeting.deadline", "{}", PLANNING)
        .replace(r#""summary""#, r#""same_meeting":"review.first","summary""#);
    rules(&format!(
        "[{planning},{},{},{},{}]",
        rule("t-rf", "review.first", "{}", PLANNING),
        rule("t-ri12", "review.interval", r#"{"team":["assessment"]}"#, REVIEWS),
        rule("t-ri26", "review.interval", r#"{"team":["disability"]}"#, &REVIEWS.replace("12", "26")),
        rule("t-rec", "records.distribution", "{}", MINUTES),
    ))
}

/// Each deadline's rule, what it is about, first date and state.
fn rows(t: &Timeline) -> Vec<(&str, Option<&str>, NaiveDate, State)> {
    t.deadlines.iter().map(|x| (x.rule.id.as_str(), x.about.as_deref(), x.dates[0].date, x.dates[0].state)).collect()
}

/// No rule gives the same occurrence twice and no date is on two deadlines: no meeting appears twice.
fn assert_each_meeting_once(t: &Timeline) {
    let mut keys: Vec<(&str, Option<&str>, Option<u32>)> =
        t.deadlines.iter().map(|x| (x.rule.id.as_str(), x.about.as_deref(), x.occurrence)).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), t.deadlines.len(), "a rule appears twice: {:?}", rows(t));
    let mut dates: Vec<NaiveDate> =
        t.deadlines.iter().filter(|x| x.about.is_none()).flat_map(|x| x.dates.iter().map(|d| d.date)).collect();
    dates.sort();
    dates.dedup();
    let meetings = t.deadlines.iter().filter(|x| x.about.is_none()).map(|x| x.dates.len()).sum::<usize>();
    assert_eq!(dates.len(), meetings, "a meeting appears twice: {:?}", rows(t));
}

#[test]
fn a_meeting_the_procedure_names_once_is_asked_for_once_and_shown_once() {
    let (rules, topics) = (one_meeting_rules(), crate::model::content_topics());
    assert_eq!(
        needed_dates(&rules, &topics),
        ["plan_established", "previous_review"],
        "the planning meeting's date is not asked: the initial review's is"
    );
    // From the plan date alone: the initial review once, then every 12 weeks from its due date for a year.
    let plan = case(&[("plan_established", d(2026, 3, 26))], &[("team", "assessment")]);
    let t = timeline(&rules, &topics, &plan, d(2026, 4, 1));
    assert_eq!(
        rows(&t),
        vec![
            ("t-rf", None, d(2026, 4, 20), State::DueIn(19)),
            ("t-ri12", None, d(2026, 7, 13), State::Projected),
            ("t-ri12", None, d(2026, 10, 5), State::Projected),
            ("t-ri12", None, d(2026, 12, 28), State::Projected),
            ("t-ri12", None, d(2027, 3, 22), State::Projected),
        ]
    );
    assert_each_meeting_once(&t);
    let also: Vec<(&str, Option<&str>)> =
        t.deadlines[0].also.iter().map(|a| (a.rule.id.as_str(), a.reading.as_deref())).collect();
    assert_eq!(also, [("t-pm", None)], "the one deadline says it is also the planning meeting");
    assert_eq!(
        t.deadlines[1].dates[0].how,
        "If the first review is held when it is due: 12 weeks after Monday 20 April 2026"
    );
    assert_eq!(
        t.deadlines[3].dates[0].how,
        "12 weeks after Monday 5 October 2026 lands on Monday 28 December 2026, Boxing Day (substitute day)"
    );
    let waiting: Vec<(&str, &str)> = t.waiting.iter().map(|w| (w.rule.id.as_str(), w.needs.as_str())).collect();
    assert_eq!(waiting, [("t-rec", "previous_review")], "the minutes wait for the one meeting there is a date for");
    // The initial review held late, on Friday 24 April: it meets the one deadline once, the minutes follow it and the
    // cycle counts from it. A planning meeting date (from an old link) changes nothing.
    let held = case(
        &[
            ("plan_established", d(2026, 3, 26)),
            ("previous_review", d(2026, 4, 24)),
            ("planning_meeting", d(2026, 4, 22)),
        ],
        &[("team", "assessment")],
    );
    let t = timeline(&rules, &topics, &held, d(2026, 5, 1));
    assert_eq!(
        rows(&t),
        vec![
            ("t-rf", None, d(2026, 4, 20), State::Late(d(2026, 4, 24))),
            ("t-rec", Some("after the last review"), d(2026, 5, 11), State::DueIn(10)),
            ("t-ri12", None, d(2026, 7, 17), State::DueIn(77)),
            ("t-ri12", None, d(2026, 10, 9), State::Projected),
            ("t-ri12", None, d(2027, 1, 1), State::Projected),
            ("t-ri12", None, d(2027, 3, 26), State::Projected),
        ]
    );
    assert_each_meeting_once(&t);
    assert!(t.waiting.is_empty(), "{:?}", t.waiting);
}

/// A procedure whose initial meeting is its planning meeting and, under one reading of the first review, also the
/// first review (that reading says `same_meeting`); under the other, the first review is 3 months after it.
/// Reviews follow every 3 months; the minutes go out 10 working days after each meeting.
fn initial_meeting_rules() -> Vec<Rule> {
    let first = format!(
        r#"{{"id":"t-rf","topic":"review.first","status":"ambiguous","when":{{}},"readings":[
        {{"label":"the initial meeting","value":{PLANNING},"same_meeting":"planning_meeting.deadline"}},
        {{"label":"the next meeting","value":{{"kind":"deadline","amount":3,"unit":"months","after":"planning_meeting"}}}}],
        "summary":"s","cites":["c"],"note":"n"}}"#
    );
    rules(&format!(
        "[{},{first},{},{}]",
        rule("t-pm", "planning_meeting.deadline", "{}", PLANNING),
        rule("t-ri", "review.interval", "{}", &REVIEWS.replace("12", "3").replace("weeks", "months")),
        rule("t-rec", "records.distribution", "{}", MINUTES),
    ))
}

#[test]
fn a_reading_that_makes_the_initial_meeting_the_first_review_shows_it_once() {
    let (rules, topics) = (initial_meeting_rules(), crate::model::content_topics());
    assert_eq!(
        needed_dates(&rules, &topics),
        ["plan_established", "planning_meeting", "previous_review"],
        "the initial meeting is asked for once, as the planning meeting: the other reading counts from it"
    );
    // From the plan date alone: the initial meeting once, saying it is the first review under that reading; the cycle
    // from its due date; the other reading waits for the meeting's date.
    let plan = case(&[("plan_established", d(2026, 3, 26))], &[]);
    let t = timeline(&rules, &topics, &plan, d(2026, 4, 1));
    assert_eq!(
        rows(&t),
        vec![
            ("t-pm", None, d(2026, 4, 20), State::DueIn(19)),
            ("t-ri", None, d(2026, 7, 20), State::Projected),
            ("t-ri", None, d(2026, 10, 20), State::Projected),
            ("t-ri", None, d(2027, 1, 20), State::Projected),
            ("t-ri", None, d(2027, 4, 20), State::Projected),
        ]
    );
    assert_each_meeting_once(&t);
    let also: Vec<(&str, Option<&str>)> =
        t.deadlines[0].also.iter().map(|a| (a.rule.id.as_str(), a.reading.as_deref())).collect();
    assert_eq!(also, [("t-rf", Some("the initial meeting"))]);
    assert_eq!(
        t.deadlines[1].dates[0].how,
        "If the planning meeting is held when it is due (reading “the initial meeting”): 3 months after Monday 20 \
         April 2026"
    );
    let waiting: Vec<(&str, &str)> = t.waiting.iter().map(|w| (w.rule.id.as_str(), w.needs.as_str())).collect();
    assert_eq!(waiting, [("t-rf", "planning_meeting"), ("t-rec", "meeting_held")]);
    // The initial meeting held on Friday 17 April: it meets its deadline; the first review under the other reading is
    // dated from it, naming the first reading as the initial meeting itself; the cycle runs on from that review.
    let held = case(&[("plan_established", d(2026, 3, 26)), ("planning_meeting", d(2026, 4, 17))], &[]);
    let t = timeline(&rules, &topics, &held, d(2026, 5, 1));
    assert_eq!(
        rows(&t),
        vec![
            ("t-pm", None, d(2026, 4, 20), State::Met(d(2026, 4, 17))),
            ("t-rec", Some("after the planning meeting"), d(2026, 5, 1), State::DueToday),
            ("t-rf", None, d(2026, 7, 17), State::DueIn(77)),
            ("t-ri", None, d(2026, 10, 17), State::Projected),
            ("t-ri", None, d(2027, 1, 17), State::Projected),
            ("t-ri", None, d(2027, 4, 17), State::Projected),
            ("t-ri", None, d(2027, 7, 17), State::Projected),
        ]
    );
    assert_each_meeting_once(&t);
    let first = &t.deadlines[2];
    assert_eq!(first.dates.iter().map(|x| x.reading.as_deref()).collect::<Vec<_>>(), [Some("the next meeting")]);
    let elsewhere: Vec<(&str, Option<&str>)> =
        first.shown_with.iter().map(|a| (a.rule.id.as_str(), a.reading.as_deref())).collect();
    assert_eq!(elsewhere, [("t-pm", Some("the initial meeting"))]);
    assert_eq!(
        t.deadlines[3].dates[0].how,
        "If the first review is held when it is due: 3 months after Friday 17 July 2026 lands on Saturday 17 October \
         2026, a Saturday"
    );
    assert!(t.waiting.is_empty(), "{:?}", t.waiting);
}
