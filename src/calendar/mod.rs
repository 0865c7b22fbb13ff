//! The working-day calendar of England and Wales (DESIGN §7): adding days, working days, weeks or months to a date,
//! and saying what the count skipped.
//!
//! "N working days after D": D is not counted; Monday to Friday days that are not bank holidays are counted; the N-th
//! is the date. "N weeks": D + 7N days. "N months": the same day of the month N months on, or that month's last day.
//!
//! Bank holidays come from GOV.UK's table for the years it covers; after its last year they are projected by rule
//! (`by_rule.rs`) and marked so. Before its first year none are known: a count there skips weekends alone, and says so.

mod bank_holidays;
mod by_rule;

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
    /// Whether it is projected by rule for a year after GOV.UK's table, rather than read from the table.
    pub projected: bool,
}

impl std::fmt::Display for BankHoliday {
    /// Its name, marked when projected: "Christmas Day (projected)", "Boxing Day (substitute day, projected)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name.strip_suffix(')') {
            _ if !self.projected => f.write_str(self.name),
            Some(open) => write!(f, "{open}, projected)"),
            None => write!(f, "{} (projected)", self.name),
        }
    }
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

/// The bank holiday on this date, if there is one: from GOV.UK's table in its years, projected by rule after them,
/// and none before them.
pub fn bank_holiday(date: NaiveDate) -> Option<BankHoliday> {
    let (name, substitute, projected) = if in_table(date) {
        let key = (date.year(), date.month(), date.day());
        let at = bank_holidays::BANK_HOLIDAYS.binary_search_by(|&(y, m, d, _, _)| (y, m, d).cmp(&key)).ok()?;
        let (_, _, _, name, substitute) = bank_holidays::BANK_HOLIDAYS[at];
        (name, substitute, false)
    } else if after_table(date) {
        let (_, name, substitute) = by_rule::bank_holidays(date.year())?.into_iter().find(|&(on, _, _)| on == date)?;
        (name, substitute, true)
    } else {
        return None;
    };
    Some(BankHoliday { date, name: plain_name(name, substitute), substitute, projected })
}

/// Whether the bank-holiday table covers this date's year.
pub fn in_table(date: NaiveDate) -> bool {
    (YEARS.0..=YEARS.1).contains(&date.year())
}

/// Whether a date falls after the bank-holiday table's years, where bank holidays are projected by rule.
pub fn after_table(date: NaiveDate) -> bool {
    date.year() > YEARS.1
}

/// Whether a date falls before the bank-holiday table's years, where no bank holiday is known.
pub fn before_table(date: NaiveDate) -> bool {
    date.year() < YEARS.0
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
    /// Whether a working-day count passed dates after the bank-holiday table, where bank holidays are projected.
    pub after_table: bool,
    /// Whether a working-day count passed dates before the bank-holiday table, where only weekends were skipped.
    pub before_table: bool,
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
    let mut count = Count {
        start,
        amount,
        unit,
        date: start,
        weekend_days: 0,
        holidays: Vec::new(),
        after_table: false,
        before_table: false,
    };
    if unit != Unit::WorkingDays {
        count.date = add_calendar(start, amount, unit)?;
        return Some(count);
    }
    let mut counted = 0;
    while counted < amount {
        count.date = count.date.succ_opt()?;
        count.after_table |= after_table(count.date);
        count.before_table |= before_table(count.date);
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
fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Count {
    /// How the date was counted, in words: "15 working days after Thursday 26 March 2026, skipping Good Friday and
    /// Easter Monday"; a holiday projected by rule is marked "(projected)".
    pub fn explain(&self) -> String {
        let mut out = format!("{} {} after {}", self.amount, self.unit.name(self.amount), long_date(self.start));
        if !self.holidays.is_empty() {
            let names: Vec<String> = self.holidays.iter().map(BankHoliday::to_string).collect();
            out.push_str(&format!(", skipping {}", and_list(&names)));
        }
        if self.before_table {
            out.push_str(&format!(
                " (the bank-holiday table starts in {}: before that only weekends were skipped, so check for bank \
                 holidays)",
                YEARS.0
            ));
        }
        out
    }

    /// What is special about the date reached, for calendar counts that land on a day off: "a Sunday", "Boxing Day".
    pub fn lands_on_day_off(&self) -> Option<String> {
        if let Some(holiday) = bank_holiday(self.date) {
            return Some(holiday.to_string());
        }
        is_weekend(self.date).then(|| format!("a {}", long_date(self.date).split(' ').next().unwrap_or("")))
    }
}

#[cfg(test)]
mod tests;
