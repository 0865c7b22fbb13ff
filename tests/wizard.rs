//! Every path through every authority's wizard flow: each walk ends at a result within the flow's length, asks no
//! question twice, asks nothing the authority's rules do not need, and every rule its result and timeline cite points at
//! a section of that authority's procedure.

mod support;

use chrono::NaiveDate;
use cin_procedure_explorer::model::{Authority, Rule, Topic};
use cin_procedure_explorer::timeline::{conditions, timeline, Case, DONT_KNOW};
use cin_procedure_explorer::wizard::{flow, next, Ending, Kind, Question, Step};

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
