//! The hostile stories in the real binary in a real terminal (tmux, with
//! `set-clipboard on`, so OSC 52 would fill a paste buffer, and OSC 0/2 would set
//! the pane title): storyx opens them, every pane of every story and the detail of
//! its items are opened, the summary, the help and the problems are shown, and the
//! pane title stays the host name, no paste buffer appears, the placeholders are on
//! the screen; SIGTERM leaves the alternate screen off. A canary first proves that
//! this tmux does obey those sequences when a program really sends them.
//!
//! Skipped, with a message, only when tmux is not installed.

mod hostile_common;
mod tui_common;

use std::path::Path;
use std::time::{Duration, Instant};

use hostile_common::hostile_dir;
use tui_common::tmux::*;

const CONFIG: &[&str] = &["set -g set-clipboard on"];

/// Polls until `pred` holds on a tmux query; panics with its last value.
fn wait_until(what: &str, query: impl Fn() -> String, pred: impl Fn(&str) -> bool) {
    let start = Instant::now();
    loop {
        let v = query();
        if pred(&v) {
            return;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out waiting for {what}: {v:?}"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
}

#[test]
fn the_canary_this_tmux_obeys_title_and_clipboard_sequences() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start_configured(
        "canary",
        &repo(),
        Path::new("/bin/sh"),
        &[
            "-c",
            r"printf '\033]0;pwned\007\033]52;c;aGVsbG8=\007'; sleep 30",
        ],
        80,
        10,
        CONFIG,
    );
    wait_until("the title", || t.pane_title(), |v| v == "pwned");
    wait_until("a paste buffer", || t.buffers(), |v| v.contains("hello"));
}

/// The pane title is the host name and there is no paste buffer.
fn assert_untouched(t: &Tmux, host: &str, when: &str) {
    assert_eq!(t.pane_title(), host, "{when}: the pane title changed");
    assert_eq!(t.buffers(), "", "{when}: a paste buffer appeared");
}

/// Every pane of the open story: focus it, open the detail of its first item,
/// a line down, to the bottom, back to the pane; then the summary.
fn every_pane(t: &Tmux, host: &str, story: &str) {
    for (key, pane) in [
        ("1", "Timeline"),
        ("2", "Parties"),
        ("3", "Analysts"),
        ("4", "Quotes"),
        ("5", "Claims"),
        ("6", "Sources"),
    ] {
        t.keys(&[key]);
        t.wait_status(&format!("{story}: the {pane} pane"), |s| {
            s.contains(&format!(" {pane} ")) && !s.contains("Detail of")
        });
        t.keys(&["Enter"]);
        let status = t.wait_status(&format!("{story}: the detail of {pane}"), |s| {
            s.contains(&format!("Detail of {pane}")) || s.contains("pane is empty")
        });
        if status.contains("Detail of") {
            t.keys(&["j", "G", "Escape"]);
            t.wait_status(&format!("{story}: back to {pane}"), |s| {
                !s.contains("Detail of")
            });
        }
        assert_untouched(t, host, &format!("{story}, {pane}"));
    }
    // The header view (`s`): title, question and summary in full; `s` closes it.
    t.keys(&["s"]);
    t.wait_for("┌ Story");
    assert_untouched(t, host, &format!("{story}, the header view"));
    t.keys(&["s"]);
    t.wait_for("┌ Timeline");
}

#[test]
fn hostile_stories_never_touch_the_title_or_the_clipboard() {
    if !have_tmux() {
        return;
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_storyx"));
    let folder = hostile_dir();
    let t = Tmux::start_configured(
        "hostile",
        &repo(),
        bin,
        &[folder.to_str().unwrap(), "--story", "hostile-escapes"],
        120,
        40,
        CONFIG,
    );
    let host = t.format("#{host}");
    let s = t.wait_for("Title ␛]0;pwned␇ sets the window title");
    assert_untouched(&t, &host, "the escapes story");
    assert!(s.contains("Question ␛[2J␛[H clears the screen?"), "{s}");
    assert_eq!(t.format("#{alternate_on}"), "1");

    every_pane(&t, &host, "escapes");
    // The quote: OSC 0, OSC 52 and a C1 CSI, all shown.
    t.keys(&["4", "Enter"]);
    // (The summary, still on screen until the keys are read, shows ⟨U+009B⟩31m too.)
    t.wait_status("the quote's detail", |s| s.contains("Detail of Quotes"));
    let s = t.wait_for("⟨U+009B⟩31m");
    assert!(s.contains("“Quote ␛]0;pwned␇ ␛]52;c;aGVsbG8=␇"), "{s}");
    t.keys(&["Escape"]);
    // The summary: the clipboard sequence and the rest of the zoo.
    t.keys(&["s"]);
    t.wait_for("OSC 52 ␛]52;c;aGVsbG8=␇ (clipboard), bells ␇␇");
    t.keys(&["s"]);
    assert_untouched(&t, &host, "the escapes story's summary");

    // The other stories, with ].
    t.keys(&["]"]);
    t.wait_for("港口罢工");
    every_pane(&t, &host, "wide");
    t.keys(&["]"]);
    t.wait_for("comes");
    every_pane(&t, &host, "zalgo");

    // The library, the problems (messages quoting escapes, odd names), the help.
    t.keys(&["Escape"]);
    t.wait_for("4 stories");
    t.keys(&["!"]);
    t.wait("the problems", |s| {
        s.contains("unknown key `quotse␛]0;pwned␇`") || s.contains("quotse␛]0;pwned␇")
    });
    for _ in 0..10 {
        t.keys(&["j"]);
    }
    t.wait_status("the last problem", |s| s.contains("Problems 10/10"));
    assert_untouched(&t, &host, "the problems");
    t.keys(&["Escape", "?"]);
    t.wait_for("move down");
    t.keys(&["Escape"]);
    t.wait_gone("move down");

    // The bidi story, from the library: Trojan source shown with markers.
    t.keys(&["g", "j", "Enter"]);
    t.wait_for("Trojan ⟨RLO⟩source⟨PDF⟩");
    every_pane(&t, &host, "bidi");
    t.keys(&["2", "Enter"]);
    t.wait_for("⟨RLO⟩ ⟨LRI⟩// check later⟨PDI⟩");
    assert_untouched(&t, &host, "the bidi story");

    t.kill("TERM");
    t.wait_for("EXIT=143");
    t.assert_restored();
    assert_untouched(&t, &host, "after SIGTERM");
}
