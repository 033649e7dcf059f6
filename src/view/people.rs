//! Where the parts of the People screens go: the list's rows, the cross-story
//! view's title, box and status bar.

use ratatui::layout::Rect;

use super::layout::{inner, list_areas};

/// Rows of the People list (the list box's inside, less the column header).
pub fn list_body(area: Rect) -> Rect {
    let list = inner(list_areas(area).list);
    if list.height < 2 {
        return Rect::new(list.x, list.y, 0, 0);
    }
    Rect {
        y: list.y + 1,
        height: list.height - 1,
        ..list
    }
}

pub fn list_rows(area: Rect) -> usize {
    usize::from(list_body(area).height)
}

/// The cross-story view's parts: a title row, the box, the status bar.
pub fn person_areas(area: Rect) -> (Rect, Rect, Rect) {
    let mut rest = area;
    let mut status = Rect::default();
    let mut title = Rect::default();
    if rest.height >= 2 {
        rest.height -= 1;
        status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    }
    if rest.height >= 4 {
        title = Rect::new(area.x, area.y, area.width, 1);
        rest.y += 1;
        rest.height -= 1;
    }
    (title, rest, status)
}

/// The inside of the cross-story view's box.
pub fn detail_body(area: Rect) -> Rect {
    inner(person_areas(area).1)
}

/// (width, height) the cross-story view is wrapped and scrolled at.
pub fn detail_size(area: Rect) -> (u16, u16) {
    let r = detail_body(area);
    (r.width, r.height)
}

pub fn detail_rows(area: Rect) -> usize {
    usize::from(detail_body(area).height)
}
