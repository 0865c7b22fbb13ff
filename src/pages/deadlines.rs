//! `/deadlines/{authority}`, answered by the worker: the whole page for an address (the form filled in from the
//! case it holds, any problem with it, and the timeline), and, for a form just read, what changes on the page
//! while the form stays as typed ([`Update`]). Also the one `.ics` export of a case's deadlines, for this page and
//! the wizard's result.

use chrono::NaiveDate;

use super::route::Route;
use super::worker::{Answer, Clock, Held, Update};
use super::{book_of, not_listed};
use crate::compare::Library;
use crate::html;
use crate::html::Html;
use crate::model::{page_title, Authority, Book};
use crate::render::deadlines::{
    field_id, first_per_field, form_errors_html, form_html, timeline_actions_html, timeline_html,
};
use crate::render::Page;
use crate::timeline::form::{outside_table, Form};
use crate::timeline::ics::{to_ics, IcsContext};
use crate::timeline::{timeline, Case};
use crate::wizard::Walk;

/// The ids of the page's parts the worker makes again as the form changes.
const SUMMARY: &str = "deadlines-summary";
const NOTES: &str = "deadlines-notes";
const TIMELINE: &str = "deadlines-timeline";
const PRINTED: &str = "deadlines-printed";

/// The field a form sent to be checked carries (the "Check the dates" button): incomplete dates are then errors.
pub const CHECK_FIELD: &str = "check";

fn teams(authority: &Authority) -> Vec<String> {
    authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect()
}

/// The parts that follow the case: the error summary, notes on dates outside the bank-holiday table, the timeline
/// and the address printed with it.
fn parts(
    authority: &Authority,
    book: &Book,
    case: &Case,
    errors: Vec<crate::timeline::FieldError>,
    printed: String,
    today: NaiveDate,
) -> [(&'static str, Html); 4] {
    let notes: Html = outside_table(case).into_iter().map(|note| html!("<p class=\"warning\">{}</p>", note)).collect();
    let t = timeline(&book.rules, &book.topics, case, today);
    [
        (SUMMARY, form_errors_html(&first_per_field(errors))),
        (NOTES, notes),
        (TIMELINE, timeline_html(&t, authority, &book.topics)),
        (PRINTED, html!("Printed from {}", printed)),
    ]
}

/// The whole page for a case read from the address, with what in the address could not be used.
fn whole(authority: &Authority, book: &Book, pairs: &[(String, String)], held: &Held, today: NaiveDate) -> Page {
    let (case, errors) = Case::from_query(pairs, &teams(authority));
    let form = Form::for_rules(&book.rules, &book.topics, authority);
    let href = Route::Deadlines { slug: authority.slug.clone(), case: case.to_query() }.href();
    let [summary, notes, shown, printed] = parts(authority, book, &case, errors, format!("{}{href}", held.base), today);
    let slot = |(id, part): (&str, Html), class: &str| html!("<div class=\"{}\" id=\"{}\">{}</div>", class, id, part);
    Page {
        title: page_title(&["Deadlines", &authority.short_name]),
        html: html!(
            "<p class=\"breadcrumb\"><a href=\"{start}\">Authorities</a> › <a href=\"{home}\">{name}</a> › Deadlines</p>\
             <h1>Deadlines: {name}</h1>{summary}<p class=\"lead\">Enter the dates you know. The deadlines this \
             procedure sets follow, as calendar dates.</p><p class=\"privacy-note\">Only dates and answers about the \
             case's shape: never a name or an identifier. Nothing you enter leaves this browser; the address of this \
             page holds your answers, so it can be bookmarked or shared.</p><form class=\"deadlines-form\" novalidate>\
             {fields}<button type=\"submit\" class=\"button\">Check the dates</button></form>\
             <section class=\"timeline-section\" aria-labelledby=\"timeline-heading\"><h2 id=\"timeline-heading\">\
             Timeline</h2><p class=\"today\">Today is {today}.</p><p class=\"print-only\" id=\"{printed_id}\">{printed}</p>\
             {notes}{actions}{shown}</section>",
            start = Route::Home.href(),
            home = Route::Authority { slug: authority.slug.clone() }.href(),
            name = authority.short_name,
            summary = slot(summary, "summary-slot"),
            fields = form_html(&form, &case),
            today = crate::calendar::long_date(today),
            printed_id = printed.0,
            printed = printed.1,
            notes = slot(notes, "notes-slot"),
            actions = timeline_actions_html(),
            shown = slot(shown, "timeline-slot")
        ),
    }
}

/// What changes once the form just sent is read: a date that does not read keeps the one in the address; once
/// checked, an incomplete date is an error too.
fn update(authority: &Authority, book: &Book, pairs: &[(String, String)], held: &Held, today: NaiveDate) -> Update {
    let form = Form::for_rules(&book.rules, &book.topics, authority);
    let (previous, _) = Case::from_query(pairs, &teams(authority));
    let value = |name: &str| held.field(name);
    let (case, errors) = form.read(value, held.field(CHECK_FIELD) == "yes", &previous);
    let href = Route::Deadlines { slug: authority.slug.clone(), case: case.to_query() }.href();
    let field_errors = form
        .dates
        .iter()
        .map(|key| (field_id(key), errors.iter().find(|e| e.key == *key).map(|e| e.message.clone())))
        .collect();
    let printed = format!("{}{href}", held.base);
    let fill = form.spread(value).into_iter().flat_map(|(key, parts)| {
        let id = field_id(key);
        [(format!("{id}-month"), parts.month), (format!("{id}-year"), parts.year), (id, parts.day)]
    });
    Update {
        fill: fill.collect(),
        errors: field_errors,
        parts: parts(authority, book, &case, errors, printed, today)
            .into_iter()
            .map(|(id, p)| (id.to_owned(), p))
            .collect(),
        href,
    }
}

/// The deadlines page for an authority and the case in the address; with a form just sent, what changes.
pub fn answer(library: &Library, slug: &str, pairs: &[(String, String)], held: &Held, today: NaiveDate) -> Answer {
    let Some((authority, book)) = book_of(library, slug) else {
        return Answer::Page(not_listed(&library.catalogue(), slug));
    };
    match held.form.is_empty() {
        true => Answer::Page(whole(authority, &book, pairs, held, today)),
        false => Answer::Update(update(authority, &book, pairs, held, today)),
    }
}

/// The deadlines of the case in a route's address (the deadlines page's, or a wizard walk's) as an `.ics` calendar
/// file, each event naming the page it came from.
pub fn ics_file(
    library: &Library,
    route: &Route,
    slug: &str,
    pairs: &[(String, String)],
    held: &Held,
    clock: Clock,
) -> Answer {
    let Some((authority, book)) = book_of(library, slug) else {
        return Answer::Page(not_listed(&library.catalogue(), slug));
    };
    let case = Walk::from_query(pairs, &teams(authority)).0.case;
    let label =
        |topic: &str| book.topics.iter().find(|t| t.id == topic).map_or_else(|| topic.to_owned(), |t| t.label.clone());
    let page_url = format!("{}{}", held.base, route.href());
    let ctx = IcsContext {
        authority: &authority.name,
        slug: &authority.slug,
        topic_label: &label,
        page_url: &page_url,
        now: clock.now,
    };
    let t = timeline(&book.rules, &book.topics, &case, clock.today);
    Answer::File { name: format!("deadlines-{}.ics", authority.slug), text: to_ics(&t, &ctx) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::worker::tests::clock;
    use crate::timeline::{date_label, needed_dates};

    fn library() -> Library {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::publish::library(&crate::publish::read(root).expect("content reads"))
    }

    fn held(form: &[(&str, &str)]) -> Held {
        let form = form.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Held { form, base: "https://x.org/cin/".into(), ..Held::default() }
    }

    /// The first authority's slug and the first date its deadlines count from.
    fn first(library: &Library) -> (String, &'static str) {
        let data = &library.books[0];
        (data.authority.slug.clone(), needed_dates(&data.rules, &library.topics)[0])
    }

    #[test]
    fn the_whole_page_holds_the_form_the_problems_and_the_timeline() {
        let library = library();
        let (slug, key) = first(&library);
        let pairs = vec![(key.to_owned(), "2026-03-26".to_owned()), ("other_plan".to_owned(), "banana".to_owned())];
        let Answer::Page(page) = answer(&library, &slug, &pairs, &held(&[]), clock().today) else {
            panic!("a whole page when nothing is sent")
        };
        let html = page.html.into_string();
        assert!(page.title.starts_with("Deadlines"), "{}", page.title);
        assert!(html.contains(&format!("id=\"field-{key}\"")) && html.contains("value=\"26\""), "filled in: {html}");
        assert!(html.contains("<time datetime=\"2026-"), "a dated deadline: {html}");
        assert!(html.contains("banana") && html.contains("error-summary"), "the unusable answer is named: {html}");
        assert!(html.contains(&format!("Printed from https://x.org/cin/deadlines/{slug}?{key}=2026-03-26")), "{html}");
        assert!(html.contains("Today is Monday 30 March 2026."), "{html}");
        let missing = answer(&library, "\"><img src=x>", &[], &held(&[]), clock().today);
        assert!(
            matches!(&missing, Answer::Page(p) if p.title.starts_with("Authority not found") && !p.html.as_str().contains("<img")),
            "{missing:?}"
        );
    }

    #[test]
    fn a_form_sent_gives_the_new_address_the_boxes_to_fill_and_the_problems() {
        let library = library();
        let (slug, key) = first(&library);
        let day = format!("{key}-day");
        let pasted = answer(&library, &slug, &[], &held(&[(&day, "26/3/2026")]), clock().today);
        let Answer::Update(update) = pasted else { panic!("an update for a form sent: {pasted:?}") };
        assert_eq!(update.href, format!("deadlines/{slug}?{key}=2026-03-26"));
        assert!(update.fill.contains(&(format!("field-{key}-year"), "2026".to_owned())), "{:?}", update.fill);
        let timeline = update.parts.iter().find(|(id, _)| id == TIMELINE).expect("the timeline is made again");
        assert!(timeline.1.as_str().contains("<time datetime=\"2026-"), "{timeline:?}");
        // An impossible date keeps the one in the address and says why, on the field and in the summary.
        let before = vec![(key.to_owned(), "2026-03-26".to_owned())];
        let sent = held(&[(&day, "30"), (&format!("{key}-month"), "2"), (&format!("{key}-year"), "2026")]);
        let Answer::Update(wrong) = answer(&library, &slug, &before, &sent, clock().today) else { panic!() };
        assert_eq!(wrong.href, format!("deadlines/{slug}?{key}=2026-03-26"));
        let message = format!("{} must be a real date", date_label(key));
        assert!(wrong.errors.contains(&(format!("field-{key}"), Some(message.clone()))), "{:?}", wrong.errors);
        let summary = wrong.parts.iter().find(|(id, _)| id == SUMMARY).unwrap();
        assert!(summary.1.as_str().contains(&message), "{summary:?}");
        // An incomplete date is a problem only once the form is checked.
        let part = held(&[(&day, "4")]);
        let Answer::Update(typing) = answer(&library, &slug, &[], &part, clock().today) else { panic!() };
        assert!(typing.errors.iter().all(|(_, e)| e.is_none()), "{:?}", typing.errors);
        let checked = held(&[(&day, "4"), (CHECK_FIELD, "yes")]);
        let Answer::Update(checked) = answer(&library, &slug, &[], &checked, clock().today) else { panic!() };
        assert!(checked.errors.iter().any(|(_, e)| e.as_deref().is_some_and(|e| e.contains("must include"))));
    }

    #[test]
    fn the_calendar_file_names_the_page_it_came_from() {
        let library = library();
        let (slug, key) = first(&library);
        let pairs = vec![(key.to_owned(), "2026-03-26".to_owned())];
        let route = Route::Deadlines { slug: slug.clone(), case: pairs.clone() };
        let file = ics_file(&library, &route, &slug, &pairs, &held(&[]), clock());
        let Answer::File { name, text } = file else { panic!("a file: {file:?}") };
        assert_eq!(name, format!("deadlines-{slug}.ics"));
        assert!(text.starts_with("BEGIN:VCALENDAR") && text.contains("DTSTART;VALUE=DATE:2026"), "{text}");
        assert!(text.replace("\r\n ", "").contains(&format!("https://x.org/cin/deadlines/{slug}")), "{text}");
    }
}
