use std::path::Path;

use super::*;
use crate::compare::key::value_key;
use crate::model::Unit;

/// The project's own five authorities, as the worker holds them.
fn content_library() -> Library {
    let content = crate::publish::read(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content/ reads");
    crate::publish::library(&content)
}

/// The rules of `book` on `topic` that say something.
fn rules_on<'a>(book: &'a AuthorityData, topic: &str) -> Vec<&'a Rule> {
    book.rules.iter().filter(|r| r.topic == topic).collect()
}

#[test]
fn every_stated_core_timescale_is_asked_with_the_rules_value_as_its_answer() {
    let library = content_library();
    for book in &library.books {
        let questions = bank(&library, &book.authority.slug);
        for topic in library.topics.iter().filter(|t| t.core && t.timescale) {
            for rule in rules_on(book, &topic.id).into_iter().filter(|r| r.status == Status::Stated) {
                let Some(value) = rule.value.as_ref().filter(|v| v.event().is_some() && askable(v)) else { continue };
                let q = questions.iter().find(|q| q.id == rule.id);
                let q = q.unwrap_or_else(|| panic!("{}: no question for {}", book.authority.slug, rule.id));
                // The right answer reads the rule's own typed value: its amount and unit are in it.
                let (amount, unit) = match value {
                    Value::Deadline { amount, unit, .. }
                    | Value::Recurring { amount, unit, .. }
                    | Value::Threshold { amount, unit, .. } => (*amount, *unit),
                    _ => unreachable!("a timescale"),
                };
                assert!(q.right.contains(&format!("{amount} {}", unit.name(amount))), "{}: {}", rule.id, q.right);
                assert_eq!(q.topic, topic.id);
                assert!(!q.wrong.contains(&q.right), "{}: the right answer is among the wrong", rule.id);
                assert!(q.wrong.len() >= 2, "{}: {:?}", rule.id, q.wrong);
            }
        }
    }
}

#[test]
fn every_core_topic_a_procedure_does_not_state_is_a_does_not_say_question() {
    let library = content_library();
    for book in &library.books {
        let questions = bank(&library, &book.authority.slug);
        for topic in library.topics.iter().filter(|t| t.core) {
            let rules = rules_on(book, &topic.id);
            let gaps: Vec<String> = match rules.is_empty() {
                true => vec![format!("{}.{}.gap", book.authority.slug, topic.id)],
                false => rules.iter().filter(|r| r.status == Status::NotStated).map(|r| r.id.clone()).collect(),
            };
            for id in gaps {
                let q = questions.iter().find(|q| q.id == id);
                let q = q.unwrap_or_else(|| panic!("{}: no question for the gap {id}", book.authority.slug));
                assert_eq!(q.right, NOT_SAID, "{id}");
                assert!(!q.wrong.is_empty() && !q.wrong.iter().any(|w| w == NOT_SAID), "{id}: {:?}", q.wrong);
            }
        }
    }
}

#[test]
fn an_ambiguous_rule_is_answered_by_naming_its_readings() {
    let library = content_library();
    let mut seen = 0;
    for book in &library.books {
        let questions = bank(&library, &book.authority.slug);
        for rule in book.rules.iter().filter(|r| r.status == Status::Ambiguous && r.value.is_none()) {
            let q = questions.iter().find(|q| q.id == rule.id).expect("an ambiguous rule is asked");
            assert!(q.right.starts_with("It is ambiguous"), "{}", q.right);
            for reading in &rule.readings {
                assert!(q.readings.contains(&reading.label), "{}: {}", rule.id, reading.label);
                assert!(!q.wrong.contains(&q.right), "{}", rule.id);
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "the content has ambiguous rules");
}

#[test]
fn outcome_questions_come_from_the_findings_each_outcome_names() {
    let library = content_library();
    for book in &library.books {
        for q in bank(&library, &book.authority.slug).iter().filter(|q| q.prompt.contains("the review finds: ")) {
            let (rule_id, finding) = q.id.rsplit_once('.').expect("rule id and finding");
            let rule = book.rules.iter().find(|r| r.id == rule_id).expect("the rule exists");
            let Some(Value::Outcomes { outcomes }) = &rule.value else { panic!("{rule_id} has outcomes") };
            for o in outcomes {
                let leads = o.findings.iter().any(|f| f == finding);
                assert_eq!(q.right.contains(&o.label), leads, "{}: {} in {:?}", q.id, o.label, q.right);
                assert!(!(leads && q.wrong.contains(&o.label)), "{}", q.id);
            }
        }
    }
}

/// Two authorities, one with a 14-day deadline and one with 2 weeks (the same in exact units) and 15 working days.
fn units_library() -> Library {
    let mut library = crate::compare::tests::library();
    let set = |book: &mut AuthorityData, amount, unit| {
        book.rules = vec![Rule {
            id: format!("{}-first", book.authority.slug),
            topic: "review.interval".into(),
            status: Status::Stated,
            when: Default::default(),
            value: Some(Value::Deadline { amount, unit, after: "plan_established".into() }),
            same_meeting: None,
            readings: Vec::new(),
            summary: "s".into(),
            cites: Vec::new(),
            note: None,
        }];
    };
    set(&mut library.books[0], 14, Unit::Days);
    set(&mut library.books[1], 2, Unit::Weeks);
    let mut third = library.books[1].clone();
    third.authority.slug = "east".into();
    set(&mut third, 15, Unit::WorkingDays);
    library.books.push(third);
    for t in &mut library.topics {
        t.ask = format!("{}?", t.label);
    }
    library
}

#[test]
fn no_wrong_choice_equals_the_right_answer_in_exact_units() {
    let library = units_library();
    let q = &bank(&library, "north")[0];
    assert!(q.right.contains("14 calendar days"), "{}", q.right);
    let right = Value::Deadline { amount: 14, unit: Unit::Days, after: "plan_established".into() };
    for wrong in &q.wrong {
        assert!(!wrong.contains("2 weeks"), "2 weeks is 14 days: {wrong}");
        assert_ne!(wrong, &q.right);
    }
    assert!(q.wrong.iter().any(|w| w.contains("15 working days")), "another authority's value: {:?}", q.wrong);
    assert!(near(&right).iter().all(|v| value_key(v) != value_key(&right)));
    assert!(q.elsewhere.contains("15 working days") && !q.elsewhere.contains("2 weeks"), "{}", q.elsewhere);
}

#[test]
fn the_differing_topics_are_those_where_two_procedures_part() {
    let library = units_library();
    assert!(differing_topics(&library, "north", "south").iter().all(|t| t != "review.interval"));
    assert!(differing_topics(&library, "north", "east").contains(&"review.interval".to_owned()));
    assert!(differing_topics(&library, "north", "atlantis").is_empty());
}
