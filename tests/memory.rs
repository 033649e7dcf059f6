//! A guard on memory (issue 6): the heap a loaded corpus and its search index
//! hold, counted by a counting allocator (bytes asked for, so the figure does not
//! depend on timing or on the allocator). Generated stories, written as files.
//!
//! The limits are the 3x the corpus bytes for the whole process; the live
//! heap measured here is well under (about 1.6x for the explorer's corpus and
//! index), and the corpus and the index are each bounded near what they hold now,
//! so that either growing back fails (issue 19's target is 1.5x for the process).

// Unsafe here: the counting global allocator, which forwards to the system's; SAFETY
// at the impl.
#![allow(unsafe_code)]

#[path = "common/shapes.rs"]
mod shapes;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// One measurement at a time: the counters are the whole process's.
static SERIAL: Mutex<()> = Mutex::new(());

/// Writes `n` generated stories; their total bytes.
fn write_corpus(dir: &Path, n: usize) -> usize {
    (0..n)
        .map(|i| {
            let story = storyx::synth::story(i);
            let yaml = storyx::synth::to_yaml(&story);
            std::fs::write(dir.join(&story.file), &yaml).unwrap();
            yaml.len()
        })
        .sum()
}

/// The growth of the live heap over `f`, and its peak above the start.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let out = f();
    let live = LIVE.load(Ordering::Relaxed).saturating_sub(start);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(start);
    (out, live, peak)
}

#[test]
fn the_explorers_corpus_and_index_stay_well_under_three_times_the_files() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let bytes = write_corpus(dir.path(), 200);
    let paths = [dir.path().to_path_buf()];
    // As the explorer loads: batch by batch, each story packed.
    let (corpus, corpus_live, corpus_peak) = measure(|| {
        let mut loader =
            storyx::corpus::load::Loader::new(&paths, Default::default(), None).packing();
        let mut corpus = storyx::corpus::Corpus::default();
        loop {
            let batch = loader.next_batch(64);
            if batch.is_empty() {
                break;
            }
            corpus.extend(batch);
        }
        corpus
    });
    assert_eq!(corpus.stories.len(), 200);
    let (index, index_live, _) = measure(|| storyx::search::Index::new(&corpus));
    let ratio = |n: usize| n as f64 / bytes as f64;
    eprintln!(
        "{bytes} bytes of YAML: corpus {:.2}x (peak {:.2}x), index {:.2}x",
        ratio(corpus_live),
        ratio(corpus_peak),
        ratio(index_live)
    );
    assert!(
        ratio(corpus_peak) < 2.0,
        "loading peaked at {:.2}x",
        ratio(corpus_peak)
    );
    // Issue 19: the texts of each batch's stories packed in one buffer (16-byte
    // text slots, a text written more than once stored once) hold the corpus at
    // 1.19x here; a buffer per story held 1.28x, unpacked texts (24-byte slots, a
    // block per long text) 1.44x.
    assert!(
        ratio(corpus_live) < 1.24,
        "the corpus holds {:.2}x",
        ratio(corpus_live)
    );
    // The index: folded texts, 16 bytes a field, 8 an item; a long ASCII text read
    // from its story's buffer, not kept folded (0.44x here; 0.69x when every text
    // was kept folded).
    assert!(
        ratio(index_live) < 0.5,
        "the index holds {:.2}x",
        ratio(index_live)
    );
    assert!(
        ratio(corpus_live + index_live) < 1.7,
        "corpus and index hold {:.2}x",
        ratio(corpus_live + index_live)
    );
    // What the explorer's worker builds when idle after the load: the two-letter
    // answers and the names directory (issue 19), a small part of the index.
    let ((), idle_live, idle_peak) = measure(|| storyx::search::pairs::build(&index));
    assert!(index.has_pairs());
    eprintln!(
        "two-letter answers and names directory: {:.3}x ({idle_live} bytes, peak {idle_peak}; index {index_live})",
        ratio(idle_live)
    );
    // The two-letter answers are of a fixed size (676 pairs, at most 256 rows of
    // 8 bytes each), as are the runs of initials of main texts and details (a
    // bit for each run of 2 to 5 letters: 26² + … + 26⁵ bits); the names
    // directory grows with the corpus, 4 bytes a name.
    let grams = (26 * 26 + 26usize.pow(3) + 26usize.pow(4) + 26usize.pow(5)).div_ceil(64) * 8;
    let fixed = 676 * (256 * 8 + 64) + grams;
    assert!(
        ratio(idle_live.saturating_sub(fixed)) < 0.1,
        "the idle answers hold {:.3}x beyond their fixed {fixed} bytes",
        ratio(idle_live.saturating_sub(fixed))
    );
    // The index shares the stories: answers read their texts from them.
    let hits = Arc::new(index).search("fisher", &Default::default());
    assert!(!hits.hits.is_empty());
}

#[test]
fn check_and_search_let_stories_go_as_they_load() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let bytes = write_corpus(dir.path(), 300);
    let paths = [dir.path().to_path_buf()];
    // As `storyx check` loads: each batch's stories let go once it is in.
    let ((corpus, _), live, peak) = measure(|| {
        storyx::corpus::load::load_paths_then(&paths, &Default::default(), None, |c, first, _| {
            c.forget_stories(first)
        })
    });
    assert_eq!((corpus.files.len(), corpus.errors().count()), (300, 0));
    let ratio = |n: usize| n as f64 / bytes as f64;
    eprintln!(
        "check: {bytes} bytes of YAML, holds {:.2}x, peak {:.2}x",
        ratio(live),
        ratio(peak)
    );
    assert!(ratio(live) < 0.2, "check holds {:.2}x", ratio(live));
    assert!(ratio(peak) < 1.0, "check peaked at {:.2}x", ratio(peak));
}

/// 1 MB hostile files of every shape (`tests/common/shapes.rs`): each loads or
/// fails with a located error, and the heap never holds more than 100 MB at once on
/// the way (the bound; an alias of a 1 MB scalar used 500 times took 995 MB).
#[test]
fn a_hostile_megabyte_of_any_shape_stays_under_100_mb() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    const MB: usize = 1 << 20;
    let shapes: Vec<(&str, String)> = shapes::all(MB)
        .into_iter()
        .map(|s| (s.what, s.text))
        .collect();
    let opts = storyx::story::load::LoadOptions::default();
    for (what, text) in &shapes {
        assert!(text.len() <= MB + MB / 8, "{what}: {} bytes", text.len());
        let (r, _, peak) = measure(|| {
            storyx::story::load::from_bytes(Path::new("h.yaml"), text.as_bytes(), &opts)
        });
        assert!(peak < 100 * MB, "{what}: {} MB at the peak", peak / MB);
        if r.story.is_none() {
            let d = &r.diagnostics[0];
            assert!(d.location.is_some(), "{what}: {d:?}");
        }
        eprintln!(
            "{what}: {} KB peak, {} problems",
            peak / 1024,
            r.diagnostics.len()
        );
    }
}

#[test]
fn export_streams_in_memory_that_does_not_grow_with_the_stories() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let peak_of = |n: usize| {
        let dir = tempfile::tempdir().unwrap();
        let bytes = write_corpus(dir.path(), n);
        let load = storyx::cli::LoadArgs {
            paths: vec![dir.path().to_path_buf()],
            max_file_size: 16,
            no_cache: true,
            follow_symlinks: false,
        };
        let mut lines = Counted::default();
        let ((outcome, written), _, peak) =
            measure(|| storyx::cmd::export::write_all(&load, &mut lines));
        written.unwrap();
        assert_eq!((outcome.stories, outcome.failed), (n, 0));
        assert!(lines.lines > n * 10, "{} lines", lines.lines);
        eprintln!(
            "export: {n} stories, {bytes} bytes of YAML, {} lines, peak {:.2} MB",
            lines.lines,
            peak as f64 / 1e6
        );
        peak
    };
    // Two batches of the loader against seven: a load that kept its stories
    // would peak at over three times as much (only each id is kept: 32 bytes).
    let small = peak_of(200);
    let large = peak_of(800);
    assert!(
        (large as f64) < small as f64 * 1.15,
        "peak {large} bytes for 800 stories against {small} for 200"
    );
}

/// A sink that counts lines.
#[derive(Default)]
struct Counted {
    lines: usize,
}

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.lines += buf.iter().filter(|&&b| b == b'\n').count();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
