//! End-to-end tests of `/deadlines/{authority}` in headless Chromium: a timeline URL renders its dates in `<time>`
//! elements, typing dates updates the URL and the timeline, bad dates get GOV.UK-style messages, and the calendar
//! download is a file a real iCalendar parser reads.

use crate::support;
use crate::support::browser::Browser;
use cin_procedure_explorer::timeline::{date_label, needed_dates};
use fantoccini::key::Key;

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
    let cases = support::expect::timelines();
    for (slug, case) in &cases {
        let url = format!("/deadlines/{slug}?{}", case.query);
        b.open(&server.url(&url), ".timeline time").await;
        for (topic, dates) in case.dated {
            let shown = times(&b, topic).await;
            assert!(shown.len() >= dates.len() && shown[..dates.len()] == **dates, "{url}: {topic} {shown:?}");
        }
        for (topic, date) in case.absent {
            assert!(!times(&b, topic).await.contains(&(*date).to_owned()), "{url}: {topic} lists {date}");
        }
        for (rule, texts) in case.says {
            let line = b.text(&format!("[data-rule='{rule}'] .dated")).await;
            for text in *texts {
                assert!(line.contains(text), "{url}: {rule} lacks {text:?}: {line}");
            }
        }
    }
    if let Some((slug, _)) = cases.first() {
        b.open(&server.url(&format!("/deadlines/{slug}?{}", cases[0].1.query)), ".timeline time").await;
        b.assert_accessible(&format!("/deadlines/{slug}")).await;
    }
    b.quit().await;
}

/// The first authority whose timescales count from `n` or more dates, with its date fields' keys.
fn with_dates(n: usize) -> (String, Vec<&'static str>) {
    let all = support::all();
    all.entries
        .iter()
        .map(|e| (e.authority.slug.clone(), needed_dates(&e.rules, &all.topics)))
        .find(|(_, keys)| keys.len() >= n)
        .unwrap_or_else(|| panic!("an authority with {n} date fields"))
}

/// Types a date into the three boxes of a date field, then leaves the year box.
async fn type_date(b: &Browser, key: &str, (day, month, year): (&str, &str, &str)) {
    b.wait_for(&format!("#field-{key}")).await.send_keys(day).await.unwrap();
    b.wait_for(&format!("#field-{key}-month")).await.send_keys(month).await.unwrap();
    let field = b.wait_for(&format!("#field-{key}-year")).await;
    field.send_keys(year).await.unwrap();
    field.send_keys(&Key::Tab.to_string()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_dates_update_the_url_and_bad_ones_are_explained() {
    let Some((server, b)) = support::setup().await else { return };
    let (slug, keys) = with_dates(3);
    b.open(&server.url(&format!("/deadlines/{slug}")), &format!("#field-{}", keys[0])).await;
    type_date(&b, keys[0], ("18", "12", "2026")).await;
    b.wait_until(&format!("return location.search.includes('{}=2026-12-18')", keys[0])).await;
    // The address is the page: the same address opened afresh gives the same timeline.
    let timeline = "return (document.querySelector('.timeline') || {}).innerHTML || ''";
    let typed = b.eval(timeline).await;
    let url = b.eval("return location.href").await.as_str().unwrap().to_owned();
    b.open(&url, &format!("#field-{}", keys[0])).await;
    assert_eq!(b.eval(timeline).await, typed);

    // An impossible date: the error summary names it and links to the field; the URL keeps the last good date.
    type_date(&b, keys[1], ("30", "2", "2026")).await;
    let summary = b.text(".error-summary").await;
    assert!(summary.contains(&format!("{} must be a real date", date_label(keys[1]))), "{summary}");
    b.eval("document.querySelector('.error-summary a').click(); return true").await;
    b.wait_until(&format!("return document.activeElement && document.activeElement.id === 'field-{}'", keys[1])).await;
    assert!(!b.eval("return location.search").await.as_str().unwrap().contains(keys[1]));
    b.assert_accessible(&format!("/deadlines/{slug} with an error")).await;

    // An incomplete date is reported when the form is checked.
    let id = format!("field-{}", keys[2]);
    b.eval(&format!(
        "document.getElementById('{id}').value = '4'; document.getElementById('{id}').dispatchEvent(new Event('change')); return true"
    ))
    .await;
    b.eval("document.querySelector('.deadlines-form button[type=submit]').click(); return true").await;
    b.wait_until(&format!(
        "return document.querySelector('.error-summary').textContent.includes({})",
        serde_json::to_string(&format!("{} must include a month and year", date_label(keys[2]))).unwrap()
    ))
    .await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_edited_url_gets_a_message_not_a_broken_page() {
    let Some((server, b)) = support::setup().await else { return };
    let all = support::all();
    for entry in &all.entries {
        let slug = &entry.authority.slug;
        let key = needed_dates(&entry.rules, &all.topics)[0];
        b.open(&server.url(&format!("/deadlines/{slug}?{key}=2026-13-45&other_plan=banana")), ".error-summary").await;
        let summary = b.text(".error-summary").await;
        assert!(summary.contains(&format!("{} must be a real date", date_label(key))), "{slug}: {summary}");
        assert!(summary.contains("banana"), "{slug}: {summary}");
        b.wait_for(&format!("#field-{key}")).await;
    }
    b.open(&server.url("/deadlines/nowhere"), ".not-found").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_download_parses_as_icalendar() {
    let Some((server, b)) = support::setup().await else { return };
    // A page of the table of facts: its dates, downloaded, are the page's dates.
    let Some((slug, case)) = support::expect::timelines().into_iter().last() else { return };
    b.open(&server.url(&format!("/deadlines/{slug}?{}", case.query)), ".timeline time").await;
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
    let dates: Vec<String> = serde_json::from_value(
        b.eval("return Array.from(document.querySelectorAll('.timeline time')).map(t => t.getAttribute('datetime'))")
            .await,
    )
    .unwrap();
    assert!(case.dated.iter().all(|(_, d)| d.iter().all(|d| dates.contains(&(*d).to_owned()))), "{dates:?}");
    for date in &dates {
        assert!(text.contains(&format!("DTSTART;VALUE=DATE:{}", date.replace('-', ""))), "{date} not in\n{text}");
    }
    assert!(text.contains("\r\n") && text.contains("UID:"));
    b.quit().await;
}

/// Waits until the error summary says `message`.
async fn summary_says(b: &Browser, message: &str) {
    let message = serde_json::to_string(message).unwrap();
    b.wait_until(&format!(
        "return (document.querySelector('.error-summary') || {{}}).textContent?.includes({message}) === true"
    ))
    .await;
}

/// The three boxes of a date field, as they read now.
async fn boxes(b: &Browser, key: &str) -> Vec<String> {
    let script = format!("return ['', '-month', '-year'].map(p => document.getElementById('field-{key}' + p).value)");
    serde_json::from_value(b.eval(&script).await).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_date_pasted_whole_or_with_a_month_name_is_read_and_an_error_keeps_what_was_typed() {
    let Some((server, b)) = support::setup().await else { return };
    let (slug, keys) = with_dates(2);
    b.open(&server.url(&format!("/deadlines/{slug}")), &format!("#field-{}", keys[0])).await;

    // A whole date in the day box: read as the date, and shown split over the three boxes.
    let day = b.wait_for(&format!("#field-{}", keys[0])).await;
    day.send_keys("26/03/2026").await.unwrap();
    day.send_keys(&Key::Tab.to_string()).await.unwrap();
    b.wait_until(&format!("return location.search.includes('{}=2026-03-26')", keys[0])).await;
    assert_eq!(boxes(&b, keys[0]).await, ["26", "03", "2026"]);
    assert!(b.eval("return document.querySelector('.error-summary') === null").await == true);

    // A month by its abbreviation, in lower case.
    type_date(&b, keys[1], ("1", "apr", "2026")).await;
    b.wait_until(&format!("return location.search.includes('{}=2026-04-01')", keys[1])).await;
    assert_eq!(boxes(&b, keys[1]).await, ["1", "apr", "2026"], "a date typed in three boxes is left as typed");

    // A pasted date that is not a date: the field's message, what was typed kept, the last good date kept.
    let clear = format!(
        "['', '-month', '-year'].forEach(p => document.getElementById('field-{}' + p).value = ''); return true",
        keys[1]
    );
    b.eval(&clear).await;
    let day = b.wait_for(&format!("#field-{}", keys[1])).await;
    day.send_keys("31/02/2026").await.unwrap();
    day.send_keys(&Key::Tab.to_string()).await.unwrap();
    let real = format!("{} must be a real date", date_label(keys[1]));
    summary_says(&b, &real).await;
    assert_eq!(boxes(&b, keys[1]).await, ["31/02/2026", "", ""]);
    assert!(b.eval("return location.search").await.as_str().unwrap().contains(&format!("{}=2026-04-01", keys[1])));
    b.assert_accessible(&format!("/deadlines/{slug} with a pasted date that is not a date")).await;

    // A year before 1900, checked with the button: the message, and every box as typed.
    b.eval(&clear).await;
    type_date(&b, keys[1], ("1", "April", "1899")).await;
    b.eval("document.querySelector('.deadlines-form button[type=submit]').click(); return true").await;
    let outside = format!("{} must be between 1 January 1900 and 31 December 2100", date_label(keys[1]));
    summary_says(&b, &outside).await;
    assert_eq!(boxes(&b, keys[1]).await, ["1", "April", "1899"]);
    assert_eq!(boxes(&b, keys[0]).await, ["26", "03", "2026"]);
    b.assert_accessible(&format!("/deadlines/{slug} with a year before 1900")).await;
    b.quit().await;
}
