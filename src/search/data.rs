//! The search index as the publish step writes it: `data/search/common.json` (what every search needs: the
//! vocabulary with each term's document frequency, the glossary's synonyms and suggestions, the collection's
//! statistics and the glossary's own documents) and one `data/search/{slug}.json` per authority (its documents and
//! their postings), and every authority's part again in one file, `data/search/all.json`. A search within one
//! authority loads the common file and that authority's part; a search across all loads the one file of every part
//! (or the one part it lacks). Keys are one letter, since the files are downloaded.
//!
//! Postings are flat lists of numbers, one list per term: for each (document, field) the term occurs in, the
//! document's number within the part (as the difference from the previous entry's), the field, the number of
//! occurrences, and their positions in the field (each as the difference from the previous one). Each list is
//! written as a string ([`encode`]): mostly one character a number, and read far faster than an array of numbers.

use serde::{Deserialize, Serialize};

/// The path of the common part.
pub const SEARCH_COMMON: &str = "data/search/common.json";

/// The path of every authority's part at once (a JSON array of them, in display order), which a search across all
/// loads in one request instead of one for each.
pub const SEARCH_ALL: &str = "data/search/all.json";

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
    /// Each term's postings, in the order of `terms` (see the module's description), each list [`encode`]d.
    #[serde(rename = "p")]
    pub postings: Vec<String>,
}

/// The characters numbers are written in: 64 that JSON leaves as they are.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// How many bits of a number one character carries; the character's next bit says another follows.
const BITS: u32 = 5;

/// Numbers as text: each in groups of five bits, lowest first, one character a group, every character but a
/// number's last marked as followed by another. Numbers below 32 take one character.
pub fn encode(numbers: &[u32]) -> String {
    let mut out = String::with_capacity(numbers.len());
    for n in numbers {
        let mut rest = *n;
        loop {
            let group = rest & ((1 << BITS) - 1);
            rest >>= BITS;
            let more = if rest > 0 { 1 << BITS } else { 0 };
            out.push(DIGITS[(group | more) as usize] as char);
            if rest == 0 {
                break;
            }
        }
    }
    out
}

/// The value of each character of [`DIGITS`], and 255 for any other byte.
const VALUES: [u8; 256] = {
    let mut values = [255u8; 256];
    let mut i = 0;
    while i < DIGITS.len() {
        values[DIGITS[i] as usize] = i as u8;
        i += 1;
    }
    values
};

/// The numbers [`encode`] wrote, into `out` (emptied first); `None` for text it cannot have written (another
/// character, a number cut short or too large).
pub fn decode_into(text: &str, out: &mut Vec<u32>) -> Option<()> {
    out.clear();
    let (mut number, mut shift) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = VALUES[byte as usize];
        if value == 255 || shift > 31 {
            return None;
        }
        let group = u32::from(value) & ((1 << BITS) - 1);
        number |= group.checked_shl(shift).filter(|g| g >> shift == group)?;
        if value >> BITS == 0 {
            out.push(number);
            (number, shift) = (0, 0);
        } else {
            shift += BITS;
        }
    }
    (shift == 0).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written_and_small_ones_take_one_character() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 65_535, u32::MAX, 7];
        let text = encode(&numbers);
        let mut back = Vec::new();
        assert_eq!(decode_into(&text, &mut back), Some(()));
        assert_eq!(back, numbers);
        assert_eq!(encode(&[0, 5, 31]).len(), 3);
        assert!(!text.contains(['"', '\\']), "{text}");
    }

    #[test]
    fn text_it_cannot_have_written_is_refused() {
        let mut back = Vec::new();
        assert_eq!(decode_into("AB!", &mut back), None, "a character outside the alphabet");
        assert_eq!(decode_into(&encode(&[1024])[..1], &mut back), None, "a number cut short");
        assert_eq!(decode_into("_______", &mut back), None, "more than 32 bits");
        assert_eq!(decode_into("", &mut back), Some(()));
        assert!(back.is_empty());
    }
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
