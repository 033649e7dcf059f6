//! Story text → text that is safe to put on a terminal.
//!
//! Minimal stand-in written by the TUI branch: control characters other than
//! `\n` (C0, DEL and C1) become U+FFFD. The full sanitizer (visible control
//! pictures, bidi markers, tab expansion) replaces this file at merge; the two
//! signatures are the contract.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    (c < ' ' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c)
}

/// Story text made safe for a terminal; newlines are kept as `\n` for the caller to lay out.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Like [`sanitize`], but line breaks become spaces so the text fits one row.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\n' || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_controls_keeps_newlines() {
        assert_eq!(sanitize("a\u{1b}]0;x\u{7}b\nc"), "a\u{FFFD}]0;x\u{FFFD}b\nc");
        assert_eq!(sanitize_line("a\nb\u{9b}"), "a b\u{FFFD}");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }
}
