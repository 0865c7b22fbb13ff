//! What a host needs to serve the built site safely, written by the build next to the site (run natively by
//! `publish` after trunk has written `index.html`):
//!
//! - `index.html` with its Content Security Policy completed ([`crate::csp`]), and `404.html`, an identical copy,
//!   which static hosts serve for unknown paths so that every deep link opens the app;
//! - `_headers` (Netlify and Cloudflare Pages): the security headers for every path, and cache lifetimes;
//! - `nginx-headers.conf`: the same security headers as nginx `add_header` lines, which the server block in
//!   `hosting/` includes;
//! - the background worker's files and the search worker's under names that carry their content's hash
//!   ([`name_worker_files`]), as trunk's own files do, so that every file but the pages and the data can be kept
//!   for a year.
//!
//! The policy names the hash of the start-up script trunk writes into `index.html`, which changes with every
//! build: so these files are made by the build, never edited by hand.

use std::path::Path;

use crate::background::{SEARCH_LOADER_META, WORKER_LOADER_META};
use crate::csp;

/// The workers' loader script, as the build copies it from `static/`: it names the background worker's files, and
/// each worker gets a copy pointed at its own.
pub const WORKER_LOADER: &str = "worker_loader.js";

/// A worker's files as trunk writes them, the name of its loader, and the page's `<meta>` that names the loader.
#[derive(Debug, Clone, Copy)]
pub struct WorkerFiles {
    /// Its wasm-bindgen glue.
    pub glue: &'static str,
    /// Its WebAssembly.
    pub wasm: &'static str,
    /// Its loader, before the build names it by its hash.
    pub loader: &'static str,
    /// The `name` of the page's `<meta>` whose `content` is the loader's hashed name.
    pub meta: &'static str,
}

/// The background worker, which makes every page made in the background.
pub const BACKGROUND_WORKER: WorkerFiles =
    WorkerFiles { glue: "worker.js", wasm: "worker_bg.wasm", loader: WORKER_LOADER, meta: WORKER_LOADER_META };

/// The search worker, which answers searches alone.
pub const SEARCH_WORKER: WorkerFiles = WorkerFiles {
    glue: "search_worker.js",
    wasm: "search_worker_bg.wasm",
    loader: "search_loader.js",
    meta: SEARCH_LOADER_META,
};

/// The file a Netlify or Cloudflare Pages host reads its response headers from.
pub const NETLIFY_HEADERS: &str = "_headers";

/// The file of nginx `add_header` lines for this build, included by the server block in `hosting/`.
pub const NGINX_HEADERS: &str = "nginx-headers.conf";

/// The files written for hosts, which a visitor never needs.
pub const FOR_SERVERS: [&str; 2] = [NETLIFY_HEADERS, NGINX_HEADERS];

/// Browser features the site never uses, denied to it and to anything it could embed.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), \
     hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()";

/// `Cache-Control` for a file whose name carries trunk's content hash: it never changes, so keep it a year.
pub const CACHE_HASHED: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` for every other file (pages, `boot.js`, the data): ask the server each time whether it changed.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// The security headers every response carries, for a build whose inline scripts have these hash sources.
pub fn security_headers(script_hashes: &[String]) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", csp::header_policy(script_hashes)),
        // Scripts and styles only run when their declared type says so.
        ("X-Content-Type-Options", "nosniff".to_owned()),
        // The deadlines and wizard addresses hold a case's dates: never send them to another site.
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("Permissions-Policy", PERMISSIONS_POLICY.to_owned()),
        // A window this site opens, or that opens it, gets no handle on it.
        ("Cross-Origin-Opener-Policy", "same-origin".to_owned()),
    ]
}

/// Whether a built file's name carries trunk's content hash (`main-0123456789abcdef.css`,
/// `app-0123456789abcdef_bg.wasm`): a `-` then the hash's hexadecimal digits, then `.` or `_`. Trunk writes the 64-bit
/// hash without leading zeros, so it has 16 digits or (one name in sixteen) fewer: 8 to 16 are taken as a hash.
pub fn is_hashed(file_name: &str) -> bool {
    let bytes = file_name.as_bytes();
    (0..bytes.len()).any(|i| {
        let digits = bytes[i + 1..].iter().take_while(|b| b.is_ascii_hexdigit()).count();
        bytes[i] == b'-' && (8..=16).contains(&digits) && matches!(bytes.get(i + 1 + digits), Some(b'.' | b'_'))
    })
}

/// The `_headers` file: the security headers on every path under `public_url` (`/` or `/cin/`), a year's
/// immutable caching for each hashed file and revalidation for the rest. `files` are the site's files relative to
/// its folder, with `/` separators.
pub fn netlify_headers(public_url: &str, files: &[String], script_hashes: &[String]) -> String {
    let base = format!("/{}/", public_url.trim_matches('/')).replace("//", "/");
    let mut out = String::from(
        "# Response headers for Netlify and Cloudflare Pages, written by the build: the policy names the hash of this\n\
         # build's start-up script. Paths not listed here get the host's default caching (revalidated).\n",
    );
    out.push_str(&format!("{base}*\n"));
    for (name, value) in security_headers(script_hashes) {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str(&format!("{base}\n  Cache-Control: {CACHE_REVALIDATE}\n"));
    let mut files: Vec<&String> = files.iter().collect();
    files.sort_by_key(|f| (!is_hashed(f), f.as_str()));
    for file in files {
        let cache = if is_hashed(file) { CACHE_HASHED } else { CACHE_REVALIDATE };
        out.push_str(&format!("{base}{file}\n  Cache-Control: {cache}\n"));
    }
    out
}

/// The nginx `add_header` lines for this build (`always`, so error pages such as the 404 fallback carry them too).
pub fn nginx_headers(script_hashes: &[String]) -> String {
    let mut out = String::from(
        "# The security headers for this build of the site, written by the build: the policy names the hash of its\n\
         # start-up script. The server block in hosting/ includes this file in each location.\n",
    );
    for (name, value) in security_headers(script_hashes) {
        out.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    out
}

/// `name` (`worker.js`, `worker_bg.wasm`) with the first 16 hexadecimal digits of the SHA-256 of `content` put in
/// as trunk puts its hash (`worker-0123456789abcdef.js`, `worker-0123456789abcdef_bg.wasm`), so [`is_hashed`] knows it.
pub fn hashed_name(name: &str, content: &[u8]) -> String {
    let hash: String = csp::sha256(content)[..8].iter().map(|b| format!("{b:02x}")).collect();
    let at = name.strip_suffix("_bg.wasm").or_else(|| name.rsplit_once('.').map(|(stem, _)| stem)).unwrap_or(name);
    format!("{at}-{hash}{}", &name[at.len()..])
}

/// Replaces the one `"./{from}"` in the loader's text with `"./{to}"`; an error unless there is exactly one.
fn point_at(loader: &str, from: &str, to: &str) -> Result<String, String> {
    let quoted = format!("\"./{from}\"");
    match loader.matches(&quoted).count() {
        1 => Ok(loader.replace(&quoted, &format!("\"./{to}\""))),
        n => Err(format!("{WORKER_LOADER}: names {quoted} {n} times, not once")),
    }
}

/// Writes `loader` into the page's `<meta name="{meta}" content="…">`, through which the page finds a worker; an
/// error if the page has no such tag.
pub fn set_worker_loader(html: &str, meta: &str, loader: &str) -> Result<String, String> {
    let tag = format!("<meta name=\"{meta}\" content=\"");
    let start = html.find(&tag).ok_or_else(|| format!("no <meta name=\"{meta}\"> in the page"))? + tag.len();
    let end = html[start..].find('"').ok_or("a worker loader's <meta> is not closed")? + start;
    Ok(format!("{}{loader}{}", &html[..start], &html[end..]))
}

/// Gives each worker's files in `out` names that carry their content's hash (trunk cannot: a worker's names are
/// fixed): its WebAssembly and its glue first, then its copy of the loader, pointed at them, so that the loader's
/// name changes whenever either does. The plain loader is removed. Returns, for each worker, the `<meta>` the page
/// finds it by and its loader's new name.
pub fn name_worker_files(out: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let read = |name: &str| std::fs::read(out.join(name)).map_err(|e| format!("{}: {e}", out.join(name).display()));
    let write = |name: &str, content: &[u8]| {
        let hashed = hashed_name(name, content);
        std::fs::write(out.join(&hashed), content).map_err(|e| format!("{}: {e}", out.join(&hashed).display()))?;
        Ok::<String, String>(hashed)
    };
    let rename = |name: &str| {
        let hashed = write(name, &read(name)?)?;
        std::fs::remove_file(out.join(name)).map_err(|e| format!("{}: {e}", out.join(name).display()))?;
        Ok::<String, String>(hashed)
    };
    let template = String::from_utf8(read(WORKER_LOADER)?).map_err(|_| format!("{WORKER_LOADER}: not UTF-8"))?;
    let mut loaders = Vec::new();
    for worker in [BACKGROUND_WORKER, SEARCH_WORKER] {
        let (wasm, glue) = (rename(worker.wasm)?, rename(worker.glue)?);
        let loader = point_at(&point_at(&template, BACKGROUND_WORKER.glue, &glue)?, BACKGROUND_WORKER.wasm, &wasm)?;
        loaders.push((worker.meta, write(worker.loader, loader.as_bytes())?));
    }
    std::fs::remove_file(out.join(WORKER_LOADER)).map_err(|e| format!("{}: {e}", out.join(WORKER_LOADER).display()))?;
    Ok(loaders)
}

/// Every file under `dir`, relative to it, with `/` separators, sorted.
pub fn files_under(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                let parts: Vec<String> =
                    relative.components().map(|c| c.as_os_str().to_string_lossy().into()).collect();
                files.push(parts.join("/"));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Completes a built site in `out`, whose `index.html` trunk has written: names the background worker's files by
/// their hash and writes the loader's name into the page, fills in the page's policy, copies the page to
/// `404.html`, and writes `_headers` and `nginx-headers.conf`. `public_url` is the build's `--public-url` (`/` by
/// default). Returns the files written.
pub fn finish(out: &Path, public_url: &str) -> Result<Vec<String>, String> {
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let deferred = crate::startup::defer(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let loaders = name_worker_files(out)?;
    let mut html = deferred;
    for (meta, loader) in &loaders {
        html = set_worker_loader(&html, meta, loader).map_err(|e| format!("{}: {e}", index.display()))?;
    }
    let (page, hashes) = csp::apply(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    if hashes.is_empty() {
        return Err(format!("{}: no inline start-up script found", index.display()));
    }
    let write = |name: &str, text: &str| {
        std::fs::write(out.join(name), text).map_err(|e| format!("{}: {e}", out.join(name).display()))
    };
    write("index.html", &page)?;
    write("404.html", &page)?;
    let files: Vec<String> = files_under(out)
        .map_err(|e| format!("{}: {e}", out.display()))?
        .into_iter()
        .filter(|f| !FOR_SERVERS.contains(&f.as_str()))
        .collect();
    write(NETLIFY_HEADERS, &netlify_headers(public_url, &files, &hashes))?;
    write(NGINX_HEADERS, &nginx_headers(&hashes))?;
    let mut written = ["index.html", "404.html", NETLIFY_HEADERS, NGINX_HEADERS].map(String::from).to_vec();
    written.extend(loaders.into_iter().map(|(_, loader)| loader));
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_from_plain_ones() {
        // Trunk drops a hash's leading zeros: "cin-procedure-explorer-4387ff51c2e4a45_bg.wasm" has 15 digits.
        for name in [
            "main-0123456789abcdef.css",
            "app-0123456789abcdef_bg.wasm",
            "favicon-fedcba9876543210.svg",
            "cin-procedure-explorer-4387ff51c2e4a45_bg.wasm",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "index.html",
            "worker.js",
            "worker_bg.wasm",
            "boot.js",
            "data/north.json",
            "main-0123.css",
            "a-0123456789abcdefg.js",
            "a-0123456789abcdef0.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }

    #[test]
    fn every_header_the_host_should_send_is_there() {
        let headers = security_headers(&["'sha256-AAAA'".to_owned()]);
        let get = |name: &str| headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()).unwrap();
        assert!(get("Content-Security-Policy").contains("script-src 'self' 'sha256-AAAA' 'wasm-unsafe-eval'"));
        assert!(get("Content-Security-Policy").ends_with("frame-ancestors 'none'"));
        assert_eq!(get("X-Content-Type-Options"), "nosniff");
        assert_eq!(get("Referrer-Policy"), "no-referrer");
        assert_eq!(get("Cross-Origin-Opener-Policy"), "same-origin");
        for feature in ["camera=()", "microphone=()", "geolocation=()"] {
            assert!(get("Permissions-Policy").contains(feature), "{feature}");
        }
    }

    #[test]
    fn the_headers_file_covers_every_path_and_caches_by_name() {
        let files = ["index.html", "main-0123456789abcdef.css", "data/north.json"].map(String::from);
        let text = netlify_headers("/cin/", &files, &["'sha256-AAAA'".to_owned()]);
        let expected_tail = "/cin/\n  Cache-Control: no-cache\n\
             /cin/main-0123456789abcdef.css\n  Cache-Control: public, max-age=31536000, immutable\n\
             /cin/data/north.json\n  Cache-Control: no-cache\n\
             /cin/index.html\n  Cache-Control: no-cache\n";
        assert!(text.ends_with(expected_tail), "{text}");
        assert!(text.contains("/cin/*\n  Content-Security-Policy: default-src 'self'; "), "{text}");
        assert!(text.contains("  Referrer-Policy: no-referrer\n"), "{text}");
        assert!(netlify_headers("/", &files, &[]).contains("\n/*\n  Content-Security-Policy"));
    }

    #[test]
    fn nginx_lines_are_add_header_always() {
        let text = nginx_headers(&["'sha256-AAAA'".to_owned()]);
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines.len(), 5);
        assert!(lines.iter().all(|l| l.starts_with("add_header ") && l.ends_with("\" always;")), "{text}");
        assert!(lines[0].contains("'sha256-AAAA'"));
    }

    /// Writes the workers' files and the loader, as the build leaves them, into `dir`.
    fn write_worker(dir: &Path) {
        for (worker, content) in [(BACKGROUND_WORKER, "background"), (SEARCH_WORKER, "search")] {
            std::fs::write(dir.join(worker.wasm), format!("\0asm {content}")).unwrap();
            std::fs::write(dir.join(worker.glue), format!("let {content};")).unwrap();
        }
        std::fs::write(dir.join(WORKER_LOADER), "const glue = \"./worker.js\";\nconst wasm = \"./worker_bg.wasm\";\n")
            .unwrap();
    }

    #[test]
    fn hashed_names_follow_trunks_and_change_with_the_content() {
        let wasm = hashed_name("worker_bg.wasm", b"one");
        let glue = hashed_name("worker.js", b"one");
        let loader = hashed_name("worker_loader.js", b"one");
        for name in [&wasm, &glue, &loader] {
            assert!(is_hashed(name), "{name}");
        }
        let hash = &wasm["worker-".len()..wasm.len() - "_bg.wasm".len()];
        assert_eq!(hash.len(), 16);
        assert_eq!(glue, format!("worker-{hash}.js"));
        assert_eq!(loader, format!("worker_loader-{hash}.js"));
        assert_ne!(hashed_name("worker.js", b"two"), glue);
    }

    #[test]
    fn the_worker_files_are_renamed_and_each_loader_names_its_own() {
        let dir = std::env::temp_dir().join(format!("cin-hosting-worker-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        write_worker(&dir);
        let loaders = name_worker_files(&dir).unwrap();
        let mut expected = Vec::new();
        for ((meta, loader), (worker, content)) in
            loaders.iter().zip([(BACKGROUND_WORKER, "background"), (SEARCH_WORKER, "search")])
        {
            assert_eq!(*meta, worker.meta);
            let wasm = hashed_name(worker.wasm, format!("\0asm {content}").as_bytes());
            let glue = hashed_name(worker.glue, format!("let {content};").as_bytes());
            let text = std::fs::read_to_string(dir.join(loader)).unwrap();
            assert_eq!(text, format!("const glue = \"./{glue}\";\nconst wasm = \"./{wasm}\";\n"));
            assert_eq!(
                *loader,
                hashed_name(worker.loader, text.as_bytes()),
                "the loader's hash covers the names in it"
            );
            expected.extend([wasm, glue, loader.clone()]);
        }
        assert!(loaders[1].1.starts_with("search_loader-"), "{loaders:?}");
        expected.sort();
        assert_eq!(files_under(&dir).unwrap(), expected, "the plain names are gone");
        // A loader that does not name the glue once cannot be pointed at it: the build fails.
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        write_worker(&dir);
        std::fs::write(dir.join(WORKER_LOADER), "importScripts(\"./worker.js\", \"./worker.js\")").unwrap();
        assert!(name_worker_files(&dir).unwrap_err().contains("2 times"));
        // Without the search worker's files the build fails too.
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        write_worker(&dir);
        std::fs::remove_file(dir.join(SEARCH_WORKER.wasm)).unwrap();
        assert!(name_worker_files(&dir).unwrap_err().contains(SEARCH_WORKER.wasm));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(name_worker_files(&dir).is_err(), "no worker: the build fails");
    }

    #[test]
    fn the_page_is_told_the_loaders_name() {
        let page = "<head><meta name=\"worker-loader\" content=\"worker_loader.js\" /></head>";
        assert_eq!(
            set_worker_loader(page, WORKER_LOADER_META, "worker_loader-0123456789abcdef.js").unwrap(),
            "<head><meta name=\"worker-loader\" content=\"worker_loader-0123456789abcdef.js\" /></head>"
        );
        assert!(set_worker_loader("<head></head>", WORKER_LOADER_META, "x.js").is_err());
        assert!(set_worker_loader(page, SEARCH_LOADER_META, "x.js").is_err(), "the search worker has a tag of its own");
    }

    #[test]
    fn finishing_a_build_fills_the_policy_and_writes_an_identical_404() {
        let dir = std::env::temp_dir().join(format!("cin-hosting-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"x\">\
                    <meta name=\"worker-loader\" content=\"worker_loader.js\">\
                    <meta name=\"search-worker-loader\" content=\"search_loader.js\"><script type=\"module\">\
                    import init, * as bindings from '/app.js';init({ module_or_path: '/app_bg.wasm' });</script></head></html>";
        std::fs::write(dir.join("index.html"), page).unwrap();
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), "").unwrap();
        std::fs::write(dir.join("data/a.json"), "{}").unwrap();
        write_worker(&dir);
        finish(&dir, "/").unwrap();
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert_eq!(index, std::fs::read_to_string(dir.join("404.html")).unwrap());
        // The policy names the start-up script as the page now holds it: deferred past the first paint.
        let scripts = csp::inline_scripts(&index);
        assert!(scripts.len() == 1 && scripts[0].contains("await import('/app.js')"), "{index}");
        let hash = csp::script_hash(scripts[0]);
        assert!(index.contains(&format!("script-src 'self' {hash} 'wasm-unsafe-eval'")), "{index}");
        let loader = files_under(&dir).unwrap().into_iter().find(|f| f.starts_with("worker_loader-")).unwrap();
        assert!(index.contains(&format!("<meta name=\"worker-loader\" content=\"{loader}\">")), "{index}");
        let search = files_under(&dir).unwrap().into_iter().find(|f| f.starts_with("search_loader-")).unwrap();
        assert!(index.contains(&format!("<meta name=\"search-worker-loader\" content=\"{search}\">")), "{index}");
        let headers = std::fs::read_to_string(dir.join(NETLIFY_HEADERS)).unwrap();
        assert!(headers.contains("/app-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable"));
        assert!(headers.contains(&format!("/{loader}\n  Cache-Control: public, max-age=31536000, immutable")));
        assert!(headers.contains("/data/a.json\n  Cache-Control: no-cache"));
        assert!(headers.contains("/404.html\n  Cache-Control: no-cache"));
        assert!(!headers.contains("/_headers"));
        assert!(std::fs::read_to_string(dir.join(NGINX_HEADERS)).unwrap().contains(&hash));
        let no_policy = page.replace("<meta http-equiv=\"Content-Security-Policy\" content=\"x\">", "");
        std::fs::write(dir.join("index.html"), no_policy).unwrap();
        write_worker(&dir);
        let error = finish(&dir, "/").unwrap_err();
        assert!(error.contains("Content-Security-Policy"), "a page without the CSP meta tag fails the build: {error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
