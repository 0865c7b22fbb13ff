//! Training: a whole quiz (right and wrong answers, the summary), a reload mid-quiz, progress across reloads and
//! through download and load, corrupt or foreign progress, a session link, the quiz on what changes between two
//! authorities, and the handout on at most two A4 pages. The right answers come from the site's own question
//! bank, computed here from `content/`.

use std::time::Duration;

use cin_procedure_explorer::compare::Library;
use cin_procedure_explorer::training::quiz::{bank, differing_topics, Question};
use fantoccini::wd::PrintConfiguration;
use fantoccini::Locator;
use serde_json::Value;

use crate::support;
use crate::support::browser::Browser;

/// Where the progress is kept.
const KEY: &str = "cin-explorer.training";

fn library() -> Library {
    cin_procedure_explorer::publish::library(&support::all())
}

/// The question on screen, found in the bank by its topic and heading.
async fn on_screen<'a>(b: &Browser, questions: &'a [Question]) -> &'a Question {
    let form = b.wait_for("form[data-question-topic]").await;
    let topic = form.attr("data-question-topic").await.unwrap().unwrap_or_default();
    let prompt = b.text("form[data-question-topic] h1").await;
    questions
        .iter()
        .find(|q| q.topic == topic && q.prompt == prompt)
        .unwrap_or_else(|| panic!("the question “{prompt}” ({topic}) is not in the bank"))
}

/// Picks the right answer (or a wrong one), checks it, and returns the verdict shown.
async fn answer(b: &Browser, q: &Question, right: bool) -> String {
    let labels =
        b.eval("return [...document.querySelectorAll('.quiz-question .radio label')].map(l => l.textContent)").await;
    let labels: Vec<String> = serde_json::from_value(labels).unwrap();
    let at = labels.iter().position(|l| (*l == q.right) == right).expect("a choice to pick");
    let radio = if at == 0 { "answer".to_owned() } else { format!("answer-{at}") };
    b.client.find(Locator::Id(&radio)).await.unwrap().click().await.unwrap();
    b.click(".quiz-question button[type=submit]").await;
    let feedback = b.wait_for("#feedback[data-verdict]").await;
    assert!(feedback.text().await.unwrap().contains(&q.right), "the feedback gives the right answer");
    feedback.attr("data-verdict").await.unwrap().unwrap_or_default()
}

async fn next(b: &Browser) {
    b.click("main form button[type=submit]").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_quiz_checks_answers_resumes_after_a_reload_and_ends_with_a_summary() {
    let Some((server, b)) = support::setup().await else { return };
    let library = library();
    let slug = support::slugs()[0].clone();
    let questions = bank(&library, &slug);
    b.open(&server.url(&format!("/train/{slug}/quiz")), "form[data-question-topic]").await;
    b.assert_accessible("a quiz question").await;
    let total: usize = {
        let line = b.text(".progress").await;
        line.split(" of ").nth(1).and_then(|s| s.split_whitespace().next()).and_then(|n| n.parse().ok()).unwrap()
    };
    // "Check answer" with nothing chosen says so.
    b.click(".quiz-question button[type=submit]").await;
    b.wait_for("#error-summary").await;
    assert!(b.text("#error-summary").await.contains("Select an answer"));
    let mut missed = Vec::new();
    for i in 0..total {
        let q = on_screen(&b, &questions).await;
        assert!(b.text(".progress").await.starts_with(&format!("Question {} of {total}", i + 1)));
        let right = i % 3 != 0;
        assert_eq!(answer(&b, q, right).await, if right { "right" } else { "wrong" });
        if i == 0 {
            b.assert_accessible("the feedback on a wrong answer").await;
        }
        if !right {
            missed.push(q.prompt.clone());
        }
        if i == 1 {
            // A reload mid-quiz shows the same feedback, then carries on.
            b.client.refresh().await.unwrap();
            b.wait_for("#feedback[data-verdict='right']").await;
        }
        next(&b).await;
        if i + 1 < total {
            b.wait_until(&format!(
                "return (document.querySelector('.progress') || {{}}).textContent?.startsWith('Question {} of')",
                i + 2
            ))
            .await;
        }
    }
    b.wait_until("return document.querySelector('main h1')?.textContent === 'Your results'").await;
    let summary = b.text("main .training").await;
    assert!(summary.contains(&format!("You answered {} of {total}", total - missed.len())), "{summary}");
    for prompt in &missed {
        assert!(summary.contains(prompt.as_str()), "the summary lists the missed “{prompt}”");
    }
    b.assert_accessible("the quiz summary").await;
    // The next quiz asks a missed question first.
    b.click("main form button[type=submit]").await;
    b.wait_until("return document.querySelector('.progress')?.textContent.startsWith('Question 1 of')").await;
    let first = on_screen(&b, &questions).await;
    assert!(missed.contains(&first.prompt), "“{}” was not missed", first.prompt);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_persists_and_round_trips_through_download_clear_and_load() {
    let Some((server, b)) = support::setup().await else { return };
    let library = library();
    let slug = support::slugs()[1].clone();
    let questions = bank(&library, &slug);
    b.open(&server.url(&format!("/train/{slug}/quiz")), "form[data-question-topic]").await;
    for _ in 0..2 {
        let q = on_screen(&b, &questions).await;
        answer(&b, q, true).await;
        next(&b).await;
        b.wait_until("return !document.querySelector('#feedback')").await;
    }
    b.open(&server.url("/train"), ".train-table").await;
    b.assert_accessible("the training page").await;
    let row = format!("//tr[th[contains(., \"{}\")]]/td[1]", support::content()[1].0.name);
    let known = || async { b.client.find(Locator::XPath(&row)).await.unwrap().text().await.unwrap() };
    assert!(known().await.starts_with("2 of "), "{}", known().await);
    b.client.refresh().await.unwrap();
    b.wait_for(".train-table").await;
    assert!(known().await.starts_with("2 of "), "after a reload: {}", known().await);
    // Download: catch the file the button offers.
    b.eval(
        "window.__saved = null; let blob = null; const make = URL.createObjectURL; \
         URL.createObjectURL = b => { blob = b; return make(b); }; const click = HTMLAnchorElement.prototype.click; \
         HTMLAnchorElement.prototype.click = function () { if (this.download && blob) { blob.text() \
         .then(t => { window.__saved = { name: this.download, text: t }; }); } else { click.call(this); } }; return true",
    )
    .await;
    b.click("[data-action='save-progress']").await;
    b.wait_until("return window.__saved !== null").await;
    let saved = b.eval("return window.__saved").await;
    assert_eq!(saved["name"], "cin-training-progress.json");
    let text = saved["text"].as_str().unwrap().to_owned();
    assert_eq!(Value::String(text.clone()), b.eval(&format!("return localStorage.getItem('{KEY}')")).await);
    // Clear, then load the file back.
    b.click(".clear-progress button").await;
    b.wait_until("return document.querySelector('main .notice')?.textContent.includes('cleared')").await;
    assert!(known().await.starts_with("0 of "), "{}", known().await);
    let file = std::env::temp_dir().join(format!("progress-{}.json", std::process::id()));
    std::fs::write(&file, &text).unwrap();
    b.client.find(Locator::Id("progress-file")).await.unwrap().send_keys(file.to_str().unwrap()).await.unwrap();
    b.click(".load-progress button").await;
    b.wait_until("return document.querySelector('main .notice')?.textContent.includes('loaded')").await;
    assert!(known().await.starts_with("2 of "), "after loading: {}", known().await);
    // A file that is not the site's is refused, and nothing saved is lost.
    std::fs::write(&file, "{\"boxes\":{\"x\":1}}").unwrap();
    b.client.find(Locator::Id("progress-file")).await.unwrap().send_keys(file.to_str().unwrap()).await.unwrap();
    b.click(".load-progress button").await;
    b.wait_for("#error-summary").await;
    assert!(b.text("#error-summary").await.contains("not this site's progress file"));
    assert!(known().await.starts_with("2 of "), "after a foreign file: {}", known().await);
    b.assert_accessible("the training page with a load error").await;
    let _ = std::fs::remove_file(file);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrupt_saved_progress_is_cleared_with_a_notice_and_a_bad_seed_is_named() {
    let Some((server, b)) = support::setup().await else { return };
    let slug = support::slugs()[0].clone();
    b.open(&server.url("/"), ".cards li").await;
    b.eval(&format!("localStorage.setItem('{KEY}', '{{oops'); return true")).await;
    b.open(&server.url("/train"), ".train-table").await;
    assert!(b.text("main .notice").await.contains("could not be read, so it has been cleared"));
    let kept = b.eval(&format!("return JSON.parse(localStorage.getItem('{KEY}')).format")).await;
    assert_eq!(kept, "cin-procedure-explorer/training-progress");
    b.open(&server.url(&format!("/train/{slug}/quiz?seed=twelve")), "form[data-question-topic]").await;
    assert!(b.text(".notice").await.contains("“twelve” is not a whole number"));
    b.open(&server.url("/train/atlantis/quiz"), "main h1").await;
    b.wait_until("return document.querySelector('main h1').textContent === 'Page not found'").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_link_gives_everyone_the_same_questions_in_the_same_order() {
    let Some((server, b)) = support::setup().await else { return };
    let slug = support::slugs()[2].clone();
    let url = server.url(&format!("/train/{slug}/quiz?seed=77"));
    let mut seen = Vec::new();
    for _ in 0..2 {
        b.open(&url, "form[data-question-topic]").await;
        let first = b.eval("return [document.querySelector('main h1').textContent, [...document.querySelectorAll('.radio label')].map(l => l.textContent)]").await;
        seen.push(first);
        b.eval("localStorage.clear(); return true").await;
    }
    assert_eq!(seen[0], seen[1]);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_quiz_between_two_authorities_asks_only_where_they_differ() {
    let Some((server, b)) = support::setup().await else { return };
    let library = library();
    let slugs = support::slugs();
    let (to, from) = (&slugs[1], &slugs[3]);
    let differ = differing_topics(&library, to, from);
    let questions = bank(&library, to);
    b.open(&server.url(&format!("/train/{to}/from/{from}")), "form[data-question-topic]").await;
    b.assert_accessible("the quiz between two authorities").await;
    loop {
        let q = on_screen(&b, &questions).await;
        assert!(differ.contains(&q.topic), "{} is a topic on which they agree", q.topic);
        answer(&b, q, true).await;
        let last = b.text("main form button[type=submit]").await == "See your results";
        next(&b).await;
        if last {
            break;
        }
        b.wait_until("return !document.querySelector('#feedback')").await;
    }
    b.wait_until("return document.querySelector('main h1')?.textContent === 'Your results'").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_handout_prints_on_at_most_two_a4_pages_and_lists_every_stated_timescale() {
    let Some((server, b)) = support::setup().await else { return };
    let library = library();
    for slug in support::slugs() {
        b.open(&server.url(&format!("/train/{slug}/handout")), ".handout-table").await;
        let book = library.books.iter().find(|x| x.authority.slug == slug).unwrap();
        for rule in &book.rules {
            let timescale = library.topics.iter().any(|t| t.id == rule.topic && t.timescale);
            if timescale && rule.status != cin_procedure_explorer::model::Status::NotStated {
                b.wait_for(&format!("tr[data-topic='{}']", rule.topic)).await;
            }
        }
        let config = PrintConfiguration::builder().build().unwrap();
        let pdf = b.client.print(config).await.unwrap();
        let pages = pdf.windows(12).filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's').count();
        assert!((1..=2).contains(&pages), "{slug}: the handout prints on {pages} pages");
    }
    b.assert_accessible("a handout").await;
    b.open(&server.url(&format!("/train/{}/quiz/print?seed=5", support::slugs()[0])), ".answer-sheet").await;
    b.assert_accessible("the quiz to print").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_answer_is_answered_within_fifty_milliseconds() {
    let Some((server, b)) = support::setup().await else { return };
    let slug = support::slugs()[0].clone();
    b.open(&server.url(&format!("/train/{slug}/quiz")), "form[data-question-topic]").await;
    let mut times = Vec::new();
    for _ in 0..7 {
        b.wait_for("form[data-question-topic]").await;
        let took = b
            .client
            .execute_async(
                "const done = arguments[0]; document.querySelector('#answer').click(); \
                 const started = performance.now(); document.querySelector('.quiz-question button').click(); \
                 const wait = () => document.querySelector('#feedback') ? done(performance.now() - started) : setTimeout(wait, 1); \
                 wait();",
                vec![],
            )
            .await
            .unwrap();
        times.push(took.as_f64().unwrap());
        next(&b).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("Check answer: median {median:.1} ms over {} answers ({times:?})", times.len());
    assert!(median < 50.0, "Check answer took {median:.1} ms (median)");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worked_case_takes_a_wrong_date_then_the_right_one_and_shows_the_count() {
    use cin_procedure_explorer::training::cases::{expected, Answer};
    let Some((server, b)) = support::setup().await else { return };
    let library = library();
    let book = &library.books[0];
    let slug = &book.authority.slug;
    b.open(&server.url(&format!("/train/{slug}/cases")), ".case-list").await;
    b.assert_accessible("the worked cases").await;
    let (case, want) = library.cases[slug]
        .iter()
        .find_map(|c| {
            let all = expected(c, &book.authority, &book.rules, &library.topics).ok()?;
            all.into_iter().find(|e| matches!(e.answer, Answer::Date(_))).map(|e| (c, e))
        })
        .expect("a case with a date question");
    let Answer::Date(date) = &want.answer else { unreachable!("a date question") };
    b.client.find(Locator::LinkText(&case.title)).await.unwrap().click().await.unwrap();
    let id = format!("q{}", want.question + 1);
    b.wait_for(&format!("#{id}")).await;
    let section = format!("section[data-question-topic='{}']", want.topic);
    b.wait_for(&section).await;
    let enter = |d: chrono::NaiveDate| {
        let id = id.clone();
        let b = &b;
        async move {
            for (field, value) in [
                (id.clone(), d.format("%-d")),
                (format!("{id}-month"), d.format("%-m")),
                (format!("{id}-year"), d.format("%Y")),
            ] {
                let input = b.client.find(Locator::Id(&field)).await.unwrap();
                input.clear().await.unwrap();
                input.send_keys(&value.to_string()).await.unwrap();
            }
            let form = format!("//input[@id='{id}']/ancestor::form//button");
            b.client.find(Locator::XPath(&form)).await.unwrap().click().await.unwrap();
        }
    };
    enter(date.date - chrono::Duration::days(2)).await;
    b.wait_for("#feedback[data-verdict='wrong']").await;
    b.assert_accessible("a worked case with a wrong date").await;
    enter(date.date).await;
    b.wait_for("#feedback[data-verdict='right']").await;
    let feedback = b.text("#feedback").await;
    assert!(feedback.contains(&date.how), "{feedback} does not say how it was counted: {}", date.how);
    b.quit().await;
}
