//! `check`'s problems as protocol diagnostics: the same loader and corpus (so the same
//! messages, places and severities), the same cross-story warnings computed from the
//! texts the server holds ([`corpus`]), each problem's range the token `check`
//! underlines, columns converted to UTF-16, and the other place a problem concerns (a
//! cross-story warning's earlier story) as its related information.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString, Position, Range, Url,
};

use super::text::Lines;
use crate::corpus::{Corpus, SharedResult};
use crate::story::across::{FirstSeen, Places};
use crate::story::diagnostic::{source_line, token_len};
use crate::story::load::{from_bytes, FileResult, LoadOptions};
use crate::story::{Diagnostic, Location, Related, Severity};

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

/// The corpus of files given in path order, each story's cross-story warnings computed
/// against the stories before it (what `check` builds from the same files). `text_of`
/// gives a file's text, to place the warnings (an open document's unsaved text);
/// `places` keeps what was found in files across calls.
pub fn corpus<'a>(
    files: impl IntoIterator<Item = &'a SharedResult>,
    places: &mut Places,
    text_of: &dyn Fn(&Path) -> Option<String>,
) -> Corpus {
    let mut seen = FirstSeen::default();
    let results: Vec<SharedResult> = files
        .into_iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(story) = &r.story {
                seen.add_warnings(story, &r.path, &mut r.diagnostics, places, text_of);
            }
            r
        })
        .collect();
    let mut corpus = Corpus::default();
    corpus.extend_shared(results);
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

/// The range `check` underlines at a place of `text`: the token there.
fn range(text: &str, lines: &Lines, at: Option<Location>) -> Range {
    let Some(l) = at else {
        return Range::new(Position::new(0, 0), Position::new(0, 0));
    };
    let start = lines.position(text, l);
    let len = source_line(text, l.line)
        .map(|line| {
            let rest: String = line.chars().skip(l.column - 1).collect();
            token_len(&rest)
        })
        .unwrap_or(1);
    let end = lines.position(
        text,
        Location {
            line: l.line,
            column: l.column + len,
        },
    );
    Range::new(start, end.max(start))
}

/// A file's document: its URI and text (an open document's, else the file's).
pub type Source<'a> = &'a dyn Fn(&Path) -> Option<(Url, String)>;

/// The other place a problem concerns, in its file's URI and UTF-16 range.
fn related(r: &Related, source: Source) -> Option<DiagnosticRelatedInformation> {
    let (uri, text) = source(&r.file)?;
    let lines = Lines::new(&text);
    Some(DiagnosticRelatedInformation {
        location: lsp_types::Location {
            uri,
            range: range(&text, &lines, r.location),
        },
        message: "the earlier story's value".into(),
    })
}

/// One problem as a protocol diagnostic, placed in `text`; `source` gives the other
/// files a problem may point to.
pub fn to_lsp(d: &Diagnostic, text: &str, lines: &Lines, source: Source) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: range(text, lines, d.location),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: (!d.path.is_empty()).then(|| NumberOrString::String(d.path.clone())),
        source: Some("storyx".into()),
        message: d.message_with_path(),
        related_information: d
            .related
            .as_deref()
            .and_then(|r| related(r, source))
            .map(|r| vec![r]),
        ..lsp_types::Diagnostic::default()
    }
}

/// The protocol diagnostics of one story text on its own (no other file): what the
/// server computes for an open document, for the benchmark.
pub fn of_text(path: &Path, text: &str) -> Vec<lsp_types::Diagnostic> {
    let result = parse(path, text);
    let own = |p: &Path| (p == path).then(|| text.to_string());
    let corpus = corpus([&result], &mut Places::default(), &own);
    let lines = Lines::new(text);
    let source = |_: &Path| None;
    corpus
        .ordered_diagnostics()
        .into_iter()
        .map(|d| to_lsp(d, text, &lines, &source))
        .collect()
}
