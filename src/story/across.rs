//! Cross-story consistency: the same id means the same thing in every story, so a
//! story that gives an id an earlier story (the first in path order that has it) also
//! uses is checked against it: a party's or analyst's name (folded; aliases exempt) and
//! kind, party against analyst, and a claim of a format-2 story against any other item.
//! Each finding is a warning at the later file's value that names the earlier place.
//!
//! Stories come in path order, batch after batch ([`FirstSeen::add_warnings`], the one
//! computation both the loader and the language server run); places are found only for
//! the findings, by reading the two files again ([`FirstSeen::locate`], through
//! [`Places`]), so a corpus without findings pays for none.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::diagnostic::{Diagnostic, Location, Severity};
use super::locate::{self, Budgets, PathIndex};
use super::model::{PartyKind, Story, Str};
use super::outline::{item_ids, List, Outline};

/// What an id names in the story that first used it (names owned: `What`), or
/// in the story being checked (names borrowed from it: [`Named`], copied only for
/// an id seen for the first time).
#[derive(Debug, Clone, Copy, PartialEq)]
enum WhatOf<N, A> {
    Party {
        name: N,
        kind: PartyKind,
        aliases: A,
    },
    Analyst {
        name: N,
    },
    /// A claim of a format-2 story (claims of format-1 stories stay in their story).
    Claim,
    /// Any other item: a source, a quote, an event, a format-1 claim.
    Other(&'static str),
}

type What = WhatOf<Str, Vec<Str>>;
type Named<'a> = WhatOf<&'a Str, &'a [Str]>;

impl What {
    /// Its names, borrowed.
    fn named(&self) -> Named<'_> {
        match self {
            What::Party {
                name,
                kind,
                aliases,
            } => Named::Party {
                name,
                kind: *kind,
                aliases,
            },
            What::Analyst { name } => Named::Analyst { name },
            What::Claim => Named::Claim,
            What::Other(noun) => Named::Other(noun),
        }
    }
}

impl Named<'_> {
    /// Its names, copied (to be kept after the story is let go: copies of their
    /// own, not spans of the story's text buffer).
    fn owned(self) -> What {
        match self {
            Named::Party {
                name,
                kind,
                aliases,
            } => What::Party {
                name: name.detached(),
                kind,
                aliases: aliases.iter().map(Str::detached).collect(),
            },
            Named::Analyst { name } => What::Analyst {
                name: name.detached(),
            },
            Named::Claim => What::Claim,
            Named::Other(noun) => What::Other(noun),
        }
    }
}

impl<N, A> WhatOf<N, A> {
    fn noun(&self) -> &'static str {
        match self {
            WhatOf::Party { .. } => "a party",
            WhatOf::Analyst { .. } => "an analyst",
            WhatOf::Claim => "a claim",
            WhatOf::Other(noun) => noun,
        }
    }
    fn is_entity(&self) -> bool {
        matches!(self, WhatOf::Party { .. } | WhatOf::Analyst { .. })
    }
    fn is_claim(&self) -> bool {
        matches!(self, WhatOf::Claim)
    }
}

/// Where an item sits in its story: its list and its index there, shown as the
/// item's path (`parties[3]`); written out only for a finding.
#[derive(Debug, Clone, Copy, PartialEq)]
struct At {
    list: &'static str,
    index: usize,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)
    }
}

/// One use of an id: where (file, path of the item inside the story) and as what.
#[derive(Debug, Clone)]
struct Use {
    /// Shared by every id of its story that is used first there.
    file: std::sync::Arc<Path>,
    at: At,
    what: What,
}

/// The maps of ids seen so far: a fast hash seeded per process (ids are story text,
/// so a fixed hash could be made to collide).
type IdMap = HashMap<Str, Use, foldhash::fast::RandomState>;

/// A finding, before it has its places: at `key` of the later item, against `key` of
/// the earlier one. The message has `{earlier}` where the earlier place goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub file: PathBuf,
    pub path: String,
    pub earlier_file: PathBuf,
    pub earlier_path: String,
    message: String,
}

/// The first use of every id seen so far, in path order.
#[derive(Debug, Default)]
pub struct FirstSeen {
    /// The first use of each id, as anything.
    any: IdMap,
    /// The first use of each id as a party or analyst.
    entity: IdMap,
}

/// Where the values of files are, each file scanned once (only files with findings
/// are). A caller whose files do not change between stories keeps one across them (the
/// language server, [`Places::forget`]ting a file whose text changed); the loader takes
/// a new one per story, so no scan outlives its use.
#[derive(Debug, Default)]
pub struct Places {
    scanned: HashMap<PathBuf, Option<PathIndex>>,
}

impl Places {
    /// Forgets what was found in a file (its text changed).
    pub fn forget(&mut self, file: &Path) {
        self.scanned.remove(file);
    }

    /// The place of the value at `path` in `file` (for a key left to its default,
    /// like a kind not written, the item's); `text_of` gives the file's text.
    fn place(
        &mut self,
        file: &Path,
        path: &str,
        text_of: &dyn Fn(&Path) -> Option<String>,
    ) -> Option<Location> {
        let index = self.scanned.entry(file.to_path_buf()).or_insert_with(|| {
            text_of(file).and_then(|t| locate::scan(&t, Budgets::default(), true).ok())
        });
        let index = index.as_ref()?;
        index.value(path).or_else(|| {
            let item = path.rsplit_once('.').map_or(path, |(item, _)| item);
            index.value(item)
        })
    }
}

/// Whether two names are the same once case, accents and white space are left out.
fn same_name(a: &str, b: &str) -> bool {
    // The same name written the same way (nearly always, in a consistent corpus),
    // and ASCII names, need no Unicode folding.
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return ascii_letters(a).eq(ascii_letters(b));
    }
    folded(a) == folded(b)
}

/// A name without case, accents and white space (NFKD, marks and spaces left out).
fn folded(s: &str) -> String {
    s.nfkd()
        .filter(|c| !c.is_whitespace() && !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// An ASCII name's letters without white space, in lower case.
fn ascii_letters(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes()
        .filter(|c| !char::from(*c).is_whitespace())
        .map(|c| c.to_ascii_lowercase())
}

/// What the cross-story checks read of a story: the story, or its outline.
#[derive(Debug, Clone, Copy)]
pub enum Ids<'a> {
    Story(&'a Story),
    Outline(&'a Outline),
}

impl<'a> From<&'a Story> for Ids<'a> {
    fn from(story: &'a Story) -> Ids<'a> {
        Ids::Story(story)
    }
}

impl<'a> From<&'a std::sync::Arc<Story>> for Ids<'a> {
    fn from(story: &'a std::sync::Arc<Story>) -> Ids<'a> {
        Ids::Story(story)
    }
}

impl<'a> From<&'a Outline> for Ids<'a> {
    fn from(outline: &'a Outline) -> Ids<'a> {
        Ids::Outline(outline)
    }
}

/// Every id of a story with what it names and its item's path: its parties, its
/// analysts, then the items of [`item_ids`].
fn uses<'a>(ids: Ids<'a>) -> Vec<(&'a str, At, Named<'a>)> {
    let mut out = Vec::new();
    let mut person = |id: &'a str, list, index, what| out.push((id, At { list, index }, what));
    let format = match ids {
        Ids::Story(s) => {
            for (i, p) in s.parties.iter().enumerate() {
                let (name, kind, aliases) = (&p.name, p.kind, &p.aliases[..]);
                person(
                    &p.id,
                    "parties",
                    i,
                    Named::Party {
                        name,
                        kind,
                        aliases,
                    },
                );
            }
            for (i, a) in s.analysts.iter().enumerate() {
                person(&a.id, "analysts", i, Named::Analyst { name: &a.name });
            }
            s.format
        }
        Ids::Outline(o) => {
            for (i, p, kind) in o.parties() {
                let (name, aliases) = (&p.name, &p.aliases[..]);
                person(
                    &p.id,
                    "parties",
                    i,
                    Named::Party {
                        name,
                        kind,
                        aliases,
                    },
                );
            }
            for (i, a) in o.analysts() {
                person(&a.id, "analysts", i, Named::Analyst { name: &a.name });
            }
            o.format
        }
    };
    let mut item = |(id, list, index): (&'a str, List, usize)| {
        let what = match list {
            List::Claims if format >= 2 => Named::Claim,
            List::Claims => Named::Other("a claim of a format-1 story"),
            List::Sources => Named::Other("a source"),
            List::Quotes => Named::Other("a quote"),
            List::Timeline => Named::Other("an event"),
        };
        out.push((
            id,
            At {
                list: list.key(),
                index,
            },
            what,
        ));
    };
    match ids {
        Ids::Story(s) => item_ids(s).for_each(&mut item),
        Ids::Outline(o) => o.item_ids().for_each(&mut item),
    }
    out
}

impl FirstSeen {
    /// Checks a story against the stories seen before it and records its ids.
    pub fn check<'s>(&mut self, story: impl Into<Ids<'s>>, file: &Path) -> Vec<Finding> {
        let mut found = Vec::new();
        // The file, made once per story and only when one of its ids is new.
        let mut shared: Option<std::sync::Arc<Path>> = None;
        for (id, at, what) in uses(story.into()) {
            let finding = |key: &str, earlier: &Use, key_there: &str, message: String| Finding {
                file: file.to_path_buf(),
                path: format!("{at}.{key}"),
                earlier_file: earlier.file.to_path_buf(),
                earlier_path: format!("{}.{key_there}", earlier.at),
                message,
            };
            let mut record = |what: Named| Use {
                file: shared.get_or_insert_with(|| file.into()).clone(),
                at,
                what: what.owned(),
            };
            // One lookup per map for an id seen before, two for a new one (then
            // its names are copied, once).
            if what.is_entity() {
                match self.entity.get(id) {
                    Some(first) => found.extend(entity_findings(id, what, first, &finding)),
                    None => {
                        self.entity.insert(id.into(), record(what));
                    }
                }
            }
            match self.any.get(id) {
                // An entity against an entity is the entity rules' (above).
                Some(first)
                    if what.is_claim() != first.what.is_claim()
                        && !(what.is_entity() && first.what.is_entity()) =>
                {
                    found.push(finding(
                        "id",
                        first,
                        "id",
                        format!(
                            "`{id}` is {} here but {} in {{earlier}}; claims with one id are one claim across format-2 stories: give one of them another id",
                            what.noun(),
                            first.what.noun()
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    self.any.insert(id.into(), record(what));
                }
            }
        }
        found
    }

    /// The cross-story warnings of one file's story, checked against the stories seen
    /// before it (whose ids it then joins), placed and added to the file's problems,
    /// which stay in order of place: what `check` reports for the file. `text_of` gives
    /// a file's text (for the language server, an open document's unsaved one).
    pub fn add_warnings<'s>(
        &mut self,
        story: impl Into<Ids<'s>>,
        file: &Path,
        diagnostics: &mut Vec<Diagnostic>,
        places: &mut Places,
        text_of: &dyn Fn(&Path) -> Option<String>,
    ) {
        let findings = self.check(story, file);
        if !findings.is_empty() {
            diagnostics.extend(FirstSeen::locate(findings, places, text_of));
            diagnostics.sort_by_key(|d| d.location);
        }
    }

    /// Gives findings their places and makes them warnings; `text_of` gives a file's
    /// text (read again: only files with findings are).
    pub fn locate(
        findings: Vec<Finding>,
        places: &mut Places,
        text_of: &dyn Fn(&Path) -> Option<String>,
    ) -> Vec<Diagnostic> {
        findings
            .into_iter()
            .map(|f| {
                let here = places.place(&f.file, &f.path, text_of);
                let there = places.place(&f.earlier_file, &f.earlier_path, text_of);
                let earlier = match there {
                    Some(l) => format!("{}:{}:{}", f.earlier_file.display(), l.line, l.column),
                    None => f.earlier_file.display().to_string(),
                };
                Diagnostic::new(
                    f.file,
                    here.or(Some(Location { line: 1, column: 1 })),
                    Severity::Warning,
                    f.path,
                    f.message.replace("{earlier}", &earlier),
                )
                .related_to(f.earlier_file, there)
            })
            .collect()
    }
}

/// The name, kind and role of an entity against its first use as one.
fn entity_findings(
    id: &str,
    here: Named,
    first: &Use,
    finding: &dyn Fn(&str, &Use, &str, String) -> Finding,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let there = first.what.named();
    let (name_here, aliases_here): (&Str, &[Str]) = match here {
        Named::Party { name, aliases, .. } => (name, aliases),
        Named::Analyst { name } => (name, &[]),
        _ => return out,
    };
    let (name_there, aliases_there): (&Str, &[Str]) = match there {
        Named::Party { name, aliases, .. } => (name, aliases),
        Named::Analyst { name } => (name, &[]),
        _ => return out,
    };
    let listed = |name: &str, names: &[Str], own: &str| {
        same_name(name, own) || names.iter().any(|a| same_name(name, a))
    };
    if !listed(name_there, aliases_here, name_here) && !listed(name_here, aliases_there, name_there)
    {
        // Only parties have aliases.
        let fix = match here {
            Named::Party { .. } => "use one name, or list the other as an alias",
            _ => "use one name",
        };
        out.push(finding(
            "name",
            first,
            "name",
            format!(
                "`{id}` is named {name_here:?} here but {name_there:?} in {{earlier}}; the same id is the same entity in every story: {fix}"
            ),
        ));
    }
    match (here, there) {
        (Named::Party { kind: a, .. }, Named::Party { kind: b, .. })
            if a != b && a != PartyKind::Other && b != PartyKind::Other =>
        {
            out.push(finding(
                "kind",
                first,
                "kind",
                format!(
                    "party `{id}` is of kind `{a}` here but `{b}` in {{earlier}}; the same id is the same entity in every story"
                ),
            ));
        }
        (Named::Party { .. }, Named::Analyst { .. })
        | (Named::Analyst { .. }, Named::Party { .. }) => {
            out.push(finding(
                "id",
                first,
                "id",
                format!(
                    "`{id}` is {} here but {} in {{earlier}}; the same id is the same entity in every story",
                    here.noun(),
                    first.what.noun()
                ),
            ));
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_folded() {
        assert!(same_name("Chinese  Military", "chinese military"));
        assert!(same_name("Zoë Ångström", "zoe angstrom"));
        assert!(!same_name("Chinese military", "People's Liberation Army"));
    }

    /// The ASCII shortcut folds as the Unicode path does (vertical tab and form
    /// feed are white space to both).
    #[test]
    fn ascii_names_fold_as_unicode_ones() {
        let unicode = |a: &str, b: &str| folded(a) == folded(b);
        let names = [
            "Grace Sato",
            "grace\u{b}sato",
            "GRACE\tSATO\r\n",
            "Grace\x0cSato",
            "Grace\x1fSato",
            "Grace Sat0",
            "GraceSato ",
            "",
            " ",
        ];
        for a in names {
            for b in names {
                assert_eq!(same_name(a, b), unicode(a, b), "{a:?} against {b:?}");
            }
        }
    }
}
