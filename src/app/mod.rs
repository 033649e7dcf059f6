//! The explorer's logic, free of any terminal: the [`State`], the [`Action`]s,
//! the key map that turns keys into actions, and the pure [`update`].
//!
//! Flow: key → [`keymap::action_for`] → [`update`] → [`crate::ui::draw`].

pub mod action;
pub mod effects;
pub mod detail;
pub mod filter;
pub mod keymap;
pub mod library_filter;
pub mod line;
pub mod matrix;
pub mod people;
pub mod search;
pub mod state;
pub mod update;

pub use action::{Action, Batch, Pane};
pub use state::{Screen, SortOrder, State, StoryView};
pub use update::update;
