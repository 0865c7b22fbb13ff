//! Measures search natively over every authority in a project's `content/` (this project's, or the folder named by
//! `CIN_PROJECT`, e.g. `target/synthetic` from `scripts/synthetic.py`): how long the publish step takes to build the
//! index, how large its files are (and gzip'd), how long reading them back takes, and how long each query of the
//! relevance fixture takes (target ≤ 1 ms).
//!
//! Run: `cargo run --release --example search_bench`; give queries as arguments to see their top five instead.

use std::time::Instant;

use std::io::Write;

use cin_procedure_explorer::publish::{library, read};
use cin_procedure_explorer::search::build::build;
use cin_procedure_explorer::search::data::SEARCH_COMMON;
use cin_procedure_explorer::search::Index;

#[path = "../tests/support/search_queries.rs"]
mod queries;

/// The size of `text` compressed by `gzip -9`, as `scripts/measure.sh` measures files.
fn gzipped(text: &str) -> usize {
    let mut gzip = std::process::Command::new("gzip")
        .arg("-9")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip runs");
    gzip.stdin.take().expect("gzip's input").write_all(text.as_bytes()).expect("gzip reads");
    gzip.wait_with_output().expect("gzip ends").stdout.len()
}

fn main() {
    let project = std::env::var("CIN_PROJECT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned());
    let content = read(std::path::Path::new(&project)).expect("content loads");
    let library = library(&content);
    let start = Instant::now();
    let files = build(&library).files();
    let built = start.elapsed();
    let start = Instant::now();
    let index = Index::from_files(&files).expect("the index reads back");
    let read_back = start.elapsed();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        for q in &args {
            println!("{q}");
            for hit in index.search(q, None, 5).hits {
                let Some(d) = index.doc(hit.doc) else { continue };
                println!(
                    "  {:6.2} {}{} — {}",
                    hit.score,
                    d.path,
                    d.fragment.as_deref().map(|f| format!("#{f}")).unwrap_or_default(),
                    d.title
                );
            }
        }
        return;
    }
    let size = |text: &str| (text.len(), gzipped(text));
    let (common, parts): (Vec<_>, Vec<_>) = files.iter().partition(|(path, _)| path == SEARCH_COMMON);
    let (common_raw, common_gz) = size(&common[0].1);
    let part_sizes: Vec<(usize, usize)> = parts.iter().map(|(_, text)| size(text)).collect();
    let (parts_raw, parts_gz) = part_sizes.iter().fold((0, 0), |(r, g), (a, b)| (r + a, g + b));
    println!(
        "index: {} authorities, {} terms; built in {:.1} ms, read back in {:.1} ms",
        index.authorities.len(),
        index.term_count(),
        built.as_secs_f64() * 1000.0,
        read_back.as_secs_f64() * 1000.0
    );
    println!(
        "files: common {:.1} KB ({:.1} KB gzip); {} parts {:.1} KB ({:.1} KB gzip), largest {:.1} KB gzip",
        common_raw as f64 / 1000.0,
        common_gz as f64 / 1000.0,
        parts.len(),
        parts_raw as f64 / 1000.0,
        parts_gz as f64 / 1000.0,
        part_sizes.iter().map(|(_, g)| *g).max().unwrap_or(0) as f64 / 1000.0
    );
    const RUNS: u32 = 200;
    let mut worst = (0.0f64, "");
    let mut total = 0.0;
    for (query, _) in queries::QUERIES {
        let start = Instant::now();
        for _ in 0..RUNS {
            std::hint::black_box(index.search(query, None, 20));
        }
        let each = start.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
        total += each;
        if each > worst.0 {
            worst = (each, query);
        }
    }
    println!(
        "{} queries: mean {:.3} ms, slowest {:.3} ms (\"{}\"); target ≤ 1 ms",
        queries::QUERIES.len(),
        total / queries::QUERIES.len() as f64,
        worst.0,
        worst.1
    );
}
