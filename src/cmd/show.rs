//! `storyx show`.
use crate::cli::{LoadArgs, ShowFormat};
pub fn run(_id: &str, _load: &LoadArgs, _f: ShowFormat, _json: bool) -> u8 { todo!("show") }
pub fn list(_load: &LoadArgs, _json: bool) -> u8 { todo!("list") }
