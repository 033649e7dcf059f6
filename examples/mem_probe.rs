//! Live heap bytes after loading a corpus and after indexing it (a measuring aid).
//!
//! Run: `cargo run --release --example mem_probe -- DIR`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        COUNT.fetch_sub(1, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn report(what: &str) {
    eprintln!(
        "{what:<10} live {:>6.1} MB in {:>8} blocks, peak {:>6.1} MB",
        LIVE.load(Ordering::Relaxed) as f64 / 1e6,
        COUNT.load(Ordering::Relaxed),
        PEAK.load(Ordering::Relaxed) as f64 / 1e6
    );
}

fn main() {
    sizes();
    let dir = std::env::args().nth(1).unwrap_or_else(|| "stories".into());
    if std::env::args().nth(2).as_deref() == Some("search") {
        let args = storyx::cli::LoadArgs {
            paths: vec![dir.into()],
            max_file_size: 16,
            no_cache: true,
        };
        if std::env::args().nth(3).is_some() {
            storyx::cmd::search::run("fisher", &args, None, 20, false);
            report("search");
            return;
        }
        let mut loader = storyx::story::load::Loader::new(&args.paths, Default::default(), None);
        let mut corpus = storyx::corpus::Corpus::default();
        let mut builder = storyx::search::index::Builder::expecting(loader.total());
        loop {
            let batch = loader.next_batch(64);
            if batch.is_empty() {
                break;
            }
            let first = corpus.stories.len();
            corpus.extend(batch);
            if first == 0 {
                report("batch 1");
            }
            builder.add(first, &corpus.stories[first..]);
            if first == 0 {
                report("indexed 1");
            }
            corpus.forget_stories(first);
        }
        report("loaded");
        let index = builder.finish();
        report("finished");
        eprintln!("{index:?}");
        drop(corpus);
        report("index only");
        return;
    }
    let t = std::time::Instant::now();
    let corpus = storyx::story::load::load_paths(&[dir.into()], &Default::default());
    report("corpus");
    eprintln!("load {:.1?}", t.elapsed());
    let t = std::time::Instant::now();
    let index = storyx::search::Index::new(&corpus);
    eprintln!("index {:.1?} {index:?}", t.elapsed());
    report("index");
    drop(corpus);
    report("index only");
    drop(index);
}

#[allow(dead_code)]
fn sizes() {
    use std::mem::size_of;
    use storyx::story::*;
    eprintln!(
        "Story {} Quote {} Party {} Analyst {} Event {} Claim {} Stance {} Source {} PartialDate {} Diagnostic {} FileStatus {} Entity {}",
        size_of::<Story>(),
        size_of::<Quote>(),
        size_of::<Party>(),
        size_of::<Analyst>(),
        size_of::<Event>(),
        size_of::<Claim>(),
        size_of::<Stance>(),
        size_of::<Source>(),
        size_of::<PartialDate>(),
        size_of::<Diagnostic>(),
        size_of::<storyx::corpus::FileStatus>(),
        size_of::<storyx::corpus::Entity>(),
    );
}
