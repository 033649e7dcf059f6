//! Completion: the keys allowed at the cursor (with their meaning), the words of enum
//! fields, and ids for reference fields: this story's items first, then the parties and
//! analysts of the workspace's other stories, whose choice also adds them to this story.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionItemLabelDetails, CompletionTextEdit,
    Documentation, Position, Range, TextEdit,
};

use super::doc::Doc;
use super::edits::add_item;
use super::keys;
use super::syntax::{self, generic_of, reference_target, ItemKind, Seg, Spot, Target};
use super::worker::Snapshot;
use crate::corpus::Role;

/// The completions at a position (computed from the text alone and the last snapshot:
/// never waiting for diagnostics).
pub fn complete(doc: &Doc, snap: &Snapshot, at: Position) -> Vec<CompletionItem> {
    let Some(spot) = syntax::spot(&doc.text, &doc.lines, at) else {
        return Vec::new();
    };
    match spot {
        Spot::Key {
            at: path,
            word,
            start,
        } => {
            let keys = keys::keys_at(&path);
            if keys.is_empty() {
                // `- ` in a list of scalars: its values.
                return values(doc, snap, &path, &word, Range::new(start, at));
            }
            let present = siblings(doc, at);
            keys.into_iter()
                .filter(|k| !present.contains(&k.name))
                .map(|k| {
                    let mut meaning = k.meaning.clone();
                    if k.v2 {
                        meaning = format!("{meaning} (format 2: the file needs `format: 2`)");
                    }
                    CompletionItem {
                        label: k.name.clone(),
                        kind: Some(CompletionItemKind::PROPERTY),
                        detail: Some(meaning.clone()),
                        label_details: k.v2.then(|| CompletionItemLabelDetails {
                            detail: None,
                            description: Some("v2".into()),
                        }),
                        documentation: Some(Documentation::String(meaning)),
                        sort_text: Some(format!("{}{}", u8::from(!k.required), k.name)),
                        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                            Range::new(start, at),
                            format!("{}: ", k.name),
                        ))),
                        ..CompletionItem::default()
                    }
                })
                .collect()
        }
        Spot::Value {
            at: path,
            word,
            start,
        } => values(doc, snap, &path, &word, Range::new(start, at)),
    }
}

fn values(
    doc: &Doc,
    snap: &Snapshot,
    path: &[Seg],
    word: &str,
    range: Range,
) -> Vec<CompletionItem> {
    let item = |label: String, kind, detail: String, sort: String| CompletionItem {
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            label.clone(),
        ))),
        label,
        kind: Some(kind),
        detail: Some(detail),
        sort_text: Some(sort),
        filter_text: None,
        ..CompletionItem::default()
    };
    let words = keys::values_at(path);
    if !words.is_empty() {
        return words
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                item(
                    w,
                    CompletionItemKind::ENUM_MEMBER,
                    String::new(),
                    format!("{i:03}"),
                )
            })
            .collect();
    }
    let Some(target) = reference_target(&generic_of(path)) else {
        return Vec::new();
    };
    let a = doc.analysis();
    let mut out: Vec<CompletionItem> = a
        .defs
        .iter()
        .filter(|d| target.accepts(d.kind))
        .map(|d| {
            let name = item_name(doc, &d.item, d.kind);
            item(
                d.id.clone(),
                CompletionItemKind::REFERENCE,
                format!("{} · {}", name, d.kind.word()),
                format!("0{}", d.id),
            )
        })
        .collect();
    if matches!(target, Target::Speaker | Target::Party) {
        let mine = |id: &str| a.defs.iter().any(|d| d.id == id);
        for e in &snap.corpus.entities {
            if mine(&e.id) || !e.id.starts_with(word) && !word.is_empty() && !e.id.contains(word) {
                continue;
            }
            let Some(&(si, role)) = e.appearances.first() else {
                continue;
            };
            if target == Target::Party && role != Role::Party {
                continue;
            }
            let story = &snap.corpus.stories[si];
            let (list, kind_word, mut fields) = match role {
                Role::Party => (
                    "parties",
                    "party",
                    vec![("id", e.id.to_string()), ("name", e.name.to_string())],
                ),
                Role::Analyst => (
                    "analysts",
                    "analyst",
                    vec![("id", e.id.to_string()), ("name", e.name.to_string())],
                ),
            };
            if let Some(p) = story.parties.iter().find(|p| p.id == e.id) {
                fields.push(("kind", p.kind.as_str().to_string()));
            }
            if let Some(an) = story.analysts.iter().find(|an| an.id == e.id) {
                if let Some(r) = &an.role {
                    fields.push(("role", r.to_string()));
                }
                if let Some(af) = &an.affiliation {
                    fields.push(("affiliation", af.to_string()));
                }
            }
            let stories = e.appearances.len();
            let mut c = item(
                e.id.to_string(),
                CompletionItemKind::REFERENCE,
                format!(
                    "{} · {kind_word} in {stories} other {} (adds it to {list})",
                    e.name,
                    if stories == 1 { "story" } else { "stories" }
                ),
                format!("1{}", e.id),
            );
            c.additional_text_edits = Some(vec![add_item(doc, list, &fields)]);
            out.push(c);
        }
    }
    out
}

/// The name (or title, or words) of the item at a path, for labels.
pub fn item_name(doc: &Doc, item: &str, kind: ItemKind) -> String {
    let field = match kind {
        ItemKind::Quote | ItemKind::Claim => "text",
        ItemKind::Event => "title",
        _ => "name",
    };
    let name = doc.value(&format!("{item}.{field}")).unwrap_or("");
    let mut short: String = name.chars().take(60).collect();
    if short.len() < name.len() {
        short.push('…');
    }
    short
}

/// The keys already in the mapping that holds the cursor's line.
fn siblings(doc: &Doc, at: Position) -> Vec<String> {
    let n = at.line as usize;
    let line = doc.lines.line(&doc.text, n);
    let prefix: String = line.chars().take(at.character as usize).collect();
    let col = {
        let t = prefix.trim_start_matches(' ');
        let lead = prefix.len() - t.len();
        if t.starts_with("- ") {
            lead + 2
        } else {
            lead
        }
    };
    let mut out = Vec::new();
    let mut look = |row: usize, up: bool| -> bool {
        let l = doc.lines.line(&doc.text, row);
        let t = l.trim_start_matches(' ');
        if t.is_empty() || t.starts_with('#') {
            return true;
        }
        let lead = l.len() - t.len();
        let (key_col, dash) = match t.strip_prefix("- ") {
            Some(rest) => (lead + 2 + (rest.len() - rest.trim_start().len()), true),
            None => (lead, false),
        };
        if key_col < col || (dash && key_col == col && !up) {
            return false;
        }
        if key_col == col {
            if let Some((k, _)) = l[key_col..].split_once(':') {
                out.push(k.to_string());
            }
            if dash {
                return false;
            }
        }
        true
    };
    let mut row = n;
    if !prefix.trim_start().starts_with("- ") {
        while row > 0 {
            row -= 1;
            if !look(row, true) {
                break;
            }
        }
    }
    for row in n + 1..doc.lines.count() {
        if !look(row, false) {
            break;
        }
    }
    out
}
