//! What every story the checks let through holds: each date one the parser
//! could make, ids present and unique in the story's one namespace, and every
//! reference naming something the story defines. A story from elsewhere than the
//! parser (a cache entry) is used only when it holds all of this.

use std::collections::HashSet;

use crate::story::date::PartialDate;
use crate::story::model::Story;

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
    let mut ids: HashSet<&str> = HashSet::new();
    let defined = story
        .sources
        .iter()
        .map(|s| Some(s.id.as_str()))
        .chain(story.parties.iter().map(|p| Some(p.id.as_str())))
        .chain(story.analysts.iter().map(|a| Some(a.id.as_str())))
        .chain(story.quotes.iter().map(|q| q.id.as_deref()))
        .chain(story.claims.iter().map(|c| Some(c.id.as_str())))
        .chain(story.timeline.iter().map(|e| e.id.as_deref()));
    for id in defined.flatten() {
        if id.is_empty() || !ids.insert(id) {
            return false;
        }
    }
    let people: HashSet<&str> = story
        .parties
        .iter()
        .map(|p| p.id.as_str())
        .chain(story.analysts.iter().map(|a| a.id.as_str()))
        .collect();
    let sources: HashSet<&str> = story.sources.iter().map(|s| s.id.as_str()).collect();
    let quotes: HashSet<&str> = story
        .quotes
        .iter()
        .filter_map(|q| q.id.as_deref())
        .collect();
    let party_ids: HashSet<&str> = story.parties.iter().map(|p| p.id.as_str()).collect();
    let source_ok =
        |s: &Option<crate::story::model::Str>| s.as_deref().is_none_or(|s| sources.contains(s));
    // Format 2's links: a spokesperson speaks for another party; a source's author is
    // a party or analyst, and it cites other sources of the story.
    let links_ok = story.parties.iter().all(|p| {
        p.speaks_for
            .as_deref()
            .is_none_or(|f| f != p.id && party_ids.contains(f))
    }) && story.sources.iter().all(|s| {
        s.by.as_deref().is_none_or(|b| people.contains(b))
            && s.cites
                .iter()
                .all(|c| *c != s.id && sources.contains(c.as_str()))
    });
    links_ok
        && story.quotes.iter().all(|q| {
            people.contains(q.by.as_str())
                && q.via.as_deref().is_none_or(|v| people.contains(v))
                && source_ok(&q.source)
        })
        && story.claims.iter().all(|c| {
            source_ok(&c.source)
                && c.stances.iter().all(|s| {
                    people.contains(s.by.as_str())
                        && s.quote.as_deref().is_none_or(|q| quotes.contains(q))
                })
        })
        && story
            .timeline
            .iter()
            .all(|e| source_ok(&e.source) && e.involves.iter().all(|p| people.contains(p.as_str())))
}
