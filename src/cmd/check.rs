//! `storyx check`: every problem of every file, with its place, as pretty, short or JSON.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde_json::json;
use unicode_width::UnicodeWidthStr;

use crate::cli::{CheckFormat, LoadArgs};
use crate::corpus::Corpus;
use crate::sanitize::{sanitize_line, to_json_pretty};
use crate::story::diagnostic::{source_line, token_len};
use crate::story::load::text_of;
use crate::story::{Diagnostic, Severity};

pub fn run(load: &LoadArgs, format: Option<CheckFormat>) -> u8 {
    let corpus = super::load_outcomes(load);
    let format = format.unwrap_or(if std::io::stdout().is_terminal() {
        CheckFormat::Pretty
    } else {
        CheckFormat::Short
    });
    let diagnostics = corpus.ordered_diagnostics();
    let out = match format {
        CheckFormat::Short => short(&diagnostics),
        CheckFormat::Json => json(&diagnostics),
        CheckFormat::Pretty => pretty(&diagnostics, &corpus, super::stdout_color()),
    };
    let written = super::print_out(out.as_bytes());
    let code = exit_code(&corpus).max(written);
    // The process ends next: freeing every story one by one would only cost time.
    std::mem::forget(corpus);
    code
}

/// 2 for a usage or I/O problem, else 1 for any error, else 0.
pub fn exit_code(corpus: &Corpus) -> u8 {
    if corpus.usage_problems > 0 {
        2
    } else if corpus.errors().next().is_some() {
        1
    } else {
        0
    }
}

fn file_name(path: &Path) -> String {
    sanitize_line(&path.display().to_string()).into_owned()
}

/// `FILE:LINE:COL: error: PATH: MESSAGE`, one per line.
pub fn short(diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(out, "{}", d.one_line());
    }
    out
}

/// A JSON array of `{file, line, column, severity, path, message}`, and `related:
/// {file, line, column}` for a problem that concerns another place too.
pub fn json(diagnostics: &[&Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let mut item = json!({
                "file": d.file.display().to_string(),
                "line": d.location.map(|l| l.line),
                "column": d.location.map(|l| l.column),
                "severity": d.severity.as_str(),
                "path": d.path,
                "message": d.message,
            });
            if let Some(r) = &d.related {
                item["related"] = json!({
                    "file": r.file.display().to_string(),
                    "line": r.location.map(|l| l.line),
                    "column": r.location.map(|l| l.column),
                });
            }
            item
        })
        .collect();
    let mut s = to_json_pretty(&serde_json::Value::Array(items));
    s.push('\n');
    s
}

/// rustc-style: the message, the place, the source line with the spot marked.
pub fn pretty(diagnostics: &[&Diagnostic], corpus: &Corpus, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut texts: HashMap<PathBuf, Option<String>> = HashMap::new();
    let mut out = String::new();
    for d in diagnostics {
        let (label, code) = match d.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let message = sanitize_line(&d.message_with_path()).into_owned();
        let _ = writeln!(out, "{}: {}", paint(code, label), paint("1", &message));
        let Some(l) = d.location else {
            let _ = writeln!(out, "  {} {}\n", paint("1;34", "-->"), file_name(&d.file));
            continue;
        };
        let gutter = l.line.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(
            out,
            "{pad}{} {}:{}:{}",
            paint("1;34", "-->"),
            file_name(&d.file),
            l.line,
            l.column
        );
        let text = texts
            .entry(d.file.clone())
            .or_insert_with(|| text_of(&d.file));
        if let Some(src) = text.as_ref().and_then(|t| source_line(t, l.line)) {
            let before: String = src.chars().take(l.column - 1).collect();
            let rest: String = src.chars().skip(l.column - 1).collect();
            let shown_before = sanitize_line(&before);
            let shown_rest = sanitize_line(&rest);
            let marked: String = shown_rest.chars().take(token_len(&shown_rest)).collect();
            let _ = writeln!(out, "{pad} {}", paint("1;34", "|"));
            let _ = writeln!(
                out,
                "{} {} {shown_before}{shown_rest}",
                paint("1;34", &l.line.to_string()),
                paint("1;34", "|")
            );
            let _ = writeln!(
                out,
                "{pad} {} {}{}",
                paint("1;34", "|"),
                " ".repeat(shown_before.width()),
                paint(code, &"^".repeat(marked.width().max(1)))
            );
        }
        out.push('\n');
    }
    let files = corpus.files.len();
    let errors = corpus.errors().count();
    let warnings = corpus.warnings().count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "{}, {}, {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    out
}
