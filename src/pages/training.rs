//! The training pages, answered in the background worker (it holds every authority's rules): `/train` with the
//! learner's progress, the quiz (or the quiz on what changes from another authority), the printable quiz and the
//! trainer's handout. The learner's progress comes with each request and goes back with the answer to be kept;
//! saved progress that cannot be read is cleared with a notice.

use super::route::Route;
use super::worker::{Answer, Held};
use crate::compare::Library;
use crate::model::{page_title, AuthorityData};
use crate::render::frame::unknown_route_html;
use crate::render::training::{
    case_html, cases_list_html, handout_html, home_html, quiz_html, sheet_html, CaseReply, Said,
};
use crate::render::Page;
use crate::timeline::DateParts;
use crate::training::cases::{expected, outcome_choices};
use crate::training::progress::Progress;
use crate::training::quiz::{bank, differing_topics, Question};
use crate::training::session::{step, Act, Quiz, Shows};

/// The value of a form field, if the form sent it.
fn field<'a>(held: &'a Held, name: &str) -> Option<&'a str> {
    held.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// What the learner did, from the form sent with the request.
fn act(held: &Held) -> Act {
    match field(held, "act") {
        Some("check") => Act::Check {
            question: field(held, "question").unwrap_or_default().to_owned(),
            choice: field(held, "answer").and_then(|a| a.parse().ok()),
        },
        Some("next") => Act::Next,
        Some("again") => Act::Again,
        _ => Act::Look,
    }
}

/// The saved progress, or a fresh start and a notice if it cannot be read.
fn saved(held: &Held) -> (Progress, Vec<Said>) {
    match Progress::read(&held.saved) {
        Ok(progress) => (progress, Vec::new()),
        Err(_) => (
            Progress::default(),
            vec![Said::Notice(
                "The training progress saved in this browser could not be read, so it has been cleared.".to_owned(),
            )],
        ),
    }
}

/// `/train`: loading or clearing progress first, if that is what the form asked.
fn home(library: &Library, held: &Held) -> Answer {
    let (mut progress, mut said) = saved(held);
    match field(held, "act") {
        Some("load") => match Progress::read(field(held, "file").unwrap_or_default()) {
            Ok(loaded) if !field(held, "file").unwrap_or_default().trim().is_empty() => {
                progress = loaded;
                said.push(Said::Notice("Your progress was loaded from the file.".to_owned()));
            }
            Ok(_) => said.push(Said::Error("Choose a progress file to load".to_owned())),
            Err(why) => said.push(Said::Error(format!(
                "That file could not be loaded: {}. The progress you had is unchanged",
                why.0
            ))),
        },
        Some("clear") => {
            progress = Progress::default();
            said.push(Said::Notice("Your training progress has been cleared from this browser.".to_owned()));
        }
        _ => {}
    }
    let page = Page { title: page_title(&["Training"]), html: home_html(library, &progress, &said) };
    Answer::Kept(page, progress.write())
}

/// The questions a quiz may ask: all of the authority's, or only those on topics where `from` differs.
fn pool(library: &Library, slug: &str, from: Option<&str>) -> Vec<Question> {
    let all = bank(library, slug);
    match from {
        None => all,
        Some(other) => {
            let differ = differing_topics(library, slug, other);
            all.into_iter().filter(|q| differ.contains(&q.topic)).collect()
        }
    }
}

/// A quiz page: the question, the feedback on an answer, or the summary.
fn quiz(
    library: &Library,
    book: &AuthorityData,
    other: Option<&AuthorityData>,
    seed: Option<u32>,
    held: &Held,
) -> Answer {
    let (mut progress, said) = saved(held);
    let slug = &book.authority.slug;
    let pool = pool(library, slug, other.map(|o| o.authority.slug.as_str()));
    let quiz = Quiz { slug: slug.clone(), from: other.map(|o| o.authority.slug.clone()), seed };
    let shows = step(&mut progress, &pool, &quiz, &act(held));
    let title = match (&shows, other) {
        (Shows::Summary, _) => "Your results",
        (_, Some(_)) => "Moving between authorities",
        _ => "Quiz",
    };
    let page = Page {
        title: page_title(&[title, &book.authority.short_name, "Training"]),
        html: quiz_html(book, other, &pool, &progress, &shows, &said),
    };
    Answer::Kept(page, progress.write())
}

/// What the learner sent for a worked case's question: its index and the answer's words.
fn case_reply(held: &Held) -> Option<(usize, CaseReply)> {
    if field(held, "act") != Some("case") {
        return None;
    }
    let index = field(held, "question")?.parse().ok()?;
    let picked: Vec<String> = held.form.iter().filter(|(k, _)| k == "answer").map(|(_, v)| v.clone()).collect();
    let parts = DateParts {
        day: field(held, "answer-day").unwrap_or_default().to_owned(),
        month: field(held, "answer-month").unwrap_or_default().to_owned(),
        year: field(held, "answer-year").unwrap_or_default().to_owned(),
    };
    Some((index, CaseReply { picked, parts }))
}

/// `/train/{authority}/cases` (the list) or one case, with the feedback on the answer just sent.
fn cases(library: &Library, book: &AuthorityData, case: Option<&str>, held: &Held) -> Option<Answer> {
    let slug = &book.authority.slug;
    let all = library.cases.get(slug).map(Vec::as_slice).unwrap_or_default();
    let Some(id) = case else {
        return Some(Answer::Page(Page {
            title: page_title(&["Worked cases", &book.authority.short_name, "Training"]),
            html: cases_list_html(book, all),
        }));
    };
    let case = all.iter().find(|c| c.id == id)?;
    let expected = expected(case, &book.authority, &book.rules, &library.topics);
    let html = case_html(book, case, &outcome_choices(&book.rules), expected.as_deref().ok(), case_reply(held));
    Some(Answer::Page(Page { title: page_title(&[&case.title, "Worked cases", &book.authority.short_name]), html }))
}

/// The answer for a training route; an authority the library does not hold is not found.
pub fn page(library: &Library, route: &Route, held: &Held) -> Answer {
    let find = |slug: &str| library.books.iter().find(|b| b.authority.slug == slug);
    let answer = match route {
        Route::Train => Some(home(library, held)),
        Route::Quiz { slug, from: None, seed } => find(slug).map(|book| quiz(library, book, None, *seed, held)),
        Route::Quiz { slug, from: Some(other), .. } => match (find(slug), find(other)) {
            (Some(book), Some(from)) if slug != other => Some(quiz(library, book, Some(from), None, held)),
            _ => None,
        },
        Route::QuizSheet { slug, seed } => find(slug).map(|book| {
            let pool = bank(library, slug);
            let mut progress = Progress::default();
            let quiz = Quiz { slug: slug.clone(), from: None, seed: Some(*seed) };
            step(&mut progress, &pool, &quiz, &Act::Look);
            let order = progress.session.map(|s| s.order).unwrap_or_default();
            Answer::Page(Page {
                title: page_title(&["Quiz to print", &book.authority.short_name, "Training"]),
                html: sheet_html(book, &pool, &order, *seed),
            })
        }),
        Route::Cases { slug, case } => find(slug).and_then(|book| cases(library, book, case.as_deref(), held)),
        Route::Handout { slug } => find(slug).map(|book| {
            Answer::Page(Page {
                title: page_title(&["Handout", &book.authority.short_name, "Training"]),
                html: handout_html(library, book),
            })
        }),
        _ => None,
    };
    answer.unwrap_or_else(|| {
        // The address as the reader typed it: each segment decoded (it is text in the page).
        let asked: Vec<String> = route.path_and_query().0.split('/').map(crate::query::decode).collect();
        Answer::Page(Page {
            title: page_title(&["Not found"]),
            html: unknown_route_html(&asked.join("/"), Some(&library.catalogue())),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn library() -> Library {
        crate::publish::library(&crate::publish::read(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content reads"))
    }

    fn open(library: &Library, path: &str, query: &str, held: &Held) -> (String, String) {
        match page(library, &Route::parse(path, query).0, held) {
            Answer::Kept(page, keep) => (page.html.into_string(), keep),
            Answer::Page(page) => (page.html.into_string(), String::new()),
            other => panic!("a page was asked for: {other:?}"),
        }
    }

    fn form(saved: &str, pairs: &[(&str, &str)]) -> Held {
        let form = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Held { saved: saved.to_owned(), form, ..Held::default() }
    }

    #[test]
    fn a_quiz_question_is_checked_and_the_feedback_names_the_verdict() {
        let library = library();
        let slug = library.books[0].authority.slug.clone();
        let path = format!("/train/{slug}/quiz");
        let (html, saved) = open(&library, &path, "", &Held::default());
        assert!(html.contains("data-question-topic=") && html.contains("Check answer"), "{html}");
        let progress = Progress::read(&saved).unwrap();
        let session = progress.session.clone().unwrap();
        let q = crate::training::session::asked(&session, &bank(&library, &slug), 0).unwrap().clone();
        let wrong = q.choices(u64::from(session.seed)).iter().position(|c| *c != q.right).unwrap().to_string();
        let (html, saved) =
            open(&library, &path, "", &form(&saved, &[("act", "check"), ("question", &q.id), ("answer", &wrong)]));
        assert!(html.contains("data-verdict=\"wrong\""), "{html}");
        assert!(html.contains(&crate::html::escape(&q.right)), "the right answer is shown");
        assert_eq!(Progress::read(&saved).unwrap().box_of(&slug, &q.id), Some(0));
        let (html, _) = open(&library, &path, "", &form(&saved, &[("act", "next")]));
        assert!(html.contains("Question 2 of"), "{html}");
    }

    #[test]
    fn corrupt_or_foreign_progress_is_named_and_never_replaces_what_is_kept() {
        let library = library();
        let (html, kept) = open(&library, "/train", "", &form("{broken", &[]));
        assert!(html.contains("could not be read, so it has been cleared"), "{html}");
        assert_eq!(Progress::read(&kept), Ok(Progress::default()));
        let mut mine = Progress::default();
        mine.record("x", "q", true);
        let (html, kept) =
            open(&library, "/train", "", &form(&mine.write(), &[("act", "load"), ("file", "{\"a\":1}")]));
        assert!(html.contains("That file could not be loaded: it is not this site&#39;s progress file"), "{html}");
        assert_eq!(Progress::read(&kept), Ok(mine.clone()));
        let (_, kept) = open(&library, "/train", "", &form("", &[("act", "load"), ("file", &mine.write())]));
        assert_eq!(Progress::read(&kept), Ok(mine));
        let (_, kept) = open(&library, "/train", "", &form(&kept, &[("act", "clear")]));
        assert_eq!(Progress::read(&kept), Ok(Progress::default()));
    }

    #[test]
    fn a_move_between_authorities_asks_only_where_they_differ_and_unknown_pairs_are_not_found() {
        let library = library();
        let (a, b) = (&library.books[0].authority.slug, &library.books[1].authority.slug);
        let differ = differing_topics(&library, a, b);
        let moving = pool(&library, a, Some(b));
        assert!(!moving.is_empty() && moving.iter().all(|q| differ.contains(&q.topic)));
        assert!(moving.len() < bank(&library, a).len());
        for path in [format!("/train/{a}/from/{a}"), format!("/train/{a}/from/nowhere"), "/train/nowhere/quiz".into()] {
            assert!(open(&library, &path, "", &Held::default()).0.contains("Page not found"), "{path}");
        }
        let hostile = "/train/%22%3E%3Cimg%20src%3Dx%3E/handout";
        assert!(!open(&library, hostile, "", &Held::default()).0.contains("<img"));
    }

    #[test]
    fn a_worked_case_checks_a_wrong_then_a_right_date_and_says_how_it_was_counted() {
        use crate::training::cases::Answer as Want;
        let library = library();
        for book in &library.books {
            let slug = &book.authority.slug;
            let cases = &library.cases[slug];
            assert!(cases.len() >= 4, "{slug} has {} worked cases", cases.len());
            let list = open(&library, &format!("/train/{slug}/cases"), "", &Held::default()).0;
            assert!(cases.iter().all(|c| list.contains(&format!("href=\"train/{slug}/cases/{}\"", c.id))));
            for case in cases {
                let wanted = expected(case, &book.authority, &book.rules, &library.topics).expect("a valid case");
                let path = format!("/train/{slug}/cases/{}", case.id);
                for want in &wanted {
                    let Want::Date(date) = &want.answer else { continue };
                    let send = |d: chrono::NaiveDate| {
                        let (day, month, year) =
                            (d.format("%d").to_string(), d.format("%m").to_string(), d.format("%Y").to_string());
                        let pairs = [
                            ("act", "case"),
                            ("question", &want.question.to_string()),
                            ("answer-day", &day),
                            ("answer-month", &month),
                            ("answer-year", &year),
                        ];
                        open(&library, &path, "", &form("", &pairs)).0
                    };
                    let wrong = send(date.date + chrono::Duration::days(1));
                    assert!(wrong.contains("data-verdict=\"wrong\""), "{path}: {wrong}");
                    let right = send(date.date);
                    assert!(right.contains("data-verdict=\"right\""), "{path}");
                    assert!(right.contains(&crate::html::escape(&date.how)), "{path}: the count is explained");
                    assert!(right.contains(&format!("data-question-topic=\"{}\"", want.topic)));
                }
            }
        }
        let bad = form(
            "",
            &[("act", "case"), ("question", "0"), ("answer-day", "31"), ("answer-month", "2"), ("answer-year", "2026")],
        );
        let slug = &library.books[0].authority.slug;
        let first = &library.cases[slug][0].id;
        let page = open(&library, &format!("/train/{slug}/cases/{first}"), "", &bad).0;
        assert!(page.contains("error-summary") && !page.contains("data-verdict"), "{page}");
        assert!(open(&library, &format!("/train/{slug}/cases/nope"), "", &Held::default())
            .0
            .contains("Page not found"));
    }

    #[test]
    fn the_handout_has_a_row_per_key_rule_and_the_sheet_its_answers() {
        let library = library();
        let book = &library.books[0];
        let slug = &book.authority.slug;
        let (html, _) = open(&library, &format!("/train/{slug}/handout"), "", &Held::default());
        for rule in book.rules.iter().filter(|r| r.status == crate::model::Status::Stated) {
            let timescale = library.topics.iter().any(|t| t.id == rule.topic && t.timescale);
            if timescale {
                assert!(html.contains(&format!("data-topic=\"{}\"", rule.topic)), "{}", rule.topic);
            }
        }
        assert!(html.contains("What the procedure does not say"));
        let (sheet, _) = open(&library, &format!("/train/{slug}/quiz/print"), "seed=3", &Held::default());
        assert_eq!(sheet.matches("data-question-topic").count(), crate::training::session::LENGTH);
        assert!(sheet.contains("class=\"answer-sheet\""));
    }
}
