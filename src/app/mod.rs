//! The explorer's logic, free of any terminal: the [`State`], the [`Action`]s,
//! the key map that turns keys into actions, and the pure [`update`].
//!
//! Flow: key → [`keymap::action_for`] → [`update`] → the drawing (`ui::draw`,
//! a layer above: nothing here names it). What both need sits below both, in
//! [`crate::view`].

pub mod action;
pub mod claim_view;
pub mod detail;
pub mod effects;
pub mod filter;
pub mod keymap;
pub mod library_filter;
pub mod line;
pub mod mouse;
pub mod people;
pub mod people_filter;
pub mod place;
pub mod review;
pub mod search;
pub mod state;
pub mod update;

pub use action::{Action, Batch, Pane};
pub use state::{Screen, SortOrder, State, StoryView};
pub use update::update;
