//! The status bar: where you are (story, focused pane, position 3/12) and the
//! most useful keys for this screen, named from the key map; or a one-off note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::state::{Screen, State};
use crate::app::Action;
use crate::app::Pane;

use super::list::{fit, put_line, styled};
use crate::view::text::{clip, width};
use crate::view::theme::Theme;

/// The key hints for the current screen, most useful first (the help key
/// always first, so it shows at any width).
pub fn hints(state: &State) -> Vec<String> {
    let k = |pred: fn(&Action) -> bool| state.chrome.keys.first_key(pred).unwrap_or_default();
    let help = format!("{} help", k(|a| matches!(a, Action::ToggleHelp)));
    let quit = format!("{} quit", k(|a| matches!(a, Action::Quit)));
    let open = k(|a| matches!(a, Action::Open));
    let back = k(|a| matches!(a, Action::Back));
    let esc = k(|a| matches!(a, Action::Close));
    let mut h: Vec<String> = match state.nav.screen {
        Screen::Library => {
            let mut h = vec![
                format!("{open} open"),
                format!("{} sort", k(|a| matches!(a, Action::CycleSort))),
                format!("{} search", k(|a| matches!(a, Action::Search))),
                if state.library.filter.is_some() {
                    format!("{esc} all stories")
                } else {
                    format!("{} filter", k(|a| matches!(a, Action::Filter)))
                },
            ];
            if state.has_problems() {
                h.push(format!(
                    "{} problems",
                    k(|a| matches!(a, Action::ToggleProblems))
                ));
            }
            let changed = crate::app::effects::target_story(state)
                .and_then(|s| state.corpus.stories.get(s))
                .is_some_and(|s| state.review.changed(&s.id).is_some());
            if changed {
                // The selected story changed since its review: its changes, first.
                h.insert(
                    1,
                    format!("{} changes", k(|a| matches!(a, Action::Changes))),
                );
            }
            h
        }
        Screen::Problems => vec![format!("{esc} back"), format!("{open} open the story")],
        Screen::Changes => vec![
            format!("{open} show in the story"),
            format!("{back} back"),
            format!(
                "{} mark this version reviewed",
                k(|a| matches!(a, Action::ToggleReviewed))
            ),
        ],
        Screen::Empty => vec![format!(
            "{} problems",
            k(|a| matches!(a, Action::ToggleProblems))
        )],
        Screen::People => vec![format!("{open} show"), format!("{back} back")],
        Screen::Person => vec![
            format!("{open} follow"),
            format!("{back} back"),
            format!("[ ] other people"),
        ],
        Screen::Claim => vec![format!("{open} follow"), format!("{back} back")],
        Screen::Story => match &state.view {
            Some(v) if v.focus_detail => vec![
                format!("{open} follow"),
                format!("{back} back"),
                format!("{esc} close"),
            ],
            // On the claim itself (h in the matrix): no one's timeline to narrow to.
            Some(v) if v.pane == Pane::Claims && v.claim_stop => vec![
                format!("{} pane", k(|a| matches!(a, Action::NextPane))),
                format!("{open} open"),
                format!(
                    "{} the claim across stories",
                    k(|a| matches!(a, Action::Who))
                ),
                format!("{back} back"),
            ],
            Some(v) if matches!(v.pane, Pane::Parties | Pane::Analysts | Pane::Claims) => vec![
                format!("{} pane", k(|a| matches!(a, Action::NextPane))),
                format!("{open} open"),
                format!("{} across stories", k(|a| matches!(a, Action::Who))),
                format!(
                    "{} their timeline",
                    k(|a| matches!(a, Action::NarrowTimeline))
                ),
                format!("{back} back"),
            ],
            _ => vec![
                format!("{} pane", k(|a| matches!(a, Action::NextPane))),
                format!("{open} open"),
                format!("{back} back"),
                format!("{} summary", k(|a| matches!(a, Action::ToggleSummary))),
                format!("{} search", k(|a| matches!(a, Action::Search))),
                format!("{} filter", k(|a| matches!(a, Action::Filter))),
                format!("{} people", k(|a| matches!(a, Action::People))),
            ],
        },
    };
    if state.has_problems() && matches!(state.nav.screen, Screen::Story) {
        let n = state.corpus.diagnostics.len();
        let key = k(|a| matches!(a, Action::ToggleProblems));
        h.insert(
            0,
            format!("⚠ {key} {n} problem{}", if n == 1 { "" } else { "s" }),
        );
    }
    h.insert(0, help);
    h.insert(1, quit);
    h
}

/// "340/1000 files" (files loaded / found), or "looking for files" before any is found.
pub fn progress((done, total): (usize, usize)) -> String {
    if total == 0 {
        "looking for files".to_string()
    } else {
        format!("{done}/{total} files")
    }
}

/// "Loading 340/1000 files", for the status bar.
pub fn loading(p: (usize, usize)) -> String {
    format!("Loading {}", progress(p))
}

/// Where you are: "Quotes 3/12 · Story title", the title cut to `title_cells`.
pub fn position(state: &State, title_cells: usize) -> String {
    match state.nav.screen {
        Screen::Library => format!(
            "Library {}/{}",
            state.library.list.selected + 1,
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
        Screen::Changes => {
            let n = crate::app::review::view_changes(state).len();
            let at = state.review.view.as_ref().map_or(0, |v| v.list.selected);
            format!("Changes {}/{n}", if n == 0 { 0 } else { at + 1 })
        }
        Screen::People => {
            let n = state.corpus.entities.len();
            format!(
                "People {}/{n}",
                if n == 0 {
                    0
                } else {
                    state.people.list.selected + 1
                }
            )
        }
        Screen::Person => {
            let name = state
                .people
                .person
                .and_then(|e| state.corpus.entities.get(e))
                .map_or_else(String::new, |e| clip(&e.name, title_cells.max(8)));
            format!("People › {name}")
        }
        Screen::Claim => {
            let (id, _) = crate::app::claim_view::title(state);
            format!("Claim › {}", clip(&id, title_cells.max(8)))
        }
        Screen::Story => {
            let (Some(view), Some(story)) = (state.view.as_ref(), state.current_story()) else {
                return match &state.loading.pending {
                    Some((id, _)) => format!("Story {}", clip(id, title_cells.max(8))),
                    None => String::new(),
                };
            };
            let len = view.len(story, view.pane);
            let pos = if len == 0 {
                "0/0".to_string()
            } else {
                format!("{}/{len}", view.selected() + 1)
            };
            let title = match (&view.timeline_filter, view.pane) {
                (Some(f), Pane::Timeline) => super::timeline::title(Some(f)),
                _ => view.pane.title().to_string(),
            };
            let focus = if view.focus_detail {
                format!("Detail of {title} {pos}")
            } else {
                format!("{title} {pos}")
            };
            if title_cells < 8 {
                return focus;
            }
            format!("{focus} · {}", clip(&story.title, title_cells))
        }
    }
}

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme.status());
    if let Some(line) = super::search::filter_prompt(theme, state, area.width) {
        put_line(buf, area, area.y, &line);
        return;
    }
    let total = usize::from(area.width);
    let here = position(state, (total / 4).min(40));
    let left = match (state.loading.progress, here.is_empty()) {
        (Some(progress), true) => format!(" {} ", loading(progress)),
        (Some(progress), false) => format!(" {} · {here} ", loading(progress)),
        (None, _) => format!(" {here} "),
    };
    let bold = theme.status().patch(theme.bold());
    // A message replaces the hints; otherwise as many whole hints as fit.
    let (right, right_style) = match &state.chrome.message {
        Some(m) => (
            format!(" {} ", clip(m, total)),
            theme.status().patch(theme.message()),
        ),
        None => {
            let room = total.saturating_sub(width(&left));
            let mut shown = String::new();
            for h in hints(state) {
                let next = if shown.is_empty() {
                    h
                } else {
                    format!("{shown}  {h}")
                };
                if width(&next) + 1 > room {
                    break;
                }
                shown = next;
            }
            (format!("{shown} "), theme.status())
        }
    };
    let (lw, rw) = (width(&left), width(&right));
    let line = if lw + rw <= total {
        fit(
            vec![
                styled(left, bold),
                Span::raw(" ".repeat(total - lw - rw)),
                styled(right, right_style),
            ],
            area.width,
        )
    } else if state.chrome.message.is_some() {
        // The message first: it answers the last key.
        fit(vec![styled(right, right_style)], area.width)
    } else {
        fit(
            vec![styled(left, bold), styled(right, right_style)],
            area.width,
        )
    };
    put_line(buf, area, area.y, &line.style(theme.status()));
}
