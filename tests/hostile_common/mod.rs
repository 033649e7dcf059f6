//! Helpers for the hostile-input tests: the stored corpus of hostile stories
//! (tests/hostile), a folder that adds the ones too big or too odd to store (file
//! names with ESC, a newline, a bidi override or bytes that are not UTF-8; a story
//! with megabytes of single-line text), and a terminal that reads bytes as a
//! terminal would (the `vte` parser) and records every control sequence.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use storyx::sanitize::is_unsafe;
use storyx::view::text::grapheme_width;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// tests/hostile: the stored hostile stories (valid) and broken/ (invalid on purpose).
pub fn hostile_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// The ids of the stored hostile stories.
pub const IDS: [&str; 4] = [
    "hostile-bidi",
    "hostile-escapes",
    "hostile-wide",
    "hostile-zalgo",
];

/// What the sanitizer shows for the sequences in the stored stories; each must be
/// visible somewhere on screen.
pub const PLACEHOLDERS: [&str; 9] = [
    "␛]0;pwned␇",
    "␛]52;c;aGVsbG8=␇",
    "␛[2J",
    "⟨U+009B⟩",
    "⟨RLO⟩",
    "⟨LRI⟩",
    "␡",
    "␀",
    "␛]8;;https://evil.example",
];

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A small valid story with a party without a position (a warning, so the file
/// name shows on the problems screen too).
pub fn small_story(id: &str) -> String {
    format!(
        "id: {id}\ntitle: \"Story in an oddly named file \\e]0;{id}\\a\"\nparties:\n  - id: p\n    name: P\n"
    )
}

/// The odd file names made in `dir` (those the file system allows), each holding
/// a small valid story, plus one broken file with an ESC in its name. Returns the
/// names as the sanitizer shows them.
pub fn odd_files(dir: &Path) -> Vec<String> {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let names: [(&[u8], &str, &str); 4] = [
        (
            b"title-\x1b]0;pwned\x07.yaml",
            "odd-escape",
            "title-␛]0;pwned␇.yaml",
        ),
        (b"new\nline.yaml", "odd-newline", "new line.yaml"),
        (
            "rlo-\u{202e}lmay.txt.yaml".as_bytes(),
            "odd-bidi",
            "rlo-⟨RLO⟩lmay.txt.yaml",
        ),
        (
            b"latin1-caf\xe9.yaml",
            "odd-latin1",
            "latin1-caf\u{fffd}.yaml",
        ),
    ];
    let mut shown = Vec::new();
    for (name, id, display) in names {
        let path = dir.join(OsStr::from_bytes(name));
        match std::fs::write(&path, small_story(id)) {
            Ok(()) => shown.push(display.to_string()),
            Err(e) => eprintln!("SKIPPED: the file system refused the name {name:?}: {e}"),
        }
    }
    let broken = dir.join(OsStr::from_bytes(b"broken-\x1b[2J\x9b.yaml"));
    if std::fs::write(&broken, "id: [broken\n").is_ok() {
        shown.push("broken-␛[2J\u{fffd}.yaml".to_string());
    }
    shown
}

/// A valid story with megabytes of text: a 1 MB single-line title, a 4 MB
/// single-line summary with an escape sequence every 64 KB, a 1 MB word as a quote.
pub fn huge_story() -> String {
    let mut summary = String::from("\\e]0;pwned\\a ");
    while summary.len() < 4 << 20 {
        summary.push_str(&"lorem ipsum ".repeat(5461));
        summary.push_str("\\e]0;pwned\\a ");
    }
    format!(
        "id: hostile-huge\ntitle: \"Huge {}\"\nsummary: \"{summary}\"\nparties:\n  - id: p\n    name: P\n    position: \"{}\"\nquotes:\n  - by: p\n    text: \"{}\"\n",
        "title ".repeat(1 << 20 >> 3),
        "position ".repeat(10_000),
        "x".repeat(1 << 20),
    )
}

/// The whole hostile corpus in a temporary folder: the stored stories, the broken
/// files, the odd file names and the huge story. Returns the folder and the odd
/// names as shown.
pub fn hostile_folder() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&hostile_dir(), dir.path());
    let odd = odd_files(dir.path());
    std::fs::write(dir.path().join("huge.yaml"), huge_story()).expect("huge");
    (dir, odd)
}

/// A terminal as far as the tests need one: the `vte` parser drives it, it keeps
/// the screen (so what a user would see can be compared with what the UI drew)
/// and records every control sequence it was sent that the UI does not emit.
pub struct Term {
    pub width: u16,
    pub height: u16,
    /// One string (a grapheme) per cell; "" for the right half of a wide character.
    cells: Vec<String>,
    x: u16,
    y: u16,
    /// The cell printed last and its column, while the cursor has not been moved.
    last: Option<(usize, u16)>,
    /// Line feeds are allowed (plain command output), not on the explorer's screen.
    allow_newline: bool,
    /// Every sequence or character that should not have been there.
    pub bad: Vec<String>,
    /// Every printed character, in order.
    pub printed: String,
}

/// Whether a terminal (moving the cursor by each character's own width) and
/// ratatui (by the width of the grapheme) agree on the width of this symbol. They
/// do not for some emoji sequences (a VS16 or a ZWJ in them).
pub fn widths_agree(symbol: &str) -> bool {
    let chars: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
    chars == grapheme_width(symbol) || symbol.len() == 1
}

/// Private modes the explorer sets and resets: cursor (25), alternate screen
/// (1049), mouse reporting (1000, 1002, 1003, 1015, 1006), synchronized output (2026).
pub const UI_MODES: [u16; 8] = [25, 1049, 1000, 1002, 1003, 1015, 1006, 2026];

impl Term {
    pub fn screen(width: u16, height: u16) -> Term {
        Term {
            width,
            height,
            cells: vec![" ".to_string(); usize::from(width) * usize::from(height)],
            x: 0,
            y: 0,
            last: None,
            allow_newline: false,
            bad: Vec::new(),
            printed: String::new(),
        }
    }

    /// For plain command output: text and line feeds, no screen.
    pub fn output() -> Term {
        Term {
            allow_newline: true,
            ..Term::screen(0, 0)
        }
    }

    /// Feeds bytes through the parser; also checks the raw bytes, since vte drops
    /// some strings (SOS, PM, APC) without a word: every ESC must start a CSI.
    pub fn feed(&mut self, parser: &mut vte::Parser, bytes: &[u8]) {
        for (i, w) in bytes.windows(2).enumerate() {
            if w[0] == 0x1b && w[1] != b'[' {
                self.bad
                    .push(format!("ESC followed by {:#04x} at byte {i}", w[1]));
            }
        }
        if bytes.last() == Some(&0x1b) {
            self.bad.push("ESC at the end".into());
        }
        for &b in bytes {
            parser.advance(self, b);
        }
    }

    /// The screen as rows, the cells under the right half of wide characters left
    /// out (as ratatui counts widths: a VS16 emoji sequence is two cells).
    pub fn rows(&self) -> Vec<String> {
        let w = usize::from(self.width);
        if w == 0 {
            return vec![];
        }
        self.cells
            .chunks(w)
            .map(|row| {
                let mut line = String::new();
                let mut skip = 0;
                for cell in row {
                    if skip == 0 {
                        line.push_str(cell);
                        skip = grapheme_width(cell).max(1);
                    }
                    skip -= 1;
                }
                line
            })
            .collect()
    }

    /// Makes row `y` show `cells` (one symbol per cell, as a ratatui buffer holds
    /// them), for rows where terminals and ratatui disagree on widths.
    pub fn load_row(&mut self, y: u16, cells: &[String]) {
        let w = usize::from(self.width);
        let start = usize::from(y) * w;
        let mut skip = 0;
        for (x, symbol) in cells.iter().enumerate().take(w) {
            self.cells[start + x] = if skip > 0 {
                String::new()
            } else {
                symbol.clone()
            };
            if skip == 0 {
                skip = grapheme_width(symbol).max(1);
            }
            skip -= 1;
        }
        self.last = None;
    }

    /// Prints one character as a terminal does: the cursor moves by the character's
    /// own width (wcwidth: 0 for marks, joiners and selectors, 2 for wide ones),
    /// and a character that continues the grapheme of the cell printed just before
    /// (a mark, a selector, a joiner and what it joins, a skin tone, a flag's second
    /// half) is drawn in that cell.
    fn put(&mut self, c: char) {
        if self.width == 0 {
            return;
        }
        let advance = c.width().unwrap_or(0) as u16;
        if let Some((i, _)) = self.last {
            let mut joined = self.cells[i].clone();
            joined.push(c);
            if joined.graphemes(true).count() == 1 {
                self.cells[i] = joined;
                // A terminal does not cluster (a Devanagari conjunct's second
                // consonant, say): a character that moves the cursor is written
                // in the cells it moves over, so what they held is gone (the
                // grapheme drawn in cell `i` covers them as ratatui counts).
                let row_start = usize::from(self.y) * usize::from(self.width);
                for k in 0..advance {
                    let x = self.x.saturating_add(k);
                    if x >= self.width {
                        break;
                    }
                    let at = row_start + usize::from(x);
                    if at != i && (!self.cells[at].is_empty() || at - 1 != i) {
                        self.overwrite(at);
                        self.cells[at] = " ".into();
                    }
                }
                self.x = self.x.saturating_add(advance).min(self.width - 1);
                return;
            }
        }
        let at = usize::from(self.y) * usize::from(self.width) + usize::from(self.x);
        if at >= self.cells.len() {
            self.bad.push(format!("printed {c:?} past the screen"));
            return;
        }
        self.overwrite(at);
        self.cells[at] = c.to_string();
        if advance == 2 && usize::from(self.x) + 1 < usize::from(self.width) {
            self.overwrite(at + 1);
            self.cells[at + 1].clear();
        }
        self.last = Some((at, self.x));
        self.x = self.x.saturating_add(advance).min(self.width - 1);
    }

    /// Before cell `at` is written: a wide character that covers it is erased
    /// whole, as terminals do.
    fn overwrite(&mut self, at: usize) {
        let row_start = at - at % usize::from(self.width);
        if self.cells[at].is_empty() && at > row_start {
            self.cells[at - 1] = " ".into();
        }
        let next = at + 1;
        if next < row_start + usize::from(self.width) && self.cells[next].is_empty() {
            self.cells[next] = " ".into();
        }
    }
}

fn params_of(params: &vte::Params) -> Vec<u16> {
    params.iter().flat_map(|p| p.iter().copied()).collect()
}

impl vte::Perform for Term {
    fn print(&mut self, c: char) {
        if is_unsafe(c) || c.is_control() {
            self.bad.push(format!("printed {c:?}"));
        }
        self.printed.push(c);
        self.put(c);
    }

    fn execute(&mut self, byte: u8) {
        if !(self.allow_newline && byte == b'\n') {
            self.bad.push(format!("control {byte:#04x}"));
        }
        if byte == b'\n' {
            self.printed.push('\n');
        }
    }

    fn hook(&mut self, params: &vte::Params, inter: &[u8], _ignore: bool, action: char) {
        self.bad
            .push(format!("DCS {:?} {inter:?} {action:?}", params_of(params)));
    }

    fn put(&mut self, _byte: u8) {}

    fn osc_dispatch(&mut self, params: &[&[u8]], _bell: bool) {
        let params: Vec<String> = params
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        self.bad.push(format!("OSC {params:?}"));
    }

    fn csi_dispatch(&mut self, params: &vte::Params, inter: &[u8], ignore: bool, action: char) {
        let p = params_of(params);
        let ours = !ignore
            && !self.allow_newline
            && match (inter, action) {
                // Cursor position.
                ([], 'H') => {
                    self.last = None;
                    let row = p.first().copied().unwrap_or(1).max(1) - 1;
                    let col = p.get(1).copied().unwrap_or(1).max(1) - 1;
                    self.y = row.min(self.height.saturating_sub(1));
                    self.x = col.min(self.width.saturating_sub(1));
                    true
                }
                // Colours and attributes.
                ([], 'm') => true,
                // Clear the screen.
                ([], 'J') if p == [2] => {
                    self.cells.iter_mut().for_each(|c| *c = " ".into());
                    self.last = None;
                    true
                }
                ([b'?'], 'h' | 'l') => p.len() == 1 && UI_MODES.contains(&p[0]),
                _ => false,
            };
        if !ours {
            self.bad.push(format!("CSI {inter:?} {p:?} {action:?}"));
        }
    }

    fn esc_dispatch(&mut self, inter: &[u8], _ignore: bool, byte: u8) {
        self.bad
            .push(format!("ESC {inter:?} {:?}", char::from(byte)));
    }
}
