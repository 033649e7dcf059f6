//! The help overlay, generated from the key map itself (every binding, its keys
//! as in force, the user's own included, and what it does) plus what the mouse
//! does, so it never drifts from the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::Keymap;
use crate::app::state::State;
use crate::app::Action;
use crate::view::theme::Theme;

use super::list::{boxed, put_line};
use crate::view::layout::{help_area, inner};

/// Every row of the help at a width, for the key map in force.
pub fn lines(theme: &Theme, keys: &Keymap, cells: u16) -> Vec<Line<'static>> {
    crate::view::help::lines(theme, &keys.help_sections(), cells)
}

/// The title of the overlay, from the keys in force: what scrolls it (when it
/// is longer than the screen) and what closes it; a hint whose action has no
/// key is left out (with nothing to close it, what quits).
pub fn title(keys: &Keymap, scrolls: bool) -> String {
    let first = |pred: fn(&Action) -> bool| keys.first_key(pred);
    let either = |a: Option<String>, b: Option<String>, sep: &str| match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}{sep}{b}")),
        (a, b) => a.or(b),
    };
    let mut parts = vec!["Help".to_string()];
    if scrolls {
        let down = first(|a| matches!(a, Action::Down));
        let up = first(|a| matches!(a, Action::Up));
        parts.extend(either(down, up, "/").map(|k| format!("{k} scroll")));
    }
    let close =
        first(|a| matches!(a, Action::Close)).or_else(|| first(|a| matches!(a, Action::Back)));
    let help = first(|a| matches!(a, Action::ToggleHelp));
    match either(close, help, " or ") {
        Some(k) => parts.push(format!("{k} closes")),
        None => parts.extend(keys.hint(|a| matches!(a, Action::Quit), "quits")),
    }
    parts.join(" · ")
}

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let area = help_area(area).intersection(buf.area);
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    let all = lines(theme, &state.chrome.keys, inner(area).width);
    let title = title(
        &state.chrome.keys,
        all.len() > usize::from(inner(area).height),
    );
    let inner_area = boxed(theme, area, buf, &title, true);
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
