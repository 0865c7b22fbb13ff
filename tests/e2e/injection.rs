//! The injection catalogue, end to end: every payload below goes through every value that reaches a page (each
//! route's path segments, the query values of search, compare and the glossary, every wizard and deadlines answer
//! key, the wizard's `compare=`, unknown keys, and what is typed into the search and glossary boxes), in headless
//! Chromium. Each payload, if it ran, would set `window.__pwned` and open an alert. For every address the test
//! asserts that no dialog opened, that `window.__pwned` is undefined, that no element carries markup made from the
//! payload (an event handler, a `javascript:` address, a frame, a script), and, where the page repeats the value,
//! that it shows the payload as text.
//!
//! One browser session serves the cases (a new one only after a case where script was injected). Each address is
//! opened inside the running app, as a click on a link to it would, after a neutral page, so the background worker
//! carries over and the catalogue runs in a minute or two: every payload where the page writes the value into
//! itself, a sample of twelve where it only reads it or where another address already sends every payload down the
//! same code. Three payloads are also opened as a fresh page load on every address, so the first-load path is
//! covered too.

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
    "s47_assessment",
    "conference_convened",
    "case_holder",
    "becoming_looked_after",
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

/// Encodes only what would change the address's structure (`%`, `#`, `?`, `&`, `=`, `/`, `+`), leaving the browser to
/// deal with quotes, angle brackets, spaces and newlines as it does with a link typed or pasted as it is.
fn raw(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '%' | '#' | '?' | '&' | '=' | '/' | '+' => enc(&c.to_string()),
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

/// What a page repeats of the value it was given.
#[derive(Clone, Copy, PartialEq)]
enum Echo {
    /// Nothing that the test can count on (the value is only read, or ignored).
    Nothing,
    /// The value, decoded once, as text.
    Value,
    /// The address's path with each segment decoded once (a page that names the address it has nothing for).
    Address,
}

/// An address with slots, `{x}`, for the payload, what the page repeats of it, and whether the whole catalogue goes
/// through it (or a sample, where the value is only read, or where another address already sends every payload
/// down the same code: the authority shell's not-found page, the not-found page for an unknown address).
struct Template {
    path: String,
    echo: Echo,
    full: bool,
}

/// An address the whole catalogue goes through.
fn template(path: impl Into<String>, echo: Echo) -> Template {
    Template { path: path.into(), full: echo != Echo::Nothing, echo }
}

/// An address a sample of the catalogue goes through.
fn sampled(path: impl Into<String>, echo: Echo) -> Template {
    Template { path: path.into(), echo, full: false }
}

impl Template {
    /// The text the page must show for this payload, if any.
    fn shows(&self, p: &Payload, path: &str) -> Option<String> {
        let plain = |slot: &str| slot.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b));
        match self.echo {
            Echo::Nothing => None,
            Echo::Value => p.shown.clone(),
            Echo::Address => {
                let path = path.split('?').next().unwrap_or(path);
                let decoded: Vec<String> = path.split('/').map(cin_procedure_explorer::query::decode).collect();
                Some(decoded.join("/")).filter(|_| plain(&p.slot))
            }
        }
    }
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
        template("/a/{x}", Echo::Value),
        template(format!("/a/{s}/{{x}}"), Echo::Value),
        sampled("/a/{x}/rules", Echo::Value),
        sampled("/a/{x}/changes", Echo::Value),
        sampled("/a/{x}/all", Echo::Value),
        template(format!("/a/{s}/{{x}}?with={t}"), Echo::Value),
        sampled(format!("/a/{{x}}/{section}?with={t}"), Echo::Value),
        sampled("/deadlines/{x}", Echo::Value),
        sampled("/wizard/{x}", Echo::Value),
        sampled("/wizard/{x}/map", Echo::Value),
        sampled("/wizard/{x}/after-review", Echo::Value),
        template("/compare/{x}", Echo::Value),
        template("/glossary/{x}", Echo::Value),
        template("/{x}", Echo::Address),
        sampled("/no/{x}/such", Echo::Address),
        sampled("/train/{x}/quiz", Echo::Address),
        sampled(format!("/train/{s}/from/{{x}}"), Echo::Address),
        sampled("/train/{x}/handout", Echo::Address),
        sampled("/train/{x}/quiz/print", Echo::Address),
        sampled("/train/{x}/cases", Echo::Address),
        sampled(format!("/train/{s}/cases/{{x}}"), Echo::Address),
        // Query values.
        template(format!("/a/{s}/{section}?with={{x}}"), Echo::Value),
        sampled(format!("/a/{s}/{section}?highlight={{x}}"), Echo::Nothing),
        template("/search?q={x}", Echo::Value),
        sampled("/search?q=review&a={x}", Echo::Nothing),
        template("/compare?a={x}&group={x}&topic={x}&diff={x}&view={x}", Echo::Value),
        template(format!("/compare?a={s},{t},{{x}}&group=reviews,{{x}}"), Echo::Value),
        sampled("/glossary?filter={x}", Echo::Nothing),
        template(format!("/train/{s}/quiz?seed={{x}}"), Echo::Value),
        template(format!("/wizard/{}", every_key(s)), Echo::Value),
        template(format!("/wizard/{s}/after-review?review_finding={{x}}&compare={{x}}"), Echo::Value),
        template(format!("/deadlines/{}", every_key(s)), Echo::Value),
        template(format!("/wizard/{}?{answers}&compare={{x}}&result=yes", done[0]), Echo::Value),
        // Unknown keys: the key itself is the payload.
        template(format!("/wizard/{s}?{{x}}=1"), Echo::Value),
        sampled(format!("/deadlines/{s}?{{x}}=1"), Echo::Nothing),
        sampled("/compare?{x}=1", Echo::Nothing),
        sampled("/search?{x}=1", Echo::Nothing),
        sampled("/train?{x}=1", Echo::Nothing),
    ]
}

/// Script helpers prefixed to each script below (the page's policy allows no `eval`). `rendered()`: the route has
/// rendered (`<main>` has content, none of it "Loading…", and the neutral page is gone). `until(test, then)`: polls
/// for up to 20 s. `inspect(status, late)`: what the page holds — whether the flag is set, every element made from
/// a payload (an event handler, a `javascript:` address, a frame or script, an element named `__pwned`), and the
/// text of `<main>` with the values of its inputs and of the header's search box.
const HELPERS: &str = r#"
    const rendered = () => {
        const main = document.querySelector('main');
        return !!main && main.children.length > 0 && !main.querySelector('.loading')
            && !document.getElementById('prerendered') && !main.hasAttribute('aria-busy')
            && main.textContent.trim() !== '' && !main.textContent.includes('__neutral__');
    };
    const until = (test, then, start = performance.now()) => {
        if (test()) return then(true);
        if (performance.now() - start > 20000) return then(false);
        setTimeout(() => until(test, then, start), 5);
    };
    const inspect = (status, late) => {
        const bad = [];
        const risky = /^(on|srcdoc$|formaction$|action$|data$|xlink:href$)/i;
        for (const el of document.body.querySelectorAll('*')) {
            const tag = el.tagName.toLowerCase();
            if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag) && el.outerHTML.includes('__pwned')) {
                bad.push('<' + tag + '> element');
            }
            if (el.id === '__pwned' || el.getAttribute('name') === '__pwned') bad.push('<' + tag + ' id=__pwned>');
            for (const a of el.attributes) {
                const value = a.value.toLowerCase().replace(/[\s\x00-\x1f]/g, '');
                if ((risky.test(a.name) && a.value.includes('__pwned'))
                    || (['href', 'src', 'action', 'formaction', 'data'].includes(a.name.toLowerCase())
                        && value.startsWith('javascript:'))
                    || a.name === 'http-equiv') {
                    bad.push('<' + tag + ' ' + a.name + '="' + a.value.slice(0, 60) + '">');
                }
            }
        }
        const main = document.querySelector('main');
        const values = Array.from(document.querySelectorAll('main input, main textarea, #site-search')).map(i => i.value);
        return {
            status, late, bad,
            pwned: typeof window.__pwned !== 'undefined',
            text: (main ? main.textContent : '') + '\n' + values.join('\n'),
        };
    };
    const late = typeof window.__pwned !== 'undefined';
    delete window.__pwned;
"#;

/// Opens `neutral` then `target` inside the running app, as a click on a link to each would (the router takes the
/// click), waits until the target has rendered, and inspects it. The neutral page has rendered when the not-found
/// page names its path (not merely when `<main>` mentions it, as the page before may).
const NAVIGATE: &str = r#"
    const [neutral, target, done] = arguments;
    const go = url => {
        const a = document.createElement('a');
        a.href = url;
        document.body.appendChild(a);
        a.click();
        a.remove();
    };
    go(neutral);
    const named = () => document.querySelector('main .not-found code')?.textContent === new URL(neutral).pathname;
    until(named, ok => {
        if (!ok) return done(inspect('the neutral page did not render (the page is at ' + location.href + ')', late));
        go(target);
        until(rendered, ok => done(inspect(ok ? 'ok' : 'the page did not finish rendering in 20 s', late)));
    });
"#;

/// Waits after a fresh load, and inspects the page.
const SETTLE: &str = r#"
    const done = arguments[arguments.length - 1];
    until(rendered, ok => done(inspect(ok ? 'ok' : 'the page did not finish rendering in 20 s', false)));
"#;

/// Types a value into an input (as one input event), waits until the answer has come, and inspects the page.
const TYPE: &str = r#"
    const [selector, value, done] = arguments;
    const input = document.querySelector(selector);
    input.focus(); input.value = value; input.dispatchEvent(new Event('input', { bubbles: true }));
    const answered = () => !document.querySelector('main .loading')
        && (selector !== '#site-search' || document.querySelector('#site-search-results').textContent !== '');
    setTimeout(() => until(answered, ok => done(inspect(ok ? 'ok' : 'no answer in 20 s', late))), 20);
"#;

/// The page's text for comparison: NUL dropped (the HTML parser drops it), line ends and runs of white space as
/// one space.
fn normal(text: &str) -> String {
    text.replace('\u{0}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Dismisses a dialog left open, saying whether there was one.
async fn dialog(b: &Browser) -> Option<String> {
    let text = b.client.get_alert_text().await.ok()?;
    let _ = b.client.dismiss_alert().await;
    Some(text)
}

/// The cases run so far and what failed.
#[derive(Default)]
struct Report {
    cases: usize,
    failures: Vec<String>,
    /// The case checked last, to which anything that shows after its checks belongs.
    last: String,
}

impl Report {
    /// Checks what a script of [`HELPERS`] found (or the error it ended with) under `label`; whether anything was
    /// wrong (then the caller starts afresh, so that nothing a payload left behind reaches the next case).
    async fn check(
        &mut self,
        b: &Browser,
        label: String,
        outcome: Result<Value, fantoccini::error::CmdError>,
        echo: Option<&str>,
    ) -> bool {
        self.cases += 1;
        let mut found = Vec::new();
        let mut not_shown = None;
        match outcome {
            Ok(page) => {
                if page["late"] == true {
                    self.failures.push(format!("{}: window.__pwned was set after the page was checked", self.last));
                }
                if page["status"] != "ok" {
                    found.push(format!("{}", page["status"]));
                }
                if page["pwned"] == true {
                    found.push("window.__pwned is set: the payload ran".into());
                }
                if let Some(bad) = page["bad"].as_array().filter(|b| !b.is_empty()) {
                    found.push(format!("markup made from the payload: {}", json!(bad)));
                }
                let text = normal(page["text"].as_str().unwrap_or(""));
                if let Some(echo) = echo.filter(|echo| !text.contains(&normal(echo))) {
                    let at = text.find(&normal(echo).chars().take(12).collect::<String>()).unwrap_or(0);
                    let shown: String = text[at..].chars().take(120).collect();
                    not_shown = Some(format!("the page does not show {:?} as text; it shows {shown:?}", normal(echo)));
                }
            }
            Err(e) => match dialog(b).await {
                Some(text) => found.push(format!("a dialog opened ({text:?})")),
                None => found.push(format!("the browser refused the command ({e})")),
            },
        }
        // A dialog the payload opened is still there: the session leaves it for the test to find.
        if let Some(text) = dialog(b).await {
            found.push(format!("a dialog opened ({text:?})"));
        }
        if !found.is_empty() {
            // Give a handler that was injected but has not run yet the time to show itself, for the report.
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            if let Some(text) = dialog(b).await {
                found.push(format!("a dialog opened ({text:?})"));
            }
        }
        let wrong = !found.is_empty();
        found.extend(not_shown);
        for problem in found {
            self.failures.push(format!("{label}: {problem}"));
        }
        self.last = label;
        wrong
    }
}

/// A browser for the catalogue. A dialog stays open until a command other than reading it comes; then it is
/// dismissed and the command runs.
async fn browser() -> Option<Browser> {
    Browser::start_with(&[("unhandledPromptBehavior", json!("dismiss"))]).await
}

/// After a case that went wrong, a new browser on `page` (a payload that reopens its dialog whenever the page gets
/// focus back would otherwise hold the old one).
async fn afresh(b: Browser, server: &Server, page: &str, ready: &str) -> Browser {
    drop(b);
    let b = browser().await.expect("a browser, as at the start");
    b.open(&server.url(page), ready).await;
    b
}

/// Whether a case's outcome says only that the page did not finish rendering (or answer) in time: no flag set,
/// nothing made from the payload, no script seen late. Such a case is tried again, at most twice more.
fn only_slow(outcome: &Value) -> bool {
    outcome["status"].as_str().is_some_and(|s| s.contains("did not finish rendering") || s.contains("no answer in"))
        && outcome["pwned"] == Value::Bool(false)
        && outcome["late"] == Value::Bool(false)
        && outcome["bad"].as_array().is_none_or(|bad| bad.is_empty())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_payload_runs_on_any_route() {
    let server = Server::start(support::built("dist"), "");
    let Some(mut b) = browser().await else { return };
    let payloads = catalogue();
    assert!(payloads.len() >= 40, "the catalogue has {} payloads", payloads.len());
    let templates = templates();
    let started = Instant::now();
    let mut report = Report::default();
    let [navigate, settle] = [NAVIGATE, SETTLE].map(|script| format!("{HELPERS}{script}"));

    // Every payload through every address, opened inside the running app (the whole catalogue or a sample).
    b.open(&server.url("/"), ".cards li").await;
    let sample = [2, 7, 13, 18, 20, 38, 39, 42, 43, 52, 55, 60];
    for t in &templates {
        let chosen: Vec<&Payload> =
            if t.full { payloads.iter().collect() } else { sample.iter().map(|&i| &payloads[i]).collect() };
        for p in chosen {
            let path = t.path.replace("{x}", &p.slot);
            let args = vec![json!(server.url("/__neutral__")), json!(server.url(&path))];
            let mut outcome = b.client.execute_async(&navigate, args.clone()).await;
            // A page that only did not finish rendering in time, with nothing run and nothing made from the payload,
            // is opened again (twice at most): on a loaded machine a navigation can stall. Anything that ran still
            // fails at once.
            for _ in 0..2 {
                if !outcome.as_ref().is_ok_and(only_slow) {
                    break;
                }
                outcome = b.client.execute_async(&navigate, args.clone()).await;
            }
            let echo = t.shows(p, &path);
            if report.check(&b, format!("{} with {}\n    {path}\n   ", t.path, p.name), outcome, echo.as_deref()).await
            {
                b = afresh(b, &server, "/", ".cards li").await;
            }
        }
    }
    let in_app = started.elapsed();

    // A few payloads on every address as a fresh page load (the first-load path).
    for t in &templates {
        for p in [7, 13, 39].iter().map(|&i| &payloads[i]) {
            let path = t.path.replace("{x}", &p.slot);
            let mut outcome = Ok(Value::Null);
            for _ in 0..3 {
                outcome = match b.client.goto(&server.url(&path)).await {
                    Ok(()) => b.client.execute_async(&settle, vec![]).await,
                    Err(e) => Err(e),
                };
                if !outcome.as_ref().is_ok_and(only_slow) {
                    break;
                }
            }
            let echo = t.shows(p, &path);
            let label = format!("{} with {} (fresh load)\n    {path}\n   ", t.path, p.name);
            if report.check(&b, label, outcome, echo.as_deref()).await {
                b = afresh(b, &server, "/", ".cards li").await;
            }
        }
    }

    // What is typed: the header's search box and the glossary's filter.
    for (page, ready, input, echoes) in
        [("/", ".cards li", "#site-search", true), ("/glossary", ".letter-group", "#glossary-filter", false)]
    {
        b = type_every_payload(b, &server, &mut report, [page, ready, input], echoes).await;
    }

    println!(
        "injection: {} payloads, {} addresses, {} cases in {:.0?} ({:.0?} inside the app); {} problems",
        payloads.len(),
        templates.len(),
        report.cases,
        started.elapsed(),
        in_app,
        report.failures.len()
    );
    b.quit().await;
    assert_no_failures(&report);
}

/// Types every payload the page may show into the box `input` on `page` (opened and waited for until `ready` shows)
/// and checks each as [`Report::check`] does; where `echoes`, the page must show what was typed as text. Returns the
/// browser to go on with (a new one after a case that went wrong).
async fn type_every_payload(
    mut b: Browser,
    server: &Server,
    report: &mut Report,
    [page, ready, input]: [&str; 3],
    echoes: bool,
) -> Browser {
    let typed = format!("{HELPERS}{TYPE}");
    b.open(&server.url(page), ready).await;
    for p in catalogue().iter().filter(|p| p.shown.is_some()) {
        let text = p.shown.as_deref().unwrap_or_default();
        let mut outcome = b.client.execute_async(&typed, vec![json!(input), json!(text)]).await;
        for _ in 0..2 {
            if !outcome.as_ref().is_ok_and(only_slow) {
                break;
            }
            outcome = b.client.execute_async(&typed, vec![json!(input), json!(text)]).await;
        }
        // An input drops line breaks from what is typed into it.
        let kept = text.replace(['\r', '\n'], "");
        let echo = Some(kept.as_str()).filter(|_| echoes);
        if report.check(&b, format!("typed into {input} on {page}: {}", p.name), outcome, echo).await {
            b = afresh(b, server, page, ready).await;
        }
    }
    b
}

/// The injection catalogue typed into one box of a site other than `dist/` (the start page's filter on the site
/// with many authorities): every payload the page may show, each shown as text where `echoes`, none run.
pub(crate) async fn no_payload_typed_runs(server: &Server, [page, ready, input]: [&str; 3], echoes: bool) {
    let Some(b) = browser().await else { return };
    let mut report = Report::default();
    let b = type_every_payload(b, server, &mut report, [page, ready, input], echoes).await;
    println!("injection typed into {input} on {page}: {} cases, {} problems", report.cases, report.failures.len());
    b.quit().await;
    assert_no_failures(&report);
}

/// Fails with every problem in the report, by address first (how many), then each one.
fn assert_no_failures(report: &Report) {
    let mut by_address: Vec<(String, usize)> = Vec::new();
    for failure in &report.failures {
        let address = failure.split(" with ").next().unwrap_or(failure).to_owned();
        match by_address.iter_mut().find(|(a, _)| *a == address) {
            Some((_, n)) => *n += 1,
            None => by_address.push((address, 1)),
        }
    }
    let summary: Vec<String> = by_address.iter().map(|(a, n)| format!("  {n:>3} {a}")).collect();
    assert!(
        report.failures.is_empty(),
        "{} problems in the injection catalogue:\n{}\n\n{}",
        report.failures.len(),
        summary.join("\n"),
        report.failures.join("\n")
    );
}
