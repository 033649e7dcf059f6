//! What the user sees: insta snapshots of every screen and pane, at 120×40
//! (wide: panes beside the detail) and at 40×12 (small: one pane with tabs),
//! plus one medium size. Rendered through ratatui's TestBackend.

mod tui_common;

use storyx::app::{Action, Pane};
use tui_common::*;

const SIZES: [(u16, u16); 2] = [(120, 40), (40, 12)];

fn snap(name: &str, st: &storyx::app::State) {
    let (w, h) = st.chrome.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(st));
}

#[test]
fn library() {
    for (w, h) in SIZES {
        snap("library", &state_at(library_corpus(), w, h, vec![]));
    }
}

#[test]
fn library_sorted_by_title() {
    let st = state_at(
        library_corpus(),
        120,
        40,
        vec![Action::CycleSort, Action::CycleSort],
    );
    snap("library_by_title", &st);
}

#[test]
fn problems() {
    for (w, h) in SIZES {
        snap(
            "problems",
            &state_at(library_corpus(), w, h, vec![Action::ToggleProblems]),
        );
    }
}

#[test]
fn empty() {
    for (w, h) in SIZES {
        snap("empty", &state_at(corpus(vec![]), w, h, vec![]));
    }
}

#[test]
fn each_pane_focused() {
    for (w, h) in SIZES {
        for p in Pane::ALL {
            let st = state_at(
                corpus(vec![harbor()]),
                w,
                h,
                vec![Action::FocusPane(p), Action::Down],
            );
            snap(&format!("pane_{}", p.title().to_lowercase()), &st);
        }
    }
}

#[test]
fn each_detail() {
    for (w, h) in SIZES {
        for p in Pane::ALL {
            let st = state_at(
                corpus(vec![harbor()]),
                w,
                h,
                vec![Action::FocusPane(p), Action::Open],
            );
            snap(&format!("detail_{}", p.title().to_lowercase()), &st);
        }
    }
}

#[test]
fn paraphrase_relayed_via_someone() {
    for (w, h) in SIZES {
        let st = state_at(
            corpus(vec![harbor()]),
            w,
            h,
            vec![Action::FocusPane(Pane::Quotes), Action::Down, Action::Open],
        );
        snap("detail_paraphrase", &st);
    }
}

#[test]
fn help() {
    for (w, h) in SIZES {
        snap(
            "help",
            &state_at(corpus(vec![harbor()]), w, h, vec![Action::ToggleHelp]),
        );
    }
}

#[test]
fn summary_shown() {
    for (w, h) in SIZES {
        snap(
            "summary",
            &state_at(corpus(vec![harbor()]), w, h, vec![Action::ToggleSummary]),
        );
    }
}

#[test]
fn empty_story() {
    for (w, h) in SIZES {
        snap(
            "empty_story",
            &state_at(corpus(vec![bare("bare-story")]), w, h, vec![]),
        );
    }
}

#[test]
fn medium_stacks_the_panes_over_the_detail() {
    let st = state_at(
        corpus(vec![harbor()]),
        100,
        30,
        vec![Action::FocusPane(Pane::Claims)],
    );
    snap("medium_claims", &st);
}
