//! Rows built from spans: fitted to a width with an ellipsis, padded, dimmed.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{truncate, width};
use super::theme::Theme;

/// Spans joined and cut to `max` cells; the span where the cut falls ends in `…`.
pub fn fit(parts: Vec<Span<'static>>, max: u16) -> Line<'static> {
    let max = usize::from(max);
    let mut used = 0;
    let mut out = Vec::with_capacity(parts.len());
    for span in parts {
        let w = width(&span.content);
        if used + w <= max {
            used += w;
            out.push(span);
            continue;
        }
        let room = max - used;
        if room > 0 {
            let cut = truncate(&span.content, room, true).into_owned();
            out.push(Span::styled(cut, span.style));
        }
        break;
    }
    Line::from(out)
}

/// Pads `text` with spaces to `cells` wide (or cuts it).
pub fn pad(text: &str, cells: usize) -> String {
    let t = truncate(text, cells, false);
    let w = width(&t);
    format!("{t}{}", " ".repeat(cells.saturating_sub(w)))
}

/// A dim style for secondary parts of a row.
pub fn dim(theme: &Theme, text: impl Into<String>) -> Span<'static> {
    Span::styled(text.into(), theme.dim())
}

pub fn styled(text: impl Into<String>, style: Style) -> Span<'static> {
    Span::styled(text.into(), style)
}
