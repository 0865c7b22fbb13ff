//! Hosting, end to end: the built site (`dist/`, and `target/dist-sub/` built for `/cin/`) behind nginx with the
//! server blocks in `hosting/` — security headers, deep links, the not-found page, the sub-path, gzip and brotli, cache
//! lifetimes — and in headless Chromium with no Content Security Policy violation; then the page's own message when
//! the WebAssembly or its script cannot load, served by the test server with overrides.
//!
//! nginx runs in the foreground on 127.0.0.1 with its own prefix, pid, logs and temporary files in a temporary
//! folder, and is stopped by its PID when the test ends, even on a panic. Outside CI, a missing nginx or browser
//! skips these tests with a message; with `CI=true` it fails them.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support;
use crate::support::browser::Browser;
use crate::support::server::Server;
use cin_procedure_explorer::csp;
use cin_procedure_explorer::hosting;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Locator;
use serde_json::Value;

/// Whether a missing tool must fail the run (it must under CI).
fn required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The nginx binary: on PATH, or in /usr/sbin (not on a normal user's PATH).
fn find_nginx() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .and_then(|p| p.to_str().map(|p| p.split(':').map(|dir| PathBuf::from(dir).join("nginx")).collect::<Vec<_>>()))
        .unwrap_or_default();
    on_path.into_iter().chain([PathBuf::from("/usr/sbin/nginx")]).find(|p| p.is_file())
}

/// The first authority in `content/authorities.json`.
fn first_authority() -> String {
    let text = std::fs::read_to_string(support::root().join("content/authorities.json")).unwrap();
    let slugs: Vec<String> = serde_json::from_str(&text).unwrap();
    slugs.into_iter().next().expect("at least one authority")
}

/// The name of the built file in `dir` that starts with `prefix` and ends with `suffix` (trunk adds a hash between).
fn built_file(dir: &Path, prefix: &str, suffix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix) && hosting::is_hashed(n))
        .collect();
    assert_eq!(names.len(), 1, "one {prefix}*{suffix} in {}: {names:?}", dir.display());
    names[0].clone()
}

/// The script hashes of a built site's page.
fn build_hashes(dir: &Path) -> Vec<String> {
    csp::page_script_hashes(&std::fs::read_to_string(dir.join("index.html")).unwrap())
}

// ---- nginx ----

/// nginx serving `dist/` at the root on one port and `target/dist-sub/` under `/cin/` on another, with the
/// server blocks from `hosting/`. Stopped by its PID and its folder removed when dropped.
struct Nginx {
    child: Child,
    dir: PathBuf,
    /// The port of the root site.
    port: u16,
    /// The port of the server that holds the site under `/cin/`.
    sub_port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Replaces `placeholder` in a hosting file's text, failing if the file no longer has it.
fn replace(text: &str, file: &str, placeholder: &str, value: &str) -> String {
    assert!(text.contains(placeholder), "hosting/{file} no longer contains `{placeholder}`: update this test");
    text.replace(placeholder, value)
}

impl Nginx {
    /// Starts nginx; `None` (test skipped) only when nginx is missing outside CI.
    fn start() -> Option<Nginx> {
        let Some(nginx) = find_nginx() else {
            assert!(!required(), "CI=true but nginx is not installed: run scripts/setup.sh");
            eprintln!("skipping: nginx not installed (run scripts/setup.sh)");
            return None;
        };
        let dist = support::built("dist").canonicalize().unwrap();
        let dist_sub = support::built("target/dist-sub").canonicalize().unwrap();
        let (port, sub_port) = (free_port(), free_port());
        let dir = std::env::temp_dir().join(format!("cin-nginx-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("logs")).unwrap();
        // The sub-path site lives in a folder named like the sub-path, under the root nginx is given.
        let www = dir.join("www");
        std::fs::create_dir_all(&www).unwrap();
        std::os::unix::fs::symlink(&dist_sub, www.join("cin")).unwrap();

        let version = Command::new(&nginx).arg("-V").output().expect("nginx -V");
        let configure = String::from_utf8_lossy(&version.stderr).into_owned();
        let conf_dir = configure
            .split_whitespace()
            .find_map(|arg| arg.strip_prefix("--conf-path="))
            .and_then(|p| Path::new(p).parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("/etc/nginx"));
        let modules = configure
            .split_whitespace()
            .find_map(|arg| arg.strip_prefix("--modules-path="))
            .map_or_else(|| PathBuf::from("/usr/lib/nginx/modules"), PathBuf::from);
        let brotli = modules.join("ngx_http_brotli_static_module.so");
        if !brotli.is_file() {
            assert!(!required(), "CI=true but nginx's brotli static module is not installed: run scripts/setup.sh");
            eprintln!("skipping: nginx's brotli static module not installed (run scripts/setup.sh)");
            return None;
        }
        let mime_types = conf_dir.join("mime.types");
        assert!(mime_types.is_file(), "nginx's mime.types not found at {}", mime_types.display());

        let root_block = std::fs::read_to_string(support::root().join("hosting/nginx.conf")).unwrap();
        let root_block = replace(&root_block, "nginx.conf", "listen 80;", &format!("listen 127.0.0.1:{port};"));
        let root_block = replace(&root_block, "nginx.conf", "/srv/cin-procedure-explorer", dist.to_str().unwrap());
        let sub_block = std::fs::read_to_string(support::root().join("hosting/nginx-sub-path.conf")).unwrap();
        let sub_block = replace(&sub_block, "nginx-sub-path.conf", "/srv/www", www.to_str().unwrap());
        let d = dir.display();
        let config = format!(
            "# Written by tests/hosting.rs: one process in the foreground, every path in {d}.\n\
             load_module {brotli};\n\
             master_process off;\n\
             pid {d}/nginx.pid;\n\
             error_log {d}/logs/error.log warn;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n\
             include {mime};\n\
             default_type application/octet-stream;\n\
             access_log {d}/logs/access.log;\n\
             client_body_temp_path {d}/client_body;\n\
             proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fastcgi;\n\
             uwsgi_temp_path {d}/uwsgi;\n\
             scgi_temp_path {d}/scgi;\n\
             {root_block}\n\
             server {{\n\
             listen 127.0.0.1:{sub_port};\n\
             server_name _;\n\
             {sub_block}\n\
             }}\n\
             }}\n",
            mime = mime_types.display(),
            brotli = brotli.display(),
        );
        let conf = dir.join("nginx.conf");
        std::fs::write(&conf, config).unwrap();
        let child = Command::new(&nginx)
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(&conf)
            .arg("-e")
            .arg(dir.join("logs/error.log"))
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start nginx");
        let mut server = Nginx { child, dir, port, sub_port };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() || TcpStream::connect(("127.0.0.1", sub_port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                let mut stderr = String::new();
                let _ = server.child.stderr.take().map(|mut e| e.read_to_string(&mut stderr));
                panic!("nginx exited ({status}):\n{stderr}\nconfig: {}", conf.display());
            }
            assert!(Instant::now() < deadline, "nginx did not start listening");
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(server)
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn sub_url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/cin{path}", self.sub_port)
    }
}

/// One HTTP response: status, headers (names lower-cased) and body (de-chunked, still encoded).
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == &name.to_ascii_lowercase()).map(|(_, v)| v.as_str())
    }

    fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers.iter().filter(|(n, _)| n == &name.to_ascii_lowercase()).map(|(_, v)| v.as_str()).collect()
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = body.windows(2).position(|w| w == b"\r\n") else { return out };
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).expect("chunk size");
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&body[start..start + size]);
        body = &body[start + size + 2..];
    }
}

/// A plain HTTP/1.1 GET to 127.0.0.1, accepting the encodings `accept` names ("" for none).
fn get(port: u16, path: &str, accept: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let encoding = if accept.is_empty() { String::new() } else { format!("Accept-Encoding: {accept}\r\n") };
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{encoding}Connection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

/// Checks that a response carries every security header of this build, each once.
fn assert_security_headers(reply: &Reply, what: &str, hashes: &[String]) {
    for (name, value) in hosting::security_headers(hashes) {
        assert_eq!(reply.headers_named(name), vec![value.as_str()], "{what}: {name}");
    }
    let policy = reply.header("content-security-policy").unwrap();
    assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), "{what}: {policy}");
}

const HASHED: &str = "public, max-age=31536000, immutable";

/// The status, headers, caching and compression one of the two servers gives; `port` and `base` ("" or "/cin")
/// say which.
fn check_served_site(port: u16, base: &str, dir: &Path) {
    let hashes = build_hashes(dir);
    assert!(!hashes.is_empty(), "{}: the page has its start-up script", dir.display());
    let slug = first_authority();
    let file = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let shell = file("404.html");

    // The start page and deep links: the page written for the address, or the page the app starts from (which
    // shows the page), every header, revalidated.
    for (path, answer) in [
        (format!("{base}/"), "index.html".to_owned()),
        (format!("{base}/a/{slug}"), format!("a/{slug}.html")),
        (format!("{base}/a/{slug}/rules"), format!("a/{slug}/rules.html")),
        (format!("{base}/a/{slug}/changes"), format!("a/{slug}/changes.html")),
        (format!("{base}/a/{slug}/all"), format!("a/{slug}/all.html")),
        (format!("{base}/compare"), "compare.html".to_owned()),
        (format!("{base}/train"), "404.html".to_owned()),
        (format!("{base}/train/{slug}/quiz"), "404.html".to_owned()),
        (format!("{base}/wizard/{slug}/after-review"), "404.html".to_owned()),
    ] {
        let reply = get(port, &path, "");
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.body, file(&answer), "{path} answers with {answer}");
        assert!(reply.header("content-type").unwrap().starts_with("text/html"), "{path}");
        assert_security_headers(&reply, &path, &hashes);
        assert_eq!(reply.headers_named("cache-control"), vec!["no-cache"], "{path}");
    }
    // An unknown path: 404, still the app's page (which shows its not-found page), with the headers.
    for path in [format!("{base}/no/such/page"), format!("{base}/nginx-headers.conf"), format!("{base}/_headers")] {
        let reply = get(port, &path, "");
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.body, shell, "{path} answers with the app's page");
        assert_security_headers(&reply, &path, &hashes);
    }
    // Trunk's hashed files: a year, immutable; everything else revalidated.
    let wasm = built_file(dir, "cin-procedure-explorer-", "_bg.wasm");
    let glue = built_file(dir, "cin-procedure-explorer-", ".js");
    let css = built_file(dir, "main-", ".css");
    let worker_wasm = built_file(dir, "worker-", "_bg.wasm");
    let worker_glue = built_file(dir, "worker-", ".js");
    let loader = built_file(dir, "worker_loader-", ".js");
    let search_wasm = built_file(dir, "search_worker-", "_bg.wasm");
    let search_loader = built_file(dir, "search_loader-", ".js");
    for file in [&wasm, &glue, &css, &worker_wasm, &worker_glue, &loader, &search_wasm, &search_loader] {
        let reply = get(port, &format!("{base}/{file}"), "");
        assert_eq!(reply.status, 200, "{file}");
        assert_eq!(reply.headers_named("cache-control"), vec![HASHED], "{file}");
        assert_security_headers(&reply, file, &hashes);
    }
    for file in [
        "worker_loader.js",
        "worker.js",
        "worker_bg.wasm",
        "search_loader.js",
        "search_worker.js",
        "search_worker_bg.wasm",
    ] {
        assert!(!dir.join(file).exists(), "{file}: the worker's files are built under hashed names only");
    }
    for file in ["index.html", "404.html", "boot.js", "data/authorities.json"] {
        assert!(dir.join(file).is_file(), "{file} is built under that name (no hash)");
        assert!(!hosting::is_hashed(file));
        let reply = get(port, &format!("{base}/{file}"), "");
        assert_eq!(reply.status, 200, "{file}");
        assert_eq!(reply.headers_named("cache-control"), vec!["no-cache"], "{file}");
        assert_security_headers(&reply, file, &hashes);
    }
    // WebAssembly: the right type, gzip when asked for, plain when not.
    let plain = get(port, &format!("{base}/{wasm}"), "");
    assert_eq!(plain.header("content-type"), Some("application/wasm"));
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, std::fs::read(dir.join(&wasm)).unwrap());
    let zipped = get(port, &format!("{base}/{wasm}"), "gzip");
    assert_eq!(zipped.header("content-type"), Some("application/wasm"));
    assert_eq!(zipped.header("content-encoding"), Some("gzip"), "{wasm} is compressed");
    assert_eq!(zipped.header("vary"), Some("Accept-Encoding"));
    assert_eq!(&zipped.body[..2], &[0x1f, 0x8b], "a gzip stream");
    assert!(zipped.body.len() < plain.body.len() * 3 / 4, "gzip makes the wasm smaller");
    for file in [worker_wasm.as_str(), &glue, "data/authorities.json"] {
        let reply = get(port, &format!("{base}/{file}"), "gzip");
        if reply.body.len() >= 1024 || std::fs::metadata(dir.join(file)).unwrap().len() >= 1024 {
            assert_eq!(reply.header("content-encoding"), Some("gzip"), "{file}");
        }
    }
    // Brotli, where the browser accepts it: the build's own copy (`name.br`), for the app's files, the data and
    // the written pages alike, with the file's own type; gzip to a browser that does not.
    for (path, name) in [
        (format!("{base}/{wasm}"), wasm.clone()),
        (format!("{base}/{worker_wasm}"), worker_wasm.clone()),
        (format!("{base}/{css}"), css.clone()),
        (format!("{base}/data/{slug}.json"), format!("data/{slug}.json")),
        (format!("{base}/a/{slug}"), format!("a/{slug}.html")),
        (format!("{base}/"), "index.html".to_owned()),
    ] {
        let reply = get(port, &path, "gzip, deflate, br");
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-encoding"), Some("br"), "{path}");
        assert_eq!(reply.body, file(&format!("{name}.br")), "{path} answers with {name}.br");
        let plain = get(port, &path, "");
        assert_eq!(reply.header("content-type"), plain.header("content-type"), "{path}: the file's own type");
        assert_eq!(reply.header("vary"), Some("Accept-Encoding"), "{path}");
        let zipped = get(port, &path, "gzip");
        assert_eq!(zipped.header("content-encoding"), Some("gzip"), "{path} without brotli");
        assert!(reply.body.len() < zipped.body.len(), "{path}: brotli is smaller than gzip");
    }
}

#[test]
fn the_build_writes_the_hosting_files_with_its_hash() {
    for folder in ["dist", "target/dist-sub"] {
        let dir = support::built(folder);
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let shell = std::fs::read_to_string(dir.join("404.html")).unwrap();
        assert!(index.contains("id=\"prerendered\" data-route=\"./\""), "{folder}: index.html is the start page");
        assert!(
            !shell.contains("id=\"prerendered\"") && shell.contains("<noscript>"),
            "{folder}: 404.html holds no page"
        );
        let policy = |page: &str| {
            page.split("Content-Security-Policy\" content=\"").nth(1).map(|p| p.split('"').next().map(str::to_owned))
        };
        assert_eq!(policy(&index), policy(&shell), "{folder}: every page has the same policy");
        let hashes = build_hashes(&dir);
        assert_eq!(hashes.len(), 1, "{folder}: one inline start-up script");
        assert!(index.contains(&format!("content=\"{}\"", csp::meta_policy(&hashes))), "{folder}: the page's policy");
        assert!(!index.contains("unsafe-inline"), "{folder}");
        assert_eq!(std::fs::read_to_string(dir.join(hosting::NGINX_HEADERS)).unwrap(), hosting::nginx_headers(&hashes));
        let headers = std::fs::read_to_string(dir.join(hosting::NETLIFY_HEADERS)).unwrap();
        assert!(
            headers.contains(&format!("  Content-Security-Policy: {}\n", csp::header_policy(&hashes))),
            "{headers}"
        );
        let base = if folder == "dist" { "/" } else { "/cin/" };
        let wasm = built_file(&dir, "cin-procedure-explorer-", "_bg.wasm");
        assert!(headers.contains(&format!("\n{base}*\n")), "{headers}");
        assert!(headers.contains(&format!("\n{base}{wasm}\n  Cache-Control: {HASHED}\n")), "{headers}");
        for worker in [built_file(&dir, "worker-", "_bg.wasm"), built_file(&dir, "worker_loader-", ".js")] {
            assert!(headers.contains(&format!("\n{base}{worker}\n  Cache-Control: {HASHED}\n")), "{headers}");
        }
        // The page names the loaders of its own build, and each loader that build's glue and WebAssembly of its
        // worker.
        for (meta, loader, worker) in [
            ("worker-loader", "worker_loader-", "worker-"),
            ("search-worker-loader", "search_loader-", "search_worker-"),
        ] {
            let loader = built_file(&dir, loader, ".js");
            assert!(index.contains(&format!("<meta name=\"{meta}\" content=\"{loader}\"")), "{folder}");
            let text = std::fs::read_to_string(dir.join(&loader)).unwrap();
            for part in [built_file(&dir, worker, "_bg.wasm"), built_file(&dir, worker, ".js")] {
                assert!(text.contains(&format!("\"./{part}\"")), "{folder}: {loader} names {part}");
            }
        }
    }
}

#[test]
fn nginx_sends_the_headers_deep_links_caching_gzip_and_brotli() {
    let Some(nginx) = Nginx::start() else { return };
    check_served_site(nginx.port, "", &support::built("dist"));
    check_served_site(nginx.sub_port, "/cin", &support::built("target/dist-sub"));
    let bare = get(nginx.sub_port, "/cin", "");
    assert_eq!((bare.status, bare.header("location")), (301, Some("/cin/")), "/cin goes to /cin/");
}

// ---- the browser's console ----

/// Chromedriver's browser log (`goog:loggingPrefs`), emptied by each read.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// The console messages since the last read, as "LEVEL message".
async fn console(b: &Browser) -> Vec<String> {
    let log = b.client.issue_cmd(BrowserLog).await.expect("read the browser log");
    let entries = log.as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .map(|e| format!("{} {}", e["level"].as_str().unwrap_or("?"), e["message"].as_str().unwrap_or("")))
        .collect()
}

/// Opens `url` and waits (up to 15 s) for `selector`; fails first on any Content Security Policy or
/// Permissions-Policy message in the console, or any error unless it is a 404 the page expects (`allow_404`).
async fn visit(b: &Browser, url: &str, selector: &str, allow_404: bool) {
    console(b).await;
    b.client.goto(url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
    let found = b.client.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(selector)).await.is_ok();
    // The app has started and taken over the page written at publish time.
    b.wait_until(
        "return document.getElementById('prerendered') === null && !document.querySelector('main[aria-busy]')",
    )
    .await;
    let messages = console(b).await;
    let bad: Vec<&str> = messages
        .iter()
        .map(String::as_str)
        .filter(|m| {
            m.contains("Content Security Policy")
                || m.contains("Content-Security-Policy")
                || m.contains("Permissions-Policy")
                || m.contains("Refused to")
                || (m.starts_with("SEVERE") && !(allow_404 && m.contains("status of 404")))
        })
        .collect();
    assert!(bad.is_empty(), "{url}: console messages:\n{}", bad.join("\n"));
    assert!(found, "{url}: {selector} did not appear; console:\n{}", messages.join("\n"));
}

/// Opens a deep link, the start page, compare and search (the background worker), and an unknown route, each with
/// a clean console; `url` makes a full address from a site path. `deep_links_404`: the server answers a deep link
/// with 404.html and a 404 status (as the test server and most static hosts do), which the console reports.
async fn walk_the_site(b: &Browser, url: impl Fn(&str) -> String, deep_links_404: bool) {
    let slug = first_authority();
    visit(b, &url(&format!("/a/{slug}")), ".contents", deep_links_404).await;
    assert_eq!(b.eval("return document.getElementById('boot')").await, Value::Null, "the app removed #boot");
    visit(b, &url("/"), ".cards li", false).await;
    visit(b, &url("/compare"), ".matrix tbody tr[data-topic]", deep_links_404).await;
    visit(b, &url("/search?q=review"), ".results li", deep_links_404).await;
    visit(b, &url("/no/such/page"), ".not-found h1", true).await;
    assert_eq!(b.text(".not-found h1").await, "Page not found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_nginx_deep_links_open_the_app_with_no_csp_violation() {
    let Some(nginx) = Nginx::start() else { return };
    let Some(b) = Browser::start().await else { return };
    walk_the_site(&b, |path| nginx.url(path), false).await;
    walk_the_site(&b, |path| nginx.sub_url(path), false).await;
    let policy = b.eval("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content").await;
    assert!(!policy.as_str().unwrap().contains("unsafe-inline"), "{policy}");
    b.quit().await;
}

/// The first load of `/` may transfer at most this many bytes (DESIGN §9, issue budget: 300 KB gzip).
const FIRST_LOAD_BUDGET: f64 = 300.0 * 1024.0;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_load_of_the_start_page_stays_within_its_budget() {
    let Some(nginx) = Nginx::start() else { return };
    let Some(b) = Browser::start().await else { return };
    visit(&b, &nginx.url("/"), ".cards li", false).await;
    // The background worker starts once the page is idle; its loader is the one file of it the page's own list of
    // resources shows (the worker's glue, WebAssembly and data are in the worker's list).
    let worker = "r => new URL(r.name).pathname.startsWith('/worker')";
    b.wait_until(&format!("return performance.getEntriesByType('resource').some({worker})")).await;
    // Everything else the start page fetched, as the browser counted it on the wire (gzip from nginx, headers
    // included), and when the first of the worker's files was asked for against when the rest had arrived.
    let figures = b
        .eval(&format!(
            "const nav = performance.getEntriesByType('navigation')[0], all = performance.getEntriesByType('resource');\
             const first = all.filter(r => !({worker})(r)), worker = all.filter({worker});\
             return [first.reduce((sum, r) => sum + r.transferSize, nav.transferSize),\
                     Math.max(nav.loadEventEnd, ...first.map(r => r.responseEnd)),\
                     Math.min(...worker.map(r => r.startTime))]"
        ))
        .await;
    let [bytes, arrived, worker_asked]: [f64; 3] = serde_json::from_value(figures).expect("three figures");
    eprintln!(
        "first load of /: {:.1} KB transferred; the worker asked for {:.0} ms after the rest had arrived",
        bytes / 1024.0,
        worker_asked - arrived
    );
    assert!(worker_asked >= arrived, "the worker's files are asked for only once the first view has everything");
    assert!(bytes > 100.0 * 1024.0, "the wasm was counted: {bytes} bytes");
    assert!(bytes <= FIRST_LOAD_BUDGET, "first load {bytes} bytes is over the budget of {FIRST_LOAD_BUDGET}");
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_policy_alone_lets_the_site_start() {
    // The test server sends no CSP header: only the page's meta policy applies.
    let server = Server::start(support::built("dist"), "");
    let Some(b) = Browser::start().await else { return };
    walk_the_site(&b, |path| server.url(path), true).await;
    b.quit().await;
}

// ---- when the site cannot start ----

/// Whether the "could not start" message shows within 5 seconds; its text if it does.
async fn boot_message(b: &Browser) -> Option<String> {
    let shown = "const box = document.getElementById('boot'); return !!box && !box.hidden && box.offsetHeight > 0";
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if b.eval(shown).await == Value::Bool(true) {
            return Some(b.text("#boot").await);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_or_broken_webassembly_file_or_script_is_said_in_words() {
    let dir = support::built("dist");
    let server = Server::start(dir.clone(), "");
    let Some(b) = Browser::start().await else { return };
    let wasm = format!("/{}", built_file(&dir, "cin-procedure-explorer-", "_bg.wasm"));
    let glue = format!("/{}", built_file(&dir, "cin-procedure-explorer-", ".js"));
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    // A page whose policy does not name its start-up script's hash (a stale header, a host that changed the page).
    let stale = page.replacen("'sha256-", "'sha256-X", 1);
    server.set_override("/index.html", 200, &stale);
    b.client.goto(&server.url("/index.html")).await.unwrap();
    let text = boot_message(&b).await.expect("a blocked start-up script: no message within 5 s");
    assert!(text.contains("security policy blocked the site's start-up script"), "{text}");
    let cases = [
        (wasm.as_str(), 404, "Not Found", "The site's WebAssembly program did not load."),
        (wasm.as_str(), 200, page.as_str(), "The site's WebAssembly program did not load."),
        (glue.as_str(), 404, "Not Found", "One of the site's script files did not load."),
    ];
    let slug = first_authority();
    for (path, status, body, reason) in cases {
        server.clear_overrides();
        server.set_override(path, status, body);
        // A page the app starts from (no page of its own), then a page written at publish time, still there to read.
        b.client.goto(&server.url(&format!("/wizard/{slug}"))).await.unwrap();
        let what = format!("{path} answering {status}");
        let text = boot_message(&b).await.unwrap_or_else(|| panic!("{what}: no message within 5 s"));
        assert!(text.contains("The site could not start"), "{what}: {text}");
        assert!(text.contains(reason), "{what}: {text}");
        assert!(text.contains("Reload to try again"), "{what}: {text}");
        assert_eq!(b.eval("return document.querySelectorAll('.site-header').length").await, 0, "{what}");
        b.assert_accessible(&what).await;
        b.client.goto(&server.url("/")).await.unwrap();
        let text = boot_message(&b).await.unwrap_or_else(|| panic!("{what}, written page: no message within 5 s"));
        assert!(text.contains("The site's tools could not start") && text.contains(reason), "{what}: {text}");
        assert!(text.contains("This page can still be read"), "{what}: {text}");
        assert_eq!(b.eval("return document.querySelectorAll('.cards li').length > 0").await, true, "{what}");
    }
    // Reload, once the file is back: the app starts and its message is gone.
    server.clear_overrides();
    b.client.find(Locator::Css("#boot-reload")).await.unwrap().click().await.unwrap();
    b.wait_for(".cards li").await;
    // The written page's cards show before the app starts; the message goes when it has.
    b.wait_until("return document.getElementById('boot') === null && !document.getElementById('prerendered')").await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_without_webassembly_is_told_so() {
    let dir = support::built("dist");
    let server = Server::start(dir.clone(), "");
    let Some(b) = Browser::start().await else { return };
    // The same boot.js, in a browser where WebAssembly has been taken away.
    let boot = std::fs::read_to_string(dir.join("boot.js")).unwrap();
    server.set_override("/boot.js", 200, &format!("window.WebAssembly = undefined;\n{boot}"));
    b.client.goto(&server.url("/")).await.unwrap();
    let text = boot_message(&b).await.expect("a message within 5 s");
    assert!(text.contains("This browser cannot run the site"), "{text}");
    assert!(text.contains("WebAssembly"), "{text}");
    assert_eq!(b.eval("return document.getElementById('boot-reload').hidden").await, Value::Bool(true));
    b.quit().await;
}
