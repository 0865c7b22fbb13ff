//! The view as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents and dashes), CRLF line
//! ends, every field quoted; one line per row of the table, one column per chosen authority (its rules resolved
//! for the view's case), and whether they differ.

use super::agree::{Agreement, Applied};
use super::compact::compact_cell;
use super::view::{all_groups, Shown, View};
use super::Library;
use crate::model::{describe_when, group_label, Rule, Status};

/// One field, quoted, with quotes doubled; a leading `=`, `+`, `-` or `@` is made inert so a spreadsheet does not
/// read it as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn rule_text(rule: &Rule, library: &Library, authority: usize) -> String {
    let book = &library.books[authority];
    let mut text = String::new();
    if let Some(when) = describe_when(&rule.when, &book.authority.vocabulary) {
        text.push_str(&format!("{when}: "));
    }
    text.push_str(&format!("[{}] {}", rule.status.label(), rule.summary));
    let cites: Vec<String> = rule
        .cites
        .iter()
        .filter_map(|id| book.authority.sections.iter().find(|s| &s.id == id))
        .map(|s| s.numbered_title())
        .collect();
    if !cites.is_empty() {
        text.push_str(&format!(" (source: {})", cites.join("; ")));
    }
    text
}

fn cell_text(cell: &Applied, library: &Library, authority: usize) -> String {
    if cell.rules.is_empty() {
        return format!("[{}]", Status::NotStated.label());
    }
    cell.rules.iter().map(|(r, _)| rule_text(r, library, authority)).collect::<Vec<_>>().join("\n")
}

/// Whether the chosen authorities differ: "yes", "no", or where they agree ("agree where disabled children").
fn differ_text(agreement: &Agreement, library: &Library) -> String {
    match agreement.where_words(library) {
        Some(words) => format!("agree where {words}"),
        None if agreement.agrees() => "no".to_owned(),
        None => "yes".to_owned(),
    }
}

/// The CSV of the rows shown, for the chosen authorities: for each, the value in a few words, then the plain
/// words with conditions, status and sources.
pub fn csv(shown: &[Shown], view: &View, library: &Library) -> String {
    let mut lines = Vec::with_capacity(shown.len() + 1);
    let mut header = vec![field("Group"), field("Topic")];
    for &i in &view.authorities {
        let name = &library.books[i].authority.short_name;
        header.push(field(&format!("{name}: value")));
        header.push(field(name));
    }
    header.push(field("Chosen authorities differ"));
    lines.push(header.join(","));
    for s in shown {
        let mut line = vec![field(group_label(&s.row.topic.group)), field(&s.row.topic.label)];
        for (&i, cell) in view.authorities.iter().zip(&s.cells) {
            line.push(field(&compact_cell(cell, &library.books[i].authority.vocabulary, &library.roles)));
            line.push(field(&cell_text(cell, library, i)));
        }
        line.push(field(&differ_text(&s.agreement, library)));
        lines.push(line.join(","));
    }
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// The CSV's file name, after the view: `compare-{authorities}.csv`, with the topic groups after the authorities when
/// the view does not show them all (`compare-north-south-reviews.csv`). Slugs and group ids are already safe in a
/// file name; a long name is cut.
pub fn file_name(view: &View, library: &Library) -> String {
    let mut parts = vec!["compare"];
    parts.extend(view.authorities.iter().map(|&i| library.books[i].authority.slug.as_str()));
    if view.groups != all_groups(library) {
        parts.extend(view.groups.iter().map(String::as_str));
    }
    let mut name = parts.join("-");
    name.truncate(120);
    format!("{}.csv", name.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::super::rows;
    use super::super::tests::library;
    use super::super::view::shown;
    use super::*;
    use crate::query::pairs;

    #[test]
    fn the_csv_has_a_header_and_a_line_per_row_shown() {
        let library = library();
        let rows = rows(&library);
        let view = View::from_query(&pairs("a=north,west&group=reviews"), &library);
        let s = shown(&rows, &view, &library);
        let text = csv(&s, &view, &library);
        assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines[0],
            r#""Group","Topic","North: value","North","West: value","West","Chosen authorities differ""#
        );
        assert_eq!(lines.len(), 1 + s.len());
        assert!(
            lines[1].starts_with(
                r#""Reviews","Review interval","every 12 weeks · every 26 weeks (cases held by the Disability Team)","[Stated] north on review.interval (source: 1. One)"#
            ),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("\n"), "two rules in one cell are two lines of the field");
        assert!(lines[1].ends_with(r#""[Not stated] west on review.interval (source: 1. One)","yes""#), "{}", lines[1]);
    }

    #[test]
    fn the_file_is_named_after_the_view() {
        let library = library();
        let name = |query: &str| file_name(&View::from_query(&pairs(query), &library), &library);
        assert_eq!(name("a=north,south&group=reviews&diff=1"), "compare-north-south-reviews.csv");
        assert_eq!(name(""), "compare-north-south-west.csv", "the default view names its authorities");
        assert_eq!(name("a=west&a=%22%3E%3Cimg%3E"), "compare-west.csv", "what names nothing is not in the name");
        assert_eq!(name("a="), "compare.csv");
    }

    #[test]
    fn fields_are_quoted_and_formulas_made_inert() {
        assert_eq!(field(r#"say "no""#), r#""say ""no""""#);
        assert_eq!(field("=SUM(A1)"), r#""'=SUM(A1)""#);
        assert_eq!(field("Café – ü"), "\"Café – ü\"");
    }
}
