//! `storyx draft` on a ~2,000-word article (issue 15: under 20 ms): the development set's
//! two longest articles (Wikinews, CC BY 2.5) one after the other, as one plain-text
//! article, and the same article as HTML.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use storyx::draft::{draft_yaml, Options};

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

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
