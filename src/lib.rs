//! CIN Procedure Explorer: English councils' Child in Need planning and review procedures as sourced,
//! navigable content.
//!
//! Everything outside [`ui`] is plain Rust with no browser dependency: the content model and its
//! validation ([`model`]), the working-day calendar ([`calendar`]), a case's deadlines ([`timeline`]), the wizard's flow ([`wizard`]), HTML for read-only views ([`render`]), the safe Markdown renderer ([`markdown`]) and the build step that publishes the
//! data the site reads ([`publish`]), and the page's Content Security Policy and the hosting headers it writes
//! beside the site ([`csp`], [`hosting`]). [`ui`] renders what they compute.

pub mod background;
pub mod calendar;
pub mod compare;
pub mod compress;
pub mod csp;
pub mod fnv;
pub mod hosting;
pub mod html;
pub mod markdown;
pub mod model;
pub mod offline;
pub mod pages;
pub mod prefs;
pub mod prerender;
pub mod publish;
pub mod query;
pub mod render;
pub mod search;
pub mod startup;
pub mod timeline;
pub mod training;
pub mod ui;
pub mod wizard;
