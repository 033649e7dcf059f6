//! What an editor needs to know about one story text: every scalar with its path and
//! place (from the loader's own event pass, [`crate::story::locate::scalars`]), the ids it
//! defines, the references it makes, and the path at a cursor in a half-typed line.

use lsp_types::{Position, Range};

use super::text::Lines;
use crate::story::locate::{self, Budgets, ScalarAt};
use crate::story::Location;

/// What kind of item an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Source,
    Party,
    Analyst,
    Quote,
    Claim,
    Event,
}

impl ItemKind {
    /// The item kind of a top-level list.
    pub fn of_list(key: &str) -> Option<ItemKind> {
        Some(match key {
            "sources" => ItemKind::Source,
            "parties" => ItemKind::Party,
            "analysts" => ItemKind::Analyst,
            "quotes" => ItemKind::Quote,
            "claims" => ItemKind::Claim,
            "timeline" => ItemKind::Event,
            _ => return None,
        })
    }

    pub fn word(self) -> &'static str {
        match self {
            ItemKind::Source => "source",
            ItemKind::Party => "party",
            ItemKind::Analyst => "analyst",
            ItemKind::Quote => "quote",
            ItemKind::Claim => "claim",
            ItemKind::Event => "event",
        }
    }

    /// Whether the same id in other stories names the same thing (entities; claims).
    pub fn across_stories(self) -> bool {
        matches!(self, ItemKind::Party | ItemKind::Analyst | ItemKind::Claim)
    }
}

/// What a reference field may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A party or an analyst.
    Speaker,
    Party,
    Source,
    Quote,
}

impl Target {
    pub fn accepts(self, kind: ItemKind) -> bool {
        match self {
            Target::Speaker => matches!(kind, ItemKind::Party | ItemKind::Analyst),
            Target::Party => kind == ItemKind::Party,
            Target::Source => kind == ItemKind::Source,
            Target::Quote => kind == ItemKind::Quote,
        }
    }
}

/// The reference fields of the format (its table "References"), by generic path.
const REFERENCES: &[(&str, Target)] = &[
    ("quotes[].by", Target::Speaker),
    ("quotes[].via", Target::Speaker),
    ("quotes[].source", Target::Source),
    ("claims[].source", Target::Source),
    ("claims[].stances[].by", Target::Speaker),
    ("claims[].stances[].quote", Target::Quote),
    ("timeline[].involves[]", Target::Speaker),
    ("timeline[].source", Target::Source),
    ("parties[].speaks_for", Target::Party),
    ("sources[].by", Target::Speaker),
    ("sources[].cites[]", Target::Source),
];

/// `quotes[3].by` → `quotes[].by`.
pub fn generic(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// What the field at a generic path refers to, if it is a reference.
pub fn reference_target(generic_path: &str) -> Option<Target> {
    REFERENCES
        .iter()
        .find(|(p, _)| *p == generic_path)
        .map(|&(_, t)| t)
}

/// An id given to an item.
#[derive(Debug, Clone)]
pub struct Def {
    pub kind: ItemKind,
    pub id: String,
    /// The item's path (`parties[2]`).
    pub item: String,
    /// The id's value in the file.
    pub scalar: usize,
}

/// A reference to an id.
#[derive(Debug, Clone)]
pub struct Ref {
    pub target: Target,
    pub scalar: usize,
}

/// One document, analysed.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub scalars: Vec<ScalarAt>,
    pub defs: Vec<Def>,
    pub refs: Vec<Ref>,
}

impl Analysis {
    /// Analyses a text. A syntax error (often a line being typed) costs only that line:
    /// it is blanked and the rest is read again (a few times at most).
    pub fn of(text: &str) -> Analysis {
        let budgets = Budgets::default();
        let (mut scalars, mut stop) = locate::scalars(text, budgets);
        let mut current = text.to_string();
        for _ in 0..4 {
            let Some(s) = &stop else { break };
            if s.message.contains("budget") {
                break;
            }
            // The line the parser stopped at, or the one above it (a half-typed key
            // reads as the continuation of the value before it): whichever reads further.
            let lines = Lines::new(&current);
            let n = s.location.line.saturating_sub(1).min(lines.count() - 1);
            let above = (0..n)
                .rev()
                .find(|&r| !lines.line(&current, r).trim().is_empty());
            let mut best: Option<(String, Vec<ScalarAt>, Option<locate::ScanStop>)> = None;
            for row in std::iter::once(n).chain(above) {
                let start = lines.start(&current, row);
                let end = start + lines.line(&current, row).len();
                let mut next = String::with_capacity(current.len());
                next.push_str(&current[..start]);
                next.extend(current[start..end].chars().map(|_| ' '));
                next.push_str(&current[end..]);
                let (again, again_stop) = locate::scalars(&next, budgets);
                let better = best.as_ref().is_none_or(|(_, b, b_stop)| {
                    (again_stop.is_none(), again.len()) > (b_stop.is_none(), b.len())
                });
                if better {
                    best = Some((next, again, again_stop));
                }
            }
            let Some((next, again, again_stop)) = best else {
                break;
            };
            if again.len() < scalars.len() {
                break;
            }
            scalars = again;
            stop = again_stop;
            current = next;
        }
        let mut analysis = Analysis {
            scalars,
            ..Analysis::default()
        };
        analysis.index();
        analysis
    }

    fn index(&mut self) {
        for (i, s) in self.scalars.iter().enumerate() {
            if s.key {
                continue;
            }
            let g = generic(&s.path);
            if let Some(target) = reference_target(&g) {
                self.refs.push(Ref { target, scalar: i });
                continue;
            }
            let Some(list) = g.strip_suffix("[].id") else {
                continue;
            };
            if let Some(kind) = ItemKind::of_list(list) {
                self.defs.push(Def {
                    kind,
                    id: s.value.clone(),
                    item: s.path[..s.path.len() - 3].to_string(),
                    scalar: i,
                });
            }
        }
    }

    /// The value scalar at a path.
    pub fn value(&self, path: &str) -> Option<&ScalarAt> {
        self.scalars.iter().find(|s| !s.key && s.path == path)
    }

    /// The def of an id that a reference of this target may name.
    pub fn def_for(&self, target: Target, id: &str) -> Option<&Def> {
        self.defs
            .iter()
            .find(|d| d.id == id && target.accepts(d.kind))
    }

    /// The scalar (value or key) under a position.
    pub fn scalar_at(&self, text: &str, lines: &Lines, at: Position) -> Option<usize> {
        let at = lines.location(text, at);
        self.scalars.iter().position(|s| {
            (s.start.line, s.start.column) <= (at.line, at.column)
                && (at.line, at.column) <= (s.end.line, s.end.column)
                && s.start.line == s.end.line
        })
    }

    /// The range of a scalar's text, inside its quotes if it has them (found in the text:
    /// the parser's span may take in white space after it).
    pub fn inner_range(&self, text: &str, lines: &Lines, i: usize) -> Range {
        let s = &self.scalars[i];
        let line = lines.line(text, s.start.line - 1);
        let rest: Vec<char> = line.chars().skip(s.start.column - 1).collect();
        let on_line = |from: usize, len: usize| {
            let start = Location {
                line: s.start.line,
                column: s.start.column + from,
            };
            let end = Location {
                line: s.start.line,
                column: start.column + len,
            };
            lines.range(text, start, end)
        };
        if s.start.line == s.end.line {
            match rest.first() {
                Some(&q @ ('"' | '\'')) if s.quoted => {
                    let mut k = 1;
                    while k < rest.len() {
                        if q == '"' && rest[k] == '\\' {
                            k += 2;
                            continue;
                        }
                        if rest[k] == q {
                            if q == '\'' && rest.get(k + 1) == Some(&'\'') {
                                k += 2;
                                continue;
                            }
                            return on_line(1, k - 1);
                        }
                        k += 1;
                    }
                }
                _ if !s.quoted => return on_line(0, s.value.chars().count()),
                _ => {}
            }
        }
        lines.range(text, s.start, s.end)
    }

    /// The place of the item at `item` path: from its first scalar to its last.
    pub fn item_range(&self, text: &str, lines: &Lines, item: &str) -> Option<Range> {
        let inside = |p: &str| {
            p == item
                || p.strip_prefix(item)
                    .is_some_and(|r| r.starts_with(['.', '[']))
        };
        let mut mine = self.scalars.iter().filter(|s| inside(&s.path));
        let first = mine.next()?;
        let last = mine.next_back().unwrap_or(first);
        Some(lines.range(text, first.start, last.end))
    }

    /// Every def and reference of `id` that names an item of `kind`: (scalar, is_def).
    pub fn occurrences(&self, kind: ItemKind, id: &str) -> Vec<(usize, bool)> {
        let mut out: Vec<(usize, bool)> = self
            .defs
            .iter()
            .filter(|d| d.kind == kind && d.id == id)
            .map(|d| (d.scalar, true))
            .collect();
        out.extend(
            self.refs
                .iter()
                .filter(|r| r.target.accepts(kind) && self.scalars[r.scalar].value == id)
                .map(|r| (r.scalar, false)),
        );
        out.sort_unstable();
        out
    }

    /// The kind of item an id names in this document (its def), for a reference of `target`.
    pub fn kind_of(&self, target: Target, id: &str) -> Option<ItemKind> {
        self.def_for(target, id).map(|d| d.kind)
    }
}

/// One step of a path at a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Item,
}

/// The parts of a line: `- ` markers (their columns, from 0 in characters) and a key.
struct LineShape {
    dashes: Vec<usize>,
    key: Option<(usize, String)>,
    /// What follows the key's colon, trimmed.
    rest: String,
}

fn shape(line: &str) -> LineShape {
    let chars: Vec<char> = line.chars().collect();
    let mut i = chars.iter().take_while(|c| **c == ' ').count();
    let mut dashes = Vec::new();
    while i < chars.len() && chars[i] == '-' && chars.get(i + 1).is_none_or(|c| *c == ' ') {
        dashes.push(i);
        i += 1;
        i += chars[i..].iter().take_while(|c| **c == ' ').count();
    }
    let rest: String = chars[i..].iter().collect();
    let key = key_of(&rest).map(|k| (i, k.to_string()));
    let after = match &key {
        Some((_, k)) => rest[k.len()..].trim_start_matches(':').trim().to_string(),
        None => String::new(),
    };
    LineShape {
        dashes,
        key,
        rest: after,
    }
}

/// The key of `key: ...` or `key:` at the start of a text.
fn key_of(s: &str) -> Option<&str> {
    let end = s.find(':')?;
    let key = &s[..end];
    let ok = !key.is_empty()
        && !key.starts_with(['{', '[', '"', '\'', '#', '&', '*', '!', '|', '>'])
        && !key.contains(' ');
    (ok && s[end + 1..].chars().next().is_none_or(|c| c == ' ')).then_some(key)
}

/// The path of the mapping or list that holds column `col` (characters, from 0) of
/// line `n` (from 0), from the lines above it: tolerant of half-typed lines.
pub fn enclosing(text: &str, lines: &Lines, n: usize, col: usize) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::new();
    let mut limit = col;
    let mut row = n;
    while limit > 0 && row > 0 {
        row -= 1;
        let line = lines.line(text, row);
        let t = line.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let s = shape(line);
        let mut found: Vec<Seg> = Vec::new();
        let mut new_limit = None;
        for &d in &s.dashes {
            if d < limit {
                found.push(Seg::Item);
                new_limit.get_or_insert(d);
            }
        }
        if let Some((k, key)) = &s.key {
            if *k < limit && (s.rest.is_empty() || s.rest.starts_with(['|', '>', '#'])) {
                found.push(Seg::Key(key.clone()));
                new_limit.get_or_insert(*k);
            } else if *k < limit {
                // A line with a value at a smaller column: a sibling of an outer mapping.
                new_limit.get_or_insert(*k);
                if found.is_empty() {
                    limit = *k;
                    continue;
                }
            }
        } else {
            let first = line.len() - t.len();
            if first < limit && found.is_empty() {
                limit = first;
                continue;
            }
        }
        if let Some(l) = new_limit {
            for seg in found.into_iter().rev() {
                segs.insert(0, seg);
            }
            limit = l;
        }
    }
    segs
}

/// What the cursor is on, for completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// A key being typed in the mapping at this path; `word` typed so far.
    Key {
        at: Vec<Seg>,
        word: String,
        start: Position,
    },
    /// A value being typed for the field at this path (ends with `Key` or `Item`).
    Value {
        at: Vec<Seg>,
        word: String,
        start: Position,
    },
}

/// Where the cursor is, from its line and the lines above.
pub fn spot(text: &str, lines: &Lines, at: Position) -> Option<Spot> {
    let n = at.line as usize;
    let line = lines.line(text, n);
    let offset = lines.offset(text, at) - lines.start(text, n);
    let before = &line[..offset.min(line.len())];
    let chars: Vec<char> = before.chars().collect();
    // The word being typed: back to a space, `[`, `{`, `,`, `:` or a quote.
    let word_start = chars
        .iter()
        .rposition(|c| matches!(c, ' ' | '[' | '{' | ',' | ':' | '"' | '\''))
        .map_or(0, |i| i + 1);
    let word: String = chars[word_start..].iter().collect();
    let start_units: usize = chars[..word_start].iter().map(|c| c.len_utf16()).sum();
    let start = Position::new(at.line, start_units as u32);
    let head: String = chars[..word_start].iter().collect();
    let s = shape(&head);
    let key_col = s.key.as_ref().map_or(
        s.dashes
            .last()
            .map_or(head.len() - head.trim_start().len(), |d| d + 2),
        |(k, _)| *k,
    );
    // A line that starts list items: the list holds them, found from the first dash.
    let outer = s.dashes.first().copied().unwrap_or(key_col);
    let mut path = enclosing(text, lines, n, outer);
    path.extend(s.dashes.iter().map(|_| Seg::Item));
    // Inside a flow collection on this line: the innermost open `{` or `[`.
    let mut depth: Vec<(char, usize)> = Vec::new();
    for (i, c) in chars[..word_start].iter().enumerate() {
        match c {
            '{' | '[' => depth.push((*c, i)),
            '}' | ']' => {
                depth.pop();
            }
            _ => {}
        }
    }
    if let Some(&(open, i)) = depth.last() {
        if let Some((_, key)) = &s.key {
            if depth.len() == 1 && i > s.key.as_ref().map_or(0, |(k, _)| *k) {
                path.push(Seg::Key(key.clone()));
            }
        }
        let inner: String = chars[i + 1..word_start].iter().collect();
        let segment = inner.rsplit(',').next().unwrap_or("").trim_start();
        if open == '[' {
            path.push(Seg::Item);
            return Some(Spot::Value {
                at: path,
                word,
                start,
            });
        }
        return Some(match key_of(segment) {
            Some(k) => {
                path.push(Seg::Key(k.to_string()));
                Spot::Value {
                    at: path,
                    word,
                    start,
                }
            }
            None => Spot::Key {
                at: path,
                word,
                start,
            },
        });
    }
    match &s.key {
        Some((_, key)) => {
            path.push(Seg::Key(key.clone()));
            Some(Spot::Value {
                at: path,
                word,
                start,
            })
        }
        None if !s.dashes.is_empty() && head.trim_end().ends_with('-') => {
            // `- word`: a list entry; a mapping's first key or a scalar item. Both are
            // offered by the caller from what the list holds.
            Some(Spot::Key {
                at: path,
                word,
                start,
            })
        }
        None if head.trim().is_empty() => Some(Spot::Key {
            at: path,
            word,
            start,
        }),
        None => None,
    }
}

/// A concrete path (`quotes[3].by`) as steps.
pub fn segs_of(path: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Seg::Key(key.to_string()));
        }
        out.extend(rest.matches(']').map(|_| Seg::Item));
    }
    out
}

/// `quotes[].by`-style text of a path at a cursor.
pub fn generic_of(segs: &[Seg]) -> String {
    let mut out = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Item => out.push_str("[]"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "id: s\ntitle: T\nparties:\n  - id: acme\n    name: Acme\nquotes:\n  - by: acme\n    text: hi\nclaims:\n  - id: c\n    text: t\n    stances:\n      - { by: acme, stance: supports }\n      - by: acme\n        st\ntimeline:\n  - title: x\n    involves: [acme, ]\n";

    fn spot_at(line: u32, character: u32) -> Spot {
        let lines = Lines::new(STORY);
        spot(STORY, &lines, Position::new(line, character)).unwrap()
    }

    #[test]
    fn finds_defs_and_refs() {
        let a = Analysis::of(STORY);
        let acme = a.def_for(Target::Speaker, "acme").unwrap();
        assert_eq!(acme.kind, ItemKind::Party);
        assert_eq!(acme.item, "parties[0]");
        // `st` on its own line is a syntax error: only that line is lost.
        let occ = a.occurrences(ItemKind::Party, "acme");
        assert_eq!(occ.len(), 5, "{occ:?}");
        assert!(a.value("timeline[0].title").is_some());
    }

    #[test]
    fn finds_the_path_at_a_cursor() {
        match spot_at(6, 8) {
            Spot::Value { at, word, .. } => {
                assert_eq!(generic_of(&at), "quotes[].by");
                assert_eq!(word, "");
            }
            other => panic!("{other:?}"),
        }
        match spot_at(14, 10) {
            Spot::Key { at, word, .. } => {
                assert_eq!(generic_of(&at), "claims[].stances[]");
                assert_eq!(word, "st");
            }
            other => panic!("{other:?}"),
        }
        match spot_at(12, 31) {
            Spot::Value { at, word, .. } => {
                assert_eq!(generic_of(&at), "claims[].stances[].stance");
                assert_eq!(word, "sup");
            }
            other => panic!("{other:?}"),
        }
        match spot_at(17, 21) {
            Spot::Value { at, .. } => assert_eq!(generic_of(&at), "timeline[].involves[]"),
            other => panic!("{other:?}"),
        }
        match spot_at(6, 8) {
            Spot::Value { at, .. } => assert_eq!(generic_of(&at), "quotes[].by"),
            other => panic!("{other:?}"),
        }
        match spot_at(13, 11) {
            Spot::Value { at, .. } => assert_eq!(generic_of(&at), "claims[].stances[].by"),
            other => panic!("{other:?}"),
        }
        match spot_at(7, 4) {
            Spot::Key { at, .. } => assert_eq!(generic_of(&at), "quotes[]"),
            other => panic!("{other:?}"),
        }
        match spot_at(1, 0) {
            Spot::Key { at, .. } => assert!(at.is_empty()),
            other => panic!("{other:?}"),
        }
    }
}
