//! Brotli beside gzip: after the site is built, each text or wasm file gets a copy compressed with brotli
//! (`name.br`), which a host sends to browsers that accept it (nginx's `brotli_static`, see `hosting/nginx.conf`).
//! Compressing once at build time costs the host nothing per request, and brotli at its highest quality is smaller
//! than any gzip (the main wasm: 218 KB gzip, 178 KB brotli).

use std::io::Write;
use std::path::Path;

/// The kinds of file worth compressing: everything the site sends but images already compressed.
const COMPRESSIBLE: [&str; 7] = ["html", "js", "wasm", "css", "json", "svg", "ics"];

/// Brotli's window: 4 MiB, larger than any file of the site.
const WINDOW: u32 = 22;

/// The quality a file is compressed at: the highest (11) for the app's code and style, which carry their hash in
/// their name and are fetched once a year at most; a fast one (5) for the pages and the data, which are many and
/// change with each build — at 11 they would take seconds to compress for a few per cent.
pub fn quality(name: &str) -> u32 {
    if crate::hosting::is_hashed(name.rsplit('/').next().unwrap_or(name)) {
        11
    } else {
        5
    }
}

/// `content` compressed with brotli at `quality` (0 to 11).
pub fn brotli(content: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, WINDOW);
        writer.write_all(content).expect("writing into memory cannot fail");
    }
    out
}

/// Whether a file of the built site (its path under the site's base) gets a brotli copy.
pub fn is_compressible(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    !crate::hosting::FOR_SERVERS.contains(&file)
        && file.rsplit_once('.').is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

/// Writes `name.br` beside every compressible file of the built site in `out` where brotli makes it smaller, and
/// removes a stale `.br` whose file is gone or no longer gains. Returns the names written, with the bytes before
/// and after.
pub fn write(out: &Path) -> Result<Vec<(String, usize, usize)>, String> {
    let names = crate::hosting::files_under(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut written = Vec::new();
    for name in &names {
        let path = out.join(name);
        if let Some(original) = name.strip_suffix(".br") {
            if !is_compressible(original) || !out.join(original).is_file() {
                std::fs::remove_file(&path).map_err(|e| format!("{name}: {e}"))?;
            }
            continue;
        }
        if !is_compressible(name) {
            continue;
        }
        let content = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        let smaller = brotli(&content, quality(name));
        let target = out.join(format!("{name}.br"));
        if smaller.len() < content.len() {
            std::fs::write(&target, &smaller).map_err(|e| format!("{name}.br: {e}"))?;
            written.push((name.clone(), content.len(), smaller.len()));
        } else if target.exists() {
            std::fs::remove_file(&target).map_err(|e| format!("{name}.br: {e}"))?;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn unbrotli(compressed: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(compressed, 4096).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn text_and_wasm_are_compressed_but_not_the_hosting_files_or_images() {
        for name in
            ["index.html", "a/some-authority/review.html", "app-0123456789abcdef_bg.wasm", "data/rules.json", "sw.js"]
        {
            assert!(is_compressible(name), "{name}");
        }
        for name in ["nginx-headers.conf", "_headers", "photo.png", "index.html.br", "README"] {
            assert!(!is_compressible(name), "{name}");
        }
    }

    #[test]
    fn the_apps_hashed_files_get_the_highest_quality_and_pages_a_fast_one() {
        assert_eq!(quality("app-0123456789abcdef_bg.wasm"), 11);
        assert_eq!(quality("main-0123456789abcdef.css"), 11);
        assert_eq!(quality("a/some-authority/review.html"), 5);
        assert_eq!(quality("data/rules.json"), 5);
        let text = "the plan is reviewed within three months, then every six months; ".repeat(400);
        assert!(brotli(text.as_bytes(), 11).len() <= brotli(text.as_bytes(), 5).len());
    }

    #[test]
    fn each_copy_decompresses_to_its_file_and_stale_copies_go() {
        let dir = std::env::temp_dir().join(format!("cin-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let page = "<p>review within 10 working days</p>\n".repeat(200);
        std::fs::write(dir.join("index.html"), &page).unwrap();
        std::fs::write(dir.join("data/tiny.json"), "[]").unwrap();
        std::fs::write(dir.join("nginx-headers.conf"), "add_header X-Frame-Options DENY always;\n".repeat(50)).unwrap();
        std::fs::write(dir.join("gone.js.br"), b"stale").unwrap();

        let written = write(&dir).unwrap();

        assert_eq!(written.iter().map(|(name, _, _)| name.as_str()).collect::<Vec<_>>(), ["index.html"]);
        let (_, before, after) = written[0];
        assert_eq!(before, page.len());
        assert!(after < before / 10, "{after} of {before}");
        assert_eq!(unbrotli(&std::fs::read(dir.join("index.html.br")).unwrap()), page.as_bytes());
        assert!(!dir.join("data/tiny.json.br").exists(), "a copy no smaller than its file is not kept");
        assert!(!dir.join("nginx-headers.conf.br").exists());
        assert!(!dir.join("gone.js.br").exists(), "a copy whose file is gone is removed");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
