//! The answers of the 676 two-letter queries ("to", "ri", "co"): per pair of
//! letters, how many items match and the best rows, ranked as the engine ranks.
//!
//! A fresh two-letter query matches most items of a large corpus (at 100,000
//! stories "to" matches 5 of 7 million), so scanning them is the slowest keystroke
//! there is. These answers are built in one pass over every item, off the load
//! path (the search worker builds them a step at a time when idle after a load;
//! they are let go when the index grows), and answer such a query without looking
//! at any item.
//!
//! Exact: per item and pair, the best contiguous score over its fields (whole word,
//! word start, initials of consecutive words, inside a word: the tiers of
//! [`super::matcher::contiguous`], with the whole-name bonus), and whether the pair
//! matches at all (its letters in order inside one token, across a whole name, or as
//! initials): the count is of those. An item matching only scattered gets skim's
//! score, which is not computed here but is at most the word's
//! [`super::matcher::Word::fuzzy_bound`]: when such items exist, the answer is given
//! only if the rows asked all score above that bound; otherwise the engine scans.

use rayon::prelude::*;

use super::index::{Index, Letters, LETTER_ROWS};
use super::items::Role;
use super::matcher::{pair_score, FieldRef, Pattern, Tier, FULL_NAME_BONUS};
use super::names::{Counting, Filling};
use super::words::{HeadGramsBuilding, Row, Tokens, Words};

const LETTERS: usize = 26;
/// The two-letter queries (`aa` … `zz`).
const PAIRS: usize = LETTERS * LETTERS;
/// Items per step of building (the worker looks at its queue between two: about
/// 0.1 s at 100,000 stories on two busy cores).
const STEP: usize = if cfg!(test) { 300 } else { 1 << 14 };
/// Items per parallel task of a step.
const TASK: usize = if cfg!(test) { 70 } else { 1 << 12 };
/// No contiguous score in an item yet.
const NONE: i32 = i32::MIN;

/// The answers of the two-letter queries over an index's first `items` items.
#[derive(Debug, Clone)]
pub struct Pairs {
    answers: Letters,
    /// By pair: whether some item matches it only scattered.
    scattered: Vec<bool>,
    items: u32,
}

/// The pair (its place in [`PAIRS`]) a two-letter word of `a`-`z` is.
fn pair_of(word: &[u8]) -> Option<usize> {
    match word {
        &[a @ b'a'..=b'z', b @ b'a'..=b'z'] => {
            Some(usize::from(a - b'a') * LETTERS + usize::from(b - b'a'))
        }
        _ => None,
    }
}

impl Pairs {
    fn new() -> Pairs {
        Pairs {
            answers: Letters::new(PAIRS),
            scattered: vec![false; PAIRS],
            items: 0,
        }
    }

    /// The bytes it holds.
    pub fn bytes(&self) -> usize {
        let rows: usize = self.answers.top.iter().map(Vec::capacity).sum();
        rows * std::mem::size_of::<(i32, u32)>()
            + self.answers.top.capacity() * std::mem::size_of::<Vec<(i32, u32)>>()
            + PAIRS * (2 * std::mem::size_of::<usize>() + 1)
    }

    /// How many items (the index's first) the answers cover.
    pub(crate) fn items(&self) -> u32 {
        self.items
    }

    /// The answer to a query of one two-letter word for at most `limit` rows (of any
    /// kind): how many items match, and the best `limit` (score, item), ranked;
    /// `None` for any other query, or when items matching only scattered could
    /// rank among the rows asked.
    pub(crate) fn answer(&self, pattern: &Pattern, limit: usize) -> Option<(usize, &[(i32, u32)])> {
        let [word] = pattern.words.as_slice() else {
            return None;
        };
        let p = pair_of(word.text.as_bytes())?;
        if limit > LETTER_ROWS {
            return None;
        }
        let top = &self.answers.top[p];
        let rows = &top[..top.len().min(limit)];
        let beaten = |rows: &[(i32, u32)]| {
            rows.len() < limit || rows.last().is_some_and(|&(s, _)| s <= word.fuzzy_bound())
        };
        if self.scattered[p] && beaten(rows) {
            return None;
        }
        Some((self.answers.count[p], rows))
    }

    /// Adds the answers of the items after these.
    fn append(&mut self, part: Pairs) {
        self.answers.append(part.answers, 0);
        for (a, b) in self.scattered.iter_mut().zip(part.scattered) {
            *a |= b;
        }
        self.items = part.items;
    }
}

/// The two-letter answers of an index, built a step at a time.
pub struct Building {
    pairs: Pairs,
    /// The names seen, counted, for the names directory ([`super::names`]).
    names: Counting,
    /// Once every item is counted: the names directory, its items filled in a
    /// step at a time.
    filling: Option<Filling>,
    /// How many items are filled in.
    filled: u32,
    /// The tokens of main texts and of details seen ([`super::words`]).
    main: Tokens,
    detail: Tokens,
    /// The runs of initials of main texts and details seen ([`super::words`]).
    initials: HeadGramsBuilding,
}

/// What one task of a step gathers.
struct Scanned {
    pairs: Pairs,
    names: Counting,
    main: Tokens,
    detail: Tokens,
}

impl Default for Building {
    fn default() -> Building {
        Building::new()
    }
}

impl Building {
    pub fn new() -> Building {
        Building {
            pairs: Pairs::new(),
            names: Counting::default(),
            filling: None,
            filled: 0,
            main: Tokens::default(),
            detail: Tokens::default(),
            initials: HeadGramsBuilding::default(),
        }
    }

    /// Takes the next items of `index` (a step, in parallel; then, once every item
    /// is counted, a step of filling in the names directory); true when every item
    /// is in, and the answers then given to the index.
    pub fn step(&mut self, index: &Index) -> bool {
        if let Some(filling) = &mut self.filling {
            let to = (self.filled as usize + STEP).min(index.len()) as u32;
            filling.fill(index, self.filled..to);
            self.filled = to;
            if (to as usize) < index.len() {
                return false;
            }
            return self.finish(index);
        }
        let from = self.pairs.items as usize;
        let to = (from + STEP).min(index.len());
        let parts: Vec<Scanned> = (from..to)
            .step_by(TASK)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|at| scan(index, at as u32..(at + TASK).min(to) as u32, &self.initials))
            .collect();
        for part in parts {
            self.pairs.append(part.pairs);
            self.names.append(part.names);
            for (into, tokens) in [(&mut self.main, part.main), (&mut self.detail, part.detail)] {
                into.extend(tokens);
            }
        }
        self.pairs.items = to as u32;
        if to < index.len() {
            return false;
        }
        // The names' rooms are known: their items are filled in next.
        self.filling = Some(std::mem::take(&mut self.names).filling(to as u32));
        false
    }

    /// Gives the answers, the names directory and the words to the index.
    fn finish(&mut self, index: &Index) -> bool {
        let to = self.pairs.items;
        let mut pairs = std::mem::replace(&mut self.pairs, Pairs::new());
        for top in &mut pairs.answers.top {
            top.shrink_to_fit();
        }
        let names = match self.filling.take() {
            Some(filling) => filling.finish(),
            None => Counting::default().filling(to).finish(),
        };
        let words = Words::from_tokens(
            std::mem::take(&mut self.main),
            std::mem::take(&mut self.detail),
            std::mem::take(&mut self.initials).finish(),
            to,
        );
        index.set_pairs(pairs);
        index.set_names(names);
        index.set_words(words);
        true
    }
}

/// Builds the two-letter answers and the names directory of the index (all steps
/// at once) and gives them to it.
pub fn build(index: &Index) {
    let mut building = Building::new();
    while !building.step(index) {}
}

/// What one item holds of each pair, gathered field by field.
struct ItemScan {
    /// By pair: the best contiguous score ([`NONE`]: none).
    best: Vec<i32>,
    /// The pairs with a contiguous score.
    touched: Vec<u16>,
    /// By second letter: the bits of the first letters found before it in one
    /// token (or anywhere before it in a name).
    before: [u32; LETTERS],
    /// The pairs that are a name or speaker's name of the item, whole.
    named: Vec<usize>,
}

/// The letter (0-25) of a folded character, if it is one of `a`-`z`.
#[inline]
fn letter(c: char) -> Option<usize> {
    c.is_ascii_lowercase().then(|| c as usize - 'a' as usize)
}

impl ItemScan {
    fn new() -> ItemScan {
        ItemScan {
            best: vec![NONE; PAIRS],
            touched: Vec::new(),
            before: [0; LETTERS],
            named: Vec::new(),
        }
    }

    #[inline]
    fn contiguous(&mut self, a: usize, b: usize, tier: Tier, role: Role) {
        let p = a * LETTERS + b;
        let score = pair_score(tier, role);
        if self.best[p] == NONE {
            self.touched.push(p as u16);
        }
        self.best[p] = self.best[p].max(score);
    }

    fn field(&mut self, field: &FieldRef<'_>, initials: &HeadGramsBuilding) {
        let text = field.text();
        let whole = matches!(field.role, Role::Name | Role::Speaker);
        if whole {
            let mut words = text.split_whitespace();
            if let (Some(w), None) = (words.next(), words.next()) {
                // As `Pattern::is_whole_name` tells it for the pair's query.
                if let Some(p) = pair_of(w.as_bytes()) {
                    if text.trim_start_matches(' ').starts_with(w) {
                        self.named.push(p);
                    }
                }
            }
        }
        let row = initials.row(field.role);
        if text.is_ascii() {
            // Lower-cased for a text read as written (a folded one is already).
            let lower = |b: u8| char::from(b.to_ascii_lowercase());
            self.chars(text.bytes().map(lower), field.role, whole, row);
        } else {
            self.chars(text.chars(), field.role, whole, row);
        }
    }

    /// Goes through a field's characters: contiguous pairs with their tier,
    /// initials of consecutive words (each word's first character told to `row`),
    /// and letters in order within a token.
    #[inline]
    fn chars(
        &mut self,
        chars: impl Iterator<Item = char>,
        role: Role,
        whole: bool,
        mut row: Row<'_>,
    ) {
        let mut seen = 0u32;
        // The last two characters (and whether the one before them is alphanumeric).
        let mut prev: Option<char> = None;
        let mut prev_alnum = false;
        let mut before_prev_alnum = false;
        // A pair of letters waiting for the character after it: (a, b, infix).
        let mut pending: Option<(usize, usize, bool)> = None;
        let mut last_head: Option<char> = None;
        for c in chars {
            let alnum = c.is_alphanumeric();
            if let Some((a, b, infix)) = pending.take() {
                let tier = match (infix, alnum) {
                    (true, _) => Tier::Infix,
                    (false, true) => Tier::Prefix,
                    (false, false) => Tier::WholeWord,
                };
                self.contiguous(a, b, tier, role);
            }
            if alnum && !prev_alnum {
                row.head(c);
                if let (Some(a), Some(b)) = (last_head.and_then(letter), letter(c)) {
                    self.contiguous(a, b, Tier::Initials, role);
                }
                last_head = Some(c);
            }
            match letter(c) {
                Some(b) => {
                    if let Some(a) = prev.and_then(letter) {
                        pending = Some((a, b, before_prev_alnum));
                    }
                    self.before[b] |= seen;
                    seen |= 1 << b;
                }
                None if c == ' ' && !whole => seen = 0,
                None => {}
            }
            before_prev_alnum = prev_alnum;
            prev_alnum = alnum;
            prev = Some(c);
        }
        if let Some((a, b, infix)) = pending {
            let tier = if infix { Tier::Infix } else { Tier::WholeWord };
            self.contiguous(a, b, tier, role);
        }
    }

    /// Counts the item (its number) in the answers of each pair it matches.
    fn finish(&mut self, item: u32, into: &mut Pairs) {
        self.named.sort_unstable();
        self.named.dedup();
        for &p in &self.named {
            // A whole name is a whole word: it has a contiguous score.
            if self.best[p] != NONE {
                self.best[p] = self.best[p].saturating_add(FULL_NAME_BONUS);
            }
        }
        for (b, &firsts) in self.before.iter().enumerate() {
            let mut bits = firsts;
            while bits != 0 {
                let a = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let p = a * LETTERS + b;
                into.answers.count[p] += 1;
                match self.best[p] {
                    NONE => into.scattered[p] = true,
                    score => {
                        into.answers.offer(p, score, item);
                    }
                }
            }
        }
        for &p in &self.touched {
            let p = usize::from(p);
            let (a, b) = (p / LETTERS, p % LETTERS);
            if self.before[b] & 1 << a == 0 {
                // Initials of words in a row, not in one token: counted here.
                into.answers.count[p] += 1;
                into.answers.offer(p, self.best[p], item);
            }
            self.best[p] = NONE;
        }
        self.touched.clear();
        self.named.clear();
        self.before = [0; LETTERS];
    }
}

/// The answers of some items of the index (numbered as in the index), their
/// name fields and the tokens of their other texts.
fn scan(index: &Index, items: std::ops::Range<u32>, initials: &HeadGramsBuilding) -> Scanned {
    let mut part = Pairs::new();
    let mut names = Counting::default();
    let (mut main, mut detail) = (Tokens::default(), Tokens::default());
    let mut scan = ItemScan::new();
    // A text read as written is lower-cased here for its tokens, into one buffer
    // reused field after field.
    let mut lower = String::new();
    for item in items.clone() {
        for field in index.item_refs(item) {
            scan.field(&field, initials);
            if field.raw {
                lower.clear();
                lower.push_str(field.text());
                lower.make_ascii_lowercase();
                Words::tokens_of(&lower, field.role, &mut main, &mut detail);
            } else {
                Words::tokens_of(field.text(), field.role, &mut main, &mut detail);
            }
        }
        scan.finish(item, &mut part);
        names.count(index, item);
    }
    part.items = items.end;
    Scanned {
        pairs: part,
        names,
        main,
        detail,
    }
}
