//! storyx: a terminal story explorer. See ARCHITECTURE.md for the flow from files to screen.

pub mod app;
pub mod cache;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod corpus;
pub mod export;
pub mod host;
pub mod live;
pub mod logging;
pub mod lsp;
pub mod people;
pub mod reading;
pub mod sanitize;
pub mod search;
pub mod story;
#[doc(hidden)]
pub mod synth;
pub mod term;
pub mod ui;
