//! The loaded content as the site uses it: every listed authority, and one authority's procedure.

use super::authority::Authority;
use super::procedure::{Procedure, Section};
use super::rules::Rule;
use super::vocab::{Role, Topic};

/// Everything loaded for one authority's pages: its procedure, its rules and the shared vocabularies.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    /// The procedure, by section.
    pub procedure: Procedure,
    /// The typed rules.
    pub rules: Vec<Rule>,
    /// Every topic.
    pub topics: Vec<Topic>,
    /// Every role.
    pub roles: Vec<Role>,
}

/// Every authority listed in `content/authorities.json`, in display order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalogue {
    /// The authorities, in display order.
    pub authorities: Vec<Authority>,
}

impl Catalogue {
    /// The authority with this slug.
    pub fn find(&self, slug: &str) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.slug == slug)
    }

    /// The name of the authority with this slug, for "based on" links.
    pub fn name_of(&self, slug: &str) -> Option<&str> {
        self.find(slug).map(|a| a.name.as_str())
    }
}

/// A section with the sections before and after it, for previous/next navigation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbours<'a> {
    /// The section itself.
    pub current: &'a Section,
    /// Its 0-based position.
    pub index: usize,
    /// The section before it, if any.
    pub previous: Option<&'a Section>,
    /// The section after it, if any.
    pub next: Option<&'a Section>,
}

impl Procedure {
    /// The section with this id and its neighbours.
    pub fn neighbours(&self, id: &str) -> Option<Neighbours<'_>> {
        let index = self.position(id)?;
        Some(Neighbours {
            current: &self.sections[index],
            index,
            previous: index.checked_sub(1).map(|i| &self.sections[i]),
            next: self.sections.get(index + 1),
        })
    }
}

/// The text of a page's `<title>`: the most specific part first, then the site's name.
pub fn page_title(parts: &[&str]) -> String {
    parts.iter().copied().filter(|p| !p.is_empty()).chain(["CIN Procedure Explorer"]).collect::<Vec<_>>().join(" – ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_procedure};

    #[test]
    fn neighbours_at_the_ends_and_in_the_middle() {
        let text = "## A {#a}\nSource: 1\n\nx\n\n## B {#b}\nSource: 2\n\ny\n\n## C {#c}\nSource: 3\n\nz\n";
        let p = parse_procedure("t", text).unwrap();
        let first = p.neighbours("a").unwrap();
        assert_eq!(
            (first.index, first.previous.map(|s| s.id.as_str()), first.next.map(|s| s.id.as_str())),
            (0, None, Some("b"))
        );
        let middle = p.neighbours("b").unwrap();
        assert_eq!((middle.previous.unwrap().id.as_str(), middle.next.unwrap().id.as_str()), ("a", "c"));
        let last = p.neighbours("c").unwrap();
        assert_eq!((last.previous.map(|s| s.id.as_str()), last.next.map(|s| s.id.as_str())), (Some("b"), None));
        assert!(p.neighbours("d").is_none());
    }

    #[test]
    fn catalogue_finds_by_slug() {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let c = Catalogue { authorities: vec![a] };
        assert_eq!(c.name_of("minimal"), Some("Minimal Test Council"));
        assert!(c.find("york").is_none());
    }

    #[test]
    fn titles_name_the_most_specific_thing_first() {
        assert_eq!(page_title(&["Reviews", "York"]), "Reviews – York – CIN Procedure Explorer");
        assert_eq!(page_title(&[]), "CIN Procedure Explorer");
        assert_eq!(page_title(&["", "York"]), "York – CIN Procedure Explorer");
    }
}
