//! A small static file server for the built site, bound to 127.0.0.1, with a static host's pretty addresses
//! (`/a/x` answered by `a/x.html`) and `404.html` fallback and optional per-path overrides to simulate broken, failing or silent content.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A canned answer for one path.
#[derive(Clone)]
pub enum Override {
    /// This status and body, with the content type the path's extension gives.
    Answer(u16, Vec<u8>),
    /// This status, content type and body.
    Typed(u16, String, Vec<u8>),
    /// No answer at all: the connection stays open, silent, until the server stops.
    Hang,
    /// The file as it is, after this many milliseconds.
    Slow(u64),
}

/// A running server; stopped when dropped.
pub struct Server {
    /// The address it listens on.
    pub addr: SocketAddr,
    prefix: String,
    overrides: Arc<Mutex<HashMap<String, Override>>>,
    requests: Arc<Mutex<HashMap<String, usize>>>,
    stop: Arc<AtomicBool>,
    offline: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn respond(mut stream: TcpStream, status: u16, kind: &str, body: &[u8]) {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(body));
}

fn handle(
    stream: TcpStream,
    root: &std::path::Path,
    prefix: &str,
    overrides: &Mutex<HashMap<String, Override>>,
    requests: &Mutex<HashMap<String, usize>>,
    stop: &AtomicBool,
    offline: &AtomicBool,
) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // The site's service worker only where a test asks for it; elsewhere one that keeps nothing, so that pages and
    // faults come from this server each time.
    if path == format!("{prefix}/sw.js") && !offline.load(Ordering::SeqCst) {
        return respond(stream, 200, "text/javascript; charset=utf-8", b"// Keeps nothing.\n");
    }
    *requests.lock().unwrap().entry(path.to_owned()).or_default() += 1;
    let canned = overrides.lock().unwrap().get(path).cloned();
    match canned {
        Some(Override::Answer(status, body)) => return respond(stream, status, content_type(path), &body),
        Some(Override::Typed(status, kind, body)) => return respond(stream, status, &kind, &body),
        Some(Override::Hang) => {
            // Bounded: at most a minute, and over as soon as the server stops.
            let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
            while !stop.load(Ordering::SeqCst) && std::time::Instant::now() < until {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            return;
        }
        Some(Override::Slow(ms)) => std::thread::sleep(std::time::Duration::from_millis(ms)),
        None => {}
    }
    let relative = path.strip_prefix(prefix).map(|p| p.trim_start_matches('/'));
    // As a static host does: the file, else the page written for the address (`{path}.html`), else a folder's
    // `index.html`.
    let file = relative.filter(|p| !p.split('/').any(|part| part == "..")).map(|p| {
        let candidate = root.join(p);
        let page = root.join(format!("{}.html", p.trim_end_matches('/')));
        if candidate.is_file() {
            candidate
        } else if !p.is_empty() && page.is_file() {
            page
        } else {
            candidate.join("index.html")
        }
    });
    match file.and_then(|f| std::fs::read(&f).ok().map(|bytes| (f, bytes))) {
        Some((f, bytes)) => respond(stream, 200, content_type(&f.to_string_lossy()), &bytes),
        None => {
            let page = std::fs::read(root.join("404.html")).unwrap_or_default();
            respond(stream, 404, "text/html; charset=utf-8", &page)
        }
    }
}

impl Server {
    /// Serves `root` under the URL path `prefix` ("" or "/sub").
    pub fn start(root: PathBuf, prefix: &str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let overrides: Arc<Mutex<HashMap<String, Override>>> = Arc::default();
        let requests: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let offline = Arc::new(AtomicBool::new(false));
        let (thread_overrides, thread_stop, thread_prefix) = (overrides.clone(), stop.clone(), prefix.to_owned());
        let thread_offline = offline.clone();
        let thread_requests = requests.clone();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if thread_stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (root, prefix, overrides) = (root.clone(), thread_prefix.clone(), thread_overrides.clone());
                    let (requests, stop, offline) =
                        (thread_requests.clone(), thread_stop.clone(), thread_offline.clone());
                    std::thread::spawn(move || handle(stream, &root, &prefix, &overrides, &requests, &stop, &offline));
                }
            }
        });
        Server { addr, prefix: prefix.to_owned(), overrides, requests, stop, offline, thread: Some(thread) }
    }

    /// Serves the site's service worker (`sw.js`), which every other test goes without (it gets one that keeps
    /// nothing).
    pub fn serve_service_worker(&self) {
        self.offline.store(true, Ordering::SeqCst);
    }

    /// How many times `path` (a site path such as `/data/glossary.json`) has been asked for.
    pub fn requests(&self, path: &str) -> usize {
        self.requests.lock().unwrap().get(&format!("{}{path}", self.prefix)).copied().unwrap_or(0)
    }

    /// The full URL of a site path, e.g. `url("/a/york")`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}{path}", self.addr, self.prefix)
    }

    /// Answers `path` (a site path such as `/data/authorities.json`) with this status and body.
    pub fn set_override(&self, path: &str, status: u16, body: &str) {
        self.answer(path, Override::Answer(status, body.as_bytes().to_vec()));
    }

    /// Answers `path` as `answer` says (any body, any content type, or no answer at all).
    pub fn answer(&self, path: &str, answer: Override) {
        self.overrides.lock().unwrap().insert(format!("{}{path}", self.prefix), answer);
    }

    /// Removes every override.
    pub fn clear_overrides(&self) {
        self.overrides.lock().unwrap().clear();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
