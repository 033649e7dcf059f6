//! The query engine: one query → the total hit count and the top rows, ranked.
//!
//! Per query: candidates are every item, or only an earlier query's hits when the new
//! query extends it (typing narrows). The answers of the queries typed on the way
//! are kept as a chain of prefixes ("f", "fi", "fis"…), so a backspace or a typo
//! mended goes back to the longest of them the new query still extends instead of
//! every item. A parallel cheap pass scores contiguous matches
//! exactly and bounds scattered ones; the top rows of the exact scores set a bar, and
//! skim runs only on items whose bound reaches it; the top `limit` are picked with a
//! partial selection, and only they get highlight positions.
//!
//! The best rows may come first, before the count ([`Searcher::page`]): from the
//! names directory, or from the first items reaching the query's best possible
//! score ([`super::words`]).
//!
//! One-character queries are special: a single letter is answered from the
//! index's table of the 26 one-letter answers (count and best rows, kept as the
//! index grows) when no kind is asked and the rows asked fit (two letters likewise
//! from the 676 two-letter answers, once built: [`super::pairs`]); otherwise from each
//! text's character masks alone (present? at the start of a word?), with no scan
//! of the text and no skim. A query extending the last one also reuses each kept item's
//! per-word results (16 bits each): an unchanged word is not matched again (nor
//! skimmed again where the second pass scored it), and a word that was found only
//! scattered is not searched for contiguously again.
//!
//! Memory: nothing per item of the index; per query, each task's hits with their
//! per-word results, kept as they are for the next query, and only each task's best
//! rows (the merge of them picks the same top rows as a merge of all).

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::index::{Index, Partial, Prior, WARM};
use super::items::{Kind, Role};
use super::matcher::{self, Pattern};
use super::Results;

/// Items per parallel task (and between checks for a newer query); small in tests,
/// so that their corpora span many tasks (each keeps its own best rows, merged after).
const CHUNK: usize = if cfg!(test) { 256 } else { 4096 };
/// Per-word results are kept for the next query only up to this many words (a pasted
/// paragraph would otherwise cost words × hits of memory).
const MAX_CACHED_WORDS: usize = 16;
/// Earlier answers kept for backspaces at most (the chain of prefixes typed).
const MAX_KEPT: usize = 24;
/// The bytes the whole chain's hits (with their per-word results) may hold: the
/// shortest prefixes, which hold the most hits, are let go first; the last answer
/// is always kept (the next keystroke narrows from it). 64 MiB holds the answers
/// of a two- and a three-letter query on 100,000 generated stories ("to" and
/// "ton": 5.0 M and 3.3 M hits of 6 bytes), so a backspace from the second finds
/// the first. Small in tests, so that their corpora reach it.
pub(crate) const MAX_KEPT_BYTES: usize = if cfg!(test) { 48 << 10 } else { 64 << 20 };

/// Kept answers holding at least this many bytes are freed on a thread of their own.
const LARGE: usize = 1 << 20;

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
pub(crate) fn rank(a: &(i32, u32), b: &(i32, u32)) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Keeps the best `k` of `v` (by [`rank`]), sorted.
pub(crate) fn top_k(v: &mut Vec<(i32, u32)>, k: usize) {
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

/// The hits of one task of the first pass, kept as they are for the next query.
#[derive(Default)]
struct Found {
    hits: Vec<u32>,
    /// Per hit, per word (when the words are few enough to keep them): the word's
    /// best contiguous score in the item, its skim score once the second pass
    /// computed it, `SCATTERED` or `NOT_KEPT` (see [`super::index::Kept`]).
    scores: Vec<i16>,
}

/// The hits of the last query, to narrow the next one.
struct Last {
    pattern: Pattern,
    kind: Option<Kind>,
    /// The hits, in item order, in the pieces the tasks found them in (never empty).
    found: Vec<Found>,
    /// Per-word results per hit: the words, or 0 when they were too many to keep.
    stride: usize,
    /// How many items the index held then: a query after the index grew looks at
    /// the hits among those and at every item added since.
    items: u32,
}

impl Last {
    /// The bytes its hits and their per-word results hold.
    fn bytes(&self) -> usize {
        self.found
            .iter()
            .map(|f| {
                std::mem::size_of::<Found>()
                    + f.hits.capacity() * std::mem::size_of::<u32>()
                    + f.scores.capacity() * std::mem::size_of::<i16>()
            })
            .sum()
    }
}

/// An incremental searcher over one index: remembers the hits of the last query
/// and of the shorter queries it extends, so that a query extending one of them
/// only looks at its hits.
pub struct Searcher {
    index: Arc<Index>,
    /// Earlier answers, each extending the one before it (same kind), the last
    /// query's last.
    kept: Vec<Last>,
    /// What the last page looked at, for the full answer of its query.
    early: std::sync::Mutex<Option<Early>>,
}

/// The items a query looks at: the last query's hits, with their per-word
/// results (`stride` per hit), then every item of `rest` (every item of the index
/// for a fresh query; the items added since the last query for one extending it).
#[derive(Clone)]
struct Candidates<'a> {
    found: &'a [Found],
    stride: usize,
    rest: std::ops::Range<u32>,
}

impl<'a> Candidates<'a> {
    /// How many tasks the first pass has: one per piece of hits, one per chunk of the rest.
    fn tasks(&self) -> usize {
        self.found.len() + (self.rest.len()).div_ceil(CHUNK)
    }

    /// Those of `items` (ascending) that are candidates, ascending, each with
    /// where its per-word results are: its piece of hits and its place there
    /// ([`NOT_FOUND`] for an item of the rest).
    fn among(&self, items: Vec<u32>) -> Vec<Placed> {
        let mut hits = self
            .found
            .iter()
            .enumerate()
            .flat_map(|(p, f)| (0..).zip(&f.hits).map(move |(i, &h)| (h, p as u32, i)))
            .peekable();
        items
            .into_iter()
            .filter_map(|item| {
                if self.rest.contains(&item) {
                    return Some((item, NOT_FOUND, 0));
                }
                while hits.next_if(|&(h, _, _)| h < item).is_some() {}
                hits.peek().filter(|&&(h, _, _)| h == item).copied()
            })
            .collect()
    }

    /// The per-word results of a candidate at this place ([`Candidates::among`]).
    fn known(&self, piece: u32, at: u32) -> &[i16] {
        let at = at as usize * self.stride;
        self.found
            .get(piece as usize)
            .and_then(|f| f.scores.get(at..at + self.stride))
            .unwrap_or(&[])
    }

    /// How many of the first tasks hold the first `n` candidates (all of them
    /// when they are fewer).
    fn tasks_holding(&self, n: usize) -> usize {
        let mut held = 0;
        for (t, found) in self.found.iter().enumerate() {
            if held >= n {
                return t;
            }
            held += found.hits.len();
        }
        let rest = n.saturating_sub(held).div_ceil(CHUNK);
        self.found.len() + rest.min(self.rest.len().div_ceil(CHUNK))
    }

    /// The items of task `t` (in item order; only those of `kind` when one is
    /// asked, among the rest), with their per-word results and how many per item.
    fn task(
        &self,
        t: usize,
        index: &'a Index,
        kind: Option<Kind>,
    ) -> (
        TaskItems<'a, impl Iterator<Item = u32> + 'a>,
        &'a [i16],
        usize,
    ) {
        if let Some(found) = self.found.get(t) {
            let hits = found.hits.iter().copied();
            return (TaskItems::Hits(hits), &found.scores, self.stride);
        }
        let rest = &self.rest;
        let from = rest.start as usize + (t - self.found.len()) * CHUNK;
        let items = from as u32..(from + CHUNK).min(rest.end as usize) as u32;
        let items = match kind {
            None => TaskItems::Range(items),
            Some(kind) => TaskItems::Kind(index.items_of(kind, items)),
        };
        (items, &[], 0)
    }
}

/// The piece of hits of a candidate of the rest ([`Candidates::among`]).
const NOT_FOUND: u32 = u32::MAX;

/// A candidate with where its per-word results are: (item, piece of hits, place
/// there), see [`Candidates::among`].
type Placed = (u32, u32, u32);

/// The items of one task of the first pass ([`Candidates::task`]).
enum TaskItems<'a, K> {
    Hits(std::iter::Copied<std::slice::Iter<'a, u32>>),
    Range(std::ops::Range<u32>),
    Kind(K),
}

impl<K: Iterator<Item = u32>> Iterator for TaskItems<'_, K> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            TaskItems::Hits(hits) => hits.next(),
            TaskItems::Range(items) => items.next(),
            TaskItems::Kind(items) => items.next(),
        }
    }
}

/// Candidates the first rows reaching a query's best possible score are looked
/// for among, at most, before the full answer is left to give them: the tasks
/// (of [`CHUNK`] items, or pieces of kept hits, which may be far fewer) that
/// hold the first this many: enough for rows that one candidate in a hundred
/// reaches ("richard fish" among the hits of "richard fis" at 100,000 stories,
/// where 16 pieces of kept hits held about 1,300 candidates), few enough that a
/// query whose bound no candidate reaches costs little before the lift or the
/// full answer.
const PAGE_CANDIDATES: usize = 4 * CHUNK;

/// The second pass over some bounded items: their scores, and the skim results
/// learned (piece of hits, place in its per-word results, the kept result).
#[derive(Default)]
struct Scored {
    exact: Vec<(i32, u32)>,
    learned: Vec<(u32, u32, i16)>,
}

/// The first pass of one task.
#[derive(Default)]
struct Pass {
    found: Found,
    exact: Vec<(i32, u32)>,
    /// (bound, item, index of the item in `found.hits`)
    bounded: Vec<(i32, u32, u32)>,
}

/// What the first pass over each chunk of candidates reads.
struct FirstPass<'a> {
    index: &'a Index,
    pattern: &'a Pattern,
    priors: &'a [Prior],
    keep_scores: bool,
    /// How many hits are wanted.
    k: usize,
}

impl FirstPass<'_> {
    /// The first pass over these candidates, with the last query's per-word results
    /// (`stride` per candidate): only the task's best `k` exact scores are kept, and
    /// the bounds that may beat their worst (what the whole query keeps of them then
    /// is the same).
    fn run(&self, items: impl Iterator<Item = u32>, cached: &[i16], stride: usize) -> Pass {
        self.run_with(items, cached, stride, |_, _, _| false).0
    }

    /// [`FirstPass::run`], telling `each` every matching item, its result and
    /// its per-word results; it stops where `each` says so (then the pass is
    /// not whole: false).
    fn run_with(
        &self,
        items: impl Iterator<Item = u32>,
        cached: &[i16],
        stride: usize,
        mut each: impl FnMut(u32, Partial, &[i16]) -> bool,
    ) -> (Pass, bool) {
        let index = self.index;
        let mut pass = Pass::default();
        let mut whole = true;
        let mut scratch = Vec::new();
        let mut warmed = 0u32;
        for (i, item) in warmed_ahead(index, items, self.pattern, self.priors, &mut warmed) {
            let at = i * stride;
            let known = cached.get(at..at + stride).unwrap_or(&[]);
            let out = if self.keep_scores {
                &mut pass.found.scores
            } else {
                scratch.clear();
                &mut scratch
            };
            let start = out.len();
            let partial = index.partial(item, self.pattern, self.priors, known, out);
            match partial {
                Partial::Miss => continue,
                Partial::Exact(s) => pass.exact.push((s, item)),
                Partial::Bounded(b) => {
                    pass.bounded.push((b, item, pass.found.hits.len() as u32));
                }
            }
            pass.found.hits.push(item);
            if each(item, partial, &out[start..]) {
                whole = false;
                break;
            }
        }
        std::hint::black_box(warmed);
        // Kept for the next query: no room to spare.
        pass.found.hits.shrink_to_fit();
        pass.found.scores.shrink_to_fit();
        top_k(&mut pass.exact, self.k);
        keep_above_bar(&pass.exact, &mut pass.bounded, self.k);
        (pass, whole)
    }
}

/// `items` enumerated, each [`WARM`] of them read ahead together before they
/// are given ([`Index::warm`]; what it returns summed into `warmed`).
fn warmed_ahead<'a>(
    index: &'a Index,
    items: impl Iterator<Item = u32> + 'a,
    pattern: &'a Pattern,
    priors: &'a [Prior],
    warmed: &'a mut u32,
) -> impl Iterator<Item = (usize, u32)> + 'a {
    let mut items = items.enumerate();
    let mut batch = [(0usize, 0u32); WARM];
    let (mut at, mut len) = (0, 0);
    std::iter::from_fn(move || {
        if at == len {
            len = 0;
            for slot in batch.iter_mut() {
                let Some(next) = items.next() else { break };
                *slot = next;
                len += 1;
            }
            at = 0;
            let mut ids = [0u32; WARM];
            for (id, &(_, item)) in ids.iter_mut().zip(&batch[..len]) {
                *id = item;
            }
            *warmed = warmed.wrapping_add(index.warm(&ids[..len], pattern, priors));
        }
        let next = batch.get(at).filter(|_| at < len).copied();
        at += 1;
        next
    })
}

/// Kept hits join consecutive pieces into one while it holds at most this many:
/// a query narrowing from them has a task per piece, and pieces of a few dozen
/// hits (a query's hits are sparse among the first query's chunks) made the next
/// queries' tasks, and the rounds of [`Scan::first_reaching`], mostly overhead
/// (at 10,000 stories the 2,244 hits of "tonelson del" were in 171 pieces).
const PIECE: usize = CHUNK;

/// The pieces of hits joined, in order, while a joined piece holds at most
/// [`PIECE`] hits (a larger piece stays as it is). Only small pieces are copied.
fn coalesced(found: Vec<Found>) -> Vec<Found> {
    let small = found.iter().filter(|f| f.hits.len() * 2 < PIECE).count();
    if small * 4 < found.len() {
        // Most pieces are large already: not worth a copy.
        return found;
    }
    let mut out: Vec<Found> = Vec::new();
    // The pieces waiting to be joined, and their hits.
    let mut run: Vec<Found> = Vec::new();
    let mut held = 0;
    let flush = |run: &mut Vec<Found>, out: &mut Vec<Found>| {
        if run.len() == 1 {
            out.extend(run.pop());
        } else if !run.is_empty() {
            let hits: usize = run.iter().map(|f| f.hits.len()).sum();
            let scores: usize = run.iter().map(|f| f.scores.len()).sum();
            let mut joined = Found {
                hits: Vec::with_capacity(hits),
                scores: Vec::with_capacity(scores),
            };
            for f in run.drain(..) {
                joined.hits.extend_from_slice(&f.hits);
                joined.scores.extend_from_slice(&f.scores);
            }
            out.push(joined);
        }
    };
    for f in found {
        if held + f.hits.len() > PIECE {
            flush(&mut run, &mut out);
            held = 0;
        }
        held += f.hits.len();
        run.push(f);
    }
    flush(&mut run, &mut out);
    out
}

/// Drops the bounds that cannot make the best `k`: those not ranking above the
/// `k`th of `exact` (sorted best first, at most `k`), which are all the bounds when `k` is 0.
fn keep_above_bar<T>(exact: &[(i32, u32)], bounded: &mut Vec<(i32, u32, T)>, k: usize) {
    if k == 0 {
        bounded.clear();
    } else if let Some(&bar) = exact.get(k - 1) {
        bounded.retain(|&(b, item, _)| rank(&(b, item), &bar) == Ordering::Less);
    }
}

/// The most items of names a lifted word's rows are looked for among
/// ([`Searcher::lifted`]).
const LIFTED_MAX: usize = 1 << 20;
/// The most of them, among the candidates, scored in full.
const LIFTED_SCORED: usize = 1 << 16;

/// The first items, in item order, reaching a score, looked for among a query's
/// first [`PAGE_CANDIDATES`] candidates.
struct Scan<'a> {
    index: &'a Index,
    pattern: &'a Pattern,
    candidates: &'a Candidates<'a>,
    priors: &'a [Prior],
    /// The rows asked of the query (see [`Scan::first_reaching_with`]).
    k: usize,
}

impl Scan<'_> {
    /// The first `limit` candidates, in item order, that score exactly `bound`
    /// (no candidate scores more, but for some of `lifted` (ascending, see
    /// [`Searcher::lifted`]), which are left out here); `None` when fewer do
    /// among the first [`PAGE_CANDIDATES`].
    fn first_reaching(&self, bound: i32, limit: usize, lifted: &[u32]) -> Option<Vec<u32>> {
        self.first_reaching_with(bound, limit, lifted).0
    }

    /// [`Scan::first_reaching`], with the first pass of each task it looked at
    /// whole ([`FirstPass::run`] with `k` the rows asked, by task; `None` for
    /// one it did not finish): the full answer takes them instead of looking
    /// at those candidates again (see [`Early`]).
    fn first_reaching_with(
        &self,
        bound: i32,
        limit: usize,
        lifted: &[u32],
    ) -> (Option<Vec<u32>>, Vec<Option<Pass>>) {
        let (index, pattern, candidates) = (self.index, self.pattern, self.candidates);
        let tasks = candidates.tasks_holding(PAGE_CANDIDATES);
        let round = 2 * rayon::current_num_threads().max(1);
        let first = FirstPass {
            index,
            pattern,
            priors: self.priors,
            keep_scores: pattern.words.len() <= MAX_CACHED_WORDS,
            k: self.k,
        };
        let mut rows = Vec::with_capacity(limit);
        let mut passes = Vec::with_capacity(tasks);
        for from in (0..tasks).step_by(round) {
            let found: Vec<(Vec<u32>, Option<Pass>)> = (from..(from + round).min(tasks))
                .into_par_iter()
                .map(|t| {
                    let (items, cached, stride) = candidates.task(t, index, None);
                    let mut reached = Vec::new();
                    let mut memo = vec![matcher::SkimMemo::default(); pattern.words.len()];
                    let (pass, whole) =
                        first.run_with(items, cached, stride, |item, partial, out| {
                            let score = match partial {
                                Partial::Exact(s) => s,
                                // Some word found only scattered: skim tells.
                                Partial::Bounded(b) if b >= bound => {
                                    let scored = index.score_known(
                                        item,
                                        pattern,
                                        Some(out),
                                        |_, _| {},
                                        Some(&mut memo),
                                    );
                                    match scored {
                                        Some(s) => s,
                                        None => return false,
                                    }
                                }
                                _ => return false,
                            };
                            debug_assert!(
                                score <= bound || lifted.binary_search(&item).is_ok(),
                                "{score} > {bound}"
                            );
                            if score == bound {
                                reached.push(item);
                            }
                            reached.len() == limit
                        });
                    (reached, whole.then_some(pass))
                })
                .collect();
            for (reached, pass) in found {
                passes.push(pass);
                if rows.len() < limit {
                    rows.extend(reached);
                }
            }
            if rows.len() >= limit {
                rows.truncate(limit);
                return (Some(rows), passes);
            }
        }
        (None, passes)
    }
}

/// The first pass of the tasks a page looked at ([`Scan::first_reaching_with`]),
/// kept for the full answer of the same query, which follows it: a page not
/// found (no candidate among the first reaches the best possible score) then
/// costs the full answer nothing more than the lift, and a page found saves the
/// full answer the candidates it looked at.
struct Early {
    query: String,
    /// The kept answer the page's candidates were the hits of, and the items
    /// the index held.
    base: Option<usize>,
    items: u32,
    /// The rows asked (each pass keeps that many of its best exact scores).
    limit: usize,
    passes: Vec<Option<Pass>>,
}

impl Searcher {
    pub fn new(index: Arc<Index>) -> Searcher {
        Searcher {
            index,
            kept: Vec::new(),
            early: std::sync::Mutex::new(None),
        }
    }

    pub fn index(&self) -> &Arc<Index> {
        &self.index
    }

    /// Forgets the earlier queries, so the next one looks at every item.
    pub fn reset(&mut self) {
        self.forget_early();
        self.kept.clear();
    }

    /// Takes what the last page looked at ([`Early`]).
    fn forget_early(&mut self) -> Option<Early> {
        self.early
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// The bytes the kept answers hold (see [`MAX_KEPT_BYTES`]).
    #[cfg(test)]
    pub(crate) fn kept_bytes(&self) -> usize {
        self.kept.iter().map(Last::bytes).sum()
    }

    /// The hits of each piece of the last kept answer.
    #[cfg(test)]
    pub(crate) fn kept_pieces(&self) -> Vec<usize> {
        self.kept
            .last()
            .map_or_else(Vec::new, |l| l.found.iter().map(|f| f.hits.len()).collect())
    }

    /// How many per-word results of the kept answers are skim scores.
    #[cfg(test)]
    pub(crate) fn kept_skim_scores(&self) -> usize {
        self.kept
            .iter()
            .flat_map(|l| &l.found)
            .flat_map(|f| &f.scores)
            .filter(|&&v| matches!(super::index::Kept::of(v), super::index::Kept::Fuzzy(_)))
            .count()
    }

    /// The queries whose answers are kept, shortest first.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> Vec<&str> {
        self.kept
            .iter()
            .map(|l| l.pattern.folded.as_str())
            .collect()
    }

    /// The longest kept answer `pattern` extends (of the same kind), by its place in
    /// the chain: the kept answers after it are of queries it does not extend.
    fn base(&self, pattern: &Pattern, kind: Option<Kind>) -> Option<usize> {
        self.kept
            .iter()
            .rposition(|last| last.kind == kind && pattern.extends(&last.pattern))
    }

    /// Keeps this answer at the end of the chain after `base` (see [`Searcher::base`]):
    /// the answers it does not extend go, as does one of the same query; then the
    /// shortest while they hold more than [`MAX_KEPT_BYTES`] or are too many.
    fn keep(&mut self, base: Option<usize>, last: Last) {
        let mut keep = base.map_or(0, |b| b + 1);
        if keep > 0 && self.kept[keep - 1].pattern.folded == last.pattern.folded {
            keep -= 1;
        }
        self.let_go(keep..);
        self.kept.push(last);
        let mut bytes: usize = self.kept.iter().map(Last::bytes).sum();
        let mut drop = 0;
        while self.kept.len() - drop > 1
            && (bytes > MAX_KEPT_BYTES || self.kept.len() - drop > MAX_KEPT)
        {
            bytes -= self.kept[drop].bytes();
            drop += 1;
        }
        self.let_go(..drop);
    }

    /// Lets these kept answers go; a large one is freed on a thread of its own
    /// (at 100,000 stories "to" holds 30 MB, whose freeing would hold up the
    /// answer).
    fn let_go(&mut self, range: impl std::ops::RangeBounds<usize>) {
        let gone: Vec<Last> = self.kept.drain(range).collect();
        if gone.iter().map(Last::bytes).sum::<usize>() < LARGE {
            return;
        }
        if std::thread::Builder::new()
            .name("storyx-free".into())
            .spawn(move || drop(gone))
            .is_err()
        {
            // No thread: freed here (the closure, and `gone`, were dropped).
        }
    }

    /// Indexes more stories, the corpus's next ones (see [`Index::add`]): only
    /// they are indexed, and the next query extending the last one looks at the
    /// last one's hits and the new items only. The index is copied first if
    /// another owner shares it.
    pub fn add(&mut self, first: usize, stories: &[Arc<crate::story::Story>]) {
        self.forget_early();
        Arc::make_mut(&mut self.index).add(first, stories);
    }

    /// The index is complete: its buffers are fitted (see [`Index::settle`]).
    pub fn settle(&mut self) {
        self.forget_early();
        Arc::make_mut(&mut self.index).settle();
    }

    /// The best rows of a query found before every item is looked at: from the
    /// names directory alone for a word that starts a word of names
    /// ([`super::names`]), else from the first items that reach the query's best
    /// possible score ([`super::words`]); `None` unless that is exact for the rows
    /// asked and the query is not answered from a table anyway.
    /// Its count is still to be made ([`Results::counting`]): the full answer
    /// ([`Searcher::search_until`]) follows.
    pub fn page(&self, query: &str, options: &Options) -> Option<Results> {
        *self.early.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let pattern = Pattern::new(query);
        let index = &*self.index;
        if pattern.is_empty()
            || options.kind.is_some()
            || options.limit == 0
            || index.letter_answer(&pattern, options).is_some()
            || index.pair_answer(&pattern, options).is_some()
        {
            return None;
        }
        let from_names = match pattern.words.as_slice() {
            [word] => index
                .names()?
                .best(index.folded(), &pattern, word, options.limit),
            _ => None,
        };
        let items = match from_names {
            Some(items) => items,
            None => self.reaching_the_bound(query, &pattern, options.limit)?,
        };
        let mut rows: Vec<(i32, u32)> = items
            .into_iter()
            .filter_map(|item| Some((index.score(item, &pattern)?, item)))
            .collect();
        rows.sort_by(rank);
        let hits: Vec<_> = rows
            .iter()
            .filter_map(|&(score, item)| index.hit(item, score, &pattern))
            .collect();
        Some(Results {
            query: query.to_string(),
            total: hits.len(),
            hits,
            stories: index.stories(),
            counting: true,
        })
    }

    /// The first `limit` items, in item order, that score the best any item can
    /// score for this query (see [`super::words`]): the best `limit` rows. `None`
    /// before the names directory and the words are built, or when fewer items
    /// reach it among the first [`PAGE_CANDIDATES`] candidates (the kept answer
    /// this query extends, or every item).
    ///
    /// When no item there reaches it (a word's best is in names that the items
    /// holding the other words' bests do not hold: "al" in "Al Jazeera" for
    /// "fishermen al"), the words whose best is in names are "lifted": the items
    /// holding such a name (the names directory's, when they are few) are scored
    /// in full, and every other item is bounded with those words' best elsewhere
    /// (see [`Searcher::lifted`]).
    fn reaching_the_bound(&self, query: &str, pattern: &Pattern, limit: usize) -> Option<Vec<u32>> {
        let index = &*self.index;
        let (names, words, buf) = (index.names()?, index.words()?, index.folded());
        let base = self.base(pattern, None).map(|b| &self.kept[b]);
        let candidates = Candidates {
            found: base.map_or(&[], |last| &last.found),
            stride: base.map_or(0, |last| last.stride),
            rest: base.map_or(0, |last| last.items)..index.len() as u32,
        };
        let skim = matcher::skim();
        let mut bound: i32 = 0;
        // Per word: its best outside names, when a name holds it contiguously
        // with a better score.
        let mut elsewhere: Vec<Option<i32>> = Vec::with_capacity(pattern.words.len());
        for word in &pattern.words {
            // Initials of consecutive words of main text or details, unless no
            // text has words starting so in a row (in names: the directory's).
            let initials = words
                .may_be_initials(word)
                .then(|| matcher::tier_score(matcher::Tier::Initials, Role::Main, word));
            let in_text = [words.best(word), initials].into_iter().flatten().max();
            let in_names = names.best_score(buf, word);
            let best = match (in_text, in_names) {
                (Some(t), Some(n)) => t.max(n),
                (Some(t), None) => t,
                (None, Some(n)) => n,
                // Found only scattered, anywhere: the best skim score of a token
                // or a name (a word's score in an item is its best in one of them).
                (None, None) => [
                    words.best_scattered(&skim, word),
                    names.best_scattered(buf, &skim, word),
                ]
                .into_iter()
                .flatten()
                .max()?,
            };
            elsewhere.push(in_text.filter(|&t| in_names.is_some_and(|n| n > t)));
            bound = bound.saturating_add(best);
        }
        let whole = names.has_whole(buf, pattern);
        if whole {
            bound = bound.saturating_add(matcher::FULL_NAME_BONUS);
        }
        let priors = base.map_or_else(Vec::new, |last| pattern.priors(&last.pattern));
        let scan = Scan {
            index,
            pattern,
            candidates: &candidates,
            priors: &priors,
            k: limit,
        };
        let (rows, passes) = scan.first_reaching_with(bound, limit, &[]);
        *self.early.lock().unwrap_or_else(|e| e.into_inner()) = Some(Early {
            query: query.to_string(),
            base: self.base(pattern, None),
            items: index.len() as u32,
            limit,
            passes,
        });
        if let Some(rows) = rows {
            return Some(rows);
        }
        if whole || elsewhere.iter().all(Option::is_none) {
            return None;
        }
        self.lifted(&scan, &elsewhere, bound, limit)
    }

    /// The best `limit` rows when words whose best is in names (`elsewhere`:
    /// their best outside names) are lifted: the candidates holding a name where
    /// such a word scores above its best elsewhere are scored in full (they are
    /// found from the names directory; the words with the fewest of them are
    /// lifted, while they are few enough); every other item scores at most the
    /// bound with those words at their best elsewhere, so the rows are the
    /// lifted items scoring above that, best first, then the first items in item
    /// order that reach it. `None` when no word can be lifted.
    fn lifted(
        &self,
        scan: &Scan<'_>,
        elsewhere: &[Option<i32>],
        bound: i32,
        limit: usize,
    ) -> Option<Vec<u32>> {
        let index = &*self.index;
        let (names, buf) = (index.names()?, index.folded());
        // Per word that may be lifted: the candidates holding a name that lifts
        // it, and how much lower it scores elsewhere.
        let mut liftable: Vec<(Vec<Placed>, i32)> = Vec::new();
        for (word, &other) in scan.pattern.words.iter().zip(elsewhere) {
            let (Some(other), Some(best)) = (other, names.best_score(buf, word)) else {
                continue;
            };
            let Some(mut items) = names.items_scoring_above(buf, word, other, LIFTED_MAX) else {
                continue;
            };
            items.par_sort_unstable();
            items.dedup();
            liftable.push((scan.candidates.among(items), best - other));
        }
        // The words with the fewest such candidates first, while they are few
        // enough to score (a word not lifted keeps its best in the bound).
        liftable.sort_by_key(|(items, _)| items.len());
        // The lifted items, with where their per-word results are.
        let mut placed: Vec<Placed> = Vec::new();
        let mut outside: i32 = bound;
        for (items, lower) in liftable {
            if placed.len() + items.len() > LIFTED_SCORED {
                break;
            }
            placed.extend(items);
            outside = outside.saturating_sub(lower);
        }
        if outside == bound {
            return None;
        }
        placed.sort_unstable();
        placed.dedup();
        let lifted: Vec<u32> = placed.iter().map(|&(item, _, _)| item).collect();
        // The cheap pass first: skim runs only where a word found scattered
        // may still lift the item above `outside` (at 100,000 stories the
        // 17,726 lifted items of "tonelson deli", which none holds, were each
        // skimmed in every text).
        // A candidate among the kept hits reuses its per-word results.
        let (pattern, priors, candidates) = (scan.pattern, scan.priors, scan.candidates);
        let mut above: Vec<(i32, u32)> = placed
            .par_chunks(WARM)
            .zip(lifted.par_chunks(WARM))
            .flat_map_iter(|(placed, items)| {
                std::hint::black_box(index.warm(items, pattern, priors));
                let mut out = Vec::new();
                placed.iter().filter_map(move |&(item, piece, at)| {
                    let (known, priors) = match piece {
                        NOT_FOUND => (&[][..], &[][..]),
                        _ => (candidates.known(piece, at), priors),
                    };
                    out.clear();
                    match index.partial(item, pattern, priors, known, &mut out) {
                        Partial::Exact(score) => Some((score, item)),
                        Partial::Bounded(b) if b > outside => Some((
                            index.score_known(item, pattern, Some(&out), |_, _| {}, None)?,
                            item,
                        )),
                        Partial::Bounded(_) | Partial::Miss => None,
                    }
                })
            })
            .filter(|&(score, _)| score > outside)
            .collect();
        top_k(&mut above, limit);
        let mut rows: Vec<u32> = above.iter().map(|&(_, item)| item).collect();
        if rows.len() < limit {
            rows.extend(scan.first_reaching(outside, limit - rows.len(), &lifted)?);
        }
        Some(rows)
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
        let early = self.forget_early();
        let pattern = Pattern::new(query);
        if pattern.is_empty() {
            self.let_go(..);
            return Some(Results {
                query: query.to_string(),
                stories: self.index.stories(),
                ..Results::default()
            });
        }
        let shared = Arc::clone(&self.index);
        let table = shared
            .letter_answer(&pattern, options)
            .or_else(|| shared.pair_answer(&pattern, options));
        if let Some((total, top)) = table {
            // One letter, or two once the index has their answers: answered from
            // the index's table, no item looked at. The next keystroke looks at
            // every item.
            self.let_go(..);
            let index = &*self.index;
            return Some(Results {
                query: query.to_string(),
                total,
                hits: top
                    .iter()
                    .filter_map(|&(score, item)| index.hit(item, score, &pattern))
                    .collect(),
                stories: index.stories(),
                counting: false,
            });
        }
        let items = self.index.len() as u32;
        let base = self.base(&pattern, options.kind);
        let (candidates, priors) = match base.map(|b| &self.kept[b]) {
            Some(last) => (
                Candidates {
                    found: &last.found,
                    stride: last.stride,
                    rest: last.items..items,
                },
                pattern.priors(&last.pattern),
            ),
            None => (
                Candidates {
                    found: &[],
                    stride: 0,
                    rest: 0..items,
                },
                Vec::new(),
            ),
        };
        let index = &*self.index;
        let k = options.limit;
        let words = pattern.words.len();
        let keep_scores = words <= MAX_CACHED_WORDS;
        let first = FirstPass {
            index,
            pattern: &pattern,
            priors: &priors,
            keep_scores,
            k,
        };

        // Pass 1, in parallel: who matches, exact scores for contiguous matches, bounds for the rest.
        // The tasks the page of this query looked at whole are done.
        let mut done = early
            .filter(|e| {
                e.query == query
                    && options.kind.is_none()
                    && e.base == base
                    && e.items == items
                    && e.limit == k
            })
            .map_or_else(Vec::new, |e| e.passes);
        done.resize_with(candidates.tasks(), || None);
        let passes: Vec<Option<Pass>> = done
            .into_par_iter()
            .enumerate()
            .map(|(t, done)| {
                if cancelled() {
                    return None;
                }
                if done.is_some() {
                    return done;
                }
                let (items, cached, stride) = candidates.task(t, index, options.kind);
                Some(first.run(items, cached, stride))
            })
            .collect();
        let passes: Vec<Pass> = passes.into_iter().collect::<Option<_>>()?;
        let mut exact = Vec::with_capacity(passes.iter().map(|p| p.exact.len()).sum());
        let mut bounded = Vec::with_capacity(passes.iter().map(|p| p.bounded.len()).sum());
        let mut found: Vec<Found> = Vec::with_capacity(passes.len());
        for pass in passes {
            if pass.found.hits.is_empty() {
                continue;
            }
            let piece = found.len() as u32;
            exact.extend(pass.exact);
            bounded.extend(
                pass.bounded
                    .into_iter()
                    .map(|(b, item, at)| (b, item, (piece, at))),
            );
            found.push(pass.found);
        }
        let total = found.iter().map(|f| f.hits.len()).sum();

        // The bar: the k-th best exact score. An item whose bound ranks below it cannot make the top.
        top_k(&mut exact, k);
        keep_above_bar(&exact, &mut bounded, k);

        // Pass 2, in parallel: skim only for the items that might still make it;
        // the skim scores are kept with their hits (a query keeping the word does
        // not run skim on them again).
        // Each task's skim scores by text scored, for the next chunks it takes.
        let memo = || vec![matcher::SkimMemo::default(); words];
        let scored: Vec<Option<Scored>> = bounded
            .par_chunks(CHUNK / 8)
            .map_init(memo, |memo, chunk| {
                if cancelled() {
                    return None;
                }
                let mut scored = Scored::default();
                for &(_, item, (piece, at)) in chunk {
                    let at = at as usize * words;
                    let known = found[piece as usize].scores.get(at..at + words);
                    let learned = &mut scored.learned;
                    let learn = |j: usize, v: i16| learned.push((piece, (at + j) as u32, v));
                    if let Some(score) = index.score_known(item, &pattern, known, learn, Some(memo))
                    {
                        scored.exact.push((score, item));
                    }
                }
                Some(scored)
            })
            .collect();
        for s in scored {
            let s = s?;
            exact.extend(s.exact);
            for (piece, at, v) in s.learned {
                found[piece as usize].scores[at as usize] = v;
            }
        }
        top_k(&mut exact, k);
        let found = coalesced(found);

        let rows = exact
            .iter()
            .filter_map(|&(score, item)| index.hit(item, score, &pattern))
            .collect();
        let results = Results {
            query: query.to_string(),
            total,
            hits: rows,
            stories: index.stories(),
            counting: false,
        };
        self.keep(
            base,
            Last {
                pattern,
                kind: options.kind,
                found,
                stride: if keep_scores { words } else { 0 },
                items,
            },
        );
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
            stories: index.stories(),
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
        stories: index.stories(),
        counting: false,
    }
}
