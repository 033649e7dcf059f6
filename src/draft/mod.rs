//! Drafting a story from a news article: the quotations and who said them, the parties
//! and analysts, who declined to comment, the sources cited and the dated events.
//!
//! A lower-layer engine: article text in, a [`Draft`] (and its YAML, [`write::yaml`]) out.
//! Every drafted item carries the sentence it came from and the rule that produced it.
//! It knows nothing of the commands or the explorer.

mod attrib;
pub mod dates;
pub mod names;
pub mod read;
pub mod speaker;
mod speaker_weights;
pub mod text;
pub mod write;

pub use read::{Article, Markup};

/// A party's kind and a quote's kind are the story format's own.
pub use crate::story::{PartyKind, QuoteKind};

/// Why an item was drafted: the sentence it came from and the rule that found it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note {
    pub sentence: String,
    pub rule: String,
}

/// A party or an analyst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: PartyKind,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    /// An analyst's institution.
    pub affiliation: Option<String>,
    /// Who they are, as the article describes them.
    pub description: Option<String>,
    /// The party this person speaks for (an index into [`Draft::entities`]).
    pub speaks_for: Option<usize>,
    pub analyst: bool,
    pub note: Note,
}

/// A quote: direct, paraphrase, declined or no-response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The speaker (an index into [`Draft::entities`]).
    pub by: usize,
    pub kind: QuoteKind,
    pub text: String,
    pub to: Option<String>,
    pub context: Option<String>,
    pub note: Note,
}

/// A source: the article itself, or one it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// The format's source kind: `report`, `document`, `statement`, ...
    pub kind: &'static str,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub by: Option<usize>,
    /// Indexes into [`Draft::sources`].
    pub cites: Vec<usize>,
    pub note: Option<Note>,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: String,
    pub title: String,
    pub detail: String,
    pub involves: Vec<usize>,
    pub note: Note,
}

/// A drafted story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    /// What the draft was made from (the file name, or standard input).
    pub from: String,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
}

/// A party or analyst already known from stories loaded with `--corpus`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<PartyKind>,
    pub analyst: bool,
}

/// What the command line says about the article.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The article's file name (for its markup and the story id), if it is a file.
    pub file_name: Option<String>,
    pub markup: Option<Markup>,
    pub id: Option<String>,
    pub title: Option<String>,
    /// The publication date, as a format date (`2025-11-14`).
    pub date: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Known parties and analysts, whose ids a matching speaker takes.
    pub known: Vec<Known>,
    /// Every id the known stories use (a new entity's id avoids them).
    pub taken_ids: Vec<String>,
}

/// Drafts a story from an article's text.
pub fn draft(input: &str, opts: &Options) -> Draft {
    let markup = opts
        .markup
        .unwrap_or_else(|| read::detect(opts.file_name.as_deref(), input));
    let article = read::read(input, markup);
    attrib::draft_article(&article, opts)
}

/// Drafts a story and writes it as YAML (format 2).
pub fn draft_yaml(input: &str, opts: &Options) -> String {
    write::yaml(&draft(input, opts))
}

/// Drafts a story with the speaker scorer's weights `weights`, and gives each quotation's
/// candidates as the drafter saw them: what `examples/fit_speakers.rs` fits the weights on.
#[doc(hidden)]
pub fn draft_traced(
    input: &str,
    opts: &Options,
    weights: &speaker::Features,
) -> (Draft, Vec<speaker::Traced>) {
    let markup = opts
        .markup
        .unwrap_or_else(|| read::detect(opts.file_name.as_deref(), input));
    let article = read::read(input, markup);
    attrib::draft_article_with(&article, opts, weights, true)
}
