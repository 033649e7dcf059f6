//! The `sources` section: what quotes, claims and events cite.

use super::checker::Checker;
use super::refs::Ids;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawSource};

pub(super) fn sources(
    c: &mut Checker,
    ids: &mut Ids,
    raw: Option<List<Node<RawSource>>>,
) -> Vec<(String, Source)> {
    let mut sources = Vec::new();
    let items = c.list("", "sources", raw);
    for (at, r) in c.entries("sources", "", "a source", items) {
        let r: RawSource = r;
        c.keys(&at, &r.extra, RawSource::KEYS);
        let id = c.req_id(&at, "this source", r.id);
        ids.claim(c, &id, &at);
        let name = c.req_text(&at, "this source", "name", r.name);
        let outlet = c.opt_text(&at, "outlet", r.outlet);
        let date = c.opt_date(&at, r.date);
        let url = c.url(&at, r.url);
        let note = c.opt_text(&at, "note", r.note);
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
                },
            ));
        }
    }
    sources
}
