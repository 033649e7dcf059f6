//! `storyx export --jsonl`: one JSON object per line per item, from files,
//! folders or standard input; bad files are told on standard error and the rest
//! is still written. (Every field of every item: tests/every_field.rs; constant
//! memory: tests/memory.rs.)

mod common;
use common::*;

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn every_story_and_item_of_a_folder_is_a_line_in_path_order() {
    let dir = folder(&[("a.yaml", &story("alpha")), ("b.yaml", &story("beta"))]);
    let out = storyx(dir.path(), &["export", "--jsonl", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: Vec<(String, String, String)> = lines(&stdout(&out))
        .iter()
        .map(|l| {
            (
                l["story"].as_str().unwrap().to_string(),
                l["kind"].as_str().unwrap().to_string(),
                l["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = |id: &str| {
        vec![
            (id.to_string(), "story".to_string(), format!("Story {id}")),
            (id.to_string(), "party".to_string(), "Acme Corp".to_string()),
            (
                id.to_string(),
                "analyst".to_string(),
                "Jane Doe".to_string(),
            ),
            (
                id.to_string(),
                "quote".to_string(),
                "It is fine.".to_string(),
            ),
        ]
    };
    assert_eq!(got, [want("alpha"), want("beta")].concat());
    let quote = &lines(&stdout(&out))[3];
    assert_eq!(quote["by"], "jane-doe");
    assert_eq!(quote["by_name"], "Jane Doe");
    assert_eq!(quote["quote_kind"], "direct");
}

#[test]
fn a_dash_reads_one_story_from_standard_input() {
    let mut cmd = command();
    let mut child = cmd
        .args(["export", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(story("piped").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = lines(&stdout(&out));
    assert_eq!(all.len(), 4);
    assert_eq!(all[0]["story"], "piped");
    assert_eq!(all[0]["file"], "<stdin>");
}

#[test]
fn a_broken_file_is_told_and_the_others_are_still_written() {
    let dir = folder(&[
        ("a.yaml", &story("alpha")),
        ("b.yaml", "id: [broken\n"),
        ("c.yaml", &story("gamma")),
    ]);
    let out = storyx(dir.path(), &["export", "--jsonl", ".", "missing"]);
    // A path that cannot be read is a usage problem (2), as in every command.
    assert_eq!(out.status.code(), Some(2));
    let stories: Vec<String> = lines(&stdout(&out))
        .iter()
        .filter(|l| l["kind"] == "story")
        .map(|l| l["story"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stories, ["alpha", "gamma"]);
    assert!(
        stderr(&out).contains("could not be loaded"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn story_text_cannot_break_a_line_or_reach_a_terminal() {
    let yaml = "id: esc\ntitle: \"two\\nlines \\e[31mred\\u202e\"\n";
    let dir = folder(&[("a.yaml", yaml)]);
    let out = storyx(dir.path(), &["export", "--jsonl", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        !text.contains('\x1b') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert_eq!(lines(&text)[0]["title"], "two\nlines \x1b[31mred\u{202e}");
}

#[test]
fn jsonl_is_required() {
    let out = storyx(&repo(), &["export"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--jsonl"), "{}", stderr(&out));
}
