//! Worked cases in `content/`: every authority has at least four, every case validates against its authority's
//! answer keys and rules, and the answers the engines compute for them are the ones in `tests/snapshots/cases.txt`.
//!
//! The snapshot was read line by line against the source procedures (`../shared/seeds/`) and the bank-holiday table
//! when it was written:
//!
//! - York: §2 (no Child in Need plan where a child protection, looked-after or pathway plan is in place), §4 (the
//!   initial review meeting no later than fifteen working days after the plan is established; later ones no less
//!   often than every twelve weeks, or twenty-six weeks for the Health and Disability Team), §5 (minutes to the social
//!   worker within 2 working days, to every member within 10), §1 and §6 (stepped down to a Team Around the Child,
//!   maintained, or a multi-agency Strategy Discussion, with no finding tied to any of them);
//! - Coventry: the scope statement (not for a child with a child protection plan), 3.1 (at least every three
//!   months), 3.7 (a complex package beyond 12 months) and 3.10 (the outcomes: the first, for a child no longer in
//!   need, either closure or support in the CAF/Multi-Disciplinary Team arena; the fourth, a Strategy Discussion);
//! - Lancashire: §3, "Child in Need Review Meetings" (at least every 3 months; a complex package beyond 8 months; three
//!   outcomes, none of them for needs that have grown short of significant harm) and §5 (a visit every four weeks at
//!   least);
//! - Brighton and Hove: §5 (the initial network meeting no later than fifteen working days after the plan; then at
//!   least once every 3 months), §6 (minutes within ten working days), §1, §6 and §7 (stepped down to Early Help,
//!   maintained, safeguarding procedures, or closed, with no finding tied to any of them) and §8 (direct payments only:
//!   reviews at least every 6 months, visits every 3 months);
//! - Durham: "Inter-Agency Planning Meeting", Recording (the record within 10 working days), "Action following
//!   Inter-Agency Planning Meeting" and "The Care Team", Frequency (first meeting within 2 weeks of the planning
//!   meeting, then every 8 weeks at least), "Planning Requirements" (every 6 weeks for a child protection plan) and
//!   "Reviews", which leaves what a review decides to a separate Review procedure.
//!
//! Every date was counted by hand against `src/calendar/bank-holidays-england-and-wales.json`.
//!
//! Run with `CASES_SNAPSHOT=write` to rewrite the snapshot after a deliberate change, then read the difference
//! against the sources again.

mod support;

use cin_procedure_explorer::calendar::iso;
use cin_procedure_explorer::model::{data_cases_path, data_path, parse_json, AuthorityData};
use cin_procedure_explorer::publish::{check, library, write};
use cin_procedure_explorer::training::cases::{expected, Answer, WorkedCase};

const SNAPSHOT: &str = "tests/snapshots/cases.txt";

/// Every case's computed answers, one block per case, in display order.
fn snapshot() -> String {
    let all = support::all();
    let mut out = String::new();
    for entry in &all.entries {
        for case in &entry.cases {
            out.push_str(&format!("{} / {}: {}\n", entry.authority.slug, case.id, case.title));
            let answers = expected(case, &entry.authority, &entry.rules, &all.topics)
                .unwrap_or_else(|e| panic!("{} / {}: {e:?}", entry.authority.slug, case.id));
            for e in answers {
                let q = &case.questions[e.question];
                let answer = match &e.answer {
                    Answer::Date(d) => format!("{}: {}", iso(d.date), d.how),
                    Answer::Outcome(o) => format!("{}: {}", o.ids.join(" + "), o.how),
                };
                out.push_str(&format!(
                    "  {}. [{}] {}\n     {answer}\n     ({})\n",
                    e.question + 1,
                    e.topic,
                    q.prompt,
                    e.rules.join(", ")
                ));
            }
        }
    }
    out
}

#[test]
fn every_case_computes_the_answers_checked_against_the_sources() {
    let now = snapshot();
    let path = support::root().join(SNAPSHOT);
    if std::env::var("CASES_SNAPSHOT").as_deref() == Ok("write") {
        std::fs::write(&path, &now).unwrap();
    }
    let then = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(now == then, "the computed answers differ from {SNAPSHOT}:\n{now}");
}

/// Every authority in `content/authorities.json` has at least four cases, asking at least one date and one outcome,
/// with a count that skips a bank holiday, lands on one or stops at a month's end.
#[test]
fn every_authority_has_four_cases_covering_dates_outcomes_and_a_hard_count() {
    let all = support::all();
    let slugs: Vec<String> = parse_json(
        "content/authorities.json",
        &std::fs::read_to_string(support::root().join("content/authorities.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(all.entries.len(), slugs.len());
    for entry in &all.entries {
        let slug = &entry.authority.slug;
        assert!(entry.cases.len() >= 4, "{slug} has {} worked cases", entry.cases.len());
        let answers: Vec<Answer> = entry
            .cases
            .iter()
            .flat_map(|c| expected(c, &entry.authority, &entry.rules, &all.topics).unwrap())
            .map(|e| e.answer)
            .collect();
        assert!(answers.iter().any(|a| matches!(a, Answer::Outcome(_))), "{slug} asks no outcome");
        let hard = answers.iter().any(|a| match a {
            Answer::Date(d) => {
                !d.count.holidays.is_empty() || d.count.lands_on_day_off().is_some() || d.how.contains(" has no ")
            }
            Answer::Outcome(_) => false,
        });
        assert!(hard, "{slug} has no count over a bank holiday or a month's end");
    }
}

/// The content check refuses a case the engines cannot answer, naming the file, the case and the question.
#[test]
fn a_case_the_engines_cannot_answer_is_refused_by_name() {
    let mut all = support::all();
    let entry = all.entries.iter_mut().find(|e| e.authority.slug == "lancashire").unwrap();
    let mut case = entry.cases[0].clone();
    case.id = "broken".into();
    case.answers.insert("colour".into(), "red".into());
    entry.cases.push(case);
    let mut ambiguous = entry.cases[0].clone();
    ambiguous.id = "ambiguous".into();
    ambiguous.answers.insert("assessment_completed".into(), "2026-03-02".into());
    ambiguous.answers.insert("conference_convened".into(), "no".into());
    ambiguous.questions[0].topic = Some("planning_meeting.deadline".into());
    ambiguous.questions[0].occurrence = None;
    entry.cases.push(ambiguous);
    let problems = check(&all);
    let file = "content/authorities/lancashire/cases.json";
    // These cases are not in the file's text (they were added here), so no line of it holds them.
    let named = |message: &str| problems.iter().any(|p| p.starts_with(file) && p.ends_with(message));
    assert!(named(": case \"broken\": \"colour\" is not an answer key"), "{problems:?}");
    assert!(
        named(": case \"ambiguous\": question 1: the rule lancashire-planning-meeting-deadline is ambiguous: no single date can be asked"),
        "{problems:?}"
    );
}

/// The publish step writes each authority's cases to `data/cases/{slug}.json`, as in `content/`, and keeps them out
/// of `data/{slug}.json`, which the main page loads.
#[test]
fn cases_are_published_in_their_own_file() {
    let all = support::all();
    let out = std::env::temp_dir().join(format!("cases-publish-{}", std::process::id()));
    let written = write(&library(&all), &out).unwrap();
    for entry in &all.entries {
        let file = data_cases_path(&entry.authority.slug);
        assert!(written.contains(&file), "{file} not written");
        let text = std::fs::read_to_string(out.join(&file)).unwrap();
        let published: Vec<WorkedCase> = parse_json(&file, &text).unwrap();
        assert_eq!(published, entry.cases);
        let book = std::fs::read_to_string(out.join(data_path(&entry.authority.slug))).unwrap();
        let _: AuthorityData = parse_json("book", &book).expect("the book has no field for cases");
    }
    std::fs::remove_dir_all(&out).unwrap();
}
