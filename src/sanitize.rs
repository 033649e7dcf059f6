//! Story text → text safe for a terminal, and JSON strings with every control and
//! bidi character escaped.
//!
//! A minimal stand-in until the real module (written on the `sanitize` branch) lands on
//! main: control characters become U+FFFD, bidi controls become U+FFFD, line breaks a
//! visible ⏎.

use std::borrow::Cow;

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text on one terminal row: control and bidi characters as visible placeholders.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => '⏎',
                c if c.is_control() || is_bidi(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// The text as a JSON string literal (with quotes), every control and bidi character as `\uXXXX`.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_bidi(c) || c == '\u{2028}' || c == '\u{2029}' => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
