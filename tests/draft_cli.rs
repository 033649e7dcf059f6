//! `storyx draft` on the command line: files and standard input, `-o` never overwrites,
//! the same article gives the same bytes, bad options say what would be right.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn storyx(args: &[&str], stdin: Option<&str>, home: &std::path::Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_storyx"));
    cmd.args(args)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("STORYX_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("storyx runs");
    {
        let mut i = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            i.write_all(s.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

const ARTICLE: &str = "Storm hits coast\n\nNovember 16, 2025\n\n“We lost everything,” Maria Lopez said on Friday.\n\nThe city council declined to comment.\n";

#[test]
fn a_file_to_standard_output_and_to_a_new_file_never_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("storm.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let a = article.to_str().unwrap();
    let out = storyx(&["draft", a], None, dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains("format: 2\nid: storm\ntitle: \"Storm hits coast\"\ndate: \"2025-11-16\"\n"),
        "{yaml}"
    );
    assert!(yaml.contains("text: \"We lost everything,\""), "{yaml}");
    assert!(yaml.contains("kind: declined"), "{yaml}");
    assert!(yaml.contains("date: \"2025-11-14\""), "{yaml}");
    // Same input, same bytes.
    assert_eq!(
        storyx(&["draft", a], None, dir.path()).stdout,
        yaml.as_bytes()
    );

    let target = dir.path().join("storm.yaml");
    let t = target.to_str().unwrap();
    let out = storyx(&["draft", a, "-o", t], None, dir.path());
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), yaml);
    std::fs::write(&target, "mine").unwrap();
    let out = storyx(&["draft", a, "-o", t], None, dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("already exists") && err.contains("does not overwrite"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
}

#[test]
fn standard_input_as_dash_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dash = storyx(
        &["draft", "-", "--id", "storm-2025"],
        Some(ARTICLE),
        dir.path(),
    );
    assert!(
        dash.status.success(),
        "{}",
        String::from_utf8_lossy(&dash.stderr)
    );
    let none = storyx(&["draft", "--id", "storm-2025"], Some(ARTICLE), dir.path());
    assert_eq!(dash.stdout, none.stdout);
    let yaml = String::from_utf8(dash.stdout).unwrap();
    assert!(yaml.contains("id: storm-2025\n"), "{yaml}");
    assert!(yaml.contains("from standard input"), "{yaml}");
}

#[test]
fn options_are_checked_and_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = storyx(
        &["draft", "-", "--id", "Not An Id"],
        Some(ARTICLE),
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`not-an-id`"));
    let out = storyx(
        &["draft", "-", "--date", "Nov 14"],
        Some(ARTICLE),
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let out = storyx(
        &["draft", "-", "--url", "example.org"],
        Some(ARTICLE),
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let out = storyx(
        &[
            "draft",
            "-",
            "--title",
            "Storm",
            "--date",
            "2025-11-15",
            "--outlet",
            "Coast News",
            "--url",
            "https://example.org/storm",
        ],
        Some(ARTICLE),
        dir.path(),
    );
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains("title: \"Storm\"\ndate: \"2025-11-15\"\n"),
        "{yaml}"
    );
    assert!(yaml.contains("outlet: \"Coast News\"\n    date: \"2025-11-15\"\n    url: \"https://example.org/storm\""), "{yaml}");
    let missing = storyx(&["draft", "no-such-article.txt"], None, dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no-such-article.txt"));
}

#[test]
fn corpus_ids_are_reused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.yaml");
    std::fs::write(
        &corpus,
        "id: older\ntitle: Older\nparties:\n  - id: maria-l\n    name: Maria Lopez\n    kind: person\n    position: x\n",
    )
    .unwrap();
    let out = storyx(
        &["draft", "-", "--corpus", corpus.to_str().unwrap()],
        Some(ARTICLE),
        dir.path(),
    );
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("  - by: maria-l\n"), "{yaml}");
}

#[test]
fn dash_is_one_story_from_standard_input_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "id: piped\ntitle: Piped\nquotse: 1\n";
    let out = storyx(
        &["check", "-", "--format", "short"],
        Some(broken),
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>:3:1: error: quotse: unknown key `quotse`"),
        "{err}"
    );
    let good =
        "id: piped\ntitle: Piped story\nparties:\n  - id: p\n    name: Pat\n    position: x\n";
    let out = storyx(&["list", "-"], Some(good), dir.path());
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.contains("piped") && list.contains("Piped story") && list.contains("<stdin>"),
        "{list}"
    );
    let out = storyx(&["show", "piped", "-", "--json"], Some(good), dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"name\": \"Pat\""));
    let out = storyx(&["who", "pat", "-"], Some(good), dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
