//! The published data (DESIGN §4): the files the built site serves under `data/`, which the site itself reads
//! and others may reuse. Their shape is documented in the README and is a stable interface.

use serde::{Deserialize, Serialize};

use super::authority::Authority;
use super::changes::Change;
use super::procedure::Section;
use super::rules::Rule;

/// Every authority's `authority.json`, in display order.
pub const DATA_AUTHORITIES: &str = "data/authorities.json";

/// Every authority's entry on the start page ([`super::Listing`]: names, region, document, stated dates), in
/// display order: the one authority file the first view loads.
pub const DATA_CATALOGUE: &str = "data/catalogue.json";

/// The rule topics, as in `content/topics.json`.
pub const DATA_TOPICS: &str = "data/topics.json";

/// The roles, as in `content/roles.json`.
pub const DATA_ROLES: &str = "data/roles.json";

/// The glossary, with the authorities that use each term.
pub const DATA_GLOSSARY: &str = "data/glossary.json";

/// Every authority's rules alone, by slug (each as in its `rules.json`), in one file: the comparison loads this, not
/// the procedures' text.
pub const DATA_RULES: &str = "data/rules.json";

/// The path of one authority's published data.
pub fn data_path(slug: &str) -> String {
    format!("data/{slug}.json")
}

/// The path of one authority's published worked cases, which only the training pages load.
pub fn data_cases_path(slug: &str) -> String {
    format!("data/cases/{slug}.json")
}

/// One authority's published data: its `authority.json`, its sections with their text as HTML, its rules and
/// its change log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityData {
    /// The authority, as in its `authority.json`.
    pub authority: Authority,
    /// Its procedure's sections in source order.
    pub sections: Vec<Section>,
    /// Its rules, as in its `rules.json`.
    pub rules: Vec<Rule>,
    /// What changed in its restatement and when, newest first, as in its `changes.json`.
    pub changes: Vec<Change>,
}
