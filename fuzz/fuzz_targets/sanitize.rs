//! Fuzz target: whatever the text, the sanitized forms hold no character that could act on a
//! terminal, sanitizing is idempotent, and the safe JSON form round-trips exactly.
//!
//! Run: `cargo fuzz run sanitize -- -max_total_time=600` (needs nightly, or RUSTC_BOOTSTRAP=1).
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use storyx::sanitize::{is_unsafe, json_escapes, json_string, sanitize, sanitize_line};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    let shown = sanitize(&text);
    assert!(!shown.chars().any(is_unsafe), "{text:?} -> {shown:?}");
    let again = sanitize(&shown);
    assert!(matches!(again, Cow::Borrowed(_)), "{shown:?} -> {again:?}");

    let row = sanitize_line(&text);
    assert!(
        !row.chars().any(|c| c == '\n' || is_unsafe(c)),
        "{text:?} -> {row:?}"
    );
    let again = sanitize_line(&row);
    assert!(matches!(again, Cow::Borrowed(_)), "{row:?} -> {again:?}");

    let json = json_string(&text);
    assert!(!json.chars().any(json_escapes), "{json:?}");
    let back: String = serde_json::from_str(&json).expect("json_string output parses");
    assert_eq!(back, text);
});
