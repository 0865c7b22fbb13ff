//! The words a search matched, to mark on the page it opened (`?highlight=`); [`Html::mark_words`] marks them.
//!
//! [`Html::mark_words`]: crate::html::Html::mark_words

/// The words of a `highlight=` value, lower case, at most twenty.
pub fn highlight_words(value: &str) -> Vec<String> {
    value.split_whitespace().take(20).map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::Html;

    #[test]
    fn whole_words_are_marked_in_text_only() {
        let words = highlight_words("Review weeks");
        let html = "<p class=\"review\">A review, Reviews and REVIEW every twelve <a href=\"review\">weeks</a>.</p>";
        assert_eq!(
            Html::trusted(html.to_owned()).mark_words(&words).as_str(),
            "<p class=\"review\">A <mark>review</mark>, Reviews and <mark>REVIEW</mark> every twelve <a href=\"review\"><mark>weeks</mark></a>.</p>"
        );
        assert_eq!(Html::trusted(html.to_owned()).mark_words(&[]).as_str(), html);
        assert_eq!(
            Html::trusted("Café’s plan".to_owned()).mark_words(&highlight_words("café’s")).as_str(),
            "<mark>Café’s</mark> plan"
        );
    }

    #[test]
    fn character_references_are_never_split() {
        // "amp", "39" and "x27" are words of the references' own spelling, not of the text.
        let html = "<p>Child &amp; Family &#39;39&#39; &#x27;plan&#x27; &amp;amp &nope</p>";
        let words = highlight_words("amp family 39 x27 plan nope");
        assert_eq!(
            Html::trusted(html.to_owned()).mark_words(&words).as_str(),
            "<p>Child &amp; <mark>Family</mark> &#39;<mark>39</mark>&#39; &#x27;<mark>plan</mark>&#x27; &amp;<mark>amp</mark> &<mark>nope</mark></p>"
        );
    }
}
