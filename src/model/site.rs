//! `site.json`: the site's own settings, published with the data: where "Report a problem with this page" writes to.

use serde::{Deserialize, Serialize};

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

/// Checks the site's settings: an address to report problems to must be a plain e-mail address.
pub fn validate_site(site: &Site) -> Vec<Problem> {
    match &site.report_to {
        Some(address) if !is_plain_address(address) => vec![Problem::new(
            SITE_PATH,
            format!("report_to \"{address}\" is not a plain e-mail address (name@example.org)"),
        )
        .near("\"report_to\"")],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_address_and_a_plain_address_are_accepted() {
        assert_eq!(validate_site(&parse_site(r#"{ "report_to": null }"#).unwrap()), vec![]);
        let site = parse_site(r#"{ "report_to": "procedures.team@example.org" }"#).unwrap();
        assert_eq!(validate_site(&site), vec![]);
    }

    #[test]
    fn anything_but_a_plain_address_is_refused() {
        for bad in ["", "nobody", "a@b", "a@@b.org", "a b@c.org", "a@b.org?cc=x@y.org", "\"><x@y.org", "a@b..org"] {
            let site = Site { report_to: Some(bad.to_owned()) };
            let problems = validate_site(&site);
            assert_eq!(problems.len(), 1, "{bad:?}");
            assert!(problems[0].to_string().starts_with("content/site.json: report_to"), "{problems:?}");
        }
    }
}
