//! `storyx export --jsonl [PATH...]`: every story and every item of it as one JSON
//! object per line, for other tools (jq, DuckDB's `read_json`, a search engine's
//! bulk loader).
//!
//! Streaming: stories load in the commands' batches and each batch's lines are
//! written before its stories are let go; only the ids written are kept (for
//! duplicates), so the memory does not grow with the corpus.
//!
//! The field names are those of `search --json` and `show --json`: each line has
//! `story` (the story's id), `title` (its title), `kind` (`story`, `party`,
//! `analyst`, `quote`, `claim`, `event`, `source`), `index` (the item's place in
//! its list, as `quotes[index]`; the timeline in display order), `id` and `text`
//! (the item's main text, as search shows it: a party's name, an event's title),
//! then every field of the item as `show --json` has it. Where an item's own
//! `kind` would clash with the item kind, it is `quote_kind` (as in
//! `search --json`), `party_kind` or `source_kind`. A speaker's `by` comes with
//! `by_name` (on quotes, sources and each stance of a claim), and `via` with
//! `via_name`.

use std::io::Write;

use serde_json::{Map, Value};

use super::show::{
    analyst_json, claim_json, event_json, party_json, quote_json, source_json, story_json,
};
use std::collections::HashSet;

use crate::cli::LoadArgs;
use crate::corpus::load::Loader;
use crate::sanitize::to_json;
use crate::search::Kind;
use crate::story::{Story, Str};

/// Writes the lines of every story under the paths to standard output. Exit
/// status: 0, or 2 on a usage or I/O problem (a path that cannot be read, a closed
/// output is not one).
pub fn run(load: &LoadArgs) -> u8 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let (outcome, written) = write_all(load, &mut out);
    let written = written.and_then(|()| out.flush());
    super::note_failed(outcome.failed + outcome.usage_problems);
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("storyx: cannot write to standard output: {e}");
            2
        }
        _ if outcome.usage_problems > 0 => 2,
        _ => 0,
    }
}

/// What an export met besides the stories it wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Stories written.
    pub stories: usize,
    /// Files that failed (errors, or a story id already written: the first is kept).
    pub failed: usize,
    /// Paths that could not be read.
    pub usage_problems: usize,
}

/// Loads batch by batch ([`Loader`], through the cache unless `--no-cache`),
/// writing each batch's stories as lines into `out` and letting them go: only
/// the ids written are kept (a later story of the same id is left out, as
/// everywhere). Stops writing at the first write error (a closed pipe).
pub fn write_all(load: &LoadArgs, out: &mut impl Write) -> (Outcome, std::io::Result<()>) {
    let cache = super::cache(load);
    let mut loader =
        Loader::new(&load.paths, super::load_options(load), cache.as_ref()).without_cross_story();
    let mut outcome = Outcome {
        usage_problems: loader.problems.len(),
        ..Outcome::default()
    };
    let mut ids: HashSet<Str> = HashSet::new();
    let mut written = Ok(());
    loop {
        let batch = loader.next_batch(BATCH);
        if batch.is_empty() {
            break;
        }
        for result in batch {
            outcome.usage_problems += usize::from(result.io_error);
            let failed = result.diagnostics.iter().any(|d| d.is_error());
            match result.story {
                Some(story) if !failed && ids.insert(story.id.detached()) => {
                    outcome.stories += 1;
                    if written.is_ok() {
                        written = write_story(&story, out);
                    }
                }
                _ => outcome.failed += usize::from(!result.io_error),
            }
        }
    }
    loader.finish();
    (outcome, written)
}

/// Files loaded per batch: the commands' batch.
const BATCH: usize = 128;

/// One story's lines: the story's own, then its items, kind by kind in search's order.
pub fn write_story(story: &Story, out: &mut impl Write) -> std::io::Result<()> {
    for line in lines(story) {
        out.write_all(to_json(&line).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The JSON objects of a story and its items, in order.
pub fn lines(s: &Story) -> Vec<Value> {
    let mut out = Vec::with_capacity(
        1 + s.parties.len()
            + s.analysts.len()
            + s.quotes.len()
            + s.claims.len()
            + s.timeline.len()
            + s.sources.len(),
    );
    let mut whole = story_json(s);
    let head = match whole.as_object_mut() {
        Some(m) => {
            for list in [
                "sources", "parties", "analysts", "quotes", "claims", "timeline",
            ] {
                m.remove(list);
            }
            std::mem::take(m)
        }
        None => Map::new(),
    };
    let mut story = line(s, Kind::Story, 0, Some(s.id.as_str()), &s.title);
    story.extend(head);
    story.insert("file".into(), Value::String(s.file.display().to_string()));
    out.push(Value::Object(story));

    let by_name = |m: &mut Map<String, Value>, key: &str, name_key: &str| {
        if let Some(id) = m.get(key).and_then(Value::as_str) {
            let name = s.name_of(id).to_string();
            m.insert(name_key.into(), Value::String(name));
        } else if m.contains_key(key) {
            m.insert(name_key.into(), Value::Null);
        }
    };
    let mut item = |kind: Kind, index: usize, id: Option<&str>, text: &str, fields: Value| {
        let mut m = line(s, kind, index, id, text);
        if let Value::Object(fields) = fields {
            for (k, v) in fields {
                let k = match (kind, k.as_str()) {
                    (Kind::Quote, "kind") => "quote_kind".to_string(),
                    (Kind::Party, "kind") => "party_kind".to_string(),
                    (Kind::Source, "kind") => "source_kind".to_string(),
                    // The event's title is its `text`; `title` is the story's.
                    (Kind::Event, "title") => continue,
                    // `id` is already there.
                    (_, "id") => continue,
                    _ => k,
                };
                m.insert(k, v);
            }
        }
        by_name(&mut m, "by", "by_name");
        by_name(&mut m, "via", "via_name");
        if let Some(Value::Array(stances)) = m.get_mut("stances") {
            for st in stances.iter_mut().filter_map(Value::as_object_mut) {
                by_name(st, "by", "by_name");
            }
        }
        out.push(Value::Object(m));
    };
    for (i, p) in s.parties.iter().enumerate() {
        item(Kind::Party, i, Some(&p.id), &p.name, party_json(p));
    }
    for (i, a) in s.analysts.iter().enumerate() {
        item(Kind::Analyst, i, Some(&a.id), &a.name, analyst_json(a));
    }
    for (i, q) in s.quotes.iter().enumerate() {
        item(Kind::Quote, i, q.id.as_deref(), &q.text, quote_json(q));
    }
    for (i, c) in s.claims.iter().enumerate() {
        item(Kind::Claim, i, Some(&c.id), &c.text, claim_json(c));
    }
    for (i, e) in s.timeline.iter().enumerate() {
        item(Kind::Event, i, e.id.as_deref(), &e.title, event_json(e));
    }
    for (i, x) in s.sources.iter().enumerate() {
        item(Kind::Source, i, Some(&x.id), &x.name, source_json(x));
    }
    out
}

/// The fields every line starts with.
fn line(s: &Story, kind: Kind, index: usize, id: Option<&str>, text: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("story".into(), Value::String(s.id.to_string()));
    m.insert("title".into(), Value::String(s.title.to_string()));
    m.insert("kind".into(), Value::String(kind.as_str().into()));
    m.insert("index".into(), Value::from(index));
    m.insert("id".into(), id.map_or(Value::Null, |id| id.into()));
    m.insert("text".into(), Value::String(text.to_string()));
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_gives_one_line_for_itself_and_one_per_item() {
        let story = crate::synth::story(3);
        let lines = lines(&story);
        let items = 1
            + story.parties.len()
            + story.analysts.len()
            + story.quotes.len()
            + story.claims.len()
            + story.timeline.len()
            + story.sources.len();
        assert_eq!(lines.len(), items);
        assert_eq!(lines[0]["kind"], "story");
        assert_eq!(lines[0]["id"], story.id.as_str());
        assert_eq!(lines[0]["text"], story.title.as_str());
        assert!(lines[0].get("parties").is_none());
        let quotes: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "quote").collect();
        assert_eq!(quotes.len(), story.quotes.len());
        for (i, (l, q)) in quotes.iter().zip(&story.quotes).enumerate() {
            assert_eq!(l["index"], i);
            assert_eq!(l["story"], story.id.as_str());
            assert_eq!(l["text"], q.text.as_str());
            assert_eq!(l["by"], q.by.as_str());
            assert_eq!(l["by_name"], story.name_of(&q.by));
            assert_eq!(l["quote_kind"], q.kind.as_str());
        }
        let mut buf = Vec::new();
        write_story(&story, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.lines().count(), items);
        for l in text.lines() {
            let v: Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["story"], story.id.as_str());
        }
    }
}
