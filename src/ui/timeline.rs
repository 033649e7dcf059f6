//! The Timeline pane: events in display order, each with its date as the
//! format shows dates (`14 Nov 2025`, `c. 2001?`), undated events marked;
//! narrowed with `t` to one party's or analyst's events.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::state::{ListPos, TimelineFilter};
use crate::app::Pane;
use crate::story::Story;

use super::list::{dim, fit, pad, render_list, ListSpec};
use super::text::{clip, width};

/// How an event's date is shown.
pub fn date_label(story: &Story, i: usize) -> String {
    story.timeline[i]
        .date
        .as_ref()
        .map_or_else(|| "undated".to_string(), |d| d.to_string())
}

/// The date column's width: the widest date of the story.
pub fn date_width(story: &Story) -> usize {
    (0..story.timeline.len())
        .map(|i| width(&date_label(story, i)))
        .max()
        .unwrap_or(0)
}

pub fn row(story: &Story, i: usize, cells: u16, date_w: usize) -> Line<'static> {
    let e = &story.timeline[i];
    let date = pad(&date_label(story, i), date_w);
    let date = if e.date.is_some() {
        Span::raw(date)
    } else {
        dim(date)
    };
    let title_w = usize::from(cells).saturating_sub(date_w + 2);
    fit(
        vec![date, Span::raw("  "), Span::raw(clip(&e.title, title_w))],
        cells,
    )
}

/// The pane title: "Timeline", or "Timeline [Alibaba]" when narrowed to one
/// party's or analyst's events.
pub fn title(filter: Option<&TimelineFilter>) -> String {
    match filter {
        Some(f) => format!("{} [{}]", Pane::Timeline.title(), f.short),
        None => Pane::Timeline.title().to_string(),
    }
}

pub fn render(
    story: &Story,
    filter: Option<&TimelineFilter>,
    area: Rect,
    buf: &mut Buffer,
    pos: ListPos,
    focused: bool,
) {
    let date_w = date_width(story);
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
    render_list(area, buf, &spec, &|i, w| {
        let e = event(i);
        if e < story.timeline.len() {
            row(story, e, w, date_w)
        } else {
            Line::default()
        }
    });
}
