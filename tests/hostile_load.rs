//! Hostile story files: each ends in a clear, located error within a generous limit
//! of memory (10× the target of 200 MiB) and without a hang, and never hides the
//! good files next to it. The large inputs are made here, not stored. (The time
//! each takes is printed, not asserted: speed is the benches'.)

// Unsafe here: getrusage (libc) for the children's peak memory; SAFETY at the call.
#![allow(unsafe_code)]

mod common;
use common::*;

use std::process::Stdio;
use std::time::Instant;

/// The largest resident set any finished child of this test process reached, in KiB.
fn children_max_rss_kib() -> i64 {
    // SAFETY: rusage is plain integers, for which all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss
}

/// Runs `storyx check --format short` on one file content; returns (stdout, exit code, seconds).
fn check_bytes(name: &str, bytes: &[u8], extra: &[&str]) -> (String, i32, f64) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    std::fs::write(dir.path().join("good.yaml"), story("good")).unwrap();
    let start = Instant::now();
    let mut cmd = command();
    let mut child = cmd
        .args(["check", "--format", "short", name, "good.yaml"])
        .args(extra)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_or_kill(&mut child, name);
    let secs = start.elapsed().as_secs_f64();
    let out = child.wait_with_output().unwrap();
    assert!(
        children_max_rss_kib() < 2 * 1024 * 1024,
        "{name}: a child went over 2 GiB"
    );
    let list = command()
        .args(["list", name, "good.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&list.stdout).contains("good"),
        "{name}: the good file must still load"
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        status.code().unwrap_or(-1),
        secs,
    )
}

fn expect_error(name: &str, bytes: &[u8], starts: &str, contains: &str) {
    let (out, code, secs) = check_bytes(name, bytes, &[]);
    assert_eq!(code, 1, "{name}: {out}");
    let first = out.lines().next().unwrap_or("");
    assert!(
        first.starts_with(starts),
        "{name}: expected {starts:?}, got {first:?}"
    );
    assert!(
        first.contains(contains),
        "{name}: expected {contains:?} in {first:?}"
    );
    assert!(!out.contains('\u{1b}'), "{name}: raw ESC in output");
    eprintln!("{name}: {secs:.2} s");
}

#[test]
fn alias_bomb_is_stopped_by_the_expansion_budget() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        text.push_str(&format!(
            "l{i}: &l{i} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    expect_error(
        "bomb.yaml",
        text.as_bytes(),
        // The bytes it expands to pass 16 times its size before the values pass the node budget.
        "bomb.yaml:4:",
        "once its aliases are expanded (the expansion budget: 16 times the file's size",
    );
}

#[test]
fn many_aliases_of_a_list_are_stopped() {
    let mut text = String::from("id: a\ntitle: t\ntags: &t [a, b, c, d, e, f, g, h]\n");
    for i in 0..60_000 {
        text.push_str(&format!("x-k{i}: *t\n"));
    }
    expect_error(
        "aliases.yaml",
        text.as_bytes(),
        "aliases.yaml:",
        "once its aliases are expanded (the node budget)",
    );
}

#[test]
fn deep_flow_nesting_is_stopped_by_the_depth_budget() {
    let text = format!("id: x\ntitle: {}\n", "[".repeat(100_000));
    expect_error(
        "deep.yaml",
        text.as_bytes(),
        "deep.yaml:2:",
        "(the depth budget)",
    );
}

#[test]
fn deep_block_nesting_is_stopped_by_the_depth_budget() {
    let text: String = (0..3000)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    expect_error(
        "block.yaml",
        text.as_bytes(),
        "block.yaml:65:",
        "(the depth budget)",
    );
}

#[test]
fn a_million_values_are_stopped_by_the_node_budget() {
    let text = format!(
        "id: x\ntitle: t\ntags: [{}]\n",
        vec!["a"; 1_000_000].join(",")
    );
    expect_error(
        "million.yaml",
        text.as_bytes(),
        "million.yaml:3:",
        "(the node budget)",
    );
}

#[test]
fn files_over_the_size_cap_are_not_read() {
    let big = vec![b'#'; 17 * 1024 * 1024];
    let (out, code, _) = check_bytes("big.yaml", &big, &[]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("big.yaml: error: the file is 17825792 bytes, over the 16 MiB limit"),
        "{out}"
    );
    let (out, code, _) = check_bytes("big.yaml", &big, &["--max-file-size", "32"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("big.yaml:1:1: error: the file holds no story"),
        "{out}"
    );
}

#[test]
fn huge_legal_text_loads() {
    let text = format!(
        "id: big\ntitle: t\nsummary: |\n{}",
        format!("  {}\n", "word ".repeat(100)).repeat(10_000)
    );
    let (out, code, _) = check_bytes("big.yaml", text.as_bytes(), &[]);
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn encodings_and_bytes() {
    expect_error(
        "latin1.yaml",
        b"id: a\ntitle: caf\xe9\n",
        "latin1.yaml:2:11: error: ",
        "not valid UTF-8",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("id: a\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    expect_error("utf16.yaml", &utf16, "utf16.yaml:1:1: error: ", "UTF-16");
    expect_error(
        "nul.yaml",
        b"id: a\x00b\ntitle: t\n",
        "nul.yaml:1:6: error: ",
        "control characters are not allowed",
    );
    // A UTF-8 byte-order mark is fine.
    let (out, code, _) = check_bytes("bom.yaml", "\u{feff}id: a\ntitle: t\n".as_bytes(), &[]);
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn shapes_that_are_not_a_story() {
    expect_error(
        "empty.yaml",
        b"",
        "empty.yaml:1:1: error: ",
        "the file is empty",
    );
    expect_error(
        "comments.yaml",
        b"# only a comment\n",
        "comments.yaml:1:1: error: ",
        "the file holds no story",
    );
    expect_error(
        "list.yaml",
        b"- a\n- b\n",
        "list.yaml:1:1: error: ",
        "not a story: the top level is a list, not a mapping",
    );
    expect_error(
        "scalar.yaml",
        b"hello\n",
        "scalar.yaml:1:1: error: ",
        "not a story: the top level is a text, not a mapping",
    );
    // What is not a story is not quoted: a private key reached by mistake stays unseen.
    let key = b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUA\n-----END OPENSSH PRIVATE KEY-----\n";
    let (out, code, _) = check_bytes("key.yaml", key, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("not a story: the top level is a text"),
        "{out}"
    );
    assert!(!out.contains("b3BlbnNz") && !out.contains("BEGIN"), "{out}");
    expect_error(
        "multi.yaml",
        b"id: a\ntitle: t\n---\nid: b\ntitle: u\n",
        "multi.yaml:3:1: error: ",
        "more than one YAML document",
    );
}

#[test]
fn tags_are_values_of_the_wrong_type() {
    expect_error(
        "tags.yaml",
        b"id: !custom a\ntitle: t\n",
        "tags.yaml:1:5: error: id: ",
        "a value tagged `!custom`",
    );
    // Standard tags are read as the text they tag: `!!str 12` is the text "12", and
    // `!!binary` keeps its base64 text as written.
    let (out, code, _) = check_bytes(
        "std.yaml",
        b"id: a\ntitle: !!str 12\nsummary: !!binary aGk=\n",
        &[],
    );
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn escapes_in_strings_never_reach_the_terminal_raw() {
    let (out, code, _) = check_bytes(
        "esc.yaml",
        b"id: \"\\e]0;pwned\\a\"\ntitle: \"\\e[2J\"\nquotse: 1\n",
        &[],
    );
    assert_eq!(code, 1);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}
