//! The `claims` section: what is asserted, its status, and each party's or analyst's stance on it.

use super::{Map, Set};

use super::checker::{child, words, Checker};
use super::refs::{Ids, Known, Names};
use crate::story::date::PartialDate;
use crate::story::diagnostic::one_of;
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawClaim, RawStance, Scalar};

pub(super) fn claims(
    c: &mut Checker,
    ids: &mut Ids,
    names: &Names,
    cited: &mut Set<Str>,
    quotes: &[Quote],
    parties: &[Party],
    raw: Option<List<Node<RawClaim>>>,
) -> Vec<Claim> {
    // Every quote id given, so that a quote with a problem of its own still resolves.
    let quote_ids = Known::new(ids.of("quotes"));
    // Who said each quote, and whom each spokesperson speaks for (the first of each
    // id, as a search in file order finds it): looked up once per stance.
    let mut quote_by = Map::default();
    for q in quotes {
        if let Some(id) = q.id.as_deref() {
            quote_by.entry(id).or_insert(q.by.as_str());
        }
    }
    let mut speaks_for = Map::default();
    for p in parties {
        speaks_for
            .entry(p.id.as_str())
            .or_insert(p.speaks_for.as_deref());
    }
    let refs = StanceRefs {
        names,
        quote_ids: &quote_ids,
        quote_by,
        speaks_for,
    };
    let statuses = words(ClaimStatus::ALL, ClaimStatus::as_str);
    let mut claims = Vec::new();
    let items = c.list("", "claims", raw);
    for (i, at, r) in c.entries("claims", "", "a claim", items) {
        let r: RawClaim = r;
        c.keys(&at, &r.extra, RawClaim::KEYS);
        let id = c.req_id(&at, "this claim", r.id);
        ids.claim(c, &id, "claims", i);
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
    quote_ids: &'a Known,
    /// Quote id → its `by`.
    quote_by: Map<&'a str, &'a str>,
    /// Party id → the party it speaks for, if any.
    speaks_for: Map<&'a str, Option<&'a str>>,
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
    for (_, sat, st) in c.entries("stances", at, "a stance", items) {
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
            Some(q) if refs.quote_ids.contains(&q) => Some(q),
            Some(q) => {
                c.error(
                    child(&sat, "quote"),
                    format!(
                        "`quote: {q}` names no quote; {} (give the quote an `id` to refer to it)",
                        refs.quote_ids.list()
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
    let Some(&said_by) = refs.quote_by.get(quote) else {
        return;
    };
    let spokesperson = refs.speaks_for.get(said_by).copied().flatten() == Some(by);
    if said_by != by && !spokesperson {
        c.warning(
            child(sat, "quote"),
            format!(
                "the quote `{quote}` is by `{said_by}`, not by `{by}` or someone who speaks for it: a stance cites its holder's own words"
            ),
        );
    }
}

/// One stance per party or analyst on a claim, except a history: several, every one
/// dated, no two dates on one sort key.
fn one_each_or_a_history(c: &mut Checker, taken: &[Taken]) {
    // Per party or analyst: its first stance, and whether any of its stances is
    // dated; per (party or analyst, sort key): the first stance with that date.
    // Sets, so that thousands of stances on one claim cost no more than their number.
    let mut first: Map<&str, usize> = Map::default();
    let mut any_dated: Set<&str> = Set::default();
    for (i, t) in taken.iter().enumerate() {
        first.entry(t.by.as_str()).or_insert(i);
        if t.dated {
            any_dated.insert(t.by.as_str());
        }
    }
    let mut dated_at: Map<(&str, SortKey), usize> = Map::default();
    for (i, t) in taken.iter().enumerate() {
        let by = t.by.as_str();
        let same_date = t
            .date
            .as_ref()
            .map(|d| *dated_at.entry((by, d.sort_key())).or_insert(i))
            .filter(|&s| s != i);
        let f = first.get(by).copied().unwrap_or(i);
        if f == i {
            // The first of several is checked when the others are (a later one dated).
            if !t.dated && any_dated.contains(by) {
                history_undated(c, t);
            }
            continue;
        }
        if !any_dated.contains(by) {
            c.repeat(
                child(&t.at, "by"),
                format!(
                    "`{}` already has a stance on this claim ({}); one stance per party or analyst",
                    t.by, taken[f].at
                ),
                child(&taken[f].at, "by"),
            );
            continue;
        }
        if !t.dated {
            history_undated(c, t);
            continue;
        }
        if let (Some(date), Some(s)) = (&t.date, same_date) {
            let same = &taken[s];
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

/// A date's place in time, as [`PartialDate::sort_key`] gives it.
type SortKey = (u16, u8, u8, crate::story::date::Precision, i32);

fn history_undated(c: &mut Checker, t: &Taken) {
    c.error(
        t.at.clone(),
        format!(
            "`{}` has several stances on this claim, a history, so each needs a `date` (when it was taken); this one has none",
            t.by
        ),
    );
}
