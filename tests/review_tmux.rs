//! What changed since a review, in a real terminal: storyx in tmux (its own
//! XDG_* folders, so its own store of reviewed versions) on a copy of a folder of
//! stories; `m` marks the bundled story reviewed, the test changes its file on
//! disk (a stance changed, a quote corrected, an event added), live reload brings
//! the badge, `d` opens the changes, Enter goes to the corrected quote in the story
//! and Backspace comes back.
//!
//! Skipped, with a message, only when tmux is not installed.

mod tui_common;

use std::path::PathBuf;

use tui_common::tmux::*;

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

#[test]
fn a_story_marked_reviewed_then_changed_on_disk_shows_its_badge_and_its_changes() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("diff/old.yaml"), dir.path().join("a.yaml")).unwrap();
    for n in ["budget-vote.yaml", "river-bridge.yaml"] {
        std::fs::copy(fixture(&format!("tui-library/{n}")), dir.path().join(n)).unwrap();
    }
    let t = Tmux::start(
        "review",
        &repo(),
        &["--no-cache", dir.path().to_str().unwrap()],
        120,
        40,
    );
    t.wait("the library", |s| {
        s.contains("Alibaba") && s.contains("Council votes") && s.contains("A new bridge")
    });
    // The bundled story is selected (below the problems row: the fixtures warn).
    t.wait("the bundled story selected", |s| s.contains("a.yaml"));

    // m: marked reviewed, the version seen kept.
    t.keys(&["m"]);
    t.wait_status("the mark", |s| s.contains("marked reviewed ✓"));
    t.wait("the ✓", |s| s.contains("│✓ Reported"));
    // Nothing changed yet: d says so.
    t.keys(&["d"]);
    t.wait_status("no changes yet", |s| {
        s.contains("No changes since your review")
    });

    // The file changes on disk: live reload brings the badge.
    std::fs::copy(fixture("diff/new.yaml"), dir.path().join("a.yaml")).unwrap();
    let s = t.wait("the changed badge", |s| s.contains("changed (3)"));
    let row = s.lines().find(|l| l.contains("changed (3)")).unwrap();
    assert!(
        row.contains("│✓ Reported") && row.contains("changed (3)"),
        "{row}"
    );
    assert!(
        s.contains("Changed since your review: 3 changes (d shows them)"),
        "{s}"
    );

    // d: the changes, as `storyx diff` words them.
    t.keys(&["d"]);
    let s = t.wait("the changes view", |s| {
        s.contains("Changes since your review · 3 changes")
    });
    assert!(s.contains("event added"), "{s}");
    assert!(s.contains("quote edited"), "{s}");
    assert!(s.contains("stance changed"), "{s}");
    assert!(t.status().contains("Changes 1/3"), "{}", t.status());

    // To the corrected quote, Enter: the quote in the story.
    let quote_row = s
        .lines()
        .filter(|l| l.starts_with('│') && l.contains(" · "))
        .position(|l| l.contains("quote edited"))
        .unwrap();
    for _ in 0..quote_row {
        t.keys(&["j"]);
    }
    t.wait("the quote change selected", |s| {
        s.contains("quotes[embassy-distortion].text: quote edited")
    });
    t.keys(&["Enter"]);
    let s = t.wait_status("the story at the quote", |s| s.contains("Quotes "));
    assert!(s.contains("Reported White House"), "{s}");
    t.wait("the corrected quote", |s| {
        s.contains("a complete distortion of the facts")
    });
    // Backspace: back to the changes; Esc: the library.
    t.keys(&["BSpace"]);
    t.wait_status("back to the changes", |s| s.contains("Changes "));
    t.keys(&["Escape"]);
    t.wait_status("the library", |s| s.contains("Library "));

    // m on the changed story: its new version reviewed, the badge gone.
    t.keys(&["m"]);
    t.wait_status("the new version marked", |s| {
        s.contains("this version marked reviewed ✓")
    });
    let s = t.wait_gone("changed (3)");
    assert!(s.contains("│✓ Reported"), "{s}");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}
