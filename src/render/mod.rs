//! Pages as HTML text, built by pure functions: every piece of text goes through [`escape`]. Read-only views are
//! made here rather than as Leptos components because string building is far smaller in the download than the
//! generic view code each component brings; links are relative to the site's base and the router follows them.

pub mod authority;
pub mod compare;
pub mod deadlines;
pub mod frame;
pub mod glossary;
pub mod highlight;
pub mod rule_card;
pub mod search;
pub mod section;
pub mod wizard;

/// A page made whole, as the background worker answers it: its title and its HTML (or a file's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The document's title.
    pub title: String,
    /// The page's HTML.
    pub html: String,
}

/// Escapes text for use in HTML content or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">O'Neil & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
    }
}
