//! What the explorer's state and its drawing both need, below both: where each
//! part of a screen goes at a size (`layout`, and the geometry of the claims
//! matrix, the People screens, the search overlay), how wide text is and how it
//! wraps (`text`), the text of a row (`rows`: the row the reader sees is the row
//! the filter matches), the claims matrix as data (`matrix`), the words a
//! value reads as (`words`), and the colours (`theme`).
//!
//! Names nothing in `app` or `ui`: those two build on it.

pub mod claims;
pub mod header;
pub mod help;
pub mod layout;
pub mod line;
pub mod matrix;
pub mod pane;
pub mod people;
pub mod rows;
pub mod search;
pub mod text;
pub mod theme;
pub mod words;

pub use pane::Pane;
