//! Fuzz target: the parsed-corpus cache is untrusted. Any pack file (its table) and
//! any entry blob decode to an answer or to a miss, never a panic, a hang or an
//! allocation beyond the bytes given; a decoded story holds the checked story's
//! invariants, and what it shows (dates) prints without a panic.
//!
//! The input is split at its first byte: that many bytes (times 16) are the story
//! file's bytes, the rest the blob, which is also tried as a whole pack.
//!
//! Run: `cargo +nightly fuzz run cache -- -max_total_time=600`.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use storyx::cache::{decode, table_len};

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let split = (usize::from(n) * 16).min(rest.len());
    let (file, blob) = rest.split_at(split);
    if let Some((story, diagnostics)) = decode(blob, file) {
        if let Some(s) = story {
            assert!(storyx::story::validate::invariants_hold(&s));
            let _ = s.date.map(|d| d.to_string());
            for q in &s.quotes {
                let _ = q.date.as_ref().map(|d| d.to_string());
            }
        }
        let _ = diagnostics.len();
    }
    let mut pack = tempfile_in_tmp();
    pack.write_all(blob).unwrap();
    let _ = table_len(&pack);
});

/// An anonymous file of this process's own for the pack.
fn tempfile_in_tmp() -> std::fs::File {
    let path = std::env::temp_dir().join(format!("storyx-fuzz-cache-{}.pack", std::process::id()));
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(&path)
        .unwrap();
    f
}
