//! What of a story the commands that do not show it need (`check`, `who`): its id,
//! title, date and format, the ids, names, aliases and kinds of its parties and
//! analysts, and the id of every other item with its place. Enough for the
//! cross-story checks ([`super::across`]) and for looking people up, without the
//! texts of its people, quotes, claims, sources and events.
//!
//! The parsed-corpus cache keeps one per story beside the story, so that these
//! commands decode only this much of each.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::model::{Analyst, Party, PartyKind, Story, Str};

/// A list of a story whose items have ids (other than its people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum List {
    Claims,
    Sources,
    Quotes,
    Timeline,
}

impl List {
    /// The key of the list in a story file.
    pub fn key(self) -> &'static str {
        match self {
            List::Claims => "claims",
            List::Sources => "sources",
            List::Quotes => "quotes",
            List::Timeline => "timeline",
        }
    }
}

/// One item of a story's [`List`] that has an id: its list, its index in the list
/// as the file has it, and where its id ends in [`Outline::ids`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub list: List,
    pub index: u32,
    pub end: u32,
}

/// A party or an analyst, by what the cross-story checks and the lookup of people
/// read of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Str,
    pub name: Str,
    /// A party's kind; `None` for an analyst.
    pub kind: Option<PartyKind>,
    /// A party's aliases.
    pub aliases: Vec<Str>,
}

impl Person {
    fn party(p: &Party) -> Person {
        Person {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: Some(p.kind),
            aliases: p.aliases.clone(),
        }
    }

    fn analyst(a: &Analyst) -> Person {
        Person {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: None,
            aliases: Vec::new(),
        }
    }
}

/// A story without the texts of its items: see the module's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outline {
    pub format: u64,
    pub id: Str,
    pub title: Str,
    pub date: Option<PartialDate>,
    /// Its parties, then its analysts, each list in its order.
    pub people: Vec<Person>,
    /// The ids of its claims, sources, quotes and events (in that order, each list
    /// in its file order), one after the other: one text, not one per id (there
    /// are dozens per story).
    pub ids: String,
    /// Each of those items, in the same order.
    pub items: Vec<Item>,
}

/// The ids of a story's claims, sources, quotes and events (in that order), each
/// with its list and its index in the file.
pub fn item_ids(story: &Story) -> impl Iterator<Item = (&str, List, usize)> + '_ {
    let claims = story
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), List::Claims, i));
    let sources = story
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), List::Sources, i));
    let quotes = story
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| Some((q.id.as_deref()?, List::Quotes, i)));
    // The timeline is in display order; each event keeps its index in the file.
    let events = story
        .timeline
        .iter()
        .filter_map(|e| Some((e.id.as_deref()?, List::Timeline, e.file_index)));
    claims.chain(sources).chain(quotes).chain(events)
}

impl Outline {
    /// The outline of a story.
    pub fn of(story: &Story) -> Outline {
        let (ids, items) = Outline::items_of(story);
        let parties = story.parties.iter().map(Person::party);
        let analysts = story.analysts.iter().map(Person::analyst);
        Outline {
            format: story.format,
            id: story.id.clone(),
            title: story.title.clone(),
            date: story.date.clone(),
            people: parties.chain(analysts).collect(),
            ids,
            items,
        }
    }

    /// Its parties, each with its index among them.
    pub fn parties(&self) -> impl Iterator<Item = (usize, &Person, PartyKind)> + '_ {
        self.people
            .iter()
            .filter_map(|p| Some((p, p.kind?)))
            .enumerate()
            .map(|(i, (p, kind))| (i, p, kind))
    }

    /// Its analysts, each with its index among them.
    pub fn analysts(&self) -> impl Iterator<Item = (usize, &Person)> + '_ {
        self.people.iter().filter(|p| p.kind.is_none()).enumerate()
    }

    /// The ids of a story's items, one after the other, and the items.
    fn items_of(story: &Story) -> (String, Vec<Item>) {
        let mut ids = String::new();
        let items = item_ids(story)
            .map(|(id, list, index)| {
                ids.push_str(id);
                // A story file is far smaller than 4 GiB (the size cap).
                let fit = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                Item {
                    list,
                    index: fit(index),
                    end: fit(ids.len()),
                }
            })
            .collect();
        (ids, items)
    }

    /// The ids of its items as [`item_ids`] gives a story's (an item whose end is
    /// not in [`Outline::ids`], or not after the one before, gives an empty id:
    /// see [`super::validate::outline_holds`]).
    pub fn item_ids(&self) -> impl Iterator<Item = (&str, List, usize)> + '_ {
        let mut start = 0;
        self.items.iter().map(move |i| {
            let end = i.end as usize;
            let id = self.ids.get(start..end).unwrap_or_default();
            start = end;
            (id, i.list, i.index as usize)
        })
    }

    /// The story it outlines, as a story whose contents were let go: its id, title,
    /// date, format and file, and when `people` its parties and analysts by their
    /// ids, names, kinds and aliases only.
    pub fn into_story(self, file: std::path::PathBuf, people: bool) -> Story {
        let mut story = Story::new("", "", file);
        story.format = self.format;
        story.id = self.id;
        story.title = self.title;
        story.date = self.date;
        if people {
            for p in self.people {
                match p.kind {
                    Some(kind) => story.parties.push(Party {
                        id: p.id,
                        name: p.name,
                        kind,
                        aliases: p.aliases,
                        description: None,
                        position: None,
                        role: None,
                        speaks_for: None,
                    }),
                    None => story.analysts.push(Analyst {
                        id: p.id,
                        name: p.name,
                        role: None,
                        affiliation: None,
                        view: None,
                    }),
                }
            }
        }
        story
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse::parse_str;

    #[test]
    fn an_outline_keeps_every_id_with_its_place() {
        let text = "format: 2\nid: s\ntitle: T\ndate: 2024-05\n\
            sources:\n  - id: src\n    name: A report\n\
            parties:\n  - id: p\n    name: P\n    position: For.\n  - id: q\n    name: Q\n    position: Against.\n    speaks_for: p\n\
            analysts:\n  - id: a\n    name: A\n\
            quotes:\n  - by: p\n    text: One.\n  - id: said\n    by: a\n    text: Two.\n\
            claims:\n  - id: c\n    text: C.\n\
            timeline:\n  - id: late\n    date: 2024-06\n    title: Late.\n  - id: early\n    date: 2024-01\n    title: Early.\n  - date: 2024-03\n    title: No id.\n";
        let result = parse_str(std::path::Path::new("s.yaml"), text);
        let story = result.story.expect("a story");
        let outline = Outline::of(&story);
        let items: Vec<(&str, &str, usize)> = outline
            .item_ids()
            .map(|(id, list, i)| (id, list.key(), i))
            .collect();
        assert_eq!(
            items,
            vec![
                ("c", "claims", 0),
                ("src", "sources", 0),
                ("said", "quotes", 1),
                // The timeline in display order, each event with its index in the file.
                ("early", "timeline", 1),
                ("late", "timeline", 0),
            ]
        );
        assert_eq!(
            item_ids(&story).collect::<Vec<_>>(),
            outline.item_ids().collect::<Vec<_>>()
        );
        let back = outline.clone().into_story("f.yaml".into(), true);
        assert_eq!((back.id.as_str(), back.title.as_str()), ("s", "T"));
        assert_eq!((back.format, back.date.clone()), (2, story.date.clone()));
        assert_eq!((back.parties.len(), back.analysts.len()), (2, 1));
        assert_eq!(
            (back.parties[1].id.as_str(), back.analysts[0].name.as_str()),
            ("q", "A")
        );
        let parties: Vec<_> = outline
            .parties()
            .map(|(i, p, _)| (i, p.id.as_str()))
            .collect();
        assert_eq!(parties, vec![(0, "p"), (1, "q")]);
        let analysts: Vec<_> = outline
            .analysts()
            .map(|(i, p)| (i, p.id.as_str()))
            .collect();
        assert_eq!(analysts, vec![(0, "a")]);
        assert!(back.quotes.is_empty() && back.claims.is_empty() && back.timeline.is_empty());
        let bare = outline.into_story("f.yaml".into(), false);
        assert!(bare.parties.is_empty() && bare.analysts.is_empty());
    }
}
