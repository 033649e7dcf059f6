//! The `sources` section: what quotes, claims and events cite, and (format 2) what
//! kind of source each is, who wrote it and which sources it cites (checked in
//! [`super::links`] once every id is known).

use super::checker::{words, Checker, Place};
use super::refs::Ids;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawSource};

/// A source's `by` and `cites` as written, for [`super::links::sources`].
pub(super) struct SourceLinks {
    pub(super) at: String,
    pub(super) id: Option<Str>,
    pub(super) by: Option<Str>,
    /// Each entry of `cites` with its index in the list.
    pub(super) cites: Vec<(usize, Str)>,
}

pub(super) fn sources(
    c: &mut Checker,
    ids: &mut Ids,
    raw: Option<List<Node<RawSource>>>,
) -> (Vec<(String, Source)>, Vec<SourceLinks>) {
    let mut sources = Vec::new();
    let mut links = Vec::new();
    let kinds = words(SourceKind::ALL, SourceKind::as_str);
    let items = c.list("", "sources", raw);
    for (i, at, r) in c.entries("sources", "", "a source", items) {
        let r: RawSource = r;
        c.keys(&at, &r.extra, RawSource::KEYS);
        let id = c.req_id(&at, "this source", r.id);
        ids.claim(c, &id, "sources", i);
        let name = c.req_text(&at, "this source", "name", r.name);
        let outlet = c.opt_text(&at, "outlet", r.outlet);
        let date = c.opt_date(&at, r.date);
        let url = c.url(&at, r.url);
        let note = c.opt_text(&at, "note", r.note);
        c.v2_key(&at, "kind", &r.kind);
        c.v2_key(&at, "by", &r.by);
        c.v2_key(&at, "cites", &r.cites);
        let kind = c.keyword(
            &at,
            "kind",
            "source kind",
            r.kind,
            SourceKind::parse,
            &kinds,
        );
        let by = c.opt_text(&at, "by", r.by);
        let cites = c
            .list(&at, "cites", r.cites)
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let p = Place {
                    at: &at,
                    key: "cites",
                    index: Some(i),
                };
                c.text_of(p, v).map(|t| (i, t))
            })
            .collect();
        links.push(SourceLinks {
            at: at.clone(),
            id: id.clone(),
            by,
            cites,
        });
        if let (Some(id), Some(name)) = (id, name) {
            sources.push((
                at,
                Source {
                    id,
                    name,
                    outlet,
                    date,
                    url,
                    note,
                    kind: kind.unwrap_or(SourceKind::Other),
                    by: None,
                    cites: Vec::new(),
                },
            ));
        }
    }
    (sources, links)
}
