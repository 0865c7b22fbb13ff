use super::*;
use crate::model::{content_topics, parse_authority};

fn authority() -> Authority {
    let mut a = parse_authority("minimal", include_str!("../../../tests/fixtures/minimal/authority.json")).unwrap();
    a.slug = "north".into();
    a
}

const RULES: &str = r#"[
  {"id":"n-ex","topic":"scope.excluded_plans","status":"stated","value":{"kind":"plans","plans":[
    {"id":"child_protection","label":"A Child Protection Plan"}]},"summary":"Not for a child with a Child Protection Plan.",
    "cites":["one"],"note":null},
  {"id":"n-first","topic":"review.first","status":"stated",
   "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},"summary":"s","cites":["one"],"note":null},
  {"id":"n-interval","topic":"review.interval","status":"stated","when":{"disabled":["no"]},
   "value":{"kind":"recurring","amount":3,"unit":"months","since":"previous_review"},"summary":"s","cites":["one"],"note":null},
  {"id":"n-interval-disabled","topic":"review.interval","status":"stated","when":{"disabled":["yes"]},
   "value":{"kind":"recurring","amount":26,"unit":"weeks","since":"previous_review"},"summary":"s","cites":["one"],"note":null},
  {"id":"n-meeting","topic":"planning_meeting.deadline","status":"ambiguous","readings":[
    {"label":"10 days","value":{"kind":"deadline","amount":10,"unit":"days","after":"assessment_completed"}},
    {"label":"10 working days","value":{"kind":"deadline","amount":10,"unit":"working_days","after":"assessment_completed"}}],
   "summary":"s","cites":["one"],"note":"Days of which kind?"},
  {"id":"n-visits","topic":"visits.minimum_interval","status":"not_stated","summary":"s","cites":["one"],"note":null},
  {"id":"n-out","topic":"review.outcomes","status":"stated","value":{"kind":"outcomes","outcomes":[
    {"id":"close","label":"Closed","destination":null,"findings":["needs_met"]},
    {"id":"step_down","label":"To Early Help","destination":"Early Help","findings":["needs_met"]},
    {"id":"continue","label":"Carries on","destination":null,"findings":["same_needs"]}]},"summary":"s","cites":["two"],"note":null}
]"#;

fn rules() -> Vec<Rule> {
    serde_json::from_str(RULES).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn date_question(topic: &str, occurrence: Option<u32>) -> Question {
    Question { ask: Ask::Date, prompt: "When?".into(), topic: Some(topic.into()), occurrence }
}

fn outcome_question() -> Question {
    Question { ask: Ask::Outcome, prompt: "What follows?".into(), topic: None, occurrence: None }
}

fn worked(answers: &[(&str, &str)], questions: Vec<Question>) -> WorkedCase {
    WorkedCase {
        id: "a-case".into(),
        title: "A case".into(),
        facts: "Some facts.".into(),
        answers: answers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        questions,
    }
}

fn answers_with(rules: &[Rule], case: &WorkedCase) -> Vec<Expected> {
    expected(case, &authority(), rules, &content_topics()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn date_of(e: &Expected) -> &DateAnswer {
    match &e.answer {
        Answer::Date(d) => d,
        Answer::Outcome(o) => panic!("an outcome: {o:?}"),
    }
}

fn outcome_of(e: &Expected) -> &OutcomeAnswer {
    match &e.answer {
        Answer::Outcome(o) => o,
        Answer::Date(d) => panic!("a date: {d:?}"),
    }
}

const EASTER: [(&str, &str); 4] =
    [("in_need", "yes"), ("other_plan", "none"), ("disabled", "no"), ("plan_established", "2026-03-26")];

#[test]
fn a_working_day_count_is_the_timeline_s_date_and_names_the_holidays_it_skipped() {
    let case = worked(&EASTER, vec![date_question("review.first", None)]);
    let got = answers_with(&rules(), &case);
    assert_eq!(
        (got[0].question, got[0].topic.as_str(), got[0].rules.clone()),
        (0, "review.first", vec!["n-first".into()])
    );
    let answer = date_of(&got[0]);
    assert_eq!(answer.date, day(2026, 4, 20));
    assert_eq!(
        answer.how,
        "15 working days after Thursday 26 March 2026, skipping Good Friday and Easter Monday, is Monday 20 April 2026"
    );
}

#[test]
fn a_wrong_date_is_marked_with_the_count_and_the_likely_slip() {
    let case = worked(&EASTER, vec![date_question("review.first", None)]);
    let got = answers_with(&rules(), &case);
    let answer = date_of(&got[0]);
    let right = check_date(answer, day(2026, 4, 20));
    assert!(right.correct);
    assert!(right.feedback.starts_with("Right: 15 working days after Thursday 26 March 2026"), "{}", right.feedback);

    let calendar = check_date(answer, day(2026, 4, 10));
    assert!(!calendar.correct);
    assert!(
        calendar.feedback.starts_with("Not quite: you entered Friday 10 April 2026, 10 days early."),
        "{}",
        calendar.feedback
    );
    assert!(calendar.feedback.ends_with("this timescale counts working days."), "{}", calendar.feedback);

    let holidays = check_date(answer, day(2026, 4, 16));
    assert!(holidays.feedback.ends_with("Bank holidays are not working days."), "{}", holidays.feedback);

    let weekend = check_date(answer, day(2026, 4, 18));
    assert!(weekend.feedback.contains("2 days early"), "{}", weekend.feedback);
    assert!(weekend.feedback.ends_with("Saturday 18 April 2026 is not a working day."), "{}", weekend.feedback);

    let late = check_date(answer, day(2026, 4, 21));
    assert!(
        late.feedback.starts_with("Not quite: you entered Tuesday 21 April 2026, 1 day late."),
        "{}",
        late.feedback
    );
}

#[test]
fn a_months_count_says_where_it_stopped_at_a_month_s_end_and_what_day_it_lands_on() {
    let count = add(day(2024, 11, 30), 3, Unit::Months).unwrap();
    assert_eq!(
        explain(&count),
        "3 months after Saturday 30 November 2024 is Friday 28 February 2025 (February has no 30th)"
    );
    let weekend = add(day(2026, 11, 30), 3, Unit::Months).unwrap();
    assert_eq!(
        explain(&weekend),
        "3 months after Monday 30 November 2026 is Sunday 28 February 2027 (February has no 30th), which is a Sunday"
    );
    let plain = add(day(2026, 3, 2), 15, Unit::WorkingDays).unwrap();
    assert_eq!(
        explain(&plain),
        "15 working days after Monday 2 March 2026 is Monday 23 March 2026, with no bank holiday in between"
    );
    assert_eq!(
        [ordinal(29), ordinal(31), ordinal(22), ordinal(11), ordinal(3)],
        ["29th", "31st", "22nd", "11th", "3rd"]
    );
}

#[test]
fn a_later_occurrence_counts_on_from_the_one_before_it() {
    let answers = [("in_need", "yes"), ("other_plan", "none"), ("disabled", "no"), ("previous_review", "2027-11-30")];
    let case =
        worked(&answers, vec![date_question("review.interval", Some(1)), date_question("review.interval", Some(2))]);
    let got = answers_with(&rules(), &case);
    assert_eq!(date_of(&got[0]).date, day(2028, 2, 29));
    assert_eq!(
        date_of(&got[0]).how,
        "3 months after Tuesday 30 November 2027 is Tuesday 29 February 2028 (February has no 30th)"
    );
    assert_eq!(
        date_of(&got[1]).how,
        "3 months after Tuesday 29 February 2028 is Monday 29 May 2028, which is the spring bank holiday"
    );
    assert_eq!(got[1].rules, ["n-interval"]);
}

#[test]
fn the_outcome_is_where_the_wizard_ends_for_the_finding() {
    let rules = rules();
    let mut answers = EASTER.to_vec();
    answers.push(("review_finding", "needs_met"));
    let got = answers_with(&rules, &worked(&answers, vec![outcome_question()]));
    assert_eq!(got[0].topic, "review.outcomes");
    let answer = outcome_of(&got[0]);
    assert_eq!(answer.ids, ["close", "step_down"]);
    assert_eq!(
        answer.how,
        "For a review that finds the child's needs are met, the procedure names: Closed; To Early Help"
    );

    let choices = outcome_choices(&rules);
    let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["close", "step_down", "continue", EXCLUDED, NOT_STATED]);
    let picked = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(check_outcome(answer, &picked(&["step_down", "close"]), &choices).correct);
    let half = check_outcome(answer, &picked(&["close"]), &choices);
    assert!(!half.correct);
    assert!(half.feedback.starts_with("Not quite: you left out \"To Early Help\"."), "{}", half.feedback);
    let extra = check_outcome(answer, &picked(&["close", "step_down", "continue"]), &choices);
    assert!(!extra.correct && extra.feedback.contains("\"Carries on\" does not follow here."), "{}", extra.feedback);

    answers.pop();
    answers.push(("review_finding", "more_needs"));
    let none = answers_with(&rules, &worked(&answers, vec![outcome_question()]));
    assert_eq!(outcome_of(&none[0]).ids, [NOT_STATED]);
    assert_eq!(
        outcome_of(&none[0]).how,
        "For a review that finds the needs have grown, the procedure names no outcome"
    );
}

#[test]
fn another_plan_excludes_and_untied_or_missing_outcomes_are_said_as_such() {
    let rules = rules();
    let excluded = worked(&[("in_need", "yes"), ("other_plan", "child_protection")], vec![outcome_question()]);
    let got = answers_with(&rules, &excluded);
    assert_eq!(
        (got[0].topic.as_str(), outcome_of(&got[0]).ids.clone()),
        ("scope.excluded_plans", vec![EXCLUDED.to_owned()])
    );
    assert!(outcome_of(&got[0]).how.ends_with("Not for a child with a Child Protection Plan."));

    let untied: Vec<Rule> = serde_json::from_str(
        &RULES.replace(r#","findings":["needs_met"]"#, "").replace(r#","findings":["same_needs"]"#, ""),
    )
    .unwrap();
    let case = worked(&EASTER, vec![outcome_question()]);
    let all = answers_with(&untied, &case);
    assert_eq!(outcome_of(&all[0]).ids, ["close", "step_down", "continue"]);
    assert!(outcome_of(&all[0]).how.starts_with("The procedure names these outcomes without tying"));

    let silent: Vec<Rule> = rules
        .iter()
        .cloned()
        .map(|r| if r.topic == "review.outcomes" { Rule { status: Status::NotStated, value: None, ..r } } else { r })
        .collect();
    let none = answers_with(&silent, &case);
    assert_eq!(
        (outcome_of(&none[0]).ids.clone(), none[0].rules.clone()),
        (vec![NOT_STATED.to_owned()], vec!["n-out".to_owned()])
    );
}

/// The messages for a case, without the file.
fn problems(case: WorkedCase) -> Vec<String> {
    validate_cases(&authority(), &rules(), &content_topics(), &[case])
        .into_iter()
        .map(|p| {
            assert_eq!(p.file, "content/authorities/north/cases.json");
            p.message
        })
        .collect()
}

#[test]
fn a_case_the_engines_cannot_answer_is_refused_with_the_reason() {
    let ask = |answers: &[(&str, &str)], q: Question| problems(worked(answers, vec![q]));
    let first = || date_question("review.first", None);
    let one = |m: &str| vec![format!("case \"a-case\": {m}")];
    assert_eq!(ask(&EASTER, first()), Vec::<String>::new());
    assert_eq!(
        ask(&EASTER, date_question("review.sometime", None)),
        one("question 1: \"review.sometime\" is not a topic")
    );
    let mut with = EASTER.to_vec();
    with.push(("colour", "red"));
    assert_eq!(ask(&with, first()), one("\"colour\" is not an answer key"));
    with.pop();
    with.push(("team", "anything"));
    assert!(ask(&with, first())
        .contains(&"case \"a-case\": \"team\" is not a question this authority's wizard asks".to_owned()));
    with.pop();
    with.push(("disabled", "maybe"));
    assert!(ask(&with, first())[0].contains("\"maybe\" for disabled is not one of the choices"));
    assert!(ask(&[("plan_established", "2026-02-30")], first())[0].contains("must be a real date"));
    assert_eq!(
        ask(&[("plan_established", "2031-01-06")], first()),
        [
            "case \"a-case\": the date 2031-01-06 for \"plan_established\" is outside the bank-holiday table's years (2019 to 2028)",
            "case \"a-case\": question 1: the due date 2031-01-27 is outside the bank-holiday table's years (2019 to 2028)"
        ]
    );
    assert_eq!(
        ask(&[("disabled", "no")], first()),
        one("question 1: the deadline on review.first counts from \"plan_established\", which the case does not give")
    );
    let review = [("previous_review", "2026-05-01")];
    assert_eq!(
        ask(&review, date_question("review.interval", None)),
        one("question 1: review.interval recurs: say which `occurrence` is asked")
    );
    assert_eq!(
        ask(&EASTER, date_question("review.first", Some(1))),
        one("question 1: review.first does not recur: a date question on it takes no `occurrence`")
    );
    assert!(ask(&review, date_question("review.interval", Some(1)))[0]
        .contains("2 deadlines on review.interval apply to this case"));
    assert!(ask(&[("previous_review", "2026-05-01"), ("disabled", "no")], date_question("review.interval", Some(9)))
        [0]
    .contains("has no occurrence 9"));
    assert_eq!(
        ask(&[("assessment_completed", "2026-03-02")], date_question("planning_meeting.deadline", None)),
        one("question 1: the rule n-meeting is ambiguous: no single date can be asked")
    );
    assert_eq!(
        ask(&EASTER, date_question("visits.minimum_interval", Some(1))),
        one("question 1: the procedure states no timescale on visits.minimum_interval, so there is no date to ask")
    );
    assert_eq!(
        ask(&[("in_need", "yes"), ("other_plan", "none")], outcome_question()),
        one("question 1: the wizard would still ask \"Is the child disabled?\" (disabled) before the outcome: the case must answer it")
    );
    assert_eq!(
        ask(&[("in_need", "no")], outcome_question()),
        one("question 1: the child is not in need, so the procedure does not apply: there is no outcome to ask")
    );
    let stray = Question { topic: Some("review.first".into()), ..outcome_question() };
    assert_eq!(ask(&EASTER, stray), one("question 1: an outcome question takes no `topic` or `occurrence`"));
}

#[test]
fn ids_text_and_questions_are_checked() {
    let good = worked(&EASTER, vec![date_question("review.first", None)]);
    let bad = WorkedCase { id: "Bad Id".into(), questions: Vec::new(), ..good.clone() };
    let messages = problems(bad);
    assert_eq!(
        messages,
        [
            "case \"Bad Id\": its id is not URL-safe (lowercase letters, digits, single hyphens)",
            "case \"Bad Id\": it asks no question"
        ]
    );
    let twice = validate_cases(&authority(), &rules(), &content_topics(), &[good.clone(), good]);
    assert_eq!(twice.len(), 1);
    assert_eq!(twice[0].message, "case \"a-case\": its id is used twice");
}

#[test]
fn the_file_is_read_strictly_and_named_in_errors() {
    let text = r#"[{"id":"a","title":"t","facts":"f","answers":{},"questions":[{"ask":"date","prompt":"p","topic":"review.first"}]}]"#;
    let cases = parse_cases("north", text).unwrap();
    assert_eq!(cases[0].questions[0], date_question("review.first", None).clone_with_prompt("p"));
    let err = parse_cases("north", &text.replace("\"facts\"", "\"answer\":\"2026-04-20\",\"facts\"")).unwrap_err();
    assert_eq!(err.file, "content/authorities/north/cases.json");
    assert!(err.message.contains("unknown field `answer`"), "{}", err.message);
    let ask = parse_cases("north", &text.replace("\"date\"", "\"guess\"")).unwrap_err();
    assert!(ask.message.contains("unknown variant `guess`"), "{}", ask.message);
}

impl Question {
    fn clone_with_prompt(&self, prompt: &str) -> Question {
        Question { prompt: prompt.into(), ..self.clone() }
    }
}
