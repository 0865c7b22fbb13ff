//! The comparison's pages: the page function works out from the engines ([`crate::compare`]) which rows a view
//! shows, whether and where the chosen authorities agree, the numbered notes, the case in words and a topic's
//! spread, and hands them to [`crate::render::compare`] as plain data.

use super::route::Route;
use crate::compare::view::{notes, shown, View};
use crate::compare::{spread, Library, Row};
use crate::html;
use crate::html::Html;
use crate::model::page_title;
use crate::render::compare::{matrix_page, topic_page, Matrix, MatrixRow, Table, TopicRow};
use crate::render::Page;

/// The matrix for a view, read from its address against the library: the rows it shows with their notes, or no
/// table when it chooses no authority or no topic group.
pub fn matrix(library: &Library, rows: &[Row], view: &View) -> Page {
    let table = (!view.authorities.is_empty() && !view.groups.is_empty()).then(|| {
        let shown = shown(rows, view, library);
        let notes = notes(&shown, view);
        let rows = shown.into_iter().map(|s| MatrixRow { agrees_where: s.agreement.where_words(library), shown: s });
        Table { rows: rows.collect(), notes, case: view.case_where(library).map(|case| case.describe(library)) }
    });
    let link = |view: &View| Route::Compare { view: view.to_pairs(library) };
    let matrix = Matrix { view, link: link(view), toggled: link(&View { full: !view.full, ..view.clone() }), table };
    let page = matrix_page(library, &matrix);
    Page { title: page_title(&[&page.title]), ..page }
}

/// A topic the rows do not hold: it is named, with every topic there is.
fn topic_not_found(library: &Library, topic: &str) -> Page {
    let items: Html = library
        .topics
        .iter()
        .map(|t| html!("<li><a href=\"{}\">{}</a></li>", Route::CompareTopic { topic: t.id.clone() }.href(), t.label))
        .collect();
    Page {
        title: page_title(&["Topic not found", "Compare"]),
        html: html!(
            "<h1>Topic not found</h1><p>There is no topic <code>{}</code> to compare. The topics are:</p><ul>{}</ul>",
            topic,
            items
        ),
    }
}

/// One topic across every authority, with its spread; a page that names the topic if the rows do not hold it.
pub fn topic(library: &Library, rows: &[Row], topic: &str) -> Page {
    let Some(row) = rows.iter().find(|r| r.topic.id == topic) else {
        return topic_not_found(library, topic);
    };
    let names: Vec<String> = library.books.iter().map(|b| b.authority.short_name.clone()).collect();
    let page = topic_page(library, &TopicRow { row, spread: spread(row, &names) });
    Page { title: page_title(&[&page.title]), ..page }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::rows;
    use crate::compare::tests::library;
    use crate::query::pairs;

    fn count(html: &str, needle: &str) -> usize {
        html.matches(needle).count()
    }

    #[test]
    fn the_matrix_is_a_table_with_row_and_column_headers() {
        let library = library();
        let rows = rows(&library);
        let page = matrix(&library, &rows, &View::from_query(&[], &library));
        assert_eq!(page.title, "Compare authorities – CIN Procedure Explorer");
        assert_eq!(count(page.html.as_str(), "<th scope=\"col\">"), 4, "Topic and three authorities");
        assert_eq!(count(page.html.as_str(), "<th scope=\"row\">"), 3);
        assert_eq!(count(page.html.as_str(), "scope=\"colgroup\""), 2, "Scope and Reviews");
        assert!(page.html.as_str().contains("<a href=\"compare/review.interval\">Review interval</a>"));
        assert!(page.html.as_str().contains("at least every 3 months, counting from the previous review (≈ 13 weeks)"));
        assert!(page.html.as_str().contains("data-differs=\"yes\""));
        assert!(page.html.as_str().contains("≠ Differs"), "a difference is marked in words, not colour alone");
        assert!(page.html.as_str().contains("data-variant=\"B\""));
        // Compact, a note is written out in its cell's disclosure; in full, it is numbered under the table.
        assert!(page.html.as_str().contains("<p class=\"rule-note\"><strong>Note: </strong>west is unclear</p>"));
        assert!(!page.html.as_str().contains("id=\"note-1\""));
        let full = matrix(&library, &rows, &View::from_query(&pairs("view=full"), &library));
        assert!(full
            .html
            .as_str()
            .contains("<li id=\"note-1\"><strong>West — Who chairs reviews:</strong> Ambiguous. west is unclear</li>"));
        assert!(full.html.as_str().contains("<a href=\"compare?view=full#note-1\">See note 1</a>"));
    }

    #[test]
    fn the_filters_and_the_table_follow_the_view() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&pairs("a=north,south&diff=1&a=x"), &library);
        let page = matrix(&library, &rows, &view);
        assert!(page.html.as_str().contains("id=\"a-north\" checked"));
        assert!(!page.html.as_str().contains("id=\"a-west\" checked"));
        assert!(page.html.as_str().contains("id=\"diff\" checked"));
        assert_eq!(
            count(page.html.as_str(), "<th scope=\"row\">"),
            1,
            "North and South differ only on the review interval"
        );
        assert!(page.html.as_str().contains("href=\"compare?a=north,south&amp;diff=1\" data-permalink"));
        assert!(page.html.as_str().contains("ignored: a=x"));
        let none = matrix(&library, &rows, &View::from_query(&pairs("a="), &library));
        assert!(none.html.as_str().contains("Choose at least one authority") && !none.html.as_str().contains("<table"));
    }

    #[test]
    fn a_row_that_agrees_under_a_condition_says_where_and_a_case_is_named() {
        let mut library = library();
        let chair = library.books[1].rules.iter_mut().find(|r| r.topic == "review.chair").unwrap();
        chair.when = [("disabled".to_owned(), vec!["no".to_owned()])].into();
        let rows = rows(&library);
        let page = matrix(&library, &rows, &View::from_query(&pairs("a=north,south&group=reviews"), &library));
        let html = page.html.as_str();
        assert!(html.contains("<p class=\"agrees-where\">Agrees where: children who are not disabled</p>"), "{html}");
        assert!(html.contains("data-variant=\"B\""), "cells that agree only in part keep their letters");
        let only = matrix(&library, &rows, &View::from_query(&pairs("a=north,south&diff=1"), &library));
        assert_eq!(count(only.html.as_str(), "<th scope=\"row\">"), 1, "only the review interval differs");
        let case = View::from_query(&pairs("a=north,south&group=reviews&disabled=no"), &library);
        let html = matrix(&library, &rows, &case).html.into_string();
        assert!(html.contains("resolved for a case: children who are not disabled."), "{html}");
        assert!(html.contains("<legend>Compare for a case like this</legend>"), "{html}");
        assert!(html.contains("<select id=\"case-disabled\" name=\"disabled\"><option value=\"\">Any</option><option value=\"yes\">Yes</option><option value=\"no\" selected>No</option></select>"), "{html}");
        assert_eq!(count(&html, "= Same"), 1, "for that case the chair is the same");
    }

    #[test]
    fn cells_are_a_few_words_with_details_on_demand_and_in_full_on_request() {
        let library = library();
        let rows = rows(&library);
        let compact = matrix(&library, &rows, &View::from_query(&pairs("group=reviews"), &library)).html.into_string();
        assert!(compact.contains("<p class=\"cell-value\">every 3 months</p>"), "{compact}");
        assert!(compact.contains("<span class=\"status-icon\" aria-hidden=\"true\">✓</span> Stated"), "{compact}");
        assert!(compact.contains("<details class=\"cell-details\"><summary>Details"), "{compact}");
        assert!(
            compact
                .contains("href=\"compare?group=reviews&amp;view=full\" class=\"view-toggle\">Show every cell in full"),
            "{compact}"
        );
        let full = matrix(&library, &rows, &View::from_query(&pairs("view=full"), &library)).html.into_string();
        assert!(!full.contains("cell-details") && full.contains("class=\"rule-summary\""), "{full}");
        assert!(full.contains("<input type=\"hidden\" name=\"view\" value=\"full\">"));
        assert!(full.contains("class=\"view-toggle\">Show each cell in a few words"), "{full}");
    }

    #[test]
    fn a_topic_page_gives_the_spread_and_every_authority() {
        let library = library();
        let rows = rows(&library);
        let page = topic(&library, &rows, "review.interval");
        assert_eq!(page.title, "Review interval — compare – CIN Procedure Explorer");
        assert!(page.html.as_str().contains("<h1>Review interval</h1>"));
        assert!(page.html.as_str().contains("12 weeks (North) to 26 weeks (North, some cases)"));
        assert!(page.html.as_str().contains("<a href=\"compare?topic=review.interval\">This topic in the matrix</a>"));
        assert_eq!(count(page.html.as_str(), "<h2>"), 3);
        let missing = topic(&library, &rows, "no.such").html.into_string();
        assert!(missing.contains("no topic <code>no.such</code>"), "{missing}");
        assert!(missing.contains("<li><a href=\"compare/review.chair\">Who chairs reviews</a></li>"), "{missing}");
    }
}
