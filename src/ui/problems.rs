//! The problems screen: every file that failed to load and every warning, with
//! file:line:col and the message; the selected one in full beside or below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::state::State;
use crate::app::Action;
use crate::story::Diagnostic;
use crate::view::layout::visible_offset;

use super::list::{boxed, dim, fit, put_line, put_row, styled};
use super::status;
use crate::view::header::wrapped;
use crate::view::layout::list_areas;
use crate::view::text::clip;
use crate::view::theme::Theme;
use crate::view::words::problems_summary;

fn severity(theme: &Theme, d: &Diagnostic) -> Span<'static> {
    if d.is_error() {
        styled("error", theme.error())
    } else {
        styled("warning", theme.warning())
    }
}

pub fn row(theme: &Theme, d: &Diagnostic, cells: u16) -> Line<'static> {
    let w = usize::from(cells);
    fit(
        vec![
            severity(theme, d),
            Span::raw(format!(" {}: ", d.place())),
            Span::raw(clip(&d.message_with_path(), w)),
        ],
        cells,
    )
}

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let a = list_areas(area);
    let summary = problems_summary(&state.corpus);
    let title = fit(
        vec![
            styled("Problems", theme.title()),
            Span::raw(format!(" · {summary}")),
            dim(
                theme,
                state
                    .chrome
                    .keys
                    .hint(|a| matches!(a, Action::Close), "goes back")
                    .map(|h| format!(" · {h}"))
                    .unwrap_or_default(),
            ),
        ],
        a.title.width,
    );
    put_line(buf, a.title, a.title.y, &title);
    let inner = boxed(theme, a.list, buf, "Problems", true);
    let diags = &state.corpus.diagnostics;
    if !inner.is_empty() {
        if diags.is_empty() {
            put_line(
                buf,
                inner,
                inner.y,
                &fit(
                    vec![dim(
                        theme,
                        "No problems: every file loaded without a warning.",
                    )],
                    inner.width,
                ),
            );
        }
        let height = usize::from(inner.height);
        let offset = visible_offset(
            state.problems.offset,
            state.problems.selected,
            height,
            diags.len(),
        );
        for (n, i) in (offset..diags.len().min(offset + height)).enumerate() {
            let y = inner.y + n as u16;
            let line = row(theme, &diags[i], inner.width);
            let selected = i == state.problems.selected;
            put_row(buf, inner, y, line, selected.then(|| theme.selected(true)));
        }
    }
    let preview = boxed(theme, a.preview, buf, "Problem", false);
    if let Some(d) = diags
        .get(state.problems.selected)
        .filter(|_| !preview.is_empty())
    {
        let rows = usize::from(preview.height);
        let mut lines = vec![fit(
            vec![severity(theme, d), Span::raw(format!(" in {}", d.place()))],
            preview.width,
        )];
        if !d.path.is_empty() {
            lines.extend(wrapped(theme, "At: ", &d.path, 2, preview.width));
        }
        lines.push(Line::default());
        let room = rows.saturating_sub(lines.len());
        lines.extend(wrapped(theme, "", &d.message, room, preview.width));
        for (n, line) in lines.iter().take(rows).enumerate() {
            put_line(buf, preview, preview.y + n as u16, line);
        }
    }
    status::render(theme, state, a.status, buf);
}
