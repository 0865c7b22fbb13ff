//! End-to-end tests of `/deadlines/{authority}` in headless Chromium: a timeline URL renders its dates in `<time>`
//! elements, typing dates updates the URL and the timeline, bad dates get GOV.UK-style messages, and the calendar
//! download is a file a real iCalendar parser reads.

use fantoccini::key::Key;
use crate::support;
use crate::support::browser::Browser;

/// The `datetime` of every `<time>` for a topic, in page order.
async fn times(b: &Browser, topic: &str) -> Vec<String> {
    let script = format!(
        "return Array.from(document.querySelectorAll(\".timeline time[data-topic='{topic}']\")).map(t => t.getAttribute('datetime'))"
    );
    serde_json::from_value(b.eval(&script).await).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timeline_url_renders_its_dates() {
    let Some((server, b)) = support::setup().await else { return };
    // York §4: first review within 15 working days of the plan (Easter 2026 skipped); Health and Disability Team
    // reviews at least every 26 weeks from the last review.
    let url = "/deadlines/york?plan_established=2026-03-26&previous_review=2026-04-20&team=health_disability";
    b.open(&server.url(url), ".timeline time").await;
    assert_eq!(times(&b, "review.first").await, ["2026-04-20"]);
    assert_eq!(times(&b, "review.interval").await, ["2026-10-19", "2027-04-19"]);
    let first = b.text("[data-rule='york-review-first'] .dated").await;
    assert!(first.contains("skipping Good Friday and Easter Monday"), "{first}");
    assert!(first.contains("met"), "{first}");
    b.assert_accessible("/deadlines/york").await;

    // Another team: 12-weekly reviews instead, and the 26-week rule is left out.
    b.open(&server.url(&url.replace("health_disability", "children_in_need_assessment")), ".timeline time").await;
    let reviews = times(&b, "review.interval").await;
    assert_eq!(reviews.first().map(String::as_str), Some("2026-07-13"));
    assert!(!reviews.contains(&"2026-10-19".to_owned()));
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_dates_update_the_url_and_bad_ones_are_explained() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/deadlines/lancashire"), "#field-assessment_completed").await;
    for (id, value) in [("field-assessment_completed", "18"), ("field-assessment_completed-month", "12")] {
        b.wait_for(&format!("#{id}")).await.send_keys(value).await.unwrap();
    }
    let year = b.wait_for("#field-assessment_completed-year").await;
    year.send_keys("2026").await.unwrap();
    year.send_keys(&Key::Tab.to_string()).await.unwrap();
    b.wait_until("return location.search.includes('assessment_completed=2026-12-18')").await;
    b.wait_for(".timeline time").await;
    // Lancashire §3: "10 days" is ambiguous, so both readings are dated.
    assert_eq!(times(&b, "planning_meeting.deadline").await, ["2026-12-28", "2027-01-06"]);

    // An impossible date: the error summary names it and links to the field; the URL keeps the last good date.
    let day = b.wait_for("#field-plan_established").await;
    day.send_keys("30").await.unwrap();
    b.wait_for("#field-plan_established-month").await.send_keys("2").await.unwrap();
    let year = b.wait_for("#field-plan_established-year").await;
    year.send_keys("2026").await.unwrap();
    year.send_keys(&Key::Tab.to_string()).await.unwrap();
    let summary = b.text(".error-summary").await;
    assert!(summary.contains("Date the plan was agreed must be a real date"), "{summary}");
    b.eval("document.querySelector('.error-summary a').click(); return true").await;
    b.wait_until("return document.activeElement && document.activeElement.id === 'field-plan_established'").await;
    assert!(!b.eval("return location.search").await.as_str().unwrap().contains("plan_established"));
    b.assert_accessible("/deadlines/lancashire with an error").await;

    // An incomplete date is reported when the form is checked.
    b.eval("document.getElementById('field-previous_review').value = '4'; document.getElementById('field-previous_review').dispatchEvent(new Event('change')); return true").await;
    b.eval("document.querySelector('.deadlines-form button[type=submit]').click(); return true").await;
    b.wait_until("return document.querySelector('.error-summary').textContent.includes('Date of the last review must include a month and year')").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_edited_url_gets_a_message_not_a_broken_page() {
    let Some((server, b)) = support::setup().await else { return };
    b.open(&server.url("/deadlines/durham?planning_meeting=2026-13-45&other_plan=banana"), ".error-summary").await;
    let summary = b.text(".error-summary").await;
    assert!(summary.contains("Date of the planning meeting must be a real date"), "{summary}");
    assert!(summary.contains("banana"), "{summary}");
    b.wait_for("#field-planning_meeting").await;
    b.open(&server.url("/deadlines/nowhere"), ".not-found").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_download_parses_as_icalendar() {
    let Some((server, b)) = support::setup().await else { return };
    let url = "/deadlines/durham?planning_meeting=2026-11-02&care_team_meeting=2026-11-16&other_plan=none";
    b.open(&server.url(url), ".timeline time").await;
    // Keep the file the page offers instead of letting the browser save it.
    b.eval(
        "window.__ics = null; const make = URL.createObjectURL; URL.createObjectURL = blob => { blob.text().then(t => window.__ics = t); return make(blob); }; return true",
    )
    .await;
    b.eval("Array.from(document.querySelectorAll('button')).find(x => x.textContent.includes('.ics')).click(); return true")
        .await;
    b.wait_until("return typeof window.__ics === 'string'").await;
    let text = b.eval("return window.__ics").await.as_str().unwrap().to_owned();
    let calendar: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("not iCalendar: {e}\n{text}"));
    let events = text.matches("BEGIN:VEVENT").count();
    assert_eq!(calendar.components.len(), events);
    assert_eq!(
        events,
        b.eval("return document.querySelectorAll('.timeline time').length").await.as_u64().unwrap() as usize
    );
    // Durham, "Care Team Meetings": the first within two weeks of the planning meeting.
    assert!(text.contains("DTSTART;VALUE=DATE:20261116"), "{text}");
    assert!(text.contains("\r\n") && text.contains("UID:"));
    b.quit().await;
}
