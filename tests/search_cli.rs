//! `storyx search` from the outside: text and JSON output on the bundled story and on
//! hostile files, kinds, limits, no hits, exit codes.

// Unsafe here: openpty (libc) to give storyx a terminal; each call is commented with
// its SAFETY reasoning.
#![allow(unsafe_code)]

mod common;
use common::*;

use serde_json::Value;

fn json_hits(dir: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let out = storyx(dir, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    match serde_json::from_str(&stdout(&out)).expect("JSON output") {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

#[test]
fn fisher_complicit_finds_fishers_paraphrase_first() {
    let dir = folder(&[]);
    let hits = json_hits(dir.path(), &["search", "fisher complicit", "--json"]);
    let first = &hits[0];
    assert_eq!(first["kind"], "quote");
    assert_eq!(first["story"], "alibaba-military-allegations");
    assert_eq!(first["id"], "fisher-complicit");
    assert_eq!(first["by"], "richard-fisher");
    assert_eq!(first["by_name"], "Richard Fisher");
    assert!(first["text"]
        .as_str()
        .unwrap()
        .starts_with("Fisher emphasized that all Chinese entities"));
    assert!(first["title"]
        .as_str()
        .unwrap()
        .starts_with("Reported White House memo"));
    assert!(first["score"].is_i64());
    // Best first.
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn text_output_is_one_plain_line_per_hit_when_piped() {
    let dir = folder(&[]);
    let out = storyx(dir.path(), &["search", "fisher complicit"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let first = text.lines().next().expect("a hit");
    assert_eq!(
        first,
        "quote    alibaba-military-allegations  Richard Fisher (reported): Fisher emphasized that all \
         Chinese entities, whether state-owned or private, are complicit in supporting the military."
    );
    assert!(!text.contains('\x1b'), "no bold when not a terminal");
    assert!(text
        .lines()
        .any(|l| l == "analyst  alibaba-military-allegations  Richard Fisher"));
}

#[test]
fn kind_and_limit() {
    let dir = folder(&[]);
    let hits = json_hits(
        dir.path(),
        &["search", "alibaba", "--kind", "party", "--json"],
    );
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["kind"] == "party"));
    assert_eq!(hits[0]["text"], "Alibaba");
    assert_eq!(
        (hits[0]["by"].clone(), hits[0]["by_name"].clone()),
        (Value::Null, Value::Null)
    );

    let hits = json_hits(dir.path(), &["search", "alibaba", "--limit", "2", "--json"]);
    assert_eq!(hits.len(), 2);
    // A hit's line, and under it (indented) the field it matched in when the line does not show it.
    let hit_lines =
        |out: &std::process::Output| stdout(out).lines().filter(|l| !l.starts_with(' ')).count();
    let out = storyx(dir.path(), &["search", "alibaba", "--limit", "2"]);
    assert_eq!(hit_lines(&out), 2);
    assert!(stderr(&out).contains("2 of "), "{}", stderr(&out));

    let out = storyx(dir.path(), &["search", "a"]);
    assert_eq!(hit_lines(&out), 20, "the default limit is 20");
}

#[test]
fn exit_status_is_0_with_hits_1_without_and_2_on_a_usage_problem() {
    let dir = folder(&[]);
    let out = storyx(dir.path(), &["search", "zzqxj", "--json"]);
    assert_eq!(
        (out.status.code(), stdout(&out).as_str()),
        (Some(1), "[]\n")
    );
    let out = storyx(dir.path(), &["search", "zzqxj"]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(1), ""));
    let out = storyx(dir.path(), &["search", " "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a query"), "{}", stderr(&out));
    // A usage problem wins over "no hits", as in grep.
    let out = storyx(dir.path(), &["search", "zzqxj", "no-such-dir"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn each_hit_says_which_field_matched_and_shows_the_text_around_it() {
    let dir = folder(&[]);
    // Dates are searched as they display, stances by their word.
    let hits = json_hits(dir.path(), &["search", "2001", "--json"]);
    assert_eq!(hits[0]["text"], "China enters the World Trade Organization");
    assert_eq!(
        (hits[0]["field"].as_str(), hits[0]["snippet"].as_str()),
        (Some("date"), Some("11 Dec 2001"))
    );
    assert_eq!(
        hits[0]["snippet_positions"],
        serde_json::json!([7, 8, 9, 10])
    );
    let hits = json_hits(
        dir.path(),
        &["search", "disputes", "--json", "--kind", "claim"],
    );
    assert!(hits[0]["field"].as_str().unwrap().starts_with("stances["));
    // The stance reads as English, as in every output, the stance word lit.
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(snippet.ends_with(" disputes the claim"), "{snippet}");
    let lit: String = hits[0]["snippet_positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| snippet.chars().nth(p.as_u64().unwrap() as usize).unwrap())
        .collect();
    assert_eq!(lit, "disputes");
    let out = stdout(&storyx(
        dir.path(),
        &["search", "no comment", "--kind", "claim"],
    ));
    assert!(
        out.contains("stances[0].stance: White House has no comment on the claim\n"),
        "{out}"
    );

    // A party found by its position: the line names it, the next shows the words.
    let out = storyx(
        dir.path(),
        &["search", "privacy protections", "--kind", "party"],
    );
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("party    alibaba-military-allegations  Chinese Embassy in Washington")
    );
    let next = lines.next().unwrap();
    assert!(next.starts_with("         position: …"), "{text}");
    assert!(
        next.contains("China upholds privacy protections."),
        "{text}"
    );

    // Initials rank above letters scattered in a word.
    let hits = json_hits(dir.path(), &["search", "wto", "--json", "--kind", "event"]);
    assert_eq!(hits[0]["text"], "China enters the World Trade Organization");
    assert_eq!(hits[0]["field"], "title");
}

const HOSTILE: &str = "id: hostile\ntitle: \"Hostile \\e[31mred\\e[0m story\"\nparties:\n  - id: p\n    name: \"Zoë \\u202Eevil\\u202C Ångström\"\n    position: \"Says \\x07 bell\"\nquotes:\n  - by: p\n    text: \"zoe said \\e]0;pwned\\a this\\nand that\"\n";

#[test]
fn json_escapes_every_control_and_bidi_character() {
    let dir = folder(&[("hostile.yaml", HOSTILE)]);
    let out = storyx(dir.path(), &["search", "zoe", "hostile.yaml", "--json"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for raw in ['\x1b', '\x07', '\u{202E}', '\u{202C}'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text}");
    }
    assert!(
        text.contains(r"\u202e") && text.contains(r"\u001b") && text.contains(r"\u0007"),
        "{text}"
    );
    let hits: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(
        hits[0]["text"], "Zoë \u{202E}evil\u{202C} Ångström",
        "the text is exact"
    );
    let quote = hits
        .iter()
        .find(|h| h["kind"] == "quote")
        .expect("the quote");
    assert_eq!(quote["text"], "zoe said \x1b]0;pwned\x07 this\nand that");
    assert_eq!(quote["by_name"], "Zoë \u{202E}evil\u{202C} Ångström");
}

#[test]
fn text_output_never_passes_escape_sequences_through() {
    let dir = folder(&[("hostile.yaml", HOSTILE)]);
    let out = storyx(dir.path(), &["search", "zoe", "hostile.yaml"]);
    let text = stdout(&out);
    for raw in ['\x1b', '\x07', '\u{202E}', '\u{202C}'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text:?}");
    }
    assert_eq!(
        text.lines().count(),
        2,
        "one line per hit, even with a line break inside: {text:?}"
    );
    assert!(text.lines().all(|l| l.contains("hostile")));
}

#[test]
fn a_missing_path_is_a_usage_problem_but_the_others_are_searched() {
    let dir = folder(&[("a.yaml", &story("a"))]);
    let out = storyx(
        dir.path(),
        &["search", "acme", "a.yaml", "missing.yaml", "--json"],
    );
    assert_eq!(out.status.code(), Some(2));
    let hits: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(hits[0]["text"], "Acme Corp");
    assert!(
        stderr(&out).contains("could not be loaded"),
        "{}",
        stderr(&out)
    );
}

/// Runs storyx with its standard output on a pseudo-terminal and returns what it wrote.
fn on_a_terminal(dir: &std::path::Path, args: &[&str]) -> String {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two new descriptors into the given integers.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (mut master, slave) = unsafe {
        (
            std::fs::File::from_raw_fd(master),
            std::fs::File::from_raw_fd(slave),
        )
    };
    let status = command()
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdout(slave)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("storyx runs");
    assert!(status.success());
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    // Reading the master fails (EIO) once everything written is read and the slave is closed.
    while let Ok(n) = master.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

#[test]
fn matched_characters_are_bold_on_a_terminal() {
    let dir = folder(&[]);
    let text = on_a_terminal(dir.path(), &["search", "fisher complicit"]);
    let first = text.lines().next().expect("a hit");
    assert_eq!(
        first,
        "quote    alibaba-military-allegations  Richard \x1b[1mFisher\x1b[22m (reported): \
         \x1b[1mFisher\x1b[22m emphasized that all Chinese entities, whether state-owned or \
         private, are \x1b[1mcomplicit\x1b[22m in supporting the military."
    );
}
