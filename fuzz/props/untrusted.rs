//! The assertions of the `config` and `state` fuzz targets, one body for two
//! drivers: the fuzz targets (fuzz/fuzz_targets/config.rs, state.rs; libFuzzer,
//! nightly) and `tests/untrusted_props.rs`, which runs them in every
//! `cargo test` on generated inputs, so these paths stay covered without a
//! nightly toolchain.
//!
//! Both files are untrusted: whatever their bytes, storyx must not panic, must
//! place every problem inside the text, must keep Ctrl-c quitting, must name no
//! key it has not bound, and must draw every screen it restores to.

use std::collections::BTreeMap;
use std::path::Path;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use storyx::app::keymap::{key_label, Keymap};
use storyx::app::{update, Action, Screen, State};
use storyx::config;
use storyx::corpus::Corpus;
use storyx::reading_state::{self, Entry};
use storyx::sanitize::is_unsafe;
use storyx::story::parse::parse_str;
use storyx::term::state_event_actions;
use storyx::view::theme::Theme;

/// A story to restore places in: the library fixture's harbor strike.
pub const STORY: &str = include_str!("../../tests/fixtures/tui-library/harbor-strike.yaml");

/// The corpus the state target restores into.
pub fn corpus() -> Corpus {
    let result = parse_str(Path::new("harbor-strike.yaml"), STORY);
    assert!(result.story.is_some(), "the fixture loads");
    Corpus::from_results(vec![result])
}

/// Draws the whole screen; panics on a cell that could act on a terminal.
fn draw(state: &State, w: u16, h: u16) {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    storyx::ui::render(state, &Theme::default(), buf.area, &mut buf);
    for cell in buf.content.iter() {
        if let Some(c) = cell.symbol().chars().find(|&c| is_unsafe(c)) {
            panic!("unsafe {c:?} drawn");
        }
    }
}

fn sized(corpus: Corpus, w: u16, h: u16) -> State {
    let mut state = State::new(corpus);
    update(
        &mut state,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    state
}

/// Ctrl-c quits, whatever is open.
fn ctrl_c_quits(state: &State) {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let actions = state_event_actions(state, &ev);
    assert!(
        matches!(actions.as_slice(), [Action::Quit]),
        "Ctrl-c gave {actions:?}"
    );
}

/// Any configuration text: every problem placed inside the text (or about the
/// whole file), the keys in force never lose Ctrl-c nor bind a key twice, and
/// the hints and the help name only keys that are bound.
pub fn check_config(text: &str) {
    let (c, problems) = config::parse(Path::new("fuzz.toml"), text);
    let lines = text.matches('\n').count() + 1;
    for d in &problems {
        assert!(!d.message.trim().is_empty(), "{d:?}");
        if let Some(l) = d.location {
            assert!(l.line >= 1 && l.column >= 1, "{d:?}");
            assert!(l.line <= lines, "placed past the end: {d:?}");
        }
    }
    let keys: Keymap = c.keymap();
    let all: Vec<_> = keys
        .bindings()
        .iter()
        .flat_map(|b| b.keys.iter().map(move |k| (k, &b.action)))
        .collect();
    for (i, (k, a)) in all.iter().enumerate() {
        assert!(!key_label(k).trim().is_empty(), "a key without a name");
        for (k2, a2) in &all[i + 1..] {
            assert!(k != k2, "{} bound to {a:?} and {a2:?}", key_label(k));
        }
    }
    for section in keys.help_sections() {
        for (label, what) in section.entries {
            assert!(!label.trim().is_empty() && !what.trim().is_empty());
        }
    }
    let mut state = sized(corpus(), 120, 40);
    update(&mut state, Action::Keys(keys));
    for actions in [
        vec![],
        vec![Action::Open],
        vec![Action::Open, Action::Open],
        vec![Action::ToggleHelp],
        vec![Action::Search],
        vec![Action::People],
    ] {
        let mut s = state.clone();
        for a in actions {
            update(&mut s, a);
        }
        for hint in storyx::ui::status::hints(&s) {
            let key = hint.split(' ').next().unwrap_or("");
            assert!(
                !key.is_empty() && hint.trim() != key,
                "a hint without its key: {hint:?}"
            );
        }
        ctrl_c_quits(&s);
        draw(&s, 120, 40);
        draw(&s, 40, 12);
    }
}

/// Any state file's bytes: decoded without panicking, written back and read
/// again unchanged, and every place in it restores (or is ignored) and draws,
/// at any size.
pub fn check_state(bytes: &[u8], w: u16, h: u16) {
    let corpora: BTreeMap<String, Entry> = reading_state::decode(bytes);
    let again = reading_state::decode(&reading_state::encode(&corpora));
    assert_eq!(
        again, corpora,
        "a decoded state does not read back the same"
    );
    for entry in corpora.values().take(8) {
        let mut state = sized(corpus(), w, h);
        update(&mut state, Action::Reviewed(entry.reviewed.clone()));
        if let Some(place) = &entry.place {
            reading_state::restore(&mut state, place);
        }
        if state.nav.screen == Screen::Story {
            let view = state.view.as_ref().expect("a story screen has a view");
            let story = state.current_story().expect("its story");
            let len = view.len(story, view.pane);
            assert!(
                len == 0 || view.selected() < len,
                "restored past the end: {} of {len}",
                view.selected()
            );
        }
        // Where the reader is now is a place that restores to itself.
        if let Some(place) = reading_state::place_of(&state) {
            let mut fresh = sized(corpus(), w, h);
            reading_state::restore(&mut fresh, &place);
            assert_eq!(reading_state::place_of(&fresh), Some(place));
        }
        ctrl_c_quits(&state);
        draw(&state, w, h);
    }
}
