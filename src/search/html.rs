//! A section's HTML as plain text, cut at its headings: the text before the first heading, then each heading with
//! its id, title and text.

/// A piece of a section: under a heading (`id` and `title`), or before the first one (`id` empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Part {
    /// The heading's id.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// The text under it, up to the next heading.
    pub text: String,
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The value of `name="…"` in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')? + at;
    Some(decode(&tag[at..end]))
}

/// Splits HTML into the text before the first heading and each heading's part; tags become spaces.
pub fn parts(html: &str) -> Vec<Part> {
    let mut out = vec![Part::default()];
    let mut in_heading = false;
    // Inside a heading's own "link to this heading" anchor, whose words are not the heading's.
    let mut in_anchor = false;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = decode(&rest[..open]);
        let part = out.last_mut().expect("there is always a part");
        if !in_anchor {
            if in_heading { &mut part.title } else { &mut part.text }.push_str(&text);
        }
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if name == "a" {
            in_anchor = !tag.starts_with('/') && attribute(tag, "class").as_deref() == Some("anchor");
        }
        if heading && !tag.starts_with('/') {
            out.push(Part { id: attribute(tag, "id").unwrap_or_default(), ..Part::default() });
            in_heading = true;
        } else if heading {
            in_heading = false;
        } else {
            let part = out.last_mut().expect("there is always a part");
            if in_heading { &mut part.title } else { &mut part.text }.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    let part = out.last_mut().expect("there is always a part");
    part.text.push_str(&decode(rest));
    for p in &mut out {
        p.text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        p.title = p.title.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_cut_at_its_headings() {
        let html = "<p>Intro &amp; <a href=\"glossary/tac\">TAC</a>.</p><h3 id=\"agenda\">The <em>agenda</em> <a class=\"anchor\" href=\"#agenda\">Link #</a></h3>\
                    <ul><li>One</li><li>Two</li></ul><h4 id=\"close\">Closing</h4><p>Bye &lt;3</p>";
        let p = parts(html);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], Part { id: String::new(), title: String::new(), text: "Intro & TAC .".into() });
        assert_eq!((p[1].id.as_str(), p[1].title.as_str(), p[1].text.as_str()), ("agenda", "The agenda", "One Two"));
        assert_eq!((p[2].id.as_str(), p[2].text.as_str()), ("close", "Bye <3"));
    }
}
