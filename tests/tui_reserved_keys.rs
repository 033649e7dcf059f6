//! The reader can always leave (issue 18): Ctrl-c quits in every screen and
//! mode whatever the configuration binds, and a configuration that gives it to
//! another action is told where (that action keeps its default keys). The
//! hints of the status bar, the help's title and the messages name the keys in
//! force, and leave out a hint whose action has no key.
//!
//! Key → actions (`state_event_actions`, as the event loop) → update → state,
//! and the screen through ratatui's TestBackend.

mod tui_common;

use std::path::Path;

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use storyx::app::keymap::Keymap;
use storyx::app::{update, Action, Pane, Screen, State};
use storyx::config;
use storyx::term::state_event_actions;
use storyx::ui::status::hints;
use tui_common::*;

/// Every quitting key given elsewhere: `q` to search, Ctrl-\ to suspend, quit
/// itself unbound, and Ctrl-c asked for by copy (refused: copy keeps `y`).
const EVERY_QUIT_KEY_TAKEN: &str =
    "[keys]\nquit = []\nsearch = \"q\"\ncopy = [\"c\", \"Ctrl-c\"]\nsuspend = \"Ctrl-\\\\\"\n";

fn keymap_of(text: &str) -> (Keymap, Vec<String>) {
    let (c, problems) = config::parse(Path::new("/home/r/.config/storyx/config.toml"), text);
    let shown = problems.iter().map(|d| d.one_line()).collect();
    (c.keymap(), shown)
}

fn with_keys(keys: &Keymap, actions: Vec<Action>) -> State {
    let mut all = vec![Action::Keys(keys.clone())];
    all.extend(actions);
    state_at(library_corpus(), 120, 40, all)
}

fn ctrl_c() -> TermEvent {
    ctrl('c')
}

#[test]
fn a_config_giving_ctrl_c_to_another_action_is_told_where_and_that_action_keeps_its_keys() {
    let (keys, problems) = keymap_of(EVERY_QUIT_KEY_TAKEN);
    assert_eq!(
        problems,
        ["/home/r/.config/storyx/config.toml:4:14: warning: keys.copy: `Ctrl-c` always quits and cannot be given to `copy`; `copy` keeps its default keys"]
    );
    let act = |code, modifiers| {
        let mut st = with_keys(&keys, vec![Action::Open]);
        state_event_actions(&st, &TermEvent::Key(KeyEvent::new(code, modifiers)))
            .into_iter()
            .inspect(|a| {
                update(&mut st, a.clone());
            })
            .collect::<Vec<_>>()
    };
    let none = KeyModifiers::NONE;
    assert!(matches!(
        act(KeyCode::Char('y'), none).as_slice(),
        [Action::Copy]
    ));
    assert!(
        act(KeyCode::Char('c'), none).is_empty(),
        "c is not copy's: the entry was refused whole"
    );
    assert!(matches!(
        act(KeyCode::Char('q'), none).as_slice(),
        [Action::Search]
    ));
    // Ctrl-\ as crossterm reports it (the byte 0x1c is Ctrl-4) is the user's suspend now.
    assert!(matches!(
        act(KeyCode::Char('4'), KeyModifiers::CONTROL).as_slice(),
        [Action::Suspend]
    ));
    assert!(matches!(
        act(KeyCode::Char('c'), KeyModifiers::CONTROL).as_slice(),
        [Action::Quit]
    ));
}

/// Every screen and mode a reader can be in, by the keys that lead there
/// (`search`: the key that opens the search).
fn every_mode(search: char) -> Vec<(&'static str, Vec<TermEvent>)> {
    let k = |c| key(KeyCode::Char(c));
    vec![
        ("library", vec![]),
        ("library filter typing", vec![k('f'), k('h')]),
        ("story", vec![key(KeyCode::Enter)]),
        (
            "story detail",
            vec![key(KeyCode::Enter), key(KeyCode::Enter)],
        ),
        (
            "pane filter typing",
            vec![key(KeyCode::Enter), k('f'), k('x')],
        ),
        ("search typing", vec![k(search), k('j'), k('q')]),
        ("help", vec![k('?')]),
        ("help over a story", vec![key(KeyCode::Enter), k('?')]),
        ("problems", vec![k('!')]),
        ("people", vec![k('p')]),
        ("a person", vec![k('p'), key(KeyCode::Enter)]),
    ]
}

#[test]
fn ctrl_c_quits_in_every_screen_and_mode_with_every_other_quit_key_taken() {
    let (keys, _) = keymap_of(EVERY_QUIT_KEY_TAKEN);
    for (keys, search) in [(keys, 'q'), (Keymap::default(), '/')] {
        for (mode, events) in every_mode(search) {
            let mut st = with_keys(&keys, vec![]);
            for ev in events {
                press(&mut st, ev);
            }
            assert!(!st.quit, "{mode}: quit too early");
            press(&mut st, ctrl_c());
            assert!(st.quit, "{mode}: Ctrl-c did not quit");
        }
    }
}

#[test]
fn the_modes_of_the_test_are_the_modes_they_say() {
    let (keys, _) = keymap_of(EVERY_QUIT_KEY_TAKEN);
    let reached = |events: Vec<TermEvent>| {
        let mut st = with_keys(&keys, vec![]);
        for ev in events {
            press(&mut st, ev);
        }
        st
    };
    let modes = every_mode('q');
    let get = |name: &str| reached(modes.iter().find(|m| m.0 == name).unwrap().1.clone());
    assert!(get("search typing").search.open);
    assert_eq!(get("search typing").search.line.text(), "jq");
    assert!(storyx::app::search::line_open(&get(
        "library filter typing"
    )));
    assert!(storyx::app::search::line_open(&get("pane filter typing")));
    assert!(get("help").chrome.help);
    assert_eq!(get("problems").nav.screen, Screen::Problems);
    assert_eq!(get("people").nav.screen, Screen::People);
    assert_eq!(get("a person").nav.screen, Screen::Person);
    assert!(get("story detail")
        .view
        .as_ref()
        .is_some_and(|v| v.focus_detail));
}

#[test]
fn the_hints_name_the_keys_in_force_and_leave_out_an_action_without_one() {
    let (keys, _) = keymap_of(EVERY_QUIT_KEY_TAKEN);
    let st = with_keys(&keys, vec![]);
    let h = hints(&st);
    assert_eq!(h[..3], ["? help", "Ctrl-c quit", "Enter open"], "{h:?}");
    assert!(h.contains(&"q search".to_string()), "{h:?}");

    // Nothing bound to help, open or search: those hints go, no keyless one stays.
    let (keys, problems) =
        keymap_of("[keys]\ntoggle_help = []\nopen = []\nsearch = []\nquit = \"x\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    for actions in [
        vec![],
        vec![Action::Open],
        vec![Action::ToggleProblems],
        vec![Action::People],
        vec![Action::FocusPane(Pane::Parties)],
    ] {
        let st = with_keys(&keys, actions.clone());
        let h = hints(&st);
        assert_eq!(h[0], "x quit", "{actions:?}: {h:?}");
        for hint in &h {
            assert!(
                !hint.starts_with(' ') && hint.split(' ').count() >= 2,
                "{actions:?}: a hint without its key: {hint:?} in {h:?}"
            );
            assert!(
                !hint.contains("help") && !hint.contains("search"),
                "{hint:?}"
            );
        }
    }
}

#[test]
fn messages_name_the_quit_key_in_force() {
    let (keys, _) = keymap_of(EVERY_QUIT_KEY_TAKEN);
    let mut st = with_keys(&keys, vec![]);
    update(&mut st, Action::Close);
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("This is the library; Ctrl-c quits")
    );
    let mut st = with_keys(&Keymap::default(), vec![]);
    update(&mut st, Action::Close);
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("This is the library; q quits")
    );
}

#[test]
fn the_help_title_names_the_keys_that_close_and_scroll_it() {
    let title = |keys: &Keymap, h: u16| {
        let mut st = with_keys(keys, vec![Action::ToggleHelp]);
        update(
            &mut st,
            Action::Resize {
                width: 120,
                height: h,
            },
        );
        rows(&st)
            .into_iter()
            .find(|r| r.contains("Help"))
            .unwrap_or_default()
    };
    let tall = title(&Keymap::default(), 200);
    assert!(
        tall.contains("┌Help · Esc or ? closes┐") || tall.contains("Help · Esc or ? closes"),
        "{tall}"
    );
    let short = title(&Keymap::default(), 20);
    assert!(
        short.contains("Help · j/k scroll · Esc or ? closes"),
        "{short}"
    );
    let (keys, _) =
        keymap_of("[keys]\nclose = \"x\"\ntoggle_help = \"F1\"\ndown = \"n\"\nup = []\n");
    let short = title(&keys, 20);
    assert!(
        short.contains("Help · n scroll · x or F1 closes"),
        "{short}"
    );
    let (keys, _) = keymap_of(
        "[keys]\nclose = []\nback = []\ntoggle_help = []\nquit = []\ndown = []\nup = []\n",
    );
    let short = title(&keys, 20);
    assert!(short.contains("Help · Ctrl-c quits"), "{short}");
    assert!(
        !short.contains("scroll") && !short.contains("closes"),
        "{short}"
    );
}

#[test]
fn the_status_bar_and_help_with_every_quit_key_taken() {
    let (keys, _) = keymap_of(EVERY_QUIT_KEY_TAKEN);
    let st = with_keys(&keys, vec![]);
    insta::assert_snapshot!("library_every_quit_key_taken_120x40", screen(&st));
    let st = with_keys(&keys, vec![Action::ToggleHelp]);
    insta::assert_snapshot!("help_every_quit_key_taken_120x40", screen(&st));
}
