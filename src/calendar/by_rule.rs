//! England and Wales bank holidays by rule, for the years after the GOV.UK table: New Year's Day, Good Friday, Easter
//! Monday, the early May (first Monday in May), spring (last Monday in May) and summer (last Monday in August) bank
//! holidays, Christmas Day and Boxing Day, with a substitute weekday for each that falls at a weekend. One-off bank
//! holidays (a jubilee, a coronation, a moved early May bank holiday) are announced, not ruled, so they are never here.

use chrono::{Days, NaiveDate, Weekday};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, as given by Meeus).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first Monday of a month.
fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

/// The last Monday of a month.
fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let fifth = NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 5);
    fifth.or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 4))
}

/// The weekday a holiday falls on or is moved to, `taken` being days another holiday holds: the day itself when it is a
/// weekday, otherwise, as a substitute, the first weekday after it that is not taken.
fn observed(day: NaiveDate, taken: &[NaiveDate]) -> Option<(NaiveDate, bool)> {
    if !super::is_weekend(day) {
        return Some((day, false));
    }
    let mut on = day;
    while super::is_weekend(on) || taken.contains(&on) {
        on = on.checked_add_days(Days::new(1))?;
    }
    Some((on, true))
}

/// A year's bank holidays by rule, in date order: date, the GOV.UK file's short name for it, and whether it is a
/// substitute day. `None` only at the ends of the calendar's range.
pub(super) fn bank_holidays(year: i32) -> Option<Vec<(NaiveDate, &'static str, bool)>> {
    let easter = easter_sunday(year)?;
    let christmas = NaiveDate::from_ymd_opt(year, 12, 25)?;
    let (new_year, new_year_sub) = observed(NaiveDate::from_ymd_opt(year, 1, 1)?, &[])?;
    let mut days = vec![
        (new_year, "new year", new_year_sub),
        (easter.checked_sub_days(Days::new(2))?, "good friday", false),
        (easter.checked_add_days(Days::new(1))?, "easter monday", false),
        (first_monday(year, 5)?, "early may", false),
        (last_monday(year, 5)?, "spring", false),
        (last_monday(year, 8)?, "late august", false),
    ];
    // Christmas Day's substitute is the first weekday after it that is not Boxing Day (so after a Sunday Christmas,
    // Boxing Day keeps Monday the 26th and Christmas Day moves to the Tuesday); Boxing Day's is the first weekday
    // after it that Christmas Day left free.
    let boxing = christmas.succ_opt()?;
    let (christmas_on, christmas_sub) = observed(christmas, &[boxing])?;
    let (boxing_on, boxing_sub) = observed(boxing, &[christmas_on])?;
    days.push((christmas_on, "christmas", christmas_sub));
    days.push((boxing_on, "boxing day", boxing_sub));
    days.sort_by_key(|&(date, _, _)| date);
    Some(days)
}
