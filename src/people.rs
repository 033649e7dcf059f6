//! One person or organisation across the corpus: finding an entity by id or name
//! (accent- and case-insensitive), and gathering what it said and did in every story.

use crate::corpus::{Corpus, Entity, Role};
use crate::search::fold::fold;
use crate::story::{Claim, Event, Quote, Stance, Story, Str};

/// What a query names: one, several candidates (best first), or none.
#[derive(Debug)]
pub enum Lookup<T> {
    One(T),
    Ambiguous(Vec<T>),
    None,
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every name an entity goes by: its name in each story, and the aliases given there.
fn names<'a>(corpus: &'a Corpus, e: &'a Entity) -> Vec<&'a str> {
    let mut out = vec![e.name.as_str()];
    for &(si, role) in &e.appearances {
        let story = &corpus.stories[si];
        match role {
            Role::Party => {
                if let Some(p) = story.parties.iter().find(|p| p.id == e.id) {
                    out.push(&p.name);
                    out.extend(p.aliases.iter().map(Str::as_str));
                }
            }
            Role::Analyst => {
                if let Some(a) = story.analysts.iter().find(|a| a.id == e.id) {
                    out.push(&a.name);
                }
            }
        }
    }
    out.dedup();
    out
}

/// The candidates a query's words name, accent- and case-insensitive: those with a
/// text (`by_words`) holding every query word as a whole word or a word prefix; when
/// none has, the fuzzy matches of their texts (`fuzzy`), best first. (`who`, `claim`.)
pub fn by_words<'a, T: Clone>(
    candidates: &[T],
    query: &str,
    by_words: impl Fn(&T) -> Vec<&'a str>,
    fuzzy: impl Fn(&T) -> Vec<&'a str>,
) -> Lookup<T> {
    let qwords = words(query);
    if qwords.is_empty() {
        return Lookup::None;
    }
    let mut found: Vec<T> = candidates
        .iter()
        .filter(|c| {
            by_words(c).iter().any(|name| {
                let nw = words(name);
                qwords
                    .iter()
                    .all(|q| nw.iter().any(|w| w.starts_with(q.as_str())))
            })
        })
        .cloned()
        .collect();
    match found.len() {
        1 => return Lookup::One(found.swap_remove(0)),
        n if n > 1 => return Lookup::Ambiguous(found),
        _ => {}
    }
    // The search's matcher: a fresh skim matrix for every score, so a candidate's
    // score does not depend on which was scored before it.
    let matcher = crate::search::matcher::skim();
    let folded_query = fold(query);
    let mut scored: Vec<(i64, &T)> = candidates
        .iter()
        .filter_map(|c| {
            fuzzy(c)
                .iter()
                .filter_map(|n| matcher.fuzzy(&fold(n), &folded_query, false))
                .map(|(score, _)| score)
                .max()
                .map(|score| (score, c))
        })
        .collect();
    scored.sort_by_key(|f| std::cmp::Reverse(f.0));
    match scored.len() {
        0 => Lookup::None,
        1 => Lookup::One(scored[0].1.clone()),
        _ => Lookup::Ambiguous(scored.into_iter().map(|(_, c)| c.clone()).collect()),
    }
}

/// Finds the entity a query names: an exact id wins; then the entities whose name
/// has every query word as a whole word or a word prefix; then fuzzy matches.
pub fn lookup<'a>(corpus: &'a Corpus, query: &str) -> Lookup<&'a Entity> {
    let query = query.trim();
    if let Some(e) = corpus.entity(query) {
        return Lookup::One(e);
    }
    let all: Vec<&'a Entity> = corpus.entities.iter().collect();
    by_words(
        &all,
        query,
        |e| names(corpus, e),
        |e| {
            let mut n = names(corpus, e);
            n.push(&e.id);
            n
        },
    )
}

/// What one entity is and did in one story.
#[derive(Debug)]
pub struct Appearance<'a> {
    pub story_index: usize,
    pub story: &'a Story,
    pub role: Role,
    pub quotes: Vec<&'a Quote>,
    /// Quotes of others that this entity relayed (`via`).
    pub relayed: Vec<&'a Quote>,
    /// The words of the parties that speak for this entity (`speaks_for`), each
    /// shown with its speaker.
    pub spokespeople: Vec<&'a Quote>,
    pub stances: Vec<(&'a Claim, &'a Stance)>,
    pub events: Vec<&'a Event>,
}

/// Everything an entity said and did, story by story in corpus order.
pub fn appearances<'a>(corpus: &'a Corpus, entity: &Entity) -> Vec<Appearance<'a>> {
    entity
        .appearances
        .iter()
        .map(|&(si, role)| {
            let story = &corpus.stories[si];
            let id = entity.id.as_str();
            Appearance {
                story_index: si,
                story,
                role,
                quotes: story.quotes.iter().filter(|q| q.by == id).collect(),
                relayed: story
                    .quotes
                    .iter()
                    .filter(|q| q.via() == Some(id))
                    .collect(),
                spokespeople: spokespeople_quotes(story, id),
                stances: story
                    .claims
                    .iter()
                    .flat_map(|c| c.stances.iter().filter(|s| s.by == id).map(move |s| (c, s)))
                    .collect(),
                events: story
                    .timeline
                    .iter()
                    .filter(|e| e.involves.iter().any(|i| i == id))
                    .collect(),
            }
        })
        .collect()
}

/// The quotes of the parties that speak for party `id` in a story, in file order.
pub fn spokespeople_quotes<'a>(story: &'a Story, id: &str) -> Vec<&'a Quote> {
    let speakers: Vec<&str> = story
        .parties
        .iter()
        .filter(|p| p.speaks_for.as_deref() == Some(id))
        .map(|p| p.id.as_str())
        .collect();
    if speakers.is_empty() {
        return Vec::new();
    }
    story
        .quotes
        .iter()
        .filter(|q| speakers.contains(&q.by.as_str()))
        .collect()
}

/// Counts for the People screen: (stories, quotes, stances); the quotes include
/// those of the entity's spokespeople.
pub fn counts(corpus: &Corpus, entity: &Entity) -> (usize, usize, usize) {
    appearances(corpus, entity)
        .iter()
        .fold((0, 0, 0), |(s, q, st), a| {
            (
                s + 1,
                q + a.quotes.len() + a.spokespeople.len(),
                st + a.stances.len(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two names only fuzzy-matched by the query. skim's matrix left by scoring the
    /// first made the second score 86 instead of its 74, above the first's 82.
    #[test]
    fn fuzzy_ranks_do_not_depend_on_the_order_candidates_are_scored_in() {
        let names = ["mmeam aiaeoeroio", "mmmlnm eoomlla"];
        for order in [[0, 1], [1, 0]] {
            let candidates: Vec<&str> = order.iter().map(|&i| names[i]).collect();
            match by_words(&candidates, "mmma", |c| vec![*c], |c| vec![*c]) {
                Lookup::Ambiguous(found) => {
                    assert_eq!(found, names, "scored in the order {candidates:?}")
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
