//! Loading 1,000 generated stories from disk (issue 6): parsed (the cold load, no
//! cache), and served from the parsed-corpus cache (the warm load); with the plain
//! one-thread serde_yaml parse into `serde_yaml::Value` they are measured against.
//!
//! The stories are written to a temporary folder first; the cache lives in another.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use storyx::cache::Cache;
use storyx::corpus::load::{load_paths, load_paths_cached};
use storyx::story::load::LoadOptions;

const STORIES: usize = 1000;

fn write_corpus(dir: &Path) -> Vec<PathBuf> {
    (0..STORIES)
        .map(|i| {
            let story = storyx::synth::story(i);
            let path = dir.join(&story.file);
            std::fs::write(&path, storyx::synth::to_yaml(&story)).expect("written");
            path
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let stories = tempfile::tempdir().expect("temp dir");
    let files = write_corpus(stories.path());
    let root = vec![stories.path().to_path_buf()];
    let opts = LoadOptions::default();
    let home = tempfile::tempdir().expect("temp dir");
    let cache = Cache {
        settle: Duration::ZERO,
        ..Cache::at(home.path().join("storyx"))
    };
    let (_, stats) = load_paths_cached(&root, &opts, Some(&cache));
    assert!(stats.written, "the cache is filled");

    let mut group = c.benchmark_group("load 1000 stories");
    group.sample_size(10);
    group.bench_function("baseline: one thread, serde_yaml::Value", |b| {
        b.iter(|| {
            for path in &files {
                let text = std::fs::read_to_string(path).expect("UTF-8");
                black_box(serde_yaml::from_str::<serde_yaml::Value>(&text).expect("YAML"));
            }
        })
    });
    group.bench_function("cold: parse and validate", |b| {
        b.iter(|| black_box(load_paths(&root, &opts)))
    });
    group.bench_function("warm: from the cache", |b| {
        b.iter(|| {
            let (corpus, stats) = load_paths_cached(&root, &opts, Some(&cache));
            assert_eq!(stats.hits, STORIES);
            black_box(corpus)
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
