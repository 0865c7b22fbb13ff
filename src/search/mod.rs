//! Search across every authority: one document per section (its opening text and the plain words of the rules
//! that cite it), one per heading inside a section, one per glossary entry. A query matches words however they
//! are written ([`text`]), with glossary abbreviations and their expansions both ways, and with typos (one edit,
//! a swap of two letters counting as one, for words of 4+ letters; two for 8+). Phrases and title matches rank
//! above scattered words, and a document that has every word of the query above one that has some.
//!
//! The index is built once, when the site is published ([`build`]), and written in parts ([`data`]): the
//! [`Index`] here is read from the common part, and each authority's part is added when a search needs it
//! ([`Index::missing`]). A query counts occurrences from the postings alone, and keeps only its best results.

pub mod build;
pub mod data;
mod folds;
pub mod html;
pub mod text;

use std::collections::HashMap;

use crate::model::{parse_json, LoadError};
use data::{decode_into, search_part_path, Common, DocData, Part, Phrase, SEARCH_ALL, SEARCH_COMMON};
use text::{fold, terms};

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
    /// How many terms its text has.
    length: u32,
}

/// The fields of a document and how much a match in each counts.
const FIELD_WEIGHTS: [f32; 3] = [3.0, 1.0, 0.7];

/// One way of matching a part of the query: a term or a phrase of terms, how much a match counts, and in how many
/// documents of the whole index it occurs.
#[derive(Debug, Clone, PartialEq)]
struct Alternative {
    terms: Vec<String>,
    weight: f32,
    documents: u32,
}

/// A part of the index as held: where its documents' numbers start, the documents, and the terms that occur in
/// them (ascending) with each one's postings as published ([`data::encode`]), read when a query needs them.
struct Held {
    offset: usize,
    docs: Vec<Doc>,
    terms: Vec<u32>,
    postings: Vec<String>,
}

/// The entries of a flat postings list ([`data`]): each document (its number within the part), field and the
/// positions there as differences. A list cut short ends early.
struct Entries<'a> {
    list: &'a [u32],
    at: usize,
    doc: u32,
}

impl<'a> Iterator for Entries<'a> {
    type Item = (usize, usize, &'a [u32]);

    fn next(&mut self) -> Option<Self::Item> {
        let &[delta, field, count] = self.list.get(self.at..self.at + 3)? else { return None };
        let start = self.at + 3;
        let positions = self.list.get(start..start + count as usize)?;
        self.at = start + count as usize;
        self.doc = self.doc.checked_add(delta)?;
        Some((self.doc as usize, field as usize, positions))
    }
}

/// The entries of a flat postings list.
fn entries(list: &[u32]) -> Entries<'_> {
    Entries { list, at: 0, doc: 0 }
}

/// The absolute positions from their differences, into `out`.
fn positions_into(deltas: &[u32], out: &mut Vec<u32>) {
    out.clear();
    let mut at = 0u32;
    out.extend(deltas.iter().map(|d| {
        at = at.saturating_add(*d);
        at
    }));
}

impl Held {
    /// Reads a published part: its documents (of the authority `of`, with its index, slug and short name, or the
    /// glossary's) and its postings, checked against the vocabulary's size.
    fn read(
        path: &str,
        part: Part,
        offset: usize,
        of: Option<(usize, &str, &str)>,
        terms: usize,
    ) -> Result<Held, LoadError> {
        let wrong = |what: &str| LoadError::new(path, format!("the search index is damaged: {what}"));
        if part.terms.len() != part.postings.len() {
            return Err(wrong("its terms and postings differ in number"));
        }
        let mut section = String::new();
        let docs: Vec<Doc> = part
            .docs
            .into_iter()
            .map(|(id, fragment, title, body, length): DocData| {
                let (kind, path, crumbs, authority) = match of {
                    None => {
                        (Kind::Glossary, format!("glossary/{id}"), vec!["Glossary".to_owned(), title.clone()], None)
                    }
                    Some((i, slug, short)) if fragment.is_empty() => {
                        section = title.clone();
                        (Kind::Section, format!("a/{slug}/{id}"), vec![short.to_owned(), title.clone()], Some(i))
                    }
                    Some((i, slug, short)) => (
                        Kind::Heading,
                        format!("a/{slug}/{id}"),
                        vec![short.to_owned(), section.clone(), title.clone()],
                        Some(i),
                    ),
                };
                let fragment = (!fragment.is_empty()).then_some(fragment);
                Doc { kind, path, id, fragment, title, authority, crumbs, body, length }
            })
            .collect();
        let mut numbers = Vec::with_capacity(part.terms.len());
        let mut term = 0u32;
        let mut list = Vec::new();
        for (i, (delta, text)) in part.terms.iter().zip(&part.postings).enumerate() {
            term = term
                .checked_add(*delta)
                .filter(|t| (*t as usize) < terms && (i == 0 || *delta > 0))
                .ok_or_else(|| wrong("a term outside the vocabulary"))?;
            numbers.push(term);
            decode_into(text, &mut list).ok_or_else(|| wrong("a postings list it cannot read"))?;
            let mut read = 0;
            let mut entries = entries(&list);
            for (doc, field, _) in entries.by_ref() {
                if doc >= docs.len() || field > 2 {
                    return Err(wrong("a posting outside its documents"));
                }
                read += 1;
            }
            if entries.at != list.len() || read == 0 {
                return Err(wrong("a postings list cut short"));
            }
        }
        Ok(Held { offset, docs, terms: numbers, postings: part.postings })
    }

    /// The postings of a term, read from their text; `None` for a term in none of these documents.
    fn postings(&self, term: u32) -> Option<Vec<u32>> {
        let at = self.terms.binary_search(&term).ok()?;
        let mut list = Vec::new();
        decode_into(&self.postings[at], &mut list)?;
        Some(list)
    }

    /// Each document of this part that holds `phrase`, with how often it does in each field.
    fn matches(&self, phrase: &[u32]) -> Vec<(usize, [usize; 3])> {
        let mut out: Vec<(usize, [usize; 3])> = Vec::new();
        let mut note = |doc: usize, field: usize, count: usize| match out.last_mut() {
            Some((d, counts)) if *d == doc => counts[field] += count,
            _ => {
                let mut counts = [0; 3];
                counts[field] = count;
                out.push((doc, counts));
            }
        };
        let Some(lists) = phrase.iter().map(|t| self.postings(*t)).collect::<Option<Vec<_>>>() else {
            return out;
        };
        if let [only] = lists.as_slice() {
            for (doc, field, at) in entries(only) {
                note(doc, field, at.len());
            }
            return out;
        }
        // Walks the later words' lists beside the first word's (all in document, then field, order): where all of
        // them are in the same field, counts the places the first word starts the phrase.
        let mut later: Vec<_> = lists[1..].iter().map(|list| entries(list).peekable()).collect();
        let mut first: Vec<u32> = Vec::new();
        let mut at_later: Vec<Vec<u32>> = vec![Vec::new(); later.len()];
        'entries: for (doc, field, at) in entries(&lists[0]) {
            for (list, found) in later.iter_mut().zip(at_later.iter_mut()) {
                while list.next_if(|(d, f, _)| (*d, *f) < (doc, field)).is_some() {}
                match list.peek() {
                    Some((d, f, deltas)) if (*d, *f) == (doc, field) => positions_into(deltas, found),
                    _ => continue 'entries,
                }
            }
            positions_into(at, &mut first);
            let count = first
                .iter()
                .filter(|p| {
                    at_later.iter().enumerate().all(|(i, at)| at.binary_search(&p.saturating_add(1 + i as u32)).is_ok())
                })
                .count();
            if count > 0 {
                note(doc, field, count);
            }
        }
        out
    }
}

/// The search index, as read from the published parts: the common part, and each authority's part once added.
pub struct Index {
    /// Each authority's slug and short name, in the library's order.
    pub authorities: Vec<(String, String)>,
    /// Where each authority's documents' numbers start, and after them the glossary's.
    offsets: Vec<usize>,
    /// How many documents the whole index has.
    total: usize,
    /// Every term, sorted.
    terms: Vec<String>,
    /// In how many documents each term occurs.
    frequencies: Vec<u32>,
    /// Groups of phrases (as terms) that mean the same: a glossary term, its expansion and other spellings.
    synonyms: Vec<Vec<Phrase>>,
    /// Glossary entries for suggestions: id, term as shown, the spellings folded.
    suggestions: Vec<(String, String, Vec<String>)>,
    /// Average body length in terms.
    average_body: f32,
    /// The build the parts must come from.
    stamp: String,
    /// Each authority's part, once added.
    parts: Vec<Option<Held>>,
    /// The glossary's documents.
    glossary: Held,
    /// The terms of the words snippets have met so far, so each word is stemmed once.
    words: std::cell::RefCell<text::Terms>,
}

/// A result.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The document's number ([`Index::doc`]).
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

/// Best first: the higher score, then the earlier document.
fn ranked(a: &(f32, usize), b: &(f32, usize)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The `limit` best of `hits`, best first, without sorting the others.
fn best(mut hits: Vec<(f32, usize)>, limit: usize) -> Vec<(f32, usize)> {
    if limit == 0 {
        return Vec::new();
    }
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit - 1, ranked);
        hits.truncate(limit);
    }
    hits.sort_unstable_by(ranked);
    hits
}

/// Whether `word` is at most `limit` edits from `term` (`term`'s characters): characters inserted, deleted or
/// replaced, counted row by row and given up on once every count in a row is over the limit.
fn within(term: &[char], word: &str, limit: usize) -> bool {
    let length = word.chars().count();
    if length.abs_diff(term.len()) > limit {
        return false;
    }
    let mut row: Vec<usize> = (0..=term.len()).collect();
    for (i, c) in word.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, t) in term.iter().enumerate() {
            let replaced = diagonal + usize::from(*t != c);
            diagonal = row[j + 1];
            row[j + 1] = replaced.min(row[j] + 1).min(diagonal + 1);
        }
        if row.iter().all(|n| *n > limit) {
            return false;
        }
    }
    row[term.len()] <= limit
}

impl Index {
    /// The index from the text of its common part (`data/search/common.json`), with no authority's part yet.
    pub fn read(text: &str) -> Result<Index, LoadError> {
        Index::new(parse_json::<Common>(SEARCH_COMMON, text)?)
    }

    /// The index from its common part, with no authority's part yet.
    pub fn new(common: Common) -> Result<Index, LoadError> {
        let wrong = |what: &str| LoadError::new(SEARCH_COMMON, format!("the search index is damaged: {what}"));
        if common.terms.len() != common.frequencies.len() {
            return Err(wrong("its terms and their frequencies differ in number"));
        }
        if !common.terms.windows(2).all(|pair| pair[0] < pair[1]) {
            return Err(wrong("its terms are not in order"));
        }
        let mut offsets = Vec::with_capacity(common.authorities.len() + 1);
        let mut total = 0usize;
        for (_, _, count) in &common.authorities {
            offsets.push(total);
            total += *count as usize;
        }
        offsets.push(total);
        let stamp = common.glossary.stamp.clone();
        let glossary = Held::read(SEARCH_COMMON, common.glossary, total, None, common.terms.len())?;
        Ok(Index {
            total: total + glossary.docs.len(),
            parts: common.authorities.iter().map(|_| None).collect(),
            authorities: common.authorities.into_iter().map(|(slug, name, _)| (slug, name)).collect(),
            offsets,
            terms: common.terms,
            frequencies: common.frequencies,
            synonyms: common.synonyms,
            suggestions: common.suggestions,
            average_body: common.average_body,
            stamp,
            glossary,
            words: Default::default(),
        })
    }

    /// The index from the published files (path and text): the common part and every authority's part.
    pub fn from_files(files: &[(String, String)]) -> Result<Index, LoadError> {
        let text = |path: &str| {
            files
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, t)| t.as_str())
                .ok_or_else(|| LoadError::new(path, "the search index has no such file"))
        };
        let mut index = Index::read(text(SEARCH_COMMON)?)?;
        for (i, path) in index.missing(None) {
            index.add(i, text(&path)?)?;
        }
        Ok(index)
    }

    /// The position of the authority with this slug.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.authorities.iter().position(|(s, _)| s == slug)
    }

    /// The parts a search needs that are not held yet (in the authority at index `only` alone if given, in every
    /// authority otherwise): each authority's index and its part's path.
    pub fn missing(&self, only: Option<usize>) -> Vec<(usize, String)> {
        let wanted = |i: &usize| only.is_none_or(|o| o == *i);
        (0..self.authorities.len())
            .filter(wanted)
            .filter(|i| self.parts.get(*i).is_some_and(Option::is_none))
            .map(|i| (i, search_part_path(&self.authorities[i].0)))
            .collect()
    }

    /// Adds the part of the authority at index `i`, from its file's text; a part already held is kept.
    pub fn add(&mut self, i: usize, text: &str) -> Result<(), LoadError> {
        let Some((slug, _)) = self.authorities.get(i) else { return Ok(()) };
        if self.parts[i].is_some() {
            return Ok(());
        }
        let path = search_part_path(slug);
        let part: Part = parse_json(&path, text)?;
        self.hold(i, &path, part)
    }

    /// Adds every authority's part not held yet, from the text of the file of them all ([`data::SEARCH_ALL`]).
    pub fn add_all(&mut self, text: &str) -> Result<(), LoadError> {
        let parts: Vec<Part> = parse_json(SEARCH_ALL, text)?;
        if parts.len() != self.authorities.len() {
            return Err(LoadError::new(SEARCH_ALL, "the search index is damaged: it has the wrong number of parts"));
        }
        for (i, part) in parts.into_iter().enumerate() {
            if self.parts[i].is_none() {
                self.hold(i, SEARCH_ALL, part)?;
            }
        }
        Ok(())
    }

    /// Holds `part`, read from `path`, as the part of the authority at index `i`, once checked.
    fn hold(&mut self, i: usize, path: &str, part: Part) -> Result<(), LoadError> {
        let (slug, short) = &self.authorities[i];
        if part.stamp != self.stamp {
            return Err(LoadError::new(path, "the search index is from another version of the site: reload the page"));
        }
        let count = self.offsets[i + 1] - self.offsets[i];
        if part.docs.len() != count {
            return Err(LoadError::new(path, "the search index is damaged: it has the wrong number of documents"));
        }
        let held = Held::read(path, part, self.offsets[i], Some((i, slug, short)), self.terms.len())?;
        self.parts[i] = Some(held);
        Ok(())
    }

    /// The document numbered `n`, if its part is held.
    pub fn doc(&self, n: usize) -> Option<&Doc> {
        if n >= self.glossary.offset {
            return self.glossary.docs.get(n - self.glossary.offset);
        }
        let i = self.offsets.partition_point(|start| *start <= n).checked_sub(1)?;
        let part = self.parts.get(i)?.as_ref()?;
        part.docs.get(n - part.offset)
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// A term's number in the vocabulary.
    fn number(&self, term: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok().map(|n| n as u32)
    }

    /// Terms in the vocabulary within typo reach of `term`: one edit (a swap of neighbours counts as one) for 4+
    /// letters, two for 8+; none for shorter terms or numbers.
    fn near(&self, term: &str) -> Vec<String> {
        let length = term.chars().count();
        if length < 4 || term.chars().all(|c| c.is_ascii_digit()) {
            return vec![];
        }
        let distance = if length >= 8 { 2 } else { 1 };
        let chars: Vec<char> = term.chars().collect();
        // Every term is looked at: a few thousand, each compared only while it can still be within reach, with
        // nothing built beforehand (an automaton for two edits of a long word took megabytes).
        let mut found: Vec<String> = self.terms.iter().filter(|t| within(&chars, t, distance)).cloned().collect();
        for i in 0..chars.len() - 1 {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            if self.number(&swapped).is_some() && !found.contains(&swapped) {
                found.push(swapped);
            }
        }
        found
    }

    /// A single term as an alternative: its weight, and in how many documents it occurs (none when unknown).
    fn single(&self, term: String, weight: f32) -> Alternative {
        let documents = self.number(&term).and_then(|n| self.frequencies.get(n as usize)).copied().unwrap_or(0);
        Alternative { terms: vec![term], weight, documents }
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
                .filter(|(_, (p, _))| query[i..].starts_with(p))
                .max_by_key(|(_, (p, _))| p.len());
            if let Some((group, (typed, _))) = phrase {
                let clause = group
                    .iter()
                    .map(|(p, documents)| Alternative {
                        terms: p.clone(),
                        weight: if p == typed { 1.0 } else { 0.9 },
                        documents: *documents,
                    })
                    .collect();
                clauses.push(clause);
                i += typed.len();
                continue;
            }
            let term = &query[i];
            let mut clause = vec![self.single(term.clone(), 1.0)];
            if self.number(term).is_none() {
                clause.extend(self.near(term).into_iter().map(|t| self.single(t, 0.6)));
            }
            clauses.push(clause);
            i += 1;
        }
        clauses
    }

    /// The parts a search looks in: the authority at index `only`'s, or every authority's held and the glossary.
    fn scope(&self, only: Option<usize>) -> Vec<&Held> {
        match only {
            Some(i) => self.parts.get(i).and_then(Option::as_ref).into_iter().collect(),
            None => self.parts.iter().flatten().chain(std::iter::once(&self.glossary)).collect(),
        }
    }

    /// A document's score for one alternative, from how often it occurs in each field (`counts`) and the
    /// document's text's length.
    fn alternative_score(&self, length: u32, alt: &Alternative, counts: [usize; 3]) -> f32 {
        let n = self.total as f32;
        let df = alt.documents as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let norm = 1.2 * (0.25 + 0.75 * length as f32 / self.average_body.max(1.0));
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

    /// A phrase as term numbers; `None` if a word of it is in no document.
    fn numbers(&self, phrase: &[String]) -> Option<Vec<u32>> {
        phrase.iter().map(|t| self.number(t)).collect()
    }

    /// Searches for `query`, only in the authority at index `only` if given; at most `limit` results. Only the
    /// parts held are searched ([`Index::missing`] names the others).
    pub fn search(&self, query: &str, only: Option<usize>, limit: usize) -> Found {
        let truncated = query.chars().count() > MAX_QUERY_CHARS;
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let words = terms(&query);
        let clauses = self.clauses(&words);
        let scope = self.scope(only);
        // Per document: the sum of its clauses' best scores, and how many clauses it matched.
        let mut scores: Vec<(f32, usize)> = vec![(0.0, 0); self.total];
        // Per clause: the documents that matched it, in order, with the alternative that counted.
        let mut chosen: Vec<Vec<(usize, usize)>> = Vec::with_capacity(clauses.len());
        let mut best_of: Vec<Option<(f32, usize)>> = vec![None; self.total];
        let mut touched: Vec<usize> = Vec::new();
        for clause in &clauses {
            for (a, alt) in clause.iter().enumerate() {
                let Some(phrase) = self.numbers(&alt.terms).filter(|_| alt.documents > 0) else { continue };
                for part in &scope {
                    for (local, counts) in part.matches(&phrase) {
                        let s = self.alternative_score(part.docs[local].length, alt, counts);
                        let d = part.offset + local;
                        let slot = &mut best_of[d];
                        if s > 0.0 && slot.is_none_or(|(b, _)| s > b) {
                            if slot.is_none() {
                                touched.push(d);
                            }
                            *slot = Some((s, a));
                        }
                    }
                }
            }
            touched.sort_unstable();
            let mut matched = Vec::with_capacity(touched.len());
            for d in touched.drain(..) {
                if let Some((s, a)) = best_of[d].take() {
                    scores[d].0 += s;
                    scores[d].1 += 1;
                    matched.push((d, a));
                }
            }
            chosen.push(matched);
        }
        let whole: Vec<String> = clauses.iter().filter_map(|c| c.first()).flat_map(|a| a.terms.clone()).collect();
        let mut phrase_found: HashMap<usize, [usize; 3]> = HashMap::new();
        if let Some(phrase) = self.numbers(&whole).filter(|_| whole.len() > 1) {
            for part in &scope {
                phrase_found.extend(part.matches(&phrase).into_iter().map(|(local, c)| (part.offset + local, c)));
            }
        }
        let mut hits: Vec<(f32, usize)> = Vec::new();
        for (d, (score, matched_clauses)) in scores.into_iter().enumerate().filter(|(_, (_, m))| *m > 0) {
            let coverage = matched_clauses as f32 / clauses.len() as f32;
            let mut score = score * coverage * coverage;
            if whole.len() > 1 {
                let found = phrase_found.get(&d).copied().unwrap_or_default();
                score *= if found[0] > 0 {
                    2.0
                } else if found[1] + found[2] > 0 {
                    1.5
                } else {
                    1.0
                };
            }
            // A glossary entry explains a word; the procedures say what to do: they come first.
            if d >= self.glossary.offset {
                score *= 0.4;
            }
            hits.push((score, d));
        }
        let hits = best(hits, limit)
            .into_iter()
            .map(|(score, doc)| {
                let matched = clauses
                    .iter()
                    .zip(&chosen)
                    .filter_map(|(clause, chosen)| {
                        let at = chosen.binary_search_by_key(&doc, |(d, _)| *d).ok()?;
                        clause.get(chosen[at].1)
                    })
                    .flat_map(|alt| alt.terms.iter().cloned())
                    .collect();
                Hit { doc, score, matched }
            })
            .collect();
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
            .suggestions
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
        let Some(d) = self.doc(hit.doc) else { return (Snippet::default(), Vec::new()) };
        let tokens = self.words.borrow_mut().tokens(&d.body);
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
        for t in self.words.borrow_mut().tokens(&d.title).iter().filter(|t| hit.matched.contains(&t.term)) {
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
        build::published(&index_library()).unwrap()
    }

    fn index_library() -> crate::compare::Library {
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
        library
    }

    fn top(index: &Index, query: &str) -> Vec<String> {
        index
            .search(query, None, 3)
            .hits
            .iter()
            .map(|h| {
                let d = index.doc(h.doc).unwrap();
                format!("{}{}", d.path, d.fragment.as_ref().map(|f| format!("#{f}")).unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn each_heading_is_a_document_with_its_breadcrumb() {
        let index = index();
        let tac = (0..20).filter_map(|n| index.doc(n)).find(|d| d.fragment.as_deref() == Some("tac")).unwrap();
        assert_eq!(tac.kind, Kind::Heading);
        assert_eq!((tac.path.as_str(), tac.id.as_str()), ("a/north/reviews", "reviews"));
        assert_eq!(tac.crumbs, ["North", "Reviews", "Stepping down"]);
        assert_eq!(tac.body, "The case goes to a Team Around the Child.");
    }

    #[test]
    fn edits_are_counted_as_insertions_deletions_and_replacements() {
        let reach = |a: &str, b: &str, limit| within(&a.chars().collect::<Vec<_>>(), b, limit);
        assert!(reach("review", "review", 0));
        assert!(reach("review", "reviw", 1) && reach("review", "reviews", 1) && reach("review", "revue", 2));
        assert!(!reach("review", "revue", 1), "two edits");
        assert!(!reach("review", "reveiw", 1), "a swap is two edits here; `near` adds swaps itself");
        assert!(reach("professional", "profesional", 1) && !reach("professional", "proffesionnal", 2));
        assert!(reach("café", "cafe", 1) && !reach("plan", "plans", 0));
        assert!(!reach("plan", "planning", 2), "too long to be within reach");
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
    fn the_file_of_every_part_gives_the_same_results_as_the_parts() {
        let built = build::build(&index_library());
        let files = built.files();
        let text = |path: &str| files.iter().find(|(p, _)| p == path).map(|(_, t)| t.as_str()).unwrap();
        let parts = Index::from_files(&files).unwrap();
        let mut all = Index::read(text(SEARCH_COMMON)).unwrap();
        let north = all.position("north").unwrap();
        all.add(north, text(&search_part_path("north"))).unwrap();
        all.add_all(text(SEARCH_ALL)).unwrap();
        assert!(all.missing(None).is_empty());
        for query in ["review plan", "TAC", "reveiw", "12 weeks"] {
            let hits = |index: &Index| -> Vec<(usize, u32)> {
                index.search(query, None, 10).hits.iter().map(|h| (h.doc, h.score.to_bits())).collect()
            };
            assert_eq!(hits(&all), hits(&parts), "{query}");
        }
        let mut fresh = Index::read(text(SEARCH_COMMON)).unwrap();
        let error = fresh.add_all("[]").unwrap_err();
        assert_eq!(error.file, SEARCH_ALL);
        assert!(error.message.contains("damaged"), "{}", error.message);
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
