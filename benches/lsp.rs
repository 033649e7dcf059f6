//! The language server's diagnostics of one 100 KB story (issue 16: within 50 ms), computed
//! as the server does for an open document (loader, corpus, protocol conversion): a clean
//! story, and one with problems (so the locating pass runs too, as while typing); and the
//! analysis behind completion, hover and the rest.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use lsp_types::Position;
use storyx::lsp::diagnostics::of_text;
use storyx::lsp::syntax::Analysis;

/// A synthetic story of at least `bytes` bytes of YAML: a generated story whose quotes
/// are repeated (without ids, so ids stay unique).
pub fn big_story(bytes: usize) -> String {
    let mut s = storyx::synth::story(0);
    let base = s.quotes.clone();
    let mut yaml = storyx::synth::to_yaml(&s);
    while yaml.len() < bytes {
        for q in &base {
            let mut q = q.clone();
            q.id = None;
            s.quotes.push(q);
        }
        yaml = storyx::synth::to_yaml(&s);
    }
    yaml
}

fn bench(c: &mut Criterion) {
    let clean = big_story(100_000);
    let path = Path::new("big.yaml");
    assert!(of_text(path, &clean)
        .iter()
        .all(|d| d.severity != Some(lsp_types::DiagnosticSeverity::ERROR)));
    let broken = clean
        .replacen("    kind: direct", "    kind: direkt", 1)
        .replacen("  - by: ", "  - by: nobody-at-all\n    via: ", 1)
        + "quotse: []\n";
    let problems = of_text(path, &broken);
    assert!(problems.len() >= 3, "{problems:?}");
    eprintln!(
        "story: {} bytes, {} problems when broken",
        clean.len(),
        problems.len()
    );
    c.bench_function("lsp_diagnostics_100kb_clean", |b| {
        b.iter(|| black_box(of_text(path, black_box(&clean))))
    });
    c.bench_function("lsp_diagnostics_100kb_with_problems", |b| {
        b.iter(|| black_box(of_text(path, black_box(&broken))))
    });
    c.bench_function("lsp_analysis_100kb", |b| {
        b.iter(|| black_box(Analysis::of(black_box(&clean))))
    });
    let doc = storyx::lsp::doc::Doc::new("file:///big.yaml".parse().expect("uri"), clean.clone());
    let line = clean
        .lines()
        .position(|l| l.starts_with("  - by: "))
        .expect("a quote") as u32;
    let snap = storyx::lsp::worker::Snapshot::default();
    c.bench_function("lsp_completion_100kb_by", |b| {
        b.iter(|| {
            let doc = storyx::lsp::doc::Doc::new(doc.uri.clone(), doc.text.clone());
            black_box(storyx::lsp::completion::complete(
                &doc,
                &snap,
                Position::new(line, 8),
            ))
        })
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
