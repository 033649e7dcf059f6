//! `storyx diff` and `storyx log`: the semantic changes between two versions of the
//! bundled story (with ids, and with id-less quotes and events reordered), in text,
//! JSON and Markdown; folders; exit codes; git revisions and history in a
//! repository made here (never the project's own), left exactly as it was.

mod common;

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{bin, folder, repo, stderr, stdout};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/diff").join(name)).expect("fixture")
}

/// Runs storyx in `dir` with its own HOME and XDG folders, no colour unless asked.
fn run(dir: &Path, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("home");
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("HOME", home.path())
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env_remove("STORYX_CONFIG")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("storyx runs")
}

const CLAIM: &str = "Alibaba provided technological support for Chinese military operations targeting the United States, facilitating access to sensitive customer data, including IP addresses, WiFi information and payment records, as well as various AI-related services.";

/// The three changes in text, with the paths the fixture gives them.
fn expected_text(event: &str, quote: &str) -> String {
    format!(
        "alibaba-military-allegations: Reported White House memo alleges Alibaba aided Chinese military; Alibaba and Chinese embassy deny it
  {event}: event added
    17 Nov 2025: Alibaba shares fall after the report
    involves: Alibaba
    source: Article on the Alibaba allegations
  {quote}.text: quote edited
    Chinese Embassy in Washington: “{{+a+}} complete distortion of {{+the+}} facts”
  claims[memo-allegation].stances[alibaba]: stance changed
    Alibaba: [-disputes-] → {{+mixed+}}
    on: {CLAIM}

3 changes in 1 story (1 compared)
"
    )
}

fn expected_json(event: &str, event_id: Value, quote: &str) -> Value {
    let story = "alibaba-military-allegations";
    json!([
        {"story": story, "path": event, "kind": "event-added", "before": null, "after": {
            "id": event_id, "date": "2025-11-17", "title": "Alibaba shares fall after the report",
            "detail": null, "involves": ["alibaba"], "source": "article"}},
        {"story": story, "path": format!("{quote}.text"), "kind": "quote-edited",
            "before": "complete distortion of facts", "after": "a complete distortion of the facts"},
        {"story": story, "path": "claims[memo-allegation].stances[alibaba]", "kind": "stance-changed",
            "before": "disputes", "after": "mixed"},
    ])
}

fn expected_markdown(event: &str, quote: &str) -> String {
    let esc = |p: &str| p.replace('[', "\\[").replace(']', "\\]");
    format!(
        "# Changes

## Reported White House memo alleges Alibaba aided Chinese military; Alibaba and Chinese embassy deny it (alibaba-military-allegations)

- **event added** {}: 17 Nov 2025: Alibaba shares fall after the report
  - involves: Alibaba
  - source: Article on the Alibaba allegations
- **quote edited** {}.text: Chinese Embassy in Washington: “**a** complete distortion of **the** facts”
- **stance changed** claims\\[memo-allegation\\].stances\\[alibaba\\]: Alibaba: ~~disputes~~ → **mixed**
  - on: {CLAIM}

3 changes in 1 story (1 compared)
",
        esc(event),
        esc(quote)
    )
}

/// Both versions in a folder, compared in every format.
fn three_formats(old: &str, new: &str) -> (Output, Output, Output) {
    let dir = folder(&[("old.yaml", &fixture(old)), ("new.yaml", &fixture(new))]);
    let d = dir.path();
    (
        run(d, &["diff", "old.yaml", "new.yaml"]),
        run(d, &["diff", "old.yaml", "new.yaml", "--json"]),
        run(d, &["diff", "--format", "markdown", "old.yaml", "new.yaml"]),
    )
}

#[test]
fn the_bundled_story_with_a_stance_a_quote_and_an_event_changed_reports_exactly_those() {
    let (text, json_out, md) = three_formats("old.yaml", "new.yaml");
    assert_eq!(text.status.code(), Some(1), "{}", stderr(&text));
    assert_eq!(
        stdout(&text),
        expected_text(
            "timeline[alibaba-shares-fall]",
            "quotes[embassy-distortion]"
        )
    );
    assert_eq!(json_out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&json_out.stdout).expect("json");
    assert_eq!(
        v,
        expected_json(
            "timeline[alibaba-shares-fall]",
            json!("alibaba-shares-fall"),
            "quotes[embassy-distortion]"
        )
    );
    assert_eq!(md.status.code(), Some(1));
    assert_eq!(
        stdout(&md),
        expected_markdown(
            "timeline[alibaba-shares-fall]",
            "quotes[embassy-distortion]"
        )
    );
}

#[test]
fn id_less_quotes_and_events_reordered_report_the_same_three_changes() {
    let (text, json_out, md) = three_formats("noid-old.yaml", "noid-new.yaml");
    // The quote is the 13th of the new file (index 12), the event the 7th (index 6).
    assert_eq!(text.status.code(), Some(1), "{}", stderr(&text));
    assert_eq!(stdout(&text), expected_text("timeline[6]", "quotes[12]"));
    let v: Value = serde_json::from_slice(&json_out.stdout).expect("json");
    assert_eq!(v, expected_json("timeline[6]", Value::Null, "quotes[12]"));
    assert_eq!(stdout(&md), expected_markdown("timeline[6]", "quotes[12]"));
}

#[test]
fn nothing_changed_exits_0_and_colour_marks_the_words() {
    let dir = folder(&[
        ("a.yaml", &fixture("old.yaml")),
        ("b.yaml", &fixture("noid-old.yaml")),
    ]);
    let out = run(dir.path(), &["diff", "a.yaml", "a.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "no changes (1 story compared)\n");
    let dir = folder(&[
        ("old.yaml", &fixture("old.yaml")),
        ("new.yaml", &fixture("new.yaml")),
    ]);
    let out = run(
        dir.path(),
        &["diff", "--color", "always", "old.yaml", "new.yaml"],
    );
    let s = stdout(&out);
    assert!(
        s.contains("“\x1b[32ma\x1b[39m complete distortion of \x1b[32mthe\x1b[39m facts”"),
        "{s}"
    );
    assert!(
        s.contains("Alibaba: \x1b[31mdisputes\x1b[39m → \x1b[32mmixed\x1b[39m"),
        "{s}"
    );
    assert!(!s.contains("{+"), "{s}");
}

#[test]
fn folders_match_stories_by_id_and_a_broken_file_is_trouble_not_a_removal() {
    let a = fixture("old.yaml");
    let b = fixture("new.yaml");
    let small = |id: &str, position: &str| {
        format!("id: {id}\ntitle: Story {id}\nparties:\n  - {{id: acme, name: Acme, position: {position}}}\n")
    };
    let dir = folder(&[
        ("old/alibaba.yaml", &a),
        ("old/same.yaml", &small("same", "For it.")),
        ("old/gone.yaml", &small("gone", "For it.")),
        ("old/broken-later.yaml", &small("fragile", "For it.")),
        ("new/renamed-alibaba.yaml", &b),
        ("new/same.yaml", &small("same", "For it.")),
        ("new/added.yaml", &small("added", "Against it.")),
        ("new/broken-later.yaml", "id: fragile\ntitle: [unclosed\n"),
    ]);
    let out = run(dir.path(), &["diff", "old", "new", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a file that does not load is trouble"
    );
    let err = stderr(&out);
    assert!(
        err.contains("new/broken-later.yaml:3:1: error: YAML syntax error"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let kinds: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["story"].as_str().unwrap().into(),
                c["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    let k = |s: &str, k: &str| (s.to_string(), k.to_string());
    // The story of the broken file is neither removed nor compared.
    assert_eq!(
        kinds,
        [
            k("added", "story-added"),
            k("alibaba-military-allegations", "event-added"),
            k("alibaba-military-allegations", "quote-edited"),
            k("alibaba-military-allegations", "stance-changed"),
            k("gone", "story-removed"),
        ]
    );
    assert_eq!(v[0]["after"], "Story added");
    // One argument, a missing path: trouble, said clearly.
    let out = run(dir.path(), &["diff", "old"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("give OLD and NEW"),
        "{}",
        stderr(&out)
    );
    let out = run(dir.path(), &["diff", "old", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nowhere: error: no such file or folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn story_text_reaches_the_terminal_sanitized() {
    let old = "id: s\ntitle: T\nparties:\n  - {id: a, name: A, position: \"fine\"}\n";
    let new =
        "id: s\ntitle: T\nparties:\n  - {id: a, name: A, position: \"fine \\e[31mred\\u202e\"}\n";
    let dir = folder(&[("a.yaml", old), ("b.yaml", new)]);
    for args in [
        &["diff", "a.yaml", "b.yaml"][..],
        &["diff", "--color", "always", "a.yaml", "b.yaml"][..],
    ] {
        let out = run(dir.path(), args);
        let s = stdout(&out);
        assert!(
            !s.contains("\x1b[31mred") && !s.contains('\u{202e}'),
            "{s:?}"
        );
        assert!(s.contains("␛[31mred⟨RLO⟩"), "{s:?}");
    }
    let out = run(dir.path(), &["diff", "a.yaml", "b.yaml", "--json"]);
    let s = stdout(&out);
    assert!(!s.contains('\x1b') && !s.contains('\u{202e}'), "{s:?}");
    let v: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(
        v[0]["after"], "fine \x1b[31mred\u{202e}",
        "JSON keeps the text exact, escaped"
    );
}

// ---- git ----

/// A git repository in a temp dir, with fixed authors and dates, no user config.
struct Git {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Git {
    fn new() -> Git {
        let g = Git {
            dir: tempfile::tempdir().expect("repo dir"),
            home: tempfile::tempdir().expect("home"),
        };
        g.git(&["init", "-q", "-b", "main"], 0);
        g
    }

    fn cmd(&self, program: &str, n: u32) -> Command {
        let mut c = Command::new(program);
        let date = format!("2025-11-{:02}T10:00:00+00:00", 14 + n);
        c.current_dir(self.dir.path())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_CACHE_HOME", self.home.path().join("cache"))
            .env("XDG_STATE_HOME", self.home.path().join("state"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", format!("Editor {n}"))
            .env("GIT_AUTHOR_EMAIL", format!("editor{n}@example.org"))
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_NAME", "Desk")
            .env("GIT_COMMITTER_EMAIL", "desk@example.org")
            .env("GIT_COMMITTER_DATE", &date)
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        c
    }

    fn git(&self, args: &[&str], n: u32) {
        let out = self.cmd("git", n).args(args).output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn write(&self, path: &str, text: &str) {
        let p = self.dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn commit(&self, message: &str, n: u32) {
        self.git(&["add", "-A"], n);
        self.git(&["commit", "-q", "-m", message], n);
    }

    fn storyx(&self, args: &[&str]) -> Output {
        self.cmd(bin(), 9).args(args).output().expect("storyx runs")
    }
}

/// What a write, a rename, a lock or a permission change would alter in an entry:
/// size, mode, inode, modification and change times, content.
type Entry = (u64, u32, u64, i64, i64, i64, i64, u64);

/// Every entry under a folder.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(p) = todo.pop() {
        let m = std::fs::symlink_metadata(&p).unwrap();
        let mut h = DefaultHasher::new();
        if m.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                todo.push(e.unwrap().path());
            }
        } else {
            std::fs::read(&p).unwrap().hash(&mut h);
        }
        out.insert(
            p.strip_prefix(root).unwrap().to_path_buf(),
            (
                m.len(),
                m.mode(),
                m.ino(),
                m.mtime(),
                m.mtime_nsec(),
                m.ctime(),
                m.ctime_nsec(),
                h.finish(),
            ),
        );
    }
    out
}

/// Three commits: the story added (with another story), then its stance changed and
/// its quote corrected, then an event added (and the other story edited).
fn three_commits() -> Git {
    let g = Git::new();
    let old = fixture("old.yaml");
    let other = "id: other\ntitle: Another story\nparties:\n  - {id: acme, name: Acme, position: For it.}\n";
    g.write("stories/alibaba.yaml", &old);
    g.write("stories/other.yaml", other);
    g.write("notes.txt", "not a story\n");
    g.commit("Add the Alibaba story", 1);
    let step2 = fixture("new.yaml").replace(
        "  - id: alibaba-shares-fall\n    date: 2025-11-17\n    title: Alibaba shares fall after the report\n    involves: [alibaba]\n    source: article\n",
        "",
    );
    assert_ne!(step2, fixture("new.yaml"));
    g.write("stories/alibaba.yaml", &step2);
    g.commit(
        "Alibaba's stance is mixed; the embassy's words corrected\n\nFrom the new article.",
        2,
    );
    g.write("stories/alibaba.yaml", &fixture("new.yaml"));
    g.write(
        "stories/other.yaml",
        &other.replace("For it.", "Against it."),
    );
    g.commit("Add the fall of Alibaba's shares", 3);
    g
}

#[test]
fn log_lists_each_commit_newest_first_with_its_changes() {
    let g = three_commits();
    let before = snapshot(g.dir.path());
    let out = g.storyx(&["log", "alibaba-military-allegations", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let commits = v.as_array().unwrap();
    assert_eq!(commits.len(), 3);
    let summary: Vec<(String, String, String, Vec<String>)> = commits
        .iter()
        .map(|c| {
            (
                c["date"].as_str().unwrap().into(),
                c["author"].as_str().unwrap().into(),
                c["message"]
                    .as_str()
                    .unwrap()
                    .lines()
                    .next()
                    .unwrap()
                    .into(),
                c["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| {
                        format!(
                            "{} {}",
                            x["kind"].as_str().unwrap(),
                            x["path"].as_str().unwrap()
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        summary,
        [
            (
                s("2025-11-17T10:00:00Z"),
                s("Editor 3"),
                s("Add the fall of Alibaba's shares"),
                vec![s("event-added timeline[alibaba-shares-fall]")]
            ),
            (
                s("2025-11-16T10:00:00Z"),
                s("Editor 2"),
                s("Alibaba's stance is mixed; the embassy's words corrected"),
                vec![
                    s("quote-edited quotes[embassy-distortion].text"),
                    s("stance-changed claims[memo-allegation].stances[alibaba]"),
                ]
            ),
            (
                s("2025-11-15T10:00:00Z"),
                s("Editor 1"),
                s("Add the Alibaba story"),
                vec![s("story-added ")]
            ),
        ]
    );
    assert_eq!(
        commits[1]["message"],
        "Alibaba's stance is mixed; the embassy's words corrected\n\nFrom the new article."
    );
    assert_eq!(commits[1]["email"], "editor2@example.org");

    // Text: the commit, its date, author and message, then its changes.
    let out = g.storyx(&["log", "alibaba-military-allegations"]);
    let text = stdout(&out);
    let second = text.split("\ncommit ").nth(2).expect("a second commit");
    assert!(second.contains("  2025-11-16T10:00:00Z  Editor 2 <editor2@example.org>\n    Alibaba's stance is mixed; the embassy's words corrected\n    \n    From the new article.\n"), "{text}");
    assert!(second.contains("  claims[memo-allegation].stances[alibaba]: stance changed\n    Alibaba: [-disputes-] → {+mixed+}\n"), "{text}");
    let md = stdout(&g.storyx(&[
        "log",
        "alibaba-military-allegations",
        "--format",
        "markdown",
    ]));
    assert!(
        md.starts_with("# History of Reported White House memo"),
        "{md}"
    );
    assert!(md.contains("- **stance changed** claims\\[memo-allegation\\].stances\\[alibaba\\]: Alibaba: ~~disputes~~ → **mixed**"), "{md}");

    // The other story changed only in the last commit; an unknown one in none.
    let v: Value = serde_json::from_slice(&g.storyx(&["log", "other", "--json"]).stdout).unwrap();
    let kinds: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["changes"][0]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["position-edited", "story-added"]);
    let out = g.storyx(&["log", "nobody"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no commit changed a story `nobody`"));
    assert_eq!(
        snapshot(g.dir.path()),
        before,
        "the repository is left exactly as it was"
    );
}

#[test]
fn diff_rev_compares_the_work_tree_or_two_revisions() {
    let g = three_commits();
    // The work tree: the stance changed back, uncommitted.
    g.write(
        "stories/alibaba.yaml",
        &fixture("new.yaml").replace("stance: mixed", "stance: disputes"),
    );
    let before = snapshot(g.dir.path());
    let v: Value = serde_json::from_slice(&g.storyx(&["diff", "--rev", "HEAD", "--json"]).stdout)
        .expect("json");
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(
        (&v[0]["kind"], &v[0]["before"], &v[0]["after"]),
        (
            &json!("stance-changed"),
            &json!("mixed"),
            &json!("disputes")
        )
    );
    // Two revisions, and a path narrowing them.
    let out = g.storyx(&[
        "diff",
        "--rev",
        "HEAD~2..HEAD",
        "--json",
        "stories/alibaba.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["event-added", "quote-edited", "stance-changed"]);
    let out = g.storyx(&["diff", "--rev", "HEAD~1..HEAD~1"]);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), "no changes (2 stories compared)\n".to_string())
    );
    // A bad revision is trouble, said as such; a file named like a revision is a file.
    let out = g.storyx(&["diff", "--rev", "nosuch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown revision `nosuch`"),
        "{}",
        stderr(&out)
    );
    let out = g.storyx(&["diff", "--rev", "--output=x"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        snapshot(g.dir.path()),
        before,
        "the repository is left exactly as it was"
    );
    // Outside a repository: trouble.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = run(elsewhere.path(), &["diff", "--rev", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
}
