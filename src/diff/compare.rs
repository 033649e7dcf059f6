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

/// Pairs items that all have ids (parties, analysts, claims, sources).
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

fn parties(out: &mut Changes, old: &[Party], new: &[Party]) {
    for (i, j) in pair_by_id(old, new, |p| &p.id) {
        let path = |x: &Party| format!("parties[{}]", x.id);
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::PartyAdded,
                path(&new[j]),
                None,
                Some(new[j].name.to_string()),
                None,
                Some(target(Section::Parties, j)),
            ),
            (Some(i), None) => out.push(
                Kind::PartyRemoved,
                path(&old[i]),
                Some(old[i].name.to_string()),
                None,
                Some(target(Section::Parties, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b, p) = (&old[i], &new[j], path(&new[j]));
                let (ta, tb) = (target(Section::Parties, i), target(Section::Parties, j));
                out.field(
                    Kind::PartyEdited,
                    format!("{p}.name"),
                    Some(&a.name),
                    Some(&b.name),
                    ta,
                    tb,
                );
                out.field(
                    Kind::PartyEdited,
                    format!("{p}.kind"),
                    Some(a.kind.as_str()),
                    Some(b.kind.as_str()),
                    ta,
                    tb,
                );
                let (x, y) = (a.aliases.join(", "), b.aliases.join(", "));
                out.field(
                    Kind::PartyEdited,
                    format!("{p}.aliases"),
                    some(&x),
                    some(&y),
                    ta,
                    tb,
                );
                out.field(
                    Kind::PartyEdited,
                    format!("{p}.description"),
                    a.description.as_deref(),
                    b.description.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::PositionEdited,
                    format!("{p}.position"),
                    a.position.as_deref(),
                    b.position.as_deref(),
                    ta,
                    tb,
                );
            }
            (None, None) => {}
        }
    }
}

fn analysts(out: &mut Changes, old: &[Analyst], new: &[Analyst]) {
    for (i, j) in pair_by_id(old, new, |a| &a.id) {
        let path = |x: &Analyst| format!("analysts[{}]", x.id);
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::AnalystAdded,
                path(&new[j]),
                None,
                Some(new[j].name.to_string()),
                None,
                Some(target(Section::Analysts, j)),
            ),
            (Some(i), None) => out.push(
                Kind::AnalystRemoved,
                path(&old[i]),
                Some(old[i].name.to_string()),
                None,
                Some(target(Section::Analysts, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b, p) = (&old[i], &new[j], path(&new[j]));
                let (ta, tb) = (target(Section::Analysts, i), target(Section::Analysts, j));
                out.field(
                    Kind::AnalystEdited,
                    format!("{p}.name"),
                    Some(&a.name),
                    Some(&b.name),
                    ta,
                    tb,
                );
                out.field(
                    Kind::AnalystEdited,
                    format!("{p}.role"),
                    a.role.as_deref(),
                    b.role.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::AnalystEdited,
                    format!("{p}.affiliation"),
                    a.affiliation.as_deref(),
                    b.affiliation.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::ViewEdited,
                    format!("{p}.view"),
                    a.view.as_deref(),
                    b.view.as_deref(),
                    ta,
                    tb,
                );
            }
            (None, None) => {}
        }
    }
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
    for (i, j) in pair(&o, &n) {
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::QuoteAdded,
                item_path("quotes", new[j].id.as_deref(), j),
                None,
                Some(new[j].text.to_string()),
                None,
                Some(target(Section::Quotes, j)),
            ),
            (Some(i), None) => out.push(
                Kind::QuoteRemoved,
                item_path("quotes", old[i].id.as_deref(), i),
                Some(old[i].text.to_string()),
                None,
                Some(target(Section::Quotes, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b) = (&old[i], &new[j]);
                let p = item_path("quotes", b.id.as_deref().or(a.id.as_deref()), j);
                let (ta, tb) = (target(Section::Quotes, i), target(Section::Quotes, j));
                out.field(
                    Kind::QuoteEdited,
                    format!("{p}.text"),
                    Some(&a.text),
                    Some(&b.text),
                    ta,
                    tb,
                );
                out.field(
                    Kind::QuoteKindChanged,
                    format!("{p}.kind"),
                    Some(a.kind.as_str()),
                    Some(b.kind.as_str()),
                    ta,
                    tb,
                );
                out.field(
                    Kind::QuoteSpeakerChanged,
                    format!("{p}.by"),
                    Some(&a.by),
                    Some(&b.by),
                    ta,
                    tb,
                );
                out.field(
                    Kind::QuoteDetailEdited,
                    format!("{p}.via"),
                    a.via.as_deref(),
                    b.via.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::QuoteDetailEdited,
                    format!("{p}.date"),
                    raw(&a.date),
                    raw(&b.date),
                    ta,
                    tb,
                );
                out.field(
                    Kind::QuoteDetailEdited,
                    format!("{p}.source"),
                    a.source.as_deref(),
                    b.source.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::QuoteDetailEdited,
                    format!("{p}.context"),
                    a.context.as_deref(),
                    b.context.as_deref(),
                    ta,
                    tb,
                );
            }
            (None, None) => {}
        }
    }
}

fn claims(out: &mut Changes, old: &[Claim], new: &[Claim]) {
    for (i, j) in pair_by_id(old, new, |c| &c.id) {
        let path = |x: &Claim| format!("claims[{}]", x.id);
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::ClaimAdded,
                path(&new[j]),
                None,
                Some(new[j].text.to_string()),
                None,
                Some(target(Section::Claims, j)),
            ),
            (Some(i), None) => out.push(
                Kind::ClaimRemoved,
                path(&old[i]),
                Some(old[i].text.to_string()),
                None,
                Some(target(Section::Claims, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b, p) = (&old[i], &new[j], path(&new[j]));
                let (ta, tb) = (target(Section::Claims, i), target(Section::Claims, j));
                out.field(
                    Kind::ClaimWordingChanged,
                    format!("{p}.text"),
                    Some(&a.text),
                    Some(&b.text),
                    ta,
                    tb,
                );
                let status = |c: &Claim| c.status.map(|s| s.as_str());
                out.field(
                    Kind::ClaimStatusChanged,
                    format!("{p}.status"),
                    status(a),
                    status(b),
                    ta,
                    tb,
                );
                out.field(
                    Kind::ClaimEdited,
                    format!("{p}.source"),
                    a.source.as_deref(),
                    b.source.as_deref(),
                    ta,
                    tb,
                );
                stances(out, &p, (i, &a.stances), (j, &b.stances));
            }
            (None, None) => {}
        }
    }
}

/// A claim's stances, matched by who takes them.
fn stances(
    out: &mut Changes,
    claim: &str,
    (ci, old): (usize, &[Stance]),
    (cj, new): (usize, &[Stance]),
) {
    let at = |c: usize, s: usize| Target {
        section: Section::Claims,
        index: c,
        stance: Some(s),
    };
    for (i, j) in pair_by_id(old, new, |s| &s.by) {
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::StanceTaken,
                format!("{claim}.stances[{}]", new[j].by),
                None,
                Some(new[j].stance.as_str().to_string()),
                None,
                Some(at(cj, j)),
            ),
            (Some(i), None) => out.push(
                Kind::StanceWithdrawn,
                format!("{claim}.stances[{}]", old[i].by),
                Some(old[i].stance.as_str().to_string()),
                None,
                Some(at(ci, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b) = (&old[i], &new[j]);
                let p = format!("{claim}.stances[{}]", b.by);
                let (ta, tb) = (at(ci, i), at(cj, j));
                out.field(
                    Kind::StanceChanged,
                    p.clone(),
                    Some(a.stance.as_str()),
                    Some(b.stance.as_str()),
                    ta,
                    tb,
                );
                out.field(
                    Kind::StanceEdited,
                    format!("{p}.note"),
                    a.note.as_deref(),
                    b.note.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::StanceEdited,
                    format!("{p}.quote"),
                    a.quote.as_deref(),
                    b.quote.as_deref(),
                    ta,
                    tb,
                );
            }
            (None, None) => {}
        }
    }
}

fn sources(out: &mut Changes, old: &[Source], new: &[Source]) {
    for (i, j) in pair_by_id(old, new, |s| &s.id) {
        let path = |x: &Source| format!("sources[{}]", x.id);
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::SourceAdded,
                path(&new[j]),
                None,
                Some(new[j].name.to_string()),
                None,
                Some(target(Section::Sources, j)),
            ),
            (Some(i), None) => out.push(
                Kind::SourceRemoved,
                path(&old[i]),
                Some(old[i].name.to_string()),
                None,
                Some(target(Section::Sources, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b, p) = (&old[i], &new[j], path(&new[j]));
                let (ta, tb) = (target(Section::Sources, i), target(Section::Sources, j));
                out.field(
                    Kind::SourceEdited,
                    format!("{p}.name"),
                    Some(&a.name),
                    Some(&b.name),
                    ta,
                    tb,
                );
                out.field(
                    Kind::SourceEdited,
                    format!("{p}.outlet"),
                    a.outlet.as_deref(),
                    b.outlet.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::SourceEdited,
                    format!("{p}.date"),
                    raw(&a.date),
                    raw(&b.date),
                    ta,
                    tb,
                );
                out.field(
                    Kind::SourceUrlChanged,
                    format!("{p}.url"),
                    a.url.as_deref(),
                    b.url.as_deref(),
                    ta,
                    tb,
                );
                out.field(
                    Kind::SourceEdited,
                    format!("{p}.note"),
                    a.note.as_deref(),
                    b.note.as_deref(),
                    ta,
                    tb,
                );
            }
            (None, None) => {}
        }
    }
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
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for &(i, j) in &pairs {
        match (i, j) {
            (None, Some(j)) => out.push(
                Kind::EventAdded,
                path(&new_e[j]),
                None,
                Some(new_e[j].title.to_string()),
                None,
                Some(target(Section::Timeline, j)),
            ),
            (Some(i), None) => out.push(
                Kind::EventRemoved,
                path(&old_e[i]),
                Some(old_e[i].title.to_string()),
                None,
                Some(target(Section::Timeline, i)),
                None,
            ),
            (Some(i), Some(j)) => {
                let (a, b) = (&old_e[i], &new_e[j]);
                let p = item_path(
                    "timeline",
                    b.id.as_deref().or(a.id.as_deref()),
                    b.file_index,
                );
                let (ta, tb) = (target(Section::Timeline, i), target(Section::Timeline, j));
                if raw(&a.date) == raw(&b.date) {
                    kept.push((i, j));
                }
                out.field(
                    Kind::EventRedated,
                    format!("{p}.date"),
                    raw(&a.date),
                    raw(&b.date),
                    ta,
                    tb,
                );
                out.field(
                    Kind::EventEdited,
                    format!("{p}.title"),
                    Some(&a.title),
                    Some(&b.title),
                    ta,
                    tb,
                );
                out.field(
                    Kind::EventEdited,
                    format!("{p}.detail"),
                    a.detail.as_deref(),
                    b.detail.as_deref(),
                    ta,
                    tb,
                );
                let (x, y) = (a.involves.join(", "), b.involves.join(", "));
                out.field(
                    Kind::EventEdited,
                    format!("{p}.involves"),
                    some(&x),
                    some(&y),
                    ta,
                    tb,
                );
                out.field(
                    Kind::EventEdited,
                    format!("{p}.source"),
                    a.source.as_deref(),
                    b.source.as_deref(),
                    ta,
                    tb,
                );
            }
            (None, None) => {}
        }
    }
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
