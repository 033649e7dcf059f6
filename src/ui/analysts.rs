//! The Analysts pane: name, role and affiliation, how many quotes, and their view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::state::ListPos;
use crate::app::Pane;
use crate::story::Story;
use crate::view::rows;
use crate::view::theme::Theme;

use super::list::{render_list, ListSpec};

pub fn render(
    theme: &Theme,
    story: &Story,
    counts: &[usize],
    area: Rect,
    buf: &mut Buffer,
    pos: ListPos,
    focused: bool,
) {
    let spec = ListSpec {
        title: Pane::Analysts.title(),
        len: story.analysts.len(),
        pos,
        focused,
        empty: "No analysts",
    };
    render_list(theme, area, buf, &spec, &|i, w| {
        rows::analyst_row(theme, story, counts, i, w)
    });
}
