//! Text measuring and fitting for the terminal: display widths of graphemes
//! (CJK and emoji count two cells), the one word-wrapping function every pane
//! uses, and truncation of single rows with an ellipsis.
//!
//! Everything here works on text that was already sanitized, and costs time in
//! proportion to what is shown, not to the length of the text: [`Wrap`] is lazy,
//! [`clip`] reads only a bounded prefix.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::sanitize::sanitize_line;

/// Cells one grapheme takes, as ratatui counts them (so our sums match what it draws).
pub fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    let halfwidth_marks = g
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    g.width() + halfwidth_marks
}

/// Cells a sanitized string takes.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// The longest prefix of `s` that fits in `max` cells, and its width.
pub fn prefix_fitting(s: &str, max: usize) -> (&str, usize) {
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > max {
            return (&s[..i], used);
        }
        used += w;
    }
    (s, used)
}

/// `s` cut to `max` cells, ending in `…` when something was cut (or `more` is set:
/// the caller already dropped a tail).
pub fn truncate(s: &str, max: usize, more: bool) -> Cow<'_, str> {
    if max == 0 {
        return Cow::Borrowed("");
    }
    let (all, w) = prefix_fitting(s, max);
    if all.len() == s.len() && !more {
        return Cow::Borrowed(s);
    }
    if all.len() == s.len() && w < max {
        return Cow::Owned(format!("{s}…"));
    }
    let (head, _) = prefix_fitting(s, max - 1);
    Cow::Owned(format!("{}…", head.trim_end()))
}

/// How many characters of a raw story string to look at for one row of `max`
/// cells: enough for any real text, bounded so a 5 MB string costs nothing.
fn prefix_budget(max: usize) -> usize {
    max.saturating_mul(4).saturating_add(64)
}

/// Raw story text → one sanitized row of at most `max` cells, with `…` if cut.
/// Reads only a bounded prefix of `raw`.
pub fn clip(raw: &str, max: usize) -> String {
    let budget = prefix_budget(max);
    let cut = raw.char_indices().nth(budget).map(|(i, _)| i);
    let prefix = &raw[..cut.unwrap_or(raw.len())];
    let clean = sanitize_line(prefix);
    truncate(&clean, max, cut.is_some()).into_owned()
}

/// A bounded, sanitized, one-line version of raw story text for labels:
/// at most `chars` characters, `…` appended when cut.
pub fn label(raw: &str, chars: usize) -> String {
    let cut = raw.char_indices().nth(chars).map(|(i, _)| i);
    let clean = sanitize_line(&raw[..cut.unwrap_or(raw.len())]);
    match cut {
        Some(_) => format!("{}…", clean.trim_end()),
        None => clean.into_owned(),
    }
}

/// Lazily splits sanitized text into lines of at most `width` cells: breaks at
/// spaces, keeps `\n` as a hard break, and breaks a word longer than a line
/// between graphemes. A grapheme wider than the whole line gets a line of its own
/// (the renderer clips it). Yields byte ranges into the text; trailing newlines
/// are ignored; an empty text is one empty line.
#[derive(Debug, Clone)]
pub struct Wrap<'a> {
    text: &'a str,
    width: usize,
    pos: usize,
    continuation: bool,
    done: bool,
}

impl<'a> Wrap<'a> {
    pub fn new(text: &'a str, width: usize) -> Wrap<'a> {
        Wrap {
            text: text.trim_end_matches('\n'),
            width: width.max(1),
            pos: 0,
            continuation: false,
            done: false,
        }
    }
}

impl Wrap<'_> {
    /// Whether the word starting at byte `at` fits in one line. Reads at most a
    /// line's worth of the word.
    fn fits_alone(&self, at: usize) -> bool {
        let mut used = 0;
        for g in self.text[at..].graphemes(true) {
            if g == " " || g == "\n" || g == "\r\n" {
                return true;
            }
            used += grapheme_width(g);
            if used > self.width {
                return false;
            }
        }
        true
    }
}

impl Iterator for Wrap<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.done {
            return None;
        }
        let base = self.pos;
        let mut start = base;
        let mut used = 0;
        let mut space: Option<usize> = None;
        for (off, g) in self.text[base..].grapheme_indices(true) {
            let i = base + off;
            if g == "\n" || g == "\r\n" {
                self.pos = i + g.len();
                self.continuation = false;
                return Some(start..i);
            }
            if g == " " {
                if self.continuation && used == 0 && i == start {
                    start = i + 1;
                    continue;
                }
                space = Some(i);
            }
            let w = grapheme_width(g);
            if used > 0 && used + w > self.width {
                self.continuation = true;
                if g == " " {
                    self.pos = i + 1;
                    return Some(start..i);
                }
                // Break at the last space, unless the word after it could not
                // fit on a line of its own anyway: then fill this line with it.
                if let Some(s) = space.filter(|&s| s > start && self.fits_alone(s + 1)) {
                    self.pos = s + 1;
                    return Some(start..s);
                }
                self.pos = i;
                return Some(start..i);
            }
            used += w;
        }
        self.done = true;
        Some(start..self.text.len())
    }
}

/// Every line of `text` wrapped at `width` (see [`Wrap`]).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    Wrap::new(text, width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(lines("a b", 80), ["a b"]);
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn keeps_hard_breaks_and_drops_trailing_newlines() {
        assert_eq!(lines("one\n\ntwo\n", 10), ["one", "", "two"]);
        assert_eq!(lines("  indented", 20), ["  indented"]);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let url = "https://example.com/a/very/long/path/that/never/ends";
        let got = lines(url, 10);
        assert!(got.iter().all(|l| width(l) <= 10), "{got:?}");
        assert_eq!(got.concat(), url);
        // A word longer than a line starts right after the text before it.
        assert_eq!(
            lines("see https://x.io/abcdefghij ok", 10),
            ["see https:", "//x.io/abc", "defghij ok"]
        );
        // A word that fits on a line of its own moves to the next line.
        assert_eq!(lines("see abcdefgh", 10), ["see", "abcdefgh"]);
    }

    #[test]
    fn counts_cjk_and_emoji_as_two_cells() {
        assert_eq!(width("中文"), 4);
        assert_eq!(width("👍"), 2);
        assert_eq!(width("👨‍👩‍👧"), 2);
        let got = lines("中文中文中文", 5);
        assert_eq!(got, ["中文", "中文", "中文"]);
        // A grapheme wider than the line still makes progress.
        assert_eq!(lines("中文", 1), ["中", "文"]);
    }

    #[test]
    fn skips_spaces_at_the_start_of_continuation_lines() {
        assert_eq!(lines("aaaa    bbbb", 4), ["aaaa", "bbbb"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello world", 8, false), "hello w…");
        assert_eq!(truncate("hello", 8, false), "hello");
        assert_eq!(truncate("hello", 8, true), "hello…");
        assert_eq!(truncate("中文中文", 5, false), "中文…");
        assert_eq!(truncate("abc", 0, false), "");
        assert_eq!(clip("a\u{1b}b", 10), "a␛b");
    }

    #[test]
    fn huge_text_clips_and_starts_wrapping() {
        let big = "word ".repeat(1_000_000);
        assert_eq!(clip(&big, 12), "word word w…");
        assert_eq!(Wrap::new(&big, 40).take(30).count(), 30);
    }
}
