//! `storyx show` (one story as text or JSON) and `storyx list` (one line per story).

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::cli::{LoadArgs, ShowFormat};
use crate::corpus::Corpus;
use crate::export::plain;
use crate::sanitize::{sanitize, sanitize_line, to_json, to_json_pretty};
use crate::story::{Analyst, Claim, Event, PartialDate, Party, Quote, Source, Stance, Story};

pub fn run(id: &str, load: &LoadArgs, format: ShowFormat, json: bool) -> u8 {
    let corpus = super::load(load);
    super::note_failures(&corpus);
    let Some(story) = corpus.story(id) else {
        eprintln!("{}", sanitize_line(&unknown_story(&corpus, id)));
        return 1;
    };
    let out = if json || format == ShowFormat::Json {
        to_json_pretty(&story_json(story)) + "\n"
    } else if format == ShowFormat::Markdown {
        crate::export::markdown(story)
    } else {
        text(story)
    };
    super::print_out(out.as_bytes())
}

/// "no story `x`; did you mean `a`, `b`?" — the closest ids first.
pub fn unknown_story(corpus: &Corpus, id: &str) -> String {
    let mut ids: Vec<(f64, &str)> = corpus
        .stories
        .iter()
        .map(|s| (strsim::jaro_winkler(id, &s.id), s.id.as_str()))
        .collect();
    ids.sort_by(|a, b| b.0.total_cmp(&a.0));
    let close: Vec<String> = ids.iter().take(3).map(|(_, s)| format!("`{s}`")).collect();
    if close.is_empty() {
        format!("storyx: no story `{id}`: no stories are loaded")
    } else {
        format!(
            "storyx: no story `{id}`; did you mean {}?",
            close.join(", ")
        )
    }
}

pub fn list(load: &LoadArgs, json: bool) -> u8 {
    let corpus = super::load(load);
    super::note_failures(&corpus);
    let mut out = String::new();
    if json {
        let items: Vec<Value> = corpus
            .stories
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "date": s.date.as_ref().map(|d| d.raw.clone()),
                    "title": s.title,
                    "file": s.file.display().to_string(),
                })
            })
            .collect();
        out = to_json_pretty(&Value::Array(items)) + "\n";
    } else {
        let id_w = corpus
            .stories
            .iter()
            .map(|s| s.id.chars().count())
            .max()
            .unwrap_or(0);
        for s in &corpus.stories {
            let date = s.date.as_ref().map(|d| d.raw.as_str()).unwrap_or("-");
            let _ = writeln!(
                out,
                "{:id_w$}  {:<10}  {}  {}",
                sanitize_line(&s.id),
                sanitize_line(date),
                sanitize_line(&s.title),
                sanitize_line(&s.file.display().to_string())
            );
        }
    }
    let written = super::print_out(out.as_bytes());
    if corpus.usage_problems > 0 {
        2
    } else {
        written
    }
}

fn date(d: &Option<PartialDate>) -> Value {
    d.as_ref()
        .map_or(Value::Null, |d| Value::String(d.raw.to_string()))
}

pub fn event_json(e: &Event) -> Value {
    json!({
        "id": e.id, "date": date(&e.date), "title": e.title, "detail": e.detail,
        "involves": e.involves, "source": e.source,
    })
}

pub fn source_json(x: &Source) -> Value {
    json!({
        "id": x.id, "name": x.name, "outlet": x.outlet, "date": date(&x.date), "url": x.url, "note": x.note,
    })
}

pub fn party_json(p: &Party) -> Value {
    json!({
        "id": p.id, "name": p.name, "kind": p.kind.as_str(), "aliases": p.aliases,
        "description": p.description, "position": p.position,
    })
}

pub fn analyst_json(a: &Analyst) -> Value {
    json!({
        "id": a.id, "name": a.name, "role": a.role, "affiliation": a.affiliation, "view": a.view,
    })
}

pub fn quote_json(q: &Quote) -> Value {
    json!({
        "id": q.id, "by": q.by, "text": q.text, "kind": q.kind.as_str(), "via": q.via,
        "date": date(&q.date), "source": q.source, "context": q.context,
    })
}

pub fn stance_json(st: &Stance) -> Value {
    json!({
        "by": st.by, "stance": st.stance.as_str(), "note": st.note, "quote": st.quote,
    })
}

pub fn claim_json(c: &Claim) -> Value {
    json!({
        "id": c.id, "text": c.text, "status": c.status.map(|x| x.as_str()), "source": c.source,
        "stances": c.stances.iter().map(stance_json).collect::<Vec<_>>(),
    })
}

/// The story with the file's key names, dates as written, defaults filled in,
/// `x-` keys left out and the timeline in display order.
pub fn story_json(s: &Story) -> Value {
    json!({
        "format": s.format,
        "id": s.id,
        "title": s.title,
        "date": date(&s.date),
        "question": s.question,
        "summary": s.summary,
        "tags": s.tags,
        "sources": s.sources.iter().map(source_json).collect::<Vec<_>>(),
        "parties": s.parties.iter().map(party_json).collect::<Vec<_>>(),
        "analysts": s.analysts.iter().map(analyst_json).collect::<Vec<_>>(),
        "quotes": s.quotes.iter().map(quote_json).collect::<Vec<_>>(),
        "claims": s.claims.iter().map(claim_json).collect::<Vec<_>>(),
        "timeline": s.timeline.iter().map(event_json).collect::<Vec<_>>(),
    })
}

/// Plain text for reading or piping; every story string is sanitized. Each item
/// shows what the explorer's detail shows ([`crate::export::plain`]).
pub fn text(s: &Story) -> String {
    let mut out = String::new();
    let mut line = |t: &str| {
        out.push_str(&sanitize(t));
        out.push('\n');
    };
    line(&s.title);
    line(&"=".repeat(s.title.chars().count().clamp(3, 80)));
    if let Some(d) = &s.date {
        line(&format!("Date: {d}"));
    }
    if let Some(q) = &s.question {
        line(&format!("Question: {q}"));
    }
    if !s.tags.is_empty() {
        line(&format!("Tags: {}", s.tags.join(", ")));
    }
    if let Some(summary) = &s.summary {
        line("");
        line(summary.trim_end());
    }
    let sections: [(&str, Vec<Vec<String>>); 6] = [
        ("Parties", s.parties.iter().map(plain::party).collect()),
        ("Analysts", s.analysts.iter().map(plain::analyst).collect()),
        (
            "Quotes",
            s.quotes.iter().map(|q| plain::quote(s, q)).collect(),
        ),
        (
            "Claims",
            s.claims.iter().map(|c| plain::claim(s, c)).collect(),
        ),
        (
            "Timeline",
            s.timeline.iter().map(|e| plain::event(s, e)).collect(),
        ),
        ("Sources", s.sources.iter().map(plain::source).collect()),
    ];
    for (heading, items) in sections {
        if items.is_empty() {
            continue;
        }
        line("");
        line(heading);
        for item in items {
            for (i, l) in item.iter().enumerate() {
                let mark = if i == 0 { "- " } else { "  " };
                line(&format!("{mark}{l}"));
            }
        }
    }
    out
}

/// One line of JSON for a story (for tools that read a stream).
pub fn story_json_line(s: &Story) -> String {
    to_json(&story_json(s))
}
