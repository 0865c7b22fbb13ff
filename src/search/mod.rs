//! Search across every authority: one document per section (its opening text and the plain words of the rules
//! that cite it), one per heading inside a section, one per glossary entry. A query matches words however they
//! are written ([`text`]), with glossary abbreviations and their expansions both ways, and with typos (one edit,
//! a swap of two letters counting as one, for words of 4+ letters; two for 8+). Phrases and title matches rank
//! above scattered words, and a document that has every word of the query above one that has some.

pub mod html;
pub mod text;

use std::collections::HashMap;

use fst::automaton::Levenshtein;
use fst::{IntoStreamer, Set, Streamer};

use crate::compare::Library;
use crate::model::rules_citing;
use text::{fold, terms, tokens, Token};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A section's opening text and its rules.
    Section,
    /// The part of a section under one heading.
    Heading,
    /// A glossary entry.
    Glossary,
}

/// One searchable document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// What it is.
    pub kind: Kind,
    /// Its address relative to the site's base, without query or fragment.
    pub path: String,
    /// The section's id (for a section or a heading in it), or the glossary entry's id.
    pub id: String,
    /// The heading id to scroll to, if any.
    pub fragment: Option<String>,
    /// The title shown as the result's link.
    pub title: String,
    /// The authority's index in the library, if it belongs to one.
    pub authority: Option<usize>,
    /// Where it sits: authority, section, heading.
    pub crumbs: Vec<String>,
    /// Its text, for the snippet.
    pub body: String,
    body_tokens: Vec<Token>,
    /// Terms of the title, the body and the rules' words.
    fields: [Vec<String>; 3],
}

/// The fields of a document and how much a match in each counts.
const FIELD_WEIGHTS: [f32; 3] = [3.0, 1.0, 0.7];

/// One way of matching a part of the query: a term or a phrase of terms, and how much a match counts.
#[derive(Debug, Clone, PartialEq)]
struct Alternative {
    terms: Vec<String>,
    weight: f32,
}

/// The search index.
pub struct Index {
    /// The documents.
    pub docs: Vec<Doc>,
    /// Each authority's slug and short name, in the library's order.
    pub authorities: Vec<(String, String)>,
    /// term → (document, field) pairs, one per occurrence.
    postings: HashMap<String, Vec<(u32, u8)>>,
    /// Every term, for typo matching.
    vocabulary: Set<Vec<u8>>,
    /// Groups of phrases (as terms) that mean the same: a glossary term, its expansion and other spellings.
    synonyms: Vec<Vec<Vec<String>>>,
    /// Glossary entries for suggestions: id, term as shown, the spellings folded.
    glossary: Vec<(String, String, Vec<String>)>,
    /// Average body length in terms.
    average_body: f32,
}

/// A result.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The document's index.
    pub doc: usize,
    /// Its score.
    pub score: f32,
    /// The terms of the query it matched.
    pub matched: Vec<String>,
}

/// What a query found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// Whether the query was cut short (it had more than [`MAX_QUERY_CHARS`] characters).
    pub truncated: bool,
    /// Whether the query had any word to search for.
    pub searchable: bool,
}

/// The longest query read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

fn doc(kind: Kind, path: String, id: &str, fragment: Option<String>, title: String, authority: Option<usize>) -> Doc {
    Doc {
        kind,
        path,
        id: id.to_owned(),
        fragment,
        title,
        authority,
        crumbs: vec![],
        body: String::new(),
        body_tokens: vec![],
        fields: Default::default(),
    }
}

impl Index {
    /// Builds the index of a library.
    pub fn new(library: &Library) -> Index {
        let mut docs = Vec::new();
        for (i, book) in library.books.iter().enumerate() {
            let a = &book.authority;
            for section in &book.sections {
                let path = format!("a/{}/{}", a.slug, section.id);
                for part in html::parts(&section.html) {
                    let heading = !part.id.is_empty();
                    let mut d = if heading {
                        let mut d = doc(
                            Kind::Heading,
                            path.clone(),
                            &section.id,
                            Some(part.id.clone()),
                            part.title.clone(),
                            Some(i),
                        );
                        d.crumbs = vec![a.short_name.clone(), section.title.clone(), part.title.clone()];
                        d
                    } else {
                        let mut d = doc(Kind::Section, path.clone(), &section.id, None, section.title.clone(), Some(i));
                        d.crumbs = vec![a.short_name.clone(), section.title.clone()];
                        let rules: Vec<String> =
                            rules_citing(&book.rules, &section.id).iter().map(|r| r.summary.clone()).collect();
                        d.fields[2] = terms(&rules.join(" "));
                        d
                    };
                    d.fields[0] = terms(&d.title);
                    d.body = part.text;
                    docs.push(d);
                }
            }
        }
        for term in &library.glossary {
            let mut d = doc(Kind::Glossary, format!("glossary/{}", term.id), &term.id, None, term.term.clone(), None);
            d.crumbs = vec!["Glossary".into(), term.term.clone()];
            let title = match &term.expansion {
                Some(e) => format!("{} {e} {}", term.term, term.aliases.join(" ")),
                None => format!("{} {}", term.term, term.aliases.join(" ")),
            };
            d.fields[0] = terms(&title);
            d.body = term.definition.clone();
            docs.push(d);
        }
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        for (n, d) in docs.iter_mut().enumerate() {
            d.body_tokens = tokens(&d.body);
            d.fields[1] = d.body_tokens.iter().map(|t| t.term.clone()).collect();
            for (f, field) in d.fields.iter().enumerate() {
                for t in field {
                    postings.entry(t.clone()).or_default().push((n as u32, f as u8));
                }
            }
        }
        let mut words: Vec<&String> = postings.keys().collect();
        words.sort();
        let vocabulary = Set::from_iter(words).unwrap_or_default();
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
            .collect();
        let glossary = library
            .glossary
            .iter()
            .map(|t| {
                let spellings = std::iter::once(&t.term)
                    .chain(t.expansion.iter())
                    .chain(t.aliases.iter())
                    .map(|s| fold(s))
                    .collect();
                (t.id.clone(), t.term.clone(), spellings)
            })
            .collect();
        let average_body = docs.iter().map(|d| d.fields[1].len() as f32).sum::<f32>() / docs.len().max(1) as f32;
        let authorities =
            library.books.iter().map(|b| (b.authority.slug.clone(), b.authority.short_name.clone())).collect();
        Index { docs, authorities, postings, vocabulary, synonyms, glossary, average_body }
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.postings.len()
    }

    /// How many (term, document, field) entries the index holds.
    pub fn posting_count(&self) -> usize {
        self.postings.values().map(Vec::len).sum()
    }

    /// Terms in the vocabulary within typo reach of `term`: one edit (a swap of neighbours counts as one) for 4+
    /// letters, two for 8+; none for shorter terms or numbers.
    fn near(&self, term: &str) -> Vec<String> {
        let length = term.chars().count();
        if length < 4 || term.chars().all(|c| c.is_ascii_digit()) {
            return vec![];
        }
        let distance = if length >= 8 { 2 } else { 1 };
        let mut found: Vec<String> = Vec::new();
        if let Ok(automaton) = Levenshtein::new(term, distance) {
            let mut stream = self.vocabulary.search(automaton).into_stream();
            while let Some(key) = stream.next() {
                found.push(String::from_utf8_lossy(key).into_owned());
            }
        }
        let chars: Vec<char> = term.chars().collect();
        for i in 0..chars.len() - 1 {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            if self.vocabulary.contains(&swapped) && !found.contains(&swapped) {
                found.push(swapped);
            }
        }
        found
    }

    /// The query as clauses: each a set of alternatives, of which a document's best match counts.
    fn clauses(&self, query: &[String]) -> Vec<Vec<Alternative>> {
        let mut clauses = Vec::new();
        let mut i = 0;
        while i < query.len() {
            // The longest glossary phrase starting here, if any.
            let phrase = self
                .synonyms
                .iter()
                .flat_map(|g| g.iter().map(move |p| (g, p)))
                .filter(|(_, p)| query[i..].starts_with(p))
                .max_by_key(|(_, p)| p.len());
            if let Some((group, typed)) = phrase {
                let clause = group
                    .iter()
                    .map(|p| Alternative { terms: p.clone(), weight: if p == typed { 1.0 } else { 0.9 } })
                    .collect();
                clauses.push(clause);
                i += typed.len();
                continue;
            }
            let term = &query[i];
            let mut clause = vec![Alternative { terms: vec![term.clone()], weight: 1.0 }];
            if !self.postings.contains_key(term) {
                clause.extend(self.near(term).into_iter().map(|t| Alternative { terms: vec![t], weight: 0.6 }));
            }
            clauses.push(clause);
            i += 1;
        }
        clauses
    }

    /// How often a phrase occurs in each field of a document.
    fn occurrences(&self, doc: usize, phrase: &[String]) -> [usize; 3] {
        let mut out = [0; 3];
        for (f, field) in self.docs[doc].fields.iter().enumerate() {
            out[f] = if phrase.len() == 1 {
                field.iter().filter(|t| **t == phrase[0]).count()
            } else {
                field.windows(phrase.len()).filter(|w| *w == phrase).count()
            };
        }
        out
    }

    /// A document's score for one alternative, from how often it occurs in each field (`counts`) and in how many
    /// documents (`df`).
    fn alternative_score(&self, doc: usize, alt: &Alternative, counts: [usize; 3], df: usize) -> f32 {
        let n = self.docs.len() as f32;
        let idf = (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
        let length = self.docs[doc].fields[1].len() as f32;
        let norm = 1.2 * (0.25 + 0.75 * length / self.average_body.max(1.0));
        let mut score = 0.0;
        for (f, count) in counts.iter().enumerate() {
            if *count > 0 {
                let tf = *count as f32;
                let saturated = if f == 1 { tf * 2.2 / (tf + norm) } else { tf.min(2.0) };
                score += FIELD_WEIGHTS[f] * saturated;
            }
        }
        score * idf * alt.weight * if alt.terms.len() > 1 { 1.5 } else { 1.0 }
    }

    /// Searches for `query`, only in the authority at index `only` if given; at most `limit` results.
    pub fn search(&self, query: &str, only: Option<usize>, limit: usize) -> Found {
        let truncated = query.chars().count() > MAX_QUERY_CHARS;
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let words = terms(&query);
        let clauses = self.clauses(&words);
        let mut scores: HashMap<usize, (f32, usize, Vec<String>)> = HashMap::new();
        for clause in &clauses {
            let mut best: HashMap<usize, (f32, &Alternative)> = HashMap::new();
            for alt in clause {
                let Some(first) = self.postings.get(&alt.terms[0]) else { continue };
                let mut docs: Vec<usize> = first.iter().map(|(d, _)| *d as usize).collect();
                docs.dedup();
                // A phrase is as rare as the documents that hold the whole phrase, not its first word.
                let found: Vec<(usize, [usize; 3])> = docs
                    .into_iter()
                    .map(|d| (d, self.occurrences(d, &alt.terms)))
                    .filter(|(_, c)| c.iter().any(|n| *n > 0))
                    .collect();
                let df = found.len();
                for (d, counts) in found {
                    if only.is_some() && self.docs[d].authority != only {
                        continue;
                    }
                    let s = self.alternative_score(d, alt, counts, df);
                    if s > 0.0 && best.get(&d).is_none_or(|(b, _)| s > *b) {
                        best.insert(d, (s, alt));
                    }
                }
            }
            for (d, (s, alt)) in best {
                let entry = scores.entry(d).or_insert((0.0, 0, vec![]));
                entry.0 += s;
                entry.1 += 1;
                entry.2.extend(alt.terms.iter().cloned());
            }
        }
        let whole: Vec<String> = clauses.iter().filter_map(|c| c.first()).flat_map(|a| a.terms.clone()).collect();
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(d, (score, matched_clauses, matched))| {
                let coverage = matched_clauses as f32 / clauses.len() as f32;
                let mut score = score * coverage * coverage;
                if whole.len() > 1 {
                    let found = self.occurrences(d, &whole);
                    score *= if found[0] > 0 {
                        2.0
                    } else if found[1] + found[2] > 0 {
                        1.5
                    } else {
                        1.0
                    };
                }
                // A glossary entry explains a word; the procedures say what to do: they come first.
                if self.docs[d].kind == Kind::Glossary {
                    score *= 0.4;
                }
                Hit { doc: d, score, matched }
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        Found { hits, truncated, searchable: !words.is_empty() }
    }

    /// The glossary entries whose spellings are nearest the query (id and term), best first.
    pub fn suggestions(&self, query: &str, count: usize) -> Vec<(String, String)> {
        let query = fold(&query.chars().take(MAX_QUERY_CHARS).collect::<String>());
        let query = query.trim();
        if query.is_empty() {
            return vec![];
        }
        let mut scored: Vec<(f64, &String, &String)> = self
            .glossary
            .iter()
            .map(|(id, term, spellings)| {
                let best = spellings.iter().map(|s| strsim::jaro_winkler(query, s)).fold(0.0, f64::max);
                (best, id, term)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(count).map(|(_, id, term)| (id.clone(), term.clone())).collect()
    }

    /// A short extract of a document's text around its best run of matches, with where the matches are in it, and
    /// the words matched as written (for highlighting on the page it opens).
    pub fn snippet(&self, hit: &Hit, words: usize) -> (Snippet, Vec<String>) {
        let d = &self.docs[hit.doc];
        let tokens = &d.body_tokens;
        let matches: Vec<bool> = tokens.iter().map(|t| hit.matched.contains(&t.term)).collect();
        let mut best = (0, 0);
        for start in 0..tokens.len() {
            let count = matches[start..(start + words).min(tokens.len())].iter().filter(|m| **m).count();
            if count > best.1 {
                best = (start, count);
            }
        }
        let mut surface: Vec<String> = Vec::new();
        let mut note = |text: &str| {
            let lower = text.to_lowercase();
            if !surface.contains(&lower) && surface.len() < 10 {
                surface.push(lower);
            }
        };
        for t in tokens.iter().filter(|t| hit.matched.contains(&t.term)) {
            note(&d.body[t.start..t.end]);
        }
        for t in text::tokens(&d.title).iter().filter(|t| hit.matched.contains(&t.term)) {
            note(&d.title[t.start..t.end]);
        }
        if tokens.is_empty() {
            return (Snippet::default(), surface);
        }
        let (start, end) = (best.0, (best.0 + words).min(tokens.len()));
        let from = if start == 0 { 0 } else { tokens[start].start };
        let to = if end == tokens.len() { d.body.len() } else { tokens[end - 1].end };
        let marks = tokens[start..end]
            .iter()
            .zip(&matches[start..end])
            .filter(|(_, m)| **m)
            .map(|(t, _)| t.start - from..t.end - from)
            .collect();
        let snippet =
            Snippet { text: d.body[from..to].to_owned(), marks, cut_before: start > 0, cut_after: end < tokens.len() };
        (snippet, surface)
    }
}

/// A short extract of a document's text, with the byte ranges of the words a search matched in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The extract, as plain text.
    pub text: String,
    /// The matched words' byte ranges in `text`, in order, not overlapping.
    pub marks: Vec<std::ops::Range<usize>>,
    /// Whether the document's text goes on before the extract.
    pub cut_before: bool,
    /// Whether the document's text goes on after it.
    pub cut_after: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::library;
    use crate::model::Section;

    fn section(id: &str, title: &str, html: &str) -> Section {
        serde_json::from_value(
            serde_json::json!({"id": id, "title": title, "source": "s", "headings": [], "html": html}),
        )
        .unwrap()
    }

    fn index() -> Index {
        let mut library = library();
        library.books[0].sections = vec![
            section("reviews", "Reviews", "<p>Reviews are held every twelve weeks.</p><h3 id=\"tac\">Stepping down</h3><p>The case goes to a Team Around the Child.</p>"),
            section("visits", "Visits", "<p>The child is seen and the review of visits is recorded.</p>"),
        ];
        library.books[1].sections =
            vec![section("send", "SEND", "<p>Children with special educational needs have a review plan.</p>")];
        library.glossary = serde_json::from_str(
            r#"[{"id":"tac","term":"TAC","expansion":"Team Around the Child","definition":"A group of professionals.","aliases":["team around the child"]}]"#,
        )
        .unwrap();
        Index::new(&library)
    }

    fn top(index: &Index, query: &str) -> Vec<String> {
        index
            .search(query, None, 3)
            .hits
            .iter()
            .map(|h| {
                let d = &index.docs[h.doc];
                format!("{}{}", d.path, d.fragment.as_ref().map(|f| format!("#{f}")).unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn each_heading_is_a_document_with_its_breadcrumb() {
        let index = index();
        let tac = index.docs.iter().find(|d| d.fragment.as_deref() == Some("tac")).unwrap();
        assert_eq!(tac.kind, Kind::Heading);
        assert_eq!((tac.path.as_str(), tac.id.as_str()), ("a/north/reviews", "reviews"));
        assert_eq!(tac.crumbs, ["North", "Reviews", "Stepping down"]);
        assert_eq!(tac.body, "The case goes to a Team Around the Child.");
    }

    #[test]
    fn typos_within_reach_are_forgiven() {
        let index = index();
        assert_eq!(top(&index, "reveiw")[0], "a/north/reviews", "a swap of two letters is one edit");
        assert_eq!(top(&index, "reviws")[0], "a/north/reviews");
        assert!(top(&index, "vsts").is_empty(), "four letters, two edits away: too far");
        assert_eq!(index.clauses(&["plan".into()])[0].len(), 1, "a word that is indexed is not widened");
    }

    #[test]
    fn abbreviations_and_expansions_find_each_other() {
        let index = index();
        assert!(top(&index, "TAC").contains(&"a/north/reviews#tac".to_owned()));
        assert!(top(&index, "team around the child").contains(&"glossary/tac".to_owned()));
    }

    #[test]
    fn number_words_phrases_and_titles_rank_first() {
        let index = index();
        assert_eq!(top(&index, "12 weeks")[0], "a/north/reviews");
        // "review plan" as a phrase beats the two words apart.
        assert_eq!(top(&index, "review plan")[0], "a/south/send");
        assert_eq!(top(&index, "visits")[0], "a/north/visits", "a title match first");
    }

    #[test]
    fn snippets_mark_the_words_found() {
        let index = index();
        let found = index.search("twelve weeks", None, 1);
        let (snippet, words) = index.snippet(&found.hits[0], 30);
        assert_eq!(snippet.text, "Reviews are held every twelve weeks.");
        let marked: Vec<&str> = snippet.marks.iter().map(|r| &snippet.text[r.clone()]).collect();
        assert_eq!(marked, ["twelve", "weeks"]);
        assert!(!snippet.cut_before && !snippet.cut_after);
        assert_eq!(words, ["twelve", "weeks"]);
    }
}
