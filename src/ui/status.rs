//! The status bar: where you are (story, focused pane, position 3/12) and the
//! most useful keys for this screen, named from the key map; or a one-off note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::keymap::first_key;
use crate::app::state::{pane_len, Screen, State};
use crate::app::Action;

use super::list::{fit, put_line, styled};
use super::text::{clip, width};
use super::theme;

fn k(pred: impl Fn(&Action) -> bool) -> String {
    first_key(pred).unwrap_or_default()
}

/// The key hints for the current screen, most useful first.
pub fn hints(state: &State) -> String {
    let help = format!("{} help", k(|a| matches!(a, Action::ToggleHelp)));
    let quit = format!("{} quit", k(|a| matches!(a, Action::Quit)));
    let open = k(|a| matches!(a, Action::Open));
    let back = k(|a| matches!(a, Action::Back));
    let esc = k(|a| matches!(a, Action::Close));
    let mut h: Vec<String> = match state.screen {
        Screen::Library => {
            let mut h = vec![
                format!("{open} open"),
                format!("{} sort", k(|a| matches!(a, Action::CycleSort))),
            ];
            if state.has_problems() {
                h.push(format!(
                    "{} problems",
                    k(|a| matches!(a, Action::ToggleProblems))
                ));
            }
            h
        }
        Screen::Problems => vec![format!("{esc} back"), format!("{open} open the story")],
        Screen::Empty => vec![format!(
            "{} problems",
            k(|a| matches!(a, Action::ToggleProblems))
        )],
        Screen::Story => match &state.view {
            Some(v) if v.focus_detail => vec![
                format!("{open} follow"),
                format!("{back} back"),
                format!("{esc} close"),
            ],
            _ => vec![
                format!("{} pane", k(|a| matches!(a, Action::NextPane))),
                format!("{open} open"),
                format!("{back} back"),
                format!("{} summary", k(|a| matches!(a, Action::ToggleSummary))),
            ],
        },
    };
    h.push(help);
    h.push(quit);
    h.join("  ")
}

/// Where you are: "Quotes 3/12 · Story title".
pub fn position(state: &State) -> String {
    match state.screen {
        Screen::Library => format!(
            "Library {}/{}",
            state.library.selected + 1,
            state.library_len()
        ),
        Screen::Problems => {
            let n = state.corpus.diagnostics.len();
            format!(
                "Problems {}/{n}",
                if n == 0 {
                    0
                } else {
                    state.problems.selected + 1
                }
            )
        }
        Screen::Empty => "No stories".to_string(),
        Screen::Story => {
            let (Some(view), Some(story)) = (state.view.as_ref(), state.current_story()) else {
                return String::new();
            };
            let len = pane_len(story, view.pane);
            let pos = if len == 0 {
                "0/0".to_string()
            } else {
                format!("{}/{len}", view.selected() + 1)
            };
            let focus = if view.focus_detail {
                format!("Detail of {} {pos}", view.pane.title())
            } else {
                format!("{} {pos}", view.pane.title())
            };
            format!("{focus} · {}", clip(&story.title, 32))
        }
    }
}

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme::status());
    let left = format!(" {} ", position(state));
    let (right, right_style) = match &state.message {
        Some(m) => (
            format!(" {} ", clip(m, usize::from(area.width))),
            theme::status().patch(theme::message()),
        ),
        None => (format!(" {} ", hints(state)), theme::status()),
    };
    let total = usize::from(area.width);
    let (lw, rw) = (width(&left), width(&right));
    let line = if lw + rw <= total {
        fit(
            vec![
                styled(left, theme::status().patch(theme::bold())),
                Span::raw(" ".repeat(total - lw - rw)),
                styled(right, right_style),
            ],
            area.width,
        )
    } else {
        // Not enough room: the hints keep at least half, the position what is left.
        let lw = total.saturating_sub(rw).max(total / 2).min(lw);
        let left = super::text::truncate(&left, lw, false).into_owned();
        fit(
            vec![
                styled(left, theme::status().patch(theme::bold())),
                styled(right, right_style),
            ],
            area.width,
        )
    };
    put_line(buf, area, area.y, &line.style(theme::status()));
}
