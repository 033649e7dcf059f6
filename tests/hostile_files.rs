//! Files that are not regular files, and symlinks leading out of the folders given:
//! `check`, `list` and `show` finish, name each, and load the rest. Every spawned
//! storyx gets its own XDG folders and is killed if it runs past a generous guard.

mod common;
use common::*;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs storyx in `dir` with its own XDG folders under `xdg`; (stdout, exit code).
fn run(dir: &Path, xdg: &Path, args: &[&str]) -> (String, i32) {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("STORYX_CONFIG")
        .env("XDG_CACHE_HOME", xdg.join("cache"))
        .env("XDG_STATE_HOME", xdg.join("state"))
        .env("XDG_CONFIG_HOME", xdg.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            panic!("storyx {args:?} hung (a guard against a hang, not a timing)");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
        status.code().unwrap_or(-1),
    )
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

/// A folder with a good story, a FIFO, a symlink to /dev/tty, to /, and to a
/// private key outside; plus, outside it, the key.
fn hostile_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let top = tempfile::tempdir().unwrap();
    let stories = top.path().join("stories");
    std::fs::create_dir_all(stories.join("sub")).unwrap();
    std::fs::write(stories.join("good.yaml"), story("good")).unwrap();
    std::fs::write(stories.join("sub/other.yaml"), story("other")).unwrap();
    mkfifo(&stories.join("fifo.yaml"));
    symlink("/dev/tty", stories.join("tty.yaml")).unwrap();
    symlink("/", stories.join("root")).unwrap();
    let secret = top.path().join("id_ed25519");
    std::fs::write(
        &secret,
        "-----BEGIN OPENSSH PRIVATE KEY-----\nSECRETSECRETSECRET\n",
    )
    .unwrap();
    symlink(&secret, stories.join("key.yaml")).unwrap();
    // Inside: a link to a folder and one to a file of the same tree, and a loop.
    symlink(stories.join("sub"), stories.join("again")).unwrap();
    symlink(stories.join("good.yaml"), stories.join("same.yaml")).unwrap();
    symlink(&stories, stories.join("sub/loop")).unwrap();
    (top, stories)
}

#[test]
fn check_names_what_it_does_not_read_and_loads_the_rest() {
    let (top, stories) = hostile_folder();
    let (out, code) = run(
        top.path(),
        top.path(),
        &["check", "--format", "short", stories.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("fifo.yaml: error: not a regular file: a FIFO"),
        "{out}"
    );
    for link in ["tty.yaml", "root", "key.yaml"] {
        assert!(
            out.lines().any(|l| l.contains(&format!(
                "/{link}: warning: a symlink leading outside the folders given"
            )) && l.contains("--follow-symlinks")),
            "{link}: {out}"
        );
    }
    assert!(!out.contains("SECRET") && !out.contains("BEGIN"), "{out}");
    // Each story once, whatever the links inside to it.
    let (list, _) = run(top.path(), top.path(), &["list", stories.to_str().unwrap()]);
    assert_eq!(list.matches("Story good").count(), 1, "{list}");
    assert_eq!(list.matches("Story other").count(), 1, "{list}");
    assert!(!list.contains("already used"), "{list}");
    // A FIFO named on the command line is named too, and the good file loads.
    let (out, _) = run(
        &stories,
        top.path(),
        &["check", "--format", "short", "fifo.yaml", "good.yaml"],
    );
    assert!(
        out.contains("fifo.yaml: error: not a regular file: a FIFO"),
        "{out}"
    );
    let (show, code) = run(
        &stories,
        top.path(),
        &["show", "good", "fifo.yaml", "good.yaml"],
    );
    assert_eq!(code, 0, "{show}");
    assert!(show.contains("Story good"), "{show}");
}

#[test]
fn follow_symlinks_reads_outside_but_only_regular_files_and_quotes_nothing() {
    let (top, stories) = hostile_folder();
    std::fs::remove_file(stories.join("root")).unwrap();
    let (out, code) = run(
        top.path(),
        top.path(),
        &[
            "check",
            "--format",
            "short",
            "--follow-symlinks",
            stories.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("tty.yaml: error: not a regular file: a character device"),
        "{out}"
    );
    assert!(
        out.contains("key.yaml:1:1: error: not a story: the top level is a text, not a mapping"),
        "{out}"
    );
    assert!(!out.contains("SECRET") && !out.contains("BEGIN"), "{out}");
}

/// Links in loops and links to the folders above, relative and absolute, several
/// deep: the walk finishes, reads each story once, and names every link that leads
/// outside or nowhere.
#[test]
fn symlink_loops_and_links_to_parents_end_and_each_story_is_read_once() {
    let top = tempfile::tempdir().unwrap();
    let stories = top.path().join("stories");
    let deep = stories.join("a/b/c");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(stories.join("good.yaml"), story("good")).unwrap();
    std::fs::write(deep.join("deep.yaml"), story("deep")).unwrap();
    // To the parent of the folder given (outside), relative and absolute.
    symlink("..", stories.join("up")).unwrap();
    symlink(top.path(), stories.join("a/top")).unwrap();
    // To folders above, inside: relative and absolute, from deep down.
    symlink("../../..", deep.join("root-again")).unwrap();
    symlink(stories.join("a"), deep.join("a-again")).unwrap();
    // Links that lead to each other, as folders and as story files.
    symlink("d2", stories.join("d1")).unwrap();
    symlink("d1", stories.join("d2")).unwrap();
    symlink("l2.yaml", stories.join("l1.yaml")).unwrap();
    symlink("l1.yaml", stories.join("l2.yaml")).unwrap();
    // A chain of links inside, ending at a folder above.
    symlink("chain2", stories.join("a/chain1")).unwrap();
    symlink("b/c/root-again", stories.join("a/chain2")).unwrap();
    let (out, code) = run(
        top.path(),
        top.path(),
        &["check", "--format", "short", stories.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{out}");
    for link in ["/up", "/a/top"] {
        assert!(
            out.lines().any(|l| l.contains(&format!(
                "{link}: warning: a symlink leading outside the folders given"
            ))),
            "{link}: {out}"
        );
    }
    for link in ["l1.yaml", "l2.yaml"] {
        assert!(
            out.lines().any(|l| l.contains(&format!("/{link}: "))),
            "{link} is not named: {out}"
        );
    }
    let (list, _) = run(top.path(), top.path(), &["list", stories.to_str().unwrap()]);
    assert_eq!(list.matches("Story good").count(), 1, "{list}");
    assert_eq!(list.matches("Story deep").count(), 1, "{list}");
    assert!(!list.contains("already used"), "{list}");
}

/// The folder given is itself a symlink to a folder holding it: the walk
/// stays inside what the link leads to and ends.
#[test]
fn a_folder_given_as_a_symlink_to_a_parent_is_walked_once() {
    let top = tempfile::tempdir().unwrap();
    let inner = top.path().join("x/y");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(inner.join("s.yaml"), story("inner")).unwrap();
    symlink(top.path().join("x"), inner.join("back")).unwrap();
    symlink(top.path().join("x"), top.path().join("given")).unwrap();
    let (list, code) = run(top.path(), top.path(), &["list", "given"]);
    assert_eq!(code, 0, "{list}");
    assert_eq!(list.matches("Story inner").count(), 1, "{list}");
}
