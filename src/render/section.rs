//! One section page as HTML: breadcrumb, heading with its copyable link, the source line, the text, the rules that cite
//! it, previous/next, and the contents with this section marked.

use super::authority::contents_html;
use super::escape;
use super::rule_card::{rule_cards_html, CardContext};
use crate::model::{rules_citing, Book, Neighbours, Rule};

/// The page of the section at `place`; `print_url` is shown only in print.
pub fn section_html(place: &Neighbours, book: &Book, rules: &[Rule], ctx: &CardContext, print_url: &str) -> String {
    let authority = ctx.authority;
    let slug = &authority.slug;
    let section = place.current;
    let number = authority
        .sections
        .iter()
        .find(|s| s.id == section.id)
        .and_then(|e| e.number.clone())
        .map(|n| format!("<span class=\"section-number\">{}. </span>", escape(&n)))
        .unwrap_or_default();
    let source_of = match authority.document.numbered() {
        Some(n) => format!("{}, {n}, ", authority.short_name),
        None => format!("{}, ", authority.short_name),
    };
    let here = rules_citing(rules, &section.id);
    let rules_here = if here.is_empty() {
        String::new()
    } else {
        format!(
            "<section class=\"section-rules\" aria-labelledby=\"rules-heading\"><h2 id=\"rules-heading\">Rules in this \
             section</h2><ul class=\"rule-cards\">{}</ul><p><a href=\"a/{slug}/rules\">All of this authority's rules, by \
             topic</a></p></section>",
            rule_cards_html(here, ctx, false)
        )
    };
    let pager = |s: Option<&crate::model::Section>, class: &str, rel: &str, label: &str| {
        s.map(|s| {
            format!(
                "<a href=\"a/{slug}/{}\" class=\"{class}\" rel=\"{rel}\"><span class=\"pager-label\">{label}</span> \
                 <span>{}</span></a>",
                s.id,
                escape(&s.title)
            )
        })
        .unwrap_or_default()
    };
    format!(
        "<article class=\"section\" aria-labelledby=\"{id}\"><p class=\"breadcrumb\"><a href=\"./\">Authorities</a> › \
         <a href=\"a/{slug}\">{short}</a> › <span>Section {n} of {total}</span></p>\
         <h1 id=\"{id}\" tabindex=\"-1\">{number}{title} <a class=\"anchor\" href=\"a/{slug}/{id}\"><span \
         class=\"visually-hidden\">Link to this section</span><span aria-hidden=\"true\">#</span></a></h1>\
         <p class=\"source-line\"><strong>Source: </strong>{source_of}{source}</p>\
         <p class=\"print-only\">Printed from {print}</p><div class=\"prose\">{html}</div>{rules_here}\
         <nav class=\"pager\" aria-label=\"Previous and next section\">{prev}{next}</nav>\
         <p class=\"hint\">Tip: the ← and → keys move between sections.</p></article>\
         <nav class=\"sidebar\" aria-labelledby=\"sidebar-heading\"><h2 id=\"sidebar-heading\">Contents</h2>{contents}</nav>",
        id = section.id,
        short = escape(&authority.short_name),
        n = place.index + 1,
        total = book.procedure.sections.len(),
        title = escape(&section.title),
        source_of = escape(&source_of),
        source = escape(&section.source),
        print = escape(print_url),
        html = section.html,
        prev = pager(place.previous, "pager-previous", "prev", "← Previous"),
        next = pager(place.next, "pager-next", "next", "Next →"),
        contents = contents_html(slug, book, Some(&section.id)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_procedure};

    #[test]
    fn a_section_page_has_its_heading_source_pager_and_marked_contents() {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        let book = Book { procedure, ..Book::default() };
        let ctx = CardContext { authority: &a, topics: &[], roles: &[] };
        let first = &book.procedure.sections[0];
        let place = book.procedure.neighbours(&first.id).unwrap();
        let html = section_html(&place, &book, &[], &ctx, "https://x.org/a/minimal/one");
        assert!(html.contains(&format!("<h1 id=\"{}\" tabindex=\"-1\">", first.id)), "{html}");
        assert!(html.contains(&format!("Section 1 of {}", book.procedure.sections.len())));
        assert!(html.contains("rel=\"next\"") && !html.contains("rel=\"prev\""), "{html}");
        assert!(html.contains(&escape(&first.source)));
        assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
        assert!(!html.contains("Rules in this section"), "no rules, no rules heading");
    }
}
