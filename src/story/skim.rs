//! What a story file's raw text tells without parsing it, for a caller that may
//! leave a file unparsed when its text shows it cannot hold what is looked for
//! (`storyx search --no-cache`: a file without the query's letters is not parsed).
//!
//! Every answer errs towards "parse it": [`Skim::new`] is `None` for any text
//! whose values may not be written out as they are in the text (an escape, an
//! alias, a tag, a quoted or flow value over several lines, a line break YAML
//! knows and a line reader may not), and [`Skim::id`] is `None` unless the
//! story's `id` is written plainly on a line of its own.

use super::model::Str;

/// A plain story text, cut into lines, with what a reader of its values needs.
pub struct Skim<'t> {
    text: &'t str,
    /// Each line's byte range in `text` (its line break left out) and indentation
    /// (leading spaces and tabs, each a column as libyaml counts them).
    lines: Vec<(usize, usize, usize)>,
}

/// Whether a key's values are never a name: never searched across their words as
/// a whole, and never some item's speaker. Any other key (`name`, `aliases`,
/// `tags`, `outlet`, `id`, `by`, a key storyx does not know) may hold one.
fn never_a_name(key: &str) -> bool {
    matches!(
        key,
        "text"
            | "title"
            | "question"
            | "summary"
            | "position"
            | "description"
            | "role"
            | "affiliation"
            | "view"
            | "context"
            | "to"
            | "date"
            | "detail"
            | "url"
            | "note"
            | "kind"
            | "format"
            | "status"
            | "stance"
            | "speaks_for"
            | "cites"
            | "via"
            | "source"
            | "quote"
            | "involves"
    )
}

impl<'t> Skim<'t> {
    /// The text's lines, when every value in it is written out as it is read: no
    /// backslash (escapes), no alias or tag, no directive or document marker but
    /// a first `---`, no line break but LF and CRLF, and on each line an even
    /// number of each quote character and as many closing brackets as opening
    /// ones (no quoted or flow value spans lines). `None` otherwise.
    pub fn new(text: &'t str) -> Option<Skim<'t>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let bytes = text.as_bytes();
        // NEL, LS and PS: line breaks to libyaml.
        let other_breaks = ["\u{85}", "\u{2028}", "\u{2029}"];
        if memchr::memchr(b'\\', bytes).is_some()
            || super::parse::may_hold_alias(bytes)
            || may_hold_tag(bytes)
            || other_breaks
                .iter()
                .any(|b| memchr::memmem::find(bytes, b.as_bytes()).is_some())
        {
            return None;
        }
        let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
            if start > bytes.len() {
                break;
            }
            let mut line_end = end;
            if line_end > start && bytes[line_end - 1] == b'\r' {
                line_end -= 1;
            }
            let line = &bytes[start..line_end];
            if !plain_line(line, lines.is_empty()) {
                return None;
            }
            let indent = line
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            lines.push((start, line_end, indent));
            start = end + 1;
        }
        Some(Skim { text, lines })
    }

    /// The text (without a byte-order mark).
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The story's `id` when it is written plainly: every top-level line a plain
    /// `key:`, one of them `id:` with a one-line value on it (plain, or quoted),
    /// and the next line not indented. `None` when in doubt.
    pub fn id(&self) -> Option<Str> {
        let mut found = None;
        for (n, &(s, e, _)) in self.lines.iter().enumerate() {
            let line = &self.text[s..e];
            let Some(first) = line.bytes().next() else {
                continue;
            };
            if first == b' ' || first == b'\t' || first == b'#' {
                continue;
            }
            if n == 0 && line.trim_end() == "---" {
                continue;
            }
            let (key, value) = plain_key(line)?;
            if key != "id" {
                continue;
            }
            if found.is_some() {
                return None;
            }
            let next_indented = self.lines[n + 1..]
                .iter()
                .map(|&(s, e, _)| &self.text[s..e])
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.starts_with([' ', '\t']));
            if next_indented {
                return None;
            }
            found = Some(one_line_value(value)?);
        }
        found.map(Str::from)
    }

    /// The byte ranges of `text` that may hold a value that is a name, each whole:
    /// from a line that starts a value under a key that may be a name (or a list
    /// entry, or a line storyx cannot place) to the last line more indented than
    /// that key. Every name of the story lies inside one of them.
    pub fn name_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.lines.len()).filter_map(move |n| self.name_span(n))
    }

    fn name_span(&self, n: usize) -> Option<(usize, usize)> {
        let (s, e, indent) = self.lines[n];
        let line = &self.text[s..e];
        let content = &line[indent..];
        if content.is_empty() || content.starts_with('#') {
            return None;
        }
        // Past the list markers: `- - value`, `- key: value`.
        let mut owner = indent;
        let mut rest = content;
        while rest == "-" || rest.starts_with("- ") {
            owner = indent + (content.len() - rest.len());
            rest = rest[1..].trim_start_matches(' ');
        }
        let after_dash = indent + (content.len() - rest.len());
        let value = match plain_key(rest) {
            Some((key, _)) if never_a_name(key) => return None,
            Some((_, value)) => {
                owner = after_dash;
                value
            }
            // A key storyx cannot read plainly (quoted, complex): may be anything.
            None if rest.contains(": ") || rest.ends_with(':') => {
                owner = after_dash;
                ""
            }
            None if rest.is_empty() => "",
            // A value alone on its line: a list entry, or a line of a value
            // begun above (which that line's span holds whole).
            None if owner == indent && !content.starts_with('-') => return Some((s, e)),
            None => rest,
        };
        let value = value.trim_start_matches([' ', '\t']);
        let empty = value.is_empty() || value.starts_with('#');
        let mut end = e;
        for &(ls, le, l_indent) in &self.lines[n + 1..] {
            let body = &self.text[ls + l_indent..le];
            if body.is_empty() {
                continue;
            }
            if l_indent <= owner {
                break;
            }
            if empty && end == e && (body == "-" || body.starts_with("- ") || is_mapping(body)) {
                // The value below is a list or a mapping: its lines have spans of their own.
                return Some((s, e));
            }
            end = le;
        }
        Some((s, end))
    }
}

/// Whether this line (the first when `first`) keeps every value on it as written:
/// each quoted value that may start on it ends on it (a quote after a space, a
/// `[`, `{`, `,`, `:`, `-` or at the start opens one; a quote inside a word, as in
/// `Workers' Union`, does not), its brackets outside quotes close on it, and it is
/// no directive, document marker (but a first `---`), complex key or lone CR.
fn plain_line(line: &[u8], first: bool) -> bool {
    match line.first() {
        Some(b'%') => return false,
        Some(b'-') if line.starts_with(b"---") && !(first && line.trim_ascii_end() == b"---") => {
            return false
        }
        Some(b'.') if line.starts_with(b"...") => return false,
        _ => {}
    }
    if line.trim_ascii_start().starts_with(b"? ") {
        return false;
    }
    let mut depth = 0i32;
    let mut i = 0;
    while i < line.len() {
        // Straight to the next byte that matters.
        match line[i..].iter().position(|&b| MATTERS[usize::from(b)]) {
            Some(k) => i += k,
            None => break,
        }
        let b = line[i];
        let opens =
            i == 0 || matches!(line[i - 1], b' ' | b'\t' | b'[' | b'{' | b',' | b':' | b'-');
        match b {
            b'"' | b'\'' if opens => {
                let mut j = i + 1;
                loop {
                    let Some(k) = memchr::memchr(b, &line[j..]) else {
                        return false;
                    };
                    j += k + 1;
                    // `''` is a quote inside a single-quoted value.
                    if b == b'\'' && line.get(j) == Some(&b'\'') {
                        j += 1;
                        continue;
                    }
                    break;
                }
                i = j;
                continue;
            }
            b'#' if i == 0 || matches!(line[i - 1], b' ' | b'\t') => break,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            b'\r' => return false,
            _ => {}
        }
        i += 1;
    }
    depth == 0
}

/// The bytes [`plain_line`] looks at.
const MATTERS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    let bytes = b"\"'#[]{}\r";
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether some `!` may start a tag: one after anything but a character that
/// only sits inside a word (`Stop!`, `!!` within text are not tags).
fn may_hold_tag(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'!', bytes).any(|i| {
        i.checked_sub(1)
            .map(|p| bytes[p])
            .is_none_or(|prev| !(prev.is_ascii_alphanumeric() || prev == b'!' || prev >= 0x80))
    })
}

/// `key: value` (or `key:` at the end) with a plain key of letters, digits, `_`
/// and `-`: the key and what follows the colon.
fn plain_key(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let rest = &line[colon + 1..];
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (plain && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some((key, rest))
}

/// Whether a line's content is a mapping entry (`key: value`, `key:`).
fn is_mapping(body: &str) -> bool {
    body.contains(": ") || body.contains(":\t") || body.ends_with(':')
}

/// A value written on one line: plain (no indicator first, a comment cut off), or
/// quoted and closed with nothing but a comment after it. `None` when in doubt.
fn one_line_value(value: &str) -> Option<String> {
    let value = value.trim_matches([' ', '\t']);
    let first = value.chars().next()?;
    match first {
        '"' => {
            let close = value[1..].find('"')? + 1;
            let after = value[close + 1..].trim_start_matches([' ', '\t']);
            (after.is_empty() || after.starts_with('#')).then(|| value[1..close].to_string())
        }
        '\'' => {
            let mut out = String::new();
            let mut rest = &value[1..];
            loop {
                let q = rest.find('\'')?;
                out.push_str(&rest[..q]);
                rest = &rest[q + 1..];
                if let Some(r) = rest.strip_prefix('\'') {
                    out.push('\'');
                    rest = r;
                } else {
                    break;
                }
            }
            let after = rest.trim_start_matches([' ', '\t']);
            (after.is_empty() || after.starts_with('#')).then_some(out)
        }
        '&' | '*' | '!' | '|' | '>' | '[' | '{' | '%' | '@' | '`' | '#' | ',' | '?' | ':' | '-' => {
            None
        }
        _ => {
            let plain = match value.find(" #").or_else(|| value.find("\t#")) {
                Some(i) => &value[..i],
                None => value,
            };
            let plain = plain.trim_end_matches([' ', '\t']);
            (!plain.contains(": ") && !plain.ends_with(':')).then(|| plain.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans<'a>(skim: &'a Skim<'a>) -> Vec<&'a str> {
        skim.name_spans().map(|(s, e)| &skim.text()[s..e]).collect()
    }

    #[test]
    fn a_text_whose_values_may_differ_from_what_is_written_is_not_skimmed() {
        for text in [
            "id: a\ntitle: \"Caf\\u00e9\"\n",
            "id: a\nname: &n Ann\nby: *n\n",
            "id: a\ntitle: !!binary aGk=\n",
            "id: a\ntitle: \"two\n  lines\"\n",
            "id: a\ntitle: 'two\n  lines'\n",
            "id: a\ntitle: x\nname: 'it''s\n  two'\n",
            "id: a\ntags: [\"x\", 'y\n  z']\n",
            "id: a\ntags: [one,\n  two]\n",
            "id: a\rtitle: x\r",
            "id: a\ntitle: x\u{2028}y\n",
            "%YAML 1.2\n---\nid: a\n",
            "id: a\n---\nid: b\n",
            "? id\n: a\n",
        ] {
            assert!(Skim::new(text).is_none(), "{text:?}");
        }
        for text in [
            "---\nid: a\ntitle: \"Stop!\" and 'it''s'\r\n",
            "id: a\ntitle: Wow!! 5*3\n",
            "id: a\nname: \"Workers' Union\"\ntitle: Workers' Union # it's\n",
            "id: a\ntitle: \"[sic] 'quoted'\"\n",
        ] {
            assert!(Skim::new(text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn the_id_is_read_only_when_written_plainly() {
        let id = |t: &str| Skim::new(t).and_then(|s| s.id()).map(|s| s.to_string());
        assert_eq!(
            id("format: 1\nid: story-a\ntitle: T\n").as_deref(),
            Some("story-a")
        );
        assert_eq!(id("id: \"story a\" # c\n").as_deref(), Some("story a"));
        assert_eq!(id("id: 'it''s'\n").as_deref(), Some("it's"));
        assert_eq!(id("id: a # note\n").as_deref(), Some("a"));
        assert_eq!(id("---\nid: a\n").as_deref(), Some("a"));
        // In doubt: continued, twice, a key not plain, no id, an indicator.
        assert_eq!(id("id: a\n  b\n"), None);
        assert_eq!(id("id: a\nid: b\n"), None);
        assert_eq!(id("\"id\": a\n"), None);
        assert_eq!(id("title: a\n"), None);
        assert_eq!(id("id: |\n  a\n"), None);
        assert_eq!(id("id:\n  a\n"), None);
        // An `id` inside a list is not the story's.
        assert_eq!(
            id("id: s\nparties:\n  - id: p\n    name: P\n").as_deref(),
            Some("s")
        );
    }

    #[test]
    fn every_name_lies_inside_one_span() {
        let text = "id: s\ntitle: Richard\n  Fisher\nparties:\n  - id: p\n    name: Richard\n      Fisher\n    position: long\n      text\n  - name: >\n      Ann\n\n      Lee\n    kind: person\ntags:\n- one\n  two\n- three\nanalysts:\n  -\n    name: Bo\n";
        let skim = Skim::new(text).unwrap();
        let spans = spans(&skim);
        assert!(
            spans.contains(&"    name: Richard\n      Fisher"),
            "{spans:?}"
        );
        assert!(
            spans.contains(&"  - name: >\n      Ann\n\n      Lee"),
            "{spans:?}"
        );
        assert!(spans.contains(&"- one\n  two"), "{spans:?}");
        assert!(spans.contains(&"    name: Bo"), "{spans:?}");
        // Keys that never hold a name have no span; a key over a list or a
        // mapping spans only its own line.
        assert!(!spans
            .iter()
            .any(|s| s.contains("title") || s.contains("position")));
        assert!(spans.contains(&"parties:"), "{spans:?}");
        assert!(spans.contains(&"  -"), "{spans:?}");
    }
}
