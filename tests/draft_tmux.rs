//! `-` as a PATH in the explorer, with the story piped in and the keys read from the
//! terminal (as fzf does), and `storyx draft --open`: the real binary in tmux.
//!
//! Skipped, with a message, only when tmux is not installed.

mod tui_common;

use std::path::Path;

use tui_common::tmux::*;

fn storyx() -> String {
    quote(
        &Path::new(env!("CARGO_BIN_EXE_storyx"))
            .display()
            .to_string(),
    )
}

#[test]
fn a_story_piped_into_the_explorer_reads_its_keys_from_the_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let story =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/alibaba-military-allegations.yaml");
    let line = format!(
        "cat {} | {} - --story alibaba-military-allegations",
        quote(&story.display().to_string()),
        storyx()
    );
    let t = Tmux::start_command(
        "stdin",
        dir.path(),
        Path::new("sh"),
        &["-c", &line],
        100,
        30,
    );
    t.wait("the piped story", |s| {
        s.contains("Alibaba") && s.contains("? help")
    });
    // Keys come from the terminal although standard input is the pipe.
    t.keys(&["?"]);
    t.wait("the help", |s| s.contains("move down"));
    t.keys(&["Escape"]);
    t.wait_gone("move down");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn draft_open_explores_the_draft_and_writes_nothing() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("storm.txt");
    std::fs::write(
        &article,
        "Storm hits coast\n\n“We lost everything,” Maria Lopez said.\n",
    )
    .unwrap();
    let t = Tmux::start(
        "open",
        dir.path(),
        &["draft", "storm.txt", "--open"],
        100,
        30,
    );
    t.wait("the draft", |s| {
        s.contains("Storm hits coast") && s.contains("Maria Lopez")
    });
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "only the article: {files:?}");
}
