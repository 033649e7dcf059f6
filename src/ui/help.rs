//! The help overlay, generated from the key map itself (every binding, its keys
//! as in force, the user's own included, and what it does) plus what the mouse
//! does, so it never drifts from the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::Keymap;
use crate::app::state::State;
use crate::view::theme::Theme;

use super::list::{boxed, put_line};
use crate::view::layout::{help_area, inner};

/// Every row of the help at a width, for the key map in force.
pub fn lines(theme: &Theme, keys: &Keymap, cells: u16) -> Vec<Line<'static>> {
    crate::view::help::lines(theme, &keys.help_sections(), cells)
}

/// The title of the overlay.
pub const TITLE: &str = "Help · Esc or ? closes";
/// The title when the help is longer than the screen.
pub const TITLE_SCROLL: &str = "Help · j/k scroll · Esc or ? closes";

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let area = help_area(area).intersection(buf.area);
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    let all = lines(theme, &state.chrome.keys, inner(area).width);
    let title = if all.len() > usize::from(inner(area).height) {
        TITLE_SCROLL
    } else {
        TITLE
    };
    let inner_area = boxed(theme, area, buf, title, true);
    if inner_area.is_empty() {
        return;
    }
    let height = usize::from(inner_area.height);
    let scroll = state
        .chrome
        .help_scroll
        .min(all.len().saturating_sub(height));
    for (n, line) in all.iter().skip(scroll).take(height).enumerate() {
        put_line(buf, inner_area, inner_area.y + n as u16, line);
    }
}
