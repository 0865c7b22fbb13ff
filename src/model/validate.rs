//! Validation of content: what every authority's files must satisfy before the site states them.

use std::collections::HashSet;
use std::fmt;

use super::authority::Authority;
use super::procedure::Procedure;
use super::{authority_path, procedure_path, INDEX_PATH};
use crate::markdown::{faults, Fault};

/// One thing wrong with the content, naming the file it is in and, once located in the file's text, the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the site root.
    pub file: String,
    /// The 1-based line, once [`Problem::locate`] has found it in the file's text.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to look for in the file's text to find the line: each text after the one before (e.g. a rule's
    /// quoted id, then the quoted value at fault). Empty: the problem is about the whole file (line 1).
    pub near: Vec<String>,
}

impl Problem {
    /// A problem in `file`, not yet located.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { file: file.into(), line: None, message: message.into(), near: Vec::new() }
    }

    /// The problem, to be located at `text` in its file (after any text it is already near).
    pub fn near(mut self, text: impl Into<String>) -> Self {
        self.near.push(text.into());
        self
    }

    /// The problem, to be located at `value` as JSON writes it (a string in quotes), after any text it is already
    /// near.
    pub fn near_json(self, value: &str) -> Self {
        self.near(json_string(value))
    }

    /// The problem, to be located at the JSON key `key` with the string `value` (e.g. a rule's `"id": "…"`), after
    /// any text it is already near.
    pub fn near_key(self, key: &str, value: &str) -> Self {
        self.near(format!("\"{key}\": {}", json_string(value)))
    }

    /// Sets the line from the file's text: where the last of `near` that can be found in order is, or line 1.
    pub fn locate(&mut self, text: &str) {
        let mut from = 0;
        let mut at = 0;
        for needle in &self.near {
            // A JSON key and value are found however the file spaces them.
            let found =
                text[from..].find(needle.as_str()).or_else(|| text[from..].find(&needle.replace("\": ", "\":")));
            match found {
                Some(i) => (at, from) = (from + i, from + i + needle.chars().next().map_or(1, char::len_utf8)),
                None => break,
            }
        }
        self.line = Some(text[..at].matches('\n').count() + 1);
    }
}

/// A text as JSON writes it: in quotes, escaped.
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| text.to_owned())
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The words a section id may not be, because an authority's page has that address: `/a/{authority}/{word}`.
pub const RESERVED_SECTION_IDS: [(&str, &str); 3] =
    [("rules", "the rules page"), ("changes", "the change log"), ("all", "the whole procedure on one page")];

/// Whether `url` is an `https://` address with a host and nothing that could end the attribute it is written in.
fn is_https_address(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && host.contains('.') && url.bytes().all(|b| b.is_ascii_graphic() && !b"\"'<>`\\".contains(&b))
}

/// Whether an id is safe in a URL path and a fragment: lowercase letters and digits in hyphen-separated words.
pub fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Whether an id is safe as a key in a URL's query and in an attribute: lowercase letters and digits in words
/// joined by single `_`, `.` or `-` (e.g. `review.first`, `health_disability`).
pub fn is_safe_key(id: &str) -> bool {
    !id.is_empty()
        && id
            .split(['_', '.', '-'])
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Checks the list of slugs: non-empty, URL-safe, no repeats.
pub fn validate_index(slugs: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    if slugs.is_empty() {
        problems.push(Problem::new(INDEX_PATH, "lists no authority"));
    }
    let mut seen = HashSet::new();
    for slug in slugs {
        if !is_url_safe_id(slug) {
            problems.push(
                Problem::new(
                    INDEX_PATH,
                    format!("slug \"{slug}\" is not URL-safe (lowercase letters, digits, single hyphens)"),
                )
                .near_json(slug),
            );
        }
        if !seen.insert(slug) {
            problems.push(
                Problem::new(INDEX_PATH, format!("slug \"{slug}\" is listed twice")).near_json(slug).near_json(slug),
            );
        }
    }
    problems
}

/// Whether a piece of plain text holds markup: a `<` or a `>` (content text is plain; no field needs either).
pub(crate) fn holds_markup(text: &str) -> bool {
    text.contains(['<', '>'])
}

/// Every string in a JSON content file (`text`, named `file`) that holds markup, each located at the string.
pub fn markup_in_json(file: &str, text: &str) -> Vec<Problem> {
    fn strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
                out.push(k);
                strings(v, out)
            }),
            _ => {}
        }
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return Vec::new() };
    let mut found = Vec::new();
    strings(&value, &mut found);
    found
        .into_iter()
        .filter(|s| holds_markup(s))
        .map(|s| {
            Problem::new(file, format!("\"{s}\" holds markup ('<' or '>'): every text in the content is plain text"))
                .near_json(s)
        })
        .collect()
}

/// Checks one authority's `authority.json` against its `procedure.md` and the list of all slugs.
pub fn validate_authority(authority: &Authority, procedure: &Procedure, slugs: &[String]) -> Vec<Problem> {
    let json = authority_path(&authority.slug);
    let md = procedure_path(&authority.slug);
    let mut problems = Vec::new();
    let in_json = |message: String| Problem::new(json.clone(), message);

    if authority.sections.is_empty() {
        problems.push(in_json("lists no sections".into()).near("\"sections\""));
    }
    let mut section_ids = HashSet::new();
    for entry in &authority.sections {
        let at = |p: Problem| p.near("\"sections\"").near_json(&entry.id);
        if !is_url_safe_id(&entry.id) {
            problems.push(at(in_json(format!("section id \"{}\" is not URL-safe", entry.id))));
        }
        if let Some((word, page)) = RESERVED_SECTION_IDS.iter().find(|(word, _)| *word == entry.id) {
            problems.push(at(in_json(format!("section id \"{word}\" is reserved for {page}"))));
        }
        if !section_ids.insert(entry.id.as_str()) {
            problems.push(at(in_json(format!("section id \"{}\" is used twice", entry.id))).near_json(&entry.id));
        }
    }
    let cited = authority.scope.cites.iter().chain(authority.related.iter().flat_map(|r| r.cites.iter()));
    for cite in cited {
        if !section_ids.contains(cite.as_str()) {
            problems
                .push(in_json(format!("cites section \"{cite}\", which is not one of its sections")).near_json(cite));
        }
    }
    if let Some(based_on) = &authority.based_on {
        if !slugs.contains(&based_on.slug) || based_on.slug == authority.slug {
            let message = format!("is based on \"{}\", which is not another listed authority", based_on.slug);
            problems.push(in_json(message).near("\"based_on\"").near_json(&based_on.slug));
        }
    }
    if let Some(address) = &authority.web_address {
        if !is_https_address(&address.url) {
            problems.push(
                in_json(format!("web address \"{}\" is not an https:// address", address.url)).near("\"web_address\""),
            );
        }
        if !address.given_in_source && address.verified_on.is_none() {
            problems.push(
                in_json(format!(
                    "web address \"{}\" is neither given in the source (given_in_source) nor marked as verified \
                     (verified_on): leave it out rather than guess",
                    address.url
                ))
                .near("\"web_address\""),
            );
        }
    }
    for team in &authority.vocabulary.teams {
        if !is_safe_key(&team.id) {
            let message = format!("team id \"{}\" is not safe in an address (lowercase words joined by _)", team.id);
            problems.push(in_json(message).near("\"teams\"").near_json(&team.id));
        }
    }

    let in_md = |message: String| Problem::new(md.clone(), message);
    let expected: Vec<(&str, &str)> = authority.sections.iter().map(|s| (s.id.as_str(), s.title.as_str())).collect();
    let found: Vec<(&str, &str)> = procedure.sections.iter().map(|s| (s.id.as_str(), s.title.as_str())).collect();
    if expected != found {
        for (id, title) in expected.iter().filter(|e| !found.contains(e)) {
            problems.push(in_md(format!("has no section \"{title}\" {{#{id}}} listed in authority.json")));
        }
        for (id, title) in found.iter().filter(|f| !expected.contains(f)) {
            let message = format!("has section \"{title}\" {{#{id}}}, which authority.json does not list");
            problems.push(in_md(message).near(format!("{{#{id}}}")));
        }
        if expected.len() == found.len() && expected.iter().all(|e| found.contains(e)) {
            problems.push(in_md("has its sections in a different order from authority.json".into()));
        }
    }
    let mut heading_ids: HashSet<&str> = section_ids.clone();
    for section in &procedure.sections {
        let at = |p: Problem| p.near(format!("{{#{}}}", section.id));
        if section.body.trim().is_empty() {
            problems.push(at(in_md(format!("section \"{}\" (line {}) is empty", section.id, section.line))));
        }
        for heading in &section.headings {
            let at = |p: Problem| at(p).near(format!("{{#{}}}", heading.id));
            if !is_url_safe_id(&heading.id) {
                problems.push(at(in_md(format!("heading id \"{}\" is not URL-safe", heading.id))));
            }
            if !heading_ids.insert(heading.id.as_str()) {
                problems
                    .push(at(in_md(format!("heading id \"{}\" is used twice (or equals a section id)", heading.id))));
            }
        }
        for fault in faults(&section.body).into_iter().chain(faults(&section.source)) {
            let (message, text) = match fault {
                Fault::RawHtml(h) => (format!("section \"{}\" contains raw HTML: {h}", section.id), h),
                Fault::UnsafeLink(l) => (format!("section \"{}\" links to a disallowed address: {l}", section.id), l),
            };
            problems.push(at(in_md(message)).near(text));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_procedure};

    fn fixture() -> (Authority, Procedure, Vec<String>) {
        let authority =
            parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        (authority, procedure, vec!["minimal".to_owned(), "other".to_owned()])
    }

    fn messages(problems: Vec<Problem>) -> String {
        problems.iter().map(Problem::to_string).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_fixture_is_valid() {
        let (a, p, slugs) = fixture();
        assert_eq!(validate_authority(&a, &p, &slugs), vec![]);
    }

    #[test]
    fn a_problem_is_located_at_what_it_is_near_in_order() {
        let text = "[\n  {\"id\": \"a\", \"see\": \"b\"},\n  {\"id\":\"b\"},\n  {\"id\": \"a\"}\n]\n";
        let line = |p: Problem| {
            let mut p = p;
            p.locate(text);
            p.line
        };
        let problem = || Problem::new("f.json", "m");
        assert_eq!(line(problem()), Some(1), "a problem with the whole file is on line 1");
        assert_eq!(line(problem().near_json("b")), Some(2), "the first place the text is");
        assert_eq!(line(problem().near_key("id", "b")), Some(3), "a key and value however they are spaced");
        assert_eq!(line(problem().near_key("id", "a").near_key("id", "a")), Some(4), "the second time");
        assert_eq!(line(problem().near_key("id", "b").near("nowhere")), Some(3), "the last text found");
        let mut located = problem().near_key("id", "b");
        located.locate(text);
        assert_eq!(located.to_string(), "f.json, line 3: m");
    }

    #[test]
    fn markup_anywhere_in_a_json_file_is_named_with_its_line() {
        let text = "{\n  \"label\": \"ok\",\n  \"items\": [\"fine\", \"a <b>bold</b> item\"],\n  \"<x>\": 1,\n  \"then\": \"a > b\"\n}";
        let mut problems = markup_in_json("content/x.json", text);
        problems.iter_mut().for_each(|p| p.locate(text));
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(
            lines.iter().any(|l| l.starts_with("content/x.json, line 3: \"a <b>bold</b> item\" holds markup")),
            "{lines:#?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("content/x.json, line 4: \"<x>\"")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with("content/x.json, line 5: \"a > b\"")), "{lines:#?}");
        assert_eq!(markup_in_json("content/x.json", "{\"a\": \"plain\"}"), vec![]);
    }

    #[test]
    fn safe_keys() {
        for ok in ["review.first", "health_disability", "a-b", "s17"] {
            assert!(is_safe_key(ok), "{ok}");
        }
        for bad in ["", "Review", "a..b", "a_", ".a", "a b", "a\"b", "a/b", "a<b"] {
            assert!(!is_safe_key(bad), "{bad}");
        }
    }

    #[test]
    fn url_safe_ids() {
        for ok in ["a", "planning-meetings", "section-4-1"] {
            assert!(is_url_safe_id(ok), "{ok}");
        }
        for bad in ["", "A", "a--b", "-a", "a-", "a b", "a_b", "é", "a/b", "a#b"] {
            assert!(!is_url_safe_id(bad), "{bad}");
        }
    }

    #[test]
    fn index_problems() {
        let slugs: Vec<String> = ["alpha", "Alpha", "alpha"].map(String::from).to_vec();
        let text = messages(validate_index(&slugs));
        assert!(text.contains("\"Alpha\" is not URL-safe"), "{text}");
        assert!(text.contains("\"alpha\" is listed twice"), "{text}");
        assert!(messages(validate_index(&[])).contains("no authority"));
    }

    #[test]
    fn a_missing_or_extra_section_is_reported() {
        let (mut a, p, slugs) = fixture();
        a.sections[1].id = "three".into();
        let text = messages(validate_authority(&a, &p, &slugs));
        assert!(text.contains("procedure.md: has no section \"Two\" {#three}"), "{text}");
        assert!(text.contains("has section \"Two\" {#two}, which authority.json does not list"), "{text}");
    }

    #[test]
    fn a_section_may_not_take_a_word_an_authority_page_uses() {
        for (word, page) in [("rules", "the rules page"), ("all", "the whole procedure on one page")] {
            let (mut a, p, slugs) = fixture();
            a.sections[1].id = word.into();
            let text = messages(validate_authority(&a, &p, &slugs));
            assert!(text.contains(&format!("section id \"{word}\" is reserved for {page}")), "{text}");
        }
    }

    #[test]
    fn reordered_sections_are_reported() {
        let (mut a, p, slugs) = fixture();
        a.sections.reverse();
        assert!(messages(validate_authority(&a, &p, &slugs)).contains("different order"));
    }

    #[test]
    fn empty_sections_duplicate_ids_and_html_are_reported() {
        let (mut a, mut p, slugs) = fixture();
        p.sections[1].body.clear();
        p.sections[0].headings[0].id = "two".into();
        p.sections[0].body.push_str("\n\n<img src=x onerror=alert(1)> and [x](javascript:alert(1))");
        a.scope.cites.push("nowhere".into());
        let text = messages(validate_authority(&a, &p, &slugs));
        for needle in [
            "section \"two\" (line 11) is empty",
            "heading id \"two\" is used twice",
            "contains raw HTML: <img",
            "disallowed address: javascript:alert(1)",
            "cites section \"nowhere\"",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }

    #[test]
    fn reserved_words_are_refused_as_section_ids() {
        let (mut a, p, slugs) = fixture();
        for (word, page) in RESERVED_SECTION_IDS {
            a.sections[0].id = word.to_owned();
            let text = messages(validate_authority(&a, &p, &slugs));
            assert!(text.contains(&format!("section id \"{word}\" is reserved for {page}")), "{text}");
        }
    }

    #[test]
    fn a_web_address_must_be_given_in_the_source_or_verified() {
        let (mut a, p, slugs) = fixture();
        let address = |url: &str, given_in_source, verified_on| {
            Some(crate::model::WebAddress { url: url.into(), given_in_source, verified_on })
        };
        a.web_address = address("https://procedures.example.org/chapter", false, None);
        let text = messages(validate_authority(&a, &p, &slugs));
        assert!(text.contains("neither given in the source") && text.contains("leave it out rather than guess"));
        a.web_address = address("https://procedures.example.org/chapter", true, None);
        assert_eq!(validate_authority(&a, &p, &slugs), vec![]);
        a.web_address =
            address("https://procedures.example.org/chapter", false, chrono::NaiveDate::from_ymd_opt(2026, 1, 2));
        assert_eq!(validate_authority(&a, &p, &slugs), vec![]);
        for bad in [
            "http://procedures.example.org",
            "javascript:alert(1)",
            "https://",
            "https://x.org/\"><b>",
            "https://local",
        ] {
            a.web_address = address(bad, true, None);
            let text = messages(validate_authority(&a, &p, &slugs));
            assert!(text.contains("is not an https:// address"), "{bad}: {text}");
        }
    }

    #[test]
    fn based_on_must_name_another_listed_authority() {
        let (mut a, p, slugs) = fixture();
        a.based_on = Some(crate::model::BasedOn { slug: "other".into(), note: "n".into() });
        assert_eq!(validate_authority(&a, &p, &slugs), vec![]);
        a.based_on = Some(crate::model::BasedOn { slug: "nowhere".into(), note: "n".into() });
        assert!(messages(validate_authority(&a, &p, &slugs)).contains("based on \"nowhere\""));
    }
}
