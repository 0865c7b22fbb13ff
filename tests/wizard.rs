//! Every path through every authority's wizard flow: each walk ends at a result within the flow's length, asks no
//! question twice, asks nothing the authority's rules do not need, and every rule its result and timeline cite points at
//! a section of that authority's procedure.

mod support;

use chrono::NaiveDate;
use cin_procedure_explorer::model::{Authority, Rule, Topic};
use cin_procedure_explorer::timeline::{applicable, conditions, timeline, Case, DONT_KNOW};
use cin_procedure_explorer::wizard::{after_review_flow, flow, next, Ending, Kind, Question, Step, ASSUMED};

struct Walks<'a> {
    authority: &'a Authority,
    rules: &'a [Rule],
    topics: &'a [Topic],
    flow: Vec<Question>,
    paths: usize,
    endings: std::collections::BTreeSet<String>,
}

fn cites_resolve(rule: &Rule, authority: &Authority) {
    for cite in &rule.cites {
        assert!(authority.sections.iter().any(|s| &s.id == cite), "{}: {} cites {cite}", authority.slug, rule.id);
    }
}

impl Walks<'_> {
    fn walk(&mut self, case: Case, skipped: Vec<String>, asked: Vec<usize>) {
        assert!(
            asked.len() <= self.flow.len(),
            "{}: a walk asked more questions than the flow has",
            self.authority.slug
        );
        match next(&self.flow, self.rules, &case, &skipped) {
            Step::Ask(i) => {
                assert!(!asked.contains(&i), "{}: question {} asked twice", self.authority.slug, self.flow[i].key);
                let reviews = self.flow.iter().any(|q| q.key == "previous_review");
                assert!(
                    self.flow[i].key != "review_finding" || !reviews || case.dates.contains_key("previous_review"),
                    "{}: the review's finding asked before a review was held",
                    self.authority.slug
                );
                let mut asked = asked.clone();
                asked.push(i);
                let q = self.flow[i].clone();
                match &q.kind {
                    Kind::Choice { choices, dont_know } => {
                        let mut values: Vec<String> = choices.iter().map(|(v, _)| v.clone()).collect();
                        if *dont_know {
                            values.push(DONT_KNOW.to_owned());
                        }
                        assert!(!values.is_empty(), "{}: {} has no choices", self.authority.slug, q.key);
                        for v in values {
                            let mut c = case.clone();
                            c.answers.insert(q.key.to_owned(), v);
                            self.walk(c, skipped.clone(), asked.clone());
                        }
                    }
                    Kind::Date => {
                        let mut c = case.clone();
                        c.dates.insert(q.key.to_owned(), NaiveDate::from_ymd_opt(2026, 3, 26).unwrap());
                        self.walk(c, skipped.clone(), asked.clone());
                        let mut s = skipped.clone();
                        s.push(q.key.to_owned());
                        self.walk(case, s, asked);
                    }
                }
            }
            Step::Done(ending) => {
                self.paths += 1;
                self.endings.insert(ending.id());
                match &ending {
                    Ending::NotInNeed => {}
                    Ending::Excluded(rule) => {
                        assert!(!rule.cites.is_empty(), "{}: exclusion without a citation", rule.id);
                        cites_resolve(rule, self.authority);
                    }
                    Ending::Applies { outcomes, .. } => {
                        for (rule, _) in outcomes {
                            assert!(!rule.cites.is_empty(), "{}: outcome without a citation", rule.id);
                            assert!(conditions(rule, &case).is_some(), "{}: shown though its conditions fail", rule.id);
                            cites_resolve(rule, self.authority);
                        }
                        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
                        let t = timeline(self.rules, self.topics, &case, today);
                        for d in &t.deadlines {
                            cites_resolve(&d.rule, self.authority);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_path_of_every_flow_ends_at_a_cited_result() {
    let all = support::all();
    for entry in &all.entries {
        let flow = flow(&entry.rules, &all.topics, &entry.authority);
        for q in &flow {
            let needed = matches!(q.key, "in_need" | "other_plan" | "review_finding")
                || entry.rules.iter().any(|r| r.when.contains_key(q.key))
                || matches!(q.kind, Kind::Date);
            assert!(needed, "{}: asks {} though no rule needs it", entry.authority.slug, q.key);
        }
        let mut walks = Walks {
            authority: &entry.authority,
            rules: &entry.rules,
            topics: &all.topics,
            flow,
            paths: 0,
            endings: Default::default(),
        };
        walks.walk(Case::default(), Vec::new(), Vec::new());
        assert!(walks.paths > 1, "{}: only {} path", entry.authority.slug, walks.paths);
        assert!(walks.endings.contains("not_applicable"), "{}: {:?}", entry.authority.slug, walks.endings);
        eprintln!("{}: {} paths, endings {:?}", entry.authority.slug, walks.paths, walks.endings);
    }
}

/// The slugs, in display order, of the authorities whose flow asks `key`.
fn asked_by(key: &str) -> Vec<String> {
    let all = support::all();
    all.entries
        .iter()
        .filter(|e| flow(&e.rules, &all.topics, &e.authority).iter().any(|q| q.key == key))
        .map(|e| e.authority.slug.clone())
        .collect()
}

/// The questions on facts some procedures turn on are asked only for those procedures: whether S47 enquiries started
/// the assessment and whether the plan provides for the child becoming looked after (Durham's waiver and looked-after
/// planning), whether a child protection conference has been called (Durham's waiver, Coventry 1.7, Lancashire §2), and
/// who holds the case (Coventry 3.5, Lancashire 4.1).
#[test]
fn each_fact_is_asked_only_where_a_rule_turns_on_it() {
    assert_eq!(asked_by("s47_assessment"), ["durham"]);
    assert_eq!(asked_by("conference_convened"), ["coventry", "lancashire", "durham"]);
    assert_eq!(asked_by("case_holder"), ["coventry", "lancashire"]);
    assert_eq!(asked_by("becoming_looked_after"), ["durham"]);
}

/// The rules on `topic` that apply under an authority's real rules to a case with these answers, each with the
/// conditions still unanswered.
fn applying(slug: &str, topic: &str, answers: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
    let rules = support::rules(slug);
    let case =
        Case { answers: answers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(), ..Case::default() };
    applicable(&rules, &case)
        .into_iter()
        .filter(|(r, _)| r.topic == topic)
        .map(|(r, unanswered)| (r.id.clone(), unanswered.into_keys().collect()))
        .collect()
}

/// The ids alone of [`applying`].
fn ids(slug: &str, topic: &str, answers: &[(&str, &str)]) -> Vec<String> {
    applying(slug, topic, answers).into_iter().map(|(id, _)| id).collect()
}

/// Lancashire 4.1: a case held by a worker who is not a qualified social worker (a SEND Field Work Support Officer)
/// sees that child protection enquiries and updated assessments go to a Social Worker; a social worker's case does
/// not; the allocation factors stay for a disabled child whoever holds the case.
#[test]
fn a_non_qualified_case_holder_sees_that_child_protection_enquiries_go_to_a_social_worker() {
    let topic = "pathway.send_allocation";
    let held = |holder| ids("lancashire", topic, &[("disabled", "yes"), ("case_holder", holder)]);
    assert_eq!(
        held("non_qualified"),
        ["lancashire-pathway-send-allocation", "lancashire-pathway-send-allocation-non-qualified"]
    );
    assert_eq!(held("social_worker"), ["lancashire-pathway-send-allocation"]);
    assert_eq!(held("unallocated"), ["lancashire-pathway-send-allocation"]);
    assert_eq!(
        ids("lancashire", topic, &[("disabled", "no"), ("case_holder", "non_qualified")]),
        ["lancashire-pathway-send-allocation-non-qualified"]
    );
    let rule = support::rules("lancashire")
        .into_iter()
        .find(|r| r.id == "lancashire-pathway-send-allocation-non-qualified")
        .unwrap();
    let Some(cin_procedure_explorer::model::Value::List { items }) = rule.value else { panic!("a list") };
    assert!(items.iter().any(|i| i == "All child protection enquiries are allocated to a Social Worker"), "{items:?}");
    // Not known: the non-qualified worker's rule is shown, waiting on the answer.
    assert_eq!(
        applying("lancashire", topic, &[("disabled", "yes"), ("case_holder", DONT_KNOW)]),
        [
            ("lancashire-pathway-send-allocation".to_owned(), vec![]),
            ("lancashire-pathway-send-allocation-non-qualified".to_owned(), vec!["case_holder".to_owned()]),
        ]
    );
}

/// Coventry 3.5: an unallocated case's review is undertaken by the manager of the responsible team; an allocated
/// case keeps the Lead Professional and the line manager or senior practitioner (3.4, 3.5).
#[test]
fn an_unallocated_case_is_reviewed_by_the_responsible_team_manager() {
    let topic = "review.chair";
    assert_eq!(ids("coventry", topic, &[("case_holder", "unallocated")]), ["coventry-review-chair-unallocated"]);
    assert_eq!(ids("coventry", topic, &[("case_holder", "social_worker")]), ["coventry-review-chair"]);
    assert_eq!(ids("coventry", topic, &[("case_holder", "non_qualified")]), ["coventry-review-chair"]);
    assert_eq!(ids("coventry", topic, &[]), ["coventry-review-chair", "coventry-review-chair-unallocated"]);
}

/// Coventry 1.6 and 1.7: after an assessment, the first planning meeting is usually chaired by the social worker, or
/// by the line manager or a senior practitioner where a child protection conference recommended the plan; a plan
/// after a child protection plan has ended keeps 1.7 whatever the answer.
#[test]
fn a_conference_changes_who_chairs_coventrys_first_planning_meeting() {
    let topic = "planning_meeting.chair";
    let chair = |route, conference| ids("coventry", topic, &[("route", route), ("conference_convened", conference)]);
    assert_eq!(chair("assessment", "no"), ["coventry-planning-meeting-chair-assessment"]);
    assert_eq!(chair("assessment", "yes"), ["coventry-planning-meeting-chair-initial-conference"]);
    assert_eq!(chair("cp_step_down", "yes"), ["coventry-planning-meeting-chair-cp-conference"]);
    assert_eq!(chair("cp_step_down", "no"), ["coventry-planning-meeting-chair-cp-conference"]);
    assert_eq!(
        ids("coventry", topic, &[("route", "assessment")]),
        ["coventry-planning-meeting-chair-assessment", "coventry-planning-meeting-chair-initial-conference"]
    );
}

/// Lancashire §2 and §3: where a child protection conference has been held, the plan may be developed there, and
/// whether the 10-day planning meeting still applies is not said; without one, the 10 days stand.
#[test]
fn a_conference_makes_lancashires_planning_meeting_deadline_uncertain() {
    let topic = "planning_meeting.deadline";
    assert_eq!(
        ids("lancashire", topic, &[("conference_convened", "yes")]),
        ["lancashire-planning-meeting-deadline-conference"]
    );
    assert_eq!(ids("lancashire", topic, &[("conference_convened", "no")]), ["lancashire-planning-meeting-deadline"]);
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let mut case = Case::default();
    case.answers.insert("conference_convened".into(), "yes".into());
    case.dates.insert("assessment_completed".into(), NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    let all = support::all();
    let t = timeline(&support::rules("lancashire"), &all.topics, &case, today);
    let deadline = t.deadlines.iter().find(|d| d.rule.topic == topic).expect("a planning meeting deadline");
    assert_eq!(deadline.rule.id, "lancashire-planning-meeting-deadline-conference");
    // Both counts of the ten days are dated; the reading with no planning meeting has no date.
    assert_eq!(deadline.dates.len(), 2);
}

/// Durham, Action (the NB): the case for skipping the planning meeting where S47 enquiries started the Core Assessment
/// and led to an Initial Child Protection Conference is shown only when both are so; otherwise the other three cases.
#[test]
fn durhams_waiver_after_s47_enquiries_needs_both_answers() {
    let topic = "planning_meeting.waiver";
    let waiver =
        |s47, conference| ids("durham", topic, &[("s47_assessment", s47), ("conference_convened", conference)]);
    assert_eq!(waiver("yes", "yes"), ["durham-planning-meeting-waiver-s47-conference"]);
    for (s47, conference) in [("yes", "no"), ("no", "yes"), ("no", "no"), ("no", DONT_KNOW)] {
        assert_eq!(waiver(s47, conference), ["durham-planning-meeting-waiver"], "{s47} {conference}");
    }
    assert_eq!(
        applying("durham", topic, &[("s47_assessment", "yes")]),
        [
            ("durham-planning-meeting-waiver".to_owned(), vec![]),
            ("durham-planning-meeting-waiver-s47-conference".to_owned(), vec!["conference_convened".to_owned()]),
        ]
    );
}

/// Durham, Inter-Agency Planning Meeting / Purpose and Action Following: the points agreed when only becoming looked
/// after meets the child's needs, the points when it is a contingency, and the meeting's limits alone when the plan
/// provides for neither; not known shows them all.
#[test]
fn durhams_looked_after_planning_follows_what_the_plan_provides() {
    let topic = "pathway.looked_after_contingency";
    let planned = |answer| ids("durham", topic, &[("becoming_looked_after", answer)]);
    assert_eq!(planned("needed"), ["durham-pathway-looked-after-needed"]);
    assert_eq!(planned("contingency"), ["durham-pathway-looked-after-as-contingency"]);
    assert_eq!(planned("no"), ["durham-pathway-looked-after-not-planned"]);
    assert_eq!(
        planned(DONT_KNOW),
        [
            "durham-pathway-looked-after-contingency",
            "durham-pathway-looked-after-needed",
            "durham-pathway-looked-after-as-contingency",
            "durham-pathway-looked-after-not-planned",
        ]
    );
}

/// The wizard's result page for a walk under an authority's real content, every date left unknown.
fn result_page(slug: &str, answers: &str) -> String {
    use cin_procedure_explorer::model::{Book, Catalogue, Listing};
    use cin_procedure_explorer::pages::wizard::{wizard_page, Other, WizardState};
    use cin_procedure_explorer::wizard::Walk;
    let all = support::all();
    let entry = all.entry(slug).unwrap_or_else(|| panic!("no authority {slug}"));
    let catalogue = Catalogue {
        authorities: all.entries.iter().map(|e| Listing::of(&e.authority)).collect(),
        site: all.site.clone(),
    };
    let book = Book {
        procedure: entry.procedure.clone(),
        rules: entry.rules.clone(),
        topics: all.topics.clone(),
        roles: all.roles.clone(),
        changes: entry.changes.clone(),
    };
    let flow = flow(&book.rules, &book.topics, &entry.authority);
    let dates: Vec<String> = flow.iter().filter(|q| q.kind == Kind::Date).map(|q| format!("{}=none", q.key)).collect();
    let query = format!("in_need=yes&other_plan=none&{answers}&{}&result=yes", dates.join("&"));
    let (walk, ignored) = Walk::from_query(&cin_procedure_explorer::query::pairs(&query), &[]);
    assert!(ignored.is_empty(), "{query}: {ignored:?}");
    let page = wizard_page(&WizardState {
        catalogue: &catalogue,
        authority: &entry.authority,
        book: &book,
        flow: &flow,
        walk: &walk,
        ignored: &ignored,
        empty: false,
        discarded: false,
        saved: None,
        error: None,
        other: Other::Nothing,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    })
    .into_string();
    assert!(page.contains("<h1>Result: "), "{query}: {page}");
    page
}

/// The result page shows, as a card, the rule the new answers pick, and not the one they rule out.
#[test]
fn the_result_shows_the_rule_the_answer_picks() {
    let card = |id: &str| format!("id=\"{id}\"");
    let lancashire = |holder: &str| {
        result_page(
            "lancashire",
            &format!(
                "conference_convened=no&case_holder={holder}&disabled=yes&complex_package=no&review_finding=dont_know"
            ),
        )
    };
    let non_qualified = lancashire("non_qualified");
    assert!(non_qualified.contains(&card("lancashire-pathway-send-allocation-non-qualified")), "{non_qualified}");
    assert!(non_qualified.contains("All child protection enquiries are allocated to a Social Worker"));
    let qualified = lancashire("social_worker");
    assert!(qualified.contains(&card("lancashire-pathway-send-allocation")), "{qualified}");
    assert!(!qualified.contains(&card("lancashire-pathway-send-allocation-non-qualified")));
    let durham = |s47: &str, answer: &str| {
        result_page("durham", &format!("s47_assessment={s47}&conference_convened=yes&becoming_looked_after={answer}"))
    };
    let contingency = durham("yes", "contingency");
    assert!(contingency.contains(&card("durham-planning-meeting-waiver-s47-conference")), "{contingency}");
    assert!(!contingency.contains(&card("durham-planning-meeting-waiver")));
    assert!(contingency.contains(&card("durham-pathway-looked-after-as-contingency")));
    assert!(!contingency.contains(&card("durham-pathway-looked-after-needed")));
    let neither = durham("no", "no");
    assert!(neither.contains(&card("durham-planning-meeting-waiver")), "{neither}");
    assert!(!neither.contains(&card("durham-planning-meeting-waiver-s47-conference")));
    assert!(neither.contains(&card("durham-pathway-looked-after-not-planned")));
    let coventry = result_page(
        "coventry",
        "route=assessment&conference_convened=yes&case_holder=unallocated&disabled=no&complex_package=no&review_finding=dont_know",
    );
    assert!(coventry.contains(&card("coventry-planning-meeting-chair-initial-conference")), "{coventry}");
    assert!(coventry.contains(&card("coventry-review-chair-unallocated")));
    assert!(!coventry.contains(&card("coventry-review-chair")));
}

#[test]
fn what_follows_a_review_asks_at_most_two_questions_and_every_path_ends_at_a_cited_outcome() {
    let all = support::all();
    for entry in &all.entries {
        let slug = &entry.authority.slug;
        let short = after_review_flow(&entry.rules, &entry.authority);
        assert!(short.len() <= 2, "{slug}: {} questions", short.len());
        for q in &short {
            let outcome_rules = entry.rules.iter().filter(|r| r.topic == "review.outcomes");
            let needed = q.key == "review_finding" || outcome_rules.clone().any(|r| r.when.contains_key(q.key));
            assert!(needed, "{slug}: asks {} though no outcome depends on it", q.key);
            assert!(!ASSUMED.iter().any(|(k, _)| *k == q.key), "{slug}: asks {}, which it assumes", q.key);
        }
        let mut case = Case::default();
        for (key, value) in ASSUMED {
            case.answers.insert(key.to_owned(), value.to_owned());
        }
        let mut walks = Walks {
            authority: &entry.authority,
            rules: &entry.rules,
            topics: &all.topics,
            flow: short,
            paths: 0,
            endings: Default::default(),
        };
        walks.walk(case, Vec::new(), Vec::new());
        assert!(
            !walks.endings.contains("not_applicable") && !walks.endings.contains("excluded"),
            "{slug}: the assumptions hold, so the procedure applies: {:?}",
            walks.endings
        );
        eprintln!("{slug}: after a review, {} paths, endings {:?}", walks.paths, walks.endings);
    }
}
