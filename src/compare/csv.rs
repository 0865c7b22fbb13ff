//! The view as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents and dashes), CRLF line
//! ends, every field quoted; one line per row of the table, one column per chosen authority (its rules resolved
//! for the view's case), and whether they differ.

use super::agree::{Agreement, Applied};
use super::compact::compact_cell;
use super::view::{Shown, View};
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

/// The CSV's file name for a view's address query, from its authorities and topic groups:
/// `compare-york-brighton-hove-reviews.csv`; `compare.csv` for a view that names neither.
pub fn file_name(query: &str) -> String {
    let pairs = crate::query::pairs(query);
    let values = |key: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect())
            .map(|v: String| v.trim_matches('-').to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    };
    let parts: Vec<String> = ["compare".to_owned()].into_iter().chain(values("a")).chain(values("group")).collect();
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
        assert_eq!(file_name("a=york,brighton-hove&group=reviews&diff=1"), "compare-york-brighton-hove-reviews.csv");
        assert_eq!(file_name("a=north&group=reviews,records"), "compare-north-reviews-records.csv");
        assert_eq!(file_name(""), "compare.csv");
        assert_eq!(file_name("a=%22%3E%3Cimg%3E,..%2F..%2Fetc"), "compare-img-etc.csv");
        assert!(file_name(&format!("a={}", "x,".repeat(200))).len() <= 124);
    }

    #[test]
    fn fields_are_quoted_and_formulas_made_inert() {
        assert_eq!(field(r#"say "no""#), r#""say ""no""""#);
        assert_eq!(field("=SUM(A1)"), r#""'=SUM(A1)""#);
        assert_eq!(field("Café – ü"), "\"Café – ü\"");
    }
}
