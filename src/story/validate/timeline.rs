//! The `timeline` section: the events, each checked in file order; [`order`] puts
//! them in timeline order.

use super::Set;

use super::checker::{Checker, Place};
use super::refs::{Ids, Names};
use crate::story::date::{timeline_order, PartialDate};
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawEvent};

pub(super) fn timeline(
    c: &mut Checker,
    ids: &mut Ids,
    names: &Names,
    cited: &mut Set<Str>,
    raw: Option<List<Node<RawEvent>>>,
) -> Vec<Event> {
    let mut events = Vec::new();
    let items = c.list("", "timeline", raw);
    for (file_index, (i, at, r)) in c
        .entries("timeline", "", "an event", items)
        .into_iter()
        .enumerate()
    {
        let r: RawEvent = r;
        c.keys(&at, &r.extra, RawEvent::KEYS);
        let id = c.opt_id(&at, r.id);
        ids.claim(c, &id, "timeline", i);
        let date = c.opt_date(&at, r.date);
        let title = c.req_text(&at, "this event", "title", r.title);
        let detail = c.opt_text(&at, "detail", r.detail);
        let mut involves = Vec::new();
        let items = c.list(&at, "involves", r.involves);
        for (i, v) in items.into_iter().enumerate() {
            let p = Place {
                at: &at,
                key: "involves",
                index: Some(i),
            };
            let Some(who) = c.text_of(p, v) else { continue };
            involves.extend(names.person_named(c, || p.path(), |who| format!("`{who}`"), who));
        }
        let source = names.source(c, cited, &at, r.source);
        if let Some(title) = title {
            events.push(Event {
                id,
                date,
                title,
                detail,
                involves,
                source,
                file_index,
            });
        }
    }
    events
}

/// The events in timeline order. An event whose entry is not a mapping was
/// reported; file indexes follow the entries.
pub(super) fn order(events: Vec<Event>) -> Vec<Event> {
    let dates: Vec<Option<&PartialDate>> = events.iter().map(|e| e.date.as_ref()).collect();
    let order = timeline_order(&dates);
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
