//! Files → stories: finds story files under the given paths (in the format's path
//! order), reads each with a size cap, parses and validates them in parallel, and
//! gives every problem its place in the file. One broken file never hides another.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use super::across::FirstSeen;
use super::diagnostic::{Diagnostic, Location, Severity};
use super::locate::{self, Budgets, PathIndex};
use super::syntax;
use super::validate::{self, Problem, Target};
use super::yaml;
use crate::cache::{Cache, Key, Pack, Writer};
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
        related: None,
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
        // The entry's own type costs no system call; only a symlink needs a stat.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path).is_ok_and(|m| m.is_dir()),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
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
        related: None,
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
/// more nodes than the budget. Each test is a memchr pass or is skipped when a
/// bound (the byte count, the count of brackets) already rules it out.
fn needs_budget_scan(text: &str, budgets: &Budgets) -> bool {
    let bytes = text.as_bytes();
    // An alias: `*` where a node can start.
    let alias = memchr::memchr_iter(b'*', bytes).any(|i| {
        let prev = if i == 0 { b'\n' } else { bytes[i - 1] };
        matches!(prev, b' ' | b'\n' | b'[' | b',' | b':' | b'\t')
    });
    if alias {
        return true;
    }
    // Every node needs a separator, and there are no more separators than bytes.
    if 2 * bytes.len() + 2 > budgets.max_nodes {
        let separators = bytes
            .iter()
            .filter(|b| matches!(b, b',' | b':' | b'-' | b'\n' | b'[' | b'{' | b'?'))
            .count();
        if 2 * separators + 2 > budgets.max_nodes {
            return true;
        }
    }
    // Flow nesting can only be deep with enough opening brackets.
    let limit = budgets.max_depth / 2;
    if memchr::memchr2_iter(b'[', b'{', bytes).count() > limit {
        let mut depth = 0usize;
        for &b in bytes {
            match b {
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    // Block indentation: the leading spaces of each line.
    let limit = 4 * budgets.max_depth;
    let mut rest = bytes;
    loop {
        if rest.iter().take_while(|&&b| b == b' ').count() > limit {
            return true;
        }
        match memchr::memchr(b'\n', rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
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
        related: None,
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
            let mut path = String::new();
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
                        .or(Some(Location::of_byte(text, pos)));
                    message = message
                        .rsplit_once(" at position ")
                        .map_or(message.clone(), |(m, _)| m.to_string());
                }
                let at = within(text, location.unwrap_or(Location { line: 1, column: 1 }));
                let explained = syntax::explain(text, &message, at);
                (message, location, path) =
                    (explained.message, Some(explained.location), explained.path);
            }
            let location = location.map(|l| within(text, l));
            return fail(located(
                location.or(Some(Location { line: 1, column: 1 })),
                path,
                message,
            ));
        }
    };
    let (story, problems) = validate::validate(raw, path);
    // The story's texts were allocated in among the parser's garbage, now freed:
    // a copy made now fills those holes densely, instead of leaving pages held
    // by a few kept strings each (4 MB less resident on 1,000 stories, issue 6).
    let story = story.map(|kept| {
        let copy = kept.clone();
        drop(kept);
        copy
    });
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
        related: None,
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

/// The text of a story file or bundled story, read again (to show or locate a problem).
pub fn text_of(path: &Path) -> Option<String> {
    BUNDLED
        .iter()
        .find(|(p, _)| Path::new(p) == path)
        .map(|(_, t)| t.to_string())
        .or_else(|| std::fs::read_to_string(path).ok())
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
    load_paths_cached(paths, opts, None).0
}

/// [`load_paths`] through the parsed-corpus cache, when one is given.
pub fn load_paths_cached(
    paths: &[PathBuf],
    opts: &LoadOptions,
    cache: Option<&Cache>,
) -> (Corpus, CacheStats) {
    load_paths_then(paths, opts, cache, |_, _, _| {})
}

/// [`load_paths_cached`], calling `after` with the corpus, the index of the
/// batch's first story and the number of files in all once each batch is in (to
/// take what is needed of the stories and let them go, say).
pub fn load_paths_then(
    paths: &[PathBuf],
    opts: &LoadOptions,
    cache: Option<&Cache>,
    mut after: impl FnMut(&mut Corpus, usize, usize),
) -> (Corpus, CacheStats) {
    let mut loader = Loader::new(paths, *opts, cache);
    let mut corpus = Corpus::default();
    corpus.usage_problems = loader.problems.len();
    corpus.diagnostics = std::mem::take(&mut loader.problems);
    // Batch by batch, so that what a batch leaves behind (the encoded entries
    // for the cache, the parser's garbage) is let go before the next one.
    loop {
        let batch = loader.next_batch(COMMAND_BATCH);
        if batch.is_empty() {
            break;
        }
        let first = corpus.stories.len();
        corpus.extend(batch);
        after(&mut corpus, first, loader.total());
    }
    (corpus, loader.finish())
}

/// Files loaded (in parallel) per batch by [`load_paths_cached`].
const COMMAND_BATCH: usize = 128;

/// How the cache served a load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose result came from the cache.
    pub hits: usize,
    /// Files parsed (the cache had no current entry for them).
    pub misses: usize,
    /// Whether the pack was written anew.
    pub written: bool,
}

/// Loads the files under some paths batch by batch, in path order, each batch in
/// parallel; through the cache when there is one. The explorer loads this way in the
/// background to show progress; the commands in batches too, to bound what is in flight.
pub struct Loader {
    files: Vec<Origin>,
    /// Problems met while looking for files (a missing path); taken by the caller.
    pub problems: Vec<Diagnostic>,
    opts: LoadOptions,
    next: usize,
    pack: Option<Pack>,
    /// The pack being written, once some file missed.
    writer: Option<Writer>,
    /// Keys of the files served by the pack so far (copied over if it is written anew).
    hit_keys: Vec<Key>,
    stats: CacheStats,
    /// The first use of every id so far, for the cross-story warnings.
    first_seen: FirstSeen,
}

/// One file's outcome in a batch, and what it means for the cache.
enum Cached {
    /// Not through the cache.
    No,
    Hit(Key),
    /// Parsed (and put in the new pack when it may be cached).
    Miss,
}

/// The new pack, while a batch is loaded in parallel.
struct Writing {
    writer: Option<Writer>,
    /// Whether writing was started (or tried: a failure is not retried).
    started: bool,
}

impl Writing {
    /// Starts the new pack, once per load, with the entries `hits` of the old
    /// one that were served so far.
    fn start(&mut self, pack: &Pack, hits: &[Key]) {
        if self.started {
            return;
        }
        self.started = true;
        let Ok(mut w) = pack.writer() else {
            return;
        };
        for key in hits {
            if let Some(blob) = pack.blob(key) {
                if w.add(key, &blob).is_err() {
                    return;
                }
            }
        }
        self.writer = Some(w);
    }

    /// Adds an entry; a failure to write ends the new pack.
    fn add(&mut self, key: &Key, blob: &[u8]) {
        if let Some(w) = self.writer.as_mut() {
            if w.add(key, blob).is_err() {
                self.writer = None;
            }
        }
    }
}

impl Loader {
    /// Finds the files (see [`discover`]) and opens the cache's pack for them.
    pub fn new(paths: &[PathBuf], opts: LoadOptions, cache: Option<&Cache>) -> Loader {
        let found = discover(paths);
        let pack = cache.and_then(|c| {
            let roots: Vec<PathBuf> = if paths.is_empty() {
                vec![PathBuf::from("stories")]
            } else {
                paths.to_vec()
            };
            let on_disk = found
                .files
                .iter()
                .filter(|o| matches!(o, Origin::File(_)))
                .count();
            c.open(&roots, on_disk, &opts)
        });
        Loader {
            files: found.files,
            problems: found.problems,
            opts,
            next: 0,
            pack,
            writer: None,
            hit_keys: Vec::new(),
            stats: CacheStats::default(),
            first_seen: FirstSeen::default(),
        }
    }

    /// How many files there are to load.
    pub fn total(&self) -> usize {
        self.files.len()
    }

    /// How many files are loaded.
    pub fn done(&self) -> usize {
        self.next
    }

    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// Loads the next (at most) `max` files in parallel; empty when all are loaded.
    /// A parsed file's entry goes into the new pack as soon as it is encoded (a
    /// pack's entries may come in any order), so no batch holds its encoded
    /// entries all at once.
    pub fn next_batch(&mut self, max: usize) -> Vec<FileResult> {
        let end = self.next.saturating_add(max).min(self.files.len());
        let batch = &self.files[self.next..end];
        self.next = end;
        let opts = &self.opts;
        let pack = self.pack.as_ref();
        let writing = Mutex::new(Writing {
            writer: self.writer.take(),
            started: self.stats.written,
        });
        let hit_keys = &self.hit_keys;
        let loaded: Vec<(FileResult, Cached)> = batch
            .par_iter()
            .map(|origin| match (origin, pack) {
                (Origin::File(path), Some(pack)) => {
                    let Some(key) = Key::of(path) else {
                        return (load_origin(origin, opts), Cached::Miss);
                    };
                    if let Some(result) = pack.get(&key, path) {
                        return (result, Cached::Hit(key));
                    }
                    let result = load_origin(origin, opts);
                    if pack.cacheable(&key, &result, opts) {
                        if let Some(blob) = crate::cache::encode(&result) {
                            let mut w = writing.lock().unwrap_or_else(PoisonError::into_inner);
                            w.start(pack, hit_keys);
                            w.add(&key, &blob);
                        }
                    }
                    (result, Cached::Miss)
                }
                _ => (load_origin(origin, opts), Cached::No),
            })
            .collect();
        let writing = writing.into_inner().unwrap_or_else(PoisonError::into_inner);
        self.writer = writing.writer;
        self.stats.written = writing.started;
        let mut results = Vec::with_capacity(loaded.len());
        for (result, cached) in loaded {
            match cached {
                Cached::No => {}
                Cached::Hit(key) => {
                    self.stats.hits += 1;
                    if let (Some(w), Some(blob)) = (
                        self.writer.as_mut(),
                        self.pack.as_ref().and_then(|p| p.blob(&key)),
                    ) {
                        if w.add(&key, &blob).is_err() {
                            self.writer = None;
                        }
                    }
                    self.hit_keys.push(key);
                }
                Cached::Miss => {
                    self.stats.misses += 1;
                    // Even a file that may not be cached makes the pack stale.
                    self.start_writing();
                }
            }
            results.push(result);
        }
        self.check_across(&mut results);
        results
    }

    /// Checks each loaded story against the stories before it (cross-story warnings,
    /// added to its file's problems in file order).
    fn check_across(&mut self, results: &mut [FileResult]) {
        for result in results.iter_mut() {
            let Some(story) = &result.story else {
                continue;
            };
            let findings = self.first_seen.check(story, &result.path);
            if !findings.is_empty() {
                result
                    .diagnostics
                    .extend(FirstSeen::locate(findings, |p| text_of(p)));
                result.diagnostics.sort_by_key(|d| d.location);
            }
        }
    }

    /// Starts writing the pack anew, with the entries served from it so far.
    fn start_writing(&mut self) {
        let Some(pack) = self.pack.as_ref() else {
            return;
        };
        let mut writing = Writing {
            writer: self.writer.take(),
            started: self.stats.written,
        };
        writing.start(pack, &self.hit_keys);
        self.writer = writing.writer;
        self.stats.written = writing.started;
    }

    /// Loads what is left and puts the cache's pack in place when it changed (some
    /// file was parsed, or some file in it is gone).
    pub fn finish(mut self) -> CacheStats {
        if self.next < self.files.len() {
            self.next_batch(usize::MAX);
        }
        let stale = self
            .pack
            .as_ref()
            .is_some_and(|p| p.len() > self.stats.hits);
        if stale {
            self.start_writing();
        }
        let mut stats = self.stats;
        match self.writer.take() {
            Some(w) => stats.written = w.finish().is_ok(),
            None => stats.written = false,
        }
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_scan_only_for_texts_that_may_need_it() {
        let b = Budgets::default();
        assert!(!needs_budget_scan(
            "id: a\ntitle: \"5*3\"\ntags: [x, y]\n",
            &b
        ));
        assert!(needs_budget_scan("a: &x 1\nb: *x\n", &b));
        assert!(needs_budget_scan("*x", &b));
        let deep_flow = format!("a: {}{}\n", "[".repeat(33), "]".repeat(33));
        assert!(needs_budget_scan(&deep_flow, &b));
        let many_flat = format!("a: {}\n", "[]".repeat(100));
        assert!(!needs_budget_scan(&many_flat, &b));
        let deep_indent = format!("a:\n{}b: 1\n", " ".repeat(257));
        assert!(needs_budget_scan(&deep_indent, &b));
        let ok_indent = format!("a:\n{}b: 1\n", " ".repeat(256));
        assert!(!needs_budget_scan(&ok_indent, &b));
        let many_nodes = "- a\n".repeat(130_000);
        assert!(needs_budget_scan(&many_nodes, &b));
    }
}
