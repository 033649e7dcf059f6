//! The query engine: one query → the total hit count and the top rows, ranked.
//!
//! Per query: candidates are every item, or only the last query's hits when the new
//! query extends it (typing narrows); a parallel cheap pass scores contiguous matches
//! exactly and bounds scattered ones; the top rows of the exact scores set a bar, and
//! skim runs only on items whose bound reaches it; the top `limit` are picked with a
//! partial selection, and only they get highlight positions.
//!
//! One-character queries are special: a single letter or digit is answered from each
//! text's character masks alone (present? at the start of a word?), with no scan of
//! the text and no skim. A query extending the last one also reuses each kept item's
//! per-word results: an unchanged word is not matched again, and a word that was found
//! only scattered is not searched for contiguously again.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::index::{Index, Partial, Prior};
use super::items::Kind;
use super::matcher::Pattern;
use super::Results;

/// Items per parallel task (and between checks for a newer query).
const CHUNK: usize = 4096;
/// Per-word results are kept for the next query only up to this many words (a pasted
/// paragraph would otherwise cost words × hits of memory).
const MAX_CACHED_WORDS: usize = 16;

/// What to search for besides the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// At most this many hits are returned (ranked, with highlights); the count covers all.
    pub limit: usize,
    /// Only items of this kind.
    pub kind: Option<Kind>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            limit: 50,
            kind: None,
        }
    }
}

/// Ranking order: higher score first, then earlier item (story order, then item order).
#[inline]
fn rank(a: &(i32, u32), b: &(i32, u32)) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Keeps the best `k` of `v` (by [`rank`]), sorted.
fn top_k(v: &mut Vec<(i32, u32)>, k: usize) {
    if k == 0 {
        v.clear();
        return;
    }
    if v.len() > k {
        v.select_nth_unstable_by(k - 1, rank);
        v.truncate(k);
    }
    v.sort_unstable_by(rank);
}

/// The hits of the last query, to narrow the next one.
struct Last {
    pattern: Pattern,
    kind: Option<Kind>,
    hits: Vec<u32>,
    /// Per hit, per word: the word's best contiguous score in the item, or `SCATTERED`.
    scores: Vec<i32>,
}

/// An incremental searcher over one index: remembers the last query's hits so that a
/// query extending it only looks at them.
pub struct Searcher {
    index: Arc<Index>,
    all: Vec<u32>,
    last: Option<Last>,
}

/// The first pass over one chunk of candidates.
#[derive(Default)]
struct Pass {
    hits: Vec<u32>,
    scores: Vec<i32>,
    exact: Vec<(i32, u32)>,
    /// (bound, item, index of the item in `hits`)
    bounded: Vec<(i32, u32, u32)>,
}

impl Searcher {
    pub fn new(index: Arc<Index>) -> Searcher {
        let all = (0..index.len() as u32).collect();
        Searcher {
            index,
            all,
            last: None,
        }
    }

    pub fn index(&self) -> &Arc<Index> {
        &self.index
    }

    /// Forgets the last query, so the next one looks at every item.
    pub fn reset(&mut self) {
        self.last = None;
    }

    /// Searches; see [`Searcher::search_until`].
    pub fn search(&mut self, query: &str, options: &Options) -> Results {
        self.search_until(query, options, &|| false)
            .unwrap_or_default()
    }

    /// Searches, giving up (returning `None`, remembering nothing) as soon as
    /// `cancelled` says so, e.g. because a newer query is waiting.
    pub fn search_until(
        &mut self,
        query: &str,
        options: &Options,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        let pattern = Pattern::new(query);
        if pattern.is_empty() {
            self.last = None;
            return Some(Results {
                query: query.to_string(),
                ..Results::default()
            });
        }
        let (candidates, priors, cached, stride): (&[u32], Vec<Prior>, &[i32], usize) =
            match &self.last {
                Some(last) if last.kind == options.kind && pattern.extends(&last.pattern) => (
                    &last.hits,
                    pattern.priors(&last.pattern),
                    &last.scores,
                    if last.scores.is_empty() {
                        0
                    } else {
                        last.pattern.words.len()
                    },
                ),
                _ => (&self.all, Vec::new(), &[], 0),
            };
        let index = &*self.index;
        let kind = options.kind;
        let keep_scores = pattern.words.len() <= MAX_CACHED_WORDS;

        // Pass 1, in parallel: who matches, exact scores for contiguous matches, bounds for the rest.
        let passes: Vec<Option<Pass>> = candidates
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                if cancelled() {
                    return None;
                }
                let mut pass = Pass::default();
                let mut scratch = Vec::new();
                for (i, &item) in chunk.iter().enumerate() {
                    if kind.is_some_and(|k| index.kind(item) != k) {
                        continue;
                    }
                    let at = (c * CHUNK + i) * stride;
                    let known = cached.get(at..at + stride).unwrap_or(&[]);
                    let out = if keep_scores {
                        &mut pass.scores
                    } else {
                        scratch.clear();
                        &mut scratch
                    };
                    match index.partial(item, &pattern, &priors, known, out) {
                        Partial::Miss => continue,
                        Partial::Exact(s) => pass.exact.push((s, item)),
                        Partial::Bounded(b) => pass.bounded.push((b, item, pass.hits.len() as u32)),
                    }
                    pass.hits.push(item);
                }
                Some(pass)
            })
            .collect();
        let mut hits = Vec::with_capacity(candidates.len());
        let mut scores = Vec::with_capacity(if keep_scores {
            candidates.len() * pattern.words.len()
        } else {
            0
        });
        let mut exact = Vec::new();
        let mut bounded = Vec::new();
        for pass in passes {
            let pass = pass?;
            let base = hits.len() as u32;
            hits.extend(pass.hits);
            scores.extend(pass.scores);
            exact.extend(pass.exact);
            bounded.extend(
                pass.bounded
                    .into_iter()
                    .map(|(b, item, at)| (b, item, base + at)),
            );
        }

        // The bar: the k-th best exact score. An item whose bound ranks below it cannot make the top.
        let k = options.limit;
        top_k(&mut exact, k);
        if k > 0 && exact.len() == k {
            let bar = exact[k - 1];
            bounded.retain(|&(b, item, _)| rank(&(b, item), &bar) == Ordering::Less);
        } else if k == 0 {
            bounded.clear();
        }

        // Pass 2, in parallel: skim only for the items that might still make it.
        let words = pattern.words.len();
        let scored: Vec<Option<Vec<(i32, u32)>>> = bounded
            .par_chunks(CHUNK / 8)
            .map(|chunk| {
                if cancelled() {
                    return None;
                }
                Some(
                    chunk
                        .iter()
                        .filter_map(|&(_, item, at)| {
                            let at = at as usize * words;
                            let known = scores.get(at..at + words);
                            Some((index.score_known(item, &pattern, known)?, item))
                        })
                        .collect(),
                )
            })
            .collect();
        for s in scored {
            exact.extend(s?);
        }
        top_k(&mut exact, k);

        let rows = exact
            .iter()
            .filter_map(|&(score, item)| index.hit(item, score, &pattern))
            .collect();
        let results = Results {
            query: query.to_string(),
            total: hits.len(),
            hits: rows,
        };
        self.last = Some(Last {
            pattern,
            kind,
            hits,
            scores,
        });
        Some(results)
    }
}

/// The ranked hits of one query by the plain method, on one thread: every item scored
/// in full (skim wherever a word is only scattered), then a full sort. The engine must
/// agree with it (tests) and beat it (benchmarks).
#[doc(hidden)]
pub fn reference(index: &Index, query: &str, options: &Options) -> Results {
    let pattern = Pattern::new(query);
    if pattern.is_empty() {
        return Results {
            query: query.to_string(),
            ..Results::default()
        };
    }
    let mut all: Vec<(i32, u32)> = (0..index.len() as u32)
        .filter(|&i| options.kind.is_none_or(|k| index.kind(i) == k))
        .filter_map(|i| Some((index.score(i, &pattern)?, i)))
        .collect();
    let total = all.len();
    all.sort_by(rank);
    all.truncate(options.limit);
    Results {
        query: query.to_string(),
        total,
        hits: all
            .iter()
            .filter_map(|&(s, i)| index.hit(i, s, &pattern))
            .collect(),
    }
}
