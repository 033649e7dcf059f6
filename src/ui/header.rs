//! Draws the story header (its lines: [`crate::view::header`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::story::Story;
use crate::view::header::lines;
use crate::view::theme::Theme;

use super::list::put_line;

pub fn render(theme: &Theme, story: &Story, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for (n, line) in lines(theme, story, area.width, area.height)
        .iter()
        .enumerate()
    {
        put_line(buf, area, area.y + n as u16, line);
    }
}
