//! The `parties` section: who has a stake in the story, and where they stand.

use super::checker::{words, Checker};
use super::refs::Ids;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawParty};

pub(super) fn parties(
    c: &mut Checker,
    ids: &mut Ids,
    raw: Option<List<Node<RawParty>>>,
) -> Vec<Party> {
    let mut parties = Vec::new();
    let kinds = words(PartyKind::ALL, PartyKind::as_str);
    let items = c.list("", "parties", raw);
    for (at, r) in c.entries("parties", "", "a party", items) {
        let r: RawParty = r;
        c.keys(&at, &r.extra, RawParty::KEYS);
        let has_position = r.position.is_some();
        let id = c.req_id(&at, "this party", r.id);
        ids.claim(c, &id, &at);
        let name = c.req_text(&at, "this party", "name", r.name);
        let kind = c.keyword(&at, "kind", "party kind", r.kind, PartyKind::parse, &kinds);
        let aliases = c.text_list(&at, "aliases", r.aliases);
        let description = c.opt_text(&at, "description", r.description);
        let position = c.opt_text(&at, "position", r.position);
        if let (Some(id), Some(name)) = (id, name) {
            if !has_position {
                c.warning(
                    at,
                    format!("party `{id}` has no `position`: say where they stand in this story (or \"No position reported.\")"),
                );
            }
            parties.push(Party {
                id,
                name,
                kind: kind.unwrap_or(PartyKind::Other),
                aliases,
                description,
                position,
            });
        }
    }
    parties
}
