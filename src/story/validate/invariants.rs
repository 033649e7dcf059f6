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

/// An id as a key: equal to another when its text is, and found without
/// comparing the texts when it is the very same text in memory (a story from the
/// cache refers to an id with the id's own text: each text of a story is stored
/// once, [`crate::story::text`]).
#[derive(Clone, Copy)]
struct Id<'a>(&'a str);

impl PartialEq for Id<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Eq for Id<'_> {}

impl std::hash::Hash for Id<'_> {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// Every id defined with what it names, or `None` when one is empty or defined
/// twice. A fast hash seeded per process (ids are text a hostile file chooses).
fn defined<'a>(
    ids: impl Iterator<Item = (Option<&'a str>, Def)>,
    capacity: usize,
) -> Option<HashMap<Id<'a>, Def, foldhash::fast::RandomState>> {
    let mut defined = HashMap::with_capacity_and_hasher(capacity, Default::default());
    for (id, def) in ids {
        let Some(id) = id else { continue };
        if id.is_empty() || defined.insert(Id(id), def).is_some() {
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
    let is = |id: &str, what: &[Def]| defined.get(&Id(id)).is_some_and(|d| what.contains(d));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::model::Str;

    /// An id is found by its text wherever the text is kept: a reference held in
    /// a buffer of its own finds its id, and an id defined twice is refused
    /// whether the two are one text in memory or two copies of it.
    #[test]
    fn ids_are_matched_by_their_text_wherever_it_is_kept() {
        let story = crate::synth::story(1);
        assert!(hold(&story));
        assert!(story.sources.len() >= 2 && story.quotes.iter().any(|q| q.source.is_some()));
        let first = story.sources[0].id.clone();

        let mut copied = story.clone();
        for q in &mut copied.quotes {
            q.source = Some(first.detached());
            q.by = q.by.detached();
        }
        assert!(hold(&copied), "references in buffers of their own");

        for twice in [first.clone(), first.detached(), Str::from(first.as_str())] {
            let mut story = story.clone();
            let mut again = story.sources[0].clone();
            again.id = twice;
            story.sources.push(again);
            assert!(!hold(&story), "an id defined twice");
        }
        let mut dangling = story.clone();
        dangling.quotes[0].source = Some(Str::from(format!("{first}-gone")));
        assert!(!hold(&dangling), "a reference to no source");
    }
}
