//! A cell of the comparison in a few words, for the matrix at a glance: each rule's value briefly, its condition
//! in brackets, and "not stated" or "ambiguous: … or …" where that is what the procedure gives.

use super::agree::Applied;
use super::Conditions;
use crate::model::{describe_brief, describe_conditions, Role, Rule, Status, Vocabulary};

/// One rule in a few words: "15 working days after the plan is established", "ambiguous: 10 days or 10 working
/// days", "not stated", followed in brackets by the conditions the case leaves open (`open`), where there are any.
fn compact_rule(rule: &Rule, open: &Conditions, vocabulary: &Vocabulary, roles: &[Role]) -> String {
    let said = match rule.status {
        Status::NotStated => "not stated".to_owned(),
        Status::Stated => rule.value.as_ref().map_or_else(|| "stated".to_owned(), |v| describe_brief(v, roles)),
        Status::Ambiguous => {
            let readings: Vec<String> = rule.readings.iter().map(|r| describe_brief(&r.value, roles)).collect();
            match readings.as_slice() {
                [] => "ambiguous".to_owned(),
                [one] => format!("ambiguous: {one}"),
                [init @ .., last] => format!("ambiguous: {} or {last}", init.join(", ")),
            }
        }
    };
    match describe_conditions(open, vocabulary) {
        Some(when) => format!("{said} ({when})"),
        None => said,
    }
}

/// A whole cell in a few words: its rules' brief readings joined by " · ", or "not stated" for a procedure that
/// does not cover the topic.
pub fn compact_cell(cell: &Applied, vocabulary: &Vocabulary, roles: &[Role]) -> String {
    if cell.rules.is_empty() {
        return "not stated".to_owned();
    }
    cell.rules.iter().map(|(r, open)| compact_rule(r, open, vocabulary, roles)).collect::<Vec<_>>().join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::library;
    use crate::compare::view::{shown, View};

    #[test]
    fn a_cell_reads_in_a_few_words_with_its_conditions_and_status() {
        let library = library();
        let rows = crate::compare::rows(&library);
        let view = View::from_query(&[], &library);
        let all = shown(&rows, &view, &library);
        let words = |topic: &str, authority: usize| {
            let row = all.iter().find(|s| s.row.topic.id == topic).unwrap();
            let book = &library.books[authority];
            compact_cell(&row.cells[authority], &book.authority.vocabulary, &library.roles)
        };
        let names: Vec<&str> = library.books.iter().map(|b| b.authority.slug.as_str()).collect();
        for (i, name) in names.iter().enumerate() {
            for row in &all {
                let text = words(&row.row.topic.id, i);
                assert!(
                    !text.is_empty() && text.split_whitespace().count() <= 40,
                    "{name} {}: {text}",
                    row.row.topic.id
                );
            }
        }
        let interval: Vec<String> = (0..names.len()).map(|i| words("review.interval", i)).collect();
        assert!(interval.iter().any(|w| w == "every 3 months"), "{interval:?}");
        assert!(interval.iter().any(|w| w.contains("every 12 weeks") && w.contains(" · ")), "{interval:?}");
        let chair: Vec<String> = (0..names.len()).map(|i| words("review.chair", i)).collect();
        assert!(chair.iter().any(|w| w.starts_with("ambiguous")), "{chair:?}");
    }
}
