//! Parsing each content file, with errors that name the file and say what is wrong.

use std::fmt;

use super::authority::Authority;
use super::procedure::{split, Procedure};
use serde::de::DeserializeOwned;

use super::glossary::Term;
use super::rules::Rule;
use super::vocab::{Role, Topic};
use super::{authority_path, procedure_path, rules_path, GLOSSARY_PATH, INDEX_PATH, ROLES_PATH, TOPICS_PATH};

/// A content file that could not be loaded or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file's path relative to the site root, e.g. `content/authorities/{slug}/authority.json`.
    pub file: String,
    /// The 1-based line the fault is on, where known.
    pub line: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl LoadError {
    /// An error about a whole file.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError { file: file.into(), line: None, message: message.into() }
    }

    fn json(file: String, err: &serde_json::Error) -> Self {
        let kind =
            if err.is_syntax() || err.is_eof() { "is not valid JSON" } else { "does not have the expected shape" };
        let detail = err.to_string();
        let detail = detail.split(" at line ").next().unwrap_or(&detail).to_owned();
        LoadError { file, line: Some(err.line()), message: format!("the file {kind}: {detail}") }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses a JSON file of any shape, naming `file` and the line in any error.
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::json(file.to_owned(), &e))
}

/// Parses `content/authorities.json`: the authority slugs in display order.
pub fn parse_index(text: &str) -> Result<Vec<String>, LoadError> {
    parse_json(INDEX_PATH, text)
}

/// Parses `content/topics.json` (`validate_topics` checks what the topics say).
pub fn parse_topics(text: &str) -> Result<Vec<Topic>, LoadError> {
    parse_json(TOPICS_PATH, text)
}

/// The project's own `content/topics.json`, for unit tests that need the real topic flags.
#[cfg(test)]
pub(crate) fn content_topics() -> Vec<Topic> {
    parse_topics(include_str!("../../content/topics.json")).expect("content/topics.json parses")
}

/// Parses `content/glossary.json`.
pub fn parse_glossary(text: &str) -> Result<Vec<Term>, LoadError> {
    parse_json(GLOSSARY_PATH, text)
}

/// Parses `content/roles.json`.
pub fn parse_roles(text: &str) -> Result<Vec<Role>, LoadError> {
    parse_json(ROLES_PATH, text)
}

/// Parses an authority's `rules.json`.
pub fn parse_rules(slug: &str, text: &str) -> Result<Vec<Rule>, LoadError> {
    parse_json(&rules_path(slug), text)
}

/// Parses an authority's `authority.json`; its `slug` must be the folder it was loaded from.
pub fn parse_authority(slug: &str, text: &str) -> Result<Authority, LoadError> {
    let file = authority_path(slug);
    let authority: Authority = parse_json(&file, text)?;
    if authority.slug != slug {
        let line = text.find("\"slug\"").map_or(1, |at| text[..at].matches('\n').count() + 1);
        let message = format!("its slug is \"{}\" but its folder is \"{slug}\"", authority.slug);
        return Err(LoadError { file, line: Some(line), message });
    }
    Ok(authority)
}

/// Parses an authority's `procedure.md` into sections.
pub fn parse_procedure(slug: &str, text: &str) -> Result<Procedure, LoadError> {
    split(text).map_err(|e| LoadError { file: procedure_path(slug), line: Some(e.line), message: e.message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_errors_name_the_file_and_line() {
        assert_eq!(parse_index("[\"alpha\", \"beta\"]").unwrap(), vec!["alpha", "beta"]);
        let err = parse_index("[\"alpha\",\n oops]").unwrap_err();
        assert_eq!(err.file, "content/authorities.json");
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("content/authorities.json, line 2: the file is not valid JSON"), "{err}");
        let shape = parse_index("{\"alpha\": 1}").unwrap_err();
        assert!(shape.message.contains("expected shape"), "{}", shape.message);
    }

    #[test]
    fn authority_must_live_in_its_own_folder() {
        let text = include_str!("../../tests/fixtures/minimal/authority.json");
        assert_eq!(parse_authority("minimal", text).unwrap().short_name, "Minimal");
        let err = parse_authority("other", text).unwrap_err();
        assert_eq!(err.file, "content/authorities/other/authority.json");
        let slug_line = text.lines().position(|l| l.contains("\"slug\"")).unwrap() + 1;
        assert_eq!(err.line, Some(slug_line));
        assert!(err.message.contains("folder is \"other\""));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let text =
            include_str!("../../tests/fixtures/minimal/authority.json").replacen('{', "{\"colour\": \"red\",", 1);
        let err = parse_authority("minimal", &text).unwrap_err();
        assert!(err.message.contains("unknown field `colour`"), "{}", err.message);
    }

    #[test]
    fn rules_name_their_file_and_reject_unknown_kinds() {
        let ok = r#"[{"id":"t-a","topic":"review.first","status":"stated","value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},"summary":"s","cites":["one"],"note":null}]"#;
        let rules = parse_rules("t", ok).unwrap();
        assert_eq!(rules[0].when.len(), 0, "absent `when` means always");
        let bad = ok.replace("\"deadline\"", "\"sometime\"");
        let err = parse_rules("t", &bad).unwrap_err();
        assert_eq!(err.file, "content/authorities/t/rules.json");
        assert!(err.message.contains("unknown variant `sometime`"), "{}", err.message);
        let unit = ok.replace("working_days", "fortnights");
        assert!(parse_rules("t", &unit).unwrap_err().message.contains("fortnights"));
    }

    #[test]
    fn procedure_errors_carry_the_file_and_line() {
        let err = parse_procedure("alpha", "## A {#a}\n\nno source\n").unwrap_err();
        assert_eq!(err.file, "content/authorities/alpha/procedure.md");
        assert_eq!(err.line, Some(3));
    }
}
