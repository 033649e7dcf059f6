//! storyx: a terminal story explorer. See ARCHITECTURE.md for the flow from files to screen.

pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod export;
pub mod logging;
pub mod sanitize;
pub mod story;
