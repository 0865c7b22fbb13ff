//! Measures search natively over every authority in `content/`: how long the index takes to build, how large it
//! is, and how long each query of the relevance fixture takes (target ≤ 1 ms).
//!
//! Run: `cargo run --release --example search_bench`; give queries as arguments to see their top five instead.

use std::time::Instant;

use cin_procedure_explorer::publish::{library, read};
use cin_procedure_explorer::search::Index;

#[path = "../tests/support/search_queries.rs"]
mod queries;

fn main() {
    let content = read(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content loads");
    let library = library(&content);
    let start = Instant::now();
    let index = Index::new(&library);
    let built = start.elapsed();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        for q in &args {
            println!("{q}");
            for hit in index.search(q, None, 5).hits {
                let d = &index.docs[hit.doc];
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
    println!(
        "index: {} documents, {} terms, {} postings; built in {:.1} ms",
        index.docs.len(),
        index.term_count(),
        index.posting_count(),
        built.as_secs_f64() * 1000.0
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
