//! Text as search sees it: words found with their place in the original, folded (case, accents, apostrophes),
//! split where letters meet digits ("s47" → "s", "47"), number words made digits ("twelve" → "12"), "s" before a
//! number read as "section", common words dropped, and the rest stemmed ("reviews", "reviewed" → "review").

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::folds::FOLDS;

/// A word of a text: where it is (byte range in the original) and the term it is indexed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Start of the word in the original text (bytes).
    pub start: usize,
    /// End of the word in the original text (bytes).
    pub end: usize,
    /// The term: folded, numbers as digits, stemmed.
    pub term: String,
}

/// Words too common to search for, and the question words people type around what they want.
const STOP: [&str; 44] = [
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "did", "do", "does", "for", "from",
    "has", "have", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on", "or", "should", "so", "that", "the",
    "their", "there", "this", "to", "was", "we", "what", "when", "which", "who", "with",
];

/// Number words and their digits.
const NUMBERS: [(&str, &str); 20] = [
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
];

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Whether `c` is a combining mark of the blocks that hold them for Latin text (an accent typed on its own after
/// its letter), which folding drops.
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20f0}' | '\u{fe20}'..='\u{fe2f}'
    )
}

/// Lower case without accents: "Café" → "cafe". Latin letters lose their accents, ligatures, superscripts,
/// fractions, full-width letters and special spaces become the plain characters Unicode's compatibility
/// decomposition gives ([`FOLDS`]); other scripts are kept as written, in lower case.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Ok(at) = FOLDS.binary_search_by_key(&c, |(from, _)| *from) {
            out.extend(FOLDS[at].1.chars().flat_map(char::to_lowercase));
        } else if let Some(plain) =
            ('\u{ff01}'..='\u{ff5e}').contains(&c).then(|| char::from_u32(c as u32 - 0xfee0)).flatten()
        {
            out.push(plain.to_ascii_lowercase());
        } else if !is_combining(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The term a folded word is indexed under, or `None` for a common word.
fn term(word: &str) -> Option<String> {
    if STOP.contains(&word) {
        return None;
    }
    if let Some((_, digits)) = NUMBERS.iter().find(|(w, _)| *w == word) {
        return Some((*digits).to_owned());
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        let digits = word.trim_start_matches('0');
        return Some(if digits.is_empty() { "0" } else { digits }.to_owned());
    }
    Some(stemmer().stem(word).into_owned())
}

/// The runs of letters or of digits in `text`, with their byte ranges; an apostrophe inside a word is skipped
/// ("child's" is one word).
fn runs(text: &str) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut current: Option<(usize, usize, String, bool)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let end = at + c.len_utf8();
        let apostrophe = matches!(c, '\'' | '’')
            && current.as_ref().is_some_and(|(_, _, _, digit)| !digit)
            && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic());
        if apostrophe {
            if let Some(cur) = current.as_mut() {
                cur.1 = end;
            }
            continue;
        }
        if c.is_alphanumeric() {
            let digit = c.is_numeric();
            match current.as_mut() {
                Some(cur) if cur.3 == digit => {
                    cur.1 = end;
                    cur.2.push(c);
                }
                _ => {
                    if let Some((s, e, w, _)) = current.take() {
                        out.push((s, e, w));
                    }
                    current = Some((at, end, c.to_string(), digit));
                }
            }
        } else if let Some((s, e, w, _)) = current.take() {
            out.push((s, e, w));
        }
    }
    if let Some((s, e, w, _)) = current {
        out.push((s, e, w));
    }
    out
}

/// The tokens of a text, in order, each word's term given by `term_of` (from the word as written).
fn tokens_with(text: &str, mut term_of: impl FnMut(&str) -> Option<String>) -> Vec<Token> {
    let runs = runs(text);
    let mut out = Vec::with_capacity(runs.len());
    for (i, (start, end, word)) in runs.iter().enumerate() {
        // "s47", "S.47", "s 47": an "s" just before a number is "section".
        let next_is_number = runs.get(i + 1).is_some_and(|(_, _, w)| w.chars().all(|c| c.is_numeric()));
        let section = next_is_number && fold(word) == "s";
        let term = if section { Some("section".to_owned()) } else { term_of(word) };
        if let Some(term) = term {
            out.push(Token { start: *start, end: *end, term });
        }
    }
    out
}

/// The tokens of a text, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_with(text, |word| term(&fold(word)))
}

/// The terms of many texts, each word folded and stemmed once however often it recurs (the publish step indexes
/// every authority's procedure, and procedures share most of their words).
#[derive(Debug, Default)]
pub struct Terms {
    known: HashMap<String, Option<String>>,
}

impl Terms {
    /// The tokens of a text, in order, as [`tokens`] gives them.
    pub fn tokens(&mut self, text: &str) -> Vec<Token> {
        let known = &mut self.known;
        let term_of = |word: &str| match known.get(word) {
            Some(term) => term.clone(),
            None => known.entry(word.to_owned()).or_insert_with(|| term(&fold(word))).clone(),
        };
        tokens_with(text, term_of)
    }

    /// The terms of a text, in order, as [`terms`] gives them.
    pub fn terms(&mut self, text: &str) -> Vec<String> {
        self.tokens(text).into_iter().map(|t| t.term).collect()
    }
}

/// The terms of a text, in order.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.term).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding as Unicode's compatibility decomposition gives it, combining marks dropped, in lower case.
    fn decomposed(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn folding_is_the_compatibility_decomposition_for_latin_text() {
        let blocks =
            [0..0x250, 0x300..0x370, 0x1dc0..0x1f00, 0x2000..0x2190, 0xfb00..0xfb07, 0xfe20..0xfe30, 0xff01..0xff5f];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(fold(&c.to_string()), decomposed(&c.to_string()), "{c:?} (U+{:04X})", c as u32);
        }
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0), "sorted, for the binary search");
        assert_eq!(fold("Cafe\u{301} ÉTÉ ﬁle Ｗｅｅｋ ½"), "cafe ete file week 1\u{2044}2");
    }

    #[test]
    fn every_text_in_the_content_folds_as_its_decomposition() {
        fn walk(dir: &std::path::Path, texts: &mut Vec<(std::path::PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, texts);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push((path, text));
                }
            }
        }
        let mut texts = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), &mut texts);
        assert!(texts.len() > 20, "the content is there");
        for (path, text) in texts {
            for line in text.lines() {
                assert_eq!(fold(line), decomposed(line), "{}: {line}", path.display());
            }
        }
    }

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(terms("Café, CAFÉ; café!"), ["cafe", "cafe", "cafe"]);
        assert_eq!(terms("child's"), terms("childs"));
        assert_eq!(terms("Child & Family"), ["child", "famili"]);
        assert!(terms("🙂 — …").is_empty());
    }

    #[test]
    fn words_are_stemmed_and_common_words_dropped() {
        assert_eq!(terms("reviews reviewed reviewing review"), ["review"; 4]);
        assert_eq!(terms("The plan of the child"), ["plan", "child"]);
    }

    #[test]
    fn numbers_and_sections_read_alike_however_written() {
        assert_eq!(terms("twelve weeks"), terms("12 weeks"));
        assert_eq!(terms("3 months"), terms("three months"));
        assert_eq!(terms("S47"), ["section", "47"]);
        assert_eq!(terms("s.47"), terms("section 47"));
        assert_eq!(terms("s 47"), terms("Section 47"));
        assert_eq!(terms("12weeks"), ["12", "week"]);
        assert_eq!(terms("007"), ["7"]);
    }

    #[test]
    fn tokens_keep_their_place_in_the_original() {
        let text = "Reviewed: Café’s plan";
        let t = tokens(text);
        assert_eq!(&text[t[0].start..t[0].end], "Reviewed");
        assert_eq!(&text[t[1].start..t[1].end], "Café’s");
        assert_eq!(t[2].term, "plan");
    }

    #[test]
    fn remembered_terms_are_the_same_terms() {
        let mut words = Terms::default();
        for text in ["Reviews, S47 and twelve weeks", "Café’s reviews: s.47 in 12weeks", "reviews REVIEWS"] {
            assert_eq!(words.terms(text), terms(text), "{text}");
            assert_eq!(words.terms(text), terms(text), "{text}, once remembered");
            assert_eq!(words.tokens(text), tokens(text), "{text}");
        }
    }
}
