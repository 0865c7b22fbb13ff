//! Markdown to HTML for procedure sections, safe by construction.
//!
//! Raw HTML in the source is shown as text, never passed through; links and images keep only relative
//! or http(s) destinations; headings get their `{#id}` and a copyable anchor link; and heading levels
//! move up one, so a section's `###` becomes the page's `h2` under the section's `h1`; and the first use of
//! each glossary term in a section links to its entry.
//!
//! It runs when the data is published, not in the browser: the site receives the HTML it makes.

use std::collections::HashSet;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::html::escape;
use crate::model::TermFinder;

/// Something in Markdown that the site refuses to render as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Raw HTML (a tag, a comment), shown as text instead.
    RawHtml(String),
    /// A link or image whose destination is neither relative nor http(s).
    UnsafeLink(String),
}

fn options() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

/// Whether a link destination may reach the page: relative (no scheme) or http(s).
pub fn is_safe_destination(dest: &str) -> bool {
    let lower = dest.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    // A scheme is letters, digits, '+', '-', '.' before the first ':'; a relative URL has no ':' before any '/', '?' or '#'.
    let head = lower.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':') && !lower.starts_with("//") && !lower.chars().any(|c| c.is_control())
}

/// Lists what in `markdown` would not be rendered as written.
pub fn faults(markdown: &str) -> Vec<Fault> {
    Parser::new_ext(markdown, options())
        .filter_map(|event| match event {
            Event::Html(h) | Event::InlineHtml(h) => Some(Fault::RawHtml(h.trim().to_owned())),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !is_safe_destination(&dest_url) =>
            {
                Some(Fault::UnsafeLink(dest_url.to_string()))
            }
            _ => None,
        })
        .collect()
}

fn shifted(level: HeadingLevel) -> u8 {
    (level as u8).saturating_sub(1).clamp(2, 6)
}

/// Pushes `text`, linking the first use in the section of each glossary term (`linked` holds the ids already linked).
fn push_linking_terms<'a>(
    events: &mut Vec<Event<'a>>,
    text: CowStr<'a>,
    terms: &TermFinder,
    linked: &mut HashSet<String>,
) {
    let mut from = 0;
    for found in terms.find_all(&text) {
        if !linked.insert(found.term.id.clone()) {
            continue;
        }
        if found.start > from {
            events.push(Event::Text(CowStr::from(text[from..found.start].to_owned())));
        }
        let open = format!("<a class=\"term\" href=\"glossary/{}\">", escape(&found.term.id));
        events.push(Event::Html(CowStr::from(open)));
        events.push(Event::Text(CowStr::from(text[found.start..found.end].to_owned())));
        events.push(Event::Html(CowStr::from("</a>")));
        from = found.end;
    }
    if from == 0 {
        events.push(Event::Text(text));
    } else if from < text.len() {
        events.push(Event::Text(CowStr::from(text[from..].to_owned())));
    }
}

/// Renders a section body to HTML. `page_url` is the section's own URL (relative to the site's base, or absolute);
/// each heading's anchor link points at `page_url#id`, so it survives a `<base href>` and can be copied. The first
/// use of each of `terms` outside headings, links and code links to `glossary/{id}`, relative to the base.
pub fn render(markdown: &str, page_url: &str, terms: &TermFinder) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut skipped_links = 0usize;
    let mut open_heading: Option<(u8, Option<String>)> = None;
    let mut linked: HashSet<String> = HashSet::new();
    let mut in_link_image_or_code = 0usize;
    for event in Parser::new_ext(markdown, options()) {
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => in_link_image_or_code += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                in_link_image_or_code = in_link_image_or_code.saturating_sub(1)
            }
            _ => {}
        }
        match event {
            Event::Text(text) if open_heading.is_none() && in_link_image_or_code == 0 => {
                push_linking_terms(&mut events, text, terms, &mut linked)
            }
            Event::Html(h) | Event::InlineHtml(h) => events.push(Event::Text(h)),
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level = shifted(level);
                let id = id.map(|i| escape(&i));
                let open = match &id {
                    Some(id) => format!("<h{level} id=\"{id}\">"),
                    None => format!("<h{level}>"),
                };
                events.push(Event::Html(CowStr::from(open)));
                open_heading = Some((level, id));
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, id) = open_heading.take().unwrap_or((2, None));
                let anchor = id
                    .map(|id| {
                        format!(
                            " <a class=\"anchor\" href=\"{}#{id}\"><span class=\"visually-hidden\">Link to this heading</span><span aria-hidden=\"true\">#</span></a>",
                            escape(page_url)
                        )
                    })
                    .unwrap_or_default();
                events.push(Event::Html(CowStr::from(format!("{anchor}</h{level}>"))));
            }
            Event::Start(Tag::Link { dest_url, .. }) if !is_safe_destination(&dest_url) => skipped_links += 1,
            Event::End(TagEnd::Link) if skipped_links > 0 => skipped_links -= 1,
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                // Content images are not loaded: the page shows the alternative text as a link where safe.
                let safe = is_safe_destination(&dest_url);
                if safe {
                    events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                } else {
                    skipped_links += 1;
                }
                events.push(Event::Text(CowStr::from("Image: ")));
            }
            Event::End(TagEnd::Image) => {
                if skipped_links > 0 {
                    skipped_links -= 1;
                } else {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            other => events.push(other),
        }
    }
    mark_notes(&mut events);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Gives paragraphs that open with a bold "Note:" the class `note`, so the source's ambiguities stand out.
fn mark_notes(events: &mut [Event]) {
    for i in 0..events.len().saturating_sub(2) {
        let opens_note = matches!(
            (&events[i], &events[i + 1], &events[i + 2]),
            (Event::Start(Tag::Paragraph), Event::Start(Tag::Strong), Event::Text(t)) if t.as_ref() == "Note:"
        );
        if opens_note {
            events[i] = Event::Html(CowStr::from("<p class=\"note\">"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Term;

    fn none() -> TermFinder<'static> {
        TermFinder::new(&[])
    }

    fn term(id: &str, text: &str) -> Term {
        let json = format!(r#"{{"id":"{id}","term":"{text}","expansion":null,"definition":"d"}}"#);
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn the_first_use_of_each_term_links_to_the_glossary_outside_headings_links_and_code() {
        let terms = [term("tac", "TAC"), term("fgc", "FGC")];
        let out = render(
            "### TAC {#t}\n\nA [TAC](https://x.org) and `TAC`, then a TAC, a TAC and an FGC.\n\n```\nFGC\n```\n",
            "a/x/y",
            &TermFinder::new(&terms),
        );
        assert!(out.contains("<h2 id=\"t\">TAC <a class=\"anchor\""), "{out}");
        assert!(out.contains("<a href=\"https://x.org\">TAC</a> and <code>TAC</code>, then a <a class=\"term\" href=\"glossary/tac\">TAC</a>, a TAC and an <a class=\"term\" href=\"glossary/fgc\">FGC</a>."), "{out}");
        assert_eq!(out.matches("class=\"term\"").count(), 2, "{out}");
    }

    #[test]
    fn script_tags_are_shown_as_text() {
        let out = render("Hello <script>alert(1)</script> there\n\n<script>\nalert(2)\n</script>\n", "/a/x/y", &none());
        assert!(!out.contains("<script"), "{out}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
        assert!(out.contains("alert(2)"));
    }

    #[test]
    fn event_handler_attributes_never_become_markup() {
        let out = render("<img src=x onerror=\"alert(1)\">\n\nA <img src=x onerror=alert(1)> inline.", "/p", &none());
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;img src=x onerror="), "{out}");
    }

    #[test]
    fn javascript_and_data_links_lose_their_link_but_keep_their_text() {
        let out = render(
            "[click](javascript:alert(1)) [caps](JaVaScRiPt:alert(1)) [data](data:text/html,hi) [ok](https://example.org/a) [rel](../b#c)",
            "/p",
            &none(),
        );
        assert!(!out.to_lowercase().contains("javascript:"), "{out}");
        assert!(!out.contains("data:text"), "{out}");
        assert!(out.contains("click") && out.contains("caps") && out.contains("data"));
        assert!(out.contains("<a href=\"https://example.org/a\">ok</a>"), "{out}");
        assert!(out.contains("<a href=\"../b#c\">rel</a>"), "{out}");
    }

    #[test]
    fn images_are_not_loaded() {
        let out = render("![chart](https://example.org/c.png) ![x](javascript:alert(1))", "/p", &none());
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("<a href=\"https://example.org/c.png\">Image: chart</a>"), "{out}");
        assert!(!out.contains("javascript"), "{out}");
    }

    #[test]
    fn headings_move_up_a_level_and_carry_anchor_links() {
        let out = render("### Who attends {#who}\n\n#### Detail {#detail}\n\ntext", "/base/a/alpha/one", &none());
        assert!(
            out.contains("<h2 id=\"who\">Who attends <a class=\"anchor\" href=\"/base/a/alpha/one#who\">"),
            "{out}"
        );
        assert!(out.contains("<h3 id=\"detail\">Detail"), "{out}");
        assert!(out.contains("</a></h2>"), "{out}");
    }

    #[test]
    fn hostile_heading_ids_and_urls_are_escaped() {
        let out = render("### Hi {#a\"onmouseover=x}\n", "/p\"><script>", &none());
        assert!(!out.contains("<script>"), "{out}");
        assert!(!out.contains("\"onmouseover"), "{out}");
    }

    #[test]
    fn note_paragraphs_are_marked() {
        let out = render("**Note:** the source is unclear.\n\n**Notes** are different.\n\nPlain.", "/p", &none());
        assert!(out.contains("<p class=\"note\"><strong>Note:</strong> the source is unclear.</p>"), "{out}");
        assert!(out.contains("<p><strong>Notes</strong> are different.</p>"), "{out}");
        assert!(out.contains("<p>Plain.</p>"), "{out}");
    }

    #[test]
    fn destinations_are_classified() {
        for ok in ["https://x.org", "HTTP://x.org", "../a", "a/b:c", "#frag", "?q=1", "section"] {
            assert!(is_safe_destination(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " javascript:x",
            "vbscript:x",
            "data:x",
            "mailto:a@b",
            "//evil.org/x",
            "file:///etc",
        ] {
            assert!(!is_safe_destination(bad), "{bad}");
        }
    }

    #[test]
    fn faults_lists_raw_html_and_unsafe_links() {
        let found = faults("ok <b>bold</b>\n\n[x](javascript:y)\n\n<!-- note -->\n");
        assert!(found.contains(&Fault::RawHtml("<b>".into())), "{found:?}");
        assert!(found.contains(&Fault::UnsafeLink("javascript:y".into())), "{found:?}");
        assert!(found.iter().any(|f| matches!(f, Fault::RawHtml(h) if h.starts_with("<!--"))), "{found:?}");
        assert!(faults("plain **text** and [link](https://a.org)").is_empty());
    }
}
