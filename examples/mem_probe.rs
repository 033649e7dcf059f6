//! A measuring aid for issue 6 (memory): the live heap (bytes asked for, not RSS)
//! after loading a folder and after indexing it, or along the way `storyx search`
//! loads and indexes it batch by batch; with the peak.
//!
//! ```sh
//! cargo run --release --example mem_probe -- DIR          # corpus, then Index::new
//! cargo run --release --example mem_probe -- DIR search   # as `storyx search --no-cache`
//! ```

// Unsafe here: the counting global allocator, which forwards to the system's; SAFETY
// at the impl.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        BLOCKS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    /// Growing counts as a copy (both blocks alive at once), shrinking as done in
    /// place, as allocators do for a large block (mimalloc keeps a block that
    /// shrinks by less than half; glibc remaps the pages): without this, shrinking
    /// a buffer to fit would count both sizes at once, a peak no allocator makes.
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new > l.size() {
            let n = LIVE.fetch_add(new, Ordering::Relaxed) + new;
            PEAK.fetch_max(n, Ordering::Relaxed);
            LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(l.size() - new, Ordering::Relaxed);
        }
        unsafe { System.realloc(p, l, new) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        BLOCKS.fetch_sub(1, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn report(what: &str, since: Instant) {
    eprintln!(
        "{what:<12} live {:>7.1} MB in {:>8} blocks, peak {:>7.1} MB  ({:.1?})",
        LIVE.load(Ordering::Relaxed) as f64 / 1e6,
        BLOCKS.load(Ordering::Relaxed),
        PEAK.load(Ordering::Relaxed) as f64 / 1e6,
        since.elapsed()
    );
}

fn main() {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "stories".into())
        .into();
    let t = Instant::now();
    if std::env::args().nth(2).as_deref() == Some("search") {
        let mut loader = storyx::corpus::load::Loader::new(&[dir], Default::default(), None);
        let mut corpus = storyx::corpus::Corpus::default();
        let mut builder = storyx::search::index::Builder::copying(loader.total());
        loop {
            let batch = loader.next_batch(64);
            if batch.is_empty() {
                break;
            }
            let first = corpus.stories.len();
            corpus.extend(batch);
            builder.add(first, &corpus.stories[first..]);
            corpus.forget_stories(first);
        }
        report("loaded", t);
        let index = builder.finish();
        eprintln!("{index:?}");
        drop(corpus);
        report("index only", t);
        return;
    }
    let corpus = storyx::corpus::load::load_paths(&[dir], &Default::default());
    report("corpus", t);
    let index = storyx::search::Index::new(&corpus);
    report("and index", t);
    eprintln!("{index:?}");
    drop(corpus);
    report("index only", t);
}
