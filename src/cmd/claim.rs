//! `storyx claim`: one claim across every story that carries it, as text or JSON.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::claims::{lookup, outlets, side_by_side, Lookup, SharedClaim};
use crate::cli::LoadArgs;
use crate::corpus::Corpus;
use crate::export::plain;
use crate::sanitize::{sanitize, sanitize_line, to_json_pretty};
use crate::story::{Claim, Story};

pub fn run(query: &str, load: &LoadArgs, as_json: bool) -> u8 {
    // Only the claims' ids and texts are kept while loading (the lookup needs
    // them); the stories that carry the claim found are then loaded again, whole.
    let mut corpus = super::load_claims(load);
    super::note_failures(&corpus);
    let mut indexes: Vec<usize> = match lookup(&corpus, query) {
        Lookup::One(c) => c.appearances.iter().map(|&(si, _)| si).collect(),
        _ => Vec::new(),
    };
    indexes.dedup();
    // A file changed between the two reads shows only its claims' texts: say so.
    for file in super::load_again(load, &mut corpus, &indexes) {
        eprintln!(
            "storyx: {} changed while it was read; its stances, sources and outlets are left out (run again)",
            sanitize_line(&file.display().to_string())
        );
    }
    let code = match lookup(&corpus, query) {
        Lookup::One(c) => {
            let out = if as_json {
                to_json_pretty(&claim_json(&corpus, &c)) + "\n"
            } else {
                text(&corpus, &c)
            };
            super::print_out(out.as_bytes())
        }
        Lookup::Ambiguous(candidates) => {
            eprintln!("storyx: `{}` could be any of:", sanitize_line(query));
            for c in candidates.iter().take(20) {
                eprintln!("  {}", candidate(&corpus, c));
            }
            eprintln!("give the id to choose one");
            1
        }
        Lookup::None => {
            eprintln!("storyx: no claim matches `{}`", sanitize_line(query));
            1
        }
    };
    if corpus.usage_problems > 0 {
        2
    } else {
        code
    }
}

/// "memo-allegation  Alibaba provides … (in reuters-alibaba-memo, alibaba-military-allegations)".
fn candidate(corpus: &Corpus, c: &SharedClaim<'_>) -> String {
    let versions = c.claims(corpus);
    let text = versions
        .first()
        .map(|(_, x)| crate::view::text::label(&x.text, 80))
        .unwrap_or_default();
    let stories: Vec<String> = versions
        .iter()
        .map(|(si, _)| sanitize_line(&corpus.stories[*si].id).into_owned())
        .collect();
    format!(
        "{}  {text} (in {})",
        sanitize_line(c.id),
        stories.join(", ")
    )
}

/// `{id, stories: [{story, title, date, file, outlets, claim}]}`: `claim` is the
/// claim as `show --json` has it, with the names `who --json` gives: `source_name`,
/// and on each stance `by_name`, `speaker`, `current` (the stance now, not an earlier
/// one of a history) and `quote_cited`.
pub fn claim_json(corpus: &Corpus, c: &SharedClaim<'_>) -> Value {
    let stories: Vec<Value> = c
        .claims(corpus)
        .into_iter()
        .map(|(si, claim)| {
            let story = &corpus.stories[si];
            json!({
                "story": story.id,
                "title": story.title,
                "date": story.date.as_ref().map(|d| d.raw.to_string()),
                "file": story.file.display().to_string(),
                "outlets": outlets(story),
                "claim": one_claim_json(story, claim),
            })
        })
        .collect();
    json!({"id": c.id, "stories": stories})
}

fn one_claim_json(story: &Story, claim: &Claim) -> Value {
    let mut v = super::show::claim_json(claim);
    v["source_name"] = json!(claim
        .source
        .as_deref()
        .map(|s| plain::source_name(story, s)));
    let now = claim.current_stances();
    if let Some(stances) = v["stances"].as_array_mut() {
        for (st, out) in claim.stances.iter().zip(stances.iter_mut()) {
            out["by_name"] = json!(story.name_of(&st.by));
            out["speaker"] = json!(plain::speaker_name(story, &st.by));
            out["current"] = json!(now.iter().any(|n| std::ptr::eq(*n, st)));
            out["quote_cited"] = st
                .quote
                .as_deref()
                .and_then(|q| story.quote(q))
                .map_or(Value::Null, |q| super::who::quote_json(story, q));
        }
    }
    v
}

/// The claim for reading: when several stories carry it, where they differ side by
/// side (each story's status, and each party's or analyst's stance now); then each
/// story with its title, date and outlets, and the claim as `show` gives it.
pub fn text(corpus: &Corpus, c: &SharedClaim<'_>) -> String {
    let versions = c.claims(corpus);
    let mut out = String::new();
    let n = versions.len();
    let _ = writeln!(
        out,
        "{} — a claim in {n} stor{}",
        c.id,
        if n == 1 { "y" } else { "ies" }
    );
    let side = side_by_side(corpus, c);
    if !side.is_empty() {
        let _ = writeln!(out, "\nSide by side:");
        for l in side {
            let _ = writeln!(out, "  {l}");
        }
    }
    for (si, claim) in &versions {
        let story = &corpus.stories[*si];
        let _ = writeln!(out, "\n{} · {}", story.id, story.title);
        if let Some(d) = &story.date {
            let _ = writeln!(out, "  Date: {d}");
        }
        let outlets = outlets(story);
        if !outlets.is_empty() {
            let _ = writeln!(out, "  Outlets: {}", outlets.join(", "));
        }
        for l in plain::claim(story, claim) {
            let _ = writeln!(out, "  {l}");
        }
    }
    sanitize(&out).into_owned()
}
