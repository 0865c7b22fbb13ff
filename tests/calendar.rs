//! The working-day calendar against independent oracles made from Python's `holidays` package: counts over the
//! bank-holiday table's years (tests/fixtures/working_days_oracle.csv, by scripts/working_days_oracle.py) and the bank
//! holidays projected by rule from the year after the table to 2040 (tests/fixtures/bank_holidays_oracle.csv, by
//! scripts/bank_holidays_oracle.py); deadlines across projected holidays; and the count's properties over 2019–2040.

use chrono::{Datelike, Days, NaiveDate};
use cin_procedure_explorer::calendar::{add, bank_holiday, is_working_day, Count, YEARS};
use cin_procedure_explorer::model::Unit;
use proptest::prelude::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn agrees_with_the_independent_oracle() {
    let text = include_str!("fixtures/working_days_oracle.csv");
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let [start, n, expected] = line.split(',').collect::<Vec<_>>()[..] else { panic!("bad line {line}") };
        let count = add(date(start), n.parse().unwrap(), Unit::WorkingDays).unwrap();
        assert_eq!(count.date, date(expected), "{n} working days after {start}");
        checked += 1;
    }
    assert!(checked >= 200, "only {checked} oracle cases");
}

/// The oracle's name for a bank holiday, as the calendar names it.
fn calendar_name(oracle: &str) -> String {
    let (name, observed) = match oracle.strip_suffix(" (observed)") {
        Some(name) => (name, true),
        None => (oracle, false),
    };
    let name = match name {
        "May Day" => "the early May bank holiday",
        "Spring Bank Holiday" => "the spring bank holiday",
        "Late Summer Bank Holiday" => "the summer bank holiday",
        other => other,
    };
    if observed {
        format!("{name} (substitute day)")
    } else {
        name.to_owned()
    }
}

/// Every bank holiday from the year after the table to 2040, and no other day, is the oracle's, with its name and
/// whether it is a substitute day; each is marked projected.
#[test]
fn projected_bank_holidays_agree_with_the_independent_oracle() {
    let text = include_str!("fixtures/bank_holidays_oracle.csv");
    let expected: Vec<(NaiveDate, String, bool)> = text
        .lines()
        .skip(1)
        .map(|line| {
            let [day, name, substitute] = line.split(',').collect::<Vec<_>>()[..] else { panic!("bad line {line}") };
            (date(day), calendar_name(name), substitute == "true")
        })
        .filter(|(day, _, _)| day.year() > YEARS.1)
        .collect();
    let first = NaiveDate::from_ymd_opt(YEARS.1 + 1, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2040, 12, 31).unwrap();
    let found: Vec<(NaiveDate, String, bool)> = first
        .iter_days()
        .take_while(|day| *day <= last)
        .filter_map(bank_holiday)
        .inspect(|h| assert!(h.projected, "{} is not marked projected", h.date))
        .map(|h| (h.date, h.name.to_owned(), h.substitute))
        .collect();
    assert_eq!(expected.first().map(|h| h.0.year()), Some(YEARS.1 + 1), "the oracle starts after the table");
    assert_eq!(expected.last().map(|h| h.0.year()), Some(2040), "the oracle reaches 2040");
    assert_eq!(found, expected);
}

fn names(count: &Count) -> Vec<String> {
    count.holidays.iter().map(ToString::to_string).collect()
}

/// York's initial review meeting is to be arranged within 15 working days of the plan: a plan agreed on Friday 20
/// December 2030 passes Christmas Day, Boxing Day and New Year's Day 2031, all projected.
#[test]
fn a_deadline_across_christmas_2030_and_easter_2031() {
    let plan = date("2030-12-20");
    let review = add(plan, 15, Unit::WorkingDays).unwrap();
    assert_eq!(review.date, date("2031-01-15"));
    assert_eq!(names(&review), ["Christmas Day (projected)", "Boxing Day (projected)", "New Year's Day (projected)"]);
    assert_eq!(review.weekend_days, 8);
    assert_eq!(
        review.explain(),
        "15 working days after Friday 20 December 2030, skipping Christmas Day (projected), Boxing Day (projected) \
         and New Year's Day (projected)"
    );
    assert!(review.after_table && !review.before_table);
    // Easter 2031 is Sunday 13 April: Good Friday 11 April and Easter Monday 14 April.
    let minutes = add(date("2031-04-03"), 10, Unit::WorkingDays).unwrap();
    assert_eq!(minutes.date, date("2031-04-21"));
    assert_eq!(
        minutes.explain(),
        "10 working days after Thursday 3 April 2031, skipping Good Friday (projected) and Easter Monday (projected)"
    );
    // One count across both.
    let both = add(plan, 80, Unit::WorkingDays).unwrap();
    assert_eq!(both.date, date("2031-04-18"));
    assert_eq!(
        both.holidays.iter().map(|h| h.name).collect::<Vec<_>>(),
        ["Christmas Day", "Boxing Day", "New Year's Day", "Good Friday", "Easter Monday"]
    );
}

/// The shared copy of the GOV.UK file, where this checkout sits beside it, is the one the table was made from.
#[test]
fn the_kept_source_is_the_shared_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let kept = std::fs::read(root.join("src/calendar/bank-holidays-england-and-wales.json")).unwrap();
    match std::fs::read(root.join("../shared/data/bank-holidays-england-and-wales.json")) {
        Ok(shared) => assert!(shared == kept, "the shared bank-holiday file changed: run scripts/bank_holidays.py"),
        Err(_) => eprintln!("no ../shared/data here: the table is checked against its kept copy only"),
    }
}

fn in_range() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(YEARS.0, 1, 1).unwrap();
    let days = NaiveDate::from_ymd_opt(2040, 9, 30).unwrap().signed_duration_since(first).num_days() as u64;
    (0..days).prop_map(move |d| first + Days::new(d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lands_on_a_working_day_after_the_start(start in in_range(), n in 1u32..60) {
        let count = add(start, n, Unit::WorkingDays).unwrap();
        prop_assert!(is_working_day(count.date));
        prop_assert!(count.date > start);
        prop_assert_eq!(count.after_table, count.date.year() > YEARS.1);
        prop_assert!(!count.before_table);
    }

    #[test]
    fn is_monotonic_in_n(start in in_range(), n in 0u32..60) {
        let a = add(start, n, Unit::WorkingDays).unwrap().date;
        let b = add(start, n + 1, Unit::WorkingDays).unwrap().date;
        prop_assert!(b > a);
    }

    #[test]
    fn skips_exactly_the_days_off_in_between(start in in_range(), n in 1u32..60) {
        let count = add(start, n, Unit::WorkingDays).unwrap();
        let between: Vec<NaiveDate> = start.iter_days().skip(1).take_while(|d| *d <= count.date).collect();
        let holidays: Vec<NaiveDate> = between.iter().copied()
            .filter(|d| !cin_procedure_explorer::calendar::is_weekend(*d) && bank_holiday(*d).is_some())
            .collect();
        prop_assert_eq!(count.holidays.iter().map(|h| h.date).collect::<Vec<_>>(), holidays);
        let working = between.iter().filter(|d| is_working_day(**d)).count() as u32;
        prop_assert_eq!(working, n);
        prop_assert_eq!(count.weekend_days as usize + count.holidays.len() + n as usize, between.len());
    }
}
