//! The status bar: where you are (story, focused pane, position 3/12) and the
//! most useful keys for this screen, named from the key map; or a one-off note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::state::{LibraryRow, Screen, State};
use crate::app::Action;
use crate::app::Pane;

use super::list::{fit, put_line, styled};
use crate::view::text::{clip, width};
use crate::view::theme::Theme;

/// The key hints for the current screen, most useful first (the help key
/// always first, so it shows at any width).
pub fn hints(state: &State) -> Vec<String> {
    let keys = &state.chrome.keys;
    let k = |pred: fn(&Action) -> bool, what: &str| keys.hint(pred, what);
    let open = |what: &str| k(|a| matches!(a, Action::Open), what);
    let back = || k(|a| matches!(a, Action::Back), "back");
    let esc = |what: &str| k(|a| matches!(a, Action::Close), what);
    let problems = || k(|a| matches!(a, Action::ToggleProblems), "problems");
    let h: Vec<Option<String>> = match state.nav.screen {
        Screen::Library => {
            let mut h = vec![
                open("open"),
                k(|a| matches!(a, Action::CycleSort), "sort"),
                k(|a| matches!(a, Action::Search), "search"),
                if state.library.filter.is_some() {
                    esc("all stories")
                } else {
                    k(|a| matches!(a, Action::Filter), "filter")
                },
            ];
            if state.has_problems() {
                h.push(problems());
            }
            let changed = crate::app::effects::target_story(state)
                .and_then(|s| state.corpus.stories.get(s))
                .is_some_and(|s| state.review.changed(&s.id).is_some());
            if changed {
                // The selected story changed since its review: its changes, first.
                h.insert(1, k(|a| matches!(a, Action::Changes), "changes"));
            }
            h
        }
        Screen::Problems => vec![esc("back"), open("open the story")],
        Screen::Changes => vec![
            open("show in the story"),
            back(),
            k(
                |a| matches!(a, Action::ToggleReviewed),
                "mark this version reviewed",
            ),
        ],
        Screen::Empty => vec![problems()],
        Screen::People => {
            let mut h = vec![open("show"), back()];
            if state.people.list_filter.is_some() {
                h.insert(1, esc("all"));
            }
            h
        }
        Screen::Person => {
            let prev = keys.first_key(|a| matches!(a, Action::PrevStory));
            let next = keys.first_key(|a| matches!(a, Action::NextStory));
            let others = match (prev, next) {
                (Some(p), Some(n)) => Some(format!("{p} {n} other people")),
                (Some(k), None) | (None, Some(k)) => Some(format!("{k} other people")),
                (None, None) => None,
            };
            let all = state.people.page_filter.as_ref().map(|_| esc("all"));
            vec![open("follow"), all.flatten(), back(), others]
        }
        Screen::Claim => vec![open("follow"), back()],
        Screen::Story => match &state.view {
            Some(v) if v.header.is_some() => vec![
                k(|a| matches!(a, Action::PageDown), "page down"),
                k(|a| matches!(a, Action::ToggleSummary), "close"),
            ],
            Some(v) if v.focus_detail => vec![open("follow"), back(), esc("close")],
            // On the claim itself (h in the matrix): no one's timeline to narrow to.
            Some(v) if v.pane == Pane::Claims && v.claim_stop => vec![
                k(|a| matches!(a, Action::NextPane), "pane"),
                open("open"),
                k(|a| matches!(a, Action::Who), "the claim across stories"),
                back(),
            ],
            Some(v) if matches!(v.pane, Pane::Parties | Pane::Analysts | Pane::Claims) => vec![
                k(|a| matches!(a, Action::NextPane), "pane"),
                open("open"),
                k(|a| matches!(a, Action::Who), "across stories"),
                k(|a| matches!(a, Action::NarrowTimeline), "their timeline"),
                back(),
            ],
            _ => vec![
                k(|a| matches!(a, Action::NextPane), "pane"),
                open("open"),
                back(),
                k(|a| matches!(a, Action::ToggleSummary), "summary"),
                k(|a| matches!(a, Action::Search), "search"),
                k(|a| matches!(a, Action::Filter), "filter"),
                k(|a| matches!(a, Action::People), "people"),
            ],
        },
    };
    let mut first = vec![
        k(|a| matches!(a, Action::ToggleHelp), "help"),
        k(|a| matches!(a, Action::Quit), "quit"),
    ];
    if state.has_problems() && matches!(state.nav.screen, Screen::Story) {
        let n = state.corpus.diagnostics.len();
        let plural = if n == 1 { "" } else { "s" };
        first.push(
            keys.first_key(|a| matches!(a, Action::ToggleProblems))
                .map(|key| format!("⚠ {key} {n} problem{plural}")),
        );
    }
    first.into_iter().chain(h).flatten().collect()
}

/// The title bar's hint on a cross-story page: `" · Enter follows a → line
/// into its story"`, with the key bound to open (empty when none is).
pub fn follow_hint(state: &State) -> String {
    state
        .chrome
        .keys
        .first_key(|a| matches!(a, Action::Open))
        .map_or(String::new(), |k| {
            format!(" · {k} follows a → line into its story")
        })
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
        // Stories are counted, not the problems row above them.
        Screen::Library => match state.library_row(state.library.list.selected) {
            Some(LibraryRow::Story(_)) => format!(
                "Library {}/{}",
                state.library.list.selected + 1 - usize::from(state.has_problems()),
                state.library.order.len()
            ),
            Some(LibraryRow::Problems) => {
                format!("Library · problems · {} stories", state.library.order.len())
            }
            Some(LibraryRow::Removed(_)) => format!(
                "Library · removed since review · {} stories",
                state.library.order.len()
            ),
            None => format!("Library 0/{}", state.library.order.len()),
        },
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
            let (row, len) = view.counter(story, view.pane);
            let pos = if len == 0 {
                "0/0".to_string()
            } else {
                format!("{}/{len}", row + 1)
            };
            let title = match (&view.timeline_filter, view.pane) {
                (Some(f), Pane::Timeline) => super::timeline::title(Some(f)),
                _ => view.pane.title().to_string(),
            };
            let focus = if let Some(h) = &view.header {
                // The header view: how far down its text is read.
                let lines = h.lines.len().max(1);
                format!("Story header {}/{lines}", (h.cursor + 1).min(lines))
            } else if view.focus_detail {
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
    let left_with = |title_cells: usize| {
        let here = position(state, title_cells);
        match (state.loading.progress, here.is_empty()) {
            (Some(progress), true) => format!(" {} ", loading(progress)),
            (Some(progress), false) => format!(" {} · {here} ", loading(progress)),
            (None, _) => format!(" {here} "),
        }
    };
    // The story title gets the room left of what stands right of it: the message,
    // or the first four hints (then a quarter of the bar at least), less the " · "
    // before the title: at 200 columns, whole.
    let base = width(&left_with(0)) + 3;
    let title_cells = match &state.chrome.message {
        Some(m) => total.saturating_sub(base + width(m) + 2),
        None => {
            let hints = hints(state);
            let first_hints = hints.iter().take(4).cloned().collect::<Vec<_>>().join("  ");
            // The first hint (help) keeps its room at any width.
            let help = hints.first().map_or(0, |h| width(h) + 2);
            total
                .saturating_sub(base + width(&first_hints) + 2)
                .max(total / 4)
                .min(total.saturating_sub(base + help))
        }
    };
    let left = left_with(title_cells);
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
    // Room the hints could not use goes to the title too (the most of it that
    // fits, a cut title being shorter than its cells), two blanks kept before them.
    let fits = total.saturating_sub(width(&right) + 1);
    let slack = fits.saturating_sub(width(&left));
    let left = if slack > 0 && title_cells >= 8 {
        (title_cells..=title_cells + slack)
            .rev()
            .map(left_with)
            .find(|l| width(l) <= fits)
            .unwrap_or(left)
    } else {
        left
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
