//! Problems found in story files: where (file:line:col and the path inside the
//! story), how bad (error or warning) and what is wrong and what would be right.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::sanitize::sanitize_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file: line and column count from 1, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// Line and column (in characters, from 1) of a byte offset in `text`.
    pub fn of_byte(text: &str, byte: usize) -> Location {
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
}

/// Another place a problem concerns: for a cross-story warning, the earlier story's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub file: PathBuf,
    pub location: Option<Location>,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Not serialized: whoever loads the file sets it (the cache keeps problems by file).
    #[serde(skip)]
    pub file: PathBuf,
    /// `None` for a problem with no place in the text (an unreadable file).
    pub location: Option<Location>,
    pub severity: Severity,
    /// The path inside the story, like `quotes[3].by`; empty for the whole file.
    pub path: String,
    /// What is wrong and what would be right. Raw: it may quote story text, so
    /// sanitize it before it reaches a terminal.
    pub message: String,
    /// The other place the problem concerns, if any (the earlier story's value).
    pub related: Option<Box<Related>>,
}

impl Diagnostic {
    /// The one way a problem is made: its path and message may quote story text, so
    /// both are bounded here ([`bounded_path`], [`bounded_message`]), whoever builds it.
    pub fn new(
        file: impl Into<PathBuf>,
        location: Option<Location>,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            location,
            severity,
            path: path.into(),
            message: message.into(),
            related: None,
        }
        .bounded()
    }

    /// This problem with its path and message bounded: for one that did not come
    /// from [`Diagnostic::new`] (decoded from the cache, which is untrusted too).
    pub fn bounded(mut self) -> Diagnostic {
        self.path = bounded_path(self.path);
        self.message = bounded_message(self.message);
        self
    }

    /// The same problem, also concerning `file` at `location` (the earlier value).
    pub fn related_to(
        mut self,
        file: impl Into<PathBuf>,
        location: Option<Location>,
    ) -> Diagnostic {
        self.related = Some(Box::new(Related {
            file: file.into(),
            location,
        }));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message with the path in front, as `check` prints it: "quotes[3].by: …".
    pub fn message_with_path(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.path, self.message)
        }
    }

    /// `stories/a.yaml:12:3`, or the file alone when the problem has no place; the
    /// file's name made safe for a terminal.
    pub fn place(&self) -> String {
        let file = sanitize_line(&self.file.display().to_string()).into_owned();
        match self.location {
            Some(l) => format!("{file}:{}:{}", l.line, l.column),
            None => file,
        }
    }

    /// `FILE:LINE:COL: warning: PATH: MESSAGE`, safe for a terminal: the problem in
    /// one line, as `check --format short` prints it and the explorer tells a
    /// configuration problem.
    pub fn one_line(&self) -> String {
        format!(
            "{}: {}: {}",
            self.place(),
            self.severity,
            sanitize_line(&self.message_with_path())
        )
    }
}

/// The most characters of story text one quoted span (between backticks) of a
/// message shows, and the most characters of one segment of a path: enough for
/// any real key, id or value, while a 1 MB key is not printed whole.
const MAX_QUOTED: usize = 80;

/// The most characters one message shows, whatever it quotes.
const MAX_MESSAGE: usize = 1_000;

/// `s` cut to `max` characters, `…` appended when something was cut.
fn cut(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]).into(),
        None => s.into(),
    }
}

/// A message with story text in it, bounded: each quoted span (between backticks)
/// is cut to [`MAX_QUOTED`] characters and the whole to [`MAX_MESSAGE`], so a
/// problem about a huge key or value never prints the key or value whole.
fn bounded_message(message: String) -> String {
    if message.len() <= MAX_QUOTED {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE * 4));
    let mut rest = message.as_str();
    while let Some(open) = rest.find('`') {
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(close) => {
                out.push_str(&cut(&after[..close], MAX_QUOTED));
                out.push('`');
                rest = &after[close + 1..];
            }
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    cut(&out, MAX_MESSAGE).into_owned()
}

/// A path inside a story (`parties[3].name`) with each segment bounded to
/// [`MAX_QUOTED`] characters: a key of a megabyte is named by its start.
fn bounded_path(path: String) -> String {
    if path.len() <= MAX_QUOTED {
        return path;
    }
    let segments: Vec<_> = path.split('.').map(|seg| cut(seg, MAX_QUOTED)).collect();
    segments.join(".")
}

/// "`a`", "`a` or `b`", "`a`, `b` or `c`".
pub fn one_of<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let words: Vec<String> = words.into_iter().map(|w| format!("`{w}`")).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The longest word (in bytes) compared for a did-you-mean: a typo of a key or
/// an id is short, and the distance costs the product of the two lengths.
const MAX_COMPARED: usize = 64;

/// The most candidates compared for one did-you-mean.
const MAX_CANDIDATES: usize = 32;

/// How far a candidate may be from `word` (of `len` characters) to be suggested.
fn max_distance(len: usize) -> usize {
    (len / 3).max(1)
}

#[cfg(test)]
thread_local! {
    /// Work done by did-you-means on this thread: candidates looked at, and the
    /// cells of each distance computed (for tests that checks do not grow quadratically).
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The did-you-mean work done so far on this thread (tests only).
#[cfg(test)]
pub(crate) fn work() -> u64 {
    WORK.with(|w| w.get())
}

#[cfg(test)]
fn count(n: usize) {
    WORK.with(|w| w.set(w.get() + n as u64));
}

#[cfg(not(test))]
fn count(_: usize) {}

/// The edit distance, when both texts are short enough to compare.
fn distance(word: &str, candidate: &str) -> Option<usize> {
    if candidate.len() > MAX_COMPARED {
        return None;
    }
    count((word.len() + 1) * (candidate.len() + 1));
    Some(strsim::osa_distance(word, candidate))
}

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo.
/// The work is bounded: a word longer than 64 bytes gets no suggestion, and only
/// the first 32 candidates of a similar length are compared (see [`Suggestions`]
/// for many candidates asked many times).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if word.len() > MAX_COMPARED {
        return None;
    }
    let len = word.chars().count();
    let d = max_distance(len);
    candidates
        .into_iter()
        .inspect(|_| count(1))
        .filter(|c| c.len() <= MAX_COMPARED && c.chars().count().abs_diff(len) <= d)
        .take(MAX_CANDIDATES)
        .filter_map(|c| distance(word, c).map(|dist| (dist, c)))
        .filter(|(dist, c)| *dist <= max_distance(c.chars().count().max(len)))
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, c)| c)
}

/// Line `n` (from 1) of a text, counting line breaks as YAML (and the locations) do:
/// LF, CRLF, and a CR alone.
pub fn source_line(text: &str, n: usize) -> Option<&str> {
    let mut rest = text;
    for _ in 1..n {
        let end = rest.find(['\n', '\r'])?;
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[end + skip..];
    }
    Some(&rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())])
}

/// How many characters a problem marks from its column: the token that starts there
/// (`check` underlines them; the language server gives them as the range).
pub fn token_len(line: &str) -> usize {
    let mut chars = line.chars().peekable();
    match chars.peek() {
        Some('"') | Some('\'') => {
            let q = chars.next().unwrap_or('"');
            1 + chars
                .position(|c| c == q)
                .map_or(line.chars().count() - 1, |p| p + 1)
        }
        _ => {
            let token: String = line
                .chars()
                .take_while(|c| !matches!(c, ',' | ']' | '}' | '#'))
                .collect();
            match token
                .find(": ")
                .or_else(|| token.strip_suffix(':').map(|t| t.len()))
            {
                Some(colon) => token[..colon].to_string(),
                None => token,
            }
        }
        .trim_end()
        .chars()
        .count()
        .max(1),
    }
}

/// Candidates for did-you-means asked many times (every bad reference of a story):
/// indexed once by length, so one question looks only at candidates of a similar
/// length, at most 32 of them, whatever the number of candidates.
#[derive(Debug, Default)]
pub struct Suggestions {
    by_len: std::collections::HashMap<usize, Vec<Box<str>>>,
}

impl Suggestions {
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Suggestions {
        let mut seen = std::collections::HashSet::new();
        let mut by_len: std::collections::HashMap<usize, Vec<Box<str>>> = Default::default();
        for c in candidates {
            if c.len() <= MAX_COMPARED && seen.insert(c) {
                by_len.entry(c.chars().count()).or_default().push(c.into());
            }
        }
        Suggestions { by_len }
    }

    /// As [`did_you_mean`] over these candidates.
    pub fn closest(&self, word: &str) -> Option<&str> {
        if word.len() > MAX_COMPARED {
            return None;
        }
        let len = word.chars().count();
        let d = max_distance(len);
        let near = (len.saturating_sub(d)..=len + d)
            .filter_map(|l| self.by_len.get(&l))
            .flatten()
            .map(|c| &**c);
        did_you_mean(word, near)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_allowed_words() {
        assert_eq!(one_of(["a"]), "`a`");
        assert_eq!(one_of(["a", "b"]), "`a` or `b`");
        assert_eq!(one_of(["a", "b", "c"]), "`a`, `b` or `c`");
    }

    /// Whoever builds a problem, its story text is bounded: a 1 MB id in the
    /// message and a 1 MB key in the path are named by their start.
    #[test]
    fn every_problem_made_is_bounded() {
        let huge = "x".repeat(1 << 20);
        let d = Diagnostic::new(
            "a.yaml",
            None,
            Severity::Error,
            format!("parties.{huge}.name"),
            format!("story id `{huge}` is already used by b.yaml"),
        )
        .related_to("b.yaml", None);
        assert!(
            d.message.chars().count() <= MAX_MESSAGE + 1,
            "{}",
            d.message.len()
        );
        assert!(d.message.starts_with("story id `xxxx"));
        assert!(d.message.ends_with("…` is already used by b.yaml"));
        assert_eq!(d.path, format!("parties.{}….name", "x".repeat(MAX_QUOTED)));
        assert_eq!(d.related.unwrap().file, PathBuf::from("b.yaml"));
        let short = Diagnostic::new("a.yaml", None, Severity::Warning, "id", "`ok` is fine");
        assert_eq!(
            (short.path.as_str(), short.message.as_str()),
            ("id", "`ok` is fine")
        );
    }

    #[test]
    fn suggests_close_words_only() {
        let keys = ["quotes", "claims", "timeline"];
        assert_eq!(did_you_mean("quotse", keys), Some("quotes"));
        assert_eq!(did_you_mean("timelime", keys), Some("timeline"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn long_words_and_many_candidates_cost_bounded_work() {
        let long = "k".repeat(1 << 20);
        let before = work();
        assert_eq!(did_you_mean(&long, ["quotes", "claims"]), None);
        assert_eq!(work() - before, 0, "a 1 MB word is not compared");
        let ids: Vec<String> = (0..10_000).map(|i| format!("party-{i:05}")).collect();
        let s = Suggestions::new(ids.iter().map(String::as_str));
        let before = work();
        assert_eq!(s.closest("party-0000x"), Some("party-00000"));
        assert!(
            work() - before <= 32 * 13 * 13 + 32 * 3,
            "{}",
            work() - before
        );
    }
}
