//! The content model: plain serde types for `content/`, the loaders that parse each file, and the
//! validation that every authority's content must pass.

mod authority;
mod catalogue;
mod dates;
mod load;
mod procedure;
mod validate;

pub use authority::{Authority, BasedOn, DateKind, Document, Related, Scope, SectionEntry, StatedDate};
pub use catalogue::{page_title, Catalogue, Neighbours};
pub use dates::{PartialDate, ReviewState};
pub use load::{parse_authority, parse_index, parse_procedure, LoadError};
pub use procedure::{Heading, Procedure, Section};
pub use validate::{is_url_safe_id, validate_authority, validate_index, Problem};

/// The path of the list of authority slugs, relative to the site root.
pub const INDEX_PATH: &str = "content/authorities.json";

/// The path of an authority's `authority.json`, relative to the site root.
pub fn authority_path(slug: &str) -> String {
    format!("content/authorities/{slug}/authority.json")
}

/// The path of an authority's `procedure.md`, relative to the site root.
pub fn procedure_path(slug: &str) -> String {
    format!("content/authorities/{slug}/procedure.md")
}
