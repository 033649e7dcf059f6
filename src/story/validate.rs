//! Turns the raw parse of a file into a [`Story`], checking everything the format
//! asks: required keys, types, ids, dates, kinds, references and the warnings.
//! Problems carry the path inside the story; [`super::parse`] finds their places.
//!
//! The raw parse is consumed: text moves into the story without copies, and a
//! path (`quotes[3].by`) is only spelled out when there is a problem to report.

use std::collections::{HashMap, HashSet};

use super::date::{timeline_order, PartialDate};
use super::diagnostic::{did_you_mean, one_of, Severity};
use super::model::*;
use super::yaml::{
    Extra, List, Node, RawAnalyst, RawClaim, RawEvent, RawParty, RawQuote, RawSource, RawStance,
    RawStory, Scalar,
};

/// What a problem points at, for finding its place in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The value at the path (for a mapping: where it starts).
    Value,
    /// The nth occurrence of the key whose value is at the path.
    Key(usize),
}

/// A problem found while validating, before it is given its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub target: Target,
    pub severity: Severity,
    pub message: String,
    /// For a repeat: the path of the first occurrence (its place is added to the message).
    pub first: Option<(String, Target)>,
}

fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// Where a value sits: `at.key`, or `at.key[index]` for an entry of a list.
#[derive(Clone, Copy)]
struct Place<'a> {
    at: &'a str,
    key: &'a str,
    index: Option<usize>,
}

impl Place<'_> {
    fn path(&self) -> String {
        match self.index {
            None => child(self.at, self.key),
            Some(i) => format!("{}[{i}]", child(self.at, self.key)),
        }
    }
}

fn place<'a>(at: &'a str, key: &'a str) -> Place<'a> {
    Place {
        at,
        key,
        index: None,
    }
}

fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A kebab-case id suggested from any text: "Acme Corp" → "acme-corp".
fn kebab(s: &str) -> String {
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

/// The ids of a list, for "known: …" in messages.
fn known_list(ids: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for id in ids {
        if !unique.contains(id) {
            unique.push(id);
        }
    }
    if unique.is_empty() {
        return "none are defined".into();
    }
    let more = if unique.len() > 12 { ", ..." } else { "" };
    unique.truncate(12);
    format!("known: {}{more}", unique.join(", "))
}

fn close_to(word: &str, ids: &[&str]) -> String {
    did_you_mean(word, ids.iter().copied())
        .map(|w| format!("; did you mean `{w}`?"))
        .unwrap_or_default()
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: String, target: Target, severity: Severity, message: String) {
        self.problems.push(Problem {
            path,
            target,
            severity,
            message,
            first: None,
        });
    }

    fn error(&mut self, path: String, message: String) {
        self.push(path, Target::Value, Severity::Error, message);
    }

    fn warning(&mut self, path: String, message: String) {
        self.push(path, Target::Value, Severity::Warning, message);
    }

    fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Unknown keys and repeated keys of one mapping.
    fn keys(&mut self, at: &str, extra: &Extra, known: &[&str]) {
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
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for key in &extra.duplicates {
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            self.problems.push(Problem {
                path: child(at, key),
                target: Target::Key(*n),
                severity: Severity::Error,
                message: format!("duplicate key `{key}`: a key may appear once in a mapping"),
                first: Some((child(at, key), Target::Key(0))),
            });
        }
    }

    /// Text at a place; numbers and other shapes are reported.
    fn text_of(&mut self, p: Place, value: Scalar) -> Option<Str> {
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
            Scalar::Str(s) => Some(s.into()),
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
    fn opt_text(&mut self, at: &str, key: &str, value: Option<Scalar>) -> Option<Str> {
        self.text_of(place(at, key), value?)
    }

    /// Required text; a missing key is reported at the mapping.
    fn req_text(&mut self, at: &str, what: &str, key: &str, value: Option<Scalar>) -> Option<Str> {
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
    fn no_value(&mut self, at: &str, key: &str, value: &Option<Scalar>) {
        if matches!(value, Some(Scalar::Null)) {
            self.error(
                child(at, key),
                format!("`{key}` has no value; it is required"),
            );
        }
    }

    fn check_id(&mut self, at: &str, id: Str) -> Option<Str> {
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

    fn req_id(&mut self, at: &str, what: &str, value: Option<Scalar>) -> Option<Str> {
        let id = self.req_text(at, what, "id", value)?;
        self.check_id(at, id)
    }

    fn opt_id(&mut self, at: &str, value: Option<Scalar>) -> Option<Str> {
        let id = self.opt_text(at, "id", value)?;
        self.check_id(at, id)
    }

    fn opt_date(&mut self, at: &str, value: Option<Scalar>) -> Option<PartialDate> {
        let raw = match value? {
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
        match PartialDate::parse(&raw) {
            Ok(d) => Some(d),
            Err(message) => {
                self.error(child(at, "date"), message);
                None
            }
        }
    }

    fn keyword<T: Copy>(
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

    fn list<T>(&mut self, at: &str, key: &str, value: Option<List<T>>) -> Vec<T> {
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

    fn text_list(&mut self, at: &str, key: &str, value: Option<List<Scalar>>) -> Vec<Str> {
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

    fn url(&mut self, at: &str, value: Option<Scalar>) -> Option<Str> {
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

    /// Each mapping of a list, with its path; an entry that is not a mapping is reported.
    fn entries<T>(
        &mut self,
        key: &str,
        at: &str,
        what: &str,
        items: Vec<Node<T>>,
    ) -> Vec<(String, T)> {
        let path = child(at, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let p = format!("{path}[{i}]");
            match item {
                Node::Map(m) => out.push((p, m)),
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

/// Ids already used in a story (one namespace), with the path of each.
#[derive(Default)]
struct Ids(HashMap<Str, String>);

impl Ids {
    fn claim(&mut self, c: &mut Checker, id: &Option<Str>, at: &str) {
        let Some(id) = id else { return };
        let path = child(at, "id");
        if let Some(first) = self.0.get(id) {
            c.problems.push(Problem {
                path,
                target: Target::Value,
                severity: Severity::Error,
                message: format!(
                    "id `{id}` is already used by {}; every id in a story must be unique",
                    first.trim_end_matches(".id")
                ),
                first: Some((first.clone(), Target::Value)),
            });
        } else {
            self.0.insert(id.clone(), path);
        }
    }
}

/// What references may name: parties and analysts, sources, quotes.
struct Names<'a> {
    people: Vec<&'a str>,
    people_set: HashSet<&'a str>,
    sources: Vec<&'a str>,
    source_set: HashSet<&'a str>,
}

impl Names<'_> {
    fn person(&self, c: &mut Checker, at: &str, key: &str, value: Option<Scalar>) -> Option<Str> {
        let who = c.opt_text(at, key, value)?;
        if self.people_set.contains(who.as_str()) {
            return Some(who);
        }
        let close = close_to(&who, &self.people);
        c.error(
            child(at, key),
            format!(
                "`{key}: {who}` names no party or analyst; {}{close}",
                known_list(&self.people)
            ),
        );
        None
    }

    fn source(
        &self,
        c: &mut Checker,
        cited: &mut HashSet<Str>,
        at: &str,
        value: Option<Scalar>,
    ) -> Option<Str> {
        let src = c.opt_text(at, "source", value)?;
        if self.source_set.contains(src.as_str()) {
            if !cited.contains(&src) {
                cited.insert(src.clone());
            }
            return Some(src);
        }
        let close = close_to(&src, &self.sources);
        c.error(
            child(at, "source"),
            format!(
                "`source: {src}` names no source; {}{close}",
                known_list(&self.sources)
            ),
        );
        None
    }
}

fn words<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|k| as_str(*k)).collect()
}

/// Validates a raw story. Returns the story when there is no error, and every problem.
pub fn validate(raw: Node<RawStory>, file: &std::path::Path) -> (Option<Story>, Vec<Problem>) {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let s = match raw {
        Node::Map(s) => s,
        Node::Other(found) => {
            let message = match found {
                Scalar::Null => "the file holds no story: a story file is one mapping with at least `id` and `title`".to_string(),
                other => format!(
                    "a story file holds one mapping (`id: …`, `title: …`, …), found {}",
                    other.describe()
                ),
            };
            c.error(String::new(), message);
            return (None, c.problems);
        }
    };

    // The format version comes first: a newer file is not guessed at.
    let format = match &s.format {
        None | Some(Scalar::Null) => FORMAT_VERSION,
        Some(Scalar::Int(n)) | Some(Scalar::Str(n)) if n.trim().parse::<i64>().is_ok() => {
            let n: i64 = n.trim().parse().unwrap_or(0);
            if n > FORMAT_VERSION as i64 {
                c.error(
                    "format".into(),
                    format!("story format {n} is newer than this storyx reads ({FORMAT_VERSION}); update storyx to read it"),
                );
                return (None, c.problems);
            }
            if n < 1 {
                c.error(
                    "format".into(),
                    format!("story format {n} does not exist; the first version is 1"),
                );
            }
            n.max(1) as u64
        }
        Some(other) => {
            c.error(
                "format".into(),
                format!(
                    "`format` must be a whole number such as 1, found {}",
                    other.describe()
                ),
            );
            FORMAT_VERSION
        }
    };

    c.keys("", &s.extra, RawStory::KEYS);
    let id = c.req_id("", "the story", s.id);
    let title = c.req_text("", "the story", "title", s.title);
    let date = c.opt_date("", s.date);
    let question = c.opt_text("", "question", s.question);
    let summary = c.opt_text("", "summary", s.summary);
    let tags = c.text_list("", "tags", s.tags);
    let mut ids = Ids::default();

    let mut sources = Vec::new();
    let items = c.list("", "sources", s.sources);
    for (at, r) in c.entries("sources", "", "a source", items) {
        let r: RawSource = r;
        c.keys(&at, &r.extra, RawSource::KEYS);
        let id = c.req_id(&at, "this source", r.id);
        ids.claim(&mut c, &id, &at);
        let name = c.req_text(&at, "this source", "name", r.name);
        let outlet = c.opt_text(&at, "outlet", r.outlet);
        let date = c.opt_date(&at, r.date);
        let url = c.url(&at, r.url);
        let note = c.opt_text(&at, "note", r.note);
        if let (Some(id), Some(name)) = (id, name) {
            sources.push((
                at,
                Source {
                    id,
                    name,
                    outlet,
                    date,
                    url,
                    note,
                },
            ));
        }
    }

    let mut parties = Vec::new();
    let kinds = words(PartyKind::ALL, PartyKind::as_str);
    let items = c.list("", "parties", s.parties);
    for (at, r) in c.entries("parties", "", "a party", items) {
        let r: RawParty = r;
        c.keys(&at, &r.extra, RawParty::KEYS);
        let has_position = r.position.is_some();
        let id = c.req_id(&at, "this party", r.id);
        ids.claim(&mut c, &id, &at);
        let name = c.req_text(&at, "this party", "name", r.name);
        let kind = c.keyword(&at, "kind", "party kind", r.kind, PartyKind::parse, &kinds);
        let aliases = c.text_list(&at, "aliases", r.aliases);
        let description = c.opt_text(&at, "description", r.description);
        let position = c.opt_text(&at, "position", r.position);
        if let (Some(id), Some(name)) = (id, name) {
            if !has_position {
                c.warning(
                    at,
                    format!("party `{id}` has no `position`: say where they stand in this story (or \"No position reported.\")"),
                );
            }
            parties.push(Party {
                id,
                name,
                kind: kind.unwrap_or(PartyKind::Other),
                aliases,
                description,
                position,
            });
        }
    }

    let mut analysts = Vec::new();
    let items = c.list("", "analysts", s.analysts);
    for (at, r) in c.entries("analysts", "", "an analyst", items) {
        let r: RawAnalyst = r;
        c.keys(&at, &r.extra, RawAnalyst::KEYS);
        let id = c.req_id(&at, "this analyst", r.id);
        ids.claim(&mut c, &id, &at);
        let name = c.req_text(&at, "this analyst", "name", r.name);
        let role = c.opt_text(&at, "role", r.role);
        let affiliation = c.opt_text(&at, "affiliation", r.affiliation);
        let view = c.opt_text(&at, "view", r.view);
        if let (Some(id), Some(name)) = (id, name) {
            analysts.push((
                at,
                Analyst {
                    id,
                    name,
                    role,
                    affiliation,
                    view,
                },
            ));
        }
    }

    let people: Vec<&str> = parties
        .iter()
        .map(|p| p.id.as_str())
        .chain(analysts.iter().map(|(_, a)| a.id.as_str()))
        .collect();
    let source_ids: Vec<&str> = sources.iter().map(|(_, s)| s.id.as_str()).collect();
    let names = Names {
        people_set: people.iter().copied().collect(),
        people,
        source_set: source_ids.iter().copied().collect(),
        sources: source_ids,
    };
    let mut cited: HashSet<Str> = HashSet::new();

    let mut quotes = Vec::new();
    let quote_kinds = words(QuoteKind::ALL, QuoteKind::as_str);
    let items = c.list("", "quotes", s.quotes);
    for (at, r) in c.entries("quotes", "", "a quote", items) {
        let r: RawQuote = r;
        c.keys(&at, &r.extra, RawQuote::KEYS);
        let id = c.opt_id(&at, r.id);
        ids.claim(&mut c, &id, &at);
        if r.by.is_none() {
            c.error(
                at.clone(),
                "this quote is missing `by`, which is required: who said it".into(),
            );
        }
        c.no_value(&at, "by", &r.by);
        let by = names.person(&mut c, &at, "by", r.by);
        let text = c.req_text(&at, "this quote", "text", r.text);
        let kind = c.keyword(
            &at,
            "kind",
            "quote kind",
            r.kind,
            QuoteKind::parse,
            &quote_kinds,
        );
        let via = names.person(&mut c, &at, "via", r.via);
        let date = c.opt_date(&at, r.date);
        let source = names.source(&mut c, &mut cited, &at, r.source);
        let context = c.opt_text(&at, "context", r.context);
        if let (Some(by), Some(text)) = (by, text) {
            quotes.push(Quote {
                id,
                by,
                text,
                kind: kind.unwrap_or(QuoteKind::Direct),
                via,
                date,
                source,
                context,
            });
        }
    }

    let quote_ids: Vec<&str> = quotes.iter().filter_map(|q| q.id.as_deref()).collect();
    let quote_set: HashSet<&str> = quote_ids.iter().copied().collect();
    let statuses = words(ClaimStatus::ALL, ClaimStatus::as_str);
    let stance_words = words(StanceKind::ALL, StanceKind::as_str);
    let mut claims = Vec::new();
    let items = c.list("", "claims", s.claims);
    for (at, r) in c.entries("claims", "", "a claim", items) {
        let r: RawClaim = r;
        c.keys(&at, &r.extra, RawClaim::KEYS);
        let id = c.req_id(&at, "this claim", r.id);
        ids.claim(&mut c, &id, &at);
        let text = c.req_text(&at, "this claim", "text", r.text);
        let status = c.keyword(
            &at,
            "status",
            "claim status",
            r.status,
            ClaimStatus::parse,
            &statuses,
        );
        let source = names.source(&mut c, &mut cited, &at, r.source);
        let mut stances = Vec::new();
        let mut stance_by: HashMap<Str, String> = HashMap::new();
        let items = c.list(&at, "stances", r.stances);
        for (sat, st) in c.entries("stances", &at, "a stance", items) {
            let st: RawStance = st;
            c.keys(&sat, &st.extra, RawStance::KEYS);
            if st.by.is_none() {
                c.error(
                    sat.clone(),
                    "this stance is missing `by`, which is required: whose stance it is".into(),
                );
            }
            c.no_value(&sat, "by", &st.by);
            let by = names.person(&mut c, &sat, "by", st.by);
            if st.stance.is_none() {
                c.error(
                    sat.clone(),
                    format!(
                        "this stance is missing `stance`, which is required: one of {}",
                        one_of(stance_words.iter().copied())
                    ),
                );
            }
            c.no_value(&sat, "stance", &st.stance);
            let kind = c.keyword(
                &sat,
                "stance",
                "stance",
                st.stance,
                StanceKind::parse,
                &stance_words,
            );
            let note = c.opt_text(&sat, "note", st.note);
            let quote = match c.opt_text(&sat, "quote", st.quote) {
                Some(q) if quote_set.contains(q.as_str()) => Some(q),
                Some(q) => {
                    c.error(
                        child(&sat, "quote"),
                        format!(
                            "`quote: {q}` names no quote; {} (give the quote an `id` to refer to it)",
                            known_list(&quote_ids)
                        ),
                    );
                    None
                }
                None => None,
            };
            if let Some(by) = &by {
                let by_path = child(&sat, "by");
                if let Some(first) = stance_by.get(by) {
                    c.problems.push(Problem {
                        path: by_path,
                        target: Target::Value,
                        severity: Severity::Error,
                        message: format!(
                            "`{by}` already has a stance on this claim ({}); one stance per party or analyst",
                            first.trim_end_matches(".by")
                        ),
                        first: Some((first.clone(), Target::Value)),
                    });
                    continue;
                }
                stance_by.insert(by.clone(), by_path);
            }
            if let (Some(by), Some(stance)) = (by, kind) {
                stances.push(Stance {
                    by,
                    stance,
                    note,
                    quote,
                });
            }
        }
        if let (Some(id), Some(text)) = (id, text) {
            claims.push(Claim {
                id,
                text,
                status,
                source,
                stances,
            });
        }
    }

    let mut events = Vec::new();
    let items = c.list("", "timeline", s.timeline);
    for (file_index, (at, r)) in c
        .entries("timeline", "", "an event", items)
        .into_iter()
        .enumerate()
    {
        let r: RawEvent = r;
        c.keys(&at, &r.extra, RawEvent::KEYS);
        let id = c.opt_id(&at, r.id);
        ids.claim(&mut c, &id, &at);
        let date = c.opt_date(&at, r.date);
        let title = c.req_text(&at, "this event", "title", r.title);
        let detail = c.opt_text(&at, "detail", r.detail);
        let mut involves = Vec::new();
        let items = c.list(&at, "involves", r.involves);
        for (i, v) in items.into_iter().enumerate() {
            let p = Place {
                at: &at,
                key: "involves",
                index: Some(i),
            };
            let Some(who) = c.text_of(p, v) else { continue };
            if names.people_set.contains(who.as_str()) {
                involves.push(who);
            } else {
                let close = close_to(&who, &names.people);
                c.error(
                    p.path(),
                    format!(
                        "`{who}` names no party or analyst; {}{close}",
                        known_list(&names.people)
                    ),
                );
            }
        }
        let source = names.source(&mut c, &mut cited, &at, r.source);
        if let Some(title) = title {
            events.push(Event {
                id,
                date,
                title,
                detail,
                involves,
                source,
                file_index,
            });
        }
    }

    // Warnings: analysts never quoted, sources never cited.
    for (at, a) in &analysts {
        if !quotes.iter().any(|q| q.by == a.id) {
            c.warning(
                at.clone(),
                format!(
                    "analyst `{}` is never quoted: add a quote `by: {}` or drop the analyst",
                    a.id, a.id
                ),
            );
        }
    }
    for (at, s) in &sources {
        if !cited.contains(&s.id) {
            c.warning(
                at.clone(),
                format!(
                    "source `{}` is never cited: no quote, claim or event names it as `source`",
                    s.id
                ),
            );
        }
    }

    if c.has_errors() {
        return (None, c.problems);
    }
    let (Some(id), Some(title)) = (id, title) else {
        return (None, c.problems);
    };
    // An event whose entry is not a mapping was reported; file indexes follow the entries.
    let dates: Vec<Option<&PartialDate>> = events.iter().map(|e| e.date.as_ref()).collect();
    let order = timeline_order(&dates);
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let timeline = order.into_iter().filter_map(|i| slots[i].take()).collect();
    let mut story = Story {
        format,
        id,
        title,
        date,
        question,
        summary,
        tags,
        sources: sources.into_iter().map(|(_, s)| s).collect(),
        parties,
        analysts: analysts.into_iter().map(|(_, a)| a).collect(),
        quotes,
        claims,
        timeline,
        extensions: s.extra.extensions,
        file: file.to_path_buf(),
    };
    story.shrink_to_fit();
    (Some(story), c.problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        for ok in ["a", "acme", "richard-fisher", "x1-2b", "2025"] {
            assert!(is_kebab_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Acme", "a_b", "a b", "é", "a.b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
        assert_eq!(kebab("Acme Corp."), "acme-corp");
    }

    /// A required reference or stance with no value is an error, not a silently dropped item.
    #[test]
    fn required_keys_without_a_value_are_errors() {
        let base = "id: a\ntitle: T\nparties:\n  - id: acme\n    name: Acme\n    position: x\n";
        for (extra, path) in [
            ("quotes:\n  - by: ~\n    text: Lost words.\n", "quotes[0].by"),
            (
                "claims:\n  - id: c\n    text: C\n    stances:\n      - by: acme\n        stance: ~\n",
                "claims[0].stances[0].stance",
            ),
            (
                "claims:\n  - id: c\n    text: C\n    stances:\n      - by:\n        stance: supports\n",
                "claims[0].stances[0].by",
            ),
            ("timeline:\n  - title: E\n    involves: [acme, ~]\n", "timeline[0].involves[1]"),
        ] {
            let text = format!("{base}{extra}");
            let r = crate::story::parse::parse_str(std::path::Path::new("t.yaml"), &text);
            assert!(r.story.is_none(), "{text}");
            assert!(
                r.diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error && d.path == path),
                "{text}\n{:#?}",
                r.diagnostics
            );
        }
    }
}
