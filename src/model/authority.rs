//! `authority.json`: who publishes a procedure, what the document is, its dates, its scope and its sections.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::PartialDate;

/// One authority's `authority.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// The stable id used in URLs and folder names, e.g. `north-town`.
    pub slug: String,
    /// The council's full name.
    pub name: String,
    /// The short name used in headings and lists.
    pub short_name: String,
    /// The id of the English region the authority is in (one of `content/site.json`'s `regions`), which groups it
    /// on the start page.
    pub region: String,
    /// The source document.
    pub document: Document,
    /// The dates the source itself states (none when it states none).
    pub dates: Vec<StatedDate>,
    /// The day this restatement was last checked against the source, paragraph by paragraph.
    #[serde(with = "super::dates::day")]
    pub checked_on: NaiveDate,
    /// Where the source can be read on the web: only an address the source itself gives, or one marked as
    /// verified; none otherwise (never a guessed address).
    #[serde(default)]
    pub web_address: Option<WebAddress>,
    /// The authority whose guidance this one says it is based on, if any.
    pub based_on: Option<BasedOn>,
    /// Whom the procedure covers and whom it does not.
    pub scope: Scope,
    /// Other procedures and manuals the source points to.
    pub related: Vec<Related>,
    /// The source's own sections, in source order.
    pub sections: Vec<SectionEntry>,
    /// The authority's own names for things.
    pub vocabulary: Vocabulary,
}

/// What an authority calls the plan, the review meeting, its step-down service and its record system, and its teams.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Its name for the plan.
    pub plan: Option<String>,
    /// Its name for the review meeting.
    pub review_meeting: Option<String>,
    /// The service a case steps down to.
    pub step_down_service: Option<String>,
    /// Its case-record system.
    pub record_system: Option<String>,
    /// The teams its rules depend on.
    #[serde(default)]
    pub teams: Vec<Team>,
}

/// A team an authority's rules depend on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// The stable id used in the wizard's `team` answer.
    pub id: String,
    /// The authority's name for it.
    pub name: String,
}

/// The source document's identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document's own title, without its number.
    pub title: String,
    /// Its chapter or procedure number as printed, if it has one.
    pub number: Option<String>,
    /// What the number is called ("Chapter", "Procedure number").
    pub number_label: Option<String>,
    /// The manual the document belongs to, where the source names it.
    pub manual: Option<String>,
    /// The service the source names, where it names one.
    pub service: Option<String>,
}

impl Document {
    /// The number with its label, e.g. "Chapter 2.1", if the document has a number.
    pub fn numbered(&self) -> Option<String> {
        let number = self.number.as_deref()?;
        Some(match self.number_label.as_deref() {
            Some(label) => format!("{label} {number}"),
            None => number.to_owned(),
        })
    }
}

/// Where a source can be read on the web, and why the address can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebAddress {
    /// The address, starting `https://`.
    pub url: String,
    /// The source itself gives this address.
    #[serde(default)]
    pub given_in_source: bool,
    /// The day someone opened the address and found the source there, if anyone has.
    #[serde(default, with = "super::dates::day::optional")]
    pub verified_on: Option<NaiveDate>,
}

/// What a stated date records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The document was amended.
    Amended,
    /// The document was updated.
    Updated,
    /// The document was last reviewed.
    LastReviewed,
    /// The document's next review was due.
    NextReviewDue,
}

impl DateKind {
    /// The label shown before the date.
    pub fn label(self) -> &'static str {
        match self {
            DateKind::Amended => "Amended",
            DateKind::Updated => "Updated",
            DateKind::LastReviewed => "Last reviewed",
            DateKind::NextReviewDue => "Next review due",
        }
    }
}

/// A date the source states about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedDate {
    /// What the date records.
    pub kind: DateKind,
    /// The date, to the precision the source gives.
    pub date: PartialDate,
    /// What the source says about it, in the project's words.
    pub note: Option<String>,
}

/// The authority whose guidance a procedure says it is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasedOn {
    /// The other authority's slug.
    pub slug: String,
    /// What the source says about it.
    pub note: String,
}

/// Whom a procedure covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Whom the chapter covers, in the project's words.
    pub summary: String,
    /// The children or plans the chapter says it does not apply to.
    pub excludes: Vec<String>,
    /// The sections where scope is stated.
    pub cites: Vec<String>,
}

/// Another procedure, manual or guidance the source points to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    /// Its title, as the source names it.
    pub title: String,
    /// What the source sends the reader there for.
    pub why: String,
    /// The sections that mention it.
    pub cites: Vec<String>,
}

/// One of the source's own sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    /// The stable, URL-safe id.
    pub id: String,
    /// The source's number for it, where it has one.
    pub number: Option<String>,
    /// The source's heading.
    pub title: String,
}

impl SectionEntry {
    /// The heading with its number, e.g. "3. Reviews of Child in Need Plans".
    pub fn numbered_title(&self) -> String {
        match &self.number {
            Some(n) => format!("{n}. {}", self.title),
            None => self.title.clone(),
        }
    }
}
