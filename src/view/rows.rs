//! The text of a row, wherever it is drawn or matched: each pane's row, the
//! library's row and its header, and the text the library's filter matches.
//! The filter (`f`) matches the very rows the reader sees, so a row is built in
//! one place only.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::story::{QuoteKind, Story};

use super::line::{dim, fit, pad, styled};
use super::text::{clip, label, width};
use super::theme::Theme;
use super::words::{stance_word, status_word};
use super::Pane;

/// Row `i` of a pane, `cells` wide (`date_w`: the timeline's date column).
pub fn pane_row(
    theme: &Theme,
    story: &Story,
    pane: Pane,
    i: usize,
    cells: u16,
    date_w: usize,
) -> Line<'static> {
    match pane {
        Pane::Timeline => timeline_row(theme, story, i, cells, date_w),
        Pane::Parties => party_row(theme, story, i, cells),
        Pane::Analysts => analyst_row(theme, story, &[], i, cells),
        Pane::Quotes => quote_row(theme, story, i, cells),
        Pane::Claims => claim_row(theme, story, i, cells),
        Pane::Sources => source_row(theme, story, i, cells),
    }
}

/// How an event's date is shown.
pub fn date_label(story: &Story, i: usize) -> String {
    story.timeline[i]
        .date
        .as_ref()
        .map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// The date column's width: the widest date of the story.
pub fn date_width(story: &Story) -> usize {
    (0..story.timeline.len())
        .map(|i| width(&date_label(story, i)))
        .max()
        .unwrap_or(0)
}

pub fn timeline_row(
    theme: &Theme,
    story: &Story,
    i: usize,
    cells: u16,
    date_w: usize,
) -> Line<'static> {
    let e = &story.timeline[i];
    let date = pad(&date_label(story, i), date_w);
    let date = if e.date.is_some() {
        Span::raw(date)
    } else {
        dim(theme, date)
    };
    let title_w = usize::from(cells).saturating_sub(date_w + 2);
    fit(
        vec![date, Span::raw("  "), Span::raw(clip(&e.title, title_w))],
        cells,
    )
}

pub fn party_row(theme: &Theme, story: &Story, i: usize, cells: u16) -> Line<'static> {
    let p = &story.parties[i];
    let w = usize::from(cells);
    let mut parts = vec![
        styled(clip(&p.name, w), theme.bold()),
        dim(theme, format!(" · {}", p.kind)),
    ];
    match &p.position {
        Some(pos) => {
            parts.push(Span::raw(": "));
            parts.push(Span::raw(clip(pos, w)));
        }
        None => parts.push(dim(theme, ": no position given")),
    }
    fit(parts, cells)
}

/// Row `i`; `counts` has each analyst's number of quotes when counted already.
pub fn analyst_row(
    theme: &Theme,
    story: &Story,
    counts: &[usize],
    i: usize,
    cells: u16,
) -> Line<'static> {
    let a = &story.analysts[i];
    let w = usize::from(cells);
    let mut parts = vec![styled(clip(&a.name, w), theme.bold())];
    let role: Vec<String> = [&a.role, &a.affiliation]
        .into_iter()
        .flatten()
        .map(|s| clip(s, w))
        .collect();
    if !role.is_empty() {
        parts.push(dim(theme, format!(", {}", role.join(", "))));
    }
    let n = counts
        .get(i)
        .copied()
        .unwrap_or_else(|| story.quotes_by(&a.id).count());
    parts.push(dim(
        theme,
        format!(" · {n} quote{}", if n == 1 { "" } else { "s" }),
    ));
    if let Some(v) = &a.view {
        parts.push(Span::raw(": "));
        parts.push(Span::raw(clip(v, w)));
    }
    fit(parts, cells)
}

pub fn quote_row(theme: &Theme, story: &Story, i: usize, cells: u16) -> Line<'static> {
    let q = &story.quotes[i];
    let w = usize::from(cells);
    let mut parts = vec![styled(clip(story.name_of(&q.by), w), theme.bold())];
    // The one wording of who said it and how (see `crate::wording`).
    let via = q.via.as_deref().map(|v| clip(story.name_of(v), w));
    let mark = crate::wording::speech_mark(q.kind, via.as_deref());
    if !mark.is_empty() {
        parts.push(dim(theme, mark));
    }
    if !q.kind.is_refusal() {
        parts.push(Span::raw(": "));
    }
    let used: usize = parts.iter().map(|s| width(&s.content)).sum();
    match q.kind {
        QuoteKind::Direct => {
            // Keep the closing mark when the words are cut.
            let room = w.saturating_sub(used + 2).max(1);
            parts.push(styled(format!("“{}”", clip(&q.text, room)), theme.quote()));
        }
        QuoteKind::Paraphrase => {
            parts.push(Span::raw(clip(&q.text, w)));
        }
        // Reported, never in quotation marks: "White House declined to comment".
        QuoteKind::Declined | QuoteKind::NoResponse => {
            parts.push(Span::raw(" "));
            parts.push(dim(theme, clip(q.words(), w)));
        }
    }
    fit(parts, cells)
}

/// Claim `i` as one list row, `cells` wide: "[status] claim: text — who stands
/// where". The filter (`f`) matches and shows these rows instead of the matrix.
pub fn claim_row(theme: &Theme, story: &Story, i: usize, cells: u16) -> Line<'static> {
    let c = &story.claims[i];
    let w = usize::from(cells);
    let mut parts = vec![
        styled(format!("[{}] ", status_word(c.status)), theme.warning()),
        Span::raw(format!("claim: {}", clip(&c.text, w))),
    ];
    if !c.stances.is_empty() {
        let who: Vec<String> = c
            .stances
            .iter()
            .take(w / 4 + 1)
            .map(|s| {
                format!(
                    "{} {}",
                    clip(story.name_of(&s.by), w),
                    stance_word(s.stance)
                )
            })
            .collect();
        parts.push(dim(theme, format!(" — {}", who.join("; "))));
    }
    fit(parts, cells)
}

pub fn source_row(theme: &Theme, story: &Story, i: usize, cells: u16) -> Line<'static> {
    let s = &story.sources[i];
    let w = usize::from(cells);
    let mut parts = vec![styled(clip(&s.name, w), theme.bold())];
    if let Some(o) = &s.outlet {
        parts.push(Span::raw(format!(" · {}", clip(o, w))));
    }
    if let Some(d) = &s.date {
        parts.push(dim(theme, format!(" · {d}")));
    }
    if let Some(u) = &s.url {
        parts.push(styled(format!(" {}", clip(u, w)), theme.link()));
    }
    if let Some(n) = &s.note {
        parts.push(dim(theme, format!(" · {}", clip(n, w))));
    }
    fit(parts, cells)
}

/// The widths of the library columns for a list `cells` wide.
struct Columns {
    title: usize,
    date: usize,
    /// Parties, analysts, quotes as three columns (true) or as "P/A/Q" (false).
    full_counts: bool,
    counts: usize,
    tags: usize,
}

fn library_columns(cells: usize) -> Columns {
    let date = if cells >= 44 { 12 } else { 0 };
    let (full_counts, counts) = if cells >= 90 {
        (true, 26)
    } else if cells >= 30 {
        (false, 8)
    } else {
        (false, 0)
    };
    let tags = if cells >= 80 { (cells / 5).min(28) } else { 0 };
    let gaps = [date, counts, tags].iter().filter(|&&w| w > 0).count();
    let title = cells.saturating_sub(date + counts + tags + gaps);
    Columns {
        title,
        date,
        full_counts,
        counts,
        tags,
    }
}

pub fn library_header(theme: &Theme, cells: usize) -> Line<'static> {
    let c = library_columns(cells);
    let mut s = pad("Story", c.title);
    if c.date > 0 {
        s.push(' ');
        s.push_str(&pad("Date", c.date));
    }
    if c.full_counts {
        s.push_str(" Parties Analysts  Quotes  ");
    } else if c.counts > 0 {
        s.push(' ');
        s.push_str(&pad("P/A/Q", c.counts));
    }
    if c.tags > 0 {
        s.push(' ');
        s.push_str("Tags");
    }
    fit(vec![dim(theme, s)], cells as u16)
}

fn tags_text(story: &Story, cells: usize) -> String {
    story
        .tags
        .iter()
        .map(|t| clip(t, cells))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Characters of each part of a story's text the library's filter looks at.
const FILTER_CHARS: usize = 400;

/// The text the library's filter matches for a story: its title, id, date
/// (as the row shows it) and tags, sanitized as shown, each part bounded.
pub fn filter_text(story: &Story) -> String {
    let mut text = label(&story.title, FILTER_CHARS);
    text.push_str(" · ");
    text.push_str(&label(&story.id, FILTER_CHARS));
    if let Some(d) = &story.date {
        text.push_str(" · ");
        text.push_str(&d.to_string());
    }
    let mut tags = String::new();
    for t in &story.tags {
        if tags.len() >= FILTER_CHARS {
            break;
        }
        if !tags.is_empty() {
            tags.push_str(", ");
        }
        tags.push_str(&label(t, FILTER_CHARS));
    }
    if !tags.is_empty() {
        text.push_str(" · ");
        text.push_str(&tags);
    }
    text
}

pub fn story_row(theme: &Theme, story: &Story, cells: u16) -> Line<'static> {
    story_row_with(theme, story, cells, None)
}

/// The "changed" badge of a story changed since its review: `changed (3)`, or
/// `Δ3` where the title column is narrow.
pub fn changed_badge(changes: usize, title_cells: usize) -> String {
    let long = format!("changed ({changes})");
    if title_cells >= long.len() + 12 {
        long
    } else {
        format!("Δ{changes}")
    }
}

/// A library row, with a badge (in `style`) at the end of its title column.
pub fn story_row_with(
    theme: &Theme,
    story: &Story,
    cells: u16,
    badge: Option<(usize, Style)>,
) -> Line<'static> {
    let w = usize::from(cells);
    let c = library_columns(w);
    let mut parts = match badge {
        Some((n, style)) => {
            let b = changed_badge(n, c.title);
            let room = c.title.saturating_sub(width(&b) + 1);
            vec![
                Span::raw(format!("{} ", pad(&clip(&story.title, room), room))),
                Span::styled(b, style),
            ]
        }
        None => vec![Span::raw(pad(&clip(&story.title, c.title), c.title))],
    };
    if c.date > 0 {
        let d = story.date.as_ref().map_or(String::new(), |d| d.to_string());
        parts.push(dim(theme, format!(" {}", pad(&d, c.date))));
    }
    let (p, a, q) = (
        story.parties.len(),
        story.analysts.len(),
        story.quotes.len(),
    );
    if c.full_counts {
        parts.push(Span::raw(format!(" {p:>7} {a:>8} {q:>7}  ")));
    } else if c.counts > 0 {
        parts.push(Span::raw(format!(
            " {}",
            pad(&format!("{p}/{a}/{q}"), c.counts)
        )));
    }
    if c.tags > 0 {
        parts.push(dim(theme, format!(" {}", tags_text(story, c.tags))));
    }
    fit(parts, cells)
}
