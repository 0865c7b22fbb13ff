//! The memory a search takes, counted by this test's own allocator: the browser's WebAssembly memory grows to the
//! most a search ever held at once and never shrinks, so the budget (issue 16: at most 8 MiB for the page and its
//! worker after twenty searches) depends on every keystroke's peak, not only on what the index keeps. Every prefix
//! of every query of the relevance fixture, as typed into the header's box, and twenty results pages, each stay
//! within 2 MiB beyond what was held before it; so does reading the published index.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use cin_procedure_explorer::pages::search::{box_html, page};
use cin_procedure_explorer::search::build::build;
use cin_procedure_explorer::search::Index;
use support::search_queries::QUERIES;

/// The system's allocator, counting the bytes held now and the most held since the count was last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static MOST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        MOST.fetch_max(held, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The most `work` held at once beyond what was held before it, in bytes.
fn peak(work: impl FnOnce()) -> usize {
    let before = HELD.load(Ordering::SeqCst);
    MOST.store(before, Ordering::SeqCst);
    work();
    MOST.load(Ordering::SeqCst) - before
}

const LIMIT: usize = 2 << 20;

#[test]
fn no_search_holds_more_than_two_mebibytes_at_once() {
    let files = build(&support::library()).files();
    let mut index = None;
    let read = peak(|| index = Some(Index::from_files(&files).expect("the published index reads back")));
    assert!(read < LIMIT, "reading the index held {read} bytes at once");
    let index = index.expect("read");
    let mut typed = 0;
    for (query, _) in QUERIES {
        for end in (1..=query.len()).filter(|end| query.is_char_boundary(*end)) {
            let most = peak(|| drop(box_html(&index, &query[..end], "")));
            assert!(most < LIMIT, "{:?} typed held {most} bytes at once", &query[..end]);
            typed += 1;
        }
    }
    assert!(typed > 300, "every prefix of every query was typed ({typed})");
    for (query, _) in QUERIES.iter().take(20) {
        let most = peak(|| drop(page(&index, query, "")));
        assert!(most < LIMIT, "the results page for {query:?} held {most} bytes at once");
    }
}
