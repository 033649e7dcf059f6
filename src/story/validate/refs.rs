//! References between sections: ids are one namespace per story, and `by`, `via`,
//! `involves` and `source` must name a party, analyst or source defined in it.

use std::collections::{HashMap, HashSet};

use super::checker::{child, Checker};
use super::{Problem, Target};
use crate::story::diagnostic::{did_you_mean, Severity};
use crate::story::model::Str;
use crate::story::yaml::Scalar;

/// The ids of a list, for "known: …" in messages.
pub(super) fn known_list(ids: &[impl AsRef<str>]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for id in ids.iter().map(AsRef::as_ref) {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    if unique.is_empty() {
        return "none are defined".into();
    }
    let more = if unique.len() > 12 { ", ..." } else { "" };
    unique.truncate(12);
    format!("known: {}{more}", unique.join(", "))
}

pub(super) fn close_to(word: &str, ids: &[impl AsRef<str>]) -> String {
    did_you_mean(word, ids.iter().map(AsRef::as_ref))
        .map(|w| format!("; did you mean `{w}`?"))
        .unwrap_or_default()
}

/// Ids already used in a story (one namespace), with the path of each, in file order
/// within each section.
#[derive(Default)]
pub(super) struct Ids {
    paths: HashMap<Str, String>,
    order: Vec<Str>,
}

/// What the item at a path is: "a party", "a claim"...
fn noun(path: &str) -> &'static str {
    match path.split('[').next().unwrap_or("") {
        "sources" => "a source",
        "parties" => "a party",
        "analysts" => "an analyst",
        "quotes" => "a quote",
        "claims" => "a claim",
        _ => "an event",
    }
}

impl Ids {
    /// What the id names in this story ("a claim"), if anything.
    pub(super) fn what(&self, id: &str) -> Option<&'static str> {
        self.paths.get(id).map(|p| noun(p))
    }

    /// The ids of one section (`"parties"`), in file order.
    pub(super) fn of(&self, section: &str) -> Vec<Str> {
        self.order
            .iter()
            .filter(|id| {
                self.paths
                    .get(*id)
                    .is_some_and(|p| p.split('[').next() == Some(section))
            })
            .cloned()
            .collect()
    }

    pub(super) fn claim(&mut self, c: &mut Checker, id: &Option<Str>, at: &str) {
        let Some(id) = id else { return };
        let path = child(at, "id");
        if let Some(first) = self.paths.get(id) {
            c.problems.push(Problem {
                path,
                target: Target::Value,
                severity: Severity::Error,
                message: format!(
                    "id `{id}` is already used by {}; every id in a story must be unique",
                    first.trim_end_matches(".id")
                ),
                first: Some((first.clone(), Target::Value)),
                earliest_of: Vec::new(),
            });
        } else {
            self.paths.insert(id.clone(), path);
            self.order.push(id.clone());
        }
    }
}

/// What references may name: parties and analysts, sources, quotes.
pub(super) struct Names {
    people: Vec<Str>,
    people_set: HashSet<Str>,
    sources: Vec<Str>,
    source_set: HashSet<Str>,
}

impl Names {
    /// The ids of the parties and analysts, and of the sources: every one given, so
    /// that an item with a problem of its own is still found by references.
    pub(super) fn new(ids: &Ids) -> Names {
        let mut people = ids.of("parties");
        people.extend(ids.of("analysts"));
        let source_ids = ids.of("sources");
        Names {
            people_set: people.iter().cloned().collect(),
            people,
            source_set: source_ids.iter().cloned().collect(),
            sources: source_ids,
        }
    }

    /// A required `by` (of a quote or a stance): missing, without a value, or naming
    /// no party or analyst, it is reported.
    pub(super) fn by(
        &self,
        c: &mut Checker,
        at: &str,
        what: &str,
        why: &str,
        value: Option<Scalar>,
    ) -> Option<Str> {
        if value.is_none() {
            c.error(
                at.to_string(),
                format!("{what} is missing `by`, which is required: {why}"),
            );
        }
        c.no_value(at, "by", &value);
        self.person(c, at, "by", value)
    }

    pub(super) fn person(
        &self,
        c: &mut Checker,
        at: &str,
        key: &str,
        value: Option<Scalar>,
    ) -> Option<Str> {
        let who = c.opt_text(at, key, value)?;
        self.person_named(c, child(at, key), &format!("`{key}: {who}`"), who)
    }

    /// [`Names::person`] for text already read (at `path`, shown as `shown`).
    pub(super) fn person_named(
        &self,
        c: &mut Checker,
        path: String,
        shown: &str,
        who: Str,
    ) -> Option<Str> {
        if self.people_set.contains(who.as_str()) {
            return Some(who);
        }
        let close = close_to(&who, &self.people);
        c.error(
            path,
            format!(
                "{shown} names no party or analyst; {}{close}",
                known_list(&self.people)
            ),
        );
        c.unresolved(&who, "a party or analyst");
        None
    }

    /// Whether a source id is defined.
    pub(super) fn is_source(&self, id: &str) -> bool {
        self.source_set.contains(id)
    }

    /// The source ids, for messages.
    pub(super) fn sources(&self) -> &[Str] {
        &self.sources
    }

    pub(super) fn source(
        &self,
        c: &mut Checker,
        cited: &mut HashSet<Str>,
        at: &str,
        value: Option<Scalar>,
    ) -> Option<Str> {
        let src = c.opt_text(at, "source", value)?;
        if self.source_set.contains(src.as_str()) {
            if !cited.contains(&src) {
                cited.insert(src.clone());
            }
            return Some(src);
        }
        let close = close_to(&src, &self.sources);
        c.error(
            child(at, "source"),
            format!(
                "`source: {src}` names no source; {}{close}",
                known_list(&self.sources)
            ),
        );
        c.unresolved(&src, "a source");
        None
    }
}
