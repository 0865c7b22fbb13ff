//! Search relevance, against the published index (built as the publish step builds it, written to its files and
//! read back from them): every query of the fixture (`tests/support/search_queries.rs`) finds its sections among
//! the first three results; a search within one authority needs only its part; and bad input (empty, punctuation
//! only, very long, emoji, accents) answers quickly.

mod support;

use support::search_queries;

use std::time::{Duration, Instant};

use cin_procedure_explorer::search::build::build;
use cin_procedure_explorer::search::data::SEARCH_COMMON;
use cin_procedure_explorer::search::Index;

/// The published index's files (path and text).
fn files() -> Vec<(String, String)> {
    build(&support::library()).files()
}

fn index() -> Index {
    Index::from_files(&files()).expect("the published index reads back")
}

/// The path of a hit's document.
fn path(index: &Index, doc: usize) -> String {
    index.doc(doc).expect("a hit's part is held").path.clone()
}

#[test]
fn every_fixture_query_finds_its_sections_in_the_top_three() {
    let index = index();
    assert!(search_queries::QUERIES.len() >= 25);
    let mut failures = Vec::new();
    for (query, sections) in search_queries::QUERIES {
        let top: Vec<String> = index.search(query, None, 3).hits.iter().map(|h| path(&index, h.doc)).collect();
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
    assert!(found.hits.iter().all(|h| index.doc(h.doc).unwrap().authority == Some(york)));
}

#[test]
fn a_search_within_one_authority_needs_only_its_part_and_ranks_as_with_every_part() {
    let files = files();
    let full = Index::from_files(&files).unwrap();
    let common = &files.iter().find(|(p, _)| p == SEARCH_COMMON).unwrap().1;
    let mut index = Index::read(common).unwrap();
    let york = index.position("york").unwrap();
    assert_eq!(index.missing(Some(york)), [(york, "data/search/york.json".to_owned())]);
    assert_eq!(index.missing(None).len(), support::all().entries.len(), "every part is missing at first");
    let (_, text) = files.iter().find(|(p, _)| p == "data/search/york.json").unwrap();
    index.add(york, text).unwrap();
    assert!(index.missing(Some(york)).is_empty());
    assert_eq!(index.missing(None).len(), support::all().entries.len() - 1);
    for (query, _) in search_queries::QUERIES {
        let alone: Vec<(usize, u32)> =
            index.search(query, Some(york), 30).hits.iter().map(|h| (h.doc, h.score.to_bits())).collect();
        let with_all: Vec<(usize, u32)> =
            full.search(query, Some(york), 30).hits.iter().map(|h| (h.doc, h.score.to_bits())).collect();
        assert_eq!(alone, with_all, "{query}: the same results, in the same order, with the same scores");
    }
}

#[test]
fn a_part_of_another_build_or_a_damaged_one_is_refused_with_its_name() {
    let files = files();
    let common = &files.iter().find(|(p, _)| p == SEARCH_COMMON).unwrap().1;
    let (_, text) = files.iter().find(|(p, _)| p == "data/search/york.json").unwrap();
    let mut index = Index::read(common).unwrap();
    let york = index.position("york").unwrap();
    let mut part: serde_json::Value = serde_json::from_str(text).unwrap();
    part["v"] = "elsewhere".into();
    let error = index.add(york, &part.to_string()).unwrap_err();
    assert_eq!(error.file, "data/search/york.json");
    assert!(error.message.contains("another version of the site"), "{}", error.message);
    let mut part: serde_json::Value = serde_json::from_str(text).unwrap();
    part["p"][0] = cin_procedure_explorer::search::data::encode(&[0, 7, 1, 0]).into(); // field 7: there is none
    let error = index.add(york, &part.to_string()).unwrap_err();
    assert!(error.message.contains("damaged"), "{}", error.message);
    part["p"][0] = "A!".into();
    let error = index.add(york, &part.to_string()).unwrap_err();
    assert!(error.message.contains("damaged"), "{}", error.message);
    assert!(index.add(york, "{").unwrap_err().message.contains("not valid JSON"));
    assert!(Index::read("[]").err().is_some_and(|e| e.file == SEARCH_COMMON));
    assert_eq!(index.missing(Some(york)).len(), 1, "a refused part is not held");
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
