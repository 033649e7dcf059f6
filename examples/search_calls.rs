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
//! # the realistic typing on N stories packed as the explorer packs them, with the
//! # two-letter answers and the names built, ROUNDS times: keystrokes FROM..=TO
//! # (places in `TYPED_REALISTIC`) timed, the ones before typed untimed; with
//! # STORYX_PERF_CTL=FIFO, perf is enabled only around the timed keystrokes:
//! mkfifo /tmp/ctl /tmp/ack
//! STORYX_PERF_CTL=/tmp/ctl perf record -g -D -1 --control fifo:/tmp/ctl,/tmp/ack \
//!     target/release/examples/search_calls keys 100000 5 90 92
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

/// Packs the stories as the explorer's loader does (as the search bench does).
fn pack(corpus: &mut storyx::corpus::Corpus) {
    use storyx::story::Story;
    let mut stories: Vec<Story> = corpus.stories.iter().map(|s| (**s).clone()).collect();
    for group in stories.chunks_mut(storyx::corpus::load::PACKED_TOGETHER) {
        Story::pack_together(&mut group.iter_mut().collect::<Vec<_>>());
    }
    corpus.stories = stories.into_iter().map(Arc::new).collect();
}

/// Writes a command to perf's control fifo, if one is given (`STORYX_PERF_CTL`).
fn perf(command: &str) {
    if let Some(path) = std::env::var_os("STORYX_PERF_CTL") {
        use std::io::Write;
        if let Ok(mut ctl) = std::fs::OpenOptions::new().write(true).open(path) {
            let _ = writeln!(ctl, "{command}");
        }
        // perf acknowledges through its own fifo; a short pause stands in for reading it.
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The CPU time (user + system) the process has used so far, every thread.
#[allow(unsafe_code)]
fn cpu_ms() -> f64 {
    // SAFETY: getrusage writes the struct it is given, which lives for the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; RUSAGE_SELF is a valid `who`.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// The realistic typing, `rounds` times, keystrokes `from..=to` timed (see the top).
fn keys(args: &[String]) {
    let arg = |i: usize, d: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(d);
    let typed = storyx::synth::TYPED_REALISTIC;
    let (n, rounds, from) = (arg(2, 100_000), arg(3, 5), arg(4, 0));
    let to = arg(5, typed.len() - 1).min(typed.len() - 1);
    let mut corpus = storyx::synth::corpus(n);
    pack(&mut corpus);
    let index = Arc::new(Index::new(&corpus));
    storyx::search::pairs::build(&index);
    println!("{index:?}");
    let options = Options::default();
    // Per keystroke, per round: ms until shown (the page, or else the full
    // answer), until the full answer, CPU ms until shown; whether a page came.
    let mut times = vec![Vec::new(); to + 1 - from];
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    for _ in 0..rounds {
        let mut searcher = Searcher::new(Arc::clone(&index));
        for q in &typed[..from] {
            let _ = searcher.page(q, &options);
            searcher.search(q, &options);
        }
        perf("enable");
        for (i, q) in typed[from..=to].iter().enumerate() {
            let c = cpu_ms();
            let t = std::time::Instant::now();
            let page = std::hint::black_box(searcher.page(q, &options));
            let (shown, cpu_shown) = (t.elapsed().as_secs_f64() * 1e3, cpu_ms() - c);
            let r = searcher.search(q, &options);
            let all = t.elapsed().as_secs_f64() * 1e3;
            let cpu_all = cpu_ms() - c;
            format!("{page:?}{r:?}").hash(&mut digest);
            times[i].push(match page {
                Some(_) => (shown, all, cpu_shown, true, r.total),
                None => (all, all, cpu_all, false, r.total),
            });
        }
        perf("disable");
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{:<22} {:>8} | median ms: shown, complete, CPU until shown | shown each round",
        "query", "hits"
    );
    let mut every = Vec::new();
    for (q, t) in typed[from..=to].iter().zip(times) {
        let rounds: Vec<String> = t
            .iter()
            .map(|(shown, _, _, page, _)| format!("{shown:6.1}{}", if *page { "p" } else { " " }))
            .collect();
        every.extend(t.iter().map(|x| x.0));
        println!(
            "{:<22} {:>8} | {:7.1} {:7.1} {:7.1} | {}",
            format!("{q:?}"),
            t[0].4,
            median(t.iter().map(|x| x.0).collect()),
            median(t.iter().map(|x| x.1).collect()),
            median(t.iter().map(|x| x.2).collect()),
            rounds.join(" ")
        );
    }
    every.sort_by(f64::total_cmp);
    let pct = |p: f64| every[((every.len() - 1) as f64 * p).round() as usize];
    println!(
        "shown: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; digest {:016x}",
        pct(0.5),
        pct(0.99),
        pct(1.0),
        digest.finish()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("keys") {
        return keys(&args);
    }
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
