//! Pages as [`Html`], built by pure functions: every piece of text is escaped on its way into a template. Read-only views are
//! made here rather than as Leptos components because string building is far smaller in the download than the
//! generic view code each component brings; links are relative to the site's base and the router follows them.

pub mod action;
pub mod authority;
pub mod compare;
pub mod deadlines;
pub mod frame;
pub mod glossary;
pub mod highlight;
pub mod rule_card;
pub mod search;
pub mod section;
pub mod start;
pub mod training;
pub mod trust;
pub mod wizard;

use crate::html::Html;

/// A page made whole, as the background worker answers it: its title and its HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The document's title.
    pub title: String,
    /// The page's HTML.
    pub html: Html,
}
