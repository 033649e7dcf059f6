//! The Parties pane: each party's name, kind and position in the story.

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
    let p = &story.parties[i];
    let w = usize::from(cells);
    let mut parts = vec![
        styled(clip(&p.name, w), theme::bold()),
        dim(format!(" · {}", p.kind)),
    ];
    match &p.position {
        Some(pos) => {
            parts.push(Span::raw(": "));
            parts.push(Span::raw(clip(pos, w)));
        }
        None => parts.push(dim(": no position given")),
    }
    fit(parts, cells)
}

pub fn render(story: &Story, area: Rect, buf: &mut Buffer, pos: ListPos, focused: bool) {
    let spec = ListSpec {
        title: Pane::Parties.title(),
        len: story.parties.len(),
        pos,
        focused,
        empty: "No parties",
    };
    render_list(area, buf, &spec, &|i, w| row(story, i, w));
}
