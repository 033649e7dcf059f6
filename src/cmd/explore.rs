//! `storyx explore`.
use crate::cli::ExploreArgs;
pub fn run(_args: ExploreArgs) -> u8 {
    todo!("explorer")
}
