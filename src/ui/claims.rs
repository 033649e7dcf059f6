//! The Claims pane as a matrix: one row per claim (its status, then the claim
//! as a claim, never as fact), one column per party or analyst with a stance,
//! each cell a glyph and a word (`✓ supports`, `✗ disputes`), empty where no
//! stance was given. Columns beyond the width scroll sideways (h/l); the
//! selected cell's note and quote show under the matrix.

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::detail::{quote_label, said_label};
use crate::app::state::StoryView;
use crate::app::Pane;
use crate::export::plain;
use crate::sanitize::sanitize_line;
use crate::story::Story;
use crate::view::claims::{cut_middle, geometry, parts, short_name, status_label, Geometry, CELL};
use crate::view::layout::visible_offset;
use crate::view::matrix::{self, Column};
use crate::wording::stance_phrase;

use super::list::{dim, fit, pad, put_line, render_list, styled, ListSpec};
use crate::view::header::wrapped;
use crate::view::text::clip;
use crate::view::theme::Theme;

/// Characters of a quote under the matrix.
const QUOTE_CHARS: usize = 300;

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

fn header_row(
    theme: &Theme,
    cols: &[Column<'_>],
    first: usize,
    g: Geometry,
    selected: usize,
    on_claim: bool,
) -> Line<'static> {
    let names = headers(cols, CELL);
    let mut spans = vec![Span::raw("  ")];
    if g.status > 0 {
        spans.push(dim(theme, format!("{} ", pad("Status", g.status))));
    }
    if on_claim {
        spans.push(styled(
            pad("Claim", g.claim),
            theme.bold().add_modifier(Modifier::UNDERLINED),
        ));
    } else {
        spans.push(dim(theme, pad("Claim", g.claim)));
    }
    let shown = &cols[first.min(cols.len())..(first + g.shown).min(cols.len())];
    spans.push(dim(theme, if first > 0 { "‹" } else { " " }));
    for n in 0..shown.len() {
        if n > 0 {
            spans.push(Span::raw(" "));
        }
        let style = if first + n == selected {
            theme.bold().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.bold()
        };
        spans.push(styled(pad(&names[first + n], CELL), style));
    }
    if first + shown.len() < cols.len() {
        spans.push(dim(theme, "›"));
    }
    Line::from(spans)
}

#[allow(clippy::too_many_arguments)]
fn claim_row(
    theme: &Theme,
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
        theme.bold()
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
            theme.warning()
        } else {
            theme.dim()
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
            Some(s) => (
                matrix::cell_label(s.stance, matrix::changed(c, col.id)),
                theme.stance(s.stance),
            ),
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
    theme: &Theme,
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
    if view.claim_stop && !cols.is_empty() {
        // The column cursor on the claim itself.
        return wrapped(
            theme,
            &format!("Claim, {} (w: across stories): ", status_label(c.status)),
            &c.text,
            rows,
            area.width,
        );
    }
    let Some(col) = cols.get(view.claim_col.selected) else {
        return wrapped(
            theme,
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
            // The stance in words, as the detail has it; a changed one with its
            // dates and what it was, oldest first.
            let head = format!(
                "{who} {} {}: ",
                matrix::glyph(s.stance),
                sanitize_line(&plain::stance_when(c, s, stance_phrase))
            );
            let quote = s.quote.as_deref().map(|q| match story.quote(q) {
                // Another's words (a spokesperson's) say whose they are.
                Some(q) if q.by != s.by => said_label(story, q, QUOTE_CHARS),
                Some(q) => quote_label(q, QUOTE_CHARS),
                None => format!("quote {} (unknown)", sanitize_line(q)),
            });
            let text = match (s.note.as_deref(), quote) {
                (Some(n), Some(q)) => format!("{n} — {q}"),
                (Some(n), None) => n.to_string(),
                (None, Some(q)) => q,
                (None, None) => "no note, no quote".to_string(),
            };
            wrapped(theme, &head, &text, rows, area.width)
        }
        None => wrapped(
            theme,
            &format!("{who}: "),
            &format!("no stance on this claim ({})", status_label(c.status)),
            rows,
            area.width,
        ),
    }
}

pub fn render(
    theme: &Theme,
    story: &Story,
    view: &StoryView,
    area: Rect,
    buf: &mut Buffer,
    focused: bool,
) {
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
        render_list(theme, area, buf, &spec, &|_, _| Line::default());
        return;
    }
    let cols = matrix::columns(story);
    let position = format!(" {}/{} ", pos.selected + 1, story.claims.len());
    let columns = if cols.is_empty() {
        String::new()
    } else if view.claim_stop {
        "· the claim ".to_string()
    } else {
        format!("· column {}/{} ", view.claim_col.selected + 1, cols.len())
    };
    Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::from(styled(
            format!(" {} ", Pane::Claims.title()),
            theme.border(focused),
        )))
        .title_top(Line::from(dim(theme, format!("{position}{columns}"))).right_aligned())
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
    // On the claim itself, no stance cell is selected.
    let on_claim = view.claim_stop && !cols.is_empty();
    let selected_col = if on_claim {
        usize::MAX
    } else {
        view.claim_col.selected
    };
    if !p.header.is_empty() {
        put_line(
            buf,
            p.header,
            p.header.y,
            &fit(
                header_row(theme, &cols, first, g, selected_col, on_claim).spans,
                inner.width,
            ),
        );
    }
    let len = story.claims.len();
    let height = usize::from(p.body.height);
    let offset = visible_offset(pos.offset, pos.selected, height, len);
    for (n, i) in (offset..len.min(offset + height)).enumerate() {
        let selected = (i == pos.selected).then_some(selected_col);
        let line = claim_row(theme, story, i, &cols, first, g, selected, focused);
        put_line(
            buf,
            p.body,
            p.body.y + n as u16,
            &fit(line.spans, inner.width),
        );
    }
    for (n, line) in under_lines(theme, story, view, &cols, p.under, g.status > 0)
        .iter()
        .enumerate()
    {
        put_line(buf, p.under, p.under.y + n as u16, line);
    }
}
