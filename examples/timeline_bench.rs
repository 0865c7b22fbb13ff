//! Times, natively and for every authority in `content/`: one case's 12-month timeline, and one wizard step (working
//! out the next question from the answers and rendering its page, or the result page at the end).
//!
//! Run: `cargo run --release --example timeline_bench`. The case has every date the deadlines page can ask for, so
//! every timescale rule fires and recurring reviews, team meetings and visits are laid out for a year.

use std::time::Instant;

use chrono::NaiveDate;
use cin_procedure_explorer::model::questions::date_keys;
use cin_procedure_explorer::model::Book;
use cin_procedure_explorer::pages::wizard::outcome;
use cin_procedure_explorer::publish::read;
use cin_procedure_explorer::render::rule_card::CardContext;
use cin_procedure_explorer::render::wizard::{question_html, result_html};
use cin_procedure_explorer::timeline::{timeline, Case};
use cin_procedure_explorer::wizard::{flow, next, Step, Walk};

fn main() {
    let content = read(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content loads");
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut case = Case::default();
    for (i, key) in date_keys().map(|k| k.key).enumerate() {
        case.dates.insert(key.to_owned(), day(3 + i as u32 / 4, 2 + i as u32));
    }
    let today = day(11, 23);
    const RUNS: u32 = 2000;
    let mut worst = 0.0f64;
    for entry in &content.entries {
        let rules = &entry.rules;
        let t = timeline(rules, &content.topics, &case, today);
        let dates: usize = t.deadlines.iter().map(|d| d.dates.len()).sum();
        let start = Instant::now();
        for _ in 0..RUNS {
            std::hint::black_box(timeline(std::hint::black_box(rules), &content.topics, &case, today));
        }
        let micros = start.elapsed().as_secs_f64() * 1e6 / f64::from(RUNS);
        worst = worst.max(micros);
        println!("{:<14} {:>3} dates  {micros:>7.1} µs per timeline", entry.authority.slug, dates);
    }
    println!("slowest: {worst:.1} µs ({}) — target under 1 ms", if worst < 1000.0 { "met" } else { "NOT met" });

    // A wizard step: the result page for a full walk is the heaviest step (it includes the timeline), worked out by
    // the page function and rendered.
    let mut worst_step = 0.0f64;
    for entry in &content.entries {
        let flow = flow(&entry.rules, &content.topics, &entry.authority);
        let mut walk = Walk { case: case.clone(), ..Walk::default() };
        for q in &flow {
            if let cin_procedure_explorer::wizard::Kind::Choice { choices, .. } = &q.kind {
                walk.case.answers.insert(q.key.to_owned(), choices[0].0.clone());
            }
        }
        let ctx = CardContext { authority: &entry.authority, topics: &content.topics, roles: &content.roles };
        let book = Book {
            rules: entry.rules.clone(),
            topics: content.topics.clone(),
            roles: content.roles.clone(),
            ..Book::default()
        };
        let start = Instant::now();
        let mut bytes = 0;
        for _ in 0..RUNS {
            let html = match next(&flow, &entry.rules, &walk.case, &walk.skipped) {
                Step::Ask(i) => question_html(&entry.authority, &flow, i, &walk, None),
                Step::Done(ending) => result_html(&outcome(&flow, &walk, &ending, &book, today), &ctx),
            };
            bytes = std::hint::black_box(html).as_str().len();
        }
        let micros = start.elapsed().as_secs_f64() * 1e6 / f64::from(RUNS);
        worst_step = worst_step.max(micros);
        println!("{:<14} wizard step {micros:>7.1} µs ({bytes} bytes of HTML)", entry.authority.slug);
    }
    println!(
        "slowest wizard step: {worst_step:.1} µs ({}) — target under 1 ms",
        if worst_step < 1000.0 { "met" } else { "NOT met" }
    );
}
