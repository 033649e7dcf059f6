//! The semantic diff: two versions of a story → the changes as a reader thinks of
//! them (a stance changed, a quote corrected, an event redated), not lines of YAML.
//!
//! Stories are matched by id, items by id; quotes and events without an id by their
//! speaker (or date) and the words of their text ([`matching`]). A change of place
//! in the file alone is no change; the format version and `x-` keys are not content.
//! Each [`Change`] has a kind, a path inside the story (`claims[memo].stances[alibaba]`,
//! ids where items have them, else the item's index in the file), the text before
//! and after, and where the item is in each version (for following it on screen).
//! This module reads only the story model.

mod compare;
pub mod describe;
pub mod matching;
pub mod words;

#[cfg(test)]
mod tests;

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::story::Story;

pub use compare::story;

/// What kind of change: the kinds a reader names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    StoryAdded,
    StoryRemoved,
    TitleEdited,
    QuestionEdited,
    SummaryEdited,
    StoryRedated,
    TagsChanged,
    EventAdded,
    EventRemoved,
    EventRedated,
    EventMoved,
    EventEdited,
    PartyAdded,
    PartyRemoved,
    PositionEdited,
    PartyEdited,
    AnalystAdded,
    AnalystRemoved,
    ViewEdited,
    AnalystEdited,
    QuoteAdded,
    QuoteRemoved,
    QuoteEdited,
    QuoteKindChanged,
    QuoteSpeakerChanged,
    QuoteDetailEdited,
    ClaimAdded,
    ClaimRemoved,
    ClaimStatusChanged,
    ClaimWordingChanged,
    ClaimEdited,
    StanceTaken,
    StanceChanged,
    StanceWithdrawn,
    StanceEdited,
    SourceAdded,
    SourceRemoved,
    SourceUrlChanged,
    SourceEdited,
}

macro_rules! kinds {
    ($($kind:ident => $word:literal, $label:literal;)+) => {
        impl Kind {
            /// Every kind.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind),+];
            /// The kind in JSON: `stance-changed`.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$kind => $word),+ }
            }
            /// The kind in a sentence: "stance changed".
            pub fn label(self) -> &'static str {
                match self { $(Kind::$kind => $label),+ }
            }
        }
    };
}

kinds! {
    StoryAdded => "story-added", "story added";
    StoryRemoved => "story-removed", "story removed";
    TitleEdited => "title-edited", "title edited";
    QuestionEdited => "question-edited", "question edited";
    SummaryEdited => "summary-edited", "summary edited";
    StoryRedated => "story-redated", "story redated";
    TagsChanged => "tags-changed", "tags changed";
    EventAdded => "event-added", "event added";
    EventRemoved => "event-removed", "event removed";
    EventRedated => "event-redated", "event redated";
    EventMoved => "event-moved", "event moved in the timeline";
    EventEdited => "event-edited", "event edited";
    PartyAdded => "party-added", "party added";
    PartyRemoved => "party-removed", "party removed";
    PositionEdited => "position-edited", "position edited";
    PartyEdited => "party-edited", "party edited";
    AnalystAdded => "analyst-added", "analyst added";
    AnalystRemoved => "analyst-removed", "analyst removed";
    ViewEdited => "view-edited", "view edited";
    AnalystEdited => "analyst-edited", "analyst edited";
    QuoteAdded => "quote-added", "quote added";
    QuoteRemoved => "quote-removed", "quote removed";
    QuoteEdited => "quote-edited", "quote edited";
    QuoteKindChanged => "quote-kind-changed", "quote kind changed";
    QuoteSpeakerChanged => "quote-speaker-changed", "quote speaker changed";
    QuoteDetailEdited => "quote-detail-edited", "quote detail edited";
    ClaimAdded => "claim-added", "claim added";
    ClaimRemoved => "claim-removed", "claim removed";
    ClaimStatusChanged => "claim-status-changed", "claim status changed";
    ClaimWordingChanged => "claim-wording-changed", "claim wording changed";
    ClaimEdited => "claim-edited", "claim edited";
    StanceTaken => "stance-taken", "stance taken";
    StanceChanged => "stance-changed", "stance changed";
    StanceWithdrawn => "stance-withdrawn", "stance withdrawn";
    StanceEdited => "stance-edited", "stance edited";
    SourceAdded => "source-added", "source added";
    SourceRemoved => "source-removed", "source removed";
    SourceUrlChanged => "source-url-changed", "source URL changed";
    SourceEdited => "source-edited", "source edited";
}

/// A list of a story, where an item of a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Story,
    Timeline,
    Parties,
    Analysts,
    Quotes,
    Claims,
    Sources,
}

/// An item of one version of a story: its list and its index there (the timeline in
/// display order, as `Story::timeline` holds it). A stance's item is its claim, and
/// `stance` its index among the claim's stances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    pub section: Section,
    pub index: usize,
    pub stance: Option<usize>,
}

/// One change between two versions of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: Kind,
    /// Where in the story: `title`, `quotes[embassy-distortion].text`, `quotes[3]`,
    /// `claims[memo].stances[alibaba]` (ids where the item has one, else its index in
    /// the file of the version it is in: the new one, or the old one when removed).
    pub path: String,
    /// The text before (a field's value, a removed item's main text), if any.
    pub before: Option<String>,
    /// The text after.
    pub after: Option<String>,
    /// The item in the old version.
    pub old: Option<Target>,
    /// The item in the new version.
    pub new: Option<Target>,
}

impl Change {
    /// The field changed: the last name of the path (`text` of `quotes[3].text`), or
    /// empty for a whole item.
    pub fn field(&self) -> &str {
        match self.path.rsplit_once('.') {
            Some((_, f)) => f,
            None if !self.path.contains('[') => &self.path,
            None => "",
        }
    }

    /// Whether before and after are prose (a quote's words, a position, a title),
    /// shown with the changed words marked, rather than a value (a date, a kind, an id).
    pub fn is_prose(&self) -> bool {
        const PROSE: &[&str] = &[
            "title",
            "question",
            "summary",
            "position",
            "view",
            "description",
            "detail",
            "context",
            "note",
            "name",
            "role",
            "affiliation",
            "outlet",
            "text",
        ];
        self.before.is_some() && self.after.is_some() && PROSE.contains(&self.field())
    }

    /// The words that changed, when prose was edited.
    pub fn words(&self) -> Option<Vec<words::Piece>> {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) if self.is_prose() => Some(words::diff(b, a)),
            _ => None,
        }
    }
}

/// One story compared across two sets: either side may be missing (added, removed).
#[derive(Debug)]
pub struct Compared<'a> {
    pub old: Option<&'a Story>,
    pub new: Option<&'a Story>,
    pub changes: Vec<Change>,
}

impl Compared<'_> {
    /// The story's id.
    pub fn id(&self) -> &str {
        self.new.or(self.old).map_or("", |s| s.id.as_str())
    }
}

/// Two sets of stories compared, matched by id: every story of the new set in its
/// order, then the stories only in the old set in theirs. Stories without changes
/// are included (with none).
pub fn sets<'a, S: Borrow<Story>>(old: &'a [S], new: &'a [S]) -> Vec<Compared<'a>> {
    let old: Vec<&'a Story> = old.iter().map(Borrow::borrow).collect();
    let new: Vec<&'a Story> = new.iter().map(Borrow::borrow).collect();
    let old_by_id: HashMap<&str, &Story> = old.iter().rev().map(|s| (s.id.as_str(), *s)).collect();
    let new_ids: HashMap<&str, ()> = new.iter().map(|s| (s.id.as_str(), ())).collect();
    let mut out: Vec<Compared<'a>> = new
        .iter()
        .map(|&n| match old_by_id.get(n.id.as_str()) {
            Some(&o) => Compared {
                old: Some(o),
                new: Some(n),
                changes: story(o, n),
            },
            None => Compared {
                old: None,
                new: Some(n),
                changes: vec![whole(Kind::StoryAdded, n)],
            },
        })
        .collect();
    out.extend(
        old.iter()
            .filter(|o| !new_ids.contains_key(o.id.as_str()))
            .map(|&o| Compared {
                old: Some(o),
                new: None,
                changes: vec![whole(Kind::StoryRemoved, o)],
            }),
    );
    out
}

fn whole(kind: Kind, s: &Story) -> Change {
    let at = Some(Target {
        section: Section::Story,
        index: 0,
        stance: None,
    });
    let (before, after, old, new) = match kind {
        Kind::StoryAdded => (None, Some(s.title.to_string()), None, at),
        _ => (Some(s.title.to_string()), None, at, None),
    };
    Change {
        kind,
        path: String::new(),
        before,
        after,
        old,
        new,
    }
}
