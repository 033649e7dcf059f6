//! `check`'s problems as protocol diagnostics: the same loader and corpus (so the same
//! messages, places and severities, cross-story problems included), each problem's range
//! the token `check` underlines, columns converted to UTF-16.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{DiagnosticSeverity, NumberOrString, Position, Range};

use super::text::Lines;
use crate::corpus::{Corpus, SharedResult};
use crate::story::diagnostic::{source_line, token_len};
use crate::story::load::{from_bytes, FileResult, LoadOptions};
use crate::story::{Diagnostic, Severity};

/// One file's result with its story shared, as the corpus takes it.
pub fn shared(result: FileResult) -> SharedResult {
    SharedResult {
        path: result.path,
        story: result.story.map(Arc::new),
        diagnostics: result.diagnostics,
        io_error: result.io_error,
    }
}

/// Parses a text as the loader does for a file (through its one entry point).
pub fn parse(path: &Path, text: &str) -> SharedResult {
    shared(from_bytes(path, text.as_bytes(), &LoadOptions::default()))
}

/// The corpus of files given in path order (what `check` builds from the same files).
pub fn corpus<'a>(files: impl IntoIterator<Item = &'a SharedResult>) -> Corpus {
    let mut corpus = Corpus::default();
    corpus.extend_shared(files.into_iter().cloned());
    corpus
}

/// Every file's problems, by file, in the corpus's order.
pub fn by_file(corpus: &Corpus) -> HashMap<PathBuf, Vec<Diagnostic>> {
    let mut out: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    for f in &corpus.files {
        out.entry(f.path.clone()).or_default();
    }
    for d in corpus.ordered_diagnostics() {
        out.entry(d.file.clone()).or_default().push(d.clone());
    }
    out
}

/// One problem as a protocol diagnostic, placed in `text`.
pub fn to_lsp(d: &Diagnostic, text: &str, lines: &Lines) -> lsp_types::Diagnostic {
    let range = match d.location {
        Some(l) => {
            let start = lines.position(text, l);
            let len = source_line(text, l.line)
                .map(|line| {
                    let rest: String = line.chars().skip(l.column - 1).collect();
                    token_len(&rest)
                })
                .unwrap_or(1);
            let end = lines.position(
                text,
                crate::story::Location {
                    line: l.line,
                    column: l.column + len,
                },
            );
            Range::new(start, end.max(start))
        }
        None => Range::new(Position::new(0, 0), Position::new(0, 0)),
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: (!d.path.is_empty()).then(|| NumberOrString::String(d.path.clone())),
        source: Some("storyx".into()),
        message: d.message_with_path(),
        ..lsp_types::Diagnostic::default()
    }
}

/// The protocol diagnostics of one story text on its own (no other file): what the
/// server computes for an open document, for the benchmark.
pub fn of_text(path: &Path, text: &str) -> Vec<lsp_types::Diagnostic> {
    let result = parse(path, text);
    let corpus = corpus([&result]);
    let lines = Lines::new(text);
    corpus
        .ordered_diagnostics()
        .into_iter()
        .map(|d| to_lsp(d, text, &lines))
        .collect()
}
