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
}
