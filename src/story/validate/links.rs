//! The references format 2 adds between items of one story, checked once every id is
//! known: the party a spokesperson speaks for, who wrote a source, and the sources
//! a source cites (no loops).

use std::collections::{HashMap, HashSet};

use super::checker::{child, Checker};
use super::parties::SpeaksFor;
use super::refs::{close_to, known_list, Ids, Names};
use super::sources::SourceLinks;
use crate::story::model::{Party, Source, Str};

/// `speaks_for`: a party of the story, not the party itself, and not one that itself
/// speaks for another (no chains). Sets each party's `speaks_for` that holds.
pub(super) fn spokespeople(c: &mut Checker, ids: &Ids, parties: &mut [Party], links: &[SpeaksFor]) {
    let speaks: HashMap<&str, &str> = links
        .iter()
        .filter_map(|l| Some((l.id.as_deref()?, l.speaks_for.as_str())))
        .collect();
    let party_ids = ids.of("parties");
    for l in links {
        let path = child(&l.at, "speaks_for");
        let target = &l.speaks_for;
        if l.id.as_ref() == Some(target) {
            c.error(
                path,
                format!("`speaks_for: {target}` names the party itself; `speaks_for` names the party this one speaks for"),
            );
            continue;
        }
        match ids.what(target) {
            Some("a party") => {}
            Some(noun) => {
                c.error(
                    path,
                    format!(
                        "`speaks_for: {target}` names no party: `{target}` is {noun}, not a party; {}",
                        known_list(&party_ids)
                    ),
                );
                continue;
            }
            None => {
                c.error(
                    path,
                    format!(
                        "`speaks_for: {target}` names no party; {}{}",
                        known_list(&party_ids),
                        close_to(target, &party_ids)
                    ),
                );
                continue;
            }
        }
        if let Some(further) = speaks.get(target.as_str()) {
            c.error(
                path,
                format!("`{target}` itself speaks for `{further}`: name `{further}` here (no chains: a spokesperson speaks for the party itself)"),
            );
            continue;
        }
        if let Some(p) = parties.iter_mut().find(|p| Some(&p.id) == l.id.as_ref()) {
            p.speaks_for = Some(target.clone());
        }
    }
}

/// A source's `by` (a party or analyst) and `cites` (other sources, each once, no
/// loop through others: the reference that closes one, in file order, is the error).
/// Sets them on the sources that hold, and counts cited sources as cited.
pub(super) fn sources(
    c: &mut Checker,
    names: &Names,
    sources: &mut [(String, Source)],
    links: Vec<SourceLinks>,
    cited: &mut HashSet<Str>,
) {
    // The citations accepted so far: a new one closes a loop when its target already
    // reaches its source.
    let mut edges: HashMap<Str, Vec<Str>> = HashMap::new();
    for l in links {
        let by = l.by.and_then(|by| {
            let shown = format!("`by: {by}`");
            names.person_named(c, child(&l.at, "by"), &shown, by)
        });
        let mut cites: Vec<Str> = Vec::new();
        let mut seen: HashMap<Str, usize> = HashMap::new();
        for (i, target) in l.cites {
            let path = format!("{}[{i}]", child(&l.at, "cites"));
            if l.id.as_ref() == Some(&target) {
                c.error(
                    path,
                    format!("source `{target}` cites itself; `cites` names the other sources it reports from"),
                );
                continue;
            }
            if !names.is_source(&target) {
                c.error(
                    path,
                    format!(
                        "`cites: {target}` names no source; {}{}",
                        known_list(names.sources()),
                        close_to(&target, names.sources())
                    ),
                );
                c.unresolved(&target, "a source");
                continue;
            }
            if let Some(first) = seen.get(&target) {
                c.repeat(
                    path,
                    format!(
                        "`{target}` is already in this list of `cites`: a source is cited once"
                    ),
                    format!("{}[{first}]", child(&l.at, "cites")),
                );
                continue;
            }
            seen.insert(target.clone(), i);
            if let Some(id) = &l.id {
                if let Some(chain) = reach(&edges, &target, id) {
                    let mut cycle = vec![id.as_str()];
                    cycle.extend(chain.iter().map(Str::as_str));
                    c.error(
                        path,
                        format!(
                            "`{target}` closes a loop of citations ({}): a source cannot cite, through others, itself",
                            cycle.join(" cites ")
                        ),
                    );
                    continue;
                }
                edges.entry(id.clone()).or_default().push(target.clone());
            }
            cited.insert(target.clone());
            cites.push(target);
        }
        if let Some((_, s)) = sources.iter_mut().find(|(at, _)| *at == l.at) {
            s.by = by;
            s.cites = cites;
        }
    }
}

/// The chain of citations from `from` to `to` (both included), if `to` is reachable.
fn reach(edges: &HashMap<Str, Vec<Str>>, from: &Str, to: &Str) -> Option<Vec<Str>> {
    let mut parent: HashMap<&Str, &Str> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([from]);
    let mut seen: HashSet<&Str> = HashSet::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            let mut chain = vec![at.clone()];
            let mut here = at;
            while let Some(p) = parent.get(here) {
                chain.push((*p).clone());
                here = p;
            }
            chain.reverse();
            return Some(chain);
        }
        for next in edges.get(at).into_iter().flatten() {
            if seen.insert(next) {
                parent.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}
