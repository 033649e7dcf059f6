//! The help overlay, generated from the key map itself (every binding, its keys
//! as in force, the user's own included, and what it does) plus what the mouse
//! does, so it never drifts from the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::{bindings, keys_label, Section, LINE_KEYS, MOUSE_HELP};
use crate::app::state::State;

use super::layout::{help_area, inner};
use super::list::{boxed, fit, pad, put_line, styled};
use super::text::{width, Wrap};
use super::theme;

/// The title of the overlay.
pub const TITLE: &str = "Help · Esc or ? closes";
/// The title when the help is longer than the screen.
pub const TITLE_SCROLL: &str = "Help · j/k scroll · Esc or ? closes";

/// Rows of `keys` + `what`, the description wrapped under itself.
fn entry(out: &mut Vec<Line<'static>>, keys: &str, what: &str, key_w: usize, cells: usize) {
    let text_w = cells.saturating_sub(key_w + 3).max(8);
    for (n, r) in Wrap::new(what, text_w).enumerate() {
        let k = if n == 0 {
            pad(keys, key_w)
        } else {
            " ".repeat(key_w)
        };
        out.push(fit(
            vec![
                Span::raw("  "),
                styled(k, theme::key()),
                Span::raw(" "),
                Span::raw(what[r].to_string()),
            ],
            cells as u16,
        ));
    }
}

/// Every row of the help at a width.
pub fn lines(cells: u16) -> Vec<Line<'static>> {
    let cells = usize::from(cells);
    let bindings = bindings();
    let key_w = bindings
        .iter()
        .map(|b| width(&keys_label(&b.keys)))
        .chain(LINE_KEYS.iter().map(|b| width(&keys_label(b.keys))))
        .chain(MOUSE_HELP.iter().map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for section in Section::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(styled(section.title(), theme::heading())));
        for b in bindings.iter().filter(|b| b.section == section) {
            entry(&mut out, &keys_label(&b.keys), b.help, key_w, cells);
        }
        // The query line's keys are fixed (they are text editing, not actions).
        for b in LINE_KEYS.iter().filter(|b| b.section == section) {
            entry(&mut out, &keys_label(b.keys), b.help, key_w, cells);
        }
    }
    out.push(Line::default());
    out.push(Line::from(styled("Mouse", theme::heading())));
    for (k, what) in MOUSE_HELP {
        entry(&mut out, k, what, key_w, cells);
    }
    out
}

/// How many rows the help has at the current size.
pub fn line_count(cells: u16) -> usize {
    lines(cells).len()
}

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let area = help_area(area).intersection(buf.area);
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    let all = lines(inner(area).width);
    let title = if all.len() > usize::from(inner(area).height) {
        TITLE_SCROLL
    } else {
        TITLE
    };
    let inner_area = boxed(area, buf, title, true);
    if inner_area.is_empty() {
        return;
    }
    let height = usize::from(inner_area.height);
    let scroll = state.help_scroll.min(all.len().saturating_sub(height));
    for (n, line) in all.iter().skip(scroll).take(height).enumerate() {
        put_line(buf, inner_area, inner_area.y + n as u16, line);
    }
}
