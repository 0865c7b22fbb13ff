//! A timeline as an iCalendar file (RFC 5545): one all-day event per date, with stable UIDs so that importing a newer
//! download updates the events instead of doubling them. Lines end in CRLF and fold at 75 octets; text is escaped.
//! (Written here rather than with a calendar crate: the one that builds for the browser added 11 KB gzipped to every
//! page's download for what is some sixty lines; its parser checks this output in the tests.)

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::{in_years, Deadline, Timeline};

/// What the calendar needs besides the timeline: whose rules, how to name topics, and where the timeline lives.
pub struct IcsContext<'a> {
    /// The authority's name, e.g. "North Town Council".
    pub authority: &'a str,
    /// The authority's slug, for UIDs.
    pub slug: &'a str,
    /// The label of a topic id.
    pub topic_label: &'a dyn Fn(&str) -> String,
    /// The full address of the timeline page (with its query), put in each event.
    pub page_url: &'a str,
    /// The time of the download, for DTSTAMP.
    pub now: DateTime<Utc>,
}

fn title(deadline: &Deadline, ctx: &IcsContext, reading: Option<&str>) -> String {
    let mut title = (ctx.topic_label)(&deadline.rule.topic);
    if let Some(n) = deadline.occurrence {
        title.push_str(&format!(" ({})", ordinal(n)));
    }
    if let Some(about) = &deadline.about {
        title.push_str(&format!(" {about}"));
    }
    if let Some(reading) = reading {
        title.push_str(&format!(" – if {reading}"));
    }
    format!("{title} – {}", ctx.authority)
}

fn ordinal(n: u32) -> &'static str {
    match n {
        1 => "next",
        _ => "later, if each is held on time",
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (RFC 5545 §3.1), ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// An event's start and (exclusive) end, written as `YYYYMMDD`: only for a date in [`YEAR_RANGE`](super::YEAR_RANGE), the years a date
/// may be entered in, so that the file never holds a date that is not real, not four-digit, or outside those years.
fn event_dates(d: NaiveDate) -> Option<(String, String)> {
    let end = d.succ_opt()?;
    (in_years(d) && end > d).then(|| (date(d), date(end)))
}

fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn stamp(t: DateTime<Utc>) -> String {
    format!("{}T{:02}{:02}{:02}Z", date(t.date_naive()), t.hour(), t.minute(), t.second())
}

/// The timeline as the text of an `.ics` file. A date outside [`YEAR_RANGE`](super::YEAR_RANGE) is left out rather
/// than written.
pub fn to_ics(timeline: &Timeline, ctx: &IcsContext) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CIN Procedure Explorer//Deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", text(&format!("Child in Need deadlines – {}", ctx.authority))));
    for deadline in &timeline.deadlines {
        for (i, dated) in deadline.dates.iter().enumerate() {
            let Some((start, end)) = event_dates(dated.date) else { continue };
            let mut description = vec![deadline.rule.summary.clone(), format!("Counted: {}.", dated.how)];
            if dated.before {
                description.push("This is a limit: act before this date.".to_owned());
            }
            if let Some(note) = &deadline.rule.note {
                description.push(format!("Note: {note}"));
            }
            description.push(format!("Source sections: {}.", deadline.rule.cites.join(", ")));
            description.push(format!("Timeline: {}", ctx.page_url));
            let uid = format!(
                "{}-{}-{}-{i}-{}@cin-procedure-explorer",
                deadline.rule.id,
                deadline.about.as_deref().unwrap_or("").replace(' ', "-"),
                deadline.occurrence.unwrap_or(0),
                ctx.slug
            );
            line(&mut out, "BEGIN:VEVENT");
            line(&mut out, &format!("UID:{}", text(&uid)));
            line(&mut out, &format!("DTSTAMP:{}", stamp(ctx.now)));
            line(&mut out, &format!("DTSTART;VALUE=DATE:{start}"));
            line(&mut out, &format!("DTEND;VALUE=DATE:{end}"));
            line(&mut out, &format!("SUMMARY:{}", text(&title(deadline, ctx, dated.reading.as_deref()))));
            line(&mut out, &format!("DESCRIPTION:{}", text(&description.join("\n"))));
            line(&mut out, &format!("URL:{}", ctx.page_url));
            line(&mut out, "END:VEVENT");
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_fold_on_character_boundaries() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        line(&mut out, &long);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 1 && lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn only_real_dates_in_the_years_a_date_may_be_entered_in_are_written() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(event_dates(day(2026, 3, 26)), Some(("20260326".into(), "20260327".into())));
        assert_eq!(event_dates(day(1900, 1, 1)), Some(("19000101".into(), "19000102".into())));
        assert_eq!(event_dates(day(2100, 12, 31)), Some(("21001231".into(), "21010101".into())));
        for outside in
            [day(1899, 12, 31), day(2101, 1, 1), day(-1, 1, 1), day(10000, 1, 1), NaiveDate::MIN, NaiveDate::MAX]
        {
            assert_eq!(event_dates(outside), None, "{outside}");
        }
    }

    #[test]
    fn stamps_are_utc_basic_format() {
        let t = DateTime::parse_from_rfc3339("2026-03-06T07:08:09Z").unwrap().with_timezone(&Utc);
        assert_eq!(stamp(t), "20260306T070809Z");
    }
}
