//! `publish [PROJECT_DIR] OUT_DIR`: validates `content/` and writes the published data and the search index into
//! `OUT_DIR/data/`;
//! then, when `OUT_DIR` holds a built `index.html`, completes its Content Security Policy, copies it to `404.html`
//! and writes the hosting headers (`_headers`, `nginx-headers.conf`) for the build's public URL
//! (`TRUNK_PUBLIC_URL`, `/` by default); then writes every page that needs no case's answers (`prerender`) and the
//! service worker that keeps the build for use offline (`offline`). Trunk runs it after each build; any problem is
//! printed and fails the build.

use std::path::PathBuf;
use std::process::ExitCode;

use cin_procedure_explorer::publish::{check, library, read_partly, write, write_search};
use cin_procedure_explorer::{hosting, offline, prerender};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (project, out) = match args.as_slice() {
        [out] => (PathBuf::from("."), out.clone()),
        [project, out] => (project.clone(), out.clone()),
        _ => {
            eprintln!("usage: publish [PROJECT_DIR] OUT_DIR");
            return ExitCode::from(2);
        }
    };
    // Every file that does not parse, and every problem in what does, is reported at once.
    let (content, errors) = read_partly(&project);
    let problems = content.as_ref().map(check).unwrap_or_default();
    errors.iter().for_each(|e| eprintln!("{e}"));
    problems.iter().for_each(|p| eprintln!("{p}"));
    let content = match content {
        Some(content) if errors.is_empty() && problems.is_empty() => content,
        _ => {
            eprintln!("{} content problem(s): nothing published", errors.len() + problems.len());
            return ExitCode::FAILURE;
        }
    };
    let library = library(&content);
    match write(&library, &out).and_then(|mut files| {
        files.extend(write_search(&library, &out)?);
        Ok(files)
    }) {
        Ok(files) => println!("published {} files into {}", files.len(), out.join("data").display()),
        Err(e) => {
            eprintln!("could not write into {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    if !out.join("index.html").is_file() {
        println!("no index.html in {}: only the data was written", out.display());
        return ExitCode::SUCCESS;
    }
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    match hosting::finish(&out, &public_url) {
        Ok(files) => println!("wrote {} with the page's Content Security Policy", files.join(", ")),
        Err(e) => {
            eprintln!("could not finish the site: {e}");
            return ExitCode::FAILURE;
        }
    }
    let today = build_date();
    match prerender::write(&out, &library, today, &public_url) {
        Ok(files) => println!("wrote {} pages, each complete without JavaScript", files.len()),
        Err(e) => {
            eprintln!("could not write the pages: {e}");
            return ExitCode::FAILURE;
        }
    }
    match offline::write(&out) {
        Ok(()) => {
            println!("wrote {}, which keeps every file of this build for use offline", offline::SERVICE_WORKER);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not write the service worker: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Today's date (UTC) when the site is built: the date the written pages are made for.
fn build_date() -> chrono::NaiveDate {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(seconds as i64, 0).unwrap_or_default().date_naive()
}
