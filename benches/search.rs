//! Search speed on a 100,000-item synthetic corpus: the time from a keystroke to the
//! final ranked top 50 (with highlights), for the typed sequences f … fisher and
//! t … trade war, and a realistic typing with typos and backspaces (`TYPED_REALISTIC`),
//! against a plain baseline (one thread, SkimMatcherV2 on every field of
//! every item, full sort).
//!
//! First prints a latency table (p50/p99 per keystroke, which criterion does not give),
//! then runs the criterion benchmarks. `STORYX_BENCH_RUNS=N` sets the table's runs per
//! keystroke (default 200); `STORYX_BENCH_NO_TABLE=1` skips the table.
//! `STORYX_BENCH_STORIES=N` measures the engine alone (no baselines, no criterion)
//! on N generated stories instead (issue 19: 100,000 stories, about 10 million items):
//! `STORYX_BENCH_STORIES=100000 STORYX_BENCH_RUNS=20 cargo bench --bench search`.
//! `STORYX_BENCH_REALISTIC_ONLY=1` measures the realistic typing alone;
//! `STORYX_BENCH_EACH=1` prints its every keystroke's median and hit count.
//! The two-letter answers are built after indexing (as the explorer's worker does
//! when idle after a load) and timed apart; `STORYX_BENCH_NO_PAIRS=1` leaves them out.
//! The stories are packed as the explorer's loader packs them (each
//! [`PACKED_TOGETHER`] stories' texts in one buffer, so the index reads a long
//! ASCII main text or detail from its story, lower-cased, instead of keeping it
//! folded); `STORYX_BENCH_UNPACKED=1` measures the stories as generated (every
//! text kept folded in the index: the path measured before stop 19).
//!
//! ```sh
//! cargo bench --bench search                  # the table, then criterion
//! cargo bench --bench search -- table-only    # the table alone (the filter matches no benchmark)
//! ```
//!
//! Table columns: `p50`/`p99`/`max` the engine right after the keystroke before it (as
//! when typing); `fresh50` the engine with nothing to narrow from; `base p50` the baseline;
//! `ratio50` base p50 / p50; `same p50` the plain method with the engine's own scoring
//! (one thread, every item scored in full, full sort); `hits` the matching items.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use storyx::corpus::load::PACKED_TOGETHER;
use storyx::search::items::story_items;
use storyx::search::{engine, Index, Options, Searcher};
use storyx::story::Story;
use storyx::synth::{
    TYPED_FISHER as FISHER, TYPED_REALISTIC as REALISTIC, TYPED_SCATTERED as SCATTERED,
    TYPED_TRADE_WAR as TRADE_WAR,
};

const ITEMS: usize = 100_000;
const TOP: usize = 50;

/// The baseline: every searchable text of every item, as plain strings.
struct Plain {
    fields: Vec<Vec<String>>,
    main: Vec<String>,
    matcher: SkimMatcherV2,
}

impl Plain {
    fn new(corpus: &storyx::corpus::Corpus) -> Plain {
        let mut fields = Vec::new();
        let mut main = Vec::new();
        for (si, story) in corpus.stories.iter().enumerate() {
            for item in story_items(si, story) {
                fields.push(item.fields.iter().map(|f| f.text.to_string()).collect());
                main.push(item.text.to_string());
            }
        }
        Plain {
            fields,
            main,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// One thread: skim every field for every word, sum the best per word, sort all, keep 50.
    fn top(&self, query: &str) -> Vec<(i64, usize, Vec<usize>)> {
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut all = Vec::new();
        'items: for (i, fields) in self.fields.iter().enumerate() {
            let mut total = 0;
            for w in &words {
                match fields
                    .iter()
                    .filter_map(|f| self.matcher.fuzzy_match(f, w))
                    .max()
                {
                    Some(s) => total += s,
                    None => continue 'items,
                }
            }
            all.push((total, i));
        }
        all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        all.truncate(TOP);
        all.into_iter()
            .map(|(s, i)| {
                let pos = words
                    .iter()
                    .filter_map(|w| self.matcher.fuzzy_indices(&self.main[i], w))
                    .flat_map(|(_, p)| p)
                    .collect();
                (s, i, pos)
            })
            .collect()
    }
}

struct Setup {
    index: Arc<Index>,
    /// The baseline, unless only the engine is measured.
    plain: Option<Plain>,
}

/// Stories to measure the engine alone on (`STORYX_BENCH_STORIES`).
fn stories() -> Option<usize> {
    std::env::var("STORYX_BENCH_STORIES").ok()?.parse().ok()
}

fn setup() -> Setup {
    let t = Instant::now();
    let mut corpus = match stories() {
        Some(n) => storyx::synth::corpus(n),
        None => storyx::synth::corpus_with_items(ITEMS),
    };
    let generated = t.elapsed();
    let packed = std::env::var_os("STORYX_BENCH_UNPACKED").is_none();
    if packed {
        pack(&mut corpus);
    }
    let t = Instant::now();
    let index = Arc::new(Index::new(&corpus));
    let indexed = t.elapsed();
    // The two-letter answers, which the explorer's worker builds when idle after a
    // load (not on the load path): timed apart.
    let t = Instant::now();
    let paired = std::env::var_os("STORYX_BENCH_NO_PAIRS").is_none();
    if paired {
        storyx::search::pairs::build(&index);
    }
    let pairs = t.elapsed();
    let plain = stories().is_none().then(|| Plain::new(&corpus));
    eprintln!(
        "corpus: {} stories ({}), {} items; generated in {generated:.2?}, indexed in {indexed:.2?}; {index:?}",
        corpus.stories.len(),
        if packed {
            "packed as the explorer packs them"
        } else {
            "unpacked: STORYX_BENCH_UNPACKED"
        },
        index.len(),
    );
    if paired {
        eprintln!(
            "two-letter answers and names directory built in {pairs:.2?} (after indexing, as when idle after a load): {} bytes",
            index.idle_bytes()
        );
    } else {
        eprintln!("no two-letter answers (STORYX_BENCH_NO_PAIRS)");
    }
    Setup { index, plain }
}

/// Packs the stories as the explorer's loader does ([`storyx::corpus::load::Loader::packing`]):
/// the texts of each [`PACKED_TOGETHER`] stories in one buffer.
fn pack(corpus: &mut storyx::corpus::Corpus) {
    let mut stories: Vec<Story> = corpus.stories.iter().map(|s| (**s).clone()).collect();
    for group in stories.chunks_mut(PACKED_TOGETHER) {
        Story::pack_together(&mut group.iter_mut().collect::<Vec<_>>());
    }
    corpus.stories = stories.into_iter().map(Arc::new).collect();
}

fn options() -> Options {
    Options {
        limit: TOP,
        kind: None,
    }
}

/// The time of one keystroke: the searcher has just answered the query before it.
fn keystroke(searcher: &mut Searcher, before: Option<&str>, query: &str) -> Duration {
    searcher.reset();
    if let Some(b) = before {
        black_box(searcher.search(b, &options()));
    }
    let t = Instant::now();
    black_box(searcher.search(query, &options()));
    t.elapsed()
}

fn fresh(searcher: &mut Searcher, query: &str) -> Duration {
    keystroke(searcher, None, query)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:8.2}", d.as_secs_f64() * 1e3)
}

fn table(s: &Setup) {
    let runs: usize = std::env::var("STORYX_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let base_runs = if s.plain.is_some() { 7 } else { 0 };
    if std::env::var_os("STORYX_BENCH_REALISTIC_ONLY").is_some() {
        return realistic(s, runs);
    }
    let mut searcher = Searcher::new(Arc::clone(&s.index));
    println!(
        "\nkeystroke → ranked top {TOP}, {} items, {} threads; engine: {runs} runs, baseline: {base_runs} runs (ms)",
        s.index.len(),
        rayon::current_num_threads()
    );
    println!(
        "{:<12} {:>8} {:>8} {:>8} {:>8} {:>10} {:>8} {:>10} {:>8}",
        "query", "p50", "p99", "max", "fresh50", "base p50", "ratio50", "same p50", "hits"
    );
    let mut every = Vec::new();
    for seq in [FISHER, TRADE_WAR, SCATTERED] {
        for (i, q) in seq.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| seq[j]);
            let mut t: Vec<Duration> = (0..runs)
                .map(|_| keystroke(&mut searcher, before, q))
                .collect();
            t.sort();
            let mut f: Vec<Duration> = (0..runs.min(50)).map(|_| fresh(&mut searcher, q)).collect();
            f.sort();
            let mut b: Vec<Duration> = (0..base_runs)
                .filter_map(|_| {
                    let t0 = Instant::now();
                    black_box(s.plain.as_ref()?.top(q));
                    Some(t0.elapsed())
                })
                .collect();
            b.sort();
            let mut same: Vec<Duration> = (0..base_runs)
                .map(|_| {
                    let t0 = Instant::now();
                    black_box(engine::reference(&s.index, q, &options()));
                    t0.elapsed()
                })
                .collect();
            same.sort();
            let hits = searcher.search(q, &options()).total;
            let or_none = |v: &[Duration]| {
                if v.is_empty() {
                    format!("{:>8}", "-")
                } else {
                    ms(pct(v, 0.5))
                }
            };
            let ratio = if b.is_empty() {
                0.0
            } else {
                pct(&b, 0.5).as_secs_f64() / pct(&t, 0.5).as_secs_f64()
            };
            println!(
                "{:<12} {} {} {} {} {:>10} {:>8.1} {:>10} {:>8}",
                format!("{q:?}"),
                ms(pct(&t, 0.5)),
                ms(pct(&t, 0.99)),
                ms(t[t.len() - 1]),
                ms(pct(&f, 0.5)),
                or_none(&b),
                ratio,
                or_none(&same),
                hits
            );
            if seq != SCATTERED {
                every.extend(t);
            }
        }
    }
    every.sort();
    println!(
        "all keystrokes of the two typed sequences: p50 {} ms, p99 {} ms, max {} ms",
        ms(pct(&every, 0.5)).trim(),
        ms(pct(&every, 0.99)).trim(),
        ms(every[every.len() - 1]).trim()
    );
    realistic(s, runs);
}

/// The realistic typing (`TYPED_REALISTIC`: names, a quote fragment, typos mended by
/// backspaces, everything erased) typed in order by one searcher, as the explorer's
/// worker does, `runs` times (at most 20): every keystroke timed twice, until the
/// first answer shown (the best rows from the names while counting, when the
/// engine has them, else the full answer) and until the full answer (the count exact).
fn realistic(s: &Setup, runs: usize) {
    let mut shown = Vec::new();
    let mut complete = Vec::new();
    let mut cpu_shown = Vec::new();
    let mut cpu_complete = Vec::new();
    let mut slowest = [(Duration::ZERO, ""); 2];
    let mut each = vec![(Vec::new(), Vec::new()); REALISTIC.len()];
    for _ in 0..runs.clamp(1, 20) {
        let mut searcher = Searcher::new(Arc::clone(&s.index));
        for (i, q) in REALISTIC.iter().enumerate() {
            let c0 = cpu();
            let t0 = Instant::now();
            let page = black_box(searcher.page(q, &options()));
            let first = t0.elapsed();
            let c1 = cpu();
            black_box(searcher.search(q, &options()));
            let all = t0.elapsed();
            let c2 = cpu();
            let (first, c1) = if page.is_some() {
                (first, c1)
            } else {
                (all, c2)
            };
            for (d, slow) in [first, all].into_iter().zip(slowest.iter_mut()) {
                if d > slow.0 {
                    *slow = (d, q);
                }
            }
            shown.push(first);
            complete.push(all);
            cpu_shown.push(c1.saturating_sub(c0));
            cpu_complete.push(c2.saturating_sub(c0));
            each[i].0.push(first);
            each[i].1.push(all);
        }
    }
    if std::env::var_os("STORYX_BENCH_EACH").is_some() {
        println!("realistic typing, each keystroke (median ms until shown, until complete; max shown, max complete; hits):");
        let mut searcher = Searcher::new(Arc::clone(&s.index));
        for (q, (mut a, mut b)) in REALISTIC.iter().zip(each) {
            a.sort();
            b.sort();
            let hits = searcher.search(q, &options()).total;
            println!(
                "{:<24} {} {} {} {} {:>9}",
                format!("{q:?}"),
                ms(pct(&a, 0.5)),
                ms(pct(&b, 0.5)),
                ms(a[a.len() - 1]),
                ms(b[b.len() - 1]),
                hits
            );
        }
    }
    for (what, mut t, slow) in [
        (
            "first answer shown (best rows, maybe still counting)",
            shown,
            slowest[0],
        ),
        ("complete answer (count exact)", complete, slowest[1]),
    ] {
        t.sort();
        println!(
            "realistic typing, {} keystrokes × {} runs (typos, backspaces, erased), {what}: p50 {} ms, p99 {} ms, max {} ms ({:?})",
            REALISTIC.len(),
            t.len() / REALISTIC.len(),
            ms(pct(&t, 0.5)).trim(),
            ms(pct(&t, 0.99)).trim(),
            ms(slow.0).trim(),
            slow.1
        );
    }
    // The CPU time of the whole process (every thread) per keystroke: on a busy
    // machine it moves less than the wall clock (the clock's step is a few ms,
    // so the percentiles are coarse).
    for (what, mut t) in [
        ("first answer shown", cpu_shown),
        ("complete answer", cpu_complete),
    ] {
        t.sort();
        let total: Duration = t.iter().sum();
        println!(
            "realistic typing, CPU time (user+sys, all threads) per keystroke, {what}: p50 {} ms, p99 {} ms, max {} ms, total {} ms",
            ms(pct(&t, 0.5)).trim(),
            ms(pct(&t, 0.99)).trim(),
            ms(t[t.len() - 1]).trim(),
            ms(total).trim(),
        );
    }
    println!();
}

/// The CPU time (user + system) the process has used so far, every thread.
#[allow(unsafe_code)]
fn cpu() -> Duration {
    // SAFETY: getrusage writes the struct it is given, which lives for the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; RUSAGE_SELF is a valid `who`.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return Duration::ZERO;
    }
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

fn criterion_benches(c: &mut Criterion, s: &Setup) {
    for (name, seq) in [
        ("fisher", FISHER),
        ("trade-war", TRADE_WAR),
        ("scattered", SCATTERED),
    ] {
        let mut group = c.benchmark_group(format!("keystroke/{name}"));
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
        for (i, q) in seq.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| seq[j]);
            let mut searcher = Searcher::new(Arc::clone(&s.index));
            group.bench_with_input(BenchmarkId::new("engine", q), q, |b, q| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| keystroke(&mut searcher, before, q))
                        .sum()
                })
            });
        }
        group.finish();
        if name == "scattered" {
            continue;
        }

        let mut group = c.benchmark_group(format!("keystroke/{name}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(1));
        group.measurement_time(Duration::from_secs(3));
        let Some(plain) = &s.plain else {
            continue;
        };
        for q in seq {
            group.bench_with_input(BenchmarkId::new("baseline", q), q, |b, q| {
                b.iter(|| black_box(plain.top(q)))
            });
        }
        group.finish();
    }
}

fn main() {
    let s = setup();
    if std::env::var_os("STORYX_BENCH_NO_TABLE").is_none() {
        table(&s);
    }
    if s.plain.is_none() {
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    criterion_benches(&mut c, &s);
    c.final_summary();
}
