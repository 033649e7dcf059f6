//! Files → stories: finds story files under the given paths (in the format's path
//! order), reads each with a size cap, parses and validates them in parallel, and
//! gives every problem its place in the file. One broken file never hides another.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::diagnostic::{Diagnostic, Location, Severity};
use super::locate::{self, Budgets, PathIndex};
use super::validate::{self, Problem, Target};
use super::yaml;
use crate::corpus::{Corpus, FileResult};

/// Limits and switches for loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest file read, in bytes.
    pub max_file_size: u64,
    pub budgets: Budgets,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: 16 * 1024 * 1024,
            budgets: Budgets::default(),
        }
    }
}

/// The stories bundled into the binary at build time: (path, text).
pub static BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Where a story's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Bundled(&'static str, &'static str),
}

impl Origin {
    pub fn path(&self) -> PathBuf {
        match self {
            Origin::File(p) => p.clone(),
            Origin::Bundled(p, _) => PathBuf::from(p),
        }
    }
}

/// The files to load, and problems met while looking (a missing path).
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<Origin>,
    pub problems: Vec<Diagnostic>,
}

fn is_story_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn io_problem(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        file: path.to_path_buf(),
        location: None,
        severity: Severity::Error,
        path: String::new(),
        message,
    }
}

/// Every story file below `dir`, recursively, in path order; symlinked folders are
/// followed once.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
    seen: &mut Vec<PathBuf>,
) {
    if let Ok(real) = dir.canonicalize() {
        if seen.contains(&real) {
            return;
        }
        seen.push(real);
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(io_problem(dir, format!("cannot read this folder: {e}")));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = std::fs::metadata(&path)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_dir {
            walk(&path, out, problems, seen);
        } else if is_story_file(&path) {
            out.push(path);
        }
    }
}

/// Finds the story files for `paths`: files as given, folders recursively. With no
/// path: `./stories` if it exists, otherwise the bundled stories.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    if paths.is_empty() {
        let local = Path::new("stories");
        if local.is_dir() {
            return discover(&[local.to_path_buf()]);
        }
        d.files = BUNDLED.iter().map(|(p, t)| Origin::Bundled(p, t)).collect();
        return d;
    }
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                d.problems
                    .push(io_problem(path, "no such file or folder".into()));
            }
            Err(e) => d
                .problems
                .push(io_problem(path, format!("cannot read: {e}"))),
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(path, &mut files, &mut d.problems, &mut Vec::new());
                files.sort();
                d.files.extend(files.into_iter().map(Origin::File));
            }
            Ok(_) => d.files.push(Origin::File(path.clone())),
        }
    }
    d
}

/// Reads one file's text, within the size cap and as UTF-8.
fn read_text(path: &Path, opts: &LoadOptions) -> Result<String, Diagnostic> {
    let file =
        std::fs::File::open(path).map_err(|e| io_problem(path, format!("cannot open: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > opts.max_file_size {
        return Err(io_problem(
            path,
            format!(
                "the file is {} bytes, over the {} MiB limit for a story file; raise it with --max-file-size",
                size,
                opts.max_file_size / (1024 * 1024)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(opts.max_file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > opts.max_file_size {
        return Err(io_problem(
            path,
            format!(
                "the file is over the {} MiB limit for a story file",
                opts.max_file_size / (1024 * 1024)
            ),
        ));
    }
    decode(path, bytes)
}

/// Bytes → text, with a located error for anything that is not UTF-8.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let located = |location: Location, message: String| Diagnostic {
        file: path.to_path_buf(),
        location: Some(location),
        severity: Severity::Error,
        path: String::new(),
        message,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(located(
            Location { line: 1, column: 1 },
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or("");
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = e.as_bytes()[valid.len()];
        located(
            Location { line, column },
            format!("the file is not valid UTF-8 (byte 0x{byte:02X} here); save it as UTF-8"),
        )
    })
}

/// A cheap byte scan that says whether a text needs the budgeted event pass before
/// serde_yaml sees it: deep flow nesting, deep indentation, aliases, or possibly
/// more nodes than the budget.
fn needs_budget_scan(text: &str, budgets: &Budgets) -> bool {
    let bytes = text.as_bytes();
    let mut depth: usize = 0;
    let mut max_depth = 0;
    let mut separators = 0usize;
    let mut indent = 0usize;
    let mut max_indent = 0usize;
    let mut at_line_start = true;
    let mut prev = b'\n';
    for &b in bytes {
        match b {
            b'[' | b'{' => {
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'*' if matches!(prev, b' ' | b'\n' | b'[' | b',' | b':' | b'\t') => return true,
            _ => {}
        }
        if matches!(b, b',' | b':' | b'-' | b'\n' | b'[' | b'{' | b'?') {
            separators += 1;
        }
        if b == b'\n' {
            at_line_start = true;
            indent = 0;
        } else if at_line_start {
            if b == b' ' {
                indent += 1;
                max_indent = max_indent.max(indent);
            } else {
                at_line_start = false;
            }
        }
        prev = b;
    }
    max_depth > budgets.max_depth / 2
        || max_indent > 4 * budgets.max_depth
        || 2 * separators + 2 > budgets.max_nodes
}

/// Loads one story text: parse, validate, and locate the problems if there are any.
pub fn parse_str(path: &Path, text: &str) -> FileResult {
    parse_with(path, text, &LoadOptions::default())
}

/// [`parse_str`] with explicit options.
pub fn parse_with(path: &Path, text: &str, opts: &LoadOptions) -> FileResult {
    let file = path.to_path_buf();
    let located = |location: Option<Location>, path: String, message: String| Diagnostic {
        file: file.clone(),
        location,
        severity: Severity::Error,
        path,
        message,
    };
    let fail = |d: Diagnostic| FileResult {
        path: file.clone(),
        story: None,
        diagnostics: vec![d],
        io_error: false,
    };
    // A UTF-8 byte-order mark is allowed and is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return fail(located(
            Some(Location { line: 1, column: 1 }),
            String::new(),
            "the file is empty: a story file is one mapping with at least `id` and `title`".into(),
        ));
    }
    if needs_budget_scan(text, &opts.budgets) {
        if let Err(stop) = locate::scan(text, opts.budgets, false) {
            let location = within(text, stop.location);
            return fail(located(Some(location), String::new(), stop.message));
        }
    }
    let raw = match yaml::parse(text) {
        Ok(raw) => raw,
        Err(e) => {
            // serde_yaml's own place is exact for syntax errors; a few errors have none.
            let mut location = e.location;
            let mut message = e.message;
            if message.contains("more than one document") {
                let index = locate::scan(text, opts.budgets, true).unwrap_or_default();
                location = index.extra_documents.first().copied().or(location);
                message = "the file holds more than one YAML document (`---`); a story file holds exactly one story".into();
            } else if message.contains("recursion limit") {
                message = format!(
                    "lists and mappings nested deeper than {} levels (the depth budget)",
                    opts.budgets.max_depth
                );
            } else if message.contains("repetition limit") {
                message = format!(
                    "aliases expand to more than {} values (the node budget)",
                    opts.budgets.max_nodes
                );
            } else {
                // libyaml's reader errors give a byte position instead of a mark.
                if let Some(pos) = message
                    .rsplit("at position ")
                    .next()
                    .and_then(|n| n.trim().parse::<usize>().ok())
                {
                    location = location
                        .filter(|l| l.line > 1 || l.column > 1)
                        .or(Some(location_of_byte(text, pos)));
                    message = message
                        .rsplit_once(" at position ")
                        .map_or(message.clone(), |(m, _)| m.to_string());
                }
                message = format!("YAML syntax error: {message}");
            }
            let location = location.map(|l| within(text, l));
            return fail(located(
                location.or(Some(Location { line: 1, column: 1 })),
                String::new(),
                message,
            ));
        }
    };
    let (story, problems) = validate::validate(raw, path);
    let diagnostics = if problems.is_empty() {
        Vec::new()
    } else {
        let index = locate::scan(text, opts.budgets, true).unwrap_or_default();
        problems
            .into_iter()
            .map(|p| place(&file, &index, p))
            .collect()
    };
    FileResult {
        path: file,
        story,
        diagnostics,
        io_error: false,
    }
}

/// Gives a problem its place: the value (or key) at its path, or the nearest
/// enclosing value that has one.
fn place(file: &Path, index: &PathIndex, p: Problem) -> Diagnostic {
    let find = |path: &str, target: Target| -> Option<Location> {
        match target {
            Target::Key(n) => index.key(path, n),
            Target::Value => index.value(path).or_else(|| index.key(path, 0)),
        }
    };
    let mut location = find(&p.path, p.target);
    let mut parent = p.path.as_str();
    while location.is_none() && !parent.is_empty() {
        parent = match parent.rfind(['.', '[']) {
            Some(i) => &parent[..i],
            None => "",
        };
        location = index.value(parent);
    }
    let mut message = p.message;
    if let Some((first, target)) = &p.first {
        if let Some(l) = find(first, *target) {
            message.push_str(&format!(" (first at line {}, column {})", l.line, l.column));
        }
    }
    Diagnostic {
        file: file.to_path_buf(),
        location: location.or(Some(Location { line: 1, column: 1 })),
        severity: p.severity,
        path: p.path,
        message,
    }
}

/// A parser's place, kept inside the text: libyaml and saphyr put an error at the
/// very end of a file without a final line break on the line after it, which
/// does not exist; the end of the text it is.
fn within(text: &str, location: Location) -> Location {
    let end = end_location(text);
    if (location.line, location.column) > (end.line, end.column) {
        end
    } else {
        location
    }
}

/// Line and column just past the last character, counting line breaks as libyaml
/// does: LF, CR, CRLF, NEL, LS and PS.
fn end_location(text: &str) -> Location {
    let (mut line, mut column, mut after_cr) = (1, 1, false);
    for c in text.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        after_cr = c == '\r';
    }
    Location { line, column }
}

/// Line and column (in characters) of a byte offset.
fn location_of_byte(text: &str, byte: usize) -> Location {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    Location {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
}

/// Loads one file or bundled story.
pub fn load_origin(origin: &Origin, opts: &LoadOptions) -> FileResult {
    match origin {
        Origin::Bundled(path, text) => parse_with(Path::new(path), text, opts),
        Origin::File(path) => match read_text(path, opts) {
            Ok(text) => parse_with(path, &text, opts),
            Err(d) => FileResult {
                path: path.clone(),
                story: None,
                io_error: d.location.is_none() && !d.message.contains("limit"),
                diagnostics: vec![d],
            },
        },
    }
}

/// Loads everything under `paths` (see [`discover`]) in parallel, keeping path order.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    let found = discover(paths);
    let results: Vec<FileResult> = found
        .files
        .par_iter()
        .map(|o| load_origin(o, opts))
        .collect();
    let mut corpus = Corpus::from_results(results);
    corpus.usage_problems += found.problems.len();
    let mut all = found.problems;
    all.append(&mut corpus.diagnostics);
    corpus.diagnostics = all;
    corpus
}
