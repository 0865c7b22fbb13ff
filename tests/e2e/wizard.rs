//! End-to-end tests of `/wizard/{authority}` in headless Chromium, by clicking: a complete walk for every authority
//! ending at the result the engine gives for the same answers; reload mid-way; Back keeps later answers; "Change"
//! returns to the question and back to the result; a shared link reproduces the result; a bad link is explained.

use crate::support;
use crate::support::browser::Browser;
use cin_procedure_explorer::query::pairs;
use cin_procedure_explorer::render::wizard::walk_href;
use cin_procedure_explorer::wizard::{flow, flow_for, next, next_steps, with_assumptions, Kind, Step, Walk, Way};

/// Answers the question on screen: the first choice, or for a date 26 March 2026 if `date_first` else "not known".
async fn answer(b: &Browser, date_first: bool) {
    let is_date = b.eval("return document.querySelector('#answer-month') !== null").await == true;
    if is_date {
        if date_first {
            for (id, v) in [("answer", "26"), ("answer-month", "3"), ("answer-year", "2026")] {
                b.wait_for(&format!("#{id}")).await.send_keys(v).await.unwrap();
            }
        } else {
            b.click("#no-date").await;
        }
    } else {
        b.click("label[for='answer']").await;
    }
    let before = b.eval("return location.search").await;
    b.eval("document.querySelector('.wizard-question button[type=submit]').click(); return true").await;
    b.wait_until(&format!("return location.search !== {before}")).await;
}

/// Goes on from "Check your answers" to the result, if the page is the check page.
async fn see_result(b: &Browser) {
    if b.eval("return document.querySelector('.see-result') !== null").await == true {
        b.assert_accessible("check your answers").await;
        b.click(".see-result").await;
    }
}

/// The walk in the page's address.
async fn walk_in_page(b: &Browser, teams: &[String]) -> Walk {
    let search = b.eval("return location.search.slice(1)").await.as_str().unwrap().to_owned();
    let pairs: Vec<(String, String)> = search
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    Walk::from_query(&pairs, teams).0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complete_walk_for_every_authority_ends_at_the_engines_result() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    for entry in &all.entries {
        let slug = &entry.authority.slug;
        let teams: Vec<String> = entry.authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
        b.open(&server.url(&format!("/wizard/{slug}?start=1")), ".wizard").await;
        b.open(&server.url(&format!("/wizard/{slug}")), ".wizard").await;
        b.eval("const r = document.querySelector('[data-action=restart]'); if (r && document.querySelector('.resume')) r.click(); return true").await;
        b.wait_for(".wizard-question").await;
        let flow = flow(&entry.rules, &support::all().topics, &entry.authority);
        let mut dates = 0;
        for step in 0..flow.len() + 1 {
            if b.eval("return document.querySelector('.outcome, .see-result') !== null").await == true {
                break;
            }
            assert!(step < flow.len(), "{slug}: more questions than the flow has");
            b.assert_accessible(&format!("/wizard/{slug} question {}", step + 1)).await;
            // Every page names the council whose rules it walks, on the page and in its title.
            let name = &entry.authority.short_name;
            assert!(b.text(".progress").await.starts_with(&format!("{name} — question ")), "{slug}");
            assert_eq!(b.eval(&format!("return document.title.includes({name:?})")).await, true, "{slug}");
            let is_date = b.eval("return document.querySelector('#answer-month') !== null").await == true;
            // The first answer is "Yes" (in need); later choices take the first option; the first date is given.
            answer(&b, is_date && dates == 0).await;
            if is_date {
                dates += 1;
            }
        }
        see_result(&b).await;
        let outcome = b.wait_for(".outcome").await.attr("data-outcome").await.unwrap().unwrap();
        let walk = walk_in_page(&b, &teams).await;
        let Step::Done(ending) = next(&flow, &entry.rules, &walk.case, &walk.skipped) else {
            panic!("{slug}: not done")
        };
        assert_eq!(outcome, ending.id(), "{slug}");
        assert!(b.text("h1").await.contains(&entry.authority.short_name), "{slug}: the result names the council");
        b.assert_accessible(&format!("/wizard/{slug} result")).await;
    }
    b.quit().await;
}

/// Clicks Continue on the question shown.
async fn continue_on(b: &Browser) {
    b.eval("document.querySelector('.wizard-question button[type=submit]').click(); return true").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_reload_change_and_shared_links_keep_the_answers() {
    let Some((server, b)) = support::setup().await else { return };
    // The first authority whose second and third questions are choices (so Back can show the answer chosen).
    let all = support::all();
    let (entry, keys) = all
        .entries
        .iter()
        .map(|e| (e, flow(&e.rules, &all.topics, &e.authority)))
        .find(|(_, f)| f.len() >= 4 && f[1..3].iter().all(|q| matches!(q.kind, Kind::Choice { .. })))
        .map(|(e, f)| (e, f.iter().map(|q| q.key).collect::<Vec<_>>()))
        .expect("an authority whose second and third questions are choices");
    let (slug, total) = (&entry.authority.slug, keys.len());
    b.open(&server.url(&format!("/wizard/{slug}")), ".wizard").await;
    b.eval("const r = document.querySelector('[data-action=restart]'); if (document.querySelector('.resume')) r.click(); return true").await;
    b.wait_for(&format!(".wizard-question[data-key='{}']", keys[0])).await;
    // Click to next question, timed in the page (reported, not asserted: DESIGN §9 budgets are measured, not tested).
    let script = format!(
        r#"
        const done = arguments[arguments.length - 1];
        document.querySelector("label[for='answer']").click();
        const start = performance.now();
        const seen = () => document.querySelector(".wizard-question[data-key='{}']");
        new MutationObserver((_, o) => {{ if (seen()) {{ o.disconnect(); done(performance.now() - start); }} }})
            .observe(document.body, {{ childList: true, subtree: true }});
        document.querySelector('.wizard-question button[type=submit]').click();
    "#,
        keys[1]
    );
    let ms = b.client.execute_async(&script, vec![]).await.unwrap();
    eprintln!("wizard: click to next question {ms} ms");
    assert!(ms.as_f64().is_some_and(|ms| ms >= 0.0));
    answer(&b, false).await; // the second question: its first choice
    let progress = b.text(".progress").await;
    // Every question names the council whose rules it walks.
    let named = format!("{} — question 3 of {total}", entry.authority.short_name);
    assert!(progress.starts_with(&named), "{progress}");
    // Reload mid-way: the same question, the answers kept.
    b.client.refresh().await.unwrap();
    b.wait_for(&format!(".wizard-question[data-key='{}']", keys[2])).await;
    // Back: the previous question with its answer chosen; the later answers stay in the address.
    b.click(".back-link").await;
    b.wait_for(&format!(".wizard-question[data-key='{}']", keys[1])).await;
    assert_eq!(b.eval("return document.querySelector('#answer').checked").await, true);
    let first_answer = b.eval("return location.search").await.as_str().unwrap().to_owned();
    assert!(first_answer.contains(&format!("{}=", keys[0])), "{first_answer}");
    continue_on(&b).await;
    b.wait_for(&format!(".wizard-question[data-key='{}']", keys[2])).await;
    // Continue without choosing: an error summary, focus moves to it.
    continue_on(&b).await;
    assert!(b.text(".error-summary").await.contains("Select an answer"));
    b.assert_accessible(&format!("/wizard/{slug} with an error")).await;
    // Finish: the last choice of the third question; then the first date given and the others not known, and the
    // last choice (such as "I don't know") for any other question.
    b.eval("const r = document.querySelectorAll('.radio input'); r[r.length - 1].click(); return true").await;
    let chosen = b.eval("const r = document.querySelectorAll('.radio input'); return r[r.length - 1].id").await;
    continue_on(&b).await;
    let mut dates = 0;
    for _ in 0..total {
        b.wait_for(".wizard-question, .see-result, .outcome").await;
        if b.eval("return document.querySelector('.wizard-question') === null").await == true {
            break;
        }
        if b.eval("return document.querySelector('#answer-month') !== null").await == true {
            answer(&b, dates == 0).await;
            dates += 1;
        } else {
            let before = b.eval("return location.search").await;
            b.eval("const r = document.querySelectorAll('.radio input'); r[r.length - 1].click(); return true").await;
            continue_on(&b).await;
            b.wait_until(&format!("return location.search !== {before}")).await;
        }
    }
    // "Check your answers", then the result.
    b.wait_for(".see-result, .outcome").await;
    see_result(&b).await;
    b.wait_for(".outcome").await;
    let html = "return document.querySelector('.wizard').innerHTML.replaceAll('<!---->', '')";
    let result = b.eval(html).await;
    // Change: back to the question, and after Continue back to the answers and on to the result.
    b.eval(&format!("document.querySelector(\".answers a[href*='at={}&']\").click(); return true", keys[2])).await;
    b.wait_for(&format!(".wizard-question[data-key='{}']", keys[2])).await;
    assert_eq!(b.eval(&format!("return document.querySelector('#{}').checked", chosen.as_str().unwrap())).await, true);
    continue_on(&b).await;
    b.wait_for(".see-result").await;
    see_result(&b).await;
    b.wait_for(".outcome").await;
    // A shared link reproduces the result exactly.
    let url = b.eval("return location.href").await.as_str().unwrap().to_owned();
    b.open(&url, ".outcome").await;
    assert_eq!(b.eval(html).await, result);
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_link_is_explained_and_the_question_asked_again() {
    let Some((server, b)) = support::setup().await else { return };
    let slug = &support::slugs()[0];
    b.open(&server.url(&format!("/wizard/{slug}?in_need=perhaps&colour=red")), ".notice").await;
    let notice = b.text(".notice").await;
    assert!(notice.contains("\"colour\" is not a question here"), "{notice}");
    assert!(notice.contains("perhaps"), "{notice}");
    b.wait_for(".wizard-question[data-key='in_need']").await;
    // A walk stored in this browser that is not a walk is cleared with a notice.
    b.eval(&format!("localStorage.setItem('cin-explorer.wizard.{slug}', '%%%'); return true")).await;
    b.open(&server.url(&format!("/wizard/{slug}")), ".wizard-question").await;
    assert!(b.text(".wizard").await.contains("could not be read"));
    assert_eq!(
        b.eval(&format!("return localStorage.getItem('cin-explorer.wizard.{slug}')")).await,
        serde_json::Value::Null
    );
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_shows_every_question_of_every_flow() {
    let Some((server, b)) = support::setup().await else { return };
    for entry in &support::all().entries {
        let slug = &entry.authority.slug;
        b.open(&server.url(&format!("/wizard/{slug}/map")), ".flow-map").await;
        let items = b.eval("return document.querySelectorAll('.flow-map > li').length").await.as_u64().unwrap();
        assert_eq!(items as usize, flow(&entry.rules, &support::all().topics, &entry.authority).len() + 1, "{slug}");
        assert!(b.text(".flow-map").await.contains("this procedure does not apply"));
        b.assert_accessible(&format!("/wizard/{slug}/map")).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_answers_show_side_by_side_under_another_authority() {
    let Some((server, b)) = support::setup().await else { return };
    let (answers, _) = support::complete_answers();
    // Two authorities whose flows these answers complete, each with the outcome its engine gives.
    let all = support::all();
    let done: Vec<(&str, &str, String)> = all
        .entries
        .iter()
        .filter_map(|e| {
            let teams: Vec<String> = e.authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
            let walk = Walk::from_query(&pairs(answers), &teams).0;
            match next(&flow(&e.rules, &all.topics, &e.authority), &e.rules, &walk.case, &walk.skipped) {
                Step::Done(ending) => Some((e.authority.slug.as_str(), e.authority.short_name.as_str(), ending.id())),
                _ => None,
            }
        })
        .collect();
    assert!(done.len() >= 2, "two authorities need no more answers than these");
    let (left, right) = (&done[0], &done[done.len() - 1]);
    b.open(&server.url(&format!("/wizard/{}?{answers}&compare={}", left.0, right.0)), ".compare-column .outcome").await;
    assert_eq!(b.eval("return document.querySelectorAll('.compare-column').length").await, 2);
    let outcomes = b.eval("return Array.from(document.querySelectorAll('.outcome')).map(o => o.dataset.outcome)").await;
    assert_eq!(outcomes, serde_json::json!([left.2, right.2]), "the same finding, each authority's own outcome");
    let column = b.text(".compare-column:nth-child(2)").await;
    assert!(column.starts_with(&format!("Result: {}", right.1)), "{column}");
    b.assert_accessible(&format!("/wizard/{} compared with {}", left.0, right.0)).await;
    b.quit().await;
}

/// The three date boxes of the question on screen, as they read now.
async fn date_boxes(b: &Browser) -> Vec<String> {
    let script = "return ['answer', 'answer-month', 'answer-year'].map(id => document.getElementById(id).value)";
    serde_json::from_value(b.eval(script).await).unwrap()
}

/// Empties the date boxes, types `typed` into them (day, month, year), and clicks Continue.
async fn type_and_continue(b: &Browser, typed: [&str; 3]) {
    b.eval(
        "['answer', 'answer-month', 'answer-year'].forEach(id => document.getElementById(id).value = ''); return true",
    )
    .await;
    for (id, value) in ["answer", "answer-month", "answer-year"].into_iter().zip(typed) {
        if !value.is_empty() {
            b.wait_for(&format!("#{id}")).await.send_keys(value).await.unwrap();
        }
    }
    continue_on(b).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_date_pasted_whole_is_accepted_and_a_refused_date_keeps_what_was_typed() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    let (slug, key) = all
        .entries
        .iter()
        .find_map(|e| {
            let q = flow(&e.rules, &all.topics, &e.authority).into_iter().find(|q| q.kind == Kind::Date)?;
            Some((e.authority.slug.clone(), q.key))
        })
        .expect("an authority whose flow asks a date");
    let label = cin_procedure_explorer::timeline::date_label(key);
    let question = format!(".wizard-question[data-key='{key}']");
    b.open(&server.url(&format!("/wizard/{slug}?in_need=yes&at={key}")), &question).await;

    // A pasted date that is not a date: the message, and the day box still holds it.
    type_and_continue(&b, ["31/02/2026", "", ""]).await;
    b.wait_for(".error-summary").await;
    assert!(b.text(".error-summary").await.contains(&format!("{label} must be a real date")));
    b.wait_for(&format!("{question}.has-error")).await;
    assert_eq!(date_boxes(&b).await, ["31/02/2026", "", ""]);
    b.assert_accessible(&format!("/wizard/{slug} with a pasted date that is not a date")).await;

    // A two-digit year: GOV.UK's message, every box as typed.
    type_and_continue(&b, ["26", "mar", "26"]).await;
    b.wait_until(
        "return (document.querySelector('.error-summary') || {}).textContent?.includes('Year must include 4 numbers') === true",
    )
    .await;
    assert_eq!(date_boxes(&b).await, ["26", "mar", "26"]);
    assert!(!b.eval("return location.search").await.as_str().unwrap().contains(&format!("{key}=")));

    // The whole date pasted into the day box is the answer; coming back, it shows split over the boxes.
    type_and_continue(&b, ["26/03/2026", "", ""]).await;
    b.wait_until(&format!("return location.search.includes('{key}=2026-03-26')")).await;
    assert!(b.eval("return document.querySelector('.error-summary') === null").await == true);
    b.open(&server.url(&format!("/wizard/{slug}?in_need=yes&{key}=2026-03-26&at={key}")), &question).await;
    assert_eq!(date_boxes(&b).await, ["26", "3", "2026"]);
    b.quit().await;
}

/// The rule ids the engine lists under "What to do next" for a walk's ending.
fn engine_next_steps(entry: &cin_procedure_explorer::publish::Entry, walk: &Walk) -> (String, Vec<String>) {
    let flow = flow_for(walk.way, &entry.rules, &support::all().topics, &entry.authority);
    let walk = with_assumptions(walk);
    let Step::Done(ending) = next(&flow, &entry.rules, &walk.case, &walk.skipped) else {
        panic!("{}: not done", entry.authority.slug)
    };
    let steps = next_steps(&ending, &entry.rules, &support::all().topics, &walk.case);
    (ending.id(), steps.iter().map(|s| s.rule.id.clone()).collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_follows_a_review_asks_at_most_two_questions_and_leads_with_what_to_do_next() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    for entry in &all.entries {
        let (slug, name) = (&entry.authority.slug, &entry.authority.short_name);
        let teams: Vec<String> = entry.authority.vocabulary.teams.iter().map(|t| t.id.clone()).collect();
        // The whole walk's start offers this way in, and it names the council in the title and on every question.
        b.open(&server.url(&format!("/wizard/{slug}")), ".ways-in").await;
        b.click(".ways-in a[href$='/after-review']").await;
        b.wait_until("return location.pathname.endsWith('/after-review')").await;
        b.wait_for(".wizard .ways-in").await;
        b.wait_until(&format!("return document.title.includes({:?})", name.as_str())).await;
        let short = flow_for(Way::AfterReview, &entry.rules, &all.topics, &entry.authority);
        assert!(short.len() <= 2, "{slug}: {} questions", short.len());
        for (i, q) in short.iter().enumerate() {
            b.wait_for(&format!(".wizard-question[data-key='{}']", q.key)).await;
            let progress = b.text(".progress").await;
            assert!(progress.starts_with(&format!("{name} — question {} of {}", i + 1, short.len())), "{progress}");
            b.assert_accessible(&format!("/wizard/{slug}/after-review question {}", i + 1)).await;
            // What the review found: a risk of significant harm; any other question: its first choice.
            let choice = match q.key {
                "review_finding" => "input[value='risk_of_significant_harm']".to_owned(),
                _ => "#answer".to_owned(),
            };
            let id = b.eval(&format!("return document.querySelector(\"{choice}\").id")).await;
            b.click(&format!("label[for='{}']", id.as_str().unwrap())).await;
            let before = b.eval("return location.search").await;
            continue_on(&b).await;
            b.wait_until(&format!("return location.search !== {before}")).await;
        }
        let outcome = b.wait_for(".outcome").await.attr("data-outcome").await.unwrap().unwrap();
        let walk = {
            let mut w = walk_in_page(&b, &teams).await;
            w.way = Way::AfterReview;
            w
        };
        let (engine_outcome, engine_steps) = engine_next_steps(entry, &walk);
        assert_eq!(outcome, engine_outcome, "{slug}");
        // The outcome first, then "What to do next" with exactly the engine's rules, then what was assumed.
        let order = b
            .eval(
                "const o = document.querySelector('.outcome'), n = document.querySelector('.next-steps'), \
                 a = document.querySelector('.assumed'); return !!(o && n && a) && \
                 !!(o.compareDocumentPosition(n) & 4) && !!(n.compareDocumentPosition(a) & 4)",
            )
            .await;
        assert_eq!(order, true, "{slug}: outcome, then what to do next, then what was assumed");
        let shown: Vec<String> = serde_json::from_value(
            b.eval("return Array.from(document.querySelectorAll('.next-steps li.rule-card')).map(li => li.id)").await,
        )
        .unwrap();
        assert_eq!(shown, engine_steps, "{slug}");
        let assumed = b.text(".assumed").await;
        assert!(assumed.contains("assessed as in need") && assumed.contains("another plan"), "{assumed}");
        let whole = b.eval("return document.querySelector('.assumed a').getAttribute('href')").await;
        let whole_href = whole.as_str().unwrap();
        assert!(
            whole_href == format!("wizard/{slug}") || whole_href.starts_with(&format!("wizard/{slug}?")),
            "{whole}"
        );
        assert!(!whole.as_str().unwrap().contains("in_need"), "the whole walk asks what was assumed: {whole}");
        assert_eq!(b.eval("return document.querySelector('.timeline, [data-action=ics]') === null").await, true);
        b.assert_accessible(&format!("/wizard/{slug}/after-review result")).await;
    }
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rule_that_bears_on_the_outcome_is_listed_under_what_to_do_next() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    // Every authority whose outcome for a risk of significant harm has next steps: the cards are there, first.
    let mut checked = 0;
    for entry in &all.entries {
        let slug = &entry.authority.slug;
        // What the review found: a risk of significant harm; any other question the way asks: its first choice.
        let mut walk = Walk { way: Way::AfterReview, ..Walk::default() };
        for q in flow_for(Way::AfterReview, &entry.rules, &all.topics, &entry.authority) {
            let value = match &q.kind {
                _ if q.key == "review_finding" => "risk_of_significant_harm".to_owned(),
                Kind::Choice { choices, .. } => choices[0].0.clone(),
                Kind::Date => unreachable!("the way to a review's outcome asks no date"),
            };
            walk.case.answers.insert(q.key.to_owned(), value);
        }
        let (_, steps) = engine_next_steps(entry, &walk);
        let Some(first) = steps.first() else { continue };
        let href = walk_href(slug, &walk);
        b.open(&server.url(&format!("/{href}")), ".outcome").await;
        b.wait_for(&format!(".next-steps li.rule-card[id='{first}']")).await;
        let listed = b.eval("return document.querySelectorAll('.next-steps li.rule-card').length").await;
        assert_eq!(listed, steps.len(), "{slug}");
        checked += 1;
    }
    assert!(checked > 0, "some authority names next steps after a risk of significant harm");
    // An unknown finding in the link is named, and the question is asked again.
    let slug = &all.entries.iter().find(|e| {
        flow_for(Way::AfterReview, &e.rules, &all.topics, &e.authority).iter().any(|q| q.key == "review_finding")
    });
    let slug = &slug.expect("an authority ties outcomes to findings").authority.slug;
    b.open(&server.url(&format!("/wizard/{slug}/after-review?review_finding=shrug")), ".notice").await;
    assert!(b.text(".notice").await.contains("shrug"));
    b.wait_for(".wizard-question[data-key='review_finding']").await;
    b.assert_accessible("an after-review link with an unknown finding").await;
    b.quit().await;
}
