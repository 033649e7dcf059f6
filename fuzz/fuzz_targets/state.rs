//! Fuzz target: any reading-state file is decoded without panicking, reads back the same once
//! written, and every place in it restores (or is ignored) and draws at any size with Ctrl-c
//! still quitting (`fuzz/props/untrusted.rs`, shared with `tests/untrusted_props.rs`).
//!
//! The first two bytes choose the terminal's size; the rest is the file.
//!
//! Run: `cargo +nightly fuzz run state -- -max_total_time=600`.
#![no_main]

#[path = "../props/untrusted.rs"]
mod props;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [w, h, rest @ ..] = data else {
        return;
    };
    props::check_state(rest, u16::from(*w % 200), u16::from(*h % 80));
});
