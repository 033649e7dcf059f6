//! Fuzz target: any text given to the loader ends in a story or located problems, never a
//! panic, and every way `storyx check` and `storyx show` print the outcome holds no character
//! that could act on a terminal (the JSON form parses back).
//!
//! Every problem has a place (line and column from 1, the line inside the text) or is about
//! the whole file (no path inside the story).
//!
//! Run: `cargo +nightly fuzz run load -- -max_total_time=600`.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use storyx::cmd::{check, show};
use storyx::corpus::Corpus;
use storyx::sanitize::{is_unsafe, json_escapes};
use storyx::story::parse::parse_str;

/// A file of this process's own, so `check --format pretty` can quote the source line.
fn file() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        std::env::temp_dir().join(format!("storyx-fuzz-load-{}.yaml", std::process::id()))
    })
}

fn assert_safe(what: &str, out: &str) {
    if let Some(c) = out.chars().find(|&c| is_unsafe(c)) {
        panic!("{what}: unsafe {c:?} in {out:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = file();
    let _ = std::fs::write(path, text);
    let result = parse_str(path, text);
    // Lines as the parsers count them: LF, CRLF and CR alone; libyaml (syntax errors)
    // also breaks at NEL, LS and PS.
    let breaks = text
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
        - text.matches("\r\n").count();
    let lines = breaks + 1;
    for d in &result.diagnostics {
        match d.location {
            Some(l) => {
                assert!(l.line >= 1 && l.column >= 1, "{d:?}");
                assert!(l.line <= lines, "line past the end: {d:?}");
            }
            None => assert!(
                d.path.is_empty(),
                "a problem inside the story without a place: {d:?}"
            ),
        }
        assert!(!d.message.trim().is_empty(), "{d:?}");
    }
    if result.story.is_none() {
        assert!(
            result.diagnostics.iter().any(|d| d.is_error()),
            "no story and no error"
        );
    }
    let story = result.story.clone();
    let corpus = Corpus::from_results(vec![result]);
    let diags: Vec<_> = corpus.diagnostics.iter().collect();
    assert_safe("check short", &check::short(&diags));
    assert_safe("check pretty", &check::pretty(&diags, &corpus, false));
    let json = check::json(&diags);
    // Pretty JSON puts its own line breaks between values; inside strings every one is escaped.
    assert!(
        !json.chars().any(|c| c != '\n' && json_escapes(c)),
        "{json:?}"
    );
    let back: serde_json::Value = serde_json::from_str(&json).expect("check JSON parses");
    assert_eq!(back.as_array().map(Vec::len), Some(diags.len()));
    if let Some(story) = story {
        assert_safe("show", &show::text(&story));
        let json = show::story_json_line(&story);
        assert!(!json.chars().any(json_escapes), "{json:?}");
        let _: serde_json::Value = serde_json::from_str(&json).expect("show JSON parses");
    }
});
