//! Marks the words a search matched on the page it opened (`?highlight=`): each whole word in the text of the HTML,
//! whatever its case, is wrapped in `<mark>`; tags and attributes are left alone.

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

fn mark_text(text: &str, words: &[String], out: &mut String) {
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find(|c: char| !is_word(c)).unwrap_or(after.len());
        let word = &after[..end];
        if words.iter().any(|w| w == &word.to_lowercase()) {
            out.push_str(&format!("<mark>{word}</mark>"));
        } else {
            out.push_str(word);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
}

/// `html` with every whole word in `words` (lower case) marked in its text.
pub fn mark_words(html: &str, words: &[String]) -> String {
    if words.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        mark_text(&rest[..open], words, &mut out);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        out.push_str(&rest[open..close]);
        rest = &rest[close..];
    }
    mark_text(rest, words, &mut out);
    out
}

/// The words of a `highlight=` value, lower case, at most twenty.
pub fn highlight_words(value: &str) -> Vec<String> {
    value.split_whitespace().take(20).map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_are_marked_in_text_only() {
        let words = highlight_words("Review weeks");
        let html = "<p class=\"review\">A review, Reviews and REVIEW every twelve <a href=\"review\">weeks</a>.</p>";
        assert_eq!(
            mark_words(html, &words),
            "<p class=\"review\">A <mark>review</mark>, Reviews and <mark>REVIEW</mark> every twelve <a href=\"review\"><mark>weeks</mark></a>.</p>"
        );
        assert_eq!(mark_words(html, &[]), html);
        assert_eq!(mark_words("Café’s plan", &highlight_words("café’s")), "<mark>Café’s</mark> plan");
    }
}
