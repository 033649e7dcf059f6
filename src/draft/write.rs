//! The draft as a story file in format 2: deterministic YAML, every drafted item with an
//! `x-draft` note (the sentence and the rule), claims left empty for the editor.

use std::borrow::Cow;
use std::fmt::Write;

use super::{Draft, Entity, Note, Quote};

/// A YAML double-quoted scalar: every control, line- or paragraph-separator, bidi and
/// byte-order character escaped, so the text reads back exactly as it was.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20
                || (0x7f..=0x9f).contains(&(c as u32))
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                )
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || ('\u{200b}'..='\u{200f}').contains(&c) =>
            {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An id as YAML should hold it: bare when YAML reads it back as that very text (the
/// kebab-case ids of names), in double quotes when it would read as something else — a
/// number (`2021`, from a title of a year), a boolean or null — which `check` rejects as
/// an id.
pub fn id(s: &str) -> Cow<'_, str> {
    let bare = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && matches!(serde_yaml::from_str::<serde_yaml::Value>(s), Ok(serde_yaml::Value::String(v)) if v == s);
    if bare {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(quoted(s))
    }
}

fn note(out: &mut String, indent: &str, n: &Note) {
    let _ = writeln!(out, "{indent}x-draft:");
    let _ = writeln!(out, "{indent}  rule: {}", quoted(&n.rule));
    let _ = writeln!(out, "{indent}  sentence: {}", quoted(&n.sentence));
}

fn entity(out: &mut String, d: &Draft, e: &Entity) {
    let _ = writeln!(out, "  - id: {}", id(&e.id));
    let _ = writeln!(out, "    name: {}", quoted(&e.name));
    if !e.analyst {
        let _ = writeln!(out, "    kind: {}", e.kind.as_str());
    }
    if !e.aliases.is_empty() && !e.analyst {
        let _ = writeln!(out, "    aliases:");
        for a in &e.aliases {
            let _ = writeln!(out, "      - {}", quoted(a));
        }
    }
    if let Some(r) = &e.role {
        let _ = writeln!(out, "    role: {}", quoted(r));
    }
    if e.analyst {
        if let Some(a) = &e.affiliation {
            let _ = writeln!(out, "    affiliation: {}", quoted(a));
        }
    } else {
        if let Some(desc) = &e.description {
            let _ = writeln!(out, "    description: {}", quoted(desc));
        }
        if let Some(b) = e.speaks_for {
            let _ = writeln!(out, "    speaks_for: {}", id(&d.entities[b].id));
        }
    }
    if e.analyst && !e.aliases.is_empty() {
        // An analyst has no aliases in the format: the other names go in the note.
        let also = Note {
            rule: format!("{}; also written: {}", e.note.rule, e.aliases.join(", ")),
            sentence: e.note.sentence.clone(),
        };
        note(out, "    ", &also);
    } else {
        note(out, "    ", &e.note);
    }
}

fn quote(out: &mut String, d: &Draft, q: &Quote) {
    let _ = writeln!(out, "  - by: {}", id(&d.entities[q.by].id));
    let _ = writeln!(out, "    kind: {}", q.kind.as_str());
    if !q.text.is_empty() {
        let _ = writeln!(out, "    text: {}", quoted(&q.text));
    }
    if let Some(t) = &q.to {
        let _ = writeln!(out, "    to: {}", quoted(t));
    }
    if let Some(c) = &q.context {
        let _ = writeln!(out, "    context: {}", quoted(c));
    }
    let _ = writeln!(out, "    source: article");
    note(out, "    ", &q.note);
}

/// The draft as a format-2 story file.
pub fn yaml(d: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# A draft story, written by `storyx draft` from {}.\n\
         # Every item marked `x-draft` was found by a rule: its note gives the sentence and\n\
         # the rule. Check each against the article, correct it, then delete the note.\n\
         # Positions, claims and stances need judgement: they are left for the editor.",
        d.from.replace(['\n', '\r'], " ")
    );
    let _ = writeln!(out, "format: 2");
    let _ = writeln!(out, "id: {}", id(&d.id));
    let _ = writeln!(out, "title: {}", quoted(&d.title));
    if let Some(date) = &d.date {
        let _ = writeln!(out, "date: {}", quoted(date));
    }
    let _ = writeln!(out, "sources:");
    for s in &d.sources {
        let _ = writeln!(out, "  - id: {}", id(&s.id));
        let _ = writeln!(out, "    name: {}", quoted(&s.name));
        let _ = writeln!(out, "    kind: {}", s.kind);
        if let Some(o) = &s.outlet {
            let _ = writeln!(out, "    outlet: {}", quoted(o));
        }
        if let Some(dt) = &s.date {
            let _ = writeln!(out, "    date: {}", quoted(dt));
        }
        if let Some(u) = &s.url {
            let _ = writeln!(out, "    url: {}", quoted(u));
        }
        if let Some(b) = s.by {
            let _ = writeln!(out, "    by: {}", id(&d.entities[b].id));
        }
        if !s.cites.is_empty() {
            let ids: Vec<Cow<str>> = s.cites.iter().map(|&c| id(&d.sources[c].id)).collect();
            let _ = writeln!(out, "    cites: [{}]", ids.join(", "));
        }
        match &s.note {
            Some(n) => note(&mut out, "    ", n),
            None => {
                let _ = writeln!(out, "    note: \"The article this draft was made from.\"");
            }
        }
    }
    let parties: Vec<&Entity> = d.entities.iter().filter(|e| !e.analyst).collect();
    let analysts: Vec<&Entity> = d.entities.iter().filter(|e| e.analyst).collect();
    if !parties.is_empty() {
        let _ = writeln!(out, "parties:");
        for e in parties {
            entity(&mut out, d, e);
        }
    }
    if !analysts.is_empty() {
        let _ = writeln!(out, "analysts:");
        for e in analysts {
            entity(&mut out, d, e);
        }
    }
    if !d.quotes.is_empty() {
        let _ = writeln!(out, "quotes:");
        for q in &d.quotes {
            quote(&mut out, d, q);
        }
    }
    let _ = writeln!(
        out,
        "# Claims need judgement: write each allegation, denial or proposal here, with its\n\
         # status and who stands where (see STORY_FORMAT.md, Claim). storyx does not draft them."
    );
    let _ = writeln!(out, "claims: []");
    if !d.events.is_empty() {
        let _ = writeln!(out, "timeline:");
        for ev in &d.events {
            let _ = writeln!(out, "  - date: {}", quoted(&ev.date));
            let _ = writeln!(out, "    title: {}", quoted(&ev.title));
            let _ = writeln!(out, "    detail: {}", quoted(&ev.detail));
            if !ev.involves.is_empty() {
                let ids: Vec<Cow<str>> =
                    ev.involves.iter().map(|&i| id(&d.entities[i].id)).collect();
                let _ = writeln!(out, "    involves: [{}]", ids.join(", "));
            }
            let _ = writeln!(out, "    source: article");
            note(&mut out, "    ", &ev.note);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_what_yaml_would_change() {
        assert_eq!(quoted("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(
            quoted("x\u{2028}y\u{1b}[31m\u{202e}"),
            r#""x\u2028y\u001b[31m\u202e""#
        );
        let back: String = serde_yaml::from_str(&quoted("“people’s war,” \u{85}\t\n")).unwrap();
        assert_eq!(back, "“people’s war,” \u{85}\t\n");
    }

    #[test]
    fn an_id_yaml_would_read_as_something_else_is_quoted() {
        for bare in [
            "alibaba",
            "white-house",
            "article",
            "7-eleven",
            "g20",
            "x-2",
        ] {
            assert_eq!(id(bare), bare);
        }
        for other in [
            "2021", "3", "1e5", "0x1f", "0o17", "true", "null", "false", "1-",
        ] {
            let written = id(other);
            let back: String = serde_yaml::from_str(&written).unwrap();
            assert_eq!(back, other, "{written}");
        }
        assert_eq!(id("2021"), "\"2021\"");
    }
}
