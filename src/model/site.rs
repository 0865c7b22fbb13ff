//! `site.json`: the site's own settings, published with the data: where "Report a problem with this page" writes to.

use serde::{Deserialize, Serialize};

use super::authority::Authority;
use super::load::{parse_json, LoadError};
use super::validate::Problem;

/// The path of the site's settings, relative to the project root.
pub const SITE_PATH: &str = "content/site.json";

/// The site's settings as published, which both the page and the background worker read.
pub const DATA_SITE: &str = "data/site.json";

/// The site's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The e-mail address "Report a problem with this page" writes to; with none, the link is not shown.
    pub report_to: Option<String>,
    /// The regions an authority may be in, in the order the start page lists them.
    #[serde(default)]
    pub regions: Vec<Region>,
}

/// A region an authority may be in (the English regions), which groups authorities on the start page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The id an `authority.json` names it by, lowercase words joined by `_`.
    pub id: String,
    /// Its name.
    pub name: String,
}

impl Site {
    /// The region with this id.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }
}

/// Parses `content/site.json`.
pub fn parse_site(text: &str) -> Result<Site, LoadError> {
    parse_json(SITE_PATH, text)
}

/// Whether `text` is a plain e-mail address: one `@` between a local part of letters, digits and `.`, `_`, `+`,
/// `-`, and a domain of at least two dot-separated labels of letters, digits and `-`.
fn is_plain_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    let local_ok = !local.is_empty() && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    local_ok && domain_ok
}

/// Checks the site's settings: an address to report problems to must be a plain e-mail address; each region's id
/// is lowercase letters in words joined by `_`, given once, and its name is not empty.
pub fn validate_site(site: &Site) -> Vec<Problem> {
    let problem = |message: String| Problem::new(SITE_PATH, message);
    let mut problems = Vec::new();
    if let Some(address) = site.report_to.as_ref().filter(|a| !is_plain_address(a)) {
        let message = format!("report_to \"{address}\" is not a plain e-mail address (name@example.org)");
        problems.push(problem(message).near("\"report_to\""));
    }
    for (i, region) in site.regions.iter().enumerate() {
        let problem = |message: String| {
            let at = problem(message).near("\"regions\"").near_key("id", &region.id);
            if site.regions[..i].iter().any(|r| r.id == region.id) {
                at.near_key("id", &region.id)
            } else {
                at
            }
        };
        let words = region.id.split('_').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
        if !words {
            problems.push(problem(format!("region id \"{}\" is not lowercase words joined by _", region.id)));
        }
        if site.regions[..i].iter().any(|r| r.id == region.id) {
            problems.push(problem(format!("region id \"{}\" is given twice", region.id)));
        }
        if region.name.trim().is_empty() {
            problems.push(problem(format!("region \"{}\" has no name", region.id)));
        }
    }
    problems
}

/// Checks that an authority's `region` is one of the site's regions.
pub fn validate_region(authority: &Authority, site: &Site) -> Option<Problem> {
    site.region(&authority.region).is_none().then(|| {
        let message = format!(
            "region \"{}\" is not one of the regions in {SITE_PATH}: {}",
            authority.region,
            site.regions.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ")
        );
        Problem::new(super::authority_path(&authority.slug), message).near_key("region", &authority.region)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_authority_must_be_in_one_of_the_sites_regions() {
        let mut a =
            crate::model::parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json"))
                .unwrap();
        let site =
            parse_site(r#"{ "report_to": null, "regions": [{ "id": "north_east", "name": "North East" }] }"#).unwrap();
        assert_eq!(validate_region(&a, &site), None);
        a.region = "atlantis".into();
        let problem = validate_region(&a, &site).expect("an unknown region is refused");
        assert_eq!(problem.file, "content/authorities/minimal/authority.json");
        assert_eq!(problem.message, "region \"atlantis\" is not one of the regions in content/site.json: north_east");
    }

    #[test]
    fn regions_need_safe_unique_ids_and_names() {
        let site = parse_site(
            r#"{ "report_to": null, "regions": [{ "id": "north_east", "name": "North East" },
               { "id": "North-West", "name": "North West" }, { "id": "north_east", "name": " " }] }"#,
        )
        .unwrap();
        let found: Vec<String> = validate_site(&site).into_iter().map(|p| p.message).collect();
        assert_eq!(
            found,
            [
                "region id \"North-West\" is not lowercase words joined by _",
                "region id \"north_east\" is given twice",
                "region \"north_east\" has no name"
            ]
        );
        assert_eq!(site.region("north_east").map(|r| r.name.as_str()), Some("North East"));
    }

    #[test]
    fn no_address_and_a_plain_address_are_accepted() {
        assert_eq!(validate_site(&parse_site(r#"{ "report_to": null }"#).unwrap()), vec![]);
        let site = parse_site(r#"{ "report_to": "procedures.team@example.org" }"#).unwrap();
        assert_eq!(validate_site(&site), vec![]);
    }

    #[test]
    fn anything_but_a_plain_address_is_refused() {
        for bad in ["", "nobody", "a@b", "a@@b.org", "a b@c.org", "a@b.org?cc=x@y.org", "\"><x@y.org", "a@b..org"] {
            let site = Site { report_to: Some(bad.to_owned()), ..Site::default() };
            let problems = validate_site(&site);
            assert_eq!(problems.len(), 1, "{bad:?}");
            assert!(problems[0].to_string().starts_with("content/site.json: report_to"), "{problems:?}");
        }
    }
}
