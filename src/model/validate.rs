//! Validation of content: what every authority's files must satisfy before the site states them.

use std::collections::HashSet;
use std::fmt;

use super::authority::Authority;
use super::procedure::Procedure;
use super::{authority_path, procedure_path, INDEX_PATH};
use crate::markdown::{faults, Fault};

/// One thing wrong with the content, naming the file it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the site root.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
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

/// Checks the list of slugs: non-empty, URL-safe, no repeats.
pub fn validate_index(slugs: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |message: String| problems.push(Problem { file: INDEX_PATH.to_owned(), message });
    if slugs.is_empty() {
        report("lists no authority".into());
    }
    let mut seen = HashSet::new();
    for slug in slugs {
        if !is_url_safe_id(slug) {
            report(format!("slug \"{slug}\" is not URL-safe (lowercase letters, digits, single hyphens)"));
        }
        if !seen.insert(slug) {
            report(format!("slug \"{slug}\" is listed twice"));
        }
    }
    problems
}

/// Whether a piece of plain text holds something that looks like an HTML tag or comment.
pub(super) fn looks_like_html(text: &str) -> bool {
    text.match_indices('<')
        .any(|(i, _)| text[i + 1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!'))
}

/// Checks one authority's `authority.json` against its `procedure.md` and the list of all slugs.
pub fn validate_authority(authority: &Authority, procedure: &Procedure, slugs: &[String]) -> Vec<Problem> {
    let json = authority_path(&authority.slug);
    let md = procedure_path(&authority.slug);
    let mut problems = Vec::new();
    let mut in_json = |message: String| problems.push(Problem { file: json.clone(), message });

    if authority.sections.is_empty() {
        in_json("lists no sections".into());
    }
    let mut section_ids = HashSet::new();
    for entry in &authority.sections {
        if !is_url_safe_id(&entry.id) {
            in_json(format!("section id \"{}\" is not URL-safe", entry.id));
        }
        if let Some((word, page)) = RESERVED_SECTION_IDS.iter().find(|(word, _)| *word == entry.id) {
            in_json(format!("section id \"{word}\" is reserved for {page}"));
        }
        if !section_ids.insert(entry.id.as_str()) {
            in_json(format!("section id \"{}\" is used twice", entry.id));
        }
    }
    let cited = authority.scope.cites.iter().chain(authority.related.iter().flat_map(|r| r.cites.iter()));
    for cite in cited {
        if !section_ids.contains(cite.as_str()) {
            in_json(format!("cites section \"{cite}\", which is not one of its sections"));
        }
    }
    if let Some(based_on) = &authority.based_on {
        if !slugs.contains(&based_on.slug) || based_on.slug == authority.slug {
            in_json(format!("is based on \"{}\", which is not another listed authority", based_on.slug));
        }
    }
    if let Some(address) = &authority.web_address {
        if !is_https_address(&address.url) {
            in_json(format!("web address \"{}\" is not an https:// address", address.url));
        }
        if !address.given_in_source && address.verified_on.is_none() {
            in_json(format!(
                "web address \"{}\" is neither given in the source (given_in_source) nor marked as verified \
                 (verified_on): leave it out rather than guess",
                address.url
            ));
        }
    }
    let mut texts = vec![&authority.name, &authority.short_name, &authority.document.title, &authority.scope.summary];
    texts.extend(authority.scope.excludes.iter());
    texts.extend(authority.related.iter().flat_map(|r| [&r.title, &r.why]));
    texts.extend(authority.sections.iter().map(|s| &s.title));
    for text in texts {
        if looks_like_html(text) {
            in_json(format!("contains raw HTML: \"{text}\""));
        }
    }

    let mut in_md = |message: String| problems.push(Problem { file: md.clone(), message });
    let expected: Vec<(&str, &str)> = authority.sections.iter().map(|s| (s.id.as_str(), s.title.as_str())).collect();
    let found: Vec<(&str, &str)> = procedure.sections.iter().map(|s| (s.id.as_str(), s.title.as_str())).collect();
    if expected != found {
        for (id, title) in expected.iter().filter(|e| !found.contains(e)) {
            in_md(format!("has no section \"{title}\" {{#{id}}} listed in authority.json"));
        }
        for (id, title) in found.iter().filter(|f| !expected.contains(f)) {
            in_md(format!("has section \"{title}\" {{#{id}}}, which authority.json does not list"));
        }
        if expected.len() == found.len() && expected.iter().all(|e| found.contains(e)) {
            in_md("has its sections in a different order from authority.json".into());
        }
    }
    let mut heading_ids: HashSet<&str> = section_ids.clone();
    for section in &procedure.sections {
        if section.body.trim().is_empty() {
            in_md(format!("section \"{}\" (line {}) is empty", section.id, section.line));
        }
        for heading in &section.headings {
            if !is_url_safe_id(&heading.id) {
                in_md(format!("heading id \"{}\" is not URL-safe", heading.id));
            }
            if !heading_ids.insert(heading.id.as_str()) {
                in_md(format!("heading id \"{}\" is used twice (or equals a section id)", heading.id));
            }
        }
        for fault in faults(&section.body).into_iter().chain(faults(&section.source)) {
            match fault {
                Fault::RawHtml(h) => in_md(format!("section \"{}\" contains raw HTML: {h}", section.id)),
                Fault::UnsafeLink(l) => in_md(format!("section \"{}\" links to a disallowed address: {l}", section.id)),
            }
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
        a.scope.excludes.push("<b>children</b>".into());
        let text = messages(validate_authority(&a, &p, &slugs));
        for needle in [
            "section \"two\" (line 11) is empty",
            "heading id \"two\" is used twice",
            "contains raw HTML: <img",
            "disallowed address: javascript:alert(1)",
            "cites section \"nowhere\"",
            "authority.json: contains raw HTML: \"<b>children</b>\"",
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
