//! The `claims` section: what is asserted, its status, and each party's or analyst's stance on it.

use std::collections::{HashMap, HashSet};

use super::checker::{child, words, Checker};
use super::refs::{Ids, Known, Names};
use super::{Problem, Target};
use crate::story::diagnostic::{one_of, Severity};
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawClaim, RawStance};

pub(super) fn claims(
    c: &mut Checker,
    ids: &mut Ids,
    names: &Names,
    cited: &mut HashSet<Str>,
    quotes: &[Quote],
    raw: Option<List<Node<RawClaim>>>,
) -> Vec<Claim> {
    let quote_ids = Known::new(quotes.iter().filter_map(|q| q.id.as_deref()).collect());
    let statuses = words(ClaimStatus::ALL, ClaimStatus::as_str);
    let stance_words = words(StanceKind::ALL, StanceKind::as_str);
    let mut claims = Vec::new();
    let items = c.list("", "claims", raw);
    for (at, r) in c.entries("claims", "", "a claim", items) {
        let r: RawClaim = r;
        c.keys(&at, &r.extra, RawClaim::KEYS);
        let id = c.req_id(&at, "this claim", r.id);
        ids.claim(c, &id, &at);
        let text = c.req_text(&at, "this claim", "text", r.text);
        let status = c.keyword(
            &at,
            "status",
            "claim status",
            r.status,
            ClaimStatus::parse,
            &statuses,
        );
        let source = names.source(c, cited, &at, r.source);
        let stances = stances(c, names, &quote_ids, &stance_words, &at, r.stances);
        if let (Some(id), Some(text)) = (id, text) {
            claims.push(Claim {
                id,
                text,
                status,
                source,
                stances,
            });
        }
    }
    claims
}

/// The stances on one claim (at `at`): one per party or analyst, each naming a
/// quote of the story when it gives one.
fn stances(
    c: &mut Checker,
    names: &Names,
    quote_ids: &Known,
    stance_words: &[&str],
    at: &str,
    raw: Option<List<Node<RawStance>>>,
) -> Vec<Stance> {
    let mut stances = Vec::new();
    let mut stance_by: HashMap<Str, String> = HashMap::new();
    let items = c.list(at, "stances", raw);
    for (sat, st) in c.entries("stances", at, "a stance", items) {
        let st: RawStance = st;
        c.keys(&sat, &st.extra, RawStance::KEYS);
        let by = names.by(c, &sat, "this stance", "whose stance it is", st.by);
        if st.stance.is_none() {
            c.error(
                sat.clone(),
                format!(
                    "this stance is missing `stance`, which is required: one of {}",
                    one_of(stance_words.iter().copied())
                ),
            );
        }
        c.no_value(&sat, "stance", &st.stance);
        let kind = c.keyword(
            &sat,
            "stance",
            "stance",
            st.stance,
            StanceKind::parse,
            stance_words,
        );
        let note = c.opt_text(&sat, "note", st.note);
        let quote = match c.opt_text(&sat, "quote", st.quote) {
            Some(q) if quote_ids.contains(&q) => Some(q),
            Some(q) => {
                c.error(
                    child(&sat, "quote"),
                    format!(
                        "`quote: {q}` names no quote; {} (give the quote an `id` to refer to it)",
                        quote_ids.list()
                    ),
                );
                None
            }
            None => None,
        };
        if let Some(by) = &by {
            let by_path = child(&sat, "by");
            if let Some(first) = stance_by.get(by) {
                c.problems.push(Problem {
                    path: by_path,
                    target: Target::Value,
                    severity: Severity::Error,
                    message: format!(
                        "`{by}` already has a stance on this claim ({}); one stance per party or analyst",
                        first.trim_end_matches(".by")
                    ),
                    first: Some((first.clone(), Target::Value)),
                });
                continue;
            }
            stance_by.insert(by.clone(), by_path);
        }
        if let (Some(by), Some(stance)) = (by, kind) {
            stances.push(Stance {
                by,
                stance,
                note,
                quote,
            });
        }
    }
    stances
}
