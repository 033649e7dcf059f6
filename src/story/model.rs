//! The loaded, validated story: the types every other part of storyx reads.
//!
//! Text is kept exactly as written in the file (no trimming, no sanitizing);
//! display code passes it through [`crate::sanitize`] before it reaches a terminal.
//! The types derive serde's traits for the parsed-corpus cache ([`crate::cache`]).

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::date::PartialDate;

/// The highest story format version this storyx reads.
pub const FORMAT_VERSION: u64 = 1;

/// One story, loaded from one file and validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub format: u64,
    pub id: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub question: Option<String>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub sources: Vec<Source>,
    pub parties: Vec<Party>,
    pub analysts: Vec<Analyst>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    /// Events in display order (see [`super::date::timeline_order`]); each keeps its index in the file.
    pub timeline: Vec<Event>,
    /// `x-` extension keys at the top level, kept aside (names only) and otherwise ignored.
    pub extensions: Vec<String>,
    /// Where the story came from, as given on the command line (or `stories/…` for bundled ones).
    /// Not serialized: whoever loads the story sets it (the cache keeps stories by file).
    #[serde(skip)]
    pub file: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub outlet: Option<String>,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PartyKind {
    Person,
    Government,
    Company,
    Organization,
    Media,
    Anonymous,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub kind: PartyKind,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub position: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analyst {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub view: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    Direct,
    Paraphrase,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: Option<String>,
    /// A party or analyst id of the same story.
    pub by: String,
    pub text: String,
    pub kind: QuoteKind,
    /// A party or analyst id of the same story.
    pub via: Option<String>,
    pub date: Option<PartialDate>,
    /// A source id of the same story.
    pub source: Option<String>,
    pub context: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClaimStatus {
    Alleged,
    Disputed,
    Confirmed,
    Refuted,
    Unverified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StanceKind {
    Supports,
    Disputes,
    Neutral,
    Mixed,
    Unclear,
    NoComment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// A party or analyst id of the same story.
    pub by: String,
    pub stance: StanceKind,
    pub note: Option<String>,
    /// A quote id of the same story.
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub status: Option<ClaimStatus>,
    /// A source id of the same story.
    pub source: Option<String>,
    pub stances: Vec<Stance>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: Option<String>,
    pub date: Option<PartialDate>,
    pub title: String,
    pub detail: Option<String>,
    /// Party or analyst ids of the same story.
    pub involves: Vec<String>,
    /// A source id of the same story.
    pub source: Option<String>,
    /// The event's index in the file's `timeline` list (for `timeline[3]` paths).
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
keyword_enum!(QuoteKind { Direct => "direct", Paraphrase => "paraphrase" });
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
