//! `storyx who`: one entity across every story, as text or JSON.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::cli::LoadArgs;
use crate::corpus::{Corpus, Entity, Role};
use crate::export::plain;
use crate::people::{appearances, lookup, Lookup};
use crate::sanitize::{sanitize, sanitize_line, to_json_pretty};
use crate::story::{PartialDate, Quote, Story};
use crate::wording::stance_phrase;

pub fn run(query: &str, load: &LoadArgs, as_json: bool) -> u8 {
    // Only the people of every story are kept while loading (the lookup needs their
    // names); the stories of the entity found are then loaded again, whole.
    let mut corpus = super::load_people(load);
    super::note_failures(&corpus);
    let (id, mut indexes) = match lookup(&corpus, query) {
        Lookup::One(e) => (
            e.id.clone(),
            e.appearances.iter().map(|&(si, _)| si).collect::<Vec<_>>(),
        ),
        Lookup::Ambiguous(candidates) => {
            eprintln!("storyx: `{}` could be any of:", sanitize_line(query));
            for e in candidates.iter().take(20) {
                eprintln!("  {}  {}", sanitize_line(&e.id), sanitize_line(&e.name));
            }
            eprintln!("give the id to choose one");
            return 1;
        }
        Lookup::None => {
            eprintln!(
                "storyx: no party or analyst matches `{}`",
                sanitize_line(query)
            );
            return 1;
        }
    };
    indexes.dedup();
    // A file changed between the two reads shows only its people: say so, rather
    // than print its story as if it had no quotes, claims or events.
    for file in super::load_again(load, &mut corpus, &indexes) {
        eprintln!(
            "storyx: {} changed while it was read; its quotes, claims and events are left out (run again)",
            sanitize_line(&file.display().to_string())
        );
    }
    let Some(e) = corpus.entity(&id) else {
        return 1;
    };
    let out = if as_json {
        to_json_pretty(&entity_json(&corpus, e)) + "\n"
    } else {
        text(&corpus, e)
    };
    super::print_out(out.as_bytes())
}

fn date(d: &Option<PartialDate>) -> Value {
    d.as_ref()
        .map_or(Value::Null, |d| Value::String(d.raw.to_string()))
}

/// A quote with its speaker's and relayer's names, as the file has it otherwise.
pub fn quote_json(story: &Story, q: &Quote) -> Value {
    json!({
        "id": q.id, "by": q.by, "by_name": story.name_of(&q.by),
        "speaker": plain::speaker_name(story, &q.by), "text": q.text, "to": q.to,
        "kind": q.kind.as_str(), "via": q.via, "via_name": q.via.as_deref().map(|v| story.name_of(v)),
        "date": date(&q.date), "context": q.context, "source": q.source,
        "source_name": q.source.as_deref().map(|s| plain::source_name(story, s)),
    })
}

/// `{id, name, stories: [{story, title, kind, role, affiliation, position, view, quotes,
/// relayed, spokespeople_quotes, stances, events}]}`.
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
                "role": analyst.and_then(|x| x.role.clone()).or(party.and_then(|p| p.role.clone())),
                "speaks_for": party.and_then(|p| p.speaks_for.clone()),
                "affiliation": analyst.and_then(|x| x.affiliation.clone()),
                "position": party.and_then(|p| p.position.clone()),
                "view": analyst.and_then(|x| x.view.clone()),
                "quotes": a.quotes.iter().map(|q| quote_json(a.story, q)).collect::<Vec<_>>(),
                "relayed": a.relayed.iter().map(|q| quote_json(a.story, q)).collect::<Vec<_>>(),
                "spokespeople_quotes": a.spokespeople.iter().map(|q| quote_json(a.story, q)).collect::<Vec<_>>(),
                "stances": a.stances.iter().map(|(c, s)| json!({
                    "claim": c.id, "claim_text": c.text, "claim_status": c.status.map(|x| x.as_str()),
                    "stance": s.stance.as_str(), "note": s.note, "quote": s.quote, "date": date(&s.date),
                    "quote_cited": s.quote.as_deref().and_then(|id| a.story.quote(id)).map(|q| quote_json(a.story, q)),
                })).collect::<Vec<_>>(),
                "events": a.events.iter().map(|ev| json!({
                    "id": ev.id, "title": ev.title, "date": date(&ev.date), "detail": ev.detail,
                    "involves": ev.involves, "source": ev.source,
                })).collect::<Vec<_>>(),
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
        // What they are in this story, as the detail shows it (aliases, description, view).
        let own = match a.role {
            Role::Party => a
                .story
                .parties
                .iter()
                .find(|p| p.id == e.id)
                .map(|p| ("party", plain::party(a.story, p))),
            Role::Analyst => a
                .story
                .analysts
                .iter()
                .find(|x| x.id == e.id)
                .map(|x| ("analyst", plain::analyst(x))),
        };
        if let Some((what, lines)) = own {
            for (i, l) in lines.iter().enumerate() {
                match i {
                    0 => writeln!(out, "  {what}: {l}"),
                    _ => writeln!(out, "    {l}"),
                }
                .ok();
            }
        }
        // Their own words, then their spokespeople's (each line names its speaker).
        for q in a.quotes.iter().chain(&a.spokespeople) {
            for (i, l) in plain::quote(a.story, q).iter().enumerate() {
                let _ = writeln!(out, "{}{l}", if i == 0 { "  " } else { "    " });
            }
        }
        // Quotes they relayed, each with what the detail shows under it.
        for q in &a.relayed {
            for (i, l) in plain::quote(a.story, q).iter().enumerate() {
                let _ = match i {
                    0 => writeln!(out, "  relayed: {l}"),
                    _ => writeln!(out, "    {l}"),
                };
            }
        }
        for (c, s) in &a.stances {
            // A history shows once, at the stance now, with its earlier stances.
            if !c.current_stances().iter().any(|now| std::ptr::eq(*now, *s)) {
                continue;
            }
            let status = c.status.map_or("no status given", |x| x.as_str());
            let note = s
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} ({status}): {}{note}",
                plain::stance_when(c, s, stance_phrase),
                c.text
            );
            if let Some(qid) = &s.quote {
                let _ = writeln!(out, "    citing {}", plain::cited(a.story, qid));
            }
            for l in plain::earlier(a.story, c, s) {
                let _ = writeln!(out, "    {l}");
            }
        }
        for ev in &a.events {
            for (i, l) in plain::event(a.story, ev).iter().enumerate() {
                let _ = writeln!(out, "{}{l}", if i == 0 { "  " } else { "    " });
            }
        }
    }
    sanitize(&out).into_owned()
}
