//! Parsing each content file, with errors that name the file and say what is wrong.

use std::fmt;

use super::authority::Authority;
use super::procedure::{split, Procedure};
use super::{authority_path, procedure_path, INDEX_PATH};

/// A content file that could not be loaded or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file's path relative to the site root, e.g. `content/authorities/york/authority.json`.
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

/// Parses `content/authorities.json`: the authority slugs in display order.
pub fn parse_index(text: &str) -> Result<Vec<String>, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::json(INDEX_PATH.to_owned(), &e))
}

/// Parses an authority's `authority.json`; its `slug` must be the folder it was loaded from.
pub fn parse_authority(slug: &str, text: &str) -> Result<Authority, LoadError> {
    let file = authority_path(slug);
    let authority: Authority = serde_json::from_str(text).map_err(|e| LoadError::json(file.clone(), &e))?;
    if authority.slug != slug {
        return Err(LoadError::new(file, format!("its slug is \"{}\" but its folder is \"{slug}\"", authority.slug)));
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
        assert_eq!(parse_index("[\"york\", \"durham\"]").unwrap(), vec!["york", "durham"]);
        let err = parse_index("[\"york\",\n oops]").unwrap_err();
        assert_eq!(err.file, "content/authorities.json");
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("content/authorities.json, line 2: the file is not valid JSON"), "{err}");
        let shape = parse_index("{\"york\": 1}").unwrap_err();
        assert!(shape.message.contains("expected shape"), "{}", shape.message);
    }

    #[test]
    fn authority_must_live_in_its_own_folder() {
        let text = include_str!("../../tests/fixtures/minimal/authority.json");
        assert_eq!(parse_authority("minimal", text).unwrap().short_name, "Minimal");
        let err = parse_authority("other", text).unwrap_err();
        assert_eq!(err.file, "content/authorities/other/authority.json");
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
    fn procedure_errors_carry_the_file_and_line() {
        let err = parse_procedure("york", "## A {#a}\n\nno source\n").unwrap_err();
        assert_eq!(err.file, "content/authorities/york/procedure.md");
        assert_eq!(err.line, Some(3));
    }
}
