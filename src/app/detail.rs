//! The detail of one item: its full text and its cross-references (links to other
//! items of the story), as blocks that the detail pane wraps and draws.
//! Built from the story alone; every string in it is already sanitized.

use std::ops::Range;

use crate::export::plain;
use crate::sanitize::{sanitize, sanitize_line};
use crate::story::{Quote, QuoteKind, SourceKind, Story};
use crate::view::text::{label, Wrap};
pub use crate::view::words::{stance_word, status_word};
use crate::wording::{attributed, stance_phrase};

use super::action::Pane;

/// Where a cross-reference leads: an item of a story (the same story, in a
/// story's detail; any story, in the cross-story view of a person).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    /// Index into `corpus.stories`.
    pub story: usize,
    pub pane: Pane,
    pub index: usize,
}

impl Target {
    /// Item `index` of `pane` in the story whose detail this is.
    fn here(pane: Pane, index: usize) -> Target {
        Target {
            story: 0,
            pane,
            index,
        }
    }
}

/// How a block is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockStyle {
    Title,
    Meta,
    Heading,
    Text,
    Quote,
    Link,
    Note,
    Blank,
}

/// One paragraph of the detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub style: BlockStyle,
    /// Sanitized text; may contain `\n`.
    pub text: String,
    /// Bytes at the start of `text` that are a label ("Date:"), drawn in bold.
    pub label: usize,
    /// Cells of indentation of every line (a cross-reference's lines are further
    /// indented by [`LINK_MARK`]'s width, the mark drawn on its first line).
    pub indent: u16,
    /// Index into [`Doc::links`] when the block is a cross-reference.
    pub link: Option<usize>,
}

/// The detail of one item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    pub links: Vec<Target>,
}

/// One wrapped line of a [`Doc`]: a byte range of one block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidLine {
    pub block: usize,
    pub range: Range<usize>,
    /// The first line of its block (where the label is).
    pub first: bool,
}

/// Drawn before the first line of a cross-reference.
pub const LINK_MARK: &str = "→ ";

impl Block {
    /// Cells before the text of each line.
    pub fn text_indent(&self) -> u16 {
        self.indent + if self.link.is_some() { 2 } else { 0 }
    }
}

/// Longest text of a cross-reference label, in characters.
const LINK_CHARS: usize = 160;

impl Doc {
    pub(crate) fn push(&mut self, style: BlockStyle, text: impl Into<String>, indent: u16) {
        self.blocks.push(Block {
            style,
            text: text.into(),
            label: 0,
            indent,
            link: None,
        });
    }

    pub(crate) fn blank(&mut self) {
        if self
            .blocks
            .last()
            .is_some_and(|b| b.style != BlockStyle::Blank)
        {
            self.push(BlockStyle::Blank, "", 0);
        }
    }

    pub(crate) fn heading(&mut self, text: impl Into<String>) {
        self.blank();
        self.push(BlockStyle::Heading, text, 0);
    }

    /// "Label: value", the label in bold; the value is raw story text.
    pub(crate) fn field(&mut self, name: &str, raw: &str) {
        let text = format!("{name}: {}", sanitize(raw));
        self.blocks.push(Block {
            style: BlockStyle::Text,
            text,
            label: name.len() + 1,
            indent: 0,
            link: None,
        });
    }

    pub(crate) fn link(&mut self, text: String, target: Option<Target>, indent: u16) {
        let Some(target) = target else {
            // A dangling reference (the loader reports it); shown, not followable.
            self.push(BlockStyle::Note, text, indent);
            return;
        };
        let link = Some(self.links.len());
        self.links.push(target);
        self.blocks.push(Block {
            style: BlockStyle::Link,
            text,
            label: 0,
            indent,
            link,
        });
    }

    /// Wraps every block at `width` cells (minus its indent).
    pub fn lay_out(&self, width: u16) -> Vec<LaidLine> {
        let mut lines = Vec::new();
        if width == 0 {
            return lines;
        }
        for (i, b) in self.blocks.iter().enumerate() {
            let w = usize::from(width.saturating_sub(b.text_indent()).max(1));
            for (n, range) in Wrap::new(&b.text, w).enumerate() {
                lines.push(LaidLine {
                    block: i,
                    range,
                    first: n == 0,
                });
            }
        }
        lines
    }
}

fn speaker_target(story: &Story, id: &str) -> Option<Target> {
    let party = story.parties.iter().position(|p| p.id == id);
    let analyst = || story.analysts.iter().position(|a| a.id == id);
    party
        .map(|i| Target::here(Pane::Parties, i))
        .or_else(|| analyst().map(|i| Target::here(Pane::Analysts, i)))
}

fn source_target(story: &Story, id: &str) -> Option<Target> {
    let i = story.sources.iter().position(|s| s.id == id)?;
    Some(Target::here(Pane::Sources, i))
}

fn quote_target(story: &Story, id: &str) -> Option<Target> {
    let i = story
        .quotes
        .iter()
        .position(|q| q.id.as_deref() == Some(id))?;
    Some(Target::here(Pane::Quotes, i))
}

/// A speaker's name for a label, sanitized.
fn name(story: &Story, id: &str) -> String {
    sanitize_line(story.name_of(id)).into_owned()
}

/// A quote as a one-line label without its speaker: “words” for a direct quote,
/// `(reported): words` otherwise (see [`crate::wording`]).
pub fn quote_label(q: &Quote, chars: usize) -> String {
    attributed("", None, q.kind, &label(&q.text, chars))
}

/// A quote as a one-line label under its speaker: `(reported, via X): words`, `“words”`.
pub fn own_label(story: &Story, q: &Quote, chars: usize) -> String {
    let via = q.via.as_deref().map(|v| name(story, v));
    attributed("", via.as_deref(), q.kind, &label(&q.text, chars))
}

/// A quote as a one-line label with its speaker (and who relayed it).
pub fn said_label(story: &Story, q: &Quote, chars: usize) -> String {
    let via = q.via.as_deref().map(|v| name(story, v));
    attributed(
        &sanitize_line(&plain::speaker_name(story, &q.by)),
        via.as_deref(),
        q.kind,
        &label(&q.text, chars),
    )
}

fn quotes_of(doc: &mut Doc, story: &Story, id: &str) {
    let said: Vec<usize> = (0..story.quotes.len())
        .filter(|&i| story.quotes[i].by == id)
        .collect();
    if !said.is_empty() {
        doc.heading(format!("Quotes ({})", said.len()));
        for i in said {
            let q = &story.quotes[i];
            doc.link(
                own_label(story, q, LINK_CHARS),
                Some(Target::here(Pane::Quotes, i)),
                2,
            );
        }
    }
    let relayed: Vec<usize> = (0..story.quotes.len())
        .filter(|&i| story.quotes[i].via() == Some(id))
        .collect();
    if !relayed.is_empty() {
        doc.heading(format!("Relayed ({})", relayed.len()));
        for i in relayed {
            let q = &story.quotes[i];
            let text = said_label(story, q, LINK_CHARS);
            doc.link(text, Some(Target::here(Pane::Quotes, i)), 2);
        }
    }
}

pub(crate) fn event_label(story: &Story, i: usize) -> String {
    let e = &story.timeline[i];
    let date = e.date.as_ref().map_or_else(
        || "undated".to_string(),
        |d| sanitize_line(&d.to_string()).into_owned(),
    );
    format!("{date} · {}", label(&e.title, LINK_CHARS))
}

fn events_of(doc: &mut Doc, story: &Story, id: &str) {
    let events: Vec<usize> = (0..story.timeline.len())
        .filter(|&i| story.timeline[i].involves.iter().any(|x| x == id))
        .collect();
    if !events.is_empty() {
        doc.heading(format!("Events ({})", events.len()));
        for i in events {
            doc.link(
                event_label(story, i),
                Some(Target::here(Pane::Timeline, i)),
                2,
            );
        }
    }
}

fn stances_of(doc: &mut Doc, story: &Story, id: &str) {
    let mut any = Vec::new();
    for (ci, c) in story.claims.iter().enumerate() {
        for s in c.stances.iter().filter(|s| s.by == id) {
            any.push((ci, s));
        }
    }
    if !any.is_empty() {
        doc.heading(format!("Stances on claims ({})", any.len()));
        for (ci, s) in any {
            let c = &story.claims[ci];
            // A history shows once, at the stance now, with its dates.
            if !c.current_stances().iter().any(|now| std::ptr::eq(*now, s)) {
                continue;
            }
            let text = format!(
                "{}: {}",
                plain::stance_when(c, s, stance_phrase),
                label(&c.text, LINK_CHARS)
            );
            doc.link(text, Some(Target::here(Pane::Claims, ci)), 2);
            if let Some(note) = &s.note {
                doc.push(BlockStyle::Note, sanitize(note).into_owned(), 4);
            }
        }
    }
}

fn party(doc: &mut Doc, story: &Story, i: usize) {
    let p = &story.parties[i];
    doc.push(BlockStyle::Title, sanitize_line(&p.name).into_owned(), 0);
    let role = p
        .role
        .as_deref()
        .map(|r| format!(" · {}", sanitize_line(r)))
        .unwrap_or_default();
    doc.push(BlockStyle::Meta, format!("party · {}{role}", p.kind), 0);
    if !p.aliases.is_empty() {
        let aliases: Vec<_> = p
            .aliases
            .iter()
            .map(|a| sanitize_line(a).into_owned())
            .collect();
        doc.push(
            BlockStyle::Meta,
            format!("also called {}", aliases.join(", ")),
            0,
        );
    }
    doc.heading("Position");
    match &p.position {
        Some(pos) => doc.push(BlockStyle::Text, sanitize(pos).into_owned(), 0),
        None => doc.push(BlockStyle::Note, "The story gives no position.", 0),
    }
    if let Some(d) = &p.description {
        doc.heading("Who they are");
        doc.push(BlockStyle::Text, sanitize(d).into_owned(), 0);
    }
    if let Some(f) = &p.speaks_for {
        doc.heading("Speaks for");
        doc.link(speaker_line(story, f), speaker_target(story, f), 2);
    }
    let spokespeople: Vec<&str> = story.spokespeople(&p.id).map(|x| x.id.as_str()).collect();
    if !spokespeople.is_empty() {
        doc.heading(format!("Spokespeople ({})", spokespeople.len()));
        for x in spokespeople {
            doc.link(speaker_line(story, x), speaker_target(story, x), 2);
        }
    }
    quotes_of(doc, story, &p.id);
    spokespeople_quotes_of(doc, story, &p.id);
    events_of(doc, story, &p.id);
    stances_of(doc, story, &p.id);
}

/// The words of a party's spokespeople, each with its speaker.
fn spokespeople_quotes_of(doc: &mut Doc, story: &Story, id: &str) {
    let said = crate::people::spokespeople_quotes(story, id);
    if said.is_empty() {
        return;
    }
    doc.heading(format!("Said by spokespeople ({})", said.len()));
    for q in said {
        let index = story
            .quotes
            .iter()
            .position(|x| std::ptr::eq(x, q))
            .unwrap_or(usize::MAX);
        doc.link(
            said_label(story, q, LINK_CHARS),
            Some(Target::here(Pane::Quotes, index)),
            2,
        );
    }
}

fn analyst(doc: &mut Doc, story: &Story, i: usize) {
    let a = &story.analysts[i];
    doc.push(BlockStyle::Title, sanitize_line(&a.name).into_owned(), 0);
    let role: Vec<String> = [&a.role, &a.affiliation]
        .into_iter()
        .flatten()
        .map(|s| sanitize_line(s).into_owned())
        .collect();
    if role.is_empty() {
        doc.push(BlockStyle::Meta, "analyst", 0);
    } else {
        doc.push(
            BlockStyle::Meta,
            format!("analyst · {}", role.join(", ")),
            0,
        );
    }
    if let Some(v) = &a.view {
        doc.heading("View");
        doc.push(BlockStyle::Text, sanitize(v).into_owned(), 0);
    }
    quotes_of(doc, story, &a.id);
    events_of(doc, story, &a.id);
    stances_of(doc, story, &a.id);
}

fn speaker_line(story: &Story, id: &str) -> String {
    match story.speaker(id) {
        Some(crate::story::Speaker::Party(p)) => format!(
            "{} ({})",
            sanitize_line(&plain::speaker_name(story, &p.id)),
            p.kind
        ),
        Some(crate::story::Speaker::Analyst(a)) => format!("{} (analyst)", sanitize_line(&a.name)),
        None => format!("{} (unknown)", sanitize_line(id)),
    }
}

fn quote(doc: &mut Doc, story: &Story, i: usize) {
    let q = &story.quotes[i];
    match q.kind {
        QuoteKind::Direct => {
            doc.push(BlockStyle::Title, "Direct quote", 0);
            doc.push(BlockStyle::Quote, format!("“{}”", sanitize(&q.text)), 0);
        }
        QuoteKind::Paraphrase => {
            doc.push(
                BlockStyle::Title,
                "Reported speech (a paraphrase, not their exact words)",
                0,
            );
            doc.push(
                BlockStyle::Text,
                attributed("", None, q.kind, &sanitize(&q.text)),
                0,
            );
        }
        QuoteKind::Declined | QuoteKind::NoResponse => {
            doc.push(
                BlockStyle::Title,
                "Reported: no comment (not their words)",
                0,
            );
            doc.push(
                BlockStyle::Text,
                sanitize(&q.refusal(&plain::speaker_name(story, &q.by))).into_owned(),
                0,
            );
        }
    }
    doc.heading("Said by");
    doc.link(speaker_line(story, &q.by), speaker_target(story, &q.by), 2);
    if let Some(via) = &q.via {
        doc.heading("Relayed");
        doc.link(
            format!("via {}", speaker_line(story, via)),
            speaker_target(story, via),
            2,
        );
    }
    if q.date.is_some() || q.context.is_some() || q.to.is_some() {
        doc.blank();
    }
    if let Some(t) = &q.to {
        doc.field("To", t);
    }
    if let Some(d) = &q.date {
        doc.field("Date", &d.to_string());
    }
    if let Some(c) = &q.context {
        doc.field("Context", c);
    }
    if let Some(s) = &q.source {
        doc.heading("Source");
        doc.link(source_label(story, s), source_target(story, s), 2);
    }
    if let Some(id) = &q.id {
        let cited: Vec<usize> = (0..story.claims.len())
            .filter(|&c| {
                story.claims[c]
                    .stances
                    .iter()
                    .any(|s| s.quote.as_deref() == Some(id))
            })
            .collect();
        if !cited.is_empty() {
            doc.heading(format!("Cited on claims ({})", cited.len()));
            for c in cited {
                doc.link(
                    format!("claim: {}", label(&story.claims[c].text, LINK_CHARS)),
                    Some(Target::here(Pane::Claims, c)),
                    2,
                );
            }
        }
    }
}

/// A source as referred to, with the chain of sources it cites (see
/// [`plain::source_name`]), sanitized and cut to a label.
fn source_label(story: &Story, id: &str) -> String {
    match story.source(id) {
        Some(_) => label(&plain::source_name(story, id), LINK_CHARS * 3),
        None => format!("{} (unknown source)", sanitize_line(id)),
    }
}

fn event(doc: &mut Doc, story: &Story, i: usize) {
    let e = &story.timeline[i];
    doc.push(BlockStyle::Title, sanitize(&e.title).into_owned(), 0);
    match &e.date {
        Some(d) => doc.push(BlockStyle::Meta, format!("event · {d}"), 0),
        None => doc.push(BlockStyle::Meta, "event · undated", 0),
    }
    if let Some(d) = &e.detail {
        doc.blank();
        doc.push(BlockStyle::Text, sanitize(d).into_owned(), 0);
    }
    if !e.involves.is_empty() {
        doc.heading(format!("Involves ({})", e.involves.len()));
        for who in &e.involves {
            doc.link(speaker_line(story, who), speaker_target(story, who), 2);
        }
    }
    if let Some(s) = &e.source {
        doc.heading("Source");
        doc.link(source_label(story, s), source_target(story, s), 2);
    }
}

fn claim(doc: &mut Doc, story: &Story, i: usize) {
    let c = &story.claims[i];
    doc.push(
        BlockStyle::Title,
        format!("Claim · {}", status_word(c.status)),
        0,
    );
    doc.push(
        BlockStyle::Text,
        format!("Claimed: {}", sanitize(&c.text)),
        0,
    );
    if let Some(b) = doc.blocks.last_mut() {
        b.label = "Claimed:".len();
    }
    doc.push(
        BlockStyle::Note,
        "A claim, not an established fact; the status is the story's own judgement.",
        0,
    );
    if let Some(s) = &c.source {
        doc.heading("Source");
        doc.link(source_label(story, s), source_target(story, s), 2);
    }
    let now = c.current_stances();
    doc.heading(format!("Stances ({})", now.len()));
    if now.is_empty() {
        doc.push(BlockStyle::Note, "Nobody's stance is recorded.", 2);
    }
    for s in now {
        doc.link(
            format!(
                "{} {}",
                sanitize_line(&plain::speaker_name(story, &s.by)),
                sanitize_line(&plain::stance_when(c, s, stance_phrase))
            ),
            speaker_target(story, &s.by),
            2,
        );
        if let Some(note) = &s.note {
            doc.push(BlockStyle::Note, sanitize(note).into_owned(), 4);
        }
        for l in plain::earlier(story, c, s) {
            doc.push(BlockStyle::Note, sanitize(&l).into_owned(), 4);
        }
        if let Some(qid) = &s.quote {
            let text = match story.quote(qid) {
                // Another's words (a spokesperson's) say whose they are.
                Some(q) if q.by != s.by => said_label(story, q, LINK_CHARS),
                Some(q) => quote_label(q, LINK_CHARS),
                None => format!("quote {} (unknown)", sanitize_line(qid)),
            };
            doc.link(text, quote_target(story, qid), 4);
        }
    }
}

fn source(doc: &mut Doc, story: &Story, i: usize) {
    let s = &story.sources[i];
    doc.push(BlockStyle::Title, sanitize_line(&s.name).into_owned(), 0);
    let meta: Vec<String> = [
        s.outlet.as_ref().map(|o| sanitize_line(o).into_owned()),
        s.date.as_ref().map(|d| d.to_string()),
        // The default kind says nothing: shown only when the story gives one.
        Some(s.kind)
            .filter(|k| *k != SourceKind::Other)
            .map(|k| k.as_str().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    doc.push(
        BlockStyle::Meta,
        format!(
            "source{}",
            meta.iter().map(|m| format!(" · {m}")).collect::<String>()
        ),
        0,
    );
    if s.url.is_some() || s.note.is_some() {
        doc.blank();
    }
    if let Some(u) = &s.url {
        doc.field("URL", u);
    }
    if let Some(n) = &s.note {
        doc.field("Note", n);
    }
    if let Some(b) = &s.by {
        doc.heading("By");
        doc.link(speaker_line(story, b), speaker_target(story, b), 2);
    }
    if !s.cites.is_empty() {
        doc.heading(format!("Citing ({})", s.cites.len()));
        for c in &s.cites {
            doc.link(source_label(story, c), source_target(story, c), 2);
        }
    }
    let id = s.id.as_str();
    let mut cited = Vec::new();
    for (qi, q) in story
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.source.as_deref() == Some(id))
    {
        cited.push((
            said_label(story, q, LINK_CHARS),
            Target::here(Pane::Quotes, qi),
        ));
    }
    for ei in (0..story.timeline.len()).filter(|&e| story.timeline[e].source.as_deref() == Some(id))
    {
        cited.push((event_label(story, ei), Target::here(Pane::Timeline, ei)));
    }
    for (ci, c) in story
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.source.as_deref() == Some(id))
    {
        cited.push((
            format!("claim: {}", label(&c.text, LINK_CHARS)),
            Target::here(Pane::Claims, ci),
        ));
    }
    if !cited.is_empty() {
        doc.heading(format!("Cited by ({})", cited.len()));
        for (text, target) in cited {
            doc.link(text, Some(target), 2);
        }
    }
}

/// The detail of item `index` of `pane` of story `story_index`; an empty doc
/// when there is no such item. Its cross-references lead into the same story.
pub fn build(story: &Story, story_index: usize, pane: Pane, index: usize) -> Doc {
    let mut doc = build_items(story, pane, index);
    for target in &mut doc.links {
        target.story = story_index;
    }
    doc
}

fn build_items(story: &Story, pane: Pane, index: usize) -> Doc {
    let mut doc = Doc::default();
    let len = super::state::pane_len(story, pane);
    if index >= len {
        let what = match pane {
            Pane::Timeline => "events",
            Pane::Parties => "parties",
            Pane::Analysts => "analysts",
            Pane::Quotes => "quotes",
            Pane::Claims => "claims",
            Pane::Sources => "sources",
        };
        doc.push(BlockStyle::Note, format!("This story has no {what}."), 0);
        return doc;
    }
    match pane {
        Pane::Timeline => event(&mut doc, story, index),
        Pane::Parties => party(&mut doc, story, index),
        Pane::Analysts => analyst(&mut doc, story, index),
        Pane::Quotes => quote(&mut doc, story, index),
        Pane::Claims => claim(&mut doc, story, index),
        Pane::Sources => source(&mut doc, story, index),
    }
    doc
}

/// The story's header in full (`s`): its title, date and id, the question and
/// the summary, each paragraph of them as written.
pub fn header(story: &Story) -> Doc {
    let mut doc = Doc::default();
    doc.push(
        BlockStyle::Title,
        sanitize_line(&story.title).into_owned(),
        0,
    );
    let mut meta = sanitize_line(&story.id).into_owned();
    if let Some(d) = &story.date {
        meta = format!("{} · {meta}", sanitize_line(&d.to_string()));
    }
    doc.push(BlockStyle::Meta, meta, 0);
    for (name, text, none) in [
        ("Question", &story.question, "No question in this story."),
        ("Summary", &story.summary, "No summary in this story."),
    ] {
        doc.heading(name);
        match text {
            Some(t) => {
                for (n, para) in t.split("\n\n").filter(|p| !p.trim().is_empty()).enumerate() {
                    if n > 0 {
                        doc.blank();
                    }
                    doc.push(BlockStyle::Text, sanitize(para.trim()).into_owned(), 0);
                }
            }
            None => doc.push(BlockStyle::Note, none, 0),
        }
    }
    doc
}
