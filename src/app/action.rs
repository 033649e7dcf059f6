//! What the user (or the program) asks the explorer to do: every key, click and
//! event becomes one [`Action`] before it changes the state.

use crate::corpus::Corpus;
use crate::search::Results;

use super::line::LineKey;

/// The six list panes of a story, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pane {
    Timeline,
    Parties,
    Analysts,
    Quotes,
    Claims,
    Sources,
}

impl Pane {
    pub const ALL: [Pane; 6] = [
        Pane::Timeline,
        Pane::Parties,
        Pane::Analysts,
        Pane::Quotes,
        Pane::Claims,
        Pane::Sources,
    ];

    /// The pane title, exactly as shown.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Parties => "Parties",
            Pane::Analysts => "Analysts",
            Pane::Quotes => "Quotes",
            Pane::Claims => "Claims",
            Pane::Sources => "Sources",
        }
    }

    /// 0 for Timeline … 5 for Sources.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Pane> {
        Pane::ALL.get(i).copied()
    }
}

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
    CycleSort,
    ToggleProblems,
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
}
