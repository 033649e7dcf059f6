//! Edits that add to a story: a new party or analyst at the end of its list (the list
//! made when there is none), shared by completion and the code actions.

use lsp_types::{Position, Range, TextEdit};

use super::doc::Doc;

/// A value as YAML: plain when that reads back the same, else double-quoted.
pub fn yaml_value(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.chars().any(char::is_control)
        && serde_yaml::from_str::<serde_yaml::Value>(s).is_ok_and(|v| v.as_str() == Some(s));
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
    }
}

/// The last line (from 1) a scalar is on: a block scalar ends at the start of the next line.
fn last_line(s: &crate::story::locate::ScalarAt) -> usize {
    if s.end.column == 1 && s.end.line > s.start.line {
        s.end.line - 1
    } else {
        s.end.line
    }
}

/// An edit that adds an item with these fields to the top-level list `list`
/// (`parties`, `analysts`): after its last item, indented like its first; or a new list.
pub fn add_item(doc: &Doc, list: &str, fields: &[(&str, String)]) -> TextEdit {
    let a = doc.analysis();
    let prefix = format!("{list}[");
    let mine: Vec<_> = a
        .scalars
        .iter()
        .filter(|s| s.path.starts_with(&prefix))
        .collect();
    let body = |dash: usize| {
        let mut out = String::new();
        for (i, (k, v)) in fields.iter().enumerate() {
            let lead = if i == 0 {
                format!("{}- ", " ".repeat(dash))
            } else {
                " ".repeat(dash + 2)
            };
            out.push_str(&format!("{lead}{k}: {}\n", yaml_value(v)));
        }
        out
    };
    if let (Some(first), Some(end_line)) = (mine.first(), mine.iter().map(|s| last_line(s)).max()) {
        let dash = first.start.column.saturating_sub(3);
        // The start of the line after the item's last one (lines from 0 here).
        let offset = doc.lines.start(&doc.text, end_line);
        let at = doc.lines.position_of_offset(&doc.text, offset);
        let mut text = body(dash);
        if offset == doc.text.len() && !doc.text.ends_with(['\n', '\r']) {
            text.insert(0, '\n');
        }
        return TextEdit::new(Range::new(at, at), text);
    }
    // No list yet: a new one before the first of the lists that follow it in the format.
    let later = ["analysts", "quotes", "claims", "timeline"];
    let before = a
        .scalars
        .iter()
        .filter(|s| s.key && !s.path.contains(['.', '[']) && later.contains(&s.path.as_str()))
        .filter(|s| later.iter().position(|l| *l == s.path) > later.iter().position(|l| *l == list))
        .map(|s| s.start.line)
        .min();
    let text = format!("{list}:\n{}", body(2));
    match before {
        Some(line) => {
            let at = Position::new(line as u32 - 1, 0);
            TextEdit::new(Range::new(at, at), text)
        }
        None => {
            let end = doc.lines.position_of_offset(&doc.text, doc.text.len());
            let sep = if doc.text.is_empty() || doc.text.ends_with(['\n', '\r']) {
                ""
            } else {
                "\n"
            };
            TextEdit::new(Range::new(end, end), format!("{sep}{text}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, e: &TextEdit) -> String {
        let lines = super::super::text::Lines::new(text);
        let a = lines.offset(text, e.range.start);
        let b = lines.offset(text, e.range.end);
        format!("{}{}{}", &text[..a], e.new_text, &text[b..])
    }

    #[test]
    fn adds_after_the_last_item_or_makes_the_list() {
        let text = "id: s\ntitle: T\nparties:\n  - id: a\n    name: A\n    position: |\n      long\nquotes:\n  - by: b\n    text: hi\n";
        let doc = Doc::new("file:///s.yaml".parse().unwrap(), text.into());
        let e = add_item(
            &doc,
            "parties",
            &[("id", "b".into()), ("name", "B: Inc".into())],
        );
        let out = apply(text, &e);
        assert!(
            out.contains("      long\n  - id: b\n    name: \"B: Inc\"\nquotes:"),
            "{out}"
        );
        let e = add_item(
            &doc,
            "analysts",
            &[("id", "c".into()), ("name", "Cé".into())],
        );
        let out = apply(text, &e);
        assert!(
            out.contains("      long\nanalysts:\n  - id: c\n    name: Cé\nquotes:"),
            "{out}"
        );
        let bare = "id: s\ntitle: T";
        let doc = Doc::new("file:///s.yaml".parse().unwrap(), bare.into());
        let out = apply(
            bare,
            &add_item(&doc, "parties", &[("id", "x".into()), ("name", "X".into())]),
        );
        assert_eq!(out, "id: s\ntitle: T\nparties:\n  - id: x\n    name: X\n");
        let parsed = crate::story::parse::parse_str(std::path::Path::new("x.yaml"), &out);
        assert!(parsed.story.is_some(), "{:?}", parsed.diagnostics);
    }
}
