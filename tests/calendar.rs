//! The working-day calendar against an independent oracle (tests/fixtures/working_days_oracle.csv, made by
//! scripts/working_days_oracle.py from Python's `holidays` package), and its properties over 2019–2028.

use chrono::{Days, NaiveDate};
use cin_procedure_explorer::calendar::{add, bank_holiday, is_working_day, YEARS};
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
    let days = NaiveDate::from_ymd_opt(YEARS.1, 9, 30).unwrap().signed_duration_since(first).num_days() as u64;
    (0..days).prop_map(move |d| first + Days::new(d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lands_on_a_working_day_after_the_start(start in in_range(), n in 1u32..60) {
        let count = add(start, n, Unit::WorkingDays).unwrap();
        prop_assert!(is_working_day(count.date));
        prop_assert!(count.date > start);
        prop_assert!(!count.after_table && !count.before_table);
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
