//! The injection catalogue, end to end: every payload below goes through every value that reaches a page (each
//! route's path segments, the query values of search, compare and the glossary, every wizard and deadlines answer
//! key, the wizard's `compare=`, unknown keys, and what is typed into the search and glossary boxes), in headless
//! Chromium. Each payload, if it ran, would set `window.__pwned` and open an alert. For every address the test
//! asserts that no dialog opened, that `window.__pwned` is undefined, that no element carries markup made from the
//! payload (an event handler, a `javascript:` address, a frame, a script), and, where the page repeats the value,
//! that it shows the payload as text.
//!
//! One browser session serves every case. Each address is opened inside the running app (as a link would, through
//! the router), after a neutral page, so the app's own state and the background worker carry over and the whole
//! catalogue runs in a minute or two; a sample of payloads is also opened as a fresh page load on every route, so
//! the first-load path is covered too.

use std::fmt::Write as _;
use std::time::Instant;

use serde_json::{json, Value};

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Server;

/// What a payload runs: it sets the flag the test checks and opens a dialog.
const RUN: &str = "window.__pwned=1;alert(1)";
/// The same from inside a frame.
const RUN_PARENT: &str = "parent.__pwned=1;parent.alert(1)";

/// The wizard and deadlines answer keys (DESIGN §5), each a value that reaches the page.
const ANSWER_KEYS: &[&str] = &[
    "in_need",
    "other_plan",
    "route",
    "assessment_completed",
    "plan_established",
    "planning_meeting",
    "previous_review",
    "care_team_meeting",
    "previous_visit",
    "package_started",
    "order_expires",
    "team",
    "disabled",
    "direct_payments_only",
    "complex_package",
    "review_finding",
];

/// One entry of the catalogue: the text put into the address (already encoded as the link would carry it), and the
/// text the page must show where it repeats the value (`None` where what the browser makes of it is not fixed).
struct Payload {
    name: String,
    slot: String,
    shown: Option<String>,
}

/// Percent-encodes everything but the unreserved characters, as a link built with `encodeURIComponent` would.
fn enc(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Encodes only what would change the address's structure (`%`, `#`, `?`, `&`, `/`, `+`), leaving the browser to
/// deal with quotes, angle brackets, spaces and newlines as it does with a link typed or pasted as it is.
fn raw(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '%' | '#' | '?' | '&' | '/' | '+' => enc(&c.to_string()),
            c => c.to_string(),
        })
        .collect()
}

/// The catalogue: 61 payloads.
fn catalogue() -> Vec<Payload> {
    let plain = [
        "<script>RUN</script>",
        "</script><script>RUN</script>",
        "<img src=x onerror=RUN>",
        "<IMG SRC=x OnErRoR=RUN>",
        "<img/src=x/onerror=RUN>",
        "<img src=x onerror=\"RUN\">",
        "<img src=x onerror=RUN//",
        "\"><img src=x onerror=RUN>",
        "'><img src=x onerror=RUN>",
        "\"/><img src=x onerror=RUN>",
        "\"><svg onload=RUN>",
        "<svg/onload=RUN>",
        "<svg><script>RUN</script></svg>",
        "\" autofocus onfocus=\"RUN\" x=\"",
        "' autofocus onfocus='RUN' x='",
        "\" onmouseover=\"RUN\" x=\"",
        "\"><input autofocus onfocus=RUN>",
        "<details open ontoggle=RUN>",
        "<iframe srcdoc=\"<script>PARENT</script>\">",
        "<iframe src=\"javascript:PARENT\">",
        "javascript:RUN",
        "JaVaScRiPt:RUN",
        "\tjavascript:RUN",
        "<a href=\"javascript:RUN\">x</a>",
        "<form><button formaction=javascript:RUN>x</button></form>",
        "<object data=\"javascript:RUN\">",
        "<embed src=\"javascript:RUN\">",
        "<audio src=x onerror=RUN>",
        "<video><source onerror=RUN></video>",
        "<style onload=RUN></style>",
        "<body onload=RUN>",
        "<math><mtext><table><mglyph><style><img src=x onerror=RUN>",
        "--><img src=x onerror=RUN>",
        "</textarea><img src=x onerror=RUN>",
        "</title><img src=x onerror=RUN>",
        "</style><img src=x onerror=RUN>",
        "<noscript><p title=\"</noscript><img src=x onerror=RUN>\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:RUN\">",
        "<a id=__pwned href=x>clobber</a>",
        "x\n<img src=x onerror=RUN>",
        "x\r\n<img src=x onerror=RUN>",
        "x\u{2028}<img src=x onerror=RUN>",
        "\u{0}<img src=x onerror=RUN>",
        "%00<img src=x onerror=RUN>",
        "&lt;img src=x onerror=RUN&gt;",
        "&#60;img src=x onerror=RUN&#62;",
        "{{constructor.constructor('RUN')()}}",
        "');RUN;//",
        "${RUN}",
        "x#<img src=x onerror=RUN>",
        "x&q=<img src=x onerror=RUN>",
        "../../<img src=x onerror=RUN>",
    ];
    let fill = |p: &str| p.replace("PARENT", RUN_PARENT).replace("RUN", RUN);
    let mut out: Vec<Payload> = plain
        .iter()
        .map(|p| {
            let text = fill(p);
            Payload { name: format!("{text:?}"), slot: enc(&text), shown: Some(text) }
        })
        .collect();
    // Encoded twice: the page must show the once-decoded text, never decode it again into markup.
    for p in ["<img src=x onerror=RUN>", "\"><img src=x onerror=RUN>", "x\n<img src=x onerror=RUN>"] {
        let text = fill(p);
        out.push(Payload { name: format!("twice encoded {text:?}"), slot: enc(&enc(&text)), shown: Some(enc(&text)) });
    }
    // As a person would paste them: the browser encodes (or, for newlines and tabs, drops) the rest itself.
    for p in [
        "<img src=x onerror=RUN>",
        "\"><img src=x onerror=RUN>",
        "'><img src=x onerror=RUN>",
        "x\n<img src=x onerror=RUN>",
        "' autofocus onfocus='RUN' x='",
    ] {
        let text = fill(p);
        out.push(Payload { name: format!("unencoded {text:?}"), slot: raw(&text), shown: None });
    }
    // Half encoded.
    let text = fill("<img src=x onerror=RUN>");
    out.push(Payload {
        name: format!("half encoded {text:?}"),
        slot: format!("%22%3E{}", raw(&text)),
        shown: Some(format!("\">{text}")),
    });
    out
}

/// An address with one slot, `{x}`, for the payload, and whether the page repeats the value as text.
struct Template {
    path: String,
    echoes: bool,
}

fn template(path: impl Into<String>, echoes: bool) -> Template {
    Template { path: path.into(), echoes }
}

/// Every address a value from a link reaches.
fn templates() -> Vec<Template> {
    let all = support::all();
    let first = &all.entries[0];
    let (s, section) = (&first.authority.slug, &first.procedure.sections[0].id);
    let t = &all.entries[all.entries.len() - 1].authority.slug;
    let (answers, done) = support::complete_answers();
    let every_key = |slug: &str| {
        let keys: Vec<String> = ANSWER_KEYS.iter().chain(["compare"].iter()).map(|k| format!("{k}={{x}}")).collect();
        format!("{slug}?{}", keys.join("&"))
    };
    vec![
        // Path segments of every route.
        template("/a/{x}", true),
        template(format!("/a/{s}/{{x}}"), true),
        template("/a/{x}/rules", true),
        template(format!("/a/{s}/{{x}}?with={t}"), true),
        template(format!("/a/{{x}}/{section}?with={t}"), true),
        template("/deadlines/{x}", true),
        template("/wizard/{x}", true),
        template("/wizard/{x}/map", true),
        template("/compare/{x}", true),
        template("/glossary/{x}", true),
        template("/{x}", true),
        template("/no/{x}/such", true),
        // Query values.
        template(format!("/a/{s}/{section}?with={{x}}"), true),
        template(format!("/a/{s}/{section}?highlight={{x}}"), false),
        template("/search?q={x}", true),
        template("/search?q=review&a={x}", false),
        template("/compare?a={x}&group={x}&topic={x}&diff={x}&view={x}", true),
        template(format!("/compare?a={s},{t},{{x}}&group=reviews,{{x}}"), true),
        template("/glossary?filter={x}", false),
        template(format!("/wizard/{}", every_key(s)), true),
        template(format!("/deadlines/{}", every_key(s)), true),
        template(format!("/wizard/{}?{answers}&compare={{x}}&result=yes", done[0]), true),
        // Unknown keys: the key itself is the payload.
        template(format!("/wizard/{s}?{{x}}=1"), true),
        template(format!("/deadlines/{s}?{{x}}=1"), false),
        template("/compare?{x}=1", false),
        template("/search?{x}=1", false),
    ]
}

/// Whether the route has rendered: `<main>` has content, none of it "Loading…", and (after a neutral page) the
/// neutral page is gone. Prefixed to the scripts below (the page's policy allows no `eval`).
const RENDERED: &str = r#"
    const rendered = () => {
        const main = document.querySelector('main');
        return !!main && main.children.length > 0 && !main.querySelector('.loading')
            && main.textContent.trim() !== '' && !main.textContent.includes('__neutral__');
    };
"#;

/// Opens `neutral` then `target` inside the running app (the router reads the address on `popstate`, as it does
/// for Back), and waits until the target has rendered.
const NAVIGATE: &str = r#"
    const [neutral, target, done] = arguments;
    const go = url => { history.pushState(null, '', url); window.dispatchEvent(new PopStateEvent('popstate')); };
    const until = (test, then, start = performance.now()) => {
        if (test()) return then(true);
        if (performance.now() - start > 10000) return then(false);
        setTimeout(() => until(test, then, start), 5);
    };
    delete window.__pwned;
    go(neutral);
    until(() => (document.querySelector('main') || {}).textContent?.includes('__neutral__'), ok => {
        if (!ok) return done('the neutral page did not render');
        go(target);
        until(rendered, ok => done(ok ? 'ok' : 'the page did not finish rendering in 10 s'));
    });
"#;

/// Waits after a fresh load.
const SETTLE: &str = r#"
    const done = arguments[arguments.length - 1];
    const until = (start = performance.now()) => {
        if (rendered()) return done('ok');
        if (performance.now() - start > 10000) return done('the page did not finish rendering in 10 s');
        setTimeout(() => until(start), 5);
    };
    until();
"#;

/// What the page holds: whether the flag is set, every element made from a payload, and the text of `<main>`
/// with the values of its inputs (and of the header's search box).
const INSPECT: &str = r#"
    const bad = [];
    const risky = /^(on|srcdoc$|formaction$|action$|data$|xlink:href$)/i;
    for (const el of document.body.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag) && el.outerHTML.includes('__pwned')) {
            bad.push('<' + tag + '> element');
        }
        if (el.id === '__pwned' || el.getAttribute('name') === '__pwned') bad.push('<' + tag + ' id=__pwned>');
        for (const a of el.attributes) {
            const value = a.value.trim().toLowerCase();
            if ((risky.test(a.name) && a.value.includes('__pwned'))
                || (['href', 'src', 'action', 'formaction', 'data'].includes(a.name.toLowerCase())
                    && value.replace(/[\s\x00-\x1f]/g, '').startsWith('javascript:'))
                || a.name === 'http-equiv') {
                bad.push('<' + tag + ' ' + a.name + '="' + a.value.slice(0, 60) + '">');
            }
        }
    }
    const main = document.querySelector('main');
    const values = Array.from(document.querySelectorAll('main input, main textarea, #site-search')).map(i => i.value);
    return {
        pwned: typeof window.__pwned !== 'undefined',
        bad,
        text: (main ? main.textContent : '') + '\n' + values.join('\n'),
    };
"#;

/// The page's text for comparison: NUL dropped (the HTML parser drops it), line ends and runs of white space as
/// one space.
fn normal(text: &str) -> String {
    text.replace('\u{0}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What went wrong on one address, if anything.
async fn check(b: &Browser, outcome: Result<Value, fantoccini::error::CmdError>, echo: Option<&str>) -> Vec<String> {
    let mut found = Vec::new();
    match outcome {
        Ok(Value::String(s)) if s == "ok" => {}
        Ok(other) => found.push(format!("{other}")),
        Err(e) => found.push(format!("the browser refused the next command ({e})")),
    }
    // A dialog the payload opened is still there: the session leaves it open for the test to find.
    if let Ok(text) = b.client.get_alert_text().await {
        found.push(format!("a dialog opened ({text:?})"));
        let _ = b.client.dismiss_alert().await;
    }
    match b.client.execute(INSPECT, vec![]).await {
        Ok(page) => {
            if page["pwned"] == true {
                found.push("window.__pwned is set: the payload ran".into());
            }
            if let Some(bad) = page["bad"].as_array().filter(|b| !b.is_empty()) {
                found.push(format!("markup made from the payload: {}", json!(bad)));
            }
            if let Some(echo) = echo {
                let text = normal(page["text"].as_str().unwrap_or(""));
                if !text.contains(&normal(echo)) {
                    found.push("the page does not show the value as text".into());
                }
            }
        }
        Err(e) => {
            if let Ok(text) = b.client.get_alert_text().await {
                found.push(format!("a dialog opened ({text:?})"));
                let _ = b.client.dismiss_alert().await;
            } else {
                found.push(format!("the page could not be inspected ({e})"));
            }
        }
    }
    if !found.is_empty() {
        // Give a handler that was injected but has not run yet the chance to show itself, for the report.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        if let Ok(text) = b.client.get_alert_text().await {
            found.push(format!("a dialog opened ({text:?})"));
            let _ = b.client.dismiss_alert().await;
        }
    }
    found
}

/// Types `value` into the input `selector` (as one input event) and waits until `ready` (a script) is true.
async fn type_into(b: &Browser, selector: &str, value: &str) -> Result<Value, fantoccini::error::CmdError> {
    let script = r#"
        const [selector, value, done] = arguments;
        delete window.__pwned;
        const input = document.querySelector(selector);
        input.focus(); input.value = value; input.dispatchEvent(new Event('input', { bubbles: true }));
        const start = performance.now();
        const until = () => {
            const box = document.querySelector('#site-search-results');
            const busy = document.querySelector('main .loading');
            if (!busy && (selector !== '#site-search' || box.textContent !== '')) return done('ok');
            if (performance.now() - start > 10000) return done('no answer in 10 s');
            setTimeout(until, 5);
        };
        setTimeout(until, 20);
    "#;
    b.client.execute_async(script, vec![json!(selector), json!(value)]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_payload_runs_on_any_route() {
    let server = Server::start(support::built("dist"), "");
    let Some(b) = Browser::start_with(&[("unhandledPromptBehavior", json!("ignore"))]).await else { return };
    let payloads = catalogue();
    assert!(payloads.len() >= 40, "the catalogue has {} payloads", payloads.len());
    let templates = templates();
    let started = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let mut cases = 0;
    let (navigate, settle) = (format!("{RENDERED}{NAVIGATE}"), format!("{RENDERED}{SETTLE}"));

    // Every payload through every address, opened inside the running app.
    b.open(&server.url("/"), ".cards li").await;
    for t in &templates {
        for p in &payloads {
            let path = t.path.replace("{x}", &p.slot);
            let target = server.url(&path);
            let outcome =
                b.client.execute_async(&navigate, vec![json!(server.url("/__neutral__")), json!(target)]).await;
            let echo = p.shown.as_deref().filter(|_| t.echoes);
            cases += 1;
            for problem in check(&b, outcome, echo).await {
                failures.push(format!("{} with {}: {problem}\n    {path}", t.path, p.name));
            }
        }
    }
    let in_app = started.elapsed();

    // A sample of payloads on every address as a fresh page load (the first-load path).
    let sample = [2, 7, 10, 13, 18, 39, 42];
    for t in &templates {
        for p in sample.iter().map(|&i| &payloads[i]) {
            let path = t.path.replace("{x}", &p.slot);
            let outcome = match b.client.goto(&server.url(&path)).await {
                Ok(()) => b.client.execute_async(&settle, vec![]).await,
                Err(e) => Err(e),
            };
            let echo = p.shown.as_deref().filter(|_| t.echoes);
            cases += 1;
            for problem in check(&b, outcome, echo).await {
                failures.push(format!("{} with {} (fresh load): {problem}\n    {path}", t.path, p.name));
            }
        }
    }

    // What is typed: the header's search box and the glossary's filter.
    b.open(&server.url("/"), ".cards li").await;
    for p in &payloads {
        let Some(text) = p.shown.as_deref() else { continue };
        cases += 1;
        let outcome = type_into(&b, "#site-search", text).await;
        for problem in check(&b, outcome, Some(text)).await {
            failures.push(format!("typed into the search box: {} : {problem}", p.name));
        }
    }
    b.open(&server.url("/glossary"), ".letter-group").await;
    for p in &payloads {
        let Some(text) = p.shown.as_deref() else { continue };
        cases += 1;
        let outcome = type_into(&b, "#glossary-filter", text).await;
        for problem in check(&b, outcome, None).await {
            failures.push(format!("typed into the glossary filter: {} : {problem}", p.name));
        }
    }

    println!(
        "injection: {} payloads, {} addresses, {cases} cases in {:.0?} ({:.0?} inside the app); {} failed",
        payloads.len(),
        templates.len(),
        started.elapsed(),
        in_app,
        failures.len()
    );
    b.quit().await;
    assert!(failures.is_empty(), "{} injection cases failed:\n{}", failures.len(), failures.join("\n"));
}
