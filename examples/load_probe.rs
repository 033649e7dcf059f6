//! A measuring aid for issue 19 (the explorer's warm load): loads the stories
//! under PATH... as the explorer's loader thread does (packed, groups on threads
//! of their own, cross-story warnings, batches of 32 doubling up to 128, each
//! added to one corpus as the event loop adds it), through the parsed-corpus
//! cache (`$XDG_CACHE_HOME/storyx`), without a terminal: for instruction counts
//! under callgrind, which cannot run the explorer itself (its clock reads the
//! vDSO, which valgrind does not map as rustix expects). Prints the stories and
//! how the cache served them.
//!
//! ```sh
//! target/release/examples/load_probe DIR   # once, to write its pack
//! valgrind --tool=callgrind target/release/examples/load_probe DIR
//! ```

use std::path::PathBuf;

use storyx::corpus::load::Loader;
use storyx::corpus::Corpus;
use storyx::story::load::LoadOptions;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let cache = storyx::cache::Cache::default_location();
    let loader = Loader::new(&paths, LoadOptions::default(), cache.as_ref()).packing();
    let mut corpus = Corpus::default();
    let mut size = 32;
    let sizes = || {
        let this = size;
        size = (size * 2).min(128);
        this
    };
    let stats = loader.hand_over(sizes, |results, _| {
        corpus.extend(results);
        true
    });
    println!(
        "{} stories, {} problems; {stats:?}",
        corpus.stories.len(),
        corpus.diagnostics.len()
    );
    // As the explorer, which does not free its stories one by one at the end.
    std::mem::forget(corpus);
}
