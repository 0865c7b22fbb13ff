//! Building the search index at publish time ([`build`]): one document per section (its opening text and the plain
//! words of the rules that cite it), one per heading inside a section, one per glossary entry; each document's
//! fields as terms, and from them the vocabulary, each term's document frequency, the postings with positions and
//! the synonym phrases' frequencies, written as [`super::data`] describes.

use std::collections::{BTreeMap, HashMap};

use super::data::{encode, search_part_path, Common, DocData, Part, SEARCH_ALL, SEARCH_COMMON};
use super::html;
use super::text::{fold, terms, Terms};
use super::Index;
use crate::compare::Library;
use crate::model::{rules_citing, LoadError};

/// A document being indexed: what is published of it, and its fields as terms (title, text, rules' words).
struct Doc {
    data: DocData,
    fields: [Vec<String>; 3],
}

/// The published index: the common part and each authority's part (slug and part), in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// What every search needs.
    pub common: Common,
    /// Each authority's part.
    pub parts: Vec<(String, Part)>,
}

/// The documents of one authority, in order: each section, then the parts of it under its headings.
fn authority_docs(book: &crate::model::AuthorityData, words: &mut Terms) -> Vec<Doc> {
    let mut docs = Vec::new();
    for section in &book.sections {
        for part in html::parts(&section.html) {
            let mut fields: [Vec<String>; 3] = Default::default();
            let title = if part.id.is_empty() {
                let rules: Vec<String> =
                    rules_citing(&book.rules, &section.id).iter().map(|r| r.summary.clone()).collect();
                fields[2] = words.terms(&rules.join(" "));
                section.title.clone()
            } else {
                part.title.clone()
            };
            fields[0] = words.terms(&title);
            fields[1] = words.terms(&part.text);
            let length = fields[1].len() as u32;
            docs.push(Doc { data: (section.id.clone(), part.id, title, part.text, length), fields });
        }
    }
    docs
}

/// The glossary's documents: each entry's term (with its expansion and other spellings) and its definition.
fn glossary_docs(library: &Library, words: &mut Terms) -> Vec<Doc> {
    library
        .glossary
        .iter()
        .map(|term| {
            let title = match &term.expansion {
                Some(e) => format!("{} {e} {}", term.term, term.aliases.join(" ")),
                None => format!("{} {}", term.term, term.aliases.join(" ")),
            };
            let body = words.terms(&term.definition);
            let length = body.len() as u32;
            let data = (term.id.clone(), String::new(), term.term.clone(), term.definition.clone(), length);
            Doc { data, fields: [words.terms(&title), body, Vec::new()] }
        })
        .collect()
}

/// How often `phrase` occurs in a field.
fn occurrences(field: &[String], phrase: &[String]) -> usize {
    field.windows(phrase.len()).filter(|w| *w == phrase).count()
}

/// A part's postings: each term's number and its flat list, encoded (see [`super::data`]).
fn postings(docs: &[Doc], number: &HashMap<&str, u32>) -> (Vec<u32>, Vec<String>) {
    // term → entries (document, field, positions), in document then field order.
    let mut by_term: BTreeMap<u32, Vec<(u32, u32, Vec<u32>)>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (f, field) in doc.fields.iter().enumerate() {
            let mut here: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
            for (at, term) in field.iter().enumerate() {
                here.entry(number[term.as_str()]).or_default().push(at as u32);
            }
            for (t, positions) in here {
                by_term.entry(t).or_default().push((d as u32, f as u32, positions));
            }
        }
    }
    let mut terms = Vec::with_capacity(by_term.len());
    let mut lists = Vec::with_capacity(by_term.len());
    let mut previous_term = 0;
    for (t, entries) in by_term {
        terms.push(t - previous_term);
        previous_term = t;
        let mut list = Vec::new();
        let mut previous_doc = 0;
        for (d, f, positions) in entries {
            list.extend([d - previous_doc, f, positions.len() as u32]);
            previous_doc = d;
            let mut previous = 0;
            for p in positions {
                list.push(p - previous);
                previous = p;
            }
        }
        lists.push(encode(&list));
    }
    (terms, lists)
}

/// Builds the published search index of a library.
pub fn build(library: &Library) -> Built {
    let mut words = Terms::default();
    let groups: Vec<Vec<Doc>> = library.books.iter().map(|book| authority_docs(book, &mut words)).collect();
    let glossary = glossary_docs(library, &mut words);
    let all = || groups.iter().flatten().chain(&glossary);
    // Each term's documents (numbered across the whole index), in order.
    let mut holding: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (d, doc) in all().enumerate() {
        let mut seen: Vec<&str> = doc.fields.iter().flatten().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for term in seen {
            holding.entry(term).or_default().push(d);
        }
    }
    let frequency: BTreeMap<&str, u32> = holding.iter().map(|(t, docs)| (*t, docs.len() as u32)).collect();
    let docs: Vec<&Doc> = all().collect();
    let number: HashMap<&str, u32> = frequency.keys().enumerate().map(|(n, t)| (*t, n as u32)).collect();
    let count = all().count();
    let average_body = all().map(|d| d.fields[1].len() as f32).sum::<f32>() / count.max(1) as f32;
    let synonyms = library
        .glossary
        .iter()
        .map(|t| {
            let mut group: Vec<Vec<String>> = std::iter::once(&t.term)
                .chain(t.expansion.iter())
                .chain(t.aliases.iter())
                .map(|p| terms(p))
                .filter(|p| !p.is_empty())
                .collect();
            group.dedup();
            group
        })
        .filter(|g| g.len() > 1)
        .map(|group| {
            group
                .into_iter()
                .map(|phrase| {
                    // Only the documents that hold its first word can hold the phrase.
                    let candidates = holding.get(phrase[0].as_str()).map_or(&[][..], Vec::as_slice);
                    let count = candidates
                        .iter()
                        .filter(|d| docs[**d].fields.iter().any(|f| occurrences(f, &phrase) > 0))
                        .count();
                    (phrase, count as u32)
                })
                .collect()
        })
        .collect();
    let suggestions = library
        .glossary
        .iter()
        .map(|t| {
            let spellings =
                std::iter::once(&t.term).chain(t.expansion.iter()).chain(t.aliases.iter()).map(|s| fold(s)).collect();
            (t.id.clone(), t.term.clone(), spellings)
        })
        .collect();
    let stamp = stamp(&frequency, &groups, glossary.len());
    let part = |docs: &[Doc]| {
        let (terms, postings) = postings(docs, &number);
        Part { stamp: stamp.clone(), docs: docs.iter().map(|d| d.data.clone()).collect(), terms, postings }
    };
    let common = Common {
        authorities: library
            .books
            .iter()
            .zip(&groups)
            .map(|(b, docs)| (b.authority.slug.clone(), b.authority.short_name.clone(), docs.len() as u32))
            .collect(),
        frequencies: frequency.values().copied().collect(),
        terms: frequency.keys().map(|t| (*t).to_owned()).collect(),
        synonyms,
        suggestions,
        average_body,
        glossary: part(&glossary),
    };
    let parts = library.books.iter().zip(&groups).map(|(b, docs)| (b.authority.slug.clone(), part(docs))).collect();
    Built { common, parts }
}

/// A short mark of this build's index, from its vocabulary and documents: a part of one build read beside the common
/// part of another is refused.
fn stamp(frequency: &BTreeMap<&str, u32>, groups: &[Vec<Doc>], glossary: usize) -> String {
    let mut all = Vec::new();
    for (term, n) in frequency {
        all.extend_from_slice(term.as_bytes());
        all.extend_from_slice(&n.to_le_bytes());
    }
    for doc in groups.iter().flatten() {
        all.extend_from_slice(doc.data.0.as_bytes());
        all.extend_from_slice(doc.data.1.as_bytes());
        all.extend_from_slice(&doc.data.4.to_le_bytes());
    }
    all.extend_from_slice(&glossary.to_le_bytes());
    crate::csp::base64(&crate::csp::sha256(&all)).chars().filter(char::is_ascii_alphanumeric).take(12).collect()
}

impl Built {
    /// The files to publish: each path under the site's base and its JSON text.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![(SEARCH_COMMON.to_owned(), json(&self.common))];
        files.extend(self.parts.iter().map(|(slug, part)| (search_part_path(slug), json(part))));
        let all: Vec<&Part> = self.parts.iter().map(|(_, part)| part).collect();
        files.push((SEARCH_ALL.to_owned(), json(&all)));
        files
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The index of a library as a search in the browser reads it: built as the publish step builds it, written to
/// its files and read back from them, every part added.
pub fn published(library: &Library) -> Result<Index, LoadError> {
    Index::from_files(&build(library).files())
}
