//! Fuzz target: any configuration text is read without panicking, every problem is placed
//! inside the text, the keys in force keep Ctrl-c quitting and bind no key twice, and the
//! hints, the help and every screen name only bound keys and draw safely
//! (`fuzz/props/untrusted.rs`, shared with `tests/untrusted_props.rs`).
//!
//! Run: `cargo +nightly fuzz run config -- -max_total_time=600`.
#![no_main]

#[path = "../props/untrusted.rs"]
mod props;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        props::check_config(text);
    }
});
