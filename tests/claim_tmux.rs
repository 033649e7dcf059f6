//! A claim across stories in the real binary, in tmux (issue 14): `h` to the claim
//! itself in the Claims pane, `w` there, Enter on a → link into a story, Backspace
//! back to the claim, and again to the story.
//!
//! Skipped, with a message, only when tmux is not installed.

mod tui_common;

use tui_common::tmux::*;

#[test]
fn w_on_the_claim_shows_it_across_stories_and_follows_into_each() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start(
        "claim",
        &repo(),
        &[
            "tests/fixtures/format2/reuters-alibaba-memo.yaml",
            "stories/alibaba-military-allegations.yaml",
        ],
        120,
        40,
    );
    t.wait_for("2 stories");
    // The first story (Reuters), its Claims pane, h to the claim itself.
    t.keys(&["Enter"]);
    t.wait_status("the story", |s| s.contains("Washington accuses"));
    t.keys(&["5"]);
    t.wait("the claims matrix", |s| s.contains("column 1/3"));
    t.keys(&["h"]);
    t.wait("the claim stop", |s| {
        s.contains("· the claim") && s.contains("Claim, alleged (w: across stories)")
    });
    // w: the claim in both stories, side by side.
    t.keys(&["w"]);
    // (Waiting for the links too: a capture may catch a frame half drawn.)
    let s = t.wait("the claim across stories", |s| {
        s.contains("memo-allegation across 2 stories")
            && s.contains("White House: supports (reuters-alibaba-memo) | no comment")
            && s.contains("→ the claim in this story")
    });
    assert!(s.contains("Claim › memo-allegation"), "{s}");
    assert!(s.contains("→ the claim in this story"), "{s}");
    // Enter on the first link: the Reuters story at its claim; Backspace: back.
    t.keys(&["Enter"]);
    t.wait_status("the claim in its story", |s| {
        s.contains("Detail of Claims 1/1") && s.contains("Washington accuses")
    });
    t.keys(&["BSpace"]);
    t.wait_status("back on the claim view", |s| {
        s.contains("Claim › memo-allegation")
    });
    // The last line: the quote the embassy's stance cites in the bundled story.
    t.keys(&["G", "Enter"]);
    t.wait_status("the bundled story, at the quote", |s| {
        s.contains("Detail of Quotes") && s.contains("Reported White House memo")
    });
    t.keys(&["BSpace"]);
    t.wait_status("the claim view again", |s| {
        s.contains("Claim › memo-allegation")
    });
    t.keys(&["BSpace"]);
    t.wait_status("the story it was opened from", |s| {
        s.contains("Claims 1/1") && s.contains("Washington accuses")
    });
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}
