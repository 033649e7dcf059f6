//! Changes of stories as output, shared by `storyx diff` and `storyx log`: text
//! (the changed words in colour, or marked `[-old-]{+new+}` without colour), JSON
//! (`{story, path, kind, before, after}`) and Markdown. Story text is sanitized
//! for the terminal, escaped for Markdown, and JSON-escaped.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::show::{
    analyst_json, claim_json, event_json, party_json, quote_json, source_json, stance_json,
};
use crate::cli::DiffFormat;
use crate::diff::describe::{heading as change_heading, Line, Span};
use crate::diff::{Change, Compared, Kind, Section, Target};
use crate::export::inline;
use crate::sanitize::{sanitize_line, to_json_pretty};
use crate::story::Story;

const OLD: &str = "\x1b[31m";
const NEW: &str = "\x1b[32m";
const PLAIN: &str = "\x1b[39m";
const BOLD: &str = "\x1b[1m";
const NOT_BOLD: &str = "\x1b[22m";

/// One story's changes, each described.
pub struct Shown<'a> {
    pub compared: &'a Compared<'a>,
    pub lines: Vec<Line>,
}

/// The changes in a format; `compared` is how many stories were compared.
pub fn render(shown: &[Shown], format: DiffFormat, color: bool, compared: usize) -> String {
    match format {
        DiffFormat::Json => {
            to_json_pretty(&Value::Array(shown.iter().flat_map(json_changes).collect())) + "\n"
        }
        DiffFormat::Markdown => {
            let mut out = String::from("# Changes\n");
            for s in shown {
                out.push('\n');
                markdown(&mut out, s, "##");
            }
            out.push('\n');
            out.push_str(&summary(shown, compared));
            out.push('\n');
            out
        }
        DiffFormat::Text => {
            let mut out = String::new();
            for s in shown {
                text(&mut out, s, color, "");
            }
            if !shown.is_empty() {
                out.push('\n');
            }
            out.push_str(&summary(shown, compared));
            out.push('\n');
            out
        }
    }
}

/// "3 changes in 1 story (2 compared)", or "no changes (2 stories compared)".
pub fn summary(shown: &[Shown], compared: usize) -> String {
    let n: usize = shown.iter().map(|s| s.lines.len()).sum();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if n == 0 {
        format!(
            "no changes ({} compared)",
            plural(compared, "story", "stories")
        )
    } else {
        format!(
            "{} in {} ({compared} compared)",
            plural(n, "change", "changes"),
            plural(shown.len(), "story", "stories")
        )
    }
}

/// Story text on one line, safe for a terminal (line breaks as spaces, so pieces
/// of one text stay apart).
pub fn one_line(t: &str) -> String {
    let spaced: String = t
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    sanitize_line(&spaced).into_owned()
}

fn story_of<'a>(c: &'a Compared) -> Option<&'a Story> {
    c.new.or(c.old)
}

/// `id: title`, then each change: its path and kind, the change, its details.
pub fn text(out: &mut String, s: &Shown, color: bool, indent: &str) {
    let Some(story) = story_of(s.compared) else {
        return;
    };
    let (b, nb) = if color { (BOLD, NOT_BOLD) } else { ("", "") };
    let _ = writeln!(
        out,
        "{indent}{b}{}{nb}: {}",
        one_line(&story.id),
        one_line(&story.title)
    );
    changes_text(out, s, color, indent);
}

/// Each change: its path and kind, the change, its details.
pub fn changes_text(out: &mut String, s: &Shown, color: bool, indent: &str) {
    for (change, line) in s.compared.changes.iter().zip(&s.lines) {
        let _ = writeln!(out, "{indent}  {}", one_line(&change_heading(change)));
        let mut l = format!("{indent}    ");
        for span in &line.spans {
            match (span, color) {
                (Span::Text(t), _) => l.push_str(&one_line(t)),
                (Span::Old(t), true) => {
                    let _ = write!(l, "{OLD}{}{PLAIN}", one_line(t));
                }
                (Span::New(t), true) => {
                    let _ = write!(l, "{NEW}{}{PLAIN}", one_line(t));
                }
                (Span::Old(t), false) => {
                    let _ = write!(l, "[-{}-]", one_line(t));
                }
                (Span::New(t), false) => {
                    let _ = write!(l, "{{+{}+}}", one_line(t));
                }
            }
        }
        out.push_str(&l);
        out.push('\n');
        for (label, value) in &line.details {
            let _ = writeln!(out, "{indent}    {label}: {}", one_line(value));
        }
    }
}

/// A heading for the story, a list item per change (old words struck through, new
/// words bold), its details as a nested list.
pub fn markdown(out: &mut String, s: &Shown, level: &str) {
    let Some(story) = story_of(s.compared) else {
        return;
    };
    let _ = writeln!(
        out,
        "{level} {} ({})\n",
        heading(&story.title),
        inline(&story.id)
    );
    changes_markdown(out, s);
}

/// Story text for a Markdown heading.
pub fn heading(t: &str) -> String {
    // `{` too: `# Title {#id}` is a heading attribute in some Markdown dialects.
    inline(t).replace('{', "\\{")
}

/// A list item per change, its details nested.
pub fn changes_markdown(out: &mut String, s: &Shown) {
    for (change, line) in s.compared.changes.iter().zip(&s.lines) {
        let mut l = format!("- **{}**", change.kind.label());
        if !change.path.is_empty() {
            let _ = write!(l, " {}", inline(&change.path));
        }
        l.push_str(": ");
        for span in &line.spans {
            let (t, mark) = match span {
                Span::Text(t) => (t, ""),
                Span::Old(t) => (t, "~~"),
                Span::New(t) => (t, "**"),
            };
            let t = inline(t);
            if mark.is_empty() || t.is_empty() {
                // Spaces around marked words, which `inline` trims, are kept.
                let raw = t.as_str();
                let lead = if span_starts_with_space(span) && !raw.is_empty() {
                    " "
                } else {
                    ""
                };
                let trail = if span_ends_with_space(span) && !raw.is_empty() {
                    " "
                } else {
                    ""
                };
                let _ = write!(l, "{lead}{raw}{trail}");
            } else {
                let _ = write!(l, "{mark}{t}{mark}");
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
        for (label, value) in &line.details {
            let _ = writeln!(out, "  - {label}: {}", inline(value));
        }
    }
}

fn span_starts_with_space(s: &Span) -> bool {
    matches!(s, Span::Text(t) if t.starts_with(char::is_whitespace))
}

fn span_ends_with_space(s: &Span) -> bool {
    matches!(s, Span::Text(t) if t.ends_with(char::is_whitespace))
}

/// The item a target names, as JSON (what an added or removed item was).
fn item_json(s: &Story, t: Target) -> Value {
    let found = match t.section {
        Section::Story => Some(Value::String(s.title.to_string())),
        Section::Timeline => s.timeline.get(t.index).map(event_json),
        Section::Parties => s.parties.get(t.index).map(party_json),
        Section::Analysts => s.analysts.get(t.index).map(analyst_json),
        Section::Quotes => s.quotes.get(t.index).map(quote_json),
        Section::Sources => s.sources.get(t.index).map(source_json),
        Section::Claims => {
            s.claims
                .get(t.index)
                .map(|c| match t.stance.and_then(|i| c.stances.get(i)) {
                    Some(st) => stance_json(st),
                    None => claim_json(c),
                })
        }
    };
    found.unwrap_or(Value::Null)
}

/// Whether a kind adds or removes a whole item (its JSON is the item).
fn whole_item(kind: Kind) -> bool {
    use Kind::*;
    matches!(
        kind,
        StoryAdded
            | StoryRemoved
            | EventAdded
            | EventRemoved
            | PartyAdded
            | PartyRemoved
            | AnalystAdded
            | AnalystRemoved
            | QuoteAdded
            | QuoteRemoved
            | ClaimAdded
            | ClaimRemoved
            | StanceTaken
            | StanceWithdrawn
            | SourceAdded
            | SourceRemoved
    )
}

/// One JSON object per change: `{story, path, kind, before, after}`; an added or
/// removed item is the item itself (every field), a changed value its text.
pub fn json_change(c: &Compared, change: &Change) -> Value {
    let side = |story: Option<&Story>, t: Option<Target>, text: &Option<String>| -> Value {
        match (whole_item(change.kind), story, t) {
            (true, Some(s), Some(t)) => item_json(s, t),
            _ => text
                .as_ref()
                .map_or(Value::Null, |t| Value::String(t.clone())),
        }
    };
    json!({
        "story": c.id(),
        "path": change.path,
        "kind": change.kind.as_str(),
        "before": side(c.old, change.old, &change.before),
        "after": side(c.new, change.new, &change.after),
    })
}

pub fn json_changes(s: &Shown) -> Vec<Value> {
    s.compared
        .changes
        .iter()
        .map(|ch| json_change(s.compared, ch))
        .collect()
}
