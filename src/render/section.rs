//! One section page as HTML: breadcrumb, heading with its copyable link, the source line, previous/next above and
//! below the text, "On this page" for a long section, the text, the rules that cite it (folded to a line each on a
//! narrow screen), and the contents with this section marked.

use super::action::Action;
use super::authority::{contents_html, numbered_title, section_href};
use super::rule_card::{folded_rule_cards_html, rule_cards_under_h3_html, CardContext};
use crate::html;
use crate::html::Html;
use crate::model::{
    rules_citing, sections_on, sorted_by, topics_citing, Authority, Book, Listing, Neighbours, Section,
};
use crate::pages::route::Route;

/// Links to the same section beside each other authority's sections on the same topics.
fn compare_with_html(slug: &str, section: &str, others: &[&Listing]) -> Html {
    let others = sorted_by(others.iter().copied().filter(|a| a.slug != slug), |a| &a.short_name);
    let options: Html =
        others.iter().map(|a| html!("<option value=\"{}\">{}</option>", a.slug, a.short_name)).collect();
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

/// A section gets an "On this page" list when it has at least this many places to go to: its own headings, and its
/// rules when it has any. Fewer fit on a screen or two, where the list would only push the text down.
pub const ON_THIS_PAGE_FROM: usize = 3;

/// "On this page": links to the section's headings (a heading's subheadings nested under it) and to its rules
/// (`rules`), for a section with at least [`ON_THIS_PAGE_FROM`] of them; nothing for a shorter one.
pub fn on_this_page_html(slug: &str, section: &Section, rules: bool) -> Html {
    if section.headings.len() + usize::from(rules) < ON_THIS_PAGE_FROM {
        return Html::new();
    }
    let page = section_href(slug, &section.id);
    let top = section.headings.iter().map(|h| h.level).min().unwrap_or(0);
    let mut items = Html::new();
    let mut nested = false;
    for heading in &section.headings {
        let link = html!("<a href=\"{}#{}\">{}</a>", page, heading.id, heading.title);
        let deeper = heading.level > top && !items.is_empty();
        match (deeper, nested) {
            (true, false) => items.push(html!("<ul><li>{}", link)),
            (true, true) => items.push(html!("</li><li>{}", link)),
            (false, true) => items.push(html!("</li></ul></li><li>{}", link)),
            (false, false) if items.is_empty() => items.push(html!("<li>{}", link)),
            (false, false) => items.push(html!("</li><li>{}", link)),
        }
        nested = deeper;
    }
    if nested {
        items.push(html!("</li></ul>"));
    }
    if !items.is_empty() {
        items.push(html!("</li>"));
    }
    if rules {
        items.push(html!("<li><a href=\"{}#rules-heading\">Rules in this section</a></li>", page));
    }
    html!(
        "<nav class=\"on-this-page\" aria-labelledby=\"on-this-page-heading\"><h2 id=\"on-this-page-heading\">On \
         this page</h2><ul>{}</ul></nav>",
        items
    )
}

/// The page of the section at `place`, with links to compare it with the `others`; `print_url` is shown only in
/// print.
pub fn section_html(place: &Neighbours, book: &Book, ctx: &CardContext, others: &[&Listing], print_url: &str) -> Html {
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
            folded_rule_cards_html(here.iter().copied(), ctx),
            Route::Rules { slug: slug.clone() }.href()
        )
    };
    // Two pairs of links, above and below the text; only the pair below says `rel`, which the ← and → keys follow.
    let link = |s: Option<&Section>, class: &str, rel: Option<&str>, label: &str| {
        let Some(s) = s else { return Html::new() };
        let rel = rel.map(|rel| html!(" rel=\"{}\"", rel)).unwrap_or_default();
        html!(
            "<a href=\"{}\" class=\"{}\"{}><span class=\"pager-label\">{}</span> <span>{}</span></a>",
            section_href(slug, &s.id),
            class,
            rel,
            label,
            s.title
        )
    };
    let pager = |class: &str, name: &str, rel: bool| {
        html!(
            "<nav class=\"{}\" aria-label=\"{}\">{}{}</nav>",
            class,
            name,
            link(place.previous, "pager-previous", rel.then_some("prev"), "← Previous"),
            link(place.next, "pager-next", rel.then_some("next"), "Next →")
        )
    };
    html!(
        "<article class=\"section\" aria-labelledby=\"{id}\"><p class=\"breadcrumb\"><a href=\"{home}\">Authorities</a> › \
         <a href=\"{overview}\">{short}</a></p>\
         <h1 id=\"{id}\" tabindex=\"-1\">{number}{title} <a class=\"anchor\" href=\"{here}\"><span \
         class=\"visually-hidden\">Link to this section</span><span aria-hidden=\"true\">#</span></a></h1>\
         <p class=\"source-line\"><strong>Source: </strong>{source_of}{source}</p>{top}{on_this_page}\
         <p class=\"print-only\">Printed from {print}</p><div class=\"prose\">{body}</div>{compare}{rules_here}\
         {bottom}<p class=\"hint\">Tip: the ← and → keys move between sections.</p></article>\
         <nav class=\"sidebar\" aria-labelledby=\"sidebar-heading\"><h2 id=\"sidebar-heading\">Contents</h2>{contents}</nav>",
        id = section.id,
        home = Route::Home.href(),
        overview = Route::Authority { slug: slug.clone() }.href(),
        here = section_href(slug, &section.id),
        short = authority.short_name,
        number = number,
        title = section.title,
        source_of = source_of,
        source = section.source,
        print = print_url,
        body = section.body_html(),
        rules_here = rules_here,
        top = pager("pager pager-top", "Previous and next section, above the text", false),
        on_this_page = on_this_page_html(slug, section, !here.is_empty()),
        bottom = pager("pager", "Previous and next section, below the text", true),
        contents = contents_html(authority, book, Some(&section.id)),
        compare = compare_with_html(slug, &section.id, others),
    )
}

/// The source of a whole procedure in one line: its title, number and manual, and who publishes it.
fn document_source(authority: &Authority) -> Html {
    let doc = &authority.document;
    let mut out = Html::text(&doc.title);
    if let Some(number) = doc.numbered() {
        out.push(html!(", {}", number));
    }
    if let Some(manual) = &doc.manual {
        out.push(html!(", in {}", manual));
    }
    out.push(html!("; published by {}", authority.name));
    if let Some(service) = &doc.service {
        out.push(html!(", {}", service));
    }
    out.push(".");
    out
}

/// `/a/{authority}/all`: the whole procedure on one page, to read straight through or print: the source and its
/// `dates`, the contents, then every section in order with its heading, source line, text (its headings a level
/// down, under the section's own) and the rules that cite it. `print_url` is shown only in print.
pub fn whole_procedure_html(book: &Book, ctx: &CardContext, dates: Html, print_url: &str) -> Html {
    let authority = ctx.authority;
    let slug = &authority.slug;
    let page = Route::All { slug: slug.clone() }.href();
    let contents: Html = book
        .procedure
        .sections
        .iter()
        .map(|s| html!("<li><a href=\"{}#{}\">{}</a></li>", page, s.id, numbered_title(authority, s)))
        .collect();
    let sections: Html = book
        .procedure
        .sections
        .iter()
        .map(|section| {
            let here = rules_citing(&book.rules, &section.id);
            let rules = match here.is_empty() {
                true => Html::new(),
                false => html!(
                    "<h3>Rules in this section</h3><ul class=\"rule-cards\">{}</ul>",
                    rule_cards_under_h3_html(here, ctx)
                ),
            };
            html!(
                "<section class=\"whole-section\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{title} <a class=\"anchor\" \
                 href=\"{own}\"><span class=\"visually-hidden\">This section on a page of its own</span><span \
                 aria-hidden=\"true\">#</span></a></h2><p class=\"source-line\"><strong>Source: </strong>{source}</p>\
                 <div class=\"prose\">{body}</div>{rules}</section>",
                id = section.id,
                title = numbered_title(authority, section),
                own = section_href(slug, &section.id),
                source = section.source,
                body = section.body_html().headings_down_one(),
                rules = rules,
            )
        })
        .collect();
    html!(
        "<div class=\"whole-procedure\"><p class=\"breadcrumb\"><a href=\"{home}\">Authorities</a> › <a \
         href=\"{overview}\">{short}</a></p><h1>{name}: {title}</h1><p class=\"lead\">The whole procedure on one \
         page, each section with the rules it gives: to read straight through, or to print.</p>\
         <p class=\"source-line\"><strong>Source: </strong>{source}</p>{dates}\
         <p class=\"print-only\">Printed from {print}</p><p class=\"no-print\"><button type=\"button\" class=\"button \
         secondary\"{print_action}>Print this page</button></p>\
         <nav class=\"toc\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2><ol \
         class=\"contents\">{contents}</ol></nav>{sections}</div>",
        home = Route::Home.href(),
        overview = Route::Authority { slug: slug.clone() }.href(),
        short = authority.short_name,
        name = authority.name,
        title = authority.document.title,
        source = document_source(authority),
        dates = dates,
        print = print_url,
        print_action = Action::Print.attrs(),
        contents = contents,
        sections = sections,
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
        let mine = Listing::of(&a);
        let other = Listing { slug: "other".into(), short_name: "Other".into(), ..mine.clone() };
        let html = section_html(&place, &book, &ctx, &[&mine, &other], "https://x.org/a/minimal/one").into_string();
        assert!(html.contains(&format!("<h1 id=\"{}\" tabindex=\"-1\">", first.id)), "{html}");
        assert!(html.contains("<a href=\"a/minimal\">Minimal</a></p>"), "the breadcrumb ends at the authority: {html}");
        assert!(!html.contains(" of 2"), "no position that could disagree with the procedure's numbers: {html}");
        assert_eq!(html.matches("class=\"pager-next\"").count(), 2, "Next above and below the text: {html}");
        assert_eq!(html.matches("rel=\"next\"").count(), 1, "one pair says rel, for the arrow keys: {html}");
        assert!(!html.contains("rel=\"prev\"") && !html.contains("pager-previous"), "{html}");
        let above = html.find("aria-label=\"Previous and next section, above the text\"").expect("a pager above");
        let below = html.find("aria-label=\"Previous and next section, below the text\"").expect("a pager below");
        assert!(above < html.find("class=\"prose\"").unwrap() && below > html.find("class=\"prose\"").unwrap());
        assert!(html[below..].contains("rel=\"next\""), "the pair below says rel");
        assert!(!html.contains("On this page"), "one heading and no rules: too short for a list: {html}");
        assert!(html.contains(Html::text(&first.source).as_str()));
        assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
        assert!(!html.contains("Rules in this section"), "no rules, no rules heading");
        assert!(
            html.contains(&format!("<form class=\"compare-with\" method=\"get\" action=\"a/minimal/{}\">", first.id))
        );
        assert!(html.contains("<option value=\"other\">Other</option>"), "{html}");
        assert!(!html.contains("<option value=\"minimal\">"), "not compared with itself");
    }

    fn heading(level: u8, id: &str) -> crate::model::Heading {
        crate::model::Heading { level, id: id.into(), title: format!("Title <{id}>") }
    }

    #[test]
    fn a_long_section_lists_its_headings_and_rules_on_this_page() {
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        let mut section = procedure.sections[0].clone();
        section.headings = vec![heading(3, "a"), heading(4, "b"), heading(4, "c"), heading(3, "d")];
        let link = |id: &str| format!("<a href=\"a/minimal/one#{id}\">Title &lt;{id}&gt;</a>");
        let expected = format!(
            "<nav class=\"on-this-page\" aria-labelledby=\"on-this-page-heading\"><h2 id=\"on-this-page-heading\">On \
             this page</h2><ul><li>{}<ul><li>{}</li><li>{}</li></ul></li><li>{}</li><li><a \
             href=\"a/minimal/one#rules-heading\">Rules in this section</a></li></ul></nav>",
            link("a"),
            link("b"),
            link("c"),
            link("d")
        );
        assert_eq!(on_this_page_html("minimal", &section, true).into_string(), expected);
        section.headings.truncate(2);
        let two = on_this_page_html("minimal", &section, false).into_string();
        assert!(two.is_empty(), "two places to go are too few: {two}");
        let with_rules = on_this_page_html("minimal", &section, true).into_string();
        assert!(with_rules.contains("#rules-heading") && with_rules.contains(&link("b")), "{with_rules}");
        section.headings = vec![heading(4, "x"), heading(3, "y"), heading(4, "z")];
        assert!(
            on_this_page_html("minimal", &section, false).as_str().ends_with(&format!(
                "<ul><li>{}</li><li>{}<ul><li>{}</li></ul></li></ul></nav>",
                link("x"),
                link("y"),
                link("z")
            )),
            "a first heading below the others' level is not nested under nothing"
        );
    }

    #[test]
    fn a_sections_number_is_the_one_the_procedure_gives_it() {
        let mut a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        // A source that leaves its first section (its scope, say) unnumbered: the second section is its number 1.
        (a.sections[0].number, a.sections[1].number) = (None, Some("1".into()));
        let book = Book { procedure, ..Book::default() };
        let ctx = CardContext { authority: &a, topics: &[], roles: &[] };
        let place = book.procedure.neighbours("two").unwrap();
        let html = section_html(&place, &book, &ctx, &[], "x").into_string();
        assert!(html.contains("<span class=\"section-number\">1. </span>Two"), "{html}");
        assert!(html.contains("<li><a href=\"a/minimal/two\" aria-current=\"page\">1. Two</a></li>"), "{html}");
        assert!(html.contains("<li><a href=\"a/minimal/one\">One</a></li>"), "{html}");
        assert!(!html.contains("Section 2"), "{html}");
    }

    #[test]
    fn the_whole_procedure_is_one_page_of_every_section_with_its_rules() {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let mut procedure =
            parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        procedure.sections[0].html = "<h2 id=\"one-heading\">A heading</h2><p>Text under it.</p>".into();
        procedure.sections[1].html = "<p>The second section.</p>".into();
        let rule: crate::model::Rule = serde_json::from_str(
            r#"{"id":"minimal-first","topic":"review.first","status":"not_stated","summary":"Says <nothing>.",
                "cites":["two"],"note":null}"#,
        )
        .unwrap();
        let topics: Vec<crate::model::Topic> = serde_json::from_str(
            r#"[{"id":"review.first","group":"reviews","core":true,"label":"First review","description":"When."}]"#,
        )
        .unwrap();
        let book = Book { procedure, rules: vec![rule], topics: topics.clone(), ..Book::default() };
        let ctx = CardContext { authority: &a, topics: &topics, roles: &[] };
        let html = whole_procedure_html(&book, &ctx, html!("<ul class=\"dates\"></ul>"), "https://x.org/a/minimal/all")
            .into_string();
        assert!(html.contains("<h1>Minimal Test Council: Test Procedure</h1>"), "{html}");
        assert!(html.contains("Test Procedure, Chapter 1.1; published by Minimal Test Council."), "{html}");
        assert!(html.contains("Printed from https://x.org/a/minimal/all") && html.contains("data-action=\"print\""));
        for (id, title) in [("one", "1. One"), ("two", "2. Two")] {
            assert!(html.contains(&format!("<li><a href=\"a/minimal/all#{id}\">{title}</a></li>")), "{html}");
            assert!(html.contains(&format!("<h2 id=\"{id}\">{title} <a class=\"anchor\" href=\"a/minimal/{id}\">")));
        }
        assert!(html.contains("<h3 id=\"one-heading\">A heading</h3>"), "a section's headings go a level down: {html}");
        assert!(html.find("id=\"one\"").unwrap() < html.find("id=\"two\"").unwrap(), "sections in order");
        let two = &html[html.find("id=\"two\"").unwrap()..];
        assert!(two.contains("<h3>Rules in this section</h3>") && two.contains("<h4>First review</h4>"), "{two}");
        assert!(two.contains("Says &lt;nothing&gt;.") && !html.contains("<details"), "cards open, to print: {html}");
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
