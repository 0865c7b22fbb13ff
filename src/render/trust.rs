//! What lets a reader check a restatement against its source, as HTML: the line under every page of an authority
//! naming the source and the day the restatement was last checked against it (with the links to the change log and
//! to report a problem), the source's web address, and the change log page.

use super::authority::cite_links;
use crate::html;
use crate::html::Html;
use crate::model::{Authority, Change, PartialDate};
use crate::pages::route::Route;

/// A day as a `<time>` element, e.g. "30 November 2026".
pub(crate) fn day_html(day: chrono::NaiveDate) -> Html {
    let day = PartialDate::from(day);
    html!("<time datetime=\"{}\">{}</time>", day.iso(), day.to_string())
}

/// The source's web address as a link, where the content gives one; its text is the address, so it prints.
pub fn web_address_html(authority: &Authority) -> Option<Html> {
    let address = authority.web_address.as_ref()?;
    // Validation lets only an https:// address through; the link keeps that scheme as a fixed prefix.
    let rest = address.url.strip_prefix("https://")?;
    Some(html!("<a href=\"https://{}\">{}</a>", rest, address.url))
}

/// "Restated from <cite>{title}</cite>, chapter 2.1, in the manual <cite>{manual}</cite>, published by {council};
/// checked against the source on {day}." — the number and the manual only where the source gives them, and the
/// web address after the publisher where the content has one.
pub fn restated_from_html(authority: &Authority) -> Html {
    let doc = &authority.document;
    let number = doc.numbered().map(|n| {
        let mut label = n.chars();
        let lower: String = label.next().map(|c| c.to_lowercase().chain(label).collect()).unwrap_or_default();
        html!(", {}", lower)
    });
    let manual = doc.manual.as_ref().map(|m| html!(", in the manual <cite>{}</cite>", m));
    let web = web_address_html(authority).map(|link| html!(" ({})", link));
    html!(
        "Restated from <cite>{title}</cite>{number}{manual}, published by {name}{web}; checked against the source on \
         {day}.",
        title = doc.title,
        number = number.unwrap_or_default(),
        manual = manual.unwrap_or_default(),
        name = authority.name,
        web = web.unwrap_or_default(),
        day = day_html(authority.checked_on),
    )
}

/// The part every page of an authority ends with, printed too: for each source the page restates, the line naming
/// it and the day it was last checked, with a link to what has changed; and, where `report` is given (the e-mail
/// address and its subject and body, percent-encoded, after `mailto:`), "Report a problem with this page".
pub fn provenance_html(sources: &[&Authority], report: Option<&str>) -> Html {
    let lines: Html = sources
        .iter()
        .map(|a| {
            html!(
                "<p class=\"restated\">{} <a class=\"no-print\" href=\"{}\">What has changed in {}'s restatement</a></p>",
                restated_from_html(a),
                Route::Changes { slug: a.slug.clone() }.href(),
                a.short_name
            )
        })
        .collect();
    let report = report
        .map(|tail| {
            html!("<p class=\"report no-print\"><a href=\"mailto:{}\">Report a problem with this page</a></p>", tail)
        })
        .unwrap_or_default();
    html!("<footer class=\"provenance\">{}{}</footer>", lines, report)
}

/// `/a/{authority}/changes`: the day the restatement was last checked against the source, and every change to it,
/// newest first, under a heading for each day, each with the sections it touched.
pub fn changes_html(authority: &Authority, changes: &[Change]) -> Html {
    let mut days: Vec<(chrono::NaiveDate, Vec<&Change>)> = Vec::new();
    for change in changes {
        match days.last_mut() {
            Some((day, list)) if *day == change.date => list.push(change),
            _ => days.push((change.date, vec![change])),
        }
    }
    let list: Html = days
        .iter()
        .map(|(day, list)| {
            let items: Html = list
                .iter()
                .map(|c| {
                    let cited = match c.cites.is_empty() {
                        true => Html::new(),
                        false => {
                            html!(" <span class=\"cited-in\">(sections:{})</span>", cite_links(authority, &c.cites))
                        }
                    };
                    html!("<li>{}{}</li>", c.summary, cited)
                })
                .collect();
            html!("<li><h2>{}</h2><ul>{}</ul></li>", day_html(*day), items)
        })
        .collect();
    html!(
        "<div class=\"changes-page\"><p class=\"breadcrumb\"><a href=\"{home}\">Authorities</a> › <a href=\"{overview}\">\
         {short}</a> › What has changed</p><h1>{short}: what has changed in this restatement</h1>\
         <p>Every change to how this site restates {name}'s <cite>{title}</cite>, newest first. The restatement was \
         last checked against the source on {checked}.</p><ol class=\"changes\">{list}</ol></div>",
        home = Route::Home.href(),
        overview = Route::Authority { slug: authority.slug.clone() }.href(),
        short = authority.short_name,
        name = authority.name,
        title = authority.document.title,
        checked = day_html(authority.checked_on),
        list = list,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_changes, WebAddress};

    fn fixture() -> (Authority, Vec<Change>) {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let changes = parse_changes("minimal", include_str!("../../tests/fixtures/minimal/changes.json")).unwrap();
        (a, changes)
    }

    #[test]
    fn the_line_names_the_document_its_number_its_publisher_and_the_day_it_was_checked() {
        let (a, _) = fixture();
        assert_eq!(
            restated_from_html(&a).into_string(),
            "Restated from <cite>Test Procedure</cite>, chapter 1.1, published by Minimal Test Council; checked \
             against the source on <time datetime=\"2026-11-30\">30 November 2026</time>."
        );
        let mut other = a.clone();
        other.document.number = None;
        other.document.manual = Some("Children's Manual".into());
        let html = restated_from_html(&other).into_string();
        assert!(
            html.starts_with("Restated from <cite>Test Procedure</cite>, in the manual <cite>Children&#39;s"),
            "{html}"
        );
        assert!(!html.contains("chapter"), "{html}");
    }

    #[test]
    fn a_web_address_is_shown_only_where_the_content_gives_one() {
        let (mut a, _) = fixture();
        assert!(web_address_html(&a).is_none() && !restated_from_html(&a).as_str().contains("href"));
        a.web_address = Some(WebAddress {
            url: "https://procedures.example.org/1-1".into(),
            given_in_source: true,
            verified_on: None,
        });
        let link = "<a href=\"https://procedures.example.org/1-1\">https://procedures.example.org/1-1</a>";
        assert_eq!(web_address_html(&a).unwrap().into_string(), link);
        assert!(restated_from_html(&a).as_str().contains(&format!("Minimal Test Council ({link});")));
    }

    #[test]
    fn the_footer_links_to_the_change_log_and_reports_only_with_an_address() {
        let (a, _) = fixture();
        let without = provenance_html(&[&a], None).into_string();
        assert!(without.starts_with("<footer class=\"provenance\"><p class=\"restated\">Restated from"), "{without}");
        assert!(without.contains("href=\"a/minimal/changes\"") && !without.contains("mailto:"), "{without}");
        let with = provenance_html(&[&a], Some("team@example.org?subject=A%20b&body=c")).into_string();
        assert!(
            with.contains(
                "<a href=\"mailto:team@example.org?subject=A%20b&amp;body=c\">Report a problem with this page</a>"
            ),
            "{with}"
        );
        let mut south = a.clone();
        south.slug = "south".into();
        assert_eq!(provenance_html(&[&a, &south], None).as_str().matches("Restated from").count(), 2);
    }

    #[test]
    fn the_change_log_groups_changes_by_day_newest_first_with_their_sections() {
        let (a, changes) = fixture();
        let html = changes_html(&a, &changes).into_string();
        let newest = html.find("30 November 2026</time></h2>").expect("the newest day");
        let oldest = html.find("23 November 2026</time></h2>").expect("the oldest day");
        assert!(newest < oldest, "{html}");
        assert!(html.contains("last checked against the source on <time datetime=\"2026-11-30\">"), "{html}");
        assert!(html.contains("href=\"a/minimal/two\">2. Two</a>"), "the sections a change touched: {html}");
        assert_eq!(html.matches("<h2>").count(), 2);
        let mut same_day = changes.clone();
        same_day[1].date = same_day[0].date;
        assert_eq!(changes_html(&a, &same_day).as_str().matches("<h2>").count(), 1, "one heading for one day");
    }
}
