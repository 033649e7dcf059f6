//! One module per subcommand: each turns parsed arguments into output and an exit code.

pub mod check;
pub mod explore;
pub mod search;
pub mod show;
