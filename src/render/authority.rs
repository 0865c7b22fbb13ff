//! The start page's cards, the dates a source states, and an authority's overview (source header and contents) as HTML.

use chrono::NaiveDate;

use crate::html;
use crate::html::Html;
use crate::model::{Authority, Book, Catalogue, DateKind, ListedDate, Listing, ReviewState, Section, SectionEntry};
use crate::pages::route::Route;
use crate::wizard::Way;

/// The links every authority has beside its procedure: the wizard (both ways in), its map, the deadlines page
/// and its training.
struct WaysIn {
    overview: String,
    rules: String,
    all: String,
    wizard: String,
    after_review: String,
    map: String,
    deadlines: String,
    quiz: String,
    cases: String,
    handout: String,
}

impl WaysIn {
    fn of(slug: &str) -> WaysIn {
        let slug = || slug.to_owned();
        let wizard = |way| Route::Wizard { slug: slug(), way, walk: Vec::new() }.href();
        WaysIn {
            overview: Route::Authority { slug: slug() }.href(),
            rules: Route::Rules { slug: slug() }.href(),
            all: Route::All { slug: slug() }.href(),
            wizard: wizard(Way::Case),
            after_review: wizard(Way::AfterReview),
            map: Route::WizardMap { slug: slug() }.href(),
            deadlines: Route::Deadlines { slug: slug(), case: Vec::new() }.href(),
            quiz: Route::Quiz { slug: slug(), from: None, seed: None }.href(),
            cases: Route::Cases { slug: slug(), case: None }.href(),
            handout: Route::Handout { slug: slug() }.href(),
        }
    }
}

/// The address of an authority's section.
pub(crate) fn section_href(slug: &str, section: &str) -> String {
    Route::Section { slug: slug.to_owned(), section: section.to_owned(), with: None, highlight: None }.href()
}

/// One date a source states ("Next review due <time>March 2011</time>"), a passed review date flagged as overdue.
pub(crate) fn stated_date_html(date: &ListedDate, today: NaiveDate) -> Html {
    let overdue = match (date.kind, date.date.review_state(today)) {
        (DateKind::NextReviewDue, ReviewState::Overdue { whole_years }) => Some(match whole_years {
            0 => "overdue".to_owned(),
            1 => "overdue by more than a year".to_owned(),
            n => format!("overdue by more than {n} years"),
        }),
        _ => None,
    };
    html!(
        "{} <time datetime=\"{}\">{}</time>{}",
        date.kind.label(),
        date.date.iso(),
        date.date.to_string(),
        overdue.map(|o| html!(" <strong class=\"flag flag-warning\">{}</strong>", o)).unwrap_or_default()
    )
}

/// The dates a source states (a passed review date flagged as overdue), its "based on", or that it states none.
pub fn source_dates_html(authority: &Listing, catalogue: &Catalogue, today: NaiveDate) -> Html {
    let mut out = html!("<ul class=\"dates\">");
    if authority.dates.is_empty() {
        out.push(html!("<li>The source states no date</li>"));
    }
    for date in &authority.dates {
        out.push(html!("<li class=\"stated-date\">{}</li>", stated_date_html(date, today)));
    }
    if let Some(slug) = &authority.based_on {
        let name = catalogue.name_of(slug).unwrap_or(slug);
        let link = Route::Authority { slug: slug.clone() }.href();
        out.push(html!("<li>Based on <a href=\"{}\">{}</a>'s guidance</li>", link, name));
    }
    out.push(html!("</ul>"));
    out
}

/// The start page's cards: each authority with its document, dates and the ways in.
pub fn cards_html(catalogue: &Catalogue, today: NaiveDate) -> Html {
    let mut out = html!("<ul class=\"cards\" aria-label=\"Authorities\">");
    for a in &catalogue.authorities {
        let number = a.document.numbered().map(|n| html!("<span class=\"doc-number\">{}</span> ", n));
        let manual = a.document.manual.as_ref().map(|m| html!("<p class=\"manual\">Part of: {}</p>", m));
        let ways = WaysIn::of(&a.slug);
        out.push(html!(
            "<li class=\"card\"><h2><a href=\"{overview}\">{name}</a></h2><p class=\"doc-title\">{number}{title}</p>{manual}{dates}\
             <ul class=\"card-links\"><li><a href=\"{overview}\">Read the procedure</a></li>\
             <li><a href=\"{wizard}\">Check which rule applies to a case</a></li>\
             <li><a href=\"{after_review}\">What follows a review?</a></li>\
             <li><a href=\"{deadlines}\">Work out a case's deadlines</a></li></ul></li>",
            number = number.unwrap_or_default(),
            title = a.document.title,
            manual = manual.unwrap_or_default(),
            dates = source_dates_html(a, catalogue, today),
            overview = ways.overview,
            wizard = ways.wizard,
            after_review = ways.after_review,
            deadlines = ways.deadlines,
            name = a.name,
        ));
    }
    out.push(html!("</ul>"));
    out
}

/// A section's heading with the number the procedure gives it ("3. Reviews of Child in Need Plans"), or without one
/// where it gives none.
pub fn numbered_title(authority: &Authority, section: &Section) -> String {
    let entry = authority.sections.iter().find(|e| e.id == section.id);
    entry.map_or_else(|| section.title.clone(), SectionEntry::numbered_title)
}

/// The contents of a procedure as an ordered list of links, the `current` section marked. Each section shows the
/// number the procedure gives it, not its place in the list (which differs where the source leaves a section, such
/// as its scope, unnumbered).
pub fn contents_html(authority: &Authority, book: &Book, current: Option<&str>) -> Html {
    let slug = &authority.slug;
    let items: Html = book
        .procedure
        .sections
        .iter()
        .map(|s| {
            let (href, title) = (section_href(slug, &s.id), numbered_title(authority, s));
            match current == Some(s.id.as_str()) {
                true => html!("<li><a href=\"{}\" aria-current=\"page\">{}</a></li>", href, title),
                false => html!("<li><a href=\"{}\">{}</a></li>", href, title),
            }
        })
        .collect();
    html!("<ol class=\"contents\">{}</ol>", items)
}

/// Links to the sections `cites` names, each after a space.
pub(crate) fn cite_links(authority: &Authority, cites: &[String]) -> Html {
    cites
        .iter()
        .filter_map(|id| authority.sections.iter().find(|s| &s.id == id))
        .map(|s| {
            html!(" <a class=\"cite\" href=\"{}\">{}</a>", section_href(&authority.slug, &s.id), s.numbered_title())
        })
        .collect()
}

/// `/a/{authority}`: the source header (document, number, manual, publisher, web address, dates, the day the
/// restatement was last checked against it and what has changed, scope, related procedures), the ways in to its
/// rules, wizard and deadlines, and the contents.
pub fn overview_html(authority: &Authority, catalogue: &Catalogue, book: &Book, today: NaiveDate) -> Html {
    let doc = &authority.document;
    let or_not = |v: Option<String>| {
        v.map(|v| Html::text(&v)).unwrap_or_else(|| html!("<span class=\"not-stated\">not stated in the source</span>"))
    };
    let ways = WaysIn::of(&authority.slug);
    let excludes = if authority.scope.excludes.is_empty() {
        html!("<p>The source names no children it does not apply to.</p>")
    } else {
        let items: Html = authority.scope.excludes.iter().map(|e| html!("<li>{}</li>", e)).collect();
        html!("<p>It does not apply to:</p><ul>{}</ul>", items)
    };
    let related = if authority.related.is_empty() {
        html!("<p>The source points to no other procedure.</p>")
    } else {
        let items: Html = authority
            .related
            .iter()
            .map(|r| {
                html!(
                    "<li><strong>{}</strong>: {}<span class=\"cited-in\"> (mentioned in{})</span></li>",
                    r.title,
                    r.why,
                    cite_links(authority, &r.cites)
                )
            })
            .collect();
        html!("<ul class=\"related\">{}</ul>", items)
    };
    html!(
        "<p class=\"breadcrumb\"><a href=\"{home}\">Authorities</a> › {short}</p><h1>{name}: {title}</h1>\
         <section class=\"source-header\" aria-labelledby=\"source-heading\"><h2 id=\"source-heading\">The source</h2>\
         <dl class=\"facts\"><dt>Document</dt><dd>{title}</dd><dt>Number</dt><dd>{number}</dd><dt>Manual</dt><dd>{manual}</dd>\
         <dt>Published by</dt><dd>{name}{service}</dd><dt>On the web</dt><dd>{web}</dd><dt>Dates</dt><dd>{dates}</dd>\
         <dt>Checked against the source</dt><dd>{checked} (<a href=\"{changes}\">what has changed in this restatement</a>)</dd></dl>\
         <h2 id=\"scope\">Whom it covers</h2><p>{summary} <span class=\"cited-in\"> (source:{scope_cites})</span></p>{excludes}\
         <h2 id=\"related\">Related procedures it points to</h2>{related}</section>\
         <p class=\"rules-link\"><a href=\"{all}\">The whole procedure on one page</a> — every section with its rules, to read straight through or print.</p>\
         <p class=\"rules-link\"><a href=\"{rules}\">Every rule in this procedure, by topic</a> — timescales, roles and what it does not state.</p>\
         <p class=\"rules-link\"><a href=\"{wizard}\">Check which rule applies to a case</a> — one question at a time, from assessment to the review outcome (<a href=\"{map}\">the whole flow</a>).</p>\
         <p class=\"rules-link\"><a href=\"{after_review}\">What follows a review?</a> — the outcome and what to do next, from what the review found.</p>\
         <p class=\"rules-link\"><a href=\"{deadlines}\">Work out a case's deadlines</a> — the dates these rules set, from the dates you enter.</p>\
         <p class=\"rules-link\"><a href=\"{quiz}\">Practise these rules</a> — a quiz, <a href=\"{cases}\">worked cases</a> and a <a href=\"{handout}\">trainer's handout</a>.</p>\
         <nav class=\"toc\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2>{contents}</nav>",
        short = authority.short_name,
        name = authority.name,
        title = doc.title,
        number = or_not(doc.numbered()),
        manual = or_not(doc.manual.clone()),
        service = doc.service.as_ref().map(|v| html!(", {}", v)).unwrap_or_default(),
        dates = source_dates_html(&Listing::of(authority), catalogue, today),
        web = super::trust::web_address_html(authority)
            .unwrap_or_else(|| html!("<span class=\"not-stated\">no address given in the source</span>")),
        checked = super::trust::day_html(authority.checked_on),
        changes = Route::Changes { slug: authority.slug.clone() }.href(),
        summary = authority.scope.summary,
        scope_cites = cite_links(authority, &authority.scope.cites),
        contents = contents_html(authority, book, None),
        excludes = excludes,
        related = related,
        home = Route::Home.href(),
        rules = ways.rules,
        all = ways.all,
        wizard = ways.wizard,
        map = ways.map,
        after_review = ways.after_review,
        deadlines = ways.deadlines,
        quiz = ways.quiz,
        cases = ways.cases,
        handout = ways.handout,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, parse_procedure};

    fn fixture() -> (Authority, Book) {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let procedure = parse_procedure("minimal", include_str!("../../tests/fixtures/minimal/procedure.md")).unwrap();
        (a, Book { procedure, ..Book::default() })
    }

    #[test]
    fn the_overview_shows_the_source_and_marks_what_it_does_not_state() {
        let (a, book) = fixture();
        let catalogue = Catalogue { authorities: vec![Listing::of(&a)], ..Catalogue::default() };
        let html = overview_html(&a, &catalogue, &book, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).into_string();
        assert!(html.contains(html!("<h1>{}: {}</h1>", a.name, a.document.title).as_str()), "{html}");
        assert!(html.contains("href=\"wizard/minimal\"") && html.contains("href=\"deadlines/minimal\""));
        assert!(html.contains("<a href=\"a/minimal/all\">The whole procedure on one page</a>"), "{html}");
        assert!(html.contains("href=\"train/minimal/quiz\"") && html.contains("href=\"train/minimal/cases\""));
        assert!(html.contains("<dt>On the web</dt><dd><span class=\"not-stated\">no address given in the source"));
        assert!(
            html.contains(
                "<dt>Checked against the source</dt><dd><time datetime=\"2026-11-30\">30 November 2026</time> \
             (<a href=\"a/minimal/changes\">what has changed"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<li><a href=\"a/minimal/").count(), book.procedure.sections.len());
        let current = contents_html(&a, &book, Some(&book.procedure.sections[0].id));
        assert_eq!(current.as_str().matches("aria-current=\"page\"").count(), 1);
    }

    #[test]
    fn a_passed_review_date_is_flagged() {
        let (mut a, _) = fixture();
        a.dates = serde_json::from_str(r#"[{"kind":"next_review_due","date":"2011-03-26","note":null}]"#).unwrap();
        let html =
            source_dates_html(&Listing::of(&a), &Catalogue::default(), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
                .into_string();
        assert!(html.contains("overdue by more than 15 years"), "{html}");
        let none = Listing { dates: vec![], ..Listing::of(&a) };
        assert!(source_dates_html(&none, &Catalogue::default(), NaiveDate::MIN)
            .as_str()
            .contains("The source states no date"));
    }
}
