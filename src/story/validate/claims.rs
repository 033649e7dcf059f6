//! The `claims` section: what is asserted, its status, and each party's or analyst's stance on it.

use std::collections::HashSet;

use super::checker::{child, words, Checker};
use super::refs::{known_list, Ids, Names};
use crate::story::date::PartialDate;
use crate::story::diagnostic::one_of;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawClaim, RawStance, Scalar};

pub(super) fn claims(
    c: &mut Checker,
    ids: &mut Ids,
    names: &Names,
    cited: &mut HashSet<Str>,
    quotes: &[Quote],
    parties: &[Party],
    raw: Option<List<Node<RawClaim>>>,
) -> Vec<Claim> {
    // Every quote id given, so that a quote with a problem of its own still resolves.
    let quote_ids: Vec<Str> = ids.of("quotes");
    let quote_set: HashSet<&str> = quote_ids.iter().map(Str::as_str).collect();
    let refs = StanceRefs {
        names,
        quote_ids: &quote_ids,
        quote_set: &quote_set,
        quotes,
        parties,
    };
    let statuses = words(ClaimStatus::ALL, ClaimStatus::as_str);
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
        let stances = stances(c, &refs, &at, r.stances);
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

/// What a stance may refer to.
struct StanceRefs<'a> {
    names: &'a Names,
    quote_ids: &'a [Str],
    quote_set: &'a HashSet<&'a str>,
    quotes: &'a [Quote],
    parties: &'a [Party],
}

/// One stance as written, for the one-stance-each and history rules.
struct Taken {
    at: String,
    by: Str,
    /// Whether `date` was given (a wrong one is its own error).
    dated: bool,
    date: Option<PartialDate>,
}

/// The stances on one claim (at `at`): one per party or analyst, or a history
/// (several, each dated, no two on one sort key); each naming a quote of the story
/// when it gives one.
fn stances(
    c: &mut Checker,
    refs: &StanceRefs,
    at: &str,
    raw: Option<List<Node<RawStance>>>,
) -> Vec<Stance> {
    let stance_words = words(StanceKind::ALL, StanceKind::as_str);
    let mut stances = Vec::new();
    let mut taken: Vec<Taken> = Vec::new();
    let items = c.list(at, "stances", raw);
    for (sat, st) in c.entries("stances", at, "a stance", items) {
        let st: RawStance = st;
        c.keys(&sat, &st.extra, RawStance::KEYS);
        let by = refs
            .names
            .by(c, &sat, "this stance", "whose stance it is", st.by);
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
            &stance_words,
        );
        let note = c.opt_text(&sat, "note", st.note);
        let quote = match c.opt_text(&sat, "quote", st.quote) {
            Some(q) if refs.quote_set.contains(q.as_str()) => Some(q),
            Some(q) => {
                c.error(
                    child(&sat, "quote"),
                    format!(
                        "`quote: {q}` names no quote; {} (give the quote an `id` to refer to it)",
                        known_list(refs.quote_ids)
                    ),
                );
                c.unresolved(&q, "a quote");
                None
            }
            None => None,
        };
        c.v2_key(&sat, "date", &st.date);
        let dated = matches!(st.date, Some(ref d) if *d != Scalar::Null);
        let date = c.opt_date(&sat, st.date);
        // A rule of format 2: format-1 files give the problems they always gave.
        if let (Some(by), Some(q), true) = (&by, &quote, c.format >= 2) {
            quoted_by(c, refs, &sat, by, q);
        }
        if let Some(by) = &by {
            taken.push(Taken {
                at: sat.clone(),
                by: by.clone(),
                dated,
                date: date.clone(),
            });
        }
        if let (Some(by), Some(stance)) = (by, kind) {
            stances.push(Stance {
                by,
                stance,
                note,
                quote,
                date,
            });
        }
    }
    one_each_or_a_history(c, &taken);
    stances
}

/// A stance's quote should be by the same party or analyst, or by someone who speaks
/// for it (a warning otherwise).
fn quoted_by(c: &mut Checker, refs: &StanceRefs, sat: &str, by: &str, quote: &str) {
    let Some(q) = refs.quotes.iter().find(|q| q.id.as_deref() == Some(quote)) else {
        return;
    };
    let spokesperson = refs
        .parties
        .iter()
        .any(|p| p.id == q.by && p.speaks_for.as_deref() == Some(by));
    if q.by != by && !spokesperson {
        c.warning(
            child(sat, "quote"),
            format!(
                "the quote `{quote}` is by `{}`, not by `{by}` or someone who speaks for it: a stance cites its holder's own words",
                q.by
            ),
        );
    }
}

/// One stance per party or analyst on a claim, except a history: several, every one
/// dated, no two dates on one sort key.
fn one_each_or_a_history(c: &mut Checker, taken: &[Taken]) {
    for (i, t) in taken.iter().enumerate() {
        let earlier: Vec<&Taken> = taken[..i].iter().filter(|e| e.by == t.by).collect();
        let Some(first) = earlier.first() else {
            // The first of several is checked when the others are.
            if !t.dated && taken[i + 1..].iter().any(|l| l.by == t.by && l.dated) {
                history_undated(c, t);
            }
            continue;
        };
        let history = t.dated || taken.iter().any(|o| o.by == t.by && o.dated);
        if !history {
            c.repeat(
                child(&t.at, "by"),
                format!(
                    "`{}` already has a stance on this claim ({}); one stance per party or analyst",
                    t.by, first.at
                ),
                child(&first.at, "by"),
            );
            continue;
        }
        if !t.dated {
            history_undated(c, t);
            continue;
        }
        let (Some(date), true) = (&t.date, t.dated) else {
            continue;
        };
        if let Some(same) = earlier.iter().find(|e| {
            e.date
                .as_ref()
                .is_some_and(|d| d.sort_key() == date.sort_key())
        }) {
            c.repeat(
                child(&t.at, "date"),
                format!(
                    "`{}` already has a stance dated {} on this claim ({}): the stances of a history need different dates",
                    t.by, date.raw, same.at
                ),
                child(&same.at, "date"),
            );
        }
    }
}

fn history_undated(c: &mut Checker, t: &Taken) {
    c.error(
        t.at.clone(),
        format!(
            "`{}` has several stances on this claim, a history, so each needs a `date` (when it was taken); this one has none",
            t.by
        ),
    );
}
