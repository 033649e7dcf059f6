//! Code actions for the problems `check` can fix: apply its did-you-mean (a key, an id,
//! an enum word), add `format: 2`, quote a plain value that contains `: `, and create
//! the missing party an unknown `by` names.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Position, Range, TextEdit,
    WorkspaceEdit,
};

use super::doc::Doc;
use super::edits::{add_item, yaml_value};
use super::worker::Snapshot;

fn action(
    doc: &Doc,
    title: String,
    d: &Diagnostic,
    edits: Vec<TextEdit>,
    preferred: bool,
) -> CodeActionOrCommand {
    let mut changes = HashMap::new();
    changes.insert(doc.uri.clone(), edits);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![d.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// The text between the first "`" after `after` and the next "`".
fn quoted_after<'m>(message: &'m str, after: &str) -> Option<&'m str> {
    let rest = &message[message.find(after)? + after.len()..];
    let rest = &rest[rest.find('`')? + 1..];
    Some(&rest[..rest.find('`')?])
}

/// The range of a diagnostic's token without the quotes around it.
fn unquoted(doc: &Doc, r: Range) -> Range {
    let a = doc.lines.offset(&doc.text, r.start);
    let b = doc.lines.offset(&doc.text, r.end);
    let token = &doc.text[a..b.max(a)];
    let q = token.chars().next();
    if matches!(q, Some('"' | '\'')) && token.len() >= 2 && token.ends_with(q.unwrap_or('"')) {
        Range::new(
            doc.lines.position_of_offset(&doc.text, a + 1),
            doc.lines.position_of_offset(&doc.text, b - 1),
        )
    } else {
        r
    }
}

/// "richard-fischer" → "Richard Fischer", a name to start from.
fn name_from_id(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `key: value: more` on a line → the line with the value double-quoted.
fn quote_plain_value(line: &str) -> Option<(usize, String)> {
    let lead = line.len() - line.trim_start_matches([' ', '-']).len();
    let rest = &line[lead..];
    let colon = rest.find(": ")?;
    let value = rest[colon + 2..].trim();
    if value.is_empty()
        || value.starts_with(['"', '\'', '{', '[', '|', '>', '&', '*', '!'])
        || !value.contains(": ")
    {
        return None;
    }
    let (value, comment) = match value.find(" #") {
        Some(i) => (&value[..i], &value[i..]),
        None => (value, ""),
    };
    let start = lead + colon + 2 + (rest[colon + 2..].len() - rest[colon + 2..].trim_start().len());
    let quoted = serde_json::to_string(value).ok()?;
    Some((start, format!("{quoted}{comment}")))
}

pub fn actions(doc: &Doc, snap: &Snapshot, diagnostics: &[Diagnostic]) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some("storyx"))
    {
        let m = &d.message;
        if let Some(word) = quoted_after(m, "did you mean") {
            let range = unquoted(doc, d.range);
            out.push(action(
                doc,
                format!("Change to `{word}`"),
                d,
                vec![TextEdit::new(range, word.to_string())],
                true,
            ));
        }
        if m.contains("`format: 2`") {
            let a = doc.analysis();
            let edit = match a.value("format") {
                Some(s) => TextEdit::new(doc.lines.range(&doc.text, s.start, s.end), "2".into()),
                None => TextEdit::new(
                    Range::new(Position::new(0, 0), Position::new(0, 0)),
                    "format: 2\n".into(),
                ),
            };
            out.push(action(doc, "Add `format: 2`".into(), d, vec![edit], true));
        }
        if m.contains("names no party or analyst") {
            let id = quoted_after(m, "")
                .and_then(|t| t.split_once(": ").map_or(Some(t), |(_, v)| Some(v)));
            if let Some(id) = id.filter(|id| !id.is_empty()) {
                let (name, kind) = match snap.corpus.entity(id) {
                    Some(e) => {
                        let kind = e.appearances.iter().find_map(|&(si, _)| {
                            snap.corpus.stories[si]
                                .parties
                                .iter()
                                .find(|p| p.id == id)
                                .map(|p| p.kind.as_str().to_string())
                        });
                        (e.name.to_string(), kind)
                    }
                    None => (name_from_id(id), None),
                };
                let mut fields = vec![("id", id.to_string()), ("name", name.clone())];
                if let Some(k) = kind {
                    fields.push(("kind", k));
                }
                let edit = add_item(doc, "parties", &fields);
                out.push(action(
                    doc,
                    format!("Add party `{id}` ({})", yaml_value(&name)),
                    d,
                    vec![edit],
                    false,
                ));
            }
        }
        if d.severity == Some(lsp_types::DiagnosticSeverity::ERROR) {
            // A syntax error on a line whose plain value holds `: `: quote the value.
            let n = d.range.start.line as usize;
            for row in [n, n.saturating_sub(1)] {
                let line = doc.lines.line(&doc.text, row);
                if let Some((start, new)) = quote_plain_value(line) {
                    let from = doc
                        .lines
                        .position_of_offset(&doc.text, doc.lines.start(&doc.text, row) + start);
                    let to = doc.lines.position_of_offset(
                        &doc.text,
                        doc.lines.start(&doc.text, row) + line.len(),
                    );
                    out.push(action(
                        doc,
                        "Put the value in quotes".into(),
                        d,
                        vec![TextEdit::new(Range::new(from, to), new)],
                        true,
                    ));
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_a_plain_value_with_a_colon() {
        assert_eq!(
            quote_plain_value("    text: He said: \"no\" # c"),
            Some((10, "\"He said: \\\"no\\\"\" # c".to_string()))
        );
        assert_eq!(
            quote_plain_value("  - title: Vote: yes"),
            Some((11, "\"Vote: yes\"".into()))
        );
        assert_eq!(quote_plain_value("title: \"a: b\""), None);
        assert_eq!(quote_plain_value("title: plain"), None);
        assert_eq!(name_from_id("richard-fischer"), "Richard Fischer");
        assert_eq!(
            quoted_after(
                "unknown key `quotse`; did you mean `quotes`?",
                "did you mean"
            ),
            Some("quotes")
        );
    }
}
