//! Issue 13, bug 5: every hint names the key actually bound. A configuration
//! rebinds open, close, back, the problems, the sort, the review mark, who and
//! the timeline narrowing; the screens and messages that name those keys show
//! the rebound ones and never a default one.

mod tui_common;

use std::path::Path;

use storyx::app::keymap::Keymap;
use storyx::app::{update, Action, Pane, State};
use tui_common::*;

const CONFIG: &str = "[keys]\nopen = \"F2\"\nclose = \"F3\"\nback = \"F4\"\ntoggle_problems = \"P\"\ncycle_sort = \"F6\"\ntoggle_reviewed = \"M\"\nwho = \"W\"\nnarrow_timeline = \"T\"\n";

fn rebound() -> Keymap {
    let (config, problems) = storyx::config::parse(Path::new("/c/config.toml"), CONFIG);
    assert!(problems.is_empty(), "{problems:?}");
    config.keymap()
}

fn at(w: u16, h: u16) -> State {
    state_at(library_corpus(), w, h, vec![Action::Keys(rebound())])
}

fn apply(st: &mut State, actions: &[Action]) {
    for a in actions {
        update(st, a.clone());
    }
}

/// No default key of a rebound action is named in `shown`.
fn no_default_key(shown: &str) {
    for default in [
        "Enter ",
        "Enter or",
        "Esc ",
        "Backspace ",
        "(S ",
        " m ",
        "(m ",
        "! shows",
        "t narrows",
        "w shows",
    ] {
        assert!(!shown.contains(default), "{default:?} in:\n{shown}");
    }
}

#[test]
fn the_library_names_the_rebound_keys() {
    let mut st = at(80, 24);
    assert!(text(&st).contains("(F2 or P shows them)"));
    // The problems row selected: its preview says so too.
    update(&mut st, Action::Top);
    let t = text(&st);
    assert!(t.contains("(F2 or P shows them)"), "{t}");
    assert!(t.contains("file:line:col. F2 or P shows"), "{t}");
    assert!(t.contains("(F6 changes it)"), "{t}");
    no_default_key(&t);
    insta::assert_snapshot!("rebound_library_80x24", screen(&st));
}

#[test]
fn a_filter_with_no_row_names_the_rebound_close_key() {
    let mut st = at(80, 24);
    apply(&mut st, &[Action::NextStory, Action::Open]);
    apply(&mut st, &[Action::FocusPane(Pane::Parties), Action::Filter]);
    type_text(&mut st, "zzzqqq");
    // While typing, the line's own Esc clears it (the query line's keys are fixed).
    assert!(text(&st).contains("No row matches; Esc clears the filter"));
    press(&mut st, key(crossterm::event::KeyCode::Enter));
    let t = text(&st);
    assert!(t.contains("No row matches; F3 clears the filter"), "{t}");
    no_default_key(&t);
    insta::assert_snapshot!("rebound_filtered_80x24", screen(&st));
}

#[test]
fn the_cross_story_pages_name_the_rebound_open_key() {
    let mut st = at(80, 24);
    apply(&mut st, &[Action::Open]);
    apply(&mut st, &[Action::FocusPane(Pane::Parties), Action::Who]);
    let t = text(&st);
    assert!(t.contains("F2 follows a → line into its story"), "{t}");
    no_default_key(&t);
    insta::assert_snapshot!("rebound_person_80x24", screen(&st));
    // The claim across stories: on the claim itself (left of the first column).
    apply(
        &mut st,
        &[
            Action::Back,
            Action::FocusPane(Pane::Claims),
            Action::Left,
            Action::Who,
        ],
    );
    let t = text(&st);
    assert!(t.contains("Claim ›"), "{t}");
    assert!(t.contains("F2 follows a → line into its story"), "{t}");
    no_default_key(&t);
}

#[test]
fn messages_name_the_rebound_keys() {
    let mut st = at(120, 40);
    apply(&mut st, &[Action::NextStory, Action::Open, Action::Who]);
    let m = st.chrome.message.clone().unwrap_or_default();
    assert_eq!(
        m,
        "W shows a party or analyst across stories: select one first (2 or 3)"
    );
    update(&mut st, Action::NarrowTimeline);
    let m = st.chrome.message.clone().unwrap_or_default();
    assert!(m.starts_with("T narrows the timeline"), "{m}");
    apply(&mut st, &[Action::People, Action::NarrowTimeline]);
    let m = st.chrome.message.clone().unwrap_or_default();
    assert_eq!(m, "T narrows a story's timeline; open a story first");
    apply(&mut st, &[Action::Open, Action::NarrowTimeline]);
    let m = st.chrome.message.clone().unwrap_or_default();
    assert_eq!(m, "T narrows a story's timeline; F2 opens the story");
    // Not reviewed: d says how to mark it, with the rebound key.
    let mut st = at(120, 40);
    apply(&mut st, &[Action::NextStory, Action::Changes]);
    let m = st.chrome.message.clone().unwrap_or_default();
    assert!(
        m.ends_with("is not marked reviewed; M marks it, and what changes after shows here"),
        "{m}"
    );
}

#[test]
fn an_unbound_action_leaves_its_hint_out() {
    let (config, _) = storyx::config::parse(
        Path::new("/c/config.toml"),
        "[keys]\ncycle_sort = []\ntoggle_problems = []\nopen = []\n",
    );
    let st = state_at(
        library_corpus(),
        80,
        24,
        vec![Action::Keys(config.keymap())],
    );
    let t = text(&st);
    assert!(!t.contains("changes it"), "{t}");
    assert!(!t.contains("shows them"), "{t}");
    assert!(t.contains("problem"), "{t}");
}
