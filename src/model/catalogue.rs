//! The loaded content as the site uses it: every listed authority, and one authority's procedure.

use super::changes::Change;
use super::listing::Listing;
use super::procedure::Procedure;
use super::rules::Rule;
use super::site::Site;
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
    /// What changed in the restatement and when, newest first.
    pub changes: Vec<Change>,
}

/// Every authority listed in `content/authorities.json`, in display order, as the start page lists it, and the
/// site's settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalogue {
    /// The authorities, in display order.
    pub authorities: Vec<Listing>,
    /// The site's settings (where problems are reported).
    pub site: Site,
}

impl Catalogue {
    /// The authority with this slug.
    pub fn find(&self, slug: &str) -> Option<&Listing> {
        self.authorities.iter().find(|a| a.slug == slug)
    }

    /// The name of the authority with this slug, for "based on" links.
    pub fn name_of(&self, slug: &str) -> Option<&str> {
        self.find(slug).map(|a| a.name.as_str())
    }
}

/// The text of a page's `<title>`: the most specific part first, then the site's name.
pub fn page_title(parts: &[&str]) -> String {
    parts.iter().copied().filter(|p| !p.is_empty()).chain(["CIN Procedure Explorer"]).collect::<Vec<_>>().join(" – ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;

    #[test]
    fn catalogue_finds_by_slug() {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let c = Catalogue { authorities: vec![Listing::of(&a)], ..Catalogue::default() };
        assert_eq!(c.name_of("minimal"), Some("Minimal Test Council"));
        assert!(c.find("elsewhere").is_none());
    }

    #[test]
    fn titles_name_the_most_specific_thing_first() {
        assert_eq!(page_title(&["Reviews", "Minimal"]), "Reviews – Minimal – CIN Procedure Explorer");
        assert_eq!(page_title(&[]), "CIN Procedure Explorer");
        assert_eq!(page_title(&["", "Minimal"]), "Minimal – CIN Procedure Explorer");
    }
}
