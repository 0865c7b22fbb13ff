//! The comparison as HTML: the matrix (a real table with row and column headers, sticky while it scrolls, one card
//! per topic on a narrow screen), its filters, numbered notes, and one topic across every authority. It formats
//! what the page function worked out ([`Matrix`], [`TopicRow`], made in [`crate::pages::compare`]): which rows a
//! view shows, whether and where they agree, their notes and a topic's spread.

use super::action::Action;
use super::rule_card::{cites_html, rule_cards_html, status_badge, value_items, CardContext};
use super::Page;
use crate::compare::agree::{Agreement, Applied};
use crate::compare::case::case_keys;
use crate::compare::compact::compact_cell;
use crate::compare::key::common_unit;
use crate::compare::view::{version_letter, Notes, Shown, View};
use crate::compare::{Library, Row};
use crate::html;
use crate::html::Html;
use crate::model::questions::Asks;
use crate::model::{describe_value, describe_when, Rule, Status, Value, GROUPS};
use crate::pages::route::Route;

/// The matrix page as the page function works it out.
#[derive(Debug, Clone)]
pub struct Matrix<'a> {
    /// The view asked for.
    pub view: &'a View,
    /// The view's own address: its permalink, and the page the notes' links point into.
    pub link: Route,
    /// The same view with its cells the other way (in a few words, or in full).
    pub toggled: Route,
    /// The table; `None` when the view chooses no authority or no topic group.
    pub table: Option<Table<'a>>,
}

/// What the matrix's table shows.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    /// The rows the view shows, in display order, each resolved for the view's case.
    pub rows: Vec<MatrixRow<'a>>,
    /// The notes in those rows, numbered in reading order.
    pub notes: Notes<'a>,
    /// The case the rules are resolved for, in words; `None` without a case.
    pub case: Option<String>,
}

/// A row as the matrix shows it.
#[derive(Debug, Clone)]
pub struct MatrixRow<'a> {
    /// The row's cells for the chosen authorities, whether they agree, and their versions.
    pub shown: Shown<'a>,
    /// Where the authorities agree, in words, when they agree only where some condition holds.
    pub agrees_where: Option<String>,
}

/// One topic across every authority, as the page function works it out.
#[derive(Debug, Clone)]
pub struct TopicRow<'a> {
    /// The topic and every authority's rules on it.
    pub row: &'a Row,
    /// How the topic varies across the authorities, in one line.
    pub spread: String,
}

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

/// The matrix page: its filters, the table of the rows the view shows and the notes under it.
pub fn matrix_page(library: &Library, matrix: &Matrix) -> Page {
    let view = matrix.view;
    let page = matrix.link.href();
    let mut out = html!(
        "<h1>Compare authorities</h1><p class=\"lede\">What each procedure says on each topic, side by side. Whether \
         authorities agree is judged on what each rule sets — the timescale in its exact units (working days are not \
         calendar days), who does it, which outcomes a review can reach — not on how the procedure words it.</p>"
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
        matrix.toggled.href(),
        if view.full { "Show each cell in a few words" } else { "Show every cell in full" }
    ));
    let Some(table) = &matrix.table else {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">Choose at least one authority and one topic group to compare.</p>"
        ));
        return Page { title: "Compare authorities".into(), html: out };
    };
    let (shown, notes) = (&table.rows, &table.notes);
    if let Some(case) = &table.case {
        out.push(html!(
            "<p class=\"case-line\" role=\"status\">Each authority's rules resolved for a case: {}.</p>",
            case
        ));
    }
    if view.diff && !view.compares() {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">“Only differences” needs two or more authorities: every topic is shown.</p>"
        ));
    }
    let differing = shown.iter().filter(|r| !r.shown.agreement.agrees()).count();
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
        let in_group: Vec<_> = shown.iter().filter(|r| r.shown.row.topic.group == group).collect();
        if in_group.is_empty() {
            continue;
        }
        out.push(html!(
            "<tbody><tr class=\"group-row\"><th scope=\"colgroup\" colspan=\"{}\">{}</th></tr>",
            view.authorities.len() + 1,
            label
        ));
        for MatrixRow { shown: s, agrees_where } in in_group {
            let mark = match &s.agreement {
                _ if !view.compares() => Html::new(),
                Agreement::Same => html!("<span class=\"same-badge\">= Same</span>"),
                Agreement::Differ => html!("<span class=\"differs-badge\">≠ Differs</span>"),
                Agreement::SameWhere(_) => {
                    html!("<p class=\"agrees-where\">Agrees where: {}</p>", agrees_where.as_deref().unwrap_or_default())
                }
            };
            out.push(html!(
                "<tr data-topic=\"{id}\" data-differs=\"{d}\"><th scope=\"row\"><a href=\"{href}\">{label}</a>{mark}</th>",
                id = s.row.topic.id,
                d = if s.agreement.agrees() { "no" } else { "yes" },
                href = Route::CompareTopic { topic: s.row.topic.id.clone() }.href(),
                label = s.row.topic.label,
                mark = mark
            ));
            let lettered = s.agreement != Agreement::Same;
            let ctx = CellContext { library, notes, page: &page, full: view.full };
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
pub fn topic_page(library: &Library, topic: &TopicRow) -> Page {
    let row = topic.row;
    let in_matrix = Route::Compare { view: vec![("topic".to_owned(), row.topic.id.clone())] };
    let mut out = html!(
        "<p class=\"breadcrumb\"><a href=\"{}\">Compare authorities</a></p><h1>{}</h1><p class=\"lede\">{}</p>\
         <p class=\"spread\" data-spread>{}</p><p><a href=\"{}\">This topic in the matrix</a></p>",
        Route::Compare { view: Vec::new() }.href(),
        row.topic.label,
        row.topic.description,
        topic.spread,
        in_matrix.href()
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
    Page { title: format!("{} — compare", row.topic.label), html: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::rows;
    use crate::compare::tests::library;
    use crate::query::pairs;

    #[test]
    fn a_view_that_chooses_nothing_has_no_table() {
        let library = library();
        let view = View::from_query(&pairs("group="), &library);
        let link = Route::Compare { view: vec![("group".into(), String::new())] };
        let matrix = Matrix { view: &view, link: link.clone(), toggled: link, table: None };
        let html = matrix_page(&library, &matrix).html.into_string();
        assert!(
            html.contains("Choose at least one authority and one topic group") && !html.contains("<table"),
            "{html}"
        );
        assert!(html.contains("<a href=\"compare?group=\" data-permalink>"), "{html}");
    }

    #[test]
    fn the_table_says_what_it_is_given() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&pairs("a=north,south&group=reviews"), &library);
        let shown = crate::compare::view::shown(&rows, &view, &library);
        let rows: Vec<MatrixRow> = shown
            .into_iter()
            .map(|s| MatrixRow {
                shown: Shown { agreement: Agreement::SameWhere(Vec::new()), ..s },
                agrees_where: Some("given words".into()),
            })
            .collect();
        let table = Table { rows, notes: Notes::default(), case: Some("a case in words".into()) };
        let link = Route::Compare { view: view.to_pairs(&library) };
        let matrix = Matrix { view: &view, link: link.clone(), toggled: link, table: Some(table) };
        let html = matrix_page(&library, &matrix).html.into_string();
        assert_eq!(html.matches("<p class=\"agrees-where\">Agrees where: given words</p>").count(), 2, "{html}");
        assert!(html.contains("resolved for a case: a case in words."), "{html}");
        assert!(html.contains("<a href=\"compare/review.chair\">Who chairs reviews</a>"), "{html}");
    }

    #[test]
    fn a_topic_page_shows_the_spread_it_is_given_and_every_authority() {
        let library = library();
        let rows = rows(&library);
        let page = topic_page(&library, &TopicRow { row: &rows[1], spread: "a spread in words".into() });
        let html = page.html.as_str();
        assert!(html.contains("<p class=\"spread\" data-spread>a spread in words</p>"), "{html}");
        assert!(html.contains("<p class=\"breadcrumb\"><a href=\"compare\">Compare authorities</a></p>"), "{html}");
        assert_eq!(html.matches("<section class=\"topic-authority\"").count(), 3);
    }
}
