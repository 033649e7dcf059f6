//! The references format 2 adds between items of one story, checked once every id is
//! known: the party a spokesperson speaks for, who wrote a source, and the sources
//! a source cites (no loops).

use super::{Map, Set};

use super::checker::{child, entry, Checker};
use super::parties::SpeaksFor;
use super::refs::{Ids, Known, Names};
use super::sources::SourceLinks;
use crate::story::model::{Party, Source, Str};

/// `speaks_for`: a party of the story, not the party itself, and not one that itself
/// speaks for another (no chains). Sets each party's `speaks_for` that holds.
pub(super) fn spokespeople(c: &mut Checker, ids: &Ids, parties: &mut [Party], links: &[SpeaksFor]) {
    let speaks: Map<&str, &str> = links
        .iter()
        .filter_map(|l| Some((l.id.as_deref()?, l.speaks_for.as_str())))
        .collect();
    let party_ids = Known::new(ids.of("parties"));
    // Each party id's first place in the list (a map: a search per link would be
    // quadratic in the parties).
    let mut party_at: Map<Str, usize> = Map::default();
    for (i, p) in parties.iter().enumerate() {
        party_at.entry(p.id.clone()).or_insert(i);
    }
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
                        party_ids.list()
                    ),
                );
                continue;
            }
            None => {
                c.error(
                    path,
                    format!(
                        "`speaks_for: {target}` names no party; {}{}",
                        party_ids.list(),
                        party_ids.close_to(target)
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
        if let Some(&i) = l.id.as_deref().and_then(|id| party_at.get(id)) {
            parties[i].speaks_for = Some(target.clone());
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
    cited: &mut Set<Str>,
) {
    // The citations accepted so far: a new one closes a loop when its target already
    // reaches its source. Only a citation inside a loop of all the citations written
    // can close one, so the search runs only for those, and its work is bounded.
    let knots = Knots::of(&links);
    let mut search = Search::default();
    let mut edges: Map<Str, Vec<Str>> = Map::default();
    let source_at: Map<String, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, (at, _))| (at.clone(), i))
        .collect();
    for l in links {
        let by = l.by.and_then(|by| {
            names.person_named(c, || child(&l.at, "by"), |by| format!("`by: {by}`"), by)
        });
        let mut cites: Vec<Str> = Vec::new();
        let mut seen: Map<Str, usize> = Map::default();
        for (i, target) in l.cites {
            // Spelled out only for a problem.
            let path = || entry(&child(&l.at, "cites"), i);
            if l.id.as_ref() == Some(&target) {
                c.error(
                    path(),
                    format!("source `{target}` cites itself; `cites` names the other sources it reports from"),
                );
                continue;
            }
            if !names.sources().contains(&target) {
                c.error(
                    path(),
                    format!(
                        "`cites: {target}` names no source; {}{}",
                        names.sources().list(),
                        names.sources().close_to(&target)
                    ),
                );
                c.unresolved(&target, "a source");
                continue;
            }
            if let Some(first) = seen.get(&target) {
                c.repeat(
                    path(),
                    format!(
                        "`{target}` is already in this list of `cites`: a source is cited once"
                    ),
                    entry(&child(&l.at, "cites"), *first),
                );
                continue;
            }
            seen.insert(target.clone(), i);
            if let Some(id) = &l.id {
                let knotted = knots.same(id, &target);
                let found = if knotted {
                    search.reach(&edges, &target, id)
                } else {
                    Reach::No
                };
                if found == Reach::TooMuch {
                    c.error(
                        path(),
                        format!(
                            "the citations among these sources are too tangled to check for loops (over {} steps); cite fewer sources through others",
                            Search::MAX_STEPS
                        ),
                    );
                    continue;
                }
                if let Reach::Yes(chain) = found {
                    let mut cycle = vec![id.as_str()];
                    cycle.extend(chain.iter().map(Str::as_str));
                    // A long loop is shown by its ends (a message stays short).
                    if cycle.len() > 10 {
                        cycle.splice(5..cycle.len() - 4, ["…"]);
                    }
                    c.error(
                        path(),
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
        if let Some(&i) = source_at.get(&l.at) {
            let s = &mut sources[i].1;
            s.by = by;
            s.cites = cites;
        }
    }
}

/// Which sources share a loop of the citations as written (the strongly connected
/// components of the graph of every `cites`): only a citation between two sources of
/// one component can close a loop.
struct Knots {
    component: Map<Str, usize>,
}

impl Knots {
    fn of(links: &[SourceLinks]) -> Knots {
        let mut index: Map<&Str, usize> = Map::default();
        let mut names: Vec<&Str> = Vec::new();
        for l in links {
            for s in l.id.iter().chain(l.cites.iter().map(|(_, t)| t)) {
                if !index.contains_key(s) {
                    index.insert(s, names.len());
                    names.push(s);
                }
            }
        }
        let n = names.len();
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut back: Vec<Vec<usize>> = vec![Vec::new(); n];
        for l in links {
            let Some(id) = &l.id else { continue };
            let from = index[id];
            for (_, t) in &l.cites {
                let to = index[t];
                out[from].push(to);
                back[to].push(from);
            }
        }
        // Kosaraju, without recursion: the order in which nodes finish on the
        // graph, then the components on the reversed graph in reverse of that order.
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        for start in 0..n {
            if done[start] {
                continue;
            }
            done[start] = true;
            let mut stack = vec![(start, 0usize)];
            while let Some(&mut (v, ref mut next)) = stack.last_mut() {
                if let Some(&w) = out[v].get(*next) {
                    *next += 1;
                    if !done[w] {
                        done[w] = true;
                        stack.push((w, 0));
                    }
                } else {
                    order.push(v);
                    stack.pop();
                }
            }
        }
        let mut comp = vec![usize::MAX; n];
        let mut count = 0;
        for &start in order.iter().rev() {
            if comp[start] != usize::MAX {
                continue;
            }
            comp[start] = count;
            let mut stack = vec![start];
            while let Some(v) = stack.pop() {
                for &w in &back[v] {
                    if comp[w] == usize::MAX {
                        comp[w] = count;
                        stack.push(w);
                    }
                }
            }
            count += 1;
        }
        Knots {
            component: names
                .into_iter()
                .zip(comp)
                .map(|(s, c)| (s.clone(), c))
                .collect(),
        }
    }

    /// Whether `a` and `b` are in one loop of the citations as written.
    fn same(&self, a: &Str, b: &Str) -> bool {
        matches!((self.component.get(a), self.component.get(b)), (Some(x), Some(y)) if x == y)
    }
}

#[derive(Debug, PartialEq)]
enum Reach {
    No,
    /// The chain from the target to the source, both included.
    Yes(Vec<Str>),
    /// The searches of this story ran out of steps.
    TooMuch,
}

/// The searches for loops of one story, with their work bounded in all.
#[derive(Default)]
struct Search {
    steps: usize,
}

impl Search {
    /// Steps (citations followed) allowed in all the searches of one story: a loop
    /// is found in a few; only a file built to be slow gets near.
    const MAX_STEPS: usize = 4_000_000;

    /// The chain of citations from `from` to `to` (both included), if `to` is reachable.
    fn reach(&mut self, edges: &Map<Str, Vec<Str>>, from: &Str, to: &Str) -> Reach {
        let mut parent: Map<&Str, &Str> = Map::default();
        let mut queue = std::collections::VecDeque::from([from]);
        let mut seen: Set<&Str> = Set::from_iter([from]);
        while let Some(at) = queue.pop_front() {
            if at == to {
                let mut chain = vec![at.clone()];
                let mut here = at;
                while let Some(p) = parent.get(here) {
                    chain.push((*p).clone());
                    here = p;
                }
                chain.reverse();
                return Reach::Yes(chain);
            }
            for next in edges.get(at).into_iter().flatten() {
                self.steps += 1;
                if self.steps > Self::MAX_STEPS {
                    return Reach::TooMuch;
                }
                if seen.insert(next) {
                    parent.insert(next, at);
                    queue.push_back(next);
                }
            }
        }
        Reach::No
    }
}
