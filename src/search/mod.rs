//! Fuzzy search over every quote, party, analyst, event, claim, source and story of a
//! corpus: "who said what" in a keystroke.
//!
//! - [`Index::new`] folds every searchable text once ([`fold`]: case and accents).
//! - [`Searcher`] answers queries incrementally (a query that extends the last one only
//!   looks at its hits); [`Index::search`] answers one query from scratch.
//! - [`Filter`] tests single rows against a query (filtering a pane in place).
//! - [`Worker`] runs a searcher on its own thread for the UI (generation-tagged, stale
//!   results dropped).
//!
//! Matching: every word of the query must match somewhere in the item (its text, its
//! speaker's name, its other texts), contiguously or scattered (SkimMatcherV2: across
//! a name, or inside one word of other text); whole-word and prefix matches outrank
//! infix ones, which outrank scattered ones ([`matcher`]); ties keep story order, then
//! item order ([`items`]).

pub mod engine;
pub mod filter;
pub mod fold;
pub mod index;
pub mod items;
pub mod matcher;
pub mod names;
pub mod oneshot;
pub mod pairs;
pub mod prefilter;
pub mod snippet;
pub mod words;
pub mod worker;

pub use engine::{Options, Searcher};
pub use filter::Filter;
pub use index::Index;
pub use items::Kind;
pub use worker::{Request, Response, Worker};

use crate::story::QuoteKind;

/// One search hit: the item, where to find it, what to show, and what to highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    /// Index of the story in the corpus.
    pub story: usize,
    pub story_id: String,
    pub story_title: String,
    /// The item's id (the story's id for a story); `None` for an unnamed quote or event.
    pub id: Option<String>,
    /// The item's index in its story's list: `quotes[index]`, `parties[index]`, ...,
    /// for events its position in the timeline as displayed; 0 for a story.
    pub index: usize,
    /// The item's main text: the quote, the party's or analyst's or source's name, the
    /// event's title, the claim, the story's title. Exactly as in the file.
    pub text: String,
    pub score: i32,
    /// For quotes: the speaker's id and display name.
    pub by: Option<String>,
    pub by_name: Option<String>,
    /// For quotes: direct or paraphrase.
    pub quote_kind: Option<QuoteKind>,
    /// Matched characters of `text`: character indices (not bytes), sorted.
    pub positions: Vec<usize>,
    /// Matched characters of `by_name`: character indices, sorted.
    pub by_name_positions: Vec<usize>,
}

/// The answer to one query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// The query as given.
    pub query: String,
    /// How many items match (all of them, not only the rows returned).
    pub total: usize,
    /// The best hits, best first, at most `Options::limit`.
    pub hits: Vec<Hit>,
    /// How many stories the index held (while a corpus loads it grows: a later
    /// answer to the same query covers more).
    pub stories: usize,
    /// The hits are the best rows, but the count is still being made (`total` is
    /// then only the rows found): an answer to the same query with the count
    /// follows ([`Searcher::page`]).
    pub counting: bool,
}

impl Index {
    /// Answers one query from scratch (no narrowing from an earlier query).
    pub fn search(self: &std::sync::Arc<Self>, query: &str, options: &Options) -> Results {
        Searcher::new(std::sync::Arc::clone(self)).search(query, options)
    }
}

#[cfg(test)]
mod tests;
