//! storyx: a terminal story explorer. See ARCHITECTURE.md for the flow from files to screen.

pub mod story;
pub mod corpus;
pub mod cli;
pub mod cmd;
pub mod sanitize;
