//! Every input the fuzz targets (fuzz/fuzz_targets/load.rs, render.rs) found to
//! break one of their assertions, kept here with the same assertions so the
//! finding stays fixed:
//!
//! 1. A file with CR alone as line breaks: problems are placed by YAML's lines
//!    (CR, LF and CRLF all end a line), but `check --format pretty` looked the
//!    line up by LF only and showed no source line (or the wrong one).
//! 2. A syntax error at the very end of a file without a final line break was
//!    placed on the line after the last, which does not exist (libyaml's mark);
//!    it is now placed at the end of the last line. The same held for errors
//!    found by the budget scan (saphyr), met first in files with deep flow nesting.

mod common;

use std::path::Path;

use storyx::cmd::check;
use storyx::corpus::Corpus;
use storyx::sanitize::{is_unsafe, json_escapes};
use storyx::story::parse::parse_str;
use storyx::story::Location;

/// The load target's assertions, on one input.
fn load_target(text: &str) -> Corpus {
    let result = parse_str(Path::new("fuzz.yaml"), text);
    let breaks = text
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
        - text.matches("\r\n").count();
    for d in &result.diagnostics {
        match d.location {
            Some(l) => assert!(
                l.line >= 1 && l.column >= 1 && l.line <= breaks + 1,
                "{d:?}"
            ),
            None => assert!(d.path.is_empty(), "{d:?}"),
        }
    }
    let corpus = Corpus::from_results(vec![result]);
    let diags: Vec<_> = corpus.diagnostics.iter().collect();
    for out in [check::short(&diags), check::pretty(&diags, &corpus, false)] {
        assert!(!out.chars().any(is_unsafe), "{out:?}");
    }
    let json = check::json(&diags);
    assert!(
        !json.chars().any(|c| c != '\n' && json_escapes(c)),
        "{json:?}"
    );
    corpus
}

/// A line of `{` deep enough to go through the budget scan (saphyr) before serde_yaml.
fn deep_flow() -> String {
    format!(
        "# Ben on puuence; the errting uescape sequences.\n{}s-\n   :id: srcstruc%",
        "{".repeat(40)
    )
}

const FOUND: &[&str] = &[
    "# Broken on purpose: %an ioken on pu\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\rrpose: %an id that is ane sequence.\nid: \"\\e]09pwned\\a\\Bad id\n",
    "# BrOken on purpse:/ %an id that is ann escape sequence.\nid: \"\\e]0;pwnee]0;pwned\\a\\u049b2J\\u202E\"\ntitle-",
];

#[test]
fn the_inputs_the_fuzzer_found_pass_its_assertions() {
    for text in FOUND {
        load_target(text);
    }
    load_target(&deep_flow());
}

#[test]
fn a_syntax_error_at_the_end_is_placed_on_the_last_line() {
    let corpus = load_target("id: a\ntitle: t\nfoo");
    assert_eq!(
        corpus.diagnostics[0].location,
        Some(Location { line: 3, column: 4 })
    );
    // With a final line break, the line after it exists: the error stays there.
    let corpus = load_target("id: a\ntitle: t\nfoo\n");
    assert_eq!(
        corpus.diagnostics[0].location,
        Some(Location { line: 4, column: 1 })
    );
    let corpus = load_target("id: a\rtitle: t\rfoo");
    assert_eq!(
        corpus.diagnostics[0].location,
        Some(Location { line: 3, column: 4 })
    );
    let corpus = load_target(&deep_flow());
    let d = &corpus.diagnostics[0];
    assert_eq!(
        d.location,
        Some(Location {
            line: 3,
            column: 18
        }),
        "{d:?}"
    );
    assert!(d.message.starts_with("YAML syntax error: "), "{d:?}");
}

#[test]
fn check_pretty_quotes_the_line_of_a_file_with_cr_line_breaks() {
    for (name, text) in [
        ("cr.yaml", "id: a\rtitle: t\rquotse: 1\r"),
        ("crlf.yaml", "id: a\r\ntitle: t\r\nquotse: 1\r\n"),
        ("mixed.yaml", "id: a\r\ntitle: t\rx: 1\nquotse: 1\n"),
    ] {
        let dir = common::folder(&[(name, text)]);
        let out = common::storyx(dir.path(), &["check", "--format", "pretty", name]);
        let out = common::stdout(&out);
        assert!(out.contains(&format!("{name}:")), "{out}");
        assert!(
            out.contains("| quotse: 1\n"),
            "{name}: no source line in\n{out}"
        );
        assert!(out.contains("| ^^^^^^\n"), "{name}: no mark in\n{out}");
    }
}
