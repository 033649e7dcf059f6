//! How one query word scores against one folded text, and where it matched.
//!
//! A word found contiguously ranks by where: inside a word (infix), at the start of a
//! word (prefix), or as a whole word, with a bonus when the text is a name and a
//! penalty when it is secondary text. A word found only scattered is scored by
//! `fuzzy-matcher`'s SkimMatcherV2. Every contiguous score is above every skim score
//! of the same word (skim gives at most 32 per character), so exact and prefix matches
//! always outrank scattered ones, and the index can skip running skim on items that
//! cannot reach the top rows.

use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;

use super::fold::fold;
use super::index::Prior;
use super::items::Role;

/// Most cells of skim's score matrix for one match; beyond it skim uses its linear
/// matcher (so an enormous text or query cannot exhaust memory).
const SKIM_CELL_LIMIT: usize = 1 << 21;
/// The most skim gives one matched character (16 for the match, at most 16 of bonus).
const SKIM_MAX_PER_CHAR: i32 = 32;
const TIER_INFIX: i32 = 8;
const TIER_INITIALS: i32 = 16;
const TIER_PREFIX: i32 = 24;
const TIER_WORD: i32 = 32;
/// Added to a prefix or whole-word match in a name or a speaker's name.
const NAME_BONUS: i32 = 16;
/// Taken from any match in secondary text.
const DETAIL_PENALTY: i32 = 16;
/// Added when the whole query is a whole name ("richard fisher").
pub(crate) const FULL_NAME_BONUS: i32 = 64;

/// The skim matcher configured for folded text (both sides are already lower case).
pub fn skim() -> Skim {
    Skim(
        SkimMatcherV2::default()
            .respect_case()
            .element_limit(SKIM_CELL_LIMIT),
    )
}

/// SkimMatcherV2 with scores that depend only on the text and the pattern.
///
/// fuzzy-matcher 0.3.7 keeps each thread's score matrix between calls, and a cell
/// whose character matches keeps the consecutive bonus an earlier call left there
/// (it is read before it is written), so the same text and pattern can score
/// differently after other calls: "mmb" in "m-ambb mbm" scores 66 alone but 74
/// right after "ob" in "ombcboooo-mmoo". Which calls came before depends on how
/// rayon shares the work among threads, so an answer's order could differ from
/// run to run and from the plain method's. Each call here is preceded by one of
/// one letter, which cuts the kept matrix down to its first 4 cells, none of which
/// the next call reads before writing: every call scores as a fresh matcher's
/// would (tested against one), at a third of the cost of making a fresh one.
pub struct Skim(SkimMatcherV2);

impl Skim {
    /// The score of `pattern` scattered in `choice`, with the matched character
    /// indices when `with_pos`; `None` when it does not match.
    pub fn fuzzy(&self, choice: &str, pattern: &str, with_pos: bool) -> Option<(i64, Vec<usize>)> {
        let _ = self.0.fuzzy("a", "a", false);
        self.0.fuzzy(choice, pattern, with_pos)
    }
}

/// The bit of a character in a presence mask (32 bits): exact for `a`-`z`, shared
/// (a cheap over-approximation) for digits (3 bits), other ASCII (1 bit) and
/// everything else (2 bits). A space has none: no query word holds one (words are
/// split at white space, and folding makes every white space a plain space).
#[inline]
pub const fn char_bit(c: char) -> u32 {
    let n = c as u32;
    let bit = match c {
        'a'..='z' => n - 'a' as u32,
        '0'..='9' => 26 + n % 3,
        ' ' => return 0,
        _ if c.is_ascii() => 29,
        _ => 30 + n % 2,
    };
    1 << bit
}

/// Whether this bit stands for exactly one character.
#[inline]
fn exact_bit(c: char) -> bool {
    c.is_ascii_lowercase()
}

/// [`char_bit`] of each ASCII character.
const ASCII_BITS: [u32; 128] = {
    let mut bits = [0; 128];
    let mut b = 0;
    while b < 128 {
        bits[b] = char_bit(b as u8 as char);
        b += 1;
    }
    bits
};

/// The presence mask of a folded text, and the mask of the characters that start a word.
pub fn masks(text: &str) -> (u32, u32) {
    if text.is_ascii() {
        let mut all = 0;
        let mut heads = 0;
        let mut prev_alnum = false;
        for &b in text.as_bytes() {
            let bit = ASCII_BITS[usize::from(b & 0x7f)];
            all |= bit;
            heads |= if prev_alnum { 0 } else { bit };
            prev_alnum = b.is_ascii_alphanumeric();
        }
        return (all, heads);
    }
    let mut all = 0;
    let mut heads = 0;
    let mut prev_alnum = false;
    for c in text.chars() {
        let bit = char_bit(c);
        all |= bit;
        let alnum = c.is_alphanumeric();
        if !prev_alnum {
            heads |= bit;
        }
        prev_alnum = alnum;
    }
    (all, heads)
}

/// One word of a query, folded, with what matching needs precomputed.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub chars: usize,
    pub mask: u32,
    /// The word's bits among the characters that start a word (see [`masks`]).
    pub heads: u32,
    /// The bit of the word when it is a single letter (answered from masks alone).
    single: Option<u32>,
    finder: memmem::Finder<'static>,
    /// The byte of the word looked for first in a text matched as it is written
    /// ([`FieldRef::raw`]): its rarest in English text.
    rare: usize,
}

/// Bytes by how common they are in English text, the most common first: a byte
/// not here is rarer than all of them.
const COMMON_BYTES: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";

/// The place of the rarest byte of `word` (the last of the rarest).
fn rarest(word: &[u8]) -> usize {
    let rank = |b: u8| {
        COMMON_BYTES
            .iter()
            .position(|&c| c == b)
            .unwrap_or(COMMON_BYTES.len())
    };
    (0..word.len()).max_by_key(|&i| rank(word[i])).unwrap_or(0)
}

impl Word {
    fn new(text: &str) -> Word {
        let chars = text.chars().count();
        let (mask, heads) = masks(text);
        let mut it = text.chars();
        let single = match (it.next(), it.next()) {
            (Some(c), None) if exact_bit(c) => Some(char_bit(c)),
            _ => None,
        };
        Word {
            text: text.to_string(),
            chars,
            mask,
            heads,
            single,
            finder: memmem::Finder::new(text.as_bytes()).into_owned(),
            rare: rarest(text.as_bytes()),
        }
    }

    /// The highest skim score this word can get in any text.
    pub fn fuzzy_bound(&self) -> i32 {
        SKIM_MAX_PER_CHAR.saturating_mul(self.chars.min(1 << 20) as i32)
    }
}

/// A query: its folded form and its words (each must match for an item to be a hit).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The whole query folded (spaces kept), to tell when a query extends the last one.
    pub folded: String,
    pub words: Vec<Word>,
    /// Every character any word needs.
    pub mask: u32,
    /// The bits of the characters that start a word of some word (see [`masks`]).
    pub heads: u32,
    /// The words' total length in bytes, with a space between each two.
    words_len: usize,
}

impl Pattern {
    pub fn new(query: &str) -> Pattern {
        let folded = fold(query);
        let words: Vec<Word> = folded.split_whitespace().map(Word::new).collect();
        let mask = words.iter().fold(0, |m, w| m | w.mask);
        let heads = words.iter().fold(0, |m, w| m | w.heads);
        let words_len = words
            .iter()
            .map(|w| w.text.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
        Pattern {
            folded,
            words,
            mask,
            heads,
            words_len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every item matching `self` also matches `earlier` (it extends it).
    pub fn extends(&self, earlier: &Pattern) -> bool {
        !earlier.is_empty() && self.folded.starts_with(&earlier.folded)
    }

    /// Whether the whole query is this whole name (folded), word for word.
    pub fn is_whole_name(&self, name: &str) -> bool {
        let Some(first) = self.words.first() else {
            return false;
        };
        let name = name.trim_start_matches(' ');
        name.len() >= self.words_len
            && name.starts_with(first.text.as_str())
            && name
                .split_whitespace()
                .eq(self.words.iter().map(|w| w.text.as_str()))
    }

    /// Whether a text with these masks (see [`masks`]) may be the whole query as a
    /// name: a quick test before [`Pattern::is_whole_name`], never false when that
    /// is true (a name that is the query's words has their characters and heads,
    /// and spaces, which have no bit; the bits a non-ASCII white space could set
    /// are left out, should folding ever leave one).
    pub fn may_be_whole_name(&self, mask: u32, heads: u32) -> bool {
        const OTHER_SPACES: u32 = 0b11 << 30;
        (mask | OTHER_SPACES) == (self.mask | OTHER_SPACES)
            && (heads | OTHER_SPACES) == (self.heads | OTHER_SPACES)
    }

    /// What `earlier`'s per-word results tell about each word of `self`, which extends it.
    pub(crate) fn priors(&self, earlier: &Pattern) -> Vec<Prior> {
        self.words
            .iter()
            .enumerate()
            .map(|(j, w)| match earlier.words.get(j) {
                Some(e) if e.text == w.text => Prior::Same,
                Some(e) if w.text.starts_with(e.text.as_str()) => Prior::Extends,
                _ => Prior::Unknown,
            })
            .collect()
    }
}

/// Where a contiguous match sits (initials count as one: `wto` in "World Trade
/// Organization" is the word's letters starting consecutive words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Infix,
    Initials,
    Prefix,
    WholeWord,
}

/// The score of `word` found contiguously, at this tier, in a field of this role.
pub(crate) fn tier_score(tier: Tier, role: Role, word: &Word) -> i32 {
    tier_score_of(tier, role, word.fuzzy_bound())
}

/// The score of a one-letter query word in a field of this role holding it, at the
/// start of a word there or not (what [`contiguous`] gives it).
pub(crate) fn letter_score(role: Role, at_word_start: bool) -> i32 {
    let tier = if at_word_start {
        Tier::Prefix
    } else {
        Tier::Infix
    };
    tier_score_of(tier, role, SKIM_MAX_PER_CHAR)
}

/// The score of a two-letter query word found contiguously (at this tier) in a
/// field of this role (what [`contiguous`] gives it).
pub(crate) fn pair_score(tier: Tier, role: Role) -> i32 {
    tier_score_of(tier, role, 2 * SKIM_MAX_PER_CHAR)
}

/// The score of `word` found contiguously (at this tier) in a name.
pub(crate) fn name_score(tier: Tier, word: &Word) -> i32 {
    tier_score(tier, Role::Name, word)
}

/// The letter (`a`-`z`) a one-letter query word is, by its place in the alphabet.
impl Word {
    pub(crate) fn letter(&self) -> Option<usize> {
        self.single.map(|bit| bit.trailing_zeros() as usize)
    }
}

fn tier_score_of(tier: Tier, role: Role, fuzzy_bound: i32) -> i32 {
    let at = match tier {
        Tier::Infix => TIER_INFIX,
        Tier::Initials => TIER_INITIALS,
        Tier::Prefix => TIER_PREFIX,
        Tier::WholeWord => TIER_WORD,
    };
    let adjust = match (role, tier) {
        (Role::Detail, _) => -DETAIL_PENALTY,
        (Role::Name | Role::Speaker, Tier::Initials | Tier::Prefix | Tier::WholeWord) => NAME_BONUS,
        _ => 0,
    };
    fuzzy_bound.saturating_add(at + adjust)
}

#[inline]
fn alnum_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

#[inline]
fn alnum_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// The best contiguous match of `word` in `text` and the byte offset of its first occurrence.
pub fn contiguous_at(text: &str, word: &Word) -> Option<(Tier, usize)> {
    best_of(text, word, word.finder.find_iter(text.as_bytes()))
}

/// [`contiguous_at`] for a text matched as it is written ([`FieldRef::raw`]).
fn contiguous_at_raw(text: &str, word: &Word) -> Option<(Tier, usize)> {
    best_of(text, word, find_raw(text.as_bytes(), word))
}

/// Where `word` is in `text`, an ASCII text without control characters, as
/// `word.finder` finds it in the text lower-cased (its folded form): from the
/// left, not overlapping.
fn find_raw<'t>(text: &'t [u8], word: &'t Word) -> impl Iterator<Item = usize> + 't {
    let w = word.text.as_bytes();
    let k = word.rare;
    // A word of other characters is nowhere in an ASCII text.
    let rare = w
        .get(k)
        .filter(|_| word.text.is_ascii())
        .map(|&b| (b, b.to_ascii_uppercase()));
    let (lower, upper) = rare.unwrap_or_default();
    let mut from = if rare.is_some() { 0 } else { usize::MAX };
    std::iter::from_fn(move || {
        let n = w.len();
        while from.checked_add(n).is_some_and(|end| end <= text.len()) {
            // The places of the word's rarest byte in a match starting at `from` or later.
            let room = &text[from + k..text.len() - n + k + 1];
            let found = if lower == upper {
                memchr::memchr(lower, room)
            } else {
                memchr::memchr2(lower, upper, room)
            };
            let start = from + found?;
            if text[start..start + n].eq_ignore_ascii_case(w) {
                from = start + n;
                return Some(start);
            }
            from = start + 1;
        }
        None
    })
}

/// The best tier of `word` at these places of `text`, with the first place of it.
#[inline]
fn best_of(text: &str, word: &Word, places: impl Iterator<Item = usize>) -> Option<(Tier, usize)> {
    let mut best: Option<(Tier, usize)> = None;
    for at in places {
        let tier = if alnum_before(text, at) {
            Tier::Infix
        } else if word.chars >= 2 && !alnum_at(text, at + word.text.len()) {
            return Some((Tier::WholeWord, at));
        } else {
            Tier::Prefix
        };
        if best.is_none_or(|(b, _)| tier > b) {
            best = Some((tier, at));
        }
    }
    best
}

/// The characters that start a word of `text`, with their byte offsets.
#[derive(Clone)]
struct Heads<'t> {
    chars: std::str::CharIndices<'t>,
    prev_alnum: bool,
}

impl Iterator for Heads<'_> {
    type Item = (usize, char);
    fn next(&mut self) -> Option<(usize, char)> {
        for (at, c) in self.chars.by_ref() {
            let alnum = c.is_alphanumeric();
            let head = alnum && !self.prev_alnum;
            self.prev_alnum = alnum;
            if head {
                return Some((at, c));
            }
        }
        None
    }
}

fn heads(text: &str) -> Heads<'_> {
    Heads {
        chars: text.char_indices(),
        prev_alnum: false,
    }
}

/// Where `word` (two letters or more) is the initials of consecutive words of
/// `text` (`ft` in "the Financial Times"): the byte offset of the first of them.
pub fn initials_at(text: &str, word: &Word) -> Option<usize> {
    if word.chars < 2 {
        return None;
    }
    if word.text.is_ascii() && word.text.len() <= ASCII_RING {
        if let Some(found) = initials_at_ascii(text.as_bytes(), word.text.as_bytes()) {
            return found;
        }
    }
    initials_at_chars(text, word)
}

/// The most initials [`initials_at_ascii`] looks for.
const ASCII_RING: usize = 16;

/// [`initials_at`] for an ASCII word, on bytes: the last heads seen are kept in a
/// ring and compared when one is the word's last letter, so the first match found
/// is the one that starts first. `None` when the text is not ASCII (the caller
/// then looks on characters).
fn initials_at_ascii(text: &[u8], word: &[u8]) -> Option<Option<usize>> {
    let k = word.len();
    let mut ring = [(0usize, 0u8); ASCII_RING];
    let mut n = 0usize;
    let mut prev_alnum = false;
    for (at, &b) in text.iter().enumerate() {
        if !b.is_ascii() {
            return None;
        }
        let alnum = b.is_ascii_alphanumeric();
        if alnum && !prev_alnum {
            // Lower-cased for a text matched as it is written (a folded one is already).
            let b = b.to_ascii_lowercase();
            ring[n % ASCII_RING] = (at, b);
            n += 1;
            if n >= k
                && b == word[k - 1]
                && (0..k).all(|j| ring[(n - k + j) % ASCII_RING].1 == word[j])
            {
                return Some(Some(ring[(n - k) % ASCII_RING].0));
            }
        }
        prev_alnum = alnum;
    }
    Some(None)
}

/// [`initials_at`] on characters (any text).
fn initials_at_chars(text: &str, word: &Word) -> Option<usize> {
    let mut from = heads(text);
    loop {
        let start = from.clone();
        let (at, _) = from.next()?;
        if start
            .zip(word.text.chars())
            .take_while(|((_, h), c)| h.to_ascii_lowercase() == *c)
            .count()
            == word.chars
        {
            return Some(at);
        }
    }
}

/// The character indices of the initials [`initials_at`] found at byte `at`.
fn initials_positions(text: &str, at: usize, word: &Word) -> Vec<usize> {
    let before = text[..at].chars().count();
    let mut out = Vec::with_capacity(word.chars);
    let mut prev_alnum = false;
    for (n, c) in text[at..].chars().enumerate() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            out.push(before + n);
            if out.len() == word.chars {
                break;
            }
        }
        prev_alnum = alnum;
    }
    out
}

/// The best contiguous match of `word` in `text`, initials included, with the byte
/// offset where it starts.
/// `heads` gives the text's word-start mask (see [`masks`]), asked for only when
/// initials could beat what was found.
fn best_at(text: &str, word: &Word, heads: impl FnOnce() -> u32) -> Option<(Tier, usize)> {
    best_at_found(text, word, heads, contiguous_at(text, word))
}

/// [`best_at`] with the contiguous match found.
fn best_at_found(
    text: &str,
    word: &Word,
    heads: impl FnOnce() -> u32,
    found: Option<(Tier, usize)>,
) -> Option<(Tier, usize)> {
    if word.chars < 2 || found.is_some_and(|(t, _)| t > Tier::Initials) || word.mask & !heads() != 0
    {
        return found;
    }
    initials_at(text, word)
        .map(|at| (Tier::Initials, at))
        .or(found)
}

/// A folded text with its role and character masks. The text is a span of a
/// buffer, sliced only when it is read ([`FieldRef::text`]): a query answered
/// from the masks (one letter) never touches it.
#[derive(Debug, Clone, Copy)]
pub struct FieldRef<'a> {
    buf: &'a str,
    start: u32,
    len: u32,
    pub role: Role,
    pub mask: u32,
    pub heads: u32,
    /// The text is as written, not folded: ASCII without control characters,
    /// whose folded form is the text lower-cased, and it is matched as that (the
    /// index reads a long text from its story instead of keeping it folded).
    pub(crate) raw: bool,
}

impl<'a> FieldRef<'a> {
    /// A text (folded) of this role, its masks computed.
    pub fn new(text: &'a str, role: Role) -> FieldRef<'a> {
        let (mask, heads) = masks(text);
        FieldRef::of(text, 0, text.len() as u32, role, (mask, heads))
    }

    /// The text `buf[start..start + len]` (a span at character boundaries) with its
    /// role and masks ([`masks`] of that text).
    #[inline]
    pub fn of(buf: &'a str, start: u32, len: u32, role: Role, (mask, heads): (u32, u32)) -> Self {
        FieldRef {
            buf,
            start,
            len,
            role,
            mask,
            heads,
            raw: false,
        }
    }

    /// The same span read as written ([`FieldRef::raw`]).
    #[inline]
    pub(crate) fn as_written(self) -> Self {
        FieldRef { raw: true, ..self }
    }

    /// Where the text is in its buffer: (start, length) in bytes.
    pub(crate) fn span(&self) -> (u32, u32) {
        (self.start, self.len)
    }

    /// The folded text (as written when [`FieldRef::raw`]).
    #[inline]
    pub fn text(&self) -> &'a str {
        let start = self.start as usize;
        &self.buf[start..start + self.len as usize]
    }
}

/// The score of `word` found contiguously in the field, or `None` when it is not.
#[inline]
pub fn contiguous(field: &FieldRef<'_>, word: &Word) -> Option<i32> {
    if word.mask & !field.mask != 0 {
        return None;
    }
    let tier = match word.single {
        Some(bit) if field.heads & bit != 0 => Tier::Prefix,
        Some(_) => Tier::Infix,
        None if field.raw => {
            let text = field.text();
            best_at_found(text, word, || field.heads, contiguous_at_raw(text, word))?.0
        }
        None => best_at(field.text(), word, || field.heads)?.0,
    };
    Some(tier_score(tier, field.role, word))
}

/// The best contiguous score of `word` in any of the fields, as
/// `fields.filter_map(|f| contiguous(&f, word)).max()`, skipping what cannot raise
/// it: a field whose best possible score is no more than the best found, and
/// initials that could not beat it.
#[inline]
pub fn best_contiguous<'a>(fields: impl Iterator<Item = FieldRef<'a>>, word: &Word) -> Option<i32> {
    let mut best: Option<i32> = None;
    for field in fields {
        if best.is_some_and(|b| b >= tier_score(Tier::WholeWord, field.role, word)) {
            continue;
        }
        if word.mask & !field.mask != 0 {
            continue;
        }
        let tier = match word.single {
            Some(bit) if field.heads & bit != 0 => Some(Tier::Prefix),
            Some(_) => Some(Tier::Infix),
            None => {
                let found = if field.raw {
                    contiguous_at_raw(field.text(), word)
                } else {
                    contiguous_at(field.text(), word)
                }
                .map(|(t, _)| t);
                let initials_beat = || {
                    word.chars >= 2
                        && found.is_none_or(|t| t <= Tier::Initials)
                        && word.mask & !field.heads == 0
                        && best.is_none_or(|b| b < tier_score(Tier::Initials, field.role, word))
                };
                if initials_beat() && initials_at(field.text(), word).is_some() {
                    Some(Tier::Initials)
                } else {
                    found
                }
            }
        };
        if let Some(tier) = tier {
            let score = tier_score(tier, field.role, word);
            best = Some(best.map_or(score, |b| b.max(score)));
        }
    }
    best
}

/// Whether every character of `word` appears in `text` in order.
#[inline]
pub fn is_subsequence(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    for c in word.chars() {
        let found = if c.is_ascii() {
            memchr::memchr(c as u8, &bytes[at..])
        } else {
            text[at..].find(c)
        };
        match found {
            Some(i) => at += i + c.len_utf8(),
            None => return false,
        }
    }
    true
}

/// Whether every character of `word` appears in order inside one space-separated token
/// of `text` (a folded text, so every white space is a plain space).
pub fn is_subsequence_in_a_token(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return text.split(' ').any(|token| is_subsequence(token, word));
    }
    let bytes = text.as_bytes();
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return true;
    };
    in_a_token_ascii::<false>(bytes, w, first)
}

/// Whether scattered matches may span the whole field (short names) rather than one
/// token (prose, where letters scattered over a sentence mean nothing).
#[inline]
fn spans_whole_field(role: Role) -> bool {
    matches!(role, Role::Name | Role::Speaker)
}

/// Whether `word` matches in the field at all: contiguously, or scattered (across a
/// name, or inside one token of other text).
#[inline]
pub fn matches(field: &FieldRef<'_>, word: &Word) -> bool {
    if word.mask & !field.mask != 0 {
        return false;
    }
    if field.raw {
        return is_subsequence_raw(field.text(), &word.text)
            && (spans_whole_field(field.role)
                || is_subsequence_in_a_token_raw(field.text(), &word.text));
    }
    if !is_subsequence(field.text(), &word.text) {
        return false;
    }
    spans_whole_field(field.role) || is_subsequence_in_a_token(field.text(), &word.text)
}

/// [`is_subsequence`] in the lower-cased form of `text`, an ASCII text ([`FieldRef::raw`]).
fn is_subsequence_raw(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return word.is_empty();
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    for &c in word.as_bytes() {
        let upper = c.to_ascii_uppercase();
        let found = if upper == c {
            memchr::memchr(c, &bytes[at..])
        } else {
            memchr::memchr2(c, upper, &bytes[at..])
        };
        match found {
            Some(i) => at += i + 1,
            None => return false,
        }
    }
    true
}

/// [`is_subsequence_in_a_token`] in the lower-cased form of `text`, an ASCII text
/// without control characters ([`FieldRef::raw`]).
fn is_subsequence_in_a_token_raw(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return word.is_empty();
    }
    let bytes = text.as_bytes();
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return true;
    };
    in_a_token_ascii::<true>(bytes, w, first)
}

/// The ASCII scan of [`is_subsequence_in_a_token`] (`LOWER` false: `bytes` folded) and
/// of [`is_subsequence_in_a_token_raw`] (`LOWER` true: `bytes` compared lower-cased).
#[inline(always)]
fn in_a_token_ascii<const LOWER: bool>(bytes: &[u8], w: &[u8], first: u8) -> bool {
    let upper = first.to_ascii_uppercase();
    let mut at = 0;
    loop {
        let found = if LOWER {
            memchr::memchr2(first, upper, &bytes[at..])
        } else {
            memchr::memchr(first, &bytes[at..])
        };
        let Some(i) = found else {
            return false;
        };
        // Greedy from the leftmost start in this token: if it fails, no later start in
        // the same token can succeed, so go on after the token's end.
        let mut j = 1;
        let mut k = at + i + 1;
        while j < w.len() && k < bytes.len() && bytes[k] != b' ' {
            let b = if LOWER {
                bytes[k].to_ascii_lowercase()
            } else {
                bytes[k]
            };
            if b == w[j] {
                j += 1;
            }
            k += 1;
        }
        if j == w.len() {
            return true;
        }
        if k >= bytes.len() {
            return false;
        }
        at = k + 1;
    }
}

/// The texts skim looks at for `word` in `text`: the whole text (names), or each
/// token the word is scattered in, with its byte offset.
fn scattered_spans<'t, 'w>(
    text: &'t str,
    role: Role,
    word: &'w Word,
    raw: bool,
) -> impl Iterator<Item = (usize, &'t str)> + use<'t, 'w> {
    let whole = spans_whole_field(role);
    let tokens = if whole { None } else { Some(text.split(' ')) };
    let alone = whole.then_some((0, text));
    alone
        .into_iter()
        .chain(tokens.into_iter().flatten().scan(0, |at, token| {
            let start = *at;
            *at += token.len() + 1;
            Some((start, token))
        }))
        .filter(move |(_, span)| {
            if raw {
                is_subsequence_raw(span, &word.text)
            } else {
                is_subsequence(span, &word.text)
            }
        })
}

/// The skim scores of one query word already computed, by the text scored (a
/// token, or a whole name): a text scores the same whatever was scored before it
/// ([`Skim`]), and the texts a word is found scattered in repeat from item to
/// item (a name, a word of many quotes), so each is scored once per query.
pub type SkimMemo<'t> = std::collections::HashMap<&'t str, Option<i32>, foldhash::fast::FixedState>;

/// The most texts a [`SkimMemo`] holds: beyond, it starts again (bounds its memory).
const SKIM_MEMO_MAX: usize = 1 << 16;

/// [`skim_score`] of a span of a field, lower-cased first when the field is as
/// written ([`FieldRef::raw`]).
fn skim_span(matcher: &Skim, span: &str, raw: bool, word: &Word) -> Option<i32> {
    if !raw {
        return skim_score(matcher, span, word);
    }
    // A token (short) lower-cased on the stack.
    let mut buf = [0u8; 64];
    match buf.get_mut(..span.len()) {
        Some(lower) => {
            lower.copy_from_slice(span.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            skim_score(matcher, lower, word)
        }
        None => skim_score(matcher, &span.to_ascii_lowercase(), word),
    }
}

fn skim_score(matcher: &Skim, text: &str, word: &Word) -> Option<i32> {
    let (score, _) = matcher.fuzzy(text, &word.text, false)?;
    let score = i32::try_from(score).unwrap_or(if score < 0 {
        i32::MIN / 2
    } else {
        i32::MAX / 2
    });
    Some(score.min(word.fuzzy_bound()))
}

/// The skim score of `word` scattered in the field, adjusted for its role.
pub fn fuzzy(matcher: &Skim, field: &FieldRef<'_>, word: &Word) -> Option<i32> {
    fuzzy_by(field, word, |span| {
        skim_span(matcher, span, field.raw, word)
    })
}

/// [`fuzzy`], each text's skim score taken from `memo` when it was computed before
/// for this word (and kept there).
pub fn fuzzy_remembered<'t>(
    matcher: &Skim,
    field: &FieldRef<'t>,
    word: &Word,
    memo: &mut SkimMemo<'t>,
) -> Option<i32> {
    fuzzy_by(field, word, |span| {
        if let Some(&score) = memo.get(span) {
            return score;
        }
        if memo.len() >= SKIM_MEMO_MAX {
            memo.clear();
        }
        let score = skim_span(matcher, span, field.raw, word);
        memo.insert(span, score);
        score
    })
}

/// [`fuzzy`] with each scattered span scored by `score`.
fn fuzzy_by<'t>(
    field: &FieldRef<'t>,
    word: &Word,
    score: impl FnMut(&'t str) -> Option<i32>,
) -> Option<i32> {
    if word.mask & !field.mask != 0 {
        return None;
    }
    let mut score = score;
    let best = scattered_spans(field.text(), field.role, word, field.raw)
        .filter_map(|(_, span)| score(span))
        .max()?;
    let adjust = if field.role == Role::Detail {
        -DETAIL_PENALTY
    } else {
        0
    };
    Some(best + adjust)
}

/// The best score of `word` in any of the fields: contiguous if it is anywhere, else skim.
pub fn word_score(matcher: &Skim, fields: &[FieldRef<'_>], word: &Word) -> Option<i32> {
    let best = fields.iter().filter_map(|f| contiguous(f, word)).max();
    best.or_else(|| fields.iter().filter_map(|f| fuzzy(matcher, f, word)).max())
}

/// The characters (indices in the folded text) to highlight for `word` in a text of
/// this role, if it matches there.
pub fn positions(matcher: &Skim, folded: &str, role: Role, word: &Word) -> Option<Vec<usize>> {
    match best_at(folded, word, || masks(folded).1) {
        Some((Tier::Initials, at)) => return Some(initials_positions(folded, at, word)),
        Some((_, at)) => {
            let start = folded[..at].chars().count();
            return Some((start..start + word.chars).collect());
        }
        None => {}
    }
    let mut best: Option<(i64, usize, Vec<usize>)> = None;
    for (at, span) in scattered_spans(folded, role, word, false) {
        if let Some((score, indices)) = matcher.fuzzy(span, &word.text, true) {
            if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, at, indices));
            }
        }
    }
    let (_, at, indices) = best?;
    let offset = folded[..at].chars().count();
    Some(indices.into_iter().map(|i| i + offset).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_the_starts_of_consecutive_words() {
        let w = Word::new("wto");
        let text = "china enters the world trade organization";
        assert_eq!(initials_at(text, &w), Some(17));
        assert_eq!(initials_positions(text, 17, &w), [17, 23, 29]);
        assert_eq!(initials_at("chinese embassy in washington", &w), None);
        assert_eq!(
            initials_at("ft", &Word::new("ft")),
            None,
            "one word is no initials"
        );
        assert_eq!(
            initials_at("the financial times", &Word::new("ft")),
            Some(4)
        );
        let skim = skim();
        assert_eq!(
            positions(
                &skim,
                "chinese communist party",
                Role::Name,
                &Word::new("ccp")
            ),
            Some(vec![0, 8, 18])
        );
    }

    fn field(text: &str, role: Role) -> FieldRef<'_> {
        FieldRef::new(text, role)
    }

    fn word(w: &str) -> Word {
        Word::new(w)
    }

    /// What a matcher that never scored anything before gives.
    fn fresh(choice: &str, pattern: &str, with_pos: bool) -> Option<(i64, Vec<usize>)> {
        SkimMatcherV2::default()
            .respect_case()
            .element_limit(SKIM_CELL_LIMIT)
            .fuzzy(choice, pattern, with_pos)
    }

    #[test]
    fn a_skim_score_does_not_depend_on_what_was_scored_before() {
        let m = skim();
        // Upstream's matrix kept from this call made the next one score 74.
        let _ = m.fuzzy("ombcboooo-mmoo", "ob", false);
        assert_eq!(
            m.fuzzy("m-ambb mbm", "mmb", false),
            fresh("m-ambb mbm", "mmb", false)
        );
        assert_eq!(fresh("m-ambb mbm", "mmb", false).map(|s| s.0), Some(66));
        let mut rng = crate::synth::Rng::new(5);
        let text = |rng: &mut crate::synth::Rng, len: usize, of: &[u8]| -> String {
            (0..len).map(|_| char::from(*rng.pick(of))).collect()
        };
        let mut scored = 0;
        for _ in 0..20_000 {
            let lens = [3 + rng.below(14), 2 + rng.below(3), 1 + rng.below(14)];
            let choice = text(&mut rng, lens[0], b"mmoo abc-");
            let pattern = text(&mut rng, lens[1], b"mob");
            let earlier = text(&mut rng, lens[2], b"mmoo abc-");
            let earlier_len = 1 + rng.below(4);
            let earlier_pattern = text(&mut rng, earlier_len, b"mob");
            let _ = m.fuzzy(&earlier, &earlier_pattern, rng.chance(50));
            let with_pos = rng.chance(30);
            let got = m.fuzzy(&choice, &pattern, with_pos);
            assert_eq!(
                got,
                fresh(&choice, &pattern, with_pos),
                "{pattern:?} in {choice:?} after {earlier_pattern:?} in {earlier:?}"
            );
            scored += usize::from(got.is_some());
        }
        assert!(scored > 1000, "most patterns match somewhere: {scored}");
    }

    #[test]
    fn initials_on_bytes_agree_with_initials_on_characters() {
        let texts = [
            "the world trade organization and the wto",
            "a-b c.d e",
            "aaab aaab",
            "w t o w t o",
            "zoë x-ray tango",
            "",
            "  lead  space",
        ];
        let mut rng = crate::synth::Rng::new(3);
        for text in texts {
            let heads: Vec<char> = heads(text).map(|(_, c)| c).collect();
            let mut words: Vec<String> = vec!["wto".into(), "aab".into(), "xt".into(), "ab".into()];
            for _ in 0..40 {
                if heads.len() >= 2 {
                    let from = rng.below(heads.len() - 1);
                    let len = 2 + rng.below(heads.len() - from - 1);
                    words.push(heads[from..from + len].iter().collect());
                }
            }
            for w in words {
                let w = word(&w);
                assert_eq!(
                    initials_at(text, &w),
                    initials_at_chars(text, &w),
                    "{:?} in {text:?}",
                    w.text
                );
            }
        }
    }

    #[test]
    fn the_best_contiguous_score_skips_nothing_that_counts() {
        let corpus = crate::synth::corpus(4);
        let mut rng = crate::synth::Rng::new(11);
        for (si, story) in corpus.stories.iter().enumerate() {
            for item in crate::search::items::story_items(si, story) {
                let folded: Vec<(String, Role)> = item
                    .fields
                    .iter()
                    .map(|f| (fold(&f.text), f.role))
                    .collect();
                let refs: Vec<FieldRef<'_>> = folded.iter().map(|(t, r)| field(t, *r)).collect();
                let text = &folded[rng.below(folded.len())].0;
                let chars: Vec<char> = text.chars().collect();
                let from = rng.below(chars.len().max(1));
                let mut words: Vec<String> = (1..5)
                    .map(|n| chars.iter().skip(from).take(n).collect())
                    .collect();
                let heads: String = heads(text).map(|(_, c)| c).take(3).collect();
                words.extend(["wto".to_string(), "fi".into(), "t".into(), heads]);
                for w in words.iter().filter(|w| !w.trim().is_empty()) {
                    let w = word(w.trim());
                    let plain = refs.iter().filter_map(|f| contiguous(f, &w)).max();
                    assert_eq!(
                        best_contiguous(refs.iter().copied(), &w),
                        plain,
                        "{:?}",
                        w.text
                    );
                }
            }
        }
    }

    #[test]
    fn tiers_rank_whole_word_over_prefix_over_infix() {
        let w = word("fish");
        let main = |t| contiguous(&field(t, Role::Main), &w);
        let whole = main("a fish here").unwrap();
        let prefix = main("the fisher").unwrap();
        let infix = main("selfish").unwrap();
        assert!(whole > prefix && prefix > infix, "{whole} {prefix} {infix}");
        // Initials of consecutive words rank between a word's start and its inside.
        let initials = main("four-inch silver herring").unwrap();
        assert!(prefix > initials && initials > infix, "{initials}");
        assert_eq!(main("f-i-s-h"), Some(initials));
        assert_eq!(main("fine isn't so hot"), None, "not consecutive words");
        assert_eq!(
            contiguous_at("selfish fish", &w),
            Some((Tier::WholeWord, 8))
        );
    }

    #[test]
    fn names_outrank_main_text_which_outranks_details() {
        let w = word("fisher");
        let name = contiguous(&field("richard fisher", Role::Name), &w).unwrap();
        let main = contiguous(&field("richard fisher", Role::Main), &w).unwrap();
        let detail = contiguous(&field("richard fisher", Role::Detail), &w).unwrap();
        assert!(name > main && main > detail);
    }

    #[test]
    fn every_contiguous_score_beats_every_skim_score_of_the_same_word() {
        let m = skim();
        for w in ["f", "fi", "fisher", "李伟", "a-b"] {
            let w = word(w);
            let worst = tier_score(Tier::Infix, Role::Main, &w);
            assert!(worst > w.fuzzy_bound(), "{}", w.text);
            for text in [
                w.text.clone(),
                format!("{} {}", w.text, w.text),
                "x".repeat(3) + &w.text,
            ] {
                let (s, _) = m.fuzzy(&text, &w.text, false).unwrap();
                assert!(s <= w.fuzzy_bound() as i64, "{text}: {s}");
            }
        }
    }

    #[test]
    fn single_letters_are_answered_from_masks_like_the_general_path() {
        let texts = [
            "fish",
            "a fish",
            "selfish",
            "xyz",
            "f",
            "1f",
            "the f-word",
            "ẞ f",
        ];
        for t in texts {
            for c in ["f", "x", "1"] {
                let w = word(c);
                let fast = contiguous(&field(t, Role::Main), &w);
                let slow = contiguous_at(t, &w).map(|(tier, _)| tier_score(tier, Role::Main, &w));
                assert_eq!(fast, slow, "{c:?} in {t:?}");
            }
        }
    }

    #[test]
    fn every_single_character_query_agrees_with_the_general_path() {
        let texts = [
            "fish 42",
            "a-b.c",
            "李伟 (li wei)",
            "zoe x9",
            "",
            " q",
            "ü-ß",
        ];
        let queries = ('a'..='z')
            .chain('0'..='9')
            .chain("-.()'李伟ü".chars())
            .map(|c| c.to_string());
        for q in queries {
            let w = word(&q);
            for t in texts {
                for role in [Role::Name, Role::Main, Role::Detail] {
                    let fast = contiguous(&field(t, role), &w);
                    let slow = contiguous_at(t, &w).map(|(tier, _)| tier_score(tier, role, &w));
                    assert_eq!(fast, slow, "{q:?} in {t:?}");
                }
            }
        }
    }

    #[test]
    fn a_name_that_is_the_whole_query_always_passes_the_mask_test() {
        let mut names: Vec<String> = [
            "richard fisher",
            "  richard   fisher ",
            "李伟 (li wei)",
            "zoe",
            "a-b c",
            "x1 2y",
            "o'brien",
            "fisher richard",
            "richard fishers",
            "alan tonelson",
        ]
        .map(String::from)
        .to_vec();
        let corpus = crate::synth::corpus(5);
        for story in &corpus.stories {
            for item in crate::search::items::story_items(0, story) {
                for f in item.fields {
                    if matches!(f.role, Role::Name | Role::Speaker) {
                        names.push(fold(&f.text));
                    }
                }
            }
        }
        let mut told = 0;
        for query in &names {
            let p = Pattern::new(query);
            for name in &names {
                let (mask, heads) = masks(name);
                let may = p.may_be_whole_name(mask, heads);
                assert!(may || !p.is_whole_name(name), "{query:?} {name:?}");
                told += usize::from(!may);
            }
        }
        assert!(
            told * 10 > names.len() * names.len() * 9,
            "most are told at once"
        );
        let p = Pattern::new("richard fisher");
        assert!(!p.may_be_whole_name(masks("alan tonelson").0, masks("alan tonelson").1));
    }

    #[test]
    fn subsequence_works_on_characters_not_bytes() {
        assert!(is_subsequence("richard fisher", "rfr"));
        assert!(!is_subsequence("richard fisher", "rfz"));
        assert!(is_subsequence("李伟 (li wei)", "李wei"));
        assert!(!is_subsequence("伟李", "李伟"));
        assert!(is_subsequence("🐟 fish", "🐟f"));
        assert!(is_subsequence("anything", ""));
    }

    #[test]
    fn fuzzy_scores_scattered_matches_and_penalizes_details() {
        let m = skim();
        let w = word("rchd");
        let main = fuzzy(&m, &field("richard fisher", Role::Main), &w).unwrap();
        let detail = fuzzy(&m, &field("richard fisher", Role::Detail), &w).unwrap();
        assert_eq!(main - detail, DETAIL_PENALTY);
        assert_eq!(fuzzy(&m, &field("rich", Role::Main), &w), None);
    }

    #[test]
    fn scattered_letters_span_a_name_but_stay_inside_one_word_of_prose() {
        let m = skim();
        let w = word("rfisher");
        assert!(fuzzy(&m, &field("richard fisher", Role::Name), &w).is_some());
        assert!(fuzzy(&m, &field("richard fisher", Role::Speaker), &w).is_some());
        assert_eq!(fuzzy(&m, &field("richard fisher", Role::Main), &w), None);
        assert!(!matches(
            &field("for its share here", Role::Detail),
            &word("fisher")
        ));
        assert!(matches(
            &field("so complicit", Role::Detail),
            &word("cmplct")
        ));
        assert!(matches(
            &field("state-owned firms", Role::Main),
            &word("stateowned")
        ));

        assert!(is_subsequence_in_a_token(
            "a fiasco shore fisheries",
            "fisher"
        ));
        assert!(!is_subsequence_in_a_token("a fiasco shore", "fisher"));
        assert!(is_subsequence_in_a_token("xx 李a伟 yy", "李伟"));
        assert!(!is_subsequence_in_a_token("李 伟", "李伟"));
        assert!(is_subsequence_in_a_token("ab", "b"));
        assert!(!is_subsequence_in_a_token("a b", "ab"));
    }

    #[test]
    fn positions_are_folded_char_indices() {
        let m = skim();
        assert_eq!(
            positions(&m, "李伟 (li wei)", Role::Name, &word("wei")),
            Some(vec![7, 8, 9])
        );
        assert_eq!(
            positions(&m, "🐟 fish", Role::Main, &word("fish")),
            Some(vec![2, 3, 4, 5])
        );
        let scattered = positions(&m, "richard fisher", Role::Name, &word("rdf")).unwrap();
        let chars: Vec<char> = "richard fisher".chars().collect();
        let picked: String = scattered.iter().map(|&i| chars[i]).collect();
        assert_eq!(picked, "rdf");
        assert!(scattered.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(positions(&m, "abc", Role::Main, &word("z")), None);
    }

    #[test]
    fn whole_query_equal_to_a_name() {
        let p = Pattern::new("  Richard   FISHER ");
        assert!(p.is_whole_name("richard fisher"));
        assert!(!p.is_whole_name("richard fisher jr"));
        assert!(Pattern::new("fisher c").extends(&Pattern::new("fisher ")));
        assert!(Pattern::new("fisher").extends(&Pattern::new("fis")));
        assert!(!Pattern::new("fisher").extends(&Pattern::new("")));
        assert!(!Pattern::new("fisher").extends(&Pattern::new("fish c")));
    }
}
