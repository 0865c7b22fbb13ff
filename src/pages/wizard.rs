//! The wizard's page for a walk, worked out once: the step (a question, "Check your answers", or the result with
//! its timeline, rules and the same answers under another authority), with the notices about the address and the
//! walk saved in this browser. Pure: the live page gives it what it has read and loaded.

use chrono::NaiveDate;

use super::main::card_context;
use crate::html;
use crate::html::Html;
use crate::model::{Authority, Book, Catalogue};
use crate::render::action::Action;
use crate::render::deadlines::timeline_actions_html;
use crate::render::wizard::{check_html, question_html, result_html, walk_href, Outcome};
use crate::timeline::FieldError;
use crate::wizard::{flow_for, next, with_assumptions, Ending, Question, Refusal, Step, Walk, Way};

/// The other authority a walk is compared with (`compare=`), as far as it is known.
pub enum Other<'a> {
    /// The walk names none.
    Nothing,
    /// The catalogue does not list the slug the walk names.
    NotListed(&'a str),
    /// Its book is still loading.
    Loading,
    /// Its book is here.
    Loaded(&'a Authority, &'a Book),
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

/// The same answers under the other authority, or why they cannot be shown yet.
fn compared(state: &WizardState) -> Html {
    let column = |body: Html| html!("<section class=\"compare-column\">{}</section>", body);
    let (authority, book) = match state.other {
        Other::Nothing => return Html::new(),
        Other::NotListed(slug) => return column(html!("<p>There is no authority called “{}”.</p>", slug)),
        Other::Loading => return column(html!("<p role=\"status\">Loading…</p>")),
        Other::Loaded(authority, book) => (authority, book),
    };
    let their_flow = flow_for(state.walk.way, &book.rules, &book.topics, authority);
    let teams: Vec<String> = authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
    let (mut theirs, _) = Walk::from_query(&Walk { compare: None, ..state.walk.clone() }.to_query(), &teams);
    theirs.way = state.walk.way;
    let theirs = with_assumptions(&theirs);
    column(match next(&their_flow, &book.rules, &theirs.case, &theirs.skipped) {
        Step::Done(ending) => {
            let result = Outcome { flow: &their_flow, walk: &theirs, ending: &ending, rules: &book.rules };
            result_html(&result, &card_context(authority, book), state.today)
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
    let outcome = Outcome { flow: state.flow, walk, ending, rules: &state.book.rules };
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
        result_html(&outcome, &card_context(authority, state.book), state.today),
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
        out.push(html!(
            "<div class=\"resume\"><p>You have a walk in progress for {} in this browser.</p>\
             <p><a class=\"button\" href=\"wizard/{}?{}\">Continue where you left off</a></p></div>",
            authority.short_name,
            authority.slug,
            saved
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
    use crate::model::{content_topics, parse_authority, Rule};

    fn fixture() -> (Catalogue, Book) {
        let a = parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap();
        let rules: Vec<Rule> = serde_json::from_str(
            r#"[{"id":"m-first","topic":"review.first","status":"stated",
                 "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},
                 "summary":"s","cites":[],"note":null}]"#,
        )
        .unwrap();
        let mut other = a.clone();
        (other.slug, other.short_name) = ("other".into(), "Other".into());
        (Catalogue { authorities: vec![a, other] }, Book { rules, topics: content_topics(), ..Book::default() })
    }

    fn page(catalogue: &Catalogue, book: &Book, query: &str, other: Other) -> String {
        page_on(Way::Case, catalogue, book, query, other)
    }

    fn page_on(way: Way, catalogue: &Catalogue, book: &Book, query: &str, other: Other) -> String {
        let authority = &catalogue.authorities[0];
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
    fn the_same_answers_elsewhere_wait_for_or_name_the_other_authority() {
        let (catalogue, book) = fixture();
        let walk = "in_need=yes&plan_established=2026-03-26&previous_review=none&result=yes";
        let loading = page(&catalogue, &book, &format!("{walk}&compare=other"), Other::Loading);
        assert!(loading.contains("compare-grid") && loading.contains("Loading…"), "{loading}");
        let hostile = "\"><img src=x>";
        let unknown = page(&catalogue, &book, walk, Other::NotListed(hostile));
        assert!(!unknown.contains("compare-grid"), "no compare= in the walk, no second column");
        let listed = page(&catalogue, &book, &format!("{walk}&compare=other"), Other::NotListed(hostile));
        assert!(listed.contains("no authority called “&quot;&gt;&lt;img src=x&gt;”"), "{listed}");
        let other = &catalogue.authorities[1];
        let both = page(&catalogue, &book, &format!("{walk}&compare=other"), Other::Loaded(other, &book));
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
}
