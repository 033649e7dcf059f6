//! References between sections: ids are one namespace per story, and `by`, `via`,
//! `involves` and `source` must name a party, analyst or source defined in it.

use super::{Map, Set};
use std::cell::OnceCell;

use super::checker::{child, entry, Checker};
use super::{Problem, Target};
use crate::story::diagnostic::{Severity, Suggestions};
use crate::story::model::Str;
use crate::story::yaml::Scalar;

/// The ids of a list, for "known: …" in messages: the first 12, each once.
pub(super) fn known_list(ids: &[impl AsRef<str>]) -> String {
    let mut seen = Set::default();
    let mut unique: Vec<&str> = Vec::new();
    let mut more = "";
    for id in ids.iter().map(AsRef::as_ref) {
        if seen.insert(id) {
            if unique.len() == 12 {
                more = ", ...";
                break;
            }
            unique.push(id);
        }
    }
    if unique.is_empty() {
        return "none are defined".into();
    }
    format!("known: {}{more}", unique.join(", "))
}

/// The ids a reference may name, with what messages say of them, each worked
/// out once per story (at the first bad reference), not once per bad reference.
pub(super) struct Known {
    ids: Vec<Str>,
    set: Set<Str>,
    list: OnceCell<String>,
    suggestions: OnceCell<Suggestions>,
}

impl Known {
    pub(super) fn new(ids: Vec<Str>) -> Known {
        Known {
            set: ids.iter().cloned().collect(),
            ids,
            list: OnceCell::new(),
            suggestions: OnceCell::new(),
        }
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    /// "known: a, b, c, ..."
    pub(super) fn list(&self) -> &str {
        self.list.get_or_init(|| known_list(&self.ids))
    }

    /// "; did you mean `x`?" or nothing.
    pub(super) fn close_to(&self, word: &str) -> String {
        self.suggestions
            .get_or_init(|| Suggestions::new(self.ids.iter().map(Str::as_str)))
            .closest(word)
            .map(|w| format!("; did you mean `{w}`?"))
            .unwrap_or_default()
    }
}

/// Ids already used in a story (one namespace), each with the list and the index
/// of the item that gave it first (its path is spelled out only for a message),
/// in file order within each list.
#[derive(Default)]
pub(super) struct Ids {
    first: Map<Str, (&'static str, usize)>,
    order: Vec<(Str, &'static str)>,
}

/// What an item of a list (`"parties"`) is: "a party", "a claim"...
fn noun(list: &str) -> &'static str {
    match list {
        "sources" => "a source",
        "parties" => "a party",
        "analysts" => "an analyst",
        "quotes" => "a quote",
        "claims" => "a claim",
        _ => "an event",
    }
}

impl Ids {
    /// Room for `n` ids, so that the map is not grown id by id.
    pub(super) fn with_capacity(n: usize) -> Ids {
        Ids {
            first: Map::with_capacity_and_hasher(n, Default::default()),
            order: Vec::with_capacity(n),
        }
    }

    /// What the id names in this story ("a claim"), if anything.
    pub(super) fn what(&self, id: &str) -> Option<&'static str> {
        self.first.get(id).map(|&(list, _)| noun(list))
    }

    /// The ids of one list (`"parties"`), in file order.
    pub(super) fn of(&self, list: &str) -> Vec<Str> {
        self.order
            .iter()
            .filter(|(_, l)| *l == list)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The id of the item at `index` of `list`: recorded, or an error when an item
    /// before gave it.
    pub(super) fn claim(
        &mut self,
        c: &mut Checker,
        id: &Option<Str>,
        list: &'static str,
        index: usize,
    ) {
        let Some(id) = id else { return };
        if let Some(&(first_list, first_index)) = self.first.get(id) {
            let first = entry(first_list, first_index);
            c.problems.push(Problem {
                path: child(&entry(list, index), "id"),
                target: Target::Value,
                severity: Severity::Error,
                message: format!(
                    "id `{id}` is already used by {first}; every id in a story must be unique"
                ),
                first: Some((child(&first, "id"), Target::Value)),
                earliest_of: Vec::new(),
            });
        } else {
            self.first.insert(id.clone(), (list, index));
            self.order.push((id.clone(), list));
        }
    }
}

/// What references may name: parties and analysts, sources.
pub(super) struct Names {
    people: Known,
    sources: Known,
}

impl Names {
    /// The ids of the parties and analysts, and of the sources: every one given, so
    /// that an item with a problem of its own is still found by references.
    pub(super) fn new(ids: &Ids) -> Names {
        let mut people = ids.of("parties");
        people.extend(ids.of("analysts"));
        Names {
            people: Known::new(people),
            sources: Known::new(ids.of("sources")),
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
        self.person_named(c, || child(at, key), |who| format!("`{key}: {who}`"), who)
    }

    /// [`Names::person`] for text already read (at `path`, shown as `shown`); the
    /// path and the shown text are only spelled out for a problem.
    pub(super) fn person_named(
        &self,
        c: &mut Checker,
        path: impl FnOnce() -> String,
        shown: impl FnOnce(&str) -> String,
        who: Str,
    ) -> Option<Str> {
        if self.people.contains(&who) {
            return Some(who);
        }
        let close = self.people.close_to(&who);
        c.error(
            path(),
            format!(
                "{} names no party or analyst; {}{close}",
                shown(&who),
                self.people.list()
            ),
        );
        c.unresolved(&who, "a party or analyst");
        None
    }

    /// The source ids, for references to sources outside this module (`cites`).
    pub(super) fn sources(&self) -> &Known {
        &self.sources
    }

    pub(super) fn source(
        &self,
        c: &mut Checker,
        cited: &mut Set<Str>,
        at: &str,
        value: Option<Scalar>,
    ) -> Option<Str> {
        let src = c.opt_text(at, "source", value)?;
        if self.sources.contains(&src) {
            if !cited.contains(&src) {
                cited.insert(src.clone());
            }
            return Some(src);
        }
        let close = self.sources.close_to(&src);
        c.error(
            child(at, "source"),
            format!(
                "`source: {src}` names no source; {}{close}",
                self.sources.list()
            ),
        );
        c.unresolved(&src, "a source");
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::story::diagnostic::work;
    use crate::story::parse::parse_str;
    use std::path::Path;

    /// A story of `n` parties, `n` quotes whose `by` names none of them, `n` events
    /// involving no one known, and `n` stances on a quote that does not exist.
    fn bad_refs(n: usize) -> String {
        let mut t = String::from("id: s\ntitle: T\nparties:\n");
        for i in 0..n {
            t.push_str(&format!(
                "  - {{id: party-{i:05}, name: P, kind: person}}\n"
            ));
        }
        t.push_str("quotes:\n");
        for i in 0..n {
            t.push_str(&format!("  - {{by: party-{i:05}x, text: hi}}\n"));
        }
        t.push_str("timeline:\n");
        for i in 0..n {
            t.push_str(&format!(
                "  - {{date: 2024, title: e, involves: [parti-{i:05}]}}\n"
            ));
        }
        t.push_str("claims:\n  - id: c\n    text: t\n    stances:\n");
        for i in 0..n {
            t.push_str(&format!(
                "      - {{by: party-{i:05}, stance: supports, quote: q{i}}}\n"
            ));
        }
        t
    }

    fn work_for(n: usize) -> (u64, usize) {
        let text = bad_refs(n);
        let before = work();
        let r = parse_str(Path::new("refs.yaml"), &text);
        (work() - before, r.diagnostics.len())
    }

    /// Doubling the parties and the bad references at most doubles the work of
    /// their messages (did-you-mean comparisons; the "known: …" lists are made once).
    #[test]
    fn bad_references_cost_linear_work() {
        let (w1, d1) = work_for(500);
        let (w2, d2) = work_for(1000);
        assert!(d1 >= 1500 && d2 >= 3000, "{d1} {d2}");
        assert!(w1 > 0);
        assert!(w2 <= 2 * w1 + w1 / 10, "500: {w1}, 1000: {w2}");
        let r = parse_str(Path::new("refs.yaml"), &bad_refs(20));
        let m = &r
            .diagnostics
            .iter()
            .find(|d| d.path == "quotes[3].by")
            .unwrap()
            .message;
        assert!(m.contains("did you mean `party-00003`?"), "{m}");
        assert!(
            m.contains("known: party-00000,") && m.ends_with(", ...; did you mean `party-00003`?"),
            "{m}"
        );
    }

    /// A megabyte-long unknown key or reference is not compared with anything.
    #[test]
    fn huge_keys_and_references_get_no_did_you_mean_work() {
        let key = "k".repeat(1 << 20);
        let text = format!("id: s\ntitle: T\n? {key}\n: 1\n? {key}2\n: 2\nparties:\n  - {{id: a, name: A, kind: person}}\nquotes:\n  - {{by: {key}, text: hi}}\n");
        let before = work();
        let r = parse_str(Path::new("keys.yaml"), &text);
        let errors = r
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::story::Severity::Error);
        assert_eq!(errors.count(), 3, "two unknown keys and a bad `by`");
        assert!(work() - before < 1000, "{}", work() - before);
    }
}
