//! The pane filter: `f` narrows the focused list pane, in place, to the rows
//! whose text (as the row shows it) matches every word typed, by the search's
//! rules for prose ([`Filter::prose`]: case and accents ignored, a word found
//! whole anywhere or its letters scattered inside one word); the rows keep
//! their order. Distinct from the search: one pane, nothing ranked, nothing
//! leaves the pane. Esc clears it.
//!
//! The filter keeps its own list position among the rows that match; the pane's
//! selection stays an item index, so the detail, the history and the
//! cross-references need not know about filters. A selection made elsewhere (a
//! jump, going back) that the filter hides clears the filter.

use crate::search::filter::Filter;
use crate::story::Story;

use super::action::Pane;
use super::line::{LineEditor, LineKey};
use super::state::{pane_len, ListPos, Screen, State, StoryView};

/// Cells of row text the filter looks at (rows are cut there, with `…`).
const ROW_CELLS: u16 = 400;

/// The filter of one pane.
#[derive(Debug, Clone)]
pub struct PaneFilter {
    pub line: LineEditor,
    /// The query line is open: keys edit it.
    pub typing: bool,
    /// Each row's text as shown, by item index.
    texts: Vec<String>,
    /// The items that match, in pane order.
    pub rows: Vec<usize>,
    /// The selection and the first row shown, among `rows`.
    pub pos: ListPos,
}

impl PaneFilter {
    /// A filter of `pane` with nothing typed yet: every row.
    pub fn new(story: &Story, pane: Pane) -> PaneFilter {
        let date_w = crate::ui::timeline::date_width(story);
        let texts: Vec<String> = (0..pane_len(story, pane))
            .map(|i| {
                let line = crate::ui::pane_row(story, pane, i, ROW_CELLS, date_w);
                line.spans.iter().map(|s| s.content.as_ref()).collect()
            })
            .collect();
        PaneFilter {
            line: LineEditor::new(),
            typing: true,
            rows: (0..texts.len()).collect(),
            texts,
            pos: ListPos::default(),
        }
    }

    /// The query typed.
    pub fn query(&self) -> &str {
        self.line.text()
    }

    /// How many rows the pane has without the filter.
    pub fn total(&self) -> usize {
        self.texts.len()
    }

    /// Filters again for the query on the line; `selected` (the pane's item)
    /// stays if it still matches, else moves to the nearest row that does.
    fn refilter(&mut self, selected: &mut usize) {
        let filter = Filter::prose(self.line.text());
        self.rows = (0..self.texts.len())
            .filter(|&i| filter.is_empty() || filter.keeps(&self.texts[i]))
            .collect();
        let at = match self.rows.binary_search(selected) {
            Ok(k) => k,
            Err(k) => k.min(self.rows.len().saturating_sub(1)),
        };
        self.pos.selected = at;
        if let Some(&item) = self.rows.get(at) {
            *selected = item;
        }
    }

    /// Puts the pane's selection on the filter's selected row.
    pub fn sync(&self, selected: &mut usize) {
        if let Some(&item) = self.rows.get(self.pos.selected) {
            *selected = item;
        }
    }
}

/// The filter being typed in the focused pane, if any.
pub fn typing(state: &State) -> bool {
    state.screen == Screen::Story
        && state.view.as_ref().is_some_and(|v| {
            !v.focus_detail && v.filters[v.pane.index()].as_ref().is_some_and(|f| f.typing)
        })
}

/// `f`: opens the filter line of the focused pane (the one the detail shows
/// when the detail has the focus); again on a filtered pane, edits its filter.
pub fn start(state: &mut State) {
    if state.screen != Screen::Story {
        state.message = Some("f filters the rows of a story's pane: open a story first".into());
        return;
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

/// A key of the filter line of the focused pane.
pub fn line_key(state: &mut State, key: LineKey) {
    let page = state.page();
    let Some(view) = state.view.as_mut() else {
        return;
    };
    let p = view.pane.index();
    let Some(f) = view.filters[p].as_mut() else {
        return;
    };
    let selected = &mut view.lists[p].selected;
    let len = f.rows.len();
    match key {
        LineKey::Up => f.pos.step(-1, len),
        LineKey::Down => f.pos.step(1, len),
        LineKey::PageUp => f.pos.step(-(page as isize), len),
        LineKey::PageDown => f.pos.step(page as isize, len),
        LineKey::Accept => {
            f.typing = false;
            if f.query().trim().is_empty() {
                view.filters[p] = None;
            }
            return;
        }
        LineKey::Cancel => {
            view.filters[p] = None;
            return;
        }
        edit => {
            if f.line.apply(edit) {
                f.refilter(selected);
            }
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
            f.pos.step(delta, f.rows.len());
            f.sync(&mut view.lists[i].selected);
        }
        None => view.lists[i].step(delta, len),
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
