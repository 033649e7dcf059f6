//! Building the search index of 1,000 generated stories (70,000 items): all at
//! once from a corpus (sharing its stories, as the explorer's index does), and
//! batch by batch copying the texts hits show, as `storyx search` does.

use std::hint::black_box;

use criterion::Criterion;
use storyx::search::index::Builder;
use storyx::search::Index;

fn bench(c: &mut Criterion) {
    let corpus = storyx::synth::corpus(1000);
    let mut group = c.benchmark_group("index 1000 stories");
    group.sample_size(20);
    group.bench_function("Index::new", |b| {
        b.iter(|| black_box(Index::new(black_box(&corpus))))
    });
    group.bench_function("Builder::copying, 64 stories a batch", |b| {
        b.iter(|| {
            let mut builder = Builder::copying(corpus.stories.len());
            for (n, chunk) in corpus.stories.chunks(64).enumerate() {
                builder.add(n * 64, chunk);
            }
            black_box(builder.finish())
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
