//! The names directory: every distinct name and speaker's name of the index with
//! the items holding it, so that the best rows of a one-word query can be found
//! from the names it starts a word of, before every item is counted.
//!
//! Why that is exact: a word found at the start of a word of a name or speaker's
//! name scores more (prefix or whole word, with the name bonus) than it can score in
//! an item whose names do not hold it so (initials in a name, or anything in other
//! text: at most the word's fuzzy bound + 32; see [`super::matcher`]). And an item's
//! score is then told by its best name alone: the whole query as a whole name, above
//! a whole word of a name, above a word's start. So when the names give `limit`
//! items, the best `limit` rows are the first items (in item order) of the names
//! in that order, and no other item can rank among them. The count still needs
//! every item: the engine gives these rows first, marked as counting
//! ([`super::Results::counting`]), then the full answer.

use super::index::Index;
use super::items::Role;
use super::matcher::{self, contiguous, name_score, FieldRef, Pattern, Skim, Tier, Word};

/// One distinct name: a span of the index's folded text, its masks, and where its
/// items start in [`Names::items`].
#[derive(Debug, Clone, Copy)]
struct Name {
    start: u32,
    len: u32,
    mask: u32,
    heads: u32,
    from: u32,
}

impl Name {
    /// This name as a field of the directory's buffer, as the matcher reads it.
    fn field<'a>(&self, buf: &'a str) -> FieldRef<'a> {
        FieldRef::of(
            buf,
            self.start,
            self.len,
            Role::Name,
            (self.mask, self.heads),
        )
    }
}

/// The names directory of an index's first `covers` items.
#[derive(Debug, Clone, Default)]
pub struct Names {
    names: Vec<Name>,
    /// Each name's items, ascending (name after name).
    items: Vec<u32>,
    covers: u32,
}

/// The names of some items being counted, for [`Names`]: by name (the span of its
/// folded text), how many of the items hold it, the last of them, and its masks.
/// Only each distinct name is held while the items are gone through, not each
/// name field (millions at 100,000 stories: 20 bytes each, and the vector of them
/// growing by doubling, was most of the memory the idle build took, issue 19).
#[derive(Debug, Default)]
pub(crate) struct Counting {
    seen: std::collections::HashMap<(u32, u32), Seen, foldhash::fast::FixedState>,
}

/// What [`Counting`] knows of one name: how many items hold it (while filling:
/// its place among the names), the last item that does, and its masks.
#[derive(Debug, Clone, Copy)]
struct Seen {
    count: u32,
    last: u32,
    mask: u32,
    heads: u32,
}

impl Counting {
    /// Counts the name and speaker's name fields of an item (items come in
    /// ascending order; an item holding a name twice counts once).
    pub(crate) fn count(&mut self, index: &Index, item: u32) {
        for field in index.item_refs(item) {
            if matches!(field.role, Role::Name | Role::Speaker) {
                let seen = self.seen.entry(field.span()).or_insert(Seen {
                    count: 0,
                    last: item,
                    mask: field.mask,
                    heads: field.heads,
                });
                if seen.count == 0 || seen.last != item {
                    seen.count += 1;
                    seen.last = item;
                }
            }
        }
    }

    /// Adds the counts of items coming after these.
    pub(crate) fn append(&mut self, later: Counting) {
        if self.seen.is_empty() {
            self.seen = later.seen;
            return;
        }
        for (name, s) in later.seen {
            self.seen
                .entry(name)
                .and_modify(|t| {
                    t.count += s.count;
                    t.last = s.last;
                })
                .or_insert(s);
        }
    }

    /// The directory, its items still to be filled in ([`Filling::fill`]):
    /// each name's room is its count.
    pub(crate) fn filling(mut self, covers: u32) -> Filling {
        let mut order: Vec<(u32, u32)> = self.seen.keys().copied().collect();
        order.sort_unstable();
        let mut names = Vec::with_capacity(order.len());
        let mut from = 0u32;
        for (slot, key) in order.into_iter().enumerate() {
            let Some(seen) = self.seen.get_mut(&key) else {
                continue;
            };
            names.push(Name {
                start: key.0,
                len: key.1,
                mask: seen.mask,
                heads: seen.heads,
                from,
            });
            from += seen.count;
            // From now on, the name's place.
            seen.count = slot as u32;
        }
        Filling {
            next: names.iter().map(|n| n.from).collect(),
            names: Names {
                names,
                items: vec![0; from as usize],
                covers,
            },
            slots: self.seen,
        }
    }
}

/// A names directory being filled, item after item ([`Counting::filling`]).
pub(crate) struct Filling {
    names: Names,
    /// By name (its span): its place in `names.names`.
    slots: std::collections::HashMap<(u32, u32), Seen, foldhash::fast::FixedState>,
    /// By name: where its next item goes in `names.items`.
    next: Vec<u32>,
}

impl Filling {
    /// Puts the items `items` (the next ones, ascending) in their names' rooms.
    pub(crate) fn fill(&mut self, index: &Index, items: std::ops::Range<u32>) {
        for item in items {
            for field in index.item_refs(item) {
                if !matches!(field.role, Role::Name | Role::Speaker) {
                    continue;
                }
                let Some(seen) = self.slots.get(&field.span()) else {
                    continue;
                };
                let n = seen.count as usize;
                let at = self.next[n] as usize;
                // The same name twice in an item: once.
                if at > self.names.names[n].from as usize && self.names.items[at - 1] == item {
                    continue;
                }
                if let Some(slot) = self.names.items.get_mut(at) {
                    *slot = item;
                    self.next[n] += 1;
                }
            }
        }
    }

    /// The directory, every item filled in.
    pub(crate) fn finish(self) -> Names {
        self.names
    }
}

impl Names {
    /// How many items (the index's first) the directory covers.
    pub(crate) fn covers(&self) -> u32 {
        self.covers
    }

    /// The bytes it holds.
    pub fn bytes(&self) -> usize {
        self.names.capacity() * std::mem::size_of::<Name>()
            + self.items.capacity() * std::mem::size_of::<u32>()
    }

    fn items_of(&self, n: usize) -> &[u32] {
        let from = self.names[n].from as usize;
        let to = self
            .names
            .get(n + 1)
            .map_or(self.items.len(), |next| next.from as usize);
        &self.items[from..to]
    }

    /// The best score `word` reaches found contiguously (initials included) in
    /// any name, as [`contiguous`] scores it in a name; `None` when in none.
    ///
    /// A name's score is its tier's ([`Tier`]; every name is read as a name):
    /// the names where the word may start a word (its heads among the name's)
    /// are looked at first, stopping at a whole word; only when none holds it
    /// are the others, which can hold it only inside a word, looked at, stopping
    /// at the first (at 100,000 stories "al" was matched against every name
    /// holding an a and an l, 54 ms).
    pub(crate) fn best_score(&self, buf: &str, word: &Word) -> Option<i32> {
        let whole = matcher::tier_score(Tier::WholeWord, Role::Name, word);
        let mut best: Option<i32> = None;
        for name in &self.names {
            if word.mask & !name.mask != 0 || word.heads & !name.heads != 0 {
                continue;
            }
            if let Some(score) = contiguous(&name.field(buf), word) {
                best = Some(best.map_or(score, |b| b.max(score)));
                if score >= whole {
                    return best;
                }
            }
        }
        if best.is_some() {
            return best;
        }
        self.names
            .iter()
            .filter(|name| word.mask & !name.mask == 0 && word.heads & !name.heads != 0)
            .find_map(|name| contiguous(&name.field(buf), word))
    }

    /// The best score `word` reaches found scattered (skim, across the whole
    /// name) in any name, as [`matcher::fuzzy`] scores it there (a name's role
    /// does not change it); `None` when it is scattered in none.
    pub(crate) fn best_scattered(&self, buf: &str, skim: &Skim, word: &Word) -> Option<i32> {
        self.names
            .iter()
            .filter(|name| word.mask & !name.mask == 0)
            .filter(|name| matcher::is_subsequence(name.field(buf).text(), &word.text))
            .filter_map(|name| matcher::fuzzy(skim, &name.field(buf), word))
            .max()
    }

    /// The items holding a name in which `word` scores more than `above` found
    /// contiguously, name after name (an item may come twice); `None` when more
    /// than `max`.
    pub(crate) fn items_scoring_above(
        &self,
        buf: &str,
        word: &Word,
        above: i32,
        max: usize,
    ) -> Option<Vec<u32>> {
        let mut items = Vec::new();
        // Found inside a word only, a name scores the infix tier: when that is
        // not above, only names where the word may start a word can be.
        let starts = matcher::tier_score(Tier::Infix, Role::Name, word) <= above;
        for (n, name) in self.names.iter().enumerate() {
            if word.mask & !name.mask != 0 || (starts && word.heads & !name.heads != 0) {
                continue;
            }
            if contiguous(&name.field(buf), word).is_some_and(|s| s > above) {
                items.extend_from_slice(self.items_of(n));
                if items.len() > max {
                    return None;
                }
            }
        }
        Some(items)
    }

    /// Whether some name is the whole query (the whole-name bonus).
    pub(crate) fn has_whole(&self, buf: &str, pattern: &Pattern) -> bool {
        self.names.iter().any(|name| {
            pattern.may_be_whole_name(name.mask, name.heads)
                && pattern
                    .is_whole_name(&buf[name.start as usize..(name.start + name.len) as usize])
        })
    }

    /// The best `limit` items for a one-word query whose word starts a word of
    /// some names (see the module), best first; `None` when the names give fewer
    /// items than that (then other items may rank among them).
    pub(crate) fn best(
        &self,
        buf: &str,
        pattern: &Pattern,
        word: &Word,
        limit: usize,
    ) -> Option<Vec<u32>> {
        // The names, by how an item holding them scores: 0 the whole query is the
        // name, 1 a whole word of it, 2 a word's start.
        let mut ranked: [Vec<usize>; 3] = Default::default();
        let whole_word = name_score(Tier::WholeWord, word);
        let prefix = name_score(Tier::Prefix, word);
        for (n, name) in self.names.iter().enumerate() {
            if word.mask & !name.mask != 0 {
                continue;
            }
            let field = name.field(buf);
            let Some(score) = contiguous(&field, word) else {
                continue;
            };
            let group = if pattern.may_be_whole_name(name.mask, name.heads)
                && pattern.is_whole_name(field.text())
            {
                0
            } else if score == whole_word {
                1
            } else if score == prefix {
                2
            } else {
                continue;
            };
            ranked[group].push(n);
        }
        let mut taken: Vec<u32> = Vec::with_capacity(limit);
        let mut seen = std::collections::HashSet::new();
        for group in &ranked {
            if taken.len() >= limit {
                break;
            }
            // The group's first items, in item order, not taken by a better group.
            let mut heads: std::collections::BinaryHeap<std::cmp::Reverse<(u32, usize, usize)>> =
                group
                    .iter()
                    .filter_map(|&n| {
                        let items = self.items_of(n);
                        items.first().map(|&i| std::cmp::Reverse((i, n, 0)))
                    })
                    .collect();
            while taken.len() < limit {
                let Some(std::cmp::Reverse((item, n, at))) = heads.pop() else {
                    break;
                };
                if let Some(&next) = self.items_of(n).get(at + 1) {
                    heads.push(std::cmp::Reverse((next, n, at + 1)));
                }
                if seen.insert(item) {
                    taken.push(item);
                }
            }
            // An item of this group not taken (beyond the rows) is in no worse
            // group's rows: there are none.
        }
        (taken.len() >= limit).then_some(taken)
    }
}
