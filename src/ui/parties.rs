//! The Parties pane: each party's name, kind and position in the story.

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
        title: Pane::Parties.title(),
        len: story.parties.len(),
        pos,
        focused,
        empty: "No parties",
    };
    render_list(theme, area, buf, &spec, &|i, w| {
        rows::party_row(theme, story, i, w)
    });
}
