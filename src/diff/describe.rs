//! A change in words, for every output that shows changes (the `diff` and `log`
//! commands, the explorer's changes view): a line of spans, some marked as the
//! old or the new text, and the details of an added or removed item (everything
//! the detail view would show about it). Texts are as written: each output
//! sanitizes or escapes them.

use super::words::{Mark, Piece};
use super::{Change, Kind, Section, Target};
use crate::story::{PartialDate, Quote, QuoteKind, Story};

/// A run of a described change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Old(String),
    New(String),
}

/// A change in words: one line, then `(label, text)` details.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub spans: Vec<Span>,
    pub details: Vec<(&'static str, String)>,
}

impl Line {
    fn text(&mut self, t: impl Into<String>) -> &mut Self {
        let t = t.into();
        if !t.is_empty() {
            self.spans.push(Span::Text(t));
        }
        self
    }
    fn old(&mut self, t: impl Into<String>) -> &mut Self {
        self.spans.push(Span::Old(t.into()));
        self
    }
    fn new_(&mut self, t: impl Into<String>) -> &mut Self {
        self.spans.push(Span::New(t.into()));
        self
    }
    fn pieces(&mut self, pieces: Vec<Piece>) -> &mut Self {
        for p in pieces {
            match p.mark {
                Mark::Same => self.text(p.text),
                Mark::Old => self.old(p.text),
                Mark::New => self.new_(p.text),
            };
        }
        self
    }
    /// `old → new`, "none" for a missing side.
    fn was_now(&mut self, old: Option<String>, new: Option<String>) -> &mut Self {
        self.old(old.unwrap_or_else(|| "none".into()));
        self.text(" → ");
        self.new_(new.unwrap_or_else(|| "none".into()))
    }
    fn detail(&mut self, label: &'static str, value: Option<impl Into<String>>) -> &mut Self {
        if let Some(v) = value {
            self.details.push((label, v.into()));
        }
        self
    }
    /// The spans without marks, as plain text (for a list row, a test).
    pub fn plain(&self) -> String {
        self.spans
            .iter()
            .map(|s| match s {
                Span::Text(t) | Span::Old(t) | Span::New(t) => t.as_str(),
            })
            .collect()
    }
}

/// A change's heading, as every output gives it: `path: kind` (`claims[memo].stances[alibaba]:
/// stance changed`), or the kind alone for the story as a whole. As written: each
/// output sanitizes or escapes it.
pub fn heading(c: &Change) -> String {
    if c.path.is_empty() {
        c.kind.label().to_string()
    } else {
        format!("{}: {}", c.path, c.kind.label())
    }
}

/// A date as shown (`14 Nov 2025`), or the text as written if it is not a date.
fn shown_date(raw: &str) -> String {
    PartialDate::parse(raw).map_or(raw.to_string(), |d| d.to_string())
}

/// A quote as read aloud, with the words given: a direct one in quotation marks,
/// reported speech never.
fn quote_with(line: &mut Line, s: &Story, q: &Quote, words: Option<Vec<Piece>>) {
    let by = s.name_of(&q.by);
    let via = q
        .via
        .as_deref()
        .map(|v| format!(" (via {})", s.name_of(v)))
        .unwrap_or_default();
    let direct = q.kind == QuoteKind::Direct;
    if direct {
        line.text(format!("{by}{via}: “"));
    } else {
        line.text(format!("{by}{via}, reported: "));
    }
    match words {
        Some(w) => line.pieces(w),
        None => line.text(q.text.to_string()),
    };
    if direct {
        line.text("”");
    }
}

/// A quote as read aloud: `Name (via X): “text”`, `Name (via X), reported: text`.
pub fn quote_line(s: &Story, q: &Quote) -> String {
    let mut l = Line::default();
    quote_with(&mut l, s, q, None);
    l.plain()
}

fn names(s: &Story, ids: &[crate::story::Str]) -> Option<String> {
    (!ids.is_empty()).then(|| {
        ids.iter()
            .map(|id| s.name_of(id))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn source_name(s: &Story, id: Option<&str>) -> Option<String> {
    id.map(|id| s.source(id).map_or(id, |x| x.name.as_str()).to_string())
}

/// The item a target names, in a story.
fn at<T>(list: &[T], t: Option<Target>) -> Option<&T> {
    t.and_then(|t| list.get(t.index))
}

/// The change in words. `old` and `new` are the two versions of the story the
/// change was found in (either may be missing for a story added or removed).
pub fn describe(c: &Change, old: Option<&Story>, new: Option<&Story>) -> Line {
    let mut l = Line::default();
    // The version the item is in: the new one, or the old one when it was removed.
    let (s, t) = match (new, c.new, old, c.old) {
        (Some(n), Some(t), _, _) => (n, Some(t)),
        (_, _, Some(o), t) => (o, t),
        (Some(n), None, None, _) => (n, None),
        (None, _, None, _) => return l,
    };
    use Kind::*;
    match c.kind {
        StoryAdded | StoryRemoved => {
            l.text(s.title.to_string())
                .detail("file", Some(s.file.display().to_string()));
        }
        QuoteAdded | QuoteRemoved => {
            if let Some(q) = at(&s.quotes, t) {
                quote_with(&mut l, s, q, None);
                l.detail("date", q.date.as_ref().map(|d| d.to_string()))
                    .detail("source", source_name(s, q.source.as_deref()))
                    .detail("context", q.context.as_deref());
            }
        }
        QuoteEdited => {
            if let Some(q) = at(&s.quotes, t) {
                quote_with(&mut l, s, q, c.words());
            }
        }
        QuoteKindChanged => {
            if let (Some(o), Some(n)) = (old.and_then(|o| at(&o.quotes, c.old)), at(&s.quotes, t)) {
                l.old(quote_line(old.unwrap_or(s), o))
                    .text(" → ")
                    .new_(quote_line(s, n));
            }
        }
        QuoteSpeakerChanged => {
            if let Some(q) = at(&s.quotes, t) {
                let was = c
                    .before
                    .as_deref()
                    .map(|b| old.unwrap_or(s).name_of(b).to_string());
                let now = c.after.as_deref().map(|a| s.name_of(a).to_string());
                l.was_now(was, now).text(": ");
                l.text(if q.kind == QuoteKind::Direct {
                    format!("“{}”", q.text)
                } else {
                    format!("reported: {}", q.text)
                });
            }
        }
        ClaimAdded | ClaimRemoved => {
            if let Some(cl) = at(&s.claims, t) {
                l.text(cl.text.to_string())
                    .detail("status", cl.status.map(|x| x.as_str()))
                    .detail("source", source_name(s, cl.source.as_deref()));
                for st in &cl.stances {
                    l.details
                        .push(("stance", format!("{}: {}", s.name_of(&st.by), st.stance)));
                }
            }
        }
        StanceTaken | StanceWithdrawn | StanceChanged | StanceEdited => {
            let claim = at(&s.claims, t);
            let stance =
                claim.and_then(|cl| t.and_then(|t| t.stance).and_then(|i| cl.stances.get(i)));
            if let (Some(cl), Some(st)) = (claim, stance) {
                let who = s.name_of(&st.by);
                match c.kind {
                    StanceChanged => {
                        l.text(format!("{who}: "))
                            .was_now(c.before.clone(), c.after.clone());
                    }
                    StanceEdited => {
                        l.text(format!("{who} ({}) — {}: ", st.stance, c.field()));
                        match c.words() {
                            Some(w) => l.pieces(w),
                            None => l.was_now(c.before.clone(), c.after.clone()),
                        };
                    }
                    _ => {
                        l.text(format!("{who} {}", st.stance));
                        l.detail("note", st.note.as_deref()).detail(
                            "quote",
                            st.quote
                                .as_deref()
                                .and_then(|id| s.quote(id))
                                .map(|q| quote_line(s, q)),
                        );
                    }
                }
                l.detail("on", Some(cl.text.as_str()));
            }
        }
        PartyAdded | PartyRemoved => {
            if let Some(p) = at(&s.parties, t) {
                l.text(format!("{} ({})", p.name, p.kind))
                    .detail(
                        "aliases",
                        (!p.aliases.is_empty()).then(|| p.aliases.join(", ")),
                    )
                    .detail("description", p.description.as_deref())
                    .detail("position", p.position.as_deref());
            }
        }
        AnalystAdded | AnalystRemoved => {
            if let Some(a) = at(&s.analysts, t) {
                l.text(a.name.to_string())
                    .detail("role", a.role.as_deref())
                    .detail("affiliation", a.affiliation.as_deref())
                    .detail("view", a.view.as_deref());
            }
        }
        SourceAdded | SourceRemoved => {
            if let Some(x) = at(&s.sources, t) {
                l.text(x.name.to_string())
                    .detail("outlet", x.outlet.as_deref())
                    .detail("date", x.date.as_ref().map(|d| d.to_string()))
                    .detail("url", x.url.as_deref())
                    .detail("note", x.note.as_deref());
            }
        }
        EventAdded | EventRemoved => {
            if let Some(e) = at(&s.timeline, t) {
                let when = e
                    .date
                    .as_ref()
                    .map_or("undated".to_string(), |d| d.to_string());
                l.text(format!("{when}: {}", e.title))
                    .detail("detail", e.detail.as_deref())
                    .detail("involves", names(s, &e.involves))
                    .detail("source", source_name(s, e.source.as_deref()));
            }
        }
        EventMoved => {
            if let Some(e) = at(&s.timeline, t) {
                l.text(format!("{}: now ", e.title));
                let place = |after: &Option<String>| {
                    after
                        .as_ref()
                        .map_or("first".to_string(), |a| format!("after “{a}”"))
                };
                l.new_(place(&c.after)).text(", was ").old(place(&c.before));
            }
        }
        _ => {
            // A field of an item or of the story: the item named, then the value.
            let label = match t.map(|t| t.section) {
                Some(Section::Timeline) => at(&s.timeline, t).map(|e| e.title.to_string()),
                Some(Section::Parties) => at(&s.parties, t).map(|p| p.name.to_string()),
                Some(Section::Analysts) => at(&s.analysts, t).map(|a| a.name.to_string()),
                Some(Section::Quotes) => at(&s.quotes, t).map(|q| quote_line(s, q)),
                Some(Section::Claims) => at(&s.claims, t).map(|cl| cl.text.to_string()),
                Some(Section::Sources) => at(&s.sources, t).map(|x| x.name.to_string()),
                Some(Section::Story) | None => None,
            };
            let field = c.field();
            let is_own = matches!(field, "title" | "text" | "name")
                || t.is_some_and(|t| t.section == Section::Story);
            if let Some(label) = label.filter(|_| !is_own) {
                l.text(format!("{label} — {field}: "));
            }
            match c.words() {
                Some(w) => {
                    l.pieces(w);
                }
                None => {
                    let os = old.unwrap_or(s);
                    let shown = |story: &Story, v: &Option<String>| -> Option<String> {
                        let v = v.as_deref()?;
                        Some(match field {
                            "date" => shown_date(v),
                            "by" | "via" => story.name_of(v).to_string(),
                            "involves" => v
                                .split(", ")
                                .map(|id| story.name_of(id))
                                .collect::<Vec<_>>()
                                .join(", "),
                            "source" => source_name(story, Some(v)).unwrap_or_default(),
                            _ => v.to_string(),
                        })
                    };
                    l.was_now(shown(os, &c.before), shown(s, &c.after));
                }
            }
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse::parse_str;
    use std::path::Path;

    fn load(yaml: &str) -> Story {
        parse_str(Path::new("t.yaml"), yaml).story.expect("a story")
    }

    const OLD: &str = "id: s\ntitle: T\nparties:\n  - {id: a, name: Alibaba}\n  - {id: e, name: Embassy}\nquotes:\n  - {by: e, text: complete distortion of facts, context: In its denial.}\n  - {by: a, kind: paraphrase, text: Alibaba denied it}\nclaims:\n  - id: c\n    text: The memo is right.\n    stances:\n      - {by: a, stance: disputes}\ntimeline:\n  - {date: 2025-11-14, title: Memo reported}\n";

    fn lines(new_yaml: &str) -> Vec<String> {
        let (o, n) = (load(OLD), load(new_yaml));
        super::super::story(&o, &n)
            .iter()
            .map(|c| {
                let l = describe(c, Some(&o), Some(&n));
                let mut s: String = l
                    .spans
                    .iter()
                    .map(|s| match s {
                        Span::Text(t) => t.clone(),
                        Span::Old(t) => format!("[-{t}-]"),
                        Span::New(t) => format!("{{+{t}+}}"),
                    })
                    .collect();
                for (k, v) in &l.details {
                    s.push_str(&format!(" | {k}: {v}"));
                }
                s
            })
            .collect()
    }

    #[test]
    fn a_direct_quote_edited_is_in_quotation_marks_with_the_words_marked() {
        let got = lines(&OLD.replace(
            "complete distortion of facts",
            "a complete distortion of the facts",
        ));
        assert_eq!(
            got,
            ["Embassy: “{+a+} complete distortion of {+the+} facts”"]
        );
        let got = lines(&OLD.replace("Alibaba denied it", "Alibaba firmly denied it"));
        assert_eq!(got, ["Alibaba, reported: Alibaba {+firmly+} denied it"]);
    }

    #[test]
    fn a_stance_changed_says_who_from_and_to_and_on_what() {
        let got = lines(&OLD.replace("stance: disputes", "stance: supports"));
        assert_eq!(
            got,
            ["Alibaba: [-disputes-] → {+supports+} | on: The memo is right."]
        );
    }

    #[test]
    fn an_added_item_carries_its_details_and_a_kind_change_both_readings() {
        let got = lines(&OLD.replace(
            "claims:",
            "  - {by: a, kind: paraphrase, text: Alibaba called it false, context: On Friday.}\nclaims:",
        ));
        assert_eq!(
            got,
            ["Alibaba, reported: Alibaba called it false | context: On Friday."]
        );
        let got = lines(&OLD.replace("{by: a, kind: paraphrase,", "{by: a, kind: direct,"));
        assert_eq!(
            got,
            ["[-Alibaba, reported: Alibaba denied it-] → {+Alibaba: “Alibaba denied it”+}"]
        );
    }

    #[test]
    fn values_are_shown_as_the_explorer_shows_them() {
        let got = lines(&OLD.replace("date: 2025-11-14", "date: 2025-11-16"));
        assert_eq!(
            got,
            ["Memo reported — date: [-14 Nov 2025-] → {+16 Nov 2025+}"]
        );
        let got = lines(&OLD.replace("{by: e, text: complete", "{by: a, text: complete"));
        assert_eq!(
            got,
            ["[-Embassy-] → {+Alibaba+}: “complete distortion of facts”"]
        );
        let got = lines(&OLD.replace("context: In its denial.", "context: In its quick denial."));
        assert_eq!(
            got,
            ["Embassy: “complete distortion of facts” — context: In its {+quick+} denial."]
        );
    }
}
