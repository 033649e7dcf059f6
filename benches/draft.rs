//! `storyx draft` on a ~2,000-word article (issue 15: under 20 ms): the development set's
//! two longest articles (Wikinews, CC BY 2.5) one after the other, as one plain-text
//! article, and the same article as HTML. And on articles of many speakers: one paragraph
//! of 2,000 quotations each said by a different person, and one of 1,000 quotations by
//! ranked speakers (`said Spc. X`), whose drafting once grew with speakers times
//! quotations.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use storyx::draft::{draft_yaml, Options};

#[path = "../tests/names/mod.rs"]
mod names;

fn article() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft");
    let mut text = String::new();
    for name in ["wikinews-shuttle-homes.txt", "wikinews-iodine.txt"] {
        text.push_str(&std::fs::read_to_string(dir.join(name)).expect("fixture"));
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = article();
    let words = text.split_whitespace().count();
    assert!((1900..2300).contains(&words), "{words} words");
    let opts = Options {
        date: Some("2011-04-12".into()),
        ..Options::default()
    };
    c.bench_function("draft 2,000-word article (text)", |b| {
        b.iter(|| draft_yaml(black_box(&text), &opts))
    });
    let html: String = std::iter::once("<html><body><h1>Shuttles and iodine</h1>".to_string())
        .chain(text.split("\n\n").map(|p| {
            format!(
                "<p>{}</p>",
                p.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            )
        }))
        .chain(std::iter::once("</body></html>".to_string()))
        .collect();
    let html_opts = Options {
        file_name: Some("article.html".into()),
        ..opts.clone()
    };
    c.bench_function("draft 2,000-word article (HTML)", |b| {
        b.iter(|| draft_yaml(black_box(&html), &html_opts))
    });
}

fn many_speakers(c: &mut Criterion) {
    let mut group = c.benchmark_group("draft many speakers");
    group.sample_size(10);
    let speakers: String = (0..2_000)
        .map(|i| {
            format!(
                "\"Quote number {i} is here,\" said {}. ",
                names::distinct_name(i)
            )
        })
        .collect();
    let speakers = format!("Many voices\n\n{speakers}\n");
    group.bench_function("2,000 distinct speakers in one paragraph", |b| {
        b.iter(|| draft_yaml(black_box(&speakers), &Options::default()))
    });
    let ranked: String = (0..1_000)
        .map(|i| {
            format!(
                "\"Quote {i},\" said Spc. {}. ",
                names::distinct_name(i % 50)
            )
        })
        .collect();
    let ranked = format!("Ranked voices\n\n{ranked}\n");
    group.bench_function("1,000 ranked quotes in one paragraph", |b| {
        b.iter(|| draft_yaml(black_box(&ranked), &Options::default()))
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    many_speakers(&mut c);
    c.final_summary();
}
