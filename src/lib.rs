//! storyx: a terminal story explorer. See ARCHITECTURE.md for the flow from files to screen.

// No panic reachable from input: no unwrap or expect outside the tests, but for an
// invariant that holds (an `#[allow]` there says which).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cache;
pub mod claims;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod draft;
pub mod export;
pub mod git;
pub mod host;
pub mod logging;
pub mod lsp;
pub mod people;
pub mod reading_state;
pub mod reviewed;
pub mod sanitize;
pub mod search;
pub mod search_session;
pub mod story;
/// The corpus generator of the tests, benches and examples; not in the shipped
/// library and binary (the `synth` feature, on for them through the crate's
/// dev-dependency on itself).
#[cfg(any(test, feature = "synth"))]
#[doc(hidden)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // test support: a panic is a failed test
pub mod synth;
pub mod term;
pub mod ui;
pub mod view;
pub mod wording;
