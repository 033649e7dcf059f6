//! `storyx search`: fuzzy search across every loaded story, one hit per line or a JSON array.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

use crate::cli::{ItemKind, LoadArgs};
use crate::corpus::load::load_paths_skipping;
use crate::corpus::Corpus;
use crate::sanitize::{sanitize_line, to_json_pretty};
use crate::search::oneshot::OneShot;
use crate::search::prefilter::Prefilter;
use crate::search::snippet::{self, Matched};
use crate::search::{Hit, Kind, Options};
use crate::story::{QuoteKind, Story};

const BOLD: &str = "\x1b[1m";
const NOT_BOLD: &str = "\x1b[22m";

/// Exit status: 0 with hits, 1 when nothing matches, 2 on a usage or I/O problem
/// (an empty query, a path that cannot be read), which wins, as in grep.
pub fn run(query: &str, load: &LoadArgs, kind: Option<ItemKind>, limit: usize, json: bool) -> u8 {
    if query.trim().is_empty() {
        eprintln!("storyx: search needs a query (a word or more)");
        return 2;
    }
    let options = Options {
        limit,
        kind: kind.map(Kind::from),
    };
    let (corpus, found, unparsed) = search_batches(load, query, &options);
    note_failures(&corpus, unparsed);
    let out = if json {
        self::json(&found)
    } else {
        text(&found, super::stdout_color())
    };
    // A closed pipe (`storyx search x | head -1`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if !json && found.total > found.hits.len() {
        eprintln!(
            "storyx: {} of {} hits shown; --limit N shows more",
            found.hits.len(),
            found.total
        );
    }
    if corpus.usage_problems > 0 {
        2
    } else if found.total == 0 {
        1
    } else {
        0
    }
}

/// The note on standard error when some files failed ([`super::note_failures`]).
/// When `unparsed` files were left unparsed (`--no-cache`: they cannot hold a hit),
/// whether they would fail is not known: the count is of the files parsed, and
/// says so.
fn note_failures(corpus: &Corpus, unparsed: usize) {
    let failed = super::failed(corpus);
    if unparsed == 0 || failed == 0 {
        return super::note_failed(failed);
    }
    eprintln!(
        "storyx: {failed} of the files parsed could not be loaded ({unparsed} file{} that cannot hold a hit {} not parsed); run `storyx check` for details",
        if unparsed == 1 { "" } else { "s" },
        if unparsed == 1 { "was" } else { "were" },
    );
}

/// The best hits, each with the field it matched in ([`Matched`], `None` when no
/// word of the query is found in one field alone), and how many items match.
pub struct Found {
    pub hits: Vec<(Hit, Option<Matched>)>,
    pub total: usize,
}

/// Loads batch by batch, searching each batch as it comes and letting its stories
/// go: only the best `limit` hits so far are kept ([`OneShot`]: no index is built),
/// each with what it matched, read from its story while the story is there.
///
/// Without the cache, a file whose text shows that it cannot hold a hit is not
/// parsed ([`Prefilter`]); the hits and their order are the same.
///
/// Returns the corpus, the hits, and how many files were left unparsed.
fn search_batches(load: &LoadArgs, query: &str, options: &Options) -> (Corpus, Found, usize) {
    let matched = |story: &Story, hit: &Hit| snippet::matched(story, hit.kind, hit.index, query);
    let mut search = OneShot::new(query, options);
    if super::cache(load).is_none() {
        let prefilter = Prefilter::new(query);
        let unparsed = AtomicUsize::new(0);
        let skip = |text: &str| {
            let id = prefilter.turns_down(text)?.id()?;
            unparsed.fetch_add(1, Ordering::Relaxed);
            Some(id)
        };
        let corpus = load_paths_skipping(
            &load.paths,
            &super::load_options(load),
            &skip,
            |corpus, first, _| {
                search.add(first, &corpus.stories[first..], matched);
                corpus.forget_stories(first);
            },
        );
        if let Some(corpus) = corpus {
            return (corpus, found(search), unparsed.into_inner());
        }
        // A file left unparsed shares its story id with another: parse them all.
        search = OneShot::new(query, options);
    }
    let corpus = super::load_then(load, |corpus, first, _| {
        search.add(first, &corpus.stories[first..], matched);
        corpus.forget_stories(first);
    });
    (corpus, found(search), 0)
}

fn found(search: OneShot<Option<Matched>>) -> Found {
    let (total, hits) = search.finish();
    Found { hits, total }
}

/// The hits as a JSON array, best first, every control and bidi character escaped;
/// `field` is the key the query matched in, `snippet` the text around the match and
/// `snippet_positions` its matched characters (character indices).
pub fn json(found: &Found) -> String {
    let hits: Vec<Value> = found
        .hits
        .iter()
        .map(|(h, m)| {
            json!({
                "kind": h.kind.as_str(),
                "story": h.story_id,
                "title": h.story_title,
                "id": h.id,
                "text": h.text,
                "score": h.score,
                "by": h.by,
                "by_name": h.by_name,
                "quote_kind": h.quote_kind.map(|k| k.as_str()),
                "field": m.as_ref().map(|m| &m.field),
                "snippet": m.as_ref().map(|m| &m.snippet),
                "snippet_positions": m.as_ref().map(|m| &m.positions),
            })
        })
        .collect();
    let mut out = to_json_pretty(&Value::Array(hits));
    out.push('\n');
    out
}

/// Whether a hit's line already shows the field it matched in (its main text or
/// a quote's speaker): then no second line.
fn shown_on_the_line(field: &str) -> bool {
    matches!(field, "text" | "title" | "name" | "by")
}

/// The hits one per line: kind, story id, the speaker for quotes, the text; then,
/// when the query matched another field, an indented line naming it with the text
/// around the match. The matched characters in bold when `bold` (see
/// [`super::stdout_color`]: `--color`, a terminal, NO_COLOR).
pub fn text(found: &Found, bold: bool) -> String {
    let mut out = String::new();
    for (h, m) in &found.hits {
        out.push_str(&format!(
            "{:<7}  {}  ",
            h.kind.as_str(),
            sanitize_line(&h.story_id)
        ));
        let kind = h.quote_kind.unwrap_or(QuoteKind::Direct);
        if let Some(name) = &h.by_name {
            out.push_str(&marked(name, &h.by_name_positions, bold));
            out.push_str(&crate::wording::speech_mark(kind, None));
            // A refusal follows the name: "White House declined to comment".
            out.push_str(if kind.is_refusal() { " " } else { ": " });
        }
        let direct = h.kind == Kind::Quote && kind == QuoteKind::Direct;
        if direct {
            out.push('“');
        }
        out.push_str(&marked(&h.text, &h.positions, bold));
        if direct {
            out.push('”');
        }
        out.push('\n');
        if let Some(m) = m.as_ref().filter(|m| !shown_on_the_line(&m.field)) {
            out.push_str(&format!(
                "         {}: {}\n",
                m.field,
                marked(&m.snippet, &m.positions, bold)
            ));
        }
    }
    out
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// One line of story text, sanitized, with the characters at `positions` in bold.
fn marked(text: &str, positions: &[usize], bold: bool) -> String {
    if !bold || positions.is_empty() {
        return sanitize_line(text).into_owned();
    }
    // Runs of matched and unmatched characters, each sanitized on its own; line breaks
    // become spaces first so that no run boundary swallows one.
    let mut out = String::new();
    let mut run = String::new();
    let mut in_match = false;
    let mut next = positions.iter().peekable();
    let flush = |out: &mut String, run: &mut String, matched: bool| {
        if run.is_empty() {
            return;
        }
        if matched {
            out.push_str(BOLD);
        }
        out.push_str(&sanitize_line(run));
        if matched {
            out.push_str(NOT_BOLD);
        }
        run.clear();
    };
    for (i, c) in text.chars().enumerate() {
        let matched = next.peek() == Some(&&i);
        if matched {
            next.next();
        }
        if matched != in_match {
            flush(&mut out, &mut run, in_match);
            in_match = matched;
        }
        run.push(if is_line_break(c) { ' ' } else { c });
    }
    flush(&mut out, &mut run, in_match);
    out
}

/// The command line's kinds are the search's kinds.
impl From<ItemKind> for Kind {
    fn from(k: ItemKind) -> Kind {
        use ItemKind as I;
        match k {
            I::Quote => Kind::Quote,
            I::Party => Kind::Party,
            I::Analyst => Kind::Analyst,
            I::Event => Kind::Event,
            I::Claim => Kind::Claim,
            I::Source => Kind::Source,
            I::Story => Kind::Story,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(kind: Kind, text: &str, positions: Vec<usize>) -> Hit {
        Hit {
            kind,
            story: 0,
            story_id: "s".into(),
            story_title: "Story".into(),
            id: Some("x".into()),
            index: 0,
            text: text.into(),
            score: 100,
            by: None,
            by_name: None,
            quote_kind: None,
            positions,
            by_name_positions: vec![],
        }
    }

    fn results(hits: Vec<Hit>) -> Found {
        Found {
            total: hits.len(),
            hits: hits.into_iter().map(|h| (h, None)).collect(),
        }
    }

    #[test]
    fn a_hit_in_another_field_names_it_and_shows_the_text_around_the_match() {
        let mut r = results(vec![hit(Kind::Party, "Alibaba", vec![])]);
        r.hits[0].1 = Some(Matched {
            field: "position".into(),
            snippet: "…denies \x1b[31many ties".into(),
            positions: vec![1, 2, 3, 4, 5, 6],
        });
        assert_eq!(
            text(&r, true),
            "party    s  Alibaba\n         position: …\x1b[1mdenies\x1b[22m ␛[31many ties\n"
        );
        let v: Value = serde_json::from_str(&json(&r)).unwrap();
        assert_eq!(v[0]["field"], "position");
        assert_eq!(v[0]["snippet"], "…denies \x1b[31many ties");
        assert_eq!(
            v[0]["snippet_positions"],
            serde_json::json!([1, 2, 3, 4, 5, 6])
        );
        // A match in the text the line shows needs no second line.
        r.hits[0].1.as_mut().unwrap().field = "name".into();
        assert_eq!(text(&r, false), "party    s  Alibaba\n");
    }

    #[test]
    fn matched_characters_are_bold_only_on_a_terminal() {
        let r = results(vec![hit(Kind::Party, "Anders Ångström", vec![7, 8, 9])]);
        assert_eq!(
            text(&r, true),
            "party    s  Anders \x1b[1mÅng\x1b[22mström\n"
        );
        assert_eq!(text(&r, false), "party    s  Anders Ångström\n");
    }

    #[test]
    fn quotes_show_the_speaker_and_the_display_rules() {
        let mut direct = hit(Kind::Quote, "完全错误 🐟", vec![5]);
        direct.by_name = Some("李伟 (Li Wei)".into());
        direct.by_name_positions = vec![4, 5];
        direct.quote_kind = Some(QuoteKind::Direct);
        let mut reported = hit(Kind::Quote, "Fisher emphasized", vec![0, 1]);
        reported.by_name = Some("Richard Fisher".into());
        reported.quote_kind = Some(QuoteKind::Paraphrase);
        let r = results(vec![direct, reported]);
        assert_eq!(
            text(&r, true),
            "quote    s  李伟 (\x1b[1mLi\x1b[22m Wei): “完全错误 \x1b[1m🐟\x1b[22m”\n\
             quote    s  Richard Fisher (reported): \x1b[1mFi\x1b[22msher emphasized\n"
        );
    }

    #[test]
    fn hostile_text_is_sanitized_in_and_out_of_bold_runs() {
        let r = results(vec![hit(
            Kind::Claim,
            "a\x1b[31mb\u{202E}c\nd",
            vec![0, 1, 2],
        )]);
        for bold in [true, false] {
            let t = text(&r, bold);
            assert!(!t.contains("\x1b[31m") && !t.contains('\u{202E}'), "{t:?}");
            assert_eq!(t.lines().count(), 1, "{t:?}");
        }
        assert!(
            text(&r, false).contains("c d"),
            "a line break reads as a space"
        );
        assert!(text(&r, true).contains("c d"));
    }

    #[test]
    fn json_has_every_field_and_escapes_control_and_bidi_characters() {
        let mut h = hit(Kind::Quote, "a\u{1b}b\u{202E}c", vec![]);
        h.by = Some("li-wei".into());
        h.by_name = Some("李伟".into());
        let j = json(&results(vec![h, hit(Kind::Party, "P", vec![])]));
        assert!(j.contains(r#""text": "a\u001bb\u202ec""#), "{j}");
        assert!(!j.contains('\u{1b}') && !j.contains('\u{202E}'));
        let v: Value = serde_json::from_str(&j).unwrap();
        assert_eq!(
            v[0]["text"], "a\u{1b}b\u{202E}c",
            "the text itself is exact"
        );
        assert_eq!(v[0]["by"], "li-wei");
        assert_eq!(v[1]["by"], Value::Null);
        assert_eq!(v[1]["by_name"], Value::Null);
        let keys: Vec<&str> = v[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "kind",
                "story",
                "title",
                "id",
                "text",
                "score",
                "by",
                "by_name",
                "quote_kind",
                "field",
                "snippet",
                "snippet_positions"
            ]
        );
        assert_eq!(json(&results(vec![])), "[]\n");
    }
}
