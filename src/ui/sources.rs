//! The Sources pane: name, outlet, date, url and note of each source.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::state::ListPos;
use crate::app::Pane;
use crate::story::Story;

use super::list::{dim, fit, render_list, styled, ListSpec};
use super::text::clip;
use super::theme;

pub fn row(story: &Story, i: usize, cells: u16) -> Line<'static> {
    let s = &story.sources[i];
    let w = usize::from(cells);
    let mut parts = vec![styled(clip(&s.name, w), theme::bold())];
    if let Some(o) = &s.outlet {
        parts.push(Span::raw(format!(" · {}", clip(o, w))));
    }
    if let Some(d) = &s.date {
        parts.push(dim(format!(" · {d}")));
    }
    if let Some(u) = &s.url {
        parts.push(styled(format!(" {}", clip(u, w)), theme::link()));
    }
    if let Some(n) = &s.note {
        parts.push(dim(format!(" · {}", clip(n, w))));
    }
    fit(parts, cells)
}

pub fn render(story: &Story, area: Rect, buf: &mut Buffer, pos: ListPos, focused: bool) {
    let spec = ListSpec {
        title: Pane::Sources.title(),
        len: story.sources.len(),
        pos,
        focused,
        empty: "No sources",
    };
    render_list(area, buf, &spec, &|i, w| row(story, i, w));
}
