//! The semantic diff (issue 17): 1,000 generated stories compared with themselves
//! (nothing changed: the common case of `storyx diff` and of the explorer's check
//! of reviewed stories), with an edited version whose quotes and events lost their
//! ids and were reordered (every item paired by words), and one story of 2,000
//! id-less quotes reordered (the quadratic pairing at its largest). And the
//! explorer's store thread at start-up: 1,000 reviewed stories, each read back from
//! the store of reviewed versions (a file each, checked and decoded) and compared
//! with the version loaded (`host::review::answer`), unchanged and edited.

use std::hint::black_box;

use criterion::Criterion;
use storyx::story::Story;

/// The story with its quotes' and events' ids dropped, both lists reversed, and
/// one quote's words edited.
fn edited(s: &Story) -> Story {
    let mut s = s.clone();
    for q in &mut s.quotes {
        q.id = None;
    }
    s.quotes.reverse();
    if let Some(q) = s.quotes.first_mut() {
        q.text = format!("{} indeed", q.text).into();
    }
    for e in &mut s.timeline {
        e.id = None;
    }
    s
}

fn bench(c: &mut Criterion) {
    let corpus = storyx::synth::corpus(1000);
    let stories: Vec<Story> = corpus.stories.iter().map(|s| (**s).clone()).collect();
    let plain: Vec<Story> = stories
        .iter()
        .map(|s| {
            let mut s = s.clone();
            for q in &mut s.quotes {
                q.id = None;
            }
            for e in &mut s.timeline {
                e.id = None;
            }
            s
        })
        .collect();
    let changed: Vec<Story> = stories.iter().map(edited).collect();
    let mut group = c.benchmark_group("diff 1000 stories");
    group.sample_size(20);
    group.bench_function("unchanged", |b| {
        b.iter(|| black_box(storyx::diff::sets(black_box(&stories), black_box(&stories))))
    });
    group.bench_function("id-less quotes and events reordered, one edit each", |b| {
        b.iter(|| black_box(storyx::diff::sets(black_box(&plain), black_box(&changed))))
    });
    group.finish();

    // The store thread's work for each reviewed story at start-up.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = storyx::reviewed::Store {
        dir: dir.path().join("reviewed"),
        cap: storyx::reviewed::DEFAULT_CAP,
    };
    for s in &stories {
        store.save("bench", s).expect("kept");
    }
    let answer_all = |loaded: &[Story]| {
        loaded
            .iter()
            .enumerate()
            .map(|(i, s)| {
                storyx::host::review::answer(&store, "bench", i as u64, s.id.to_string(), Some(s))
            })
            .collect::<Vec<_>>()
    };
    let mut group = c.benchmark_group("explorer: 1000 reviewed stories read back and compared");
    group.sample_size(10);
    group.bench_function("unchanged", |b| b.iter(|| black_box(answer_all(&stories))));
    group.bench_function("each edited", |b| {
        b.iter(|| black_box(answer_all(&changed)))
    });
    group.finish();

    let mut big = stories[0].clone();
    let quotes = big.quotes.clone();
    big.quotes = (0..2000)
        .map(|i| {
            let mut q = quotes[i % quotes.len()].clone();
            q.id = None;
            q.text = format!("{} number {i}", q.text).into();
            q
        })
        .collect();
    let mut reordered = big.clone();
    reordered.quotes.reverse();
    let mut group = c.benchmark_group("diff one story");
    group.sample_size(10);
    group.bench_function("2000 id-less quotes reordered", |b| {
        b.iter(|| black_box(storyx::diff::story(black_box(&big), black_box(&reordered))))
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
