//! What the user (or the program) asks the explorer to do: every key, click and
//! event becomes one [`Action`] before it changes the state.

use std::collections::BTreeSet;

use crate::corpus::Corpus;
use crate::search::Results;
use crate::story::Diagnostic;
use crate::story::FileResult;

use super::keymap::Keymap;
use super::line::LineKey;
use super::place::Place;
pub use crate::view::Pane;

/// One thing to do. Keys map to these through [`super::keymap`]; the event loop
/// adds the terminal events (resize, mouse) and the loader's results.
#[derive(Debug, Clone)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// h/←: the column to the left in the claims matrix.
    Left,
    /// l/→: the column to the right.
    Right,
    NextPane,
    PrevPane,
    FocusPane(Pane),
    /// Enter: open the story or item, follow the cross-reference.
    Open,
    /// Backspace: go back in the history.
    Back,
    /// Esc: close the overlay or the detail, back to the library.
    Close,
    PrevStory,
    NextStory,
    ToggleHelp,
    ToggleSummary,
    /// `}`: the next cross-reference of the detail (a person's page: the next story).
    NextLink,
    /// `{`: the previous cross-reference (a person's page: the previous story).
    PrevLink,
    /// `z`: the focused pane (a list or the detail) over the whole body, or not.
    ToggleZoom,
    CycleSort,
    ToggleProblems,
    /// p: the People screen (every party and analyst across the stories).
    People,
    /// w: the selected party or analyst across every story; on the claim itself
    /// (the Claims pane's first column stop), the claim.
    Who,
    /// t: the Timeline pane narrowed to the selected party's or analyst's events.
    NarrowTimeline,
    Quit,
    /// Ctrl-z: handled by the event loop (the state does not change).
    Suspend,
    Resize {
        width: u16,
        height: u16,
    },
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel at a screen cell.
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    /// `/`: open the search overlay.
    Search,
    /// `n`: the next hit of the last search that jumped.
    NextHit,
    /// `N`: the previous hit.
    PrevHit,
    /// `f`: filter the focused pane.
    Filter,
    /// A key of the open query line (the search's or the filter's).
    Line(LineKey),
    /// The search worker's answer to the query of this generation.
    SearchResults {
        generation: u64,
        results: Box<Results>,
    },
    /// More of the corpus is loaded: the new corpus replaces the old one, the
    /// open story and selections are kept where they still exist.
    Loaded(Box<Corpus>),
    /// The next files loaded in the background, added to the corpus.
    Batch(Box<Batch>),
    /// The background load ended (its thread is gone) before its last batch.
    LoadingDone,
    /// A reload (`r`, an edit, a changed file) brought a whole new corpus; what
    /// was still loading is superseded, and the status bar says what came.
    Reloaded(Box<Corpus>),
    /// Put the reader back where they were (the reading state); with
    /// `from_library_only`, only if they are still on the library.
    Restore {
        place: Box<Place>,
        from_library_only: bool,
    },
    /// Open the story with this id and select the item with that id in it
    /// (`--story`, `--item`).
    GoTo {
        story: String,
        item: Option<String>,
    },
    /// A status message from outside the update (an effect that failed, a
    /// problem with the configuration at start-up).
    Message(String),
    /// The stories marked reviewed, as the reading state remembers them.
    Reviewed(BTreeSet<String>),
    /// The keys in force (the user's configuration).
    Keys(Keymap),
    /// Problems found outside the story files (the configuration), listed with
    /// the others.
    Problems(Vec<Diagnostic>),
    /// `y`: copy the selected item to the clipboard (OSC 52).
    Copy,
    /// `o`: open the selected item's source URL in the browser.
    OpenUrl,
    /// `r`: load the stories again.
    Reload,
    /// `e`: edit the selected item's file in `$VISUAL` / `$EDITOR`.
    Edit,
    /// `m`: mark the story reviewed (or not).
    ToggleReviewed,
    /// `u`: the library shows only unreviewed stories (or all).
    ToggleUnreviewed,
    /// `d`: the story's changes since its review.
    Changes,
    /// The host's answer about reviewed stories (compared, removed, evicted).
    Review(Box<super::review::Answer>),
}

/// Makes one action (a function, since `Action` is not `Copy`).
pub type MakeAction = fn() -> Action;

/// The actions a key can be bound to, by the names the configuration file
/// uses: the variant's name in snake case (`page_down`, `focus_quotes`).
pub const NAMED: &[(&str, MakeAction)] = &[
    ("up", || Action::Up),
    ("down", || Action::Down),
    ("top", || Action::Top),
    ("bottom", || Action::Bottom),
    ("page_up", || Action::PageUp),
    ("page_down", || Action::PageDown),
    ("next_pane", || Action::NextPane),
    ("prev_pane", || Action::PrevPane),
    ("focus_timeline", || Action::FocusPane(Pane::Timeline)),
    ("focus_parties", || Action::FocusPane(Pane::Parties)),
    ("focus_analysts", || Action::FocusPane(Pane::Analysts)),
    ("focus_quotes", || Action::FocusPane(Pane::Quotes)),
    ("focus_claims", || Action::FocusPane(Pane::Claims)),
    ("focus_sources", || Action::FocusPane(Pane::Sources)),
    ("open", || Action::Open),
    ("back", || Action::Back),
    ("close", || Action::Close),
    ("prev_story", || Action::PrevStory),
    ("next_story", || Action::NextStory),
    ("toggle_help", || Action::ToggleHelp),
    ("toggle_summary", || Action::ToggleSummary),
    ("toggle_zoom", || Action::ToggleZoom),
    ("next_link", || Action::NextLink),
    ("prev_link", || Action::PrevLink),
    ("cycle_sort", || Action::CycleSort),
    ("toggle_problems", || Action::ToggleProblems),
    ("quit", || Action::Quit),
    ("suspend", || Action::Suspend),
    ("copy", || Action::Copy),
    ("open_url", || Action::OpenUrl),
    ("reload", || Action::Reload),
    ("edit", || Action::Edit),
    ("toggle_reviewed", || Action::ToggleReviewed),
    ("toggle_unreviewed", || Action::ToggleUnreviewed),
    ("changes", || Action::Changes),
    ("left", || Action::Left),
    ("right", || Action::Right),
    ("people", || Action::People),
    ("who", || Action::Who),
    ("narrow_timeline", || Action::NarrowTimeline),
    ("search", || Action::Search),
    ("next_hit", || Action::NextHit),
    ("prev_hit", || Action::PrevHit),
    ("filter", || Action::Filter),
];

impl Action {
    /// The configuration name of a bindable action (`None` for events such as
    /// a resize or a click).
    pub fn name(&self) -> Option<&'static str> {
        let d = std::mem::discriminant(self);
        NAMED.iter().find_map(|(name, make)| {
            let a = make();
            let same = match (self, &a) {
                (Action::FocusPane(x), Action::FocusPane(y)) => x == y,
                _ => std::mem::discriminant(&a) == d,
            };
            same.then_some(*name)
        })
    }

    /// The action with this configuration name; `-` and `_` are the same and
    /// case does not matter (`PageDown`, `page-down`, `page_down`).
    pub fn from_name(name: &str) -> Option<Action> {
        let want: String = name
            .chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect();
        NAMED
            .iter()
            .find(|(n, _)| n.replace('_', "") == want)
            .map(|(_, make)| make())
    }
}

/// Files loaded in the background, in path order after those already in, and how
/// far loading has got: the last batch has `done == total`.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub results: Vec<FileResult>,
    /// Problems met while looking for the files (a missing path); in the first batch.
    pub problems: Vec<Diagnostic>,
    /// Files loaded so far, this batch included.
    pub done: usize,
    /// Files found in all.
    pub total: usize,
}
