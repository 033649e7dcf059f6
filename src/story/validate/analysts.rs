//! The `analysts` section: who comments on the story from outside.

use super::checker::Checker;
use super::refs::Ids;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawAnalyst};

pub(super) fn analysts(
    c: &mut Checker,
    ids: &mut Ids,
    raw: Option<List<Node<RawAnalyst>>>,
) -> Vec<(String, Analyst)> {
    let mut analysts = Vec::new();
    let items = c.list("", "analysts", raw);
    for (i, at, r) in c.entries("analysts", "", "an analyst", items) {
        let r: RawAnalyst = r;
        c.keys(&at, &r.extra, RawAnalyst::KEYS);
        let id = c.req_id(&at, "this analyst", r.id);
        ids.claim(c, &id, "analysts", i);
        let name = c.req_text(&at, "this analyst", "name", r.name);
        let role = c.opt_text(&at, "role", r.role);
        let affiliation = c.opt_text(&at, "affiliation", r.affiliation);
        let view = c.opt_text(&at, "view", r.view);
        if let (Some(id), Some(name)) = (id, name) {
            analysts.push((
                at,
                Analyst {
                    id,
                    name,
                    role,
                    affiliation,
                    view,
                },
            ));
        }
    }
    analysts
}
