//! A measuring aid for issue 6 (memory): the live heap (bytes asked for, not RSS)
//! after loading a folder and after indexing it, or along the way `storyx search`
//! loads and indexes it batch by batch; with the peak.
//!
//! ```sh
//! cargo run --release --example mem_probe -- DIR          # corpus, then Index::new
//! cargo run --release --example mem_probe -- DIR search   # as `storyx search --no-cache`
//! cargo run --release --example mem_probe -- DIR model    # where the stories' bytes go
//! cargo run --release --example mem_probe -- DIR model cached  # through the cache
//! ```
//!
//! `model` (issue 19) counts, over the loaded stories: each item type's size and
//! how many there are, the item lists' bytes (and the room they grew into unused),
//! the texts in buffers of their own, and the stories' packed buffers (each holding
//! every text of its story once).
//! Not in it: the allocator's rounding of each block, each story's `Arc` and path.

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
    // `cached` as the last argument: through the parsed-corpus cache at its usual
    // place (XDG_CACHE_HOME), as the explorer loads with a warm cache.
    let cache = if std::env::args().any(|a| a == "cached") {
        storyx::cache::Cache::default_location()
    } else {
        None
    };
    // As the explorer loads: batch by batch, each story packed.
    let load = |dir: PathBuf| {
        let mut loader =
            storyx::corpus::load::Loader::new(&[dir], Default::default(), cache.as_ref()).packing();
        let mut corpus = storyx::corpus::Corpus::default();
        loop {
            let batch = loader.next_batch(256);
            if batch.is_empty() {
                break;
            }
            corpus.extend(batch);
        }
        loader.finish();
        corpus
    };
    if std::env::args().nth(2).as_deref() == Some("model") {
        let corpus = load(dir);
        report("corpus", t);
        model::report(&corpus.stories);
        return;
    }
    if std::env::args().nth(2).as_deref() == Some("grow") {
        // As the explorer with a search typed at once: its batches (doubling up
        // to 128), each indexed as it comes into an index that grows, settled at
        // the end, then the idle answers; live and peak after each step.
        let mut loader =
            storyx::corpus::load::Loader::new(&[dir], Default::default(), cache.as_ref()).packing();
        let mut corpus = storyx::corpus::Corpus::default();
        let mut index = storyx::search::index::Builder::sharing(loader.total()).growing();
        let mut size = 1;
        loop {
            let batch = loader.next_batch(size);
            if batch.is_empty() {
                break;
            }
            let first = corpus.stories.len();
            corpus.extend(batch);
            index.add(first, &corpus.stories[first..]);
            size = (size * 2).min(128);
        }
        loader.finish();
        report("grown", t);
        eprintln!("{index:?}");
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
        index.settle();
        report("settled", t);
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
        storyx::search::pairs::build(&index);
        report("idle built", t);
        eprintln!("{index:?}");
        return;
    }
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
    let corpus = load(dir);
    report("corpus", t);
    let index = storyx::search::Index::new(&corpus);
    report("and index", t);
    eprintln!("{index:?}");
    drop(corpus);
    report("index only", t);
}

/// Where the stories' bytes go (`mem_probe DIR model`).
mod model {
    use std::mem::size_of;
    use std::sync::Arc;

    use storyx::story::date::PartialDate;
    use storyx::story::model::{Analyst, Claim, Event, Party, Quote, Source, Stance, Story};
    use storyx::story::Str;

    /// Bytes counted so far.
    #[derive(Default)]
    struct Tally {
        lists: usize,
        list_bytes: usize,
        list_unused: usize,
        texts: usize,
        heap_texts: usize,
        heap_bytes: usize,
        text_len: usize,
        /// The story's id, whose buffer its packed texts share.
        story: Option<Str>,
        /// Packed stories' buffers: how many, and their bytes.
        buffers: (usize, usize),
        /// Optional texts left out.
        nones: usize,
        /// Texts by length: 0, 1..=7, 8..=15, 16..=24, longer (count, bytes).
        by_len: [(usize, usize); 5],
    }

    impl Tally {
        fn text(&mut self, s: &Str) {
            let bucket = match s.len() {
                0 => 0,
                1..=7 => 1,
                8..=15 => 2,
                16..=24 => 3,
                _ => 4,
            };
            self.by_len[bucket].0 += 1;
            self.by_len[bucket].1 += s.len();
            self.texts += 1;
            self.text_len += s.len();
            // A text of its own buffer (not packed with its story's).
            if !s.is_empty()
                && !self
                    .story
                    .as_ref()
                    .is_some_and(|id| s.shares_buffer_with(id))
            {
                self.heap_texts += 1;
                self.heap_bytes += s.buffer_len();
            }
        }
        fn maybe(&mut self, s: &Option<Str>) {
            match s {
                Some(s) => self.text(s),
                None => self.nones += 1,
            }
        }
        /// A rarely written text, boxed: its box counted with the lists.
        fn boxed(&mut self, s: &Option<Box<Str>>) {
            match s {
                Some(s) => {
                    self.text(s);
                    self.list_bytes += size_of::<Str>();
                }
                None => self.nones += 1,
            }
        }
        fn date(&mut self, d: &Option<PartialDate>) {
            match d {
                Some(d) => self.text(&d.raw),
                None => self.nones += 1,
            }
        }
        fn list<T>(&mut self, v: &[T], capacity: usize) {
            if capacity > 0 {
                self.lists += 1;
            }
            self.list_bytes += capacity * size_of::<T>();
            self.list_unused += (capacity - v.len()) * size_of::<T>();
        }
        fn texts(&mut self, v: &Vec<Str>) {
            self.list(v, v.capacity());
            v.iter().for_each(|s| self.text(s));
        }
    }

    pub fn report(stories: &[Arc<Story>]) {
        let mut t = Tally::default();
        let mut n = [0usize; 7];
        for s in stories {
            // Stories packed together share one buffer: counted once.
            let shared = t
                .story
                .as_ref()
                .is_some_and(|p| p.shares_buffer_with(&s.id));
            t.story = Some(s.id.clone());
            if s.id.shares_buffer_with(&s.title) && !shared {
                t.buffers.0 += 1;
                t.buffers.1 += s.id.buffer_len();
            }
            t.text(&s.id);
            t.text(&s.title);
            t.date(&s.date);
            t.maybe(&s.question);
            t.maybe(&s.summary);
            t.texts(&s.tags);
            t.list(&s.sources, s.sources.capacity());
            for x in &s.sources {
                n[0] += 1;
                t.text(&x.id);
                t.text(&x.name);
                for o in [&x.outlet, &x.url, &x.note, &x.by] {
                    t.maybe(o);
                }
                t.date(&x.date);
                t.texts(&x.cites);
            }
            t.list(&s.parties, s.parties.capacity());
            for x in &s.parties {
                n[1] += 1;
                t.text(&x.id);
                t.text(&x.name);
                t.texts(&x.aliases);
                for o in [&x.description, &x.position, &x.role, &x.speaks_for] {
                    t.maybe(o);
                }
            }
            t.list(&s.analysts, s.analysts.capacity());
            for x in &s.analysts {
                n[2] += 1;
                t.text(&x.id);
                t.text(&x.name);
                for o in [&x.role, &x.affiliation, &x.view] {
                    t.maybe(o);
                }
            }
            t.list(&s.quotes, s.quotes.capacity());
            for x in &s.quotes {
                n[3] += 1;
                t.text(&x.by);
                t.text(&x.text);
                for o in [&x.id, &x.source, &x.context] {
                    t.maybe(o);
                }
                for o in [&x.via, &x.to] {
                    t.boxed(o);
                }
                t.date(&x.date);
            }
            t.list(&s.claims, s.claims.capacity());
            for x in &s.claims {
                n[4] += 1;
                t.text(&x.id);
                t.text(&x.text);
                t.maybe(&x.source);
                t.list(&x.stances, x.stances.capacity());
                for st in &x.stances {
                    n[5] += 1;
                    t.text(&st.by);
                    t.maybe(&st.note);
                    t.maybe(&st.quote);
                    t.date(&st.date);
                }
            }
            t.list(&s.timeline, s.timeline.capacity());
            for x in &s.timeline {
                n[6] += 1;
                for o in [&x.id, &x.detail, &x.source] {
                    t.maybe(o);
                }
                t.text(&x.title);
                t.date(&x.date);
                t.texts(&x.involves);
            }
            t.list(&s.extensions, s.extensions.capacity());
        }
        let sizes = [
            ("source", size_of::<Source>()),
            ("party", size_of::<Party>()),
            ("analyst", size_of::<Analyst>()),
            ("quote", size_of::<Quote>()),
            ("claim", size_of::<Claim>()),
            ("stance", size_of::<Stance>()),
            ("event", size_of::<Event>()),
        ];
        let mb = |n: usize| n as f64 / 1e6;
        eprintln!(
            "{} stories of {} bytes each",
            stories.len(),
            size_of::<Story>()
        );
        for ((what, size), count) in sizes.iter().zip(n) {
            eprintln!(
                "{what:<8} {count:>9} of {size:>3} bytes: {:>7.1} MB",
                mb(count * size)
            );
        }
        eprintln!(
            "lists: {} ({:.1} MB, {:.1} MB unused); texts: {} ({:.1} MB written), {} in buffers of their own ({:.1} MB)",
            t.lists,
            mb(t.list_bytes),
            mb(t.list_unused),
            t.texts,
            mb(t.text_len),
            t.heap_texts,
            mb(t.heap_bytes)
        );
        eprintln!(
            "packed: {} buffers (stories packed together share one), {:.1} MB",
            t.buffers.0,
            mb(t.buffers.1)
        );
        eprintln!(
            "optional texts left out: {}; texts by length (count, MB): 0 {:?}, 1-7 {:?}, 8-15 {:?}, 16-24 {:?}, longer {:?}",
            t.nones,
            t.by_len[0].0,
            (t.by_len[1].0, mb(t.by_len[1].1)),
            (t.by_len[2].0, mb(t.by_len[2].1)),
            (t.by_len[3].0, mb(t.by_len[3].1)),
            (t.by_len[4].0, mb(t.by_len[4].1)),
        );
        eprintln!(
            "model: {:.1} MB (stories, lists and heap text)",
            mb(stories.len() * size_of::<Story>() + t.list_bytes + t.heap_bytes + t.buffers.1)
        );
    }
}
