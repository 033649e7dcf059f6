//! Nothing from a story acts on the terminal, proved on the bytes: every hostile
//! story (tests/hostile, plus odd file names and megabytes of text made here) is
//! drawn through the real UI — every screen, every pane, the detail of every item,
//! the help, the problems — into a ratatui `CrosstermBackend` writing to a
//! `Vec<u8>`. The bytes are read as a terminal reads them (the `vte` parser): every
//! control sequence in them must be one the UI itself emits (cursor position,
//! colours, clear, the modes it sets), none from story text — no OSC (window
//! title, clipboard, hyperlink), no DCS, no C0 or C1 control, no other CSI. The
//! screen the bytes paint must be the screen the UI drew, and the placeholders
//! (␛, ␇, ⟨U+009B⟩, ⟨RLO⟩ …) must be on it.
//!
//! The command-line output (check, show, list, search, who) is read the same way.

mod common;
mod hostile_common;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use std::time::Instant;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use hostile_common::*;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use storyx::app::state::pane_len;
use storyx::app::{update, Action, Pane, Screen, State};
use storyx::corpus::load::load_paths;
use storyx::corpus::Corpus;
use storyx::story::load::LoadOptions;
use storyx::story::parse::parse_str;
use storyx::view::text::grapheme_width;
use storyx::view::theme::Theme;

#[test]
fn the_stored_hostile_stories_are_valid_and_the_broken_ones_are_not() {
    let dir = hostile_dir();
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let r = parse_str(&path, &text);
            let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            ids.push(r.story.expect("a story").id);
        }
    }
    ids.sort();
    assert_eq!(ids, IDS);
    for entry in std::fs::read_dir(dir.join("broken")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let r = parse_str(&path, &text);
        assert!(r.story.is_none(), "{} loaded", path.display());
        assert!(r.diagnostics.iter().any(|d| d.is_error()));
    }
}

/// A `Vec<u8>` the test keeps a handle on while the backend writes into it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A terminal at one size: ratatui writes into a `Vec<u8>`, the bytes go through
/// vte into a [`Term`] after every frame.
struct Screenful {
    terminal: Terminal<CrosstermBackend<Shared>>,
    out: Shared,
    parser: vte::Parser,
    term: Term,
    /// Every row ever shown.
    seen: BTreeSet<String>,
    frames: usize,
    bytes: usize,
    /// Rows left out of the comparison (see [`widths_agree`]).
    ambiguous_rows: usize,
}

impl Screenful {
    fn new(w: u16, h: u16) -> Screenful {
        let out = Shared::default();
        let backend = CrosstermBackend::new(out.clone());
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        let mut s = Screenful {
            terminal: Terminal::with_options(backend, options).expect("terminal"),
            out,
            parser: vte::Parser::new(),
            term: Term::screen(w, h),
            seen: BTreeSet::new(),
            frames: 0,
            bytes: 0,
            ambiguous_rows: 0,
        };
        // What the explorer sends on the way in (src/term.rs): a blank alternate screen.
        crossterm::execute!(
            s.terminal.backend_mut(),
            EnterAlternateScreen,
            EnableMouseCapture
        )
        .expect("enter");
        s.flush();
        s
    }

    fn flush(&mut self) {
        let bytes = std::mem::take(&mut *self.out.0.borrow_mut());
        self.bytes += bytes.len();
        self.term.feed(&mut self.parser, &bytes);
    }

    /// Draws the state, as the event loop does, and checks the screen the bytes
    /// painted against the frame the UI drew.
    fn draw(&mut self, state: &State, what: &str) {
        let frame = self
            .terminal
            .draw(|f| storyx::ui::draw(state, &Theme::default(), f))
            .expect("draw");
        let buffer = frame.buffer;
        let w = usize::from(buffer.area.width);
        // Rows where a terminal and ratatui disagree on an emoji's width are not
        // compared (each would place it differently); the terminal is set to show
        // them as drawn, so that nothing stale is left for the next frame.
        let ambiguous: Vec<bool> = buffer
            .content
            .chunks(w.max(1))
            .map(|row| !row.iter().all(|c| widths_agree(c.symbol())))
            .collect();
        let drawn = rows_of(buffer);
        let symbols: Vec<Vec<String>> = buffer
            .content
            .chunks(w.max(1))
            .map(|row| row.iter().map(|c| c.symbol().to_string()).collect())
            .collect();
        self.flush();
        let shown = self.term.rows();
        for (n, (a, b)) in drawn.iter().zip(&shown).enumerate() {
            if ambiguous[n] {
                self.ambiguous_rows += 1;
                self.term.load_row(n as u16, &symbols[n]);
                continue;
            }
            assert_eq!(
                a, b,
                "{what}: row {n} painted by the bytes differs from the row drawn"
            );
        }
        self.frames += 1;
        self.seen.extend(shown);
        assert!(
            self.term.bad.is_empty(),
            "{what}: {:?}",
            &self.term.bad[..self.term.bad.len().min(10)]
        );
    }

    fn leave(&mut self) {
        crossterm::execute!(
            self.terminal.backend_mut(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        )
        .expect("leave");
        self.flush();
        assert!(self.term.bad.is_empty(), "{:?}", self.term.bad);
    }
}

/// Rows of a buffer, the cells under the right half of wide characters left out.
fn rows_of(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width);
    buf.content
        .chunks(w.max(1))
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0;
            for c in row {
                if skip == 0 {
                    line.push_str(c.symbol());
                    skip = grapheme_width(c.symbol()).max(1);
                }
                skip -= 1;
            }
            line
        })
        .collect()
}

fn act(state: &mut State, screen: &mut Screenful, actions: &[Action], what: &str) {
    for a in actions {
        update(state, a.clone());
    }
    screen.draw(state, what);
}

/// Walks the whole explorer at one size: the library (every row, every sort),
/// the problems (every one), the help (every page), and in every story the
/// summary, every pane, every item, its detail (top, a line down, the bottom),
/// and a followed cross-reference.
fn walk(corpus: &Corpus, w: u16, h: u16) -> Screenful {
    let mut screen = Screenful::new(w, h);
    let mut st = State::new(corpus.clone());
    act(
        &mut st,
        &mut screen,
        &[Action::Resize {
            width: w,
            height: h,
        }],
        "library",
    );
    assert_eq!(st.nav.screen, Screen::Library);
    for _ in 0..st.library_len() {
        act(&mut st, &mut screen, &[Action::Down], "library row");
    }
    for _ in 0..3 {
        act(&mut st, &mut screen, &[Action::CycleSort], "sort");
    }
    act(&mut st, &mut screen, &[Action::ToggleProblems], "problems");
    for _ in 0..st.corpus.diagnostics.len() {
        act(&mut st, &mut screen, &[Action::Down], "problem");
    }
    act(
        &mut st,
        &mut screen,
        &[Action::Close, Action::ToggleHelp],
        "help",
    );
    for _ in 0..6 {
        act(&mut st, &mut screen, &[Action::PageDown], "help page");
    }
    act(&mut st, &mut screen, &[Action::ToggleHelp], "help closed");
    for story in 0..st.corpus.stories.len() {
        let row = st.library_row_of(story).expect("a library row");
        update(&mut st, Action::Top);
        for _ in 0..row {
            update(&mut st, Action::Down);
        }
        act(&mut st, &mut screen, &[Action::Open], "story");
        assert_eq!(st.nav.screen, Screen::Story);
        act(&mut st, &mut screen, &[Action::ToggleSummary], "summary");
        act(
            &mut st,
            &mut screen,
            &[Action::ToggleSummary],
            "summary closed",
        );
        for pane in Pane::ALL {
            act(
                &mut st,
                &mut screen,
                &[Action::FocusPane(pane), Action::Top],
                "pane",
            );
            let len = pane_len(&st.corpus.stories[story], pane);
            for item in 0..len {
                let what = format!("{} item {item}", pane.title());
                act(&mut st, &mut screen, &[Action::Open], &what);
                act(&mut st, &mut screen, &[Action::Down], &what);
                act(&mut st, &mut screen, &[Action::Bottom], &what);
                act(&mut st, &mut screen, &[Action::Top, Action::Open], &what);
                act(&mut st, &mut screen, &[Action::Back], &what);
                act(&mut st, &mut screen, &[Action::Close, Action::Down], &what);
            }
        }
        act(
            &mut st,
            &mut screen,
            &[Action::Close],
            "back to the library",
        );
    }
    screen.leave();
    screen
}

fn hostile_corpus() -> (tempfile::TempDir, Vec<String>, Corpus) {
    let (dir, odd) = hostile_folder();
    let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    (dir, odd, corpus)
}

#[test]
fn every_screen_of_every_hostile_story_sends_only_the_uis_own_sequences() {
    let (_dir, odd, corpus) = hostile_corpus();
    let ids: Vec<&str> = corpus.stories.iter().map(|s| s.id.as_str()).collect();
    for id in IDS.iter().chain(&["hostile-huge", "odd-escape"]) {
        assert!(ids.contains(id), "{id} did not load: {ids:?}");
    }
    for (w, h) in [(120, 40), (100, 30), (40, 12)] {
        let start = Instant::now();
        let screen = walk(&corpus, w, h);
        eprintln!(
            "{w}x{h}: {} frames, {} bytes, {} rows not compared, {:.1} s",
            screen.frames,
            screen.bytes,
            screen.ambiguous_rows,
            start.elapsed().as_secs_f64()
        );
        let all: String = screen.seen.iter().cloned().collect::<Vec<_>>().join("\n");
        // On a small screen the summary shows its first rows only.
        let wanted: &[&str] = if w >= 100 {
            &PLACEHOLDERS
        } else {
            &[
                "␛]0;pwned␇",
                "␛]52;c;aGVsbG8=␇",
                "␛[2J",
                "⟨U+009B⟩",
                "⟨RLO⟩",
            ]
        };
        let missing: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|p| !all.contains(p))
            .collect();
        assert!(missing.is_empty(), "{w}x{h}: never shown: {missing:?}");
        assert!(!all.contains("pwned\u{7}"), "a raw BEL after pwned");
        if w >= 100 {
            // The library and the problems show file names.
            for name in &odd {
                assert!(
                    all.contains(name.as_str()),
                    "{w}x{h}: file name {name:?} never shown"
                );
            }
        }
    }
}

#[test]
fn a_story_with_megabytes_of_single_line_text_draws_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("huge.yaml"), huge_story()).unwrap();
    let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(corpus.stories.len(), 1, "{:?}", corpus.diagnostics);
    let mut screen = Screenful::new(120, 40);
    let mut st = State::new(corpus);
    let start = Instant::now();
    act(
        &mut st,
        &mut screen,
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
        "story",
    );
    act(&mut st, &mut screen, &[Action::ToggleSummary], "summary");
    act(
        &mut st,
        &mut screen,
        &[Action::FocusPane(Pane::Quotes), Action::Open],
        "quote",
    );
    for _ in 0..20 {
        act(&mut st, &mut screen, &[Action::PageDown], "quote page");
    }
    act(&mut st, &mut screen, &[Action::Bottom], "quote end");
    let secs = start.elapsed().as_secs_f64();
    eprintln!("huge story: {} frames in {secs:.2} s", screen.frames);
    let all: String = screen.seen.iter().cloned().collect::<Vec<_>>().join("\n");
    assert!(all.contains("␛]0;pwned␇"), "the summary's escape is shown");
}

/// Runs storyx with `args` in `dir` and reads stdout and stderr as a terminal would:
/// text and line feeds only.
fn cli(dir: &Path, args: &[&str]) -> String {
    let out = common::storyx(dir, args);
    let mut text = String::new();
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let mut term = Term::output();
        let mut parser = vte::Parser::new();
        term.feed(&mut parser, bytes);
        assert!(
            term.bad.is_empty(),
            "storyx {args:?} {name}: {:?}",
            &term.bad[..term.bad.len().min(10)]
        );
        text.push_str(&term.printed);
    }
    text
}

#[test]
fn command_line_output_holds_no_control_sequence() {
    let (dir, odd, _) = hostile_corpus();
    let d = dir.path();
    let p = d.to_str().unwrap();
    let check = cli(d, &["check", "--format", "short", p]);
    for needle in ["␛]0;pwned␇", "⟨U+009B⟩", "␛]52;c;aGVsbG8=␇"] {
        assert!(
            check.contains(needle),
            "check: {needle:?} not shown:\n{check}"
        );
    }
    for name in &odd {
        if name.starts_with("broken") {
            assert!(check.contains(name.as_str()), "{name:?} not in\n{check}");
        }
    }
    let pretty = cli(d, &["check", "--format", "pretty", p]);
    assert!(pretty.contains("␛]0;pwned␇"), "{pretty}");
    let json = cli(d, &["check", "--format", "json", p]);
    assert!(json.contains(r"\u001b]0;pwned\u0007"), "{json}");
    let list = cli(d, &["list", p]);
    assert!(list.contains("hostile-escapes"), "{list}");
    cli(d, &["list", "--json", p]);
    for id in IDS {
        let text = cli(d, &["show", id, p]);
        assert!(text.contains(id) || !text.is_empty());
        let json = cli(d, &["show", id, "--json", p]);
        assert!(!json.contains('\u{1b}') && !json.contains('\u{202e}'));
    }
    let shown = cli(d, &["show", "hostile-escapes", p]);
    assert!(
        shown.contains("Title ␛]0;pwned␇ sets the window title"),
        "{shown}"
    );
    let bidi = cli(d, &["show", "hostile-bidi", p]);
    assert!(bidi.contains("Trojan ⟨RLO⟩source⟨PDF⟩"), "{bidi}");
    let found = cli(d, &["search", "pwned", p]);
    assert!(found.contains("␛]0;pwned␇"), "{found}");
    cli(d, &["search", "pwned", "--json", p]);
    let who = cli(d, &["who", "evil-corp", p]);
    assert!(who.contains("Evil ␛]0;pwned␇ Corp"), "{who}");
    cli(d, &["who", "evil-corp", "--json", p]);
    let claim = cli(d, &["claim", "claim-esc", p]);
    assert!(claim.contains("Claim ␛]0;pwned␇"), "{claim}");
    cli(d, &["claim", "claim-esc", "--json", p]);
    cli(d, &["claim", "claim-bidi", p]);
    // An unknown id quoting escapes, on stderr.
    cli(d, &["show", "\u{1b}]0;pwned\u{7}", p]);
    cli(d, &["who", "\u{1b}]52;c;aGVsbG8=\u{7}", p]);
    cli(d, &["claim", "\u{1b}]52;c;aGVsbG8=\u{7}", p]);
}

#[test]
fn a_raw_escape_in_a_cell_would_be_caught() {
    // The whole path (buffer → CrosstermBackend → bytes → vte) lets a raw sequence
    // through when a cell holds one: what the sanitizer is there to prevent.
    let mut screen = Screenful::new(20, 2);
    screen
        .terminal
        .draw(|f| {
            f.buffer_mut()[(0, 0)].set_symbol("\u{1b}]0;pwned\u{7}");
        })
        .expect("draw");
    screen.flush();
    assert!(
        screen.term.bad.iter().any(|b| b.starts_with("OSC")),
        "{:?}",
        screen.term.bad
    );
}

#[test]
fn the_term_catches_what_it_must() {
    // The checker itself: raw sequences of each kind are caught.
    for (bytes, what) in [
        (&b"\x1b]0;pwned\x07"[..], "OSC"),
        (b"\x1b]52;c;aGVsbG8=\x07", "OSC"),
        (b"\x1b[2K", "CSI"),
        (b"\x1b[6n", "CSI"),
        (b"\x1bc", "ESC"),
        (b"\x07", "control"),
        (b"\xc2\x9b31m", "printed"),
        (b"\x1b_APC\x1b\\", "ESC followed"),
        (b"\x1bP+q544e\x1b\\", "DCS"),
        ("\u{202e}".as_bytes(), "printed"),
    ] {
        let mut term = Term::screen(20, 2);
        term.feed(&mut vte::Parser::new(), bytes);
        assert!(
            term.bad.iter().any(|b| b.starts_with(what)),
            "{bytes:?}: {:?}",
            term.bad
        );
    }
    let mut term = Term::screen(20, 2);
    term.feed(
        &mut vte::Parser::new(),
        b"\x1b[1;1H\x1b[1;31mok\x1b[0m\x1b[?25l",
    );
    assert!(term.bad.is_empty(), "{:?}", term.bad);
    assert_eq!(term.rows()[0].trim_end(), "ok");
}
