//! The content model: plain serde types for `content/`, the loaders that parse each file, and the
//! validation that every authority's content must pass.

mod authority;
mod catalogue;
mod changes;
mod dates;
mod describe;
mod glossary;
mod listing;
mod load;
mod procedure;
mod published;
pub mod questions;
mod rulebook;
mod rules;
mod site;
mod validate;
mod validate_rules;
mod vocab;

pub use authority::{
    Authority, BasedOn, DateKind, Document, Related, Scope, SectionEntry, StatedDate, Team, Vocabulary, WebAddress,
};
pub use catalogue::{page_title, Book, Catalogue};
pub use changes::{changes_path, parse_changes, validate_changes, Change};
pub use dates::{PartialDate, ReviewState, MONTHS};
pub use describe::{describe_brief, describe_conditions, describe_value, describe_when, role_label};
pub use glossary::{a_to_z, validate_glossary, Found, Term, TermFinder};
pub use listing::{by_region, sorted_by, ListedDate, Listing, RegionGroup};
#[cfg(test)]
pub(crate) use load::content_topics;
pub use load::{
    parse_authority, parse_glossary, parse_index, parse_json, parse_procedure, parse_roles, parse_rules, parse_topics,
    LoadError,
};
pub use procedure::{Heading, Neighbours, Procedure, Section};
pub use published::{
    data_cases_path, data_path, AuthorityData, DATA_AUTHORITIES, DATA_CATALOGUE, DATA_GLOSSARY, DATA_ROLES, DATA_RULES,
    DATA_TOPICS,
};
pub use rulebook::{by_group, rules_citing, sections_on, topic, topics_citing, TopicRules};
pub use rules::{Outcome, Plan, Reading, Rule, SameMeeting, Status, Unit, Value};
pub use site::{parse_site, validate_region, validate_site, Region, Site, DATA_SITE, SITE_PATH};
pub use validate::{
    is_safe_key, is_url_safe_id, markup_in_json, validate_authority, validate_index, Problem, RESERVED_SECTION_IDS,
};
pub use validate_rules::{most, validate_rules, Vocabularies};

/// The path of the list of authority slugs, relative to the project root.
pub const INDEX_PATH: &str = "content/authorities.json";

/// The path of an authority's `authority.json`, relative to the project root.
pub fn authority_path(slug: &str) -> String {
    format!("content/authorities/{slug}/authority.json")
}

/// The path of an authority's `procedure.md`, relative to the project root.
pub fn procedure_path(slug: &str) -> String {
    format!("content/authorities/{slug}/procedure.md")
}
pub use vocab::{
    event_phrase, group_label, is_outcome, is_timescale, meeting_name, met_by, outcome_phrase, validate_roles,
    validate_topics, NextFor, Role, Topic, EVENTS, GROUPS, OUTCOMES,
};

/// The path of the glossary, relative to the project root.
pub const GLOSSARY_PATH: &str = "content/glossary.json";

/// The path of the rule topics, relative to the project root.
pub const TOPICS_PATH: &str = "content/topics.json";

/// The path of the roles vocabulary, relative to the project root.
pub const ROLES_PATH: &str = "content/roles.json";

/// The path of an authority's `rules.json`, relative to the project root.
pub fn rules_path(slug: &str) -> String {
    format!("content/authorities/{slug}/rules.json")
}

/// The path of an authority's worked cases, `cases.json`, relative to the project root.
pub fn cases_path(slug: &str) -> String {
    format!("content/authorities/{slug}/cases.json")
}
