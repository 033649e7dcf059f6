//! The comforts of the explorer without a terminal: keys rebound by the
//! configuration and shown in the help, the light and dark themes, the OSC 52
//! bytes, what `y` copies and `o` opens, a reload that keeps the place, the
//! reading state saved and restored, the reviewed marks and the filter.
//!
//! The keys are the state's own and the theme is passed to the drawing, so
//! these tests never see one another's settings.

mod tui_common;

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::Terminal;

use storyx::app::effects::Effect;
use storyx::app::keymap::Keymap;
use storyx::app::state::LibraryRow;
use storyx::app::{update, Action, Pane, Screen, State};
use storyx::config;
use storyx::host::osc52;
use storyx::reading_state::{self, Reading};
use storyx::view::theme::Palette;
use storyx::view::theme::Theme;
use tui_common::*;

fn press(c: char) -> Vec<Action> {
    press_with(&Keymap::default(), c)
}

fn press_with(keys: &Keymap, c: char) -> Vec<Action> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    keys.actions_for(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn harbor_at(pane: Pane, index: usize) -> State {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(pane)],
    );
    for _ in 0..index {
        update(&mut st, Action::Down);
    }
    st
}

/// Applies the actions; the effects they asked for.
fn apply(st: &mut State, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().flat_map(|a| update(st, a)).collect()
}

fn copied(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn keys_rebound_in_the_config_work_and_show_in_the_help() {
    let (c, problems) = config::parse(
        Path::new("config.toml"),
        "[keys]\ndown = [\"n\", \"Down\"]\ncopy = \"c\"\nquit = \"x\"\nreload = []\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let keys = c.keymap();
    let press = |ch| press_with(&keys, ch);
    assert!(matches!(press('n').as_slice(), [Action::Down]));
    assert!(press('j').is_empty(), "j is no longer bound");
    assert!(matches!(press('c').as_slice(), [Action::Copy]));
    assert!(press('y').is_empty());
    assert!(matches!(press('x').as_slice(), [Action::Quit]));
    assert!(press('r').is_empty());

    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        60,
        vec![Action::Keys(keys.clone()), Action::ToggleHelp],
    );
    update(
        &mut st,
        Action::Resize {
            width: 120,
            height: 60,
        },
    );
    let help = text(&st);
    let row = |what: &str| {
        help.lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no {what:?} in the help:\n{help}"))
            .to_string()
    };
    assert!(row("move down").contains("  n ↓ "), "{}", row("move down"));
    assert!(
        row("copy the item").contains("  c "),
        "{}",
        row("copy the item")
    );
    assert!(
        row("reload the story").contains("  — "),
        "{}",
        row("reload the story")
    );
    assert!(row("quit, from anywhere").contains("Ctrl-c"));
    assert!(row("quit").contains("  x "));
    // The status bar names the user's keys too.
    update(&mut st, Action::ToggleHelp);
    let status = rows(&st).last().cloned().unwrap();
    assert!(status.contains("x quit"), "{status}");
}

/// The story screen drawn in a theme.
fn drawn(theme: Theme) -> Buffer {
    let st = state_at(corpus(vec![harbor()]), 120, 40, vec![Action::ToggleHelp]);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    storyx::ui::render(&st, &theme, buf.area, &mut buf);
    buf
}

#[test]
fn light_and_dark_themes_differ_in_colour_only() {
    let dark = drawn(Theme::new(Palette::DARK));
    let light = drawn(Theme::new(Palette::LIGHT));
    assert_eq!(buffer_rows(&dark), buffer_rows(&light), "the same text");
    let fgs = |b: &Buffer| b.content.iter().map(|c| c.fg).collect::<Vec<_>>();
    let (d, l) = (fgs(&dark), fgs(&light));
    let changed: Vec<(Color, Color)> = d
        .iter()
        .zip(&l)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert!(changed.len() > 50, "{} cells changed", changed.len());
    // Help headings: yellow on dark, magenta on light; keys cyan, then blue.
    assert!(changed.contains(&(Color::Yellow, Color::Magenta)));
    assert!(changed.contains(&(Color::Cyan, Color::Blue)));
    // Modifiers (bold, reverse) are the theme's meaning: the same in both.
    let mods = |b: &Buffer| b.content.iter().map(|c| c.modifier).collect::<Vec<_>>();
    assert_eq!(mods(&dark), mods(&light));

    // A colour of the configuration changes that element only.
    let (c, problems) = config::parse(
        Path::new("c.toml"),
        "theme = \"light\"\n[colors]\nheading = \"#102030\"\n",
    );
    assert!(problems.is_empty());
    let custom = drawn(Theme::new(c.palette));
    let custom_fg = fgs(&custom);
    assert!(custom_fg.contains(&Color::Rgb(16, 32, 48)));
    assert!(!custom_fg.contains(&Color::Magenta));
    assert!(custom_fg.contains(&Color::Blue));

    // Without colour: no cell has one, bold and reverse stay.
    let plain = drawn(Theme::new(Palette::LIGHT).with_color(false));
    assert!(plain
        .content
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert_eq!(mods(&plain), mods(&light));
}

/// A writer whose bytes the test can read while the backend owns it.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a crossterm terminal gets when `text` is copied.
fn osc52_bytes(text: &str) -> Vec<u8> {
    let captured = Captured::default();
    let mut terminal = Terminal::new(CrosstermBackend::new(captured.clone())).unwrap();
    osc52::copy(terminal.backend_mut(), text).unwrap();
    let bytes = captured.0.borrow().clone();
    bytes
}

#[test]
fn osc52_writes_the_exact_sequence_to_the_terminal() {
    // base64 of the UTF-8 text, between ESC ] 52 ; c ; and BEL.
    assert_eq!(
        osc52_bytes("\"Not one job\" — Union"),
        b"\x1b]52;c;Ik5vdCBvbmUgam9iIiDigJQgVW5pb24=\x07".to_vec()
    );
    // Story text with an escape inside travels encoded, never raw.
    let bytes = osc52_bytes("a\x1b[31mb\x07");
    assert_eq!(bytes.iter().filter(|&&b| b == 0x1b).count(), 1);
    assert_eq!(bytes.iter().filter(|&&b| b == 0x07).count(), 1);
}

#[test]
fn y_copies_a_direct_quote_with_quotation_marks_and_a_paraphrase_without() {
    let mut st = harbor_at(Pane::Quotes, 0);
    let fx = apply(&mut st, press('y'));
    assert_eq!(
        copied(&fx),
        [
            "Dockworkers' Union: “Not one job goes without a fight.”\nDate: 1 Oct 2024\n\
          Context: At the first picket line.\nSource: Harbor Gazette report (Harbor Gazette)"
        ]
    );
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("Copied the quote by Dockworkers' Union (154 characters) to the clipboard")
    );

    let mut st = harbor_at(Pane::Quotes, 1);
    let fx = update(&mut st, Action::Copy);
    let text = copied(&fx).pop().unwrap();
    assert_eq!(
        text,
        "Mayor Ana Ruiz (reported, via Dockworkers' Union): The mayor said she would meet both sides."
    );
    assert!(!text.contains(['"', '“', '”']));
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .starts_with("Copied the paraphrase by Mayor Ana Ruiz"));

    // Other items: a headline, then what the detail shows, a line each.
    let one = |pane: Pane, i: usize| {
        let mut st = harbor_at(pane, i);
        let fx = update(&mut st, Action::Copy);
        copied(&fx).pop().unwrap()
    };
    assert_eq!(
        one(Pane::Timeline, 1),
        "1 Oct 2024: Dockworkers walk out\nInvolves: Dockworkers' Union, Port Authority\n\
         Source: Harbor Gazette report (Harbor Gazette)"
    );
    assert_eq!(
        one(Pane::Parties, 0),
        "Dockworkers' Union (organization): Against automation without guarantees for every job.\n\
         Also called: the union\nWho they are: Represents the port's 1,200 dockworkers."
    );
    assert_eq!(
        one(Pane::Analysts, 0),
        "李伟 (Li Wei), economist, 東京大学\nView: Automation pays off only after a decade 🚢; the jobs go first."
    );
    assert_eq!(
        one(Pane::Claims, 0),
        "Claim (disputed): Automated cranes will cost 400 jobs.\n\
         Source: Harbor Gazette report (Harbor Gazette)\n\
         Dockworkers' Union supports the claim\n\
         \x20 citing Dockworkers' Union: “Not one job goes without a fight.”\n\
         Port Authority disputes the claim — Says every worker will be retrained.\n\
         李伟 (Li Wei) has a mixed view of the claim\n\
         \x20 citing 李伟 (Li Wei): “自动化需要十年才能回本。”\n\
         Mayor Ana Ruiz has no comment on the claim"
    );
    assert!(one(Pane::Sources, 0).starts_with(
        "Harbor Gazette report (Harbor Gazette, 2 Oct 2024)\nURL: https://gazette.example/"
    ));

    // The library copies the story's title; an empty pane says so.
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    let fx = update(&mut st, Action::Copy);
    assert_eq!(
        copied(&fx),
        ["Dockworkers strike at the harbor over automated cranes (1 Oct 2024)"]
    );
    update(&mut st, Action::Down);
    update(&mut st, Action::Down);
    update(&mut st, Action::Open);
    let fx = update(&mut st, Action::Copy);
    assert!(copied(&fx).is_empty());
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("Nothing to copy: the Timeline pane is empty")
    );
}

#[test]
fn copied_text_is_capped_and_free_of_control_characters() {
    let mut story = harbor();
    story.quotes[0].text = format!("a\x1b]52;c;x\x07b{}", "é".repeat(100_000)).into();
    let mut st = state_at(
        corpus(vec![story]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes)],
    );
    let fx = update(&mut st, Action::Copy);
    let text = copied(&fx).pop().unwrap();
    assert!(text.len() <= storyx::app::effects::COPY_LIMIT);
    assert!(text.starts_with("Dockworkers' Union: “a]52;c;xbéé"));
    assert!(!text.chars().any(|c| c.is_control()));
}

#[test]
fn o_opens_the_source_url_of_the_item_and_only_http() {
    let opened = |effects: &[Effect]| -> Vec<String> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::OpenUrl(u) => Some(u.clone()),
                _ => None,
            })
            .collect()
    };
    let gazette = harbor().sources[0].url.clone().unwrap();
    // A quote, a claim, an event: their source's URL; a source: its own.
    for (pane, i) in [
        (Pane::Quotes, 0),
        (Pane::Claims, 0),
        (Pane::Timeline, 1),
        (Pane::Sources, 0),
    ] {
        let mut st = harbor_at(pane, i);
        let fx = apply(&mut st, press('o'));
        assert_eq!(opened(&fx), std::slice::from_ref(&gazette), "{pane:?}");
        assert!(st
            .chrome
            .message
            .as_deref()
            .unwrap()
            .starts_with("Opening https://gazette.example/"));
    }
    // No source, a source without a URL, a party.
    for (pane, i, says) in [
        (Pane::Quotes, 1, "This item names no source"),
        (
            Pane::Timeline,
            0,
            "Its source “Port board minutes” has no URL",
        ),
        (
            Pane::Parties,
            0,
            "Parties have no source to open; select a quote, claim, event or source",
        ),
    ] {
        let mut st = harbor_at(pane, i);
        let fx = update(&mut st, Action::OpenUrl);
        assert!(opened(&fx).is_empty());
        assert_eq!(st.chrome.message.as_deref(), Some(says));
    }
    // Anything but http and https stays closed.
    let mut story = harbor();
    story.sources[0].url = Some("javascript:alert(1)".into());
    let mut st = state_at(
        corpus(vec![story]),
        120,
        40,
        vec![Action::FocusPane(Pane::Sources)],
    );
    let fx = update(&mut st, Action::OpenUrl);
    assert!(opened(&fx).is_empty());
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .starts_with("Not opened: only http and https"));
    for bad in [
        "file:///etc/passwd",
        "https://a b",
        "https://",
        "http://x\n-y",
    ] {
        assert!(!storyx::app::effects::allowed_url(bad), "{bad}");
    }
    assert!(storyx::app::effects::allowed_url(
        "HTTPS://example.org/a?b=c"
    ));
}

#[test]
fn e_asks_for_the_editor_at_the_item_and_r_for_a_reload() {
    let mut st = harbor_at(Pane::Timeline, 2);
    assert_eq!(
        update(&mut st, Action::Edit),
        [Effect::Edit {
            file: "stories/harbor-strike.yaml".into(),
            path: "timeline[2]".into(),
            line: None,
        }]
    );
    // On the problems screen: the problem's own file and line.
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::ToggleProblems]);
    assert_eq!(
        update(&mut st, Action::Edit),
        [Effect::Edit {
            file: "stories/broken.yaml".into(),
            path: "quotes[0].by".into(),
            line: Some(3),
        }]
    );
    assert_eq!(update(&mut st, Action::Reload), [Effect::Reload]);
}

#[test]
fn the_editor_line_comes_from_the_locate_pass() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-library/harbor-strike.yaml");
    assert_eq!(storyx::host::line_of(&file, "quotes[2]"), Some(44));
    assert_eq!(storyx::host::line_of(&file, "quotes[0]"), Some(34));
    assert_eq!(storyx::host::line_of(&file, "timeline[0]"), Some(58));
    assert_eq!(storyx::host::line_of(&file, ""), None);
    assert_eq!(
        storyx::host::line_of(Path::new("/no/such/file.yaml"), "quotes[0]"),
        None
    );
}

#[test]
fn a_reload_keeps_the_story_pane_and_item_by_id() {
    // The harbor story, second in the library, its quote q-li selected.
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    st.open_story(0);
    update(&mut st, Action::FocusPane(Pane::Quotes));
    update(&mut st, Action::Bottom);
    assert_eq!(st.view.as_ref().unwrap().selected(), 2);

    // The file was edited: a new quote before q-li, its words changed, and a
    // story earlier in the folder now fails to load.
    let mut edited = harbor();
    let mut new_quote = edited.quotes[0].clone();
    new_quote.id = Some("q-new".into());
    edited.quotes.insert(1, new_quote);
    edited.quotes[3].text = "十年。".into();
    let reloaded = corpus_with(
        vec![
            small("budget-vote", "Council votes on the budget", None),
            edited,
        ],
        vec![("stories/bare-story.yaml", "`title` is missing")],
    );
    update(&mut st, Action::Loaded(Box::new(reloaded)));
    assert_eq!(st.nav.screen, Screen::Story);
    let view = st.view.as_ref().unwrap();
    assert_eq!(st.current_story().unwrap().id, "harbor-strike");
    assert_eq!(view.story, 1);
    assert_eq!(view.pane, Pane::Quotes);
    assert_eq!(view.selected(), 3, "q-li moved down one");
    // The detail shows the new words.
    let shown = text(&st);
    assert!(shown.contains("十年。"), "{shown}");
    // The new problem is in the problems entry.
    assert!(st
        .corpus
        .diagnostics
        .iter()
        .any(|d| d.message == "`title` is missing"));
    assert!(
        shown.contains("2 problems") || shown.contains("⚠"),
        "{shown}"
    );
}

#[test]
fn the_reading_state_round_trips_through_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let r = Reading {
        file: dir.path().join("storyx").join(reading_state::FILE),
        key: "/some/stories".into(),
    };
    assert_eq!(r.load(), reading_state::Entry::default(), "nothing yet");

    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    // Mark the harbor story reviewed from the library, open the budget story
    // and select its party.
    // The version seen is kept (by the host, through an effect), then the marks saved.
    assert_eq!(
        apply(&mut st, press('m')),
        [
            Effect::KeepReviewed("harbor-strike".into()),
            Effect::SaveReading
        ]
    );
    assert!(st.library.reviewed.contains("harbor-strike"));
    update(&mut st, Action::Down);
    update(&mut st, Action::Open);
    update(&mut st, Action::FocusPane(Pane::Parties));
    r.save(&reading_state::entry_of(&st)).unwrap();

    // Another corpus in the same file is kept apart.
    let other = Reading {
        key: "bundled".into(),
        ..r.clone()
    };
    other.save(&reading_state::Entry::default()).unwrap();

    let entry = r.load();
    let place = entry.place.clone().unwrap();
    assert_eq!(
        (
            place.story.as_str(),
            place.pane.as_str(),
            place.item.as_deref()
        ),
        ("budget-vote", "parties", Some("council"))
    );
    let mut again = state_at(library_corpus(), 120, 40, vec![]);
    again.library.reviewed = entry.reviewed.clone();
    reading_state::restore(&mut again, &place);
    assert_eq!(again.nav.screen, Screen::Story);
    assert_eq!(again.current_story().unwrap().id, "budget-vote");
    assert_eq!(again.view.as_ref().unwrap().pane, Pane::Parties);

    // A damaged file is an empty state, and is replaced on the next save.
    std::fs::write(&r.file, "{not json").unwrap();
    assert_eq!(r.load(), reading_state::Entry::default());
    r.save(&reading_state::entry_of(&again)).unwrap();
    assert!(r.load().reviewed.contains("harbor-strike"));
}

#[test]
fn reviewed_stories_are_marked_and_u_hides_them() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::ToggleReviewed]);
    let rows_now = text(&st);
    let harbor_row = rows_now
        .lines()
        .find(|l| l.contains("Dockworkers strike"))
        .unwrap();
    assert!(harbor_row.contains("│✓ Dockworkers"), "{harbor_row}");
    assert!(
        rows_now.lines().any(|l| l.contains("│  Council votes")),
        "{rows_now}"
    );
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("“Dockworkers strike at the harbor over automated cranes” marked reviewed ✓")
    );

    update(&mut st, Action::ToggleUnreviewed);
    assert!(!text(&st).contains("Dockworkers strike"));
    assert!(text(&st).contains("2 unreviewed"));
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(1)),
        "the selection moved to the next story"
    );
    update(&mut st, Action::ToggleUnreviewed);
    assert!(text(&st).contains("Dockworkers strike"));
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("The library shows every story")
    );
    // m again takes the mark away.
    update(&mut st, Action::Up);
    update(&mut st, Action::ToggleReviewed);
    assert!(st.library.reviewed.is_empty());
    assert!(!text(&st).contains('✓'));
}
