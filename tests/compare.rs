//! The comparison on the project's real content: rules that say the same under different conditions agree where
//! those conditions hold, and agree outright once the view's case answers them; "only differences" hides both.

mod support;

use cin_procedure_explorer::compare::agree::Agreement;
use cin_procedure_explorer::compare::view::{shown, View};
use cin_procedure_explorer::compare::{rows, Library};
use cin_procedure_explorer::pages::route::Route;
use cin_procedure_explorer::query::pairs;

/// Each topic's agreement between York and Brighton and Hove, for the view's other keys (`query`).
fn agreement(library: &Library, query: &str, topic: &str) -> Agreement {
    let rows = rows(library);
    let view = View::from_query(&pairs(&format!("a=york,brighton-hove&{query}")), library);
    assert!(view.ignored.is_empty(), "{:?}", view.ignored);
    let shown = shown(&rows, &view, library);
    let row = shown.iter().find(|s| s.row.topic.id == topic).unwrap_or_else(|| panic!("no row {topic}"));
    row.agreement.clone()
}

/// The topics "only differences" keeps for the two authorities.
fn differing(library: &Library, query: &str) -> Vec<String> {
    let rows = rows(library);
    let view = View::from_query(&pairs(&format!("a=york,brighton-hove&diff=1&{query}")), library);
    shown(&rows, &view, library).iter().map(|s| s.row.topic.id.clone()).collect()
}

#[test]
fn without_a_case_the_same_deadline_under_a_condition_agrees_where_it_holds() {
    let library = support::library();
    for topic in ["planning_meeting.deadline", "records.distribution"] {
        let agreement = agreement(&library, "", topic);
        assert!(matches!(agreement, Agreement::SameWhere(_)), "{topic}: {agreement:?}");
        assert_eq!(
            agreement.where_words(&library).as_deref(),
            Some("children with services other than direct payments"),
            "{topic}"
        );
    }
    assert_eq!(agreement(&library, "", "review.interval"), Agreement::Differ, "12 weeks is not 3 months");
    let kept = differing(&library, "");
    assert!(kept.iter().any(|t| t == "review.interval"));
    assert!(!kept.iter().any(|t| t == "planning_meeting.deadline" || t == "records.distribution"), "{kept:?}");
}

#[test]
fn resolved_for_a_case_the_rules_agree_on_their_values() {
    let library = support::library();
    let case = "direct_payments_only=no";
    assert_eq!(
        agreement(&library, case, "planning_meeting.deadline"),
        Agreement::Same,
        "15 working days after the plan"
    );
    assert_eq!(agreement(&library, case, "records.distribution"), Agreement::Same, "10 working days after the meeting");
    assert_eq!(agreement(&library, case, "review.interval"), Agreement::Differ, "12 weeks against 3 months");
    let kept = differing(&library, case);
    assert!(kept.iter().any(|t| t == "review.interval"));
    assert!(!kept.iter().any(|t| t == "planning_meeting.deadline" || t == "records.distribution"), "{kept:?}");
}

#[test]
fn a_team_of_one_compared_authority_is_a_case_key_and_a_bad_answer_is_named() {
    let library = support::library();
    let view = View::from_query(
        &pairs("a=york,brighton-hove&team=health_disability&direct_payments_only=sometimes"),
        &library,
    );
    assert_eq!(view.case.get("team").map(String::as_str), Some("health_disability"));
    assert_eq!(view.ignored, ["direct_payments_only=sometimes"]);
    let without_york = View::from_query(&pairs("a=coventry,brighton-hove&team=health_disability"), &library);
    assert_eq!(without_york.ignored, ["team=health_disability"]);
    let link = Route::Compare { view: view.to_pairs(&library) }.href();
    assert_eq!(link, "compare?a=york,brighton-hove&team=health_disability");
}
