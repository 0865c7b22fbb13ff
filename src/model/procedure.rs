//! `procedure.md`: the procedure in the project's own words, split into the source's sections.
//!
//! Each section starts with `## Title {#id}`; its first paragraph is one `Source: …` line naming the
//! source paragraphs it covers. Headings inside a section (`###`, `####`) carry their own `{#id}`.
//!
//! The published data carries each section with its body rendered to HTML instead of its Markdown.

use serde::{Deserialize, Serialize};

/// A heading inside a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// The Markdown level (3 or 4).
    pub level: u8,
    /// The stable, URL-safe id.
    pub id: String,
    /// The heading text.
    pub title: String,
}

/// One section of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The stable, URL-safe id.
    pub id: String,
    /// The heading text.
    pub title: String,
    /// The source paragraphs the section covers, e.g. "paragraphs 1.1–1.8."
    pub source: String,
    /// The Markdown after the `Source:` line (in `content/` only; not published).
    #[serde(skip)]
    pub body: String,
    /// The headings inside the section, in order.
    pub headings: Vec<Heading>,
    /// The body rendered to safe HTML (in the published data; empty when read from `content/`).
    #[serde(default)]
    pub html: String,
    /// The line of `procedure.md` the section starts on (1-based; 0 in the published data).
    #[serde(skip)]
    pub line: usize,
}

impl Section {
    /// The body as HTML: the publish step rendered it from content with the safe Markdown renderer.
    pub fn body_html(&self) -> crate::html::Html {
        crate::html::Html::trusted(self.html.clone())
    }
}

/// A whole `procedure.md`, split into sections.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Procedure {
    /// The sections in document order.
    pub sections: Vec<Section>,
}

/// A section with the sections before and after it, for previous/next navigation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbours<'a> {
    /// The section itself.
    pub current: &'a Section,
    /// The section before it, if any.
    pub previous: Option<&'a Section>,
    /// The section after it, if any.
    pub next: Option<&'a Section>,
}

impl Procedure {
    /// The index of the section with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// The section with this id and its neighbours.
    pub fn neighbours(&self, id: &str) -> Option<Neighbours<'_>> {
        let index = self.position(id)?;
        Some(Neighbours {
            current: &self.sections[index],
            previous: index.checked_sub(1).map(|i| &self.sections[i]),
            next: self.sections.get(index + 1),
        })
    }
}

/// A structural fault found while splitting a file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SplitError {
    pub line: usize,
    pub message: String,
}

/// Splits a `# Heading {#id}` line into its level, title and id; `None` for a line that is not an ATX heading.
fn heading(line: &str) -> Option<(u8, &str, Option<&str>)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 || !line[hashes..].starts_with(' ') {
        return None;
    }
    let text = line[hashes..].trim();
    let (title, id) = match text.strip_suffix('}').and_then(|t| t.rsplit_once("{#")) {
        Some((title, id)) => (title.trim_end(), Some(id)),
        None => (text, None),
    };
    Some((hashes as u8, title, id))
}

fn is_fence(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with("```") || trimmed.starts_with("~~~")
}

pub(super) fn split(text: &str) -> Result<Procedure, SplitError> {
    let mut sections: Vec<Section> = Vec::new();
    let mut fence_from: Option<usize> = None;
    let mut awaiting_source = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let fail = |message: String| SplitError { line: line_no, message };
        if is_fence(raw) {
            fence_from = if fence_from.is_some() { None } else { Some(line_no) };
        }
        let parsed = if fence_from.is_some() { None } else { heading(raw) };
        match parsed {
            Some((2, title, id)) => {
                let id = id.ok_or_else(|| fail(format!("section heading \"{title}\" has no {{#id}}")))?;
                if awaiting_source {
                    return Err(fail("the previous section has no \"Source:\" line".into()));
                }
                sections.push(Section {
                    id: id.to_owned(),
                    title: title.to_owned(),
                    source: String::new(),
                    body: String::new(),
                    headings: Vec::new(),
                    html: String::new(),
                    line: line_no,
                });
                awaiting_source = true;
            }
            Some((1, title, _)) => {
                return Err(fail(format!("level-1 heading \"{title}\": sections start with ##")));
            }
            Some((level, title, id)) => {
                let section =
                    sections.last_mut().ok_or_else(|| fail("a heading before the first ## section".into()))?;
                if awaiting_source {
                    return Err(fail(format!("section \"{}\" must start with a \"Source:\" line", section.title)));
                }
                let id = id.ok_or_else(|| fail(format!("heading \"{title}\" has no {{#id}}")))?;
                section.headings.push(Heading { level, id: id.to_owned(), title: title.to_owned() });
                section.body.push_str(raw);
                section.body.push('\n');
            }
            None => match sections.last_mut() {
                None if raw.trim().is_empty() => {}
                None => return Err(fail("text before the first ## section".into())),
                Some(section) if awaiting_source => {
                    if raw.trim().is_empty() {
                        continue;
                    }
                    let source = raw.trim().strip_prefix("Source:").map(str::trim);
                    match source {
                        Some(s) if !s.is_empty() => section.source = s.to_owned(),
                        _ => {
                            return Err(fail(format!(
                                "section \"{}\" must start with a \"Source:\" line",
                                section.title
                            )))
                        }
                    }
                    awaiting_source = false;
                }
                Some(section) => {
                    section.body.push_str(raw);
                    section.body.push('\n');
                }
            },
        }
    }
    if let Some(line) = fence_from {
        let message = "this code fence (``` or ~~~) is never closed: every line after it would be shown as code, \
                       headings included; close it with a matching line";
        return Err(SplitError { line, message: message.into() });
    }
    if awaiting_source {
        let line = sections.last().map_or(1, |s| s.line);
        return Err(SplitError { line, message: "the last section has no \"Source:\" line".into() });
    }
    for section in &mut sections {
        section.body = section.body.trim().to_owned();
    }
    Ok(Procedure { sections })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\n## Planning {#planning}\n\nSource: paragraphs 1.1–1.2.\n\n**1.1** Meet.\n\n### Who comes {#who}\n\n- The child.\n\n```\n## not a heading\n```\n\n## Reviews {#reviews}\nSource: 3.1.\n\nReview.\n";

    #[test]
    fn neighbours_at_the_ends_and_in_the_middle() {
        let text = "## A {#a}\nSource: 1\n\nx\n\n## B {#b}\nSource: 2\n\ny\n\n## C {#c}\nSource: 3\n\nz\n";
        let p = split(text).unwrap();
        let first = p.neighbours("a").unwrap();
        assert_eq!((first.previous.map(|s| s.id.as_str()), first.next.map(|s| s.id.as_str())), (None, Some("b")));
        let middle = p.neighbours("b").unwrap();
        assert_eq!((middle.previous.unwrap().id.as_str(), middle.next.unwrap().id.as_str()), ("a", "c"));
        let last = p.neighbours("c").unwrap();
        assert_eq!((last.previous.map(|s| s.id.as_str()), last.next.map(|s| s.id.as_str())), (Some("b"), None));
        assert!(p.neighbours("d").is_none());
    }

    #[test]
    fn splits_sections_with_source_lines_and_headings() {
        let p = split(SAMPLE).unwrap();
        assert_eq!(p.sections.len(), 2);
        let first = &p.sections[0];
        assert_eq!((first.id.as_str(), first.title.as_str()), ("planning", "Planning"));
        assert_eq!(first.source, "paragraphs 1.1–1.2.");
        assert_eq!(first.headings, vec![Heading { level: 3, id: "who".into(), title: "Who comes".into() }]);
        assert!(first.body.starts_with("**1.1** Meet."));
        assert!(first.body.contains("## not a heading"), "fenced lines are body text");
        assert_eq!(p.sections[1].source, "3.1.");
        assert_eq!(p.sections[1].body, "Review.");
        assert_eq!(p.position("reviews"), Some(1));
        assert_eq!(p.position("missing"), None);
    }

    #[test]
    fn reports_structural_faults_with_their_line() {
        let cases = [
            ("## Plan\n\nSource: x\n", 1, "has no {#id}"),
            ("## Plan {#plan}\n\nText first.\n", 3, "Source:"),
            ("## Plan {#plan}\n", 1, "no \"Source:\" line"),
            ("Preamble\n## Plan {#plan}\nSource: x\n", 1, "before the first"),
            ("## Plan {#plan}\nSource: x\n### Sub\n", 3, "has no {#id}"),
            ("# Title {#t}\n", 1, "level-1"),
            ("## A {#a}\n## B {#b}\nSource: x\n", 2, "previous section"),
            ("## A {#a}\nSource:   \n", 2, "Source:"),
            (
                "## A {#a}\nSource: x\n\n```\ncode\n```\n\n~~~\n## B {#b}\nSource: y\n",
                8,
                "code fence (``` or ~~~) is never closed",
            ),
        ];
        for (text, line, needle) in cases {
            let err = split(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}");
            assert!(err.message.contains(needle), "{text:?}: {}", err.message);
        }
    }

    #[test]
    fn a_hash_without_space_is_not_a_heading() {
        let p = split("## A {#a}\nSource: x\n\n#hashtag text\n").unwrap();
        assert_eq!(p.sections[0].body, "#hashtag text");
        assert!(p.sections[0].headings.is_empty());
    }
}
