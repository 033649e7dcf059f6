//! `storyx who`: one entity across every story, as text or JSON.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::cli::LoadArgs;
use crate::corpus::{Corpus, Entity, Role};
use crate::people::{appearances, lookup, Lookup};
use crate::sanitize::{sanitize, sanitize_line, to_json_pretty};
use crate::story::{PartialDate, QuoteKind};

pub fn run(query: &str, load: &LoadArgs, as_json: bool) -> u8 {
    let corpus = super::load(load);
    super::note_failures(&corpus);
    match lookup(&corpus, query) {
        Lookup::One(e) => {
            let out = if as_json {
                to_json_pretty(&entity_json(&corpus, e)) + "\n"
            } else {
                text(&corpus, e)
            };
            super::print_out(out.as_bytes())
        }
        Lookup::Ambiguous(candidates) => {
            eprintln!("storyx: `{}` could be any of:", sanitize_line(query));
            for e in candidates.iter().take(20) {
                eprintln!("  {}  {}", sanitize_line(&e.id), sanitize_line(&e.name));
            }
            eprintln!("give the id to choose one");
            1
        }
        Lookup::None => {
            eprintln!(
                "storyx: no party or analyst matches `{}`",
                sanitize_line(query)
            );
            1
        }
    }
}

fn date(d: &Option<PartialDate>) -> Value {
    d.as_ref()
        .map_or(Value::Null, |d| Value::String(d.raw.to_string()))
}

/// `{id, name, stories: [{story, title, kind, role, affiliation, position, view, quotes, stances, events}]}`.
pub fn entity_json(corpus: &Corpus, e: &Entity) -> Value {
    let stories: Vec<Value> = appearances(corpus, e)
        .iter()
        .map(|a| {
            let party = a.story.parties.iter().find(|p| p.id == e.id).filter(|_| a.role == Role::Party);
            let analyst = a.story.analysts.iter().find(|x| x.id == e.id).filter(|_| a.role == Role::Analyst);
            json!({
                "story": a.story.id,
                "title": a.story.title,
                "as": match a.role { Role::Party => "party", Role::Analyst => "analyst" },
                "name": party.map(|p| &p.name).or(analyst.map(|x| &x.name)),
                "kind": party.map(|p| p.kind.as_str()),
                "role": analyst.and_then(|x| x.role.clone()),
                "affiliation": analyst.and_then(|x| x.affiliation.clone()),
                "position": party.and_then(|p| p.position.clone()),
                "view": analyst.and_then(|x| x.view.clone()),
                "quotes": a.quotes.iter().map(|q| json!({
                    "id": q.id, "text": q.text, "kind": q.kind.as_str(), "via": q.via,
                    "source": q.source, "date": date(&q.date),
                })).collect::<Vec<_>>(),
                "stances": a.stances.iter().map(|(c, s)| json!({
                    "claim": c.id, "claim_text": c.text, "stance": s.stance.as_str(), "note": s.note,
                })).collect::<Vec<_>>(),
                "events": a.events.iter().map(|ev| json!({"title": ev.title, "date": date(&ev.date)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"id": e.id, "name": e.name, "stories": stories})
}

/// The same, for reading.
pub fn text(corpus: &Corpus, e: &Entity) -> String {
    let apps = appearances(corpus, e);
    let mut out = String::new();
    let n = apps.len();
    let _ = writeln!(
        out,
        "{} ({}) — {n} stor{}",
        e.name,
        e.id,
        if n == 1 { "y" } else { "ies" }
    );
    for a in &apps {
        let _ = writeln!(out, "\n{} · {}", a.story.id, a.story.title);
        match a.role {
            Role::Party => {
                if let Some(p) = a.story.parties.iter().find(|p| p.id == e.id) {
                    let _ = writeln!(
                        out,
                        "  party ({}): {}",
                        p.kind,
                        p.position.as_deref().unwrap_or("no position given")
                    );
                }
            }
            Role::Analyst => {
                if let Some(x) = a.story.analysts.iter().find(|x| x.id == e.id) {
                    let about: Vec<&str> = [x.role.as_deref(), x.affiliation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    let _ = writeln!(
                        out,
                        "  analyst{}",
                        if about.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", about.join(", "))
                        }
                    );
                    if let Some(v) = &x.view {
                        let _ = writeln!(out, "  view: {v}");
                    }
                }
            }
        }
        for q in &a.quotes {
            let via = q
                .via
                .as_deref()
                .map(|v| format!(" (via {})", a.story.name_of(v)))
                .unwrap_or_default();
            let _ = match q.kind {
                QuoteKind::Direct => writeln!(out, "  said{via}: “{}”", q.text),
                QuoteKind::Paraphrase => writeln!(out, "  reported{via}: {}", q.text),
                QuoteKind::Declined | QuoteKind::NoResponse => {
                    writeln!(out, "  {}", q.refusal(a.story.name_of(&q.by)))
                }
            };
        }
        for q in &a.relayed {
            let _ = writeln!(out, "  relayed {}: {}", a.story.name_of(&q.by), q.text);
        }
        for (c, s) in &a.stances {
            let note = s
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  {} the claim: {}{note}", s.stance, c.text);
        }
        for ev in &a.events {
            let when = ev
                .date
                .as_ref()
                .map_or("(undated)".into(), |d| d.to_string());
            let _ = writeln!(out, "  {when}: {}", ev.title);
        }
    }
    sanitize(&out).into_owned()
}
