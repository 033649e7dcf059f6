//! `storyx search`.
use crate::cli::{ItemKind, LoadArgs};
pub fn run(_q: &str, _load: &LoadArgs, _kind: Option<ItemKind>, _limit: usize, _json: bool) -> u8 {
    todo!("search")
}
