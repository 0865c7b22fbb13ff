//! `glossary.json`: the terms and abbreviations the procedures use, and finding them in text.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::validate::{is_url_safe_id, Problem};
use super::GLOSSARY_PATH;

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The stable, URL-safe id used in `/glossary/{id}`.
    pub id: String,
    /// The term as the sources write it, e.g. "TAC".
    pub term: String,
    /// What an abbreviation stands for, where the sources or common use give it.
    pub expansion: Option<String>,
    /// What it means, in plain words.
    pub definition: String,
    /// Other spellings and forms that mean the same.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ids of related entries.
    #[serde(default)]
    pub see_also: Vec<String>,
    /// The slugs of the authorities whose procedure uses the term (computed when the data is published).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_by: Vec<String>,
}

impl Term {
    /// The letter the entry is filed under in the A–Z: its first letter or digit, upper-cased.
    pub fn letter(&self) -> char {
        self.term.chars().find(|c| c.is_alphanumeric()).map_or('#', |c| c.to_ascii_uppercase())
    }

    /// Whether the entry matches a filter typed by a reader: in its term, expansion or aliases, ignoring case.
    pub fn matches_filter(&self, filter: &str) -> bool {
        let filter = filter.trim().to_lowercase();
        filter.is_empty()
            || std::iter::once(&self.term)
                .chain(self.expansion.iter())
                .chain(self.aliases.iter())
                .any(|t| t.to_lowercase().contains(&filter))
    }
}

/// The entries that pass a reader's filter, sorted and grouped under their A–Z letters.
pub fn a_to_z(terms: &[Term], filter: &str) -> Vec<(char, Vec<Term>)> {
    let mut shown: Vec<&Term> = terms.iter().filter(|t| t.matches_filter(filter)).collect();
    shown.sort_by_key(|t| t.term.to_lowercase());
    let mut groups: Vec<(char, Vec<Term>)> = Vec::new();
    for t in shown {
        match groups.last_mut() {
            Some((letter, entries)) if *letter == t.letter() => entries.push(t.clone()),
            _ => groups.push((t.letter(), vec![t.clone()])),
        }
    }
    groups
}

/// One way of writing a term: abbreviations (no lower-case letter) match only as written, other words in any case.
#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    /// `text` lower-cased, once, for matches in any case.
    lower: String,
    exact_case: bool,
    /// `text` is ASCII only.
    ascii: bool,
    id: usize,
}

impl Pattern {
    /// Whether `candidate` (as many bytes as `text`) is this way of writing the term; `lowered` is `candidate` with
    /// its ASCII letters lower-cased.
    fn is(&self, candidate: &str, lowered: &str) -> bool {
        if self.exact_case {
            candidate == self.text
        } else if self.ascii {
            // No other text lower-cases to the same ASCII bytes, so this is `to_lowercase` without the copies.
            lowered == self.lower
        } else {
            candidate.to_lowercase() == self.lower
        }
    }
}

/// The key a pattern is filed under and looked up by: the first character of its first character lower-cased.
/// Two texts that are equal once lower-cased start with the same key, so a place only needs the patterns filed
/// under its own.
fn key(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Finds glossary terms in text, longest first, at word boundaries.
#[derive(Debug, Clone)]
pub struct TermFinder<'a> {
    terms: &'a [Term],
    patterns: Vec<Pattern>,
    /// For each key, the indices into `patterns` filed under it, longest first.
    by_key: HashMap<char, Vec<usize>>,
}

/// A term found in a text: its byte range and the entry it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'a> {
    /// Where it starts (bytes).
    pub start: usize,
    /// Where it ends (bytes, exclusive).
    pub end: usize,
    /// The entry.
    pub term: &'a Term,
    /// The entry's position in the glossary the finder was made for.
    pub index: usize,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

impl<'a> TermFinder<'a> {
    /// A finder for every term and alias of the glossary (an empty spelling is never matched).
    pub fn new(terms: &'a [Term]) -> Self {
        let mut patterns: Vec<Pattern> = terms
            .iter()
            .enumerate()
            .flat_map(|(id, t)| std::iter::once(&t.term).chain(t.aliases.iter()).map(move |text| (id, text)))
            .filter(|(_, text)| !text.is_empty())
            .map(|(id, text)| Pattern {
                text: text.clone(),
                lower: text.to_lowercase(),
                exact_case: !text.chars().any(char::is_lowercase),
                ascii: text.is_ascii(),
                id,
            })
            .collect();
        patterns.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then_with(|| a.text.cmp(&b.text)));
        let mut by_key: HashMap<char, Vec<usize>> = HashMap::new();
        for (index, pattern) in patterns.iter().enumerate() {
            if let Some(first) = pattern.text.chars().next() {
                by_key.entry(key(first)).or_default().push(index);
            }
        }
        TermFinder { terms, patterns, by_key }
    }

    /// The longest pattern written at `at` (where `c` starts) and ending at a word boundary; `lowered` is `text`
    /// with its ASCII letters lower-cased (the same byte offsets).
    fn longest_at(&self, text: &str, lowered: &str, at: usize, c: char) -> Option<&Pattern> {
        let candidates = self.by_key.get(&key(c))?;
        candidates.iter().map(|&i| &self.patterns[i]).find(|p| {
            let end = at + p.text.len();
            text.get(at..end).is_some_and(|candidate| p.is(candidate, &lowered[at..end]))
                && !is_word_char(text[end..].chars().next())
        })
    }

    /// Every term in `text`, left to right, without overlaps; at each place the longest match wins.
    pub fn find_all(&self, text: &str) -> Vec<Found<'a>> {
        let lowered = text.to_ascii_lowercase();
        let mut found = Vec::new();
        let mut at = 0;
        let mut previous: Option<char> = None;
        while let Some(c) = text[at..].chars().next() {
            let here = if is_word_char(previous) { None } else { self.longest_at(text, &lowered, at, c) };
            match here {
                Some(p) => {
                    let end = at + p.text.len();
                    found.push(Found { start: at, end, term: &self.terms[p.id], index: p.id });
                    previous = text[..end].chars().next_back();
                    at = end;
                }
                None => {
                    previous = Some(c);
                    at += c.len_utf8();
                }
            }
        }
        found
    }

    /// Whether `text` uses the entry with this id.
    pub fn uses(&self, text: &str, id: &str) -> bool {
        self.find_all(text).iter().any(|f| f.term.id == id)
    }
}

/// Checks the glossary: ids URL-safe and unique, every see-also resolves, no spelling claimed by two entries or
/// empty, no empty definition, and no `used_by` (it is computed when the data is published). Each problem is near
/// its entry's id.
pub fn validate_glossary(terms: &[Term]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let ids: HashSet<&str> = terms.iter().map(|t| t.id.as_str()).collect();
    let mut spellings: HashMap<String, &str> = HashMap::new();
    for t in terms {
        let mut report = |message: String| {
            let problem = Problem::new(GLOSSARY_PATH, message).near_key("id", &t.id);
            problems.push(problem)
        };
        if !seen.insert(&t.id) {
            report(format!("id \"{}\" is used twice", t.id));
        }
        if !is_url_safe_id(&t.id) {
            report(format!("id \"{}\" is not URL-safe", t.id));
        }
        if t.term.trim().is_empty() || t.definition.trim().is_empty() {
            report(format!("\"{}\" has an empty term or definition", t.id));
        }
        if t.aliases.iter().any(|a| a.trim().is_empty()) {
            report(format!("\"{}\" has an empty alias", t.id));
        }
        for see in &t.see_also {
            if !ids.contains(see.as_str()) || see == &t.id {
                report(format!("\"{}\" sees also \"{see}\", which is not another entry", t.id));
            }
        }
        for spelling in std::iter::once(&t.term).chain(t.aliases.iter()) {
            if let Some(other) = spellings.insert(spelling.to_lowercase(), &t.id) {
                if other != t.id {
                    report(format!("\"{spelling}\" is claimed by both \"{other}\" and \"{}\"", t.id));
                }
            }
        }
        if !t.used_by.is_empty() {
            report(format!("\"{}\" lists used_by, which is computed, not written", t.id));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, term: &str, aliases: &[&str]) -> Term {
        Term {
            id: id.into(),
            term: term.into(),
            expansion: None,
            definition: "d".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            see_also: vec![],
            used_by: vec![],
        }
    }

    fn ids(terms: &[Term], text: &str) -> Vec<String> {
        TermFinder::new(terms)
            .find_all(text)
            .iter()
            .map(|f| format!("{}@{}", f.term.id, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn abbreviations_match_only_in_capitals_and_words_in_any_case() {
        let terms = [term("send", "SEND", &[]), term("tac", "TAC", &["team around the child"])];
        assert_eq!(
            ids(&terms, "Send it to SEND; the Team Around the Child meets."),
            ["send@SEND", "tac@Team Around the Child"]
        );
    }

    #[test]
    fn matches_stop_at_word_boundaries_and_prefer_the_longest() {
        let terms = [term("cin", "CIN", &["child in need"]), term("plan", "Child in Need Plan", &["CIN plan"])];
        assert_eq!(
            ids(&terms, "A CIN plan for a child in need; CINEMA is not one."),
            ["plan@CIN plan", "cin@child in need"]
        );
        assert!(ids(&terms, "xCIN").is_empty());
    }

    #[test]
    fn multibyte_text_is_walked_safely() {
        let terms = [term("s17", "S17", &["section 17"])];
        assert_eq!(ids(&terms, "“Section 17” – é S17"), ["s17@Section 17", "s17@S17"]);
        assert!(TermFinder::new(&terms).uses("under section 17.", "s17"));
    }

    /// The finder as first written: every pattern tried at every place, both sides lower-cased for each try.
    fn every_pattern_everywhere(terms: &[Term], text: &str) -> Vec<String> {
        let mut patterns: Vec<(&str, usize)> = terms
            .iter()
            .enumerate()
            .flat_map(|(id, t)| std::iter::once(&t.term).chain(t.aliases.iter()).map(move |p| (p.as_str(), id)))
            .filter(|(p, _)| !p.is_empty())
            .collect();
        patterns.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let (mut found, mut at, mut previous) = (Vec::new(), 0, None);
        while let Some(c) = text[at..].chars().next() {
            let here = patterns.iter().filter(|_| !is_word_char(previous)).find(|(p, _)| {
                let same = |candidate: &str| match p.chars().any(char::is_lowercase) {
                    true => candidate.to_lowercase() == p.to_lowercase(),
                    false => candidate == *p,
                };
                text.get(at..at + p.len()).is_some_and(same) && !is_word_char(text[at + p.len()..].chars().next())
            });
            match here {
                Some((p, id)) => {
                    found.push(format!("{}@{}", terms[*id].id, &text[at..at + p.len()]));
                    previous = text[..at + p.len()].chars().next_back();
                    at += p.len();
                }
                None => (previous, at) = (Some(c), at + c.len_utf8()),
            }
        }
        found
    }

    #[test]
    fn finds_what_trying_every_pattern_everywhere_finds_in_the_real_procedures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let content = crate::publish::read(root).expect("content reads");
        let mut compared = 0;
        for section in content.entries.iter().flat_map(|e| &e.procedure.sections) {
            let found = ids(&content.glossary, &section.body);
            assert_eq!(found, every_pattern_everywhere(&content.glossary, &section.body), "{}", section.id);
            compared += found.len();
        }
        assert!(compared > 100, "only {compared} terms found: the comparison proves little");
    }

    #[test]
    fn spellings_beyond_ascii_match_in_any_case_and_an_empty_one_never() {
        let terms = [term("eh", "Équipe Hôte", &[""]), term("s17", "S17", &[])];
        let text = "L'ÉQUIPE HÔTE, l'équipe hôte et S17.";
        assert_eq!(ids(&terms, text), ["eh@ÉQUIPE HÔTE", "eh@équipe hôte", "s17@S17"]);
        assert_eq!(ids(&terms, text), every_pattern_everywhere(&terms, text));
    }

    #[test]
    fn entries_group_by_letter_in_order_and_filter() {
        let terms = [
            term("tac", "TAC", &[]),
            term("caf", "CAF", &[]),
            term("core", "Core group", &[]),
            term("s17", "S17", &[]),
        ];
        let groups = a_to_z(&terms, "");
        let letters: Vec<(char, Vec<&str>)> =
            groups.iter().map(|(l, e)| (*l, e.iter().map(|t| t.id.as_str()).collect())).collect();
        assert_eq!(letters, vec![('C', vec!["caf", "core"]), ('S', vec!["s17"]), ('T', vec!["tac"])]);
        assert_eq!(a_to_z(&terms, "GROUP").len(), 1);
        assert!(a_to_z(&terms, "nothing").is_empty());
    }

    #[test]
    fn glossary_problems_are_reported() {
        let good = [term("tac", "TAC", &["team around the child"]), term("fgc", "FGC", &[])];
        assert_eq!(validate_glossary(&good), vec![]);
        let mut bad = good.to_vec();
        bad[0].see_also.push("nowhere".into());
        bad[1].aliases.push("Team Around The Child".into());
        bad[1].aliases.push(" ".into());
        bad.push(term("Bad Id", "X", &[]));
        let text: Vec<String> = validate_glossary(&bad).iter().map(|p| p.to_string()).collect();
        let text = text.join("\n");
        for needle in [
            "sees also \"nowhere\"",
            "claimed by both \"tac\" and \"fgc\"",
            "\"fgc\" has an empty alias",
            "id \"Bad Id\" is not URL-safe",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }

    #[test]
    fn letters_and_filters() {
        let t = Term { expansion: Some("Team Around the Child".into()), ..term("tac", "TAC", &["TAC meeting"]) };
        assert_eq!(t.letter(), 'T');
        assert_eq!(term("s", "‘s17’", &[]).letter(), 'S');
        assert!(t.matches_filter("around") && t.matches_filter(" tac ") && t.matches_filter(""));
        assert!(!t.matches_filter("conference"));
    }
}
