//! The deadlines page as HTML text (pure): the form of dates and answers an authority's rules need, reading it back,
//! the error summary, and the timeline. The browser side only inserts this HTML and listens for changes, which keeps
//! the download small.

use std::collections::BTreeMap;

use crate::calendar::{iso, long_date, YEARS};
use crate::html;
use crate::html::Html;
use crate::model::{describe_when, meeting_name, Authority, Status, Topic};
use crate::render::action::Action;
use crate::render::authority::cite_links;
use crate::render::frame::error_summary_html;
use crate::timeline::form::Form;
use crate::timeline::{date_label, question, Case, DateParts, Deadline, FieldError, Timeline};

/// The id of a field's first control (what the error summary links to).
pub fn field_id(key: &str) -> String {
    format!("field-{key}")
}

/// The day, month and year inputs of a date field, named `{key}-day`, `{key}-month`, `{key}-year`; the day input's id
/// is `id` (what an error links to), the others `{id}-month` and `{id}-year`. Filled in from `parts`.
pub fn date_parts_html(id: &str, key: &str, parts: &DateParts) -> Html {
    let mut out = html!("<div class=\"date-parts\">");
    for (part, label, width) in PARTS {
        let value = match part {
            "day" => &parts.day,
            "month" => &parts.month,
            _ => &parts.year,
        };
        let input_id = if part == "day" { id.to_owned() } else { format!("{id}-{part}") };
        out.push(html!(
            "<div class=\"date-part\"><label for=\"{input_id}\">{label}</label><input id=\"{input_id}\" \
             name=\"{key}-{part}\" class=\"{width}\" type=\"text\"{mode} autocomplete=\"off\" value=\"{v0}\"></div>",
            mode = if part == "month" { Html::new() } else { html!(" inputmode=\"numeric\"") },
            v0 = value,
            input_id = input_id,
            label = label,
            key = key,
            part = part,
            width = width
        ));
    }
    out.push(html!("</div>"));
    out
}

const PARTS: [(&str, &str, &str); 3] = [("day", "Day", "w2"), ("month", "Month", "w2"), ("year", "Year", "w4")];

/// The deadlines form's fields as HTML, filled in from the case.
pub fn form_html(form: &Form, case: &Case) -> Html {
    let mut out = Html::new();
    for key in &form.dates {
        let id = field_id(key);
        let parts = case.dates.get(*key).map(|d| DateParts::of(*d)).unwrap_or_default();
        out.push(html!(
            "<fieldset class=\"date-field\" id=\"{id}-group\" aria-describedby=\"{id}-hint\"><legend>{v0}</legend>\
             <p class=\"hint\" id=\"{id}-hint\">For example, 26 3 2026</p>\
             <p class=\"field-error\" id=\"{id}-error\" hidden></p>",
            v0 = date_label(key),
            id = id
        ));
        out.push(date_parts_html(&id, key, &parts));
        out.push(html!("</fieldset>"));
    }
    for (key, choices) in &form.answers {
        let id = field_id(key);
        let current = case.answers.get(*key).map(String::as_str).unwrap_or("");
        let selected = |v: &str| if v == current { " selected" } else { "" };
        out.push(html!(
            "<div class=\"answer-field\"><label for=\"{id}\">{v0}</label><select id=\"{id}\" name=\"{key}\">\
             <option value=\"\"{v1}>Not answered</option>",
            v0 = question(key),
            v1 = selected(""),
            id = id,
            key = key
        ));
        for (value, label) in choices {
            out.push(html!("<option value=\"{}\"{}>{}</option>", value, selected(value), label));
        }
        out.push(html!("</select></div>"));
    }
    out
}

/// The buttons under a timeline: save it to a calendar (`.ics`), and print it.
pub fn timeline_actions_html() -> Html {
    html!(
        "<div class=\"timeline-actions\"><button type=\"button\" class=\"button secondary\"{}>Download to your calendar \
         (.ics)</button><button type=\"button\" class=\"button secondary\"{}>Print</button></div>",
        Action::Ics.attrs(),
        Action::Print.attrs()
    )
}

/// The error summary, each problem linking to its field; empty when there is none.
pub fn form_errors_html(errors: &[FieldError]) -> Html {
    let problems: Vec<(String, &str)> = errors.iter().map(|e| (field_id(&e.key), e.message.as_str())).collect();
    error_summary_html(&problems)
}

/// Errors for the same field keep only the first.
pub fn first_per_field(errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut seen: BTreeMap<String, ()> = BTreeMap::new();
    errors.into_iter().filter(|e| seen.insert(e.key.clone(), ()).is_none()).collect()
}

fn topic_label<'a>(topics: &'a [Topic], id: &'a str) -> &'a str {
    topics.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
}

fn deadline_html(deadline: &Deadline, authority: &Authority, topics: &[Topic]) -> Html {
    let rule = &deadline.rule;
    let mut heading = Html::text(topic_label(topics, &rule.topic));
    match deadline.occurrence {
        Some(1) => heading.push(" — next"),
        Some(_) => heading.push(" — later"),
        None => {}
    }
    if let Some(about) = &deadline.about {
        heading.push(html!(" — {}", about));
    }
    let mut dates: Html = deadline
        .dates
        .iter()
        .map(|d| {
            let reading = d.reading.as_ref().map(|r| html!("<span class=\"reading\">Reading “{}”: </span>", r));
            html!("<li class=\"dated\" data-state=\"{state}\">{v0}<strong>{v1}<time datetime=\"{v2}\" data-topic=\"{v3}\">{v4}</time></strong> \
                 <span class=\"state state-{state}\">{v5}</span><span class=\"how\">{v6}</span></li>", state = d.state.id(), v0 = reading.unwrap_or_default(), v1 = if d.before { "Before " } else { "" }, v2 = iso(d.date), v3 = rule.topic, v4 = long_date(d.date), v5 = d.state.describe(), v6 = d.how)
        })
        .collect();
    // A reading under which this rule's meeting is another deadline's: named here, dated there.
    for other in &deadline.shown_with {
        dates.push(html!(
            "<li class=\"same-meeting\"><span class=\"reading\">Reading “{}”: </span>{} itself, not a meeting of its \
             own; its date is under “{}”.</li>",
            other.reading.as_deref().unwrap_or_default(),
            meeting_name(topics, &other.rule.topic),
            topic_label(topics, &other.rule.topic)
        ));
    }
    let mut out = html!("<li class=\"deadline\" data-topic=\"{v0}\" data-rule=\"{v1}\"><h3>{heading}</h3><ul class=\"dates\">{dates}</ul>", v0 = rule.topic, v1 = rule.id, heading = heading, dates = dates);
    for other in &deadline.also {
        let meeting = meeting_name(topics, &other.rule.topic);
        out.push(match &other.reading {
            None => html!(
                "<p class=\"same-meeting\">This meeting is also {}: the procedure names one meeting for both \
                 <span class=\"cited-in\">(source:{})</span>.</p>",
                meeting,
                cite_links(authority, &other.rule.cites)
            ),
            Some(reading) => html!(
                "<p class=\"same-meeting\">Under the reading “{}”, this meeting is also {}.</p>",
                reading,
                meeting
            ),
        });
    }
    if let Some(condition) = describe_when(&deadline.unanswered, &authority.vocabulary) {
        out.push(html!(
            "<p class=\"condition\">Applies only {} — answer the question above to check.</p>",
            condition.replacen("For ", "for ", 1)
        ));
    }
    // Later occurrences of a recurring rule repeat its dates only; the first carries the explanation.
    if deadline.occurrence.is_none_or(|n| n == 1) {
        if let (Status::Ambiguous, Some(note)) = (rule.status, &rule.note) {
            out.push(html!("<p class=\"ambiguous\"><strong>The source is unclear: </strong>{}</p>", note));
        }
        out.push(html!(
            "<p class=\"summary\">{} <span class=\"cited-in\">(source:{})</span></p>",
            rule.summary,
            cite_links(authority, &rule.cites)
        ));
    }
    out.push(html!("</li>"));
    out
}

/// The timeline as HTML: a note where counts pass the bank-holiday table's years, the deadlines in date order, the
/// rules waiting for a date, and the timescales the procedure does not state.
pub fn timeline_html(t: &Timeline, authority: &Authority, topics: &[Topic]) -> Html {
    let mut out = Html::new();
    let counts = || t.deadlines.iter().flat_map(|d| &d.dates).filter_map(|d| d.count.as_ref());
    if counts().any(|c| c.after_table) {
        out.push(html!("<p class=\"warning\" role=\"note\">Some dates are counted past the end of GOV.UK's bank-holiday table ({}): \
             there, the bank holidays are projected by rule (New Year's Day, Good Friday, Easter Monday, the early May, \
             spring and summer bank holidays, Christmas Day and Boxing Day, with substitute days) and marked \
             “projected”. A one-off bank holiday announced later is not among them: check those dates against the \
             published bank holidays nearer the time.</p>", YEARS.1));
    }
    if counts().any(|c| c.before_table) {
        out.push(html!(
            "<p class=\"warning\" role=\"note\">Some dates are counted before the start of the bank-holiday table \
             ({}): there, only weekends were skipped. Check those dates against the published bank holidays.</p>",
            YEARS.0
        ));
    }
    if t.deadlines.is_empty() {
        out.push(html!(
            "<p class=\"no-deadlines\">No deadlines yet: none of the dates these rules count from is known.</p>"
        ));
    } else {
        out.push(html!("<ol class=\"timeline\">"));
        for deadline in &t.deadlines {
            out.push(deadline_html(deadline, authority, topics));
        }
        out.push(html!("</ol>"));
    }
    if !t.waiting.is_empty() {
        out.push(html!("<h2>Waiting for a date</h2><ul class=\"waiting\">"));
        for w in &t.waiting {
            let needs = match w.needs.as_str() {
                "meeting_held" => "the date of the meeting (planning meeting or review)".to_owned(),
                key => date_label(key).to_lowercase(),
            };
            out.push(html!("<li><strong>{}</strong>: enter {}.</li>", topic_label(topics, &w.rule.topic), needs));
        }
        out.push(html!("</ul>"));
    }
    if !t.no_timescale.is_empty() {
        out.push(html!("<h2>What this procedure gives no timescale for</h2><ul class=\"gaps\">"));
        for r in &t.no_timescale {
            out.push(html!(
                "<li data-topic=\"{}\"><strong>{}</strong>: no timescale stated. {}</li>",
                r.topic,
                topic_label(topics, &r.topic),
                r.summary
            ));
        }
        out.push(html!("</ul>"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_authority, Rule};
    use crate::timeline::form::outside_table;
    use chrono::NaiveDate;

    fn rules() -> Vec<Rule> {
        serde_json::from_str(
            r#"[{"id":"m-r","topic":"review.first","status":"stated","when":{"disabled":["yes"]},
                 "value":{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"},
                 "summary":"s","cites":[],"note":null}]"#,
        )
        .unwrap()
    }

    fn authority() -> Authority {
        parse_authority("minimal", include_str!("../../tests/fixtures/minimal/authority.json")).unwrap()
    }

    #[test]
    fn the_form_is_filled_from_the_case_and_its_errors_link_to_their_fields() {
        let form = Form::for_rules(&rules(), &crate::model::content_topics(), &authority());
        let mut case = Case::default();
        case.dates.insert("plan_established".into(), NaiveDate::from_ymd_opt(2026, 3, 26).unwrap());
        case.answers.insert("disabled".into(), "no".into());
        let html = form_html(&form, &case).into_string();
        assert!(html.contains("<legend>Date the plan was agreed</legend>"), "{html}");
        assert!(
            html.contains("id=\"field-plan_established\" name=\"plan_established-day\"")
                && html.contains("value=\"26\"")
        );
        assert!(html.contains("<label for=\"field-disabled\">Is the child disabled?</label>"), "{html}");
        assert!(html.contains("<option value=\"no\" selected>No</option>"), "{html}");
        let error = FieldError { key: "plan_established".into(), message: "Date must be real".into() };
        let html = form_errors_html(&[error]).into_string();
        assert!(
            html.contains(
                "href=\"#field-plan_established\" data-action=\"focus\" data-field=\"field-plan_established\""
            ),
            "{html}"
        );
        assert!(form_errors_html(&[]).is_empty());
    }

    /// A plan agreed on `day`, for a disabled child, and its timeline as HTML.
    fn plan_on(day: NaiveDate) -> (Case, String) {
        let mut case = Case::default();
        case.dates.insert("plan_established".into(), day);
        case.answers.insert("disabled".into(), "yes".into());
        let topics = crate::model::content_topics();
        let t = crate::timeline::timeline(&rules(), &topics, &case, day);
        let html = timeline_html(&t, &authority(), &topics).into_string();
        (case, html)
    }

    #[test]
    fn dates_outside_the_table_say_how_their_bank_holidays_were_found() {
        let (case, html) = plan_on(NaiveDate::from_ymd_opt(2030, 12, 20).unwrap());
        assert!(html.contains("skipping Christmas Day (projected), Boxing Day (projected) and New Year"), "{html}");
        assert!(html.contains("bank holidays are projected by rule") && !html.contains("only weekends"), "{html}");
        assert_eq!(
            outside_table(&case),
            ["A date is after the years of the bank-holiday table (2019–2028): working days there skip bank holidays \
              projected by rule, marked “projected”."]
        );
        let (case, html) = plan_on(NaiveDate::from_ymd_opt(2018, 12, 20).unwrap());
        assert!(html.contains("only weekends were skipped") && !html.contains("projected"), "{html}");
        assert_eq!(
            outside_table(&case),
            ["A date is before the years of the bank-holiday table (2019–2028): working days there skip weekends only."]
        );
        let (case, html) = plan_on(NaiveDate::from_ymd_opt(2026, 12, 18).unwrap());
        assert!(outside_table(&case).is_empty() && !html.contains("class=\"warning\""), "{html}");
    }

    #[test]
    fn a_meeting_named_once_is_one_card_that_says_what_else_it_is() {
        let section = authority().sections[0].id.clone();
        let planning = r#"{"kind":"deadline","amount":15,"unit":"working_days","after":"plan_established"}"#;
        let later = r#"{"kind":"deadline","amount":3,"unit":"months","after":"planning_meeting"}"#;
        let rules: Vec<Rule> = serde_json::from_str(&format!(
            r#"[{{"id":"m-pm","topic":"planning_meeting.deadline","status":"stated","value":{planning},
                  "same_meeting":"review.first","summary":"s","cites":["{section}"],"note":null}},
                {{"id":"m-rf","topic":"review.first","status":"stated","value":{planning},"summary":"s","cites":[],"note":null}},
                {{"id":"m-cf","topic":"care_team.first_meeting","status":"ambiguous","readings":[
                  {{"label":"the review itself","value":{planning},"same_meeting":"review.first"}},
                  {{"label":"later","value":{later}}}],"summary":"s","cites":[],"note":"n"}}]"#
        ))
        .unwrap();
        let mut case = Case::default();
        case.dates.insert("plan_established".into(), NaiveDate::from_ymd_opt(2026, 3, 26).unwrap());
        case.dates.insert("planning_meeting".into(), NaiveDate::from_ymd_opt(2026, 4, 20).unwrap());
        let topics = crate::model::content_topics();
        let t = crate::timeline::timeline(&rules, &topics, &case, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        let html = timeline_html(&t, &authority(), &topics).into_string();
        assert_eq!(html.matches("datetime=\"2026-04-20\"").count(), 1, "one card for the one meeting: {html}");
        assert!(!html.contains("data-rule=\"m-pm\""), "{html}");
        assert!(
            html.contains(&format!(
                "<p class=\"same-meeting\">This meeting is also the planning meeting: the procedure names one meeting \
                 for both <span class=\"cited-in\">(source: <a class=\"cite\" href=\"a/minimal/{section}\">"
            )),
            "{html}"
        );
        assert!(
            html.contains(
                "<p class=\"same-meeting\">Under the reading “the review itself”, this meeting is also the \
                           first team meeting.</p>"
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "<li class=\"same-meeting\"><span class=\"reading\">Reading “the review itself”: </span>the \
                           first review itself, not a meeting of its own; its date is under “First review”.</li>"
            ),
            "{html}"
        );
    }

    #[test]
    fn the_month_box_takes_names_so_its_keyboard_is_not_numeric() {
        let html = date_parts_html("d", "d", &DateParts::default()).into_string();
        assert!(html.contains("name=\"d-day\" class=\"w2\" type=\"text\" inputmode=\"numeric\""), "{html}");
        assert!(html.contains("name=\"d-month\" class=\"w2\" type=\"text\" autocomplete"), "{html}");
    }
}
