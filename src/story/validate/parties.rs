//! The `parties` section: who has a stake in the story, and where they stand; (format
//! 2) their role and the party they speak for (checked in [`super::links`]).

use super::checker::{words, Checker};
use super::refs::Ids;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawParty};

/// A party's `speaks_for` as written, for [`super::links::spokespeople`].
pub(super) struct SpeaksFor {
    pub(super) at: String,
    pub(super) id: Option<Str>,
    pub(super) speaks_for: Str,
}

pub(super) fn parties(
    c: &mut Checker,
    ids: &mut Ids,
    raw: Option<List<Node<RawParty>>>,
) -> (Vec<Party>, Vec<SpeaksFor>) {
    let mut parties = Vec::new();
    let mut links = Vec::new();
    let kinds = words(PartyKind::ALL, PartyKind::as_str);
    let items = c.list("", "parties", raw);
    for (i, at, r) in c.entries("parties", "", "a party", items) {
        let r: RawParty = r;
        c.keys(&at, &r.extra, RawParty::KEYS);
        let has_position = r.position.is_some();
        let id = c.req_id(&at, "this party", r.id);
        ids.claim(c, &id, "parties", i);
        let name = c.req_text(&at, "this party", "name", r.name);
        let kind = c.keyword(&at, "kind", "party kind", r.kind, PartyKind::parse, &kinds);
        let aliases = c.text_list(&at, "aliases", r.aliases);
        let description = c.opt_text(&at, "description", r.description);
        let position = c.opt_text(&at, "position", r.position);
        c.v2_key(&at, "role", &r.role);
        c.v2_key(&at, "speaks_for", &r.speaks_for);
        let role = c.opt_text(&at, "role", r.role);
        let speaks_for = c.opt_text(&at, "speaks_for", r.speaks_for);
        if let Some(target) = &speaks_for {
            links.push(SpeaksFor {
                at: at.clone(),
                id: id.clone(),
                speaks_for: target.clone(),
            });
        }
        if let (Some(id), Some(name)) = (id, name) {
            // A spokesperson's position is the party's.
            if !has_position && speaks_for.is_none() {
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
                role,
                speaks_for: None,
            });
        }
    }
    (parties, links)
}
