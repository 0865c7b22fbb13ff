//! Content validation over every authority in `content/`: every file parses, every source section has
//! its section, ids are unique and URL-safe, no section is empty, no raw HTML and no unsafe link.

mod support;

use cin_procedure_explorer::model::{
    parse_roles, parse_rules, parse_topics, validate_authority, validate_index, validate_rules, DateKind, Vocabularies,
};

#[test]
fn every_authority_passes_validation() {
    let all = support::content();
    let slugs: Vec<String> = all.iter().map(|(a, _)| a.slug.clone()).collect();
    let mut problems: Vec<String> = validate_index(&slugs).iter().map(|p| p.to_string()).collect();
    for (authority, procedure) in &all {
        problems.extend(validate_authority(authority, procedure, &slugs).iter().map(|p| p.to_string()));
    }
    assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
}

#[test]
fn the_five_source_procedures_are_all_present_with_their_documents() {
    let all = support::content();
    let found: Vec<(&str, Option<&str>)> =
        all.iter().map(|(a, _)| (a.slug.as_str(), a.document.number.as_deref())).collect();
    assert_eq!(
        found,
        vec![
            ("coventry", Some("2.1")),
            ("york", Some("3.1")),
            ("lancashire", None),
            ("brighton-hove", Some("1.4.3")),
            ("durham", Some("CIN/013")),
        ]
    );
}

#[test]
fn stated_dates_match_the_sources() {
    let all = support::content();
    let dates = |slug: &str| -> Vec<(DateKind, String)> {
        let (a, _) = all.iter().find(|(a, _)| a.slug == slug).unwrap();
        a.dates.iter().map(|d| (d.kind, d.date.iso())).collect()
    };
    assert_eq!(dates("coventry"), vec![]);
    assert_eq!(dates("york"), vec![]);
    assert_eq!(dates("lancashire"), vec![(DateKind::Amended, "2021-11".into())]);
    assert_eq!(dates("brighton-hove"), vec![(DateKind::Updated, "2017-11".into())]);
    assert_eq!(
        dates("durham"),
        vec![(DateKind::LastReviewed, "2008-03-26".into()), (DateKind::NextReviewDue, "2011-03-26".into())]
    );
    let (brighton, _) = all.iter().find(|(a, _)| a.slug == "brighton-hove").unwrap();
    assert_eq!(brighton.based_on.as_ref().map(|b| b.slug.as_str()), Some("york"));
}

#[test]
fn no_content_file_holds_an_email_address() {
    for (authority, _) in support::content() {
        for file in ["authority.json", "procedure.md"] {
            let path = support::root().join(format!("content/authorities/{}/{file}", authority.slug));
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains('@'), "{} contains an '@' (an e-mail address?)", path.display());
        }
    }
}

#[test]
fn every_authority_rules_pass_validation() {
    let read = |p: &str| std::fs::read_to_string(support::root().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let topics = parse_topics(&read("content/topics.json")).unwrap();
    let roles = parse_roles(&read("content/roles.json")).unwrap();
    let vocab = Vocabularies { topics: &topics, roles: &roles };
    let mut problems = Vec::new();
    for (authority, _) in support::content() {
        let path = format!("content/authorities/{}/rules.json", authority.slug);
        match parse_rules(&authority.slug, &read(&path)) {
            Ok(rules) => problems.extend(validate_rules(&authority, &rules, &vocab).iter().map(|p| p.to_string())),
            Err(e) => problems.push(e.to_string()),
        }
    }
    assert!(problems.is_empty(), "rule problems:\n{}", problems.join("\n"));
}
