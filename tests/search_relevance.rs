//! Search relevance: every query of the fixture (`tests/support/search_queries.rs`) finds its sections among the first
//! three results; and bad input (empty, punctuation only, very long, emoji, accents) answers quickly.

mod support;

use support::search_queries;

use std::time::{Duration, Instant};

use cin_procedure_explorer::search::Index;

fn index() -> Index {
    Index::new(&support::library())
}

#[test]
fn every_fixture_query_finds_its_sections_in_the_top_three() {
    let index = index();
    assert!(search_queries::QUERIES.len() >= 25);
    let mut failures = Vec::new();
    for (query, sections) in search_queries::QUERIES {
        let top: Vec<String> =
            index.search(query, None, 3).hits.iter().map(|h| index.docs[h.doc].path.clone()).collect();
        for section in *sections {
            if !top.contains(&format!("a/{section}")) {
                failures.push(format!("{query:?}: {section} not in the top three {top:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_filter_keeps_one_authoritys_results() {
    let index = index();
    let york = index.authorities.iter().position(|(slug, _)| slug == "york").unwrap();
    let found = index.search("review", Some(york), 20);
    assert!(!found.hits.is_empty());
    assert!(found.hits.iter().all(|h| index.docs[h.doc].authority == Some(york)));
}

#[test]
fn bad_input_answers_quickly_with_no_results_or_suggestions() {
    let index = index();
    let long = "review ".repeat(1500);
    for query in ["", "   ", "?!.,;:—…", "🙂🙂🙂", &long, "Café naïve façade", "\u{0}\u{202e}"] {
        let start = Instant::now();
        let found = index.search(query, None, 20);
        assert!(start.elapsed() < Duration::from_millis(200), "{query:.20}… took {:?}", start.elapsed());
        if query == long {
            assert!(found.truncated && !found.hits.is_empty());
        }
        if query.trim().is_empty() || query.starts_with('?') || query.starts_with('🙂') {
            assert!(!found.searchable && found.hits.is_empty(), "{query}");
        }
    }
    let suggestions = index.suggestions("advocat", 3);
    assert_eq!(suggestions[0].0, "advocate");
}
