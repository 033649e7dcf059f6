//! The cross-story view of one claim, drawn like the cross-story view of a person.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::claim_view::title;
use crate::app::state::State;
use crate::view::people::person_areas;
use crate::view::text::clip;
use crate::view::theme::Theme;

use super::list::{dim, fit, put_line, styled};
use super::{detail, status};

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let (title_area, body, status_area) = person_areas(area);
    let (id, stories) = title(state);
    let id = clip(&id, 40);
    let top = fit(
        vec![
            styled("storyx", theme.title()),
            Span::raw(format!(" · Claim › {id}")),
            dim(theme, status::follow_hint(state)),
        ],
        title_area.width,
    );
    put_line(buf, title_area, title_area.y, &top);
    let box_title = format!(
        "{id} across {stories} stor{}",
        if stories == 1 { "y" } else { "ies" }
    );
    detail::render_titled(theme, &state.claim.detail, body, buf, true, &box_title);
    status::render(theme, state, status_area, buf);
}
