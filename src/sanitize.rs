//! The one place where story text becomes text that is safe to put on a terminal, and where
//! text becomes JSON that cannot fool a terminal or a reader either.
//!
//! The loaded story keeps every string exactly as written; these functions make the *display*
//! form (cache it if you like: they are pure). Every string from a story file, a file name or a
//! YAML error message that reaches a terminal goes through [`sanitize`] or [`sanitize_line`].
//!
//! What [`sanitize`] does, character class by character class:
//!
//! | input                                                     | output                                   |
//! |-----------------------------------------------------------|------------------------------------------|
//! | C0 controls U+0000–U+001F except `\n`, `\t`, `\r`         | control pictures U+2400+code: `␀` … `␛` (ESC) … `␟` |
//! | DEL U+007F                                                | `␡` (U+2421)                             |
//! | C1 controls U+0080–U+009F except NEL                      | `⟨U+009B⟩` (hex code point in ⟨ ⟩)       |
//! | bidi embeddings/overrides/isolates and marks              | `⟨LRE⟩ ⟨RLE⟩ ⟨PDF⟩ ⟨LRO⟩ ⟨RLO⟩ ⟨LRI⟩ ⟨RLI⟩ ⟨FSI⟩ ⟨PDI⟩ ⟨LRM⟩ ⟨RLM⟩ ⟨ALM⟩` |
//! | tag characters U+E0000–U+E007F, invisible format characters (soft hyphen U+00AD, U+180E, U+200B, U+2060–U+2064, U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB, U+13430–U+1343F, U+1BCA0–U+1BCA3, U+1D173–U+1D17A) | dropped |
//! | ZWNJ U+200C, ZWJ U+200D                                   | kept after a visible character, a mark or a variation selector; dropped at the start, after whitespace and after another joiner |
//! | variation selectors U+FE00–U+FE0F, U+E0100–U+E01EF, U+180B–U+180D, U+180F | kept right after a visible character or a mark; dropped otherwise (leading, repeated, after a joiner) |
//! | combining marks (General_Category M*)                     | at most [`MAX_MARKS`] in a row per base character; the rest dropped |
//! | tab                                                       | spaces to the next multiple of [`TAB_WIDTH`] columns (display width, per character, via unicode-width) |
//! | CR, CRLF, NEL U+0085, U+2028, U+2029                      | `\n` (CRLF is one `\n`)                  |
//! | everything else (U+FFFD, private use, unassigned, the visible Arabic number signs U+0600–U+0605 …) | kept |
//!
//! The soft hyphen is dropped rather than kept because terminals disagree on whether it takes
//! a column. Emoji tag sequences (subdivision flags) lose their tags and show the plain black
//! flag: tags are the "ASCII smuggling" channel and are never shown.
//!
//! [`sanitize_line`] does the same for text that must fit one row; line breaks (with the spaces
//! and tabs around them) become a single space, and a run of two or more line breaks (a blank
//! line: a paragraph break) becomes [`PARAGRAPH_MARK`] `" ⏎ "`. Line breaks at the start or the
//! end of the text are dropped.
//!
//! Both are idempotent (`sanitize(&sanitize(x)) == sanitize(x)`), return `Cow::Borrowed` when
//! nothing changes, and never output a character for which [`is_unsafe`] is true.
//!
//! The JSON side ([`json_string`], [`to_json`], [`to_json_pretty`], [`write_json`],
//! [`SafeFormatter`]) keeps the text exact but writes every character for which [`json_escapes`]
//! is true as `\uXXXX` (a surrogate pair above U+FFFF); `\b \t \n \f \r` use their short JSON
//! escapes.

use std::borrow::Cow;
use std::io;

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use unicode_normalization::char::is_combining_mark;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The most combining marks kept in a row after one base character (Zalgo text is capped here;
/// real scripts use far fewer).
pub const MAX_MARKS: u8 = 8;

/// Tabs expand to the next multiple of this many columns.
pub const TAB_WIDTH: usize = 4;

/// What [`sanitize_line`] puts where a text has a paragraph break (two or more line breaks).
pub const PARAGRAPH_MARK: &str = " ⏎ ";

/// Story text as safe terminal text; line breaks are kept as `'\n'` for the caller to lay out.
/// See the module documentation for what happens to each kind of character.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    run(text, false)
}

/// Story text as safe terminal text for a single row: like [`sanitize`], but line breaks become
/// a space (one break) or [`PARAGRAPH_MARK`] (two or more), and none at either end.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    run(text, true)
}

/// [`sanitize_line`], and where the output of each character of `text` starts, for callers
/// that style characters by their index in the story text (search highlights): character `k`
/// became `out[starts[k]..starts[k + 1]]`, empty when it was dropped. `starts` has one entry
/// more than `text` has characters; it never decreases and every entry is a char boundary of
/// the output. A line break written as a space belongs to the break (or the spaces before it).
pub fn sanitize_line_mapped(text: &str) -> (Cow<'_, str>, Vec<usize>) {
    let mut starts = Vec::with_capacity(text.len() + 1);
    let out = run_tracked(text, true, Some(&mut starts));
    starts.push(out.len());
    for k in (0..starts.len() - 1).rev() {
        // Spaces dropped before a line break leave later offsets behind: pull them back.
        let mut o = starts[k].min(starts[k + 1]);
        while !out.is_char_boundary(o) {
            o -= 1;
        }
        starts[k] = o;
    }
    (out, starts)
}

/// True for the characters that never appear in the output of [`sanitize`]: C0 controls
/// (including tab and CR) but not `'\n'`, DEL, C1 controls, U+2028/U+2029, bidi controls and
/// marks, tag characters and the dropped invisible format characters. ([`sanitize_line`] also
/// never outputs `'\n'`.)
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\0'..='\x09' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}' | '\u{2028}' | '\u{2029}')
        || bidi_name(c).is_some()
        || is_invisible_format(c)
}

/// True for the characters that [`json_string`] and [`SafeFormatter`] write as `\uXXXX` (or a
/// short escape): C0, DEL, C1, U+2028/U+2029, the whole tag block and every format character
/// (General_Category Cf: bidi controls and marks, ZWJ/ZWNJ, zero-width space, BOM …), besides
/// `"` and `\`, which JSON always escapes.
pub fn json_escapes(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f'..='\u{9f}' | '\u{2028}' | '\u{2029}') || is_format(c)
}

/// The bidi controls and marks, with the short name shown for them as `⟨NAME⟩`.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "⟨LRE⟩",
        '\u{202B}' => "⟨RLE⟩",
        '\u{202C}' => "⟨PDF⟩",
        '\u{202D}' => "⟨LRO⟩",
        '\u{202E}' => "⟨RLO⟩",
        '\u{2066}' => "⟨LRI⟩",
        '\u{2067}' => "⟨RLI⟩",
        '\u{2068}' => "⟨FSI⟩",
        '\u{2069}' => "⟨PDI⟩",
        '\u{200E}' => "⟨LRM⟩",
        '\u{200F}' => "⟨RLM⟩",
        '\u{061C}' => "⟨ALM⟩",
        _ => return None,
    })
}

/// Invisible format characters that the terminal form drops (the tag block included).
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// General_Category Cf (Unicode 16), plus the unassigned rest of the tag block.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

fn is_variation_selector(c: char) -> bool {
    matches!(
        c,
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{180B}'..='\u{180D}' | '\u{180F}'
    )
}

/// What the terminal form does with one character.
enum Class {
    Plain,
    Break,
    Tab,
    Picture(char),
    Hex,
    Named(&'static str),
    Drop,
    Joiner,
    Selector,
    Mark,
}

fn classify(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Break,
        '\t' => Class::Tab,
        '\0'..='\x1f' => Class::Picture(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\x7f' => Class::Picture('\u{2421}'),
        '\u{80}'..='\u{9f}' => Class::Hex,
        '\u{200C}' | '\u{200D}' => Class::Joiner,
        _ if is_variation_selector(c) => Class::Selector,
        _ => {
            if let Some(name) = bidi_name(c) {
                Class::Named(name)
            } else if is_invisible_format(c) {
                Class::Drop
            } else if c >= '\u{300}' && is_combining_mark(c) {
                Class::Mark
            } else {
                Class::Plain
            }
        }
    }
}

/// The last thing written, as far as joiners and selectors care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Nothing written yet.
    Start,
    /// Whitespace, including a line break.
    Space,
    /// ZWJ or ZWNJ.
    Joiner,
    /// A variation selector.
    Selector,
    /// A visible character or a combining mark.
    Other,
}

/// The output: borrowed from the input until the first change, then an owned copy. Unchanged
/// runs of the input are copied lazily, in one piece, at the next change.
struct Output<'a> {
    src: &'a str,
    out: Option<String>,
    /// Start of the run of input not yet copied into `out`.
    run_start: usize,
}

impl<'a> Output<'a> {
    /// The owned output, holding everything up to input position `at`.
    fn materialize(&mut self, at: usize) -> &mut String {
        let src = self.src;
        let start = self.run_start;
        self.run_start = at;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(src.len() + 16));
        out.push_str(&src[start..at]);
        out
    }

    /// Replace the input `at..next` with `with`.
    fn replace(&mut self, at: usize, next: usize, with: &str) {
        self.materialize(at).push_str(with);
        self.run_start = next;
    }

    /// The output's length once the input up to `at` (a position not yet copied) is in.
    fn len_at(&self, at: usize) -> usize {
        self.out.as_ref().map_or(0, String::len) + (at - self.run_start)
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.src),
            Some(mut out) => {
                out.push_str(&self.src[self.run_start..]);
                Cow::Owned(out)
            }
        }
    }
}

struct Sanitizer<'a> {
    out: Output<'a>,
    one_line: bool,
    prev: Prev,
    /// Combining marks written since the last base character.
    marks: u8,
    /// Display column in the current line (only kept up to date when the text has a tab).
    col: usize,
    track_col: bool,
    /// Line breaks seen but not yet written ([`sanitize_line`] only).
    pending_breaks: u8,
    /// Where the pending line breaks' space ended, when the last character wrote it.
    flushed: Option<usize>,
}

impl Sanitizer<'_> {
    fn advance(&mut self, c: char) {
        if self.track_col {
            self.col += c.width().unwrap_or(0);
        }
    }

    fn advance_str(&mut self, s: &str) {
        if self.track_col {
            self.col += s.width();
        }
    }

    /// Write the pending line breaks of a one-line text as a space or the paragraph mark
    /// (nothing at the start of the text).
    fn flush_breaks(&mut self, at: usize) {
        if self.pending_breaks == 0 {
            return;
        }
        let with = if self.pending_breaks >= 2 {
            PARAGRAPH_MARK
        } else {
            " "
        };
        self.pending_breaks = 0;
        if self.prev != Prev::Start {
            self.out.replace(at, at, with);
            self.flushed = Some(self.out.len_at(at));
            self.advance_str(with);
            self.prev = Prev::Space;
        }
        self.marks = 0;
    }

    /// Write `with` in place of the input `at..next`, a visible placeholder.
    fn placeholder(&mut self, at: usize, next: usize, with: &str) {
        self.flush_breaks(at);
        self.out.replace(at, next, with);
        self.advance_str(with);
        self.prev = Prev::Other;
        self.marks = 0;
    }

    fn drop_char(&mut self, at: usize, next: usize) {
        self.out.replace(at, next, "");
    }

    fn line_break(&mut self, at: usize, next: usize, c: char) {
        if !self.one_line {
            if c != '\n' {
                self.out.replace(at, next, "\n");
            }
            self.col = 0;
            self.prev = Prev::Space;
            self.marks = 0;
            return;
        }
        // Trailing spaces before the break go; the break itself is written (or not) by
        // `flush_breaks` when something visible follows.
        let out = self.out.materialize(at);
        while out.ends_with(' ') {
            out.pop();
            self.col = self.col.saturating_sub(1);
        }
        if out.is_empty() {
            self.prev = Prev::Start;
        }
        self.out.run_start = next;
        self.pending_breaks = self.pending_breaks.saturating_add(1);
    }

    fn tab(&mut self, at: usize, next: usize) {
        if self.pending_breaks > 0 {
            self.drop_char(at, next);
            return;
        }
        let spaces = TAB_WIDTH - self.col % TAB_WIDTH;
        self.out.replace(at, next, &"        "[..spaces]);
        self.col += spaces;
        self.prev = Prev::Space;
        self.marks = 0;
    }

    fn plain(&mut self, at: usize, next: usize, c: char) {
        if self.pending_breaks > 0 {
            if c == ' ' {
                self.drop_char(at, next);
                return;
            }
            self.flush_breaks(at);
        }
        self.advance(c);
        self.prev = if c.is_whitespace() {
            Prev::Space
        } else {
            Prev::Other
        };
        self.marks = 0;
    }

    fn joiner(&mut self, at: usize, next: usize) {
        if self.pending_breaks == 0 && matches!(self.prev, Prev::Other | Prev::Selector) {
            self.prev = Prev::Joiner;
        } else {
            self.drop_char(at, next);
        }
    }

    fn selector(&mut self, at: usize, next: usize) {
        if self.pending_breaks == 0 && self.prev == Prev::Other {
            self.prev = Prev::Selector;
        } else {
            self.drop_char(at, next);
        }
    }

    fn mark(&mut self, at: usize, next: usize, c: char) {
        self.flush_breaks(at);
        if self.marks < MAX_MARKS {
            self.marks += 1;
            self.advance(c);
            self.prev = Prev::Other;
        } else {
            self.drop_char(at, next);
        }
    }
}

fn is_plain_ascii(b: u8) -> bool {
    (0x20..0x7f).contains(&b)
}

fn run(src: &str, one_line: bool) -> Cow<'_, str> {
    run_tracked(src, one_line, None)
}

/// [`run`], pushing onto `starts` (when given) the output length at each input character.
fn run_tracked<'a>(
    src: &'a str,
    one_line: bool,
    mut starts: Option<&mut Vec<usize>>,
) -> Cow<'a, str> {
    let bytes = src.as_bytes();
    let mut s = Sanitizer {
        out: Output {
            src,
            out: None,
            run_start: 0,
        },
        one_line,
        prev: Prev::Start,
        marks: 0,
        col: 0,
        track_col: bytes.contains(&b'\t'),
        pending_breaks: 0,
        flushed: None,
    };
    let mut i = 0;
    while i < bytes.len() {
        if s.pending_breaks == 0 && is_plain_ascii(bytes[i]) {
            // Fast path: a run of printable ASCII changes nothing.
            let end = bytes[i..]
                .iter()
                .position(|&b| !is_plain_ascii(b))
                .map_or(bytes.len(), |p| i + p);
            if let Some(starts) = starts.as_deref_mut() {
                let base = s.out.len_at(i);
                starts.extend(base..base + (end - i));
            }
            s.col += end - i;
            s.prev = if bytes[end - 1] == b' ' {
                Prev::Space
            } else {
                Prev::Other
            };
            s.marks = 0;
            i = end;
            continue;
        }
        let Some(c) = src[i..].chars().next() else {
            break;
        };
        let mut next = i + c.len_utf8();
        let start = starts.as_ref().map(|_| s.out.len_at(i));
        s.flushed = None;
        match classify(c) {
            Class::Plain => s.plain(i, next, c),
            Class::Break => {
                if c == '\r' && bytes.get(next) == Some(&b'\n') {
                    next += 1;
                }
                s.line_break(i, next, c);
            }
            Class::Tab => s.tab(i, next),
            Class::Picture(p) => s.placeholder(i, next, p.encode_utf8(&mut [0; 4])),
            Class::Hex => s.placeholder(i, next, &format!("⟨U+{:04X}⟩", c as u32)),
            Class::Named(name) => s.placeholder(i, next, name),
            Class::Drop => s.drop_char(i, next),
            Class::Joiner => s.joiner(i, next),
            Class::Selector => s.selector(i, next),
            Class::Mark => s.mark(i, next, c),
        }
        if let (Some(starts), Some(start)) = (starts.as_deref_mut(), start) {
            // The space written for pending line breaks belongs to them, not to this character.
            starts.push(s.flushed.unwrap_or(start));
            if next - i > c.len_utf8() {
                // CRLF: the LF too.
                starts.push(s.flushed.unwrap_or(start));
            }
        }
        i = next;
    }
    s.out.finish()
}

// ---------------------------------------------------------------------------------------------
// JSON

/// `\uXXXX` for `c`, as a surrogate pair above U+FFFF.
fn push_u_escape(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        out.push_str(&format!("\\u{:04x}", unit));
    }
}

/// A JSON string literal (with its quotes) for `s`: exact, and escaping every character for
/// which [`json_escapes`] is true, so the JSON is safe to print on a terminal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let short = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\u{8}' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\u{c}' => "\\f",
            '\r' => "\\r",
            _ if json_escapes(c) => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if short.is_empty() {
            push_u_escape(&mut out, c);
        } else {
            out.push_str(short);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
    out.push('"');
    out
}

/// A serde_json [`Formatter`] that lays out like `F` (compact or pretty) but escapes every
/// character for which [`json_escapes`] is true, in keys and values alike. Use it with
/// `serde_json::Serializer::with_formatter`, or through [`write_json`].
pub struct SafeFormatter<F> {
    inner: F,
}

impl SafeFormatter<CompactFormatter> {
    /// Everything on one line.
    pub fn compact() -> Self {
        SafeFormatter {
            inner: CompactFormatter,
        }
    }
}

impl SafeFormatter<PrettyFormatter<'static>> {
    /// Indented by two spaces, like `serde_json::to_string_pretty`.
    pub fn pretty() -> Self {
        SafeFormatter {
            inner: PrettyFormatter::new(),
        }
    }
}

impl<F: Formatter> Formatter for SafeFormatter<F> {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if json_escapes(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut escape = String::with_capacity(12);
                push_u_escape(&mut escape, c);
                writer.write_all(escape.as_bytes())?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W>(&mut self, writer: &mut W, char_escape: CharEscape) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        self.inner.write_char_escape(writer, char_escape)
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_value(writer)
    }
}

/// Serialize `value` as JSON into `writer` with [`SafeFormatter`] (pretty: indented by two
/// spaces). Fails only if `writer` fails or `value` cannot be JSON (a map with non-string keys).
pub fn write_json<W, T>(writer: W, value: &T, pretty: bool) -> serde_json::Result<()>
where
    W: io::Write,
    T: Serialize + ?Sized,
{
    if pretty {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            writer,
            SafeFormatter::pretty(),
        ))
    } else {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            writer,
            SafeFormatter::compact(),
        ))
    }
}

fn value_to_json(value: &serde_json::Value, pretty: bool) -> String {
    let mut buf = Vec::new();
    // A `Value` always serializes (string keys, finite numbers) and a Vec never fails to write.
    #[allow(clippy::expect_used)] // the invariant above
    write_json(&mut buf, value, pretty).expect("a serde_json::Value always serializes");
    // The formatter writes whole UTF-8 fragments and ASCII escapes only.
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `value` as compact JSON, escaping like [`json_string`].
pub fn to_json(value: &serde_json::Value) -> String {
    value_to_json(value, false)
}

/// `value` as JSON indented by two spaces, escaping like [`json_string`].
pub fn to_json_pretty(value: &serde_json::Value) -> String {
    value_to_json(value, true)
}

#[cfg(test)]
mod tests;
