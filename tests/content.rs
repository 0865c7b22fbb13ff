//! Content validation over every authority in `content/` (every file parses; sections, rules, vocabularies, citations
//! and the glossary pass validation), and the published data in the built site checked against the content.

mod support;

use std::collections::HashSet;

use cin_procedure_explorer::model::{
    data_path, parse_json, Authority, AuthorityData, DateKind, Role, Term, Topic, DATA_AUTHORITIES, DATA_GLOSSARY,
    DATA_ROLES, DATA_TOPICS,
};
use cin_procedure_explorer::publish::check;

#[test]
fn all_content_passes_validation() {
    let problems = check(&support::all());
    assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
}

#[test]
fn the_five_source_procedures_are_all_present_with_their_documents() {
    let all = support::content();
    let found: Vec<(&str, Option<&str>)> =
        all.iter().map(|(a, _)| (a.slug.as_str(), a.document.number.as_deref())).collect();
    // Each source procedure, in the order listed; other authorities may be listed as well.
    let sources = [
        ("coventry", Some("2.1")),
        ("york", Some("3.1")),
        ("lancashire", None),
        ("brighton-hove", Some("1.4.3")),
        ("durham", Some("CIN/013")),
    ];
    let listed: Vec<(&str, Option<&str>)> = found.iter().copied().filter(|f| sources.contains(f)).collect();
    assert_eq!(listed, sources, "{found:?}");
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

/// Every authority carries the day its restatement was last checked against the source (never a day still to
/// come, nor one before the restatement was first written) and a change log, newest first; and no authority has a
/// web address unless the source gives it or it is marked as verified (`tests/sources` checks the first against the
/// source texts).
#[test]
fn every_authority_has_its_checked_date_its_change_log_and_no_guessed_address() {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let today = chrono::DateTime::from_timestamp(now, 0).unwrap().date_naive();
    for entry in support::all().entries {
        let (a, changes) = (&entry.authority, &entry.changes);
        assert!(a.checked_on <= today, "{}: checked on {}, a day still to come", a.slug, a.checked_on);
        assert!(!changes.is_empty(), "{}: no change log", a.slug);
        assert!(changes.windows(2).all(|w| w[0].date >= w[1].date), "{}: the change log is not newest first", a.slug);
        assert!(changes.last().unwrap().date <= a.checked_on, "{}: checked before it was written", a.slug);
        if let Some(address) = &a.web_address {
            assert!(address.given_in_source || address.verified_on.is_some(), "{}: a guessed address", a.slug);
        }
    }
}

/// The publish step refuses an authority without its checked date or its change log, an empty change log, and a
/// web address that is neither given in the source nor marked as verified, naming each file.
#[test]
fn the_publish_step_refuses_a_missing_checked_date_or_change_log_and_a_guessed_address() {
    let out = support::copy_of_content("trust");
    let all = support::all();
    let (first, second) = (&all.entries[0].authority.slug, &all.entries[1].authority.slug);
    let authority_json = out.join(format!("content/authorities/{first}/authority.json"));
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&authority_json).unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("checked_on");
    std::fs::write(&authority_json, json.to_string()).unwrap();
    std::fs::remove_file(out.join(format!("content/authorities/{second}/changes.json"))).unwrap();
    let errors = cin_procedure_explorer::publish::read(&out)
        .expect_err("the content must not load")
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        errors.contains(&format!("content/authorities/{first}/authority.json")) && errors.contains("checked_on"),
        "{errors}"
    );
    assert!(errors.contains(&format!("content/authorities/{second}/changes.json: could not be read")), "{errors}");

    json["checked_on"] = "2026-11-30".into();
    json["web_address"] = serde_json::json!({ "url": "https://procedures.example.org/chapter" });
    std::fs::write(&authority_json, json.to_string()).unwrap();
    std::fs::write(out.join(format!("content/authorities/{second}/changes.json")), "[]").unwrap();
    let problems = check(&cin_procedure_explorer::publish::read(&out).expect("the content loads")).join("\n");
    // authority.json was written on one line here, so every problem in it is on line 1.
    assert!(
        problems.contains(&format!("content/authorities/{first}/authority.json, line 1: web address")),
        "{problems}"
    );
    assert!(problems.contains("leave it out rather than guess"), "{problems}");
    assert!(
        problems.contains(&format!("content/authorities/{second}/changes.json, line 1: lists no change")),
        "{problems}"
    );
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn no_content_file_holds_an_email_address() {
    for (authority, _) in support::content() {
        for file in ["authority.json", "procedure.md", "rules.json", "changes.json"] {
            let path = support::root().join(format!("content/authorities/{}/{file}", authority.slug));
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains('@'), "{} contains an '@' (an e-mail address?)", path.display());
        }
    }
}

/// The glossary covers every term the issue names (by id), and every term is used by at least one procedure.
#[test]
fn the_glossary_has_the_required_terms() {
    let all = support::all();
    let ids: HashSet<&str> = all.glossary.iter().map(|t| t.id.as_str()).collect();
    for id in [
        "s17",
        "s47",
        "cin",
        "cp",
        "lac",
        "caf",
        "tac",
        "fgc",
        "ics",
        "lcs",
        "mosaic",
        "momo",
        "icdds",
        "send",
        "fwso",
        "lscb",
        "csap",
        "sgo",
        "tier-3",
        "single-assessment",
        "initial-assessment",
        "core-assessment",
        "strategy-discussion",
        "core-group",
        "care-team",
        "network-meeting",
        "lead-professional",
        "step-down",
        "early-help",
        "significant-harm",
        "direct-payments",
        "supervision-order",
    ] {
        assert!(ids.contains(id), "the glossary has no entry {id}");
    }
}

fn published<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let path = support::built("dist").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_json(file, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// The built site's `data/` holds exactly what `content/` says: the authorities in order (in full, and as the start
/// page lists them), each authority's rules and
/// sections (with HTML), the topics, the roles and the glossary with who uses each term.
#[test]
fn the_published_data_matches_the_content() {
    let all = support::all();
    let index: Vec<Authority> = published(DATA_AUTHORITIES);
    assert_eq!(index, all.entries.iter().map(|e| e.authority.clone()).collect::<Vec<_>>());
    // The start page's list: the same authorities in the same order, each with only what the start page shows.
    let listed: Vec<cin_procedure_explorer::model::Listing> = published(cin_procedure_explorer::model::DATA_CATALOGUE);
    assert_eq!(listed, index.iter().map(cin_procedure_explorer::model::Listing::of).collect::<Vec<_>>());
    let rules_by_slug: std::collections::BTreeMap<String, Vec<cin_procedure_explorer::model::Rule>> =
        published(cin_procedure_explorer::model::DATA_RULES);
    assert_eq!(rules_by_slug.len(), all.entries.len(), "data/rules.json has every authority and no other");
    for entry in &all.entries {
        let data: AuthorityData = published(&data_path(&entry.authority.slug));
        assert_eq!(data.authority, entry.authority);
        assert_eq!(data.changes, entry.changes, "{}: the change log is published", entry.authority.slug);
        assert_eq!(
            data.rules.len(),
            entry.rules.len(),
            "{}: published rules differ from rules.json",
            entry.authority.slug
        );
        for (published, source) in data.rules.iter().zip(&entry.rules) {
            assert!(published == source, "{}: published differs from rules.json (rebuild the site)", source.id);
        }
        let rules_alone = &rules_by_slug[&entry.authority.slug];
        assert!(*rules_alone == data.rules, "{}: data/rules.json differs from its data file", entry.authority.slug);
        let ids = |s: &[cin_procedure_explorer::model::Section]| s.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&data.sections), ids(&entry.procedure.sections));
        for (published, source) in data.sections.iter().zip(&entry.procedure.sections) {
            assert_eq!((&published.title, &published.source), (&source.title, &source.source));
            assert!(!published.html.is_empty() && published.body.is_empty(), "{}: html, not Markdown", source.id);
            // Every glossary link in the text resolves to an entry.
            for link in published.html.split("href=\"glossary/").skip(1) {
                let id = &link[..link.find('"').unwrap()];
                assert!(all.glossary.iter().any(|t| t.id == id), "{}: glossary link to {id}", source.id);
            }
        }
    }
    assert_eq!(published::<Vec<Topic>>(DATA_TOPICS), all.topics);
    assert_eq!(published::<Vec<Role>>(DATA_ROLES), all.roles);
    assert_eq!(published::<cin_procedure_explorer::model::Site>(cin_procedure_explorer::model::DATA_SITE), all.site);
    let glossary: Vec<Term> = published(DATA_GLOSSARY);
    assert_eq!(glossary.len(), all.glossary.len());
    let used_by = |id: &str| glossary.iter().find(|t| t.id == id).unwrap().used_by.clone();
    assert_eq!(used_by("momo"), vec!["lancashire"], "MOMO appears only in Lancashire's procedure");
    assert_eq!(used_by("cin").len(), all.entries.len(), "every procedure speaks of children in need");
    let unused: Vec<&str> = glossary.iter().filter(|t| t.used_by.is_empty()).map(|t| t.id.as_str()).collect();
    assert!(unused.is_empty(), "terms no procedure uses: {unused:?}");
}

#[test]
fn generated_authorities_pass_the_same_validation_and_some_differ() {
    let out = std::env::temp_dir().join(format!("cin-synthetic-{}", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(support::root().join("scripts/synthetic.py"))
        .arg("6")
        .arg(&out)
        .status()
        .expect("python3 runs scripts/synthetic.py");
    assert!(status.success());
    let generated = cin_procedure_explorer::publish::read(&out).unwrap_or_else(|e| panic!("{e:?}"));
    let real = support::all();
    assert_eq!(generated.entries.len(), real.entries.len() + 6);
    let problems = check(&generated);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The sixth copy (a copy of the first authority, made longer) differs from its source on a timescale.
    let copy = generated.entries.iter().find(|e| e.authority.slug == "synthetic-006").unwrap();
    let source = &real.entries[(6 - 1) % real.entries.len()];
    let values = |rules: &[cin_procedure_explorer::model::Rule]| -> Vec<String> {
        rules.iter().map(|r| format!("{:?}", r.value)).collect()
    };
    assert_ne!(values(&copy.rules), values(&source.rules));
    std::fs::remove_dir_all(&out).unwrap();
}

/// The README's "Answer keys" table lists every answer key of `KEYS`, each choice key with every value it takes, and
/// no key that `KEYS` does not have.
#[test]
fn the_readme_lists_every_answer_key_with_its_values() {
    use cin_procedure_explorer::model::questions::{key, KEYS};
    let readme = std::fs::read_to_string(support::root().join("README.md")).expect("README.md");
    let start = readme.find("\n### Answer keys\n").expect("the README has an \"Answer keys\" section");
    let section = &readme[start + 1..];
    let section = &section[..section[1..].find("\n#").map_or(section.len(), |end| end + 1)];
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
    for k in &KEYS {
        let name = format!("`{}`", k.key);
        let row = rows
            .iter()
            .find(|r| r.split('|').nth(1).is_some_and(|cell| cell.contains(&name)))
            .unwrap_or_else(|| panic!("the README's answer keys do not list {}", k.key));
        for choice in k.choices() {
            assert!(row.contains(&format!("`{}`", choice.value)), "the README's {} row lacks {}", k.key, choice.value);
        }
    }
    for row in rows {
        let first = row.split('|').nth(1).unwrap_or_default();
        for listed in first.split('`').skip(1).step_by(2) {
            assert!(key(listed).is_some(), "the README lists {listed}, which is not an answer key");
        }
    }
}

/// Each real authority is in its own English region, which groups it on the start page, and the site lists the nine.
#[test]
fn each_authority_is_in_its_region() {
    let expected = [
        ("york", "Yorkshire and the Humber"),
        ("brighton-hove", "South East"),
        ("lancashire", "North West"),
        ("coventry", "West Midlands"),
        ("durham", "North East"),
    ];
    let all = support::all();
    for (slug, region) in expected {
        let entry = all.entry(slug).unwrap_or_else(|| panic!("no authority {slug}"));
        assert_eq!(all.site.region(&entry.authority.region).map(|r| r.name.as_str()), Some(region), "{slug}");
    }
    assert_eq!(all.site.regions.len(), 9, "the nine English regions");
}
