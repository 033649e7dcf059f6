//! The search overlay as plain data, and what its keys do: the query line, the
//! live hits tagged with the generation of the query they answer, the selected
//! hit, the jump to a hit (into the back history, so Backspace returns to where
//! the search started) and `n`/`N` through the hits of the last search.
//!
//! Pure like the rest of the update: the event loop hands [`SearchState::wanted`]
//! to the search worker and brings its answers back as [`Action::SearchResults`];
//! an answer to an older query than the one on the line is dropped here.

use ratatui::layout::Position;

use crate::search::{Kind, Results};
use crate::view::layout::{self, SizeClass};

use super::action::{Action, Pane};
use super::line::{LineEditor, LineKey};
use super::state::{ListPos, Screen, State};

/// How many hits the overlay asks the worker for (the count covers all of them).
pub const LIMIT: usize = 200;

/// Where a hit is: enough to go there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub kind: Kind,
    /// Index of the story in the corpus.
    pub story: usize,
    /// Index of the item in its pane's list (0 for a story).
    pub index: usize,
}

/// The hits of the search that last jumped, for `n` and `N`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastSearch {
    pub query: String,
    pub hits: Vec<Target>,
    /// How many items matched (`hits` holds the best of them).
    pub total: usize,
    /// The hit shown last.
    pub at: usize,
}

/// Everything the search overlay shows and remembers.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The overlay is open: keys edit its query line.
    pub open: bool,
    pub line: LineEditor,
    /// Grows with every change of the query; answers to older queries are dropped.
    pub generation: u64,
    /// The hits shown, and the generation of the query they answer.
    pub results: Results,
    pub results_generation: u64,
    /// The selected hit and the first one shown.
    pub pos: ListPos,
    /// Enter came before the answer to the query on the line: go when it comes.
    pub enter_pending: bool,
    pub last: Option<LastSearch>,
    /// Grows when the corpus is replaced: the loop then indexes it again.
    pub corpus_generation: u64,
    /// After a jump from a screen with no story open (the library, the
    /// problems): where Backspace goes once the story's history is used up.
    pub back_to: Option<Origin>,
}

/// A screen without a story that a jump left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// The story jumped to: the way back holds while it is open.
    pub story: usize,
    pub screen: Screen,
    /// The library's selection then.
    pub library: usize,
}

impl SearchState {
    /// The query the search worker should answer, with its generation: the query
    /// on the line, while it has no answer yet (an empty query needs none).
    pub fn wanted(&self) -> Option<(u64, &str)> {
        (self.results_generation < self.generation && !self.line.text().trim().is_empty())
            .then(|| (self.generation, self.line.text()))
    }

    /// Whether the hits shown answer the query on the line.
    pub fn current(&self) -> bool {
        self.results_generation >= self.generation
    }

    /// Whether the query line is empty (nothing to search for).
    pub fn blank(&self) -> bool {
        self.line.text().trim().is_empty()
    }
}

/// The pane that lists items of a kind (`None` for a story itself).
pub fn pane_of(kind: Kind) -> Option<Pane> {
    match kind {
        Kind::Story => None,
        Kind::Party => Some(Pane::Parties),
        Kind::Analyst => Some(Pane::Analysts),
        Kind::Quote => Some(Pane::Quotes),
        Kind::Claim => Some(Pane::Claims),
        Kind::Event => Some(Pane::Timeline),
        Kind::Source => Some(Pane::Sources),
    }
}

/// Whether a query line is open (the search's or the focused pane's filter):
/// keys then edit it instead of moving.
pub fn line_open(state: &State) -> bool {
    state.search.open || super::filter::typing(state)
}

/// `/`: opens the overlay on an empty query line.
pub fn open(state: &mut State) {
    state.chrome.help = false;
    let s = &mut state.search;
    s.open = true;
    s.line = LineEditor::new();
    s.generation += 1;
    s.results = Results::default();
    s.results_generation = s.generation;
    s.pos = ListPos::default();
    s.enter_pending = false;
}

/// Rows of hits the overlay shows at the current size (at least 1).
fn result_page(state: &State) -> usize {
    crate::view::search::result_rows(state.area()).max(1)
}

/// A key of an open query line: the search's, else the focused filter's.
pub fn line_key(state: &mut State, key: LineKey) {
    if !state.search.open {
        super::filter::line_key(state, key);
        return;
    }
    let page = result_page(state);
    let len = state.search.results.hits.len();
    let s = &mut state.search;
    match key {
        LineKey::Up => s.pos.step(-1, len),
        LineKey::Down => s.pos.step(1, len),
        LineKey::PageUp => s.pos.step(-(page.saturating_sub(1).max(1) as isize), len),
        LineKey::PageDown => s.pos.step(page.saturating_sub(1).max(1) as isize, len),
        LineKey::Accept => accept(state),
        LineKey::Cancel => {
            s.open = false;
            s.enter_pending = false;
        }
        edit => {
            if s.line.apply(edit) {
                edited(s);
            }
        }
    }
    let page = result_page(state);
    let len = state.search.results.hits.len();
    state.search.pos.settle(len, page);
}

/// The query changed: a new generation; an empty query is answered at once.
fn edited(s: &mut SearchState) {
    s.generation += 1;
    s.enter_pending = false;
    if s.blank() {
        s.results = Results::default();
        s.results_generation = s.generation;
        s.pos = ListPos::default();
    }
}

/// Enter on the query line: go to the selected hit, or as soon as the hits of
/// the query as typed are in.
fn accept(state: &mut State) {
    let s = &mut state.search;
    if s.blank() {
        s.open = false;
        return;
    }
    if !s.current() {
        s.enter_pending = true;
        return;
    }
    if s.results.hits.is_empty() {
        return;
    }
    go_to_selected(state);
}

/// The worker's answer to the query of `generation`; an older query's is dropped.
/// While the corpus loads, a later answer to the same query covering more stories
/// replaces the one shown (the count grows), keeping the selection; so does the
/// counted answer after its best rows shown first while counting.
pub fn results(state: &mut State, generation: u64, results: Results) {
    let s = &mut state.search;
    let covers_less = results.stories < s.results.stories
        || (results.stories == s.results.stories && !s.results.counting);
    if generation != s.generation || (s.current() && covers_less) {
        return;
    }
    let again = s.current();
    s.results = results;
    s.results_generation = generation;
    if again {
        let len = s.results.hits.len();
        let page = result_page(state);
        state.search.pos.settle(len, page);
        return;
    }
    s.pos = ListPos::default();
    if std::mem::take(&mut s.enter_pending) && s.open && !s.results.hits.is_empty() {
        go_to_selected(state);
    }
}

/// Closes the overlay and goes to the selected hit; its hits stay for n/N.
fn go_to_selected(state: &mut State) {
    let s = &mut state.search;
    let hits: Vec<Target> = s
        .results
        .hits
        .iter()
        .map(|h| Target {
            kind: h.kind,
            story: h.story,
            index: h.index,
        })
        .collect();
    let at = s.pos.selected.min(hits.len().saturating_sub(1));
    let Some(&target) = hits.get(at) else {
        return;
    };
    s.open = false;
    s.last = Some(LastSearch {
        query: s.line.text().to_string(),
        hits,
        total: s.results.total,
        at,
    });
    jump(state, target, true);
    state.chrome.message = Some(hit_message(state, false));
}

/// "Hit 3/12 for “fisher” · n next · N previous".
fn hit_message(state: &State, wrapped: bool) -> String {
    let Some(last) = &state.search.last else {
        return String::new();
    };
    let keys = &state.chrome.keys;
    let hints: String = [
        keys.hint(|a| matches!(a, Action::NextHit), "next"),
        keys.hint(|a| matches!(a, Action::PrevHit), "previous"),
    ]
    .into_iter()
    .flatten()
    .map(|h| format!(" · {h}"))
    .collect();
    let query = crate::view::text::label(&last.query, 30);
    let wrap = if !wrapped {
        ""
    } else if last.at == 0 {
        " (from the top again)"
    } else {
        " (from the bottom again)"
    };
    let of = if last.total > last.hits.len() {
        format!(" (best of {})", last.total)
    } else {
        String::new()
    };
    format!(
        "Hit {}/{}{of} for “{query}”{wrap}{hints}",
        last.at + 1,
        last.hits.len()
    )
}

/// `n` (`delta` 1) and `N` (-1): the next or previous hit of the last search,
/// round at the ends. These jumps stay out of the history, so Backspace still
/// returns to where the search started.
pub fn next_hit(state: &mut State, delta: isize) {
    let Some(last) = state.search.last.as_mut() else {
        let how = state
            .chrome
            .keys
            .hint(|a| matches!(a, Action::Search), "searches")
            .map(|h| format!(": {h}"))
            .unwrap_or_default();
        state.chrome.message = Some(format!("No search yet{how}"));
        return;
    };
    let len = last.hits.len() as isize;
    let at = (last.at as isize + delta).rem_euclid(len.max(1)) as usize;
    let wrapped = (delta > 0 && at < last.at) || (delta < 0 && at > last.at);
    last.at = at;
    let target = last.hits[at];
    jump(state, target, false);
    state.chrome.message = Some(hit_message(state, wrapped));
}

/// Goes to a hit: its story open, its pane focused, the item selected and its
/// detail shown (the small layout shows the detail only with the focus, so
/// there it gets it). With `push`, where you were goes into the history first.
pub fn jump(state: &mut State, target: Target, push: bool) {
    if target.story >= state.corpus.stories.len() {
        return;
    }
    state.chrome.help = false;
    let from = state.nav.screen;
    let origin = Origin {
        story: target.story,
        screen: from,
        library: state.library.list.selected,
    };
    let mut history = Vec::new();
    let mut same_story = false;
    if let Some(view) = state.view.as_mut().filter(|_| from == Screen::Story) {
        if push {
            view.history.push(view.location());
        }
        history = std::mem::take(&mut view.history);
        same_story = view.story == target.story;
    }
    if !same_story {
        state.open_story(target.story);
    }
    if push {
        state.search.back_to = (from != Screen::Story).then_some(origin);
    }
    let small = layout::size_class(state.area()) == SizeClass::Small;
    let Some(view) = state.view.as_mut() else {
        return;
    };
    view.history = history;
    match pane_of(target.kind) {
        Some(pane) => {
            view.pane = pane;
            view.lists[pane.index()].selected = target.index;
            view.focus_detail = small;
        }
        None => view.focus_detail = false,
    }
    state.settle();
}

/// Backspace with the story's history used up, after a jump from the library
/// or the problems: back to that screen. False when there is no such place.
pub fn back_to_origin(state: &mut State) -> bool {
    let story = state.view.as_ref().map(|v| v.story);
    match state.search.back_to {
        Some(o) if Some(o.story) == story => {
            state.search.back_to = None;
            state.nav.screen = o.screen;
            state.library.list.selected = o.library;
            true
        }
        _ => false,
    }
}

/// The corpus was replaced: hits point into the old one. Forget them, and ask
/// again for the query on the line.
pub fn loaded(state: &mut State) {
    let s = &mut state.search;
    s.corpus_generation += 1;
    s.results = Results::default();
    s.pos = ListPos::default();
    s.last = None;
    s.back_to = None;
    s.generation += 1;
    if s.blank() {
        s.results_generation = s.generation;
    }
}

/// A click while the overlay is open: on a hit selects it (on the selected hit,
/// goes there); outside the overlay closes it.
pub fn click(state: &mut State, at: Position) {
    let screen = state.area();
    if !crate::view::search::area(screen).contains(at) {
        state.search.open = false;
        return;
    }
    let rows = crate::view::search::results_area(screen);
    if !rows.contains(at) {
        return;
    }
    let row = state.search.pos.offset + usize::from(at.y - rows.y);
    if row >= state.search.results.hits.len() || !state.search.current() {
        return;
    }
    if row == state.search.pos.selected {
        go_to_selected(state);
    } else {
        state.search.pos.selected = row;
    }
}

/// The wheel while the overlay is open moves the selection.
pub fn wheel(state: &mut State, down: bool, rows: usize) {
    let len = state.search.results.hits.len();
    let delta = if down {
        rows as isize
    } else {
        -(rows as isize)
    };
    state.search.pos.step(delta, len);
    let page = result_page(state);
    state.search.pos.settle(len, page);
}
