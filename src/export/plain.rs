//! Each item of a story as plain lines: its headline, then what the explorer's
//! detail shows about it, one "Label: value" line each. `storyx show` prints them
//! as list items; the explorer's `y` puts them on the clipboard. Unsanitized:
//! the caller cleans them for its medium.

use crate::story::{Analyst, Claim, Event, Party, Quote, Source, Story};
use crate::story::{SourceKind, Stance, StanceKind};
use crate::wording::{attributed, citing, dated_stance, speaker, stance_phrase, to_mark};

/// One source's own label: "Name (outlet)", "Name (outlet; document, by White House)"
/// when it names who wrote it.
pub fn source_label(s: &Story, src: &Source) -> String {
    let by = src
        .by
        .as_deref()
        .map(|b| format!("{}, by {}", src.kind.as_str(), s.name_of(b)));
    let about: Vec<String> = src.outlet.iter().map(|o| o.to_string()).chain(by).collect();
    if about.is_empty() {
        src.name.to_string()
    } else {
        format!("{} ({})", src.name, about.join("; "))
    }
}

/// The way a reference to a source is shown: its label and the chain of sources it
/// cites ("Reuters report, citing Financial Times report, citing White House memo
/// (document, by White House)"); its id when unknown.
pub fn source_name(s: &Story, id: &str) -> String {
    match s.source(id) {
        Some(src) => {
            let chain = s.citation_chain(src);
            let last = chain[chain.len() - 1];
            let more: Vec<String> = if last.cites.len() > 1 {
                last.cites.iter().map(|c| source_name_only(s, c)).collect()
            } else {
                Vec::new()
            };
            let labels: Vec<String> = chain.iter().map(|x| source_label(s, x)).collect();
            citing(&labels, &more)
        }
        None => format!("{id} (unknown source)"),
    }
}

fn source_name_only(s: &Story, id: &str) -> String {
    s.source(id)
        .map_or_else(|| id.to_string(), |x| source_label(s, x))
}

/// A party or analyst as a speaker: a party with a role or that speaks for another as
/// the format words it ("Liu Pengyu (spokesperson, Chinese Embassy in Washington)").
pub fn speaker_name(s: &Story, id: &str) -> String {
    match s.parties.iter().find(|p| p.id == id) {
        Some(p) => speaker(
            &p.name,
            p.role.as_deref(),
            p.speaks_for.as_deref().map(|f| s.name_of(f)),
        ),
        None => s.name_of(id).to_string(),
    }
}

/// A quote with its speaker, who relayed it and who it was said to, in the one wording.
pub fn said(s: &Story, q: &Quote) -> String {
    let line = attributed(
        &speaker_name(s, &q.by),
        q.via.as_deref().map(|v| s.name_of(v)),
        q.kind,
        &q.text,
    );
    format!("{line}{}", to_mark(q.to()))
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

pub fn party(s: &Story, p: &Party) -> Vec<String> {
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
    if let Some(r) = &p.role {
        lines.push(format!("Role: {r}"));
    }
    if let Some(f) = &p.speaks_for {
        lines.push(format!("Speaks for: {}", s.name_of(f)));
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
    for st in c.current_stances() {
        lines.push(stance(s, c, st));
        if let Some(qid) = &st.quote {
            lines.push(format!("  citing {}", cited(s, qid)));
        }
        lines.extend(earlier(s, c, st).into_iter().map(|l| format!("  {l}")));
    }
    lines
}

/// What a stance's history held besides its stance words: each earlier stance's note
/// and the quote it cited, oldest first ("earlier (1 Nov 2025): note").
pub fn earlier(s: &Story, c: &Claim, st: &Stance) -> Vec<String> {
    let mut lines = Vec::new();
    for old in c
        .history(&st.by)
        .into_iter()
        .filter(|o| !std::ptr::eq(*o, st))
    {
        let when = old
            .date
            .as_ref()
            .map_or(String::new(), |d| format!(" ({d})"));
        if let Some(n) = &old.note {
            lines.push(format!("earlier{when}: {n}"));
        }
        if let Some(qid) = &old.quote {
            lines.push(format!("earlier{when} citing {}", cited(s, qid)));
        }
    }
    lines
}

/// A stance now, with its date and history: "disputes (since 14 Nov 2025); earlier:
/// supports (1 Nov 2025)".
pub fn stance_when(c: &Claim, st: &Stance, word: fn(StanceKind) -> &'static str) -> String {
    let dates: Vec<(&'static str, Option<String>)> = c
        .history(&st.by)
        .into_iter()
        .filter(|o| !std::ptr::eq(*o, st))
        .map(|o| (word(o.stance), o.date.as_ref().map(|d| d.to_string())))
        .collect();
    let earlier: Vec<(&str, Option<&str>)> =
        dates.iter().map(|(w, d)| (*w, d.as_deref())).collect();
    let date = st.date.as_ref().map(|d| d.to_string());
    dated_stance(word(st.stance), date.as_deref(), &earlier)
}

/// "Name disputes the claim (since 14 Nov 2025); earlier: supports the claim (1 Nov 2025) — note".
pub fn stance(s: &Story, c: &Claim, st: &Stance) -> String {
    let note = st
        .note
        .as_deref()
        .map(|n| format!(" — {n}"))
        .unwrap_or_default();
    format!(
        "{} {}{note}",
        speaker_name(s, &st.by),
        stance_when(c, st, stance_phrase)
    )
}

/// The quote a stance cites, with its speaker ("quote `x` (unknown)" when there is none).
pub fn cited(s: &Story, qid: &str) -> String {
    match s.quote(qid) {
        Some(q) => said(s, q),
        None => format!("quote `{qid}` (unknown)"),
    }
}

pub fn source(s: &Story, src: &Source) -> Vec<String> {
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
    if src.kind != SourceKind::Other {
        lines.push(format!("Kind: {}", src.kind.as_str()));
    }
    if let Some(b) = &src.by {
        lines.push(format!("By: {}", s.name_of(b)));
    }
    if !src.cites.is_empty() {
        let cites: Vec<String> = src.cites.iter().map(|c| source_name(s, c)).collect();
        lines.push(format!("Citing: {}", cites.join("; ")));
    }
    lines
}
