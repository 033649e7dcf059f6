//! The words of the main texts and details of an index: each distinct
//! space-separated token once, per role, in one buffer (tokens between spaces),
//! so that the best score a query word can reach anywhere is told without looking
//! at any item.
//!
//! What it is for: a query's best possible score is the sum, over its words, of
//! the best each reaches anywhere (in a name: the names directory; in main text or
//! details: these words, as a whole word, a word's start or inside a word;
//! initials of consecutive words, bounded by the initials tier unless no text has
//! words starting so in a row ([`HeadGrams`]); found only scattered, its best skim
//! score in one of these words or in a name, on which alone a scattered word's
//! score in an item depends), with the whole-name bonus when some name is the whole
//! query. An item scoring exactly that ranks above every item scoring less, and
//! ties keep item order: so the first `limit` items, in item order, that reach it
//! are the best `limit` rows, whatever the rest score
//! ([`super::engine::Searcher::page`]). The count still needs every item.
//!
//! Why the words alone tell the contiguous tiers: a query word holds no space, so
//! each of its occurrences in a text lies inside one token, and its tier (whole
//! word, word start, inside a word) depends only on the characters next to it,
//! which are in the token or are the spaces around it: as in the joined buffer.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

use super::items::Role;
use super::matcher::{self, contiguous_at, is_subsequence, tier_score, FieldRef, Skim, Word};

/// The distinct tokens of some texts, for [`Words::from_tokens`].
pub(crate) type Tokens = HashSet<Box<str>, foldhash::fast::FixedState>;

/// The words of the main texts and details of an index's first `covers` items.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Each distinct token of main texts once, sorted, a space between two.
    main: String,
    /// The same for details.
    detail: String,
    /// The runs of letters that start consecutive words of some main text or detail.
    initials: HeadGrams,
    covers: u32,
}

/// The longest run of initials [`HeadGrams`] holds.
const GRAM_MAX: usize = 5;
/// Where the runs of each length start among the bits: runs of 2 letters at 0,
/// of 3 after the 26² of 2, and so on.
const GRAM_AT: [usize; GRAM_MAX + 2] = {
    let mut at = [0; GRAM_MAX + 2];
    let mut k = 2;
    let mut power = 26 * 26;
    while k <= GRAM_MAX {
        at[k + 1] = at[k] + power;
        power *= 26;
        k += 1;
    }
    at
};
/// Bits for every run of 2 to [`GRAM_MAX`] letters (1.5 MB).
const GRAM_BITS: usize = GRAM_AT[GRAM_MAX + 1];

/// The bit of a run of 2 to [`GRAM_MAX`] letters (each 0-25).
fn gram_bit(run: &[u8]) -> usize {
    GRAM_AT[run.len()] + run.iter().fold(0, |n, &l| n * 26 + usize::from(l))
}

/// Which runs of 2 to [`GRAM_MAX`] letters (`a`-`z`) are the first letters of
/// consecutive words of some main text or detail (as [`matcher::initials_at`]
/// reads words), so that a query word's initials tier is bounded only when some
/// text may hold it: "richr" is the initials of no words of a corpus that has no
/// words starting r, i, c, h, r in a row.
#[derive(Clone, Default)]
pub(crate) struct HeadGrams {
    bits: Vec<u64>,
}

impl std::fmt::Debug for HeadGrams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set: u32 = self.bits.iter().map(|b| b.count_ones()).sum();
        write!(f, "HeadGrams({set} runs)")
    }
}

impl HeadGrams {
    /// Whether `word` (folded) may be the initials of consecutive words of some
    /// main text or detail: false only when no text holds them (a word of
    /// letters `a`-`z` whose every run of [`GRAM_MAX`] letters, or the whole word
    /// when shorter, is missing); true for a word of other characters.
    pub(crate) fn may_hold(&self, word: &Word) -> bool {
        if word.chars < 2 {
            return false;
        }
        if self.bits.is_empty() || !word.text.bytes().all(|b| b.is_ascii_lowercase()) {
            return true;
        }
        let letters: Vec<u8> = word.text.bytes().map(|b| b - b'a').collect();
        letters.windows(letters.len().min(GRAM_MAX)).all(|run| {
            let bit = gram_bit(run);
            self.bits[bit / 64] & 1 << (bit % 64) != 0
        })
    }
}

/// [`HeadGrams`] being gathered by several threads at once.
pub(crate) struct HeadGramsBuilding {
    bits: Vec<AtomicU64>,
}

impl Default for HeadGramsBuilding {
    fn default() -> HeadGramsBuilding {
        HeadGramsBuilding {
            bits: (0..GRAM_BITS.div_ceil(64))
                .map(|_| AtomicU64::new(0))
                .collect(),
        }
    }
}

impl HeadGramsBuilding {
    /// The runs of one text of this role, told its words' first characters in
    /// order ([`Row::head`]); a text of another role than main or details adds none.
    pub(crate) fn row(&self, role: Role) -> Row<'_> {
        Row {
            grams: matches!(role, Role::Main | Role::Detail).then_some(self),
            letters: [0; GRAM_MAX],
            n: 0,
        }
    }

    fn insert(&self, run: &[u8]) {
        let bit = gram_bit(run);
        let (word, mask) = (&self.bits[bit / 64], 1u64 << (bit % 64));
        if word.load(Ordering::Relaxed) & mask == 0 {
            word.fetch_or(mask, Ordering::Relaxed);
        }
    }

    /// The runs gathered.
    pub(crate) fn finish(self) -> HeadGrams {
        HeadGrams {
            bits: self.bits.into_iter().map(AtomicU64::into_inner).collect(),
        }
    }
}

/// Joins the tokens, sorted, a space between two.
fn joined(tokens: Tokens) -> String {
    let mut tokens: Vec<Box<str>> = tokens.into_iter().collect();
    tokens.sort_unstable();
    let mut out = String::with_capacity(tokens.iter().map(|t| t.len() + 1).sum());
    for t in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
    out.shrink_to_fit();
    out
}

/// The words of one text, for [`HeadGramsBuilding`]: the letters that start
/// its last words in a row.
pub(crate) struct Row<'a> {
    grams: Option<&'a HeadGramsBuilding>,
    letters: [u8; GRAM_MAX],
    n: usize,
}

impl Row<'_> {
    /// The text's next word starts with `c` (a word starting with a character
    /// other than `a`-`z` breaks the row: no run of letters matches across it).
    #[inline]
    pub(crate) fn head(&mut self, c: char) {
        let Some(grams) = self.grams else {
            return;
        };
        if !c.is_ascii_lowercase() {
            self.n = 0;
            return;
        }
        self.letters.copy_within(1.., 0);
        self.letters[GRAM_MAX - 1] = c as u8 - b'a';
        self.n += 1;
        for k in 2..=self.n.min(GRAM_MAX) {
            grams.insert(&self.letters[GRAM_MAX - k..]);
        }
    }
}

impl Words {
    /// The words of the first `covers` items, from the tokens of their main texts
    /// and of their details.
    pub(crate) fn from_tokens(
        main: Tokens,
        detail: Tokens,
        initials: HeadGrams,
        covers: u32,
    ) -> Words {
        Words {
            main: joined(main),
            detail: joined(detail),
            initials,
            covers,
        }
    }

    /// Adds the tokens of a folded text of this role to `main` or `detail`.
    pub(crate) fn tokens_of(text: &str, role: Role, main: &mut Tokens, detail: &mut Tokens) {
        let into = match role {
            Role::Main => main,
            Role::Detail => detail,
            Role::Name | Role::Speaker => return,
        };
        for token in text.split(' ').filter(|t| !t.is_empty()) {
            if !into.contains(token) {
                into.insert(token.into());
            }
        }
    }

    /// How many items (the index's first) the words cover.
    pub(crate) fn covers(&self) -> u32 {
        self.covers
    }

    /// The bytes it holds.
    pub fn bytes(&self) -> usize {
        self.main.capacity() + self.detail.capacity() + self.initials.bits.capacity() * 8
    }

    /// Whether `word` may be the initials of consecutive words of some main text or
    /// detail ([`HeadGrams::may_hold`]).
    pub(crate) fn may_be_initials(&self, word: &Word) -> bool {
        self.initials.may_hold(word)
    }

    /// The best score `word` reaches found scattered (skim) in any main text or
    /// detail, as [`matcher::fuzzy`] scores it there: in one token, whose score
    /// depends only on the token; `None` when it is scattered in none.
    pub(crate) fn best_scattered(&self, skim: &Skim, word: &Word) -> Option<i32> {
        [(&self.main, Role::Main), (&self.detail, Role::Detail)]
            .into_iter()
            .flat_map(|(buf, role)| {
                buf.split(' ')
                    .filter(|token| is_subsequence(token, &word.text))
                    .filter_map(move |token| {
                        matcher::fuzzy(skim, &FieldRef::new(token, role), word)
                    })
            })
            .max()
    }

    /// The best score `word` reaches found contiguously (not as initials) in any
    /// main text or detail, as [`super::matcher::contiguous`] scores it; `None`
    /// when it is in none.
    pub(crate) fn best(&self, word: &Word) -> Option<i32> {
        [(&self.main, Role::Main), (&self.detail, Role::Detail)]
            .into_iter()
            .filter_map(|(buf, role)| {
                let (tier, _) = contiguous_at(buf, word)?;
                Some(tier_score(tier, role, word))
            })
            .max()
    }
}

#[cfg(test)]
mod tests {
    use crate::search::fold::fold;
    use crate::search::items::Role;
    use crate::search::matcher::{initials_at, Pattern};
    use crate::search::{pairs, Index};

    #[test]
    fn a_word_is_told_not_initials_only_when_no_text_has_it_as_initials() {
        let corpus = crate::synth::corpus(6);
        let index = Index::new(&corpus);
        pairs::build(&index);
        let words = index.words().expect("built");
        let mut prose: Vec<String> = Vec::new();
        for (si, story) in corpus.stories.iter().enumerate() {
            for item in crate::search::items::story_items(si, story) {
                prose.extend(
                    item.fields
                        .iter()
                        .filter(|f| matches!(f.role, Role::Main | Role::Detail))
                        .map(|f| fold(&f.text)),
                );
            }
        }
        let word = |w: &str| Pattern::new(w).words.remove(0);
        let mut rng = crate::synth::Rng::new(9);
        let (mut told, mut asked) = (0, 0);
        for _ in 0..3000 {
            let len = 2 + rng.below(6);
            let w: String = (0..len)
                .map(|_| char::from(b'a' + rng.below(26) as u8))
                .collect();
            let w = word(&w);
            asked += 1;
            if !words.may_be_initials(&w) {
                told += 1;
                let somewhere = prose.iter().any(|t| initials_at(t, &w).is_some());
                assert!(!somewhere, "{:?}", w.text);
            }
        }
        assert!(
            told * 2 > asked,
            "most random words are told: {told} of {asked}"
        );
        // Runs of first letters of the texts' own words in a row.
        let mut runs = 0;
        for text in &prose {
            let heads: Vec<char> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|t| t.chars().next())
                .collect();
            for from in 0..heads.len().saturating_sub(1) {
                let run: String = heads[from..].iter().take(2 + rng.below(6)).collect();
                if run.chars().count() >= 2 && initials_at(text, &word(&run)).is_some() {
                    runs += 1;
                    assert!(words.may_be_initials(&word(&run)), "{run:?} in {text:?}");
                }
            }
        }
        assert!(runs > 1000, "{runs}");
    }
}
