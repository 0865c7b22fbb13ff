//! Offline after one visit: the service worker the publish step writes into the built site (`sw.js`, from the
//! template `static/sw.js`), naming this build's version and every file it keeps. The page registers it and says
//! when a new build is waiting (`static/boot.js`).

use std::path::Path;

use crate::fnv;
use crate::prerender::SHELL;

/// The service worker's file, at the site's base.
pub const SERVICE_WORKER: &str = "sw.js";

/// The service worker for a build whose files are `files` (paths under the site's base, with their contents): the
/// version is a hash of every file's name and content, so any change to the build is a new service worker. The hash
/// is FNV-1a ([`crate::fnv`]): the version needs to change whenever any file does, not to resist anyone, and at 150
/// authorities (93 MB of files) a SHA-256 of everything was a fifth of the publish step's time.
pub fn service_worker(files: &[(String, Vec<u8>)]) -> String {
    let kept: Vec<&(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| !crate::hosting::FOR_SERVERS.contains(&name.as_str()) && name != SERVICE_WORKER)
        .collect();
    let hash = kept.iter().fold(fnv::START, |h, (name, content)| {
        let h = fnv::add(fnv::add(h, name.as_bytes()), &[0]);
        fnv::add(fnv::add(h, &(content.len() as u64).to_le_bytes()), content)
    });
    let version = format!("{hash:016x}");
    let kept: Vec<&str> = kept.iter().map(|(name, _)| name.as_str()).collect();
    include_str!("../static/sw.js")
        .replace("__VERSION__", &version)
        .replace("__FILES__", &serde_json::to_string(&kept).unwrap_or_else(|_| "[]".to_owned()))
        .replace("__SHELL__", SHELL)
}

/// Writes the service worker for the built site in `out`.
pub fn write(out: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    for name in crate::hosting::files_under(out).map_err(|e| format!("{}: {e}", out.display()))? {
        let content = std::fs::read(out.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        files.push((name, content));
    }
    std::fs::write(out.join(SERVICE_WORKER), service_worker(&files)).map_err(|e| format!("{SERVICE_WORKER}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_worker_keeps_every_file_but_the_servers_and_changes_with_the_build() {
        let build = |wasm: &[u8]| {
            let files = [("index.html", b"<p>".to_vec()), ("app_bg.wasm", wasm.to_vec()), ("_headers", b"/*".to_vec())];
            service_worker(&files.map(|(n, c)| (n.to_owned(), c)))
        };
        let first = build(b"one");
        assert!(first.contains(r#"var FILES = ["index.html","app_bg.wasm"];"#), "{first}");
        assert!(first.contains("return \"404.html\";") && !first.contains("__"), "{first}");
        let version =
            |sw: &str| sw.split("var VERSION = \"").nth(1).and_then(|v| v.split('"').next()).map(str::to_owned);
        assert_eq!(version(&first).map(|v| v.len()), Some(16));
        assert_eq!(version(&first), version(&build(b"one")), "the same build, the same version");
        assert_ne!(version(&first), version(&build(b"two")), "a changed file, a new version");
    }
}
