//! One story's two versions, compared list by list.

use super::matching::{moved, pair, Look};
use super::{Change, Kind, Section, Target};
use crate::story::{Analyst, Claim, Event, PartialDate, Party, Quote, Source, Stance, Story};

/// The changes from `old` to `new`, in the explorer's order: the story's own fields,
/// the timeline, parties, analysts, quotes, claims (with their stances), sources.
pub fn story(old: &Story, new: &Story) -> Vec<Change> {
    let mut out = Changes::default();
    let at = target(Section::Story, 0);
    let story_field = |out: &mut Changes, kind, path: &str, a: Option<&str>, b: Option<&str>| {
        out.field(kind, path.to_string(), a, b, at, at);
    };
    story_field(
        &mut out,
        Kind::TitleEdited,
        "title",
        Some(&old.title),
        Some(&new.title),
    );
    story_field(
        &mut out,
        Kind::QuestionEdited,
        "question",
        old.question.as_deref(),
        new.question.as_deref(),
    );
    story_field(
        &mut out,
        Kind::SummaryEdited,
        "summary",
        old.summary.as_deref(),
        new.summary.as_deref(),
    );
    story_field(
        &mut out,
        Kind::StoryRedated,
        "date",
        raw(&old.date),
        raw(&new.date),
    );
    let (t0, t1) = (old.tags.join(", "), new.tags.join(", "));
    story_field(&mut out, Kind::TagsChanged, "tags", some(&t0), some(&t1));
    timeline(&mut out, old, new);
    parties(&mut out, &old.parties, &new.parties);
    analysts(&mut out, &old.analysts, &new.analysts);
    quotes(&mut out, &old.quotes, &new.quotes);
    claims(&mut out, &old.claims, &new.claims);
    sources(&mut out, &old.sources, &new.sources);
    out.0
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(
        &mut self,
        kind: Kind,
        path: String,
        before: Option<String>,
        after: Option<String>,
        old: Option<Target>,
        new: Option<Target>,
    ) {
        self.0.push(Change {
            kind,
            path,
            before,
            after,
            old,
            new,
        });
    }

    /// A field's change, if its value changed.
    fn field(
        &mut self,
        kind: Kind,
        path: String,
        a: Option<&str>,
        b: Option<&str>,
        old: Target,
        new: Target,
    ) {
        if a != b {
            self.push(
                kind,
                path,
                a.map(str::to_string),
                b.map(str::to_string),
                Some(old),
                Some(new),
            );
        }
    }
}

fn target(section: Section, index: usize) -> Target {
    Target {
        section,
        index,
        stance: None,
    }
}

fn raw(d: &Option<PartialDate>) -> Option<&str> {
    d.as_ref().map(|d| d.raw.as_str())
}

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// `list[id]`, or `list[index]` for an item without an id.
fn item_path(list: &str, id: Option<&str>, index: usize) -> String {
    match id {
        Some(id) => format!("{list}[{id}]"),
        None => format!("{list}[{index}]"),
    }
}

/// Pairs items that all have ids (parties, analysts, claims, sources, stances).
fn pair_by_id<'a, T>(
    old: &'a [T],
    new: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
) -> Vec<(Option<usize>, Option<usize>)> {
    let look = |x: &'a T| Look {
        id: Some(id(x)),
        key: "",
        text: "",
        whole: String::new(),
    };
    let (o, n): (Vec<Look>, Vec<Look>) = (
        old.iter().map(look).collect(),
        new.iter().map(look).collect(),
    );
    pair(&o, &n)
}

/// One item in both versions: its path, where it is in each, and the changes.
struct Both<'o> {
    out: &'o mut Changes,
    path: String,
    old: Target,
    new: Target,
}

impl Both<'_> {
    /// A field of the item, if its value changed.
    fn field(&mut self, kind: Kind, name: &str, a: Option<&str>, b: Option<&str>) {
        let path = if name.is_empty() {
            self.path.clone()
        } else {
            format!("{}.{name}", self.path)
        };
        self.out.field(kind, path, a, b, self.old, self.new);
    }
}

/// An item's path, from the item and its index in its list.
type PathOf<T> = Box<dyn Fn(&T, usize) -> String>;

/// How a list's changes are told.
struct List<T> {
    added: Kind,
    removed: Kind,
    /// The item's place for following it: its list (and the claim of a stance).
    at: fn(usize) -> Target,
    /// The item's path, from the item and its index in its list.
    path: PathOf<T>,
    /// The text that stands for the whole item (a name, a quote's words).
    main: fn(&T) -> String,
}

/// The changes of a list, given its pairs: the added, the removed, and for each
/// item in both, what `both` finds.
fn items<T>(
    out: &mut Changes,
    list: &List<T>,
    old: &[T],
    new: &[T],
    pairs: &[(Option<usize>, Option<usize>)],
    mut both: impl FnMut(&mut Both, &T, &T),
) {
    for &(i, j) in pairs {
        match (i, j) {
            (None, Some(j)) => {
                let n = &new[j];
                out.push(
                    list.added,
                    (list.path)(n, j),
                    None,
                    Some((list.main)(n)),
                    None,
                    Some((list.at)(j)),
                );
            }
            (Some(i), None) => {
                let o = &old[i];
                out.push(
                    list.removed,
                    (list.path)(o, i),
                    Some((list.main)(o)),
                    None,
                    Some((list.at)(i)),
                    None,
                );
            }
            (Some(i), Some(j)) => {
                let mut b = Both {
                    out: &mut *out,
                    path: (list.path)(&new[j], j),
                    old: (list.at)(i),
                    new: (list.at)(j),
                };
                both(&mut b, &old[i], &new[j]);
            }
            (None, None) => {}
        }
    }
}

fn parties(out: &mut Changes, old: &[Party], new: &[Party]) {
    let list = List {
        added: Kind::PartyAdded,
        removed: Kind::PartyRemoved,
        at: |i| target(Section::Parties, i),
        path: Box::new(|x: &Party, _| format!("parties[{}]", x.id)),
        main: |x| x.name.to_string(),
    };
    items(
        out,
        &list,
        old,
        new,
        &pair_by_id(old, new, |p| &p.id),
        |e, a, b| {
            e.field(Kind::PartyEdited, "name", Some(&a.name), Some(&b.name));
            e.field(
                Kind::PartyEdited,
                "kind",
                Some(a.kind.as_str()),
                Some(b.kind.as_str()),
            );
            let (x, y) = (a.aliases.join(", "), b.aliases.join(", "));
            e.field(Kind::PartyEdited, "aliases", some(&x), some(&y));
            e.field(
                Kind::PartyEdited,
                "description",
                a.description.as_deref(),
                b.description.as_deref(),
            );
            e.field(
                Kind::PositionEdited,
                "position",
                a.position.as_deref(),
                b.position.as_deref(),
            );
        },
    );
}

fn analysts(out: &mut Changes, old: &[Analyst], new: &[Analyst]) {
    let list = List {
        added: Kind::AnalystAdded,
        removed: Kind::AnalystRemoved,
        at: |i| target(Section::Analysts, i),
        path: Box::new(|x: &Analyst, _| format!("analysts[{}]", x.id)),
        main: |x| x.name.to_string(),
    };
    items(
        out,
        &list,
        old,
        new,
        &pair_by_id(old, new, |a| &a.id),
        |e, a, b| {
            e.field(Kind::AnalystEdited, "name", Some(&a.name), Some(&b.name));
            e.field(
                Kind::AnalystEdited,
                "role",
                a.role.as_deref(),
                b.role.as_deref(),
            );
            e.field(
                Kind::AnalystEdited,
                "affiliation",
                a.affiliation.as_deref(),
                b.affiliation.as_deref(),
            );
            e.field(
                Kind::ViewEdited,
                "view",
                a.view.as_deref(),
                b.view.as_deref(),
            );
        },
    );
}

fn quote_look(q: &Quote) -> Look<'_> {
    Look {
        id: q.id.as_deref(),
        key: &q.by,
        text: &q.text,
        whole: format!("{:?}", (q.kind, &q.via, &q.date, &q.source, &q.context)),
    }
}

fn quotes(out: &mut Changes, old: &[Quote], new: &[Quote]) {
    let o: Vec<Look> = old.iter().map(quote_look).collect();
    let n: Vec<Look> = new.iter().map(quote_look).collect();
    let list = List {
        added: Kind::QuoteAdded,
        removed: Kind::QuoteRemoved,
        at: |i| target(Section::Quotes, i),
        path: Box::new(|x: &Quote, i| item_path("quotes", x.id.as_deref(), i)),
        main: |x| x.text.to_string(),
    };
    items(out, &list, old, new, &pair(&o, &n), |e, a, b| {
        e.field(Kind::QuoteEdited, "text", Some(&a.text), Some(&b.text));
        e.field(
            Kind::QuoteKindChanged,
            "kind",
            Some(a.kind.as_str()),
            Some(b.kind.as_str()),
        );
        e.field(Kind::QuoteSpeakerChanged, "by", Some(&a.by), Some(&b.by));
        e.field(
            Kind::QuoteDetailEdited,
            "via",
            a.via.as_deref(),
            b.via.as_deref(),
        );
        e.field(Kind::QuoteDetailEdited, "date", raw(&a.date), raw(&b.date));
        e.field(
            Kind::QuoteDetailEdited,
            "source",
            a.source.as_deref(),
            b.source.as_deref(),
        );
        e.field(
            Kind::QuoteDetailEdited,
            "context",
            a.context.as_deref(),
            b.context.as_deref(),
        );
    });
}

fn claims(out: &mut Changes, old: &[Claim], new: &[Claim]) {
    let list = List {
        added: Kind::ClaimAdded,
        removed: Kind::ClaimRemoved,
        at: |i| target(Section::Claims, i),
        path: Box::new(|x: &Claim, _| format!("claims[{}]", x.id)),
        main: |x| x.text.to_string(),
    };
    items(
        out,
        &list,
        old,
        new,
        &pair_by_id(old, new, |c| &c.id),
        |e, a, b| {
            e.field(
                Kind::ClaimWordingChanged,
                "text",
                Some(&a.text),
                Some(&b.text),
            );
            let status = |c: &Claim| c.status.map(|s| s.as_str());
            e.field(Kind::ClaimStatusChanged, "status", status(a), status(b));
            e.field(
                Kind::ClaimEdited,
                "source",
                a.source.as_deref(),
                b.source.as_deref(),
            );
            stances(e, &a.stances, &b.stances);
        },
    );
}

/// A claim's stances, matched by who takes them.
fn stances(claim: &mut Both, old: &[Stance], new: &[Stance]) {
    let (ci, cj) = (claim.old.index, claim.new.index);
    let prefix = claim.path.clone();
    let at = |c: usize, s: usize| Target {
        section: Section::Claims,
        index: c,
        stance: Some(s),
    };
    let path = move |x: &Stance, _: usize| format!("{prefix}.stances[{}]", x.by);
    for &(i, j) in &pair_by_id(old, new, |s| &s.by) {
        let main = |x: &Stance| Some(x.stance.as_str().to_string());
        match (i, j) {
            (None, Some(j)) => claim.out.push(
                Kind::StanceTaken,
                path(&new[j], j),
                None,
                main(&new[j]),
                None,
                Some(at(cj, j)),
            ),
            (Some(i), None) => claim.out.push(
                Kind::StanceWithdrawn,
                path(&old[i], i),
                main(&old[i]),
                None,
                Some(at(ci, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b) = (&old[i], &new[j]);
                let mut e = Both {
                    out: &mut *claim.out,
                    path: path(b, j),
                    old: at(ci, i),
                    new: at(cj, j),
                };
                e.field(
                    Kind::StanceChanged,
                    "",
                    Some(a.stance.as_str()),
                    Some(b.stance.as_str()),
                );
                e.field(
                    Kind::StanceEdited,
                    "note",
                    a.note.as_deref(),
                    b.note.as_deref(),
                );
                e.field(
                    Kind::StanceEdited,
                    "quote",
                    a.quote.as_deref(),
                    b.quote.as_deref(),
                );
            }
            (None, None) => {}
        }
    }
}

fn sources(out: &mut Changes, old: &[Source], new: &[Source]) {
    let list = List {
        added: Kind::SourceAdded,
        removed: Kind::SourceRemoved,
        at: |i| target(Section::Sources, i),
        path: Box::new(|x: &Source, _| format!("sources[{}]", x.id)),
        main: |x| x.name.to_string(),
    };
    items(
        out,
        &list,
        old,
        new,
        &pair_by_id(old, new, |s| &s.id),
        |e, a, b| {
            e.field(Kind::SourceEdited, "name", Some(&a.name), Some(&b.name));
            e.field(
                Kind::SourceEdited,
                "outlet",
                a.outlet.as_deref(),
                b.outlet.as_deref(),
            );
            e.field(Kind::SourceEdited, "date", raw(&a.date), raw(&b.date));
            e.field(
                Kind::SourceUrlChanged,
                "url",
                a.url.as_deref(),
                b.url.as_deref(),
            );
            e.field(
                Kind::SourceEdited,
                "note",
                a.note.as_deref(),
                b.note.as_deref(),
            );
        },
    );
}

fn event_look(e: &Event) -> (String, Look<'_>) {
    let text = match &e.detail {
        Some(d) => format!("{} {d}", e.title),
        None => e.title.to_string(),
    };
    let whole = format!("{:?}", (&e.title, &e.detail, &e.involves, &e.source));
    (
        text,
        Look {
            id: e.id.as_deref(),
            key: raw(&e.date).unwrap_or(""),
            text: "",
            whole,
        },
    )
}

/// The timeline: events matched by id, else by date and words; a changed date is
/// "redated"; an event whose place among the others changed without a new date
/// (an undated one, or one among events of the same date) "moved".
fn timeline(out: &mut Changes, old: &Story, new: &Story) {
    let (old_e, new_e) = (&old.timeline, &new.timeline);
    let (o_text, mut o): (Vec<String>, Vec<Look>) = old_e.iter().map(event_look).unzip();
    let (n_text, mut n): (Vec<String>, Vec<Look>) = new_e.iter().map(event_look).unzip();
    for (l, t) in o.iter_mut().zip(&o_text) {
        l.text = t;
    }
    for (l, t) in n.iter_mut().zip(&n_text) {
        l.text = t;
    }
    let pairs = pair(&o, &n);
    let path = |e: &Event| item_path("timeline", e.id.as_deref(), e.file_index);
    let list = List {
        added: Kind::EventAdded,
        removed: Kind::EventRemoved,
        at: |i| target(Section::Timeline, i),
        path: Box::new(move |e: &Event, _| path(e)),
        main: |e| e.title.to_string(),
    };
    let mut kept: Vec<(usize, usize)> = Vec::new();
    items(out, &list, old_e, new_e, &pairs, |e, a, b| {
        if raw(&a.date) == raw(&b.date) {
            kept.push((e.old.index, e.new.index));
        }
        e.field(Kind::EventRedated, "date", raw(&a.date), raw(&b.date));
        e.field(Kind::EventEdited, "title", Some(&a.title), Some(&b.title));
        e.field(
            Kind::EventEdited,
            "detail",
            a.detail.as_deref(),
            b.detail.as_deref(),
        );
        let (x, y) = (a.involves.join(", "), b.involves.join(", "));
        e.field(Kind::EventEdited, "involves", some(&x), some(&y));
        e.field(
            Kind::EventEdited,
            "source",
            a.source.as_deref(),
            b.source.as_deref(),
        );
    });
    // Moved: among the events kept with their dates, the fewest out of order.
    let after = |list: &[Event], k: usize| (k > 0).then(|| list[k - 1].title.to_string());
    for m in moved(&kept) {
        let (i, j) = kept[m];
        let p = path(&new_e[j]);
        out.push(
            Kind::EventMoved,
            p,
            after(old_e, i),
            after(new_e, j),
            Some(target(Section::Timeline, i)),
            Some(target(Section::Timeline, j)),
        );
    }
}
