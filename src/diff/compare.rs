//! One story's two versions, compared list by list. Each list is told by a
//! [`List`]: how its items pair, what stands for a whole item, and a table of its
//! fields with the kind of change each makes; one walk ([`items`]) serves them all.

use std::borrow::Cow;

use super::matching::{moved, pair, Look};
use super::{Change, Kind, Section, Target};
use crate::story::{Analyst, Claim, Event, PartialDate, Party, Quote, Source, Stance, Story, Str};

/// The changes from `old` to `new`, in the explorer's order: the story's own fields,
/// the timeline, parties, analysts, quotes, claims (with their stances), sources.
pub fn story(old: &Story, new: &Story) -> Vec<Change> {
    let mut out = Changes::default();
    let at = target(Section::Story, 0);
    let mut e = Both {
        out: &mut out,
        path: String::new(),
        old: at,
        new: at,
    };
    e.fields(STORY, old, new);
    timeline(&mut out, old, new);
    by_id(&mut out, &PARTIES, &old.parties, &new.parties, |_, _, _| {});
    by_id(
        &mut out,
        &ANALYSTS,
        &old.analysts,
        &new.analysts,
        |_, _, _| {},
    );
    let (o, n): (Vec<Look>, Vec<Look>) = (
        old.quotes.iter().map(quote_look).collect(),
        new.quotes.iter().map(quote_look).collect(),
    );
    let pairs = pair(&o, &n);
    items(
        &mut out,
        &QUOTES,
        &old.quotes,
        &new.quotes,
        &pairs,
        |_, _, _| {},
    );
    by_id(&mut out, &CLAIMS, &old.claims, &new.claims, stances);
    by_id(&mut out, &SOURCES, &old.sources, &new.sources, |_, _, _| {});
    out.0
}

/// The changes of a list whose items all have ids.
fn by_id<T>(
    out: &mut Changes,
    list: &List<T>,
    old: &[T],
    new: &[T],
    more: impl FnMut(&mut Both, &T, &T),
) {
    let pairs = pair_by_id(old, new, list.id);
    items(out, list, old, new, &pairs, more);
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

/// `list[id]`, or `list[index]` for an item without an id.
fn item_path(list: &str, id: Option<&str>, index: usize) -> String {
    match id {
        Some(id) => format!("{list}[{id}]"),
        None => format!("{list}[{index}]"),
    }
}

/// A field's value as compared (and shown): text, a list joined, a date as written.
type Get<T> = for<'a> fn(&'a T) -> Option<Cow<'a, str>>;

/// A field of an item: the kind of change an edit of it is, its name in the path,
/// and its value.
struct Field<T: 'static> {
    kind: Kind,
    name: &'static str,
    get: Get<T>,
}

const fn field<T>(kind: Kind, name: &'static str, get: Get<T>) -> Field<T> {
    Field { kind, name, get }
}

fn text(s: &Str) -> Option<Cow<'_, str>> {
    Some(Cow::Borrowed(s.as_str()))
}

fn opt(s: &Option<Str>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

fn joined(v: &[Str]) -> Option<Cow<'_, str>> {
    (!v.is_empty()).then(|| Cow::Owned(v.join(", ")))
}

fn date(d: &Option<PartialDate>) -> Option<Cow<'_, str>> {
    raw(d).map(Cow::Borrowed)
}

/// One item in both versions: its path, where it is in each, and the changes.
struct Both<'o> {
    out: &'o mut Changes,
    path: String,
    old: Target,
    new: Target,
}

impl Both<'_> {
    /// A field of the item, if its value changed (`name` empty: the item itself).
    fn field(&mut self, kind: Kind, name: &str, a: Option<&str>, b: Option<&str>) {
        if a == b {
            return;
        }
        let path = match (self.path.is_empty(), name.is_empty()) {
            (_, true) => self.path.clone(),
            (true, false) => name.to_string(),
            (false, false) => format!("{}.{name}", self.path),
        };
        let own = |v: Option<&str>| v.map(str::to_string);
        self.out
            .push(kind, path, own(a), own(b), Some(self.old), Some(self.new));
    }

    /// Every field of a table that changed.
    fn fields<T>(&mut self, table: &[Field<T>], a: &T, b: &T) {
        for f in table {
            self.field(f.kind, f.name, (f.get)(a).as_deref(), (f.get)(b).as_deref());
        }
    }
}

/// How a list's changes are told.
struct List<T: 'static> {
    /// The list's key (`parties`), the start of its items' paths.
    key: &'static str,
    section: Section,
    added: Kind,
    removed: Kind,
    /// The item's id, if it has one.
    id: fn(&T) -> Option<&str>,
    /// The index in the file an item's path names when it has no id.
    file_index: fn(&T, usize) -> usize,
    /// The text that stands for the whole item (a name, a quote's words).
    main: fn(&T) -> String,
    fields: &'static [Field<T>],
}

impl<T> List<T> {
    fn path(&self, x: &T, index: usize) -> String {
        item_path(self.key, (self.id)(x), (self.file_index)(x, index))
    }
}

/// Pairs items that all have ids (parties, analysts, claims, sources).
fn pair_by_id<'a, T>(
    old: &'a [T],
    new: &'a [T],
    id: fn(&T) -> Option<&str>,
) -> Vec<(Option<usize>, Option<usize>)> {
    let look = |x: &'a T| Look {
        id: id(x),
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

/// The changes of a list, given its pairs: the added, the removed, and for each
/// item in both, its fields and what `more` finds.
fn items<T>(
    out: &mut Changes,
    list: &List<T>,
    old: &[T],
    new: &[T],
    pairs: &[(Option<usize>, Option<usize>)],
    mut more: impl FnMut(&mut Both, &T, &T),
) {
    let at = |i| target(list.section, i);
    for &(i, j) in pairs {
        match (i, j) {
            (None, Some(j)) => {
                let n = &new[j];
                let main = Some((list.main)(n));
                out.push(list.added, list.path(n, j), None, main, None, Some(at(j)));
            }
            (Some(i), None) => {
                let o = &old[i];
                let main = Some((list.main)(o));
                out.push(list.removed, list.path(o, i), main, None, Some(at(i)), None);
            }
            (Some(i), Some(j)) => {
                let mut b = Both {
                    out: &mut *out,
                    path: list.path(&new[j], j),
                    old: at(i),
                    new: at(j),
                };
                b.fields(list.fields, &old[i], &new[j]);
                more(&mut b, &old[i], &new[j]);
            }
            (None, None) => {}
        }
    }
}

const STORY: &[Field<Story>] = &[
    field(Kind::TitleEdited, "title", |s| text(&s.title)),
    field(Kind::QuestionEdited, "question", |s| opt(&s.question)),
    field(Kind::SummaryEdited, "summary", |s| opt(&s.summary)),
    field(Kind::StoryRedated, "date", |s| date(&s.date)),
    field(Kind::TagsChanged, "tags", |s| joined(&s.tags)),
];

fn no_index<T>(_: &T, i: usize) -> usize {
    i
}

static PARTIES: List<Party> = List {
    key: "parties",
    section: Section::Parties,
    added: Kind::PartyAdded,
    removed: Kind::PartyRemoved,
    id: |x| Some(x.id.as_str()),
    file_index: no_index,
    main: |x| x.name.to_string(),
    fields: &[
        field(Kind::PartyEdited, "name", |p| text(&p.name)),
        field(Kind::PartyEdited, "kind", |p| {
            Some(Cow::Borrowed(p.kind.as_str()))
        }),
        field(Kind::PartyEdited, "aliases", |p| joined(&p.aliases)),
        field(Kind::PartyEdited, "description", |p| opt(&p.description)),
        field(Kind::PositionEdited, "position", |p| opt(&p.position)),
        field(Kind::PartyEdited, "role", |p| opt(&p.role)),
        field(Kind::PartyEdited, "speaks_for", |p| opt(&p.speaks_for)),
    ],
};

static ANALYSTS: List<Analyst> = List {
    key: "analysts",
    section: Section::Analysts,
    added: Kind::AnalystAdded,
    removed: Kind::AnalystRemoved,
    id: |x| Some(x.id.as_str()),
    file_index: no_index,
    main: |x| x.name.to_string(),
    fields: &[
        field(Kind::AnalystEdited, "name", |a| text(&a.name)),
        field(Kind::AnalystEdited, "role", |a| opt(&a.role)),
        field(Kind::AnalystEdited, "affiliation", |a| opt(&a.affiliation)),
        field(Kind::ViewEdited, "view", |a| opt(&a.view)),
    ],
};

static QUOTES: List<Quote> = List {
    key: "quotes",
    section: Section::Quotes,
    added: Kind::QuoteAdded,
    removed: Kind::QuoteRemoved,
    id: |x| x.id.as_deref(),
    file_index: no_index,
    main: |x| x.text.to_string(),
    fields: &[
        field(Kind::QuoteEdited, "text", |q| text(&q.text)),
        field(Kind::QuoteKindChanged, "kind", |q| {
            Some(Cow::Borrowed(q.kind.as_str()))
        }),
        field(Kind::QuoteSpeakerChanged, "by", |q| text(&q.by)),
        field(Kind::QuoteDetailEdited, "via", |q| {
            q.via().map(Cow::Borrowed)
        }),
        field(Kind::QuoteDetailEdited, "to", |q| q.to().map(Cow::Borrowed)),
        field(Kind::QuoteDetailEdited, "date", |q| date(&q.date)),
        field(Kind::QuoteDetailEdited, "source", |q| opt(&q.source)),
        field(Kind::QuoteDetailEdited, "context", |q| opt(&q.context)),
    ],
};

fn quote_look(q: &Quote) -> Look<'_> {
    Look {
        id: q.id.as_deref(),
        key: &q.by,
        text: &q.text,
        whole: format!(
            "{:?}",
            (q.kind, &q.via, &q.to, &q.date, &q.source, &q.context)
        ),
    }
}

static CLAIMS: List<Claim> = List {
    key: "claims",
    section: Section::Claims,
    added: Kind::ClaimAdded,
    removed: Kind::ClaimRemoved,
    id: |x| Some(x.id.as_str()),
    file_index: no_index,
    main: |x| x.text.to_string(),
    fields: &[
        field(Kind::ClaimWordingChanged, "text", |c| text(&c.text)),
        field(Kind::ClaimStatusChanged, "status", |c| {
            c.status.map(|s| Cow::Borrowed(s.as_str()))
        }),
        field(Kind::ClaimEdited, "source", |c| opt(&c.source)),
    ],
};

static SOURCES: List<Source> = List {
    key: "sources",
    section: Section::Sources,
    added: Kind::SourceAdded,
    removed: Kind::SourceRemoved,
    id: |x| Some(x.id.as_str()),
    file_index: no_index,
    main: |x| x.name.to_string(),
    fields: &[
        field(Kind::SourceEdited, "name", |s| text(&s.name)),
        field(Kind::SourceEdited, "outlet", |s| opt(&s.outlet)),
        field(Kind::SourceEdited, "date", |s| date(&s.date)),
        field(Kind::SourceUrlChanged, "url", |s| opt(&s.url)),
        field(Kind::SourceEdited, "note", |s| opt(&s.note)),
        field(Kind::SourceEdited, "kind", |s| {
            Some(Cow::Borrowed(s.kind.as_str()))
        }),
        field(Kind::SourceEdited, "by", |s| opt(&s.by)),
        field(Kind::SourceEdited, "cites", |s| joined(&s.cites)),
    ],
};

static STANCE: &[Field<Stance>] = &[
    field(Kind::StanceEdited, "date", |s| date(&s.date)),
    field(Kind::StanceEdited, "note", |s| opt(&s.note)),
    field(Kind::StanceEdited, "quote", |s| opt(&s.quote)),
];

/// A stance as a change gives it: `disputes`, with its date when it has one
/// (`disputes (14 Nov 2025)`).
fn stance_text(s: &Stance) -> String {
    match &s.date {
        Some(d) => format!("{} ({d})", s.stance),
        None => s.stance.as_str().to_string(),
    }
}

/// A claim's stances, by who takes them: each one's stance now (the latest of a
/// history) taken, changed (from → to, with the dates), withdrawn or edited; and
/// the earlier stances of a history added or dropped.
fn stances(claim: &mut Both, old: &Claim, new: &Claim) {
    let (ci, cj) = (claim.old.index, claim.new.index);
    let index_in = |c: &Claim, s: &Stance| c.stances.iter().position(|x| std::ptr::eq(x, s));
    let at = |c: usize, claim: &Claim, s: &Stance| Target {
        section: Section::Claims,
        index: c,
        stance: index_in(claim, s),
    };
    let mut who: Vec<&str> = Vec::new();
    for s in new.stances.iter().chain(&old.stances) {
        if !who.contains(&s.by.as_str()) {
            who.push(&s.by);
        }
    }
    for by in who {
        let (was, now) = (old.history(by), new.history(by));
        let path = format!("{}.stances[{by}]", claim.path);
        match (was.last(), now.last()) {
            (None, Some(n)) => claim.out.push(
                Kind::StanceTaken,
                path.clone(),
                None,
                Some(stance_text(n)),
                None,
                Some(at(cj, new, n)),
            ),
            (Some(o), None) => claim.out.push(
                Kind::StanceWithdrawn,
                path.clone(),
                Some(stance_text(o)),
                None,
                Some(at(ci, old, o)),
                None,
            ),
            (Some(o), Some(n)) => {
                let mut e = Both {
                    out: &mut *claim.out,
                    path: path.clone(),
                    old: at(ci, old, o),
                    new: at(cj, new, n),
                };
                if o.stance != n.stance {
                    let (a, b) = (stance_text(o), stance_text(n));
                    e.field(Kind::StanceChanged, "", Some(&a), Some(&b));
                    e.fields(&STANCE[1..], o, n);
                } else {
                    e.fields(STANCE, o, n);
                }
            }
            (None, None) => {}
        }
        // The earlier stances of a history: those only in one version (the one that
        // was current, now history, is no change of its own).
        let same = |a: &Stance, b: &Stance| a.stance == b.stance && raw(&a.date) == raw(&b.date);
        let earlier = |h: &[&Stance]| h.len().saturating_sub(1);
        for s in &now[..earlier(&now)] {
            if !was.iter().any(|o| same(o, s)) {
                let t = Some(at(cj, new, s));
                let after = Some(stance_text(s));
                claim.out.push(
                    Kind::StanceEdited,
                    format!("{path}.history"),
                    None,
                    after,
                    t,
                    t,
                );
            }
        }
        for s in &was[..earlier(&was)] {
            if !now.iter().any(|n| same(n, s)) {
                let t = Some(at(ci, old, s));
                let before = Some(stance_text(s));
                claim.out.push(
                    Kind::StanceEdited,
                    format!("{path}.history"),
                    before,
                    None,
                    t,
                    None,
                );
            }
        }
    }
}

static EVENTS: List<Event> = List {
    key: "timeline",
    section: Section::Timeline,
    added: Kind::EventAdded,
    removed: Kind::EventRemoved,
    id: |x| x.id.as_deref(),
    file_index: |e, _| e.file_index,
    main: |e| e.title.to_string(),
    fields: &[
        field(Kind::EventRedated, "date", |e| date(&e.date)),
        field(Kind::EventEdited, "title", |e| text(&e.title)),
        field(Kind::EventEdited, "detail", |e| opt(&e.detail)),
        field(Kind::EventEdited, "involves", |e| joined(&e.involves)),
        field(Kind::EventEdited, "source", |e| opt(&e.source)),
    ],
};

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
    let mut kept: Vec<(usize, usize)> = Vec::new();
    items(out, &EVENTS, old_e, new_e, &pairs, |e, a, b| {
        if raw(&a.date) == raw(&b.date) {
            kept.push((e.old.index, e.new.index));
        }
    });
    // Moved: among the events kept with their dates, the fewest out of order.
    let after = |list: &[Event], k: usize| (k > 0).then(|| list[k - 1].title.to_string());
    for m in moved(&kept) {
        let (i, j) = kept[m];
        out.push(
            Kind::EventMoved,
            EVENTS.path(&new_e[j], j),
            after(old_e, i),
            after(new_e, j),
            Some(target(Section::Timeline, i)),
            Some(target(Section::Timeline, j)),
        );
    }
}
