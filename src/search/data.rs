//! The search index as the publish step writes it: `data/search/common.json` (what every search needs: the
//! vocabulary with each term's document frequency, the glossary's synonyms and suggestions, the collection's
//! statistics and the glossary's own documents) and one `data/search/{slug}.json` per authority (its documents and
//! their postings). A search within one authority loads the common file and that authority's part; a search across
//! all loads every part. Keys are one letter, since the files are downloaded.
//!
//! Postings are flat lists of numbers, one list per term: for each (document, field) the term occurs in, the
//! document's number within the part (as the difference from the previous entry's), the field, the number of
//! occurrences, and their positions in the field (each as the difference from the previous one).

use serde::{Deserialize, Serialize};

/// The path of the common part.
pub const SEARCH_COMMON: &str = "data/search/common.json";

/// The path of one authority's part.
pub fn search_part_path(slug: &str) -> String {
    format!("data/search/{slug}.json")
}

/// A document as published: its id (a section's or a glossary entry's), the heading id it opens at (empty for
/// none), its title, its text (for snippets) and how many terms its text has.
pub type DocData = (String, String, String, String, u32);

/// A part of the index: some documents and the postings of their terms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// The build the part belongs to (the common part's stamp).
    #[serde(rename = "v")]
    pub stamp: String,
    /// The documents, in order.
    #[serde(rename = "d")]
    pub docs: Vec<DocData>,
    /// The terms that occur in these documents, as numbers in the vocabulary, ascending, each as the difference
    /// from the previous one.
    #[serde(rename = "t")]
    pub terms: Vec<u32>,
    /// Each term's postings, in the order of `terms` (see the module's description).
    #[serde(rename = "p")]
    pub postings: Vec<Vec<u32>>,
}

/// A phrase of a synonym group (as terms) and in how many documents it occurs.
pub type Phrase = (Vec<String>, u32);

/// What every search needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Common {
    /// Each authority's slug, short name and number of documents, in display order.
    #[serde(rename = "a")]
    pub authorities: Vec<(String, String, u32)>,
    /// Every term, sorted (a term's number is its place here).
    #[serde(rename = "t")]
    pub terms: Vec<String>,
    /// In how many documents each term occurs, in the order of `terms`.
    #[serde(rename = "f")]
    pub frequencies: Vec<u32>,
    /// Groups of phrases that mean the same: a glossary term, its expansion and other spellings.
    #[serde(rename = "s")]
    pub synonyms: Vec<Vec<Phrase>>,
    /// Glossary entries for suggestions: id, term as shown, the spellings folded.
    #[serde(rename = "g")]
    pub suggestions: Vec<(String, String, Vec<String>)>,
    /// The average length of a document's text, in terms.
    #[serde(rename = "l")]
    pub average_body: f32,
    /// The glossary's documents; its stamp is the build's.
    #[serde(rename = "e")]
    pub glossary: Part,
}
