//! Fuzz target: the parsed-corpus cache is untrusted. Any pack file (its table) and
//! any entry blob decode to an answer or to a miss, never a panic, a hang or an
//! allocation beyond the bytes given; a decoded story holds the checked story's
//! invariants, and what it shows (dates) prints without a panic. The same for the
//! entry's head alone (`decode_outline`, what `check` and `who` read): a decoded
//! outline holds an outline's invariants, and its ids, people and date read
//! without a panic.
//!
//! The input is split at its first byte: that many bytes (times 16) are the story
//! file's bytes, the rest the blob, which is also tried as a whole pack.
//!
//! Run: `cargo +nightly fuzz run cache -- -max_total_time=600`.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use storyx::cache::{decode, decode_outline, table_len};

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
    if let Some((outline, diagnostics)) = decode_outline(blob, file) {
        if let Some(o) = outline {
            assert!(storyx::story::validate::outline_holds(&o));
            assert!(!o.id.is_empty());
            let _ = o.date.as_ref().map(|d| d.to_string());
            for (id, list, _) in o.item_ids() {
                assert!(!id.is_empty(), "an empty {} id", list.key());
            }
            let _ = (o.parties().count(), o.analysts().count());
            let story = o.into_story(std::path::PathBuf::from("fuzz.yaml"), true);
            assert!(!story.id.is_empty());
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
