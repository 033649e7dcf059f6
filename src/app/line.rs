//! A one-line text editor for the search query and the pane filter: the text,
//! a cursor (a character index), and the readline keys that edit them.

/// A key of the query line, as the key map names it (see
/// [`super::keymap::LINE_KEYS`]); any other printable key types itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKey {
    Insert(char),
    /// Backspace: the character before the cursor.
    Backspace,
    /// Delete: the character under the cursor.
    Delete,
    Left,
    Right,
    /// Ctrl-a, Home.
    Start,
    /// Ctrl-e, End.
    End,
    /// Ctrl-w: the word before the cursor (and the spaces after it).
    DeleteWord,
    /// Ctrl-u: everything before the cursor.
    Clear,
    /// Ctrl-k: everything from the cursor on.
    KillToEnd,
    /// ↑, Ctrl-p: the result or row above.
    Up,
    /// ↓, Ctrl-n: the result or row below.
    Down,
    PageUp,
    PageDown,
    /// Enter.
    Accept,
    /// Esc.
    Cancel,
}

/// The text and the cursor of a query line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// The cursor as a character index, `0..=chars`.
    cursor: usize,
}

impl LineEditor {
    pub fn new() -> LineEditor {
        LineEditor::default()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// The byte offset of character `i`.
    fn byte(&self, i: usize) -> usize {
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Removes the characters `from..to`.
    fn remove(&mut self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
        true
    }

    /// Applies an editing key; true when the text changed. Keys that do not
    /// edit (↑, ↓, Enter, Esc) change nothing and return false.
    pub fn apply(&mut self, key: LineKey) -> bool {
        let len = self.chars();
        match key {
            LineKey::Insert(c) => {
                // A line break or a control would not show: typed as a space.
                let c = if c.is_control() { ' ' } else { c };
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            LineKey::Backspace => self.cursor > 0 && self.remove(self.cursor - 1, self.cursor),
            LineKey::Delete => self.remove(self.cursor, (self.cursor + 1).min(len)),
            LineKey::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            LineKey::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            LineKey::Start => {
                self.cursor = 0;
                false
            }
            LineKey::End => {
                self.cursor = len;
                false
            }
            LineKey::DeleteWord => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut from = self.cursor;
                while from > 0 && chars[from - 1].is_whitespace() {
                    from -= 1;
                }
                while from > 0 && !chars[from - 1].is_whitespace() {
                    from -= 1;
                }
                self.remove(from, self.cursor)
            }
            LineKey::Clear => self.remove(0, self.cursor),
            LineKey::KillToEnd => self.remove(self.cursor, len),
            LineKey::Up
            | LineKey::Down
            | LineKey::PageUp
            | LineKey::PageDown
            | LineKey::Accept
            | LineKey::Cancel => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineEditor {
        let mut e = LineEditor::new();
        for c in s.chars() {
            e.apply(LineKey::Insert(c));
        }
        e
    }

    #[test]
    fn types_moves_and_deletes_by_character() {
        let mut e = typed("zoë fisher");
        assert_eq!((e.text(), e.cursor()), ("zoë fisher", 10));
        e.apply(LineKey::Start);
        e.apply(LineKey::Right);
        e.apply(LineKey::Right);
        assert!(e.apply(LineKey::Delete));
        assert_eq!(e.text(), "zo fisher");
        assert!(e.apply(LineKey::Insert('ë')));
        assert_eq!((e.text(), e.cursor()), ("zoë fisher", 3));
        assert!(e.apply(LineKey::Backspace));
        assert_eq!(e.text(), "zo fisher");
        e.apply(LineKey::End);
        assert!(
            !e.apply(LineKey::Delete),
            "nothing under the cursor at the end"
        );
        e.apply(LineKey::Start);
        assert!(!e.apply(LineKey::Backspace), "nothing before the start");
        e.apply(LineKey::Left);
        assert_eq!(e.cursor(), 0);
    }

    #[test]
    fn ctrl_w_deletes_a_word_ctrl_u_the_start_ctrl_k_the_end() {
        let mut e = typed("李伟 said  ");
        assert!(e.apply(LineKey::DeleteWord));
        assert_eq!(e.text(), "李伟 ");
        assert!(e.apply(LineKey::DeleteWord));
        assert_eq!((e.text(), e.cursor()), ("", 0));
        assert!(!e.apply(LineKey::DeleteWord));

        let mut e = typed("fisher complicit");
        e.apply(LineKey::Start);
        for _ in 0..6 {
            e.apply(LineKey::Right);
        }
        assert!(e.apply(LineKey::KillToEnd));
        assert_eq!(e.text(), "fisher");
        e.apply(LineKey::Left);
        assert!(e.apply(LineKey::Clear));
        assert_eq!((e.text(), e.cursor()), ("r", 0));
    }

    #[test]
    fn controls_are_typed_as_spaces() {
        let e = typed("a\tb\u{1b}");
        assert_eq!(e.text(), "a b ");
    }
}
