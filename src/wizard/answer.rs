//! Reading one question's answer from the submitted form: a choice, a date (as GOV.UK's date input reads it, a whole
//! date pasted into the day box included), or "not known". A refused answer keeps what was typed, so the question
//! can be shown again with it.

use super::{Answer, Kind, Question};
use crate::timeline::{date_label, DateParts};

/// An answer the wizard refused: the question, the message, and for a date the three boxes as they were typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The key of the question refused.
    pub key: String,
    /// What is wrong, as GOV.UK words it.
    pub message: String,
    /// The date's boxes as typed, to put back in them.
    pub typed: Option<DateParts>,
}

/// Reads the answer to `question` through `value` (a form field's name → what it holds): the radio `answer`, or the
/// date boxes `answer-day`, `answer-month`, `answer-year` and the box `no-date`.
pub fn read_answer(question: &Question, value: impl Fn(&str) -> String) -> Result<Answer, Refusal> {
    let refuse = |message: String, typed: Option<DateParts>| Refusal { key: question.key.to_owned(), message, typed };
    match question.kind {
        Kind::Choice { .. } => match value("answer") {
            v if v.is_empty() => Err(refuse("Select an answer".to_owned(), None)),
            v => Ok(Answer::Choice(v)),
        },
        Kind::Date if value("no-date") == "yes" => Ok(Answer::NoDate),
        Kind::Date => {
            let typed =
                DateParts { day: value("answer-day"), month: value("answer-month"), year: value("answer-year") };
            let label = date_label(question.key);
            match typed.parse(label) {
                Ok(Some(d)) => Ok(Answer::Date(d)),
                Ok(None) => Err(refuse(
                    format!("Enter {}, or tick the box if you do not know it", label.to_lowercase()),
                    Some(typed),
                )),
                Err(message) => Err(refuse(message, Some(typed))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date_question() -> Question {
        Question { key: "plan_established", text: date_label("plan_established").to_owned(), kind: Kind::Date }
    }

    fn form<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> String + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_whole_date_pasted_into_the_day_box_is_the_answer() {
        let march = NaiveDate::from_ymd_opt(2026, 3, 26).unwrap();
        for pasted in ["26/03/2026", "26-3-2026", "2026-03-26", "26 March 2026"] {
            assert_eq!(read_answer(&date_question(), form(&[("answer-day", pasted)])), Ok(Answer::Date(march)));
        }
        let by_name = [("answer-day", "26"), ("answer-month", "mar"), ("answer-year", "2026")];
        assert_eq!(read_answer(&date_question(), form(&by_name)), Ok(Answer::Date(march)));
    }

    #[test]
    fn a_refused_date_keeps_what_was_typed() {
        let pasted = [("answer-day", "31/02/2026")];
        let refusal = read_answer(&date_question(), form(&pasted)).unwrap_err();
        assert_eq!(refusal.key, "plan_established");
        assert_eq!(refusal.message, "Date the plan was agreed must be a real date");
        assert_eq!(refusal.typed, Some(DateParts { day: "31/02/2026".into(), ..DateParts::default() }));

        let not_a_date = [("answer-day", "next Tuesday")];
        let refusal = read_answer(&date_question(), form(&not_a_date)).unwrap_err();
        assert_eq!(refusal.message, "Date the plan was agreed must be a real date");
        assert_eq!(refusal.typed.unwrap().day, "next Tuesday");

        let words = [("answer-day", "soon")];
        let refusal = read_answer(&date_question(), form(&words)).unwrap_err();
        assert_eq!(refusal.message, "Date the plan was agreed must include a month and year");
        assert_eq!(refusal.typed.unwrap().day, "soon");

        let typed = [("answer-day", "26"), ("answer-month", "Marc"), ("answer-year", "1899")];
        let refusal = read_answer(&date_question(), form(&typed)).unwrap_err();
        assert_eq!(refusal.message, "Date the plan was agreed must be a real date");
        let typed_parts = refusal.typed.unwrap();
        assert_eq!(
            (typed_parts.day.as_str(), typed_parts.month.as_str(), typed_parts.year.as_str()),
            ("26", "Marc", "1899")
        );
    }

    #[test]
    fn nothing_typed_asks_for_the_date_or_the_box() {
        let refusal = read_answer(&date_question(), form(&[])).unwrap_err();
        assert_eq!(refusal.message, "Enter date the plan was agreed, or tick the box if you do not know it");
        assert_eq!(read_answer(&date_question(), form(&[("no-date", "yes"), ("answer-day", "x")])), Ok(Answer::NoDate));
        let choice =
            Question { key: "in_need", text: String::new(), kind: Kind::Choice { choices: vec![], dont_know: false } };
        let refusal = read_answer(&choice, form(&[])).unwrap_err();
        assert_eq!((refusal.message.as_str(), refusal.typed), ("Select an answer", None));
        assert_eq!(read_answer(&choice, form(&[("answer", "yes")])), Ok(Answer::Choice("yes".into())));
    }
}
