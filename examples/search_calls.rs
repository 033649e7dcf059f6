//! A repeatable driver for instruction counts (valgrind --tool=callgrind): builds the
//! index of the search bench's 100,000-item corpus, then types the bench's sequences
//! (each keystroke after the one before it) and a few fresh and kind-filtered queries,
//! and prints a digest of every answer (so two builds can be checked to agree).
//!
//! ```sh
//! cargo build --release --example search_calls
//! # instructions of the whole run, of the run without typing (`build`), and of the
//! # run without the index (`gen`): typing is all - build, indexing build - gen
//! RAYON_NUM_THREADS=1 valgrind --tool=callgrind target/release/examples/search_calls
//! RAYON_NUM_THREADS=1 valgrind --tool=callgrind target/release/examples/search_calls build
//! RAYON_NUM_THREADS=1 valgrind --tool=callgrind target/release/examples/search_calls gen
//! # the realistic typing (`synth::TYPED_REALISTIC`) on N generated stories, each
//! # keystroke's time printed (for perf; callgrind with --toggle-collect=*realistic*)
//! target/release/examples/search_calls realistic 10000
//! ```

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use storyx::search::{Index, Kind, Options, Results, Searcher};

const SEQUENCES: &[&[&str]] = &[
    storyx::synth::TYPED_FISHER,
    storyx::synth::TYPED_TRADE_WAR,
    storyx::synth::TYPED_SCATTERED,
    &["l", "li", "li ", "li w", "li we", "li wei"],
    &["e", "x", "2", "q"],
];

#[inline(never)]
fn typing(index: &Arc<Index>) -> Vec<Results> {
    let mut all = Vec::new();
    let mut searcher = Searcher::new(Arc::clone(index));
    for kind in [None, Some(Kind::Quote)] {
        let options = Options { limit: 50, kind };
        for seq in SEQUENCES {
            searcher.reset();
            for q in *seq {
                all.push(searcher.search(q, &options));
            }
        }
    }
    all
}

/// Types the realistic sequence once, printing each keystroke's time and hits.
#[inline(never)]
fn realistic(index: &Arc<Index>) {
    let mut searcher = Searcher::new(Arc::clone(index));
    let options = Options::default();
    for q in storyx::synth::TYPED_REALISTIC {
        let t = std::time::Instant::now();
        let results = searcher.search(q, &options);
        println!(
            "{:<24} {:>9.2} ms {:>9}",
            format!("{q:?}"),
            t.elapsed().as_secs_f64() * 1e3,
            results.total
        );
    }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("realistic") {
        let n = std::env::args()
            .nth(2)
            .and_then(|n| n.parse().ok())
            .unwrap_or(10_000);
        let index = Arc::new(Index::new(&storyx::synth::corpus(n)));
        println!("{index:?}");
        return realistic(&index);
    }
    let corpus = storyx::synth::corpus_with_items(100_000);
    if std::env::args().nth(1).as_deref() == Some("gen") {
        return;
    }
    let index = Arc::new(Index::new(&corpus));
    println!("{index:?}");
    if std::env::args().nth(1).as_deref() == Some("build") {
        return;
    }
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    for results in typing(&index) {
        format!("{results:?}").hash(&mut digest);
    }
    println!("digest {:016x}", digest.finish());
}
