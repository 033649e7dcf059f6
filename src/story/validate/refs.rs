//! References between sections: ids are one namespace per story, and `by`, `via`,
//! `involves` and `source` must name a party, analyst or source defined in it.

use std::collections::{HashMap, HashSet};

use super::checker::{child, Checker};
use super::{Problem, Target};
use crate::story::diagnostic::{did_you_mean, Severity};
use crate::story::model::{Analyst, Party, Source, Str};
use crate::story::yaml::Scalar;

/// The ids of a list, for "known: …" in messages.
pub(super) fn known_list(ids: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for id in ids {
        if !unique.contains(id) {
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

pub(super) fn close_to(word: &str, ids: &[&str]) -> String {
    did_you_mean(word, ids.iter().copied())
        .map(|w| format!("; did you mean `{w}`?"))
        .unwrap_or_default()
}

/// Ids already used in a story (one namespace), with the path of each.
#[derive(Default)]
pub(super) struct Ids(HashMap<Str, String>);

impl Ids {
    pub(super) fn claim(&mut self, c: &mut Checker, id: &Option<Str>, at: &str) {
        let Some(id) = id else { return };
        let path = child(at, "id");
        if let Some(first) = self.0.get(id) {
            c.problems.push(Problem {
                path,
                target: Target::Value,
                severity: Severity::Error,
                message: format!(
                    "id `{id}` is already used by {}; every id in a story must be unique",
                    first.trim_end_matches(".id")
                ),
                first: Some((first.clone(), Target::Value)),
            });
        } else {
            self.0.insert(id.clone(), path);
        }
    }
}

/// What references may name: parties and analysts, sources, quotes.
pub(super) struct Names<'a> {
    pub(super) people: Vec<&'a str>,
    pub(super) people_set: HashSet<&'a str>,
    sources: Vec<&'a str>,
    source_set: HashSet<&'a str>,
}

impl<'a> Names<'a> {
    /// The ids of the parties and analysts, and of the sources.
    pub(super) fn new(
        parties: &'a [Party],
        analysts: &'a [(String, Analyst)],
        sources: &'a [(String, Source)],
    ) -> Names<'a> {
        let people: Vec<&str> = parties
            .iter()
            .map(|p| p.id.as_str())
            .chain(analysts.iter().map(|(_, a)| a.id.as_str()))
            .collect();
        let source_ids: Vec<&str> = sources.iter().map(|(_, s)| s.id.as_str()).collect();
        Names {
            people_set: people.iter().copied().collect(),
            people,
            source_set: source_ids.iter().copied().collect(),
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
        if self.people_set.contains(who.as_str()) {
            return Some(who);
        }
        let close = close_to(&who, &self.people);
        c.error(
            child(at, key),
            format!(
                "`{key}: {who}` names no party or analyst; {}{close}",
                known_list(&self.people)
            ),
        );
        None
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
        None
    }
}
