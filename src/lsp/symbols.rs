//! The story's outline for the editor: sources, parties, analysts, quotes by speaker,
//! claims, and events in timeline order.

use lsp_types::{DocumentSymbol, Range, SymbolKind};

use super::completion::item_name;
use super::doc::Doc;
use super::syntax::ItemKind;
use crate::story::date::timeline_order;
use crate::story::PartialDate;

#[allow(deprecated)] // `deprecated` is a field the type requires.
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range,
    sel: Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(unnamed)".into()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: sel,
        children,
    }
}

/// The items of a top-level list: (index, item path, range, selection range).
fn items(doc: &Doc, list: &str) -> Vec<(usize, String, Range, Range)> {
    let a = doc.analysis();
    let mut out = Vec::new();
    for i in 0.. {
        let item = format!("{list}[{i}]");
        let Some(range) = a.item_range(&doc.text, &doc.lines, &item) else {
            break;
        };
        let sel = a
            .value(&format!("{item}.id"))
            .map(|s| doc.lines.range(&doc.text, s.start, s.end))
            .unwrap_or(Range::new(range.start, range.start));
        out.push((i, item, range, sel));
    }
    out
}

fn group(
    doc: &Doc,
    list: &str,
    kind: SymbolKind,
    children: Vec<DocumentSymbol>,
) -> Option<DocumentSymbol> {
    let a = doc.analysis();
    let key = a.scalars.iter().find(|s| s.key && s.path == list)?;
    let sel = doc.lines.range(&doc.text, key.start, key.end);
    let range = a
        .item_range(&doc.text, &doc.lines, list)
        .map_or(sel, |r| Range::new(sel.start, r.end.max(sel.end)));
    Some(symbol(
        list.to_string(),
        Some(format!("{}", children.len())),
        kind,
        range,
        sel,
        Some(children),
    ))
}

pub fn outline(doc: &Doc) -> Vec<DocumentSymbol> {
    let mut out = Vec::new();
    let simple = |list: &str, item_kind: ItemKind, kind: SymbolKind, detail_key: Option<&str>| {
        items(doc, list)
            .into_iter()
            .map(|(_, item, range, sel)| {
                let detail = detail_key
                    .and_then(|k| doc.value(&format!("{item}.{k}")))
                    .map(str::to_string);
                symbol(
                    item_name(doc, &item, item_kind),
                    detail,
                    kind,
                    range,
                    sel,
                    None,
                )
            })
            .collect::<Vec<_>>()
    };
    let lists = [
        (
            "sources",
            ItemKind::Source,
            SymbolKind::FILE,
            Some("outlet"),
        ),
        ("parties", ItemKind::Party, SymbolKind::CLASS, Some("kind")),
        (
            "analysts",
            ItemKind::Analyst,
            SymbolKind::CLASS,
            Some("role"),
        ),
    ];
    for (list, ik, kind, detail) in lists {
        if let Some(g) = group(
            doc,
            list,
            SymbolKind::NAMESPACE,
            simple(list, ik, kind, detail),
        ) {
            out.push(g);
        }
    }
    // Quotes, under their speaker, speakers in order of their first quote.
    let mut speakers: Vec<(String, Vec<DocumentSymbol>)> = Vec::new();
    for (_, item, range, sel) in items(doc, "quotes") {
        let by = doc.value(&format!("{item}.by")).unwrap_or("?").to_string();
        let q = symbol(
            item_name(doc, &item, ItemKind::Quote),
            doc.value(&format!("{item}.kind")).map(str::to_string),
            SymbolKind::STRING,
            range,
            sel,
            None,
        );
        match speakers.iter_mut().find(|(s, _)| *s == by) {
            Some((_, v)) => v.push(q),
            None => speakers.push((by, vec![q])),
        }
    }
    let a = doc.analysis();
    let by_speaker: Vec<DocumentSymbol> = speakers
        .into_iter()
        .map(|(by, quotes)| {
            let name = a
                .defs
                .iter()
                .find(|d| d.id == by && matches!(d.kind, ItemKind::Party | ItemKind::Analyst))
                .map_or(by.clone(), |d| item_name(doc, &d.item, d.kind));
            let range = Range::new(quotes[0].range.start, quotes[quotes.len() - 1].range.end);
            let sel = quotes[0].selection_range;
            symbol(name, Some(by), SymbolKind::OBJECT, range, sel, Some(quotes))
        })
        .collect();
    if let Some(g) = group(doc, "quotes", SymbolKind::NAMESPACE, by_speaker) {
        out.push(g);
    }
    if let Some(g) = group(
        doc,
        "claims",
        SymbolKind::NAMESPACE,
        simple(
            "claims",
            ItemKind::Claim,
            SymbolKind::BOOLEAN,
            Some("status"),
        ),
    ) {
        out.push(g);
    }
    // Events in the timeline's display order, each named with its date.
    let events = items(doc, "timeline");
    let dates: Vec<Option<PartialDate>> = events
        .iter()
        .map(|(_, item, ..)| {
            doc.value(&format!("{item}.date"))
                .and_then(|d| PartialDate::parse(d).ok())
        })
        .collect();
    let order = timeline_order(&dates.iter().map(Option::as_ref).collect::<Vec<_>>());
    let timeline: Vec<DocumentSymbol> = order
        .into_iter()
        .map(|i| {
            let (_, item, range, sel) = &events[i];
            let title = item_name(doc, item, ItemKind::Event);
            let name = match &dates[i] {
                Some(d) => format!("{d} — {title}"),
                None => title,
            };
            symbol(name, None, SymbolKind::EVENT, *range, *sel, None)
        })
        .collect();
    if let Some(g) = group(doc, "timeline", SymbolKind::NAMESPACE, timeline) {
        out.push(g);
    }
    out
}
