//! `/wizard/{authority}` and its map, answered by the worker. The page for a walk is worked out once: the step (a
//! question, "Check your answers", or the result with its timeline, rules and the same answers under another
//! authority), with the notices about the address and the walk saved in this browser. An answer sent from a
//! question is read here: accepted, the walk moves on to a new address ([`Answer::Go`]); refused, the question is
//! shown again with what was wrong.

use chrono::NaiveDate;

use super::main::card_context;
use super::route::Route;
use super::worker::{Answer, Held};
use super::{book_of, not_listed};
use crate::compare::Library;
use crate::html;
use crate::html::Html;
use crate::model::{page_title, Authority, Book, Catalogue};
use crate::model::{Rule, Status};
use crate::render::action::Action;
use crate::render::deadlines::timeline_actions_html;
use crate::render::wizard::{check_html, map_html, question_html, result_html, walk_href, MapView, Outcome};
use crate::render::Page;
use crate::timeline::{applicable, timeline, FieldError};
use crate::wizard::{
    excluded_plans, flow, flow_for, next, next_steps, outcomes, read_answer, with_assumptions, Ending, Question,
    Refusal, Step, Walk, Way,
};

/// The other authority a walk is compared with (`compare=`), as far as it is known.
pub enum Other<'a> {
    /// The walk names none.
    Nothing,
    /// The catalogue does not list the slug the walk names.
    NotListed(&'a str),
    /// The authority and its book.
    Listed(&'a Authority, &'a Book),
}

/// What a wizard page is made from.
pub struct WizardState<'a> {
    /// Every authority.
    pub catalogue: &'a Catalogue,
    /// The authority whose procedure is walked.
    pub authority: &'a Authority,
    /// Its book.
    pub book: &'a Book,
    /// Its flow.
    pub flow: &'a [Question],
    /// The walk, read from the address.
    pub walk: &'a Walk,
    /// What in the address was not used, with why.
    pub ignored: &'a [FieldError],
    /// Whether the address held no answer at all.
    pub empty: bool,
    /// Whether a walk saved in this browser could not be read and was cleared.
    pub discarded: bool,
    /// A walk saved in this browser, as a query string, to offer to resume.
    pub saved: Option<&'a str>,
    /// The answer just refused: its message, and the date as it was typed.
    pub error: Option<&'a Refusal>,
    /// The authority compared with.
    pub other: Other<'a>,
    /// Today.
    pub today: NaiveDate,
}

/// The question the walk is at: one it returns to, or the next unanswered; `None` when it is done.
fn step_of(flow: &[Question], book: &Book, walk: &Walk) -> Option<usize> {
    let revisit = walk.at.as_ref().and_then(|k| flow.iter().position(|q| q.key == k.as_str()));
    revisit.or_else(|| match next(flow, &book.rules, &walk.case, &walk.skipped) {
        Step::Ask(i) => Some(i),
        Step::Done(_) => None,
    })
}

/// What the result shows for a walk that ended: what to do next, the deadlines (on the way through a whole case),
/// the other rules that apply, and only the gaps that bear on this case: a not-stated rule whose answered
/// conditions fail is left out; on the way to a review's outcome, only the gaps on what follows the outcomes shown.
pub fn outcome<'a>(
    flow: &'a [Question],
    walk: &'a Walk,
    ending: &'a Ending<'a>,
    book: &'a Book,
    today: NaiveDate,
) -> Outcome<'a> {
    let (rules, topics) = (&book.rules, &book.topics);
    let mut result =
        Outcome { flow, walk, ending, steps: Vec::new(), timeline: None, shown: Vec::new(), gaps: Vec::new() };
    let Ending::Applies { outcomes, .. } = ending else { return result };
    let after_review = walk.way == Way::AfterReview;
    result.steps = next_steps(ending, rules, topics, &walk.case);
    if !after_review {
        result.timeline = Some(timeline(rules, topics, &walk.case, today));
    }
    let apply = applicable(rules, &walk.case);
    let stepped = |r: &Rule| result.steps.iter().any(|s| s.rule.id == r.id);
    result.shown = topics
        .iter()
        .filter(|t| t.on_result && !after_review)
        .flat_map(|t| {
            apply.iter().filter(move |(r, _)| r.topic == t.id && r.status != Status::NotStated).map(|(r, _)| *r)
        })
        .filter(|r| !stepped(r))
        .collect();
    let core = |topic: &str| topics.iter().any(|t| t.id == topic && t.core);
    let follows = |topic: &str| {
        topics.iter().any(|t| t.id == topic && outcomes.iter().any(|(_, o)| t.next_for.outcomes.contains(&o.id)))
    };
    result.gaps = apply
        .iter()
        .map(|(r, _)| *r)
        .filter(|r| r.status == Status::NotStated && core(&r.topic))
        .filter(|r| !after_review || follows(&r.topic))
        .collect();
    result
}

/// The same answers under the other authority, or why they cannot be shown.
fn compared(state: &WizardState) -> Html {
    let column = |body: Html| html!("<section class=\"compare-column\">{}</section>", body);
    let (authority, book) = match state.other {
        Other::Nothing => return Html::new(),
        Other::NotListed(slug) => return column(html!("<p>There is no authority called “{}”.</p>", slug)),
        Other::Listed(authority, book) => (authority, book),
    };
    let their_flow = flow_for(state.walk.way, &book.rules, &book.topics, authority);
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let (mut theirs, _) = Walk::from_query(&Walk { compare: None, ..state.walk.clone() }.to_query(), &teams);
    theirs.way = state.walk.way;
    let theirs = with_assumptions(&theirs);
    column(match next(&their_flow, &book.rules, &theirs.case, &theirs.skipped) {
        Step::Done(ending) => {
            let result = outcome(&their_flow, &theirs, &ending, book, state.today);
            result_html(&result, &card_context(authority, book))
        }
        Step::Ask(i) => html!(
            "<h2>{name}</h2><p>{name}'s procedure needs another answer for these answers: “{question}”. \
             <a href=\"{href}\">Answer it there</a>.</p>",
            name = authority.short_name,
            question = their_flow[i].text,
            href = walk_href(&authority.slug, &theirs)
        ),
    })
}

/// The result: the outcome and what follows, the actions, and links to the same answers elsewhere.
fn result(state: &WizardState, walk: &Walk, ending: &Ending) -> Html {
    let authority = state.authority;
    let result = outcome(state.flow, walk, ending, state.book, state.today);
    let others: Html = state
        .catalogue
        .authorities
        .iter()
        .filter(|a| a.slug != authority.slug)
        .map(|a| {
            let side = Walk { at: None, from_check: false, compare: Some(a.slug.clone()), ..walk.clone() };
            html!("<li><a href=\"{}\">{}</a></li>", walk_href(&authority.slug, &side), a.short_name)
        })
        .collect();
    let out = html!(
        "{}{}<h2>Compare with another authority</h2><p>The same answers under \
         another authority, side by side:</p><ul class=\"compare-links\">{}</ul>",
        result_html(&result, &card_context(authority, state.book)),
        if walk.way == Way::Case { timeline_actions_html() } else { Html::new() },
        others
    );
    match walk.compare {
        Some(_) => html!(
            "<div class=\"compare-grid\"><section class=\"compare-column\">{}</section>{}</div>",
            out,
            compared(state)
        ),
        None => out,
    }
}

/// The two ways into the wizard, offered where a walk starts: the other way is a link.
fn ways_in(authority: &Authority, way: Way) -> Html {
    let (case, after) = (Walk::default(), Walk { way: Way::AfterReview, ..Walk::default() });
    let (slug, name) = (authority.slug.as_str(), &authority.short_name);
    let item = |this: Way, href: String, title: &str, what: String| {
        if this == way {
            html!("<li aria-current=\"page\"><strong>{}</strong> — {}</li>", title, what)
        } else {
            html!("<li><a href=\"{}\">{}</a> — {}</li>", href, title, what)
        }
    };
    html!(
        "<nav class=\"ways-in\" aria-label=\"Ways into the wizard\"><ul>{}{}</ul></nav>",
        item(
            Way::Case,
            walk_href(slug, &case),
            "Work through a case",
            format!("every question {name}'s rules need, with the dates")
        ),
        item(
            Way::AfterReview,
            walk_href(slug, &after),
            "What follows a review?",
            format!("only what {name}'s review outcome depends on")
        )
    )
}

/// Reads a walk saved in this browser (as a query string): `None` when there is none, `Err` when what is stored is
/// not a walk.
fn saved_walk(text: &str, teams: &[String]) -> Option<Result<String, ()>> {
    if text.is_empty() {
        return None;
    }
    let pairs: Result<Vec<(String, String)>, ()> =
        text.split('&').map(|p| p.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())).ok_or(())).collect();
    let readable = pairs.is_ok_and(|pairs| Walk::from_query(&pairs, teams).1.is_empty());
    Some(if readable { Ok(text.to_owned()) } else { Err(()) })
}

/// The wizard's answer for an authority, a way in and the walk in the address. `held` carries the walk saved in
/// this browser and the answer just sent, if any. A walk through a whole case is kept to resume (the way to a
/// review's outcome is two questions at most); a saved walk that cannot be read is cleared, and the page says so.
pub fn answer(
    library: &Library,
    slug: &str,
    way: Way,
    pairs: &[(String, String)],
    held: &Held,
    today: NaiveDate,
) -> Answer {
    let catalogue = library.catalogue();
    let Some((authority, book)) = book_of(library, slug) else {
        return Answer::Page(not_listed(&catalogue, slug));
    };
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let (mut walk, ignored) = Walk::from_query(pairs, &teams);
    walk.way = way;
    let flow = flow_for(way, &book.rules, &book.topics, authority);
    let sent = held.field("question");
    let mut error = None;
    if let Some(question) = flow.iter().find(|q| !held.form.is_empty() && q.key == sent) {
        match read_answer(question, |name| held.field(name)) {
            Ok(answer) => return Answer::Go(walk_href(slug, &walk.answer(question.key, answer))),
            Err(refusal) => error = Some(refusal),
        }
    }
    let empty = pairs.is_empty();
    let saved = saved_walk(&held.saved, &teams);
    let discarded = matches!(saved, Some(Err(())));
    let keep = match (empty, way) {
        (false, Way::Case) => Some(crate::query::join(&walk.to_query())),
        _ if discarded => Some(String::new()),
        _ => None,
    };
    let resume = match (empty, way, saved) {
        (true, Way::Case, Some(Ok(text))) => Some(text),
        _ => None,
    };
    let others: Vec<(&Authority, Book)> = walk.compare.iter().filter_map(|s| book_of(library, s)).collect();
    let other = match (walk.compare.as_deref(), others.first()) {
        (None, _) => Other::Nothing,
        (Some(_), Some((a, b))) => Other::Listed(a, b),
        (Some(slug), None) => Other::NotListed(slug),
    };
    let html = wizard_page(&WizardState {
        catalogue: &catalogue,
        authority,
        book: &book,
        flow: &flow,
        walk: &walk,
        ignored: &ignored,
        empty,
        discarded,
        saved: resume.as_deref(),
        error: error.as_ref(),
        other,
        today,
    });
    let what = match way {
        Way::Case => "Which rule applies",
        Way::AfterReview => "What follows a review",
    };
    let page = Page { title: page_title(&[what, &authority.short_name]), html };
    match keep {
        Some(keep) => Answer::Kept(page, keep),
        None => Answer::Page(page),
    }
}

/// `/wizard/{authority}/map`: the whole flow for a procedures lead to review.
pub fn map_page(library: &Library, slug: &str) -> Page {
    match book_of(library, slug) {
        Some((authority, book)) => Page {
            title: page_title(&["Wizard map", &authority.short_name]),
            html: html!(
                "<div class=\"wizard-map\">{}</div>",
                map_html(
                    &MapView {
                        flow: &flow(&book.rules, &book.topics, authority),
                        excluded: excluded_plans(&book.rules),
                        outcomes: outcomes(&book.rules),
                    },
                    authority
                )
            ),
        },
        None => not_listed(&library.catalogue(), slug),
    }
}

/// The wizard's page for the state.
pub fn wizard_page(state: &WizardState) -> Html {
    let assumed = with_assumptions(state.walk);
    let (authority, walk, flow) = (state.authority, &assumed, state.flow);
    let mut out = Html::new();
    if state.discarded {
        out.push(html!(
            "<p class=\"notice\" role=\"status\">A walk saved in this browser could not be read, so it was cleared.</p>"
        ));
    }
    if !state.ignored.is_empty() {
        let items: Html = state.ignored.iter().map(|e| html!("<li>{}</li>", e.message)).collect();
        out.push(html!(
            "<div class=\"notice\" role=\"status\"><p>Some answers in the link were ignored:</p><ul>{}</ul></div>",
            items
        ));
    }
    if let (true, Some(saved)) = (state.empty, state.saved) {
        let resume = Route::Wizard { slug: authority.slug.clone(), way: Way::Case, walk: crate::query::pairs(saved) };
        out.push(html!(
            "<div class=\"resume\"><p>This browser holds the answers you gave for a case under {}'s procedure, \
             not yet finished.</p><p><a class=\"button\" href=\"{}\">Continue where you left off</a></p></div>",
            authority.short_name,
            resume.href()
        ));
    }
    let ending = match next(flow, &state.book.rules, &walk.case, &walk.skipped) {
        Step::Done(ending) => Some(ending),
        Step::Ask(_) => None,
    };
    // The way to a review's outcome is two questions at most: it goes straight to the result.
    let early = matches!(ending, Some(Ending::NotInNeed | Ending::Excluded(_))) || walk.way == Way::AfterReview;
    let step = step_of(flow, state.book, walk);
    if state.empty && (step == Some(0) || walk.way == Way::AfterReview) {
        out.push(ways_in(authority, walk.way));
    }
    match (step, ending) {
        (Some(i), _) => out.push(question_html(authority, flow, i, walk, state.error)),
        (None, _) if !walk.confirmed && !early => out.push(check_html(&authority.slug, flow, walk)),
        (None, Some(ending)) => out.push(result(state, walk, &ending)),
        (None, None) => {}
    }
    out.push(html!(
        "<p class=\"start-again\"><button type=\"button\" class=\"link-button\"{}>Start again</button></p>",
        Action::Restart.attrs()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{content_topics, parse_authority, Listing, Rule};

    fn authorities() -> [Authority; 2] {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let mut other = a.clone();
        (other.slug, other.short_name) = ("other".into(), "Other".into());
        [a, other]
    }

    fn fixture() -> (Catalogue, Book) {
        let rules: Vec<Rule> = serde_json::from_str(
            r#"[{"id":"m-first","topic":"review.first","status":"stated",
                 "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},
                 "summary":"s","cites":[],"note":null}]"#,
        )
        .unwrap();
        (
            Catalogue { authorities: authorities().iter().map(Listing::of).collect(), ..Catalogue::default() },
            Book { rules, topics: content_topics(), ..Book::default() },
        )
    }

    fn page(catalogue: &Catalogue, book: &Book, query: &str, other: Other) -> String {
        page_on(Way::Case, catalogue, book, query, other)
    }

    fn page_on(way: Way, catalogue: &Catalogue, book: &Book, query: &str, other: Other) -> String {
        let all = authorities();
        let authority = &all[0];
        let flow = flow_for(way, &book.rules, &book.topics, authority);
        let (mut walk, ignored) = Walk::from_query(&crate::query::pairs(query), &[]);
        walk.way = way;
        wizard_page(&WizardState {
            catalogue,
            authority,
            book,
            flow: &flow,
            walk: &walk,
            ignored: &ignored,
            empty: query.is_empty(),
            discarded: false,
            saved: Some("in_need=yes"),
            error: None,
            other,
            today: NaiveDate::from_ymd_opt(2026, 3, 30).unwrap(),
        })
        .into_string()
    }

    #[test]
    fn a_walk_moves_from_questions_to_check_your_answers_to_the_result() {
        let (catalogue, book) = fixture();
        let first = page(&catalogue, &book, "", Other::Nothing);
        assert!(first.contains("<h1>Has the child been assessed as in need?</h1>"), "{first}");
        assert!(first.contains("Continue where you left off"), "an empty address offers the saved walk");
        let check =
            page(&catalogue, &book, "in_need=yes&plan_established=2026-03-26&previous_review=none", Other::Nothing);
        assert!(check.contains("<h1>Check your answers</h1>"), "{check}");
        let result = page(
            &catalogue,
            &book,
            "in_need=yes&plan_established=2026-03-26&previous_review=none&result=yes",
            Other::Nothing,
        );
        assert!(result.contains("<h1>Result: "), "{result}");
        assert!(result.contains("<time datetime=\"2026-04-20\""), "15 working days after 26 March 2026: {result}");
        assert!(result.contains("data-action=\"ics\"") && result.contains("compare=other"), "{result}");
        let ended = page(&catalogue, &book, "in_need=no", Other::Nothing);
        assert!(ended.contains("data-outcome=\"not_applicable\"") && !ended.contains("Check your answers"), "{ended}");
    }

    #[test]
    fn the_same_answers_elsewhere_show_or_name_the_other_authority() {
        let (catalogue, book) = fixture();
        let walk = "in_need=yes&plan_established=2026-03-26&previous_review=none&result=yes";
        let hostile = "\"><img src=x>";
        let unknown = page(&catalogue, &book, walk, Other::NotListed(hostile));
        assert!(!unknown.contains("compare-grid"), "no compare= in the walk, no second column");
        let listed = page(&catalogue, &book, &format!("{walk}&compare=other"), Other::NotListed(hostile));
        assert!(listed.contains("no authority called “&quot;&gt;&lt;img src=x&gt;”"), "{listed}");
        let all = authorities();
        let other = &all[1];
        let both = page(&catalogue, &book, &format!("{walk}&compare=other"), Other::Listed(other, &book));
        assert_eq!(both.matches("<h1>Result: ").count(), 2, "{both}");
    }

    #[test]
    fn what_the_procedure_does_not_say_lists_only_the_gaps_of_this_case() {
        let (catalogue, mut book) = fixture();
        book.rules.extend(
            serde_json::from_str::<Vec<crate::model::Rule>>(
                r#"[{"id":"m-visits-disabled","topic":"visits.minimum_interval","status":"not_stated",
                     "when":{"disabled":["yes"]},"summary":"Gap for disabled children.","cites":[],"note":null},
                    {"id":"m-chair","topic":"review.chair","status":"not_stated","summary":"Gap for everyone.",
                     "cites":[],"note":null}]"#,
            )
            .unwrap(),
        );
        let walk = "in_need=yes&disabled=no&plan_established=2026-03-26&previous_review=none&result=yes";
        let result = page(&catalogue, &book, walk, Other::Nothing);
        assert!(result.contains("Gap for everyone."), "{result}");
        assert!(!result.contains("Gap for disabled children."), "a gap whose condition fails is left out");
    }

    #[test]
    fn the_way_to_a_reviews_outcome_asks_the_finding_then_says_what_it_assumed() {
        let (catalogue, mut book) = fixture();
        book.rules.extend(
            serde_json::from_str::<Vec<crate::model::Rule>>(
                r#"[{"id":"m-outcomes","topic":"review.outcomes","status":"stated","value":{"kind":"outcomes",
                     "outcomes":[{"id":"close","label":"Case closed","destination":null,"findings":["needs_met"]}]},
                     "summary":"s","cites":[],"note":null}]"#,
            )
            .unwrap(),
        );
        let start = page_on(Way::AfterReview, &catalogue, &book, "", Other::Nothing);
        assert!(start.contains("<h1>What did the last review find?</h1>"), "{start}");
        let name = &catalogue.authorities[0].short_name;
        assert!(start.contains(&format!("{name} — question 1 of 1")), "{start}");
        assert!(start.contains("<a href=\"wizard/minimal\">Work through a case</a>"), "{start}");
        let done = page_on(Way::AfterReview, &catalogue, &book, "review_finding=needs_met", Other::Nothing);
        assert!(done.contains("data-outcome=\"close\"") && !done.contains("Check your answers"), "{done}");
        assert!(done.contains("What to do next") && done.contains("What this answer assumed"), "{done}");
        assert!(
            done.contains("href=\"wizard/minimal?review_finding=needs_met\">Work through the whole case"),
            "{done}"
        );
        assert!(!done.contains("<h2>Deadlines</h2>") && !done.contains("data-action=\"ics\""), "{done}");
        // The whole walk's first question offers the short way.
        let whole = page(&catalogue, &book, "", Other::Nothing);
        assert!(whole.contains("<a href=\"wizard/minimal/after-review\">What follows a review?</a>"), "{whole}");
    }

    fn held(saved: &str, form: &[(&str, &str)]) -> Held {
        let form = form.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Held { saved: saved.to_owned(), form, ..Held::default() }
    }

    fn content() -> Library {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::publish::library(&crate::publish::read(root).expect("content reads"))
    }

    fn ask(library: &Library, slug: &str, query: &str, held: &Held) -> Answer {
        let today = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap();
        answer(library, slug, Way::Case, &crate::query::pairs(query), held, today)
    }

    #[test]
    fn an_answer_sent_moves_the_walk_on_or_is_asked_again_with_what_was_wrong() {
        let library = content();
        let slug = library.books[0].authority.slug.clone();
        let yes = held("", &[("question", "in_need"), ("answer", "yes")]);
        assert_eq!(ask(&library, &slug, "", &yes), Answer::Go(format!("wizard/{slug}?in_need=yes")));
        let none = held("", &[("question", "in_need")]);
        let Answer::Page(page) = ask(&library, &slug, "", &none) else { panic!("the question again") };
        assert!(page.html.as_str().contains("Select an answer") && page.html.as_str().contains("error-summary"));
        // A question the flow does not have is not an answer: the page is shown as it is.
        let stray = held("", &[("question", "\"><img src=x>"), ("answer", "yes")]);
        assert!(matches!(ask(&library, &slug, "", &stray), Answer::Page(p) if !p.html.as_str().contains("<img")));
    }

    #[test]
    fn a_walk_through_a_case_is_kept_and_offered_again() {
        let library = content();
        let slug = library.books[0].authority.slug.clone();
        let kept = ask(&library, &slug, "in_need=yes", &held("", &[]));
        assert!(matches!(&kept, Answer::Kept(_, walk) if walk == "in_need=yes"), "{kept:?}");
        let Answer::Page(start) = ask(&library, &slug, "", &held("in_need=yes", &[])) else { panic!() };
        let resume = format!("href=\"wizard/{slug}?in_need=yes\">Continue where you left off");
        assert!(start.html.as_str().contains(&resume), "{}", start.html.as_str());
        assert!(start.title.starts_with("Which rule applies"), "{}", start.title);
        let Answer::Kept(page, forget) = ask(&library, &slug, "", &held("<b>not a walk", &[])) else { panic!() };
        assert!(forget.is_empty() && page.html.as_str().contains("could not be read, so it was cleared"));
        let after = answer(&library, &slug, Way::AfterReview, &[], &held("in_need=yes", &[]), NaiveDate::MIN);
        assert!(matches!(after, Answer::Page(p) if !p.html.as_str().contains("Continue where you left off")));
    }

    #[test]
    fn the_same_answers_are_shown_under_another_listed_authority_and_the_map_is_made() {
        let library = content();
        let (slug, other) = (library.books[0].authority.slug.clone(), library.books[1].authority.slug.clone());
        let walk = format!("in_need=no&compare={other}");
        let Answer::Kept(both, _) = ask(&library, &slug, &walk, &held("", &[])) else { panic!() };
        assert_eq!(both.html.as_str().matches("compare-column").count(), 2, "{}", both.html.as_str());
        let Answer::Kept(unknown, _) = ask(&library, &slug, "in_need=no&compare=nowhere", &held("", &[])) else {
            panic!()
        };
        assert!(unknown.html.as_str().contains("There is no authority called “nowhere”."));
        assert!(map_page(&library, &slug).html.as_str().contains("The wizard's flow"));
        assert!(map_page(&library, "nowhere").title.starts_with("Authority not found"));
        assert!(
            matches!(ask(&library, "nowhere", "", &held("", &[])), Answer::Page(p) if p.title.starts_with("Authority not found"))
        );
    }
}
