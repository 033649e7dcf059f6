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

impl From<crate::cli::ItemKind> for Kind {
    fn from(k: crate::cli::ItemKind) -> Kind {
        use crate::cli::ItemKind as I;
        match k {
            I::Quote => Kind::Quote,
            I::Party => Kind::Party,
            I::Analyst => Kind::Analyst,
            I::Event => Kind::Event,
            I::Claim => Kind::Claim,
            I::Source => Kind::Source,
            I::Story => Kind::Story,
        }
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

fn opt(role: Role, text: &Option<String>) -> Option<(Role, &str)> {
    text.as_deref().map(|t| (role, t))
}

/// Every searchable item of one story, in story order.
pub fn story_items(story_index: usize, story: &Story) -> Vec<ItemRef<'_>> {
    let mut items = Vec::with_capacity(
        1 + story.parties.len()
            + story.analysts.len()
            + story.quotes.len()
            + story.claims.len()
            + story.timeline.len()
            + story.sources.len(),
    );
    let mut fields = vec![(Role::Main, story.title.as_str())];
    fields.extend(opt(Role::Detail, &story.question));
    fields.extend(story.tags.iter().map(|t| (Role::Name, t.as_str())));
    items.push(ItemRef {
        kind: Kind::Story,
        story: story_index,
        index: 0,
        id: Some(&story.id),
        text: &story.title,
        by: None,
        quote_kind: None,
        fields,
    });

    for (i, p) in story.parties.iter().enumerate() {
        let mut fields = vec![(Role::Name, p.name.as_str())];
        fields.extend(p.aliases.iter().map(|a| (Role::Name, a.as_str())));
        fields.extend(opt(Role::Detail, &p.position));
        fields.extend(opt(Role::Detail, &p.description));
        items.push(ItemRef {
            kind: Kind::Party,
            story: story_index,
            index: i,
            id: Some(&p.id),
            text: &p.name,
            by: None,
            quote_kind: None,
            fields,
        });
    }

    for (i, a) in story.analysts.iter().enumerate() {
        let mut fields = vec![(Role::Name, a.name.as_str())];
        fields.extend(opt(Role::Detail, &a.role));
        fields.extend(opt(Role::Detail, &a.affiliation));
        fields.extend(opt(Role::Detail, &a.view));
        items.push(ItemRef {
            kind: Kind::Analyst,
            story: story_index,
            index: i,
            id: Some(&a.id),
            text: &a.name,
            by: None,
            quote_kind: None,
            fields,
        });
    }

    for (i, q) in story.quotes.iter().enumerate() {
        let name = story.name_of(&q.by);
        let mut fields = vec![(Role::Main, q.text.as_str()), (Role::Speaker, name)];
        fields.extend(opt(Role::Detail, &q.context));
        items.push(ItemRef {
            kind: Kind::Quote,
            story: story_index,
            index: i,
            id: q.id.as_deref(),
            text: &q.text,
            by: Some((q.by.as_str(), name)),
            quote_kind: Some(q.kind),
            fields,
        });
    }

    for (i, c) in story.claims.iter().enumerate() {
        items.push(ItemRef {
            kind: Kind::Claim,
            story: story_index,
            index: i,
            id: Some(&c.id),
            text: &c.text,
            by: None,
            quote_kind: None,
            fields: vec![(Role::Main, c.text.as_str())],
        });
    }

    for (i, e) in story.timeline.iter().enumerate() {
        let mut fields = vec![(Role::Main, e.title.as_str())];
        fields.extend(opt(Role::Detail, &e.detail));
        items.push(ItemRef {
            kind: Kind::Event,
            story: story_index,
            index: i,
            id: e.id.as_deref(),
            text: &e.title,
            by: None,
            quote_kind: None,
            fields,
        });
    }

    for (i, s) in story.sources.iter().enumerate() {
        let mut fields = vec![(Role::Name, s.name.as_str())];
        fields.extend(opt(Role::Name, &s.outlet));
        items.push(ItemRef {
            kind: Kind::Source,
            story: story_index,
            index: i,
            id: Some(&s.id),
            text: &s.name,
            by: None,
            quote_kind: None,
            fields,
        });
    }
    items
}
