//! The index: every searchable item of a corpus with its texts folded once, their
//! character masks, and what a hit shows; scoring one item against a query.

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::fold::fold_with_origin;
use super::items::{self, story_items, ItemRef, Kind, Role};
use super::matcher::{self, FieldRef, Pattern, FULL_NAME_BONUS};
use super::Hit;
use crate::corpus::Corpus;
use crate::story::{QuoteKind, Story};
use std::sync::Arc;

/// A byte range of one of the index's text buffers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn of(self, text: &str) -> &str {
        let start = self.start as usize;
        &text[start..start + self.len as usize]
    }
    fn shift(self, by: u32) -> Span {
        Span {
            start: self.start + by,
            len: self.len,
        }
    }
}

/// One folded searchable text: a span of [`Index::folded`].
#[derive(Debug, Clone)]
struct Field {
    folded: Span,
    role: Role,
    mask: u64,
    heads: u64,
    /// For a name or speaker: the hash of its words (folded to 32 bits), to tell a
    /// whole-name query at once (else 0).
    name_hash: u32,
}

/// What matching reads of an item (kept small and together).
#[derive(Debug, Clone)]
struct ItemKey {
    kind: Kind,
    first_field: u32,
    field_count: u32,
    mask: u64,
}

/// Where an item is: its story's index in the corpus, and its place among the
/// items of its kind there (see [`items::item`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ItemAt {
    story: u32,
    index: u32,
}

/// What a hit shows of an item, copied: spans of [`Copied::text`].
#[derive(Debug, Clone)]
struct ItemText {
    id: Option<Span>,
    text: Span,
    /// The speaker's id and name.
    by: Option<(Span, Span)>,
    quote_kind: Option<QuoteKind>,
}

/// The texts hits show, copied out of the stories.
#[derive(Debug, Default)]
struct Copied {
    items: Vec<ItemText>,
    text: String,
    /// (id, title) of each story, by corpus index: spans of `text`.
    stories: Vec<(Span, Span)>,
}

/// Where the texts a hit shows come from.
enum Shown {
    /// The stories themselves, shared with the caller, who keeps them anyway (the
    /// explorer): the index holds no second copy of any text it shows.
    Shared(Vec<Arc<Story>>),
    /// Copies, for a caller that lets the stories go once they are indexed
    /// (`storyx search`).
    Copied(Copied),
}

/// Every searchable item of a corpus, ready for matching. Built once per load (in
/// parallel, story by story); immutable and shareable between threads. The folded
/// texts live in one buffer, each field's a span of it; what a hit shows is read
/// from the stories, or from copies of their texts (a story's repeated names and
/// ids stored once).
pub struct Index {
    keys: Vec<ItemKey>,
    at: Vec<ItemAt>,
    fields: Vec<Field>,
    folded: String,
    shown: Shown,
    matcher: SkimMatcherV2,
}

/// The index of a few stories, built on one thread and then appended.
#[derive(Default)]
struct Part {
    keys: Vec<ItemKey>,
    at: Vec<ItemAt>,
    fields: Vec<Field>,
    folded: String,
    /// The texts hits show, when they are copied.
    copied: Option<Copied>,
}

/// Texts of one story put in a buffer, each distinct short one once.
struct Texts<'a, 'b> {
    buf: &'b mut String,
    seen: std::collections::HashMap<&'a str, Span>,
}

impl<'a> Texts<'a, '_> {
    fn put(&mut self, text: &'a str) -> Span {
        if text.len() > 64 {
            return push(self.buf, text);
        }
        if let Some(&span) = self.seen.get(text) {
            return span;
        }
        let span = push(self.buf, text);
        self.seen.insert(text, span);
        span
    }
}

fn push(buf: &mut String, text: &str) -> Span {
    let start = buf.len() as u32;
    buf.push_str(text);
    Span {
        start,
        len: text.len() as u32,
    }
}

impl Part {
    /// Indexes one story (its index in the corpus is `si`).
    fn add(&mut self, si: usize, story: &Story) {
        let mut copy = self.copied.as_mut().map(|copied| {
            let mut texts = Texts {
                buf: &mut copied.text,
                seen: std::collections::HashMap::new(),
            };
            copied
                .stories
                .push((texts.put(&story.id), texts.put(&story.title)));
            (&mut copied.items, texts)
        });
        for item in story_items(si, story) {
            let first_field = self.fields.len() as u32;
            let mut item_mask = 0;
            for &(role, text) in &item.fields {
                let start = self.folded.len();
                super::fold::fold_into(text, &mut self.folded);
                let folded = &self.folded[start..];
                let (mask, heads) = matcher::masks(folded);
                let name_hash = match role {
                    Role::Name | Role::Speaker => {
                        short_hash(matcher::words_hash(folded.split_whitespace()))
                    }
                    Role::Main | Role::Detail => 0,
                };
                item_mask |= mask;
                self.fields.push(Field {
                    folded: Span {
                        start: start as u32,
                        len: folded.len() as u32,
                    },
                    role,
                    mask,
                    heads,
                    name_hash,
                });
            }
            self.keys.push(ItemKey {
                kind: item.kind,
                first_field,
                field_count: item.fields.len() as u32,
                mask: item_mask,
            });
            self.at.push(ItemAt {
                story: si as u32,
                index: item.index as u32,
            });
            if let Some((items, texts)) = &mut copy {
                items.push(ItemText {
                    id: item.id.map(|id| texts.put(id)),
                    text: texts.put(item.text),
                    by: item.by.map(|(id, name)| (texts.put(id), texts.put(name))),
                    quote_kind: item.quote_kind,
                });
            }
        }
    }
}

/// A words hash in 32 bits (a first test only: the name is compared in full).
fn short_hash(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Stories indexed per parallel step: bounds the memory of the parts in flight.
const STORIES_PER_STEP: usize = 64;

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("items", &self.keys.len())
            .field("fields", &self.fields.len())
            .field("folded_bytes", &self.folded.len())
            .field(
                "copied_bytes",
                &match &self.shown {
                    Shown::Shared(_) => 0,
                    Shown::Copied(c) => c.text.len(),
                },
            )
            .finish()
    }
}

/// What the last query's per-word results tell about a word of a query extending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prior {
    /// Nothing: compute.
    Unknown,
    /// The same word: its result is the cached one.
    Same,
    /// This word extends the cached one: if that was found nowhere contiguously, neither is this.
    Extends,
}

/// A per-word result meaning "found only scattered".
pub(crate) const SCATTERED: i32 = i32::MIN;

/// How an item fared in the cheap first pass over a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Partial {
    /// Some word matches nowhere in the item.
    Miss,
    /// Every word matched contiguously: this is the item's score.
    Exact(i32),
    /// Some word matched only scattered; the item's score is at most this.
    Bounded(i32),
}

/// Exact counts and bounds of the text bytes of some stories' index.
fn sizes(stories: &[Arc<Story>]) -> (usize, usize, usize, usize) {
    stories
        .par_iter()
        .map(|story| {
            let head = story.id.len() + story.title.len();
            story_items(0, story)
                .iter()
                .fold((0, 0, 0, head), |(i, f, b, s), item| {
                    let text: usize = item.fields.iter().map(|(_, t)| t.len()).sum();
                    let id = item.id.map_or(0, str::len);
                    let by = item.by.map_or(0, |(a, b)| a.len() + b.len());
                    (
                        i + 1,
                        f + item.fields.len(),
                        b + text,
                        s + id + item.text.len() + by,
                    )
                })
        })
        .reduce(
            || (0, 0, 0, 0),
            |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2, a.3 + b.3),
        )
}

/// Builds an index story by story, for a caller that loads stories in batches:
/// [`Builder::sharing`] for one that keeps them, [`Builder::copying`] for one that
/// lets them go (the index then keeps copies of the texts hits show).
pub struct Builder {
    index: Index,
    /// How many stories are expected in all (0: unknown), to size the buffers once.
    expected: usize,
}

impl Builder {
    fn new(shown: Shown, expected: usize) -> Builder {
        Builder {
            index: Index {
                keys: Vec::new(),
                at: Vec::new(),
                fields: Vec::new(),
                folded: String::new(),
                shown,
                matcher: matcher::skim(),
            },
            expected,
        }
    }

    /// A builder whose index shares the stories it is given (they are added in
    /// corpus order, from the first); about `expected` stories are to come.
    pub fn sharing(expected: usize) -> Builder {
        Builder::new(Shown::Shared(Vec::new()), expected)
    }

    /// A builder whose index copies the texts hits show, so that the caller may
    /// let the stories go; about `expected` stories are to come.
    pub fn copying(expected: usize) -> Builder {
        Builder::new(Shown::Copied(Copied::default()), expected)
    }

    /// Indexes these stories, the corpus's stories `first..`, in parallel.
    pub fn add(&mut self, first: usize, stories: &[Arc<Story>]) {
        let index = &mut self.index;
        let (items, fields, bytes, shown) = sizes(stories);
        let copying = matches!(index.shown, Shown::Copied(_));
        if index.keys.is_empty() && !stories.is_empty() {
            // The first stories tell the size of the rest: grow once, not by doubling
            // (with room to spare: capacity never written to costs no memory).
            let scale = |n: usize| {
                let all = self.expected.max(stories.len());
                let n = n.saturating_mul(all) / stories.len();
                if all > stories.len() {
                    n + n / 4
                } else {
                    n
                }
            };
            index.keys.reserve_exact(scale(items));
            index.at.reserve_exact(scale(items));
            index.fields.reserve_exact(scale(fields));
            index.folded.reserve_exact(scale(bytes));
            match &mut index.shown {
                Shown::Shared(all) => all.reserve_exact(scale(stories.len())),
                Shown::Copied(c) => {
                    c.items.reserve_exact(scale(items));
                    c.text.reserve_exact(scale(shown));
                    c.stories.reserve_exact(scale(stories.len()));
                }
            }
        } else {
            index.keys.reserve(items);
            index.at.reserve(items);
            index.fields.reserve(fields);
            index.folded.reserve(bytes);
            match &mut index.shown {
                Shown::Shared(all) => all.reserve(stories.len()),
                Shown::Copied(c) => {
                    c.items.reserve(items);
                    c.text.reserve(shown);
                    c.stories.reserve(stories.len());
                }
            }
        }
        if let Shown::Shared(all) = &mut index.shown {
            debug_assert_eq!(first, all.len(), "stories are shared in corpus order");
            all.extend(stories.iter().cloned());
        }
        for (step, chunk) in stories.chunks(STORIES_PER_STEP).enumerate() {
            let at = first + step * STORIES_PER_STEP;
            let parts: Vec<Part> = chunk
                .par_iter()
                .enumerate()
                .fold(
                    || Part {
                        copied: copying.then(Copied::default),
                        ..Part::default()
                    },
                    |mut part, (i, story)| {
                        part.add(at + i, story);
                        part
                    },
                )
                .collect();
            for part in parts {
                index.append(part);
            }
        }
    }

    pub fn finish(mut self) -> Index {
        // Names stored once leave room at the end of the copied texts.
        if let Shown::Copied(c) = &mut self.index.shown {
            if c.text.capacity() > c.text.len() * 5 / 4 {
                c.text.shrink_to_fit();
            }
        }
        self.index
    }
}

impl Index {
    /// Indexes every item of every story of the corpus, in story order (stories in parallel).
    /// The index shares the corpus's stories.
    pub fn new(corpus: &Corpus) -> Index {
        let mut builder = Builder::sharing(corpus.stories.len());
        builder.add(0, &corpus.stories);
        builder.finish()
    }

    fn append(&mut self, part: Part) {
        let fields_at = self.fields.len() as u32;
        let folded_at = self.folded.len() as u32;
        self.folded.push_str(&part.folded);
        self.at.extend(part.at);
        if let (Shown::Copied(into), Some(part)) = (&mut self.shown, part.copied) {
            into.append(part);
        }
        self.fields.extend(part.fields.into_iter().map(|f| Field {
            folded: f.folded.shift(folded_at),
            ..f
        }));
        self.keys.extend(part.keys.into_iter().map(|k| ItemKey {
            first_field: k.first_field + fields_at,
            ..k
        }));
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn kind(&self, item: u32) -> Kind {
        self.keys[item as usize].kind
    }

    fn fields(&self, item: u32) -> impl Iterator<Item = FieldRef<'_>> + Clone {
        let key = &self.keys[item as usize];
        let first = key.first_field as usize;
        self.fields[first..first + key.field_count as usize]
            .iter()
            .map(|f| FieldRef {
                text: f.folded.of(&self.folded),
                role: f.role,
                mask: f.mask,
                heads: f.heads,
            })
    }

    fn full_name_bonus(&self, item: u32, pattern: &Pattern) -> i32 {
        let key = &self.keys[item as usize];
        let first = key.first_field as usize;
        let named = self.fields[first..first + key.field_count as usize]
            .iter()
            .any(|f| {
                f.name_hash == short_hash(pattern.words_hash)
                    && pattern.is_whole_name(f.folded.of(&self.folded))
            });
        if named {
            FULL_NAME_BONUS
        } else {
            0
        }
    }

    /// The cheap pass: contiguous matches scored exactly, scattered ones only bounded.
    ///
    /// `priors` says, per word, what `cached` (this item's per-word results for the
    /// last query, which this one extends) already tells; each word's result (its best
    /// contiguous score, or [`SCATTERED`]) is pushed onto `out` unless the item misses.
    pub(crate) fn partial(
        &self,
        item: u32,
        pattern: &Pattern,
        priors: &[Prior],
        cached: &[i32],
        out: &mut Vec<i32>,
    ) -> Partial {
        if pattern.mask & !self.keys[item as usize].mask != 0 {
            return Partial::Miss;
        }
        let fields = self.fields(item);
        let start = out.len();
        let mut sum: i32 = 0;
        let mut scattered = false;
        for (j, word) in pattern.words.iter().enumerate() {
            let prior = priors.get(j).copied().unwrap_or(Prior::Unknown);
            let known = cached.get(j).copied();
            let contiguous = match (prior, known) {
                (Prior::Same, Some(s)) => (s != SCATTERED).then_some(s),
                (Prior::Extends, Some(SCATTERED)) => None,
                _ => fields
                    .clone()
                    .filter_map(|f| matcher::contiguous(&f, word))
                    .max(),
            };
            match contiguous {
                Some(score) => {
                    sum = sum.saturating_add(score);
                    out.push(score);
                }
                None => {
                    let known_match = prior == Prior::Same && known.is_some();
                    if !known_match && !fields.clone().any(|f| matcher::matches(&f, word)) {
                        out.truncate(start);
                        return Partial::Miss;
                    }
                    scattered = true;
                    sum = sum.saturating_add(word.fuzzy_bound());
                    out.push(SCATTERED);
                }
            }
        }
        sum = sum.saturating_add(self.full_name_bonus(item, pattern));
        if scattered {
            Partial::Bounded(sum)
        } else {
            Partial::Exact(sum)
        }
    }

    /// The item's full score (skim for words found only scattered), `None` when some word misses.
    pub(crate) fn score(&self, item: u32, pattern: &Pattern) -> Option<i32> {
        self.score_known(item, pattern, None)
    }

    /// [`Index::score`], reusing the first pass's per-word results when given (then
    /// only the words found scattered are matched again, by skim).
    pub(crate) fn score_known(
        &self,
        item: u32,
        pattern: &Pattern,
        known: Option<&[i32]>,
    ) -> Option<i32> {
        if pattern.mask & !self.keys[item as usize].mask != 0 {
            return None;
        }
        let fields: Vec<FieldRef<'_>> = self.fields(item).collect();
        let mut sum: i32 = 0;
        for (j, word) in pattern.words.iter().enumerate() {
            let score = match known.and_then(|k| k.get(j)) {
                Some(&SCATTERED) => fields
                    .iter()
                    .filter_map(|f| matcher::fuzzy(&self.matcher, f, word))
                    .max()?,
                Some(&contiguous) => contiguous,
                None => matcher::word_score(&self.matcher, &fields, word)?,
            };
            sum = sum.saturating_add(score);
        }
        Some(sum.saturating_add(self.full_name_bonus(item, pattern)))
    }

    /// Highlight positions of the query's words in an original text (character indices).
    fn highlight(&self, text: &str, role: Role, pattern: &Pattern) -> Vec<usize> {
        let folded = fold_with_origin(text);
        let hits = pattern
            .words
            .iter()
            .filter_map(|w| matcher::positions(&self.matcher, &folded.text, role, w))
            .flatten();
        folded.original_positions(hits)
    }

    /// The hit for an item, with its highlights (`None` only for an item the
    /// index does not hold).
    pub(crate) fn hit(&self, item: u32, score: i32, pattern: &Pattern) -> Option<Hit> {
        let key = self.keys.get(item as usize)?;
        let at = self.at[item as usize];
        let shown = match &self.shown {
            Shown::Shared(stories) => {
                let story = stories.get(at.story as usize)?;
                let item = items::item(at.story as usize, story, key.kind, at.index as usize)?;
                self.shown_hit(story.id.as_str(), story.title.as_str(), &item)
            }
            Shown::Copied(c) => {
                let texts = c.text.as_str();
                let shown = &c.items[item as usize];
                let (story_id, story_title) = c.stories[at.story as usize];
                let item = ItemRef {
                    kind: key.kind,
                    story: at.story as usize,
                    index: at.index as usize,
                    id: shown.id.map(|id| id.of(texts)),
                    text: shown.text.of(texts),
                    by: shown.by.map(|(id, name)| (id.of(texts), name.of(texts))),
                    quote_kind: shown.quote_kind,
                    fields: Vec::new(),
                };
                self.shown_hit(story_id.of(texts), story_title.of(texts), &item)
            }
        };
        let text_role = self.fields[key.first_field as usize].role;
        Some(Hit {
            score,
            positions: self.highlight(&shown.text, text_role, pattern),
            by_name_positions: shown
                .by_name
                .as_deref()
                .map(|n| self.highlight(n, Role::Speaker, pattern))
                .unwrap_or_default(),
            ..shown
        })
    }

    /// A hit showing an item, without score and highlights.
    fn shown_hit(&self, story_id: &str, story_title: &str, item: &ItemRef<'_>) -> Hit {
        Hit {
            kind: item.kind,
            story: item.story,
            story_id: story_id.to_string(),
            story_title: story_title.to_string(),
            id: item.id.map(str::to_string),
            index: item.index,
            positions: Vec::new(),
            text: item.text.to_string(),
            score: 0,
            by: item.by.map(|(id, _)| id.to_string()),
            by_name: item.by.map(|(_, name)| name.to_string()),
            by_name_positions: Vec::new(),
            quote_kind: item.quote_kind,
        }
    }
}

impl Copied {
    fn append(&mut self, part: Copied) {
        let at = self.text.len() as u32;
        self.text.push_str(&part.text);
        self.items.extend(part.items.into_iter().map(|s| ItemText {
            id: s.id.map(|x| x.shift(at)),
            text: s.text.shift(at),
            by: s.by.map(|(a, b)| (a.shift(at), b.shift(at))),
            ..s
        }));
        self.stories.extend(
            part.stories
                .into_iter()
                .map(|(a, b)| (a.shift(at), b.shift(at))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both kinds of index, fed in batches of 5 stories.
    fn built(corpus: &Corpus) -> [(&'static str, Index); 2] {
        let n = corpus.stories.len();
        [
            ("sharing", Builder::sharing(n)),
            ("copying", Builder::copying(n)),
        ]
        .map(|(name, mut builder)| {
            for (step, chunk) in corpus.stories.chunks(5).enumerate() {
                builder.add(step * 5, chunk);
            }
            (name, builder.finish())
        })
    }

    #[test]
    fn every_item_reads_its_own_texts_after_stories_are_joined() {
        let corpus = crate::synth::corpus(12);
        let mut expected = Vec::new();
        for (si, story) in corpus.stories.iter().enumerate() {
            expected.extend(story_items(si, story));
        }
        let nothing = Pattern::new("");
        for (name, index) in built(&corpus) {
            assert_eq!(index.len(), expected.len(), "{name}");
            for (i, item) in expected.iter().enumerate() {
                let folded: Vec<&str> = index.fields(i as u32).map(|f| f.text).collect();
                let want: Vec<String> = item
                    .fields
                    .iter()
                    .map(|(_, t)| super::super::fold::fold(t))
                    .collect();
                assert_eq!(folded, want, "{name}: item {i}");
                let hit = index.hit(i as u32, 7, &nothing).expect("an item it holds");
                let story = &corpus.stories[item.story];
                assert_eq!(
                    (
                        hit.kind,
                        hit.story,
                        hit.index,
                        hit.text.as_str(),
                        hit.id.as_deref(),
                        hit.score
                    ),
                    (item.kind, item.story, item.index, item.text, item.id, 7),
                    "{name}: item {i}"
                );
                assert_eq!(
                    hit.by.as_deref().zip(hit.by_name.as_deref()),
                    item.by,
                    "{name}: item {i}"
                );
                assert_eq!(hit.quote_kind, item.quote_kind, "{name}: item {i}");
                assert_eq!(
                    (hit.story_id.as_str(), hit.story_title.as_str()),
                    (story.id.as_str(), story.title.as_str()),
                    "{name}: item {i}"
                );
            }
            assert!(index.hit(expected.len() as u32, 0, &nothing).is_none());
        }
    }

    #[test]
    fn only_a_copying_index_keeps_texts_of_its_own() {
        let corpus = crate::synth::corpus(12);
        let [(_, sharing), (_, copying)] = built(&corpus);
        assert!(format!("{sharing:?}").contains("copied_bytes: 0"));
        assert!(!format!("{copying:?}").contains("copied_bytes: 0"));
        // The sharing index holds the stories themselves, not copies of them.
        let Shown::Shared(shared) = &sharing.shown else {
            panic!("a sharing index")
        };
        assert!(shared
            .iter()
            .zip(&corpus.stories)
            .all(|(a, b)| Arc::ptr_eq(a, b)));
    }

    #[test]
    fn a_builder_fed_in_batches_makes_the_same_index() {
        let corpus = crate::synth::corpus(40);
        let whole = Index::new(&corpus);
        let mut builder = Builder::copying(40);
        for (n, chunk) in corpus.stories.chunks(7).enumerate() {
            builder.add(n * 7, chunk);
        }
        let batched = builder.finish();
        assert_eq!(whole.len(), batched.len());
        assert_eq!(whole.folded, batched.folded);
        for i in 0..whole.len() as u32 {
            let a: Vec<_> = whole.fields(i).map(|f| (f.text, f.mask, f.heads)).collect();
            let b: Vec<_> = batched
                .fields(i)
                .map(|f| (f.text, f.mask, f.heads))
                .collect();
            assert_eq!(a, b);
        }
        let options = super::super::Options {
            limit: 30,
            kind: None,
        };
        let (whole, batched) = (std::sync::Arc::new(whole), std::sync::Arc::new(batched));
        for q in ["fisher", "trade war", "li wei", "x"] {
            assert_eq!(
                whole.search(q, &options),
                batched.search(q, &options),
                "{q}"
            );
        }
    }

    #[test]
    fn masks_of_ascii_and_other_text_agree_with_the_definition() {
        for text in ["richard fisher", "a-b c", "", "李伟 (li wei)", "zoë x1"] {
            let mut all = 0;
            let mut heads = 0;
            let mut prev = false;
            for c in text.chars() {
                all |= matcher::char_bit(c);
                if !prev {
                    heads |= matcher::char_bit(c);
                }
                prev = c.is_alphanumeric();
            }
            assert_eq!(matcher::masks(text), (all, heads), "{text}");
        }
    }
}
