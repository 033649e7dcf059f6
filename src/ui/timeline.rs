//! The Timeline pane: events in display order, each with its date as the
//! format shows dates (`14 Nov 2025`, `c. 2001?`), undated events marked;
//! narrowed with `t` to one party's or analyst's events.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::state::{ListPos, TimelineFilter};
use crate::app::Pane;
use crate::story::Story;
use crate::view::rows;
use crate::view::theme::Theme;

use super::list::{render_list, ListSpec};

/// The pane title: "Timeline", or "Timeline [Alibaba]" when narrowed to one
/// party's or analyst's events.
pub fn title(filter: Option<&TimelineFilter>) -> String {
    match filter {
        Some(f) => format!("{} [{}]", Pane::Timeline.title(), f.short),
        None => Pane::Timeline.title().to_string(),
    }
}

pub fn render(
    theme: &Theme,
    story: &Story,
    filter: Option<&TimelineFilter>,
    area: Rect,
    buf: &mut Buffer,
    pos: ListPos,
    focused: bool,
) {
    let date_w = rows::date_width(story);
    let title = title(filter);
    let len = filter.map_or(story.timeline.len(), |f| f.events.len());
    let spec = ListSpec {
        title: &title,
        len,
        pos,
        focused,
        empty: "No events",
    };
    let event =
        |row: usize| filter.map_or(row, |f| f.events.get(row).copied().unwrap_or(usize::MAX));
    render_list(theme, area, buf, &spec, &|i, w| {
        let e = event(i);
        if e < story.timeline.len() {
            rows::timeline_row(theme, story, e, w, date_w)
        } else {
            Line::default()
        }
    });
}
