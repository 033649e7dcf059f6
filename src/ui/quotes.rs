//! The Quotes pane: who said what. A direct quote is shown inside quotation
//! marks; a paraphrase never is, and is marked as reported speech; a quote
//! relayed by someone says "via" whom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::state::ListPos;
use crate::app::Pane;
use crate::story::{QuoteKind, Story};
use crate::wording::speech_mark;

use super::list::{dim, fit, render_list, styled, ListSpec};
use super::text::{clip, width};
use super::theme;

pub fn row(story: &Story, i: usize, cells: u16) -> Line<'static> {
    let q = &story.quotes[i];
    let w = usize::from(cells);
    let mut parts = vec![styled(clip(story.name_of(&q.by), w), theme::bold())];
    // The one wording of who said it and how (see `crate::wording`).
    let via = q.via.as_deref().map(|v| clip(story.name_of(v), w));
    let mark = speech_mark(q.kind, via.as_deref());
    if !mark.is_empty() {
        parts.push(dim(mark));
    }
    parts.push(Span::raw(": "));
    let used: usize = parts.iter().map(|s| width(&s.content)).sum();
    match q.kind {
        QuoteKind::Direct => {
            // Keep the closing mark when the words are cut.
            let room = w.saturating_sub(used + 2).max(1);
            parts.push(styled(format!("“{}”", clip(&q.text, room)), theme::quote()));
        }
        QuoteKind::Paraphrase => {
            parts.push(Span::raw(clip(&q.text, w)));
        }
    }
    fit(parts, cells)
}

pub fn render(story: &Story, area: Rect, buf: &mut Buffer, pos: ListPos, focused: bool) {
    let spec = ListSpec {
        title: Pane::Quotes.title(),
        len: story.quotes.len(),
        pos,
        focused,
        empty: "No quotes",
    };
    render_list(area, buf, &spec, &|i, w| row(story, i, w));
}
