//! The Analysts pane: name, role and affiliation, how many quotes, and their view.

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
    let a = &story.analysts[i];
    let w = usize::from(cells);
    let mut parts = vec![styled(clip(&a.name, w), theme::bold())];
    let role: Vec<String> = [&a.role, &a.affiliation]
        .into_iter()
        .flatten()
        .map(|s| clip(s, w))
        .collect();
    if !role.is_empty() {
        parts.push(dim(format!(", {}", role.join(", "))));
    }
    let n = story.quotes_by(&a.id).count();
    parts.push(dim(format!(
        " · {n} quote{}",
        if n == 1 { "" } else { "s" }
    )));
    if let Some(v) = &a.view {
        parts.push(Span::raw(": "));
        parts.push(Span::raw(clip(v, w)));
    }
    fit(parts, cells)
}

pub fn render(story: &Story, area: Rect, buf: &mut Buffer, pos: ListPos, focused: bool) {
    let spec = ListSpec {
        title: Pane::Analysts.title(),
        len: story.analysts.len(),
        pos,
        focused,
        empty: "No analysts",
    };
    render_list(area, buf, &spec, &|i, w| row(story, i, w));
}
