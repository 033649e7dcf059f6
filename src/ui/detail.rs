//! The Detail pane: the selected item in full, wrapped at word boundaries and
//! scrollable, with its cross-references (lines starting with →). Only the
//! visible lines are drawn; the wrapping is done once per width by the update.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::detail::{BlockStyle, LaidLine, LINK_MARK};
use crate::app::state::DetailView;

use super::list::{boxed, put_line};
use crate::view::theme::Theme;

fn style_of(theme: &Theme, s: BlockStyle) -> Style {
    match s {
        BlockStyle::Title => theme.title(),
        BlockStyle::Meta | BlockStyle::Note => theme.dim(),
        BlockStyle::Heading => theme.heading(),
        BlockStyle::Quote => theme.quote(),
        BlockStyle::Link => theme.link(),
        BlockStyle::Text | BlockStyle::Blank => theme.plain(),
    }
}

/// The title of the detail pane: "Detail", with the position when scrolled.
pub const TITLE: &str = "Detail";

pub fn render(theme: &Theme, view: &DetailView, area: Rect, buf: &mut Buffer, focused: bool) {
    render_titled(theme, view, area, buf, focused, TITLE);
}

/// The same, in a box with another title (the cross-story view of a person).
pub fn render_titled(
    theme: &Theme,
    view: &DetailView,
    area: Rect,
    buf: &mut Buffer,
    focused: bool,
    title: &str,
) {
    let inner = boxed(theme, area, buf, title, focused);
    draw_lines(theme, view, inner, buf, focused);
}

/// The lines of `view` that show in `inner` (no box), the cursor's when `focused`.
pub fn draw_lines(theme: &Theme, view: &DetailView, inner: Rect, buf: &mut Buffer, focused: bool) {
    if inner.is_empty() {
        return;
    }
    // The update wraps for the real pane width; wrap here only when drawn at another size.
    let relaid;
    let (lines, scroll, cursor): (&[LaidLine], usize, usize) = if view.width == inner.width {
        (&view.lines, view.scroll, view.cursor)
    } else {
        relaid = view.doc.lay_out(inner.width);
        (&relaid, 0, usize::MAX)
    };
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(1));
    let cursor_block = lines.get(cursor).map(|l| l.block);
    for (n, laid) in lines.iter().skip(scroll).take(height).enumerate() {
        let Some(block) = view.doc.blocks.get(laid.block) else {
            continue;
        };
        let text = block.text.get(laid.range.clone()).unwrap_or("");
        let style = style_of(theme, block.style);
        let mut spans = vec![Span::raw(" ".repeat(usize::from(block.indent)))];
        if block.link.is_some() {
            spans.push(Span::styled(
                if laid.first { LINK_MARK } else { "  " },
                style,
            ));
        }
        if laid.first
            && block.label > 0
            && block.label <= text.len()
            && text.is_char_boundary(block.label)
        {
            spans.push(Span::styled(text[..block.label].to_string(), theme.bold()));
            spans.push(Span::styled(text[block.label..].to_string(), style));
        } else {
            spans.push(Span::styled(text.to_string(), style));
        }
        let y = inner.y + n as u16;
        let mut line = Line::from(spans);
        // The cursor: the whole cross-reference it is on, or its one line.
        let on_cursor = if block.link.is_some() {
            cursor_block == Some(laid.block)
        } else {
            cursor == scroll + n
        };
        if focused && on_cursor {
            let sel = theme.selected(true);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), sel);
            line = line.patch_style(sel);
        }
        put_line(buf, inner, y, &line);
    }
}
