//! The working-day calendar of England and Wales (DESIGN §7): adding days, working days, weeks or months to a date,
//! and saying what the count skipped.
//!
//! "N working days after D": D is not counted; Monday to Friday days that are not bank holidays are counted; the N-th
//! is the date. "N weeks": D + 7N days. "N months": the same day of the month N months on, or that month's last day.
//! A working-day count that reaches outside the bank-holiday table's years counts weekends alone there, and says so.

mod bank_holidays;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::model::{Unit, MONTHS};

pub use bank_holidays::{LAST_UPDATED, SOURCE, YEARS};

/// One bank holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BankHoliday {
    /// Its date.
    pub date: NaiveDate,
    /// Its name, in plain words ("Easter Monday", "Boxing Day (substitute day)").
    pub name: &'static str,
    /// Whether it is a substitute day for one that fell on a weekend.
    pub substitute: bool,
}

/// The plain name of a holiday from the source's short name.
fn plain_name(source_name: &str, substitute: bool) -> &'static str {
    match (source_name, substitute) {
        ("new year", false) => "New Year's Day",
        ("new year", true) => "New Year's Day (substitute day)",
        ("good friday", _) => "Good Friday",
        ("easter monday", _) => "Easter Monday",
        ("early may", _) => "the early May bank holiday",
        ("early may ve", _) => "the early May bank holiday (VE Day)",
        ("spring", _) => "the spring bank holiday",
        ("late august", _) => "the summer bank holiday",
        ("christmas", false) => "Christmas Day",
        ("christmas", true) => "Christmas Day (substitute day)",
        ("boxing day", false) => "Boxing Day",
        ("boxing day", true) => "Boxing Day (substitute day)",
        ("queen platinum", _) => "the Platinum Jubilee bank holiday",
        ("queens bank holiday", _) => "the bank holiday for the State Funeral of Queen Elizabeth II",
        ("kings coronation", _) => "the bank holiday for the Coronation of King Charles III",
        _ => "a bank holiday",
    }
}

/// The bank holiday on this date, if there is one.
pub fn bank_holiday(date: NaiveDate) -> Option<BankHoliday> {
    let key = (date.year(), date.month(), date.day());
    let at = bank_holidays::BANK_HOLIDAYS.binary_search_by(|&(y, m, d, _, _)| (y, m, d).cmp(&key)).ok()?;
    let (_, _, _, name, substitute) = bank_holidays::BANK_HOLIDAYS[at];
    Some(BankHoliday { date, name: plain_name(name, substitute), substitute })
}

/// Whether the bank-holiday table covers this date's year.
pub fn in_table(date: NaiveDate) -> bool {
    (YEARS.0..=YEARS.1).contains(&date.year())
}

/// Whether a date is a Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether a date is a working day: a weekday that is not a bank holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && bank_holiday(date).is_none()
}

/// The result of a count: the date, and what it passed over on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The date counted from (not itself counted).
    pub start: NaiveDate,
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: Unit,
    /// The date reached.
    pub date: NaiveDate,
    /// Saturdays and Sundays skipped (working-day counts only).
    pub weekend_days: u32,
    /// Bank holidays skipped (working-day counts only).
    pub holidays: Vec<BankHoliday>,
    /// Whether a working-day count passed dates outside the bank-holiday table, where only weekends were skipped.
    pub beyond_table: bool,
}

fn add_calendar(start: NaiveDate, amount: u32, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Days => start.checked_add_days(Days::new(amount.into())),
        Unit::Weeks => start.checked_add_days(Days::new(u64::from(amount) * 7)),
        Unit::Months => start.checked_add_months(Months::new(amount)),
        Unit::WorkingDays => None,
    }
}

/// Counts `amount` `unit`s after `start`. `None` only when the date would leave the calendar's range (year 262143).
pub fn add(start: NaiveDate, amount: u32, unit: Unit) -> Option<Count> {
    let mut count =
        Count { start, amount, unit, date: start, weekend_days: 0, holidays: Vec::new(), beyond_table: false };
    if unit != Unit::WorkingDays {
        count.date = add_calendar(start, amount, unit)?;
        return Some(count);
    }
    let mut counted = 0;
    while counted < amount {
        count.date = count.date.succ_opt()?;
        count.beyond_table |= !in_table(count.date);
        if is_weekend(count.date) {
            count.weekend_days += 1;
        } else if let Some(holiday) = bank_holiday(count.date) {
            count.holidays.push(holiday);
        } else {
            counted += 1;
        }
    }
    Some(count)
}

/// A date as `YYYY-MM-DD` (for URLs and `<time datetime>`).
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads a `YYYY-MM-DD` date; `None` unless it is exactly that form and a real date.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    crate::model::PartialDate::parse(text).ok()?.exact_day()
}

/// A date written out in full: "Thursday 26 March 2026".
pub fn long_date(date: NaiveDate) -> String {
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let weekday = DAYS[date.weekday().num_days_from_monday() as usize];
    format!("{weekday} {} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// Joins names as "a", "a and b", "a, b and c".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Count {
    /// How the date was counted, in words: "15 working days after Thursday 26 March 2026, skipping Good Friday and
    /// Easter Monday".
    pub fn explain(&self) -> String {
        let mut out = format!("{} {} after {}", self.amount, self.unit.name(self.amount), long_date(self.start));
        if !self.holidays.is_empty() {
            let names: Vec<&str> = self.holidays.iter().map(|h| h.name).collect();
            out.push_str(&format!(", skipping {}", and_list(&names)));
        }
        if self.beyond_table {
            out.push_str(&format!(
                " (the bank-holiday table ends in {}: after that only weekends were skipped, so check for bank holidays)",
                YEARS.1
            ));
        }
        out
    }

    /// What is special about the date reached, for calendar counts that land on a day off: "a Sunday", "Boxing Day".
    pub fn lands_on_day_off(&self) -> Option<String> {
        if let Some(holiday) = bank_holiday(self.date) {
            return Some(holiday.name.to_owned());
        }
        is_weekend(self.date).then(|| format!("a {}", long_date(self.date).split(' ').next().unwrap_or("")))
    }
}

#[cfg(test)]
mod tests;
