//! The language server (`storyx lsp`): story files in an editor, with what `check` knows.
//!
//! The main loop answers requests from the documents' texts and the last snapshot of the
//! workspace; a worker thread ([`worker`]) computes the diagnostics, debounced while the
//! user types, and a loader thread reads the workspace's stories in the background. It
//! sits above `story` and `corpus` and names nothing of the explorer.

pub mod actions;
pub mod completion;
pub mod diagnostics;
pub mod doc;
pub mod edits;
pub mod hover;
pub mod keys;
pub mod navigate;
pub mod server;
pub mod symbols;
pub mod syntax;
pub mod text;
pub mod transport;
pub mod worker;
pub mod workspace;

pub use server::serve;
