//! The catalogue's entry for one authority: only what the start page and the links between pages show (published
//! as `data/catalogue.json`, the one authority file the first view loads), the filter over names and the grouping
//! by region.

use serde::{Deserialize, Serialize};

use super::authority::{Authority, DateKind, Document};
use super::dates::PartialDate;
use super::site::Region;

/// One authority as the start page lists it: its names, region, document and stated dates. The rest of its
/// `authority.json` loads with its own pages (`data/{slug}.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// The stable id used in URLs.
    pub slug: String,
    /// The council's full name.
    pub name: String,
    /// The short name used in headings and lists.
    pub short_name: String,
    /// The id of the English region it is in.
    pub region: String,
    /// The source document.
    pub document: Document,
    /// The dates the source states, without their notes.
    pub dates: Vec<ListedDate>,
    /// The slug of the authority whose guidance this one says it is based on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
}

/// A date the source states, as the start page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedDate {
    /// What the date records.
    pub kind: DateKind,
    /// The date, to the precision the source gives.
    pub date: PartialDate,
}

impl Listing {
    /// The entry for an authority.
    pub fn of(authority: &Authority) -> Listing {
        Listing {
            slug: authority.slug.clone(),
            name: authority.name.clone(),
            short_name: authority.short_name.clone(),
            region: authority.region.clone(),
            document: authority.document.clone(),
            dates: authority.dates.iter().map(|d| ListedDate { kind: d.kind, date: d.date }).collect(),
            based_on: authority.based_on.as_ref().map(|b| b.slug.clone()),
        }
    }

    /// Whether the name or the short name contains what was typed in a filter, ignoring case, punctuation and
    /// spacing ("&" reads as "and"). An empty filter matches every authority.
    pub fn matches(&self, filter: &str) -> bool {
        let filter = folded(filter);
        filter.is_empty() || folded(&self.name).contains(&filter) || folded(&self.short_name).contains(&filter)
    }
}

/// Text lowercased, "&" read as "and", and every run of spaces and punctuation made one space.
fn folded(text: &str) -> String {
    let text = text.to_lowercase().replace('&', " and ");
    let apart = |c: char| c.is_ascii_punctuation() || c.is_whitespace() || matches!(c, '‘' | '’' | '–' | '—');
    text.split(apart).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The listings in order of `key` (stable: equal keys keep their order), by insertion, which adds far less to the
/// download than a general sort.
pub fn sorted_by<'a>(listings: impl IntoIterator<Item = &'a Listing>, key: fn(&Listing) -> &str) -> Vec<&'a Listing> {
    let mut out: Vec<&Listing> = Vec::new();
    for listing in listings {
        let at = out.partition_point(|l| key(l) <= key(listing));
        out.insert(at, listing);
    }
    out
}

/// The authorities of one region that a filter matched, by name.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionGroup<'a> {
    /// The region.
    pub region: &'a Region,
    /// Its authorities the filter matched, sorted by name.
    pub authorities: Vec<&'a Listing>,
}

/// The authorities a filter matches, grouped by region in the order of `regions`, each group sorted by name; a
/// region none of them is in is left out (and so is an authority in none of `regions`, which validation refuses).
pub fn by_region<'a>(listings: &'a [Listing], regions: &'a [Region], filter: &str) -> Vec<RegionGroup<'a>> {
    regions
        .iter()
        .map(|region| {
            let matched = listings.iter().filter(|l| l.region == region.id && l.matches(filter));
            RegionGroup { region, authorities: sorted_by(matched, |l| &l.name) }
        })
        .filter(|g| !g.authorities.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_authority;

    fn listing(name: &str, short: &str, region: &str) -> Listing {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        Listing { name: name.into(), short_name: short.into(), region: region.into(), ..Listing::of(&a) }
    }

    fn regions() -> Vec<Region> {
        ["north", "middle", "south"].map(|id| Region { id: id.into(), name: id.to_uppercase() }).to_vec()
    }

    fn names<'a>(groups: &[RegionGroup<'a>]) -> Vec<(&'a str, Vec<&'a str>)> {
        groups.iter().map(|g| (g.region.id.as_str(), g.authorities.iter().map(|a| a.name.as_str()).collect())).collect()
    }

    #[test]
    fn an_entry_keeps_what_the_start_page_shows_and_drops_the_rest() {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let l = Listing::of(&a);
        assert_eq!(
            (l.slug.as_str(), l.name.as_str(), l.region.as_str()),
            ("minimal", "Minimal Test Council", "north_east")
        );
        assert_eq!(l.document, a.document);
        assert_eq!(l.dates.len(), a.dates.len());
        let json = serde_json::to_string(&l).unwrap();
        assert!(!json.contains("sections") && !json.contains("scope") && !json.contains("note"), "{json}");
        assert_eq!(serde_json::from_str::<Listing>(&json).unwrap(), l);
    }

    #[test]
    fn the_filter_reads_names_and_short_names_whatever_the_case_and_punctuation() {
        let l = listing("Northam & Southby City Council", "Northam & Southby", "south");
        for typed in ["", "  ", "northam", "SOUTHBY CITY", "northam and southby", "Northam &Southby", "ham & s"] {
            assert!(l.matches(typed), "{typed:?}");
        }
        for typed in ["eastwick", "northamsouthby", "council northam"] {
            assert!(!l.matches(typed), "{typed:?}");
        }
        assert!(listing("North Town Council", "Northtown", "north").matches("northtown"));
    }

    #[test]
    fn groups_follow_the_regions_order_sorted_by_name_and_leave_out_empty_regions() {
        let all = [
            listing("Zeta Council", "Zeta", "south"),
            listing("Beta Council", "Beta", "north"),
            listing("Alpha Council", "Alpha", "north"),
            listing("Gamma Council", "Gamma", "elsewhere"),
        ];
        let regions = regions();
        assert_eq!(
            names(&by_region(&all, &regions, "")),
            vec![("north", vec!["Alpha Council", "Beta Council"]), ("south", vec!["Zeta Council"])]
        );
        assert_eq!(
            names(&by_region(&all, &regions, "ta co")),
            vec![("north", vec!["Beta Council"]), ("south", vec!["Zeta Council"])]
        );
        assert!(by_region(&all, &regions, "nowhere").is_empty());
    }

    #[test]
    fn sorting_by_a_key_keeps_equal_keys_in_their_order() {
        let all = [
            listing("Beta Council", "B", "north"),
            listing("Alpha Council", "A2", "north"),
            listing("Gamma Council", "C", "north"),
            listing("Alpha Council", "A1", "north"),
        ];
        let shorts: Vec<&str> = sorted_by(&all, |l| &l.name).iter().map(|l| l.short_name.as_str()).collect();
        assert_eq!(shorts, ["A2", "A1", "B", "C"]);
    }
}
