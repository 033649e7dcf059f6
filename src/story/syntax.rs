//! YAML syntax errors, explained: what would be right for the common mistakes (a plain
//! value with `: ` in it, a tab that indents, an unclosed quote or bracket, a key
//! indented differently from its siblings), and the path of the value the error is in.

use super::diagnostic::Location;
use super::locate;

/// A syntax error as `check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub message: String,
    pub location: Location,
    /// The path of the value the error is in (`quotes[2].text`), empty when unknown.
    pub path: String,
}

/// Line `n` (from 1) of `text`.
fn line(text: &str, n: usize) -> &str {
    text.split('\n')
        .nth(n.saturating_sub(1))
        .unwrap_or("")
        .trim_end_matches('\r')
}

/// "at line L column C" at the end of a libyaml message: where a construct opened.
fn opened_at(message: &str) -> Option<Location> {
    let rest = &message[message.rfind(" at line ")? + " at line ".len()..];
    let (l, c) = rest.split_once(" column ")?;
    Some(Location {
        line: l.trim().parse().ok()?,
        column: c.trim().parse().ok()?,
    })
}

/// The key and value of a `key: value` line (after its indentation and any `- `).
fn key_value(line: &str) -> Option<(&str, &str)> {
    let body = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, value) = body.split_once(": ")?;
    (!key.is_empty() && !key.contains([' ', '"', '\'', '[', '{'])).then_some((key, value))
}

/// The indentation of a line, in characters (a `- ` counts as indentation of what follows).
fn indent(line: &str) -> usize {
    let spaces = line.chars().take_while(|c| *c == ' ').count();
    match line[spaces..].strip_prefix("- ") {
        Some(item) => spaces + 2 + item.chars().take_while(|c| *c == ' ').count(),
        None => spaces,
    }
}

/// The nearest line above `n` that holds something (not blank, not a comment).
fn previous_line(text: &str, n: usize) -> Option<(usize, &str)> {
    (1..n).rev().map(|i| (i, line(text, i))).find(|(_, l)| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    })
}

/// A value in quotes, as YAML reads it back unchanged.
fn quoted(value: &str) -> String {
    if value.contains('"') || value.contains('\\') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// What would be right for the mistake behind a libyaml `message` at `at`.
fn hint(text: &str, message: &str, at: Location) -> Option<(String, Option<Location>)> {
    let here = line(text, at.line);
    if message.contains("tab character") || here.starts_with('\t') {
        return Some(("tabs cannot indent YAML: indent with spaces".into(), None));
    }
    if message.contains("while scanning a quoted scalar") {
        let open = opened_at(message)?;
        let mark = line(text, open.line)
            .chars()
            .nth(open.column.saturating_sub(1))
            .filter(|c| *c == '"' || *c == '\'')
            .unwrap_or('"');
        return Some((
            format!(
                "the quoted value opened with `{mark}` at line {}, column {} is never closed: end it with `{mark}`",
                open.line, open.column
            ),
            Some(open),
        ));
    }
    for (construct, open, close) in [
        ("flow sequence", "list", ('[', ']')),
        ("flow mapping", "mapping", ('{', '}')),
    ] {
        if message.contains(&format!("while parsing a {construct}")) {
            let o = opened_at(message)?;
            return Some((
                format!(
                    "the {open} opened with `{}` at line {}, column {} is not closed: end it with `{}`, or put a plain value with `,` or `{}` in it in quotes",
                    close.0, o.line, o.column, close.1, close.1
                ),
                None,
            ));
        }
    }
    let indented = |what: &str| -> Option<String> {
        let (n, above) = previous_line(text, at.line)?;
        let (mine, theirs) = (indent(here), indent(above));
        (mine != theirs).then(|| {
            let key = key_value(here).map_or_else(
                || here.trim().split(':').next().unwrap_or("").to_string(),
                |(k, _)| k.to_string(),
            );
            let relation = if mine > theirs { "more" } else { "less" };
            format!(
                "`{key}` {what} starts in column {}, {relation} than the line above it (line {n}, column {}); the keys of one mapping start in the same column, a nested mapping further right after a key that ends with `:`",
                mine + 1,
                theirs + 1
            )
        })
    };
    if message.contains("mapping values are not allowed") {
        if let Some((key, value)) = key_value(here) {
            if value.contains(": ") || value.trim_end().ends_with(':') {
                let value = value.trim();
                return Some((
                    format!(
                        "the value of `{key}` contains `: `, which YAML reads as a new key; a plain value with `: ` or ` #` in it needs quotes: `{key}: {}`",
                        quoted(value)
                    ),
                    None,
                ));
            }
        }
        return indented("here").map(|m| (m, None));
    }
    if message.contains("did not find expected key")
        || message.contains("did not find expected '-' indicator")
        || message.contains("block mapping")
    {
        return indented("here").map(|m| (m, None));
    }
    None
}

/// Explains a YAML syntax error of `text` that libyaml reported as `message` at `at`.
pub fn explain(text: &str, message: &str, at: Location) -> Explained {
    let path = locate::path_at_error(text).unwrap_or_default();
    match hint(text, message, at) {
        Some((hint, moved)) => Explained {
            message: format!("YAML syntax error: {message}; {hint}"),
            location: moved.unwrap_or(at),
            path,
        },
        None => Explained {
            message: format!("YAML syntax error: {message}"),
            location: at,
            path,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str) -> Explained {
        let e = super::super::yaml::parse(text).expect_err("a syntax error");
        explain(text, &e.message, e.location.expect("a place"))
    }

    #[test]
    fn a_plain_value_with_colon_space_needs_quotes() {
        let e = explained("id: a\ntitle: Talks: the end\n");
        assert!(
            e.message
                .ends_with("needs quotes: `title: \"Talks: the end\"`"),
            "{e:?}"
        );
        assert_eq!(e.path, "title");
        let e = explained("id: a\nquotes:\n  - by: x\n    text: He said: \"no\"\n");
        assert!(e.message.ends_with("`text: 'He said: \"no\"'`"), "{e:?}");
        assert_eq!(e.path, "quotes[0].text");
    }

    #[test]
    fn tabs_cannot_indent() {
        let e = explained("id: a\ntitle: T\nparties:\n  - id: x\n\tname: X\n");
        assert!(
            e.message
                .ends_with("tabs cannot indent YAML: indent with spaces"),
            "{e:?}"
        );
        // libyaml reads the tab's line as going on with the plain value above it.
        assert_eq!(e.path, "parties[0].id");
    }

    #[test]
    fn an_unclosed_quote_is_shown_where_it_opened() {
        let e = explained("id: a\ntitle: \"Unclosed\nparties:\n  - id: x\n");
        assert!(
            e.message.ends_with(
                "the quoted value opened with `\"` at line 2, column 8 is never closed: end it with `\"`"
            ),
            "{e:?}"
        );
        assert_eq!(e.location, Location { line: 2, column: 8 });
        assert_eq!(e.path, "title");
    }

    #[test]
    fn an_unclosed_bracket_says_where_it_opened() {
        let e = explained("id: a\ntitle: T\ntags: [a, b\nparties:\n  - id: x\n");
        assert!(
            e.message.contains(
                "the list opened with `[` at line 3, column 7 is not closed: end it with `]`"
            ),
            "{e:?}"
        );
        assert_eq!(e.path, "tags");
        let e = explained("id: a\ntitle: T\nparties: {id: x, name: X\n");
        assert!(e.message.contains("the mapping opened with `{`"), "{e:?}");
    }

    #[test]
    fn a_key_indented_differently_from_its_siblings() {
        let e = explained("id: a\ntitle: T\nparties:\n  - id: x\n    name: X\n     kind: person\n");
        assert!(
            e.message.contains(
                "`kind` here starts in column 6, more than the line above it (line 5, column 5)"
            ),
            "{e:?}"
        );
        let e = explained("id: a\ntitle: T\nparties:\n  - id: x\n    name: X\n   kind: person\n");
        assert!(
            e.message.contains(
                "`kind` here starts in column 4, less than the line above it (line 5, column 5)"
            ),
            "{e:?}"
        );
        assert_eq!(e.path, "parties");
    }
}
