//! The words of the main texts and details of an index: each distinct
//! space-separated token once, per role, in one buffer (tokens between spaces),
//! so that the best score a query word can reach anywhere is told without looking
//! at any item.
//!
//! What it is for: a query's best possible score is the sum, over its words, of
//! the best each reaches anywhere (in a name: the names directory; in main text or
//! details: these words, as a whole word, a word's start or inside a word;
//! initials of consecutive words, bounded by the initials tier; scattered, by the
//! word's fuzzy bound), with the whole-name bonus when some name is the whole
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

use super::items::Role;
use super::matcher::{contiguous_at, tier_score, Word};

/// The distinct tokens of some texts, for [`Words::from_tokens`].
pub(crate) type Tokens = HashSet<Box<str>, foldhash::fast::FixedState>;

/// The words of the main texts and details of an index's first `covers` items.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Each distinct token of main texts once, sorted, a space between two.
    main: String,
    /// The same for details.
    detail: String,
    covers: u32,
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

impl Words {
    /// The words of the first `covers` items, from the tokens of their main texts
    /// and of their details.
    pub(crate) fn from_tokens(main: Tokens, detail: Tokens, covers: u32) -> Words {
        Words {
            main: joined(main),
            detail: joined(detail),
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
        self.main.capacity() + self.detail.capacity()
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
