//! The pane filter: `f` narrows the focused list pane, in place, to the rows
//! whose text (as the row shows it) matches every word typed ([`Filter`]: case
//! and accents ignored, each word found as a word, a word's start, or the
//! initials of consecutive words; never scattered inside a word); the rows keep
//! their order. Distinct from the search: one pane, nothing ranked, nothing
//! leaves the pane. Esc clears it.
//!
//! The filter keeps its own list position among the rows that match; the pane's
//! selection stays an item index, so the detail, the history and the
//! cross-references need not know about filters. A selection made elsewhere (a
//! jump, going back) that the filter hides clears the filter.
//!
//! The query line and the rows it keeps ([`RowFilter`]) are shared with the
//! library's filter ([`super::library_filter`]).

use crate::search::filter::Filter;
use crate::search::fold::fold;
use crate::story::Story;
use crate::view::theme::Theme;

use super::action::Pane;
use super::library_filter;
use super::line::{LineEditor, LineKey};
use super::state::{pane_len, ListPos, Screen, State, StoryView};

/// Cells of row text the filter looks at (rows are cut there, with `…`).
const ROW_CELLS: u16 = 400;

/// A query line over rows of text, and the rows it keeps: what the pane
/// filter and the library's filter ([`super::library_filter`]) share.
#[derive(Debug, Clone, Default)]
pub struct RowFilter {
    pub line: LineEditor,
    /// The query line is open: keys edit it.
    pub typing: bool,
    /// Each row's text as shown, folded once for matching, by row index.
    texts: Vec<String>,
    /// The rows that match, in order.
    pub rows: Vec<usize>,
}

impl RowFilter {
    /// A filter over these row texts with nothing typed yet (every row kept),
    /// its query line open.
    pub fn new(texts: Vec<String>) -> RowFilter {
        RowFilter {
            line: LineEditor::new(),
            typing: true,
            rows: (0..texts.len()).collect(),
            texts: texts.iter().map(|t| fold(t)).collect(),
        }
    }

    /// The query typed.
    pub fn query(&self) -> &str {
        self.line.text()
    }

    /// How many rows there are without the filter.
    pub fn total(&self) -> usize {
        self.texts.len()
    }

    /// Whether row `i` matches.
    pub fn keeps(&self, i: usize) -> bool {
        self.rows.binary_search(&i).is_ok()
    }

    /// Filters again for the query on the line.
    pub fn refilter(&mut self) {
        self.rows.clear();
        self.filter_from(0);
    }

    /// Adds rows after the others (stories loaded later), kept or not by the
    /// query on the line.
    pub fn extend(&mut self, texts: impl IntoIterator<Item = String>) {
        let first = self.texts.len();
        self.texts.extend(texts.into_iter().map(|t| fold(&t)));
        self.filter_from(first);
    }

    /// Replaces every row (the stories were loaded again).
    pub fn set_texts(&mut self, texts: Vec<String>) {
        self.texts = texts.iter().map(|t| fold(t)).collect();
        self.refilter();
    }

    /// Appends the matching rows from `first` on to `rows`.
    fn filter_from(&mut self, first: usize) {
        let filter = Filter::new(self.line.text());
        let texts = &self.texts;
        self.rows.extend(
            (first..texts.len()).filter(|&i| filter.is_empty() || filter.keeps_folded(&texts[i])),
        );
    }

    /// An editing key of the query line; true when the rows kept changed
    /// (the text did).
    pub fn edit(&mut self, key: LineKey) -> bool {
        let changed = self.line.apply(key);
        if changed {
            self.refilter();
        }
        changed
    }
}

/// The filter of one pane: a [`RowFilter`] over the pane's rows (by item
/// index) with its own list position among the rows that match.
#[derive(Debug, Clone)]
pub struct PaneFilter {
    filter: RowFilter,
    /// The selection and the first row shown, among `rows`.
    pub pos: ListPos,
}

impl std::ops::Deref for PaneFilter {
    type Target = RowFilter;
    fn deref(&self) -> &RowFilter {
        &self.filter
    }
}

impl std::ops::DerefMut for PaneFilter {
    fn deref_mut(&mut self) -> &mut RowFilter {
        &mut self.filter
    }
}

impl PaneFilter {
    /// A filter over these row texts with nothing typed yet: every row.
    pub fn over(texts: Vec<String>) -> PaneFilter {
        PaneFilter {
            filter: RowFilter::new(texts),
            pos: ListPos::default(),
        }
    }

    /// A filter of `pane` with nothing typed yet: every row.
    pub fn new(story: &Story, pane: Pane) -> PaneFilter {
        let date_w = crate::view::rows::date_width(story);
        let texts: Vec<String> = (0..pane_len(story, pane))
            .map(|i| {
                let line = crate::view::rows::pane_row(
                    &Theme::default(),
                    story,
                    pane,
                    i,
                    ROW_CELLS,
                    date_w,
                );
                line.spans.iter().map(|s| s.content.as_ref()).collect()
            })
            .collect();
        PaneFilter {
            filter: RowFilter::new(texts),
            pos: ListPos::default(),
        }
    }

    /// Filters again for an edited query; `selected` (the pane's item) stays
    /// if it still matches, else moves to the nearest row that does.
    fn edit_keeping(&mut self, key: LineKey, selected: &mut usize) {
        if !self.filter.edit(key) {
            return;
        }
        let rows = &self.filter.rows;
        let at = match rows.binary_search(selected) {
            Ok(k) => k,
            Err(k) => k.min(rows.len().saturating_sub(1)),
        };
        self.pos.selected = at;
        if let Some(&item) = rows.get(at) {
            *selected = item;
        }
    }

    /// Puts the pane's selection on the filter's selected row.
    pub fn sync(&self, selected: &mut usize) {
        if let Some(&item) = self.filter.rows.get(self.pos.selected) {
            *selected = item;
        }
    }

    /// Steps the filter's selection by `delta` among the rows that match.
    pub fn step(&mut self, delta: isize) {
        self.pos.step(delta, self.filter.rows.len());
    }
}

/// Whether a filter is being typed: the focused pane's, or the library's.
pub fn typing(state: &State) -> bool {
    match state.nav.screen {
        Screen::Story => state.view.as_ref().is_some_and(|v| {
            !v.focus_detail && v.filters[v.pane.index()].as_ref().is_some_and(|f| f.typing)
        }),
        Screen::Library => library_filter::typing(state),
        Screen::People | Screen::Person => super::people_filter::typing(state),
        _ => false,
    }
}

/// `f`: opens the filter line of the focused pane (the one the detail shows
/// when the detail has the focus), or of the library; again on a filtered
/// pane or library, edits its filter.
pub fn start(state: &mut State) {
    match state.nav.screen {
        Screen::Story => {}
        Screen::Library => return library_filter::start(state),
        Screen::People | Screen::Person => return super::people_filter::start(state),
        _ => {
            state.chrome.message =
                Some("f filters the library, or the rows of a story's pane".into());
            return;
        }
    }
    let Some(view) = state.view.as_mut() else {
        return;
    };
    let Some(story) = state.corpus.stories.get(view.story) else {
        return;
    };
    view.focus_detail = false;
    if view.pane == Pane::Timeline && view.timeline_filter.is_some() {
        // One narrowing at a time: `f` replaces `t`, keeping the selected event.
        let item = view.selected_item();
        view.timeline_filter = None;
        view.lists[Pane::Timeline.index()].selected = item;
    }
    let p = view.pane.index();
    match view.filters[p].as_mut() {
        Some(f) => f.typing = true,
        None => {
            let mut f = PaneFilter::new(story, view.pane);
            f.pos.selected = view.lists[p].selected;
            view.filters[p] = Some(f);
        }
    }
}

/// A key of the filter line being typed: the library's, or the focused pane's.
pub fn line_key(state: &mut State, key: LineKey) {
    match state.nav.screen {
        Screen::Library => return library_filter::line_key(state, key),
        Screen::People | Screen::Person => return super::people_filter::line_key(state, key),
        _ => {}
    }
    let page = state.page();
    let Some(view) = state.view.as_mut() else {
        return;
    };
    let p = view.pane.index();
    row_line_key(&mut view.filters[p], &mut view.lists[p].selected, key, page);
}

/// A key of the line of a filter kept in `slot` over a list whose selected
/// item is `selected` (a pane's, the People list's): moves among the rows it
/// keeps, edits the query, keeps it (Enter) or clears it (Esc, or Enter on
/// nothing typed).
pub(crate) fn row_line_key(
    slot: &mut Option<PaneFilter>,
    selected: &mut usize,
    key: LineKey,
    page: usize,
) {
    let Some(f) = slot.as_mut() else {
        return;
    };
    let len = f.rows.len();
    match key {
        LineKey::Up => f.pos.step(-1, len),
        LineKey::Down => f.pos.step(1, len),
        LineKey::PageUp => f.pos.step(-(page as isize), len),
        LineKey::PageDown => f.pos.step(page as isize, len),
        LineKey::Accept => {
            f.typing = false;
            if f.query().trim().is_empty() {
                *slot = None;
            }
            return;
        }
        LineKey::Cancel => {
            *slot = None;
            return;
        }
        edit => {
            f.edit_keeping(edit, selected);
            return;
        }
    }
    f.sync(selected);
}

/// Clears the filter of the focused pane; true if there was one.
pub fn clear_focused(view: &mut StoryView) -> bool {
    !view.focus_detail && view.filters[view.pane.index()].take().is_some()
}

/// Stops typing in every filter (a click elsewhere); the filters stay, but
/// one with nothing typed goes.
pub fn stop_typing(view: &mut StoryView) {
    for slot in view.filters.iter_mut() {
        if let Some(f) = slot {
            f.typing = false;
            if f.query().trim().is_empty() {
                *slot = None;
            }
        }
    }
}

/// Moves the selection of pane `p` by `delta` rows, through the filter when it
/// has one (the mouse wheel).
pub fn step(view: &mut StoryView, p: Pane, delta: isize, len: usize) {
    let i = p.index();
    match view.filters[i].as_mut() {
        Some(f) => {
            f.step(delta);
            f.sync(&mut view.lists[i].selected);
        }
        None => view.lists[i].step(delta, len),
    }
}

/// Scrolls the rows of pane `p` shown `height` high by `delta` (the mouse
/// wheel), through the filter when it has one; the selection moves only to
/// stay in view.
pub fn scroll(view: &mut StoryView, p: Pane, delta: isize, len: usize, height: usize) {
    let i = p.index();
    match view.filters[i].as_mut() {
        Some(f) => {
            let len = f.rows.len();
            f.pos.scroll(delta, len, height);
            f.sync(&mut view.lists[i].selected);
        }
        None => view.lists[i].scroll(delta, len, height),
    }
}

/// The item shown on row `row` of pane `p` (counting from the first row of the
/// list, filtered or not; `len` is the pane's length).
pub fn row_item(view: &StoryView, p: Pane, row: usize, len: usize) -> Option<usize> {
    match &view.filters[p.index()] {
        Some(f) => f.rows.get(row).copied(),
        None => (row < len).then_some(row),
    }
}

/// The first row shown in pane `p` (in filtered rows when filtered).
pub fn offset(view: &StoryView, p: Pane) -> usize {
    match &view.filters[p.index()] {
        Some(f) => f.pos.offset,
        None => view.lists[p.index()].offset,
    }
}

/// Keeps every filter of the open story in step with its pane (called by
/// [`State::settle`]): a filter whose selection was moved from elsewhere to a
/// hidden row, or whose story changed, goes; the others keep their selected
/// row visible in `heights` rows.
pub fn settle(view: &mut StoryView, story: &Story, heights: [usize; 6]) {
    for p in Pane::ALL {
        let i = p.index();
        let Some(f) = view.filters[i].as_mut() else {
            continue;
        };
        if f.texts.len() != pane_len(story, p) {
            view.filters[i] = None;
            continue;
        }
        if !f.rows.is_empty() {
            match f.rows.binary_search(&view.lists[i].selected) {
                Ok(k) => f.pos.selected = k,
                Err(_) => {
                    view.filters[i] = None;
                    continue;
                }
            }
        }
        f.pos.settle(f.rows.len(), heights[i]);
    }
}
