//! Story text quoted in a problem is bounded: a huge key, id, reference or value
//! gets a message that names it by its start, never one that prints it whole
//! (a 1 MB key used to make a 2 MB line in `check`'s output). The long texts are
//! made here, in every place a message or a path quotes story text.

mod common;
use common::*;

use std::path::Path;

use storyx::story::parse::parse_str;

/// The longest message a problem may have (the bound is 1,000 characters and an
/// ellipsis; the place `(first at line …)` may follow).
const MESSAGE: usize = 1_100;
/// The longest segment of a path (80 characters and an ellipsis).
const SEGMENT: usize = 81;

/// A text of `n` characters that is one plain YAML scalar and not kebab-case.
fn long(n: usize) -> String {
    "Xy".repeat(n / 2)
}

/// (what, story text) for each place where story text reaches a message.
fn shapes(t: &str) -> Vec<(&'static str, String)> {
    let base = "id: s\ntitle: T\n";
    let party = "parties:\n  - id: acme\n    name: Acme\n    kind: company\n";
    vec![
        // A plain key is at most 1,024 characters in YAML; an explicit key (`? `) has no limit.
        ("unknown top-level key", format!("{base}? {t}\n: 1\n")),
        (
            "unknown key in a party",
            format!("{base}{party}    ? {t}\n    : 1\n"),
        ),
        (
            "duplicate key",
            format!("{base}{party}    ? {t}\n    : 1\n    ? {t}\n    : 2\n"),
        ),
        (
            "quote by an unknown id",
            format!("{base}{party}quotes:\n  - by: {t}\n    text: Hi.\n"),
        ),
        (
            "an id that is not kebab-case",
            format!("id: {t}\ntitle: T\n"),
        ),
        ("a date that is not a date", format!("{base}date: {t}\n")),
        (
            "an event date that is not a date",
            format!("{base}timeline:\n  - date: {t}\n    title: E\n"),
        ),
        (
            "involves an unknown id",
            format!(
                "{base}{party}timeline:\n  - date: 2024-01-01\n    title: E\n    involves: [{t}]\n"
            ),
        ),
        (
            "a kind that does not exist",
            format!("{base}parties:\n  - id: acme\n    name: Acme\n    kind: {t}\n"),
        ),
    ]
}

fn assert_bounded(what: &str, n: usize, text: &str, start: &str) {
    let result = parse_str(Path::new("big.yaml"), text);
    assert!(
        !result.diagnostics.is_empty(),
        "{what} ({n} characters): no problem reported"
    );
    let mut named = false;
    for d in &result.diagnostics {
        assert!(d.location.is_some(), "{what}: a problem with no place");
        let len = d.message.chars().count();
        assert!(
            len <= MESSAGE,
            "{what} ({n} characters): a message of {len} characters"
        );
        for seg in d.path.split('.') {
            assert!(
                seg.chars().count() <= SEGMENT,
                "{what} ({n} characters): a path segment of {} characters",
                seg.chars().count()
            );
        }
        named |= d.message.contains(start) || d.path.contains(start);
    }
    assert!(
        named,
        "{what} ({n} characters): no problem names the text by its start: {:?}",
        result.diagnostics
    );
}

#[test]
fn problems_quote_a_bounded_part_of_long_story_text() {
    for n in [200, 5_000, 200_000] {
        let t = long(n);
        for (what, text) in shapes(&t) {
            assert_bounded(what, n, &text, &t[..20]);
        }
    }
}

#[test]
fn short_story_text_is_quoted_whole() {
    let t = "Xy".repeat(30);
    for (what, text) in shapes(&t) {
        let result = parse_str(Path::new("s.yaml"), &text);
        assert!(
            result
                .diagnostics
                .iter()
                .any(|d| d.message.contains(&t) || d.path.contains(&t)),
            "{what}: the 60-character text is not quoted whole: {:?}",
            result.diagnostics
        );
    }
}

#[test]
fn check_prints_no_line_longer_than_a_message_for_a_megabyte_key() {
    let dir = tempfile::tempdir().unwrap();
    let t = long(1 << 20);
    std::fs::write(
        dir.path().join("key.yaml"),
        format!("id: s\ntitle: T\n? {t}\n: 1\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("good.yaml"), story("good")).unwrap();
    let out = storyx(
        dir.path(),
        &["check", "--no-cache", "key.yaml", "good.yaml"],
    );
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("key.yaml:3:3"),
        "the problem is located: {}",
        &text[..text.len().min(500)]
    );
    assert!(text.contains(&t[..20]), "the key is named by its start");
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest <= 1_400, "a line of {longest} characters");
}
