//! storyx never writes, renames, creates or locks anything in the story folders:
//! a folder of stories (the hostile ones, a library, odd file names) is checksummed
//! — every entry's name, type, size, mode, inode, modification and change times,
//! and every file's bytes — before and after a whole explorer session in tmux
//! (open, move through the library, every pane, a detail, a followed reference,
//! the help, the problems, the next story, the summary, a new sort, quit) and after
//! every command (check in each format, show, list, search, who, diff). Nothing may
//! change, and no file may appear: not in the folder, not in the working folder
//! (the folder holds ./stories), not in HOME or the XDG folders storyx is given.

// Both common and tui_common hold the tool check (tests/common/tool.rs).
#![allow(clippy::duplicate_mod)]

mod common;
mod hostile_common;
mod tui_common;

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

use hostile_common::{copy_dir, hostile_dir, odd_files};
use tui_common::tmux::*;

/// Everything about an entry that a write, a rename, a new file, a lock or a
/// permission change would alter (the access time is left out: reading sets it).
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    len: u64,
    mode: u32,
    inode: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    content: u64,
}

fn snapshot(root: &Path) -> BTreeMap<Vec<u8>, Entry> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(path) = todo.pop() {
        let meta = std::fs::symlink_metadata(&path).expect("metadata");
        let kind = if meta.is_dir() {
            "dir"
        } else if meta.is_symlink() {
            "symlink"
        } else {
            "file"
        };
        let mut h = DefaultHasher::new();
        if meta.is_file() {
            std::fs::read(&path).expect("read").hash(&mut h);
        }
        if meta.is_dir() {
            for e in std::fs::read_dir(&path).expect("read_dir") {
                todo.push(e.expect("entry").path());
            }
        }
        let name = path
            .strip_prefix(root)
            .expect("inside")
            .as_os_str()
            .as_bytes()
            .to_vec();
        out.insert(
            name,
            Entry {
                kind,
                len: meta.len(),
                mode: meta.mode(),
                inode: meta.ino(),
                mtime: (meta.mtime(), meta.mtime_nsec()),
                ctime: (meta.ctime(), meta.ctime_nsec()),
                content: h.finish(),
            },
        );
    }
    out
}

fn assert_same(before: &BTreeMap<Vec<u8>, Entry>, after: &BTreeMap<Vec<u8>, Entry>, when: &str) {
    let show = |k: &Vec<u8>| String::from_utf8_lossy(k).escape_debug().to_string();
    let added: Vec<String> = after
        .keys()
        .filter(|k| !before.contains_key(*k))
        .map(show)
        .collect();
    let removed: Vec<String> = before
        .keys()
        .filter(|k| !after.contains_key(*k))
        .map(show)
        .collect();
    let changed: Vec<String> = before
        .iter()
        .filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v))
        .map(|(k, v)| format!("{}: {v:?} -> {:?}", show(k), after[k]))
        .collect();
    assert!(
        added.is_empty() && removed.is_empty() && changed.is_empty(),
        "{when}: added {added:?}, removed {removed:?}, changed {changed:?}"
    );
}

#[test]
fn a_whole_session_and_every_command_leave_the_story_folder_untouched() {
    // The working folder holds ./stories (what storyx opens with no path) and
    // nothing else; HOME and the XDG folders are empty folders of their own.
    let work = tempfile::tempdir().unwrap();
    let stories = work.path().join("stories");
    copy_dir(&hostile_dir(), &stories);
    copy_dir(
        &common::repo().join("tests/fixtures/tui-library"),
        &stories.join("library"),
    );
    odd_files(&stories);
    let home = tempfile::tempdir().unwrap();
    let env: Vec<(String, String)> = [
        "HOME",
        "XDG_CACHE_HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "TMPDIR",
    ]
    .iter()
    .map(|k| (k.to_string(), home.path().join(k).display().to_string()))
    .collect();
    for (_, dir) in &env {
        std::fs::create_dir_all(dir).unwrap();
    }
    let before = snapshot(work.path());
    let home_before = snapshot(home.path());

    if have_tmux() {
        let mut args: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        args.push(env!("CARGO_BIN_EXE_storyx").to_string());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let t = Tmux::start_command(
            "readonly",
            work.path(),
            Path::new("/usr/bin/env"),
            &args,
            120,
            40,
        );
        t.wait_for("11 stories");
        t.keys(&["j", "k"]);
        t.wait_status("the first story", |s| s.contains("Library 1/"));
        t.keys(&["Enter"]);
        t.wait_status("the story", |s| s.contains("Timeline 1/"));
        for _ in 0..6 {
            t.keys(&["Tab"]);
        }
        t.wait_status("the Sources pane", |s| s.contains("Sources "));
        t.keys(&["2", "Enter"]);
        t.wait_status("the detail", |s| s.contains("Detail of Parties"));
        t.keys(&["Enter"]);
        t.keys(&["BSpace", "?"]);
        t.wait_for("move down");
        t.keys(&["Escape", "]"]);
        t.wait_for("Title ␛]0;pwned␇");
        t.keys(&["s", "Escape", "!", "j", "j", "Escape", "S", "S"]);
        t.wait_for("sorted by title");
        t.keys(&["q"]);
        t.wait_for("EXIT=0");
        assert_same(&before, &snapshot(work.path()), "after an explorer session");
    }

    let runs: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "pretty"],
        &["check", "--format", "json"],
        &["check", "stories/library"],
        &["show", "hostile-escapes"],
        &["show", "hostile-bidi", "--json"],
        &["show", "harbor-strike", "stories/library"],
        &["list"],
        &["list", "--json"],
        &["search", "pwned"],
        &["search", "strike", "--json", "stories"],
        &["who", "evil-corp"],
        &["who", "union", "--json"],
        &["diff", "stories/library", "stories/library"],
        &["diff", "stories/library", "stories/library", "--json"],
    ];
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_storyx"))
            .args(*args)
            .current_dir(work.path())
            .envs(env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("storyx runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "storyx {args:?}: {out:?}"
        );
        assert_same(
            &before,
            &snapshot(work.path()),
            &format!("after storyx {args:?}"),
        );
    }
    // Outside the story folders, storyx keeps its reading state under
    // $XDG_STATE_HOME/storyx and a parsed-corpus cache under $XDG_CACHE_HOME/storyx,
    // by design; nothing else in HOME may change.
    let own = |k: &Vec<u8>| k.starts_with(b"XDG_STATE_HOME") || k.starts_with(b"XDG_CACHE_HOME");
    let home_after = snapshot(home.path());
    for k in home_after.keys().filter(|k| own(k)) {
        let k = String::from_utf8_lossy(k);
        assert!(
            !k.contains('/')
                || k.starts_with("XDG_STATE_HOME/storyx")
                || k.starts_with("XDG_CACHE_HOME/storyx"),
            "written outside storyx's own folders: {k}"
        );
    }
    let keep = |m: BTreeMap<Vec<u8>, Entry>| -> BTreeMap<Vec<u8>, Entry> {
        m.into_iter().filter(|(k, _)| !own(k)).collect()
    };
    assert_same(
        &keep(home_before),
        &keep(home_after),
        "HOME and the XDG folders",
    );
}

#[test]
fn the_checksum_notices_what_a_writer_would_do() {
    let dir = common::folder(&[("stories/a.yaml", &common::story("a"))]);
    let root = dir.path();
    let before = snapshot(root);
    let differs = |when: &str| {
        let after = snapshot(root);
        assert_ne!(after, before, "{when} went unnoticed");
    };
    // The same bytes written again: a new modification time.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(root.join("stories/a.yaml"), common::story("a")).unwrap();
    differs("a rewrite with the same bytes");
    let before = snapshot(root);
    // A lock file made and removed again: the folder's times change.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(root.join("stories/.a.yaml.lock"), "").unwrap();
    std::fs::remove_file(root.join("stories/.a.yaml.lock")).unwrap();
    assert_ne!(
        snapshot(root),
        before,
        "a lock file made and removed went unnoticed"
    );
}
