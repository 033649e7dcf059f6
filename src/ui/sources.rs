//! The Sources pane: name, outlet, date, url and note of each source.

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
    area: Rect,
    buf: &mut Buffer,
    pos: ListPos,
    focused: bool,
) {
    let spec = ListSpec {
        title: Pane::Sources.title(),
        len: story.sources.len(),
        pos,
        focused,
        empty: "No sources",
    };
    render_list(theme, area, buf, &spec, &|i, w| {
        rows::source_row(theme, story, i, w)
    });
}
