//! The reader can always leave (issue 18), in a real terminal: Ctrl-c quits
//! whatever the configuration binds, from the search line and the help; Ctrl-\
//! and SIGQUIT give the terminal back as the other ways out do; a SIGTERM while
//! the editor opened by `e` runs is passed on to it, storyx waits for it, then
//! gives the terminal back and exits.
//!
//! Skipped, with a message, only when tmux is not installed.

mod tui_common;

use std::path::Path;
use std::time::{Duration, Instant};

use tui_common::tmux::*;

/// Every quitting key given elsewhere: `q` to search, Ctrl-\ to suspend, quit
/// itself unbound, and Ctrl-c asked for by copy (refused with a warning).
const EVERY_QUIT_KEY_TAKEN: &str =
    "[keys]\nquit = []\nsearch = \"q\"\ncopy = [\"c\", \"Ctrl-c\"]\nsuspend = \"Ctrl-\\\\\"\n";

/// Waits until `pred` holds of a file's text; returns the text.
fn wait_file(path: &Path, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if pred(&text) {
            return text;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "waited for {what}; {path:?} holds {text:?}"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
}

#[test]
fn ctrl_c_quits_from_the_search_line_and_the_help_when_every_quit_key_is_rebound() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (vars, _) = Tmux::config_env(dir.path(), EVERY_QUIT_KEY_TAKEN);
    for (name, keys, shown) in [
        ("search", &["q", "h", "a", "r"][..], "har"),
        ("help", &["?"][..], "Help ·"),
    ] {
        let t = Tmux::start_env(
            &format!("ctrlc-{name}"),
            &repo(),
            &vars,
            &["tests/fixtures/tui-library"],
            120,
            30,
        );
        // The refused binding is told with its place.
        let status = t.wait_status("the config warning", |s| s.contains("config.toml:4:14"));
        assert!(status.contains("`Ctrl-c` always quits"), "{status}");
        t.wait_for("3 stories");
        t.keys(keys);
        t.wait_for(shown);
        assert_eq!(t.format("#{alternate_on}"), "1", "{name}: q must not quit");
        t.keys(&["C-c"]);
        t.wait_for("EXIT=0");
        t.assert_restored();
    }
}

#[test]
fn the_status_bar_names_ctrl_c_when_q_is_taken() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // q searches, F1 helps, nothing opens: the hints say so, and leave out open.
    let (vars, _) = Tmux::config_env(
        dir.path(),
        "[keys]\nsearch = \"q\"\ntoggle_help = \"F1\"\nopen = []\n",
    );
    let t = Tmux::start_env(
        "hint",
        &repo(),
        &vars,
        &["tests/fixtures/tui-library"],
        160,
        30,
    );
    let status = t.wait_status("the hints", |s| s.contains("quit"));
    assert!(
        status.contains("F1 help  Ctrl-c quit  S sort  q search"),
        "{status}"
    );
    assert!(
        !status.contains(" open"),
        "a hint without its key: {status}"
    );
    t.keys(&["C-c"]);
    t.wait_for("EXIT=0");
}

#[test]
fn ctrl_backslash_gives_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("ctrlbs", &repo(), &["tests/fixtures/tui-library"], 100, 30);
    t.wait_for("3 stories");
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.keys(&["C-\\"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
    // Cooked mode: what is typed now is echoed by the terminal itself.
    t.literal("typed-after-quitting");
    t.wait_for("typed-after-quitting");
}

#[test]
fn sigquit_gives_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("sigquit", &repo(), &["tests/fixtures/tui-library"], 100, 30);
    t.wait_for("3 stories");
    t.keys(&["?"]);
    t.wait_for("Help ·");
    t.kill("QUIT");
    t.wait_for("EXIT=131");
    t.assert_restored();
    t.literal("typed-after-sigquit");
    t.wait_for("typed-after-sigquit");
}

#[test]
fn sigterm_while_the_editor_runs_is_passed_on_and_waited_for() {
    use std::os::unix::fs::PermissionsExt;
    if !have_tmux() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo().join("tests/fixtures/tui-library")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, work.path().join(p.file_name().unwrap())).unwrap();
    }
    let log = work.path().join("editor.log");
    let pid_file = work.path().join("editor.pid");
    // An editor that takes a while to leave on SIGTERM, and says when it has.
    let editor = work.path().join("slow-editor");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho $$ > {pid}\ntrap 'sleep 0.5; echo left-on-TERM >> {log}; exit 0' TERM\necho started > {log}\nwhile :; do sleep 0.1; done\n",
            pid = quote(&pid_file.display().to_string()),
            log = quote(&log.display().to_string()),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let vars = [
        format!("EDITOR={}", editor.display()),
        "VISUAL=".to_string(),
    ];
    let folder = work.path().display().to_string();
    let t = Tmux::start_env(
        "editterm",
        work.path(),
        &vars,
        &[&folder, "--story", "harbor-strike"],
        120,
        40,
    );
    t.wait_for("┌ Detail");
    t.keys(&["4", "e"]);
    wait_file(&log, "the editor to start", |s| s.contains("started"));
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "the editor has the terminal"
    );
    let editor_pid = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .to_string();
    t.kill("TERM");
    // storyx exits only once the editor has: its last words are in the log by then.
    t.wait_for("EXIT=143");
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(
        said.contains("left-on-TERM"),
        "the editor was not told: {said:?}"
    );
    let alive = std::process::Command::new("kill")
        .args(["-0", &editor_pid])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(!alive, "the editor {editor_pid} was left running");
    t.assert_restored();
}
