//! The changes view (`d`): one story's changes since the reader's review, a row
//! each (the changed words marked, as `storyx diff` marks them: in colour, or
//! `[-old-]{+new+}` without), and the selected change in full below (its path and
//! kind, its words, the details of an added or removed item).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::review::{self, Described};
use crate::app::state::State;
use crate::app::Action;
use crate::diff::describe::{heading, Span as Piece};
use crate::sanitize::sanitize_line;
use crate::view::header::wrapped;
use crate::view::layout::list_areas;
use crate::view::text::{label, Wrap};
use crate::view::theme::Theme;

use super::list::{boxed, dim, fit, put_line, render_list, styled, ListSpec};
use super::status;

/// Story text on one line, safe for the terminal.
fn one_line(t: &str) -> String {
    let spaced: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    sanitize_line(&spaced).into_owned()
}

/// A change's words as spans: the removed and added words styled, and marked
/// `[-…-]` / `{+…+}` when there is no colour.
pub fn marked(theme: &Theme, d: &Described) -> Vec<Span<'static>> {
    d.line
        .spans
        .iter()
        .map(|p| match p {
            Piece::Text(t) => Span::raw(one_line(t)),
            Piece::Old(t) if theme.color => styled(one_line(t), theme.removed()),
            Piece::New(t) if theme.color => styled(one_line(t), theme.added()),
            Piece::Old(t) => Span::raw(format!("[-{}-]", one_line(t))),
            Piece::New(t) => Span::raw(format!("{{+{}+}}", one_line(t))),
        })
        .collect()
}

/// The plain text of spans (for wrapping).
fn text_of(spans: &[Span]) -> String {
    spans.iter().map(|s| s.content.as_ref()).collect()
}

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let a = list_areas(area);
    let changes = review::view_changes(state);
    let story = review::view_story(state).and_then(|s| state.corpus.stories.get(s));
    let title = story.map_or_else(String::new, |s| label(&s.title, 60));
    let n = changes.len();
    put_line(
        buf,
        a.title,
        a.title.y,
        &fit(
            vec![
                styled("Changes since your review", theme.title()),
                Span::raw(format!(
                    " · {n} change{} · “{title}”",
                    if n == 1 { "" } else { "s" }
                )),
            ],
            a.title.width,
        ),
    );
    let pos = state
        .review
        .view
        .as_ref()
        .map(|v| v.list)
        .unwrap_or_default();
    let row = |i: usize, w: u16| -> Line<'static> {
        let Some(d) = changes.get(i) else {
            return Line::default();
        };
        let mut spans = vec![styled(d.change.kind.label().to_string(), theme.bold())];
        spans.push(dim(theme, " · "));
        spans.extend(marked(theme, d));
        fit(spans, w)
    };
    let keys = &state.chrome.keys;
    let empty = match keys.first_key(|a| matches!(a, Action::ToggleReviewed)) {
        Some(k) => format!("No changes since your review ({k} marked this version reviewed)"),
        None => "No changes since your review".to_string(),
    };
    render_list(
        theme,
        a.list,
        buf,
        &ListSpec {
            title: "Changes",
            len: n,
            pos,
            focused: true,
            empty: &empty,
        },
        &row,
    );
    if let Some(d) = changes.get(pos.selected) {
        let open = keys.first_key(|a| matches!(a, Action::Open));
        preview(theme, d, open, a.preview, buf);
    }
    status::render(theme, state, a.status, buf);
}

/// The selected change in full.
/// `open`: the key that shows the change in the story, as bound.
fn preview(theme: &Theme, d: &Described, open: Option<String>, area: Rect, buf: &mut Buffer) {
    let inner = boxed(theme, area, buf, "Change", false);
    if inner.is_empty() {
        return;
    }
    let (w, rows) = (inner.width, usize::from(inner.height));
    let mut lines: Vec<Line<'static>> = wrapped(theme, "", &heading(&d.change), 2, w)
        .into_iter()
        .map(|l| l.patch_style(theme.heading()))
        .collect();
    // The words, wrapped with their marks: each wrapped row re-styled piece by piece.
    let room = rows.saturating_sub(lines.len());
    lines.extend(wrap_spans(&marked(theme, d), w, room));
    for (k, v) in &d.line.details {
        let room = rows.saturating_sub(lines.len());
        lines.extend(wrapped(theme, &format!("{k}: "), v, room.min(3), w));
    }
    let follow = match (&d.change.new, open) {
        (Some(_), Some(k)) => format!("{k} shows it in the story"),
        (Some(_), None) => String::new(),
        (None, _) => "Removed: no longer in the story".to_string(),
    };
    if lines.len() < rows && !follow.is_empty() {
        lines.push(fit(vec![dim(theme, follow)], w));
    }
    for (n, line) in lines.iter().take(rows).enumerate() {
        put_line(buf, inner, inner.y + n as u16, line);
    }
}

/// The spans wrapped at `width` cells, each row keeping the styles of the
/// characters it holds; at most `rows` rows.
fn wrap_spans(spans: &[Span<'static>], width: u16, rows: usize) -> Vec<Line<'static>> {
    let joined = text_of(spans);
    let mut bounds = Vec::with_capacity(spans.len());
    let mut at = 0usize;
    for s in spans {
        bounds.push((at, at + s.content.len(), s.style));
        at += s.content.len();
    }
    Wrap::new(&joined, usize::from(width))
        .take(rows)
        .map(|r| {
            let parts: Vec<Span<'static>> = bounds
                .iter()
                .filter_map(|&(a, b, style)| {
                    let (lo, hi) = (a.max(r.start), b.min(r.end));
                    (lo < hi).then(|| Span::styled(joined[lo..hi].to_string(), style))
                })
                .collect();
            Line::from(parts)
        })
        .collect()
}
