//! The mouse: a click focuses and selects what is under the pointer, the wheel
//! scrolls what is under it. Pure, like the rest of the update: from the state
//! and the point to the new state, through the same geometry the drawing uses.

use ratatui::layout::{Position, Rect};

use crate::story::Story;
use crate::view::layout::{self, visible_offset, SizeClass, Tab};
use crate::view::{claims, matrix};

use super::action::Action;
use super::action::Pane;
use super::library_filter;
use super::people;
use super::state::{Screen, State, StoryView};
use super::update::{detail_rows, enter_detail, library};
use super::{filter, search};

/// Rows the mouse wheel moves per notch.
const WHEEL: usize = 3;

/// The row of a list under the pointer: `None` outside the rows.
fn row_at(inner: Rect, offset: usize, at: Position) -> Option<usize> {
    inner
        .contains(at)
        .then(|| offset + usize::from(at.y - inner.y))
}

pub(super) fn click(state: &mut State, at: Position) {
    let area = state.area();
    if state.search.open {
        search::click(state, at);
        return;
    }
    if let Some(view) = state.view.as_mut() {
        filter::stop_typing(view);
    }
    library_filter::stop_typing(state);
    if state.chrome.help {
        if !layout::help_area(area).contains(at) {
            state.chrome.help = false;
        }
        return;
    }
    match state.nav.screen {
        Screen::Library => {
            let list = layout::inner(layout::list_areas(area).list);
            // The first row of the list is the column header.
            let rows = Rect {
                y: list.y.saturating_add(1),
                height: list.height.saturating_sub(1),
                ..list
            };
            if let Some(row) =
                row_at(rows, state.library.list.offset, at).filter(|&r| r < state.library_len())
            {
                if row == state.library.list.selected {
                    library(state, Action::Open);
                } else {
                    state.library.list.selected = row;
                }
            }
        }
        Screen::Problems => {
            let list = layout::inner(layout::list_areas(area).list);
            if let Some(row) = row_at(list, state.problems.offset, at) {
                if row < state.corpus.diagnostics.len() {
                    state.problems.selected = row;
                }
            }
        }
        Screen::Story => click_story(state, at),
        Screen::People | Screen::Person | Screen::Claim => people::click(state, at),
        Screen::Changes => {
            let list = layout::inner(layout::list_areas(area).list);
            let len = super::review::view_changes(state).len();
            if let Some(v) = state.review.view.as_mut() {
                if let Some(row) = row_at(list, v.list.offset, at) {
                    if row < len {
                        v.list.selected = row;
                    }
                }
            }
        }
        Screen::Empty => {}
    }
}

fn click_story(state: &mut State, at: Position) {
    let (Some(view), Some(story)) = (state.view.as_ref(), state.current_story()) else {
        return;
    };
    let areas = state.story_areas(story, view);
    let lens = Pane::ALL.map(|p| view.len(story, p));
    let claims_inner = layout::inner(areas.panes[Pane::Claims.index()]);
    let claims_hit = claims_hit(story, view, claims_inner, at);
    let Some(view) = state.view.as_mut() else {
        return;
    };
    if let Some(h) = view.header.as_mut() {
        // The header view: a click puts its cursor on the line under the pointer.
        if let Some(line) =
            row_at(layout::inner(areas.detail), h.scroll, at).filter(|&l| l < h.lines.len())
        {
            h.cursor = h.stop_start(line);
        }
        return;
    }
    if areas.class == SizeClass::Small && areas.tabs.contains(at) {
        let active = if view.focus_detail {
            Tab::Detail
        } else {
            Tab::Pane(view.pane)
        };
        let (tabs, _, _) = layout::tab_positions(areas.tabs.width, active);
        let x = at.x - areas.tabs.x;
        if let Some((tab, _, _)) = tabs.into_iter().find(|(_, tx, w)| x >= *tx && x < tx + w) {
            match tab {
                Tab::Pane(p) => {
                    view.pane = p;
                    view.focus_detail = false;
                }
                Tab::Detail => view.focus_detail = true,
            }
        }
        return;
    }
    for p in Pane::ALL {
        let rect = areas.panes[p.index()];
        if !rect.contains(at) {
            continue;
        }
        let was_focused = view.pane == p && !view.focus_detail;
        view.pane = p;
        view.focus_detail = false;
        if p == Pane::Claims {
            // The matrix: a header row above the claims, a column under the pointer.
            let Some((row, col)) = claims_hit else {
                return;
            };
            if let Some(col) = col {
                view.claim_col.selected = col;
                view.claim_stop = false;
            }
            let pos = &mut view.lists[p.index()];
            match row {
                Some(row) if was_focused && row == pos.selected && col.is_none() => {
                    let rows = detail_rows(state);
                    if let Some(view) = state.view.as_mut() {
                        enter_detail(view, rows);
                    }
                }
                Some(row) => pos.selected = row,
                None => {}
            }
            return;
        }
        let item = row_at(layout::inner(rect), filter::offset(view, p), at)
            .and_then(|r| filter::row_item(view, p, r, lens[p.index()]));
        let pos = &mut view.lists[p.index()];
        if let Some(row) = item {
            if was_focused && row == pos.selected {
                let rows = detail_rows(state);
                if let Some(view) = state.view.as_mut() {
                    enter_detail(view, rows);
                }
            } else {
                pos.selected = row;
            }
        }
        return;
    }
    if areas.detail.contains(at) {
        view.focus_detail = true;
        let d = &mut view.detail;
        if let Some(line) =
            row_at(layout::inner(areas.detail), d.scroll, at).filter(|&l| l < d.lines.len())
        {
            d.cursor = d.stop_start(line);
        }
    }
}

pub(super) fn wheel(state: &mut State, at: Position, down: bool) {
    let delta = if down {
        WHEEL as isize
    } else {
        -(WHEEL as isize)
    };
    if state.chrome.help {
        state.chrome.help_scroll = state.chrome.help_scroll.saturating_add_signed(delta);
        return;
    }
    if state.search.open {
        search::wheel(state, down, WHEEL);
        return;
    }
    match state.nav.screen {
        Screen::Library => {
            let len = state.library_len();
            state.library.list.step(delta, len);
        }
        Screen::Problems => {
            let len = state.corpus.diagnostics.len();
            state.problems.step(delta, len);
        }
        Screen::People | Screen::Person | Screen::Claim => people::wheel(state, delta),
        Screen::Changes => {
            let len = super::review::view_changes(state).len();
            if let Some(v) = state.review.view.as_mut() {
                v.list.step(delta, len);
            }
        }
        Screen::Story => {
            let (Some(view), Some(story)) = (state.view.as_ref(), state.current_story()) else {
                return;
            };
            // What is under the pointer scrolls; a selection moves only to
            // stay in view.
            let areas = state.story_areas(story, view);
            let lens = Pane::ALL.map(|p| view.len(story, p));
            let (rows, _, _) = state.pane_rows().unwrap_or(([0; 6], 0, SizeClass::Small));
            let detail_rows = usize::from(layout::inner(areas.detail).height);
            let Some(view) = state.view.as_mut() else {
                return;
            };
            if let Some(h) = view.header.as_mut() {
                if areas.detail.contains(at) {
                    h.scroll_by(delta, detail_rows);
                }
                return;
            }
            if let Some(p) = Pane::ALL
                .into_iter()
                .find(|p| areas.panes[p.index()].contains(at))
            {
                filter::scroll(view, p, delta, lens[p.index()], rows[p.index()]);
            } else if areas.detail.contains(at) {
                view.detail.scroll_by(delta, detail_rows);
            }
        }
        Screen::Empty => {}
    }
}

/// The claim and column under a point of the pane's inside `inner`: (row,
/// column), either absent when the point is not on one; `None` outside.
fn claims_hit(
    story: &Story,
    view: &StoryView,
    inner: Rect,
    at: Position,
) -> Option<(Option<usize>, Option<usize>)> {
    if !inner.contains(at) || inner.width < 3 {
        return None;
    }
    let p = claims::parts(inner);
    let columns = matrix::columns(story).len();
    let g = claims::geometry(story, columns, usize::from(inner.width) - 2);
    let first = visible_offset(
        view.claim_col.offset,
        view.claim_col.selected,
        g.shown,
        columns,
    );
    let x = usize::from(at.x - inner.x).saturating_sub(2);
    let col = (0..g.shown.min(columns - first.min(columns)))
        .find(|&n| x >= g.cell_x(n) && x < g.cell_x(n) + claims::CELL)
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
