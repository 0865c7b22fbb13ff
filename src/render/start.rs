//! The start page's list of authorities: cards while there are a few; once there are more than [`CARDS_UP_TO`], a
//! filter box over their names and a compact list, one line each, grouped by region with a count per region. The
//! app fills the list again as the filter is typed in ([`filtered`], into [`COUNT_ID`] and [`LIST_ID`]); the page
//! written at publish time lists every authority.

use chrono::NaiveDate;

use super::authority::{cards_html, stated_date_html};
use crate::html;
use crate::html::Html;
use crate::model::{by_region, Catalogue, Listing};
use crate::pages::route::Route;

/// Up to this many authorities the start page shows cards; above it, the filter and the compact list by region.
pub const CARDS_UP_TO: usize = 12;

/// The id of the filter box over the authorities' names.
pub const FILTER_ID: &str = "authority-filter";

/// The id of the line saying how many authorities the filter shows (a polite live region).
pub const COUNT_ID: &str = "authority-count";

/// The id of the element holding the region groups, filled again as the filter is typed in.
pub const LIST_ID: &str = "authority-list";

/// What the start page shows below its heading: the link to the comparison, then the cards, or the filter box and
/// every authority grouped by region.
pub fn start_html(catalogue: &Catalogue, today: NaiveDate) -> Html {
    let compare = html!(
        "<p class=\"rules-link\"><a href=\"{}\">Compare the authorities side by side</a> — every topic, what each \
         procedure says on it, and where they differ.</p>",
        Route::Compare { view: Vec::new() }.href()
    );
    if catalogue.authorities.len() <= CARDS_UP_TO {
        return html!("{}{}", compare, cards_html(catalogue, today));
    }
    let shown = filtered(catalogue, "", today);
    html!(
        "{compare}<div class=\"authority-filter\"><label for=\"{filter}\">Find an authority by name</label> <input \
         type=\"search\" id=\"{filter}\" autocomplete=\"off\" spellcheck=\"false\" aria-controls=\"{list}\" \
         aria-describedby=\"{count}\"></div><p id=\"{count}\" class=\"authority-count\" role=\"status\">{counted}</p>\
         <div id=\"{list}\" class=\"regions\">{groups}</div>",
        compare = compare,
        filter = Html::text(FILTER_ID),
        list = Html::text(LIST_ID),
        count = Html::text(COUNT_ID),
        counted = shown.count,
        groups = shown.list
    )
}

/// The start page's list for what was typed in the filter: the line that counts it, and the region groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filtered {
    /// "12 of 155 authorities match …", or what to do when none does.
    pub count: Html,
    /// Each region with an authority the filter matches: a heading with its count, then one line per authority.
    pub list: Html,
}

/// The authorities whose names match `filter`, grouped by region, and the line that counts them.
pub fn filtered(catalogue: &Catalogue, filter: &str, today: NaiveDate) -> Filtered {
    let groups = by_region(&catalogue.authorities, &catalogue.site.regions, filter);
    let total = catalogue.authorities.len();
    let shown: usize = groups.iter().map(|g| g.authorities.len()).sum();
    let typed = filter.trim();
    let count = match (typed.is_empty(), shown) {
        (true, _) => html!("{} authorities in {} regions.", total, groups.len()),
        (false, 0) => html!("No authority's name contains “{}”. Clear the box to see all {}.", typed, total),
        (false, 1) => html!("1 of {} authorities matches “{}”.", total, typed),
        (false, n) => html!("{} of {} authorities match “{}”.", n, total, typed),
    };
    let list = groups
        .iter()
        .map(|g| {
            let lines: Html = g.authorities.iter().map(|a| line_html(a, today)).collect();
            html!(
                "<section class=\"region\" aria-labelledby=\"region-{id}\"><h2 id=\"region-{id}\">{name} <span \
                 class=\"region-count\">({n})</span></h2><ul class=\"compact-list\">{lines}</ul></section>",
                id = g.region.id,
                name = g.region.name,
                n = g.authorities.len(),
                lines = lines
            )
        })
        .collect();
    Filtered { count, list }
}

/// One authority on one line: its name (the link to its procedure), its document and the dates the source states.
fn line_html(authority: &Listing, today: NaiveDate) -> Html {
    let number = authority.document.numbered().map(|n| html!("{} ", n)).unwrap_or_default();
    let dates = match authority.dates.is_empty() {
        true => html!("no date stated"),
        false => Html::join(authority.dates.iter().map(|d| stated_date_html(d, today)), "; "),
    };
    html!(
        "<li><a href=\"{}\">{}</a> <span class=\"line-doc\">{}{} <span class=\"line-dates\">{}</span></span></li>",
        Route::Authority { slug: authority.slug.clone() }.href(),
        authority.name,
        number,
        authority.document.title,
        dates
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, Region, Site};

    fn catalogue(count: usize) -> Catalogue {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let base = Listing::of(&a);
        let authorities = (0..count)
            .map(|n| Listing {
                slug: format!("town-{n}"),
                name: format!("Town {n} <Council>"),
                short_name: format!("Town {n}"),
                region: ["north_east", "north_west", "fens_and_marshes"][n % 3].into(),
                ..base.clone()
            })
            .collect();
        let named =
            [("north_east", "North East"), ("north_west", "North West"), ("fens_and_marshes", "Fens and Marshes")];
        let regions = named.map(|(id, name)| Region { id: id.into(), name: name.into() }).to_vec();
        Catalogue { authorities, site: Site { regions, ..Site::default() } }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_few_authorities_get_cards_and_no_filter() {
        let html = start_html(&catalogue(CARDS_UP_TO), today()).into_string();
        assert_eq!(html.matches("<li class=\"card\">").count(), CARDS_UP_TO, "{html}");
        assert!(!html.contains(FILTER_ID) && !html.contains("class=\"region\""), "{html}");
        assert!(html.contains("href=\"compare\""), "{html}");
    }

    #[test]
    fn many_authorities_get_a_labelled_filter_and_one_line_each_grouped_by_region() {
        let count = CARDS_UP_TO + 1;
        let html = start_html(&catalogue(count), today()).into_string();
        assert!(!html.contains("class=\"card\""), "{html}");
        assert!(
            html.contains(&format!("<label for=\"{FILTER_ID}\">")) && html.contains(&format!("id=\"{FILTER_ID}\""))
        );
        assert!(
            html.contains(&format!(
                "<p id=\"{COUNT_ID}\" class=\"authority-count\" role=\"status\">13 authorities in 3 regions.</p>"
            )),
            "{html}"
        );
        assert_eq!(html.matches("<h2 id=\"region-").count(), 3, "{html}");
        assert!(
            html.contains("<h2 id=\"region-north_east\">North East <span class=\"region-count\">(5)</span></h2>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<h2 id=\"region-fens_and_marshes\">Fens and Marshes <span class=\"region-count\">(4)</span></h2>"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<li><a href=\"a/town-").count(), count, "{html}");
        assert!(
            html.contains("Town 0 &lt;Council&gt;</a> <span class=\"line-doc\">Chapter 1.1 Test Procedure <span class=\"line-dates\">"),
            "{html}"
        );
        assert!(html.contains("Next review due <time datetime=\"2011-03-26\">"), "{html}");
        let north_east = html.find("region-north_east").unwrap();
        assert!(north_east < html.find("region-north_west").unwrap());
    }

    #[test]
    fn the_filter_narrows_the_list_and_the_count_says_so() {
        let all = catalogue(20);
        let one = filtered(&all, "town 11", today());
        assert_eq!(one.count.as_str(), "1 of 20 authorities matches “town 11”.");
        assert_eq!(one.list.as_str().matches("<li>").count(), 1);
        assert!(one.list.as_str().contains("<span class=\"region-count\">(1)</span>"), "{}", one.list.as_str());
        let some = filtered(&all, "Town 1", today());
        assert_eq!(some.count.as_str(), "11 of 20 authorities match “Town 1”.");
        let none = filtered(&all, "<b>", today());
        assert_eq!(none.count.as_str(), "No authority's name contains “&lt;b&gt;”. Clear the box to see all 20.");
        assert!(none.list.is_empty());
    }
}
