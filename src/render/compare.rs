//! The comparison as HTML: the matrix (a real table with row and column headers, sticky while it scrolls, one card
//! per topic on a narrow screen), its filters, numbered notes, and one topic across every authority.

use super::action::Action;
use super::rule_card::{cites_html, rule_cards_html, status_badge, value_items, CardContext};
use super::Page;
use crate::compare::agree::{Agreement, Applied};
use crate::compare::case::case_keys;
use crate::compare::compact::compact_cell;
use crate::compare::key::common_unit;
use crate::compare::view::{notes, shown, version_letter, Notes, View};
use crate::compare::{spread, Library, Row};
use crate::html;
use crate::html::Html;
use crate::model::questions::Asks;
use crate::model::{describe_value, describe_when, Rule, Status, Value, GROUPS};

/// A value's one-line reading, with the common unit beside a timescale; `None` for lists and text, which the
/// rule's plain words already give.
fn value_line(value: &Value, library: &Library) -> Option<String> {
    if let Some(items) = value_items(value) {
        return (!matches!(value, Value::List { .. })).then(|| items.join("; "));
    }
    let line = describe_value(value, &library.roles);
    let approx = match value {
        Value::Deadline { amount, unit, .. }
        | Value::Recurring { amount, unit, .. }
        | Value::Threshold { amount, unit, .. } => common_unit(*amount, *unit),
        _ => None,
    };
    match (value, approx) {
        (Value::Text { .. }, _) => None,
        (_, Some(a)) => Some(format!("{line} ({a})")),
        (_, None) => Some(line),
    }
}

/// One rule in a cell, in full. Its note is a numbered link to the notes under the table when cells are in full,
/// and is written out in the cell's disclosure when they are compact (the table then has no notes under it).
fn rule_in_cell(rule: &Rule, authority: usize, ctx: &CellContext) -> Html {
    let (library, notes, page) = (ctx.library, ctx.notes, ctx.page);
    let book = &library.books[authority];
    let mut out = html!("<div class=\"cell-rule status-{}\">{}", rule.status.id(), status_badge(rule.status));
    if let Some(when) = describe_when(&rule.when, &book.authority.vocabulary) {
        out.push(html!("<p class=\"rule-when\">{}:</p>", when));
    }
    if let Some(line) = rule.value.as_ref().and_then(|v| value_line(v, library)) {
        out.push(html!("<p class=\"rule-value\">{}</p>", line));
    }
    for reading in &rule.readings {
        let line = value_line(&reading.value, library).unwrap_or_default();
        out.push(html!(
            "<p class=\"rule-reading\">One reading: {}{}</p>",
            reading.label,
            if line.is_empty() { String::new() } else { format!(" — {line}") }
        ));
    }
    out.push(html!("<p class=\"rule-summary\">{}</p>", rule.summary));
    match (ctx.full, notes.number(authority, rule)) {
        (true, Some(n)) => {
            out.push(html!("<p class=\"note-ref\"><a href=\"{p}#note-{n}\">See note {n}</a></p>", p = page, n = n))
        }
        (false, Some(_)) => out.push(html!("<p class=\"rule-note\"><strong>Note: </strong>{}</p>", note_text(rule))),
        (_, None) => {}
    }
    out.push(cites_html(rule, &book.authority));
    out.push(html!("</div>"));
    out
}

/// A rule's note, or for an ambiguous rule without one, that it can be read more than one way.
fn note_text(rule: &Rule) -> &str {
    rule.note.as_deref().unwrap_or("The procedure can be read more than one way.")
}

/// A status as a word with an icon that does not rely on colour: ✓ stated, ? ambiguous, – not stated.
fn status_word(status: Status) -> Html {
    let icon = match status {
        Status::Stated => "✓",
        Status::Ambiguous => "?",
        Status::NotStated => "–",
    };
    html!(
        "<p class=\"cell-status\"><span class=\"status-icon\" aria-hidden=\"true\">{}</span> {}</p>",
        icon,
        status.label()
    )
}

/// What a cell is made from: the page's library, notes and address, and whether cells are in full.
struct CellContext<'a> {
    library: &'a Library,
    notes: &'a Notes<'a>,
    page: &'a str,
    full: bool,
}

fn cell_html(cell: &Applied, authority: usize, variant: Option<usize>, ctx: &CellContext) -> Html {
    let library = ctx.library;
    let book = &library.books[authority];
    let letter = variant.map(|v| (version_letter(v), v % 6));
    let mut out = html!(
        "<td data-authority=\"{}\" data-status=\"{}\"{}><p class=\"cell-authority\">{}</p>",
        book.authority.slug,
        cell.status().id(),
        letter.as_ref().map(|(l, _)| html!(" data-variant=\"{}\"", l)).unwrap_or_default(),
        book.authority.short_name
    );
    if let Some((l, hue)) = &letter {
        out.push(html!("<p class=\"variant hue-{}\">Version {}</p>", hue, l));
    }
    let mut details = Html::new();
    if cell.rules.is_empty() {
        details.push(status_badge(Status::NotStated));
        details.push(html!("<p class=\"rule-summary\">The procedure says nothing on this topic.</p>"));
    }
    for (rule, _) in &cell.rules {
        details.push(rule_in_cell(rule, authority, ctx));
    }
    if ctx.full {
        out.push(details);
    } else {
        out.push(status_word(cell.status()));
        if cell.status() != Status::NotStated || cell.rules.len() > 1 {
            let words = compact_cell(cell, &book.authority.vocabulary, &library.roles);
            out.push(html!("<p class=\"cell-value\">{}</p>", words));
        }
        out.push(html!("<details class=\"cell-details\"><summary>Details</summary>{}</details>", details));
    }
    out.push(html!("</td>"));
    out
}

fn checkbox(name: &str, value: &str, id: &str, label: &str, checked: bool) -> Html {
    html!(
        "<div class=\"checkbox\"><input type=\"checkbox\" name=\"{name}\" value=\"{value}\" id=\"{id}\"{checked}><label for=\"{id}\">{label}</label></div>",
        name = name,
        value = value,
        id = id,
        checked = if checked { html!(" checked") } else { Html::new() },
        label = label
    )
}

/// "Select all" and "Clear" for the checkboxes of the fieldset they sit in.
fn tick_all_html() -> Html {
    html!(
        "<p class=\"tick-all\"><button type=\"button\" class=\"link-button\"{}>Select all</button> \
         <button type=\"button\" class=\"link-button\"{}>Clear</button></p>",
        Action::TickAll(true).attrs(),
        Action::TickAll(false).attrs()
    )
}

/// "Compare for a case like this": one select per answer the chosen authorities' rules turn on, each with "Any"
/// (every rule, with its conditions) first; a team lists the chosen authorities' teams.
fn case_form_html(library: &Library, view: &View) -> Html {
    let chosen: Vec<&crate::model::AuthorityData> = view.authorities.iter().map(|&i| &library.books[i]).collect();
    let used = |key: &str| chosen.iter().any(|b| b.rules.iter().any(|r| r.when.contains_key(key)));
    let mut selects = Html::new();
    for key in case_keys().filter(|k| used(k.key)) {
        let choices: Vec<(String, String)> = match key.asks {
            Asks::Team => chosen
                .iter()
                .flat_map(|b| {
                    let name = &b.authority.short_name;
                    b.authority.vocabulary.teams.iter().map(move |t| (t.id.clone(), format!("{} ({name})", t.name)))
                })
                .collect(),
            _ => key.choices().iter().map(|c| (c.value.to_owned(), c.label.to_owned())).collect(),
        };
        let current = view.case.get(key.key).map(String::as_str);
        let options: Html = std::iter::once(("".to_owned(), "Any".to_owned()))
            .chain(choices)
            .map(|(value, label)| {
                let selected = if current.unwrap_or("") == value { " selected" } else { "" };
                html!("<option value=\"{}\"{}>{}</option>", value, selected, label)
            })
            .collect();
        selects.push(html!(
            "<div class=\"case-key\"><label for=\"case-{k}\">{q}</label><select id=\"case-{k}\" name=\"{k}\">{o}</select></div>",
            k = key.key,
            q = key.question,
            o = options
        ));
    }
    if selects.is_empty() {
        return Html::new();
    }
    html!(
        "<fieldset class=\"case-keys\"><legend>Compare for a case like this</legend><p class=\"hint\">Answer what you \
         know: each authority's rules are then read for that case, and authorities that say the same for it agree.</p>{}</fieldset>",
        selects
    )
}

fn filters_html(library: &Library, view: &View) -> Html {
    let mut out = html!("<form class=\"compare-filters\" id=\"compare-filters\" data-compare-form>");
    out.push(html!(
        "<fieldset class=\"authority-choices\"><legend>Authorities</legend><input type=\"hidden\" name=\"a\" value=\"\">\
         <label for=\"a-filter\">Find an authority</label><input type=\"search\" id=\"a-filter\" autocomplete=\"off\">{}\
         <div class=\"choices\">",
        tick_all_html()
    ));
    for (i, book) in library.books.iter().enumerate() {
        let a = &book.authority;
        out.push(checkbox("a", &a.slug, &format!("a-{}", a.slug), &a.short_name, view.authorities.contains(&i)));
    }
    out.push(html!("</div></fieldset>"));
    out.push(case_form_html(library, view));
    out.push(html!(
        "<fieldset><legend>Topic groups</legend><input type=\"hidden\" name=\"group\" value=\"\">{}",
        tick_all_html()
    ));
    for (id, label) in GROUPS {
        if library.topics.iter().any(|t| t.group == id) {
            out.push(checkbox("group", id, &format!("group-{id}"), label, view.groups.iter().any(|g| g == id)));
        }
    }
    out.push(html!("</fieldset><fieldset><legend>Rows</legend>"));
    for t in &view.topics {
        out.push(html!("<input type=\"hidden\" name=\"topic\" value=\"{}\">", t));
    }
    if view.full {
        out.push(html!("<input type=\"hidden\" name=\"view\" value=\"full\">"));
    }
    out.push(checkbox("diff", "1", "diff", "Only differences", view.diff));
    out.push(html!(
        "<p class=\"hint\">Hides the topics on which the chosen authorities say the same thing, for every case or \
         where some condition holds.</p></fieldset>\
         <p><button type=\"submit\" class=\"button\" id=\"compare-update\">Update the comparison</button></p></form>"
    ));
    out
}

/// The matrix page for a view. `query` is the view's address query, for links within the page.
pub fn matrix_page(library: &Library, rows: &[Row], view: &View) -> Page {
    let query = view.to_query(library);
    let page = if query.is_empty() { "compare".to_owned() } else { format!("compare?{query}") };
    let mut out = html!(
        "<h1>Compare authorities</h1><p class=\"lede\">What each procedure says on each topic, side by side. Whether \
         authorities agree is worked out from the rules' typed values — timescales in exact units, roles, outcomes — \
         not from their wording.</p>"
    );
    if !view.ignored.is_empty() {
        out.push(html!(
            "<div class=\"notice\" role=\"status\"><p>Some parts of this address name nothing here and were ignored: {}.</p></div>",
            view.ignored.join(", ")
        ));
    }
    out.push(filters_html(library, view));
    out.push(html!(
        "<p class=\"compare-actions\"><button type=\"button\" class=\"button secondary\"{}>Download this view (CSV)</button> \
         <button type=\"button\" class=\"button secondary\"{}>Copy link to this view</button> \
         <a href=\"{}\" data-permalink>Link to this view</a> <span class=\"copy-status\" role=\"status\"></span> \
         <a href=\"{}\" class=\"view-toggle\">{}</a></p>",
        Action::Csv.attrs(),
        Action::CopyLink.attrs(),
        page,
        {
            let other = View { full: !view.full, ..view.clone() }.to_query(library);
            if other.is_empty() { "compare".to_owned() } else { format!("compare?{other}") }
        },
        if view.full { "Show each cell in a few words" } else { "Show every cell in full" }
    ));
    if view.authorities.is_empty() || view.groups.is_empty() {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">Choose at least one authority and one topic group to compare.</p>"
        ));
        return Page { title: "Compare authorities".into(), html: out };
    }
    let shown = shown(rows, view, library);
    let notes = notes(&shown, view);
    if let Some(case) = view.case_where(library) {
        out.push(html!(
            "<p class=\"case-line\" role=\"status\">Each authority's rules resolved for a case: {}.</p>",
            case.describe(library)
        ));
    }
    if view.diff && !view.compares() {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">“Only differences” needs two or more authorities: every topic is shown.</p>"
        ));
    }
    let differing = shown.iter().filter(|s| !s.agreement.agrees()).count();
    let count = format!(
        "{} topic{} shown for {} authorit{}{}.",
        shown.len(),
        if shown.len() == 1 { "" } else { "s" },
        view.authorities.len(),
        if view.authorities.len() == 1 { "y" } else { "ies" },
        if view.compares() { format!("; the chosen authorities differ on {differing}") } else { String::new() }
    );
    out.push(html!("<p class=\"filter-count\" role=\"status\" id=\"matrix-count\">{}</p>", count));
    if view.compares() {
        out.push(html!(
            "<p class=\"legend\">“≠ Differs” marks a topic on which the chosen authorities do not all say the same \
             thing; in such a row, cells with the same version letter agree.</p>"
        ));
    }
    if shown.is_empty() {
        out.push(html!("<p>No topic matches this view.</p>"));
        return Page { title: "Compare authorities".into(), html: out };
    }
    let heads: Html = view
        .authorities
        .iter()
        .map(|&i| html!("<th scope=\"col\">{}</th>", library.books[i].authority.short_name))
        .collect();
    out.push(html!(
        "<div class=\"matrix-scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\"><table class=\"matrix\">\
         <caption id=\"matrix-caption\">Rules by topic (rows) and authority (columns)</caption>\
         <thead><tr><th scope=\"col\">Topic</th>{}</tr></thead>",
        heads
    ));
    for (group, label) in GROUPS {
        let in_group: Vec<_> = shown.iter().filter(|s| s.row.topic.group == group).collect();
        if in_group.is_empty() {
            continue;
        }
        out.push(html!(
            "<tbody><tr class=\"group-row\"><th scope=\"colgroup\" colspan=\"{}\">{}</th></tr>",
            view.authorities.len() + 1,
            label
        ));
        for s in in_group {
            let mark = match &s.agreement {
                _ if !view.compares() => Html::new(),
                Agreement::Same => html!("<span class=\"same-badge\">= Same</span>"),
                Agreement::Differ => html!("<span class=\"differs-badge\">≠ Differs</span>"),
                Agreement::SameWhere(_) => html!(
                    "<p class=\"agrees-where\">Agrees where: {}</p>",
                    s.agreement.where_words(library).unwrap_or_default()
                ),
            };
            out.push(html!(
                "<tr data-topic=\"{id}\" data-differs=\"{d}\"><th scope=\"row\"><a href=\"compare/{id}\">{label}</a>{mark}</th>",
                id = s.row.topic.id,
                d = if s.agreement.agrees() { "no" } else { "yes" },
                label = s.row.topic.label,
                mark = mark
            ));
            let lettered = s.agreement != Agreement::Same;
            let ctx = CellContext { library, notes: &notes, page: &page, full: view.full };
            for ((&i, cell), &v) in view.authorities.iter().zip(&s.cells).zip(&s.variants) {
                out.push(cell_html(cell, i, lettered.then_some(v), &ctx));
            }
            out.push(html!("</tr>"));
        }
        out.push(html!("</tbody>"));
    }
    out.push(html!("</table></div>"));
    if view.full && !notes.list.is_empty() {
        out.push(html!("<h2 id=\"notes\">Notes</h2><ol class=\"notes\">"));
        for (n, note) in notes.list.iter().enumerate() {
            let name = &library.books[note.authority].authority.short_name;
            let topic = library.topics.iter().find(|t| t.id == note.rule.topic).map_or("", |t| t.label.as_str());
            let lead = if note.rule.status == Status::Ambiguous { "Ambiguous. " } else { "" };
            out.push(html!(
                "<li id=\"note-{}\"><strong>{} — {}:</strong> {}{}</li>",
                n + 1,
                name,
                topic,
                lead,
                note_text(note.rule)
            ));
        }
        out.push(html!("</ol>"));
    }
    Page { title: "Compare authorities".into(), html: out }
}

/// One topic across every authority: the spread in one line, then each authority's rules as cards.
pub fn topic_page(library: &Library, rows: &[Row], topic: &str) -> Option<Page> {
    let row = rows.iter().find(|r| r.topic.id == topic)?;
    let names: Vec<String> = library.books.iter().map(|b| b.authority.short_name.clone()).collect();
    let mut out = html!(
        "<p class=\"breadcrumb\"><a href=\"compare\">Compare authorities</a></p><h1>{}</h1><p class=\"lede\">{}</p>\
         <p class=\"spread\" data-spread>{}</p><p><a href=\"compare?topic={}\">This topic in the matrix</a></p>",
        row.topic.label,
        row.topic.description,
        spread(row, &names),
        topic
    );
    for (book, cell) in library.books.iter().zip(&row.cells) {
        let a = &book.authority;
        out.push(html!("<section class=\"topic-authority\" data-authority=\"{}\"><h2>{}</h2>", a.slug, a.short_name));
        if cell.rules.is_empty() {
            out.push(html!("{}<p>The procedure says nothing on this topic.</p>", status_badge(Status::NotStated)));
        } else {
            let ctx = CardContext { authority: a, topics: &library.topics, roles: &library.roles };
            out.push(html!("<ul class=\"rule-cards\">{}</ul>", rule_cards_html(&cell.rules, &ctx, true)));
        }
        out.push(html!("</section>"));
    }
    Some(Page { title: format!("{} — compare", row.topic.label), html: out })
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
        let page = matrix_page(&library, &rows, &View::from_query(&[], &library));
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
        let full = matrix_page(&library, &rows, &View::from_query(&pairs("view=full"), &library));
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
        let page = matrix_page(&library, &rows, &view);
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
        let none = matrix_page(&library, &rows, &View::from_query(&pairs("a="), &library));
        assert!(none.html.as_str().contains("Choose at least one authority") && !none.html.as_str().contains("<table"));
    }

    #[test]
    fn a_row_that_agrees_under_a_condition_says_where_and_a_case_is_named() {
        let mut library = library();
        let chair = library.books[1].rules.iter_mut().find(|r| r.topic == "review.chair").unwrap();
        chair.when = [("disabled".to_owned(), vec!["no".to_owned()])].into();
        let rows = rows(&library);
        let page = matrix_page(&library, &rows, &View::from_query(&pairs("a=north,south&group=reviews"), &library));
        let html = page.html.as_str();
        assert!(html.contains("<p class=\"agrees-where\">Agrees where: children who are not disabled</p>"), "{html}");
        assert!(html.contains("data-variant=\"B\""), "cells that agree only in part keep their letters");
        let only = matrix_page(&library, &rows, &View::from_query(&pairs("a=north,south&diff=1"), &library));
        assert_eq!(count(only.html.as_str(), "<th scope=\"row\">"), 1, "only the review interval differs");
        let case = View::from_query(&pairs("a=north,south&group=reviews&disabled=no"), &library);
        let html = matrix_page(&library, &rows, &case).html.into_string();
        assert!(html.contains("resolved for a case: children who are not disabled."), "{html}");
        assert!(html.contains("<legend>Compare for a case like this</legend>"), "{html}");
        assert!(html.contains("<select id=\"case-disabled\" name=\"disabled\"><option value=\"\">Any</option><option value=\"yes\">Yes</option><option value=\"no\" selected>No</option></select>"), "{html}");
        assert_eq!(count(&html, "= Same"), 1, "for that case the chair is the same");
    }

    #[test]
    fn cells_are_a_few_words_with_details_on_demand_and_in_full_on_request() {
        let library = library();
        let rows = rows(&library);
        let compact =
            matrix_page(&library, &rows, &View::from_query(&pairs("group=reviews"), &library)).html.into_string();
        assert!(compact.contains("<p class=\"cell-value\">every 3 months</p>"), "{compact}");
        assert!(compact.contains("<span class=\"status-icon\" aria-hidden=\"true\">✓</span> Stated"), "{compact}");
        assert!(compact.contains("<details class=\"cell-details\"><summary>Details"), "{compact}");
        assert!(
            compact
                .contains("href=\"compare?group=reviews&amp;view=full\" class=\"view-toggle\">Show every cell in full"),
            "{compact}"
        );
        let full = matrix_page(&library, &rows, &View::from_query(&pairs("view=full"), &library)).html.into_string();
        assert!(!full.contains("cell-details") && full.contains("class=\"rule-summary\""), "{full}");
        assert!(full.contains("<input type=\"hidden\" name=\"view\" value=\"full\">"));
        assert!(full.contains("class=\"view-toggle\">Show each cell in a few words"), "{full}");
    }

    #[test]
    fn a_topic_page_gives_the_spread_and_every_authority() {
        let library = library();
        let rows = rows(&library);
        let page = topic_page(&library, &rows, "review.interval").unwrap();
        assert!(page.html.as_str().contains("<h1>Review interval</h1>"));
        assert!(page.html.as_str().contains("12 weeks (North) to 26 weeks (North, some cases)"));
        assert_eq!(count(page.html.as_str(), "<h2>"), 3);
        assert!(topic_page(&library, &rows, "no.such").is_none());
    }
}
