//! Drawing helpers shared by every pane: a bordered, titled list that draws only
//! its visible rows, rows fitted to a width with an ellipsis, and writing a line
//! into a buffer without ever touching a cell outside the area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::state::ListPos;

use crate::view::layout::{inner, visible_offset};
pub use crate::view::line::{dim, fit, pad, styled};
use crate::view::text::width;
use crate::view::theme::Theme;

/// Writes `line` at row `y` of `area` (clipped to the area and to the buffer).
pub fn put_line(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() || y < area.y || y >= area.bottom() {
        return;
    }
    buf.set_line(area.x, y, line, area.width);
}

/// Puts `line` on row `y` of `area`; with `highlight` (a selected row) the whole
/// row takes that style, the blank right of the text too.
pub fn put_row(buf: &mut Buffer, area: Rect, y: u16, mut line: Line<'_>, highlight: Option<Style>) {
    if let Some(style) = highlight {
        buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        line = line.patch_style(style);
    }
    put_line(buf, area, y, &line);
}

/// What a list pane shows.
pub struct ListSpec<'a> {
    pub title: &'a str,
    pub len: usize,
    pub pos: ListPos,
    /// The pane has the keyboard focus.
    pub focused: bool,
    /// Text shown when the list is empty.
    pub empty: &'a str,
}

/// A bordered list titled `spec.title` with the position (`3/12`) on the right.
/// `row(i, width)` gives row `i`; only visible rows are asked for. A pane
/// less than three rows high is drawn as a one-line title bar.
pub fn render_list(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    spec: &ListSpec<'_>,
    row: &dyn Fn(usize, u16) -> Line<'static>,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let position = if spec.len == 0 {
        "0".to_string()
    } else {
        format!("{}/{}", spec.pos.selected + 1, spec.len)
    };
    if area.height < 3 || area.width < 3 {
        let title = format!("─ {} ", spec.title);
        let count = format!("({}) ", spec.len);
        let fill = usize::from(area.width).saturating_sub(width(&title) + width(&count));
        let bar = fit(
            vec![
                Span::styled(title, theme.border(spec.focused)),
                Span::styled(count, theme.dim()),
                Span::styled("─".repeat(fill), theme.border(spec.focused)),
            ],
            area.width,
        );
        put_line(buf, area, area.y, &bar);
        return;
    }
    let block = Block::bordered()
        .border_style(theme.border(spec.focused))
        .title(Line::from(Span::styled(
            format!(" {} ", spec.title),
            theme.border(spec.focused),
        )))
        .title_top(Line::from(Span::styled(format!(" {position} "), theme.dim())).right_aligned());
    block.render(area, buf);
    let inner = inner(area);
    if inner.is_empty() {
        return;
    }
    if spec.len == 0 {
        put_line(
            buf,
            inner,
            inner.y,
            &fit(
                vec![Span::styled(spec.empty.to_string(), theme.dim())],
                inner.width,
            ),
        );
        return;
    }
    let height = usize::from(inner.height);
    let offset = visible_offset(spec.pos.offset, spec.pos.selected, height, spec.len);
    let text_w = inner.width.saturating_sub(2);
    for (n, i) in (offset..spec.len.min(offset + height)).enumerate() {
        let y = inner.y + n as u16;
        let selected = i == spec.pos.selected;
        let marker = if selected { "› " } else { "  " };
        let mut line = row(i, text_w);
        line.spans.insert(0, Span::raw(marker));
        put_row(
            buf,
            inner,
            y,
            line,
            selected.then(|| theme.selected(spec.focused)),
        );
    }
}

/// A plain bordered box with a title; returns its inside.
pub fn boxed(theme: &Theme, area: Rect, buf: &mut Buffer, title: &str, focused: bool) -> Rect {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return area;
    }
    if area.height < 3 || area.width < 3 {
        let title = format!("─ {title} ");
        let fill = usize::from(area.width).saturating_sub(width(&title));
        let bar = fit(
            vec![
                Span::styled(title, theme.border(focused)),
                Span::styled("─".repeat(fill), theme.border(focused)),
            ],
            area.width,
        );
        put_line(buf, area, area.y, &bar);
        return Rect::new(area.x, area.y, 0, 0);
    }
    Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(
            format!(" {title} "),
            theme.border(focused),
        )))
        .render(area, buf);
    inner(area)
}
