//! `storyx check`.
use crate::cli::{CheckFormat, LoadArgs};
pub fn run(_load: &LoadArgs, _format: Option<CheckFormat>) -> u8 { todo!("loader") }
