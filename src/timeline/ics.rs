//! A timeline as an iCalendar file (RFC 5545): one all-day event per date, with stable UIDs so that importing a newer
//! download updates the events instead of doubling them. Written with the `icalendar` crate (line folding, escaping
//! and CRLF are its job).

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, Property};

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

/// The timeline as the text of an `.ics` file.
pub fn to_ics(timeline: &Timeline, ctx: &IcsContext) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new("PRODID", "-//CIN Procedure Explorer//Deadlines//EN"));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", "PUBLISH"));
    calendar.name(&format!("Child in Need deadlines – {}", ctx.authority));
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
            let event = icalendar::Event::new()
                .uid(&uid)
                .timestamp(ctx.now)
                .summary(&title(deadline, ctx, dated.reading.as_deref()))
                .description(&description.join("\n"))
                .starts(dated.date)
                .ends(dated.date.succ_opt().unwrap_or(dated.date))
                .url(ctx.page_url)
                .done();
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}
