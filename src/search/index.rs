//! The index: every searchable item of a corpus with its texts folded once, their
//! character masks, and what a hit shows; scoring one item against a query.

use rayon::prelude::*;

use super::fold::fold_with_origin;
use super::items::{self, story_items, ItemRef, Kind, Role};
use super::matcher::{self, FieldRef, Pattern, FULL_NAME_BONUS};
use super::Hit;
use crate::corpus::Corpus;
use crate::story::text::Buffer;
use crate::story::{QuoteKind, Story};
use std::collections::hash_map::Entry;
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

/// Bits of [`Field::len_role`] holding the length.
const LEN_BITS: u32 = 29;
/// The longest folded text a field holds (512 MiB less a byte): a longer one is
/// cut at a character boundary (a story file is far smaller).
const MAX_FIELD_LEN: usize = (1 << LEN_BITS) - 1;
/// The bit of [`Field::len_role`] telling a text read as written.
const WRITTEN: u32 = 1 << 31;

/// One folded searchable text: a span of [`Index::folded`] (the text of a short
/// field may be shared with other fields of the same text), its role, and its
/// character masks ([`matcher::masks`]). Or a text read as written from its
/// story, when its folded form is it lower-cased (see [`Index::buffers`]): then
/// `start` is where it starts in its story's buffer.
#[derive(Debug, Clone, Copy)]
struct Field {
    start: u32,
    /// The text's length in bytes (the low [`LEN_BITS`]), its role (the next 2
    /// bits) and whether it is read as written (the high bit, [`WRITTEN`]).
    len_role: u32,
    mask: u32,
    heads: u32,
}

const _: () = assert!(std::mem::size_of::<Field>() <= 16);

impl Field {
    fn new(span: Span, role: Role, (mask, heads): (u32, u32)) -> Field {
        let role = match role {
            Role::Name => 0,
            Role::Speaker => 1,
            Role::Main => 2,
            Role::Detail => 3,
        };
        debug_assert!(span.len as usize <= MAX_FIELD_LEN);
        Field {
            start: span.start,
            len_role: span.len.min(MAX_FIELD_LEN as u32) | role << LEN_BITS,
            mask,
            heads,
        }
    }

    /// Whether the text is read as written (see [`Index::buffers`]).
    #[inline]
    fn written(self) -> bool {
        self.len_role & WRITTEN != 0
    }

    /// The same text in this role.
    fn with_role(self, role: Role) -> Field {
        Field::new(self.span(), role, (self.mask, self.heads))
    }

    #[inline]
    fn span(self) -> Span {
        Span {
            start: self.start,
            len: self.len_role & MAX_FIELD_LEN as u32,
        }
    }

    #[inline]
    fn role(self) -> Role {
        match self.len_role >> LEN_BITS & 3 {
            0 => Role::Name,
            1 => Role::Speaker,
            2 => Role::Main,
            _ => Role::Detail,
        }
    }
}

/// What matching reads of an item, kept small and together: its fields are
/// `fields[first_field..]` up to the next item's first field (so an item may have
/// any number of them), and `mask` is the union of their masks. (Its kind is told
/// by its story's first items.)
#[derive(Debug, Clone, Copy)]
struct ItemKey {
    first_field: u32,
    mask: u32,
}

const _: () = assert!(std::mem::size_of::<ItemKey>() <= 8);

/// The first item of each kind (in [`Kind::ALL`] order) of one story: an item's
/// place among the items of its kind there (see [`items::item`]) is its distance
/// from the first of its kind.
type Firsts = [u32; Kind::ALL.len()];

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
#[derive(Debug, Default, Clone)]
struct Copied {
    items: Vec<ItemText>,
    text: String,
    /// (id, title) of each story, by corpus index: spans of `text`.
    stories: Vec<(Span, Span)>,
}

/// Where the texts a hit shows come from.
#[derive(Clone)]
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
/// texts live in one buffer, each field's a span of it (a short text that repeats,
/// such as a name, a speaker, a tag, stored once for the whole corpus); an item
/// is found from its number alone (its story and its place there are told by each
/// story's first items, not stored per item); what a hit shows is read
/// from the stories, or from copies of their texts (a story's repeated names and
/// ids stored once).
pub struct Index {
    keys: Vec<ItemKey>,
    /// By corpus index: each story's first items (every story has one item at
    /// least, itself, so the stories' first items ascend strictly).
    firsts: Vec<Firsts>,
    fields: Vec<Field>,
    folded: String,
    /// The stories' buffers that texts read as written are spans of. A text
    /// (a quote, a position, a detail) whose folded form is it lower-cased (ASCII
    /// without control characters) is not kept folded: the index reads it from
    /// its story's buffer and matches it lower-cased (see
    /// [`matcher::FieldRef::raw`]). Only an index sharing its stories does so.
    /// Its field holds where it starts in the buffer, and its buffer is the last
    /// one whose first field ([`Index::written_from`]) is not after it: 4 bytes
    /// a buffer, where a buffer number and a start by field took 8 bytes a text
    /// (36 MB at 100,000 stories; issue 19).
    buffers: Vec<Buffer>,
    /// By buffer of [`Index::buffers`]: the number of the first field read from
    /// it (ascending: an item's texts are of its story's buffer, stories in order).
    written_from: Vec<u32>,
    /// By block of [`WRITTEN_BLOCK`] fields: how many buffers' first fields are
    /// at or before the block's first field, where a field's buffer is looked
    /// for from (a step or two, not a search over every buffer).
    written_blocks: Vec<u32>,
    shown: Shown,
    matcher: matcher::Skim,
    /// While the index grows ([`Index::add`]): where each distinct short folded
    /// text is in `folded` (emptied by [`Index::settle`]).
    shared: Shared,
    /// How many stories are expected in all (0: unknown), to size the buffers once.
    expected: usize,
    /// Whether the index grows story batch after story batch ([`Builder::growing`],
    /// the explorer's): settling then keeps the room its folded texts' buffer was
    /// given (see [`Index::settle`]).
    grows: bool,
    letters: Letters,
    /// The two-letter answers, once built (when idle after a load, see
    /// [`super::pairs`]); let go when the index grows.
    pairs: std::sync::OnceLock<super::pairs::Pairs>,
    /// The names directory, built with the two-letter answers ([`super::names`]).
    names: std::sync::OnceLock<super::names::Names>,
    /// The words of main texts and details, built with them ([`super::words`]).
    words: std::sync::OnceLock<super::words::Words>,
}

/// The most items [`Index::warm`] reads ahead for at once.
pub(crate) const WARM: usize = 16;

/// Letters `a` to `z`: the characters with a bit of their own in the masks.
const LETTERS: usize = 26;
/// The rows kept of each one-letter query's answer: a query for at most this many
/// rows (and no kind) is answered from them.
pub(crate) const LETTER_ROWS: usize = 256;

/// The answers of some short queries (the 26 one-letter ones, kept as the index
/// grows; the 676 two-letter ones, see [`super::pairs`]): by query, how many items
/// match, and the best [`LETTER_ROWS`] of them (score, item), ranked as the engine
/// ranks (in an index; a part trims them only now and then).
#[derive(Debug, Clone)]
pub(crate) struct Letters {
    pub(crate) count: Vec<usize>,
    pub(crate) top: Vec<Vec<(i32, u32)>>,
    /// By query, once there are [`LETTER_ROWS`] rows: the last one's score. An
    /// item coming later that scores no more ranks below every row (ties keep
    /// item order), so it is only counted.
    bar: Vec<Option<i32>>,
}

impl Default for Letters {
    fn default() -> Letters {
        Letters::new(LETTERS)
    }
}

impl Letters {
    /// The answers of `queries` queries, nothing counted yet.
    pub(crate) fn new(queries: usize) -> Letters {
        Letters {
            count: vec![0; queries],
            top: vec![Vec::new(); queries],
            bar: vec![None; queries],
        }
    }

    /// Counts an item (its number) with its score for each letter it holds.
    fn add(&mut self, item: u32, scores: &[Option<i32>]) {
        for (b, score) in scores.iter().enumerate() {
            if let Some(score) = *score {
                self.count[b] += 1;
                self.offer(b, score, item);
            }
        }
    }

    /// Takes a row of a letter unless it ranks below every row (it comes after
    /// them); true when taken.
    pub(crate) fn offer(&mut self, b: usize, score: i32, item: u32) -> bool {
        if self.bar[b].is_some_and(|bar| score <= bar) {
            return false;
        }
        self.top[b].push((score, item));
        if self.top[b].len() >= 2 * LETTER_ROWS {
            self.trim(b);
        }
        true
    }

    /// Keeps a letter's best rows, ranked.
    pub(crate) fn trim(&mut self, b: usize) {
        let top = &mut self.top[b];
        super::engine::top_k(top, LETTER_ROWS);
        if top.len() == LETTER_ROWS {
            self.bar[b] = top.last().map(|&(score, _)| score);
        }
    }

    /// Adds the answers of a part whose items come after these (numbered from `at`).
    pub(crate) fn append(&mut self, part: Letters, at: u32) {
        for (b, top) in part.top.into_iter().enumerate() {
            self.count[b] += part.count[b];
            let mut taken = false;
            for (score, item) in top {
                taken |= self.offer(b, score, item + at);
            }
            if taken {
                self.trim(b);
            }
        }
    }
}

/// The index of a few stories, built on one thread and then appended. Each
/// distinct short text is stored once in the part already (its fields made once).
#[derive(Default)]
struct Part {
    keys: Vec<ItemKey>,
    firsts: Vec<Firsts>,
    fields: Vec<Field>,
    folded: String,
    /// Per field: whether its text is an earlier field's, or new and short.
    links: Vec<Link>,
    /// The buffers of the texts read as written ([`Link::Written`]).
    buffers: Vec<Buffer>,
    /// A hash of each distinct short text to its first field.
    first_of_text: ByHash,
    /// The texts hits show, when they are copied.
    copied: Option<Copied>,
    /// The one-letter answers of the part's items (numbered in the part).
    letters: Letters,
}

/// The 26 one-letter queries, to tell a name that is one of them.
fn letter_patterns() -> &'static [Pattern] {
    static PATTERNS: std::sync::OnceLock<Vec<Pattern>> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        (b'a'..=b'z')
            .map(|c| Pattern::new(&char::from(c).to_string()))
            .collect()
    })
}

/// How a field's text relates to the part's others.
#[derive(Debug, Clone, Copy)]
enum Link {
    /// The same text as this earlier field of the part.
    Same(u32),
    /// A short text first seen here, of this hash.
    New(u32),
    /// A text too long to be looked up.
    Long,
    /// A text read as written: its buffer in the part's `buffers` (the
    /// field's `start` is its start there).
    Written(u32),
}

/// Folded texts at most this long are stored once in the whole index: names,
/// speakers' names, tags, outlets, roles, affiliations repeat.
const SHARED_LEN: usize = 64;

/// A map from a [`text_hash`] to a place (a byte offset, a field).
type ByHash = std::collections::HashMap<u32, u32, std::hash::BuildHasherDefault<Spread>>;

/// Where each distinct short folded text is in the index's buffer, while it is
/// built: a hash of the text to where its first copy starts (the text is compared
/// there; two texts of one hash are both stored, only the first is shared).
#[derive(Default, Clone)]
struct Shared(ByHash);

impl Shared {
    /// Where `text` is in `buf`, appending it unless it is short and there already.
    #[cfg(test)]
    fn put(&mut self, buf: &mut String, text: &str) -> Span {
        if text.len() > SHARED_LEN {
            return push(buf, text);
        }
        self.put_short(buf, text, text_hash(text))
    }

    /// [`Shared::put`] for a short text of this hash.
    fn put_short(&mut self, buf: &mut String, text: &str, hash: u32) -> Span {
        match self.0.entry(hash) {
            Entry::Occupied(at) => {
                let start = *at.get();
                let range = start as usize..start as usize + text.len();
                if buf.as_bytes().get(range) == Some(text.as_bytes()) {
                    return Span {
                        start,
                        len: text.len() as u32,
                    };
                }
                push(buf, text)
            }
            Entry::Vacant(slot) => {
                let span = push(buf, text);
                slot.insert(span.start);
                span
            }
        }
    }
}

/// A hash of a short text, 8 bytes at a time (FxHash's step; collisions only cost a
/// text stored twice).
fn text_hash(text: &str) -> u32 {
    let mut h = text.len() as u64;
    for chunk in text.as_bytes().chunks(8) {
        let mut word = [0; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    (h ^ h >> 32) as u32
}

/// The hasher of [`ByHash`]'s keys, already hashes: spreads them over 64 bits.
#[derive(Default)]
struct Spread(u64);

impl std::hash::Hasher for Spread {
    fn write(&mut self, bytes: &[u8]) {
        // Not called for the u32 keys (`write_u32`); any bytes would still hash.
        for &b in bytes {
            self.write_u32(u32::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(32) ^ u64::from(n)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn finish(&self) -> u64 {
        self.0
    }
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
        let mut copied = self.copied.take();
        // An index sharing the stories reads main texts and details from the story's buffer.
        let buffer = copied.is_none().then(|| story.id.buffer());
        let mut copy = copied.as_mut().map(|copied| {
            let mut texts = Texts {
                buf: &mut copied.text,
                seen: std::collections::HashMap::new(),
            };
            copied
                .stories
                .push((texts.put(&story.id), texts.put(&story.title)));
            (&mut copied.items, texts)
        });
        let items = story_items(si, story);
        let mut firsts = [self.keys.len() as u32; Kind::ALL.len()];
        for item in &items {
            for first in &mut firsts[item.kind as usize + 1..] {
                *first += 1;
            }
        }
        self.firsts.push(firsts);
        for item in items {
            let first_field = self.fields.len() as u32;
            let mut item_mask = 0;
            for f in &item.fields {
                let field = self.field(f.role, &f.text, buffer.as_ref());
                item_mask |= field.mask;
                self.fields.push(field);
            }
            self.letter_scores(first_field as usize);
            self.keys.push(ItemKey {
                first_field,
                mask: item_mask,
            });
            if let Some((items, texts)) = &mut copy {
                items.push(ItemText {
                    id: item.id.map(|id| texts.put(id)),
                    text: texts.put(item.text),
                    by: item.by.as_ref().map(|(id, name)| {
                        let name = match name {
                            std::borrow::Cow::Borrowed(n) => texts.put(n),
                            // A speaker worded with a role: made for this item.
                            std::borrow::Cow::Owned(n) => push(texts.buf, n),
                        };
                        (texts.put(id), name)
                    }),
                    quote_kind: item.quote_kind,
                });
            }
        }
        drop(copy);
        self.copied = copied;
    }

    /// Counts the item whose fields are `fields[first_field..]` (the next item) in
    /// the one-letter answers, scored as the engine scores a one-letter query: its
    /// best field for the letter, and the whole-name bonus when a name or speaker
    /// is that letter alone.
    fn letter_scores(&mut self, first_field: usize) {
        let mut scores = [None; LETTERS];
        let mut named = None;
        for field in &self.fields[first_field..] {
            let (role, heads) = (field.role(), field.heads);
            let mut letters = field.mask & ((1 << LETTERS) - 1);
            while letters != 0 {
                let b = letters.trailing_zeros() as usize;
                letters &= letters - 1;
                let score = matcher::letter_score(role, heads & 1 << b != 0);
                scores[b] = Some(scores[b].map_or(score, |s: i32| s.max(score)));
            }
            // A name that is one letter alone holds no other letter.
            let only = field.mask & ((1 << LETTERS) - 1);
            if named.is_none()
                && only.count_ones() == 1
                && matches!(role, Role::Name | Role::Speaker)
            {
                let b = only.trailing_zeros() as usize;
                let pattern = &letter_patterns()[b];
                let text = field.span().of(&self.folded);
                if pattern.may_be_whole_name(field.mask, field.heads) && pattern.is_whole_name(text)
                {
                    named = Some(b);
                }
            }
        }
        if let Some(b) = named {
            scores[b] = scores[b].map(|s| s.saturating_add(FULL_NAME_BONUS));
        }
        let item = self.keys.len() as u32;
        self.letters.add(item, &scores);
    }

    /// The field of this text (folded here): a new one, or an earlier one of the
    /// same text in another role, or a long one read as written from `buffer`
    /// (its story's) when it is a span of it.
    fn field(&mut self, role: Role, text: &str, buffer: Option<&Buffer>) -> Field {
        let start = self.folded.len();
        super::fold::fold_into(text, &mut self.folded);
        if self.folded.len() - start > MAX_FIELD_LEN {
            let mut end = start + MAX_FIELD_LEN;
            while !self.folded.is_char_boundary(end) {
                end -= 1;
            }
            self.folded.truncate(end);
        }
        let folded = &self.folded[start..];
        let span = Span {
            start: start as u32,
            len: folded.len() as u32,
        };
        let written = buffer.and_then(|b| Some((b, written_at(b, role, text, folded)?)));
        if let Some((buffer, at)) = written {
            let field = Field::new(span, role, matcher::masks(folded));
            self.folded.truncate(start);
            if !self.buffers.last().is_some_and(|b| b.same(buffer)) {
                self.buffers.push(buffer.clone());
            }
            self.links
                .push(Link::Written(self.buffers.len() as u32 - 1));
            return Field {
                start: at,
                len_role: field.len_role | WRITTEN,
                ..field
            };
        }
        if folded.len() > SHARED_LEN {
            self.links.push(Link::Long);
            return Field::new(span, role, matcher::masks(folded));
        }
        let hash = text_hash(folded);
        let n = self.fields.len() as u32;
        match self.first_of_text.entry(hash) {
            Entry::Occupied(first) => {
                let i = *first.get();
                let earlier = self.fields[i as usize];
                if earlier.span().of(&self.folded) == folded {
                    self.folded.truncate(start);
                    self.links.push(Link::Same(i));
                    return earlier.with_role(role);
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(n);
            }
        }
        self.links.push(Link::New(hash));
        Field::new(span, role, matcher::masks(folded))
    }
}

/// Where `text` starts in `buffer` when the index reads it as written: a main
/// text or detail whose folded form (`folded`) is it lower-cased, a span of the
/// buffer.
fn written_at(buffer: &Buffer, role: Role, text: &str, folded: &str) -> Option<u32> {
    if folded.len() != text.len() {
        return None;
    }
    let at = plain_at(buffer, role, text)?;
    debug_assert!(text.eq_ignore_ascii_case(folded));
    Some(at)
}

/// Where `text` starts in `buffer` when it is a main text or detail, ASCII
/// without control characters (folding it only lower-cases it), a span of the
/// buffer: what [`written_at`] asks before folding. A short one too (issue 19):
/// most are written once in the corpus (an event's title, a short quote), so
/// keeping it folded (stored once) took the bytes of nearly every one (about
/// 80 MB at 100,000 stories), where reading it takes none.
fn plain_at(buffer: &Buffer, role: Role, text: &str) -> Option<u32> {
    let fits = !text.is_empty() && text.len() <= MAX_FIELD_LEN;
    if !fits || !matches!(role, Role::Main | Role::Detail) {
        return None;
    }
    // Folding an ASCII text without control characters only lower-cases it.
    let plain = text.bytes().all(|b| b.is_ascii() && !b.is_ascii_control());
    if !plain {
        return None;
    }
    u32::try_from(buffer.offset_of(text)?).ok()
}

/// Fields per entry of [`Index::written_blocks`] (a power of two).
const WRITTEN_BLOCK: u32 = 1 << 10;

/// Stories indexed per parallel step: bounds the memory of the parts in flight
/// (two steps' at most: one being appended while the next is built).
const STORIES_PER_STEP: usize = 64;

impl Clone for Index {
    /// A copy that grows apart (the stories it shows are shared).
    fn clone(&self) -> Index {
        Index {
            keys: self.keys.clone(),
            firsts: self.firsts.clone(),
            fields: self.fields.clone(),
            folded: self.folded.clone(),
            buffers: self.buffers.clone(),
            written_from: self.written_from.clone(),
            written_blocks: self.written_blocks.clone(),
            shown: self.shown.clone(),
            matcher: matcher::skim(),
            shared: self.shared.clone(),
            expected: self.expected,
            grows: self.grows,
            letters: self.letters.clone(),
            pairs: self.pairs.clone(),
            names: self.names.clone(),
            words: self.words.clone(),
        }
    }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("items", &self.keys.len())
            .field("fields", &self.fields.len())
            .field("folded_bytes", &self.folded.len())
            .field(
                "written",
                &self.fields.iter().filter(|f| f.written()).count(),
            )
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

/// A per-word result (kept in 16 bits: a contiguous score is positive, a skim
/// score is kept negative, see [`keep_fuzzy`]) meaning "found only scattered, its
/// score not computed".
pub(crate) const SCATTERED: i16 = i16::MIN;
/// A per-word result meaning "found contiguously, with a score too high for 16
/// bits" (a word of a thousand letters): it is computed again.
pub(crate) const NOT_KEPT: i16 = i16::MIN + 1;
/// Added to a skim score before it is kept (skim scores less the detail penalty
/// may be a little below zero).
const FUZZY_OFFSET: i64 = 1024;

/// What a kept per-word result says of the word in the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kept {
    /// Found contiguously, with this score.
    Contiguous(i32),
    /// Found only scattered, with this skim score (computed by the second pass
    /// of an earlier query: a query keeping this word does not run skim again).
    Fuzzy(i32),
    /// Found only scattered, its score not computed.
    Scattered,
    /// Nothing kept: compute.
    Unknown,
}

impl Kept {
    pub(crate) fn of(v: i16) -> Kept {
        match v {
            SCATTERED => Kept::Scattered,
            NOT_KEPT | 0 => Kept::Unknown,
            v if v > 0 => Kept::Contiguous(v.into()),
            v => Kept::Fuzzy((-1 - i64::from(v) - FUZZY_OFFSET) as i32),
        }
    }
}

/// How a skim score is kept: negative, between [`NOT_KEPT`] and 0 ([`SCATTERED`]
/// when it does not fit).
pub(crate) fn keep_fuzzy(score: i32) -> i16 {
    let v = -1 - (i64::from(score) + FUZZY_OFFSET);
    if (i64::from(NOT_KEPT) + 1..=-1).contains(&v) {
        v as i16
    } else {
        SCATTERED
    }
}

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

/// Exact counts and bounds of what some stories' index holds.
#[derive(Debug, Clone, Copy, Default)]
struct Sizes {
    items: usize,
    fields: usize,
    /// The bytes of the texts to fold (a bound: a short text met before is not
    /// stored again).
    folded: usize,
    /// The fields read as written from their story (an index sharing its stories).
    written: usize,
    /// The bytes of the texts hits show (when copied).
    shown: usize,
}

impl Sizes {
    fn plus(self, o: Sizes) -> Sizes {
        Sizes {
            items: self.items + o.items,
            fields: self.fields + o.fields,
            folded: self.folded + o.folded,
            written: self.written + o.written,
            shown: self.shown + o.shown,
        }
    }
}

/// What some stories' index holds ([`Sizes`]); `sharing`: an index that reads
/// plain main texts and details from its stories (not counted among the texts to fold, so
/// that the buffer of folded texts is not sized for them, then copied smaller
/// when the index settles: at 100,000 stories that copy was the memory's peak).
fn sizes(stories: &[Arc<Story>], sharing: bool) -> Sizes {
    stories
        .par_iter()
        .map(|story| {
            let buffer = sharing.then(|| story.id.buffer());
            let head = Sizes {
                shown: story.id.len() + story.title.len(),
                ..Sizes::default()
            };
            story_items(0, story).iter().fold(head, |s, item| {
                let (mut folded, mut written) = (0, 0);
                for f in &item.fields {
                    if buffer
                        .as_ref()
                        .is_some_and(|b| plain_at(b, f.role, &f.text).is_some())
                    {
                        written += 1;
                    } else {
                        folded += f.text.len();
                    }
                }
                let id = item.id.map_or(0, str::len);
                let by = item.by.as_ref().map_or(0, |(a, b)| a.len() + b.len());
                s.plus(Sizes {
                    items: 1,
                    fields: item.fields.len(),
                    folded,
                    written,
                    shown: id + item.text.len() + by,
                })
            })
        })
        .reduce(Sizes::default, Sizes::plus)
}

/// Builds an index story by story, for a caller that loads stories in batches:
/// [`Builder::sharing`] for one that keeps them, [`Builder::copying`] for one that
/// lets them go (the index then keeps copies of the texts hits show).
pub struct Builder {
    index: Index,
}

impl Builder {
    fn new(shown: Shown, expected: usize) -> Builder {
        Builder {
            index: Index {
                keys: Vec::new(),
                firsts: Vec::new(),
                fields: Vec::new(),
                folded: String::new(),
                buffers: Vec::new(),
                written_from: Vec::new(),
                written_blocks: Vec::new(),
                shown,
                matcher: matcher::skim(),
                shared: Shared::default(),
                expected,
                grows: false,
                letters: Letters::default(),
                pairs: std::sync::OnceLock::new(),
                names: std::sync::OnceLock::new(),
                words: std::sync::OnceLock::new(),
            },
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
        self.index.add(first, stories);
    }

    /// The index, its buffers fitted ([`Index::settle`]).
    pub fn finish(mut self) -> Index {
        self.index.settle();
        self.index
    }

    /// The index as it is, ready to search and to grow by more stories
    /// ([`Index::add`]) without storing a short text again.
    pub fn growing(mut self) -> Index {
        self.index.grows = true;
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

    /// Indexes more stories, the corpus's stories `first..` (the next ones: an
    /// index grows in corpus order), in parallel. Each story is indexed once, when
    /// it is added; the items already there keep their numbers.
    pub fn add(&mut self, first: usize, stories: &[Arc<Story>]) {
        // The two-letter answers no longer cover every item.
        self.pairs = std::sync::OnceLock::new();
        self.names = std::sync::OnceLock::new();
        self.words = std::sync::OnceLock::new();
        let copying = matches!(self.shown, Shown::Copied(_));
        let Sizes {
            items,
            fields,
            folded: bytes,
            written,
            shown,
        } = sizes(stories, !copying);
        if self.keys.is_empty() && !stories.is_empty() {
            // The first stories tell the size of the rest: grow once, not by doubling
            // (with room to spare: capacity never written to costs no memory).
            let expected = self.expected;
            let scale = |n: usize| {
                let all = expected.max(stories.len());
                let n = n.saturating_mul(all) / stories.len();
                if all > stories.len() {
                    n + n / 4
                } else {
                    n
                }
            };
            self.keys.reserve_exact(scale(items));
            self.firsts.reserve_exact(scale(stories.len()));
            self.fields.reserve_exact(scale(fields));
            self.folded.reserve_exact(scale(bytes));
            if written > 0 {
                self.written_from.reserve_exact(scale(stories.len()));
            }
            match &mut self.shown {
                Shown::Shared(all) => all.reserve_exact(scale(stories.len())),
                Shown::Copied(c) => {
                    c.items.reserve_exact(scale(items));
                    c.text.reserve_exact(scale(shown));
                    c.stories.reserve_exact(scale(stories.len()));
                }
            }
        } else {
            self.keys.reserve(items);
            self.firsts.reserve(stories.len());
            self.fields.reserve(fields);
            self.folded.reserve(bytes);
            if written > 0 {
                self.written_from.reserve(stories.len());
            }
            match &mut self.shown {
                Shown::Shared(all) => all.reserve(stories.len()),
                Shown::Copied(c) => {
                    c.items.reserve(items);
                    c.text.reserve(shown);
                    c.stories.reserve(stories.len());
                }
            }
        }
        debug_assert_eq!(first, self.firsts.len(), "stories come in corpus order");
        if let Shown::Shared(all) = &mut self.shown {
            all.extend(stories.iter().cloned());
        }
        // Each step's parts are appended (on one thread: texts are looked up in
        // the whole index) while the next step's are built.
        let mut shared = std::mem::take(&mut self.shared);
        let mut built: Option<Vec<Part>> = None;
        for (step, chunk) in stories.chunks(STORIES_PER_STEP).enumerate() {
            let at = first + step * STORIES_PER_STEP;
            let build = || -> Vec<Part> {
                chunk
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
                    .collect()
            };
            built = Some(match built.take() {
                None => build(),
                Some(parts) => rayon::join(build, || self.append_all(parts, &mut shared)).0,
            });
        }
        if let Some(parts) = built {
            self.append_all(parts, &mut shared);
        }
        self.shared = shared;
    }

    /// Fits the buffers and forgets where the short texts are: the index is
    /// complete (it may still grow, storing the short texts of what comes again).
    pub fn settle(&mut self) {
        self.shared = Shared::default();
        // Texts stored once leave room at the end of the buffers (sized for every
        // text), as does a corpus smaller than expected. In an index that grows
        // (the explorer's), the folded texts' room is kept: never written, it
        // holds no memory, and fitting the buffer would copy it while the old one
        // is still there (at 100,000 stories, the process's peak; issue 19).
        if !self.grows && self.folded.capacity() > self.folded.len() * 9 / 8 {
            self.folded.shrink_to_fit();
        }
        if self.keys.capacity() > self.keys.len() * 9 / 8 {
            self.keys.shrink_to_fit();
            self.fields.shrink_to_fit();
            self.firsts.shrink_to_fit();
        }
        self.buffers.shrink_to_fit();
        self.written_from.shrink_to_fit();
        self.written_blocks.shrink_to_fit();
        match &mut self.shown {
            Shown::Copied(c) => {
                if c.text.capacity() > c.text.len() * 5 / 4 {
                    c.text.shrink_to_fit();
                }
            }
            Shown::Shared(all) => all.shrink_to_fit(),
        }
    }

    /// How many stories the index holds.
    pub fn stories(&self) -> usize {
        self.firsts.len()
    }

    fn append_all(&mut self, parts: Vec<Part>, shared: &mut Shared) {
        for part in parts {
            self.append(part, shared);
        }
    }

    /// Appends a part: its short texts already in the buffer are not stored again.
    fn append(&mut self, part: Part, shared: &mut Shared) {
        let fields_at = self.fields.len() as u32;
        let items_at = self.keys.len() as u32;
        if let (Shown::Copied(into), Some(part)) = (&mut self.shown, part.copied) {
            into.append(part);
        }
        self.firsts
            .extend(part.firsts.into_iter().map(|f| f.map(|i| i + items_at)));
        // The part's buffers, numbered in the index (the last one may be the
        // same as the index's last: stories come in order).
        let joins = self
            .buffers
            .last()
            .zip(part.buffers.first())
            .is_some_and(|(a, b)| a.same(b));
        let buffers_at = self.buffers.len() as u32 - u32::from(joins);
        self.buffers
            .extend(part.buffers.into_iter().skip(usize::from(joins)));
        for (field, link) in part.fields.into_iter().zip(part.links) {
            let start = match link {
                Link::Same(i) => self.fields[fields_at as usize + i as usize].start,
                Link::New(hash) => {
                    let text = field.span().of(&part.folded);
                    shared.put_short(&mut self.folded, text, hash).start
                }
                Link::Long => push(&mut self.folded, field.span().of(&part.folded)).start,
                Link::Written(buffer) => {
                    // A buffer's first field read from it: where it starts.
                    if (buffer + buffers_at) as usize == self.written_from.len() {
                        self.written_from.push(self.fields.len() as u32);
                    }
                    field.start
                }
            };
            if (self.fields.len() as u32).is_multiple_of(WRITTEN_BLOCK) {
                self.written_blocks.push(self.written_from.len() as u32);
            }
            self.fields.push(Field { start, ..field });
        }
        self.letters.append(part.letters, items_at);
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

    /// The kind of an item the index holds.
    pub fn kind(&self, item: u32) -> Kind {
        let firsts = &self.firsts[self.story_of(item).unwrap_or(0)];
        // The last kind starting at the item or before (kinds without items start
        // where the next one does).
        Kind::ALL[firsts.partition_point(|&first| first <= item).max(1) - 1]
    }

    /// The corpus index of an item's story (`None` past the last item).
    fn story_of(&self, item: u32) -> Option<usize> {
        if item as usize >= self.keys.len() {
            return None;
        }
        self.firsts.partition_point(|f| f[0] <= item).checked_sub(1)
    }

    /// The answer to a one-letter query for at most [`LETTER_ROWS`] rows of any
    /// kind, from the table kept as the index grows: how many items hold the
    /// letter, and the best `options.limit` (score, item), ranked. `None` for
    /// any other query.
    pub(crate) fn letter_answer(
        &self,
        pattern: &Pattern,
        options: &super::Options,
    ) -> Option<(usize, &[(i32, u32)])> {
        let [word] = pattern.words.as_slice() else {
            return None;
        };
        let b = word.letter()?;
        if options.kind.is_some() || options.limit > LETTER_ROWS {
            return None;
        }
        let top = &self.letters.top[b];
        Some((self.letters.count[b], &top[..top.len().min(options.limit)]))
    }

    /// The answer to a two-letter query (see [`super::pairs`]) when the index
    /// holds the two-letter answers and this one is exact for the rows asked.
    pub(crate) fn pair_answer(
        &self,
        pattern: &Pattern,
        options: &super::Options,
    ) -> Option<(usize, &[(i32, u32)])> {
        if options.kind.is_some() {
            return None;
        }
        self.pairs.get()?.answer(pattern, options.limit)
    }

    /// The bytes of the two-letter answers and the names directory, once built.
    pub fn idle_bytes(&self) -> usize {
        self.pairs.get().map_or(0, super::pairs::Pairs::bytes)
            + self.names.get().map_or(0, super::names::Names::bytes)
            + self.words.get().map_or(0, super::words::Words::bytes)
    }

    /// Whether the index holds the two-letter answers.
    pub fn has_pairs(&self) -> bool {
        self.pairs.get().is_some() && self.names.get().is_some() && self.words.get().is_some()
    }

    /// Takes the two-letter answers built over every item of this index (see
    /// [`super::pairs::Building`]); false when they are not for this index as it is.
    pub(crate) fn set_pairs(&self, pairs: super::pairs::Pairs) -> bool {
        pairs.items() == self.keys.len() as u32 && self.pairs.set(pairs).is_ok()
    }

    /// Takes the names directory built over every item of this index.
    pub(crate) fn set_names(&self, names: super::names::Names) -> bool {
        names.covers() == self.keys.len() as u32 && self.names.set(names).is_ok()
    }

    /// The names directory, once built.
    pub(crate) fn names(&self) -> Option<&super::names::Names> {
        self.names.get()
    }

    /// Takes the words of main texts and details of every item of this index.
    pub(crate) fn set_words(&self, words: super::words::Words) -> bool {
        words.covers() == self.keys.len() as u32 && self.words.set(words).is_ok()
    }

    /// The words of main texts and details, once built.
    pub(crate) fn words(&self) -> Option<&super::words::Words> {
        self.words.get()
    }

    /// The buffer of folded texts.
    pub(crate) fn folded(&self) -> &str {
        &self.folded
    }

    /// What matching reads of an item's fields.
    pub(crate) fn item_refs(&self, item: u32) -> impl Iterator<Item = FieldRef<'_>> + Clone {
        self.refs(item)
    }

    /// The items of this kind in `range`, in order.
    pub(crate) fn items_of(
        &self,
        kind: Kind,
        range: std::ops::Range<u32>,
    ) -> impl Iterator<Item = u32> + '_ {
        let k = kind as usize;
        let from = self.story_of(range.start).unwrap_or(self.firsts.len());
        self.firsts[from..]
            .iter()
            .enumerate()
            .take_while(move |(_, f)| f[0] < range.end)
            .flat_map(move |(i, f)| {
                let end = match f.get(k + 1) {
                    Some(&next_kind) => next_kind,
                    None => self
                        .firsts
                        .get(from + i + 1)
                        .map_or(self.keys.len() as u32, |next_story| next_story[0]),
                };
                f[k].max(range.start)..end.min(range.end)
            })
    }

    /// The fields of an item (up to the next item's first).
    #[inline]
    fn item_fields(&self, item: u32) -> &[Field] {
        let i = item as usize;
        let first = self.keys[i].first_field as usize;
        let end = self
            .keys
            .get(i + 1)
            .map_or(self.fields.len(), |next| next.first_field as usize);
        &self.fields[first..end]
    }

    #[cfg(test)]
    fn fields(&self, item: u32) -> impl Iterator<Item = FieldRef<'_>> + Clone {
        self.refs(item)
    }

    /// The bytes the index holds to find the texts it reads as written.
    #[cfg(test)]
    fn written_table_bytes(&self) -> usize {
        self.buffers.capacity() * std::mem::size_of::<Buffer>()
            + (self.written_from.capacity() + self.written_blocks.capacity())
                * std::mem::size_of::<u32>()
    }

    /// The buffer a field read as written (by its number) is a span of.
    #[inline]
    fn written_buffer(&self, field: u32) -> &str {
        let mut b = self.written_blocks[(field / WRITTEN_BLOCK) as usize] as usize;
        while self
            .written_from
            .get(b)
            .is_some_and(|&first| first <= field)
        {
            b += 1;
        }
        self.buffers[b - 1].as_str()
    }

    /// What matching reads of an item's fields.
    #[inline]
    fn refs(&self, item: u32) -> impl Iterator<Item = FieldRef<'_>> + Clone {
        let first = self.keys[item as usize].first_field;
        self.item_fields(item).iter().zip(first..).map(|(f, n)| {
            let span = f.span();
            if f.written() {
                let buffer = self.written_buffer(n);
                return FieldRef::of(buffer, span.start, span.len, f.role(), (f.mask, f.heads))
                    .as_written();
            }
            FieldRef::of(
                &self.folded,
                span.start,
                span.len,
                f.role(),
                (f.mask, f.heads),
            )
        })
    }

    /// The bonus of an item with these fields when the whole query is one of its names.
    fn full_name_bonus(&self, fields: &[Field], pattern: &Pattern) -> i32 {
        let named = fields.iter().any(|f| {
            pattern.may_be_whole_name(f.mask, f.heads)
                && matches!(f.role(), Role::Name | Role::Speaker)
                && pattern.is_whole_name(f.span().of(&self.folded))
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
    /// contiguous score, its kept skim score, or [`SCATTERED`]) is pushed onto `out`
    /// unless the item misses.
    #[inline(always)]
    pub(crate) fn partial(
        &self,
        item: u32,
        pattern: &Pattern,
        priors: &[Prior],
        cached: &[i16],
        out: &mut Vec<i16>,
    ) -> Partial {
        if pattern.mask & !self.keys[item as usize].mask != 0 {
            return Partial::Miss;
        }
        let item_fields = self.item_fields(item);
        let fields = self.refs(item);
        let start = out.len();
        let mut sum: i32 = 0;
        let mut scattered = false;
        for (j, word) in pattern.words.iter().enumerate() {
            let prior = priors.get(j).copied().unwrap_or(Prior::Unknown);
            let known = cached.get(j).map_or(Kept::Unknown, |&v| Kept::of(v));
            let contiguous = match (prior, known) {
                (Prior::Same, Kept::Contiguous(s)) => Some(s),
                (Prior::Same, Kept::Fuzzy(s)) => {
                    // Found scattered, its skim score known: exact.
                    sum = sum.saturating_add(s);
                    out.push(keep_fuzzy(s));
                    continue;
                }
                (Prior::Same | Prior::Extends, Kept::Scattered | Kept::Fuzzy(_)) => None,
                _ => matcher::best_contiguous(fields.clone(), word),
            };
            match contiguous {
                Some(score) => {
                    sum = sum.saturating_add(score);
                    out.push(i16::try_from(score).unwrap_or(NOT_KEPT));
                }
                None => {
                    let known_match = prior == Prior::Same && known == Kept::Scattered;
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
        sum = sum.saturating_add(self.full_name_bonus(item_fields, pattern));
        if scattered {
            Partial::Bounded(sum)
        } else {
            Partial::Exact(sum)
        }
    }

    /// Reads ahead what [`Index::partial`] reads of these items (at most
    /// [`WARM`]) for a query whose words have these `priors`: their keys, their
    /// fields, and the start of each text a word still to be matched may be in,
    /// stage by stage for all of them, so that their reads of memory overlap
    /// instead of each waiting for the one before it (an item's key, then its
    /// fields, then its texts). A query's candidates are scattered over an index
    /// far larger than the caches: at 100,000 stories those waits were most of
    /// a keystroke's time. Changes nothing; what it returns only keeps the reads.
    #[inline(never)]
    pub(crate) fn warm(&self, items: &[u32], pattern: &Pattern, priors: &[Prior]) -> u32 {
        // The words whose texts the first pass reads (an unchanged word's
        // result is the kept one).
        let mut words = [0u32; 8];
        let mut n = 0;
        for (j, word) in pattern.words.iter().enumerate() {
            if priors.get(j) != Some(&Prior::Same) && n < words.len() {
                words[n] = word.mask;
                n += 1;
            }
        }
        let words = &words[..n];
        let mut seen = 0u32;
        // The items' fields.
        let mut ranges = [(0u32, 0u32); WARM];
        for (range, &item) in ranges.iter_mut().zip(items) {
            let i = item as usize;
            let key = self.keys[i];
            if pattern.mask & !key.mask == 0 {
                let end = self
                    .keys
                    .get(i + 1)
                    .map_or(self.fields.len() as u32, |next| next.first_field);
                *range = (key.first_field, end);
            }
        }
        // Their fields' first and last (an item's fields are together), read
        // before anything is decided on them.
        for &(first, end) in &ranges {
            if first < end {
                let (first, last) = (&self.fields[first as usize], &self.fields[end as usize - 1]);
                seen = seen.wrapping_add(first.mask ^ last.mask);
            }
        }
        // Where their texts are: in the folded buffer, or (read as written) in
        // their story's buffer (found by the field's number).
        let mut texts = [(0u32, 0u32, false); 4 * WARM];
        let mut t = 0;
        for &(first, end) in &ranges {
            for (f, n) in self.fields[first as usize..end as usize]
                .iter()
                .zip(first..)
            {
                if t < texts.len() && words.iter().any(|&w| w & !f.mask == 0) {
                    texts[t] = (n, f.start, f.written());
                    t += 1;
                }
            }
        }
        let folded = self.folded.as_bytes();
        for &(n, start, written) in &texts[..t] {
            let byte = if written {
                self.written_buffer(n).as_bytes().get(start as usize)
            } else {
                folded.get(start as usize)
            };
            seen = seen.wrapping_add(byte.copied().unwrap_or(0).into());
        }
        seen
    }

    /// The item's full score (skim for words found only scattered), `None` when some word misses.
    pub(crate) fn score(&self, item: u32, pattern: &Pattern) -> Option<i32> {
        self.score_known(item, pattern, None, |_, _| {}, None)
    }

    /// [`Index::score`], reusing the first pass's per-word results when given (then
    /// only the words found scattered and not scored yet are matched again, by
    /// skim: `learn` is told each such word's kept result, by its place), and the
    /// skim scores of texts scored before for the same words when `memo` holds
    /// one [`matcher::SkimMemo`] per word.
    pub(crate) fn score_known<'a>(
        &'a self,
        item: u32,
        pattern: &Pattern,
        known: Option<&[i16]>,
        mut learn: impl FnMut(usize, i16),
        mut memo: Option<&mut [matcher::SkimMemo<'a>]>,
    ) -> Option<i32> {
        if pattern.mask & !self.keys[item as usize].mask != 0 {
            return None;
        }
        let item_fields = self.item_fields(item);
        let fields: Vec<FieldRef<'a>> = self.refs(item).collect();
        let mut sum: i32 = 0;
        for (j, word) in pattern.words.iter().enumerate() {
            let kept = known
                .and_then(|k| k.get(j))
                .map_or(Kept::Unknown, |&v| Kept::of(v));
            let memo = memo.as_deref_mut().and_then(|m| m.get_mut(j));
            let score = match kept {
                Kept::Scattered => {
                    let s = self.fuzzy_best(&fields, word, memo)?;
                    learn(j, keep_fuzzy(s));
                    s
                }
                Kept::Contiguous(s) | Kept::Fuzzy(s) => s,
                Kept::Unknown => match fields
                    .iter()
                    .filter_map(|f| matcher::contiguous(f, word))
                    .max()
                {
                    Some(s) => s,
                    None => self.fuzzy_best(&fields, word, memo)?,
                },
            };
            sum = sum.saturating_add(score);
        }
        Some(sum.saturating_add(self.full_name_bonus(item_fields, pattern)))
    }

    /// The best skim score of `word` in any of the fields (as
    /// [`matcher::word_score`] when the word is nowhere contiguous).
    fn fuzzy_best<'a>(
        &'a self,
        fields: &[FieldRef<'a>],
        word: &matcher::Word,
        memo: Option<&mut matcher::SkimMemo<'a>>,
    ) -> Option<i32> {
        match memo {
            Some(memo) => fields
                .iter()
                .filter_map(|f| matcher::fuzzy_remembered(&self.matcher, f, word, memo))
                .max(),
            None => fields
                .iter()
                .filter_map(|f| matcher::fuzzy(&self.matcher, f, word))
                .max(),
        }
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
        let si = self.story_of(item)?;
        let kind = self.kind(item);
        let index = (item - self.firsts[si][kind as usize]) as usize;
        let shown = match &self.shown {
            Shown::Shared(stories) => {
                let story = stories.get(si)?;
                let item = items::item(si, story, kind, index)?;
                self.shown_hit(story.id.as_str(), story.title.as_str(), &item)
            }
            Shown::Copied(c) => {
                let texts = c.text.as_str();
                let shown = c.items.get(item as usize)?;
                let (story_id, story_title) = *c.stories.get(si)?;
                let item = ItemRef {
                    kind,
                    story: si,
                    index,
                    id: shown.id.map(|id| id.of(texts)),
                    text: shown.text.of(texts),
                    by: shown
                        .by
                        .map(|(id, name)| (id.of(texts), name.of(texts).into())),
                    quote_kind: shown.quote_kind,
                    fields: Vec::new(),
                };
                self.shown_hit(story_id.of(texts), story_title.of(texts), &item)
            }
        };
        let text_role = self.item_fields(item).first()?.role();
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

    /// Which field a hit of this index matched in and the text around the match
    /// ([`super::snippet::matched`]), read from the story: for an index that shares
    /// its stories (the explorer); `None` for one that copied what hits show.
    pub fn matched(&self, hit: &Hit, query: &str) -> Option<super::snippet::Matched> {
        match &self.shown {
            Shown::Shared(stories) => {
                super::snippet::matched(stories.get(hit.story)?, hit.kind, hit.index, query)
            }
            Shown::Copied(_) => None,
        }
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
            by: item.by.as_ref().map(|(id, _)| id.to_string()),
            by_name: item.by.as_ref().map(|(_, name)| name.to_string()),
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
                let folded: Vec<&str> = index.fields(i as u32).map(|f| f.text()).collect();
                let want: Vec<String> = item
                    .fields
                    .iter()
                    .map(|f| super::super::fold::fold(&f.text))
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
                    item.by.as_ref().map(|(a, b)| (*a, b.as_ref())),
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
            let a: Vec<_> = whole
                .fields(i)
                .map(|f| (f.text(), f.mask, f.heads))
                .collect();
            let b: Vec<_> = batched
                .fields(i)
                .map(|f| (f.text(), f.mask, f.heads))
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

    /// A corpus of stories written as story files.
    fn loaded(files: &[String]) -> Corpus {
        Corpus::from_results(
            files
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let path = std::path::PathBuf::from(format!("s{i}.yaml"));
                    let result = crate::story::parse::parse_str(&path, text);
                    assert!(result.story.is_some(), "{:?}", result.diagnostics);
                    result
                })
                .collect(),
        )
    }

    /// A story whose first party has `aliases` aliases, the last one `last`, and a
    /// second party after it.
    fn many_aliases(id: &str, aliases: usize, last: &str) -> String {
        let mut yaml = format!(
            "id: {id}\ntitle: Many names\nparties:\n  - id: many\n    name: Many Names\n    \
             position: Has a great many names.\n    aliases:\n"
        );
        for i in 1..aliases {
            yaml.push_str(&format!("      - Alias number {i}\n"));
        }
        yaml.push_str(&format!("      - {last}\n"));
        yaml.push_str(
            "  - id: next\n    name: Next Party\n    position: Comes after.\n\
             quotes:\n  - by: many\n    text: Said once.\n",
        );
        yaml
    }

    /// Queries made from the corpus's texts: words whole, their starts, insides
    /// and letters left out, two words, initials, words with capitals and accents.
    fn queries_from(corpus: &Corpus, n: usize) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for story in &corpus.stories {
            for q in &story.quotes {
                words.extend(q.text.split_whitespace().map(str::to_string));
            }
            for p in &story.parties {
                words.extend(
                    p.position
                        .iter()
                        .flat_map(|t| t.split_whitespace())
                        .map(str::to_string),
                );
            }
            for e in &story.timeline {
                words.extend(
                    e.detail
                        .iter()
                        .flat_map(|t| t.split_whitespace())
                        .map(str::to_string),
                );
            }
        }
        assert!(words.len() > 1000, "{} words", words.len());
        let mut rng = crate::synth::Rng::new(19);
        let mut queries = vec!["the".to_string(), "a".into(), "zz".into(), "Zürich".into()];
        while queries.len() < n {
            let w = &words[rng.below(words.len())];
            let chars: Vec<char> = w.chars().collect();
            let cut = |a: usize, b: usize| {
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .collect::<String>()
            };
            let q = match rng.below(7) {
                0 => w.clone(),
                1 => cut(0, 1 + rng.below(chars.len().max(1))),
                2 => cut(1, 2 + rng.below(4)),
                // Letters left out: found scattered.
                3 => chars.iter().step_by(2).collect(),
                4 => format!("{w} {}", words[rng.below(words.len())]),
                // Initials of consecutive words.
                5 => {
                    let at = rng.below(words.len() - 3);
                    words[at..at + 2 + rng.below(2)]
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect()
                }
                _ => w.to_uppercase(),
            };
            if !q.trim().is_empty() {
                queries.push(q);
            }
        }
        queries
    }

    #[test]
    fn long_texts_read_as_written_from_packed_stories_answer_as_folded_copies() {
        // The explorer's stories are packed: an index sharing them reads their long
        // ASCII texts from the stories; a copying one keeps every text folded.
        let mut corpus = crate::synth::corpus(60);
        let mut stories: Vec<Story> = corpus.stories.iter().map(|s| (**s).clone()).collect();
        for group in stories.chunks_mut(16) {
            Story::pack_together(&mut group.iter_mut().collect::<Vec<_>>());
        }
        corpus.stories = stories.into_iter().map(Arc::new).collect();
        let [(_, sharing), (_, copying)] = built(&corpus);
        assert!(
            sharing.fields.iter().any(|f| f.written())
                && !copying.fields.iter().any(|f| f.written()),
            "{sharing:?} {copying:?}"
        );
        assert!(
            sharing.folded.len() * 2 < copying.folded.len(),
            "{sharing:?} {copying:?}"
        );
        for index in [&sharing, &copying] {
            super::super::pairs::build(index);
            assert!(index.has_pairs());
        }
        let (sharing, copying) = (Arc::new(sharing), Arc::new(copying));
        let options = super::super::Options {
            limit: 40,
            kind: None,
        };
        let mut typing = [
            super::super::Searcher::new(Arc::clone(&sharing)),
            super::super::Searcher::new(Arc::clone(&copying)),
        ];
        for q in queries_from(&corpus, 400) {
            let [a, b] = &mut typing;
            // Typed a character at a time, each answer compared.
            let mut typed = String::new();
            for c in q.chars() {
                typed.push(c);
                assert_eq!(
                    a.page(&typed, &options),
                    b.page(&typed, &options),
                    "{typed}"
                );
                assert_eq!(
                    a.search(&typed, &options),
                    b.search(&typed, &options),
                    "{typed}"
                );
            }
            let whole = sharing.search(&q, &options);
            assert_eq!(whole, copying.search(&q, &options), "{q}");
            assert_eq!(
                whole,
                super::super::engine::reference(&sharing, &q, &options),
                "{q}"
            );
        }
    }

    #[test]
    fn main_texts_and_details_are_read_as_written_taking_no_bytes_of_their_own() {
        // Where a text read as written is in its story's buffer is told by its
        // field and the buffers' first fields: 4 bytes a buffer (and 4 a block of
        // fields, to find a field's buffer in a step or two), none a text.
        let mut corpus = crate::synth::corpus(60);
        let mut stories: Vec<Story> = corpus.stories.iter().map(|s| (**s).clone()).collect();
        for group in stories.chunks_mut(4) {
            Story::pack_together(&mut group.iter_mut().collect::<Vec<_>>());
        }
        corpus.stories = stories.into_iter().map(Arc::new).collect();
        let [(_, sharing), _] = built(&corpus);
        let written = sharing.fields.iter().filter(|f| f.written()).count();
        assert!(written > 1000, "{sharing:?}");
        assert_eq!(sharing.buffers.len(), 15, "one buffer a group of stories");
        let bytes = sharing.written_table_bytes();
        assert!(
            bytes
                <= 15 * (4 + std::mem::size_of::<Buffer>())
                    + 4 * sharing.fields.len().div_ceil(WRITTEN_BLOCK as usize),
            "{bytes} bytes for {written} texts read as written"
        );
        let mut item = 0;
        let mut short = 0;
        for (si, story) in corpus.stories.iter().enumerate() {
            for expected in story_items(si, story) {
                // Every plain main text or detail of the story is read from it,
                // a short one (an event's title) too: none is kept folded.
                for (f, read) in expected.fields.iter().zip(sharing.fields(item)) {
                    let plain = matches!(f.text, std::borrow::Cow::Borrowed(_))
                        && matches!(f.role, Role::Main | Role::Detail)
                        && !f.text.is_empty()
                        && f.text
                            .bytes()
                            .all(|b| b.is_ascii() && !b.is_ascii_control());
                    assert_eq!(read.raw, plain, "item {item}: {:?}", f.text);
                    short += usize::from(plain && f.text.len() <= SHARED_LEN);
                }
                let read: Vec<String> = sharing
                    .fields(item)
                    .map(|f| {
                        if f.raw {
                            f.text().to_ascii_lowercase()
                        } else {
                            f.text().to_string()
                        }
                    })
                    .collect();
                let want: Vec<String> = expected
                    .fields
                    .iter()
                    .map(|f| super::super::fold::fold(&f.text))
                    .collect();
                assert_eq!(read, want, "item {item}");
                item += 1;
            }
        }
        assert_eq!(item as usize, sharing.len());
        assert!(short > 100, "{short} short texts read as written");
    }

    #[test]
    fn fields_and_items_take_16_and_8_bytes() {
        assert_eq!(std::mem::size_of::<Field>(), 16);
        assert_eq!(std::mem::size_of::<ItemKey>(), 8);
    }

    #[test]
    fn the_items_of_a_kind_in_a_range_are_those_of_that_kind() {
        let mut corpus = crate::synth::corpus(12);
        // A story with no parties, analysts or sources, and one with nothing but itself.
        let mut bare = (*corpus.stories[3]).clone();
        bare.parties.clear();
        bare.analysts.clear();
        bare.sources.clear();
        corpus.stories.insert(4, Arc::new(bare));
        let mut alone = (*corpus.stories[5]).clone();
        alone.parties.clear();
        alone.analysts.clear();
        alone.quotes.clear();
        alone.claims.clear();
        alone.timeline.clear();
        alone.sources.clear();
        corpus.stories.insert(6, Arc::new(alone));
        let mut kinds = Vec::new();
        for (si, story) in corpus.stories.iter().enumerate() {
            kinds.extend(story_items(si, story).iter().map(|item| item.kind));
        }
        for (name, index) in built(&corpus) {
            let n = index.len() as u32;
            assert_eq!(n as usize, kinds.len());
            for i in 0..n {
                assert_eq!(index.kind(i), kinds[i as usize], "{name}: item {i}");
            }
            let mut rng = crate::synth::Rng::new(7);
            let mut ranges = vec![0..n, 0..0, n..n, 0..1, n - 1..n];
            for _ in 0..200 {
                let a = rng.below(n as usize + 1) as u32;
                let b = rng.below(n as usize + 1) as u32;
                ranges.push(a.min(b)..a.max(b));
            }
            for range in ranges {
                for kind in Kind::ALL {
                    let got: Vec<u32> = index.items_of(kind, range.clone()).collect();
                    let want: Vec<u32> = range
                        .clone()
                        .filter(|&i| kinds[i as usize] == kind)
                        .collect();
                    assert_eq!(got, want, "{name}: {kind} in {range:?}");
                }
            }
        }
    }

    #[test]
    fn a_party_with_hundreds_or_tens_of_thousands_of_aliases_is_found_by_the_last() {
        let corpus = loaded(&[
            many_aliases("three-hundred", 300, "Zanzibar Quokka"),
            many_aliases("seventy-thousand", 70_000, "Xylophone Wombat"),
        ]);
        let options = super::super::Options {
            limit: 10,
            kind: None,
        };
        for (name, index) in built(&corpus) {
            let index = Arc::new(index);
            for (story, aliases, last) in
                [(0, 300, "zanzibar quokka"), (1, 70_000, "xylophone wombat")]
            {
                let results = index.search(last, &options);
                assert_eq!(results.total, 1, "{name}: {last}");
                let hit = &results.hits[0];
                assert_eq!(
                    (hit.kind, hit.story, hit.index, hit.text.as_str()),
                    (Kind::Party, story, 0, "Many Names"),
                    "{name}: {last}"
                );
                assert!(hit.score >= FULL_NAME_BONUS, "{name}: a whole alias");
                // Every name and the position, and nothing of the next party.
                let party = index.firsts[story][Kind::Party as usize];
                let texts: Vec<&str> = index.fields(party).map(|f| f.text()).collect();
                assert_eq!(texts.len(), 1 + aliases + 1, "{name}");
                assert_eq!(texts[aliases], last, "{name}");
                assert_eq!(texts[aliases + 1], "has a great many names.", "{name}");
                let next = index.search("next party", &options);
                assert_eq!(next.hits[0].text, "Next Party", "{name}");
                assert_eq!(next.hits[0].index, 1, "{name}");
            }
            let speaker = index.search("many names said", &options);
            assert_eq!(speaker.total, 2, "{name}: a quote by it in each story");
        }
    }

    #[test]
    fn a_short_text_is_stored_once_and_every_item_still_reads_its_own() {
        let corpus = crate::synth::corpus(30);
        let [(_, sharing), (_, copying)] = built(&corpus);
        let mut all = 0;
        let mut short = std::collections::HashMap::new();
        for (i, story) in corpus.stories.iter().enumerate() {
            for item in story_items(i, story) {
                for text in item.fields.into_iter().map(|f| f.text) {
                    let folded = super::super::fold::fold(&text);
                    all += folded.len();
                    if folded.len() <= SHARED_LEN {
                        *short.entry(folded).or_insert(0) += 1;
                    }
                }
            }
        }
        let repeated: usize = short.iter().map(|(t, n)| t.len() * (n - 1)).sum();
        assert!(
            repeated > all / 10,
            "names and speakers repeat: {repeated} of {all}"
        );
        for index in [&sharing, &copying] {
            assert_eq!(index.folded.len(), all - repeated);
            // Each distinct short text once: at the span of its every field.
            let mut at = std::collections::HashMap::new();
            for f in &index.fields {
                let span = f.span();
                if span.len as usize <= SHARED_LEN {
                    let first = *at.entry(span.of(&index.folded)).or_insert(span.start);
                    assert_eq!(first, span.start, "{:?}", span.of(&index.folded));
                }
            }
        }
        // (every_item_reads_its_own_texts_after_stories_are_joined checks the texts.)
    }

    #[test]
    fn a_word_too_long_for_a_kept_score_is_scored_again_when_typing_on() {
        let long = "a".repeat(1500);
        let story = format!(
            "id: long\ntitle: Long words\nparties:\n  - id: p\n    name: Pat\n\
             quotes:\n  - by: p\n    text: {long}b {long}c\n  - by: p\n    text: x{long}\n"
        );
        let corpus = loaded(&[story]);
        let index = Arc::new(Index::new(&corpus));
        let options = super::super::Options {
            limit: 10,
            kind: None,
        };
        let mut typing = super::super::Searcher::new(Arc::clone(&index));
        let mut query = long[..1400].to_string();
        for more in ["a", "a", "b", " ", "p", "a", "t"] {
            query.push_str(more);
            let incremental = typing.search(&query, &options);
            let plain = super::super::engine::reference(&index, &query, &options);
            assert_eq!(incremental, plain, "{} letters", query.len());
            assert!(incremental.total > 0, "{} letters", query.len());
        }
    }

    #[test]
    fn two_texts_of_one_hash_are_both_stored() {
        let mut buf = String::new();
        let mut shared = Shared::default();
        let a = shared.put(&mut buf, "alibaba");
        assert_eq!(shared.put(&mut buf, "alibaba"), a);
        // Another text said to hash like the first: stored, not taken for it.
        shared.0.insert(text_hash("tencent"), a.start);
        let b = shared.put(&mut buf, "tencent");
        assert_eq!((a.of(&buf), b.of(&buf)), ("alibaba", "tencent"));
        assert_eq!(shared.put(&mut buf, "tencent").of(&buf), "tencent");
        // Long texts are never looked up.
        let long = "x".repeat(SHARED_LEN + 1);
        let c = shared.put(&mut buf, &long);
        assert_ne!(shared.put(&mut buf, &long).start, c.start);
        assert_eq!(buf.len(), 7 + 7 + 7 + 2 * long.len());
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
