//! Each item of a story as plain lines: its headline, then what the explorer's
//! detail shows about it, one "Label: value" line each. `storyx show` prints them
//! as list items; the explorer's `y` puts them on the clipboard. Unsanitized:
//! the caller cleans them for its medium.

use crate::story::{Analyst, Claim, Event, Party, Quote, Source, Story};
use crate::wording::{attributed, stance_phrase};

/// "Name (outlet)", the way a reference to a source is shown (its id when unknown).
pub fn source_name(s: &Story, id: &str) -> String {
    match s.source(id) {
        Some(src) => match &src.outlet {
            Some(o) => format!("{} ({o})", src.name),
            None => src.name.to_string(),
        },
        None => format!("{id} (unknown source)"),
    }
}

/// A quote with its speaker and who relayed it, in the one wording.
pub fn said(s: &Story, q: &Quote) -> String {
    attributed(
        s.name_of(&q.by),
        q.via.as_deref().map(|v| s.name_of(v)),
        q.kind,
        &q.text,
    )
}

pub fn quote(s: &Story, q: &Quote) -> Vec<String> {
    let mut lines = vec![said(s, q)];
    if let Some(d) = &q.date {
        lines.push(format!("Date: {d}"));
    }
    if let Some(c) = &q.context {
        lines.push(format!("Context: {c}"));
    }
    if let Some(src) = &q.source {
        lines.push(format!("Source: {}", source_name(s, src)));
    }
    lines
}

pub fn event(s: &Story, e: &Event) -> Vec<String> {
    let when = e
        .date
        .as_ref()
        .map_or("(undated)".to_string(), |d| d.to_string());
    let mut lines = vec![format!("{when}: {}", e.title)];
    if let Some(d) = &e.detail {
        lines.push(d.to_string());
    }
    if !e.involves.is_empty() {
        let who: Vec<&str> = e.involves.iter().map(|i| s.name_of(i)).collect();
        lines.push(format!("Involves: {}", who.join(", ")));
    }
    if let Some(src) = &e.source {
        lines.push(format!("Source: {}", source_name(s, src)));
    }
    lines
}

pub fn party(p: &Party) -> Vec<String> {
    let mut lines = vec![format!(
        "{} ({}): {}",
        p.name,
        p.kind,
        p.position.as_deref().unwrap_or("no position given")
    )];
    if !p.aliases.is_empty() {
        lines.push(format!("Also called: {}", p.aliases.join(", ")));
    }
    if let Some(d) = &p.description {
        lines.push(format!("Who they are: {d}"));
    }
    lines
}

pub fn analyst(a: &Analyst) -> Vec<String> {
    let head: Vec<&str> = [
        Some(a.name.as_str()),
        a.role.as_deref(),
        a.affiliation.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut lines = vec![head.join(", ")];
    if let Some(v) = &a.view {
        lines.push(format!("View: {v}"));
    }
    lines
}

/// The claim, its status and source, and each stance with its note and the quote it cites.
pub fn claim(s: &Story, c: &Claim) -> Vec<String> {
    let status = c.status.map_or("no status given", |x| x.as_str());
    let mut lines = vec![format!("Claim ({status}): {}", c.text)];
    if let Some(src) = &c.source {
        lines.push(format!("Source: {}", source_name(s, src)));
    }
    for st in &c.stances {
        lines.push(stance(s, st));
        if let Some(qid) = &st.quote {
            lines.push(format!("  citing {}", cited(s, qid)));
        }
    }
    lines
}

/// "Name disputes the claim — note".
pub fn stance(s: &Story, st: &crate::story::Stance) -> String {
    let note = st
        .note
        .as_deref()
        .map(|n| format!(" — {n}"))
        .unwrap_or_default();
    format!("{} {}{note}", s.name_of(&st.by), stance_phrase(st.stance))
}

/// The quote a stance cites, with its speaker ("quote `x` (unknown)" when there is none).
pub fn cited(s: &Story, qid: &str) -> String {
    match s.quote(qid) {
        Some(q) => said(s, q),
        None => format!("quote `{qid}` (unknown)"),
    }
}

pub fn source(src: &Source) -> Vec<String> {
    let about: Vec<String> = src
        .outlet
        .iter()
        .map(|o| o.to_string())
        .chain(src.date.as_ref().map(|d| d.to_string()))
        .collect();
    let mut head = src.name.to_string();
    if !about.is_empty() {
        head = format!("{head} ({})", about.join(", "));
    }
    let mut lines = vec![head];
    if let Some(u) = &src.url {
        lines.push(format!("URL: {u}"));
    }
    if let Some(n) = &src.note {
        lines.push(format!("Note: {n}"));
    }
    lines
}
