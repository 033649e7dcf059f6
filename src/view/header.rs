//! The story header: title and date, and the central question, cut to the room
//! given, reading only what shows (`s` shows them in full, with the summary:
//! [`crate::app::detail::header`]).

use ratatui::text::{Line, Span};

use crate::sanitize::sanitize;
use crate::story::Story;

use super::line::{dim, fit, styled};
use super::text::{clip, Wrap};
use super::theme::Theme;

/// At most this many rows of question.
const QUESTION_ROWS: usize = 2;

/// A bounded, sanitized prefix of raw text, enough for `rows` rows of `width`
/// cells, and whether the text goes on past it.
fn prefix(raw: &str, rows: usize, width: usize) -> (String, bool) {
    let budget = rows
        .saturating_add(1)
        .saturating_mul(width.saturating_mul(4).saturating_add(16));
    let cut = raw.char_indices().nth(budget).map(|(i, _)| i);
    (
        sanitize(&raw[..cut.unwrap_or(raw.len())]).into_owned(),
        cut.is_some(),
    )
}

/// Up to `rows` wrapped rows of raw `text` after a bold `label`, the last ending in
/// `…` when the text goes on.
pub fn wrapped(
    theme: &Theme,
    label: &str,
    raw: &str,
    rows: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let w = usize::from(width);
    if rows == 0 || w == 0 {
        return Vec::new();
    }
    let (text, cut) = prefix(raw, rows, w);
    let text = format!("{label}{text}");
    let mut ranges: Vec<_> = Wrap::new(&text, w).take(rows + 1).collect();
    let more = ranges.len() > rows || cut;
    ranges.truncate(rows);
    let last = ranges.len().saturating_sub(1);
    ranges
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            let mut body = text[r.clone()].to_string();
            if n == last && more {
                body = super::text::truncate(&body, w.saturating_sub(1).max(1), true).into_owned();
            }
            if n == 0 && body.starts_with(label) && !label.is_empty() {
                let rest = body[label.len()..].to_string();
                Line::from(vec![
                    styled(label.to_string(), theme.bold()),
                    Span::raw(rest),
                ])
            } else {
                Line::from(body)
            }
        })
        .collect()
}

/// The header's rows for a width, at most `max_rows`.
pub fn lines(theme: &Theme, story: &Story, width: u16, max_rows: u16) -> Vec<Line<'static>> {
    let max_rows = usize::from(max_rows.max(1));
    let w = usize::from(width);
    let mut out = Vec::new();
    let date = story
        .date
        .as_ref()
        .map(|d| format!("  {d}"))
        .unwrap_or_default();
    let title_w = w.saturating_sub(super::text::width(&date)).max(w.min(12));
    out.push(fit(
        vec![
            styled(clip(&story.title, title_w), theme.title()),
            dim(theme, date),
        ],
        width,
    ));
    if let Some(q) = &story.question {
        let room = QUESTION_ROWS.min(max_rows.saturating_sub(out.len()));
        out.extend(wrapped(theme, "Question: ", q, room, width));
    }
    out.truncate(max_rows);
    out
}

/// Rows the header would like at this width (capped at `max_rows`).
pub fn height(theme: &Theme, story: &Story, width: u16, max_rows: u16) -> u16 {
    lines(theme, story, width, max_rows).len() as u16
}
