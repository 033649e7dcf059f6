//! One query over stories met once (`storyx search`): each item is scored as it
//! is met, with the matcher's scoring, and only the best `limit` are kept; no
//! index is built. The answer is the explorer's ([`super::Index::search`]): the
//! same hits in the same order with the same highlights, and the same total.
//!
//! Per item: its fields are folded into one buffer and matched word by word as
//! the index's first pass does, once each word is known to be in one field in
//! order (contiguous matches scored exactly, a word found
//! only scattered bounded); skim runs only on an item whose bound could still
//! make the best rows so far. Dates are formatted only when some word of the
//! query could match a date as it displays, and the texts a hit shows are made
//! only for the rows kept.

use std::cmp::Ordering;

use rayon::prelude::*;

use super::fold::{fold_into, fold_with_origin};
use super::items::{self, Kind, Role, Use};
use super::matcher::{self, FieldRef, Pattern, FULL_NAME_BONUS};
use super::{Hit, Options};
use crate::story::Story;

/// A ranked row: score, story (its index in the corpus), which item of it (its
/// kind and its place among the story's items of that kind: story order is kind
/// order, then that place).
#[derive(Debug, Clone, Copy)]
struct Row {
    score: i32,
    story: usize,
    kind: Kind,
    index: usize,
}

impl Row {
    /// Higher score first, then the earlier item (story order, then item order):
    /// the engine's ranking.
    fn rank(&self, other: &Row) -> Ordering {
        other
            .score
            .cmp(&self.score)
            .then(self.story.cmp(&other.story))
            .then(self.kind.cmp(&other.kind))
            .then(self.index.cmp(&other.index))
    }
}

/// Keeps the best `k` rows, ranked.
fn keep_best(rows: &mut Vec<Row>, k: usize) {
    if rows.len() > k && k > 0 {
        rows.select_nth_unstable_by(k - 1, Row::rank);
    }
    rows.truncate(k);
    rows.sort_unstable_by(Row::rank);
}

/// A query searched over stories given in corpus order, a batch at a time; `T`
/// is what the caller reads from a story for each hit kept (see [`OneShot::add`]).
pub struct OneShot<T> {
    query: Query,
    /// The best rows so far (at most `limit`), ranked, each with its hit.
    best: Vec<(Row, Hit, T)>,
    total: usize,
}

/// The query, ready to score the items of any story (shared by the threads).
struct Query {
    pattern: Pattern,
    options: Options,
    /// Whether some word could match a date as it displays (else dates are not made).
    dates: bool,
    matcher: matcher::Skim,
}

/// What one story gives: how many of its items match, and its best rows.
struct Scored {
    total: usize,
    rows: Vec<Row>,
}

/// The folded texts of one item, in one buffer reused from item to item.
#[derive(Default)]
struct Scratch {
    buf: String,
    spans: Vec<(u32, u32, Role)>,
}

impl<T> OneShot<T> {
    pub fn new(query: &str, options: &Options) -> OneShot<T> {
        let pattern = Pattern::new(query);
        let dates = pattern
            .words
            .iter()
            .any(super::prefilter::may_match_derived);
        OneShot {
            query: Query {
                pattern,
                options: *options,
                dates,
                matcher: matcher::skim(),
            },
            best: Vec::new(),
            total: 0,
        }
    }

    /// Searches these stories, the corpus's stories `first..` (given after every
    /// story before them), in parallel. Each hit that joins the best rows is made
    /// while its story is here, with what `show` reads from the story for it.
    pub fn add(
        &mut self,
        first: usize,
        stories: &[std::sync::Arc<Story>],
        show: impl Fn(&Story, &Hit) -> T,
    ) {
        let query = &self.query;
        if query.pattern.is_empty() {
            return;
        }
        let k = query.options.limit;
        // A row of these stories makes the best only if it ranks above this one.
        let bar = if self.best.len() >= k {
            Some(self.best.last().map_or(i32::MAX, |(row, _, _)| row.score))
        } else {
            None
        };
        let scored: Vec<Scored> = stories
            .par_iter()
            .enumerate()
            .map_init(Scratch::default, |scratch, (i, story)| {
                query.story(first + i, story, bar, scratch)
            })
            .collect();
        let mut rows = Vec::new();
        for s in scored {
            self.total += s.total;
            rows.extend(s.rows);
        }
        keep_best(&mut rows, k);
        // Merged with the best so far: the rows of these stories rank after theirs
        // at equal scores.
        let mut merged: Vec<(Row, Option<(Hit, T)>)> =
            Vec::with_capacity(self.best.len() + rows.len());
        merged.extend(
            self.best
                .drain(..)
                .map(|(row, hit, t)| (row, Some((hit, t)))),
        );
        merged.extend(rows.into_iter().map(|row| (row, None)));
        merged.sort_by(|a, b| a.0.rank(&b.0));
        merged.truncate(k);
        for (row, shown) in merged {
            let (hit, t) = match shown {
                Some(shown) => shown,
                None => {
                    let story = &stories[row.story - first];
                    let Some(hit) = query.hit(story, &row) else {
                        continue;
                    };
                    let t = show(story, &hit);
                    (hit, t)
                }
            };
            self.best.push((row, hit, t));
        }
    }

    /// How many items match, and the best hits, best first, each with what
    /// `show` read for it.
    pub fn finish(self) -> (usize, Vec<(Hit, T)>) {
        let hits = self.best.into_iter().map(|(_, hit, t)| (hit, t)).collect();
        (self.total, hits)
    }
}

impl Query {
    /// How many of a story's items match, and its best rows: those that may rank
    /// above `bar` (a score the best rows so far hold, which a row of this story
    /// must beat).
    fn story(&self, si: usize, story: &Story, bar: Option<i32>, scratch: &mut Scratch) -> Scored {
        let k = self.options.limit;
        let mut scored = Scored {
            total: 0,
            rows: Vec::new(),
        };
        let mut local_bar = bar;
        let mut words: Vec<Option<i32>> = Vec::with_capacity(self.pattern.words.len());
        let used = Use::Matching { dates: self.dates };
        for (kind, n) in items::counts(story) {
            if self.options.kind.is_some_and(|wanted| wanted != kind) {
                continue;
            }
            for index in 0..n {
                let Some(item) = items::item_for(si, story, kind, index, used) else {
                    continue;
                };
                let Scratch { buf, spans } = &mut *scratch;
                buf.clear();
                spans.clear();
                for f in &item.fields {
                    let start = buf.len();
                    fold_into(&f.text, buf);
                    spans.push((start as u32, (buf.len() - start) as u32, f.role));
                }
                // Every way a word matches has its characters in order in one
                // field: an item where some word is not is passed over before its
                // masks are made.
                let text = |&(start, len, _): &(u32, u32, Role)| {
                    &buf[start as usize..(start + len) as usize]
                };
                let may_match = |w: &matcher::Word| {
                    spans
                        .iter()
                        .any(|span| matcher::is_subsequence(text(span), &w.text))
                };
                if !self.pattern.words.iter().all(may_match) {
                    continue;
                }
                let fields: Vec<FieldRef<'_>> = spans
                    .iter()
                    .map(|&(start, len, role)| {
                        let text = &buf[start as usize..(start + len) as usize];
                        FieldRef::of(buf, start, len, role, matcher::masks(text))
                    })
                    .collect();
                let Some(bound) = self.first_pass(&fields, &mut words) else {
                    continue;
                };
                scored.total += 1;
                let beats = |score: i32| local_bar.is_none_or(|b| score > b);
                if !beats(bound) {
                    continue;
                }
                let Some(score) = self.exact(&fields, &words, bound) else {
                    continue;
                };
                if !beats(score) {
                    continue;
                }
                scored.rows.push(Row {
                    score,
                    story: si,
                    kind,
                    index,
                });
                if scored.rows.len() >= 2 * k.max(1) {
                    keep_best(&mut scored.rows, k);
                }
                if scored.rows.len() >= k {
                    // The k-th best of this story: a later item must beat it.
                    let kth = match k {
                        0 => i32::MAX,
                        _ => {
                            keep_best(&mut scored.rows, k);
                            scored.rows[k - 1].score
                        }
                    };
                    local_bar = Some(local_bar.map_or(kth, |b| b.max(kth)));
                }
            }
        }
        keep_best(&mut scored.rows, k);
        scored
    }

    /// The index's first pass over one item: `None` when a word misses; else each
    /// word's best contiguous score (`None` for a word found only scattered) put in
    /// `words`, and the item's score, or its bound when a word is only scattered.
    fn first_pass(&self, fields: &[FieldRef<'_>], words: &mut Vec<Option<i32>>) -> Option<i32> {
        let mask = fields.iter().fold(0, |m, f| m | f.mask);
        if self.pattern.mask & !mask != 0 {
            return None;
        }
        words.clear();
        let mut sum: i32 = 0;
        for word in &self.pattern.words {
            match matcher::best_contiguous(fields.iter().copied(), word) {
                Some(score) => {
                    sum = sum.saturating_add(score);
                    words.push(Some(score));
                }
                None => {
                    if !fields.iter().any(|f| matcher::matches(f, word)) {
                        return None;
                    }
                    sum = sum.saturating_add(word.fuzzy_bound());
                    words.push(None);
                }
            }
        }
        Some(sum.saturating_add(self.full_name_bonus(fields)))
    }

    /// The item's score: its bound from [`OneShot::first_pass`] when every word was
    /// found contiguously, else with skim's scores for the scattered words (`None`
    /// when skim finds one nowhere: the item counts as a match but is not ranked,
    /// as in the engine).
    fn exact(&self, fields: &[FieldRef<'_>], words: &[Option<i32>], bound: i32) -> Option<i32> {
        if words.iter().all(Option::is_some) {
            return Some(bound);
        }
        let mut sum: i32 = 0;
        for (word, known) in self.pattern.words.iter().zip(words) {
            let score = match known {
                Some(s) => *s,
                None => fields
                    .iter()
                    .filter_map(|f| matcher::fuzzy(&self.matcher, f, word))
                    .max()?,
            };
            sum = sum.saturating_add(score);
        }
        Some(sum.saturating_add(self.full_name_bonus(fields)))
    }

    /// The bonus of an item when the whole query is one of its names.
    fn full_name_bonus(&self, fields: &[FieldRef<'_>]) -> i32 {
        let named = fields.iter().any(|f| {
            self.pattern.may_be_whole_name(f.mask, f.heads)
                && matches!(f.role, Role::Name | Role::Speaker)
                && self.pattern.is_whole_name(f.text())
        });
        if named {
            FULL_NAME_BONUS
        } else {
            0
        }
    }

    /// The hit for a row, as the index makes it: the item as shown, with its
    /// highlights (`None` for an item the story does not have).
    fn hit(&self, story: &Story, row: &Row) -> Option<Hit> {
        let item = items::item(row.story, story, row.kind, row.index)?;
        let text_role = item.fields.first()?.role;
        let by_name = item.by.as_ref().map(|(_, name)| name.to_string());
        Some(Hit {
            kind: item.kind,
            story: row.story,
            story_id: story.id.to_string(),
            story_title: story.title.to_string(),
            id: item.id.map(str::to_string),
            index: item.index,
            text: item.text.to_string(),
            score: row.score,
            by: item.by.as_ref().map(|(id, _)| id.to_string()),
            quote_kind: item.quote_kind,
            positions: self.highlight(item.text, text_role),
            by_name_positions: by_name
                .as_deref()
                .map(|n| self.highlight(n, Role::Speaker))
                .unwrap_or_default(),
            by_name,
        })
    }

    /// Highlight positions of the query's words in an original text (character indices).
    fn highlight(&self, text: &str, role: Role) -> Vec<usize> {
        let folded = fold_with_origin(text);
        let hits = self
            .pattern
            .words
            .iter()
            .filter_map(|w| matcher::positions(&self.matcher, &folded.text, role, w))
            .flatten();
        folded.original_positions(hits)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::search::items::story_items;
    use crate::search::Index;
    use crate::synth::Rng;

    /// The one-shot answer, the stories given in batches of `batch`.
    fn one_shot(
        stories: &[Arc<Story>],
        query: &str,
        options: &Options,
        batch: usize,
    ) -> (usize, Vec<Hit>) {
        let mut search = OneShot::new(query, options);
        for (step, chunk) in stories.chunks(batch).enumerate() {
            search.add(step * batch, chunk, |_, _| ());
        }
        let (total, hits) = search.finish();
        (total, hits.into_iter().map(|(h, ())| h).collect())
    }

    /// Queries made from the items' own texts (dates as they display and stance
    /// words included), in every way a word matches: whole, in another case, a
    /// prefix, a letter dropped (scattered), the initials of words in a row, one
    /// letter, two words from one item, and a word that matches nothing.
    fn queries(stories: &[Arc<Story>], rng: &mut Rng, n: usize) -> Vec<String> {
        let texts: Vec<String> = stories
            .iter()
            .flat_map(|s| {
                story_items(0, s)
                    .into_iter()
                    .flat_map(|item| item.fields.into_iter().map(|f| f.text.into_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut out = Vec::new();
        while out.len() < n {
            let text = rng.pick(&texts);
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            let at = rng.below(words.len());
            let word = words[at];
            let chars: Vec<char> = word.chars().collect();
            let q = match rng.below(9) {
                0 => word.to_string(),
                1 => word.to_uppercase(),
                2 => chars[..chars.len().div_ceil(2)].iter().collect(),
                3 if chars.len() > 3 => {
                    let mut c = chars.clone();
                    c.remove(1 + rng.below(c.len() - 2));
                    c.into_iter().collect()
                }
                4 => words[at..]
                    .iter()
                    .take(2 + rng.below(3))
                    .filter_map(|w| w.chars().next())
                    .collect(),
                5 => chars[rng.below(chars.len())].to_lowercase().collect(),
                6 => format!("{word} {}", rng.pick(&words)),
                7 => format!("{word} qqxz"),
                _ => format!("{} {word}", rng.pick(&words)),
            };
            out.push(q);
        }
        out
    }

    #[test]
    fn answers_as_the_explorers_index_hit_for_hit() {
        let corpus = crate::synth::corpus(40);
        let stories = &corpus.stories;
        let index = Arc::new(Index::new(&corpus));
        let mut rng = Rng::new(19);
        let kinds: Vec<Option<Kind>> = std::iter::once(None)
            .chain(Kind::ALL.iter().copied().map(Some))
            .collect();
        let mut hits = 0;
        for query in queries(stories, &mut rng, 300) {
            let options = Options {
                limit: *rng.pick(&[0, 1, 2, 5, 20, 50, 300, 100_000]),
                kind: if rng.chance(25) {
                    *rng.pick(&kinds)
                } else {
                    None
                },
            };
            let batch = 1 + rng.below(12);
            let want = index.search(&query, &options);
            let (total, got) = one_shot(stories, &query, &options, batch);
            assert_eq!(total, want.total, "{query:?} {options:?}");
            assert_eq!(got, want.hits, "{query:?} {options:?}, batches of {batch}");
            hits += got.len();
        }
        assert!(hits > 1000, "the queries find things: {hits}");
    }

    #[test]
    fn a_later_hit_that_scores_higher_displaces_an_earlier_one() {
        let corpus = crate::synth::corpus(30);
        let stories = &corpus.stories;
        let index = Arc::new(Index::new(&corpus));
        for query in ["fisher", "richard fisher", "tariffs", "steel"] {
            let all = Options {
                limit: 100_000,
                kind: None,
            };
            let want = index.search(query, &all);
            assert!(want.total > 3, "{query}");
            for limit in [1, 3] {
                let options = Options { limit, ..all };
                let (total, got) = one_shot(stories, query, &options, 4);
                assert_eq!(total, want.total);
                assert_eq!(got, want.hits[..limit], "{query} {limit}");
            }
        }
    }
}
