//! An authority's rules arranged for reading: by section, and by topic group.

use super::rules::Rule;
use super::vocab::{Topic, GROUPS};

/// The rules that cite a section, in file order.
pub fn rules_citing<'a>(rules: &'a [Rule], section: &str) -> Vec<&'a Rule> {
    rules.iter().filter(|r| r.cites.iter().any(|c| c == section)).collect()
}

/// The topics of the rules that cite a section, each once, in file order.
pub fn topics_citing(rules: &[Rule], section: &str) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for rule in rules_citing(rules, section) {
        if !topics.contains(&rule.topic) {
            topics.push(rule.topic.clone());
        }
    }
    topics
}

/// The sections cited by the rules on any of these topics, in the procedure's order.
pub fn sections_on<'a>(procedure: &'a super::Procedure, rules: &[Rule], topics: &[String]) -> Vec<&'a super::Section> {
    let cited: Vec<&String> = rules.iter().filter(|r| topics.contains(&r.topic)).flat_map(|r| &r.cites).collect();
    procedure.sections.iter().filter(|s| cited.contains(&&s.id)).collect()
}

/// One topic with the authority's rules on it (empty when the authority says nothing on a non-core topic).
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRules<'a> {
    /// The topic.
    pub topic: &'a Topic,
    /// The authority's rules on it.
    pub rules: Vec<&'a Rule>,
}

/// Every topic, grouped in display order, with the authority's rules on each.
pub fn by_group<'a>(topics: &'a [Topic], rules: &'a [Rule]) -> Vec<(&'static str, Vec<TopicRules<'a>>)> {
    GROUPS
        .iter()
        .map(|(group, label)| {
            let entries = topics
                .iter()
                .filter(|t| t.group == *group)
                .map(|topic| TopicRules { topic, rules: rules.iter().filter(|r| r.topic == topic.id).collect() })
                .collect();
            (*label, entries)
        })
        .filter(|(_, entries): &(&str, Vec<TopicRules>)| !entries.is_empty())
        .collect()
}

/// The topic with this id.
pub fn topic<'a>(topics: &'a [Topic], id: &str) -> Option<&'a Topic> {
    topics.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_rules;

    fn topics() -> Vec<Topic> {
        let t = |id: &str, group: &str| Topic {
            id: id.into(),
            group: group.into(),
            core: true,
            label: id.into(),
            ..Topic::default()
        };
        vec![t("review.first", "reviews"), t("plan.lead", "plan"), t("review.chair", "reviews")]
    }

    const RULES: &str = r#"[
      {"id":"x-a","topic":"review.first","status":"not_stated","summary":"s","cites":["reviews"],"note":null},
      {"id":"x-b","topic":"plan.lead","status":"stated","value":{"kind":"text","text":"t"},"summary":"s","cites":["plan","reviews"],"note":null}
    ]"#;

    #[test]
    fn rules_are_found_by_the_sections_they_cite() {
        let rules = parse_rules("x", RULES).unwrap();
        let ids = |v: Vec<&Rule>| v.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(rules_citing(&rules, "reviews")), ["x-a", "x-b"]);
        assert_eq!(ids(rules_citing(&rules, "plan")), ["x-b"]);
        assert!(rules_citing(&rules, "scope").is_empty());
    }

    #[test]
    fn groups_follow_the_display_order_and_keep_empty_topics() {
        let (topics, rules) = (topics(), parse_rules("x", RULES).unwrap());
        let groups = by_group(&topics, &rules);
        let shape: Vec<(&str, Vec<(&str, usize)>)> = groups
            .iter()
            .map(|(g, e)| (*g, e.iter().map(|t| (t.topic.id.as_str(), t.rules.len())).collect()))
            .collect();
        assert_eq!(
            shape,
            vec![("The plan", vec![("plan.lead", 1)]), ("Reviews", vec![("review.first", 1), ("review.chair", 0)])]
        );
        assert_eq!(topic(&topics, "plan.lead").map(|t| t.group.as_str()), Some("plan"));
    }

    #[test]
    fn a_sections_topics_lead_to_the_sections_on_them_elsewhere() {
        let rules = parse_rules("x", RULES).unwrap();
        assert_eq!(topics_citing(&rules, "reviews"), ["review.first", "plan.lead"]);
        assert_eq!(topics_citing(&rules, "plan"), ["plan.lead"]);
        let procedure = crate::model::parse_procedure(
            "x",
            "## Plan {#plan}\n\nSource: 1.\n\nText.\n\n## Scope {#scope}\n\nSource: 2.\n\nText.\n\n## Reviews {#reviews}\n\nSource: 3.\n\nText.\n",
        )
        .unwrap();
        let ids = |v: Vec<&crate::model::Section>| v.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(sections_on(&procedure, &rules, &["plan.lead".into()])), ["plan", "reviews"], "procedure order");
        assert_eq!(ids(sections_on(&procedure, &rules, &["review.first".into()])), ["reviews"]);
        assert!(sections_on(&procedure, &rules, &["scope.entry_routes".into()]).is_empty());
    }
}
