//! TEMPORARY stand-in until the sanitizer branch lands.
use std::borrow::Cow;
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    }) {
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if (c.is_control() && c != '\n')
                        || ('\u{202a}'..='\u{202e}').contains(&c)
                        || ('\u{2066}'..='\u{2069}').contains(&c)
                    {
                        '\u{fffd}'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    let s = sanitize(text);
    if s.contains('\n') {
        Cow::Owned(s.replace('\n', " "))
    } else {
        s
    }
}
pub fn to_json_pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
pub fn to_json(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
