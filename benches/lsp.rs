//! The language server's diagnostics of one 100 KB story (issue 16: within 50 ms), computed
//! as the server does for an open document (loader, corpus, protocol conversion): a clean
//! story, and one with problems (so the locating pass runs too, as while typing); the same
//! story edited in a workspace of 200 other stories, as the worker recomputes it (the
//! corpus and the cross-story warnings of everything, one of them against the open
//! story); and the analysis behind completion, hover and the rest.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::Criterion;
use lsp_types::{Position, Url};
use storyx::lsp::diagnostics::{self, of_text};
use storyx::lsp::syntax::Analysis;
use storyx::lsp::text::Lines;
use storyx::story::across::Places;

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
    workspace(c, &clean);
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

/// The open story (the last in path order) among 200 generated stories, one of which
/// names one of its parties otherwise: what the worker does after a keystroke.
fn workspace(c: &mut Criterion, open_text: &str) {
    let mut texts: HashMap<PathBuf, String> = HashMap::new();
    let mut order = Vec::new();
    let open = PathBuf::from("/ws/zz-open.yaml");
    let open_story = storyx::synth::story(0);
    for n in 1..=200 {
        let mut s = storyx::synth::story(n);
        if n == 1 {
            // Another story gives the open story's first party another name.
            let mut p = open_story.parties[0].clone();
            p.name = "Someone Else Entirely".into();
            s.parties.push(p);
        }
        let path = PathBuf::from(format!("/ws/s{n:03}.yaml"));
        texts.insert(path.clone(), storyx::synth::to_yaml(&s));
        order.push(path);
    }
    let disk: Vec<_> = order
        .iter()
        .map(|p| diagnostics::parse(p, &texts[p]))
        .collect();
    let mut places = Places::default();
    let mut run = |text: &str| {
        let result = diagnostics::parse(&open, text);
        places.forget(&open);
        let text_of = |p: &Path| {
            if p == open {
                Some(text.to_string())
            } else {
                texts.get(p).cloned()
            }
        };
        let corpus = diagnostics::corpus(disk.iter().chain([&result]), &mut places, &text_of);
        let lines = Lines::new(text);
        let source = |p: &Path| Some((Url::from_file_path(p).ok()?, text_of(p)?));
        corpus
            .ordered_diagnostics()
            .into_iter()
            .filter(|d| d.file == open)
            .map(|d| diagnostics::to_lsp(d, text, &lines, &source))
            .collect::<Vec<_>>()
    };
    let found = run(open_text);
    assert!(
        found.iter().any(|d| d.related_information.is_some()),
        "{found:?}"
    );
    c.bench_function("lsp_diagnostics_100kb_in_workspace_200", |b| {
        b.iter(|| black_box(run(black_box(open_text))))
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
