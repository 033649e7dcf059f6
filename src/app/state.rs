//! Everything the explorer shows, as plain data: which screen, which story,
//! which pane has the focus, what is selected, the history of followed
//! cross-references. No widgets: the UI draws from this, the update changes it.

use std::collections::{BTreeSet, HashMap};

use ratatui::layout::Rect;

use super::keymap::Keymap;
use crate::corpus::Corpus;
use crate::story::Story;
use crate::view::layout::{self, visible_offset, SizeClass};
use crate::view::theme::Theme;
use crate::view::words::problems_summary;
use crate::view::{claims, help};

use super::action::Pane;
pub use super::claim_view::ClaimView;
use super::detail::{self, Doc, LaidLine};
use super::filter::{self, PaneFilter};
use super::library_filter::{self, LibraryFilter};
pub use super::people::{PeopleView, Return};
use super::review::Review;
use super::search::SearchState;

/// The screen under any overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The stories, when more than one is loaded.
    Library,
    /// Files that failed to load and every warning.
    Problems,
    /// One story.
    Story,
    /// Every party and analyst across the corpus.
    People,
    /// One party or analyst across every story.
    Person,
    /// One claim across every story that carries it.
    Claim,
    /// No story loaded: what storyx looks for.
    Empty,
    /// One story's changes since its review (`d`).
    Changes,
}

/// The order of the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    File,
    Date,
    Title,
}

impl SortOrder {
    pub fn next(self) -> SortOrder {
        match self {
            SortOrder::File => SortOrder::Date,
            SortOrder::Date => SortOrder::Title,
            SortOrder::Title => SortOrder::File,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::File => "file order",
            SortOrder::Date => "date, newest first",
            SortOrder::Title => "title",
        }
    }
}

/// A selection in a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPos {
    pub selected: usize,
    pub offset: usize,
}

impl ListPos {
    /// Moves the selection by `delta` rows inside `0..len`.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Scrolls the rows shown by `delta` (the mouse wheel), the selection
    /// kept where it is unless it would leave the view (then it stays on the
    /// first or last row shown).
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        let height = height.max(1);
        let offset = visible_offset(self.offset, self.selected, height, len);
        self.offset = offset
            .saturating_add_signed(delta)
            .min(len.saturating_sub(height));
        let last = (self.offset + height).min(len).saturating_sub(1);
        self.selected = self.selected.clamp(self.offset, last.max(self.offset));
    }

    /// Makes `selected` valid and visible in a list `height` rows high.
    pub fn settle(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        if height == 0 {
            return;
        }
        self.offset = visible_offset(self.offset, self.selected, height, len);
    }
}

/// A place in a story, to come back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub story: usize,
    pub pane: Pane,
    pub index: usize,
    pub focus_detail: bool,
    pub cursor: usize,
    pub scroll: usize,
}

/// The detail of the selected item, wrapped for the detail pane's width.
#[derive(Debug, Clone, Default)]
pub struct DetailView {
    /// (story, pane, index) the doc was built for.
    pub key: Option<(usize, Pane, usize)>,
    pub doc: Doc,
    /// The width `lines` were wrapped at (0: not yet).
    pub width: u16,
    pub lines: Vec<LaidLine>,
    /// The line the cursor is on (a cross-reference is followed from there).
    pub cursor: usize,
    pub scroll: usize,
}

impl DetailView {
    /// The cross-reference under the cursor.
    pub fn link_at_cursor(&self) -> Option<usize> {
        let line = self.lines.get(self.cursor)?;
        self.doc.blocks.get(line.block)?.link
    }

    fn link_of(&self, line: usize) -> Option<usize> {
        self.lines
            .get(line)
            .and_then(|l| self.doc.blocks.get(l.block))
            .and_then(|b| b.link)
    }

    /// The first line of the stop (a cross-reference is one stop, whatever its
    /// number of lines) that `line` is in.
    pub fn stop_start(&self, line: usize) -> usize {
        let line = line.min(self.lines.len().saturating_sub(1));
        let Some(block) = self.lines.get(line).map(|l| l.block) else {
            return 0;
        };
        if self.doc.blocks[block].link.is_none() {
            return line;
        }
        let mut l = line;
        while l > 0 && self.lines[l - 1].block == block {
            l -= 1;
        }
        l
    }

    /// One past the last line of the stop starting at `line`.
    fn stop_end(&self, line: usize) -> usize {
        let Some(block) = self.lines.get(line).map(|l| l.block) else {
            return line + 1;
        };
        if self.doc.blocks[block].link.is_none() {
            return line + 1;
        }
        let mut l = line;
        while l < self.lines.len() && self.lines[l].block == block {
            l += 1;
        }
        l
    }

    /// Whether the cursor stops on `line`: not a blank line, not a heading.
    fn readable(&self, line: usize) -> bool {
        let Some(l) = self.lines.get(line) else {
            return false;
        };
        let style = self.doc.blocks.get(l.block).map(|b| b.style);
        !l.range.is_empty()
            && !matches!(
                style,
                Some(detail::BlockStyle::Blank | detail::BlockStyle::Heading)
            )
    }

    /// Moves `steps` stops down, over blank lines and headings.
    pub fn down(&mut self, steps: usize) {
        for _ in 0..steps {
            let mut next = self.stop_end(self.cursor);
            while next < self.lines.len() && !self.readable(next) {
                next = self.stop_end(next);
            }
            if next >= self.lines.len() {
                break;
            }
            self.cursor = next;
        }
    }

    /// Moves `steps` stops up, over blank lines and headings.
    pub fn up(&mut self, steps: usize) {
        for _ in 0..steps {
            let mut at = self.cursor;
            loop {
                if at == 0 {
                    break;
                }
                at = self.stop_start(at - 1);
                if self.readable(at) {
                    break;
                }
            }
            if !self.readable(at) {
                break;
            }
            self.cursor = at;
        }
    }

    /// The first line of the next cross-reference after the cursor's stop.
    pub fn next_link(&self) -> Option<usize> {
        (self.stop_end(self.cursor)..self.lines.len()).find(|&l| self.link_of(l).is_some())
    }

    /// The first line of the cross-reference before the cursor's stop.
    pub fn prev_link(&self) -> Option<usize> {
        let start = self.stop_start(self.cursor);
        (0..start)
            .rev()
            .find(|&l| self.link_of(l).is_some())
            .map(|l| self.stop_start(l))
    }

    /// The cross-reference under the cursor, else the nearest below it.
    pub fn link_at_or_below(&self) -> Option<usize> {
        (self.cursor..self.lines.len()).find(|&l| self.link_of(l).is_some())
    }

    /// The first readable line after the next heading (a person's page: the
    /// next story's section), or before the previous one when `back`.
    pub fn section(&self, back: bool) -> Option<usize> {
        let heading = |l: usize| {
            self.lines
                .get(l)
                .and_then(|x| self.doc.blocks.get(x.block))
                .is_some_and(|b| b.style == detail::BlockStyle::Heading)
        };
        let start_of = |h: usize| (h..self.lines.len()).find(|&l| self.readable(l));
        if back {
            // The heading of the cursor's section, then the one before it.
            let here = (0..=self.cursor).rev().find(|&l| heading(l))?;
            let prev = (0..here).rev().find(|&l| heading(l))?;
            start_of(prev)
        } else {
            let next = (self.cursor + 1..self.lines.len()).find(|&l| heading(l))?;
            start_of(next)
        }
    }

    pub fn bottom(&mut self) {
        self.cursor = self.stop_start(self.lines.len().saturating_sub(1));
    }

    /// Scrolls the text shown `height` rows high by `delta` lines (the mouse
    /// wheel); the cursor is kept where it is unless it would leave the view
    /// (then it goes to the first or last stop that shows).
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let height = height.max(1);
        let len = self.lines.len();
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(len.saturating_sub(height));
        if self.cursor < self.scroll {
            // The first stop that starts in the view.
            let mut l = self.scroll;
            while l < len && self.stop_start(l) < self.scroll {
                l = self.stop_end(l);
            }
            self.cursor = l.min(len.saturating_sub(1));
        } else if self.stop_end(self.cursor) > self.scroll + height {
            let mut l = self.stop_start((self.scroll + height).min(len).saturating_sub(1));
            if self.stop_end(l) > self.scroll + height && l > self.scroll {
                l = self.stop_start(l - 1);
            }
            self.cursor = l.max(self.scroll.min(len.saturating_sub(1)));
        }
    }

    /// Puts the cursor on the first cross-reference if it shows whole in the
    /// first `height` lines (so Enter follows it at once, and the view opens at
    /// its top); otherwise at the top.
    pub fn cursor_to_first_link(&mut self, height: usize) {
        self.scroll = 0;
        let height = height.max(1);
        self.cursor = (0..self.lines.len().min(height))
            .find(|&l| self.link_of(l).is_some())
            .filter(|&l| self.stop_end(l) <= height)
            .unwrap_or(0);
    }

    /// Builds the doc for `key` if it is not the one shown; true if it changed.
    fn show(&mut self, story: &Story, key: (usize, Pane, usize)) -> bool {
        if self.key == Some(key) {
            return false;
        }
        self.key = Some(key);
        self.doc = detail::build(story, key.0, key.1, key.2);
        self.width = 0;
        self.lines.clear();
        self.cursor = 0;
        self.scroll = 0;
        true
    }

    /// Shows a doc built elsewhere (the cross-story view of a person).
    pub fn set_doc(&mut self, doc: Doc) {
        *self = DetailView {
            doc,
            ..DetailView::default()
        };
    }

    /// Wraps the doc at `width`, keeping the cursor on the same block.
    pub(crate) fn lay_out(&mut self, width: u16) {
        if self.width == width {
            return;
        }
        let block = self.lines.get(self.cursor).map(|l| l.block);
        let top_block = self.lines.get(self.scroll).map(|l| l.block);
        self.lines = self.doc.lay_out(width);
        self.width = width;
        let first_of = |b: Option<usize>, lines: &[LaidLine]| {
            b.and_then(|b| lines.iter().position(|l| l.block == b))
                .unwrap_or(0)
        };
        self.cursor = first_of(block, &self.lines);
        self.scroll = first_of(top_block, &self.lines);
    }

    /// Keeps the cursor's stop visible in `height` rows and the scroll in range.
    pub(crate) fn settle(&mut self, height: usize) {
        let len = self.lines.len();
        self.cursor = self.stop_start(self.cursor.min(len.saturating_sub(1)));
        if height == 0 {
            return;
        }
        let end = self.stop_end(self.cursor).min(len);
        let mut scroll = self.scroll.min(len.saturating_sub(height));
        if self.cursor < scroll {
            scroll = self.cursor;
        } else if end > scroll + height {
            scroll = (end - height).min(self.cursor);
        }
        self.scroll = scroll;
    }
}

/// One open story.
#[derive(Debug, Clone)]
pub struct StoryView {
    /// Index into `corpus.stories`.
    pub story: usize,
    /// The active list pane: the detail shows its selected item.
    pub pane: Pane,
    /// Whether the detail pane has the focus (instead of `pane`).
    pub focus_detail: bool,
    pub lists: [ListPos; 6],
    pub detail: DetailView,
    /// Places to go back to, the latest last.
    pub history: Vec<Location>,
    /// The header view (`s`): title, date, question and summary in full over
    /// the body, scrolled like the detail.
    pub header: Option<DetailView>,
    /// How many quotes each analyst has, by analyst index (counted once per story,
    /// not per drawn row: a story may have 100,000 quotes).
    pub analyst_quotes: Vec<usize>,
    /// The Timeline pane narrowed to one party's or analyst's events (`t`).
    pub timeline_filter: Option<TimelineFilter>,
    /// The selected column of the claims matrix, and the first column shown.
    pub claim_col: ListPos,
    /// Whether the matrix's column cursor stands on the claim itself, the stop
    /// before the first party column (`h` there).
    pub claim_stop: bool,
    /// The filter of each pane (`f`), by [`Pane::index`].
    pub filters: [Option<PaneFilter>; 6],
    /// The focused pane (a list or the detail) fills the body (`z`).
    pub zoom: bool,
}

/// The events one party or analyst took part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineFilter {
    pub id: String,
    /// The name (or a shorter alias) the pane title shows, sanitized.
    pub short: String,
    /// Indexes into the story's timeline, in display order.
    pub events: Vec<usize>,
}

impl StoryView {
    /// Where each part of this story's screen goes in `area`.
    pub fn layout(&self, area: Rect, story: &Story) -> layout::StoryAreas {
        self.layout_with(area, story, self.focus_detail)
    }

    /// [`StoryView::layout`] as it would be with the detail focused or not.
    pub fn layout_with(&self, area: Rect, story: &Story, focus_detail: bool) -> layout::StoryAreas {
        layout::story_layout(
            area,
            story,
            self.header.is_some(),
            self.pane,
            focus_detail,
            self.zoom,
        )
    }

    pub fn new(story: usize) -> StoryView {
        StoryView {
            story,
            pane: Pane::Timeline,
            focus_detail: false,
            lists: [ListPos::default(); 6],
            detail: DetailView::default(),
            history: Vec::new(),
            header: None,
            analyst_quotes: Vec::new(),
            timeline_filter: None,
            claim_col: ListPos::default(),
            claim_stop: false,
            filters: Default::default(),
            zoom: false,
        }
    }

    /// Whether the Claims pane's column cursor is on the claim itself: its first
    /// stop, or the only one when nobody took a stance.
    pub fn on_claim(&self, story: &Story) -> bool {
        self.claim_stop || crate::view::matrix::columns(story).is_empty()
    }

    /// Counts each analyst's quotes (see [`StoryView::analyst_quotes`]).
    pub fn count_quotes(&mut self, story: &Story) {
        let index: HashMap<&str, usize> = story
            .analysts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut counts = vec![0; story.analysts.len()];
        for q in &story.quotes {
            if let Some(&i) = index.get(q.by.as_str()) {
                counts[i] += 1;
            }
        }
        self.analyst_quotes = counts;
    }

    pub fn location(&self) -> Location {
        Location {
            story: self.story,
            pane: self.pane,
            index: self.selected_item(),
            focus_detail: self.focus_detail,
            cursor: self.detail.cursor,
            scroll: self.detail.scroll,
        }
    }

    /// The selected row of the active pane.
    pub fn selected(&self) -> usize {
        self.lists[self.pane.index()].selected
    }

    /// How many rows `pane` lists (a narrowed timeline lists only its events).
    pub fn len(&self, story: &Story, pane: Pane) -> usize {
        match (&self.timeline_filter, pane) {
            (Some(f), Pane::Timeline) => f.events.len(),
            _ => pane_len(story, pane),
        }
    }

    /// The item that row `row` of `pane` shows.
    pub fn item(&self, pane: Pane, row: usize) -> usize {
        match (&self.timeline_filter, pane) {
            (Some(f), Pane::Timeline) => f.events.get(row).copied().unwrap_or(usize::MAX),
            _ => row,
        }
    }

    /// The counter a pane shows, as (selected row, rows): among the rows its
    /// filter keeps when it has one (the pane title and the status bar agree).
    pub fn counter(&self, story: &Story, pane: Pane) -> (usize, usize) {
        match &self.filters[pane.index()] {
            Some(f) => (f.pos.selected, f.rows.len()),
            None => (self.lists[pane.index()].selected, self.len(story, pane)),
        }
    }

    /// The selected item of the active pane.
    pub fn selected_item(&self) -> usize {
        self.item(self.pane, self.selected())
    }

    /// Selects item `index` of `pane`; a narrowed timeline that hides it shows
    /// every event again.
    pub fn select_item(&mut self, pane: Pane, index: usize) {
        let mut row = index;
        if pane == Pane::Timeline {
            if let Some(f) = &self.timeline_filter {
                match f.events.iter().position(|&e| e == index) {
                    Some(r) => row = r,
                    None => self.timeline_filter = None,
                }
            }
        }
        self.pane = pane;
        self.lists[pane.index()].selected = row;
    }
}

/// The pane and index of the item with this id in a story, if any (the
/// timeline, parties, analysts, quotes, claims, sources, in that order).
pub fn item_with_id(story: &Story, id: &str) -> Option<(Pane, usize)> {
    [
        (
            Pane::Timeline,
            story
                .timeline
                .iter()
                .position(|e| e.id.as_deref() == Some(id)),
        ),
        (Pane::Parties, story.parties.iter().position(|p| p.id == id)),
        (
            Pane::Analysts,
            story.analysts.iter().position(|a| a.id == id),
        ),
        (
            Pane::Quotes,
            story
                .quotes
                .iter()
                .position(|q| q.id.as_deref() == Some(id)),
        ),
        (Pane::Claims, story.claims.iter().position(|c| c.id == id)),
        (Pane::Sources, story.sources.iter().position(|s| s.id == id)),
    ]
    .into_iter()
    .find_map(|(p, i)| i.map(|i| (p, i)))
}

/// How many items a pane lists.
pub fn pane_len(story: &Story, pane: Pane) -> usize {
    match pane {
        Pane::Timeline => story.timeline.len(),
        Pane::Parties => story.parties.len(),
        Pane::Analysts => story.analysts.len(),
        Pane::Quotes => story.quotes.len(),
        Pane::Claims => story.claims.len(),
        Pane::Sources => story.sources.len(),
    }
}

/// One row of the library list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryRow {
    /// "N problems" at the top, when there are any.
    Problems,
    Story(usize),
    /// A reviewed story whose file is gone, by index in `review.removed`.
    Removed(usize),
}

/// The library: the stories in the order shown, where the reader is in it,
/// and what narrows it.
#[derive(Debug, Clone)]
pub struct Library {
    pub sort: SortOrder,
    /// Story indexes in library order.
    pub order: Vec<usize>,
    /// The room of the order before the last, reused by the next sort: sorted
    /// again after every batch of a load, 100,000 indexes would be a fresh
    /// block each time, paged in anew (issue 19).
    pub spare: Vec<usize>,
    /// The selected row and the first row shown.
    pub list: ListPos,
    /// The library narrowed to the stories that match a query (`f`).
    pub filter: Option<LibraryFilter>,
    /// The library shows only the stories not marked reviewed.
    pub unreviewed_only: bool,
    /// The ids of the stories marked reviewed.
    pub reviewed: BTreeSet<String>,
}

/// Which screen shows, and where going back leads.
#[derive(Debug, Clone)]
pub struct Navigation {
    pub screen: Screen,
    /// Where Esc goes from the problems screen.
    pub problems_return: Screen,
    /// Where Backspace goes from the People screens and from a story opened
    /// from them, the latest last.
    pub returns: Vec<Return>,
}

/// The files still loading in the background.
#[derive(Debug, Clone, Default)]
pub struct Loading {
    /// (files loaded, files in all) while they load.
    pub progress: Option<(usize, usize)>,
    /// A story asked for (`--story`, with its `--item`) whose file is not loaded yet.
    pub pending: Option<(String, Option<String>)>,
}

/// What is around the screens: the help overlay, the status message, the
/// terminal's size, the keys in force.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub help: bool,
    pub help_scroll: usize,
    /// The terminal size, as last reported.
    pub size: (u16, u16),
    /// A one-off note for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The keys in force (the defaults, or the user's).
    pub keys: Keymap,
}

/// The whole explorer state.
#[derive(Debug, Clone)]
pub struct State {
    pub corpus: Corpus,
    pub nav: Navigation,
    pub library: Library,
    pub problems: ListPos,
    pub view: Option<StoryView>,
    /// The People screen and the cross-story view of one person.
    pub people: PeopleView,
    /// The cross-story view of one claim.
    pub claim: ClaimView,
    pub chrome: Chrome,
    pub quit: bool,
    pub loading: Loading,
    /// The search overlay and the hits of the last search.
    pub search: SearchState,
    /// What changed since the reader's reviews.
    pub review: Review,
}

impl State {
    /// The state for a corpus: one story opens directly, several show the
    /// library, none the screen that says what storyx looks for.
    pub fn new(corpus: Corpus) -> State {
        let mut state = State {
            corpus,
            nav: Navigation {
                screen: Screen::Empty,
                problems_return: Screen::Empty,
                returns: Vec::new(),
            },
            library: Library {
                sort: SortOrder::File,
                order: Vec::new(),
                spare: Vec::new(),
                list: ListPos::default(),
                filter: None,
                unreviewed_only: false,
                reviewed: BTreeSet::new(),
            },
            problems: ListPos::default(),
            view: None,
            people: PeopleView::default(),
            claim: ClaimView::default(),
            chrome: Chrome {
                help: false,
                help_scroll: 0,
                size: (0, 0),
                message: None,
                keys: Keymap::default(),
            },
            quit: false,
            loading: Loading::default(),
            search: SearchState::default(),
            review: Review::default(),
        };
        state.sort_library();
        state.nav.screen = match state.corpus.stories.len() {
            0 => Screen::Empty,
            1 => {
                state.view = Some(StoryView::new(0));
                Screen::Story
            }
            _ => Screen::Library,
        };
        state.library.list.selected = usize::from(state.has_problems());
        if state.nav.screen != Screen::Library && state.has_problems() {
            // No library to show the problems entry in: say so once.
            let summary = problems_summary(&state.corpus);
            state.chrome.message = Some(
                match state
                    .chrome
                    .keys
                    .hint(|a| matches!(a, super::Action::ToggleProblems), "shows them")
                {
                    Some(h) => format!("{summary}: {h}"),
                    None => summary,
                },
            );
        }
        state.settle();
        state
    }

    /// The state while the corpus loads in the background ([`crate::app::Batch`]
    /// actions bring it in): the library, filling up, or the story asked for, shown
    /// as loading until its file is in.
    pub fn loading(pending: Option<(String, Option<String>)>) -> State {
        let mut state = State::new(Corpus::default());
        state.loading.progress = Some((0, 0));
        state.nav.screen = if pending.is_some() {
            Screen::Story
        } else {
            Screen::Library
        };
        state.loading.pending = pending;
        state
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.chrome.size.0, self.chrome.size.1)
    }

    pub fn has_problems(&self) -> bool {
        !self.corpus.diagnostics.is_empty()
    }

    /// Whether there is a library to go back to.
    pub fn has_library(&self) -> bool {
        self.corpus.stories.len() > 1
    }

    pub fn library_len(&self) -> usize {
        usize::from(self.has_problems()) + self.library.order.len() + self.removed_rows()
    }

    /// The "removed since review" rows at the end of the library (not while filtered).
    pub fn removed_rows(&self) -> usize {
        if self.library.filter.is_some() {
            0
        } else {
            self.review.removed.len()
        }
    }

    pub fn library_row(&self, row: usize) -> Option<LibraryRow> {
        let row = if self.has_problems() {
            if row == 0 {
                return Some(LibraryRow::Problems);
            }
            row - 1
        } else {
            row
        };
        match self.library.order.get(row) {
            Some(&s) => Some(LibraryRow::Story(s)),
            None => {
                let r = row - self.library.order.len();
                (r < self.removed_rows()).then_some(LibraryRow::Removed(r))
            }
        }
    }

    /// The library row of a story.
    pub fn library_row_of(&self, story: usize) -> Option<usize> {
        self.library
            .order
            .iter()
            .position(|&s| s == story)
            .map(|p| p + usize::from(self.has_problems()))
    }

    /// The story open on the story screen.
    pub fn current_story(&self) -> Option<&Story> {
        self.view
            .as_ref()
            .and_then(|v| self.corpus.stories.get(v.story))
            .map(|s| &**s)
    }

    /// Recomputes the library order for the current sort, `u` and the filter,
    /// keeping the selected story (or the nearest one shown, when it is hidden).
    pub fn sort_library(&mut self) {
        let keep = match self.library_row(self.library.list.selected) {
            Some(LibraryRow::Story(s)) => Some(s),
            _ => None,
        };
        let stories = &self.corpus.stories;
        let mut order = std::mem::take(&mut self.library.spare);
        order.clear();
        order.extend(0..stories.len());
        match self.library.sort {
            SortOrder::File => {}
            // Newest first; undated stories last, in file order.
            SortOrder::Date => order.sort_by(|&a, &b| match (&stories[a].date, &stories[b].date) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }),
            SortOrder::Title => order.sort_by_cached_key(|&i| stories[i].title.to_lowercase()),
        }
        let (order, keep) = library_filter::narrow(self, order, keep);
        self.library.spare = std::mem::replace(&mut self.library.order, order);
        if let Some(row) = keep.and_then(|s| self.library_row_of(s)) {
            self.library.list.selected = row;
        }
    }

    /// Opens story `index` on the story screen.
    pub fn open_story(&mut self, index: usize) {
        if index >= self.corpus.stories.len() {
            return;
        }
        self.view = Some(StoryView::new(index));
        self.nav.screen = Screen::Story;
        if let Some(row) = self.library_row_of(index) {
            self.library.list.selected = row;
        }
        self.settle();
    }

    /// Opens the story with this id (for `--story`).
    pub(super) fn open_story_id(&mut self, id: &str) -> Result<(), String> {
        match self.corpus.stories.iter().position(|s| s.id == id) {
            Some(i) => {
                self.open_story(i);
                Ok(())
            }
            None => {
                let ids: Vec<&str> = self.corpus.stories.iter().map(|s| s.id.as_str()).collect();
                let hint = crate::story::diagnostic::did_you_mean(id, ids.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_else(|| format!("; loaded: {}", ids.join(", ")));
                Err(format!("no story has the id `{id}`{hint}"))
            }
        }
    }

    /// Selects the item with this id in its pane of the open story (for `--item`).
    pub(super) fn select_item_id(&mut self, id: &str) -> Result<(), String> {
        let Some(view) = self.view.as_mut() else {
            return Err("--item needs a story (--story ID)".into());
        };
        let (pane, index) = item_place(&self.corpus.stories[view.story], id)?;
        view.select_item(pane, index);
        self.settle();
        Ok(())
    }

    /// The id of the one story that has an item with this id (for `--item`
    /// without `--story`). An error names the stories when several have it
    /// (`Err((true, …))`: which one is meant must be said), or says none does.
    pub fn story_with_item(&self, id: &str) -> Result<String, (bool, String)> {
        let with: Vec<usize> = (0..self.corpus.stories.len())
            .filter(|&i| item_with_id(&self.corpus.stories[i], id).is_some())
            .collect();
        match with[..] {
            [one] => Ok(self.corpus.stories[one].id.to_string()),
            [] => Err((false, format!("no story has an item with the id `{id}`"))),
            _ => {
                let ids: Vec<String> = with
                    .iter()
                    .map(|&i| format!("`{}`", self.corpus.stories[i].id))
                    .collect();
                Err((
                    true,
                    format!(
                        "{} stories have an item with the id `{id}`: {}; say which with --story ID",
                        ids.len(),
                        ids.join(", ")
                    ),
                ))
            }
        }
    }

    /// The rows a list pane shows at the current size (0 when collapsed or hidden).
    pub(crate) fn pane_rows(&self) -> Option<([usize; 6], usize, SizeClass)> {
        let view = self.view.as_ref()?;
        let story = self.corpus.stories.get(view.story)?;
        let areas = self.story_areas(story, view);
        let mut rows = areas.panes.map(|r| usize::from(layout::inner(r).height));
        let claims = layout::inner(areas.panes[Pane::Claims.index()]);
        rows[Pane::Claims.index()] = usize::from(claims::parts(claims).body.height);
        Some((
            rows,
            usize::from(layout::inner(areas.detail).height),
            areas.class,
        ))
    }

    /// The story screen's geometry at the current size.
    pub fn story_areas(&self, story: &Story, view: &StoryView) -> layout::StoryAreas {
        view.layout(self.area(), story)
    }

    /// Rows of one page in the focused list (at least 1).
    pub fn page(&self) -> usize {
        let rows = match self.nav.screen {
            Screen::Story => match (self.pane_rows(), &self.view) {
                (Some((rows, detail, _)), Some(v)) => {
                    if v.focus_detail || v.header.is_some() {
                        detail
                    } else {
                        rows[v.pane.index()]
                    }
                }
                _ => 1,
            },
            Screen::Person | Screen::Claim => crate::view::people::detail_rows(self.area()),
            _ => usize::from(layout::inner(layout::list_areas(self.area()).list).height),
        };
        rows.saturating_sub(1).max(1)
    }

    /// Makes every selection valid and visible and the detail current; called
    /// after every update.
    pub fn settle(&mut self) {
        let list_rows = usize::from(layout::inner(layout::list_areas(self.area()).list).height);
        // The library list has a column header row.
        let len = self.library_len();
        // A filtered library's cursor is on a story, never on the problems row.
        if self.library.filter.is_some()
            && self.has_problems()
            && self.library.list.selected == 0
            && !self.library.order.is_empty()
        {
            self.library.list.selected = 1;
        }
        self.library.list.settle(len, list_rows.saturating_sub(1));
        let len = self.corpus.diagnostics.len();
        self.problems.settle(len, list_rows);
        let help = layout::inner(layout::help_area(self.area()));
        let help_rows = usize::from(help.height);
        let help_len = if self.chrome.help {
            help::lines(
                &Theme::default(),
                &self.chrome.keys.help_sections(),
                help.width,
            )
            .len()
        } else {
            0
        };
        self.chrome.help_scroll = self
            .chrome
            .help_scroll
            .min(help_len.saturating_sub(help_rows));
        super::people::settle(self);
        super::review::settle(self, list_rows);
        super::claim_view::settle(self);

        if self
            .view
            .as_ref()
            .is_some_and(|v| v.story >= self.corpus.stories.len())
        {
            self.view = None;
            if self.nav.screen == Screen::Story {
                self.nav.screen = if self.has_library() {
                    Screen::Library
                } else {
                    Screen::Empty
                };
            }
        }
        let geometry = self.pane_rows();
        let claims_area = match (self.view.as_ref(), self.current_story()) {
            (Some(v), Some(story)) => {
                layout::inner(self.story_areas(story, v).panes[Pane::Claims.index()])
            }
            _ => Rect::default(),
        };
        let Some(view) = self.view.as_mut() else {
            return;
        };
        let story = &self.corpus.stories[view.story];
        let (rows, detail_rows, _) = geometry.unwrap_or(([0; 6], 0, SizeClass::Small));
        if let Some(f) = &view.timeline_filter {
            if f.events.iter().any(|&e| e >= story.timeline.len()) {
                view.timeline_filter = None;
            }
        }
        if view.analyst_quotes.len() != story.analysts.len() {
            view.count_quotes(story);
        }
        for p in Pane::ALL {
            let len = view.len(story, p);
            view.lists[p.index()].settle(len, rows[p.index()]);
        }
        let columns = crate::view::matrix::columns(story).len();
        let shown = claims::visible_columns(story, claims_area);
        view.claim_col.settle(columns, shown);
        filter::settle(view, story, rows);
        let key = (view.story, view.pane, view.selected_item());
        view.detail.show(story, key);
        let detail_width = self.detail_width();
        let Some(view) = self.view.as_mut() else {
            return;
        };
        if detail_width > 0 {
            view.detail.lay_out(detail_width);
        }
        view.detail.settle(detail_rows);
        if let Some(h) = view.header.as_mut() {
            if detail_width > 0 {
                h.lay_out(detail_width);
            }
            h.settle(detail_rows);
        }
    }

    /// The width the detail text is wrapped at, at the current size.
    pub fn detail_width(&self) -> u16 {
        let Some(view) = self.view.as_ref() else {
            return 0;
        };
        let Some(story) = self.corpus.stories.get(view.story) else {
            return 0;
        };
        // In the small layout the detail only shows with the focus; wrap for
        // where it will appear.
        layout::inner(view.layout_with(self.area(), story, true).detail).width
    }
}

/// The pane and place of the item with this id in a story (for `--item`), or
/// what to tell the reader when there is none.
pub fn item_place(story: &Story, id: &str) -> Result<(Pane, usize), String> {
    item_with_id(story, id)
        .ok_or_else(|| format!("story `{}` has no item with the id `{id}`", story.id))
}
