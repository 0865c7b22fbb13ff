//! Headless Chromium driven through chromedriver, started by the test and stopped by it (by process group),
//! with an axe-core check of the current page.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// A Chrome DevTools Protocol command sent through chromedriver: its method and its parameters.
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A chromedriver process, its Chromium and a throw-away profile; all removed when dropped.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _guard: Guard,
}

/// Stops the driver's process group and removes the profile when dropped, even if the test panics.
struct Guard {
    driver: Child,
    profile: PathBuf,
}

impl Drop for Guard {
    fn drop(&mut self) {
        // The driver leads its own process group, which holds Chromium too: stop them all.
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.driver.id())]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|dir| PathBuf::from(dir).join(name)).find(|p| p.is_file())
}

/// Whether a missing browser must fail the run (it must under CI).
fn browser_required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session; `None` (test skipped) only outside CI.
    pub async fn start() -> Option<Browser> {
        Browser::start_with(&[]).await
    }

    /// As [`Browser::start`], with extra W3C capabilities, e.g. `("unhandledPromptBehavior", json!("ignore"))`
    /// to leave a dialog open for the test to find.
    pub async fn start_with(capabilities: &[(&str, Value)]) -> Option<Browser> {
        Browser::start_configured(capabilities, false).await
    }

    /// As [`Browser::start`], with JavaScript turned off, as on a locked-down machine.
    pub async fn start_without_javascript() -> Option<Browser> {
        Browser::start_configured(&[], true).await
    }

    async fn start_configured(capabilities: &[(&str, Value)], no_script: bool) -> Option<Browser> {
        let (Some(driver_bin), Some(chromium)) = (find_program("chromedriver"), find_program("chromium")) else {
            assert!(!browser_required(), "CI=true but chromium or chromedriver is not installed: run scripts/setup.sh");
            eprintln!("skipping: chromium/chromedriver not installed (run scripts/setup.sh)");
            return None;
        };
        let port = free_port();
        let mut command = Command::new(driver_bin);
        command
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command.spawn().expect("start chromedriver");
        let profile = std::env::temp_dir().join(format!("cin-e2e-{}-{port}", std::process::id()));
        let guard = Guard { driver, profile: profile.clone() };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--window-size=1280,900",
        ];
        let mut chrome_args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        chrome_args.push(format!("--user-data-dir={}", profile.display()));
        if no_script {
            chrome_args.push("--blink-settings=scriptEnabled=false".to_owned());
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), json!({ "binary": chromium, "args": chrome_args }));
        // Keep the console, so that a test can read it (for Content Security Policy violations, say).
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        for (name, value) in capabilities {
            caps.insert((*name).into(), value.clone());
        }
        // On a busy machine the driver may accept connections before it can start a session: try a few times.
        let mut attempt = 0;
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(e) if attempt < 5 => {
                    attempt += 1;
                    eprintln!("starting a Chromium session failed ({e}); trying again");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("start a Chromium session: {e}"),
            }
        };
        Some(Browser { client, _guard: guard })
    }

    /// Ends the session, then stops the driver and removes the profile.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
    }

    /// Opens a URL and waits until the app has rendered `selector` and has its own page on screen: a page written
    /// at publish time has been taken over, and `<main>` is no longer busy loading.
    pub async fn open(&self, url: &str, selector: &str) {
        self.open_static(url, selector).await;
        self.wait_until(
            "return document.getElementById('prerendered') === null && !document.querySelector('main[aria-busy]')",
        )
        .await;
        // The app finishes a page it has shown in the next frame (rule cards opened on a wide screen, the place
        // put back): what a reader sees is the page after that frame.
        let frame = "const done = arguments[0]; requestAnimationFrame(() => setTimeout(done, 0));";
        self.client.execute_async(frame, vec![]).await.expect("wait for a frame");
    }

    /// Opens a URL and waits for `selector`, without waiting for the app (for a browser with JavaScript off).
    pub async fn open_static(&self, url: &str, selector: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
        self.wait_for(selector).await;
    }

    /// Waits (up to 15 s) for an element matching `selector`.
    pub async fn wait_for(&self, selector: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("waiting for {selector}: {e}"))
    }

    /// Clicks the first element matching `selector` as a person would. A page that re-renders between finding the
    /// element and clicking it (the element goes stale) is clicked again on its new element, as a person's next click
    /// would land there.
    pub async fn click(&self, selector: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            match self.wait_for(selector).await.click().await {
                Ok(()) => return,
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                        && Instant::now() < deadline =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("click {selector}: {e}"),
            }
        }
    }

    /// The text of the first element matching `selector` (found again if the page re-renders under it).
    pub async fn text(&self, selector: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            match self.wait_for(selector).await.text().await {
                Ok(text) => return text,
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                        && Instant::now() < deadline =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("text of {selector}: {e}"),
            }
        }
    }

    /// Sends a Chrome DevTools Protocol command (`Emulation.setEmulatedMedia`, say) and returns its result.
    pub async fn cdp(&self, method: &'static str, params: Value) -> Value {
        self.client.issue_cmd(Cdp(method, params)).await.unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// Runs a script and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script {script}: {e}"))
    }

    /// Waits until a script returns true (up to 15 s).
    pub async fn wait_until(&self, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if self.eval(script).await == Value::Bool(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting until: {script}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs axe-core on the current page and fails on any serious or critical violation.
    pub async fn assert_accessible(&self, page: &str) {
        self.assert_axe(page, "['serious', 'critical']").await;
    }

    /// Runs axe-core on the current page and fails on any violation at all, moderate and minor included.
    pub async fn assert_axe_finds_nothing(&self, page: &str) {
        self.assert_axe(page, "['minor', 'moderate', 'serious', 'critical']").await;
    }

    /// Runs axe-core on the current page and fails on any violation of the impacts listed (a JavaScript array).
    async fn assert_axe(&self, page: &str, impacts: &str) {
        let axe =
            std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js"))
                .expect("node_modules/axe-core/axe.min.js (run scripts/setup.sh)");
        self.client.execute(&axe, vec![]).await.expect("inject axe-core");
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(r.violations
                 .filter(v => IMPACTS.includes(v.impact))
                 .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe-core failed to run: ' + e]));
        "#;
        let script = script.replace("IMPACTS", impacts);
        let result = self.client.execute_async(&script, vec![]).await.expect("run axe-core");
        let violations: Vec<String> =
            serde_json::from_value(result.clone()).unwrap_or_else(|_| panic!("axe-core gave no result list: {result}"));
        assert!(violations.is_empty(), "axe-core on {page}:\n{}", violations.join("\n"));
    }
}
