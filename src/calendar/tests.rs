use super::*;

const fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn working(start: NaiveDate, n: u32) -> Count {
    add(start, n, Unit::WorkingDays).unwrap()
}

fn names(count: &Count) -> Vec<&str> {
    count.holidays.iter().map(|h| h.name).collect()
}

#[test]
fn easter_2026_is_skipped_and_explained() {
    let count = working(d(2026, 3, 26), 15);
    assert_eq!(count.date, d(2026, 4, 20));
    assert_eq!(names(&count), ["Good Friday", "Easter Monday"]);
    assert_eq!(count.weekend_days, 8);
    assert_eq!(count.explain(), "15 working days after Thursday 26 March 2026, skipping Good Friday and Easter Monday");
}

#[test]
fn christmas_with_substitute_days() {
    // 2026: Boxing Day is a Saturday, so Monday 28 December is its substitute.
    let count = working(d(2026, 12, 24), 1);
    assert_eq!(count.date, d(2026, 12, 29));
    assert_eq!(names(&count), ["Christmas Day", "Boxing Day (substitute day)"]);
    // 2021: both fall at the weekend; the substitutes are Monday 27 and Tuesday 28 December.
    let count = working(d(2021, 12, 24), 1);
    assert_eq!(count.date, d(2021, 12, 29));
    assert_eq!(names(&count), ["Christmas Day (substitute day)", "Boxing Day (substitute day)"]);
    assert_eq!(count.weekend_days, 2);
    // New Year 2022 was a Saturday: Monday 3 January was the substitute.
    assert_eq!(working(d(2021, 12, 31), 1).date, d(2022, 1, 4));
}

#[test]
fn the_one_off_bank_holidays_of_2022_and_2023() {
    let jubilee = working(d(2022, 6, 1), 1);
    assert_eq!(jubilee.date, d(2022, 6, 6));
    assert_eq!(names(&jubilee), ["the spring bank holiday", "the Platinum Jubilee bank holiday"]);
    let funeral = working(d(2022, 9, 16), 1);
    assert_eq!(funeral.date, d(2022, 9, 20));
    assert_eq!(names(&funeral), ["the bank holiday for the State Funeral of Queen Elizabeth II"]);
    let coronation = working(d(2023, 5, 5), 1);
    assert_eq!(coronation.date, d(2023, 5, 9));
    assert_eq!(names(&coronation), ["the bank holiday for the Coronation of King Charles III"]);
}

#[test]
fn the_start_date_is_not_counted_even_when_it_is_a_day_off() {
    assert_eq!(working(d(2026, 11, 23), 1).date, d(2026, 11, 24), "Monday + 1 is Tuesday");
    assert_eq!(working(d(2026, 11, 27), 1).date, d(2026, 11, 30), "Friday + 1 is Monday");
    assert_eq!(working(d(2026, 11, 28), 1).date, d(2026, 11, 30), "Saturday + 1 is Monday");
    assert_eq!(working(d(2026, 12, 25), 1).date, d(2026, 12, 29), "from Christmas Day");
    assert_eq!(working(d(2026, 11, 23), 0).date, d(2026, 11, 23), "zero days is the day itself");
}

#[test]
fn months_keep_the_day_or_take_the_last_day_of_the_month() {
    let months = |start: NaiveDate, n: u32| add(start, n, Unit::Months).unwrap().date;
    assert_eq!(months(d(2026, 3, 26), 3), d(2026, 6, 26));
    assert_eq!(months(d(2024, 1, 31), 1), d(2024, 2, 29), "leap year");
    assert_eq!(months(d(2023, 1, 31), 1), d(2023, 2, 28));
    assert_eq!(months(d(2024, 2, 29), 12), d(2025, 2, 28));
    assert_eq!(months(d(2026, 11, 30), 3), d(2027, 2, 28));
    assert_eq!(months(d(2026, 8, 31), 1), d(2026, 9, 30));
    assert_eq!(months(d(2026, 10, 31), 2), d(2026, 12, 31));
}

#[test]
fn days_and_weeks_are_calendar_counts_with_nothing_skipped() {
    let weeks = add(d(2026, 3, 26), 26, Unit::Weeks).unwrap();
    assert_eq!(weeks.date, d(2026, 9, 24));
    assert!(weeks.holidays.is_empty() && weeks.weekend_days == 0);
    assert_eq!(add(d(2026, 12, 20), 10, Unit::Days).unwrap().date, d(2026, 12, 30));
    assert_eq!(add(d(2024, 2, 28), 1, Unit::Days).unwrap().date, d(2024, 2, 29));
}

#[test]
fn calendar_counts_say_when_they_land_on_a_day_off() {
    assert_eq!(add(d(2026, 12, 15), 10, Unit::Days).unwrap().lands_on_day_off().as_deref(), Some("Christmas Day"));
    assert_eq!(add(d(2026, 11, 23), 5, Unit::Days).unwrap().lands_on_day_off().as_deref(), Some("a Saturday"));
    assert_eq!(add(d(2026, 11, 23), 1, Unit::Days).unwrap().lands_on_day_off(), None);
}

#[test]
fn after_the_table_bank_holidays_are_projected_and_marked() {
    let count = working(d(2028, 12, 29), 3);
    assert_eq!(count.date, d(2029, 1, 4), "Monday 1 January 2029 is New Year's Day by rule");
    assert_eq!(names(&count), ["New Year's Day"]);
    assert!(count.holidays[0].projected && count.after_table && !count.before_table);
    assert_eq!(count.explain(), "3 working days after Friday 29 December 2028, skipping New Year's Day (projected)");
    let in_table = working(d(2028, 12, 22), 1);
    assert_eq!(in_table.date, d(2028, 12, 27));
    assert!(!in_table.after_table && in_table.holidays.iter().all(|h| !h.projected));
    assert_eq!(
        in_table.explain(),
        "1 working day after Friday 22 December 2028, skipping Christmas Day and Boxing Day"
    );
    assert_eq!(
        add(d(2033, 12, 20), 7, Unit::Days).unwrap().lands_on_day_off().as_deref(),
        Some("Christmas Day (substitute day, projected)"),
        "Christmas 2033 is a Sunday"
    );
}

#[test]
fn before_the_table_only_weekends_are_skipped_and_it_is_flagged() {
    let count = working(d(2018, 12, 21), 3);
    assert_eq!(count.date, d(2018, 12, 26), "no bank holiday is known in 2018");
    assert!(count.before_table && !count.after_table && count.holidays.is_empty());
    assert!(count.explain().contains("the bank-holiday table starts in 2019"), "{}", count.explain());
    assert_eq!(bank_holiday(d(2018, 12, 25)), None);
    assert!(!working(d(2019, 1, 2), 3).before_table);
}

/// The table's bank holidays that no rule gives, each announced for its year, and the rule's days they displaced.
const ONE_OFF: [(NaiveDate, &str); 5] = [
    // 2020: the early May bank holiday moved to Friday 8 May for the 75th anniversary of VE Day.
    (d(2020, 5, 8), "early may ve"),
    // 2022: the spring bank holiday moved to Thursday 2 June, and Friday 3 June added, for the Platinum Jubilee.
    (d(2022, 6, 2), "spring"),
    (d(2022, 6, 3), "queen platinum"),
    // 2022: Monday 19 September, the State Funeral of Queen Elizabeth II.
    (d(2022, 9, 19), "queens bank holiday"),
    // 2023: Monday 8 May, the Coronation of King Charles III (the early May bank holiday stayed on 1 May).
    (d(2023, 5, 8), "kings coronation"),
];
/// The rule's days that the one-off changes displaced: the early May bank holiday of 2020, the spring bank holiday of 2022.
const DISPLACED: [(NaiveDate, &str); 2] = [(d(2020, 5, 4), "early may"), (d(2022, 5, 30), "spring")];

/// Every year of GOV.UK's table, the rule gives the table's bank holidays (dates, names and substitute days) except the
/// one-off days listed above.
#[test]
fn the_rule_gives_the_table_outside_its_one_off_days() {
    for year in YEARS.0..=YEARS.1 {
        let rule: Vec<(NaiveDate, &str, bool)> = by_rule::bank_holidays(year).unwrap();
        let table: Vec<(NaiveDate, &str, bool)> = bank_holidays::BANK_HOLIDAYS
            .iter()
            .filter(|&&(y, ..)| y == year)
            .map(|&(y, m, day, name, sub)| (d(y, m, day), name, sub))
            .collect();
        let only_in =
            |a: &[(NaiveDate, &'static str, bool)], b: &[(NaiveDate, &str, bool)]| -> Vec<(NaiveDate, &'static str)> {
                a.iter().filter(|h| !b.contains(h)).map(|&(date, name, _)| (date, name)).collect()
            };
        let one_off: Vec<_> = ONE_OFF.iter().copied().filter(|(date, _)| date.year() == year).collect();
        let displaced: Vec<_> = DISPLACED.iter().copied().filter(|(date, _)| date.year() == year).collect();
        assert_eq!(only_in(&table, &rule), one_off, "{year}: in the table, not by rule");
        assert_eq!(only_in(&rule, &table), displaced, "{year}: by rule, not in the table");
    }
}

#[test]
fn easter_by_the_algorithm() {
    // Known Easter Sundays, including the earliest (22 March 2285) and latest (25 April 2038) dates.
    for (year, m, day) in [(2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2031, 4, 13), (2038, 4, 25), (2285, 3, 22)] {
        let holidays = by_rule::bank_holidays(year).unwrap();
        assert_eq!(holidays[1], (d(year, m, day) - chrono::Days::new(2), "good friday", false), "{year}");
        assert_eq!(holidays[2], (d(year, m, day) + chrono::Days::new(1), "easter monday", false), "{year}");
    }
}

#[test]
fn lookups() {
    assert!(is_working_day(d(2026, 11, 23)));
    assert!(!is_working_day(d(2026, 11, 22)));
    assert!(!is_working_day(d(2026, 12, 28)));
    assert_eq!(bank_holiday(d(2026, 12, 28)).map(|h| h.substitute), Some(true));
    assert_eq!(long_date(d(2026, 3, 26)), "Thursday 26 March 2026");
    assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    assert_eq!(iso(d(2026, 3, 6)), "2026-03-06");
    assert_eq!(parse_iso("2026-03-06"), Some(d(2026, 3, 6)));
    for bad in ["2026-3-06", "2026-02-30", "2026-03", "26-03-2026", "2026-03-06x"] {
        assert_eq!(parse_iso(bad), None, "{bad}");
    }
}

/// The generated table is exactly the JSON it was generated from (the copy kept beside it).
#[test]
fn the_table_matches_its_source_file() {
    #[derive(serde::Deserialize)]
    struct Source {
        source: String,
        events: Vec<Event>,
    }
    #[derive(serde::Deserialize)]
    struct Event {
        date: String,
        name: String,
        substitute: bool,
    }
    let source: Source = serde_json::from_str(include_str!("bank-holidays-england-and-wales.json")).unwrap();
    assert_eq!(source.source, SOURCE);
    assert!(SOURCE.contains("24/11/2025") && LAST_UPDATED == "2025-11-24");
    let mut from_json: Vec<(String, String, bool)> =
        source.events.into_iter().map(|e| (e.date, e.name, e.substitute)).collect();
    from_json.sort();
    let table: Vec<(String, String, bool)> = bank_holidays::BANK_HOLIDAYS
        .iter()
        .map(|&(y, m, day, name, sub)| (format!("{y:04}-{m:02}-{day:02}"), name.to_owned(), sub))
        .collect();
    assert_eq!(table, from_json);
    let years: Vec<i32> = table.iter().map(|(date, _, _)| date[..4].parse().unwrap()).collect();
    assert_eq!((years[0], years[years.len() - 1]), YEARS);
}
