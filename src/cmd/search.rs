//! `storyx search`: fuzzy search across every loaded story, one hit per line or a JSON array.

use std::io::Write;
use std::sync::Arc;

use serde_json::{json, Value};

use crate::cli::{ItemKind, LoadArgs};
use crate::corpus::Corpus;
use crate::sanitize::{sanitize_line, to_json_pretty};
use crate::search::index::Builder;
use crate::search::{Index, Kind, Options, Results};
use crate::story::QuoteKind;

const BOLD: &str = "\x1b[1m";
const NOT_BOLD: &str = "\x1b[22m";

pub fn run(query: &str, load: &LoadArgs, kind: Option<ItemKind>, limit: usize, json: bool) -> u8 {
    let (corpus, index) = load_index(load);
    super::note_failures(&corpus);
    let index = Arc::new(index);
    let options = Options {
        limit,
        kind: kind.map(Kind::from),
    };
    let results = index.search(query, &options);
    let out = if json {
        self::json(&results)
    } else {
        text(&results, super::stdout_color())
    };
    // A closed pipe (`storyx search x | head -1`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if !json && results.total > results.hits.len() {
        eprintln!(
            "storyx: {} of {} hits shown; --limit N shows more",
            results.hits.len(),
            results.total
        );
    }
    if corpus.usage_problems > 0 {
        2
    } else {
        0
    }
}

/// Loads batch by batch, indexing each batch and letting its stories go: a hit
/// carries its own texts, so the whole corpus is never held at once.
fn load_index(load: &LoadArgs) -> (Corpus, Index) {
    let mut builder = None;
    let corpus = super::load_then(load, |corpus, first, total| {
        let builder = builder.get_or_insert_with(|| Builder::copying(total));
        builder.add(first, &corpus.stories[first..]);
        corpus.forget_stories(first);
    });
    let index = builder.unwrap_or_else(|| Builder::copying(0)).finish();
    (corpus, index)
}

/// The hits as a JSON array, best first, every control and bidi character escaped.
pub fn json(results: &Results) -> String {
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|h| {
            json!({
                "kind": h.kind.as_str(),
                "story": h.story_id,
                "title": h.story_title,
                "id": h.id,
                "text": h.text,
                "score": h.score,
                "by": h.by,
                "by_name": h.by_name,
            })
        })
        .collect();
    let mut out = to_json_pretty(&Value::Array(hits));
    out.push('\n');
    out
}

/// The hits one per line: kind, story id, the speaker for quotes, the text; the matched
/// characters in bold when `bold` (see [`super::stdout_color`]: `--color`, a terminal, NO_COLOR).
pub fn text(results: &Results, bold: bool) -> String {
    let mut out = String::new();
    for h in &results.hits {
        out.push_str(&format!(
            "{:<7}  {}  ",
            h.kind.as_str(),
            sanitize_line(&h.story_id)
        ));
        if let Some(name) = &h.by_name {
            out.push_str(&marked(name, &h.by_name_positions, bold));
            match h.quote_kind {
                Some(QuoteKind::Paraphrase) => out.push_str(", reported: "),
                _ => out.push_str(": "),
            }
        }
        let direct = h.kind == Kind::Quote && h.quote_kind != Some(QuoteKind::Paraphrase);
        if direct {
            out.push('“');
        }
        out.push_str(&marked(&h.text, &h.positions, bold));
        if direct {
            out.push('”');
        }
        out.push('\n');
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
    use crate::search::Hit;

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

    fn results(hits: Vec<Hit>) -> Results {
        Results {
            query: "q".into(),
            total: hits.len(),
            hits,
        }
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
             quote    s  Richard Fisher, reported: \x1b[1mFi\x1b[22msher emphasized\n"
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
            ["kind", "story", "title", "id", "text", "score", "by", "by_name"]
        );
        assert_eq!(json(&results(vec![])), "[]\n");
    }
}
