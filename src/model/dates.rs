//! Dates as sources state them: a month ("November 2021") or a day ("26/03/2008").

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the month or to the day, written `YYYY-MM` or `YYYY-MM-DD` in content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    year: i32,
    month: u32,
    day: Option<u32>,
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// Parses `YYYY-MM` or `YYYY-MM-DD`; the day must exist in that month.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("\"{text}\" is not a date written YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse::<u32>().ok()
            } else {
                None
            }
        };
        let (year, month, day) = match parts.as_slice() {
            [y, m] => (number(y, 4), number(m, 2), None),
            [y, m, d] => (number(y, 4), number(m, 2), Some(number(d, 2).ok_or_else(bad)?)),
            _ => return Err(bad()),
        };
        let (year, month) = (year.ok_or_else(bad)? as i32, month.ok_or_else(bad)?);
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        if let Some(d) = day {
            NaiveDate::from_ymd_opt(year, month, d).ok_or_else(bad)?;
        }
        Ok(PartialDate { year, month, day })
    }

    /// The exact day, when the date is known to the day.
    pub fn exact_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, self.day?)
    }

    /// The ISO form, suitable for a `<time datetime>` attribute.
    pub fn iso(&self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{d:02}", self.year, self.month),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// The last calendar day this date can mean (the month's last day when only the month is known).
    pub fn latest_day(&self) -> NaiveDate {
        match self.day {
            Some(d) => NaiveDate::from_ymd_opt(self.year, self.month, d),
            None => NaiveDate::from_ymd_opt(self.year, self.month, 1)
                .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                .and_then(|next| next.pred_opt()),
        }
        .expect("validated when parsed")
    }

    /// Where a "next review due" date stands on `today`.
    pub fn review_state(&self, today: NaiveDate) -> ReviewState {
        let due = self.latest_day();
        if today <= due {
            return ReviewState::NotYetDue;
        }
        let mut years = today.year() - due.year();
        if (today.month(), today.day()) < (due.month(), due.day()) {
            years -= 1;
        }
        ReviewState::Overdue { whole_years: years.max(0) as u32 }
    }
}

/// Whether a stated review date has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    /// The due date is today or later.
    NotYetDue,
    /// The due date has passed, by this many whole years.
    Overdue {
        /// Whole years since the due date.
        whole_years: u32,
    },
}

impl From<NaiveDate> for PartialDate {
    /// A date known to the day.
    fn from(date: NaiveDate) -> Self {
        PartialDate { year: date.year(), month: date.month(), day: Some(date.day()) }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[(self.month - 1) as usize];
        match self.day {
            Some(d) => write!(f, "{d} {month} {}", self.year),
            None => write!(f, "{month} {}", self.year),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A day written `YYYY-MM-DD` in content, read and written with the same parser as the sources' dates (so the
/// download carries no second date parser): `#[serde(with = "day")]` on a `NaiveDate` field.
pub mod day {
    use super::*;

    /// Writes the day as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        PartialDate::from(*date).serialize(serializer)
    }

    /// Reads a `YYYY-MM-DD` day; a month alone is refused.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let date = PartialDate::deserialize(deserializer)?;
        date.exact_day().ok_or_else(|| serde::de::Error::custom(format!("\"{}\" is a month, not a day", date.iso())))
    }

    /// The same for an optional day (`null` or absent for none): `#[serde(default, with = "day::optional")]`.
    pub mod optional {
        use super::*;

        /// Writes the day as `YYYY-MM-DD`, or `null`.
        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
            date.map(PartialDate::from).serialize(serializer)
        }

        /// Reads a `YYYY-MM-DD` day or `null`.
        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<PartialDate>::deserialize(deserializer)? {
                None => Ok(None),
                Some(date) => date
                    .exact_day()
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom(format!("\"{}\" is a month, not a day", date.iso()))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_and_displays_months_and_days() {
        let month = PartialDate::parse("2021-11").unwrap();
        assert_eq!(month.to_string(), "November 2021");
        assert_eq!(month.iso(), "2021-11");
        let full = PartialDate::parse("2008-03-26").unwrap();
        assert_eq!(full.to_string(), "26 March 2008");
        assert_eq!(full.iso(), "2008-03-26");
    }

    #[test]
    fn a_day_field_reads_and_writes_yyyy_mm_dd_and_refuses_a_month() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Checked {
            #[serde(with = "day")]
            on: NaiveDate,
            #[serde(default, with = "day::optional")]
            verified: Option<NaiveDate>,
        }
        let read: Checked = serde_json::from_str(r#"{"on":"2026-11-30"}"#).unwrap();
        assert_eq!(read, Checked { on: day(2026, 11, 30), verified: None });
        assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"on":"2026-11-30","verified":null}"#);
        let both: Checked = serde_json::from_str(r#"{"on":"2026-11-30","verified":"2026-12-01"}"#).unwrap();
        assert_eq!(both.verified, Some(day(2026, 12, 1)));
        for bad in [
            r#"{"on":"2026-11"}"#,
            r#"{"on":"2026-02-30"}"#,
            r#"{"on":"30/11/2026"}"#,
            r#"{"on":"2026-11-30","verified":"2026-12"}"#,
        ] {
            assert!(serde_json::from_str::<Checked>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_day_is_shown_as_the_sources_dates_are() {
        let date = PartialDate::from(day(2026, 11, 30));
        assert_eq!((date.to_string(), date.iso()), ("30 November 2026".to_owned(), "2026-11-30".to_owned()));
        assert_eq!(date.exact_day(), Some(day(2026, 11, 30)));
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in ["2021-13", "2021-02-30", "21-11", "2021/11", "2021-1", "", "2021-11-05-01", "abcd-ef"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn a_month_lasts_until_its_last_day() {
        assert_eq!(PartialDate::parse("2024-02").unwrap().latest_day(), day(2024, 2, 29));
        assert_eq!(PartialDate::parse("2017-11").unwrap().latest_day(), day(2017, 11, 30));
    }

    #[test]
    fn a_passed_review_date_is_overdue_by_whole_years() {
        let due = PartialDate::parse("2011-03-26").unwrap();
        assert_eq!(due.review_state(day(2011, 3, 26)), ReviewState::NotYetDue);
        assert_eq!(due.review_state(day(2011, 3, 27)), ReviewState::Overdue { whole_years: 0 });
        assert_eq!(due.review_state(day(2026, 3, 25)), ReviewState::Overdue { whole_years: 14 });
        assert_eq!(due.review_state(day(2026, 11, 23)), ReviewState::Overdue { whole_years: 15 });
    }
}
