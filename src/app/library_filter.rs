//! The library's filter: `f` on the library narrows the stories to those whose
//! row text (title, id, date as the row shows it, tags: see
//! [`crate::view::rows::filter_text`]) matches every word typed, by the pane
//! filter's rules and with its query line ([`RowFilter`]). The stories keep the
//! library's sort, `u` (unreviewed only) applies with it, and stories loaded
//! later (a batch, a reload) are filtered as they come. Esc clears it.
//!
//! The narrowing is done where the library's order is made
//! ([`State::sort_library`] calls [`narrow`]), so the library's selection,
//! movement, clicks and drawing work on the shown rows unchanged. A selected
//! story the filter hides gives way to the nearest one shown after it (before
//! it, at the end); when none is shown, the story is remembered and selected
//! again once the query shows it.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use crate::story::Story;
use crate::view::rows::filter_text;

use super::filter::RowFilter;
use super::line::LineKey;
use super::state::State;

/// The library's filter: the query and the stories it keeps, by corpus index.
#[derive(Debug, Clone)]
pub struct LibraryFilter {
    filter: RowFilter,
    /// The story selected when the filter last showed it: selected again
    /// when an edit of the query shows it again.
    anchor: Option<usize>,
}

impl Deref for LibraryFilter {
    type Target = RowFilter;
    fn deref(&self) -> &RowFilter {
        &self.filter
    }
}

impl DerefMut for LibraryFilter {
    fn deref_mut(&mut self) -> &mut RowFilter {
        &mut self.filter
    }
}

fn texts(stories: &[Arc<Story>]) -> Vec<String> {
    stories.iter().map(|s| filter_text(s)).collect()
}

/// Whether the library's filter line is open.
pub fn typing(state: &State) -> bool {
    state.library.filter.as_ref().is_some_and(|f| f.typing)
}

/// `f` on the library: opens its filter line (again on a filtered library:
/// edits the query).
pub fn start(state: &mut State) {
    match state.library.filter.as_mut() {
        Some(f) => f.typing = true,
        None => {
            state.library.filter = Some(LibraryFilter {
                filter: RowFilter::new(texts(&state.corpus.stories)),
                anchor: None,
            })
        }
    }
}

/// A key of the library's filter line.
pub fn line_key(state: &mut State, key: LineKey) {
    let page = state.page() as isize;
    let len = state.library_len();
    let Some(f) = state.library.filter.as_mut() else {
        return;
    };
    match key {
        LineKey::Up => state.library.list.step(-1, len),
        LineKey::Down => state.library.list.step(1, len),
        LineKey::PageUp => state.library.list.step(-page, len),
        LineKey::PageDown => state.library.list.step(page, len),
        LineKey::Accept => {
            f.typing = false;
            if f.query().trim().is_empty() {
                clear(state);
            }
        }
        LineKey::Cancel => {
            clear(state);
        }
        edit => {
            if f.edit(edit) {
                state.sort_library();
            }
        }
    }
}

/// Clears the library's filter (every story shows again, the selected one
/// kept); true if there was one.
pub fn clear(state: &mut State) -> bool {
    if state.library.filter.take().is_none() {
        return false;
    }
    state.sort_library();
    true
}

/// Stops typing (a click elsewhere): the filter stays, unless nothing is typed.
pub fn stop_typing(state: &mut State) {
    if let Some(f) = state.library.filter.as_mut() {
        f.typing = false;
        if f.query().trim().is_empty() {
            clear(state);
        }
    }
}

/// The corpus was replaced (a reload): every story's text is taken again.
pub fn loaded(state: &mut State) {
    if let Some(f) = state.library.filter.as_mut() {
        f.filter.set_texts(texts(&state.corpus.stories));
        f.anchor = None;
    }
}

/// Whether story `i` is shown: not hidden by `u`, kept by the filter.
fn shown(state: &State, i: usize) -> bool {
    let unreviewed = !state.library.unreviewed_only
        || state
            .corpus
            .stories
            .get(i)
            .is_some_and(|s| super::review::unreviewed(state, s));
    unreviewed && state.library.filter.as_ref().is_none_or(|f| f.keeps(i))
}

/// The stories shown, in the order of `all` (every story, sorted), and the
/// story to select among them: `keep` (the selected one) when it is shown,
/// else the nearest shown after it, else before it (called by
/// [`State::sort_library`]). Stories loaded since the filter last looked are
/// filtered first.
pub fn narrow(
    state: &mut State,
    all: Vec<usize>,
    keep: Option<usize>,
) -> (Vec<usize>, Option<usize>) {
    let stories = &state.corpus.stories;
    if let Some(f) = state.library.filter.as_mut() {
        if f.total() > stories.len() {
            f.filter.set_texts(texts(stories));
        } else if f.total() < stories.len() {
            f.filter
                .extend(stories[f.total()..].iter().map(|s| filter_text(s)));
        }
    }
    let n = state.corpus.stories.len();
    // A query that showed no story leaves none selected: the one selected
    // before it is wanted back.
    let remembered = || {
        let f = state.library.filter.as_ref()?;
        state.library.order.is_empty().then_some(f.anchor)?
    };
    let keep = keep.or_else(remembered).filter(|&k| k < n);
    let chosen = keep.and_then(|k| {
        if shown(state, k) {
            return Some(k);
        }
        let at = all.iter().position(|&s| s == k)?;
        all[at + 1..]
            .iter()
            .chain(all[..at].iter().rev())
            .copied()
            .find(|&s| shown(state, s))
    });
    let order: Vec<usize> = all.into_iter().filter(|&i| shown(state, i)).collect();
    if let Some(f) = state.library.filter.as_mut() {
        // Nothing shown: the story is remembered for when the query shows it.
        f.anchor = chosen.or(keep);
    }
    (order, chosen)
}

/// While the library is filtered: (stories shown, stories there would be
/// without the filter, `u` still applied).
pub fn counts(state: &State) -> Option<(usize, usize)> {
    state.library.filter.as_ref()?;
    let without = if state.library.unreviewed_only {
        state
            .corpus
            .stories
            .iter()
            .filter(|s| super::review::unreviewed(state, s))
            .count()
    } else {
        state.corpus.stories.len()
    };
    Some((state.library.order.len(), without))
}
