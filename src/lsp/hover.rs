//! Hover: on a reference or an id, the item it names; on a date, how it is shown and
//! sorted; on a key, its meaning.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::doc::Doc;
use super::keys;
use super::syntax::{generic, reference_target, segs_of, ItemKind};
use super::worker::Snapshot;
use crate::corpus::Role;
use crate::sanitize::sanitize_line;
use crate::story::PartialDate;

/// Story text made safe for Markdown: control characters shown, markup escaped.
pub fn md(s: &str) -> String {
    let clean = sanitize_line(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What an item of this story says about itself: every field it has, as the detail view.
pub fn describe(doc: &Doc, item: &str, kind: ItemKind) -> String {
    let get = |k: &str| doc.value(&format!("{item}.{k}")).map(md);
    let mut out = String::new();
    match kind {
        ItemKind::Quote => {
            let by = doc.value(&format!("{item}.by")).unwrap_or("?");
            let speaker = doc
                .analysis()
                .defs
                .iter()
                .find(|d| d.id == by && matches!(d.kind, ItemKind::Party | ItemKind::Analyst))
                .and_then(|d| doc.value(&format!("{}.name", d.item)))
                .unwrap_or(by);
            let words = get("text").unwrap_or_default();
            let kind = doc.value(&format!("{item}.kind")).unwrap_or("direct");
            if kind == "direct" {
                out.push_str(&format!("**{}**: “{words}”", md(speaker)));
            } else {
                out.push_str(&format!("**{}** ({}): {words}", md(speaker), md(kind)));
            }
            out.push_str(&format!("\n\nquote · {}", md(kind)));
            for k in ["via", "to", "date", "source", "context"] {
                if let Some(v) = get(k) {
                    out.push_str(&format!("  \n{k}: {v}"));
                }
            }
        }
        _ => {
            let head = match kind {
                ItemKind::Claim => "text",
                ItemKind::Event => "title",
                _ => "name",
            };
            out.push_str(&format!(
                "**{}**  \n{}",
                get(head).unwrap_or_default(),
                kind.word()
            ));
            let a = doc.analysis();
            let prefix = format!("{item}.");
            for s in a.scalars.iter().filter(|s| !s.key) {
                let Some(k) = s.path.strip_prefix(&prefix) else {
                    continue;
                };
                if k == head || k.contains(['.', '[']) {
                    continue;
                }
                out.push_str(&format!("  \n{k}: {}", md(&s.value)));
            }
        }
    }
    out
}

fn markdown(value: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    }
}

/// How a date value is shown and sorted.
pub fn date_note(raw: &str) -> String {
    match PartialDate::parse(raw) {
        Ok(d) => {
            let (y, m, day, precision, ..) = d.sort_key();
            format!(
                "shown as **{d}**  \nsorts as {y:04}-{m:02}-{day:02} ({precision:?} precision){}",
                if d.approximate || d.uncertain {
                    "; `~ ? %` do not change the order"
                } else {
                    ""
                }
            )
        }
        Err(e) => format!("not a date: {}", md(&e)),
    }
}

pub fn hover(doc: &Doc, snap: &Snapshot, at: Position) -> Option<Hover> {
    let a = doc.analysis();
    let i = a.scalar_at(&doc.text, &doc.lines, at)?;
    let s = &a.scalars[i];
    let segs = segs_of(&s.path);
    if s.key {
        let k = keys::key(&segs)?;
        let v2 = if k.v2 { " (format 2)" } else { "" };
        return Some(markdown(format!("`{}`{v2}: {}", k.name, md(&k.meaning))));
    }
    let g = generic(&s.path);
    if let Some(target) = reference_target(&g) {
        if let Some(d) = a.def_for(target, &s.value) {
            return Some(markdown(describe(doc, &d.item, d.kind)));
        }
        if let Some(e) = snap.corpus.entity(&s.value) {
            let roles: Vec<String> = e
                .appearances
                .iter()
                .map(|&(si, role)| {
                    let st = &snap.corpus.stories[si];
                    let r = if role == Role::Party {
                        "party"
                    } else {
                        "analyst"
                    };
                    format!("{r} in {} ({})", md(&st.title), md(&st.id))
                })
                .collect();
            return Some(markdown(format!(
                "**{}** is not in this story  \n{}",
                md(&e.name),
                roles.join("  \n")
            )));
        }
        return Some(markdown(format!(
            "`{}` names nothing in this story",
            md(&s.value)
        )));
    }
    if let Some(d) = a.defs.iter().find(|d| d.scalar == i) {
        let mut text = describe(doc, &d.item, d.kind);
        if matches!(d.kind, ItemKind::Party | ItemKind::Analyst) {
            if let Some(e) = snap.corpus.entity(&d.id) {
                let others = e
                    .appearances
                    .iter()
                    .filter(|(si, _)| snap.corpus.stories[*si].file != doc.path)
                    .count();
                if others > 0 {
                    text.push_str(&format!("\n\nalso in {others} other stories"));
                }
            }
        }
        return Some(markdown(text));
    }
    if g.ends_with("date") {
        return Some(markdown(date_note(&s.value)));
    }
    let k = keys::key(&segs)?;
    Some(markdown(format!("`{}`: {}", k.name, md(&k.meaning))))
}
