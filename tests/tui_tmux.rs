//! The real binary in a real terminal: storyx runs in a detached tmux session
//! of a fixed size; keys go in with send-keys, the screen comes out with
//! capture-pane, polled with a timeout. Checks that it opens, moves, follows a
//! cross-reference and comes back, shows help, quits with exit code 0, and that
//! the terminal is given back (alternate screen off, cursor shown, mouse off,
//! raw mode off) on quit, on SIGTERM, SIGHUP and SIGINT, and around Ctrl-z.
//!
//! Skipped, with a message, only when tmux is not installed.

mod tui_common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use tui_common::tmux::*;

/// Follows the cross-reference under the detail cursor and comes back with
/// Backspace; returns the status bar seen at the target.
fn follow_and_come_back(t: &Tmux) -> String {
    let before = t.status();
    assert!(before.contains("Detail of"), "{before}");
    t.keys(&["Enter"]);
    let at_target = t.wait_status("the cross-reference to be followed", |s| {
        !s.contains(before.trim())
    });
    t.keys(&["BSpace"]);
    t.wait_status("Backspace to come back", |s| s.trim() == before.trim());
    at_target
}

#[test]
fn the_bundled_story_opens_moves_follows_helps_and_quits() {
    if !have_tmux() {
        return;
    }
    // In an empty folder there is no ./stories: storyx opens its bundled stories.
    let empty = tempfile::tempdir().unwrap();
    let t = Tmux::start("bundled", empty.path(), &[], 120, 40);
    // Every pane, titled exactly, and the status bar (the whole frame is drawn).
    let panes = [
        "Timeline", "Parties", "Analysts", "Quotes", "Claims", "Sources", "Detail",
    ];
    t.wait("the story screen", |s| {
        s.contains("Alibaba")
            && panes.iter().all(|p| s.contains(&format!("┌ {p} ")))
            && s.contains("? help")
    });
    assert_eq!(t.format("#{alternate_on}"), "1");

    // Move: the Parties pane, second party.
    t.keys(&["2", "j"]);
    t.wait_status("Parties 2/", |s| s.contains("Parties 2/"));
    // Open it, follow its first cross-reference, come back.
    t.keys(&["Enter"]);
    t.wait_status("the detail", |s| s.contains("Detail of Parties 2/"));
    let target = follow_and_come_back(&t);
    assert!(target.contains("Detail of"), "{target}");

    // Help, from the key map, and closed again.
    t.keys(&["?"]);
    t.wait("the help", |s| {
        s.contains("Help") && s.contains("move down") && s.contains("Ctrl-c")
    });
    t.keys(&["Escape"]);
    t.wait_gone("move down");

    // The summary.
    t.keys(&["s"]);
    t.wait_for("has not commented on the memo. The Chinese Embassy");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn a_folder_of_stories_shows_the_library_problems_and_each_story() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start("library", &repo(), &[folder.to_str().unwrap()], 120, 40);
    let rows = [
        "3 stories",
        "Dockworkers strike",
        "Council votes on the city budget",
        "A new bridge over the river",
        "1 problem",
        "? help",
    ];
    let s = t.wait("the library", |s| rows.iter().all(|r| s.contains(r)));
    // The first story is selected, below the problems entry.
    assert!(t.status().contains("Library 2/4"), "{}", t.status());

    // A click on the third story selects it (an SGR mouse report, as a terminal sends).
    let row = s
        .lines()
        .position(|l| l.contains("A new bridge over the river"))
        .unwrap()
        + 1;
    t.literal(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    t.wait_status("the click to select", |s| s.contains("Library 4/4"));

    // Open the harbor story (file order: budget, harbor, river), move in the
    // timeline, open and follow.
    t.keys(&["k", "Enter"]);
    t.wait_status("the story", |s| s.contains("Timeline 1/3"));
    t.keys(&["j"]);
    t.wait_status("j to move", |s| s.contains("Timeline 2/3"));
    t.keys(&["Enter"]);
    t.wait_status("the detail", |s| s.contains("Detail of Timeline 2/3"));
    let target = follow_and_come_back(&t);
    assert!(target.contains("Detail of Parties 1/2"), "{target}");

    // The next story with ], then back to the library, then the problems.
    t.keys(&["Escape"]);
    t.wait_status("Esc to leave the detail", |s| s.contains(" Timeline 2/3"));
    t.keys(&["]"]);
    t.wait_for("A new bridge over the river");
    t.keys(&["Escape"]);
    t.wait_for("3 stories");
    t.keys(&["!"]);
    t.wait("the problem", |s| {
        s.contains("river-bridge.yaml:5:5") && s.contains("warning")
    });
    t.keys(&["Escape"]);
    t.wait_for("3 stories");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn the_small_layout_shows_one_pane_with_tabs() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library/harbor-strike.yaml");
    let t = Tmux::start(
        "small",
        &repo(),
        &[
            folder.to_str().unwrap(),
            "--story",
            "harbor-strike",
            "--item",
            "q-li",
        ],
        40,
        12,
    );
    t.wait("the quote selected by --item", |s| {
        s.contains("李伟") && s.lines().last().is_some_and(|l| l.contains("Quotes 3/3"))
    });
    t.keys(&["Enter"]);
    t.wait_for("┌ Detail");
    t.keys(&["C-c"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn signals_give_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let t = Tmux::start(
            &format!("sig{signal}"),
            &repo(),
            &["tests/fixtures/tui-library"],
            100,
            30,
        );
        t.wait_for("3 stories");
        assert_eq!(t.format("#{alternate_on}"), "1");
        t.kill(signal);
        t.wait_for(&format!("EXIT={code}"));
        t.assert_restored();
    }
}

#[test]
fn ctrl_z_suspends_with_the_terminal_given_back_and_resumes() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("suspend", &repo(), &["tests/fixtures/tui-library"], 100, 30);
    t.wait_for("3 stories");
    t.keys(&["j"]);
    t.wait_status("j", |s| s.contains("Library 3/4"));
    t.keys(&["C-z"]);
    // Stopped: the terminal is the shell's again.
    let start = Instant::now();
    while t.format("#{alternate_on}") != "0" {
        assert!(
            start.elapsed() < TIMEOUT,
            "still on the alternate screen after Ctrl-z"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    t.assert_restored();
    // Continued (as `fg` would): the explorer is back where it was.
    t.kill("CONT");
    t.wait_status("the explorer to come back", |s| s.contains("Library 3/4"));
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn an_unknown_story_id_is_an_error_before_the_terminal_is_touched() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start(
        "unknown",
        &repo(),
        &["tests/fixtures/tui-library", "--story", "harbour-strike"],
        100,
        30,
    );
    let s = t.wait_for("EXIT=1");
    assert!(s.contains("did you mean `harbor-strike`"), "{s}");
    t.assert_restored();
}

/// The `tui_panic` example, built next to this test by `cargo test`.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target dir")
        .join("examples")
        .join(name)
}

#[test]
fn a_panic_gives_the_terminal_back_then_prints_the_message() {
    if !have_tmux() {
        return;
    }
    let bin = example("tui_panic");
    if !bin.exists() {
        let built = Command::new(env!("CARGO"))
            .args(["build", "--example", "tui_panic"])
            .status()
            .expect("cargo runs");
        assert!(built.success());
    }
    let t = Tmux::start_command("panic", &repo(), &bin, &[], 100, 30);
    let s = t.wait_for("EXIT=101");
    // The message is on the normal screen, and nothing printed after it
    // overwrote it (leaving the alternate screen twice would move the cursor back).
    let lines: Vec<&str> = s.lines().collect();
    let message = lines
        .iter()
        .position(|l| l.contains("deliberate panic inside the explorer"));
    let exit = lines.iter().position(|l| l.contains("EXIT=101"));
    assert!(message.is_some() && message < exit, "{s}");

    t.assert_restored();
}
