//! One section page as HTML: breadcrumb, heading with its copyable link, the source line, the text, the rules that cite
//! it, previous/next, and the contents with this section marked.

use super::authority::{contents_html, section_href};
use super::rule_card::{rule_cards_html, CardContext};
use crate::html;
use crate::html::Html;
use crate::model::{rules_citing, sections_on, topics_citing, Authority, Book, Neighbours, Section};
use crate::pages::route::Route;

/// Links to the same section beside each other authority's sections on the same topics.
fn compare_with_html(slug: &str, section: &str, others: &[&Authority]) -> Html {
    let options: Html = others
        .iter()
        .filter(|a| a.slug != slug)
        .map(|a| html!("<option value=\"{}\">{}</option>", a.slug, a.short_name))
        .collect();
    if options.is_empty() {
        return Html::new();
    }
    html!(
        "<form class=\"compare-with\" method=\"get\" action=\"{}\"><label for=\"compare-with\">Compare this \
         section with the same topics in</label> <select id=\"compare-with\" name=\"with\">{}</select> \
         <button type=\"submit\" class=\"button secondary\">Compare</button></form>",
        section_href(slug, section),
        options
    )
}

/// The page of the section at `place`, with links to compare it with the `others`; `print_url` is shown only in
/// print.
pub fn section_html(
    place: &Neighbours,
    book: &Book,
    ctx: &CardContext,
    others: &[&Authority],
    print_url: &str,
) -> Html {
    let rules = &book.rules;
    let authority = ctx.authority;
    let slug = &authority.slug;
    let section = place.current;
    let number = authority
        .sections
        .iter()
        .find(|s| s.id == section.id)
        .and_then(|e| e.number.clone())
        .map(|n| html!("<span class=\"section-number\">{}. </span>", n))
        .unwrap_or_default();
    let source_of = match authority.document.numbered() {
        Some(n) => format!("{}, {n}, ", authority.short_name),
        None => format!("{}, ", authority.short_name),
    };
    let here = rules_citing(rules, &section.id);
    let rules_here = if here.is_empty() {
        Html::new()
    } else {
        html!(
            "<section class=\"section-rules\" aria-labelledby=\"rules-heading\"><h2 id=\"rules-heading\">Rules in this \
             section</h2><ul class=\"rule-cards\">{}</ul><p><a href=\"{}\">All of this authority's rules, by \
             topic</a></p></section>",
            rule_cards_html(here, ctx, false),
            Route::Rules { slug: slug.clone() }.href()
        )
    };
    let pager = |s: Option<&crate::model::Section>, class: &str, rel: &str, label: &str| {
        s.map(|s| {
            html!(
                "<a href=\"{}\" class=\"{}\" rel=\"{}\"><span class=\"pager-label\">{}</span> <span>{}</span></a>",
                section_href(slug, &s.id),
                class,
                rel,
                label,
                s.title
            )
        })
        .unwrap_or_default()
    };
    html!(
        "<article class=\"section\" aria-labelledby=\"{id}\"><p class=\"breadcrumb\"><a href=\"{home}\">Authorities</a> › \
         <a href=\"{overview}\">{short}</a> › <span>Section {n} of {total}</span></p>\
         <h1 id=\"{id}\" tabindex=\"-1\">{number}{title} <a class=\"anchor\" href=\"{here}\"><span \
         class=\"visually-hidden\">Link to this section</span><span aria-hidden=\"true\">#</span></a></h1>\
         <p class=\"source-line\"><strong>Source: </strong>{source_of}{source}</p>\
         <p class=\"print-only\">Printed from {print}</p><div class=\"prose\">{body}</div>{compare}{rules_here}\
         <nav class=\"pager\" aria-label=\"Previous and next section\">{prev}{next}</nav>\
         <p class=\"hint\">Tip: the ← and → keys move between sections.</p></article>\
         <nav class=\"sidebar\" aria-labelledby=\"sidebar-heading\"><h2 id=\"sidebar-heading\">Contents</h2>{contents}</nav>",
        id = section.id,
        home = Route::Home.href(),
        overview = Route::Authority { slug: slug.clone() }.href(),
        here = section_href(slug, &section.id),
        short = authority.short_name,
        n = place.index + 1,
        total = book.procedure.sections.len(),
        number = number,
        title = section.title,
        source_of = source_of,
        source = section.source,
        print = print_url,
        body = section.body_html(),
        rules_here = rules_here,
        prev = pager(place.previous, "pager-previous", "prev", "← Previous"),
        next = pager(place.next, "pager-next", "next", "Next →"),
        contents = contents_html(slug, book, Some(&section.id)),
        compare = compare_with_html(slug, &section.id, others),
    )
}

/// A section beside the `other` authority's sections on the same topics (those its rules cite), or a plain
/// statement that the other procedure has no rule on them.
pub fn side_by_side_html(section: &Section, this: (&Authority, &Book), other: (&Authority, &Book)) -> Html {
    let ((a, book), (b, other_book)) = (this, other);
    let topics = topics_citing(&book.rules, &section.id);
    let theirs = sections_on(&other_book.procedure, &other_book.rules, &topics);
    let mut right = Html::new();
    if topics.is_empty() {
        right.push(html!("<p>No rule here cites this section, so there are no topics to match.</p>"));
    } else if theirs.is_empty() {
        right.push(html!("<p>{}'s procedure has no rule on these topics.</p>", b.short_name));
    }
    for s in theirs {
        right.push(html!(
            "<section class=\"beside-section\"><h3><a href=\"{}\">{}</a></h3><p class=\"source-line\">Source: {}</p><div class=\"prose\">{}</div></section>",
            section_href(&b.slug, &s.id),
            s.title,
            s.source,
            s.body_html()
        ));
    }
    let matrix_link = if topics.is_empty() {
        Html::new()
    } else {
        let view = vec![("a".to_owned(), format!("{},{}", a.slug, b.slug)), ("topic".to_owned(), topics.join(","))];
        html!(" (<a href=\"{}\">these topics in the comparison</a>)", Route::Compare { view }.href())
    };
    html!(
        "<p class=\"breadcrumb\"><a href=\"{alone}\">Back to the section alone</a></p>\
         <h1>{title}: {na} beside {nb}</h1><p class=\"lede\">{na}'s section, and the sections of {nb}'s procedure whose \
         rules are on the same topics{matrix_link}.</p>\
         <div class=\"compare-grid\"><section class=\"compare-column\" aria-labelledby=\"this-heading\"><h2 id=\"this-heading\">{na}</h2>\
         <h3>{title}</h3><p class=\"source-line\">Source: {source}</p><div class=\"prose\">{body}</div></section>\
         <section class=\"compare-column\" aria-labelledby=\"other-heading\"><h2 id=\"other-heading\">{nb}</h2>{right}</section></div>",
        alone = section_href(&a.slug, &section.id),
        title = section.title,
        na = a.short_name,
        nb = b.short_name,
        matrix_link = matrix_link,
        source = section.source,
        body = section.body_html(),
        right = right,
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
        let mut other = a.clone();
        other.slug = "other".into();
        other.short_name = "Other".into();
        let html = section_html(&place, &book, &ctx, &[&a, &other], "https://x.org/a/minimal/one").into_string();
        assert!(html.contains(&format!("<h1 id=\"{}\" tabindex=\"-1\">", first.id)), "{html}");
        assert!(html.contains(&format!("Section 1 of {}", book.procedure.sections.len())));
        assert!(html.contains("rel=\"next\"") && !html.contains("rel=\"prev\""), "{html}");
        assert!(html.contains(Html::text(&first.source).as_str()));
        assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
        assert!(!html.contains("Rules in this section"), "no rules, no rules heading");
        assert!(
            html.contains(&format!("<form class=\"compare-with\" method=\"get\" action=\"a/minimal/{}\">", first.id))
        );
        assert!(html.contains("<option value=\"other\">Other</option>"), "{html}");
        assert!(!html.contains("<option value=\"minimal\">"), "not compared with itself");
    }

    #[test]
    fn a_section_sits_beside_the_other_procedures_sections_on_its_topics() {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        let (one, two) = (procedure.sections[0].id.clone(), procedure.sections[1].id.clone());
        let rule = |id: &str, topic: &str, cites: &str| -> crate::model::Rule {
            serde_json::from_str(&format!(
                r#"{{"id":"{id}","topic":"{topic}","status":"not_stated","summary":"s","cites":["{cites}"],"note":null}}"#
            ))
            .unwrap()
        };
        let book =
            Book { procedure: procedure.clone(), rules: vec![rule("m-1", "review.first", &one)], ..Book::default() };
        let mut b = a.clone();
        (b.slug, b.short_name) = ("other".into(), "Other".into());
        let other_book = Book { procedure, rules: vec![rule("o-1", "review.first", &two)], ..Book::default() };
        let html = side_by_side_html(&book.procedure.sections[0], (&a, &book), (&b, &other_book)).into_string();
        assert!(html.contains(&format!("<a href=\"a/other/{two}\">")), "{html}");
        assert!(!html.contains(&format!("<a href=\"a/other/{one}\">")));
        assert!(html.contains("compare?a=minimal,other&amp;topic=review.first"));
        let none = Book { rules: vec![], ..other_book };
        assert!(side_by_side_html(&book.procedure.sections[0], (&a, &book), (&b, &none))
            .as_str()
            .contains("has no rule on these topics"));
    }
}
