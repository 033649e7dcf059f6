//! What every story the checks let through holds: each date one the parser
//! could make, ids present and unique in the story's one namespace, and every
//! reference naming something the story defines. A story from elsewhere than the
//! parser (a cache entry) is used only when it holds all of this.

use std::collections::HashMap;

use crate::story::date::PartialDate;
use crate::story::model::Story;
use crate::story::outline::Outline;

/// What an id names, for the reference checks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Def {
    Source,
    Party,
    Analyst,
    Quote,
    /// A claim or an event (nothing refers to them by id).
    Other,
}

/// Every id defined with what it names, or `None` when one is empty or defined
/// twice. A fast hash seeded per process (ids are text a hostile file chooses).
fn defined<'a>(
    ids: impl Iterator<Item = (Option<&'a str>, Def)>,
    capacity: usize,
) -> Option<HashMap<&'a str, Def, foldhash::fast::RandomState>> {
    let mut defined = HashMap::with_capacity_and_hasher(capacity, Default::default());
    for (id, def) in ids {
        let Some(id) = id else { continue };
        if id.is_empty() || defined.insert(id, def).is_some() {
            return None;
        }
    }
    Some(defined)
}

/// Whether an outline holds what the outline of a checked story holds: a valid
/// date, and ids present and unique in the story's one namespace.
pub fn outline_holds(outline: &Outline) -> bool {
    if outline.id.is_empty() || !outline.date.as_ref().is_none_or(PartialDate::is_valid) {
        return false;
    }
    // The items' ids are the whole of its text of ids, each one after the one
    // before (an empty one, or one not ending at a character's end, is refused
    // below: it reads as empty).
    if outline.items.last().map_or(0, |i| i.end as usize) != outline.ids.len() {
        return false;
    }
    let ids = (outline.people.iter())
        .map(|p| (Some(p.id.as_str()), Def::Other))
        .chain(outline.item_ids().map(|(id, _, _)| (Some(id), Def::Other)));
    let capacity = outline.people.len() + outline.items.len();
    defined(ids, capacity).is_some()
}

/// Whether `story` holds the invariants of a checked story.
pub fn hold(story: &Story) -> bool {
    let dates_ok = |d: &Option<PartialDate>| d.as_ref().is_none_or(PartialDate::is_valid);
    if story.id.is_empty()
        || !dates_ok(&story.date)
        || !story.sources.iter().all(|s| dates_ok(&s.date))
        || !story.quotes.iter().all(|q| dates_ok(&q.date))
        || !story.timeline.iter().all(|e| dates_ok(&e.date))
        || !story
            .claims
            .iter()
            .all(|c| c.stances.iter().all(|s| dates_ok(&s.date)))
    {
        return false;
    }
    let ids = (story
        .sources
        .iter()
        .map(|s| (Some(s.id.as_str()), Def::Source)))
    .chain(
        story
            .parties
            .iter()
            .map(|p| (Some(p.id.as_str()), Def::Party)),
    )
    .chain(
        story
            .analysts
            .iter()
            .map(|a| (Some(a.id.as_str()), Def::Analyst)),
    )
    .chain(story.quotes.iter().map(|q| (q.id.as_deref(), Def::Quote)))
    .chain(
        story
            .claims
            .iter()
            .map(|c| (Some(c.id.as_str()), Def::Other)),
    )
    .chain(story.timeline.iter().map(|e| (e.id.as_deref(), Def::Other)));
    let capacity = story.sources.len()
        + story.parties.len()
        + story.analysts.len()
        + story.quotes.len()
        + story.claims.len()
        + story.timeline.len();
    let Some(defined) = defined(ids, capacity) else {
        return false;
    };
    let is = |id: &str, what: &[Def]| defined.get(id).is_some_and(|d| what.contains(d));
    let people = |id: &str| is(id, &[Def::Party, Def::Analyst]);
    let sources = |id: &str| is(id, &[Def::Source]);
    let quotes = |id: &str| is(id, &[Def::Quote]);
    let party_ids = |id: &str| is(id, &[Def::Party]);
    let source_ok = |s: &Option<crate::story::model::Str>| s.as_deref().is_none_or(&sources);
    // Format 2's links: a spokesperson speaks for another party; a source's author is
    // a party or analyst, and it cites other sources of the story.
    let links_ok = story.parties.iter().all(|p| {
        p.speaks_for
            .as_deref()
            .is_none_or(|f| f != p.id && party_ids(f))
    }) && story.sources.iter().all(|s| {
        s.by.as_deref().is_none_or(&people)
            && s.cites.iter().all(|c| *c != s.id && sources(c.as_str()))
    });
    links_ok
        && story
            .quotes
            .iter()
            .all(|q| people(q.by.as_str()) && q.via().is_none_or(&people) && source_ok(&q.source))
        && story.claims.iter().all(|c| {
            source_ok(&c.source)
                && c.stances
                    .iter()
                    .all(|s| people(s.by.as_str()) && s.quote.as_deref().is_none_or(&quotes))
        })
        && story
            .timeline
            .iter()
            .all(|e| source_ok(&e.source) && e.involves.iter().all(|p| people(p.as_str())))
}
