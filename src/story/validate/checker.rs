//! The checker every section uses: it collects the problems, and reads the
//! scalar shapes of the format (text, ids, dates, keywords, lists, urls) from the
//! raw parse, reporting what does not fit at its path.

use super::Map;

use super::{Problem, Target};
use crate::story::date::PartialDate;
use crate::story::diagnostic::{did_you_mean, one_of, Severity};
use crate::story::model::Str;
use crate::story::yaml::{Extra, List, Node, Scalar};

pub(super) fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        // Spelled out by hand: `format!` costs several times more, for every item.
        let mut path = String::with_capacity(parent.len() + 1 + key.len());
        path.push_str(parent);
        path.push('.');
        path.push_str(key);
        path
    }
}

/// `path[index]`, the path of an entry of a list (by hand, as [`child`]).
pub(super) fn entry(path: &str, index: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = index;
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(path.len() + digits.len() - start + 2);
    out.push_str(path);
    out.push('[');
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
    out.push(']');
    out
}

/// Where a value sits: `at.key`, or `at.key[index]` for an entry of a list.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    pub(super) at: &'a str,
    pub(super) key: &'a str,
    pub(super) index: Option<usize>,
}

impl Place<'_> {
    pub(super) fn path(&self) -> String {
        match self.index {
            None => child(self.at, self.key),
            Some(i) => entry(&child(self.at, self.key), i),
        }
    }
}

pub(super) fn place<'a>(at: &'a str, key: &'a str) -> Place<'a> {
    Place {
        at,
        key,
        index: None,
    }
}

pub(super) fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A kebab-case id suggested from any text: "Acme Corp" → "acme-corp".
pub(super) fn kebab(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    /// The file's format version.
    pub(super) format: u64,
    /// Every use of a key or value of format 2 in a file of an older format: one
    /// error for the file, at the first of them ([`Checker::format_gate`]).
    gate: Vec<(String, Target, String)>,
    /// References that named no item of the kind they need: (problem, id, what was
    /// needed), told what the id is once every id is known ([`Checker::wrong_kinds`]).
    unresolved: Vec<(usize, Str, &'static str)>,
}

/// The message for a key or value of format 2 in an older file.
fn needs_format_2(what: &str) -> String {
    format!("{what} is new in story format 2: add `format: 2` at the top of the file (without it, the file is read as format 1)")
}

impl Checker {
    /// A key of format 2 (present at `at.key`): noted for the one format error of an
    /// older file. The value is checked as format 2 all the same.
    pub(super) fn v2_key<T>(&mut self, at: &str, key: &str, value: &Option<T>) {
        if value.is_some() && self.format < 2 {
            let message = needs_format_2(&format!("`{key}`"));
            self.gate.push((child(at, key), Target::Key(0), message));
        }
    }

    /// A value of format 2 (at `path`), described as `what`: noted as [`Checker::v2_key`] does.
    pub(super) fn v2_value(&mut self, path: String, what: String) {
        if self.format < 2 {
            self.gate.push((path, Target::Value, needs_format_2(&what)));
        }
    }

    /// The one error of a format-1 file that uses format 2, at the first use.
    pub(super) fn format_gate(&mut self) {
        let gate = std::mem::take(&mut self.gate);
        if let Some((path, target, message)) = gate.first().cloned() {
            self.problems.push(Problem {
                path,
                target,
                severity: Severity::Error,
                message,
                first: None,
                earliest_of: gate,
            });
        }
    }

    /// Reports an unresolved reference: the error just pushed names `id`, which is
    /// not a `needed` (told what it is at the end, if it is something else).
    pub(super) fn unresolved(&mut self, id: &Str, needed: &'static str) {
        if let Some(at) = self.problems.len().checked_sub(1) {
            self.unresolved.push((at, id.clone(), needed));
        }
    }

    /// Says, in each unresolved reference's error, what its id names when it names
    /// an item of another kind: "`leak-claim` is a claim, not a quote".
    pub(super) fn wrong_kinds(&mut self, what_is: impl Fn(&str) -> Option<&'static str>) {
        for (at, id, needed) in std::mem::take(&mut self.unresolved) {
            let Some(noun) = what_is(&id) else { continue };
            if let Some(p) = self.problems.get_mut(at) {
                let clause = format!(": `{id}` is {noun}, not {needed}");
                match p.message.find("; ") {
                    Some(i) => p.message.insert_str(i, &clause),
                    None => p.message.push_str(&clause),
                }
            }
        }
    }
    pub(super) fn push(
        &mut self,
        path: String,
        target: Target,
        severity: Severity,
        message: String,
    ) {
        self.problems.push(Problem {
            path,
            target,
            severity,
            message,
            first: None,
            earliest_of: Vec::new(),
        });
    }

    /// An error at the value at `path` that repeats the one at `first` (whose place is
    /// added to the message).
    pub(super) fn repeat(&mut self, path: String, message: String, first: String) {
        self.problems.push(Problem {
            path,
            target: Target::Value,
            severity: Severity::Error,
            message,
            first: Some((first, Target::Value)),
            earliest_of: Vec::new(),
        });
    }

    pub(super) fn error(&mut self, path: String, message: String) {
        self.push(path, Target::Value, Severity::Error, message);
    }

    pub(super) fn warning(&mut self, path: String, message: String) {
        self.push(path, Target::Value, Severity::Warning, message);
    }

    pub(super) fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Unknown keys and repeated keys of one mapping.
    pub(super) fn keys(&mut self, at: &str, extra: &Extra, known: &[&str]) {
        for key in &extra.unknown {
            let hint = match did_you_mean(key, known.iter().copied()) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!(
                    "expected {} (or an extension key starting with `x-`)",
                    one_of(known.iter().copied())
                ),
            };
            self.push(
                child(at, key),
                Target::Key(0),
                Severity::Error,
                format!("unknown key `{key}`; {hint}"),
            );
        }
        let mut seen: Map<&str, usize> = Map::default();
        for key in &extra.duplicates {
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            self.problems.push(Problem {
                path: child(at, key),
                target: Target::Key(*n),
                severity: Severity::Error,
                message: format!("duplicate key `{key}`: a key may appear once in a mapping"),
                first: Some((child(at, key), Target::Key(0))),
                earliest_of: Vec::new(),
            });
        }
    }

    /// Text at a place; numbers and other shapes are reported.
    pub(super) fn text_of(&mut self, p: Place, value: Scalar) -> Option<Str> {
        let key = p.key;
        match value {
            Scalar::Str(s) if s.trim().is_empty() => {
                let what = if p.index.is_some() {
                    format!("an entry of `{key}` is empty")
                } else {
                    format!("`{key}` is empty; it needs some text")
                };
                self.error(p.path(), what);
                None
            }
            Scalar::Str(s) => Some(s),
            Scalar::Null if p.index.is_some() => {
                self.error(p.path(), format!("an entry of `{key}` is empty"));
                None
            }
            Scalar::Null => None,
            v @ (Scalar::Int(_) | Scalar::Float(_) | Scalar::Bool(_)) => {
                self.error(
                    p.path(),
                    format!(
                        "`{key}` must be text, found {}; put it in quotes",
                        v.describe()
                    ),
                );
                None
            }
            other => {
                self.error(
                    p.path(),
                    format!("`{key}` must be text, found {}", other.describe()),
                );
                None
            }
        }
    }

    /// Optional text: absent or null is fine.
    pub(super) fn opt_text(&mut self, at: &str, key: &str, value: Option<Scalar>) -> Option<Str> {
        self.text_of(place(at, key), value?)
    }

    /// Required text; a missing key is reported at the mapping.
    pub(super) fn req_text(
        &mut self,
        at: &str,
        what: &str,
        key: &str,
        value: Option<Scalar>,
    ) -> Option<Str> {
        match value {
            None => {
                self.error(
                    at.to_string(),
                    format!("{what} is missing `{key}`, which is required"),
                );
                None
            }
            Some(Scalar::Null) => {
                self.error(
                    child(at, key),
                    format!("`{key}` has no value; it is required"),
                );
                None
            }
            Some(v) => self.text_of(place(at, key), v),
        }
    }

    /// A required key that is present but has no value (`by: ~`).
    pub(super) fn no_value(&mut self, at: &str, key: &str, value: &Option<Scalar>) {
        if matches!(value, Some(Scalar::Null)) {
            self.error(
                child(at, key),
                format!("`{key}` has no value; it is required"),
            );
        }
    }

    pub(super) fn check_id(&mut self, at: &str, id: Str) -> Option<Str> {
        if is_kebab_id(&id) {
            return Some(id);
        }
        let suggestion = kebab(&id);
        let hint = if suggestion.is_empty() {
            String::new()
        } else {
            format!(", e.g. `{suggestion}`")
        };
        self.error(
            child(at, "id"),
            format!("`{id}` is not a valid id: ids are kebab-case, lowercase letters and digits joined by single hyphens{hint}"),
        );
        None
    }

    pub(super) fn req_id(&mut self, at: &str, what: &str, value: Option<Scalar>) -> Option<Str> {
        let id = self.req_text(at, what, "id", value)?;
        self.check_id(at, id)
    }

    pub(super) fn opt_id(&mut self, at: &str, value: Option<Scalar>) -> Option<Str> {
        let id = self.opt_text(at, "id", value)?;
        self.check_id(at, id)
    }

    pub(super) fn opt_date(&mut self, at: &str, value: Option<Scalar>) -> Option<PartialDate> {
        let value = value?;
        let raw: &str = match &value {
            Scalar::Str(s) => s,
            Scalar::Int(i) => i,
            Scalar::Null => return None,
            other => {
                self.error(
                    child(at, "date"),
                    format!(
                        "`date` must be a date like 2025-11-14, 2025-11 or 2025, found {}",
                        other.describe()
                    ),
                );
                return None;
            }
        };
        match PartialDate::parse(raw) {
            Ok(d) => {
                if d.time().is_some() {
                    self.v2_value(child(at, "date"), format!("a time of day (`{raw}`)"));
                }
                Some(d)
            }
            Err(message) => {
                self.error(child(at, "date"), message);
                None
            }
        }
    }

    pub(super) fn keyword<T: Copy>(
        &mut self,
        at: &str,
        key: &str,
        what: &str,
        value: Option<Scalar>,
        parse: fn(&str) -> Option<T>,
        all: &[&str],
    ) -> Option<T> {
        let word = self.opt_text(at, key, value)?;
        if let Some(v) = parse(&word) {
            return Some(v);
        }
        let hint = did_you_mean(&word, all.iter().copied())
            .map(|w| format!(" (did you mean `{w}`?)"))
            .unwrap_or_default();
        self.error(
            child(at, key),
            format!(
                "`{word}` is not a {what}; expected {}{hint}",
                one_of(all.iter().copied())
            ),
        );
        None
    }

    pub(super) fn list<T>(&mut self, at: &str, key: &str, value: Option<List<T>>) -> Vec<T> {
        match value {
            None | Some(List::Other(Scalar::Null)) => Vec::new(),
            Some(List::Items(items)) => items,
            Some(List::Other(found)) => {
                self.error(
                    child(at, key),
                    format!("`{key}` must be a list, found {}", found.describe()),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn text_list(
        &mut self,
        at: &str,
        key: &str,
        value: Option<List<Scalar>>,
    ) -> Vec<Str> {
        let items = self.list(at, key, value);
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.text_of(
                    Place {
                        at,
                        key,
                        index: Some(i),
                    },
                    v,
                )
            })
            .collect()
    }

    pub(super) fn url(&mut self, at: &str, value: Option<Scalar>) -> Option<Str> {
        let url = self.opt_text(at, "url", value)?;
        let lower = url.get(..8).unwrap_or(&url).to_ascii_lowercase();
        if (lower.starts_with("http://") && url.len() > 7)
            || (lower.starts_with("https://") && url.len() > 8)
        {
            Some(url)
        } else {
            self.error(
                child(at, "url"),
                format!("`{url}` is not a web address: a url must start with http:// or https://"),
            );
            None
        }
    }

    /// Each mapping of a list, with its index in the list and its path; an entry
    /// that is not a mapping is reported.
    pub(super) fn entries<T>(
        &mut self,
        key: &str,
        at: &str,
        what: &str,
        items: Vec<Node<T>>,
    ) -> Vec<(usize, String, T)> {
        let path = child(at, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let p = entry(&path, i);
            match item {
                Node::Map(m) => out.push((i, p, m)),
                Node::Other(found) => self.error(
                    p,
                    format!(
                        "expected {what} (a mapping of keys), found {}",
                        found.describe()
                    ),
                ),
            }
        }
        out
    }
}

pub(super) fn words<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|k| as_str(*k)).collect()
}
