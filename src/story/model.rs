//! The loaded, validated story: the types every other part of storyx reads.
//!
//! Text is kept exactly as written in the file (no trimming, no sanitizing);
//! display code passes it through [`crate::sanitize`] before it reaches a terminal.
//! The types derive serde's traits for the parsed-corpus cache (`cache`, a layer above).

use std::fmt;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::schema::{Id, Reference, Text, Url, Version};

/// The highest story format version this storyx reads.
pub const FORMAT_VERSION: u64 = 2;

/// The version of a file that does not say (`format` left out): always 1, whatever
/// the newest version is.
pub const DEFAULT_FORMAT: u64 = 1;

pub use super::text::Packer;
/// A story's text: 16 bytes, a span of its story's one buffer once the story is
/// packed ([`Story::pack`]; see [`super::text`]).
pub use super::text::Str;

// The `schemars` attributes describe the story *file* (see `super::schema`): every
// mapping is closed except for `x-` keys, optional keys may be null, defaulted keys are
// optional, and fields that are not in files are skipped.

/// One story, loaded from one file and validated.
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(
    title = "storyx story",
    description = "One news story for storyx (story format 2): its parties, analysts, quotes, claims and timeline. Keys starting with `x-` are extensions and are ignored.",
    deny_unknown_fields,
    extend("patternProperties" = {"^x-": {}})
)]
pub struct Story {
    /// The story format version this file is written in (default 1; 2 for the keys and values added in version 2).
    #[schemars(with = "Option<Version>", extend("default" = 1))]
    pub format: u64,
    /// Stable name of the story, unique across everything loaded.
    #[schemars(with = "Id")]
    pub id: Str,
    /// The headline.
    #[schemars(with = "Text")]
    pub title: Str,
    /// When the story ran or its main event.
    pub date: Option<PartialDate>,
    /// The central question the parties take positions on.
    #[schemars(with = "Option<Text>")]
    pub question: Option<Str>,
    /// A few sentences; may be multi-line.
    #[schemars(with = "Option<Text>")]
    pub summary: Option<Str>,
    /// Free labels, searchable.
    #[schemars(with = "Option<Vec<Text>>")]
    pub tags: Vec<Str>,
    /// Where the facts come from.
    #[schemars(with = "Option<Vec<Source>>")]
    pub sources: Vec<Source>,
    /// The actors of the story.
    #[schemars(with = "Option<Vec<Party>>")]
    pub parties: Vec<Party>,
    /// Commentators quoted about the story.
    #[schemars(with = "Option<Vec<Analyst>>")]
    pub analysts: Vec<Analyst>,
    /// Who said what.
    #[schemars(with = "Option<Vec<Quote>>")]
    pub quotes: Vec<Quote>,
    /// Allegations, denials, proposals, and who stands where on them.
    #[schemars(with = "Option<Vec<Claim>>")]
    pub claims: Vec<Claim>,
    /// Events in display order (see [`super::date::timeline_order`]); each keeps its index in the file.
    #[schemars(
        with = "Option<Vec<Event>>",
        description = "What happened when; shown in chronological order."
    )]
    pub timeline: Vec<Event>,
    /// `x-` extension keys at the top level, kept aside (names only) and otherwise ignored.
    #[schemars(skip)]
    pub extensions: Vec<String>,
    /// Where the story came from, as given on the command line (or `stories/…` for bundled ones).
    /// Not serialized: whoever loads the story sets it (the cache keeps stories by file).
    #[schemars(skip)]
    #[serde(skip)]
    pub file: PathBuf,
}

/// Where facts come from: a report, a statement, a document.
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Source {
    #[schemars(with = "Id")]
    pub id: Str,
    /// E.g. "Financial Times report".
    #[schemars(with = "Text")]
    pub name: Str,
    /// Publication or body.
    #[schemars(with = "Option<Text>")]
    pub outlet: Option<Str>,
    pub date: Option<PartialDate>,
    /// A web address starting with http:// or https://.
    #[schemars(with = "Option<Url>")]
    pub url: Option<Str>,
    /// E.g. "relies on an anonymous leak".
    #[schemars(with = "Option<Text>")]
    pub note: Option<Str>,
    /// What kind of source (default `other`; format 2).
    #[schemars(with = "Option<SourceKind>", extend("default" = "other"))]
    pub kind: SourceKind,
    /// The party or analyst that wrote or published it (format 2).
    #[schemars(
        with = "Option<Reference>",
        description = "The party or analyst that wrote or published it, an id of the same story (format 2)."
    )]
    pub by: Option<Str>,
    /// The sources it reports from, in the order written (format 2).
    #[schemars(
        with = "Option<Vec<Reference>>",
        description = "The sources it reports from: source ids of the same story, not itself, each once, no loops (format 2)."
    )]
    pub cites: Vec<Str>,
}

/// What kind of source: a news report, an (often unpublished) document, a statement...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, JsonSchema, Serialize, Deserialize)]
#[schemars(rename_all = "kebab-case")]
pub enum SourceKind {
    Report,
    Document,
    Statement,
    Interview,
    Broadcast,
    Post,
    Other,
}

/// What kind of actor a party is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, JsonSchema, Serialize, Deserialize,
)]
#[schemars(rename_all = "kebab-case")]
pub enum PartyKind {
    Person,
    Government,
    Company,
    Organization,
    Media,
    Anonymous,
    Other,
}

/// An actor of the story: a person, a government, a company, an unnamed source...
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Party {
    #[schemars(with = "Id")]
    pub id: Str,
    #[schemars(with = "Text")]
    pub name: Str,
    /// What kind of actor (default `other`); `anonymous`: an unnamed source, described, never named.
    #[schemars(with = "Option<PartyKind>", extend("default" = "other"))]
    pub kind: PartyKind,
    /// Other names; searchable.
    #[schemars(with = "Option<Vec<Text>>")]
    pub aliases: Vec<Str>,
    /// Who they are.
    #[schemars(with = "Option<Text>")]
    pub description: Option<Str>,
    /// Where they stand in this story, in a sentence or two (a warning if missing).
    #[schemars(with = "Option<Text>")]
    pub position: Option<Str>,
    /// E.g. "spokesperson", "chief executive" (format 2).
    #[schemars(with = "Option<Text>")]
    pub role: Option<Str>,
    /// The party this person speaks for (format 2).
    #[schemars(
        with = "Option<Reference>",
        description = "The party this person speaks for, a party id of the same story: not an analyst, not itself, not a party that itself speaks for another (format 2)."
    )]
    pub speaks_for: Option<Str>,
}

/// A commentator quoted about the story.
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Analyst {
    #[schemars(with = "Id")]
    pub id: Str,
    #[schemars(with = "Text")]
    pub name: Str,
    /// E.g. "senior fellow".
    #[schemars(with = "Option<Text>")]
    pub role: Option<Str>,
    /// E.g. "International Assessment and Strategy Center".
    #[schemars(with = "Option<Text>")]
    pub affiliation: Option<Str>,
    /// Their argument, summarised.
    #[schemars(with = "Option<Text>")]
    pub view: Option<Str>,
}

/// `direct`: verbatim words; `paraphrase`: reported speech; `declined`: declined to
/// comment; `no-response`: did not respond to a request for comment (the last two:
/// format 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, JsonSchema, Serialize, Deserialize)]
#[schemars(rename_all = "kebab-case")]
pub enum QuoteKind {
    Direct,
    Paraphrase,
    Declined,
    NoResponse,
}

impl QuoteKind {
    /// Whether the quote is a refusal to speak (`declined`, `no-response`): reported
    /// speech, never in quotation marks, its text optional.
    pub fn is_refusal(self) -> bool {
        matches!(self, QuoteKind::Declined | QuoteKind::NoResponse)
    }

    /// What a refusal says when its `text` is left out.
    pub fn default_phrase(self) -> Option<&'static str> {
        match self {
            QuoteKind::Declined => Some("declined to comment"),
            QuoteKind::NoResponse => Some("did not respond to a request for comment"),
            QuoteKind::Direct | QuoteKind::Paraphrase => None,
        }
    }
}

// The most numerous item (30 a story in generated corpora): `via` and `to`,
// rarely written, are boxed, and a date is 24 bytes (issue 19: 152 bytes before).
const _: () = assert!(std::mem::size_of::<Quote>() <= 128);
// The next most numerous (20 a story): 128 bytes with a 32-byte date.
const _: () = assert!(std::mem::size_of::<Event>() <= 120);

/// Who said what.
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Quote {
    /// Needed only to be referred to.
    #[schemars(with = "Option<Id>")]
    pub id: Option<Str>,
    /// A party or analyst id of the same story.
    #[schemars(
        with = "Reference",
        description = "The speaker or author: a party or analyst id of the same story."
    )]
    pub by: Str,
    /// The words, as written. Empty only for a `declined` or `no-response` quote
    /// written without `text`: read [`Quote::words`] to show it.
    #[schemars(
        with = "Text",
        description = "The words; for `declined` and `no-response`, optional: a phrase that follows the speaker's name."
    )]
    pub text: Str,
    /// `direct` (default) = verbatim words; `paraphrase` = reported speech; `declined`,
    /// `no-response` (format 2).
    #[schemars(with = "Option<QuoteKind>", extend("default" = "direct"))]
    pub kind: QuoteKind,
    /// A party or analyst id of the same story.
    /// (Boxed, as `to`: rarely written, an absent one takes 8 bytes, not 16.)
    #[schemars(
        with = "Option<Reference>",
        description = "Who relayed it, when it is second-hand: a party or analyst id of the same story."
    )]
    pub via: Option<Box<Str>>,
    pub date: Option<PartialDate>,
    /// A source id of the same story.
    #[schemars(with = "Option<Reference>")]
    pub source: Option<Str>,
    /// Where and why it was said.
    #[schemars(with = "Option<Text>")]
    pub context: Option<Str>,
    /// Who the words were said (or refused) to: "CNBC", "reporters" (format 2).
    #[schemars(with = "Option<Text>")]
    pub to: Option<Box<Str>>,
}

impl Quote {
    /// Who relayed it, when it is second-hand (a party or analyst id).
    pub fn via(&self) -> Option<&str> {
        self.via.as_deref().map(Str::as_str)
    }

    /// Who the words were said (or refused) to.
    pub fn to(&self) -> Option<&str> {
        self.to.as_deref().map(Str::as_str)
    }

    /// A refusal as reported speech, after the speaker's name: "White House declined
    /// to comment (to the Financial Times)". Raw text: sanitize it before display.
    pub fn refusal(&self, name: &str) -> String {
        let to = self.to().map(|t| format!(" (to {t})")).unwrap_or_default();
        format!("{name} {}{to}", self.words())
    }

    /// What the quote says: its text, or for a refusal written without text the
    /// format's phrase ("declined to comment").
    pub fn words(&self) -> &str {
        match self.kind.default_phrase() {
            Some(phrase) if self.text.is_empty() => phrase,
            _ => &self.text,
        }
    }
}

/// The story's own judgement of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, JsonSchema, Serialize, Deserialize)]
#[schemars(rename_all = "kebab-case")]
pub enum ClaimStatus {
    Alleged,
    Disputed,
    Confirmed,
    Refuted,
    Unverified,
}

/// Where a party or analyst stands on a claim; `no-comment` is a position too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, JsonSchema, Serialize, Deserialize)]
#[schemars(rename_all = "kebab-case")]
pub enum StanceKind {
    Supports,
    Disputes,
    Neutral,
    Mixed,
    Unclear,
    NoComment,
}

/// Where one party or analyst stands on a claim: at most one each per claim, except a
/// history (several, every one dated, no two on the same sort key; format 2).
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Stance {
    /// A party or analyst id of the same story.
    #[schemars(with = "Reference")]
    pub by: Str,
    pub stance: StanceKind,
    #[schemars(with = "Option<Text>")]
    pub note: Option<Str>,
    /// A quote id of the same story.
    #[schemars(with = "Option<Reference>")]
    pub quote: Option<Str>,
    /// When the stance was taken (format 2).
    #[schemars(
        description = "When the stance was taken (format 2); every stance of a history has one."
    )]
    pub date: Option<PartialDate>,
}

/// An allegation, denial or proposal, as a statement, and who stands where on it.
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Claim {
    #[schemars(with = "Id")]
    pub id: Str,
    /// The claim, as a statement.
    #[schemars(with = "Text")]
    pub text: Str,
    pub status: Option<ClaimStatus>,
    /// A source id of the same story.
    #[schemars(with = "Option<Reference>")]
    pub source: Option<Str>,
    /// Who stands where on it, in file order (a history: several by one party or analyst).
    #[schemars(with = "Option<Vec<Stance>>")]
    pub stances: Vec<Stance>,
}

impl Claim {
    /// Each party's or analyst's stance now, in the order each first appears: the
    /// latest by date of a history, the only one otherwise.
    pub fn current_stances(&self) -> Vec<&Stance> {
        let mut out: Vec<&Stance> = Vec::new();
        for s in &self.stances {
            match out.iter_mut().find(|c| c.by == s.by) {
                Some(c) => {
                    if later(s, c) {
                        *c = s;
                    }
                }
                None => out.push(s),
            }
        }
        out
    }

    /// Whether the stance of this party or analyst changed: it has a history.
    pub fn changed(&self, by: &str) -> bool {
        self.stances.iter().filter(|s| s.by == by).nth(1).is_some()
    }

    /// Every stance of one party or analyst on this claim, oldest first (the last is
    /// the current one): one for most, several for a history.
    pub fn history(&self, by: &str) -> Vec<&Stance> {
        let mut all: Vec<&Stance> = self.stances.iter().filter(|s| s.by == by).collect();
        all.sort_by(|a, b| {
            let key = |s: &Stance| s.date.as_ref().map(PartialDate::sort_key);
            key(a).cmp(&key(b))
        });
        all
    }
}

/// Whether stance `a` was taken after `b` (by date; undated ones never are).
fn later(a: &Stance, b: &Stance) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.sort_key() > y.sort_key(),
        _ => false,
    }
}

/// Something that happened, on the timeline.
#[derive(Debug, Clone, PartialEq, JsonSchema, Serialize, Deserialize)]
#[schemars(deny_unknown_fields, extend("patternProperties" = {"^x-": {}}))]
pub struct Event {
    #[schemars(with = "Option<Id>")]
    pub id: Option<Str>,
    pub date: Option<PartialDate>,
    /// One line.
    #[schemars(with = "Text")]
    pub title: Str,
    #[schemars(with = "Option<Text>")]
    pub detail: Option<Str>,
    /// Party or analyst ids of the same story.
    #[schemars(with = "Option<Vec<Reference>>")]
    pub involves: Vec<Str>,
    /// A source id of the same story.
    #[schemars(with = "Option<Reference>")]
    pub source: Option<Str>,
    /// The event's index in the file's `timeline` list (for `timeline[3]` paths).
    #[schemars(skip)]
    pub file_index: usize,
}

/// A party or an analyst: whoever a `by`, `via` or `involves` names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Speaker<'a> {
    Party(&'a Party),
    Analyst(&'a Analyst),
}

impl<'a> Speaker<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Speaker::Party(p) => &p.id,
            Speaker::Analyst(a) => &a.id,
        }
    }
    pub fn name(&self) -> &'a str {
        match self {
            Speaker::Party(p) => &p.name,
            Speaker::Analyst(a) => &a.name,
        }
    }
}

impl Story {
    /// A story with only an id, a title and its file: nothing in it yet.
    pub fn new(id: &str, title: &str, file: impl Into<PathBuf>) -> Story {
        Story {
            format: DEFAULT_FORMAT,
            id: id.into(),
            title: title.into(),
            date: None,
            question: None,
            summary: None,
            tags: Vec::new(),
            sources: Vec::new(),
            parties: Vec::new(),
            analysts: Vec::new(),
            quotes: Vec::new(),
            claims: Vec::new(),
            timeline: Vec::new(),
            extensions: Vec::new(),
            file: file.into(),
        }
    }

    /// Lets go of the room its lists grew into while it was built: a loaded story
    /// is kept as it is for as long as the program runs.
    pub fn shrink_to_fit(&mut self) {
        self.tags.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.parties.shrink_to_fit();
        for p in &mut self.parties {
            p.aliases.shrink_to_fit();
        }
        for s in &mut self.sources {
            s.cites.shrink_to_fit();
        }
        self.analysts.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.claims.shrink_to_fit();
        for c in &mut self.claims {
            c.stances.shrink_to_fit();
        }
        self.timeline.shrink_to_fit();
        for e in &mut self.timeline {
            e.involves.shrink_to_fit();
        }
        self.extensions.shrink_to_fit();
    }

    /// Puts every text of the story in one buffer, each text written more than
    /// once (an id and the references to it) stored once: one block instead of one
    /// per text. It reads the same. For a story kept as long as the program runs
    /// (the explorer's: [`crate::corpus::load::Loader::packing`]); a command that
    /// lets its stories go right away does not pay for it.
    pub fn pack(&mut self) {
        Story::pack_together(&mut [self]);
    }

    /// [`Story::pack`] for several stories at once: one buffer holds the texts of
    /// all of them, a text written in several (a name, an outlet, a tag) once.
    /// One large block instead of one per story, each rounded up by the allocator
    /// to its next size class (issue 19). The buffer lives as long as any of the
    /// stories does: for stories loaded together and kept together (the
    /// explorer's batches, [`crate::corpus::load::Loader::packing`]).
    pub fn pack_together(stories: &mut [&mut Story]) {
        Story::pack_with(stories, &mut Packer::default());
    }

    /// [`Story::pack_together`] with a packer used before, whose room is reused
    /// (a loader packs group after group).
    pub fn pack_with(stories: &mut [&mut Story], packer: &mut Packer) {
        packer.reset();
        for story in stories.iter_mut() {
            story.each_text(&mut |s| packer.visit(s));
        }
        packer.finish();
        for story in stories.iter_mut() {
            story.each_text(&mut |s| packer.repoint(s));
        }
        packer.reset();
    }

    /// Calls `f` on every text of the story, in one fixed order.
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Str)) {
        fn maybe(s: &mut Option<Str>, f: &mut dyn FnMut(&mut Str)) {
            if let Some(s) = s {
                f(s);
            }
        }
        fn date(d: &mut Option<PartialDate>, f: &mut dyn FnMut(&mut Str)) {
            if let Some(d) = d {
                f(&mut d.raw);
            }
        }
        f(&mut self.id);
        f(&mut self.title);
        date(&mut self.date, f);
        maybe(&mut self.question, f);
        maybe(&mut self.summary, f);
        self.tags.iter_mut().for_each(&mut *f);
        for s in &mut self.sources {
            f(&mut s.id);
            f(&mut s.name);
            for o in [&mut s.outlet, &mut s.url, &mut s.note, &mut s.by] {
                maybe(o, f);
            }
            date(&mut s.date, f);
            s.cites.iter_mut().for_each(&mut *f);
        }
        for p in &mut self.parties {
            f(&mut p.id);
            f(&mut p.name);
            p.aliases.iter_mut().for_each(&mut *f);
            for o in [
                &mut p.description,
                &mut p.position,
                &mut p.role,
                &mut p.speaks_for,
            ] {
                maybe(o, f);
            }
        }
        for a in &mut self.analysts {
            f(&mut a.id);
            f(&mut a.name);
            for o in [&mut a.role, &mut a.affiliation, &mut a.view] {
                maybe(o, f);
            }
        }
        for q in &mut self.quotes {
            f(&mut q.by);
            f(&mut q.text);
            for o in [&mut q.id, &mut q.source, &mut q.context] {
                maybe(o, f);
            }
            for s in [&mut q.via, &mut q.to].into_iter().flatten() {
                f(s);
            }
            date(&mut q.date, f);
        }
        for c in &mut self.claims {
            f(&mut c.id);
            f(&mut c.text);
            maybe(&mut c.source, f);
            for s in &mut c.stances {
                f(&mut s.by);
                maybe(&mut s.note, f);
                maybe(&mut s.quote, f);
                date(&mut s.date, f);
            }
        }
        for e in &mut self.timeline {
            for o in [&mut e.id, &mut e.detail, &mut e.source] {
                maybe(o, f);
            }
            f(&mut e.title);
            date(&mut e.date, f);
            e.involves.iter_mut().for_each(&mut *f);
        }
    }

    /// The party or analyst with this id.
    pub fn speaker(&self, id: &str) -> Option<Speaker<'_>> {
        self.parties
            .iter()
            .find(|p| p.id == id)
            .map(Speaker::Party)
            .or_else(|| {
                self.analysts
                    .iter()
                    .find(|a| a.id == id)
                    .map(Speaker::Analyst)
            })
    }

    /// The display name for a party or analyst id (the id itself if unknown).
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.speaker(id).map_or(id, |s| s.name())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id.as_deref() == Some(id))
    }

    /// The parties that speak for this party (its spokespeople), in file order.
    pub fn spokespeople<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Party> + 'a {
        self.parties
            .iter()
            .filter(move |p| p.speaks_for.as_deref() == Some(id))
    }

    /// The chain of sources a source cites, from it on: while each cites exactly one,
    /// up to 8 levels (the first source included). Loops are errors of the loader, so
    /// a loaded story has none; the bound keeps this finite anyway.
    pub fn citation_chain<'a>(&'a self, source: &'a Source) -> Vec<&'a Source> {
        let mut chain = vec![source];
        let mut at = source;
        while chain.len() < 8 && at.cites.len() == 1 {
            match self.source(&at.cites[0]) {
                Some(next) if !chain.iter().any(|s| s.id == next.id) => {
                    chain.push(next);
                    at = next;
                }
                _ => break,
            }
        }
        chain
    }

    /// The quotes spoken by this party or analyst.
    pub fn quotes_by<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Quote> + 'a {
        self.quotes.iter().filter(move |q| q.by == id)
    }
}

macro_rules! keyword_enum {
    ($ty:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// The word used in story files.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $word),+ }
            }
            /// Parses the word used in story files.
            pub fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($ty::$variant),)+ _ => None }
            }
            /// The allowed words, for error messages: "`a`, `b` or `c`".
            pub fn expected() -> String {
                super::diagnostic::one_of(Self::ALL.iter().map(|v| v.as_str()))
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyword_enum!(PartyKind {
    Person => "person",
    Government => "government",
    Company => "company",
    Organization => "organization",
    Media => "media",
    Anonymous => "anonymous",
    Other => "other",
});
keyword_enum!(QuoteKind {
    Direct => "direct",
    Paraphrase => "paraphrase",
    Declined => "declined",
    NoResponse => "no-response",
});
keyword_enum!(SourceKind {
    Report => "report",
    Document => "document",
    Statement => "statement",
    Interview => "interview",
    Broadcast => "broadcast",
    Post => "post",
    Other => "other",
});
keyword_enum!(ClaimStatus {
    Alleged => "alleged",
    Disputed => "disputed",
    Confirmed => "confirmed",
    Refuted => "refuted",
    Unverified => "unverified",
});
keyword_enum!(StanceKind {
    Supports => "supports",
    Disputes => "disputes",
    Neutral => "neutral",
    Mixed => "mixed",
    Unclear => "unclear",
    NoComment => "no-comment",
});

#[cfg(test)]
mod tests {
    use crate::story::parse::parse_str;
    use std::path::Path;

    fn load(name: &str, text: &str) -> super::Story {
        let r = parse_str(Path::new(name), text);
        assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
        r.story.expect("loads")
    }

    /// Every text a story serializes (its JSON's strings, but for the keywords
    /// of its kinds, statuses and stances), sorted.
    fn serialized_texts(story: &super::Story) -> Vec<String> {
        fn walk(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) if !matches!(key, "kind" | "status" | "stance") => {
                    out.push(s.clone())
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, key, out)),
                serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| walk(x, k, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&serde_json::to_value(story).expect("json"), "", &mut out);
        out.retain(|s| !s.is_empty());
        out.sort();
        out
    }

    #[test]
    fn a_packed_story_keeps_every_text_in_one_buffer_and_reads_the_same() {
        let mut stories = vec![load(
            "every-field.yaml",
            include_str!("../../tests/fixtures/every_field/every-field.yaml"),
        )];
        for (name, text) in [
            (
                "reuters.yaml",
                include_str!("../../tests/fixtures/format2/reuters-alibaba-memo.yaml"),
            ),
            (
                "council.yaml",
                include_str!("../../tests/fixtures/format2/council-history.yaml"),
            ),
        ] {
            stories.push(load(name, text));
        }
        stories.push(crate::synth::story(7));
        for story in &mut stories {
            let before = story.clone();
            story.pack();
            assert_eq!(*story, before, "packing changes nothing that reads");
            let mut visited = Vec::new();
            story.each_text(&mut |s| {
                if !s.is_empty() {
                    visited.push(s.to_string());
                }
            });
            visited.sort();
            assert_eq!(
                visited,
                serialized_texts(story),
                "{}: a text not packed",
                story.id
            );
            let id = story.id.clone();
            story.each_text(&mut |s| {
                assert!(
                    s.is_empty() || s.shares_buffer_with(&id),
                    "{s:?} has its own buffer"
                )
            });
        }
        // Every text key of the format is set in the marker story: each was visited.
        assert!(serialized_texts(&stories[0]).len() > 60);
    }

    #[test]
    fn a_boxed_text_is_cached_and_written_as_a_plain_one() {
        let s = load(
            "reuters.yaml",
            include_str!("../../tests/fixtures/format2/reuters-alibaba-memo.yaml"),
        );
        let q = s
            .quotes
            .iter()
            .find(|q| q.to.is_some())
            .expect("a quote with `to`");
        let plain: Option<&str> = q.to();
        assert_eq!(
            postcard::to_allocvec(&q.to).expect("postcard"),
            postcard::to_allocvec(&plain).expect("postcard"),
            "the cache's bytes are a plain text's"
        );
        assert_eq!(
            serde_json::to_value(&q.to).expect("json"),
            serde_json::json!(plain)
        );
        let none: Option<Box<super::Str>> = None;
        assert_eq!(
            postcard::to_allocvec(&none).expect("postcard"),
            postcard::to_allocvec(&None::<&str>).expect("postcard")
        );
    }

    #[test]
    fn stories_packed_together_share_one_buffer_each_text_once() {
        let mut stories: Vec<super::Story> = (0..6).map(crate::synth::story).collect();
        let before = stories.clone();
        // Each packed alone: the bytes of their buffers.
        let alone: usize = before
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.pack();
                s.id.buffer_len()
            })
            .sum();
        let mut all: Vec<&mut super::Story> = stories.iter_mut().collect();
        super::Story::pack_together(&mut all);
        assert_eq!(stories, before, "packing changes nothing that reads");
        let first = stories[0].id.clone();
        for story in &mut stories {
            story.each_text(&mut |s| {
                assert!(
                    s.is_empty() || s.shares_buffer_with(&first),
                    "{s:?} has a buffer of its own"
                );
            });
        }
        // Names, outlets and dates written in several stories are stored once.
        let together = first.buffer_len();
        assert!(together < alone, "{together} bytes together, {alone} alone");
        // Packing one of them again gives it a buffer of its own.
        let mut one = stories[3].clone();
        one.pack();
        assert_eq!(one, before[3]);
        assert!(!one.id.shares_buffer_with(&first));
        assert!(one.title.shares_buffer_with(&one.id));
    }

    #[test]
    fn the_reuters_story_chains_its_citations_and_names_the_spokesperson() {
        let s = load(
            "reuters.yaml",
            include_str!("../../tests/fixtures/format2/reuters-alibaba-memo.yaml"),
        );
        let reuters = s.source("reuters-report").expect("source");
        let chain: Vec<&str> = s
            .citation_chain(reuters)
            .iter()
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(chain, ["reuters-report", "ft-report", "white-house-memo"]);
        let memo = s.source("white-house-memo").expect("memo");
        assert_eq!(memo.kind, super::SourceKind::Document);
        assert_eq!(memo.by.as_deref(), Some("white-house"));
        let speakers: Vec<&str> = s
            .spokespeople("chinese-embassy-washington")
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(speakers, ["Liu Pengyu"]);
        let declined = s.quote("white-house-declined").expect("quote");
        assert_eq!(declined.kind, super::QuoteKind::Declined);
        assert_eq!(
            declined.refusal("White House"),
            "White House declined to comment (to Reuters)"
        );
        let claim = &s.claims[0];
        assert_eq!(claim.id, "memo-allegation");
    }

    #[test]
    fn a_history_orders_by_date_and_its_latest_is_the_stance_now() {
        let s = load(
            "council.yaml",
            include_str!("../../tests/fixtures/format2/council-history.yaml"),
        );
        let claim = &s.claims[0];
        // Written latest first; the history is in date order.
        let history: Vec<(&str, &str)> = claim
            .history("mara-ortiz")
            .iter()
            .map(|st| {
                (
                    st.stance.as_str(),
                    st.date.as_ref().map_or("", |d| d.raw.as_str()),
                )
            })
            .collect();
        assert_eq!(
            history,
            [
                ("supports", "2024-05-02"),
                ("disputes", "2024-06-20T18:05+02:00")
            ]
        );
        let now: Vec<(&str, &str)> = claim
            .current_stances()
            .iter()
            .map(|st| (st.by.as_str(), st.stance.as_str()))
            .collect();
        assert_eq!(
            now,
            [("mara-ortiz", "disputes"), ("city-council", "no-comment")]
        );
        let refusal = s.quote("council-no-comment").expect("quote");
        assert_eq!(
            refusal.refusal("Council press office"),
            "Council press office declined to comment on the councillor's change of mind (to reporters)"
        );
    }

    #[test]
    fn a_refusal_without_text_says_the_formats_phrase() {
        let s = load(
            "harbor.yaml",
            include_str!("../../tests/fixtures/format2/harbor-declines.yaml"),
        );
        assert!(s.claims.is_empty());
        let words: Vec<&str> = s.quotes.iter().map(|q| q.words()).collect();
        assert_eq!(
            words,
            [
                "declined to comment on the new fees",
                "did not respond to a request for comment"
            ]
        );
        assert_eq!(
            s.quotes[1].refusal("Shipping Union"),
            "Shipping Union did not respond to a request for comment"
        );
    }
}
