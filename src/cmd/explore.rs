//! `storyx` with no subcommand: load the stories and open the explorer.
use crate::cli::ExploreArgs;
pub fn run(_args: ExploreArgs) -> u8 {
    todo!("explorer")
}
