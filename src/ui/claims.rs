//! The Claims pane: each claim as a claim (never as fact), with its status and
//! each stance, by whom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::detail::{stance_word, status_word};
use crate::app::state::ListPos;
use crate::app::Pane;
use crate::story::{Claim, Story};

use super::list::{dim, fit, render_list, styled, ListSpec};
use super::text::clip;
use super::theme;

/// "Alibaba disputes; Richard Fisher supports".
pub fn stances(story: &Story, c: &Claim, cells: usize) -> String {
    c.stances
        .iter()
        .take(cells / 4 + 1)
        .map(|s| {
            format!(
                "{} {}",
                clip(story.name_of(&s.by), cells),
                stance_word(s.stance)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn row(story: &Story, i: usize, cells: u16) -> Line<'static> {
    let c = &story.claims[i];
    let w = usize::from(cells);
    let mut parts = vec![
        styled(format!("[{}] ", status_word(c.status)), theme::warning()),
        Span::raw(format!("claim: {}", clip(&c.text, w))),
    ];
    if !c.stances.is_empty() {
        parts.push(dim(format!(" — {}", stances(story, c, w))));
    }
    fit(parts, cells)
}

pub fn render(story: &Story, area: Rect, buf: &mut Buffer, pos: ListPos, focused: bool) {
    let spec = ListSpec {
        title: Pane::Claims.title(),
        len: story.claims.len(),
        pos,
        focused,
        empty: "No claims",
    };
    render_list(area, buf, &spec, &|i, w| row(story, i, w));
}
