//! The six list panes of a story.

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
