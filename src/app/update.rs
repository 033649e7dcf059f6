//! The update: `update(&mut State, Action)` changes the state for one action
//! and hands back the effects it asks for (copy, open, edit, reload, save), for
//! the host to carry out. Pure (no terminal, no I/O), so every behaviour is
//! unit-tested without one; the only code that writes the state.

use ratatui::layout::Position;

use crate::view::layout::{self};

use super::action::{Action, Pane};
use super::effects::{self, Effect};
use super::mouse;
use super::people;
use super::state::{DetailView, LibraryRow, Location, Screen, State, StoryView};
use super::{filter, library_filter, review, search};

/// Applies one action, then makes every selection valid and visible; returns
/// the effects the action asks the host for (none for most).
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize { .. }
        | Action::Loaded(_)
        | Action::Batch(_)
        | Action::LoadingDone
        | Action::Reloaded(_)
        | Action::Restore { .. }
        | Action::Reviewed(_)
        | Action::Review(_)
        | Action::Keys(_)
        | Action::Problems(_)
        | Action::GoTo { .. }
        | Action::SearchResults { .. } => {}
        _ => state.chrome.message = None,
    }
    let mut effect = None;
    match action {
        Action::Quit => state.quit = true,
        Action::Suspend => {}
        Action::Resize { width, height } => state.chrome.size = (width, height),
        Action::Loaded(corpus) => loaded(state, *corpus),
        Action::Batch(b) => batch(state, *b),
        Action::LoadingDone => {
            state.loading.progress = None;
            review::more(state);
        }
        Action::Reloaded(corpus) => {
            state.loading.progress = None;
            let open = state.current_story().map(|s| s.id.to_string());
            // A file broken by a save keeps its last good story on screen.
            let mut corpus = *corpus;
            corpus.keep_last_good(&state.corpus);
            loaded(state, corpus);
            state.chrome.message = Some(effects::reloaded_message(state, open));
        }
        Action::Restore {
            place,
            from_library_only,
        } => {
            if !from_library_only || state.nav.screen == Screen::Library {
                super::place::restore(state, &place);
            }
        }
        Action::GoTo { story, item } => go_to(state, &story, item.as_deref()),
        Action::Message(text) => state.chrome.message = Some(text),
        Action::Reviewed(reviewed) => {
            state.library.reviewed = reviewed;
            review::restart(state);
        }
        Action::Review(answer) => review::answer(state, *answer),
        Action::Keys(keys) => state.chrome.keys = keys,
        Action::Problems(problems) => state.corpus.diagnostics.extend(problems),
        Action::SearchResults {
            generation,
            results,
        } => search::results(state, generation, *results),
        Action::Line(key) => search::line_key(state, key),
        Action::Search => search::open(state),
        Action::ToggleHelp => {
            state.chrome.help = !state.chrome.help;
            state.chrome.help_scroll = 0;
        }
        Action::Click { column, row } => mouse::click(state, Position::new(column, row)),
        Action::Scroll { column, row, down } => {
            mouse::wheel(state, Position::new(column, row), down)
        }
        action if state.chrome.help => help(state, action),
        action if header_key(state, &action) => {}
        Action::NextHit => search::next_hit(state, 1),
        Action::PrevHit => search::next_hit(state, -1),
        Action::Filter => filter::start(state),
        Action::ToggleProblems => toggle_problems(state),
        Action::People => people::toggle(state),
        Action::CycleSort => {
            state.library.sort = state.library.sort.next();
            state.sort_library();
            state.chrome.message =
                Some(format!("Library sorted by {}", state.library.sort.label()));
        }
        Action::Close | Action::Back
            if state.nav.screen == Screen::Story && state.loading.pending.is_some() =>
        {
            // Stop waiting for the story: the library, as far as it is loaded.
            state.loading.pending = None;
            state.nav.screen = Screen::Library;
        }
        Action::Copy => effect = effects::copy(state),
        Action::OpenUrl => effect = effects::open_url(state),
        Action::Edit => effect = effects::edit(state),
        Action::Reload => effect = Some(effects::reload(state)),
        Action::ToggleReviewed => effect = effects::toggle_reviewed(state),
        Action::ToggleUnreviewed => effects::toggle_unreviewed(state),
        Action::Changes => effects::changes(state),
        action => match state.nav.screen {
            Screen::Library => library(state, action),
            Screen::Problems => problems(state, action),
            Screen::Story => story(state, action),
            Screen::People => people::list(state, action),
            Screen::Person => people::person(state, action),
            Screen::Changes => review::key(state, action),
            Screen::Claim => super::claim_view::screen(state, action),
            Screen::Empty => {}
        },
    }
    state.settle();
    let mut out: Vec<Effect> = effect.into_iter().collect();
    out.append(&mut state.review.outbox);
    out
}

/// `--story ID [--item ID]`: opens the story and selects the item; what is not
/// there is said in the status bar.
fn go_to(state: &mut State, story: &str, item: Option<&str>) {
    if let Err(e) = state.open_story_id(story) {
        state.chrome.message = Some(e);
        return;
    }
    if let Some(item) = item {
        if let Err(e) = state.select_item_id(item) {
            state.chrome.message = Some(e);
        }
    }
}

/// A key while the header view (`s`) is open: the moves scroll it; `s`, Esc and
/// Backspace close it; any other key closes it and then does what it does.
/// True when the key was the header view's.
fn header_key(state: &mut State, action: &Action) -> bool {
    if state.nav.screen != Screen::Story {
        return false;
    }
    let page = state.page();
    let Some(view) = state.view.as_mut() else {
        return false;
    };
    let Some(h) = view.header.as_mut() else {
        return false;
    };
    if detail_movement(h, action, page) {
        return true;
    }
    let own = matches!(action, Action::ToggleSummary | Action::Close | Action::Back);
    view.header = None;
    own
}

fn help(state: &mut State, action: Action) {
    let page = usize::from(layout::inner(layout::help_area(state.area())).height)
        .saturating_sub(1)
        .max(1);
    match action {
        Action::Close | Action::Back => state.chrome.help = false,
        Action::Down => state.chrome.help_scroll += 1,
        Action::Up => state.chrome.help_scroll = state.chrome.help_scroll.saturating_sub(1),
        Action::PageDown => state.chrome.help_scroll += page,
        Action::PageUp => state.chrome.help_scroll = state.chrome.help_scroll.saturating_sub(page),
        Action::Top => state.chrome.help_scroll = 0,
        Action::Bottom => state.chrome.help_scroll = usize::MAX,
        _ => {}
    }
}

fn toggle_problems(state: &mut State) {
    if state.nav.screen == Screen::Problems {
        state.nav.screen = state.nav.problems_return;
    } else {
        state.nav.problems_return = state.nav.screen;
        state.nav.screen = Screen::Problems;
    }
}

/// Moves a list selection for a movement action; false for other actions.
pub(crate) fn movement(
    pos: &mut super::state::ListPos,
    action: &Action,
    len: usize,
    page: usize,
) -> bool {
    match action {
        Action::Down => pos.step(1, len),
        Action::Up => pos.step(-1, len),
        Action::PageDown => pos.step(page as isize, len),
        Action::PageUp => pos.step(-(page as isize), len),
        Action::Top => pos.selected = 0,
        Action::Bottom => pos.selected = len.saturating_sub(1),
        _ => return false,
    }
    true
}

/// Moves the cursor of a detail view for a movement action; false for other actions.
pub(crate) fn detail_movement(
    d: &mut super::state::DetailView,
    action: &Action,
    page: usize,
) -> bool {
    match action {
        Action::Down => d.down(1),
        Action::Up => d.up(1),
        Action::PageDown => d.down(page),
        Action::PageUp => d.up(page),
        Action::Top => d.cursor = 0,
        Action::Bottom => d.bottom(),
        _ => return false,
    }
    true
}

pub(super) fn library(state: &mut State, action: Action) {
    let len = state.library_len();
    let page = state.page();
    if movement(&mut state.library.list, &action, len, page) {
        return;
    }
    match action {
        Action::Open => match state.library_row(state.library.list.selected) {
            Some(LibraryRow::Problems) if state.library.filter.is_some() => {
                state.chrome.message = Some(state.chrome.keys.with_hint(
                    "No story matches the filter",
                    |a| matches!(a, Action::Close),
                    "clears it",
                ))
            }
            Some(LibraryRow::Problems) => toggle_problems(state),
            Some(LibraryRow::Story(s)) => state.open_story(s),
            Some(LibraryRow::Removed(i)) => {
                let title = crate::view::text::label(&state.review.removed[i].title, 50);
                state.chrome.message = Some(state.chrome.keys.with_hint(
                    &format!("“{title}” was removed since your review: its file is gone"),
                    |a| matches!(a, Action::ToggleReviewed),
                    "dismisses it",
                ));
            }
            None => {}
        },
        Action::NextStory => state.library.list.step(1, len),
        Action::PrevStory => state.library.list.step(-1, len),
        Action::Close if library_filter::clear(state) => {
            state.chrome.message = Some("Filter cleared: every story".into())
        }
        Action::Close | Action::Back => {
            state.chrome.message = Some(state.chrome.keys.with_hint(
                "This is the library",
                |a| matches!(a, Action::Quit),
                "quits",
            ))
        }
        _ => {}
    }
}

fn problems(state: &mut State, action: Action) {
    let len = state.corpus.diagnostics.len();
    let page = state.page();
    if movement(&mut state.problems, &action, len, page) {
        return;
    }
    match action {
        Action::Close | Action::Back => toggle_problems(state),
        Action::Open => {
            // A warning's story loaded: open it.
            let file = state
                .corpus
                .diagnostics
                .get(state.problems.selected)
                .map(|d| d.file.clone());
            let story = file.and_then(|f| {
                state
                    .corpus
                    .files
                    .iter()
                    .find(|s| s.path == f)
                    .and_then(|s| s.story)
            });
            match story {
                Some(s) => state.open_story(s),
                None => {
                    let edit = state
                        .chrome
                        .keys
                        .hint(|a| matches!(a, Action::Edit), "opens it at the problem; ")
                        .unwrap_or_default();
                    state.chrome.message = Some(format!(
                        "This file did not load: {edit}saved changes load by themselves"
                    ))
                }
            }
        }
        _ => {}
    }
}

/// The story before or after the open one, in library order.
fn adjacent_story(state: &State, current: usize, delta: isize) -> Option<usize> {
    let pos = state.library.order.iter().position(|&s| s == current)?;
    let next = pos.checked_add_signed(delta)?;
    state.library.order.get(next).copied()
}

/// h/l: the previous or next column of the claims matrix.
fn claims_column(state: &mut State, delta: isize) {
    let (Some(view), Some(story)) = (state.view.as_ref(), state.current_story()) else {
        return;
    };
    if view.pane != Pane::Claims {
        let keys = &state.chrome.keys;
        let left = keys.first_key(|a| matches!(a, Action::Left));
        let right = keys.first_key(|a| matches!(a, Action::Right));
        let claims = keys
            .first_key(|a| matches!(a, Action::FocusPane(Pane::Claims)))
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        state.chrome.message = Some(match (left, right) {
            (Some(l), Some(r)) => format!("{l} and {r} move across the claims matrix{claims}"),
            _ => format!("Columns are for the claims matrix{claims}"),
        });
        return;
    }
    let len = crate::view::matrix::columns(story).len();
    if let Some(view) = state.view.as_mut() {
        // The claim itself is the stop before the first party column.
        match (delta < 0, view.claim_stop) {
            (true, false) if view.claim_col.selected == 0 => view.claim_stop = true,
            (false, true) => view.claim_stop = len == 0,
            (_, true) => {}
            _ => view.claim_col.step(delta, len),
        }
    }
}

fn story(state: &mut State, action: Action) {
    match action {
        Action::Who => return people::who(state),
        Action::NarrowTimeline => return people::narrow_timeline(state),
        Action::Left => return claims_column(state, -1),
        Action::Right => return claims_column(state, 1),
        _ => {}
    }
    let page = state.page();
    let has_library = state.has_library();
    let detail_rows = detail_rows(state);
    let Some(view) = state.view.as_mut() else {
        return;
    };
    let current = view.story;
    let story = &state.corpus.stories[current];
    if view.focus_detail {
        if detail_movement(&mut view.detail, &action, page) {
            return;
        }
        if matches!(action, Action::NextLink | Action::PrevLink) {
            let d = &mut view.detail;
            let to = if matches!(action, Action::NextLink) {
                d.next_link()
            } else {
                d.prev_link()
            };
            match to {
                Some(l) => d.cursor = l,
                None => state.chrome.message = Some(no_link(&action)),
            }
            return;
        }
    } else if let Some(f) = view.filters[view.pane.index()].as_mut() {
        let len = f.rows.len();
        if movement(&mut f.pos, &action, len, page) {
            f.sync(&mut view.lists[view.pane.index()].selected);
            return;
        }
    } else {
        let len = view.len(story, view.pane);
        if movement(&mut view.lists[view.pane.index()], &action, len, page) {
            return;
        }
    }
    match action {
        Action::NextPane | Action::PrevPane => {
            // The cycle: the six panes, then the detail.
            let at = if view.focus_detail {
                6
            } else {
                view.pane.index()
            };
            let next = if matches!(action, Action::NextPane) {
                (at + 1) % 7
            } else {
                (at + 6) % 7
            };
            match Pane::from_index(next) {
                Some(p) => {
                    view.pane = p;
                    view.focus_detail = false;
                }
                None => enter_detail(view, detail_rows),
            }
        }
        Action::FocusPane(p) => {
            view.pane = p;
            view.focus_detail = false;
        }
        Action::Open => {
            if !view.focus_detail {
                let filtered_out = view.filters[view.pane.index()]
                    .as_ref()
                    .is_some_and(|f| f.rows.is_empty());
                if filtered_out {
                    state.chrome.message = Some(state.chrome.keys.with_hint(
                        "No row matches the filter",
                        |a| matches!(a, Action::Close),
                        "clears it",
                    ));
                } else if view.len(story, view.pane) == 0 {
                    state.chrome.message = Some(format!("The {} pane is empty", view.pane.title()));
                } else {
                    enter_detail(view, detail_rows);
                }
            } else {
                // On a line that is not a link: the nearest link below it.
                if let Some(l) = view.detail.link_at_or_below() {
                    view.detail.cursor = l;
                }
                match view
                    .detail
                    .link_at_cursor()
                    .and_then(|l| view.detail.doc.links.get(l).copied())
                {
                    Some(target) => {
                        if target.story != current {
                            // Into another story: Backspace comes back to this one as it is.
                            people::push_return(state);
                            state.open_story(target.story);
                        } else {
                            view.history.push(view.location());
                        }
                        let Some(view) = state.view.as_mut() else {
                            return;
                        };
                        view.select_item(target.pane, target.index);
                        view.focus_detail = true;
                        state.settle();
                        if let Some(view) = state.view.as_mut() {
                            view.detail.cursor_to_first_link(detail_rows);
                        }
                    }
                    None => {
                        state.chrome.message =
                            Some("No cross-reference (→ line) at or below this line".into())
                    }
                }
            }
        }
        Action::Back => match view.history.pop() {
            Some(at) => restore(state, at),
            None => {
                if !search::back_to_origin(state) && !people::go_back(state) {
                    close_story_level(state, has_library)
                }
            }
        },
        Action::Close => {
            if filter::clear_focused(view) {
                state.chrome.message = Some("Filter cleared".into());
            } else {
                close_story_level(state, has_library)
            }
        }
        Action::PrevStory | Action::NextStory => {
            let delta = if matches!(action, Action::NextStory) {
                1
            } else {
                -1
            };
            match adjacent_story(state, current, delta) {
                Some(s) => state.open_story(s),
                None => {
                    let which = if delta > 0 { "last" } else { "first" };
                    state.chrome.message = Some(format!("This is the {which} story"));
                }
            }
        }
        Action::ToggleSummary => {
            let mut header = DetailView::default();
            header.set_doc(super::detail::header(story));
            view.header = Some(header);
        }
        Action::ToggleZoom => {
            view.zoom = !view.zoom;
            // The detail is wrapped again for its new width.
            view.detail.width = 0;
        }
        _ => {}
    }
}

/// What `}` or `{` says with no cross-reference that way.
pub(crate) fn no_link(action: &Action) -> String {
    if matches!(action, Action::NextLink) {
        "No cross-reference (→ line) below".into()
    } else {
        "No cross-reference (→ line) above".into()
    }
}

/// Esc on the story screen: out of the detail, else back to the library.
fn close_story_level(state: &mut State, has_library: bool) {
    let Some(view) = state.view.as_mut() else {
        return;
    };
    if view.focus_detail {
        view.focus_detail = false;
    } else if view.timeline_filter.is_some() {
        people::widen_timeline(view);
        state.chrome.message = Some("Timeline: every event".into());
    } else if has_library {
        state.nav.screen = Screen::Library;
        state.nav.returns.clear();
    } else {
        state.chrome.message = Some(state.chrome.keys.with_hint(
            "Nothing to go back to",
            |a| matches!(a, Action::Quit),
            "quits",
        ));
    }
}

pub(crate) fn detail_rows(state: &State) -> usize {
    let (Some(view), Some(story)) = (state.view.as_ref(), state.current_story()) else {
        return 0;
    };
    let areas = view.layout_with(state.area(), story, true);
    usize::from(layout::inner(areas.detail).height)
}

pub(super) fn enter_detail(view: &mut StoryView, rows: usize) {
    view.focus_detail = true;
    if view.detail.cursor == 0 && view.detail.scroll == 0 {
        view.detail.cursor_to_first_link(rows);
    }
}

/// Goes back to a place from the history.
fn restore(state: &mut State, at: Location) {
    if at.story >= state.corpus.stories.len() {
        return;
    }
    if state.view.as_ref().is_none_or(|v| v.story != at.story) {
        state.open_story(at.story);
    }
    let Some(view) = state.view.as_mut() else {
        return;
    };
    view.select_item(at.pane, at.index);
    view.focus_detail = at.focus_detail;
    state.settle();
    if let Some(view) = state.view.as_mut() {
        view.detail.cursor = at.cursor;
        view.detail.scroll = at.scroll;
    }
}

/// More files loaded in the background: the library grows (keeping the selected
/// story), and a story waited for opens as soon as its file is in.
fn batch(state: &mut State, b: super::action::Batch) {
    let keep = match state.library_row(state.library.list.selected) {
        Some(LibraryRow::Story(s)) => Some(s),
        _ => None,
    };
    let before = state.corpus.stories.len();
    state.corpus.usage_problems += b.problems.len();
    state.corpus.diagnostics.extend(b.problems);
    state.corpus.extend(b.results);
    state.loading.progress = (b.done < b.total).then_some((b.done, b.total));
    review::more(state);
    if state.corpus.stories.len() != before {
        state.sort_library();
        // The search index grows by the new stories (`search_session`): the
        // hits shown stay, and the answers to come cover more.
    }
    match keep.and_then(|s| state.library_row_of(s)) {
        Some(row) => state.library.list.selected = row,
        // Nothing chosen yet: the first story (below the problems row, if any).
        None if state.library.list.selected == 0 => {
            state.library.list.selected = usize::from(state.has_problems())
        }
        None => {}
    }
    if let Some((id, item)) = state.loading.pending.clone() {
        let found = state.corpus.stories[before..]
            .iter()
            .position(|s| s.id == id)
            .map(|i| before + i);
        if let Some(i) = found {
            state.loading.pending = None;
            state.open_story(i);
            if let Some(item) = item {
                if let Err(e) = state.select_item_id(&item) {
                    state.chrome.message = Some(e);
                }
            }
        } else if state.loading.progress.is_none() {
            state.loading.pending = None;
            state.nav.screen = Screen::Library;
            let ids: Vec<&str> = state.corpus.stories.iter().map(|s| s.id.as_str()).collect();
            let hint = crate::story::diagnostic::did_you_mean(&id, ids.iter().copied())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            state.chrome.message = Some(format!("no story has the id `{id}`{hint}"));
        }
    }
    if state.loading.progress.is_none() && state.nav.screen == Screen::Library {
        // All in: the screens a finished load opens on (see `State::new`).
        match state.corpus.stories.len() {
            0 => state.nav.screen = Screen::Empty,
            1 if state.chrome.message.is_none() => state.open_story(0),
            _ => {}
        }
    }
}

fn loaded(state: &mut State, corpus: crate::corpus::Corpus) {
    search::loaded(state);
    let open = state.current_story().map(|s| s.id.clone());
    // The selection of each pane by item id, to find it again after an edit
    // moved it (items without an id keep their index).
    let items: Option<[Option<String>; 6]> =
        state.view.as_ref().and_then(|v| {
            let story = state.corpus.stories.get(v.story)?;
            Some(Pane::ALL.map(|p| {
                effects::item_id(story, p, v.lists[p.index()].selected).map(str::to_string)
            }))
        });
    let detail_place = state
        .view
        .as_ref()
        .map(|v| (v.detail.cursor, v.detail.scroll));
    let selected = match state.library_row(state.library.list.selected) {
        Some(LibraryRow::Story(s)) => state.corpus.stories.get(s).map(|s| s.id.clone()),
        _ => None,
    };
    let was_empty = state.corpus.stories.is_empty();
    let person = state
        .people
        .person
        .and_then(|e| state.corpus.entities.get(e))
        .map(|e| e.id.to_string());
    let claim_story = state
        .claim
        .claim
        .as_ref()
        .and_then(|(_, s)| state.corpus.stories.get(*s))
        .map(|s| s.id.to_string());
    state.corpus = corpus;
    review::restart(state);
    library_filter::loaded(state);
    people::loaded(state, person);
    super::claim_view::loaded(state, claim_story);
    state.sort_library();
    let index_of = |id: &Option<crate::story::Str>, st: &State| {
        id.as_ref()
            .and_then(|id| st.corpus.stories.iter().position(|s| s.id == *id))
    };
    if let Some(view) = state.view.as_mut() {
        // Counted again for the story as it is now.
        view.analyst_quotes.clear();
    }
    match (index_of(&open, state), state.view.as_mut()) {
        (Some(i), Some(view)) => {
            if view.story != i {
                *view = StoryView {
                    story: i,
                    ..view.clone()
                };
                view.history.clear();
            }
            let story = &state.corpus.stories[i];
            for (p, id) in Pane::ALL.into_iter().zip(items.into_iter().flatten()) {
                if let Some(at) = id.and_then(|id| effects::item_index(story, p, &id)) {
                    view.lists[p.index()].selected = at;
                }
            }
            // The text may have changed: build the detail again, in its place.
            view.detail.key = None;
            if let Some(h) = view.header.as_mut() {
                let (cursor, scroll) = (h.cursor, h.scroll);
                h.set_doc(super::detail::header(story));
                (h.cursor, h.scroll) = (cursor, scroll);
            }
        }
        _ => state.view = None,
    }
    if let Some(row) = index_of(&selected, state).and_then(|s| state.library_row_of(s)) {
        state.library.list.selected = row;
    }
    if state.view.is_none() && state.nav.screen == Screen::Story {
        state.nav.screen = Screen::Library;
    }
    if was_empty && state.nav.screen == Screen::Empty {
        match state.corpus.stories.len() {
            0 => {}
            1 => state.open_story(0),
            _ => state.nav.screen = Screen::Library,
        }
    }
    if state.nav.screen == Screen::Library && !state.has_library() {
        match state.corpus.stories.len() {
            1 => state.open_story(0),
            _ => state.nav.screen = Screen::Empty,
        }
    }
    if let (Some((cursor, scroll)), Some(_)) = (detail_place, state.view.as_ref()) {
        state.settle();
        if let Some(view) = state.view.as_mut() {
            view.detail.cursor = cursor;
            view.detail.scroll = scroll;
        }
    }
}
