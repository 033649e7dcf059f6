//! Go to definition, find references and rename: in the file, and across the workspace's
//! stories for entity (party, analyst) and claim ids.

use std::collections::HashMap;

use lsp_types::{Location, Position, Range, TextEdit, Url, WorkspaceEdit};

use super::doc::Doc;
use super::syntax::{Analysis, ItemKind};
use super::worker::Snapshot;

/// What the workspace holds besides the document at hand.
pub struct Workspace<'a> {
    pub docs: &'a HashMap<Url, Doc>,
    pub snap: &'a Snapshot,
}

impl Workspace<'_> {
    /// The other story texts that mention `id` (open documents as edited, the rest from disk).
    fn others(&self, except: &Url, id: &str) -> Vec<Doc> {
        let mut out: Vec<Doc> = Vec::new();
        let finder = memchr::memmem::Finder::new(id.as_bytes());
        for (uri, d) in self.docs {
            if uri != except && finder.find(d.text.as_bytes()).is_some() {
                out.push(Doc::new(uri.clone(), d.text.clone()));
            }
        }
        for path in &self.snap.files {
            let Ok(uri) = Url::from_file_path(path) else {
                continue;
            };
            if &uri == except || self.docs.contains_key(&uri) {
                continue;
            }
            // As the loader reads it: a regular file, within its size cap.
            let read = crate::story::load::read_file(path, &Default::default());
            if let Some(text) = read.ok().and_then(|b| String::from_utf8(b).ok()) {
                if finder.find(text.as_bytes()).is_some() {
                    out.push(Doc::new(uri, text));
                }
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }
}

/// The id under the cursor: (kind of item it names, id), from a def or a resolved reference.
pub fn target_at(doc: &Doc, snap: &Snapshot, at: Position) -> Option<(ItemKind, String, usize)> {
    let a = doc.analysis();
    let i = a.scalar_at(&doc.text, &doc.lines, at)?;
    if let Some(d) = a.defs.iter().find(|d| d.scalar == i) {
        return Some((d.kind, d.id.clone(), i));
    }
    let r = a.refs.iter().find(|r| r.scalar == i)?;
    let id = &a.scalars[i].value;
    let kind = a.kind_of(r.target, id).or_else(|| {
        // An entity known only from other stories.
        let e = snap.corpus.entity(id)?;
        let &(_, role) = e.appearances.first()?;
        Some(match role {
            crate::corpus::Role::Party => ItemKind::Party,
            crate::corpus::Role::Analyst => ItemKind::Analyst,
        })
    })?;
    Some((kind, id.clone(), i))
}

/// Defs and references of an id in one document; entities count as either kind across stories.
fn occurrences(a: &Analysis, kind: ItemKind, id: &str, across: bool) -> Vec<(usize, bool)> {
    if across && matches!(kind, ItemKind::Party | ItemKind::Analyst) {
        let mut v = a.occurrences(ItemKind::Party, id);
        for o in a.occurrences(ItemKind::Analyst, id) {
            if !v.contains(&o) {
                v.push(o);
            }
        }
        v.sort_unstable();
        v
    } else {
        a.occurrences(kind, id)
    }
}

pub fn definition(doc: &Doc, ws: &Workspace, at: Position) -> Option<Vec<Location>> {
    let (kind, id, _) = target_at(doc, ws.snap, at)?;
    let a = doc.analysis();
    if let Some(d) = a.defs.iter().find(|d| d.kind == kind && d.id == id) {
        let range = a.inner_range(&doc.text, &doc.lines, d.scalar);
        return Some(vec![Location::new(doc.uri.clone(), range)]);
    }
    // Not in this story: where other stories define it.
    let found: Vec<Location> = ws
        .others(&doc.uri, &id)
        .iter()
        .filter_map(|o| {
            let oa = o.analysis();
            let d = oa
                .defs
                .iter()
                .find(|d| d.id == id && d.kind.across_stories())?;
            Some(Location::new(
                o.uri.clone(),
                oa.inner_range(&o.text, &o.lines, d.scalar),
            ))
        })
        .collect();
    (!found.is_empty()).then_some(found)
}

/// One place of an id: its document, range, and whether it is the id's definition.
type Place = (Url, Range, bool);

/// Every place of the id under the cursor.
fn places(doc: &Doc, ws: &Workspace, at: Position) -> Option<(String, Vec<Place>)> {
    let (kind, id, _) = target_at(doc, ws.snap, at)?;
    let across = kind.across_stories();
    let mut out = Vec::new();
    let a = doc.analysis();
    for (i, def) in occurrences(a, kind, &id, across) {
        out.push((
            doc.uri.clone(),
            a.inner_range(&doc.text, &doc.lines, i),
            def,
        ));
    }
    if across {
        for o in ws.others(&doc.uri, &id) {
            let oa = o.analysis();
            for (i, def) in occurrences(oa, kind, &id, true) {
                out.push((o.uri.clone(), oa.inner_range(&o.text, &o.lines, i), def));
            }
        }
    }
    Some((id, out))
}

pub fn references(doc: &Doc, ws: &Workspace, at: Position, with_def: bool) -> Vec<Location> {
    places(doc, ws, at)
        .map(|(_, v)| {
            v.into_iter()
                .filter(|(_, _, def)| with_def || !def)
                .map(|(uri, range, _)| Location::new(uri, range))
                .collect()
        })
        .unwrap_or_default()
}

/// The range of the id a rename would change, if the cursor is on one.
pub fn prepare_rename(doc: &Doc, snap: &Snapshot, at: Position) -> Option<Range> {
    let (_, _, i) = target_at(doc, snap, at)?;
    Some(doc.analysis().inner_range(&doc.text, &doc.lines, i))
}

/// Renames the id under the cursor everywhere it is used, as one workspace edit.
pub fn rename(
    doc: &Doc,
    ws: &Workspace,
    at: Position,
    new: &str,
) -> Result<Option<WorkspaceEdit>, String> {
    let kebab = !new.is_empty()
        && new.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !kebab {
        return Err(format!(
            "`{new}` is not an id: ids are lowercase letters and digits joined by single hyphens"
        ));
    }
    let Some((_, places)) = places(doc, ws, at) else {
        return Ok(None);
    };
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for (uri, range, _) in places {
        changes
            .entry(uri)
            .or_default()
            .push(TextEdit::new(range, new.to_string()));
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}
