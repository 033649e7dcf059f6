//! Drawing: `draw(&State, &mut Frame)` paints the whole screen from the state.
//! One module per pane or overlay; `layout` says where each goes, `theme` how it
//! looks, `text` measures and wraps. Nothing here changes the state.
//!
//! Every string from a story, a file name or a diagnostic goes through
//! [`crate::sanitize`] before it reaches the buffer.

pub mod analysts;
pub mod changes;
pub mod claim;
pub mod claims;
pub mod detail;
pub mod header;
pub mod help;
pub mod library;
pub mod list;
pub mod parties;
pub mod people;
pub mod problems;
pub mod quotes;
pub mod search;
pub mod sources;
pub mod status;
pub mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::keymap::Keymap;
use crate::app::state::{Screen, State, StoryView};
use crate::app::Pane;
use crate::story::Story;

use crate::view::layout::{self, Tab};
use crate::view::theme::Theme;
use list::{dim, put_line, styled};

/// The title of the header view (`s`).
pub const HEADER_TITLE: &str = "Story";

/// Paints the whole frame.
pub fn draw(state: &State, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    render(state, theme, area, frame.buffer_mut());
    if let Some(at) = search::cursor(theme, state, area) {
        frame.set_cursor_position(at);
    }
}

/// Paints the state into any buffer area (tests render into plain buffers).
pub fn render(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    match state.nav.screen {
        Screen::Library => library::render(theme, state, area, buf),
        Screen::Problems => problems::render(theme, state, area, buf),
        Screen::Empty => library::render_empty(theme, state, area, buf),
        Screen::People => people::render_list(theme, state, area, buf),
        Screen::Person => people::render_person(theme, state, area, buf),
        Screen::Changes => changes::render(theme, state, area, buf),
        Screen::Claim => claim::render(theme, state, area, buf),
        Screen::Story => match (state.view.as_ref(), state.current_story()) {
            (Some(view), Some(story)) => render_story(theme, state, story, view, area, buf),
            _ if state.loading.pending.is_some() => {
                library::render_waiting(theme, state, area, buf)
            }
            _ => library::render_empty(theme, state, area, buf),
        },
    }
    if state.search.open {
        search::render(theme, state, area, buf);
    }
    if state.chrome.help {
        help::render(theme, state, area, buf);
    }
}

/// Draws one list pane of a story.
pub fn render_pane(
    theme: &Theme,
    story: &Story,
    view: &StoryView,
    pane: Pane,
    keys: &Keymap,
    area: Rect,
    buf: &mut Buffer,
) {
    let pos = view.lists[pane.index()];
    let focused = view.pane == pane && !view.focus_detail;
    if let Some(f) = &view.filters[pane.index()] {
        search::render_filtered(theme, story, pane, f, keys, area, buf, focused);
        return;
    }
    match pane {
        Pane::Timeline => timeline::render(
            theme,
            story,
            view.timeline_filter.as_ref(),
            area,
            buf,
            pos,
            focused,
        ),
        Pane::Parties => parties::render(theme, story, area, buf, pos, focused),
        Pane::Analysts => {
            analysts::render(theme, story, &view.analyst_quotes, area, buf, pos, focused)
        }
        Pane::Quotes => quotes::render(theme, story, area, buf, pos, focused),
        Pane::Claims => claims::render(theme, story, view, area, buf, focused),
        Pane::Sources => sources::render(theme, story, area, buf, pos, focused),
    }
}

fn render_story(
    theme: &Theme,
    state: &State,
    story: &Story,
    view: &StoryView,
    area: Rect,
    buf: &mut Buffer,
) {
    let areas = view.layout(area, story);
    header::render(theme, story, areas.header, buf);
    if let Some(problem) = state.corpus.is_stale(view.story) {
        stale_banner(theme, state, problem, areas.header, buf);
    }
    if !areas.tabs.is_empty() {
        let active = if view.focus_detail {
            Tab::Detail
        } else {
            Tab::Pane(view.pane)
        };
        render_tabs(theme, areas.tabs, buf, active);
    }
    for p in Pane::ALL {
        let rect = areas.panes[p.index()];
        if !rect.is_empty() {
            render_pane(theme, story, view, p, &state.chrome.keys, rect, buf);
        }
    }
    match &view.header {
        Some(h) => detail::render_titled(theme, h, areas.detail, buf, true, HEADER_TITLE),
        None if !areas.detail.is_empty() => {
            detail::render(theme, &view.detail, areas.detail, buf, view.focus_detail)
        }
        None => {}
    }
    status::render(theme, state, areas.status, buf);
}

/// The first row of the header, when the story shown is the last good version
/// of a file that fails now: what is wrong, where, and the key that lists it.
fn stale_banner(
    theme: &Theme,
    state: &State,
    problem: &crate::story::Diagnostic,
    header: Rect,
    buf: &mut Buffer,
) {
    let header = header.intersection(buf.area);
    if header.is_empty() {
        return;
    }
    let file = problem.file.file_name().map_or_else(
        || problem.file.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let place = match problem.location {
        Some(l) => format!("{file}:{}:{}", l.line, l.column),
        None => file,
    };
    let see = state
        .chrome
        .keys
        .hint(
            |a| matches!(a, crate::app::Action::ToggleProblems),
            "shows it",
        )
        .map(|h| format!(" · {h}"))
        .unwrap_or_default();
    let text = format!(
        "⚠ Last good version shown{see} · {place}: {}",
        problem.message_with_path()
    );
    let text = crate::sanitize::sanitize_line(&text).into_owned();
    let row = Rect {
        height: 1,
        ..header
    };
    buf.set_style(row, theme.warning());
    list::put_line(
        buf,
        row,
        row.y,
        &list::fit(
            vec![ratatui::text::Span::styled(text, theme.warning())],
            row.width,
        ),
    );
}

/// The tab row of the small layout: the active tab reversed, `‹ ›` when tabs
/// are hidden on either side.
pub fn render_tabs(theme: &Theme, area: Rect, buf: &mut Buffer, active: Tab) {
    let (tabs, left, right) = layout::tab_positions(area.width, active);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut x = 0u16;
    if left {
        spans.push(dim(theme, "‹"));
        x = 1;
    }
    for (tab, tx, w) in tabs {
        if tx > x {
            spans.push(Span::raw(" ".repeat(usize::from(tx - x))));
        }
        let label = format!(" {} ", tab.title());
        let style = if tab == active {
            theme.selected(true)
        } else {
            theme.dim()
        };
        spans.push(styled(label, style));
        x = tx + w;
    }
    if right && x < area.width {
        spans.push(Span::raw(" ".repeat(usize::from(area.width - x - 1))));
        spans.push(dim(theme, "›"));
    }
    put_line(buf, area, area.y, &Line::from(spans));
}
