//! The searchable items of a story: what each kind of item is found by, and what a hit shows.
//!
//! Items come out in "story order": the story itself, then its parties, analysts,
//! quotes, claims, timeline events (in display order) and sources; ties in ranking
//! keep that order.

use crate::story::{QuoteKind, Story};

/// The kind of a searchable item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Story,
    Party,
    Analyst,
    Quote,
    Claim,
    Event,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Story,
        Kind::Party,
        Kind::Analyst,
        Kind::Quote,
        Kind::Claim,
        Kind::Event,
        Kind::Source,
    ];

    /// The word used on the command line and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Story => "story",
            Kind::Party => "party",
            Kind::Analyst => "analyst",
            Kind::Quote => "quote",
            Kind::Claim => "claim",
            Kind::Event => "event",
            Kind::Source => "source",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What part of an item a searchable text is; it weighs in ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A name: of a party, analyst or source, an alias, an outlet, a tag.
    /// Exact and prefix matches of a name rank highest.
    Name,
    /// A quote's speaker name.
    Speaker,
    /// The item's main text when it is not a name: a quote, a claim, an event or story title.
    Main,
    /// Secondary text: context, position, description, view, detail, question, role, affiliation.
    Detail,
}

/// One searchable item, borrowing from its story.
#[derive(Debug, Clone)]
pub struct ItemRef<'a> {
    pub kind: Kind,
    /// Index of the story in the corpus.
    pub story: usize,
    /// The item's index in its story's list for its kind: `quotes[i]`, `parties[i]`,
    /// `analysts[i]`, `claims[i]`, `sources[i]`, the event's position in the timeline
    /// as displayed; 0 for the story itself.
    pub index: usize,
    /// The item's id (the story id for a story; `None` for an event or quote without one).
    pub id: Option<&'a str>,
    /// The main text a hit shows: the quote, the party's name, the event's title, ...
    pub text: &'a str,
    /// For quotes: the speaker's id and display name.
    pub by: Option<(&'a str, &'a str)>,
    pub quote_kind: Option<QuoteKind>,
    /// Every searchable text with its role; the main text comes first.
    pub fields: Vec<(Role, &'a str)>,
}

fn opt(role: Role, text: &Option<crate::story::Str>) -> Option<(Role, &str)> {
    text.as_deref().map(|t| (role, t))
}

/// Every searchable item of one story, in story order.
pub fn story_items(story_index: usize, story: &Story) -> Vec<ItemRef<'_>> {
    let counts = [
        (Kind::Story, 1),
        (Kind::Party, story.parties.len()),
        (Kind::Analyst, story.analysts.len()),
        (Kind::Quote, story.quotes.len()),
        (Kind::Claim, story.claims.len()),
        (Kind::Event, story.timeline.len()),
        (Kind::Source, story.sources.len()),
    ];
    let mut items = Vec::with_capacity(counts.iter().map(|(_, n)| n).sum());
    for (kind, n) in counts {
        items.extend((0..n).filter_map(|i| item(story_index, story, kind, i)));
    }
    items
}

/// One searchable item of a story: the `index`th of its kind (the story itself is
/// index 0 of [`Kind::Story`]); `None` when there is no such item.
pub fn item(story_index: usize, story: &Story, kind: Kind, index: usize) -> Option<ItemRef<'_>> {
    let item = |id, text, fields| ItemRef {
        kind,
        story: story_index,
        index,
        id,
        text,
        by: None,
        quote_kind: None,
        fields,
    };
    Some(match kind {
        Kind::Story if index == 0 => {
            let mut fields = vec![(Role::Main, story.title.as_str())];
            fields.extend(opt(Role::Detail, &story.question));
            fields.extend(story.tags.iter().map(|t| (Role::Name, t.as_str())));
            item(Some(&story.id), &story.title, fields)
        }
        Kind::Story => return None,
        Kind::Party => {
            let p = story.parties.get(index)?;
            let mut fields = vec![(Role::Name, p.name.as_str())];
            fields.extend(p.aliases.iter().map(|a| (Role::Name, a.as_str())));
            fields.extend(opt(Role::Detail, &p.position));
            fields.extend(opt(Role::Detail, &p.description));
            item(Some(&p.id), &p.name, fields)
        }
        Kind::Analyst => {
            let a = story.analysts.get(index)?;
            let mut fields = vec![(Role::Name, a.name.as_str())];
            fields.extend(opt(Role::Detail, &a.role));
            fields.extend(opt(Role::Detail, &a.affiliation));
            fields.extend(opt(Role::Detail, &a.view));
            item(Some(&a.id), &a.name, fields)
        }
        Kind::Quote => {
            let q = story.quotes.get(index)?;
            let name = story.name_of(&q.by);
            let mut fields = vec![(Role::Main, q.text.as_str()), (Role::Speaker, name)];
            fields.extend(opt(Role::Detail, &q.context));
            ItemRef {
                by: Some((q.by.as_str(), name)),
                quote_kind: Some(q.kind),
                ..item(q.id.as_deref(), &q.text, fields)
            }
        }
        Kind::Claim => {
            let c = story.claims.get(index)?;
            item(Some(&c.id), &c.text, vec![(Role::Main, c.text.as_str())])
        }
        Kind::Event => {
            let e = story.timeline.get(index)?;
            let mut fields = vec![(Role::Main, e.title.as_str())];
            fields.extend(opt(Role::Detail, &e.detail));
            item(e.id.as_deref(), &e.title, fields)
        }
        Kind::Source => {
            let s = story.sources.get(index)?;
            let mut fields = vec![(Role::Name, s.name.as_str())];
            fields.extend(opt(Role::Name, &s.outlet));
            item(Some(&s.id), &s.name, fields)
        }
    })
}
