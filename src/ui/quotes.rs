//! The Quotes pane: who said what. A direct quote is shown inside quotation
//! marks; a paraphrase never is, and is marked as reported speech; a quote
//! relayed by someone says "via" whom.

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
        title: Pane::Quotes.title(),
        len: story.quotes.len(),
        pos,
        focused,
        empty: "No quotes",
    };
    render_list(theme, area, buf, &spec, &|i, w| {
        rows::quote_row(theme, story, i, w)
    });
}
