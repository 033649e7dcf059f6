//! Turns the raw parse of a file into a [`Story`], checking everything the format
//! asks: required keys, types, ids, dates, kinds, references and the warnings.
//! Problems carry the path inside the story; [`super::parse`] finds their places.
//!
//! The raw parse is consumed: text moves into the story without copies, and a
//! path (`quotes[3].by`) is only spelled out when there is a problem to report.
//!
//! One function per section of a story file, in the order they are checked
//! (each file below); `checker` reads the scalar shapes, `refs` the
//! references between sections.

mod analysts;
mod checker;
mod claims;
mod invariants;
mod links;
mod parties;
mod quotes;
mod refs;
mod sources;
mod timeline;

use super::diagnostic::Severity;
use super::model::*;
use super::yaml::{List, Node, RawStory, Scalar};
use checker::Checker;
pub use invariants::hold as invariants_hold;
pub use invariants::outline_holds;
use refs::{Ids, Names};

/// The maps and sets of validation: foldhash, seeded afresh in each process, costs a
/// fraction of the standard SipHash on a story's short ids.
type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// What a problem points at, for finding its place in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The value at the path (for a mapping: where it starts).
    Value,
    /// The nth occurrence of the key whose value is at the path.
    Key(usize),
}

/// A problem found while validating, before it is given its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub target: Target,
    pub severity: Severity,
    pub message: String,
    /// For a repeat: the path of the first occurrence (its place is added to the message).
    pub first: Option<(String, Target)>,
    /// For a problem of the whole file found in several places (a format-2 key in a
    /// format-1 file): each place with its message; the problem is reported once, at
    /// the earliest of them in the file (`path`, `target` and `message` are the first
    /// found, for when none can be placed).
    pub earliest_of: Vec<(String, Target, String)>,
}

/// Validates a raw story. Returns the story when there is no error, and every problem.
pub fn validate(raw: Node<RawStory>, file: &std::path::Path) -> (Option<Story>, Vec<Problem>) {
    let mut c = Checker::default();
    let s = match raw {
        Node::Map(s) => s,
        Node::Other(found) => {
            let message = match found {
                Scalar::Null => "the file holds no story: a story file is one mapping with at least `id` and `title`".to_string(),
                // Quoting none of it: a file that is not a story may be anything
                // (a private key reached through a link, say).
                other => format!(
                    "not a story: the top level is {}, not a mapping (`id: …`, `title: …`, …)",
                    other.kind()
                ),
            };
            c.error(String::new(), message);
            return (None, c.problems);
        }
    };

    // The format version comes first: a newer file is not guessed at.
    let Some(format) = format_version(&mut c, &s.format) else {
        return (None, c.problems);
    };
    c.format = format;

    c.keys("", &s.extra, RawStory::KEYS);
    let id = c.req_id("", "the story", s.id);
    let title = c.req_text("", "the story", "title", s.title);
    let date = c.opt_date("", s.date);
    let question = c.opt_text("", "question", s.question);
    let summary = c.opt_text("", "summary", s.summary);
    let tags = c.text_list("", "tags", s.tags);
    // Every item of the lists below may claim an id.
    let items = [
        s.sources.as_ref().map_or(0, List::item_count),
        s.parties.as_ref().map_or(0, List::item_count),
        s.analysts.as_ref().map_or(0, List::item_count),
        s.quotes.as_ref().map_or(0, List::item_count),
        s.claims.as_ref().map_or(0, List::item_count),
        s.timeline.as_ref().map_or(0, List::item_count),
    ];
    let mut ids = Ids::with_capacity(items.iter().sum());

    let (mut sources, source_links) = sources::sources(&mut c, &mut ids, s.sources);
    let (mut parties, speaks_for) = parties::parties(&mut c, &mut ids, s.parties);
    let analysts = analysts::analysts(&mut c, &mut ids, s.analysts);
    links::spokespeople(&mut c, &ids, &mut parties, &speaks_for);
    let mut cited: Set<Str> = Set::default();
    let names = Names::new(&ids);
    links::sources(&mut c, &names, &mut sources, source_links, &mut cited);
    let quotes = quotes::quotes(&mut c, &mut ids, &names, &mut cited, s.quotes);
    let claims = claims::claims(
        &mut c, &mut ids, &names, &mut cited, &quotes, &parties, s.claims,
    );
    let events = timeline::timeline(&mut c, &mut ids, &names, &mut cited, s.timeline);
    c.wrong_kinds(|id| ids.what(id));
    c.format_gate();
    unused(&mut c, &analysts, &quotes, &sources, &cited);

    if c.has_errors() {
        return (None, c.problems);
    }
    let (Some(id), Some(title)) = (id, title) else {
        return (None, c.problems);
    };
    let timeline = timeline::order(events);
    let mut story = Story {
        format,
        id,
        title,
        date,
        question,
        summary,
        tags,
        sources: sources.into_iter().map(|(_, s)| s).collect(),
        parties,
        analysts: analysts.into_iter().map(|(_, a)| a).collect(),
        quotes,
        claims,
        timeline,
        extensions: s.extra.extensions,
        file: file.to_path_buf(),
    };
    story.shrink_to_fit();
    (Some(story), c.problems)
}

/// The story's format version; `None` for a version newer than this storyx reads
/// (nothing else is checked then).
fn format_version(c: &mut Checker, format: &Option<Scalar>) -> Option<u64> {
    let written = match format {
        Some(Scalar::Int(n)) => Some(n.as_str()),
        Some(Scalar::Str(n)) => Some(n.as_str()),
        _ => None,
    };
    let number = written.and_then(|n| n.trim().parse::<i64>().ok());
    let version = match (format, number) {
        (None | Some(Scalar::Null), _) => DEFAULT_FORMAT,
        (_, Some(n)) => {
            if n > FORMAT_VERSION as i64 {
                c.error(
                    "format".into(),
                    format!("story format {n} is newer than this storyx reads ({FORMAT_VERSION}); update storyx to read it"),
                );
                return None;
            }
            if n < 1 {
                c.error(
                    "format".into(),
                    format!("story format {n} does not exist; the first version is 1"),
                );
            }
            n.max(1) as u64
        }
        (Some(other), None) => {
            c.error(
                "format".into(),
                format!(
                    "`format` must be a whole number such as 1, found {}",
                    other.describe()
                ),
            );
            DEFAULT_FORMAT
        }
    };
    Some(version)
}

/// Warnings: analysts never quoted, sources never cited.
fn unused(
    c: &mut Checker,
    analysts: &[(String, Analyst)],
    quotes: &[Quote],
    sources: &[(String, Source)],
    cited: &Set<Str>,
) {
    // A set: an analyst per quote would be quadratic in a story's size.
    let quoted: Set<&str> = quotes.iter().map(|q| q.by.as_str()).collect();
    for (at, a) in analysts {
        if !quoted.contains(a.id.as_str()) {
            c.warning(
                at.clone(),
                format!(
                    "analyst `{}` is never quoted: add a quote `by: {}` or drop the analyst",
                    a.id, a.id
                ),
            );
        }
    }
    for (at, s) in sources {
        if !cited.contains(&s.id) {
            c.warning(
                at.clone(),
                format!(
                    "source `{}` is never cited: no quote, claim or event names it as `source`",
                    s.id
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::checker::{is_kebab_id, kebab};
    use super::*;

    #[test]
    fn kebab_ids() {
        for ok in ["a", "acme", "richard-fisher", "x1-2b", "2025"] {
            assert!(is_kebab_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Acme", "a_b", "a b", "é", "a.b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
        assert_eq!(kebab("Acme Corp."), "acme-corp");
    }

    /// A required reference or stance with no value is an error, not a silently dropped item.
    #[test]
    fn required_keys_without_a_value_are_errors() {
        let base = "id: a\ntitle: T\nparties:\n  - id: acme\n    name: Acme\n    position: x\n";
        for (extra, path) in [
            ("quotes:\n  - by: ~\n    text: Lost words.\n", "quotes[0].by"),
            (
                "claims:\n  - id: c\n    text: C\n    stances:\n      - by: acme\n        stance: ~\n",
                "claims[0].stances[0].stance",
            ),
            (
                "claims:\n  - id: c\n    text: C\n    stances:\n      - by:\n        stance: supports\n",
                "claims[0].stances[0].by",
            ),
            ("timeline:\n  - title: E\n    involves: [acme, ~]\n", "timeline[0].involves[1]"),
        ] {
            let text = format!("{base}{extra}");
            let r = crate::story::parse::parse_str(std::path::Path::new("t.yaml"), &text);
            assert!(r.story.is_none(), "{text}");
            assert!(
                r.diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error && d.path == path),
                "{text}\n{:#?}",
                r.diagnostics
            );
        }
    }
}
