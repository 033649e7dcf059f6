//! Places in a document: storyx counts lines from 1 and columns in characters from 1;
//! the protocol counts both from 0, columns in UTF-16 code units. Line breaks are LF,
//! CRLF and a lone CR, as both YAML and the protocol count them.

use lsp_types::{Position, Range};

use crate::story::Location;

/// The byte offset where each line starts.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { starts }
    }

    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// Line `n` (from 0) without its line break; empty past the end.
    pub fn line<'t>(&self, text: &'t str, n: usize) -> &'t str {
        let Some(&start) = self.starts.get(n) else {
            return "";
        };
        let end = self.starts.get(n + 1).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte offset of the start of line `n` (the end of the text past the last line).
    pub fn start(&self, text: &str, n: usize) -> usize {
        self.starts.get(n).copied().unwrap_or(text.len())
    }

    /// A storyx location (line and character column from 1) as a protocol position.
    pub fn position(&self, text: &str, at: Location) -> Position {
        let n = at.line.saturating_sub(1);
        let line = self.line(text, n);
        let units: usize = line
            .chars()
            .take(at.column.saturating_sub(1))
            .map(char::len_utf16)
            .sum();
        Position::new(n as u32, units as u32)
    }

    /// The byte offset of a protocol position (clamped to its line).
    pub fn offset(&self, text: &str, at: Position) -> usize {
        let n = at.line as usize;
        if n >= self.count() {
            return text.len();
        }
        let start = self.starts[n];
        let line = self.line(text, n);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= at.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }

    /// The protocol position of a byte offset.
    pub fn position_of_offset(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let n = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[n];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let units: usize = text[start..end].chars().map(char::len_utf16).sum();
        Position::new(n as u32, units as u32)
    }

    /// A protocol position as a storyx location.
    pub fn location(&self, text: &str, at: Position) -> Location {
        let n = (at.line as usize).min(self.count() - 1);
        let line = self.line(text, n);
        let offset = self.offset(text, at) - self.starts[n];
        Location {
            line: n + 1,
            column: line[..offset.min(line.len())].chars().count() + 1,
        }
    }

    /// The range from `start` to `end` (storyx locations).
    pub fn range(&self, text: &str, start: Location, end: Location) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The range of the whole line `n`, including its break.
    pub fn whole_line(&self, text: &str, n: usize) -> Range {
        let start = Position::new(n as u32, 0);
        let end = if n + 1 < self.count() {
            Position::new(n as u32 + 1, 0)
        } else {
            self.position_of_offset(text, text.len())
        };
        Range::new(start, end)
    }
}

/// Whether a position lies in a range (the end included: the cursor after a word is on it).
pub fn contains(range: &Range, at: Position) -> bool {
    range.start <= at && at <= range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "title: \"𝔸 Ångström\"\nid: x\r\nby: 李伟\rz: 1";
        let lines = Lines::new(text);
        assert_eq!(lines.count(), 4);
        assert_eq!(lines.line(text, 1), "id: x");
        assert_eq!(lines.line(text, 2), "by: 李伟");
        // `Å` is the 11th character, after a character outside the BMP (two units).
        let p = lines.position(
            text,
            Location {
                line: 1,
                column: 11,
            },
        );
        assert_eq!(p, Position::new(0, 11));
        assert_eq!(
            lines.location(text, p),
            Location {
                line: 1,
                column: 11
            }
        );
        assert_eq!(&text[lines.offset(text, p)..lines.offset(text, p) + 2], "Å");
        assert_eq!(
            lines.position(text, Location { line: 3, column: 6 }),
            Position::new(2, 5)
        );
        assert_eq!(
            lines.position_of_offset(text, text.len()),
            Position::new(3, 4)
        );
    }
}
