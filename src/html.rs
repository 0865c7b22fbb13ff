//! Typed HTML: markup that is safe by construction.
//!
//! An [`Html`] value can be made in three ways only:
//!
//! - from text, escaped: [`Html::text`], or any [`Markup`] value placed into a template;
//! - from a template written in the source code (a `&'static str`), whose `{}` holes are filled with [`Markup`]
//!   values — text is escaped on the way in, other `Html` is kept as it is: [`Html::format`] and the [`html!`]
//!   macro, which also checks at compile time that the holes match the values;
//! - from HTML the publish step rendered from content, through the one named constructor [`Html::trusted`]; and,
//!   on the page's side of the background worker, from the HTML the worker made with these same builders
//!   ([`Html::from_worker`], called only where its message is read).
//!
//! So a value from the address or from content is text until it is escaped, and nothing else can become markup:
//!
//! ```compile_fail
//! use cin_procedure_explorer::html::Html;
//! let from_the_address = String::from("<img src=x onerror=alert(1)>");
//! let page: Html = Html::from(from_the_address); // no such conversion: text is not markup
//! ```
//!
//! ```compile_fail
//! use cin_procedure_explorer::html;
//! let name = "x";
//! let page = html!("<p>{name}</p>"); // a named hole with no value given: refused at compile time
//! ```
//!
//! ```
//! use cin_procedure_explorer::html;
//! let page = html!("<p>{}</p>", "<img src=x onerror=alert(1)>");
//! assert_eq!(page.as_str(), "<p>&lt;img src=x onerror=alert(1)&gt;</p>");
//! ```

use std::borrow::Cow;
use std::fmt;

/// A piece of HTML that is safe to put into a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

/// Something that can fill a hole in an HTML template: text is escaped, [`Html`] is kept as it is.
pub trait Markup {
    /// Appends this value to `out` as HTML.
    fn write_to(&self, out: &mut String);
}

/// Appends `text` to `out`, escaped for HTML content and for a quoted attribute value alike.
fn push_escaped(out: &mut String, text: &str) {
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
}

/// The template with each hole (`{}` or `{name}`) replaced by the value `value(name)` gives.
fn fill<'v>(template: &str, mut value: impl FnMut(&str) -> &'v dyn Markup) -> Html {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else {
            let end = tail.find('}').expect("an HTML template has an unclosed hole");
            value(&tail[1..end]).write_to(&mut out);
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    Html(out)
}

/// Text escaped for HTML content or a quoted attribute value, as a plain string: for the Markdown renderer,
/// which writes HTML at publish time. Everything else builds [`Html`].
pub fn escape(text: &str) -> String {
    Html::text(text).into_string()
}

impl Html {
    /// Empty HTML.
    pub fn new() -> Html {
        Html(String::new())
    }

    /// Text, escaped: it shows as written and never becomes markup.
    pub fn text(text: &str) -> Html {
        let mut out = String::with_capacity(text.len());
        push_escaped(&mut out, text);
        Html(out)
    }

    /// HTML the publish step rendered from content with the safe Markdown renderer (raw HTML in content is
    /// refused there). The only way to turn a string that is not a template into markup: never give it a value
    /// from the address.
    pub fn trusted(rendered: String) -> Html {
        Html(rendered)
    }

    /// HTML the background worker made with these same builders and sent to the page as a message. Only
    /// [`crate::background::read_reply`] calls it, for a message the page's own worker sent.
    pub fn from_worker(made: String) -> Html {
        Html(made)
    }

    /// HTML of a page the site served, written at publish time with these same builders ([`crate::prerender`]),
    /// read back from the document before the app takes it over. Only [`crate::ui`]'s take-over of a served page
    /// calls it.
    pub fn from_document(served: String) -> Html {
        Html(served)
    }

    /// A template from the source code with each `{}` filled by the next value (`{{` and `}}` are braces).
    /// Prefer the [`html!`] macro, which checks the holes at compile time.
    ///
    /// # Panics
    /// When the number of holes and values differ, or the template has a named hole.
    pub fn format(template: &'static str, values: &[&dyn Markup]) -> Html {
        let mut values = values.iter();
        let out = fill(template, |name| match name {
            "" => *values.next().expect("an HTML template has more holes than values"),
            _ => panic!("an HTML template with values by position has a named hole: {template}"),
        });
        assert!(values.next().is_none(), "an HTML template has fewer holes than values");
        out
    }

    /// A template from the source code with each `{name}` filled by the value of that name. Prefer the
    /// [`html!`] macro, which checks the names at compile time.
    ///
    /// # Panics
    /// When the template has a hole with no value, or a `{}` hole.
    pub fn format_named(template: &'static str, values: &[(&str, &dyn Markup)]) -> Html {
        fill(template, |name| {
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).expect("an HTML template has a hole with no value")
        })
    }

    /// Appends other HTML, or text (escaped).
    pub fn push(&mut self, more: impl Markup) {
        more.write_to(&mut self.0);
    }

    /// The HTML as a string, to hand to the browser.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML as a string, to hand to the browser.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether there is no HTML.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// This HTML with every whole word in `words` (lower case) wrapped in `<mark>` wherever it is text; tags,
    /// attributes and character references (`&amp;`, `&#39;`) are left alone. A word is a run of letters, digits and
    /// apostrophes, so no markup is added but the `<mark>` tags.
    pub fn mark_words(&self, words: &[String]) -> Html {
        if words.is_empty() {
            return self.clone();
        }
        let mut out = String::with_capacity(self.0.len() + 64);
        let mut rest = self.0.as_str();
        while let Some(open) = rest.find('<') {
            mark_text(&rest[..open], words, &mut out);
            let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
            out.push_str(&rest[open..close]);
            rest = &rest[close..];
        }
        mark_text(rest, words, &mut out);
        Html(out)
    }

    /// The same HTML with each heading one level down (`h2` becomes `h3`, and so on; `h6` stays): for a section's
    /// published text shown under a heading of the section's own (the whole procedure on one page). Text holds no
    /// `<`, which is escaped, so every `<h` or `</h` with a digit after it is a heading's tag.
    pub fn headings_down_one(&self) -> Html {
        let mut out = String::with_capacity(self.0.len());
        let mut rest = self.0.as_str();
        while let Some(at) = rest.find("<") {
            out.push_str(&rest[..at]);
            let tag = &rest[at..];
            let prefix = ["</h", "<h"].into_iter().find(|p| tag.starts_with(p)).unwrap_or("<");
            let level = tag[prefix.len()..].chars().next().and_then(|c| c.to_digit(10)).filter(|_| prefix != "<");
            match level.and_then(|n| char::from_digit(n + 1, 10)).filter(|_| level < Some(6)) {
                Some(lower) => {
                    out.push_str(prefix);
                    out.push(lower);
                    rest = &tag[prefix.len() + 1..];
                }
                _ => {
                    out.push('<');
                    rest = &tag[1..];
                }
            }
        }
        out.push_str(rest);
        Html(out)
    }

    /// The pieces one after another, with `separator` between them.
    pub fn join(pieces: impl IntoIterator<Item = Html>, separator: &'static str) -> Html {
        let mut out = Html::new();
        for (i, piece) in pieces.into_iter().enumerate() {
            if i > 0 {
                out.0.push_str(separator);
            }
            out.0.push_str(&piece.0);
        }
        out
    }
}

/// Whether `c` belongs to a word that [`Html::mark_words`] can mark.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The length of the character reference (`&amp;`, `&#39;`, `&#x27;`) at the start of `text`, if one is there.
fn reference_len(text: &str) -> Option<usize> {
    let name = text.strip_prefix('&')?;
    let len = name.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))?;
    (len > 0 && name[len..].starts_with(';')).then_some(len + 2)
}

/// Appends the text of HTML `text` (no tags in it) to `out`, each whole word in `words` marked.
fn mark_text(text: &str, words: &[String], out: &mut String) {
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric() || c == '&') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        if after.starts_with('&') {
            let len = reference_len(after).unwrap_or(1);
            out.push_str(&after[..len]);
            rest = &after[len..];
            continue;
        }
        let end = after.find(|c: char| !is_word(c)).unwrap_or(after.len());
        let word = &after[..end];
        if words.iter().any(|w| w == &word.to_lowercase()) {
            out.push_str("<mark>");
            out.push_str(word);
            out.push_str("</mark>");
        } else {
            out.push_str(word);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
}

/// Whether the bytes `a[from..to]` equal `b`.
const fn same(a: &[u8], from: usize, to: usize, b: &[u8]) -> bool {
    if to - from != b.len() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if a[from + i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Checks a template at compile time: with `names` empty, the number of `{}` holes; otherwise 0 when every
/// hole is `{name}` with one of `names` and every name is used. `usize::MAX` for anything else (a hole of
/// another kind such as `{:?}`, a lone brace, an unknown or unused name). Used by [`html!`].
pub const fn holes(template: &str, names: &[&str]) -> usize {
    let bytes = template.as_bytes();
    let (mut i, mut count) = (0, 0);
    let mut used = [false; 32];
    if names.len() > used.len() {
        return usize::MAX;
    }
    while i < bytes.len() {
        let here = bytes[i];
        if here == b'}' {
            if i + 1 >= bytes.len() || bytes[i + 1] != b'}' {
                return usize::MAX;
            }
            i += 2;
        } else if here == b'{' {
            if i + 1 < bytes.len() && bytes[i + 1] == b'{' {
                i += 2;
                continue;
            }
            let mut end = i + 1;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            if end >= bytes.len() || bytes[end] != b'}' {
                return usize::MAX;
            }
            if end == i + 1 {
                if !names.is_empty() {
                    return usize::MAX;
                }
                count += 1;
            } else {
                let mut n = 0;
                while n < names.len() && !same(bytes, i + 1, end, names[n].as_bytes()) {
                    n += 1;
                }
                if n == names.len() {
                    return usize::MAX;
                }
                used[n] = true;
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    let mut n = 0;
    while n < names.len() {
        if !used[n] {
            return usize::MAX;
        }
        n += 1;
    }
    count
}

/// Builds [`Html`] from a template literal and values, by position — `html!("<a href=\"{}\">{}</a>", href,
/// label)` — or by name — `html!("<a href=\"{href}\">{href}</a>", href = path)`. Text values are escaped;
/// [`Html`] values are kept. The holes must match the values (one `{}` per value, or every name given and used),
/// and no other kind of hole is allowed: checked when the code compiles.
#[macro_export]
macro_rules! html {
    ($template:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        const _: () = assert!(
            $crate::html::holes($template, &[$(stringify!($name)),+]) == 0,
            "an HTML template's named holes must match its named values"
        );
        $crate::html::Html::format_named($template, &[$((stringify!($name), &$value as &dyn $crate::html::Markup)),+])
    }};
    ($template:literal $(, $value:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::html::holes($template, &[]) == 0 $(+ { let _ = stringify!($value); 1 })*,
            "an HTML template needs one `{{}}` hole per value and no other holes"
        );
        $crate::html::Html::format($template, &[$(&$value as &dyn $crate::html::Markup),*])
    }};
}

impl Markup for Html {
    fn write_to(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl Markup for str {
    fn write_to(&self, out: &mut String) {
        push_escaped(out, self);
    }
}

impl Markup for String {
    fn write_to(&self, out: &mut String) {
        push_escaped(out, self);
    }
}

impl Markup for Cow<'_, str> {
    fn write_to(&self, out: &mut String) {
        push_escaped(out, self);
    }
}

impl Markup for char {
    fn write_to(&self, out: &mut String) {
        push_escaped(out, self.encode_utf8(&mut [0; 4]));
    }
}

impl<T: Markup + ?Sized> Markup for &T {
    fn write_to(&self, out: &mut String) {
        (**self).write_to(out);
    }
}

/// Numbers and truth values hold no markup characters: they are written as they print.
macro_rules! markup_as_printed {
    ($($t:ty),*) => {$(
        impl Markup for $t {
            fn write_to(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
markup_as_printed!(u8, u16, u32, u64, usize, i32, i64, bool);

impl FromIterator<Html> for Html {
    fn from_iter<I: IntoIterator<Item = Html>>(iter: I) -> Html {
        let mut out = Html::new();
        out.extend(iter);
        out
    }
}

impl Extend<Html> for Html {
    fn extend<I: IntoIterator<Item = Html>>(&mut self, iter: I) {
        for piece in iter {
            self.0.push_str(&piece.0);
        }
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_content_and_attributes() {
        assert_eq!(
            Html::text(r#"<a href="x">O'Neil & co</a>"#).as_str(),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn templates_escape_text_and_keep_html() {
        let inner = html!("<em>{}</em>", "a<b");
        let page = html!("<p title=\"{}\">{} {} {{}}</p>", "\"x\"", inner, 3usize);
        assert_eq!(page.as_str(), "<p title=\"&quot;x&quot;\"><em>a&lt;b</em> 3 {}</p>");
        let mut out = Html::new();
        out.push("<");
        out.push(html!("<br>"));
        assert_eq!(out.as_str(), "&lt;<br>");
        assert_eq!(Html::join([html!("<i>a</i>"), Html::text("&")], ", ").as_str(), "<i>a</i>, &amp;");
        let all: Html = ["x", "<y>"].into_iter().map(Html::text).collect();
        assert_eq!(all.as_str(), "x&lt;y&gt;");
    }

    #[test]
    fn headings_move_down_one_level_and_nothing_else_changes() {
        let section = Html::trusted(
            "<h2 id=\"a\">A <a class=\"anchor\" href=\"x#a\">#</a></h2><p>1 &lt;h2&gt; <hr> <b>b</b></p>\
             <h3>C</h3><h6>D</h6>"
                .into(),
        );
        assert_eq!(
            section.headings_down_one().as_str(),
            "<h3 id=\"a\">A <a class=\"anchor\" href=\"x#a\">#</a></h3><p>1 &lt;h2&gt; <hr> <b>b</b></p>\
             <h4>C</h4><h6>D</h6>"
        );
    }

    #[test]
    fn holes_are_counted_and_other_holes_refused() {
        assert_eq!(holes("<p>{}</p>{}", &[]), 2);
        assert_eq!(holes("{{}}", &[]), 0);
        assert_eq!(holes("{name}", &[]), usize::MAX);
        assert_eq!(holes("{name}{a}{name}", &["a", "name"]), 0);
        assert_eq!(holes("{name}", &["name", "unused"]), usize::MAX);
        assert_eq!(holes("{name}{}", &["name"]), usize::MAX);
        assert_eq!(holes("{:?}", &[]), usize::MAX);
        assert_eq!(holes("a}", &[]), usize::MAX);
    }

    #[test]
    fn named_holes_take_their_values() {
        let page = html!("<a href=\"a/{s}\">{s}: {t}</a>", s = "x&y", t = html!("<b>{}</b>", 1u32));
        assert_eq!(page.as_str(), "<a href=\"a/x&amp;y\">x&amp;y: <b>1</b></a>");
    }

    #[test]
    #[should_panic(expected = "more holes than values")]
    fn a_template_with_too_few_values_panics() {
        Html::format("{}{}", &[&"a"]);
    }
}
