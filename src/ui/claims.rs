//! The Claims pane as a matrix: one row per claim (its status, then the claim
//! as a claim, never as fact), one column per party or analyst with a stance,
//! each cell a glyph and a word (`✓ supports`, `✗ disputes`), empty where no
//! stance was given. Columns beyond the width scroll sideways (h/l); the
//! selected cell's note and quote show under the matrix.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::detail::{quote_label, stance_word};
use crate::app::matrix::{self, Column};
use crate::app::state::{visible_offset, StoryView};
use crate::app::Pane;
use crate::sanitize::sanitize_line;
use crate::story::{ClaimStatus, Story, Str};

use super::header::wrapped;
use super::list::{dim, fit, pad, put_line, render_list, styled, ListSpec};
use super::text::{clip, grapheme_width, prefix_fitting, truncate, width};
use super::theme;

/// Cells of one stance column: `— no comment` fits.
pub const CELL: usize = 12;
/// The claim column is never narrower than this while columns show.
const MIN_CLAIM: usize = 14;
/// Characters of a quote under the matrix.
const QUOTE_CHARS: usize = 300;

/// The parts of the pane's inside: the column header, the claim rows, and the
/// selected cell's note and quote under them (absent when there is no room).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub header: Rect,
    pub body: Rect,
    pub under: Rect,
}

pub fn parts(inner: Rect) -> Parts {
    let h = inner.height;
    let header = u16::from(h >= 2);
    let under = match h {
        7.. => 2,
        4.. => 1,
        _ => 0,
    };
    let body_h = h - header - under;
    Parts {
        header: Rect::new(inner.x, inner.y, inner.width, header),
        body: Rect::new(inner.x, inner.y + header, inner.width, body_h),
        under: Rect::new(inner.x, inner.y + header + body_h, inner.width, under),
    }
}

/// How a status reads in its column.
fn status_label(s: Option<ClaimStatus>) -> &'static str {
    s.map_or("no status", |s| s.as_str())
}

/// Column widths for rows `text_w` cells wide (after the selection marker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Geometry {
    /// The status column (0: dropped for lack of room).
    status: usize,
    claim: usize,
    /// How many stance columns show at once.
    shown: usize,
}

impl Geometry {
    /// Where stance column `n` (counted from the first shown) starts.
    fn cell_x(&self, n: usize) -> usize {
        let status = if self.status > 0 { self.status + 1 } else { 0 };
        status + self.claim + 1 + n * (CELL + 1)
    }
}

fn geometry(story: &Story, columns: usize, text_w: usize) -> Geometry {
    let status_w = story
        .claims
        .iter()
        .map(|c| status_label(c.status).len())
        .max()
        .unwrap_or(0);
    let per = CELL + 1;
    let fitting = |status: usize| {
        let fixed = if status > 0 { status + 1 } else { 0 } + MIN_CLAIM + 1;
        (text_w.saturating_sub(fixed) / per).min(columns)
    };
    let mut status = status_w;
    let mut shown = fitting(status);
    if shown == 0 && columns > 0 {
        // Too narrow: the status goes (it is in the line under the matrix).
        status = 0;
        shown = fitting(0);
    }
    let used = if status > 0 { status + 1 } else { 0 } + shown * per + 1;
    Geometry {
        status,
        claim: text_w.saturating_sub(used),
        shown,
    }
}

/// How many stance columns show in a pane whose inside is `inner`.
pub fn visible_columns(story: &Story, inner: Rect) -> usize {
    if inner.width < 3 || inner.height == 0 {
        return 0;
    }
    let columns = matrix::columns(story).len();
    geometry(story, columns, usize::from(inner.width) - 2).shown
}

/// A short name for a column header or a title, sanitized: the name if it
/// fits in `cells`, else the shortest alias that fits, else the name cut with `…`.
pub fn short_name(name: &str, aliases: &[Str], cells: usize) -> String {
    // Whole, sanitized, when it fits (a long text is not read past what could fit).
    let whole = |raw: &str| {
        (raw.chars().nth(cells * 4 + 16).is_none())
            .then(|| sanitize_line(raw).into_owned())
            .filter(|t| !t.is_empty() && width(t) <= cells)
    };
    whole(name)
        .or_else(|| {
            aliases
                .iter()
                .filter_map(|a| whole(a))
                .min_by_key(|a| width(a))
        })
        .unwrap_or_else(|| clip(name, cells))
}

/// Sanitized `text` cut in the middle to `cells`: "Minist…fairs".
fn cut_middle(text: &str, cells: usize) -> String {
    if width(text) <= cells || cells < 3 {
        return truncate(text, cells, false).into_owned();
    }
    let tail_w = (cells - 1) / 2;
    let (head, _) = prefix_fitting(text, cells - 1 - tail_w);
    let mut start = text.len();
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true).rev() {
        used += grapheme_width(g);
        if used > tail_w {
            break;
        }
        start = i;
    }
    format!("{}…{}", head.trim_end(), text[start..].trim_start())
}

/// The headers of every column: short names, and where two would read the
/// same ("Ministry of…" twice), the name cut in the middle instead.
fn headers(cols: &[Column<'_>], cells: usize) -> Vec<String> {
    let mut out: Vec<String> = cols
        .iter()
        .map(|c| short_name(c.name, c.aliases, cells))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for h in &out {
        *seen.entry(h.as_str()).or_default() += 1;
    }
    let twice: Vec<usize> = (0..out.len())
        .filter(|&i| seen[out[i].as_str()] > 1)
        .collect();
    for i in twice {
        out[i] = cut_middle(&clip(cols[i].name, 400), cells);
    }
    out
}

/// The claim and column under a point of the pane's inside `inner`: (row,
/// column), either absent when the point is not on one; `None` outside.
pub fn hit(
    story: &Story,
    view: &StoryView,
    inner: Rect,
    at: Position,
) -> Option<(Option<usize>, Option<usize>)> {
    if !inner.contains(at) || inner.width < 3 {
        return None;
    }
    let p = parts(inner);
    let columns = matrix::columns(story).len();
    let g = geometry(story, columns, usize::from(inner.width) - 2);
    let first = visible_offset(
        view.claim_col.offset,
        view.claim_col.selected,
        g.shown,
        columns,
    );
    let x = usize::from(at.x - inner.x).saturating_sub(2);
    let col = (0..g.shown.min(columns - first.min(columns)))
        .find(|&n| x >= g.cell_x(n) && x < g.cell_x(n) + CELL)
        .map(|n| first + n);
    let row = if p.body.contains(at) {
        let pos = view.lists[Pane::Claims.index()];
        let len = story.claims.len();
        let offset = visible_offset(pos.offset, pos.selected, usize::from(p.body.height), len);
        Some(offset + usize::from(at.y - p.body.y)).filter(|&r| r < len)
    } else {
        None
    };
    Some((row, col))
}

fn header_row(cols: &[Column<'_>], first: usize, g: Geometry, selected: usize) -> Line<'static> {
    let names = headers(cols, CELL);
    let mut spans = vec![Span::raw("  ")];
    if g.status > 0 {
        spans.push(dim(format!("{} ", pad("Status", g.status))));
    }
    spans.push(dim(pad("Claim", g.claim)));
    let shown = &cols[first.min(cols.len())..(first + g.shown).min(cols.len())];
    spans.push(dim(if first > 0 { "‹" } else { " " }));
    for n in 0..shown.len() {
        if n > 0 {
            spans.push(Span::raw(" "));
        }
        let style = if first + n == selected {
            theme::bold().add_modifier(Modifier::UNDERLINED)
        } else {
            theme::bold()
        };
        spans.push(styled(pad(&names[first + n], CELL), style));
    }
    if first + shown.len() < cols.len() {
        spans.push(dim("›"));
    }
    Line::from(spans)
}

#[allow(clippy::too_many_arguments)]
fn claim_row(
    story: &Story,
    i: usize,
    cols: &[Column<'_>],
    first: usize,
    g: Geometry,
    selected: Option<usize>,
    focused: bool,
) -> Line<'static> {
    let c = &story.claims[i];
    let row_style = if selected.is_some() {
        theme::bold()
    } else {
        Style::new()
    };
    let mark = if selected.is_some() && focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        row_style
    };
    let mut spans = vec![Span::raw(if selected.is_some() { "› " } else { "  " })];
    if g.status > 0 {
        let style = if c.status.is_some() {
            theme::warning()
        } else {
            theme::dim()
        };
        spans.push(styled(pad(status_label(c.status), g.status), style));
        spans.push(Span::raw(" "));
    }
    spans.push(styled(pad(&clip(&c.text, g.claim), g.claim), mark));
    for n in 0..g.shown {
        let Some(col) = cols.get(first + n) else {
            break;
        };
        spans.push(Span::raw(" "));
        let (text, style) = match matrix::cell(c, col.id) {
            Some(s) => (matrix::cell_label(s.stance), theme::stance(s.stance)),
            None => (String::new(), Style::new()),
        };
        let style = if selected == Some(first + n) && focused {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        };
        spans.push(styled(pad(&text, CELL), style));
    }
    Line::from(
        spans
            .into_iter()
            .map(|s| s.patch_style(row_style))
            .collect::<Vec<_>>(),
    )
}

/// The selected cell in words, under the matrix.
fn under_lines(
    story: &Story,
    view: &StoryView,
    cols: &[Column<'_>],
    area: Rect,
    status_shown: bool,
) -> Vec<Line<'static>> {
    let rows = usize::from(area.height);
    let Some(c) = story.claims.get(view.lists[Pane::Claims.index()].selected) else {
        return Vec::new();
    };
    let Some(col) = cols.get(view.claim_col.selected) else {
        return wrapped(
            "",
            "Nobody took a stance on any claim of this story.",
            rows,
            area.width,
        );
    };
    // The claim's status, when its column had no room.
    let who = if status_shown {
        clip(col.name, 60)
    } else {
        format!("[{}] {}", status_label(c.status), clip(col.name, 60))
    };
    match matrix::cell(c, col.id) {
        Some(s) => {
            let head = format!(
                "{who} {} {}: ",
                matrix::glyph(s.stance),
                stance_word(s.stance)
            );
            let quote = s.quote.as_deref().map(|q| match story.quote(q) {
                Some(q) => quote_label(q, QUOTE_CHARS),
                None => format!("quote {} (unknown)", sanitize_line(q)),
            });
            let text = match (s.note.as_deref(), quote) {
                (Some(n), Some(q)) => format!("{n} — {q}"),
                (Some(n), None) => n.to_string(),
                (None, Some(q)) => q,
                (None, None) => "no note, no quote".to_string(),
            };
            wrapped(&head, &text, rows, area.width)
        }
        None => wrapped(
            &format!("{who}: "),
            &format!("no stance on this claim ({})", status_label(c.status)),
            rows,
            area.width,
        ),
    }
}

pub fn render(story: &Story, view: &StoryView, area: Rect, buf: &mut Buffer, focused: bool) {
    let area = area.intersection(buf.area);
    let pos = view.lists[Pane::Claims.index()];
    let spec = ListSpec {
        title: Pane::Claims.title(),
        len: story.claims.len(),
        pos,
        focused,
        empty: "No claims",
    };
    if area.height < 4 || area.width < 3 || story.claims.is_empty() {
        // A title bar, or the empty list.
        render_list(area, buf, &spec, &|_, _| Line::default());
        return;
    }
    let cols = matrix::columns(story);
    let position = format!(" {}/{} ", pos.selected + 1, story.claims.len());
    let columns = if cols.is_empty() {
        String::new()
    } else {
        format!("· column {}/{} ", view.claim_col.selected + 1, cols.len())
    };
    Block::bordered()
        .border_style(theme::border(focused))
        .title(Line::from(styled(
            format!(" {} ", Pane::Claims.title()),
            theme::border(focused),
        )))
        .title_top(Line::from(dim(format!("{position}{columns}"))).right_aligned())
        .render(area, buf);
    let inner = super::layout::inner(area);
    let p = parts(inner);
    let text_w = usize::from(inner.width).saturating_sub(2);
    let g = geometry(story, cols.len(), text_w);
    let first = visible_offset(
        view.claim_col.offset,
        view.claim_col.selected,
        g.shown,
        cols.len(),
    );
    let selected_col = view.claim_col.selected;
    if !p.header.is_empty() {
        put_line(
            buf,
            p.header,
            p.header.y,
            &fit(header_row(&cols, first, g, selected_col).spans, inner.width),
        );
    }
    let len = story.claims.len();
    let height = usize::from(p.body.height);
    let offset = visible_offset(pos.offset, pos.selected, height, len);
    for (n, i) in (offset..len.min(offset + height)).enumerate() {
        let selected = (i == pos.selected).then_some(selected_col);
        let line = claim_row(story, i, &cols, first, g, selected, focused);
        put_line(
            buf,
            p.body,
            p.body.y + n as u16,
            &fit(line.spans, inner.width),
        );
    }
    for (n, line) in under_lines(story, view, &cols, p.under, g.status > 0)
        .iter()
        .enumerate()
    {
        put_line(buf, p.under, p.under.y + n as u16, line);
    }
}

/// Claim `i` as one list row, `cells` wide: "[status] claim: text — who stands
/// where". The filter (`f`) matches and shows these rows instead of the matrix.
pub fn row(story: &Story, i: usize, cells: u16) -> Line<'static> {
    let c = &story.claims[i];
    let w = usize::from(cells);
    let mut parts = vec![
        styled(
            format!("[{}] ", crate::app::detail::status_word(c.status)),
            theme::warning(),
        ),
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
        parts.push(dim(format!(" — {}", who.join("; "))));
    }
    fit(parts, cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_read_the_same_are_cut_in_the_middle() {
        assert_eq!(
            cut_middle("Ministry of Foreign Affairs", 12),
            "Minist…fairs"
        );
        assert_eq!(cut_middle("Short", 12), "Short");
        assert_eq!(cut_middle("中国民主同盟 17", 12), "中国民…盟 17");
        let aliases: Vec<Str> = vec!["MOFA".into()];
        assert_eq!(
            short_name("Ministry of Foreign Affairs", &aliases, 12),
            "MOFA"
        );
        assert_eq!(short_name("Ministry of Commerce", &[], 12), "Ministry of…");
        assert_eq!(short_name("李伟 (Li Wei)", &[], 12), "李伟 (Li We…");
    }
}
