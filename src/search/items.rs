//! The searchable items of a story: what each kind of item is found by, and what a hit shows.
//!
//! Items come out in "story order": the story itself, then its parties, analysts,
//! quotes, claims, timeline events (in display order) and sources; ties in ranking
//! keep that order.

use crate::story::{PartialDate, QuoteKind, Story};

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

/// Which key of an item a searchable text is: `position`, `aliases[1]`,
/// `stances[0].stance` (the file's key names, as `storyx show --json` has them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldName {
    pub key: &'static str,
    /// The place in a list key.
    pub at: Option<usize>,
    /// The key inside that list's entry.
    pub sub: Option<&'static str>,
}

impl FieldName {
    const fn key(key: &'static str) -> FieldName {
        FieldName {
            key,
            at: None,
            sub: None,
        }
    }
}

impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)?;
        if let Some(at) = self.at {
            write!(f, "[{at}]")?;
        }
        if let Some(sub) = self.sub {
            write!(f, ".{sub}")?;
        }
        Ok(())
    }
}

/// One searchable text of an item: its role in ranking, its key, the text. Dates
/// are searched as they display (`11 Dec 2001`), stances as their word.
#[derive(Debug, Clone)]
pub struct ItemField<'a> {
    pub role: Role,
    pub name: FieldName,
    pub text: std::borrow::Cow<'a, str>,
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
    /// For quotes: the speaker's id and display name, as the format words it ("Liu
    /// Pengyu (spokesperson, Chinese Embassy in Washington)").
    pub by: Option<(&'a str, std::borrow::Cow<'a, str>)>,
    pub quote_kind: Option<QuoteKind>,
    /// Every searchable text with its role and key; the main text comes first.
    pub fields: Vec<ItemField<'a>>,
}

fn field<'a>(role: Role, key: &'static str, text: &'a str) -> ItemField<'a> {
    ItemField {
        role,
        name: FieldName::key(key),
        text: text.into(),
    }
}

fn opt<'a>(
    role: Role,
    key: &'static str,
    text: &'a Option<crate::story::Str>,
) -> Option<ItemField<'a>> {
    text.as_deref().map(|t| field(role, key, t))
}

fn list<'a>(
    role: Role,
    key: &'static str,
    texts: &'a [crate::story::Str],
) -> impl Iterator<Item = ItemField<'a>> + 'a {
    texts.iter().enumerate().map(move |(i, t)| ItemField {
        role,
        name: FieldName {
            key,
            at: Some(i),
            sub: None,
        },
        text: t.as_str().into(),
    })
}

fn date(d: &Option<PartialDate>) -> Option<ItemField<'static>> {
    d.as_ref().map(|d| ItemField {
        role: Role::Detail,
        name: FieldName::key("date"),
        text: d.to_string().into(),
    })
}

/// How many items of each kind a story has, in story order.
pub fn counts(story: &Story) -> [(Kind, usize); 7] {
    [
        (Kind::Story, 1),
        (Kind::Party, story.parties.len()),
        (Kind::Analyst, story.analysts.len()),
        (Kind::Quote, story.quotes.len()),
        (Kind::Claim, story.claims.len()),
        (Kind::Event, story.timeline.len()),
        (Kind::Source, story.sources.len()),
    ]
}

/// Every searchable item of one story, in story order.
pub fn story_items(story_index: usize, story: &Story) -> Vec<ItemRef<'_>> {
    let counts = counts(story);
    let mut items = Vec::with_capacity(counts.iter().map(|(_, n)| n).sum());
    for (kind, n) in counts {
        items.extend((0..n).filter_map(|i| item(story_index, story, kind, i)));
    }
    items
}

/// One searchable item of a story: the `index`th of its kind (the story itself is
/// index 0 of [`Kind::Story`]); `None` when there is no such item.
pub fn item(story_index: usize, story: &Story, kind: Kind, index: usize) -> Option<ItemRef<'_>> {
    item_for(story_index, story, kind, index, Use::Showing)
}

/// What an [`ItemRef`] is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Matching and showing: every field, and the speaker as a hit shows it.
    Showing,
    /// Matching only (a one-shot search scoring every item and showing few): the
    /// speaker is given by name alone (`by`'s display is not matched), and the
    /// dates are left out unless `dates` (the caller knows that no word of its
    /// query can match a date as it displays, so formatting them would be wasted).
    Matching { dates: bool },
}

/// [`item`], made for this use: the fields matched are the same in either use
/// (but the dates left out when the use says so).
pub fn item_for(
    story_index: usize,
    story: &Story,
    kind: Kind,
    index: usize,
    used: Use,
) -> Option<ItemRef<'_>> {
    use Role::{Detail, Main, Name, Speaker};
    let date = |d| match used {
        Use::Matching { dates: false } => None,
        _ => date(d),
    };
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
            let mut fields = vec![field(Main, "title", &story.title)];
            fields.extend(opt(Detail, "question", &story.question));
            fields.extend(list(Name, "tags", &story.tags));
            fields.extend(date(&story.date));
            item(Some(&story.id), &story.title, fields)
        }
        Kind::Story => return None,
        Kind::Party => {
            let p = story.parties.get(index)?;
            let mut fields = vec![field(Name, "name", &p.name)];
            fields.extend(list(Name, "aliases", &p.aliases));
            fields.extend(opt(Detail, "position", &p.position));
            fields.extend(opt(Detail, "description", &p.description));
            fields.extend(opt(Detail, "role", &p.role));
            item(Some(&p.id), &p.name, fields)
        }
        Kind::Analyst => {
            let a = story.analysts.get(index)?;
            let mut fields = vec![field(Name, "name", &a.name)];
            fields.extend(opt(Detail, "role", &a.role));
            fields.extend(opt(Detail, "affiliation", &a.affiliation));
            fields.extend(opt(Detail, "view", &a.view));
            item(Some(&a.id), &a.name, fields)
        }
        Kind::Quote => {
            let q = story.quotes.get(index)?;
            let name = story.name_of(&q.by);
            // A refusal written without text is found and shown by the format's phrase.
            let mut fields = vec![field(Main, "text", q.words()), field(Speaker, "by", name)];
            // A spokesperson's words are found by the party they speak for too.
            let party = story.parties.iter().find(|p| p.id == q.by);
            let speaks_for = party.and_then(|p| p.speaks_for.as_deref());
            let shown: std::borrow::Cow<str> = match party {
                Some(p) if used == Use::Showing && (p.role.is_some() || p.speaks_for.is_some()) => {
                    crate::wording::speaker(
                        name,
                        p.role.as_deref(),
                        speaks_for.map(|f| story.name_of(f)),
                    )
                    .into()
                }
                _ => name.into(),
            };
            if let Some(f) = speaks_for {
                fields.push(ItemField {
                    role: Detail,
                    name: FieldName {
                        key: "by",
                        at: None,
                        sub: Some("speaks_for"),
                    },
                    text: story.name_of(f).into(),
                });
            }
            fields.extend(opt(Detail, "context", &q.context));
            fields.extend(q.to().map(|t| field(Detail, "to", t)));
            fields.extend(date(&q.date));
            ItemRef {
                by: Some((q.by.as_str(), shown)),
                quote_kind: Some(q.kind),
                ..item(q.id.as_deref(), q.words(), fields)
            }
        }
        Kind::Claim => {
            let c = story.claims.get(index)?;
            let mut fields = vec![field(Main, "text", &c.text), field(Name, "id", &c.id)];
            if !c.stances.is_empty() {
                // One field for all of them (a short text, stored once in the
                // whole index): which stance matched is told when a hit is shown.
                let words: Vec<&str> = c
                    .stances
                    .iter()
                    .map(|st| crate::wording::stance_word(st.stance))
                    .collect();
                fields.push(ItemField {
                    role: Detail,
                    name: FieldName {
                        key: "stances",
                        at: None,
                        sub: Some("stance"),
                    },
                    text: words.join(" ").into(),
                });
            }
            item(Some(&c.id), &c.text, fields)
        }
        Kind::Event => {
            let e = story.timeline.get(index)?;
            let mut fields = vec![field(Main, "title", &e.title)];
            fields.extend(opt(Detail, "detail", &e.detail));
            fields.extend(date(&e.date));
            item(e.id.as_deref(), &e.title, fields)
        }
        Kind::Source => {
            let s = story.sources.get(index)?;
            let mut fields = vec![field(Name, "name", &s.name)];
            fields.extend(opt(Name, "outlet", &s.outlet));
            fields.extend(date(&s.date));
            item(Some(&s.id), &s.name, fields)
        }
    })
}
