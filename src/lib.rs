//! storyx: a terminal story explorer. See ARCHITECTURE.md for the flow from files to screen.

pub mod app;
pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod sanitize;
pub mod story;
pub mod term;
pub mod ui;
