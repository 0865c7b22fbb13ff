//! A timeline as an iCalendar file (RFC 5545): one all-day event per date, with stable UIDs so that importing a newer
//! download updates the events instead of doubling them. Lines end in CRLF and fold at 75 octets; text is escaped.
//! (Written here rather than with a calendar crate: the one that builds for the browser added 11 KB gzipped to every
//! page's download for what is some sixty lines; its parser checks this output in the tests.)

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::{Deadline, Timeline};

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

fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn stamp(t: DateTime<Utc>) -> String {
    format!("{}T{:02}{:02}{:02}Z", date(t.date_naive()), t.hour(), t.minute(), t.second())
}

/// The timeline as the text of an `.ics` file.
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
            let end = dated.date.succ_opt().unwrap_or(dated.date);
            line(&mut out, "BEGIN:VEVENT");
            line(&mut out, &format!("UID:{}", text(&uid)));
            line(&mut out, &format!("DTSTAMP:{}", stamp(ctx.now)));
            line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(dated.date)));
            line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(end)));
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
    fn stamps_are_utc_basic_format() {
        let t = DateTime::parse_from_rfc3339("2026-03-06T07:08:09Z").unwrap().with_timezone(&Utc);
        assert_eq!(stamp(t), "20260306T070809Z");
    }
}
